"""Loading throughput: toolkit.load_corpus vs. pandas.read_csv on the research corpus.

Run: ``.venv/bin/python benchmarks/bench_load.py`` (or ``make bench``). Prints articles/s and MB/s for
Dateline's load (read + clean + date + offset maps) beside the peer, plain ``pandas.read_csv`` of the
same file, measured in the same run. The peer only parses the CSV; the gap is the price of cleaning.
"""

from __future__ import annotations

import sys
import time

import pandas as pd

import toolkit
from toolkit import config


def measure(label: str, fn, n_bytes: int, repeat: int = 3) -> tuple[int, float]:
    """Best of ``repeat`` runs, in CPU seconds of this process (per core; steady on a shared machine)."""
    best = wall = float("inf")
    rows = 0
    for _ in range(repeat):
        started, started_wall = time.process_time(), time.perf_counter()
        rows = len(fn())
        best = min(best, time.process_time() - started)
        wall = min(wall, time.perf_counter() - started_wall)
    print(f"{label:<34} {rows:>6} articles  {best:6.2f} CPU-s ({wall:5.2f} s wall)  "
          f"{rows / best:>8,.0f} articles/s  {n_bytes / best / 1e6:6.2f} MB/s per core")
    return rows, best


def main() -> int:
    path = config.shared_path(*config.RESEARCH_CORPUS)
    if not path.exists():
        print(f"skipped: research corpus not found at {path} (set DATELINE_SHARED)")
        return 0
    n_bytes = path.stat().st_size
    print(f"research corpus: {path} ({n_bytes / 1e6:.1f} MB), best of 3 runs, 1 process")
    measure("peer: pandas.read_csv", lambda: pd.read_csv(path), n_bytes)
    measure("dateline: toolkit.load_corpus", lambda: toolkit.load_corpus(path), n_bytes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
