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


def _quotes_that_fail_on(marker):
    from toolkit.annotate import quotes as module

    real = module.quotes

    def quotes(frame, **options):
        if frame["text"].str.contains(marker, regex=False).any():
            raise ValueError(f"cannot read {marker}")
        return real(frame, **options)

    return quotes


def _articles(texts):
    return pd.DataFrame({
        "doc_id": [f"a{i}" for i in range(len(texts))],
        "text": texts,
        "published": pd.to_datetime(["2025-06-11"] * len(texts), utc=True),
        "source_path": [f"news.csv#row={i}" for i in range(len(texts))],
    })


@pytest.mark.parametrize("bad", [[0], [4], [2, 5], [0, 1, 2, 3, 4, 5, 6]])
def test_an_annotator_error_rejects_only_its_article(monkeypatch, bad):
    """A bug that makes one annotator raise on one article costs that article, not the chunk."""
    texts = [f'"We will rebuild {i}," Mayor Ihor Terekhov said on Monday. Three people were killed.'
             + (" BOOM" if i in bad else "") for i in range(7)]
    articles = _articles(texts)
    expected = pipeline.annotate(articles[~articles.index.isin(bad)].reset_index(drop=True))
    monkeypatch.setattr("toolkit.annotate.quotes.quotes", _quotes_that_fail_on("BOOM"))
    got = pipeline.annotate(articles)
    rejected = got.pop("rejected")
    assert list(rejected["doc_id"]) == [f"a{i}" for i in bad]
    assert set(rejected["reason"]) == {"annotation_failed"}
    assert rejected["source_path"].iloc[0] == f"news.csv#row={bad[0]}"
    assert rejected["detail"].str.contains("quotes raised ValueError: cannot read BOOM").all()
    expected.pop("rejected")
    for name, table in expected.items():
        pd.testing.assert_frame_equal(got[name].reset_index(drop=True), table.reset_index(drop=True),
                                      check_dtype=False, obj=name)
        assert list(got[name].columns) == list(table.columns)


def test_an_annotator_error_can_be_raised_for_debugging(monkeypatch):
    monkeypatch.setattr("toolkit.annotate.quotes.quotes", _quotes_that_fail_on("BOOM"))
    with pytest.raises(pipeline.AnnotatorError, match="quotes raised ValueError"):
        pipeline.annotate(_articles(["Fine.", "BOOM"]), on_error="raise")
    with pytest.raises(ValueError, match="on_error"):
        pipeline.annotate(_articles(["Fine."]), on_error="ignore")


def test_tables_move_a_failed_article_from_articles_to_rejected(monkeypatch, tmp_path):
    source = tmp_path / "news.csv"
    pd.DataFrame({"id": ["ok", "bad"], "date": ["2025-06-11", "2025-06-11"],
                  "text": ['"We are safe," the mayor said.', '"Boom," BOOM said.']}).to_csv(source, index=False)
    monkeypatch.setattr("toolkit.annotate.quotes.quotes", _quotes_that_fail_on("BOOM"))
    for _ in range(2):  # annotated, then read back from the cache
        tables = pipeline.tables(source, folder=tmp_path / "processed")
        assert list(tables["articles"]["doc_id"]) == ["ok"]
        assert list(tables["rejected"]["reason"]) == ["annotation_failed"]
        assert set(tables["quotes"]["doc_id"]) == {"ok"}
        assert tables["articles"].attrs["rejected"]["doc_id"].tolist() == ["bad"]
        # attrs must hold a RejectionTable (also when read from Parquet), or concat/merge fail
        assert len(pd.concat([tables["articles"], tables["articles"].copy()])) == 2
        assert type(tables["rejected"]).__name__ == "RejectionTable"


def test_a_missing_resource_is_raised_not_blamed_on_every_article(monkeypatch):
    from toolkit.annotate import sentiment
    from toolkit.resources import MissingResourceError

    real = sentiment.score_sentiment

    def score_sentiment(frame, **options):
        if len(frame):
            raise MissingResourceError("Dateline resource missing: news_model.json\nFix: make it")
        return real(frame, **options)

    monkeypatch.setattr("toolkit.annotate.sentiment.score_sentiment", score_sentiment)
    with pytest.raises(MissingResourceError, match="Fix: make it"):
        pipeline.annotate(_articles(['"We are safe," the mayor said.'] * 3))
