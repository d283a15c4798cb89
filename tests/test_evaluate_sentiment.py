"""Tests for toolkit.evaluate.sentiment (VADER TSV and NewsMTSC JSONL scorers)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from toolkit.annotate.sentiment import vader_scores
from toolkit.evaluate import sentiment as E

TSV_ROWS = [
    ("1_1", 3.0, "I love this, it is wonderful."),  # gold positive, VADER positive
    ("1_2", -3.0, "This is terrible and awful."),  # gold negative, VADER negative
    ("1_3", 0.1, "The box is on the table."),  # 0.1 / 4 = 0.025: gold neutral, VADER 0
    ("2_1", -2.0, "I love it."),  # gold negative, VADER positive: one error
]

JSONL_ITEMS = [
    ("The brave doctors saved many lives.", [("doctors", 6)]),
    ("The dictator murdered his opponents.", [("dictator", 2), ("opponents", 2)]),
    ("The committee met on Monday.", [("committee", 4)]),
    ("She smiled as the verdict was read.", [("She", 2)]),  # VADER positive: one error
]


@pytest.fixture
def tsv(tmp_path):
    path = tmp_path / "tiny.tsv"
    path.write_text("".join(f"{i}\t{r}\t{t}\n" for i, r, t in TSV_ROWS), encoding="utf-8")
    return path


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "tiny.jsonl"
    lines = []
    for k, (sentence, targets) in enumerate(JSONL_ITEMS):
        tgts = [{"Input.gid": f"g{k}_{j}", "from": sentence.index(m), "to": sentence.index(m) + len(m),
                 "mention": m, "polarity": float(p)} for j, (m, p) in enumerate(targets)]
        lines.append(json.dumps({"primary_gid": f"g{k}", "sentence_normalized": sentence,
                                 "targets": tgts}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_detect_format(tsv, jsonl):
    assert E.detect_format(tsv) == "vader"
    assert E.detect_format(jsonl) == "newsmtsc"


def test_readers(tsv, jsonl):
    frame = E.read_vader_tsv(tsv)
    assert list(frame.columns) == ["id", "rating", "text"]
    assert frame["rating"].tolist() == [3.0, -3.0, 0.1, -2.0]
    items = E.read_newsmtsc(jsonl)
    assert len(items) == 5
    assert items["label"].tolist() == [1, -1, -1, 0, -1]
    row = items.iloc[1]
    assert row["text"][row["target_start"]:row["target_end"]] == "dictator"


def test_vader_tsv_scores(tsv):
    result = E.evaluate_file(tsv, methods=("vader",))
    # gold [pos, neg, neu, neg], predicted [pos, neg, neu, pos]:
    # F1 pos 2/3 (support 1), neg 2/3 (support 2), neu 1 (support 1) -> weighted 0.75
    assert result["vader"]["weighted_f1"] == pytest.approx(0.75)
    compounds = [vader_scores(t).compound for _, _, t in TSV_ROWS]
    expected_r = np.corrcoef(compounds, [r / 4 for _, r, _ in TSV_ROWS])[0, 1]
    assert result["vader"]["pearson_r"] == pytest.approx(expected_r)
    assert result["gold_distribution"] == {"negative": 2, "neutral": 1, "positive": 1}
    assert result["vader"]["top_errors"] == [("negative", "positive", 1)]


def test_newsmtsc_scores(jsonl):
    result = E.evaluate_file(jsonl, methods=("vader", "news"))
    # gold [pos, neg, neg, neu, neg], VADER [pos, neg, neg, neu, pos]:
    # F1 pos 2/3, neg 4/5, neu 1 -> macro 82.22; accuracy 80
    assert result["vader"]["macro_f1"] == pytest.approx(100 * (2 / 3 + 0.8 + 1) / 3)
    assert result["vader"]["accuracy"] == pytest.approx(80.0)
    assert 0 <= result["news"]["macro_f1"] <= 100


@pytest.mark.parametrize(
    ("gold", "pred", "weighted", "macro"),
    [
        ([1, -1, 0], [1, -1, 0], 1.0, 1.0),
        ([1, 1, 1, -1], [1, 1, -1, -1], (0.8 * 3 + 2 / 3) / 4, (0.8 + 2 / 3) / 2),
        ([0, 0], [1, 1], 0.0, 0.0),
    ],
)
def test_f1_helpers(gold, pred, weighted, macro):
    assert E.weighted_f1(gold, pred) == pytest.approx(weighted)
    assert E.macro_f1(gold, pred) == pytest.approx(macro)


def test_pearson_and_thresholds():
    assert E.pearson_r([1, 2, 3], [1, 2, 4]) == pytest.approx(0.9819805)
    assert E.to_class([0.05, 0.051, -0.05, -0.051, 0.0]).tolist() == [0, 1, 0, -1, 0]


def test_main_prints_side_by_side(tsv, capsys):
    assert E.main([str(tsv)]) == 0
    out = capsys.readouterr().out
    assert "vader" in out and "news" in out and "pearson_r" in out


def test_main_rejects_unknown_method(tsv):
    with pytest.raises(SystemExit):
        E.main([str(tsv), "--method", "bert"])


# ---- shared gold (skipped when ../shared is absent). Floors sit slightly below measured figures.
def test_shared_newsmtsc_dev(shared_path):
    folder = shared_path("gold", "sentiment", "newsmtsc")
    rw = E.evaluate_file(folder / "dev_rw.jsonl")
    mt = E.evaluate_file(folder / "dev_mt.jsonl")
    # measured: VADER 50.0 / 52.3; news 68.8 / 62.7 (model trained on train.jsonl only)
    assert 48 < rw["vader"]["macro_f1"] < 52
    assert rw["news"]["macro_f1"] >= 67.5
    assert mt["news"]["macro_f1"] >= 61.5
    assert rw["news"]["macro_f1"] > rw["vader"]["macro_f1"] + 10


def test_shared_nyt_dev(shared_path):
    path = shared_path("gold", "sentiment", "vader", "nytEditorialSnippets_GroundTruth.dev.txt")
    result = E.evaluate_file(path)
    # VADER r 0.497, weighted F1 0.532 on the dev half. The news model was trained on this
    # file, so its figures here are in-sample (held-out CV figures: see MODEL_CARD.md);
    # this checks that the shipped model is the trained one.
    assert result["vader"]["pearson_r"] == pytest.approx(0.497, abs=0.005)
    assert result["vader"]["weighted_f1"] == pytest.approx(0.532, abs=0.005)
    assert result["news"]["pearson_r"] > 0.75
    assert result["news"]["weighted_f1"] > 0.85


@pytest.mark.slow
def test_shared_movie_snippets_held_out(shared_path):
    # The movie-review snippets are not in the news model's training data: a held-out domain.
    # measured: VADER r 0.422, weighted F1 0.578; news r 0.508, weighted F1 0.660
    path = shared_path("gold", "sentiment", "vader", "movieReviewSnippets_GroundTruth.txt")
    result = E.evaluate_file(path)
    assert result["news"]["pearson_r"] >= 0.50
    assert result["news"]["weighted_f1"] >= 0.64
    assert result["news"]["pearson_r"] > result["vader"]["pearson_r"]


@pytest.mark.parametrize(("name", "floor_r"), [("tweets_GroundTruth.txt", 0.87),
                                               ("amazonReviewSnippets_GroundTruth.txt", 0.56)])
def test_shared_vader_sets_vader_figures(shared_path, name, floor_r):
    result = E.evaluate_file(shared_path("gold", "sentiment", "vader", name), methods=("vader",))
    assert result["vader"]["pearson_r"] >= floor_r


def test_in_sample_files_are_flagged():
    from toolkit.evaluate.sentiment import news_trained_on

    assert news_trained_on("x/nytEditorialSnippets_GroundTruth.dev.txt")
    assert news_trained_on("x/newsmtsc/train.jsonl")
    assert not news_trained_on("x/newsmtsc/dev_rw.jsonl")
    assert not news_trained_on("x/movieReviewSnippets_GroundTruth.txt")
