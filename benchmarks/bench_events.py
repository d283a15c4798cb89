"""Throughput of events() + counts() on the research corpus, beside a naive regex peer.

Run: ``.venv/bin/python benchmarks/bench_events.py [--limit N]``. Prints articles/s and MB/s
(single process, one core) per wall second and per CPU second (``time.process_time``, the
figure to compare with the ">= 1,000 articles/s per core" bar on a shared machine), for
events+counts together, each annotator alone (``counts(frame)`` standalone finds its own event
mentions to link to), the naive regex peer, the sentences table, and events+counts given a
precomputed ``sentences`` table (``sentences=``, as the pipeline passes it), with and without
the time to build that table. Dates come from the built-in explicit-date reader
(``use_times=False``) so that the figure is that of the event/count annotators alone; the
``--with-times`` flag adds ``toolkit.annotate.times`` as in ``events(frame)``'s default.

``--repeat N`` runs every row N times and reports the best (least CPU time) run, with the range of
CPU art/s over the N runs: other processes on a shared machine slow single runs down.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import research_articles

from toolkit.annotate.counts import counts
from toolkit.annotate.events import events
from toolkit.annotate.sentences import sentences

NAIVE = re.compile(r"(\d+) (?:people )?(?:were )?killed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--with-times", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the best CPU time is reported")
    args = parser.parse_args()
    frame = research_articles(args.limit)
    n, mb = len(frame), frame["text"].str.len().sum() / 1e6
    events(frame.head(5))  # warm caches (Punkt, gazetteer)
    kw = {} if args.with_times else {"use_times": False}
    rows = []

    spread: dict[str, tuple[float, float]] = {}  # name -> (least, most) CPU seconds over the runs

    def timed(name, fn):
        runs = []
        for _ in range(max(1, args.repeat)):
            t0, c0 = time.perf_counter(), time.process_time()
            out = fn()
            runs.append((time.process_time() - c0, time.perf_counter() - t0))
        dc, dt = min(runs)
        spread[name] = (dc, max(c for c, _ in runs))
        rows.append((name, dt, dc, out))
        return out

    ev = timed("events(frame)", lambda: events(frame, **kw))
    timed("counts(frame, events=ev)", lambda: counts(frame, events=ev))
    timed("counts(frame) standalone", lambda: counts(frame))
    timed("naive kill regex (peer)",
                  lambda: [[int(m.group(1)) for m in NAIVE.finditer(t)] for t in frame["text"]])
    # the pipeline computes the sentences table anyway; given it, events/counts skip Punkt
    # (sentence spans then follow that table, so rows can differ from the default's)
    sents = timed("sentences(frame) table", lambda: sentences(frame))
    ev_s = timed("events(frame, sentences=)", lambda: events(frame, sentences=sents, **kw))
    timed("counts(frame, events=, sentences=)", lambda: counts(frame, events=ev_s, sentences=sents))
    by = {name: (dt, dc, out) for name, dt, dc, out in rows}

    def combo(name, parts):
        dt = sum(by[p][0] for p in parts)
        dc = sum(by[p][1] for p in parts)
        n_rows = sum(len(by[p][2]) for p in parts if hasattr(by[p][2], "__len__"))
        spread[name] = (sum(spread[p][0] for p in parts), sum(spread[p][1] for p in parts))
        return name, dt, dc, n_rows

    table = [
        combo("events + counts(events=)", ["events(frame)", "counts(frame, events=ev)"]),
        *[(name, dt, dc, len(out) if name != "naive kill regex (peer)" else sum(map(len, out)))
          for name, dt, dc, out in rows],
        combo("events + counts, sentences given", ["events(frame, sentences=)", "counts(frame, events=, sentences=)"]),
        combo("sentences + events + counts", ["sentences(frame) table", "events(frame, sentences=)",
                                              "counts(frame, events=, sentences=)"]),
    ]
    print(f"research corpus: {n} articles, {mb:.1f} MB (median {frame['text'].str.len().median():.0f} chars)")
    print("wall = elapsed time; cpu = per CPU-second of this process (closer to 'per core' on a busy machine)")
    print(f"best of {max(1, args.repeat)} runs per row (least CPU time); 'cpu range' = art/s cpu over the runs")
    print(f"{'system':<38}{'art/s wall':>11}{'art/s cpu':>10}{'cpu range':>12}{'MB/s wall':>10}{'MB/s cpu':>9}"
          f"{'ms/art cpu':>11}{'rows':>8}")
    for name, dt, dc, n_rows in table:
        least, most = spread[name]
        print(f"{name:<38}{n / dt:>11.0f}{n / dc:>10.0f}{f'{n / most:.0f}-{n / least:.0f}':>12}{mb / dt:>10.2f}"
              f"{mb / dc:>9.2f}{1000 * dc / n:>11.3f}{n_rows:>8}")

if __name__ == "__main__":
    main()
