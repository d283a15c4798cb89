"""Throughput of the time-expression tagger on the research corpus, next to a naive peer.

Run: ``.venv/bin/python benchmarks/bench_times.py [--limit N]``. Prints articles/s and MB/s
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

from toolkit import config
from toolkit.annotate.times import find_time_expressions, time_expressions

PEER = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+\d{1,2})?(?:,\s+\d{4})?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|yesterday|today|tomorrow|(?:last|next|this)\s+(?:week|month|year))\b",
    re.I,
)


def _rate(label: str, seconds: float, n_docs: int, n_bytes: int, found: int) -> None:
    print(f"{label:34} {n_docs / seconds:9.0f} articles/s {n_bytes / seconds / 1e6:7.2f} MB/s"
          f"   {found / n_docs:6.1f} expressions/article")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--csv", default=str(config.shared_path("corpora", "ukraine-media", "ukraine_media_fulltext.csv")))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    path = Path(args.csv)
    if not path.exists():
        print(f"research corpus not found: {path}")
        return 1
    df = pd.read_csv(path, nrows=args.limit)
    frame = pd.DataFrame({"doc_id": df.index.astype(str), "text": df["text"].fillna(""),
                          "published": pd.to_datetime(df["date"], utc=True, errors="coerce")})
    texts = frame["text"].tolist()
    dcts = [None if pd.isna(p) else p.date() for p in frame["published"]]
    n, nbytes = len(texts), sum(len(t.encode("utf-8")) for t in texts)
    print(f"{n} articles, {nbytes / 1e6:.1f} MB, median {int(frame['text'].str.len().median())} chars")

    t0 = time.perf_counter()
    found = sum(len(PEER.findall(t)) for t in texts)
    _rate("peer: naive month/weekday regex", time.perf_counter() - t0, n, nbytes, found)

    t0 = time.perf_counter()
    found = sum(len(find_time_expressions(t, dct=d)) for t, d in zip(texts, dcts, strict=True))
    _rate("find_time_expressions (core)", time.perf_counter() - t0, n, nbytes, found)

    t0 = time.perf_counter()
    out = time_expressions(frame)
    _rate("time_expressions (frame)", time.perf_counter() - t0, n, nbytes, len(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
