"""Throughput of events() + counts() on the research corpus, beside a naive regex peer.

Run: ``.venv/bin/python benchmarks/bench_events.py [--limit N]``. Prints articles/s and MB/s
(single process, one core) per wall second and per CPU second (``time.process_time``, the
figure to compare with the ">= 1,000 articles/s per core" bar on a shared machine), for
events+counts together and for each annotator; then the same given a precomputed
``sentences`` table (``sentences=``, as the pipeline can pass it), timed without the table. Dates come from the built-in explicit-date reader
(``use_times=False``) so that the figure is that of the event/count annotators alone; the
``--with-times`` flag adds ``toolkit.annotate.times`` as in ``events(frame)``'s default.
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
    args = parser.parse_args()
    frame = research_articles(args.limit)
    n, mb = len(frame), frame["text"].str.len().sum() / 1e6
    events(frame.head(5))  # warm caches (Punkt, gazetteer)
    t0, c0 = time.perf_counter(), time.process_time()
    if args.with_times:
        ev = events(frame)
    else:
        ev = events(frame, use_times=False)
    te, ce = time.perf_counter(), time.process_time()
    ct = counts(frame, events=ev)
    t1, c1 = time.perf_counter(), time.process_time()
    naive = [[int(m.group(1)) for m in NAIVE.finditer(t)] for t in frame["text"]]
    t2, c2 = time.perf_counter(), time.process_time()
    # the pipeline computes the sentences table anyway; given it, events/counts skip Punkt
    # (sentence spans then follow that table, so rows can differ from the default's)
    sents = sentences(frame)
    t3, c3 = time.perf_counter(), time.process_time()
    kw = {} if args.with_times else {"use_times": False}
    ev_s = events(frame, sentences=sents, **kw)
    ct_s = counts(frame, events=ev_s, sentences=sents)
    t4, c4 = time.perf_counter(), time.process_time()
    print(f"research corpus: {n} articles, {mb:.1f} MB (median {frame['text'].str.len().median():.0f} chars)")
    print("wall = elapsed time; cpu = per CPU-second of this process (closer to 'per core' on a busy machine)")
    print(f"{'system':<28}{'art/s wall':>11}{'art/s cpu':>10}{'MB/s wall':>10}{'MB/s cpu':>9}{'rows':>8}")
    for name, dt, dc, rows in (("dateline events+counts", t1 - t0, c1 - c0, len(ev) + len(ct)),
                               ("  of which events()", te - t0, ce - c0, len(ev)),
                               ("  of which counts(events=)", t1 - te, c1 - ce, len(ct)),
                               ("naive kill regex", t2 - t1, c2 - c1, sum(map(len, naive))),
                               ("sentences() table", t3 - t2, c3 - c2, len(sents)),
                               ("events+counts(sentences=)", t4 - t3, c4 - c3, len(ev_s) + len(ct_s))):
        print(f"{name:<28}{n / dt:>11.0f}{n / dc:>10.0f}{mb / dt:>10.2f}{mb / dc:>9.2f}{rows:>8}")


if __name__ == "__main__":
    main()
