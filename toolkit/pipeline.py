"""Annotate a corpus into tidy tables, and cache them under ``data/processed/``.

:func:`annotate` is a pure function over a chunk of articles: it returns every
table of the data flow (``sentences``, ``time_expressions``, ``dateline_gaps``,
``quotes`` with sentiment, ``events``, ``counts``), each keyed by ``doc_id``.
The same call runs on one chunk, in a worker process or on a Dask partition; an
article on which an annotator raises is rejected with the error, not the chunk.

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


#: What :func:`annotate` does when an annotator raises on a chunk.
ON_ERROR = ("reject", "raise")


class AnnotatorError(RuntimeError):
    """An annotator raised; ``annotator`` names it, the cause is chained."""

    def __init__(self, annotator: str, error: Exception):
        super().__init__(f"{annotator} raised {type(error).__name__}: {error}")
        self.annotator = annotator


def _annotate_chunk(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every annotator over ``articles``; an exception is re-raised as :class:`AnnotatorError`."""
    from toolkit.annotate.counts import counts
    from toolkit.annotate.events import events
    from toolkit.annotate.gaps import dateline_gaps
    from toolkit.annotate.quotes import quotes
    from toolkit.annotate.sentences import sentences
    from toolkit.annotate.sentiment import score_sentiment
    from toolkit.annotate.times import time_expressions
    from toolkit.resources import MissingResourceError

    def run(name, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except MissingResourceError:
            raise  # the installation, not an article: every article would fail the same way
        except Exception as error:
            raise AnnotatorError(name, error) from error

    # Sentences once: events and counts report the same sentence spans as the sentences table.
    sents = run("sentences", sentences, articles)
    times = run("time_expressions", time_expressions, articles)
    quoted = run("quotes", quotes, articles)
    vader = run("score_sentiment(method='vader')", score_sentiment, quoted, method="vader")["compound"]
    quoted = run("score_sentiment(method='news')", score_sentiment, quoted, method="news")
    quoted = quoted.assign(vader_compound=vader.to_numpy())
    found_events = run("events", events, articles, times=times, sentences=sents)
    return {
        "sentences": sents,
        "time_expressions": times,
        "dateline_gaps": run("dateline_gaps", dateline_gaps, articles, times=times),
        "quotes": quoted,
        "events": found_events,
        "counts": run("counts", counts, articles, events=found_events, sentences=sents),
    }


def annotate(articles: pd.DataFrame, *, on_error: str = "reject") -> dict[str, pd.DataFrame]:
    """Run every annotator on ``articles`` (any frame with ``doc_id``, ``text``, ``published``).

    Every annotator works article by article, so a chunk can be split without changing any row.
    When an annotator raises (a bug: inputs the loader accepted should never make one fail), the
    chunk is split in halves until the failing articles stand alone; each of them goes to the
    rejection table with reason ``annotation_failed`` and the error, and every other article is
    annotated as usual. One bad article costs about ``log2(len(articles))`` extra passes over
    parts of the chunk, not the run.

    Args:
        articles: the articles, as from :func:`toolkit.load_corpus`.
        on_error: ``"reject"`` (default) as above, or ``"raise"`` to stop at the first error
            (:class:`AnnotatorError`, naming the annotator), e.g. when debugging.

    Returns:
        ``{"sentences": ..., "time_expressions": ..., "dateline_gaps": ..., "quotes": ...,
        "events": ..., "counts": ..., "rejected": ...}``. ``quotes`` carries the news sentiment
        model's ``neg, neu, pos, compound`` plus ``vader_compound`` (NLTK's VADER) for
        comparison; ``rejected`` holds the articles no annotator could finish (usually none).

    Raises:
        MissingResourceError: a data file an annotator needs is missing (not an article's fault).
    """
    from toolkit.io.rejections import Rejection, to_frame

    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
    parts: list[dict[str, pd.DataFrame]] = []
    failed: list[Rejection] = []

    def attempt(chunk: pd.DataFrame) -> None:
        try:
            parts.append(_annotate_chunk(chunk))
        except AnnotatorError as error:
            if on_error == "raise":
                raise
            if len(chunk) > 1:
                middle = len(chunk) // 2
                attempt(chunk.iloc[:middle])
                attempt(chunk.iloc[middle:])
                return
            row = chunk.iloc[0]
            source = row.get("source_path")
            failed.append(Rejection(
                str(source) if isinstance(source, str) else "", str(row["doc_id"]), "annotation_failed",
                f"{error}; the article is left out of every table (please report it as a bug)"))

    attempt(articles)
    names = ("sentences", "time_expressions", "dateline_gaps", "quotes", "events", "counts")
    if len(parts) == 1:
        result = parts[0]
    elif parts:
        result = {name: pd.concat([part[name] for part in parts], ignore_index=True) for name in names}
    else:  # every article failed: keep each table's columns and dtypes
        result = {name: table.iloc[:0] for name, table in _annotate_chunk(articles.iloc[:0]).items()}
    return {**result, "rejected": to_frame(failed)}


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
    from toolkit.io.rejections import RejectionTable
    from toolkit.load import load_corpus

    folder = folder or config.PROCESSED_DIR / "default"
    articles = load_corpus(source, **load_options)
    manifest = {"corpus": corpus_fingerprint(articles), "code": code_fingerprint(), "version": __version__,
                "articles": len(articles), "rejected": len(articles.attrs["rejected"])}
    manifest_path = folder / "manifest.json"
    if not refresh and manifest_path.exists() and json.loads(manifest_path.read_text()) == manifest:
        cached = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLE_NAMES if name != "articles"}
        cached["rejected"] = RejectionTable(cached["rejected"])  # the same type as a fresh run's
        return {"articles": _without_failed(articles, cached["rejected"]), **cached}
    annotated = annotate(articles)
    failed = annotated.pop("rejected")
    rejected = articles.attrs["rejected"]
    if len(failed):
        rejected = pd.concat([rejected, failed], ignore_index=True) if len(rejected) else failed
    result = {"articles": _without_failed(articles, rejected), "rejected": rejected, **annotated}
    write_tables(result, folder, manifest)
    return result


def _without_failed(articles: pd.DataFrame, rejected: pd.DataFrame) -> pd.DataFrame:
    """``articles`` without those an annotator failed on: every input is annotated or rejected."""
    failed = rejected.loc[rejected["reason"] == "annotation_failed", "doc_id"]
    if not len(failed):
        return articles
    kept = articles[~articles["doc_id"].astype(str).isin(failed)].copy()
    kept.attrs["rejected"] = rejected  # a RejectionTable (tables() makes the cached one one too)
    return kept
