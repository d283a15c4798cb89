"""Sentiment of texts (quotes, sentences, articles): VADER, and a news-tuned linear model.

An *enricher*: :func:`score_sentiment` returns a copy of its frame with the
``sentiment`` columns of :mod:`toolkit.schema` added (``neg, neu, pos,
compound``). Three methods:

``method="vader"``
    Exactly NLTK's VADER (Hutto & Gilbert, "VADER: A Parsimonious Rule-based
    Model for Sentiment Analysis of Social Media Text", ICWSM 2014):
    ``nltk.sentiment.vader.SentimentIntensityAnalyzer.polarity_scores`` on the
    lexicon shipped offline in ``toolkit/resources/nltk_data``.

``method="news"``
    A multinomial logistic regression (softmax over negative / neutral /
    positive) whose features are

    * VADER's own outputs for the text (``compound, neg, pos, neu`` and the
      raw valence sum recovered from ``compound``, as ``sign * log1p(|x|)``);
    * ``log1p`` of the number of conflict-news terms in the text ("shelling",
      "killed", "targeted", "invasion", ...; hand-listed in
      ``toolkit/resources/sentiment/conflict_terms.txt``), pooled into one
      feature whose weight is learned;
    * binary bag of lower-cased unigrams and bigrams of the whole text;
    * the same bag over a *target window*: the 6 tokens either side of a
      target mention (NewsMTSC-style target-dependent sentiment, Hamborg &
      Donnay, EACL 2021). Without a target the window is the whole text,
      which is also how the non-targeted training texts were featurised;
    * the mean of static word vectors of the text's words (128 dimensions,
      ``toolkit/resources/sentiment/word_vectors.npz``, int8): model2vec-style
      vectors distilled at build time from the sentence encoder
      all-MiniLM-L6-v2 (Reimers & Gurevych, EMNLP 2019; Wang et al., MiniLM,
      NeurIPS 2020) by encoding each vocabulary word on its own, reducing by
      PCA and weighting by smooth inverse frequency (Arora et al., ICLR 2017).
      Only numpy is needed at run time;
    * late fusion with a small convolutional text classifier (Kim, "Convolutional
      Neural Networks for Sentence Classification", EMNLP 2014) over the same
      word vectors: widths 2-4, 64 filters each, max-over-time pooling, plus a
      target-mark input channel. Its class logits are added to the linear
      model's with weight ``cnn_weight`` (0.5) before the softmax, so word
      order (negation, scope) is seen by more than bigrams. Trained at build
      time with torch, shipped as ``text_cnn.npz`` (float16-rounded float32),
      run at run time by a numpy forward pass (:func:`cnn_logits`);
    * the sentence embedding of the whole text by all-MiniLM-L6-v2 itself
      (384 dimensions: mean-pooled, L2-normalised last hidden states, as in
      sentence-transformers), computed by a numpy forward pass of the encoder
      (:mod:`toolkit.annotate._encoder`; int8 weights in
      ``toolkit/resources/sentiment/encoder.npz``). It carries what the static
      vectors and bigrams miss (context, negation, irony in editorials) and is
      the largest single gain on the NYT editorial snippets (MODEL_CARD.md).
      It also bounds the speed: about 100 sentences or 145 quotes/s per core
      (``benchmarks/bench_sentiment.py``; VADER alone: about 6,200 / 8,400).

    Trained with strong L2 regularisation only on ``../shared/gold/sentiment``
    (the VADER ground truth: tweets, Amazon snippets and the even-numbered
    half of the NYT editorial snippets; NewsMTSC ``train.jsonl`` only; the
    movie-review snippets were left out, they made the news figures worse).
    The weights ship as JSON (``toolkit/resources/sentiment/news_model.json``)
    and the word vectors as ``.npz`` (loaded with ``allow_pickle=False``), rebuilt
    by ``python -m toolkit.resources.build_sentiment``; training data,
    validation and figures are in ``toolkit/resources/sentiment/MODEL_CARD.md``.
    Runtime is Python + numpy (no scikit-learn, no torch). Texts are encoded in
    batches of equal token count, so a text's scores do not depend on the other
    texts of the call (the same bits however a corpus is chunked).

    Output mapping (documented convention): ``neg, neu, pos`` are the model's
    class probabilities (they sum to 1). ``compound`` is the signed square of
    ``d = pos - neg`` (``sign(d) * d**2``, so ``|d| = 0.224`` maps to ±0.05 and
    ±1 to ±1), clipped into the band of the model's most probable class, so
    that VADER's usual ±0.05 thresholds give back that class (ties go to
    neutral). It is always in [-1, 1] and orders texts by ``d`` within each
    class.

``method="news-fast"``
    The same model without the sentence embedding (the encoder is not run):
    trained the same way on the same rows, shipped as
    ``toolkit/resources/sentiment/news_fast_model.json``. About 25 times faster
    (some 3,600 quotes or 2,500 sentences/s per core) and weaker on editorials (grouped NYT CV r
    0.596 and weighted F1 0.595 against 0.641 / 0.636; MODEL_CARD.md): for
    scoring every sentence of a large corpus.

Missing values: a text that is not a string (``NaN``, ``None``) gets ``NaN`` in
all four columns. An empty or blank string is scored: VADER gives all zeros
(NLTK's behaviour); ``news`` gives ``neg=0, neu=1, pos=0, compound=0``.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd

from toolkit import schema
from toolkit.annotate._encoder import encode
from toolkit.annotate.sentences import _check_columns
from toolkit.resources import MissingResourceError, resource_path, vader_analyzer

METHODS = ("vader", "news", "news-fast")
COLUMNS = ("neg", "neu", "pos", "compound")

NEWS_MODEL = ("sentiment", "news_model.json")
NEWS_FAST_MODEL = ("sentiment", "news_fast_model.json")
WORD_VECTORS = ("sentiment", "word_vectors.npz")
TEXT_CNN = ("sentiment", "text_cnn.npz")
#: ``compound`` is ``sign(d) * |d| ** COMPOUND_POWER``, ``d = pos - neg``, clipped into the
#: class band (see :func:`probabilities_to_scores`).
COMPOUND_POWER = 2.0
CONFLICT_TERMS = ("sentiment", "conflict_terms.txt")
WINDOW = 6  # tokens either side of a target mention
TARGET_MARK = "<t>"
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class SentimentScores(NamedTuple):
    """VADER-style scores of one text."""

    neg: float
    neu: float
    pos: float
    compound: float


_ABOVE = 0.05 + 1e-6  # just outside VADER's neutral band
_MISSING = SentimentScores(math.nan, math.nan, math.nan, math.nan)
_NEUTRAL = SentimentScores(0.0, 1.0, 0.0, 0.0)


# --------------------------------------------------------------------------- features
def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (and ``!``/``?``) used by the news model."""
    return _TOKEN.findall(text.lower().translate(_APOSTROPHES))


def _grams(words: list[str], prefix: str) -> list[str]:
    out = [prefix + w for w in words]
    out.extend(f"{prefix}{a} {b}" for a, b in itertools.pairwise(words))
    return out


def window_tokens(text: str, target: tuple[int, int] | None = None, *, k: int = WINDOW) -> list[str]:
    """Tokens around a target mention ``text[start:end]`` (``k`` each side), or all tokens."""
    if target is None:
        return tokens(text)
    start, end = target
    return [*tokens(text[:start])[-k:], TARGET_MARK, *tokens(text[end:])[:k]]


def sparse_features(text: str, target: tuple[int, int] | None = None) -> list[str]:
    """Binary bag-of-n-gram features of the news model: text n-grams plus window n-grams."""
    return _grams(tokens(text), "") + _grams(window_tokens(text, target), "w:")


def vader_features(scores: dict[str, float]) -> list[float]:
    """Dense features from a VADER result: compound, neg, pos, neu, signed log raw valence sum.

    The raw sum ``x`` is recovered by inverting VADER's normalisation
    ``compound = x / sqrt(x**2 + 15)``.
    """
    c = min(max(scores["compound"], -0.9999), 0.9999)
    raw = c * math.sqrt(15.0) / math.sqrt(1.0 - c * c)
    return [scores["compound"], scores["neg"], scores["pos"], scores["neu"],
            math.copysign(math.log1p(abs(raw)), raw)]


@functools.lru_cache(maxsize=1)
def conflict_terms() -> frozenset[str]:
    """The conflict-news word list (``toolkit/resources/sentiment/conflict_terms.txt``)."""
    path = resource_path(*CONFLICT_TERMS)
    if not path.exists():
        raise MissingResourceError(f"Dateline resource missing: {path}\nFix: restore it from git")
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


def dense_features(text: str, scores: dict[str, float], words: list[str] | None = None) -> list[float]:
    """All dense features: :func:`vader_features` plus ``log1p`` of the conflict-term count."""
    words = tokens(text) if words is None else words
    terms = conflict_terms()
    return [*vader_features(scores), math.log1p(sum(w in terms for w in words))]


class WordVectors(NamedTuple):
    """Static word vectors (read-only): ``index[word]`` is a row of ``vectors``."""

    index: dict[str, int]
    vectors: np.ndarray  # (n_words, dims) float64, frequency weights baked in


def load_word_vectors(path) -> WordVectors:
    """Read a word-vector file written by ``build_sentiment`` (``.npz``, no pickles).

    Members: ``words`` (unicode array), ``vectors`` (int8, ``n_words x dims``) and
    ``scale`` (float32 per dimension); a vector is ``vectors[i] * scale``.
    """
    with np.load(path, allow_pickle=False) as npz:
        words = npz["words"].tolist()
        vectors = npz["vectors"].astype(np.float64) * npz["scale"].astype(np.float64)
    return WordVectors({w: i for i, w in enumerate(words)}, vectors)


@functools.lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    """The shipped static word vectors (``toolkit/resources/sentiment/word_vectors.npz``).

    Raises:
        MissingResourceError: when the file is missing (fix: restore it from git, or
            ``make sentiment-vectors``, which re-distils it and needs the ``vectors`` extra).
    """
    path = resource_path(*WORD_VECTORS)
    if not path.exists():
        raise MissingResourceError(
            f"Dateline resource missing: {path}\nFix: git checkout -- {path}   "
            "(or make sentiment-vectors, which re-distils it with torch)")
    return load_word_vectors(path)


def embedding_features(words: list[str], vectors: WordVectors | None = None) -> np.ndarray:
    """Mean of the static vectors of the known ``words`` (zeros when none is known).

    The vectors are distilled from a sentence encoder (model2vec-style: each
    vocabulary word is embedded on its own by all-MiniLM-L6-v2, reduced by PCA
    and weighted by smooth inverse frequency, Arora et al., ICLR 2017), so the
    feature is a numpy mean at run time.
    """
    vectors = word_vectors() if vectors is None else vectors
    ids = [i for i in map(vectors.index.get, words) if i is not None]
    if not ids:
        return np.zeros(vectors.vectors.shape[1])
    return vectors.vectors[ids].mean(axis=0)


# --------------------------------------------------------------------------- the text CNN
class TextCNN(NamedTuple):
    """A convolutional text classifier over the static word vectors (read-only parameters).

    Kim (EMNLP 2014): convolutions of several widths over the sequence of word
    vectors, ReLU, max-over-time pooling, a linear layer to the three class logits.
    """

    index: dict[str, int]  # word -> row of ``inputs`` (row 0: unknown word)
    inputs: np.ndarray  # (n_words + 1, dims + 1) float32: unit word vector and its length
    kernel: np.ndarray  # (dims + 2, sum of widths x filters) float32, all taps side by side
    widths: tuple[int, ...]
    bias: tuple[np.ndarray, ...]  # (filters,) per width
    out_w: np.ndarray  # (filters x len(widths), 3)
    out_b: np.ndarray  # (3,)
    taps: np.ndarray  # (n_words + 1, sum of widths x filters) float32: ``inputs @ kernel[:-1]``


def cnn_input_table(vectors: WordVectors) -> np.ndarray:
    """Per-word CNN inputs: the unit-length word vector and its length (row 0 = unknown).

    The length carries the smooth-inverse-frequency weight baked into the vectors.
    """
    v = vectors.vectors
    norm = np.linalg.norm(v, axis=1, keepdims=True)
    table = np.hstack([v / np.maximum(norm, 1e-9), norm])
    return np.vstack([np.zeros((1, table.shape[1])), table]).astype(np.float32)


def cnn_tokens(text: str, target: tuple[int, int] | None, index: dict[str, int]
               ) -> tuple[list[int], list[float]]:
    """Rows of :func:`cnn_input_table` for the tokens of ``text`` (the :func:`tokens`) and
    the target marks (1.0 for tokens overlapping ``text[start:end]``, else 0.0)."""
    low = text.lower().translate(_APOSTROPHES)
    if target is None or len(low) != len(text):  # offsets only hold when lowering keeps length
        ids = [index.get(w, -1) + 1 for w in _TOKEN.findall(low)]
        return ids, [0.0] * len(ids)
    ids, marks = [], []
    start, end = target
    for m in _TOKEN.finditer(low):
        ids.append(index.get(m.group(), -1) + 1)
        marks.append(1.0 if m.start() < end and m.end() > start else 0.0)
    return ids, marks


def load_text_cnn(path, vectors: WordVectors) -> TextCNN:
    """Read a CNN file written by ``build_sentiment`` (``.npz``, no pickles).

    Members: ``conv<k>_w`` (filters x (dims + 2) x width), ``conv<k>_b``, ``out_w``
    (3 x features), ``out_b``; the input rows come from ``vectors``.
    """
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k].astype(np.float32) for k in npz.files}
    widths, taps, bias = [], [], []
    k = 0
    while f"conv{k}_w" in arrays:
        w = arrays[f"conv{k}_w"]  # (filters, channels, width)
        widths.append(w.shape[2])
        taps.extend(w[:, :, j].T for j in range(w.shape[2]))
        bias.append(arrays[f"conv{k}_b"])
        k += 1
    table, kernel = cnn_input_table(vectors), np.hstack(taps)
    # The convolution is linear in its input until the ReLU, so every word's response to
    # every tap is computed once here (a table lookup per token at run time).
    return TextCNN(vectors.index, table, kernel, tuple(widths), tuple(bias),
                   arrays["out_w"].T.copy(), arrays["out_b"], table @ kernel[:-1])


@functools.lru_cache(maxsize=1)
def text_cnn() -> TextCNN:
    """The shipped text CNN (``toolkit/resources/sentiment/text_cnn.npz``).

    Raises:
        MissingResourceError: when the file is missing (fix: restore it from git, or
            ``make sentiment-cnn``, which retrains it with torch).
    """
    path = resource_path(*TEXT_CNN)
    if not path.exists():
        raise MissingResourceError(
            f"Dateline resource missing: {path}\nFix: git checkout -- {path}   "
            "(or make sentiment-cnn, which retrains it with torch)")
    return load_text_cnn(path, word_vectors())


def cnn_logits(ids: list[int], marks: list[float], cnn: TextCNN | None = None) -> np.ndarray:
    """Class logits (negative, neutral, positive) of the text CNN for one token sequence.

    Each width ``w`` convolves the (zero-padded) sequence of ``[input row, target mark]``
    vectors; windows that overlap at least one token are max-pooled. An empty sequence
    gives zeros. Each word's response to every tap is precomputed at load time
    (``TextCNN.taps``), so a text costs a table lookup, shifted sums and a max; numpy only.
    """
    cnn = text_cnn() if cnn is None else cnn
    if not ids:
        return np.zeros(3)
    y = cnn.taps[ids]  # every tap of every width at every position (precomputed per word)
    if any(marks):
        y = y + np.outer(np.asarray(marks, dtype=np.float32), cnn.kernel[-1])
    n, pooled, col = len(ids), [], 0
    for w, b in zip(cnn.widths, cnn.bias, strict=True):
        f = b.shape[0]
        h = np.zeros((n + w - 1, f), dtype=np.float32)
        for j in range(w):  # tap j reads the token at window start + j
            h[w - 1 - j:w - 1 - j + n] += y[:, col:col + f]
            col += f
        pooled.append(np.maximum(h.max(axis=0) + b, 0.0))
    return np.concatenate(pooled) @ cnn.out_w + cnn.out_b


DENSE_NAMES = ("vader_compound", "vader_neg", "vader_pos", "vader_neu", "vader_log_raw",
               "conflict_terms_log1p")


# --------------------------------------------------------------------------- the news model
class NewsModel(NamedTuple):
    """Parameters of the news model (read-only)."""

    classes: tuple[str, ...]
    intercept: np.ndarray  # (3,)
    dense: np.ndarray  # (len(DENSE_NAMES), 3)
    embedding: np.ndarray  # (word-vector dims, 3)
    sentence: np.ndarray | None  # (384, 3) weights of the encoder's embedding; None: no encoder
    weights: dict[str, tuple[float, float, float]]
    whole: dict[str, tuple[float, float, float]]  # text n-gram + its window twin, for untargeted texts
    cnn_weight: float  # weight of the text CNN's logits (0: no CNN)


@functools.lru_cache(maxsize=1)
def news_model_meta() -> dict:
    """The shipped news model's ``meta`` record: method, hyper-parameters and ``trained_on`` sources."""
    path = resource_path(*NEWS_MODEL)
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("meta", {})


def load_news_model(path) -> NewsModel:
    """Read a news-model JSON file written by ``build_sentiment``.

    Raises:
        MissingResourceError: when the file is missing or was built for other features
            (fix: ``make sentiment-model``).
    """
    if not path.exists():
        raise MissingResourceError(
            f"Dateline resource missing: {path}\nFix: make sentiment-model   "
            "(python -m toolkit.resources.build_sentiment; or restore it from git)"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["dense_features"]) != DENSE_NAMES or "sentence_embedding" not in data:
        raise MissingResourceError(f"{path} was built for other features; rebuild it")
    weights = {k: tuple(v) for k, v in data["weights"].items()}
    # Without a target the window is the whole text, so every n-gram fires with its
    # "w:" twin: pre-add the two weights (same sums, half the look-ups).
    whole: dict[str, tuple[float, float, float]] = {}
    for key, w in weights.items():
        gram = key[2:] if key.startswith("w:") else key
        acc = whole.get(gram, (0.0, 0.0, 0.0))
        whole[gram] = (acc[0] + w[0], acc[1] + w[1], acc[2] + w[2])
    return NewsModel(
        classes=tuple(data["classes"]),
        intercept=np.asarray(data["intercept"], dtype=float),
        dense=np.asarray(data["dense"], dtype=float),
        embedding=np.asarray(data["embedding"], dtype=float),
        sentence=(np.asarray(data["sentence_embedding"], dtype=float)
                  if data["sentence_embedding"] else None),
        weights=weights,
        whole=whole,
        cnn_weight=float(data.get("cnn_weight", 0.0)),
    )


@functools.lru_cache(maxsize=1)
def news_model() -> NewsModel:
    """The shipped news model, with the sentence encoder (``method="news"``; cached per process).

    Raises:
        MissingResourceError: when the JSON file is missing (fix: ``make sentiment-model``).
    """
    return load_news_model(resource_path(*NEWS_MODEL))


@functools.lru_cache(maxsize=1)
def news_fast_model() -> NewsModel:
    """The shipped news model without the sentence encoder (``method="news-fast"``): the same
    features and training rows minus the encoder's embedding, about 25 times faster.

    Raises:
        MissingResourceError: when the JSON file is missing (fix: ``make sentiment-model``).
    """
    return load_news_model(resource_path(*NEWS_FAST_MODEL))


def probabilities_to_scores(p_neg: float, p_neu: float, p_pos: float) -> SentimentScores:
    """Map class probabilities to VADER-like scores (see the module docstring).

    The class is the most probable one (ties go to neutral); ``compound`` is
    ``sign(d) * |d| ** COMPOUND_POWER`` of ``d = pos - neg`` (monotone, ±1 to
    ±1), clipped into the class's ±0.05 band so that VADER's thresholds give
    back that class. The square spreads confident texts towards ±1 and keeps
    uncertain ones near 0, as VADER's compound does.
    """
    d = p_pos - p_neg
    s = math.copysign(abs(d) ** COMPOUND_POWER, d)
    if (p_neu >= p_neg and p_neu >= p_pos) or d == 0:
        compound = min(0.05, max(-0.05, s))
    elif d > 0:
        compound = max(_ABOVE, s)
    else:
        compound = min(-_ABOVE, s)
    return SentimentScores(p_neg, p_neu, p_pos, max(-1.0, min(1.0, compound)))


def _news_logits(text: str, target: tuple[int, int] | None, vader: dict[str, float],
                 sentence: np.ndarray | None, model: NewsModel | None = None) -> np.ndarray:
    model = news_model() if model is None else model
    words = tokens(text)
    z = model.intercept + np.asarray(dense_features(text, vader, words)) @ model.dense
    z = z + embedding_features(words) @ model.embedding
    if model.sentence is not None:
        z = z + sentence.astype(float) @ model.sentence
    if target is None:
        weights, features = model.whole, _grams(words, "")
    else:
        weights, features = model.weights, sparse_features(text, target)
    # Sorted, de-duplicated: float sums must not depend on set order (hash seed) across runs.
    features = sorted(set(features))
    acc = [0.0, 0.0, 0.0]
    for feature in features:
        w = weights.get(feature)
        if w is not None:
            acc[0] += w[0]
            acc[1] += w[1]
            acc[2] += w[2]
    z = z + acc
    if model.cnn_weight:
        cnn = text_cnn()
        if target is None:  # same tokens as cnn_tokens(text, None, ...), already split
            ids = [cnn.index.get(w, -1) + 1 for w in words]
            z = z + model.cnn_weight * cnn_logits(ids, [0.0] * len(ids), cnn)
        else:
            z = z + model.cnn_weight * cnn_logits(*cnn_tokens(text, target, cnn.index), cnn)
    return z


def news_scores(text: str, *, target: tuple[int, int] | None = None) -> SentimentScores:
    """Score one text with the news model.

    Args:
        text: a quote, sentence or article.
        target: optional ``(start, end)`` offsets of a target mention in ``text``
            (NewsMTSC-style target-dependent sentiment); ``None`` scores the text as a whole.

    Returns:
        :class:`SentimentScores`; ``neg, neu, pos`` are class probabilities.
    """
    return _news_batch([text], [target], news_model())[0]


def _news_batch(texts: list, targets: list[tuple[int, int] | None],
                model: NewsModel) -> list[SentimentScores]:
    """News scores of many texts: the sentence encoder (if the model uses it) runs once."""
    scorable = [i for i, t in enumerate(texts) if isinstance(t, str) and t.strip()]
    out = [_MISSING if not isinstance(t, str) else _NEUTRAL for t in texts]
    if not scorable:
        return out
    if model.sentence is None:
        sentences = [None] * len(scorable)
    else:
        sentences = encode([texts[i] for i in scorable])
    vader = vader_analyzer()
    for i, sentence in zip(scorable, sentences, strict=True):
        z = _news_logits(texts[i], targets[i], vader.polarity_scores(texts[i]), sentence, model)
        z = np.exp(z - z.max())
        p = z / z.sum()
        out[i] = probabilities_to_scores(float(p[0]), float(p[1]), float(p[2]))
    return out


def vader_scores(text: str) -> SentimentScores:
    """NLTK VADER's ``polarity_scores`` of one text, as :class:`SentimentScores`."""
    if not isinstance(text, str):
        return _MISSING
    s = vader_analyzer().polarity_scores(text)
    return SentimentScores(s["neg"], s["neu"], s["pos"], s["compound"])


def score_texts(
    texts: Iterable[str], *, method: str = "vader",
    targets: Iterable[tuple[int, int] | None] | None = None,
) -> list[SentimentScores]:
    """Score many texts; ``targets`` (news only) gives a mention span per text or ``None``."""
    _check_method(method)
    if method == "vader":
        return [vader_scores(t) for t in texts]
    texts = list(texts)
    targets = [None] * len(texts) if targets is None else list(targets)
    if len(targets) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(targets)} targets")
    return _news_batch(texts, targets, news_model() if method == "news" else news_fast_model())


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown sentiment method {method!r}; choose one of {list(METHODS)}")


# --------------------------------------------------------------------------- the enricher
def _target_span(text, start, end) -> tuple[int, int] | None:
    """``(start, end)`` when it is a non-empty span inside ``text``, else ``None`` (whole text)."""
    if pd.isna(start) or pd.isna(end) or not isinstance(text, str):
        return None
    start, end = int(start), int(end)
    return (start, end) if 0 <= start < end <= len(text) else None


def score_sentiment(
    frame: pd.DataFrame, *, method: str = "vader", text_column: str = "text",
    target_columns: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Add VADER-style sentiment columns ``neg, neu, pos, compound`` to a copy of ``frame``.

    Method: ``"vader"`` is NLTK's VADER (Hutto & Gilbert 2014) unchanged;
    ``"news"`` is Dateline's news-tuned logistic regression over VADER's
    outputs, n-grams, word vectors and the all-MiniLM-L6-v2 sentence embedding,
    fused with a text CNN (see the module docstring and ``MODEL_CARD.md``); it
    scores about 145 quotes/s per core, so score quotes or samples of sentences.

    Args:
        frame: any frame with a text column (e.g. ``toolkit.quotes(articles)``).
        method: ``"vader"``, ``"news"`` or ``"news-fast"`` (the news model without the
            sentence encoder: about 25 times faster, weaker on editorials).
        text_column: the column holding the texts to score.
        target_columns: optional ``(start_column, end_column)`` holding offsets of a
            target mention in each text (news methods only; rows whose offsets are
            missing, negative, empty or outside the text are scored as whole
            texts). VADER ignores it.

    Returns:
        A copy of ``frame`` with ``neg, neu, pos, compound`` (float64) added or
        replaced; ``compound`` is in [-1, 1]. Non-string texts get ``NaN``.

    Raises:
        ValueError: ``method`` is not one of ``"vader"``, ``"news"``, ``"news-fast"``.
        KeyError: a needed column is missing (the message lists the available ones).
    """
    _check_method(method)
    needed = (text_column, *(target_columns or ()))
    _check_columns(frame, needed, "score_sentiment()")
    texts = frame[text_column].tolist()
    targets = None
    if target_columns is not None and method != "vader":
        starts = frame[target_columns[0]].tolist()
        ends = frame[target_columns[1]].tolist()
        targets = [_target_span(t, s, e) for t, s, e in zip(texts, starts, ends, strict=True)]
    scores = score_texts(texts, method=method, targets=targets)
    out = frame.copy()
    values = np.array(scores, dtype=float).reshape(len(scores), 4)
    for i, name in enumerate(COLUMNS):
        out[name] = values[:, i]
    spec = {c.name: c.dtype for c in schema.TABLES["sentiment"]}
    return out.astype({c: spec[c] for c in COLUMNS})
