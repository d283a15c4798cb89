"""``load_corpus``: files, folders and frames to one clean table of articles.

One call reads, cleans and dates a pile of news articles::

    articles = toolkit.load_corpus()                          # seeds/ + the bundled corpus
    articles = toolkit.load_corpus("my_folder/")              # .txt, MENAFN, CSV, JSONL, Parquet, .gz
    articles = toolkit.load_corpus("news.csv", text="body", published="date_raw")
    articles.attrs["rejected"]                                # what could not be loaded, and why

Nothing is dropped silently: every input either becomes a row or a row of
the rejection table ``frame.attrs["rejected"]`` (see :mod:`toolkit.io.rejections`).
Problems that do not stop an article from loading (a missing or unparseable
date, replaced bytes) are listed in its ``load_notes``. Column meanings are in
:data:`toolkit.schema.ARTICLES`.
"""

from __future__ import annotations

import argparse
import hashlib
import time
import zoneinfo
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit import config, schema
from toolkit.clean import clean_text
from toolkit.datelines import (
    choose_dateline,
    parse_body_dateline,
    parse_header_date,
    parse_metadata_date,
)
from toolkit.io.readers import read_frame, read_path
from toolkit.io.rejections import Rejection
from toolkit.io.rejections import to_frame as rejections_frame

Source = str | Path | pd.DataFrame


def default_sources() -> list[Path]:
    """The seed article and the bundled, openly licensed corpus under ``data/raw/``."""
    return [config.SEEDS_DIR, config.RAW_DIR]


def make_doc_id(record: dict[str, Any]) -> str:
    """A stable id: the source's own id when it has one, else a hash of what identifies the input.

    Files are identified by their bytes (so moving a folder keeps the ids), table rows by
    their URL, or by their text when there is no URL. Hashes are the first 16 hex digits of SHA-1.
    """
    given = record.get("doc_id")
    if given is not None and str(given).strip():
        return str(given).strip()
    if "_bytes" in record:
        payload = record["_bytes"]
    elif record.get("url"):
        payload = f"url:{record['url']}".encode()
    else:
        payload = f"text:{record['raw_text']}".encode()
    return hashlib.sha1(payload, usedforsecurity=False).hexdigest()[:16]


def _article(record: dict[str, Any], *, timezone: str, dayfirst: bool) -> dict[str, Any]:
    raw = record["raw_text"]
    is_file = record["format"] in ("text", "menafn")
    cleaned = clean_text(raw, menafn=record["format"] == "menafn" or None, extract_title=is_file)
    notes = []
    metadata_date = pd.NaT
    if "published" in record:
        metadata_date, problem = parse_metadata_date(record["published"], timezone=timezone, dayfirst=dayfirst)
        if problem:
            notes.append(problem)
    header = parse_header_date(cleaned.header_text)
    body = parse_body_dateline(cleaned.text)
    menafn_date = cleaned.menafn_id.date if cleaned.menafn_id else None
    if cleaned.menafn_id and menafn_date is None:
        notes.append(f"menafn_id_bad_date: {cleaned.menafn_id.raw}")
    chosen = choose_dateline(menafn=menafn_date, metadata=metadata_date, body=body,
                             header=header.timestamp if header else None)
    if chosen.source == "none":
        notes.append("no_date")
    if header and header.weekday_mismatch:
        notes.append("header_weekday_mismatch")
    replaced = int(record.get("decode_replaced") or 0)
    if replaced:
        notes.append(f"decode_replaced: {replaced} undecodable bytes replaced by U+FFFD")
    extra = {k: v for k, v in record.items()
             if k not in ("raw_text", "format", "_bytes", "published", "title", "outlet", "url",
                          "doc_id", "decode_replaced", "source_path")}
    return {
        "doc_id": record["doc_id"],
        "title": record.get("title") or cleaned.title,
        "outlet": record.get("outlet") or cleaned.outlet,
        "published": chosen.published,
        "published_source": chosen.source,
        "published_confidence": chosen.confidence,
        "header_text": cleaned.header_text,
        "header_date": header.timestamp if header else pd.NaT,
        "header_weekday_mismatch": header.weekday_mismatch if header else pd.NA,
        "metadata_date": metadata_date,
        "menafn_id": cleaned.menafn_id.raw if cleaned.menafn_id else None,
        "menafn_date": pd.Timestamp(menafn_date, tz="UTC") if menafn_date else pd.NaT,
        "body_dateline": body.text if body else None,
        "body_dateline_place": body.place if body else None,
        "body_dateline_date": chosen.body_date,
        "body_dateline_agency": body.agency if body else None,
        "dateline_conflict": chosen.conflict,
        "dateline_conflict_reason": chosen.conflict_reason,
        "dateline_conflict_days": chosen.conflict_days,
        "url": record.get("url"),
        "source_path": record["source_path"],
        "raw_text": raw,
        "text": cleaned.text,
        "offset_map": cleaned.offset_map,
        "removed": [r._asdict() for r in cleaned.removed],
        "decode_replaced": replaced,
        "load_notes": "; ".join(notes) or None,
        **extra,
    }


def _records(sources: Iterable[Source], mapping: dict[str, str | None]) -> Iterator[dict[str, Any] | Rejection]:
    for source in sources:
        if isinstance(source, pd.DataFrame):
            yield from read_frame(source, mapping=mapping)
        else:
            yield from read_path(Path(source), mapping=mapping)


def load_corpus(
    source: Source | Iterable[Source] | None = None,
    *,
    text: str | None = None,
    published: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    doc_id: str | bool | None = None,
    timezone: str = "UTC",
    dayfirst: bool = False,
    require_date: bool = False,
) -> pd.DataFrame:
    """Load, clean and date articles: one row per article.

    Args:
        source: a file, a folder (read recursively), a DataFrame, or a list of those.
            ``None`` loads ``seeds/`` plus the bundled corpus in ``data/raw/``.
        text, published, title, outlet, url, doc_id: which column of a table holds each field.
            When not given, common names are tried (``text``/``body``/``content``,
            ``published``/``date``, ...). A name that is not a column raises
            :class:`toolkit.io.readers.ColumnMappingError` listing the available columns.
            ``doc_id=False`` ignores any id column and hashes URLs or texts instead (for files that
            each number their rows from 1, whose ids would collide).
        timezone: IANA time zone of naive metadata timestamps (e.g. ``"Europe/Kyiv"``).
        dayfirst: read ambiguous numeric dates day first ("11.06.2025" is 11 June).
        require_date: reject articles for which no date can be read (reason ``no_date``)
            instead of keeping them with ``published = NaT``.

    Returns:
        The articles table (:data:`toolkit.schema.ARTICLES`, then any extra source columns),
        in input order, with the rejection table in ``.attrs["rejected"]``.
    """
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as err:
        raise ValueError(f"unknown time zone {timezone!r}: use an IANA name such as 'UTC' or 'Europe/Kyiv'") from err
    if source is None:
        sources: list[Source] = list(default_sources())
    elif isinstance(source, (str, Path, pd.DataFrame)):
        sources = [source]
    else:
        sources = list(source)
    mapping = {"text": text, "published": published, "title": title, "outlet": outlet, "url": url,
               "doc_id": None if doc_id is False else doc_id}
    rows: list[dict[str, Any]] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    for item in _records(sources, mapping):
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        if doc_id is False:
            item.pop("doc_id", None)
        item["doc_id"] = make_doc_id(item)
        if not item["raw_text"].strip():
            rejected.append(Rejection(item["source_path"], item["doc_id"], "empty", "text is empty"))
            continue
        duplicate_of = item.get("duplicate_of")
        if isinstance(duplicate_of, str) and duplicate_of.strip():
            rejected.append(Rejection(item["source_path"], item["doc_id"], "duplicate_of",
                                      f"the source marks this item as a duplicate of {duplicate_of}"))
            continue
        if item["doc_id"] in seen:
            rejected.append(Rejection(item["source_path"], item["doc_id"], "duplicate_id",
                                      f"doc_id {item['doc_id']!r} already loaded from {seen[item['doc_id']]}; "
                                      "if your files number their rows independently, pass doc_id=False"))
            continue
        article = _article(item, timezone=timezone, dayfirst=dayfirst)
        if not article["text"]:
            rejected.append(Rejection(item["source_path"], item["doc_id"], "empty",
                                      "no text left after cleaning (only a headline or boilerplate)"))
            continue
        if require_date and pd.isna(article["published"]):
            rejected.append(Rejection(item["source_path"], item["doc_id"], "no_date",
                                      article["load_notes"] or "no date could be read"))
            continue
        seen[item["doc_id"]] = item["source_path"]
        rows.append(article)
    frame = pd.DataFrame(rows) if rows else schema.empty("articles")
    frame = schema.conform(frame, "articles")
    frame.attrs["rejected"] = rejections_frame(rejected)
    return frame


def main(argv: list[str] | None = None) -> int:
    """``python -m toolkit load [SOURCE ...]``: load and print a summary and the rejections."""
    parser = argparse.ArgumentParser(prog="python -m toolkit load", description=main.__doc__)
    parser.add_argument("sources", nargs="*", help="files or folders (default: seeds/ and data/raw/)")
    for field in ("text", "published", "title", "outlet", "url", "doc_id"):
        parser.add_argument(f"--{field.replace('_', '-')}", dest=field, help=f"column holding {field}")
    parser.add_argument("--timezone", default="UTC", help="time zone of naive timestamps")
    parser.add_argument("--dayfirst", action="store_true", help="read 11.06.2025 as 11 June")
    parser.add_argument("--parquet", type=Path, help="also write the articles (without offset maps) here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    frame = load_corpus(args.sources or None, text=args.text, published=args.published, title=args.title,
                        outlet=args.outlet, url=args.url, doc_id=args.doc_id, timezone=args.timezone,
                        dayfirst=args.dayfirst)
    seconds = time.perf_counter() - started
    rejected = frame.attrs["rejected"]
    print(f"loaded {len(frame)} articles in {seconds:.1f} s; rejected {len(rejected)}")
    print(frame["published_source"].value_counts().to_string())
    print(f"dateline conflicts: {int(frame['dateline_conflict'].sum())}")
    if len(rejected):
        print(rejected.groupby("reason").size().to_string())
    if args.parquet:
        from toolkit.pipeline import parquet_ready

        parquet_ready(frame).to_parquet(args.parquet, index=False)
        print(f"wrote {args.parquet}")
    return 0
