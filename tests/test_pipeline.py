"""The whole data flow on the seed, through the loader, as a user runs it; the Parquet cache; the API."""

import pandas as pd
import pytest

import toolkit
from toolkit import pipeline, schema


@pytest.fixture(scope="module")
def seed_tables(seed_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("processed")
    return pipeline.tables(seed_path, folder=folder), folder


def test_every_public_name_resolves():
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None, name


def test_seed_counts_through_the_loader_exactly(seed_tables):
    counts = seed_tables[0]["counts"]
    got = list(zip(counts["count_type"], counts["number"].astype(int), counts["hedged"], strict=True))
    assert got == [
        ("REPATRIATED_REMAINS", 1212, False),
        ("REPATRIATED_REMAINS", 6000, True),  # "had earlier pledged to ... return": not a repatriation
        ("KILL", 3, False),
        ("WOUND", 64, False),
        ("DRONES", 17, False),
        ("KILL", 3, False),  # "Three people were confirmed killed": the same toll, reported again
        ("WOUND", 64, False),
    ]
    assert counts["start"].is_unique  # no number counted twice


def test_seed_events_through_the_loader(seed_tables):
    events = seed_tables[0]["events"]
    types = set(events["event_type"])
    assert {"Repatriation of remains", "Prisoner exchange", "Peace talks", "Air/drone strike", "Ceasefire"} <= types
    strikes = events[events["event_type"] == "Air/drone strike"]
    assert "Kharkiv" in set(strikes["place"])
    ceasefire = events[events["event_type"] == "Ceasefire"].iloc[0]
    assert ceasefire["negated"] or ceasefire["hedged"]


def test_seed_quote_and_its_speaker_through_the_loader(seed_tables):
    quotes = seed_tables[0]["quotes"]
    row = quotes[quotes["text"].str.startswith("Those are ordinary sites")].iloc[0]
    assert (row["speaker"], row["cue"]) == ("Ihor Terekhov", "wrote on Telegram")
    assert -1 <= row["compound"] <= 1 and row["vader_compound"] == pytest.approx(0.4939, abs=1e-4)


def test_seed_times_resolve_against_the_menafn_dateline(seed_tables):
    times = seed_tables[0]["time_expressions"]
    values = dict(zip(times["text"], times["value"], strict=False))
    assert values["Wednesday"] == "2025-06-11"
    assert values["last week"] == "2025-W23"
    assert values["Saturday"] == "2025-06-07"


def test_spans_point_into_the_text(seed_tables):
    tables = seed_tables[0]
    text = tables["articles"]["text"].iloc[0]
    for name in ("sentences", "time_expressions", "quotes", "events", "counts"):
        for start, end in zip(tables[name]["start"], tables[name]["end"], strict=True):
            assert 0 <= start < end <= len(text), name
    for row in tables["time_expressions"].itertuples():
        assert text[row.start : row.end] == row.text


def test_cache_is_reused_and_equal(seed_tables, seed_path):
    tables, folder = seed_tables
    again = pipeline.tables(seed_path, folder=folder)
    for name in ("sentences", "time_expressions", "counts"):
        pd.testing.assert_frame_equal(again[name].reset_index(drop=True),
                                      pipeline.parquet_ready(tables[name]).reset_index(drop=True),
                                      check_dtype=False)


def test_annotation_is_deterministic_and_chunk_independent():
    articles = toolkit.load_corpus()
    sample = articles.sample(40, random_state=1)
    whole = pipeline.annotate(sample)
    halves = [pipeline.annotate(part) for part in (sample.iloc[:20], sample.iloc[20:])]
    for name in ("sentences", "time_expressions", "quotes", "counts"):
        joined = pd.concat([h[name] for h in halves], ignore_index=True)
        pd.testing.assert_frame_equal(whole[name].reset_index(drop=True), joined, check_dtype=False)
        assert list(whole[name].columns[: len(schema.columns(name))]) == schema.columns(name)
