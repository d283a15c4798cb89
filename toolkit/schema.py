"""Column names and dtypes of every Dateline table, documented once.

Every table is tidy: one row per thing (article, sentence, time expression,
quote, event, count), keyed by ``doc_id``. Span tables carry ``start``/``end``
character offsets into the article's cleaned ``text`` so that
``articles.text[start:end]`` is exactly what was found. Offsets are Python
string indices (code points), end-exclusive, like ``str`` slicing.

Use :func:`describe` to print a table's columns in a notebook, and
:func:`empty` to build a correctly typed empty frame.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd


class Column(NamedTuple):
    """One documented column: its name, pandas dtype and meaning."""

    name: str
    dtype: str
    description: str


UTC = "datetime64[ns, UTC]"

ARTICLES: tuple[Column, ...] = (
    Column("doc_id", "string", "Stable id: the same input always gets the same id (see toolkit.io.ids)."),
    Column("title", "string", "Headline, when the source gives one."),
    Column("outlet", "string", "Publisher, e.g. 'Live Mint' from a '(MENAFN- Live Mint)' tag or the source's metadata."),
    Column("published", UTC, "Best dateline, tz-aware UTC (NaT when nothing could be read)."),
    Column("published_source", "string", "Where `published` came from: menafn_id, metadata, body_dateline, header, or none."),
    Column("published_confidence", "float64", "How sure we are of `published`, 0..1 (see toolkit.datelines.CONFIDENCE)."),
    Column("header_text", "string", "The printed header above the headline, as written (e.g. a MENAFN site banner)."),
    Column("header_date", UTC, "The printed header date/banner, parsed (NaT when absent)."),
    Column("header_weekday_mismatch", "boolean", "The printed header's weekday is not its date's weekday."),
    Column("metadata_date", UTC, "The date the source metadata gives (column / field), parsed."),
    Column("menafn_id", "string", "The MENAFN id line (MENAFN<DDMMYYYY><provider>ID<article>), when present."),
    Column("menafn_date", UTC, "Date encoded in the MENAFN id, when present."),
    Column("body_dateline", "string", "The body dateline as printed, e.g. 'KYIV, June 11 (Reuters) -'."),
    Column("body_dateline_place", "string", "Place of the body dateline, e.g. 'KYIV'."),
    Column("body_dateline_date", UTC, "Date of the body dateline, resolved against `published`'s year."),
    Column("body_dateline_agency", "string", "Agency named in the body dateline, e.g. 'Reuters'."),
    Column("dateline_conflict", "boolean", "True when two date sources disagree by a day or more."),
    Column("dateline_conflict_reason", "string", "Human-readable reason, with the gap in days, e.g. 'header 2024-01-02 is 526 days before menafn_id 2025-06-11'."),
    Column("dateline_conflict_days", "Int64", "Largest disagreement in days between the chosen date and another source."),
    Column("url", "string", "Source URL, when known."),
    Column("source_path", "string", "File the article came from, with '#row=N' for rows of a table."),
    Column("raw_text", "string", "The text as read (after decoding), before cleaning."),
    Column("text", "string", "The cleaned text; all offsets in span tables point into it."),
    Column("offset_map", "object", "Run-length map from `text` offsets to `raw_text` offsets (toolkit.clean.OffsetMap)."),
    Column("removed", "object", "List of {rule, start, end, text} records: what cleaning removed from raw_text, and why."),
    Column("decode_replaced", "Int64", "Number of undecodable bytes replaced by U+FFFD while reading."),
    Column("load_notes", "string", "Problems that did not stop the load, ';'-separated: missing_date, unparseable_date, decode_replaced, ..."),
)

REJECTED: tuple[Column, ...] = (
    Column("source_path", "string", "File (and '#row=N' for a row of a table) that was rejected."),
    Column("doc_id", "string", "Id of the rejected document, when one could be computed."),
    Column("reason", "string", "Short machine-readable reason: empty, binary, no_text, duplicate_id, unreadable, ..."),
    Column("detail", "string", "Human-readable explanation and, where there is one, the fix."),
)

SENTENCES: tuple[Column, ...] = (
    Column("doc_id", "string", "Article id."),
    Column("sent_id", "int64", "0-based index of the sentence within the article."),
    Column("start", "int64", "Start offset into the article's `text`."),
    Column("end", "int64", "End offset (exclusive) into the article's `text`."),
    Column("text", "string", "The sentence, equal to article text[start:end]."),
)

TIME_EXPRESSIONS: tuple[Column, ...] = (
    Column("doc_id", "string", "Article id."),
    Column("start", "int64", "Start offset into the article's `text`."),
    Column("end", "int64", "End offset (exclusive)."),
    Column("text", "string", "The expression as written."),
    Column("type", "string", "TIMEX3 type: DATE, TIME, DURATION or SET."),
    Column("value", "string", "TIMEX3 value: 2025-06-11, 2025-W23, 2025-06, PRESENT_REF, P3D, XXXX-WXX-3, ..."),
    Column("resolved_start", UTC, "Start of the interval the value denotes (NaT for durations and unresolvable values)."),
    Column("resolved_end", UTC, "End (exclusive) of that interval."),
    Column("anchor", "string", "What the value was resolved against: 'dateline', 'expression:<start>', or 'none'."),
    Column("gap_days", "Int64", "Dateline date minus event date in days; positive when the event is before the dateline."),
)

DATELINE_GAPS: tuple[Column, ...] = (
    Column("doc_id", "string", "Article id."),
    Column("published", UTC, "The article's dateline."),
    Column("n_resolved", "int64", "Number of time expressions resolved to a calendar date."),
    Column("gap_median", "float64", "Median gap in days (dateline minus event)."),
    Column("gap_min", "Int64", "Smallest gap in days."),
    Column("gap_max", "Int64", "Largest gap in days."),
    Column("same_day_share", "float64", "Share of resolved expressions on the dateline's own day."),
    Column("future_refs", "int64", "Resolved dates after the dateline that the text reports in the past tense."),
    Column("header_conflict", "boolean", "A printed header banner conflicts with the id / metadata date."),
    Column("header_weekday_mismatch", "boolean", "A printed header whose weekday does not match its date."),
    Column("body_dateline_conflict", "boolean", "A body dateline that conflicts with the metadata date."),
    Column("inferred_published", UTC, "Best publication date given all evidence."),
    Column("inferred_evidence", "string", "What inferred_published rests on: menafn_id, metadata, body_dateline, text_dates."),
    Column("inferred_confidence", "float64", "How sure, 0..1: the source's scale (toolkit.datelines.CONFIDENCE), or for text_dates the measured share of exact days (toolkit.annotate.gaps.TEXT_DATES_CONFIDENCE)."),
)

QUOTES: tuple[Column, ...] = (
    Column("doc_id", "string", "Article id."),
    Column("quote_id", "int64", "0-based index of the quote within the article."),
    Column("start", "int64", "Start of the quoted words (inside the quotation marks)."),
    Column("end", "int64", "End (exclusive) of the quoted words."),
    Column("text", "string", "The quote."),
    Column("speaker", "string", "Canonical speaker name within the article (longest name of the coreference chain)."),
    Column("speaker_start", "int64", "Start of the mention the attribution used (name or pronoun); -1 when none."),
    Column("speaker_end", "int64", "End of that mention; -1 when none."),
    Column("cue", "string", "Attribution cue: said, wrote on Telegram, told reporters, according to, ..."),
    Column("kind", "string", "direct, partial (quoted words inside a paraphrase) or continuation (continues the previous row's statement: next paragraph, or after an interrupting 'he said')."),
    Column("confidence", "float64", "How sure the attribution is, 0..1."),
    Column("unbalanced", "boolean", "True when a quotation mark could not be paired (odd marks): the boundary was inferred."),
)

SENTIMENT: tuple[Column, ...] = (
    Column("neg", "float64", "Negative share (VADER semantics)."),
    Column("neu", "float64", "Neutral share."),
    Column("pos", "float64", "Positive share."),
    Column("compound", "float64", "Overall score in [-1, 1]."),
)

EVENTS: tuple[Column, ...] = (
    Column("doc_id", "string", "Article id."),
    Column("event_id", "int64", "0-based index of the event mention within the article."),
    Column("start", "int64", "Start of the sentence or clause that reports the event."),
    Column("end", "int64", "End (exclusive)."),
    Column("event_type", "string", "ACLED sub-event type or one of Dateline's own (Prisoner exchange, Repatriation of remains, Peace talks, Ceasefire)."),
    Column("actor", "string", "Who did it, when the text says."),
    Column("target", "string", "Who or what it was aimed at."),
    Column("place", "string", "Normalised place name from the gazetteer."),
    Column("date", UTC, "Event date from the time expressions, falling back to the dateline."),
    Column("date_source", "string", "time_expression, explicit_date (built-in reader, when toolkit.annotate.times is absent), dateline, or none."),
    Column("claimed_by", "string", "Who reports it ('Ukrainian officials')."),
    Column("negated", "boolean", "Denied or did not happen."),
    Column("hedged", "boolean", "Planned, pledged, threatened, or otherwise not (yet) happened."),
)

COUNTS: tuple[Column, ...] = (
    Column("doc_id", "string", "Article id."),
    Column("start", "int64", "Start of the number as written."),
    Column("end", "int64", "End (exclusive)."),
    Column("count_type", "string", "GKG count type (KILL, WOUND, ARREST, ...) or REPATRIATED_REMAINS, PRISONERS_RELEASED, DRONES, MISSILES."),
    Column("number", "float64", "The number, parsed from digits or words."),
    Column("number_low", "float64", "Lower bound ('at least 5' -> 5; 'dozens' -> 24)."),
    Column("number_high", "float64", "Upper bound (NaN when open-ended)."),
    Column("approximate", "boolean", "True for 'dozens', 'about 40', 'hundreds'."),
    Column("object", "string", "What is counted: 'soldiers', 'people', 'attack drones'."),
    Column("event_id", "Int64", "The event mention this count belongs to (events.event_id), when linked."),
    Column("negated", "boolean", "Denied or did not happen ('denied that 5 were killed')."),
    Column("hedged", "boolean", "Pledged, planned, threatened: not (yet) happened ('pledged to return 6,000')."),
    Column("historical", "boolean", "The sentence places the figure in history: a named past war or famine "
           "('in World War II', 'the Holodomor') or only years more than 10 before the dateline."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES,
    "rejected": REJECTED,
    "sentences": SENTENCES,
    "time_expressions": TIME_EXPRESSIONS,
    "dateline_gaps": DATELINE_GAPS,
    "quotes": QUOTES,
    "sentiment": SENTIMENT,
    "events": EVENTS,
    "counts": COUNTS,
}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in their documented order."""
    return [c.name for c in TABLES[table]]


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the documented columns and dtypes of ``table``."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in TABLES[table]})


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Order ``frame``'s columns as documented and cast them to the documented dtypes.

    Extra columns are kept after the documented ones; missing documented
    columns raise ``KeyError`` naming them.
    """
    spec = TABLES[table]
    missing = [c.name for c in spec if c.name not in frame.columns]
    if missing:
        raise KeyError(f"table {table!r} is missing documented columns {missing}")
    extra = [c for c in frame.columns if c not in {s.name for s in spec}]
    out = frame[[c.name for c in spec] + extra].copy()
    for c in spec:
        if c.dtype == "object" or str(out[c.name].dtype) == c.dtype:
            continue
        if c.dtype == UTC:
            out[c.name] = pd.to_datetime(out[c.name], utc=True).astype(UTC)
        else:
            out[c.name] = out[c.name].astype(c.dtype)
    return out


def describe(table: str) -> pd.DataFrame:
    """The documentation of ``table`` as a frame (name, dtype, description)."""
    return pd.DataFrame(TABLES[table], columns=["name", "dtype", "description"])
