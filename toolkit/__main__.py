"""Command line: ``python -m toolkit {load,evaluate,report} ...``.

Evaluation commands read public gold formats and score an annotator through
its public function; the numbers in the notebooks come from exactly these
commands::

    python -m toolkit evaluate timeml ../shared/gold/timeml
    python -m toolkit evaluate quotes ../shared/gold/quotes/polnear/data/...
    python -m toolkit evaluate sentiment ../shared/gold/sentiment/vader/nytEditorialSnippets_GroundTruth.dev.txt
    python -m toolkit evaluate acled my_rows.csv
    python -m toolkit evaluate dating ../shared/gold/timeml
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

EVALUATORS = {
    "timeml": ("toolkit.evaluate.timeml", "TimeML .tml folder: TempEval-3 span, value and type F1"),
    "quotes": ("toolkit.evaluate.brat", "PolNeAR brat folder: direct-quote P/R/F1 and speaker accuracy"),
    "sentiment": ("toolkit.evaluate.sentiment", "VADER TSV or NewsMTSC JSONL: r, weighted / macro F1"),
    "acled": ("toolkit.evaluate.acled", "ACLED-style CSV: kill counts, sub-event types, dates"),
    "dating": ("toolkit.evaluate.dating", "dated articles or .tml: dating from the text alone, per confidence"),
}


def _evaluate(args: argparse.Namespace, rest: list[str]) -> int:
    if args.kind not in EVALUATORS:
        print("usage: python -m toolkit evaluate KIND PATH... [options]   (KIND --help for its options)\n")
        print("\n".join(f"  {k:<10} {v[1]}" for k, v in EVALUATORS.items()))
        return 0 if args.kind in (None, "-h", "--help") else 2
    # Inputs are the arguments that are neither options nor an option's value (e.g. --errors OUT.tsv).
    inputs = [a for i, a in enumerate(rest) if not a.startswith("-") and not (i and rest[i - 1].startswith("--"))]
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    module = importlib.import_module(EVALUATORS[args.kind][0])
    return module.main(rest) or 0


def _report(args: argparse.Namespace, rest: list[str]) -> int:
    from toolkit import report

    return report.main(rest) or 0


def _load(args: argparse.Namespace, rest: list[str]) -> int:
    from toolkit import load

    return load.main(rest) or 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="score an annotator on a gold set (evaluate KIND --help)",
                        add_help=False)
    ev.add_argument("kind", nargs="?", help=", ".join(EVALUATORS))
    ev.set_defaults(func=_evaluate)
    rp = sub.add_parser("report", help="annotate the bundled corpus and write the summary under reports/",
                        add_help=False)
    rp.set_defaults(func=_report)
    ld = sub.add_parser("load", help="load a corpus and print a summary (and rejections)", add_help=False)
    ld.set_defaults(func=_load)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    return args.func(args, rest)


if __name__ == "__main__":
    sys.exit(main())
