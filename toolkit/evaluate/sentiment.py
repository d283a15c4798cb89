"""Score sentiment methods on the VADER ground truth and on NewsMTSC.

Usage::

    python -m toolkit evaluate sentiment FILE [FILE ...] [--method vader|news|news-fast|all]

The format is detected from the content:

* **VADER TSV** (Hutto & Gilbert 2014 ground truth: ``id <tab> mean rating
  -4..4 <tab> text``): Pearson r between ``compound`` and the rating, and the
  3-class weighted F1 of ``compound`` against ``rating / 4``, both with
  VADER's ±0.05 thresholds (positive above 0.05, negative below -0.05,
  neutral between, inclusive).
* **NewsMTSC JSONL** (Hamborg & Donnay, EACL 2021: ``sentence_normalized``
  and ``targets`` with ``from``/``to``/``polarity``; 2 = negative, 4 = neutral,
  6 = positive): each target is one item; 3-class macro F1 (×100). The
  prediction is the class of ``compound`` under the ±0.05 thresholds; for the
  ``news`` and ``news-fast`` methods this is by construction their most
  probable class, and the models are given the target's offsets (VADER scores
  the sentence).

All methods are scored in the same run and printed side by side
(``--method all``, the default). :func:`evaluate_file` returns the figures as
a dict for tests and notebooks. Scores are computed through the public
:func:`toolkit.annotate.sentiment.score_sentiment`.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit.annotate.sentiment import METHODS, score_sentiment

LABELS = ("negative", "neutral", "positive")
POLARITY = {2: -1, 4: 0, 6: 1}
THRESHOLD = 0.05


# --------------------------------------------------------------------------- readers
def read_vader_tsv(path: str | Path) -> pd.DataFrame:
    """Read a VADER ground-truth file: columns ``id, rating, text`` (rating in -4..4)."""
    rows = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t", 2)
            if len(parts) != 3:
                raise ValueError(f"{path}: not a VADER TSV line (id, rating, text): {line[:80]!r}")
            rows.append((parts[0], float(parts[1]), parts[2]))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def read_newsmtsc(path: str | Path) -> pd.DataFrame:
    """Read NewsMTSC JSONL: one row per target (``id, text, target_start, target_end, label``).

    ``label`` is -1 (negative), 0 (neutral) or 1 (positive).
    """
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            for target in item["targets"]:
                rows.append((target.get("Input.gid", item.get("primary_gid")),
                             item["sentence_normalized"], int(target["from"]), int(target["to"]),
                             POLARITY[int(target["polarity"])]))
    return pd.DataFrame(rows, columns=["id", "text", "target_start", "target_end", "label"])


def detect_format(path: str | Path) -> str:
    """``"newsmtsc"`` for JSON lines, ``"vader"`` for tab-separated lines."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.strip():
                return "newsmtsc" if line.lstrip().startswith("{") else "vader"
    raise ValueError(f"{path} is empty")


# --------------------------------------------------------------------------- metrics
def to_class(values) -> np.ndarray:
    """VADER's convention: 1 above +0.05, -1 below -0.05, else 0."""
    x = np.asarray(values, dtype=float)
    return np.where(x > THRESHOLD, 1, np.where(x < -THRESHOLD, -1, 0))


def pearson_r(x, y) -> float:
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    x = x - x.mean()
    y = y - y.mean()
    denom = math.sqrt(float((x * x).sum() * (y * y).sum()))
    return float((x * y).sum() / denom) if denom else math.nan


def per_class_f1(gold, pred) -> dict[int, tuple[float, int]]:
    """``{class: (F1, support)}`` over the classes -1, 0, 1."""
    gold = np.asarray(gold)
    pred = np.asarray(pred)
    out = {}
    for c in (-1, 0, 1):
        tp = int(((pred == c) & (gold == c)).sum())
        p_n = int((pred == c).sum())
        g_n = int((gold == c).sum())
        prec = tp / p_n if p_n else 0.0
        rec = tp / g_n if g_n else 0.0
        out[c] = (2 * prec * rec / (prec + rec) if prec + rec else 0.0, g_n)
    return out


def weighted_f1(gold, pred) -> float:
    """Support-weighted F1 over the 3 classes (scikit-learn's ``average='weighted'``)."""
    scores = per_class_f1(gold, pred)
    total = sum(n for _, n in scores.values())
    return sum(f * n for f, n in scores.values()) / total if total else math.nan


def macro_f1(gold, pred) -> float:
    """Unweighted mean F1 over the classes present in gold or prediction."""
    present = set(np.asarray(gold).tolist()) | set(np.asarray(pred).tolist())
    scores = per_class_f1(gold, pred)
    return float(np.mean([scores[c][0] for c in sorted(present)]))


def _confusions(gold, pred) -> list[tuple[str, str, int]]:
    counts = Counter((int(g), int(p)) for g, p in zip(gold, pred, strict=True) if g != p)
    return [(LABELS[g + 1], LABELS[p + 1], n) for (g, p), n in counts.most_common()]


# --------------------------------------------------------------------------- scoring
def evaluate_frame(frame: pd.DataFrame, fmt: str, *, methods=METHODS) -> dict:
    """Score ``methods`` on a frame from :func:`read_vader_tsv` or :func:`read_newsmtsc`."""
    result: dict = {"format": fmt, "n": len(frame)}
    if fmt == "vader":
        gold_value = frame["rating"].to_numpy() / 4.0
        gold = to_class(gold_value)
    else:
        gold = frame["label"].to_numpy()
    result["gold_distribution"] = {LABELS[c + 1]: int((gold == c).sum()) for c in (-1, 0, 1)}
    for method in methods:
        targets = ("target_start", "target_end") if fmt == "newsmtsc" else None
        scored = score_sentiment(frame, method=method, target_columns=targets)
        compound = scored["compound"].to_numpy()
        pred = to_class(compound)
        scores: dict = {}
        if fmt == "vader":
            scores["pearson_r"] = pearson_r(compound, gold_value)
            scores["weighted_f1"] = weighted_f1(gold, pred)
        else:
            scores["macro_f1"] = 100.0 * macro_f1(gold, pred)
            scores["accuracy"] = 100.0 * float((gold == pred).mean())
        scores["per_class_f1"] = {LABELS[c + 1]: f for c, (f, _) in per_class_f1(gold, pred).items()}
        scores["top_errors"] = _confusions(gold, pred)[:4]
        result[method] = scores
    return result


def evaluate_file(path: str | Path, *, methods=METHODS) -> dict:
    """Detect the format of ``path``, read it and score ``methods`` (see the module docstring)."""
    fmt = detect_format(path)
    frame = read_vader_tsv(path) if fmt == "vader" else read_newsmtsc(path)
    result = evaluate_frame(frame, fmt, methods=methods)
    result["path"] = str(path)
    result["news_in_sample"] = news_trained_on(path)
    return result


#: File-name markers of the gold sources the news model may have been trained on.
_SOURCE_MARKERS = {"nyt": "nytEditorial", "tweets": "tweets_", "amazon": "amazonReview",
                   "movie": "movieReview", "newsmtsc": "train.jsonl"}


def news_trained_on(path: str | Path) -> bool:
    """True when the news model's training data included this file (its figures are then in-sample)."""
    from toolkit.annotate.sentiment import news_model_meta

    trained = news_model_meta().get("trained_on", [])
    name = Path(path).name
    return any(_SOURCE_MARKERS.get(source, "\0") in name for source in trained)


def format_result(result: dict) -> str:
    methods = [m for m in METHODS if m in result]
    metrics = ["pearson_r", "weighted_f1"] if result["format"] == "vader" else ["macro_f1", "accuracy"]
    lines = [f"{result.get('path', '')}  [{result['format']}, n={result['n']}, "
             f"gold {result['gold_distribution']}]"]
    if result.get("news_in_sample") and any(m.startswith("news") for m in methods):
        lines.append("  NOTE: the news models were trained on this file: its figures here are in-sample, "
                     "not validation (held-out figures: make sentiment-validate, MODEL_CARD.md)")
    lines.append(f"  {'metric':<22}" + "".join(f"{m:>12}" for m in methods))
    for metric in metrics:
        lines.append(f"  {metric:<22}" + "".join(f"{result[m][metric]:>12.3f}" for m in methods))
    for label in LABELS:
        lines.append(f"  {'F1 ' + label:<22}"
                     + "".join(f"{result[m]['per_class_f1'][label]:>12.3f}" for m in methods))
    for m in methods:
        errs = ", ".join(f"{g}->{p} {n}" for g, p, n in result[m]["top_errors"])
        lines.append(f"  top errors ({m}): {errs}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m toolkit evaluate sentiment",
        description="Score VADER and the news models on a VADER TSV or NewsMTSC JSONL file.")
    parser.add_argument("paths", nargs="+", help="VADER ground-truth TSV or NewsMTSC JSONL file(s)")
    parser.add_argument("--method", choices=[*METHODS, "all"], default="all")
    args = parser.parse_args(argv)
    methods = METHODS if args.method == "all" else (args.method,)
    for path in args.paths:
        print(format_result(evaluate_file(path, methods=methods)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
