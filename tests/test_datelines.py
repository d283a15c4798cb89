"""Header dates, body datelines, and the choice between date sources."""

import datetime as dt

import pandas as pd
import pytest

from toolkit.datelines import (
    choose_dateline,
    parse_body_dateline,
    parse_header_date,
    parse_metadata_date,
    resolve_month_day,
)


@pytest.mark.parametrize(
    ("text", "place", "month", "day", "agency"),
    [
        ("KYIV, June 11 (Reuters) - Ukraine said", "KYIV", 6, 11, "Reuters"),
        ("MOSCOW (AP) — Russia said", "MOSCOW", None, None, "AP"),
        ("RABAT, Jan 22 (KUNA) -- Two agencies", "RABAT", 1, 22, "KUNA"),
        ("KUWAIT, Sept 5 (KUNA) Today in history", "KUWAIT", 9, 5, "KUNA"),
        ("KYIV, Ukraine (AP) — Russian forces", "KYIV, Ukraine", None, None, "AP"),
        ("UNITED NATIONS (AP) — The council", "UNITED NATIONS", None, None, "AP"),
        ("LONDON, Sept. 5 - Britain said", "LONDON", 9, 5, None),
    ],
)
def test_body_datelines_are_parsed_into_fields(text, place, month, day, agency):
    parsed = parse_body_dateline(text)
    assert (parsed.place, parsed.month, parsed.day, parsed.agency) == (place, month, day, agency)
    assert text[parsed.start : parsed.end] == parsed.text


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine announced on Wednesday that Russia returned bodies.",
        "Sen. Lindsey Graham (R-S.C.) said the aid would continue.",
        "International Atomic Energy Agency (IAEA) inspectors arrived.",
        "President Biden: we stand with Ukraine.",
    ],
)
def test_ordinary_first_sentences_are_not_datelines(text):
    assert parse_body_dateline(text) is None


@pytest.mark.parametrize(
    ("header", "expected", "mismatch"),
    [
        ("Tuesday, 02 January 2024 12:17 GMT", "2024-01-02 12:17", False),
        ("Monday, 02 January 2024 12:17 GMT", "2024-01-02 12:17", True),
        ("Wed, June 11, 2025 3:05 PM", "2025-06-11 15:05", False),
        ("11 Jun 2025", "2025-06-11", False),
    ],
)
def test_header_dates(header, expected, mismatch):
    parsed = parse_header_date(header)
    assert parsed.timestamp == pd.Timestamp(expected, tz="UTC")
    assert parsed.weekday_mismatch is mismatch


def test_header_without_a_date():
    assert parse_header_date("Breaking news") is None


@pytest.mark.parametrize(
    ("month", "day", "reference", "expected"),
    [(6, 11, "2025-06-12", "2025-06-11"), (12, 31, "2025-01-02", "2024-12-31"), (1, 1, "2024-12-30", "2025-01-01"),
     (2, 29, "2023-03-01", "2024-02-29")],
)
def test_month_day_resolves_to_the_nearest_year(month, day, reference, expected):
    assert resolve_month_day(month, day, dt.date.fromisoformat(reference)).isoformat() == expected


def test_menafn_id_beats_a_stale_header():
    chosen = choose_dateline(menafn=dt.date(2025, 6, 11), header=pd.Timestamp("2024-01-02 12:17", tz="UTC"))
    assert (chosen.source, chosen.conflict, chosen.conflict_days) == ("menafn_id", True, 526)


def test_body_dateline_year_comes_from_metadata_and_conflicts_are_reported():
    body = parse_body_dateline("KYIV, July 7 (Reuters) - text")
    chosen = choose_dateline(metadata=pd.Timestamp("2022-07-09 10:00", tz="UTC"), body=body)
    assert chosen.source == "metadata"
    assert chosen.body_date == pd.Timestamp("2022-07-07", tz="UTC")
    assert chosen.conflict_reason == "body_dateline 2022-07-07 is 2 days before metadata 2022-07-09"


def test_no_evidence_gives_nat_and_zero_confidence():
    chosen = choose_dateline()
    assert pd.isna(chosen.published) and chosen.source == "none" and chosen.confidence == 0.0


@pytest.mark.parametrize(
    ("value", "zone", "expected", "problem"),
    [
        ("2022-06-24T17:30:00", "Europe/Moscow", "2022-06-24 14:30", None),
        ("2022-01-02T16:57:45-05:00", "UTC", "2022-01-02 21:57:45", None),
        ("2022-06-06T23:01:09Z", "Europe/Kyiv", "2022-06-06 23:01:09", None),
        ("32/13/2022", "UTC", None, "unparseable_date"),
        ("", "UTC", None, "missing_date"),
        (None, "UTC", None, "missing_date"),
    ],
)
def test_metadata_dates(value, zone, expected, problem):
    stamp, issue = parse_metadata_date(value, timezone=zone)
    if expected is None:
        assert pd.isna(stamp) and issue.startswith(problem)
    else:
        assert stamp == pd.Timestamp(expected, tz="UTC") and issue is None


def test_a_one_day_conflict_reads_well():
    body = parse_body_dateline("WASHINGTON, July 8 (Reuters) - text")
    chosen = choose_dateline(metadata=pd.Timestamp("2022-07-09 01:00", tz="UTC"), body=body)
    assert chosen.conflict_reason == "body_dateline 2022-07-08 is 1 day before metadata 2022-07-09"
