"""Read files, folders and frames into raw records, rejecting what cannot be read.

A *record* is a plain dict with the reserved keys ``raw_text``,
``source_path`` and ``format`` (``menafn``, ``text`` or ``table``), the
mapped fields (``doc_id``, ``title``, ``published``, ``outlet``, ``url``)
when the source has them, and every other column of a table row under its
own name (unknown columns are kept, never an error).

Supported inputs: a file; a folder (read recursively, hidden files skipped);
a list of those; a pandas DataFrame. File types: ``.txt`` (plain or MENAFN),
``.csv``/``.tsv``, ``.jsonl``/``.ndjson``/``.json`` (a list of objects),
``.parquet``; each may also be gzipped (``.gz``).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.io.rejections import Rejection

TEXT_SUFFIXES = {".txt", ".text"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}
SKIP_NAMES = {"readme.md", "readme.txt", "license", "licence", "license.txt", "licence.txt"}

# Candidate source columns for each field, tried in order when no mapping is given.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext"),
    "published": ("published", "publish_date", "published_at", "date", "datetime", "pubdate", "timestamp"),
    "title": ("title", "headline", "heading"),
    "outlet": ("outlet", "source", "publisher", "site", "source_name"),
    "url": ("url", "link", "href", "source_url"),
    "doc_id": ("doc_id", "id", "article_id", "guid"),
}
FIELDS = tuple(FIELD_CANDIDATES)


class ColumnMappingError(KeyError):
    """A column mapping names a column the source does not have."""

    def __str__(self) -> str:
        return str(self.args[0])


def _suffixes(path: Path) -> tuple[str, bool]:
    """The data suffix of ``path`` (``.csv`` for ``a.csv.gz``) and whether it is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def _read_bytes(path: Path, gz: bool) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read()
    return gzip.decompress(data) if gz else data


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10% control characters, in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and control / len(head) > 0.10


def decode(data: bytes) -> tuple[str, int]:
    """Decode UTF-8 (a BOM is dropped); undecodable bytes become U+FFFD.

    Returns:
        The text and the number of replacement characters the decoding introduced.
    """
    before = data.count("\ufffd".encode())
    text = data.decode("utf-8-sig", errors="replace")
    return text, text.count("\ufffd") - before


def resolve_mapping(columns: list[str], mapping: Mapping[str, str | None], where: str) -> dict[str, str]:
    """Map Dateline fields to source columns: the explicit ``mapping`` first, then the candidates.

    Raises:
        ColumnMappingError: a mapped column is not in ``columns``; the message lists the available ones.
    """
    resolved: dict[str, str] = {}
    for field in FIELDS:
        given = mapping.get(field)
        if given is not None:
            if given not in columns:
                raise ColumnMappingError(
                    f"{field}={given!r}: no such column in {where}. Available columns: {columns}"
                )
            resolved[field] = given
            continue
        lower = {c.lower(): c for c in columns}
        for candidate in FIELD_CANDIDATES[field]:
            if candidate in lower and lower[candidate] not in resolved.values():
                resolved[field] = lower[candidate]
                break
    if "text" not in resolved:
        raise ColumnMappingError(
            f"no text column found in {where}; pass text='<column>'. Available columns: {columns}"
        )
    return resolved


def _rows_to_records(
    rows: Iterator[tuple[int, dict[str, Any]]], columns: list[str], mapping: Mapping[str, str | None], where: str
) -> Iterator[dict[str, Any] | Rejection]:
    resolved = resolve_mapping(columns, mapping, where)
    source_of = {column: field for field, column in resolved.items()}
    for row_no, row in rows:
        record: dict[str, Any] = {"source_path": f"{where}#row={row_no}", "format": "table"}
        for column, value in row.items():
            if isinstance(value, float) and pd.isna(value):
                value = None
            key = source_of.get(column)
            if key is None:
                # An unmapped column keeps its name unless it would shadow a reserved or mapped one.
                shadows = column in ("raw_text", "source_path", "format") or column in FIELDS
                key = f"src_{column}" if shadows else column
            record[key] = value
        text = record.pop("text", None)
        if not isinstance(text, str):
            yield Rejection(record["source_path"], _str_or_none(record.get("doc_id")), "no_text",
                            f"column {resolved['text']!r} is {type(text).__name__}, not text")
            continue
        record["raw_text"] = text
        yield record


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_jsonl(text: str, where: str) -> Iterator[tuple[int, dict[str, Any]] | Rejection]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejection(f"{where}#row={line_no}", None, "bad_record", f"invalid JSON: {err.msg} (column {err.colno})")
            continue
        if not isinstance(obj, dict):
            yield Rejection(f"{where}#row={line_no}", None, "bad_record", "a JSONL line must be an object")
            continue
        yield line_no, obj


def _read_table(path: Path, suffix: str, gz: bool, mapping: Mapping[str, str | None]) -> Iterator[dict[str, Any] | Rejection]:
    where = str(path)
    if suffix == ".parquet":
        frame = pd.read_parquet(io.BytesIO(_read_bytes(path, gz)) if gz else path)
        if frame.empty:
            yield Rejection(where, None, "empty", "table has no rows")
        yield from read_frame(frame, mapping=mapping, where=where)
        return
    data = _read_bytes(path, gz)
    if looks_binary(data):
        yield Rejection(where, None, "binary", "file holds binary data, not text")
        return
    text, replaced = decode(data)
    if not text.strip():
        yield Rejection(where, None, "empty", "file is empty")
        return
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and not text.lstrip().startswith("[")):
        parsed = list(_read_jsonl(text, where))
    elif suffix == ".json":
        try:
            items = json.loads(text)
        except json.JSONDecodeError as err:
            yield Rejection(where, None, "bad_record", f"invalid JSON: {err.msg} (line {err.lineno})")
            return
        parsed = [(i, obj) if isinstance(obj, dict) else
                  Rejection(f"{where}#row={i}", None, "bad_record", "a JSON list item must be an object")
                  for i, obj in enumerate(items, start=1)]
    else:
        parsed = list(_read_csv(text, where, delimiter="\t" if suffix == ".tsv" else ","))
    rows = [p for p in parsed if not isinstance(p, Rejection)]
    yield from (p for p in parsed if isinstance(p, Rejection))
    columns = list(dict.fromkeys(k for _, row in rows for k in row))
    if not rows:
        if not parsed:
            yield Rejection(where, None, "empty", "table has a header but no rows")
        return
    for item in _rows_to_records(iter(rows), columns, mapping, where):
        if replaced and isinstance(item, dict):
            item["decode_replaced"] = item["raw_text"].count("\ufffd")
        yield item


def _read_csv(text: str, where: str, *, delimiter: str) -> Iterator[tuple[int, dict[str, Any]] | Rejection]:
    # The csv module, not pandas, so that one malformed row becomes one rejection with its row number.
    csv.field_size_limit(2**31 - 1)  # long articles exceed the module's 128 KiB default
    lines = io.StringIO(text, newline="").readlines()
    rows = _csv_rows(lines, delimiter=delimiter)
    header = next(rows, None)
    if header is None or isinstance(header[2], csv.Error):
        detail = "the file has no lines" if header is None else str(header[2])
        yield Rejection(where, None, "bad_record", f"no CSV header: {detail}")
        return
    header_values = header[2]
    row_no = 0
    for first, last, values in rows:
        row_no += 1
        if not values:
            continue
        lines_note = f"line {first}" if first == last else f"lines {first}-{last}"
        if isinstance(values, csv.Error) and first == last:
            # A stray mark on one line ('1,"Quoted" title,body') spoils no other record: read the
            # line as the lenient reader (and pandas) would, and keep it if its fields fit.
            lenient = next(csv.reader([lines[first - 1]], delimiter=delimiter), [])
            if len(lenient) == len(header_values):
                values = lenient
        if isinstance(values, csv.Error):
            reread = (f"line {last} is read again on its own" if last == first + 1
                      else f"lines {first + 1}-{last} are read again as records of their own")
            swallowed = "" if first == last else (
                f"; an unterminated quotation mark on line {first} ran on to line {last}, "
                f"so {reread}")
            yield Rejection(f"{where}#row={row_no}", None, "bad_record",
                            f"CSV error on {lines_note}: {values}{swallowed}")
            continue
        if len(values) != len(header_values):
            yield Rejection(f"{where}#row={row_no}", None, "bad_record",
                            f"row on {lines_note} has {len(values)} fields, header has "
                            f"{len(header_values)} (truncated or unquoted delimiter?)")
            continue
        yield row_no, dict(zip(header_values, values, strict=True))


def _csv_rows(lines: list[str], *, delimiter: str) -> Iterator[tuple[int, int, list[str] | csv.Error]]:
    """``(first_line, last_line, values or error)`` for each CSV record, in file order.

    The reader is strict, so a quotation mark that is never closed stops at the next stray
    mark or at the end of the data with an error instead of silently swallowing the records on
    the lines after it (the lenient default, and pandas, would return them as one long field).
    The swallowed lines are then parsed again on their own, so only the broken record is lost
    to the rejection table.
    """
    pending = [(0, len(lines))]  # ranges of line indices still to parse, innermost last
    readers: list[tuple[int, Any]] = []
    while pending or readers:
        if pending:
            lo, hi = pending.pop()
            readers.append((lo, csv.reader(iter(lines[lo:hi]), delimiter=delimiter, strict=True)))
        offset, reader = readers[-1]
        first = reader.line_num + 1
        try:
            values: list[str] | csv.Error = next(reader)
        except StopIteration:
            readers.pop()
            continue
        except csv.Error as err:
            values = err
            if reader.line_num > first:
                pending.append((offset + first, offset + reader.line_num))
        yield offset + first, offset + reader.line_num, values


def read_frame(frame: pd.DataFrame, *, mapping: Mapping[str, str | None] | None = None,
               where: str = "<frame>") -> Iterator[dict[str, Any] | Rejection]:
    """Records from the rows of an in-memory DataFrame (row numbers are 1-based positions)."""
    columns = [str(c) for c in frame.columns]
    rows = ((i, dict(zip(columns, values, strict=True)))
            for i, values in enumerate(frame.itertuples(index=False, name=None), start=1))
    yield from _rows_to_records(rows, columns, mapping or {}, where)


def read_text_file(path: Path, gz: bool) -> dict[str, Any] | Rejection:
    """One record from a plain-text or MENAFN file."""
    from toolkit.io.menafn import is_menafn

    where = str(path)
    data = _read_bytes(path, gz)
    if looks_binary(data):
        return Rejection(where, None, "binary", "file holds binary data, not text")
    text, replaced = decode(data)
    if not text.strip():
        return Rejection(where, None, "empty", "file is empty or only whitespace")
    return {"raw_text": text, "source_path": where, "format": "menafn" if is_menafn(text) else "text",
            "decode_replaced": replaced, "_bytes": data}


def iter_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in sorted order, skipping hidden ones."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(path: Path, *, mapping: Mapping[str, str | None] | None = None) -> Iterator[dict[str, Any] | Rejection]:
    """Records (or rejections) from one file or, recursively, a folder."""
    mapping = mapping or {}
    if path.is_dir():
        for file in iter_files(path):
            if file.name.lower() in SKIP_NAMES or file.suffix.lower() == ".md":
                continue  # documentation beside the data, not an article
            yield from read_path(file, mapping=mapping)
        return
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    suffix, gz = _suffixes(path)
    try:
        if suffix in TEXT_SUFFIXES or (suffix == "" and not gz):
            yield read_text_file(path, gz)
        elif suffix in TABLE_SUFFIXES:
            yield from _read_table(path, suffix, gz, mapping)
        else:
            yield Rejection(str(path), None, "unsupported",
                            f"file type {''.join(path.suffixes) or '(none)'} is not read; "
                            "supported: .txt, .csv, .tsv, .jsonl, .json, .parquet (optionally .gz)")
    except ColumnMappingError:
        raise
    except (OSError, EOFError, gzip.BadGzipFile, ValueError) as err:
        # pyarrow raises ArrowInvalid (a ValueError) for a damaged Parquet file.
        yield Rejection(str(path), None, "unreadable", f"{type(err).__name__}: {err}")
