"""Tests for toolkit.annotate.sentiment (VADER and the news model)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.annotate.sentiment import (
    COMPOUND_POWER,
    METHODS,
    NEWS_MODEL,
    WORD_VECTORS,
    embedding_features,
    news_model,
    news_scores,
    probabilities_to_scores,
    score_sentiment,
    score_texts,
    tokens,
    vader_scores,
    word_vectors,
)
from toolkit.resources import resource_path

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
    assert resource_path(*NEWS_MODEL).stat().st_size < 1_000_000
    assert model.embedding.shape == (word_vectors().vectors.shape[1], 3)
    assert model.sentence.shape == (384, 3) and model.sentence.any()


def test_news_scores_do_not_depend_on_the_other_texts():
    """The same bits alone and in any company: a corpus may be chunked any way
    (processes, Dask partitions) without changing a score."""
    texts = [SEED_QUOTE, "Talks broke down.", "Talks resumed.", None, POSITIVE[0],
             "The convoy reached the town after days of shelling, officials said on Monday."]
    alone = [news_scores(t) for t in texts]
    together = score_texts(texts, method="news")
    reordered = score_texts(texts[::-1], method="news")[::-1]
    for a, b, c in zip(alone, together, reordered, strict=True):
        assert a == b == c or (math.isnan(a.compound) and math.isnan(b.compound)
                                and math.isnan(c.compound))


def test_news_fast_runs_without_the_encoder(monkeypatch):
    """news-fast is the same model minus the sentence embedding: no encoder call, its own
    weights, and the same answers on clear cases."""
    from toolkit.annotate import sentiment as S

    fast = S.news_fast_model()
    assert fast.sentence is None and news_model().sentence is not None
    assert fast.embedding.shape == news_model().embedding.shape
    import json

    fast_meta = json.loads(resource_path(*S.NEWS_FAST_MODEL).read_text(encoding="utf-8"))["meta"]
    assert fast_meta["trained_on"] == S.news_model_meta()["trained_on"]
    assert "sentence_embedding" not in fast_meta

    def no_encoder(texts):
        raise AssertionError("news-fast must not run the sentence encoder")

    monkeypatch.setattr(S, "encode", no_encoder)
    got = score_texts([POSITIVE[0], NEGATIVE[0], None, ""], method="news-fast")
    assert got[0].compound > 0.05 > -0.05 > got[1].compound
    assert math.isnan(got[2].compound) and got[3] == (0.0, 1.0, 0.0, 0.0)
    with pytest.raises(AssertionError, match="must not run"):
        score_texts([POSITIVE[0]], method="news")


def test_sentence_embedding_moves_the_news_logits():
    """The encoder feature is wired in: zeroing its weights changes the scores."""
    from toolkit.annotate import sentiment as S

    model = news_model()
    text = "The ministry denied that its troops had shelled the hospital."
    vader = S.vader_analyzer().polarity_scores(text)
    sentence = S.encode([text])[0]
    with_it = S._news_logits(text, None, vader, sentence)
    without = S._news_logits(text, None, vader, np.zeros_like(sentence))
    assert not np.allclose(with_it, without)
    assert np.allclose(with_it - without, sentence.astype(float) @ model.sentence)


def test_word_vectors_are_a_small_npz_without_pickles():
    import numpy as np

    path = resource_path(*WORD_VECTORS)
    assert path.stat().st_size < 5_000_000
    with np.load(path, allow_pickle=False) as npz:
        assert set(npz.files) == {"words", "vectors", "scale"}
        assert npz["vectors"].dtype == np.int8
        assert npz["words"].dtype.kind == "U"
        assert len(npz["words"]) == len(npz["vectors"]) > 20000
    vectors = word_vectors()
    assert vectors is word_vectors()
    assert {"war", "peace", "killed", "wonderful"} <= vectors.index.keys()


def test_embedding_features_mean_of_known_words():
    import numpy as np

    vectors = word_vectors()
    a, b = vectors.vectors[vectors.index["war"]], vectors.vectors[vectors.index["peace"]]
    got = embedding_features(["war", "qqqzzzunknown", "peace"])
    assert np.allclose(got, (a + b) / 2)
    assert not embedding_features(["qqqzzzunknown"]).any()
    # similar words are closer than unrelated ones (the vectors carry meaning)
    def cos(u, v):
        return float(u @ v / np.linalg.norm(u) / np.linalg.norm(v))
    vec = {w: vectors.vectors[vectors.index[w]] for w in ("terrible", "awful", "table")}
    assert cos(vec["terrible"], vec["awful"]) > cos(vec["terrible"], vec["table"])


SEED_QUOTE = ("\u201cThose are ordinary sites of peaceful life - those that should never be "
              "targeted,\u201d Terekhov wrote on Telegram.")


def test_condemnation_with_positive_words_is_not_positive():
    # VADER scores this condemnation positive (peaceful, life); the news model must not.
    assert vader_scores(SEED_QUOTE).compound > 0.05
    assert news_scores(SEED_QUOTE).compound <= 0.05


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3).filter(lambda x: sum(x) > 1e-6),
       st.floats(-0.2, 0.2))
def test_compound_is_monotone_in_d_within_a_class(raw, shift):
    total = sum(raw)
    p = [x / total for x in raw]
    a = probabilities_to_scores(*p)
    # move mass between neg and pos without changing which class is most probable
    q = [p[0] - shift, p[1], p[2] + shift]
    if min(q) < 0 or (max(range(3), key=q.__getitem__) != max(range(3), key=p.__getitem__)):
        return
    b = probabilities_to_scores(*q)
    if _label(a.compound) == _label(b.compound):
        assert (b.compound - a.compound) * shift >= -1e-12


@pytest.mark.parametrize(("p", "compound"), [
    ((0.2, 0.2, 0.6), 0.16), ((0.6, 0.2, 0.2), -0.16), ((0.1, 0.0, 0.9), 0.64),
    ((0.3, 0.4, 0.3), 0.0), ((0.4, 0.25, 0.35), -0.050001), ((0.1, 0.5, 0.4), 0.05)])
def test_compound_is_signed_square_clipped_into_the_class_band(p, compound):
    assert COMPOUND_POWER == 2.0
    assert probabilities_to_scores(*p).compound == pytest.approx(compound, abs=1e-6)


def test_neutral_band_maps_to_thresholds():
    # neutral most probable: compound stays inside the band whatever d is
    assert abs(probabilities_to_scores(0.0, 0.5, 0.5).compound) <= 0.05
    assert probabilities_to_scores(0.0, 0.0, 1.0).compound == pytest.approx(1.0)
    assert probabilities_to_scores(1.0, 0.0, 0.0).compound == pytest.approx(-1.0)


def test_tokens_fold_curly_apostrophes():
    assert tokens("Don\u2019t SHELL cities!") == ["don't", "shell", "cities", "!"]


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


def test_invalid_target_spans_score_the_whole_text():
    text = "The mayor praised the rescuers, while the governor was accused of corruption."
    bad = [(3, -1), (10, 5), (1000, 1002), (4, 4), (-1, 9)]
    frame = pd.DataFrame({"text": [text] * (len(bad) + 1),
                          "ts": [s for s, _ in bad] + [-1], "te": [e for _, e in bad] + [-1]})
    news = score_sentiment(frame, method="news", target_columns=("ts", "te"))
    assert news["compound"].nunique() == 1
    assert news["compound"].iloc[0] == news_scores(text).compound


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


def test_build_writes_npz_byte_for_byte(tmp_path):
    import numpy as np

    from toolkit.annotate.sentiment import load_word_vectors
    from toolkit.resources.build_sentiment import write_npz

    arrays = {"words": np.asarray(["peace", "war"]), "vectors": np.asarray([[1, -2], [3, 4]], np.int8),
              "scale": np.asarray([0.5, 0.25], np.float32)}
    write_npz(tmp_path / "a.npz", arrays)
    write_npz(tmp_path / "b.npz", arrays)
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    vectors = load_word_vectors(tmp_path / "a.npz")
    assert vectors.index == {"peace": 0, "war": 1}
    assert vectors.vectors.tolist() == [[0.5, -0.5], [1.5, 1.0]]


def _naive_cnn_logits(cnn, ids, marks):
    """Direct convolution with explicit zero padding (Kim 2014), as a reference."""
    import numpy as np

    x = np.hstack([cnn.inputs[ids], np.asarray(marks, np.float32)[:, None]]).astype(np.float64)
    pooled, col = [], 0
    for w, b in zip(cnn.widths, cnn.bias, strict=True):
        f = b.shape[0]
        taps = [cnn.kernel[:, col + j * f:col + (j + 1) * f] for j in range(w)]
        col += w * f
        pad = np.vstack([np.zeros((w - 1, x.shape[1])), x, np.zeros((w - 1, x.shape[1]))])
        h = [sum(pad[o + j] @ taps[j] for j in range(w)) + b for o in range(len(ids) + w - 1)]
        pooled.append(np.maximum(np.max(h, axis=0), 0.0))
    return np.concatenate(pooled) @ cnn.out_w + cnn.out_b


@pytest.mark.parametrize("n_tokens", [1, 2, 5, 17])
def test_cnn_logits_match_a_direct_convolution(tmp_path, n_tokens):
    import numpy as np

    from toolkit.annotate.sentiment import WordVectors, cnn_logits, load_text_cnn
    from toolkit.resources.build_sentiment import write_npz

    rng = np.random.default_rng(n_tokens)
    vectors = WordVectors({f"w{i}": i for i in range(30)}, rng.normal(size=(30, 4)))
    arrays = {"out_w": rng.normal(size=(3, 2 * 5)).astype(np.float32),
              "out_b": rng.normal(size=3).astype(np.float32)}
    for k, w in enumerate((2, 3)):
        arrays[f"conv{k}_w"] = rng.normal(size=(5, 6, w)).astype(np.float32)
        arrays[f"conv{k}_b"] = rng.normal(size=5).astype(np.float32)
    write_npz(tmp_path / "cnn.npz", arrays)
    cnn = load_text_cnn(tmp_path / "cnn.npz", vectors)
    assert cnn.widths == (2, 3)
    ids = rng.integers(0, 31, size=n_tokens).tolist()
    marks = rng.integers(0, 2, size=n_tokens).astype(float).tolist()
    got = cnn_logits(ids, marks, cnn)
    np.testing.assert_allclose(got, _naive_cnn_logits(cnn, ids, marks), rtol=1e-4, atol=1e-4)
    assert cnn_logits([], [], cnn).tolist() == [0.0, 0.0, 0.0]


def test_cnn_tokens_mark_the_target():
    from toolkit.annotate.sentiment import cnn_tokens

    index = {"the": 0, "mayor": 1, "praised": 2}
    text = "The Mayor praised rescuers!"
    ids, marks = cnn_tokens(text, (4, 9), index)
    assert ids == [1, 2, 3, 0, 0]  # 0: unknown word ("rescuers", "!")
    assert marks == [0.0, 1.0, 0.0, 0.0, 0.0]
    assert cnn_tokens(text, None, index) == (ids, [0.0] * 5)


def test_shipped_text_cnn_is_small_and_fits_the_vectors():
    import numpy as np

    from toolkit.annotate.sentiment import TEXT_CNN, text_cnn

    path = resource_path(*TEXT_CNN)
    assert path.stat().st_size < 500_000
    with np.load(path, allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)
    cnn = text_cnn()
    assert cnn is text_cnn()
    assert cnn.inputs.shape == (word_vectors().vectors.shape[0] + 1, word_vectors().vectors.shape[1] + 1)
    assert cnn.kernel.shape[0] == cnn.inputs.shape[1] + 1
    assert news_model().cnn_weight > 0


@pytest.mark.parametrize(("better", "worse"), [
    ("The ceasefire is holding and the families are safe and grateful.",
     "The shelling destroyed the school and killed three children."),
    ("Aid convoys reached the town and residents welcomed the volunteers.",
     "Residents fled in terror as the city burned."),
])
def test_shipped_text_cnn_orders_clear_cases(better, worse):
    from toolkit.annotate.sentiment import cnn_logits, cnn_tokens, text_cnn

    cnn = text_cnn()

    def margin(text):
        z = cnn_logits(*cnn_tokens(text, None, cnn.index), cnn)
        return z[2] - z[0]

    assert margin(better) > 0 > margin(worse)


def test_news_frame_scores_equal_rows_scored_alone():
    """score_sentiment on a frame (pandas string dtype, missing and blank texts, targets
    with -1 and missing offsets) gives exactly the values of each row scored alone."""
    text = "The mayor praised the rescuers, while the governor was accused of corruption."
    frame = pd.DataFrame({
        "doc_id": list("abcdefg"),
        "text": pd.array([text, text, None, "", "  \n", "Talks broke down.", text],
                         dtype="string"),
        "ts": pd.array([4, -1, 0, 0, None, None, 46], dtype="Int64"),
        "te": pd.array([9, -1, 3, 0, None, None, 54], dtype="Int64"),
    })
    whole = score_sentiment(frame, method="news", target_columns=("ts", "te"))
    alone = pd.concat([score_sentiment(frame.iloc[[i]], method="news", target_columns=("ts", "te"))
                       for i in range(len(frame))])
    pd.testing.assert_frame_equal(whole, alone, check_exact=True)
    assert whole["compound"].isna().tolist() == [False, False, True, False, False, False, False]
    assert whole["compound"].iloc[3] == whole["compound"].iloc[4] == 0.0


def test_score_texts_needs_one_target_per_text():
    with pytest.raises(ValueError, match="2 texts but 1 targets"):
        score_texts(["Talks broke down.", "Talks resumed."], method="news", targets=[None])
