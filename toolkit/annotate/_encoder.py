"""Sentence embeddings of all-MiniLM-L6-v2 in numpy: a WordPiece tokenizer and a BERT encoder.

The sentence encoder all-MiniLM-L6-v2 is a 6-layer BERT (Devlin et al., "BERT:
Pre-training of Deep Bidirectional Transformers for Language Understanding",
NAACL 2019) of hidden size 384, distilled as MiniLM (Wang et al., "MiniLM: Deep
Self-Attention Distillation for Task-Agnostic Compression of Pre-Trained
Transformers", NeurIPS 2020) and fine-tuned as a Sentence-BERT bi-encoder
(Reimers & Gurevych, "Sentence-BERT: Sentence Embeddings using Siamese
BERT-Networks", EMNLP 2019). Its sentence embedding is the mean of the last
hidden states over the text's tokens, L2-normalised; :func:`encode` computes
exactly that pipeline (``[CLS] ... [SEP]``, at most 256 tokens, token type 0)
with numpy alone, so the run time needs no torch, transformers or tokenizers.

Tokenizer (:class:`WordPiece`): BERT's uncased tokenizer, written from its
specification. Basic tokenisation removes NUL, U+FFFD and control, format,
private-use and surrogate characters (Unicode categories ``Cc Cf Co Cs``,
except tab, newline and carriage return; unassigned code points are kept, as
in the model's Hugging Face tokenizer),
maps whitespace to spaces, puts spaces around CJK ideographs, strips accents
(NFD, dropping non-spacing marks ``Mn``), lower-cases, splits on whitespace and
isolates punctuation (the ASCII ranges ``!-/ :-@ [-` {-~`` and Unicode ``P*``).
Each word is then cut by WordPiece (Wu et al., "Google's Neural Machine
Translation System", 2016; after Schuster & Nakajima, "Japanese and Korean
Voice Search", ICASSP 2012): greedy longest-match-first against the
vocabulary, pieces after the first carry the ``##`` prefix; a word with an
unmatchable rest, or longer than 100 characters, becomes ``[UNK]``. Token ids
agree with the Hugging Face ``tokenizers`` pipeline of the model
(``tokenizer.json``) on all 1,000 parity texts (``python -m
toolkit.resources.build_encoder --check 1000``). Categories come from Python's
``unicodedata`` (Unicode 14 in Python 3.11), which is newer than the tables of
the Rust tokenizer: 503 rare code points (marks, punctuation and format
characters of scripts or blocks encoded since; none in ordinary news text) are
treated differently, as the check reports.

Weights (``toolkit/resources/sentiment/encoder.npz``, written by
``python -m toolkit.resources.build_encoder``): the word embeddings and all
linear weights are int8 with one float32 scale per output row (symmetric,
``w = q * scale``), dequantised once at load; position embeddings are float16;
biases and LayerNorm parameters float32. The vocabulary is
``encoder_vocab.txt`` (the model's ``vocab.txt``). GELU is the exact erf form
of BERT, with erf evaluated by the rational approximation 7.1.26 of
Abramowitz & Stegun (1964; absolute error below 1.5e-7).

A batch holds texts of one token count only, so nothing is padded and a text's
embedding is the same bits whatever else is encoded with it (checked against
encoding each text alone): scores do not depend on how a corpus is cut into
chunks, processes or engines. Measured on 1,500 quotes, this was also faster
than padded batches.

Parity with sentence-transformers (float32 torch) on 1,000 real texts: cosine
min 0.9969, mean 0.99945. With unquantised weights this forward pass agrees to
1e-6 (cosine 1.000000), so the gap is the int8 rounding, mostly of the linear
layers. Speed: about 110-120 quote-length texts/s on one core (float32 BLAS
matmuls near peak take most of the time); in worker processes set
``OPENBLAS_NUM_THREADS=1``, BLAS threads only slow it down on a busy machine.
"""

from __future__ import annotations

import functools
import itertools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from toolkit.resources import MissingResourceError, resource_path

ENCODER_WEIGHTS = ("sentiment", "encoder.npz")
ENCODER_VOCAB = ("sentiment", "encoder_vocab.txt")
DIMS = 384
HEADS = 12
LAYERS = 6
LAYER_NORM_EPS = 1e-12
MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length
MAX_WORD_CHARS = 100  # longer words become [UNK]
CACHED_CHUNK_CHARS = 100  # whitespace chunks up to this length are memoised per tokenizer
MAX_BATCH_TOKENS = 2048  # bounds the attention and feed-forward temporaries of one forward pass
FIX = ("make sentiment-encoder   (python -m toolkit.resources.build_encoder; needs the "
       "`vectors` extra), or git checkout -- toolkit/resources/sentiment/")

# ------------------------------------------------------------------ basic tokenisation
_ASCII_PUNCT = frozenset(chr(c) for c in itertools.chain(
    range(33, 48), range(58, 65), range(91, 97), range(123, 127)))
# ASCII: tab, newline, carriage return become spaces; other control characters go.
_ASCII_CLEAN = {c: None for c in itertools.chain(range(32), [127])}
_ASCII_CLEAN.update({9: " ", 10: " ", 13: " "})
# Control, format, private-use and surrogate characters are dropped; unassigned code
# points (Cn) are kept, as the Hugging Face tokenizer of the model does.
_DROPPED = frozenset({"Cc", "Cf", "Co", "Cs"})
_CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
        (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _is_cjk(cp: int) -> bool:
    """True for a CJK Unified (or Compatibility) Ideograph, which BERT treats as a word."""
    return any(lo <= cp <= hi for lo, hi in _CJK)


def _is_punctuation(ch: str) -> bool:
    """BERT's punctuation: the ASCII non-alphanumeric printables, or Unicode category P*."""
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] == "P"


@functools.lru_cache(maxsize=16384)
def _clean_char(ch: str) -> str:
    """One character after BERT's text cleaning and CJK padding (may be empty)."""
    if ch in "\t\n\r":
        return " "
    cp = ord(ch)
    if cp == 0 or cp == 0xFFFD or unicodedata.category(ch) in _DROPPED:
        return ""
    if ch.isspace():
        return " "
    if _is_cjk(cp):
        return f" {ch} "
    return ch


def _chunks(text: str) -> list[str]:
    """Cleaned, whitespace-separated chunks of ``text`` (ASCII ones already lower-cased)."""
    if text.isascii():
        return text.translate(_ASCII_CLEAN).lower().split()
    return "".join([_clean_char(ch) for ch in text]).split()


def _words(chunk: str) -> list[str]:
    """Accent-stripped, lower-cased words of one chunk, punctuation characters split off."""
    if not chunk.isascii():
        chunk = unicodedata.normalize("NFD", chunk)
        chunk = "".join(ch for ch in chunk if unicodedata.category(ch) != "Mn")
        # The model's tokenizer lower-cases character by character; str.lower() alone
        # would apply Unicode's Final_Sigma rule (word-final capital sigma -> "ς").
        chunk = chunk.replace("\u03a3", "\u03c3")
    chunk = chunk.lower()
    words: list[str] = []
    start = 0
    for i, ch in enumerate(chunk):
        if _is_punctuation(ch):
            if i > start:
                words.append(chunk[start:i])
            words.append(ch)
            start = i + 1
    if start < len(chunk):
        words.append(chunk[start:])
    return words


def basic_tokens(text: str) -> list[str]:
    """BERT's basic (pre-WordPiece) uncased tokens of ``text``.

    Example:
        >>> basic_tokens("Héllo, WORLD!")
        ['hello', ',', 'world', '!']
    """
    return [word for chunk in _chunks(text) for word in _words(chunk)]


# ------------------------------------------------------------------ WordPiece
class WordPiece:
    """BERT's uncased WordPiece tokenizer over a fixed vocabulary (read-only).

    Greedy longest-match-first (Wu et al. 2016; Schuster & Nakajima 2012): a
    word is cut from the left into the longest vocabulary entries, the
    continuations written ``##piece``; if some rest matches nothing, or the
    word has more than ``max_word_chars`` characters, the word is ``[UNK]``.
    Results are cached per whitespace chunk (per instance, bounded).

    Args:
        vocab: the vocabulary, one token per line in id order (``vocab.txt``).
        max_word_chars: longer words become ``[UNK]`` (BERT: 100).
    """

    def __init__(self, vocab: Sequence[str], *, max_word_chars: int = MAX_WORD_CHARS) -> None:
        self.vocab = tuple(vocab)
        self.index = {token: i for i, token in enumerate(self.vocab)}
        self.max_word_chars = max_word_chars
        self.unk = self.index["[UNK]"]
        self.cls = self.index["[CLS]"]
        self.sep = self.index["[SEP]"]
        self._longest = max(len(t[2:]) if t.startswith("##") else len(t) for t in self.vocab)
        self._cached_chunk_ids = functools.lru_cache(maxsize=1 << 17)(self._chunk_ids_uncached)

    def word_ids(self, word: str) -> list[int]:
        """WordPiece ids of one basic token (``[UNK]`` when it cannot be cut)."""
        n = len(word)
        if n > self.max_word_chars:
            return [self.unk]
        index, ids, start = self.index, [], 0
        while start < n:
            for end in range(min(n, start + self._longest), start, -1):
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                token = index.get(piece)
                if token is not None:
                    ids.append(token)
                    start = end
                    break
            else:
                return [self.unk]
        return ids

    def _chunk_ids_uncached(self, chunk: str) -> tuple[int, ...]:
        return tuple(i for word in _words(chunk) for i in self.word_ids(word))

    def _chunk_ids(self, chunk: str) -> tuple[int, ...]:
        # Long chunks (URLs, base64 blobs) are rarely repeated; caching them would only hold memory.
        if len(chunk) > CACHED_CHUNK_CHARS:
            return self._chunk_ids_uncached(chunk)
        return self._cached_chunk_ids(chunk)

    def ids(self, text: str, *, max_tokens: int = MAX_TOKENS) -> list[int]:
        """Token ids ``[CLS] pieces... [SEP]``, the pieces truncated to ``max_tokens - 2``."""
        if max_tokens < 2:
            raise ValueError(f"max_tokens must be at least 2, not {max_tokens}")
        if not isinstance(text, str):
            raise TypeError(f"texts must be strings, not {type(text).__name__}: {text!r}")
        body = list(itertools.chain.from_iterable(map(self._chunk_ids, _chunks(text))))
        return [self.cls, *body[: max_tokens - 2], self.sep]

    def tokenize(self, text: str) -> list[str]:
        """WordPiece pieces of ``text`` (no ``[CLS]``/``[SEP]``, no truncation).

        Example (with BERT's uncased vocabulary):
            ``tokenize("unaffable")`` gives ``['una', '##ff', '##able']``.
        """
        return [self.vocab[i] for chunk in _chunks(text) for i in self._chunk_ids(chunk)]


# ------------------------------------------------------------------ the encoder
class Layer(NamedTuple):
    """One transformer layer, weights as ``(in, out)`` float32 matrices."""

    qkv_w: np.ndarray  # (384, 1152): query (pre-scaled by 1/sqrt(head dim)), key, value
    qkv_b: np.ndarray
    out_w: np.ndarray  # (384, 384) attention output
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    ff1_w: np.ndarray  # (384, 1536)
    ff1_b: np.ndarray
    ff2_w: np.ndarray  # (1536, 384)
    ff2_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


class Encoder(NamedTuple):
    """all-MiniLM-L6-v2 as read-only numpy arrays, with its tokenizer."""

    tokenizer: WordPiece
    word: np.ndarray  # (vocab, 384)
    position: np.ndarray  # (512, 384), token type 0 added
    ln_g: np.ndarray
    ln_b: np.ndarray
    layers: tuple[Layer, ...]


def _dequantise(npz, name: str) -> np.ndarray:
    """An int8 matrix (rows, cols) times its per-row float32 scale, as float32."""
    return npz[name].astype(np.float32) * npz[name + ".scale"].astype(np.float32)[:, None]


def load_encoder(weights: Path, vocab: Path) -> Encoder:
    """Read the encoder from ``weights`` (``.npz``, no pickles) and ``vocab`` (``vocab.txt``).

    Raises:
        MissingResourceError: when a file is missing (the message names the fix).
    """
    for path in (weights, vocab):
        if not Path(path).exists():
            raise MissingResourceError(f"Dateline resource missing: {path}\nFix: {FIX}")
    tokens = Path(vocab).read_text(encoding="utf-8").split("\n")
    if tokens and tokens[-1] == "":
        tokens.pop()
    f32 = np.float32
    with np.load(weights, allow_pickle=False) as npz:
        word = _dequantise(npz, "embeddings.word_embeddings.weight")
        if word.shape[0] != len(tokens):
            raise MissingResourceError(
                f"{weights} has {word.shape[0]} word embeddings but {vocab} has {len(tokens)} "
                f"tokens\nFix: {FIX}")
        position = (npz["embeddings.position_embeddings.weight"].astype(f32)
                    + npz["embeddings.token_type_embeddings.weight"][0].astype(f32))
        layers = []
        scale = 1.0 / math.sqrt(DIMS // HEADS)
        for n in range(LAYERS):
            p = f"encoder.layer.{n}."

            def get(name, p=p):
                return npz[p + name].astype(f32)

            def mat(name, p=p):
                return _dequantise(npz, p + name + ".weight").T

            qkv_w = np.concatenate([mat("attention.self.query") * f32(scale),
                                    mat("attention.self.key"), mat("attention.self.value")],
                                   axis=1)
            qkv_b = np.concatenate([get("attention.self.query.bias") * f32(scale),
                                    get("attention.self.key.bias"),
                                    get("attention.self.value.bias")])
            layers.append(Layer(
                np.ascontiguousarray(qkv_w), qkv_b,
                np.ascontiguousarray(mat("attention.output.dense")),
                get("attention.output.dense.bias"),
                get("attention.output.LayerNorm.weight"), get("attention.output.LayerNorm.bias"),
                np.ascontiguousarray(mat("intermediate.dense")), get("intermediate.dense.bias"),
                np.ascontiguousarray(mat("output.dense")), get("output.dense.bias"),
                get("output.LayerNorm.weight"), get("output.LayerNorm.bias")))
        ln_g = npz["embeddings.LayerNorm.weight"].astype(f32)
        ln_b = npz["embeddings.LayerNorm.bias"].astype(f32)
    return Encoder(WordPiece(tokens), word, position, ln_g, ln_b, tuple(layers))


@functools.lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The shipped encoder (``toolkit/resources/sentiment/encoder.npz`` + ``encoder_vocab.txt``).

    Raises:
        MissingResourceError: when a file is missing (fix: ``make sentiment-encoder``).
    """
    return load_encoder(resource_path(*ENCODER_WEIGHTS), resource_path(*ENCODER_VOCAB))


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = x - x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x)[:, None] / np.float32(x.shape[-1])
    x *= 1.0 / np.sqrt(var + np.float32(LAYER_NORM_EPS))
    x *= g
    x += b
    return x


# Abramowitz & Stegun 7.1.26: erf(z) = 1 - t (a1 + t (a2 + ...)) exp(-z^2), t = 1 / (1 + p z).
_AS_P = np.float32(0.3275911)
_AS_A = tuple(np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741,
                                      -1.453152027, 1.061405429))
_SQRT_HALF = np.float32(math.sqrt(0.5))


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU ``x * Phi(x) = x / 2 * (1 + erf(x / sqrt 2))``, erf to 1.5e-7 (in place).

    Branch-free (``copysign``) and in place: masked ufuncs are slow on mixed signs.
    """
    z = np.abs(x)
    z *= _SQRT_HALF
    t = z * _AS_P
    t += 1.0
    np.reciprocal(t, out=t)
    a1, a2, a3, a4, a5 = _AS_A
    poly = t * a5
    poly += a4
    poly *= t
    poly += a3
    poly *= t
    poly += a2
    poly *= t
    poly += a1
    poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z  # 1 - erf(|x| / sqrt 2)
    np.subtract(1.0, poly, out=poly)  # erf(|x| / sqrt 2)
    np.copysign(poly, x, out=poly)  # erf(x / sqrt 2)
    poly += 1.0
    poly *= 0.5  # Phi(x)
    x *= poly
    return x


def _forward(model: Encoder, ids: np.ndarray) -> np.ndarray:
    """Mean-pooled, L2-normalised last hidden states of a batch ``ids`` (b, L) of one length."""
    b, length = ids.shape
    heads, dim = HEADS, DIMS // HEADS
    x = model.word[ids] + model.position[:length]
    x = _layer_norm(x.reshape(b * length, DIMS), model.ln_g, model.ln_b)
    for layer in model.layers:
        qkv = x @ layer.qkv_w
        qkv += layer.qkv_b
        qkv = qkv.reshape(b, length, 3, heads, dim)
        q = qkv[:, :, 0].transpose(0, 2, 1, 3)  # (b, h, L, d)
        k = qkv[:, :, 1].transpose(0, 2, 3, 1)  # (b, h, d, L)
        v = qkv[:, :, 2].transpose(0, 2, 1, 3)
        scores = q @ k
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(b * length, DIMS)
        del qkv, q, k, v, scores  # (b, h, L, L) is the largest array: free it before the FFN
        attn = context @ layer.out_w
        attn += layer.out_b
        attn += x
        x = _layer_norm(attn, layer.ln1_g, layer.ln1_b)
        h = x @ layer.ff1_w
        h += layer.ff1_b
        h = gelu(h) @ layer.ff2_w
        h += layer.ff2_b
        h += x
        x = _layer_norm(h, layer.ln2_g, layer.ln2_b)
    pooled = x.reshape(b, length, DIMS).mean(axis=1, dtype=np.float32)
    pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
    return pooled


def encode(texts: Iterable[str], *, max_tokens: int = MAX_TOKENS, batch_size: int = 32,
           model: Encoder | None = None) -> np.ndarray:
    """Sentence embeddings of all-MiniLM-L6-v2 (Reimers & Gurevych 2019), in numpy.

    The sentence-transformers pipeline: WordPiece ids ``[CLS] ... [SEP]``
    (truncated to ``max_tokens``), the 6-layer BERT encoder, the mean of the
    last hidden states over the text's tokens, L2-normalised. Texts of the same
    token count run together, at most ``batch_size`` at a time, without padding,
    so a text's row does not depend on the other texts; rows come back in input
    order. An empty or blank text is encoded as ``[CLS] [SEP]``.

    Args:
        texts: the texts (strings; missing values are the caller's to handle).
        max_tokens: at most this many tokens per text, ``[CLS]`` and ``[SEP]``
            included (the model's 256; at most 512).
        batch_size: at most this many texts per forward pass (fewer for long texts:
            at most ``MAX_BATCH_TOKENS`` tokens per pass, which bounds memory).
        model: the encoder (default: the shipped one, :func:`encoder`).

    Returns:
        np.ndarray: float32, shape ``(len(texts), 384)``, rows of unit length.

    Raises:
        MissingResourceError: when the weights are missing (fix: ``make sentiment-encoder``).
    """
    model = encoder() if model is None else model
    if not 2 <= max_tokens <= model.position.shape[0]:
        raise ValueError(f"max_tokens must be in [2, {model.position.shape[0]}], not {max_tokens}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    seqs = [model.tokenizer.ids(text, max_tokens=max_tokens) for text in texts]
    out = np.zeros((len(seqs), DIMS), dtype=np.float32)
    by_length: dict[int, list[int]] = {}
    for i, seq in enumerate(seqs):
        by_length.setdefault(len(seq), []).append(i)
    for length, rows in by_length.items():
        step = max(1, min(batch_size, MAX_BATCH_TOKENS // length))
        for start in range(0, len(rows), step):
            batch = rows[start:start + step]
            out[batch] = _forward(model, np.asarray([seqs[i] for i in batch], dtype=np.intp))
    return out
