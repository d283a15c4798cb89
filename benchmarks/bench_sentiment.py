"""Throughput of toolkit.score_sentiment: the news model beside NLTK's VADER (its peer).

Run: ``.venv/bin/python benchmarks/bench_sentiment.py [--limit N] [--repeat R]``

Texts are the sentences (``toolkit.sentences``) and the quotes
(``toolkit.quotes``) of the first ``--limit`` articles of the research corpus.
Prints texts/s and MB/s (UTF-8 bytes of the scored texts) per method, on CPU
time of this process (the machine is shared, so CPU time is the fairer
per-core figure) and on wall-clock time. Loading the model, its word vectors,
text CNN and sentence encoder is done before timing (all are cached per process).
The news model runs the all-MiniLM-L6-v2 encoder (numpy) on every text, which
bounds its speed; run with ``OPENBLAS_NUM_THREADS=1`` for a per-core figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import research_articles

from toolkit.annotate._encoder import encoder
from toolkit.annotate.sentences import sentences
from toolkit.annotate.sentiment import (
    METHODS,
    news_model,
    score_sentiment,
    text_cnn,
    word_vectors,
)
from toolkit.resources import vader_analyzer


def load(limit: int | None) -> pd.DataFrame:
    """The research corpus as articles (doc_id, text, published, ...)."""
    return research_articles(limit)


def bench(kind: str, method: str, texts: pd.DataFrame, repeat: int) -> dict[str, float | str]:
    """Best of ``repeat`` runs of ``score_sentiment(texts, method=method)``."""
    mb = texts["text"].map(lambda t: len(t.encode("utf-8"))).sum() / 1e6
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        score_sentiment(texts, method=method)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = len(texts)
    return {"texts": kind, "method": method, "n": n, "MB": round(mb, 3),
            "texts/s (cpu)": round(n / best_cpu), "MB/s (cpu)": round(mb / best_cpu, 3),
            "texts/s (wall)": round(n / best_wall), "MB/s (wall)": round(mb / best_wall, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="articles to take (default 300)")
    parser.add_argument("--repeat", type=int, default=2, help="best of R runs (default 2)")
    args = parser.parse_args(argv)
    articles = load(args.limit)
    vader_analyzer()
    news_model()
    word_vectors()
    if news_model().cnn_weight:
        text_cnn()
    encoder()
    sets = {"sentences": sentences(articles)[["doc_id", "text"]]}
    try:
        from toolkit.annotate.quotes import quotes

        sets["quotes"] = quotes(articles)[["doc_id", "text"]]
    except ImportError:  # quotes are another module's concern; sentences suffice
        pass
    sets["articles"] = articles[["doc_id", "text"]]
    rows = [bench(kind, method, texts, args.repeat)
            for kind, texts in sets.items() for method in METHODS]
    print(f"{len(articles)} articles of the research corpus")
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
