"""The dateline gap: how far from its dateline are the events an article reports?

Method: every time expression is resolved against the article's dateline
(:func:`toolkit.annotate.times.time_expressions`, TimeML TIMEX3 values as in
TempEval-3); the gap of an expression is the dateline's date minus the event's
date, in days (positive = before the dateline), for values no coarser than a week.
Per article we summarise the gaps and check the dateline evidence against itself,
in the spirit of document-dating work that cross-checks metadata with the
text's own dates (e.g. Kanhabua & Nørvåg, "Improving temporal language models for
determining time of non-timestamped documents", ECDL 2008, who date documents from
their content when the timestamp is missing):

* ``future_refs``: resolved dates after the dateline that the text reports as past
  (no future cue in the clause, and not an inherently future phrase such as
  "tomorrow" or "next week") — a sign that the dateline is too early;
* ``header_conflict``: a printed header date that is a day or more away from the
  id / metadata date;
* ``header_weekday_mismatch``: a printed header whose weekday is not its date's;
* ``body_dateline_conflict``: a body dateline ("KYIV, June 11 (Reuters) -") more than
  ``body_tolerance_days`` away from the metadata date (one day is common: time zones,
  overnight desks);
* ``inferred_published``: the strongest evidence among the MENAFN id, the metadata,
  the body dateline and the printed header (confidences of
  :data:`toolkit.datelines.CONFIDENCE`), falling back to the text's own explicit,
  fully specified dates (the latest one mentioned; its confidence is the share of exact days
  such guesses gave with the known date hidden, ``python -m toolkit evaluate dating``, by what
  supports the date: how often it is written, whether it opens the text, whether the text names
  its weekday).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from toolkit import schema
from toolkit.annotate.sentences import _check_columns
from toolkit.annotate.times import _future, time_expressions
from toolkit.datelines import CONFIDENCE  # the loader's scale: one source of truth

#: Confidence of a date inferred from the text alone, by what supports the latest explicit date.
#: Each is the share of such guesses that gave the exact day when the known date was hidden
#: (``python -m toolkit evaluate dating``; 601 dated texts: 365 research articles, 21 TBAQ
#: documents, 215 articles of the bundled corpus), checked in this order:
#:
#: * ``repeated``: written four times or more: 63 of 79 exact (80%);
#: * ``opening``: first written within the first 100 characters, where a release prints its own
#:   date ("(Kyiv, 2 February 2022) The President ..."): 20 of 39 (51%; 1 of 6 research
#:   articles, 19 of 33 bundled);
#: * ``weekday_repeated``: written two or three times, and the text names its weekday
#:   ("Wednesday, June 11, 2025", or a separate "on Wednesday"): 27 of 42 (64%);
#: * ``weekday``: written once, its weekday named: 30 of 93 (32%);
#: * ``once``: anything else: 18 of 348 (5%), mostly a look back ("the invasion of February 24,
#:   2022").
TEXT_DATES_CONFIDENCE = {"repeated": 0.8, "opening": 0.5, "weekday_repeated": 0.65,
                         "weekday": 0.3, "once": 0.05}
#: A date first written this close to the start of the text is taken as the text's own date line.
OPENING_CHARS = 100

_INHERENTLY_FUTURE = re.compile(r"tomorrow|tonight|next|coming|upcoming|later|from now|hence", re.I)
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _day(value) -> pd.Timestamp | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).tz_convert("UTC").normalize() if pd.Timestamp(value).tzinfo else (
        pd.Timestamp(value).tz_localize("UTC").normalize())


def _days_apart(a, b) -> int | None:
    a, b = _day(a), _day(b)
    if a is None or b is None:
        return None
    return int((a - b).days)


def _header_weekday_mismatch(row: dict):
    if "header_weekday_mismatch" in row:
        v = row["header_weekday_mismatch"]
        return pd.NA if v is None or pd.isna(v) else bool(v)
    text = row.get("header_text")
    if isinstance(text, str) and text.strip():
        from toolkit.datelines import parse_header_date

        parsed = parse_header_date(text)
        return pd.NA if parsed is None else bool(parsed.weekday_mismatch)
    return pd.NA


def _text_date(rows: pd.DataFrame) -> tuple[pd.Timestamp, float] | None:
    """Latest explicit, fully specified date of the text (anchor 'none', YYYY-MM-DD), and how
    sure it is (:data:`TEXT_DATES_CONFIDENCE`)."""
    if rows.empty:
        return None
    explicit = rows[(rows["anchor"] == "none") & rows["value"].str.match(_FULL_DATE).fillna(False)]
    if explicit.empty:
        return None
    days = explicit["value"].str.slice(0, 10)
    latest = days.max()
    mentions = explicit[days == latest]
    n = len(mentions)
    weekday = pd.Timestamp(latest).day_name()  # English whatever the locale
    # a weekday among the time expressions, not in a name ("The Mail on Sunday")
    named = rows["text"].str.contains(rf"\b{weekday}\b", regex=True).any()
    if n >= 4:
        tier = "repeated"
    elif int(mentions["start"].min()) < OPENING_CHARS:
        tier = "opening"
    elif named:
        tier = "weekday_repeated" if n >= 2 else "weekday"
    else:
        tier = "once"
    return pd.Timestamp(latest, tz="UTC"), TEXT_DATES_CONFIDENCE[tier]


def dateline_gaps(
    frame: pd.DataFrame,
    *,
    times: pd.DataFrame | None = None,
    body_tolerance_days: int = 1,
) -> pd.DataFrame:
    """One row per article: the gap between its dateline and the events it reports.

    Args:
        frame: articles with ``doc_id``, ``text`` and ``published`` (tz-aware UTC, NaT allowed).
            Optional columns used when present: ``header_date``, ``header_text``,
            ``header_weekday_mismatch``, ``metadata_date``, ``menafn_date``,
            ``body_dateline_date``.
        times: the ``time_expressions`` table of these articles; computed when ``None``.
        body_tolerance_days: a body dateline further than this from the metadata date is a
            conflict.

    Returns:
        The ``dateline_gaps`` table (see :mod:`toolkit.schema`).
    """
    _check_columns(frame, ("doc_id", "text", "published"), "dateline_gaps()")
    if times is None:
        times = time_expressions(frame)
    cols = set(frame.columns)
    published = pd.to_datetime(frame["published"], utc=True)
    texts = {str(k): v for k, v in zip(frame["doc_id"], frame["text"], strict=True)}

    # gap statistics, vectorised over all articles
    resolved = times[times["gap_days"].notna()]
    gap = resolved["gap_days"].astype("int64")
    grouped = gap.groupby(resolved["doc_id"].to_numpy(), sort=False)
    stats = pd.DataFrame({
        "n": grouped.size(), "median": grouped.median(), "min": grouped.min(), "max": grouped.max(),
        "same": (gap == 0).groupby(resolved["doc_id"].to_numpy(), sort=False).mean(),
    })
    stats = stats.to_dict("index")
    # dates after the dateline that the text reports as past
    future: dict[str, int] = {}
    for r in resolved[resolved["gap_days"] < 0].itertuples(index=False):
        text = texts.get(r.doc_id)
        if not isinstance(text, str) or _INHERENTLY_FUTURE.search(r.text):
            continue
        if not _future(text, int(r.start), int(r.end)):
            future[r.doc_id] = future.get(r.doc_id, 0) + 1
    optional = [c for c in ("header_date", "header_text", "header_weekday_mismatch", "metadata_date",
                            "menafn_date", "body_dateline_date", "published_source",
                            "published_confidence") if c in cols]
    records = frame[["doc_id", *optional]].to_dict("records")
    by_doc = None
    out = []
    for i, row in enumerate(records):
        doc_id = str(row["doc_id"])  # the times table keys articles by string ids
        pub = published.iloc[i]
        st = stats.get(doc_id)
        n = int(st["n"]) if st else 0
        header_conflict = False
        if "header_date" in cols:
            ref = next((row[c] for c in ("menafn_date", "metadata_date") if c in cols
                        and row[c] is not None and not pd.isna(row[c])), None)
            if ref is None and row.get("published_source", "header") != "header":
                ref = pub
            d = _days_apart(row["header_date"], ref)
            header_conflict = d is not None and abs(d) >= 1
        body_conflict = pd.NA
        if "body_dateline_date" in cols:
            ref = next((row[c] for c in ("metadata_date", "menafn_date") if c in cols
                        and row[c] is not None and not pd.isna(row[c])), None)
            d = _days_apart(row["body_dateline_date"], ref)
            body_conflict = pd.NA if d is None else abs(d) > body_tolerance_days
        inferred, evidence, confidence = pd.NaT, "none", 0.0
        for col, source in (("menafn_date", "menafn_id"), ("metadata_date", "metadata"),
                            ("body_dateline_date", "body_dateline"), ("header_date", "header")):
            if col in cols and row[col] is not None and not pd.isna(row[col]):
                inferred, evidence, confidence = _day(row[col]), source, CONFIDENCE[source]
                break
        if evidence == "none" and not pd.isna(pub):
            evidence = row.get("published_source") or "metadata"
            if evidence not in CONFIDENCE or evidence == "none":
                evidence = "metadata"
            conf = row.get("published_confidence")
            confidence = float(conf) if conf is not None and not pd.isna(conf) else CONFIDENCE[evidence]
            inferred = _day(pub)
        if evidence == "none":
            if by_doc is None:
                by_doc = dict(tuple(times.groupby("doc_id", sort=False))) if len(times) else {}
            guess = _text_date(by_doc.get(doc_id, times.iloc[:0]))
            if guess is not None:
                inferred, evidence, confidence = guess[0], "text_dates", guess[1]
        out.append({
            "doc_id": doc_id,
            "published": pub,
            "n_resolved": n,
            "gap_median": float(st["median"]) if n else np.nan,
            "gap_min": int(st["min"]) if n else pd.NA,
            "gap_max": int(st["max"]) if n else pd.NA,
            "same_day_share": float(st["same"]) if n else np.nan,
            "future_refs": future.get(doc_id, 0),
            "header_conflict": header_conflict,
            "header_weekday_mismatch": _header_weekday_mismatch(row),
            "body_dateline_conflict": body_conflict,
            "inferred_published": inferred,
            "inferred_evidence": evidence,
            "inferred_confidence": confidence,
        })
    if not out:
        return schema.empty("dateline_gaps")
    df = pd.DataFrame(out)
    df["published"] = pd.to_datetime(df["published"], utc=True)
    df["inferred_published"] = pd.to_datetime(df["inferred_published"], utc=True)
    for c in ("gap_min", "gap_max"):
        df[c] = pd.array(df[c].tolist(), dtype="Int64")
    for c in ("header_conflict", "header_weekday_mismatch", "body_dateline_conflict"):
        df[c] = pd.array(df[c].tolist(), dtype="boolean")
    return schema.conform(df, "dateline_gaps")
