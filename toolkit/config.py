"""Every path Dateline uses, built from the repository root.

Raw inputs (``seeds/``, ``data/raw/``) are immutable; derived files go to
``data/processed/`` and ``reports/``, which are git-ignored. The shared folder
with gold sets and the research corpus sits beside the repository
(``../shared``) and can be moved with the ``DATELINE_SHARED`` environment
variable.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent

SEEDS_DIR = REPO_ROOT / "seeds"
DATA_DIR = REPO_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
# Derived tables; DATELINE_PROCESSED moves them (tests point it at a temporary folder).
PROCESSED_DIR = Path(os.environ.get("DATELINE_PROCESSED", DATA_DIR / "processed"))
REPORTS_DIR = REPO_ROOT / "reports"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"

RESOURCES_DIR = PACKAGE_DIR / "resources"
NLTK_DATA_DIR = RESOURCES_DIR / "nltk_data"


def shared_dir() -> Path:
    """The shared data folder: ``$DATELINE_SHARED`` or ``../shared`` beside the repo."""
    override = os.environ.get("DATELINE_SHARED")
    return Path(override).expanduser().resolve() if override else REPO_ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder (it may not exist; callers check)."""
    return shared_dir().joinpath(*parts)


RESEARCH_CORPUS = ("corpora", "ukraine-media", "ukraine_media_fulltext.csv")
OPEN_CORPUS = ("corpora", "open")
GOLD_TIMEML = ("gold", "timeml")
GOLD_MENAFN = ("gold", "menafn")
GOLD_QUOTES = ("gold", "quotes", "polnear")
GOLD_VADER = ("gold", "sentiment", "vader")
GOLD_NEWSMTSC = ("gold", "sentiment", "newsmtsc")
GOLD_GDELT = ("gold", "gdelt")
