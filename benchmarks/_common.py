"""Shared set-up for the benchmarks: the research corpus as articles, read once by the real loader."""

from __future__ import annotations

import sys

import pandas as pd

from toolkit import config
from toolkit.load import load_corpus


def research_articles(limit: int | None = None) -> pd.DataFrame:
    """The 5,009-article research corpus through ``toolkit.load_corpus`` (exits with a message when absent)."""
    path = config.shared_path(*config.RESEARCH_CORPUS)
    if not path.exists():
        sys.exit(f"needs {path} (set DATELINE_SHARED to the shared data folder)")
    frame = load_corpus(path)
    return frame.head(limit) if limit else frame
