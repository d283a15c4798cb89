"""Throughput of events() + counts() on the research corpus, beside a naive regex peer.

Run: ``.venv/bin/python benchmarks/bench_events.py [--limit N]``. Prints articles/s and MB/s
(single process, one core). Dates come from the built-in explicit-date reader
(``use_times=False``) so that the figure is that of the event/count annotators alone; the
``--with-times`` flag adds ``toolkit.annotate.times`` as in ``events(frame)``'s default.
"""

from __future__ import annotations

import argparse
import re
import time

import pandas as pd

from toolkit import config
from toolkit.annotate.counts import counts
from toolkit.annotate.events import events

NAIVE = re.compile(r"(\d+) (?:people )?(?:were )?killed")


def load(limit: int | None) -> pd.DataFrame:
    path = config.shared_path(*config.RESEARCH_CORPUS)
    df = pd.read_csv(path)
    df = df[df["text"].notna()].reset_index(drop=True)
    if limit:
        df = df.head(limit)
    return pd.DataFrame({"doc_id": df.index.astype(str), "text": df["text"],
                         "published": pd.to_datetime(df["date"], utc=True, errors="coerce")})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--with-times", action="store_true")
    args = parser.parse_args()
    frame = load(args.limit)
    n, mb = len(frame), frame["text"].str.len().sum() / 1e6
    events(frame.head(5))  # warm caches (Punkt, gazetteer)
    t0 = time.perf_counter()
    if args.with_times:
        ev = events(frame)
    else:
        ev = events(frame, use_times=False)
    ct = counts(frame, events=ev)
    t1 = time.perf_counter()
    naive = [[int(m.group(1)) for m in NAIVE.finditer(t)] for t in frame["text"]]
    t2 = time.perf_counter()
    print(f"research corpus: {n} articles, {mb:.1f} MB (median {frame['text'].str.len().median():.0f} chars)")
    print(f"{'system':<28}{'articles/s':>12}{'MB/s':>8}{'rows':>9}")
    dt = t1 - t0
    print(f"{'dateline events+counts':<28}{n / dt:>12.0f}{mb / dt:>8.2f}{len(ev) + len(ct):>9}")
    dn = t2 - t1
    print(f"{'naive kill regex':<28}{n / dn:>12.0f}{mb / dn:>8.2f}{sum(map(len, naive)):>9}")


if __name__ == "__main__":
    main()
