"""Tests for toolkit.annotate.sentiment (VADER and the news model)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.annotate.sentiment import (
    METHODS,
    news_model,
    news_scores,
    probabilities_to_scores,
    score_sentiment,
    vader_scores,
)

POSITIVE = [
    "The rescue teams did a wonderful job and the families are grateful and happy.",
    "The talks were a great success and both sides praised the progress.",
    "Ukraine welcomed the decision and thanked its partners for their support.",
]
NEGATIVE = [
    "The attack killed twelve civilians and destroyed the hospital, a horrific crime.",
    "Residents described the shelling as terrifying and said they had lost everything.",
    "Officials condemned the strike on the school as a war crime.",
]
NEUTRAL = [
    "The meeting is scheduled for Tuesday at the ministry building.",
    "The report will be published in March.",
]
CASES = ([(t, "positive") for t in POSITIVE] + [(t, "negative") for t in NEGATIVE]
         + [(t, "neutral") for t in NEUTRAL])


def _label(compound: float) -> str:
    return "positive" if compound > 0.05 else "negative" if compound < -0.05 else "neutral"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_clear_cases(method, text, expected):
    frame = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    compound = score_sentiment(frame, method=method)["compound"].iloc[0]
    assert _label(compound) == expected


@pytest.mark.parametrize("text", [*POSITIVE, *NEGATIVE, *NEUTRAL, "NOT good :( !!!", "", "meh"])
def test_vader_is_exactly_nltk(text):
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from toolkit.resources import VADER_LEXICON, use_local_nltk_data

    use_local_nltk_data()
    expected = SentimentIntensityAnalyzer(lexicon_file=VADER_LEXICON).polarity_scores(text)
    got = score_sentiment(pd.DataFrame({"text": [text]}), method="vader").iloc[0]
    assert {k: got[k] for k in ("neg", "neu", "pos", "compound")} == expected
    assert vader_scores(text)._asdict() == expected


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_compound_bounds_random_text(text):
    for scores in (vader_scores(text), news_scores(text)):
        assert -1.0 <= scores.compound <= 1.0
        assert all(0.0 <= x <= 1.0 for x in (scores.neg, scores.neu, scores.pos))
    news = news_scores(text)
    assert math.isclose(news.neg + news.neu + news.pos, 1.0, rel_tol=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["killed", "wonderful", "war", "peace", "not", "very", "!", "?",
                                 "GREAT", "terrible", "Kyiv", "said", "—", "ü"]), max_size=80))
def test_compound_bounds_extreme_word_salad(words):
    text = " ".join(words)
    for method in METHODS:
        out = score_sentiment(pd.DataFrame({"text": [text]}), method=method)
        assert -1.0 <= out["compound"].iloc[0] <= 1.0


@pytest.mark.parametrize(
    ("p", "label"),
    [((0.7, 0.2, 0.1), "negative"), ((0.1, 0.2, 0.7), "positive"), ((0.3, 0.4, 0.3), "neutral"),
     ((0.05, 0.5, 0.45), "neutral"), ((0.45, 0.1, 0.45), "neutral"), ((0.46, 0.1, 0.44), "negative"), ((0.0, 0.0, 1.0), "positive")],
)
def test_compound_thresholds_give_back_the_argmax(p, label):
    scores = probabilities_to_scores(*p)
    assert _label(scores.compound) == label
    assert -1.0 <= scores.compound <= 1.0


def test_news_model_is_small_json_and_cached():
    model = news_model()
    assert model is news_model()
    assert model.classes == ("negative", "neutral", "positive")
    assert 1000 < len(model.weights) <= 20000


def test_missing_and_empty_texts():
    frame = pd.DataFrame({"text": ["Good news!", None, math.nan, "", "   "]})
    vader = score_sentiment(frame, method="vader")
    news = score_sentiment(frame, method="news")
    for out in (vader, news):
        assert out.loc[[1, 2], ["neg", "neu", "pos", "compound"]].isna().all().all()
        assert out.loc[0, "compound"] > 0.05
    assert (vader.loc[[3, 4], ["neg", "neu", "pos", "compound"]] == 0.0).all().all()
    assert news.loc[3, ["neg", "neu", "pos", "compound"]].tolist() == [0.0, 1.0, 0.0, 0.0]


def test_enricher_returns_copy_with_columns_and_index():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "quote": [POSITIVE[0], NEGATIVE[0]]},
                         index=[10, 20])
    out = score_sentiment(frame, method="news", text_column="quote")
    assert list(out.columns) == ["doc_id", "quote", "neg", "neu", "pos", "compound"]
    assert list(out.index) == [10, 20]
    assert "compound" not in frame.columns
    assert all(out[c].dtype == "float64" for c in ("neg", "neu", "pos", "compound"))
    assert out["compound"].tolist()[0] > 0 > out["compound"].tolist()[1]


def test_empty_frame():
    out = score_sentiment(pd.DataFrame({"text": pd.Series([], dtype="string")}), method="news")
    assert len(out) == 0
    assert list(out.columns) == ["text", "neg", "neu", "pos", "compound"]


def test_string_dtype_column():
    frame = pd.DataFrame({"text": pd.array([POSITIVE[1], pd.NA], dtype="string")})
    out = score_sentiment(frame, method="news")
    assert out["compound"].iloc[0] > 0.05
    assert math.isnan(out["compound"].iloc[1])


def test_unknown_method_names_the_choices():
    with pytest.raises(ValueError, match=r"'vader', 'news'"):
        score_sentiment(pd.DataFrame({"text": ["x"]}), method="bert")


def test_missing_column_lists_available_columns():
    with pytest.raises(KeyError, match=r"Available columns: \['doc_id', 'body'\]"):
        score_sentiment(pd.DataFrame({"doc_id": ["a"], "body": ["x"]}))
    with pytest.raises(KeyError, match="missing"):
        score_sentiment(pd.DataFrame({"body": ["x"]}), text_column="quote")


def test_target_columns_change_news_scores_only():
    text = "The mayor praised the rescuers, while the governor was accused of corruption."
    mayor = (text.index("mayor"), text.index("mayor") + 5)
    governor = (text.index("governor"), text.index("governor") + 8)
    frame = pd.DataFrame({"text": [text, text, text],
                          "ts": [mayor[0], governor[0], -1], "te": [mayor[1], governor[1], -1]})
    news = score_sentiment(frame, method="news", target_columns=("ts", "te"))
    assert news["compound"].iloc[0] > news["compound"].iloc[1]
    whole = news_scores(text)
    assert news["compound"].iloc[2] == pytest.approx(whole.compound)
    vader = score_sentiment(frame, method="vader", target_columns=("ts", "te"))
    assert vader["compound"].nunique() == 1
