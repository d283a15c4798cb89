"""Rejection records: every input that did not become an article, and why.

``load_corpus`` returns them as ``frame.attrs["rejected"]`` (columns in
:data:`toolkit.schema.REJECTED`); :func:`toolkit.pipeline.tables` adds the articles
an annotator failed on. Reasons are short, stable codes:

=====================  ==========================================================
``empty``              the file or row has no text (or only whitespace)
``binary``             the file holds binary data (NUL bytes or mostly control chars)
``unreadable``         the file could not be read (truncated gzip, I/O error, bad Parquet)
``bad_record``         a JSONL line or CSV row could not be parsed
``no_text``            a row whose text column is missing or not a string
``duplicate_id``       another document already has this ``doc_id``
``duplicate_of``       the source itself marks the row as a duplicate of another item
``unsupported``        a file type the loader does not read (e.g. ``.pdf``)
``no_date``            no date could be read and ``require_date=True``
``annotation_failed``  an annotator raised on the article (a bug; added by
                       :func:`toolkit.pipeline.annotate`, the error in ``detail``)
=====================  ==========================================================
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from toolkit import schema


class Rejection(NamedTuple):
    source_path: str
    doc_id: str | None
    reason: str
    detail: str


class RejectionTable(pd.DataFrame):
    """The rejection table: a DataFrame that compares equal *by value*.

    It travels in ``articles.attrs["rejected"]``. pandas compares ``attrs`` with ``==`` when it
    concatenates or merges frames; a plain DataFrame there makes ``pd.concat`` and ``merge`` fail
    ("truth value of a DataFrame is ambiguous"), so this table's ``==`` returns one bool.
    Use ``table["reason"] == "empty"`` (a Series) for element-wise comparisons.
    """

    @property
    def _constructor(self):
        return RejectionTable

    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        return isinstance(other, pd.DataFrame) and self.equals(other)

    def __ne__(self, other: object) -> bool:  # type: ignore[override]
        return not self == other

    __hash__ = None  # type: ignore[assignment]


def to_frame(rejections: list[Rejection]) -> RejectionTable:
    """The rejection table, typed as documented in :mod:`toolkit.schema`."""
    if not rejections:
        return RejectionTable(schema.empty("rejected"))
    return RejectionTable(schema.conform(pd.DataFrame(rejections, columns=schema.columns("rejected")), "rejected"))
