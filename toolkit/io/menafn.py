"""MENAFN syndication: the article id, the site banner and the outlet tag.

MENAFN (menafn.com) republishes agency and newspaper stories. Each item ends
with an id line ``MENAFN<DDMMYYYY><12-digit provider code>ID<article number>``:
the eight digits after ``MENAFN`` are the day MENAFN published the item, which
is the article's true dateline. The page header printed above the headline
("Tuesday, 02 January 2024 12:17 GMT") is a site banner that is often stale,
so it is parsed and kept for comparison but never preferred over the id.
Evidence for the id layout: ``../shared/gold/menafn/``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MENAFN_ID = re.compile(r"\bMENAFN(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{4})(?P<provider>\d{12})ID(?P<article>\d+)\b")
OUTLET_TAG = re.compile(r"\(MENAFN-\s*(?P<outlet>[^)\n]{1,80}?)\s*\)\s*")


class MenafnId(NamedTuple):
    """A parsed MENAFN id; ``date`` is None when the eight digits are not a calendar date."""

    raw: str
    date: dt.date | None
    provider: str
    article: str
    start: int
    end: int


def parse_menafn_id(value: str) -> MenafnId | None:
    """Parse the first MENAFN id in ``value``.

    Args:
        value: an id such as ``MENAFN11062025007365015876ID1109660795`` or any text containing one.

    Returns:
        The parsed id, or None when there is none. An impossible date (``MENAFN31022025…``)
        gives ``date=None`` rather than an error, so the caller can say why it was not used.

    Example:
        >>> parse_menafn_id("MENAFN11062025007365015876ID1109660795").date
        datetime.date(2025, 6, 11)
    """
    match = MENAFN_ID.search(value)
    if match is None:
        return None
    try:
        date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        date = None
    return MenafnId(match.group(0), date, match["provider"], match["article"], match.start(), match.end())


def find_menafn_id(text: str) -> MenafnId | None:
    """The last MENAFN id line in ``text`` (the id closes the article body)."""
    last = None
    for match in MENAFN_ID.finditer(text):
        last = match
    if last is None:
        return None
    parsed = parse_menafn_id(last.group())
    return parsed._replace(start=last.start(), end=last.end()) if parsed else None


def is_menafn(text: str) -> bool:
    """True when ``text`` looks like a MENAFN syndication page (id line or outlet tag)."""
    return bool(MENAFN_ID.search(text) or OUTLET_TAG.search(text))
