"""Export Dateline tables in GDELT GKG 2.1 field syntax, one row per article.

Method: the field grammar of the GDELT Global Knowledge Graph 2.1 codebook
(Leetaru, "GDELT Global Knowledge Graph Codebook V2.1", 2015), checked against real
GKG 2.1 rows (``../shared/gold/gdelt/gkg21_sample_20170701234500_english.tsv``):

* ``V1COUNTS``: ``COUNTTYPE#NUMBER#OBJECTTYPE#LOCTYPE#FULLNAME#COUNTRYCODE#ADM1CODE#LAT#LONG#FEATUREID``
  blocks, each followed by ``;``; ``V2.1COUNTS`` adds ``#OFFSET`` (character offset of the
  number). Location type 1 = country, 4 = world city, 5 = world state (ADM1); a count
  without a place has type 0 and empty location fields (``AFFECT#898##0######;``).
  The location is that of the count's linked event (gazetteer ``places.tsv``; FIPS10-4
  codes as GDELT uses; FeatureID is the country / ADM1 code for countries and oblasts and
  empty for cities, as Dateline has no GNS feature ids).
* ``V2.1ENHANCEDDATES``: ``RESOLUTION#MONTH#DAY#YEAR#OFFSET`` blocks joined by ``;``
  (3 = full date, 2 = month and year, 1 = year, 4 = month and day without year), from the
  ``time_expressions`` table.
* ``V2.1QUOTATIONS``: ``OFFSET|LENGTH|VERB|QUOTE`` blocks joined by ``#``, from ``quotes``.
* ``V1.5TONE``: ``Tone,Positive,Negative,Polarity,ActivityRefDensity,SelfGroupRefDensity,WordCount``.

Only the fields Dateline produces are filled; the other GKG columns are present and empty.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from toolkit.annotate._eventlex import place_entry

GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)
COUNT_FIELDS: tuple[str, ...] = ("count_type", "number", "object", "loc_type", "loc_fullname", "country_code",
                                 "adm1_code", "lat", "lon", "feature_id")
_LOC_TYPE = {"country": 1, "oblast": 5, "region": 5}


def _clean(value) -> str:
    """Field text without the GKG separators (# ; | ,) that would break the grammar."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return re.sub(r"\s*[#;|\t\n]+\s*", " ", str(value)).strip()


def _location(place) -> list[str]:
    entry = place_entry(place) if isinstance(place, str) else None
    if entry is None:
        return ["0", "", "", "", "", "", ""]
    if entry.kind == "country":
        full, feature = entry.country, entry.country_code
    elif entry.kind in ("oblast", "region"):
        full, feature = f"{entry.name}, {entry.country}", entry.adm1_code
    else:
        full, feature = f"{entry.name}, {entry.admin1}, {entry.country}", ""
    return [str(_LOC_TYPE.get(entry.kind, 4)), full, entry.country_code, entry.adm1_code,
            f"{entry.lat:g}", f"{entry.lon:g}", feature]


def format_counts(counts: pd.DataFrame, *, places: dict | None = None, offsets: bool = True) -> str:
    """One article's counts as a GKG ``V1COUNTS`` (``offsets=False``) or ``V2.1COUNTS`` value."""
    blocks = []
    for r in counts.sort_values("start").itertuples():
        place = places.get(r.event_id) if places and not pd.isna(r.event_id) else None
        fields = [_clean(r.count_type), str(round(r.number)), _clean(r.object), *_location(place)]
        if offsets:
            fields.append(str(int(r.start)))
        blocks.append("#".join(fields) + ";")
    return "".join(blocks)


def parse_counts(value: str) -> list[dict]:
    """Parse a GKG ``V1COUNTS`` / ``V2.1COUNTS`` value into dicts (``offset`` when present)."""
    out = []
    for block in (value or "").split(";"):
        if not block:
            continue
        parts = block.split("#")
        if len(parts) not in (10, 11):
            raise ValueError(f"GKG count block has {len(parts)} fields, expected 10 or 11: {block!r}")
        rec = dict(zip(COUNT_FIELDS, parts[:10], strict=True))
        rec["number"] = int(rec["number"])
        rec["loc_type"] = int(rec["loc_type"]) if rec["loc_type"] else 0
        if len(parts) == 11:
            rec["offset"] = int(parts[10])
        out.append(rec)
    return out


def format_dates(times: pd.DataFrame) -> str:
    """One article's time expressions as a GKG ``V2.1ENHANCEDDATES`` value."""
    blocks = []
    for r in times.sort_values("start").itertuples():
        if r.type != "DATE" or not isinstance(r.value, str):
            continue
        v = r.value
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            res, y, mo, d = 3, m.group(1), m.group(2), m.group(3)
        elif m := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", v):
            res, y, mo, d = 4, "0", m.group(1), m.group(2)
        elif m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            res, y, mo, d = 2, m.group(1), m.group(2), "0"
        elif m := re.fullmatch(r"(\d{4})", v):
            res, y, mo, d = 1, m.group(1), "0", "0"
        else:
            continue
        blocks.append(f"{res}#{int(mo)}#{int(d)}#{int(y)}#{int(r.start)}")
    return ";".join(blocks)


def format_quotations(quotes: pd.DataFrame) -> str:
    """One article's quotes as a GKG ``V2.1QUOTATIONS`` value."""
    blocks = []
    for r in quotes.sort_values("start").itertuples():
        text = _clean(r.text)
        blocks.append(f"{int(r.start)}|{int(r.end) - int(r.start)}|{_clean(getattr(r, 'cue', ''))}|{text}")
    return "#".join(blocks)


def format_tone(row) -> str:
    """``V1.5TONE`` from a mapping with tone, positive, negative, polarity, activity, self_group, word_count."""
    keys = ("tone", "positive", "negative", "polarity", "activity", "self_group", "word_count")
    vals = [row.get(k, 0) if hasattr(row, "get") else getattr(row, k, 0) for k in keys]
    return ",".join(f"{float(v):g}" for v in vals[:-1]) + f",{int(vals[-1] or 0)}"


def to_gkg(counts: pd.DataFrame, articles: pd.DataFrame | None = None, *, events: pd.DataFrame | None = None,
           times: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
           tone: pd.DataFrame | None = None) -> pd.DataFrame:
    """GKG 2.1 rows, one per article.

    Args:
        counts: the ``counts`` table (or an articles frame: counts are then computed here).
        articles: article metadata (``doc_id``, ``published``, ``outlet``, ``url``); the set of
            rows is its ``doc_id`` when given, else the doc ids in ``counts``.
        events: the ``events`` table, for count locations (via ``event_id``).
        times: the ``time_expressions`` table, for ``V2.1ENHANCEDDATES``.
        quotes: the ``quotes`` table, for ``V2.1QUOTATIONS``.
        tone: per-article tone (``doc_id`` + tone, positive, negative, polarity, activity,
            self_group, word_count), for ``V1.5TONE``.

    Returns:
        A frame with :data:`GKG_COLUMNS` plus ``doc_id``.
    """
    if "text" in counts.columns and "count_type" not in counts.columns:
        from toolkit.annotate.counts import counts as count_fn
        from toolkit.annotate.events import events as event_fn

        articles = counts if articles is None else articles
        if events is None and "published" in counts.columns:
            events = event_fn(counts, times=times) if times is not None else event_fn(counts)
        counts = count_fn(counts, events=events) if events is not None else count_fn(counts)
    doc_ids = list(articles["doc_id"]) if articles is not None else list(dict.fromkeys(counts["doc_id"]))
    meta = articles.set_index("doc_id") if articles is not None else None
    groups = {k: g for k, g in counts.groupby("doc_id", sort=False)}
    ev_places = {}
    if events is not None and not events.empty:
        for k, g in events.groupby("doc_id", sort=False):
            ev_places[k] = dict(zip(g["event_id"], g["place"], strict=True))
    tgroups = {k: g for k, g in times.groupby("doc_id", sort=False)} if times is not None else {}
    qgroups = {k: g for k, g in quotes.groupby("doc_id", sort=False)} if quotes is not None else {}
    tones = tone.set_index("doc_id") if tone is not None else None
    rows = []
    for i, doc_id in enumerate(doc_ids):
        published = meta.at[doc_id, "published"] if meta is not None and "published" in meta.columns else pd.NaT
        stamp = "0" if pd.isna(published) else pd.Timestamp(published).tz_convert("UTC").strftime("%Y%m%d%H%M%S")
        url = meta.at[doc_id, "url"] if meta is not None and "url" in meta.columns else None
        outlet = meta.at[doc_id, "outlet"] if meta is not None and "outlet" in meta.columns else None
        has_url = isinstance(url, str) and url.startswith("http")
        row = dict.fromkeys(GKG_COLUMNS, "")
        c = groups.get(doc_id)
        places = ev_places.get(doc_id, {})
        row.update({
            "GKGRECORDID": f"{stamp}-{i}",
            "V2.1DATE": stamp,
            "V2SOURCECOLLECTIONIDENTIFIER": "1" if has_url else "2",
            "V2SOURCECOMMONNAME": _clean(outlet),
            "V2DOCUMENTIDENTIFIER": url if has_url else str(doc_id),
            "V1COUNTS": format_counts(c, places=places, offsets=False) if c is not None else "",
            "V2.1COUNTS": format_counts(c, places=places, offsets=True) if c is not None else "",
        })
        if doc_id in tgroups:
            row["V2.1ENHANCEDDATES"] = format_dates(tgroups[doc_id])
        if doc_id in qgroups:
            row["V2.1QUOTATIONS"] = format_quotations(qgroups[doc_id])
        if tones is not None and doc_id in tones.index:
            row["V1.5TONE"] = format_tone(tones.loc[doc_id])
        row["doc_id"] = doc_id
        rows.append(row)
    return pd.DataFrame(rows, columns=[*GKG_COLUMNS, "doc_id"])
