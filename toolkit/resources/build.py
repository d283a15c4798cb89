"""Rebuild the package's resource files (run by ``make punkt`` and ``make nltk-data``).

Only trained parameters are written into the repository, never the training
texts: the research corpus is for research use and must not be copied.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from toolkit import config
from toolkit.resources import PUNKT_MODEL, VADER_LEXICON


def train_punkt(texts, *, out_dir: Path) -> Path:
    """Train Punkt parameters on ``texts`` and write them in NLTK's ``punkt_tab`` format.

    Method: ``nltk.tokenize.punkt.PunktTrainer`` (Kiss & Strunk 2006) with
    collocation learning on; parameters are written as sorted tab files so the
    output is byte-for-byte reproducible.
    """
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    out_dir.mkdir(parents=True, exist_ok=True)

    def write(name: str, lines) -> None:
        (out_dir / name).write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")

    write("abbrev_types.txt", params.abbrev_types)
    write("sent_starters.txt", params.sent_starters)
    write("collocations.tab", (f"{a}\t{b}" for a, b in params.collocations))
    write("ortho_context.tab", (f"{k}\t{v}" for k, v in params.ortho_context.items()))
    return out_dir


def build_punkt(source: Path | None = None) -> Path:
    """Train the ``dateline_news`` Punkt model on the research corpus texts."""
    source = source or config.shared_path(*config.RESEARCH_CORPUS)
    if not source.exists():
        raise FileNotFoundError(
            f"training corpus not found: {source}. Set DATELINE_SHARED to the shared folder."
        )
    texts = pd.read_csv(source, usecols=["text"])["text"].dropna().astype(str)
    target = config.NLTK_DATA_DIR / "tokenizers" / "punkt_tab" / PUNKT_MODEL
    with tempfile.TemporaryDirectory() as tmp:
        train_punkt(texts, out_dir=Path(tmp))
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(tmp, target)
    return target


def build_vader_lexicon() -> Path:
    """Copy ``vader_lexicon.txt`` from the installed vaderSentiment package (MIT)."""
    import vaderSentiment

    src = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    dst = config.NLTK_DATA_DIR / VADER_LEXICON
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m toolkit.resources.build", description=__doc__)
    parser.add_argument("what", choices=["punkt", "vader"])
    args = parser.parse_args(argv)
    path = build_punkt() if args.what == "punkt" else build_vader_lexicon()
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
