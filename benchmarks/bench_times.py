"""Throughput of the time-expression tagger on the research corpus, next to a naive peer.

Run: ``.venv/bin/python benchmarks/bench_times.py [--limit N]``. Prints articles/s and MB/s
per core (CPU time of this process, so other jobs on the machine do not skew it; wall-clock too)
of ``toolkit.annotate.times.find_time_expressions`` (the per-text core, one core) and of
``time_expressions`` (the frame function, with intervals and gaps), and of a peer measured in
the same run: one regular expression of month names, weekdays and relative day words with
no normalisation (what a quick notebook would do).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import research_articles

from toolkit.annotate.times import find_time_expressions, time_expressions

PEER = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+\d{1,2})?(?:,\s+\d{4})?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|yesterday|today|tomorrow|(?:last|next|this)\s+(?:week|month|year))\b",
    re.I,
)


def _rate(label: str, wall: float, cpu: float, n_docs: int, n_bytes: int, found: int) -> None:
    print(f"{label:32} {n_docs / cpu:7.0f} articles/s {n_bytes / cpu / 1e6:6.2f} MB/s per core (CPU time)"
          f" | wall {n_docs / wall:6.0f} articles/s | {found / n_docs:5.1f} expressions/article")


class _Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    frame = research_articles(args.limit)
    texts = frame["text"].tolist()
    dcts = [None if pd.isna(p) else p.date() for p in frame["published"]]
    n, nbytes = len(texts), sum(len(t.encode("utf-8")) for t in texts)
    print(f"{n} articles, {nbytes / 1e6:.1f} MB, median {int(frame['text'].str.len().median())} chars")

    with _Timer() as t:
        found = sum(len(PEER.findall(x)) for x in texts)
    _rate("peer: naive month/weekday regex", t.wall, t.cpu, n, nbytes, found)

    with _Timer() as t:
        found = sum(len(find_time_expressions(x, dct=d)) for x, d in zip(texts, dcts, strict=True))
    _rate("find_time_expressions (core)", t.wall, t.cpu, n, nbytes, found)

    with _Timer() as t:
        out = time_expressions(frame)
    _rate("time_expressions (frame)", t.wall, t.cpu, n, nbytes, len(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
