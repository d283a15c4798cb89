"""Score quote extraction on brat attribution annotations (PolNeAR layout).

Gold data: PolNeAR (Newell, Margolin & Ruths, "An Attribution Relations Corpus
for Political News", LREC 2018), brat standoff format: ``text/<name>.txt`` and
``attributions/<name>_<annotator>.ann`` with ``Source``, ``Cue`` and ``Content``
text-bound spans joined by ``Attribution`` events
(``E1 Attribution:T4 Content:T3 Cue:T2 Source:T1``).

Gold direct quotes (the exact rule, :func:`is_direct_quote`):
    A ``Content`` span (all its fragments, first start to last end) whose text,
    stripped of whitespace, *starts* with a quotation mark (one of
    ``" “ ” „ ‟ « »``, a typewriter double ``''`` or ``````, or ``' ‘ ’`` when
    followed by a letter/digit) and *ends* with a closing quotation mark
    (``" ” “ » ’ '``) optionally followed by closing punctuation
    ``. , ; : ! ? ) —``. A mark that touches the span from outside (no space
    between: the annotator left it out of the span) counts as the span's own.
    Only ``Content`` spans attached to an attribution event are used
    (``Content2`` and discarded spans are not). When an article has several
    annotators' files, the first in sorted order is used. Quotes of any
    length count, so short fragments the system calls scare quotes or partial
    quotes are misses when the gold content is exactly the quoted words.

Span normalisation (both gold and predicted): strip whitespace, quotation marks
and the punctuation ``. , ; : ! ? ( ) - – —`` and ``…`` at both edges.

Matching: predicted quotes of kind ``direct`` and ``continuation`` are
matched one-to-one to gold quotes, greedily by decreasing overlap. A
``continuation`` row is merged with the quote it continues (the gold marks a
multi-paragraph quote, and usually ``"A," he said. "B."``, as one content);
when its parts match more gold quotes than the merged span does, the parts
are scored as separate predictions instead (see :func:`_resolve_groups`).

* *Overlap match*: ``|pred ∩ gold| / max(|pred|, |gold|) >= 0.3`` on the
  normalised character spans.
* *Exact match*: identical normalised spans.

Partial quotes (``kind == "partial"``: quoted words inside a paraphrase, e.g.
``says the candidate has "always run a lean campaign"``) and the continuations
of partial quotes are not scored: the gold rule above excludes such contents
(their span starts with unquoted words).

Speaker accuracy, on overlap-matched pairs whose gold attribution has a
``Source``: the prediction is correct when

1. its mention ``speaker_start:speaker_end`` overlaps the gold Source span, or
2. the gold Source is not a bare pronoun and the last word of the predicted
   canonical ``speaker`` (its head: "Ihor Terekhov" -> "terekhov",
   "the ministry" -> "ministry") occurs as a word in the gold Source text
   (case-insensitive).

Gold pronoun sources are not resolved (PolNeAR has no coreference layer), so
rule 2 never credits a name against a gold "he": only rule 1 can.
Matched gold quotes without a Source are excluded from speaker accuracy and
count as speaker-correct for end-to-end scoring only if no speaker is predicted.

End-to-end: a true positive needs an overlap match *and* a correct speaker
(gold quotes without a Source: correct when the prediction has no speaker).
"""

from __future__ import annotations

import argparse
import csv
import functools
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_OPEN = "\"“”„‟«»"
_OPEN_SINGLE = "'‘’"
_CLOSE = "\"”“»’'"
_TRAIL = ".,;:!?)—"
_EDGE = " \t\r\n\"“”„‟«»'‘’`.,;:!?()-–—…"
_WORD = re.compile(r"[\w’'.-]+")
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
OVERLAP = 0.3


@dataclass(frozen=True)
class GoldQuote:
    """A gold direct quote: normalised content span and its attribution source."""

    doc_id: str
    start: int
    end: int
    source_start: int
    source_end: int
    source_text: str
    cue: str


@dataclass(frozen=True)
class GoldDoc:
    """One brat document: its text and gold direct quotes."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]


def normalise_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, quotation marks and edge punctuation from ``text[start:end]``."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def is_direct_quote(span: str, before: str = "", after: str = "") -> bool:
    """The gold rule: the stripped content opens and closes with quotation marks.

    ``before``/``after`` are the characters just outside the span in the text:
    a mark touching the span there (no space between) counts as its own, since
    annotators sometimes left the closing mark out of the Content span.
    """
    s = span.strip()
    if len(s) < 2:
        return False
    if span[:1].isspace() or span[-1:].isspace():
        before = after = ""
    first = s[0]
    if s.startswith(("''", "``")):
        pass
    elif first in _OPEN_SINGLE:
        if not (s[1].isalnum()):
            return False
    elif first not in _OPEN and not (before and before[-1] in _OPEN and s[0].isalnum()):
        return False
    body = s.rstrip(_TRAIL + " ")
    if len(body) >= 2 and body[-1] in _CLOSE:
        return True
    tail = re.match(rf"[{re.escape(_TRAIL)}]*[{re.escape(_CLOSE)}]", after)
    return bool(tail) and s[-1] in _TRAIL + "".join(c for c in s[-1:] if c.isalnum())


def _parse_ann(lines: Iterable[str]) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]],
                                              list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in lines:
        m = _T_LINE.match(line)
        if m:
            frags = [tuple(int(x) for x in f.split()) for f in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), frags)  # type: ignore[assignment]
            continue
        m = _E_LINE.match(line)
        if m:
            roles = {}
            for part in m.group(2).split():
                if ":" in part:
                    role, tid = part.split(":", 1)
                    roles[role] = tid
            events.append(roles)
    return spans, events


def read_brat(folder: str | Path) -> list[GoldDoc]:
    """Read a PolNeAR-style folder (``text/*.txt``, ``attributions/*.ann``).

    ``folder`` may be the compartment (``.../data/train``) or a parent holding
    several compartments (``.../data``): every ``text`` folder below it is read.

    Returns:
        Documents sorted by name, each with its gold direct quotes.
    """
    folder = Path(folder)
    text_dirs = [folder / "text"] if (folder / "text").is_dir() else sorted(folder.rglob("text"))
    docs = []
    for tdir in text_dirs:
        adir = tdir.parent / "attributions"
        for txt in sorted(tdir.glob("*.txt")):
            anns = sorted(adir.glob(f"{txt.stem}_*.ann")) or sorted(adir.glob(f"{txt.stem}.ann"))
            if not anns:
                continue
            text = txt.read_text(encoding="utf-8")
            spans, events = _parse_ann(anns[0].read_text(encoding="utf-8").splitlines())
            doc_id = txt.stem
            quotes = []
            for ev in events:
                cid = ev.get("Content")
                if cid not in spans:
                    continue
                frags = spans[cid][1]
                c_start, c_end = frags[0][0], frags[-1][1]
                if not is_direct_quote(text[c_start:c_end], text[max(0, c_start - 1) : c_start],
                                       text[c_end : c_end + 3]):
                    continue
                n_start, n_end = normalise_span(text, c_start, c_end)
                s_start = s_end = -1
                s_text = ""
                sid = ev.get("Source")
                if sid in spans:
                    sf = spans[sid][1]
                    s_start, s_end = sf[0][0], sf[-1][1]
                    s_text = text[s_start:s_end]
                cue = ""
                if ev.get("Cue") in spans:
                    cf = spans[ev["Cue"]][1]
                    cue = text[cf[0][0] : cf[-1][1]]
                quotes.append(GoldQuote(doc_id, n_start, n_end, s_start, s_end, s_text, cue))
            quotes.sort(key=lambda q: q.start)
            docs.append(GoldDoc(doc_id, text, tuple(quotes)))
    return docs


@dataclass
class Scores:
    """Quote and speaker scores of one system on one gold set (percentages)."""

    system: str
    n_docs: int
    n_gold: int
    n_pred: int
    tp_overlap: int
    tp_exact: int
    speaker_evaluable: int
    speaker_correct: int
    tp_end_to_end: int
    seconds: float
    errors: list[dict[str, object]] = field(default_factory=list, repr=False)

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = 100.0 * tp / n_pred if n_pred else 0.0
        r = 100.0 * tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, float | int | str]:
        """Flat dict of counts and P/R/F1 figures (percent)."""
        out: dict[str, float | int | str] = {
            "system": self.system, "docs": self.n_docs, "gold": self.n_gold, "pred": self.n_pred,
        }
        for name, tp in (("overlap", self.tp_overlap), ("exact", self.tp_exact),
                         ("end_to_end", self.tp_end_to_end)):
            p, r, f = self._prf(tp, self.n_pred, self.n_gold)
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
        out["speaker_accuracy"] = (100.0 * self.speaker_correct / self.speaker_evaluable
                                   if self.speaker_evaluable else 0.0)
        out["speaker_n"] = self.speaker_evaluable
        out["articles_per_s"] = self.n_docs / self.seconds if self.seconds else 0.0
        return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


def _head(name: str) -> str:
    words = _WORD.findall(name.lower())
    return words[-1].strip(".’'") if words else ""


def speaker_correct(gold: GoldQuote, speaker: str, s_start: int, s_end: int) -> bool:
    """The speaker rule documented in the module docstring."""
    if gold.source_start < 0:
        return not speaker
    if s_start >= 0 and min(s_end, gold.source_end) > max(s_start, gold.source_start):
        return True
    src = gold.source_text.strip().lower()
    if not speaker or src in PRONOUNS:
        return False
    head = _head(speaker)
    return bool(head) and head in {w.strip(".’'") for w in _WORD.findall(src)}


def _groups(pred: pd.DataFrame) -> list[list[dict[str, object]]]:
    """Scored predictions: rows that are not partial quotes (nor continue one),
    each continuation grouped with its head."""
    groups: list[list[dict[str, object]]] = []
    head_kind = ""
    for rec in pred.to_dict("records"):
        kind = str(rec.get("kind"))
        if kind == "continuation" and groups and head_kind != "" and \
                groups[-1][0]["doc_id"] == rec["doc_id"]:
            if head_kind != "partial":
                groups[-1].append(dict(rec))
            continue  # a continuation of a partial quote is not scored either
        head_kind = kind
        if kind == "partial":
            continue
        groups.append([dict(rec)])
    return groups


def _resolve_groups(groups: list[list[dict[str, object]]], gspans: list[tuple[int, int]]
                    ) -> list[dict[str, object]]:
    """One prediction per group (a head merged with its continuations), or its parts.

    Annotators differ on whether ``"A," he said. "B."`` (or a quote running
    over paragraphs) is one content or several, so each group is scored in
    whichever reading matches more gold quotes at the overlap criterion: merged
    (one prediction) or split (each part a prediction; parts that match nothing
    then count as false positives). Ties keep the merged reading.
    """
    out: list[dict[str, object]] = []
    for g in groups:
        merged = dict(g[0])
        merged["end"] = g[-1]["end"]
        if len(g) > 1:
            span = (int(merged["start"]), int(merged["end"]))
            whole = int(any(_overlap(span, gs) >= OVERLAP for gs in gspans))
            parts = sum(1 for gs in gspans
                        if any(_overlap((int(p["start"]), int(p["end"])), gs) >= OVERLAP
                               for p in g))
            if parts > whole:
                out.extend(g)
                continue
        out.append(merged)
    return out


def score(docs: list[GoldDoc], extractor: Callable[[pd.DataFrame], pd.DataFrame], *,
          system: str = "toolkit.quotes", context: int = 0) -> Scores:
    """Score ``extractor`` (a ``quotes()``-like public function) on gold documents.

    Args:
        docs: from :func:`read_brat`.
        extractor: takes a frame with ``doc_id``/``text``/``published`` and returns
            the ``quotes`` table.
        system: name printed in the score table.
        context: when > 0, each error record also gets ``context``: the article text
            this many characters either side of the gold (or predicted) quote, with the
            quote in ``[[ ]]`` and paragraph breaks shown as ``¶``.

    Returns:
        :class:`Scores` with counts, and per-error records in ``errors``.
    """
    frame = pd.DataFrame({
        "doc_id": [d.doc_id for d in docs],
        "text": [d.text for d in docs],
        "published": pd.Series([pd.NaT] * len(docs), dtype="datetime64[ns, UTC]"),
    })
    t0 = time.perf_counter()
    pred = extractor(frame)
    seconds = time.perf_counter() - t0
    by_doc: dict[str, list[list[dict[str, object]]]] = {}
    for grp in _groups(pred.sort_values(["doc_id", "quote_id"], kind="stable")):
        by_doc.setdefault(str(grp[0]["doc_id"]), []).append(grp)
    n_gold = n_pred = tp_o = tp_x = sp_n = sp_ok = tp_e = 0
    errors: list[dict[str, object]] = []
    for doc in docs:
        text = doc.text
        gspans = [(g.start, g.end) for g in doc.quotes]
        preds = _resolve_groups(by_doc.get(doc.doc_id, []), gspans)
        pspans = [normalise_span(text, int(p["start"]), int(p["end"])) for p in preds]
        n_gold += len(gspans)
        n_pred += len(pspans)
        pairs = sorted(((_overlap(ps, gs), i, j) for i, ps in enumerate(pspans)
                        for j, gs in enumerate(gspans)), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for ov, i, j in pairs:
            if ov < OVERLAP or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            g, p = doc.quotes[j], preds[i]
            tp_o += 1
            exact = pspans[i] == gspans[j]
            tp_x += exact
            spk = "" if pd.isna(p.get("speaker")) else str(p.get("speaker") or "")
            ok = speaker_correct(g, spk, int(p["speaker_start"]), int(p["speaker_end"]))
            if g.source_start >= 0:
                sp_n += 1
                sp_ok += ok
            tp_e += ok
            if not exact or not ok:
                errors.append(_error(doc, g, p, pspans[i],
                                     "boundary" if not exact and ok else
                                     _speaker_class(g, spk) if exact else
                                     "boundary+" + _speaker_class(g, spk), context))
        for i, p in enumerate(preds):
            if i not in used_p:
                errors.append(_error(doc, None, p, pspans[i], "false_positive", context))
        for j, g in enumerate(doc.quotes):
            if j not in used_g:
                errors.append(_error(doc, g, None, None, "missed", context))
    return Scores(system, len(docs), n_gold, n_pred, tp_o, tp_x, sp_n, sp_ok, tp_e,
                  seconds, errors)


def _speaker_class(g: GoldQuote, speaker: str) -> str:
    if g.source_start < 0:
        return "speaker_given_no_gold_source"
    if not speaker:
        return "speaker_missing"
    if g.source_text.strip().lower() in PRONOUNS:
        return "speaker_wrong_gold_pronoun"
    return "speaker_wrong"


def _error(doc: GoldDoc, g: GoldQuote | None, p: dict[str, object] | None,
           pspan: tuple[int, int] | None, kind: str, context: int = 0) -> dict[str, object]:
    text = doc.text

    def clip(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= 160 else s[:157] + "..."

    rec: dict[str, object] = {
        "doc_id": doc.doc_id,
        "error": kind,
        "gold_quote": clip(text[g.start : g.end]) if g else "",
        "pred_quote": clip(text[pspan[0] : pspan[1]]) if pspan else "",
        "gold_source": clip(g.source_text) if g else "",
        "gold_cue": clip(g.cue) if g else "",
        "pred_speaker": "" if p is None or pd.isna(p.get("speaker")) else str(p.get("speaker")),
        "pred_mention": (text[int(p["speaker_start"]) : int(p["speaker_end"])]
                         if p is not None and int(p["speaker_start"]) >= 0 else ""),
        "pred_cue": "" if p is None or pd.isna(p.get("cue")) else str(p.get("cue")),
        "gold_start": g.start if g else -1,
        "pred_start": pspan[0] if pspan else -1,
    }
    if context > 0:
        a, b = (g.start, g.end) if g else pspan if pspan else (0, 0)
        piece = (text[max(0, a - context) : a] + "[[" + text[a:b] + "]]"
                 + text[b : b + context])
        rec["context"] = " ".join(piece.replace("\n", " ¶ ").split())
    return rec


def format_scores(scores: list[Scores]) -> str:
    """A readable table of the scores, one row per system."""
    rows = [s.as_dict() for s in scores]
    cols = [("system", "{}"), ("docs", "{}"), ("gold", "{}"), ("pred", "{}"),
            ("overlap_p", "{:.1f}"), ("overlap_r", "{:.1f}"), ("overlap_f1", "{:.1f}"),
            ("exact_p", "{:.1f}"), ("exact_r", "{:.1f}"), ("exact_f1", "{:.1f}"),
            ("speaker_accuracy", "{:.1f}"), ("end_to_end_f1", "{:.1f}"),
            ("articles_per_s", "{:.0f}")]
    table = [[c for c, _ in cols]] + [[fmt.format(r[c]) for c, fmt in cols] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True))
                     for row in table)


def main(argv: list[str] | None = None) -> int:
    """CLI: ``python -m toolkit evaluate quotes DIR [--errors F.tsv [--context N]] [--baseline]
    [--min-confidence C]``."""
    parser = argparse.ArgumentParser(prog="python -m toolkit evaluate quotes",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="PolNeAR-style folder(s) with text/ and attributions/")
    parser.add_argument("--errors", help="write one TSV row per error (missed, false positive, ...)")
    parser.add_argument("--baseline", action="store_true",
                        help="also score the naive regex baseline in the same run")
    parser.add_argument("--top", type=int, default=10, help="error classes to print")
    parser.add_argument("--context", type=int, default=0, metavar="N",
                        help="with --errors: add a context column, N characters of article "
                             "text either side of each quote (quote in [[ ]])")
    parser.add_argument("--min-confidence", type=float, action="append", default=[],
                        help="also score quotes(min_confidence=C), keeping only attributions at "
                             "least this sure (repeatable); the default table keeps every quote")
    args = parser.parse_args(argv)

    from toolkit.annotate.quotes import naive_quotes, quotes

    docs = [d for p in args.paths for d in read_brat(p)]
    if not docs:
        print(f"no brat documents found under {args.paths} (expected text/*.txt and "
              "attributions/*.ann)", file=sys.stderr)
        return 2
    results = [score(docs, quotes, context=args.context)]
    for threshold in args.min_confidence:
        results.append(score(docs, functools.partial(quotes, min_confidence=threshold),
                             system=f"toolkit.quotes(min_confidence={threshold:g})"))
    if args.baseline:
        results.append(score(docs, naive_quotes, system="naive_regex"))
    print(format_scores(results))
    print("\noverlap = |pred ∩ gold| / max(|pred|, |gold|) >= 0.3; exact = same span after "
          "trimming marks/punctuation/space")
    errs = results[0].errors
    counts = Counter(str(e["error"]) for e in errs)
    print(f"\nerror classes ({results[0].system}):")
    for name, n in counts.most_common(args.top):
        print(f"  {n:6d}  {name}")
    if args.errors:
        with open(args.errors, "w", newline="", encoding="utf-8") as fh:
            if errs:
                writer = csv.DictWriter(fh, fieldnames=list(errs[0]), delimiter="\t")
                writer.writeheader()
                writer.writerows(errs)
        print(f"\nwrote {len(errs)} errors to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
