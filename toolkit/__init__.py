"""Dateline: load, clean and annotate corpora of conflict news.

The public API, re-exported here (imported lazily, so ``import toolkit`` is fast)::

    articles = toolkit.load_corpus()              # one row per article, see toolkit.schema
    rejected = articles.attrs["rejected"]         # inputs that could not be loaded, with reasons
    sents    = toolkit.sentences(articles)
    times    = toolkit.time_expressions(articles)
    gaps     = toolkit.dateline_gaps(articles)
    quotes   = toolkit.quotes(articles).pipe(toolkit.score_sentiment)
    events   = toolkit.events(articles)
    counts   = toolkit.counts(articles)

Column names and dtypes of every table are documented once, in :mod:`toolkit.schema`.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "toolkit.load",
    "clean_text": "toolkit.clean",
    "parse_menafn_id": "toolkit.io.menafn",
    "sentences": "toolkit.annotate.sentences",
    "time_expressions": "toolkit.annotate.times",
    "dateline_gaps": "toolkit.annotate.gaps",
    "quotes": "toolkit.annotate.quotes",
    "score_sentiment": "toolkit.annotate.sentiment",
    "events": "toolkit.annotate.events",
    "counts": "toolkit.annotate.counts",
    "to_gkg": "toolkit.export.gkg",
}
# Modules that are part of the public API as modules (toolkit.clean.clean_text, toolkit.schema.describe, ...).
_MODULES = ("aggregate", "clean", "config", "datelines", "pipeline", "plots", "schema")

__all__ = sorted([*_EXPORTS, *_MODULES])


def __getattr__(name: str):
    if name in _MODULES:
        return importlib.import_module(f"toolkit.{name}")
    if name not in _EXPORTS:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
