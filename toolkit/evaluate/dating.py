"""Score dating an article from its text alone, against the date it is known to carry.

Method: every date the source gives (metadata column, MENAFN id, TimeML document creation time)
is hidden, :func:`toolkit.annotate.gaps.dateline_gaps` infers ``inferred_published`` from what is
left (the text's own explicit dates, evidence ``text_dates``), and the inferred day is compared
with the known day. This is the "dating a document from its content" task of Kanhabua & Nørvåg
(ECDL 2008), scored as coverage (share of articles that get a date at all) and as the share of
dated articles whose day is exact, within one day and within a week, per stated confidence. The
last table is a reliability check: a confidence is honest when about that share of its dates is
right (DeGroot & Fienberg, "The comparison and evaluation of forecasters", 1983). The Brier score
(Brier, "Verification of forecasts expressed in terms of probability", 1950) sums it up: the mean
squared difference between the stated confidence and whether the day is exact (0 is perfect), beside
the score of stating one share, the exact share of all dated articles, for every date: a confidence
helps only when it beats that.

Inputs: TimeML ``.tml`` files or folders (the known date is the document creation time), or
anything :func:`toolkit.load_corpus` reads (the known date is ``published`` where it comes from the
metadata or a MENAFN id).

Command line::

    python -m toolkit evaluate dating ../shared/gold/timeml
    python -m toolkit evaluate dating ../shared/corpora/ukraine-media/ukraine_media_fulltext.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

#: Where a known date may come from, by loader evidence (``published_source``).
TRUSTED_SOURCES = ("metadata", "menafn_id")


def known_dates(paths: list[str | Path]) -> pd.DataFrame:
    """``doc_id, text, known`` (the known publication day, UTC midnight) for every input.

    Args:
        paths: ``.tml`` files or folders holding them, or corpus files/folders for
            :func:`toolkit.load_corpus`. Articles without a trusted date are left out.
    """
    from toolkit.evaluate.timeml import _dct_timestamp, load_folder
    from toolkit.load import load_corpus

    parts = []
    for p in map(Path, paths):
        is_tml = p.suffix == ".tml" or (p.is_dir() and next(p.rglob("*.tml"), None) is not None)
        if is_tml:
            docs = load_folder([p])
            parts.append(pd.DataFrame({
                "doc_id": [f"{p.name}/{d.doc_id}" for d in docs],
                "text": [d.text for d in docs],
                "known": pd.Series([_dct_timestamp(d.dct) for d in docs], dtype="datetime64[ns, UTC]"),
            }))
        else:
            articles = load_corpus(p)
            trusted = articles["published_source"].isin(TRUSTED_SOURCES)
            parts.append(pd.DataFrame({
                "doc_id": articles.loc[trusted, "doc_id"].astype(str),
                "text": articles.loc[trusted, "text"],
                "known": articles.loc[trusted, "published"],
            }))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["doc_id", "text", "known"])
    frame["known"] = pd.to_datetime(frame["known"], utc=True).dt.normalize()
    return frame[frame["known"].notna()].reset_index(drop=True)


def score_dating(frame: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Date each text with its dates hidden and compare with ``known``.

    Args:
        frame: ``doc_id``, ``text`` and ``known`` (as from :func:`known_dates`).

    Returns:
        ``(summary, by_confidence)``: the summary dict holds ``articles``, ``dated``,
        ``coverage``, ``exact``, ``within_1``, ``within_7`` (shares of the dated articles),
        ``brier`` (of the stated confidence for an exact day) and ``brier_flat`` (of stating the
        exact share for every date); the
        frame has one row per evidence and stated confidence with the same shares.
    """
    from toolkit.annotate.gaps import dateline_gaps

    # each row gets its own key: doc_ids of two corpora may repeat ("1", "2", ...), and
    # dateline_gaps keys articles by doc_id, so repeats would mix their dates
    keys = pd.Index([str(i) for i in range(len(frame))])
    blind = pd.DataFrame({"doc_id": keys, "text": frame["text"].to_numpy(),
                          "published": pd.Series(pd.NaT, index=keys, dtype="datetime64[ns, UTC]")},
                         index=keys)
    gaps = dateline_gaps(blind).set_index("doc_id")
    inferred = pd.to_datetime(gaps["inferred_published"], utc=True).dt.normalize()
    known = frame["known"].set_axis(keys).reindex(gaps.index)
    result = pd.DataFrame({
        "evidence": gaps["inferred_evidence"].to_numpy(),
        "confidence": gaps["inferred_confidence"].round(2).to_numpy(),
        "days_off": (known - inferred).dt.days.to_numpy(),
    })
    dated = result[result["days_off"].notna()]
    off = dated["days_off"].abs()
    dated = dated.assign(exact=off == 0, within_1=off <= 1, within_7=off <= 7)
    shares = ("exact", "within_1", "within_7")
    summary = {
        "articles": len(frame),
        "dated": len(dated),
        "coverage": len(dated) / len(frame) if len(frame) else float("nan"),
        **{k: float(dated[k].mean()) if len(dated) else float("nan") for k in shares},
    }
    hit = dated["exact"].astype(float)
    summary["brier"] = float(((dated["confidence"] - hit) ** 2).mean()) if len(dated) else float("nan")
    summary["brier_flat"] = float(((hit.mean() - hit) ** 2).mean()) if len(dated) else float("nan")
    by_confidence = (
        dated.groupby(["evidence", "confidence"], as_index=False)
        .agg(articles=("days_off", "size"), exact=("exact", "mean"), within_1=("within_1", "mean"),
             within_7=("within_7", "mean"))
    )
    return summary, by_confidence


def format_scores(summary: dict, by_confidence: pd.DataFrame) -> str:
    lines = [
        f"articles with a known date: {summary['articles']}",
        f"dated from the text alone:  {summary['dated']} ({100 * summary['coverage']:.1f}%)",
        f"of those, day exact {100 * summary['exact']:.1f}%, within 1 day {100 * summary['within_1']:.1f}%, "
        f"within 7 days {100 * summary['within_7']:.1f}%",
        f"Brier score of the stated confidence {summary['brier']:.3f} "
        f"(one flat share for every date: {summary['brier_flat']:.3f}; lower is better)",
        "",
        "stated confidence against the share of right days (reliability):",
        f"{'evidence':<14}{'stated':>8}{'articles':>10}{'exact':>8}{'±1 day':>8}{'±7 days':>9}",
    ]
    for r in by_confidence.itertuples(index=False):
        lines.append(f"{r.evidence:<14}{r.confidence:>8.2f}{r.articles:>10}{r.exact:>8.2f}"
                     f"{r.within_1:>8.2f}{r.within_7:>9.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m toolkit evaluate dating PATH [PATH ...]``."""
    ap = argparse.ArgumentParser(prog="python -m toolkit evaluate dating", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help=".tml files/folders, or corpus files/folders")
    args = ap.parse_args(argv)
    frame = known_dates(args.paths)
    if frame.empty:
        print(f"no article with a known date under {args.paths}", file=sys.stderr)
        return 2
    print(format_scores(*score_dating(frame)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
