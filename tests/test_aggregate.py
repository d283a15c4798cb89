from __future__ import annotations

import pandas as pd
import pytest

from toolkit.aggregate import casualty_counts, cluster_events, event_counts
from toolkit.annotate.counts import counts
from toolkit.annotate.events import events

# three outlets report the same Kharkiv strike (tolls 3, 3 and a revised 5); a fourth a Sumy strike;
# a fifth a Kharkiv strike four days later; a sixth a pledge that must not count.
TEXTS = {
    "a": ("2025-06-11", "Outlet A", "Russian drones struck Kharkiv overnight, killing 3 people and wounding 20."),
    "b": ("2025-06-11", "Outlet B", "A Russian drone attack hit Kharkiv, killing three civilians. Three people were killed, officials said."),
    "c": ("2025-06-12", "Outlet A", "The death toll from the Russian drone strike on Kharkiv rose to 5."),
    "d": ("2025-06-11", "Outlet C", "Russian forces shelled Sumy, killing 2 civilians."),
    "e": ("2025-06-16", "Outlet B", "Russian drones struck Kharkiv again, killing 1 person."),
    "f": ("2025-06-11", "Outlet C", "Russia threatened to launch drone strikes on Kharkiv that would kill 100 people."),
}


@pytest.fixture(scope="module")
def tables():
    articles = pd.DataFrame({
        "doc_id": list(TEXTS),
        "published": pd.to_datetime([v[0] for v in TEXTS.values()], utc=True),
        "outlet": [v[1] for v in TEXTS.values()],
        "text": [v[2] for v in TEXTS.values()],
    })
    ev = events(articles, use_times=False)
    ct = counts(articles, events=ev)
    return articles, ev, ct


def test_clusters(tables):
    _, ev, _ = tables
    cl = cluster_events(ev)
    kharkiv = cl[(cl["place"] == "Kharkiv") & (cl["event_type"] == "Air/drone strike")]
    by_doc = kharkiv.groupby("doc_id")["cluster_id"].first()
    assert by_doc["a"] == by_doc["b"] == by_doc["c"]
    assert by_doc["e"] != by_doc["a"]
    assert "f" not in set(cl["doc_id"])  # hedged mention dropped


def test_event_counts_dedup_vs_article_level(tables):
    articles, ev, _ = tables
    dedup = event_counts(ev, articles, freq="M", by=("event_type", "place"))
    raw = event_counts(ev, articles, freq="M", by=("event_type", "place"), dedupe=False)
    key = (dedup["event_type"] == "Air/drone strike") & (dedup["place"] == "Kharkiv")
    assert dedup.loc[key, "n_events"].item() == 2  # 11-12 June cluster and 15 June
    key = (raw["event_type"] == "Air/drone strike") & (raw["place"] == "Kharkiv")
    assert raw.loc[key, "n_events"].item() >= 4


def test_casualties_max_not_sum(tables):
    articles, ev, ct = tables
    dedup = casualty_counts(ct, ev, articles, freq="M", by=("count_type",))
    kill = dedup.loc[dedup["count_type"] == "KILL", "number"].item()
    assert kill == 5 + 2 + 1  # Kharkiv cluster max 5, Sumy 2, second Kharkiv 1
    raw = casualty_counts(ct, ev, articles, freq="M", by=("count_type",), dedupe=False)
    assert raw.loc[raw["count_type"] == "KILL", "number"].item() == 3 + 3 + 3 + 5 + 2 + 1


def test_by_outlet_and_week(tables):
    articles, ev, ct = tables
    weekly = casualty_counts(ct, ev, articles, freq="W", by=("outlet",), dedupe=False)
    assert set(weekly["outlet"]) == {"Outlet A", "Outlet B", "Outlet C"}
    assert weekly["period"].nunique() == 2  # weeks starting 9 and 16 June
    per_outlet = event_counts(ev, articles, freq="W", by=("outlet",))
    assert set(per_outlet["outlet"]) >= {"Outlet A", "Outlet B", "Outlet C"}


def test_casualty_counts_leave_out_history_unless_asked():
    text = ("Russian shelling killed 4 people in Kharkiv on Monday. "
            "In World War II, more than eight million Ukrainians died.")
    frame = pd.DataFrame({"doc_id": ["a"], "text": [text], "published": [pd.Timestamp("2022-06-08", tz="UTC")]})
    ev = events(frame)
    ct = counts(frame, events=ev)
    now = casualty_counts(ct, ev, frame, count_types=("KILL",))
    everything = casualty_counts(ct, ev, frame, count_types=("KILL",), include_historical=True, dedupe=False)
    assert now["number"].sum() == 4
    assert everything["number"].sum() == 4 + 8_000_000
