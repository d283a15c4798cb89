"""Which date is an article's true dateline, and how sure are we?

Evidence, from strongest to weakest (:data:`CONFIDENCE`):

1. ``menafn_id``: the date encoded in a MENAFN id (``MENAFN11062025…`` = 11 June 2025),
   written by the syndicator when the item was published.
2. ``metadata``: a date the source gives in a column or field.
3. ``body_dateline``: the agency dateline opening the body ("KYIV, June 11 (Reuters) -").
   It has no year; the year is taken from the other evidence (or left unresolved).
4. ``header``: a date printed above the headline. On MENAFN pages this is a
   site banner that is often stale ("Tuesday, 02 January 2024 12:17 GMT" on a
   June 2025 story), so it is used only when nothing else is there.

The strongest available source wins. Every other source is compared with it
on the calendar day; a difference of one day or more is a *conflict*,
reported with the gap in days, e.g. ``header 2024-01-02 is 526 days before
menafn_id 2025-06-11``. Body datelines name the day of the *event desk*, so a
one-day difference with the metadata is common (time zones, overnight
publication) and is reported but does not lower the confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import pandas as pd

CONFIDENCE = {"menafn_id": 0.95, "metadata": 0.9, "body_dateline": 0.7, "header": 0.5, "none": 0.0}
PRIORITY = ("menafn_id", "metadata", "body_dateline", "header")

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"

HEADER_DATE = re.compile(
    rf"(?:(?P<weekday>[A-Z][a-z]+),?\s+)?(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}}),?)"
    rf",?\s+(?P<year>\d{{4}})(?:,?\s+(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})(?::(?P<second>\d{{2}}))?\s*(?P<ampm>[AP]M)?)?"
)
BODY_DATELINE = re.compile(
    rf"\A(?P<dateline>(?P<place>[A-Z][A-Za-z.'\-]*(?:[ \-][A-Z][A-Za-z.'\-]*){{0,3}}(?:,\s*(?!{_MONTH}\s+\d)[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){{0,2}})?)"
    rf"(?:,?\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&/\-]{0,30})\))?(?:\s*(?P<dash>[-\u2013\u2014]{1,2}|:))?)\s*"
)


class HeaderDate(NamedTuple):
    """A printed header date, parsed; ``weekday_mismatch`` when its weekday is not its date's."""

    timestamp: pd.Timestamp
    weekday_mismatch: bool


class BodyDateline(NamedTuple):
    """The dateline opening an article body, with character offsets into the cleaned text."""

    text: str
    place: str
    month: int | None
    day: int | None
    agency: str | None
    start: int
    end: int


def parse_header_date(header: str | None) -> HeaderDate | None:
    """Parse a header such as ``"Tuesday, 02 January 2024 12:17 GMT"`` (times are taken as UTC)."""
    if not header:
        return None
    m = HEADER_DATE.search(header)
    if not m:
        return None
    month = MONTHS.get((m["month"] or m["month2"]).rstrip(".").lower())
    day = int(m["day"] or m["day2"])
    hour, minute, second = int(m["hour"] or 0), int(m["minute"] or 0), int(m["second"] or 0)
    if m["ampm"] == "PM" and hour < 12:
        hour += 12
    elif m["ampm"] == "AM" and hour == 12:
        hour = 0
    try:
        stamp = pd.Timestamp(dt.datetime(int(m["year"]), month, day, hour, minute, second, tzinfo=dt.UTC))
    except (TypeError, ValueError):
        return None
    weekday = WEEKDAYS.get((m["weekday"] or "")[:3].lower()) if m["weekday"] else None
    if weekday is None and m["weekday"]:
        weekday = WEEKDAYS.get(m["weekday"][:4].lower())
    return HeaderDate(stamp, weekday is not None and weekday != stamp.weekday())


def parse_body_dateline(text: str) -> BodyDateline | None:
    """Parse a body dateline at the start of ``text``.

    Recognises "KYIV, June 11 (Reuters) -", "MOSCOW (AP) —", "RABAT, Jan 22 (KUNA) --",
    "Kyiv, Ukraine (CNN) —". A dateline needs an agency in brackets or a date, and an
    upper-case place, so an ordinary first sentence is not mistaken for one.
    """
    m = BODY_DATELINE.match(text)
    if not m or not (m["agency"] or (m["month"] and m["dash"])):
        return None
    place = m["place"].strip()
    first_word = place.split(",")[0].split()[0]
    if not (first_word.isupper() and len(first_word.strip(".")) >= 2):
        return None  # "Sen. Lindsey Graham (R-S.C.)" is a name, not a dateline
    month = MONTHS.get(m["month"].rstrip(".").lower()) if m["month"] else None
    return BodyDateline(m["dateline"].strip(), place, month, int(m["day"]) if m["day"] else None,
                        m["agency"], m.start("dateline"), m.end("dateline"))


def resolve_month_day(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The date with this month and day nearest to ``reference`` (a dateline has no year)."""
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    return best


class Dateline(NamedTuple):
    """The chosen dateline and the evidence for it."""

    published: pd.Timestamp
    source: str
    confidence: float
    conflict: bool
    conflict_reason: str | None
    conflict_days: int | None
    body_date: pd.Timestamp


def choose_dateline(
    *,
    menafn: dt.date | None = None,
    metadata: pd.Timestamp | None = None,
    body: BodyDateline | None = None,
    header: pd.Timestamp | None = None,
) -> Dateline:
    """Pick the best dateline from the available evidence and report conflicts.

    Args:
        menafn: date from a MENAFN id.
        metadata: tz-aware timestamp from the source's metadata.
        body: the parsed body dateline (month/day only).
        header: the parsed printed header.

    Returns:
        :class:`Dateline`: ``published`` is tz-aware UTC (midnight when only the day is known).
    """
    candidates: dict[str, pd.Timestamp] = {}
    if menafn is not None:
        candidates["menafn_id"] = pd.Timestamp(menafn, tz="UTC")
    if metadata is not None and not pd.isna(metadata):
        candidates["metadata"] = metadata
    if header is not None and not pd.isna(header):
        candidates["header"] = header
    body_date = pd.NaT
    if body is not None and body.month and body.day:
        reference = next((candidates[k] for k in ("menafn_id", "metadata", "header") if k in candidates), None)
        if reference is not None:
            resolved = resolve_month_day(body.month, body.day, reference.date())
            if resolved is not None:
                body_date = pd.Timestamp(resolved, tz="UTC")
                candidates["body_dateline"] = body_date
    source = next((k for k in PRIORITY if k in candidates), "none")
    if source == "none":
        return Dateline(pd.NaT, "none", 0.0, False, None, None, body_date)
    chosen = candidates[source]
    reasons, worst = [], 0
    for other in PRIORITY:
        if other == source or other not in candidates:
            continue
        gap = (chosen.date() - candidates[other].date()).days
        if abs(gap) >= 1:
            side = "before" if gap > 0 else "after"
            days = f"{abs(gap)} day{'s' if abs(gap) != 1 else ''}"
            reasons.append(f"{other} {candidates[other].date()} is {days} {side} {source} {chosen.date()}")
            worst = max(worst, abs(gap))
    return Dateline(chosen, source, CONFIDENCE[source], bool(reasons), "; ".join(reasons) or None,
                    worst if reasons else None, body_date)


_NOT_A_DATE = {"now", "today", "yesterday", "tomorrow", "none", "null", "nan", "n/a", "na", "-"}
# pandas stores nanoseconds: dates outside these bounds cannot be represented (and are placeholders anyway).
_EARLIEST, _LATEST = pd.Timestamp("1678-01-01", tz="UTC"), pd.Timestamp("2261-12-31", tz="UTC")


def parse_metadata_date(value: object, *, timezone: str = "UTC", dayfirst: bool = False) -> tuple[pd.Timestamp, str | None]:
    """Parse a metadata date; naive values are read in ``timezone``. Returns (timestamp, problem).

    Never raises on a bad value: the problem is returned (``missing_date``, ``unparseable_date``,
    ``ambiguous_local_time``, ``out_of_range_date``) so the article is kept and the problem noted.
    A local time skipped by a daylight-saving change is shifted forward and noted
    (``nonexistent_local_time``), with the timestamp kept.
    Numbers are not guessed as epoch seconds, and words like "now" or "today" are not dates.
    ``dayfirst`` reads "11.06.2025" as 11 June.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or (isinstance(value, str) and not value.strip()):
        return pd.NaT, "missing_date"
    shown = repr(str(value)[:40])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return pd.NaT, f"unparseable_date: {shown} is a number, not a date (convert epoch values first)"
    if isinstance(value, str) and value.strip().lower() in _NOT_A_DATE:
        return pd.NaT, f"unparseable_date: {shown}"
    try:
        stamp = value if isinstance(value, pd.Timestamp) else pd.to_datetime(value, dayfirst=dayfirst)
    except (ValueError, TypeError, OverflowError):
        return pd.NaT, f"unparseable_date: {shown}"
    if pd.isna(stamp):
        return pd.NaT, f"unparseable_date: {shown}"
    note = None
    if stamp.tzinfo is None:
        try:
            local = stamp.tz_localize(timezone, ambiguous="raise", nonexistent="NaT")
        except (ValueError, TypeError) as err:  # a wall time repeated at fall-back: no offset
            return pd.NaT, f"ambiguous_local_time: {shown} in {timezone} ({type(err).__name__})"
        if pd.isna(local):
            # A wall time skipped at spring-forward is almost always a clock not yet adjusted,
            # so the next valid instant is kept, and noted.
            local = stamp.tz_localize(timezone, nonexistent="shift_forward")
            note = (f"nonexistent_local_time: {shown} does not exist in {timezone}; "
                    f"shifted forward to {local.isoformat()}")
        stamp = local
    stamp = stamp.tz_convert("UTC")
    if not _EARLIEST <= stamp <= _LATEST:
        return pd.NaT, f"out_of_range_date: {shown}"
    return stamp, note
