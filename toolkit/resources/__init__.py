"""Offline resources: NLTK data shipped with the package, and cached loaders.

Dateline never downloads NLTK data at run time. The package carries its own
``nltk_data`` folder (``toolkit/resources/nltk_data``):

* ``tokenizers/punkt_tab/dateline_news/``: Punkt parameters trained on news
  text (Kiss & Strunk 2006), rebuilt by ``make punkt``;
* ``sentiment/vader_lexicon/vader_lexicon.txt``: the VADER lexicon (Hutto &
  Gilbert 2014, MIT licence), copied from the installed ``vaderSentiment``
  package by ``make nltk-data``.

NLTK 3.10 only opens data files that sit under a folder on ``nltk.data.path``,
so :func:`use_local_nltk_data` puts the package's folder first on that path.
Loaders are cached per process; they hold read-only parameters, never results.
"""

from __future__ import annotations

import functools
from pathlib import Path

from toolkit.config import NLTK_DATA_DIR, RESOURCES_DIR

PUNKT_MODEL = "dateline_news"
VADER_LEXICON = "sentiment/vader_lexicon/vader_lexicon.txt"

_FIXES = {
    "punkt": "make punkt   (retrains the Punkt parameters from the research corpus; "
    "or restore toolkit/resources/nltk_data/tokenizers/punkt_tab/ from git)",
    "vader": "make nltk-data   (copies vader_lexicon.txt from the installed vaderSentiment package; "
    "or pip install vaderSentiment)",
}


class MissingResourceError(LookupError):
    """A data file Dateline needs is missing; the message names the command that fixes it."""


def resource_path(*parts: str) -> Path:
    """Path of a data file shipped in ``toolkit/resources``."""
    return RESOURCES_DIR.joinpath(*parts)


def use_local_nltk_data() -> str:
    """Put the package's ``nltk_data`` folder first on ``nltk.data.path`` (idempotent)."""
    import nltk

    local = str(NLTK_DATA_DIR)
    if local not in nltk.data.path:
        nltk.data.path.insert(0, local)
    return local


def require(kind: str, path: Path) -> Path:
    """Return ``path`` or raise :class:`MissingResourceError` naming the fix for ``kind``."""
    if not path.exists():
        raise MissingResourceError(f"Dateline resource missing: {path}\nFix: {_FIXES[kind]}")
    return path


@functools.lru_cache(maxsize=1)
def punkt_tokenizer():
    """The news-trained Punkt sentence tokenizer, with Dateline's extra abbreviations.

    Returns:
        nltk.tokenize.PunktTokenizer: loaded from the package's ``punkt_tab`` folder.

    Raises:
        MissingResourceError: when the parameters are missing (fix: ``make punkt``).
    """
    from nltk.tokenize.punkt import PunktTokenizer

    require("punkt", NLTK_DATA_DIR / "tokenizers" / "punkt_tab" / PUNKT_MODEL / "abbrev_types.txt")
    use_local_nltk_data()
    tokenizer = PunktTokenizer(PUNKT_MODEL)
    tokenizer._params.abbrev_types.update(extra_abbreviations())
    return tokenizer


@functools.lru_cache(maxsize=1)
def extra_abbreviations() -> frozenset[str]:
    """Abbreviations that must never end a sentence (``abbreviations.txt``), lower-case, no final period."""
    path = require("punkt", resource_path("abbreviations.txt"))
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower().rstrip("."))
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def vader_analyzer():
    """NLTK's own VADER ``SentimentIntensityAnalyzer`` on the offline lexicon.

    Raises:
        MissingResourceError: when the lexicon is missing (fix: ``make nltk-data``).
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    require("vader", NLTK_DATA_DIR / VADER_LEXICON)
    use_local_nltk_data()
    return SentimentIntensityAnalyzer(lexicon_file=VADER_LEXICON)
