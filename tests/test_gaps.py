"""Tests for toolkit.annotate.gaps: the per-article dateline-gap table."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import schema
from toolkit.annotate.gaps import TEXT_DATES_CONFIDENCE, dateline_gaps

UTC = "UTC"


@pytest.fixture
def seed_frame(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    return pd.DataFrame({"doc_id": ["seed"], "text": [text],
                         "published": pd.to_datetime(["2025-06-11"], utc=True)})


def test_seed_gap_row(seed_frame):
    out = dateline_gaps(seed_frame)
    assert list(out.columns[: len(schema.columns("dateline_gaps"))]) == schema.columns("dateline_gaps")
    row = out.iloc[0]
    # resolved (<= a week): the stale banner 2024-01-02 and its 12:17 GMT (526 days), Wednesday (0),
    # last week (3), Saturday (4), earlier this week (0), overnight on Wednesday (0)
    assert row["n_resolved"] == 7
    assert row["gap_min"] == 0
    assert row["gap_max"] == 526
    assert row["gap_median"] == 3.0
    assert row["same_day_share"] == pytest.approx(3 / 7)
    assert row["future_refs"] == 0
    assert row["inferred_published"] == pd.Timestamp("2025-06-11", tz=UTC)


def test_seed_with_loader_columns(seed_frame):
    # the columns the lead's loader adds: the banner is cut from the text and parsed
    frame = seed_frame.copy()
    text = frame.loc[0, "text"]
    frame.loc[0, "text"] = text[text.index("(MENAFN") :]
    frame["header_text"] = ["Tuesday, 02 January 2024 12:17 GMT"]
    frame["header_date"] = pd.to_datetime(["2024-01-02 12:17"], utc=True)
    frame["menafn_date"] = pd.to_datetime(["2025-06-11"], utc=True)
    frame["metadata_date"] = pd.Series([pd.NaT], dtype="datetime64[ns, UTC]")
    frame["body_dateline_date"] = pd.Series([pd.NaT], dtype="datetime64[ns, UTC]")
    row = dateline_gaps(frame).iloc[0]
    assert row["n_resolved"] == 5
    assert (row["gap_min"], row["gap_max"], row["gap_median"]) == (0, 4, 0.0)
    assert bool(row["header_conflict"]) is True
    assert bool(row["header_weekday_mismatch"]) is False  # 2 January 2024 was a Tuesday
    assert pd.isna(row["body_dateline_conflict"])
    assert row["inferred_evidence"] == "menafn_id"
    assert row["inferred_confidence"] == pytest.approx(0.95)


@pytest.mark.parametrize(
    ("text", "published", "future_refs"),
    [
        ("Russia attacked Kyiv on June 20, officials said.", "2025-06-11", 1),
        ("Leaders will meet on June 20.", "2025-06-11", 0),
        ("The envoy arrives tomorrow.", "2025-06-11", 0),
        ("Russia attacked Kyiv on June 10, officials said.", "2025-06-11", 0),
    ],
)
def test_future_refs(text, published, future_refs):
    frame = pd.DataFrame({"doc_id": ["x"], "text": [text], "published": pd.to_datetime([published], utc=True)})
    assert dateline_gaps(frame).iloc[0]["future_refs"] == future_refs


def test_weekday_mismatch_and_body_conflict():
    frame = pd.DataFrame({
        "doc_id": ["x", "y"],
        "text": ["KYIV, June 11 (Reuters) - Shelling went on.", "Nothing dated here."],
        "published": pd.to_datetime(["2025-06-11", "2025-06-11"], utc=True),
        "header_text": ["Monday, 11 June 2025", None],
        "metadata_date": pd.to_datetime(["2025-06-14", "2025-06-11"], utc=True),
        "body_dateline_date": pd.to_datetime(["2025-06-11", None], utc=True),
    })
    out = dateline_gaps(frame).set_index("doc_id")
    assert bool(out.loc["x", "header_weekday_mismatch"]) is True  # 11 June 2025 is a Wednesday
    assert bool(out.loc["x", "body_dateline_conflict"]) is True  # 3 days from the metadata
    assert pd.isna(out.loc["y", "header_weekday_mismatch"])
    assert out.loc["x", "inferred_evidence"] == "metadata"


def test_nat_infers_from_text_dates():
    frame = pd.DataFrame({
        "doc_id": ["n"],
        "text": [_LEAD + "The deal of March 3, 2025 was extended on June 9, 2025. It ends on Friday."],
        "published": pd.Series([pd.NaT], dtype="datetime64[ns, UTC]"),
    })
    row = dateline_gaps(frame).iloc[0]
    assert row["n_resolved"] == 0 and pd.isna(row["gap_median"])
    assert row["inferred_published"] == pd.Timestamp("2025-06-09", tz=UTC)
    assert row["inferred_evidence"] == "text_dates"
    # written once, and the text names Friday, not the Monday of 9 June 2025
    assert row["inferred_confidence"] == TEXT_DATES_CONFIDENCE["once"]


# pushes the dates below past the opening characters, where a release prints its own date
_LEAD = "Officials from both delegations spoke to reporters after a long day of meetings at the hotel. "


@pytest.mark.parametrize(("text", "tier"), [
    (_LEAD + "The treaty of June 28, 1919 was recalled.", "once"),
    (_LEAD + "It was signed on 9 June 2025 and renewed later.", "once"),
    # 11 June 2025 is a Wednesday: the weekday next to the date, or named elsewhere
    (_LEAD + "Talks on Wednesday, June 11, 2025 ended early.", "weekday"),
    (_LEAD + "Talks ended on June 11, 2025. Wednesday was quiet.", "weekday"),
    # a weekday that is not the date's gives no support
    (_LEAD + "Talks ended on June 11, 2025. Thursday was quiet.", "once"),
    # 15 June 2025 is a Sunday, but a weekday in a name is not a time expression
    (_LEAD + "The Mail on Sunday reported the deal of June 15, 2025.", "once"),
    (_LEAD + "Talks ended on June 11, 2025. On Wednesday, 11 June 2025, they left.", "weekday_repeated"),
    (_LEAD + "On 11 June 2025 they met. 11 June 2025 was hot. By 11 June 2025 it was over. "
     "The statement of 11 June 2025 followed.", "repeated"),
    ("(Kyiv, 11 June 2025) The President met the Prime Minister today.", "opening"),
    # the latest date decides, not the one at the opening
    ("The accord of 2 May 2019 was the model. " + _LEAD + "Talks ended on 9 June 2025.", "once"),
])
def test_text_date_confidence_follows_its_support(text, tier):
    frame = pd.DataFrame({"doc_id": ["t"], "text": [text],
                          "published": pd.Series([pd.NaT], dtype="datetime64[ns, UTC]")})
    row = dateline_gaps(frame).iloc[0]
    assert row["inferred_evidence"] == "text_dates"
    assert row["inferred_confidence"] == TEXT_DATES_CONFIDENCE[tier]


def test_integer_doc_ids_match_times_table():
    frame = pd.DataFrame({"doc_id": [7], "text": ["Officials met on Monday."],
                          "published": pd.to_datetime(["2025-06-11"], utc=True)})
    row = dateline_gaps(frame).iloc[0]
    assert row["doc_id"] == "7" and row["n_resolved"] == 1 and row["gap_median"] == 2.0
