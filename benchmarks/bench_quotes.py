"""Throughput of toolkit.quotes on the research corpus, beside a naive regex peer.

Run: ``.venv/bin/python benchmarks/bench_quotes.py [--limit N] [--repeat R]``

Prints articles/s and MB/s (UTF-8 bytes of ``text``) per system, on wall-clock
time and on CPU time of this process (the machine is shared, so CPU time is the
fairer per-core figure). The peer is ``naive_quotes``: text between double
marks with a following "X said", measured in the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import research_articles

from toolkit.annotate.quotes import naive_quotes, quotes


def load(limit: int | None) -> pd.DataFrame:
    """The research corpus as articles (doc_id, text, published, ...)."""
    return research_articles(limit)


def bench(name: str, fn, frame: pd.DataFrame, repeat: int) -> dict[str, float | str]:
    """Best of ``repeat`` runs of ``fn(frame)``."""
    mb = frame["text"].map(lambda t: len(t.encode("utf-8"))).sum() / 1e6
    best_wall = best_cpu = float("inf")
    rows = 0
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn(frame)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        rows = len(out)
    n = len(frame)
    return {"system": name, "articles": n, "MB": mb, "quotes": rows,
            "art/s (cpu)": n / best_cpu, "MB/s (cpu)": mb / best_cpu,
            "art/s (wall)": n / best_wall, "MB/s (wall)": mb / best_wall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=2, help="runs per system (best kept)")
    args = parser.parse_args(argv)
    frame = load(args.limit)
    median_chars = int(frame["text"].str.len().median())
    print(f"research corpus: {len(frame)} articles, median {median_chars} characters")
    rows = [bench("toolkit.quotes", quotes, frame, args.repeat),
            bench("naive regex", naive_quotes, frame, args.repeat)]
    table = pd.DataFrame(rows).set_index("system")
    with pd.option_context("display.float_format", "{:,.1f}".format, "display.width", 200,
                           "display.max_columns", 20):
        print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
