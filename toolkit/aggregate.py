"""Aggregators: event and casualty counts by period, place, type and outlet.

Two levels, both offered by every helper (``dedupe=``):

* **article level** (``dedupe=False``): every event mention / every count row is counted,
  so one strike reported by three articles counts three times. This measures *coverage*.
* **de-duplicated** (``dedupe=True``, default): an estimate of *events*.

De-duplication rule (stated once, used everywhere):

1. Hedged or negated mentions and counts are dropped first (a pledge to return 6,000
   bodies is not a return); pass ``include_hedged=True`` to keep them. Casualty figures
   that their sentence places in history (``counts.historical``: "eight million died in
   World War II") are dropped too; pass ``include_historical=True`` to keep them.
2. Within one article, the same event type in the same place on the same date is one
   event; the same figure of the same count type repeated in one article ("killing three
   people ... Three people were confirmed killed") is one figure (first mention kept, on
   ``(doc_id, count_type, number)``), and per ``(doc_id, event, count_type)`` the **max** is
   kept (a toll that "rose to 5" replaces the earlier 2; note this under-counts an article
   that splits one event's toll into parts, e.g. "2 civilians and 1 soldier").
3. Across articles, mentions with the same ``event_type`` and the same ``place`` whose dates
   lie within ``window_days`` (default 1) of each other are one event cluster (single-link
   chaining on date within each ``(event_type, place)`` group). Mentions without a place or
   without a date are never merged across articles.
4. A cluster's casualty figure per count type is the **max** reported by any article in the
   cluster, never the sum (later reports revise tolls upward; ACLED likewise codes the most
   reliable single figure, not a sum of reports).

Periods use pandas offsets: ``freq="W"`` (weeks ending Sunday) or ``"M"`` (calendar month),
taken from the event ``date`` (itself from the time expressions or the dateline).
"""

from __future__ import annotations

import pandas as pd

_FREQ = {"W": "W", "week": "W", "M": "M", "month": "M", "D": "D", "day": "D"}


def _period(dates: pd.Series, freq: str) -> pd.Series:
    f = _FREQ.get(freq, freq)
    return dates.dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(f).dt.start_time


def _with_outlet(events: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    out = events.copy()
    if articles is not None:
        keep = [c for c in ("doc_id", "outlet", "published") if c in articles.columns]
        meta = articles[keep].drop_duplicates("doc_id")
        out = out.merge(meta, on="doc_id", how="left", suffixes=("", "_article"))
        if "date" in out.columns and "published" in out.columns:
            out["date"] = out["date"].fillna(out["published"])
    return out


def cluster_events(events: pd.DataFrame, *, window_days: int = 1, include_hedged: bool = False) -> pd.DataFrame:
    """``events`` plus ``cluster_id``: one id per real-world event under the module's rule.

    Args:
        events: the ``events`` table (optionally merged with article metadata).
        window_days: dates within this many days chain into one cluster.
        include_hedged: keep hedged / negated mentions (dropped by default).

    Returns:
        The kept rows with an ``int64`` ``cluster_id`` column.
    """
    ev = events.copy()
    if not include_hedged:
        ev = ev[~ev["negated"].fillna(False).astype(bool) & ~ev["hedged"].fillna(False).astype(bool)]
    ev = ev.reset_index(drop=True)
    day = ev["date"].dt.normalize()
    keys: list[tuple] = []
    # step 2: within an article, same type + place + day is one event
    for doc_id, etype, place, d in zip(ev["doc_id"], ev["event_type"], ev["place"], day, strict=True):
        keys.append((doc_id, etype, place if isinstance(place, str) else None, d))
    ev["_key"] = keys
    cluster = pd.Series(-1, index=ev.index, dtype="int64")
    next_id = 0
    mergeable = ev["place"].notna() & day.notna()
    # step 3: across articles, chain by date within (event_type, place)
    for _, group in ev[mergeable].assign(_day=day[mergeable]).sort_values("_day").groupby(["event_type", "place"], sort=False):
        last = None
        for idx, d in zip(group.index, group["_day"], strict=True):
            if last is None or (d - last) > pd.Timedelta(days=window_days):
                next_id += 1
            cluster[idx] = next_id
            last = d
    seen: dict = {}
    for idx in ev.index[~mergeable]:
        key = ev.at[idx, "_key"]
        if key not in seen:
            next_id += 1
            seen[key] = next_id
        cluster[idx] = seen[key]
    ev["cluster_id"] = cluster
    return ev.drop(columns="_key")


def event_counts(events: pd.DataFrame, articles: pd.DataFrame | None = None, *, freq: str = "W",
                 by: tuple[str, ...] = ("event_type",), dedupe: bool = True, window_days: int = 1,
                 include_hedged: bool = False) -> pd.DataFrame:
    """Number of events per period and group.

    Args:
        events: the ``events`` table.
        articles: article metadata (``doc_id``, ``outlet``, ``published``) to group by outlet.
        freq: ``"W"`` (week) or ``"M"`` (month).
        by: grouping columns among ``event_type``, ``place``, ``outlet``, ``actor``.
        dedupe: count event clusters (see module docstring) instead of article mentions.
        window_days: cluster date window.
        include_hedged: keep hedged / negated mentions.

    Returns:
        Columns ``period``, ``*by``, ``n_events``.
    """
    ev = _with_outlet(events, articles)
    if dedupe:
        ev = cluster_events(ev, window_days=window_days, include_hedged=include_hedged)
    elif not include_hedged:
        ev = ev[~ev["negated"].fillna(False).astype(bool) & ~ev["hedged"].fillna(False).astype(bool)]
    ev = ev[ev["date"].notna()].copy()
    ev["period"] = _period(ev["date"], freq)
    keys = ["period", *by]
    if dedupe:
        # a cluster is counted once per group; with by=('outlet',) a cluster counts once per outlet
        out = ev.groupby(keys, dropna=False)["cluster_id"].nunique().rename("n_events")
    else:
        out = ev.groupby(keys, dropna=False).size().rename("n_events")
    return out.reset_index()


def casualty_counts(counts: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                    freq: str = "W", by: tuple[str, ...] = ("count_type",), dedupe: bool = True,
                    window_days: int = 1, include_hedged: bool = False, include_historical: bool = False,
                    count_types: tuple[str, ...] = ("KILL", "WOUND")) -> pd.DataFrame:
    """Sum of reported figures per period and group (KILL and WOUND by default).

    Args:
        counts: the ``counts`` table (with ``event_id`` links).
        events: the ``events`` table of the same articles (dates, places, clusters).
        articles: article metadata for outlet grouping and as date fallback.
        freq: ``"W"`` or ``"M"``.
        by: grouping columns among ``count_type``, ``event_type``, ``place``, ``outlet``.
        dedupe: apply the module's rule (max within event cluster); ``False`` sums every row.
        window_days: cluster date window.
        include_hedged: keep hedged / negated counts and mentions.
        include_historical: keep figures placed in history (``counts.historical``).
        count_types: which count types to keep.

    Returns:
        Columns ``period``, ``*by``, ``number`` (sum of figures) and ``n_reports`` (rows used).
    """
    ct = counts[counts["count_type"].isin(count_types)].copy()
    if not include_hedged:
        ct = ct[~ct["negated"].fillna(False).astype(bool) & ~ct["hedged"].fillna(False).astype(bool)]
    if not include_historical and "historical" in ct.columns:
        ct = ct[~ct["historical"].fillna(False).astype(bool)]
    ev = _with_outlet(events, articles)
    ev = cluster_events(ev, window_days=window_days, include_hedged=True)
    ev_cols = ev[["doc_id", "event_id", "event_type", "place", "date", "cluster_id"]]
    ct = ct.merge(ev_cols, on=["doc_id", "event_id"], how="left")
    if articles is not None:
        meta = articles[[c for c in ("doc_id", "outlet", "published") if c in articles.columns]].drop_duplicates("doc_id")
        ct = ct.merge(meta, on="doc_id", how="left")
        if "published" in ct.columns:
            ct["date"] = ct["date"].fillna(ct["published"])
    ct = ct[ct["date"].notna()].copy()
    ct["number"] = ct["number_low"].fillna(ct["number"]) if "number_low" in ct.columns else ct["number"]
    if dedupe:
        # within article: the same figure of the same type is one figure, whatever mention it links to
        ct = ct.sort_values(["doc_id", "start"]).drop_duplicates(["doc_id", "count_type", "number"])
        linked = ct["event_id"].notna()
        # within article: max per (doc, event, type); unlinked: unique (doc, type, number)
        a = ct[linked].sort_values("number").groupby(["doc_id", "event_id", "count_type"], as_index=False).last()
        b = ct[~linked].drop_duplicates(["doc_id", "count_type", "number"])
        b = b.assign(cluster_id=-1 - pd.RangeIndex(len(b)))  # never merged across articles
        ct = pd.concat([a, b], ignore_index=True)
        ct["cluster_id"] = ct["cluster_id"].fillna(-1).astype("int64")
        # across articles: max per (cluster, type)
        ct = ct.sort_values("number").groupby(["cluster_id", "count_type"], as_index=False).last()
    ct["period"] = _period(ct["date"], freq)
    keys = ["period", *by]
    out = ct.groupby(keys, dropna=False).agg(number=("number", "sum"), n_reports=("number", "size"))
    return out.reset_index()
