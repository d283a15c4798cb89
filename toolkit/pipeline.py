"""Annotate a corpus into tidy tables, and cache them under ``data/processed/``.

:func:`annotate` is a pure function over a chunk of articles: it returns every
table of the data flow (``sentences``, ``time_expressions``, ``dateline_gaps``,
``quotes`` with sentiment, ``events``, ``counts``), each keyed by ``doc_id``.
The same call runs on one chunk, in a worker process or on a Dask partition.

:func:`tables` is what notebooks call: it loads the corpus, annotates it and
writes Parquet files to ``data/processed/`` with a manifest; a later call with
the same corpus and the same toolkit code reads them back instead of
re-annotating.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from toolkit import __version__, config

TABLE_NAMES = ("articles", "rejected", "sentences", "time_expressions", "dateline_gaps", "quotes", "events",
               "counts")


def annotate(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Run every annotator on ``articles`` (any frame with ``doc_id``, ``text``, ``published``).

    Returns:
        ``{"sentences": ..., "time_expressions": ..., "dateline_gaps": ..., "quotes": ...,
        "events": ..., "counts": ...}``. ``quotes`` carries the news sentiment model's
        ``neg, neu, pos, compound`` plus ``vader_compound`` (NLTK's VADER) for comparison.
    """
    from toolkit.annotate.counts import counts
    from toolkit.annotate.events import events
    from toolkit.annotate.gaps import dateline_gaps
    from toolkit.annotate.quotes import quotes
    from toolkit.annotate.sentences import sentences
    from toolkit.annotate.sentiment import score_sentiment
    from toolkit.annotate.times import time_expressions

    # Sentences once: events and counts report the same sentence spans as the sentences table.
    sents = sentences(articles)
    times = time_expressions(articles)
    quoted = quotes(articles)
    vader = score_sentiment(quoted, method="vader")["compound"]
    quoted = score_sentiment(quoted, method="news").assign(vader_compound=vader.to_numpy())
    found_events = events(articles, times=times, sentences=sents)
    return {
        "sentences": sents,
        "time_expressions": times,
        "dateline_gaps": dateline_gaps(articles, times=times),
        "quotes": quoted,
        "events": found_events,
        "counts": counts(articles, events=found_events, sentences=sents),
    }


def code_fingerprint() -> str:
    """Hash of the toolkit's code and resources: cached tables are stale when it changes."""
    digest = hashlib.sha1(__version__.encode(), usedforsecurity=False)
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_fingerprint(articles: pd.DataFrame) -> str:
    """Hash of what annotators read: the articles' ids, texts and datelines."""
    digest = hashlib.sha1(usedforsecurity=False)
    for doc_id, text, published in zip(articles["doc_id"], articles["text"], articles["published"], strict=True):
        digest.update(f"{doc_id}\x00{text}\x00{published}\x01".encode())
    return digest.hexdigest()[:16]


def parquet_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy that Parquet can store: no offset maps, lists and dicts as JSON text, no frame attrs."""
    out = frame.drop(columns=[c for c in ("offset_map",) if c in frame.columns])
    out.attrs = {}  # pandas writes attrs into Parquet metadata; the rejection table is its own file
    if "removed" in out.columns:
        out = out.assign(removed=out["removed"].map(json.dumps))
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(lambda v: v if v is None or isinstance(v, str) else json.dumps(v, default=str))
    return out


def write_tables(tables: dict[str, pd.DataFrame], folder: Path, manifest: dict) -> None:
    """Write each table to ``folder/<name>.parquet`` and the manifest last (so a crash leaves no stale cache)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").unlink(missing_ok=True)
    for name, frame in tables.items():
        parquet_ready(frame).to_parquet(folder / f"{name}.parquet", index=False)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))


def tables(source=None, *, folder: Path | None = None, refresh: bool = False, **load_options) -> dict[str, pd.DataFrame]:
    """All tables for a corpus, annotated once and then read from ``data/processed/``.

    Args:
        source: what :func:`toolkit.load_corpus` should read (default: seeds + bundled corpus).
        folder: where the Parquet cache lives (default ``data/processed/default``).
        refresh: annotate again even when the cache is fresh.
        **load_options: passed to :func:`toolkit.load_corpus` (column mappings, time zone).

    Returns:
        A dict with the keys in :data:`TABLE_NAMES`.
    """
    from toolkit.load import load_corpus

    folder = folder or config.PROCESSED_DIR / "default"
    articles = load_corpus(source, **load_options)
    manifest = {"corpus": corpus_fingerprint(articles), "code": code_fingerprint(), "version": __version__,
                "articles": len(articles), "rejected": len(articles.attrs["rejected"])}
    manifest_path = folder / "manifest.json"
    if not refresh and manifest_path.exists() and json.loads(manifest_path.read_text()) == manifest:
        cached = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLE_NAMES if name != "articles"}
        return {"articles": articles, **cached}
    result = {"articles": articles, "rejected": articles.attrs["rejected"], **annotate(articles)}
    write_tables(result, folder, manifest)
    return result
