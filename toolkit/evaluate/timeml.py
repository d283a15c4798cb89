"""Score the time-expression annotator on TimeML ``.tml`` files, the TempEval-3 way.

Method: TempEval-3 task A (UzZaman et al., "SemEval-2013 Task 1: TempEval-3:
Evaluating Time Expressions, Events, and Temporal Relations", SemEval 2013).

* **strict** span P/R/F1: a system TIMEX3 counts only when its extent equals a
  gold extent exactly;
* **relaxed** span P/R/F1: a system TIMEX3 counts when it overlaps a gold
  TIMEX3 (one-to-one, greedy by largest overlap);
* **value F1** and **type F1**: the attribute's accuracy on the relaxed matches
  times the relaxed F1 (TempEval-3's definition of attribute F1); values are compared as
  strings, as TempEval-3 does. As a diagnostic only, the value errors that differ just in
  notation (``2000-W7`` / ``2000-W07``, ``1949-XX`` / ``1949``, ``199X`` / ``199``) are counted.

When the folder has sub-folders (TBAQ: ``AQUAINT``, ``TimeBank``) the scores of each part are
printed too.

The document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``,
outside ``<TEXT>`` in TBAQ) is the anchor passed to the annotator as
``published``; only TIMEX3 inside ``<TEXT>`` are scored. Offsets are computed on
the plain text of ``<TEXT>`` with all tags removed and XML entities decoded.

Command line::

    python -m toolkit evaluate timeml ../shared/gold/timeml [--errors errors.tsv]
    python -m toolkit evaluate timeml ../shared/gold/timeml/AQUAINT --half even  # study half
    python -m toolkit evaluate timeml ../shared/gold/timeml/AQUAINT --half odd   # check half
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<TIMEX3([^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>", re.S)


@dataclass(frozen=True)
class Timex:
    """One TIMEX3: offsets into the plain text, its text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    """A TimeML document: id, DCT value (``YYYY-MM-DD...``), plain text and its TIMEX3."""

    doc_id: str
    dct: str | None
    text: str
    timexes: list[Timex]
    #: the sub-folder the file was found in (``TimeBank``, ``AQUAINT``), for per-part scores
    group: str = ""


@dataclass
class Scores:
    """TempEval-3 scores (percentages) and the error list."""

    n_docs: int
    n_gold: int
    n_system: int
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    type_accuracy: float
    value_f1: float
    type_f1: float
    errors: list[dict] = field(default_factory=list)
    #: value errors where gold and system differ only in notation (``2000-W7`` / ``2000-W07``,
    #: ``1949-XX`` / ``1949``, ``199X`` / ``199``); a diagnostic, counted as errors above
    value_notation_only: int = 0

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "errors"}


def _notation(value: str) -> str:
    """A TIMEX3 value in one notation: week numbers zero-padded, trailing ``-XX`` and a decade's
    trailing ``X`` dropped (TBAQ writes the same value several ways)."""
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    value = re.sub(r"(?:-XX)+$", "", value)
    return re.sub(r"^(\d{3})X$", r"\1", value)


def parse_tml(path: str | Path) -> GoldDoc:
    """Read one ``.tml`` file into plain text plus the TIMEX3 inside ``<TEXT>``."""
    raw = Path(path).read_text(encoding="utf-8")
    dct = None
    m = _DCT.search(raw)
    if m:
        attrs = dict(_ATTR.findall(m.group(1)))
        dct = attrs.get("value")
    body = _TEXT.search(raw)
    inner = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    timexes: list[Timex] = []
    pos = 0
    for tag in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if closing:
            start, attrs = open_timex.pop()
            text = "".join(parts)[start:length]
            timexes.append(Timex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
        elif not tag.group(4):
            open_timex.append((length, dict(_ATTR.findall(tag.group(3)))))
    parts.append(html.unescape(inner[pos:]))
    doc_id = Path(path).stem
    return GoldDoc(doc_id, dct, "".join(parts), sorted(timexes, key=lambda t: (t.start, t.end)))


def load_folder(paths: list[str | Path], *, half: str | None = None) -> list[GoldDoc]:
    """All ``.tml`` files under the given files/folders (recursively), sorted by path.

    Args:
        paths: ``.tml`` files or folders.
        half: ``"even"`` or ``"odd"`` keeps every other document of each part (sub-folder), by
            position in file-name order (0, 2, 4 ... or 1, 3, 5 ...): two disjoint halves, one to
            study errors on and one to check a rule on before keeping it.
    """
    if half not in (None, "even", "odd"):
        raise ValueError(f"half must be 'even' or 'odd', not {half!r}")
    files: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend((f, f.relative_to(p).parts[0] if len(f.relative_to(p).parts) > 1 else "")
                         for f in sorted(p.rglob("*.tml")))
        else:
            files.append((p, ""))
    if half is not None:
        seen: Counter[str] = Counter()
        kept = []
        for f, group in files:
            if (seen[group] % 2 == 1) == (half == "odd"):
                kept.append((f, group))
            seen[group] += 1
        files = kept
    docs = []
    for f, group in files:
        doc = parse_tml(f)
        doc.group = group
        docs.append(doc)
    return docs


def _dct_timestamp(value: str | None) -> pd.Timestamp:
    if not value:
        return pd.NaT
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return pd.NaT
    return pd.Timestamp(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", tz="UTC")


def annotate(docs: list[GoldDoc], **options) -> dict[str, list[Timex]]:
    """Run :func:`toolkit.annotate.times.time_expressions` on the gold documents' plain text."""
    from toolkit.annotate.times import time_expressions

    frame = pd.DataFrame(
        {
            "doc_id": [d.doc_id for d in docs],
            "text": [d.text for d in docs],
            "published": pd.Series([_dct_timestamp(d.dct) for d in docs], dtype="datetime64[ns, UTC]"),
        }
    )
    out = time_expressions(frame, **options)
    system: dict[str, list[Timex]] = {d.doc_id: [] for d in docs}
    for row in out.itertuples(index=False):
        system[row.doc_id].append(Timex(int(row.start), int(row.end), row.text, row.type, row.value))
    return system


def _pct(a: float, b: float) -> float:
    return 100.0 * a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _error_class(kind: str, gold: Timex | None, sys_: Timex | None) -> str:
    if kind == "missed":
        return f"missed {gold.type}"
    if kind == "spurious":
        return f"spurious {sys_.type}"
    if kind == "extent":
        return "extent " + ("longer" if sys_.end - sys_.start > gold.end - gold.start else "shorter")
    if kind == "type":
        return f"type {gold.type}->{sys_.type}"
    return _value_class(gold.value, sys_.value)


_VALUE_TOKEN = re.compile(r"\d+|[A-Za-z_]+|[^\dA-Za-z_]+")


def _value_part(prefix: str, token: str, duration: bool) -> str:
    """The name of the TIMEX3 value component that starts after ``prefix`` (ISO 8601 / TimeML)."""
    if duration:
        return "amount" if token.isdigit() else "unit"
    if not prefix:
        return {4: "year", 3: "decade", 2: "century"}.get(len(token), "year")
    for mark, name in (("-W", "week"), ("-Q", "quarter"), ("-H", "half"), (":", "minute")):
        if prefix.endswith(mark):
            return name
    if prefix.endswith("T"):
        return "hour" if token.isdigit() else "part of day"
    if re.fullmatch(r"\d{4}-", prefix):
        return "month" if token.isdigit() else "season"
    if re.fullmatch(r"\d{4}-\d\d-", prefix):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d-", prefix):
        return "weekday"
    return "part"


def _value_class(gold: str, system: str) -> str:
    """An error class for a value error that still groups like errors together.

    Digits are masked (``1998-10-23`` -> ``9999-99-99``) so that one kind of error is one class;
    when both values have the same shape the class also names the first component that differs
    (``value 9999-99-99 -> 9999-99-99 (day differs)``, ``value 9999-Q9 -> 9999-Q9 (quarter
    differs)``, ``value P9Y -> P9Y (amount differs)``), so that it does not read like no error.
    """
    g_shape, s_shape = re.sub(r"\d", "9", gold), re.sub(r"\d", "9", system)
    label = f"value {g_shape} -> {s_shape}"
    g_tok, s_tok = _VALUE_TOKEN.findall(gold), _VALUE_TOKEN.findall(system)
    if g_shape != s_shape or len(g_tok) != len(s_tok):
        return label
    for i, (a, b) in enumerate(zip(g_tok, s_tok, strict=True)):
        if a != b:
            part = _value_part("".join(g_tok[:i]), a, gold.startswith("P"))
            return f"{label} ({part} differs)"
    return label


def score(docs: list[GoldDoc], system: dict[str, list[Timex]]) -> Scores:
    """TempEval-3 scores of ``system`` against the gold ``docs``."""
    n_gold = n_sys = strict = relaxed = val_ok = type_ok = notation_only = 0
    errors: list[dict] = []
    for doc in docs:
        gold = doc.timexes
        pred = sorted(system.get(doc.doc_id, []), key=lambda t: (t.start, t.end))
        n_gold += len(gold)
        n_sys += len(pred)
        pairs = []
        for i, g in enumerate(gold):
            for j, s in enumerate(pred):
                ov = min(g.end, s.end) - max(g.start, s.start)
                if ov > 0:
                    pairs.append((-ov, i, j))
        pairs.sort()
        used_g: set[int] = set()
        used_s: set[int] = set()
        for _, i, j in pairs:
            if i in used_g or j in used_s:
                continue
            used_g.add(i)
            used_s.add(j)
            g, s = gold[i], pred[j]
            relaxed += 1
            if (g.start, g.end) == (s.start, s.end):
                strict += 1
            else:
                errors.append(_err(doc, "extent", g, s))
            if g.value == s.value:
                val_ok += 1
            else:
                errors.append(_err(doc, "value", g, s))
                notation_only += _notation(g.value) == _notation(s.value)
            if g.type == s.type:
                type_ok += 1
            else:
                errors.append(_err(doc, "type", g, s))
        errors.extend(_err(doc, "missed", g, None) for i, g in enumerate(gold) if i not in used_g)
        errors.extend(_err(doc, "spurious", None, s) for j, s in enumerate(pred) if j not in used_s)
    sp, sr = _pct(strict, n_sys), _pct(strict, n_gold)
    rp, rr = _pct(relaxed, n_sys), _pct(relaxed, n_gold)
    rf = _f1(rp, rr)
    va, ta = _pct(val_ok, relaxed), _pct(type_ok, relaxed)
    return Scores(
        n_docs=len(docs), n_gold=n_gold, n_system=n_sys,
        strict_p=sp, strict_r=sr, strict_f1=_f1(sp, sr),
        relaxed_p=rp, relaxed_r=rr, relaxed_f1=rf,
        value_accuracy=va, type_accuracy=ta,
        value_f1=va * rf / 100.0, type_f1=ta * rf / 100.0,
        errors=errors, value_notation_only=notation_only,
    )


def _err(doc: GoldDoc, kind: str, g: Timex | None, s: Timex | None) -> dict:
    anchor = g or s
    lo, hi = max(0, anchor.start - 40), anchor.end + 40
    return {
        "doc_id": doc.doc_id,
        "dct": doc.dct or "",
        "kind": kind,
        "class": _error_class(kind, g, s),
        "gold_text": g.text if g else "",
        "gold_type": g.type if g else "",
        "gold_value": g.value if g else "",
        "sys_text": s.text if s else "",
        "sys_type": s.type if s else "",
        "sys_value": s.value if s else "",
        "context": doc.text[lo:hi].replace("\n", " ").replace("\t", " "),
    }


def evaluate(paths: list[str | Path], **options) -> Scores:
    """Load the ``.tml`` files under ``paths``, annotate their text and score the result."""
    docs = load_folder(paths)
    return score(docs, annotate(docs, **options))


def format_scores(s: Scores, *, top: int = 15) -> str:
    lines = [
        f"documents {s.n_docs}   gold TIMEX3 {s.n_gold}   system TIMEX3 {s.n_system}",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'strict':10}{s.strict_p:8.2f}{s.strict_r:8.2f}{s.strict_f1:8.2f}",
        f"{'relaxed':10}{s.relaxed_p:8.2f}{s.relaxed_r:8.2f}{s.relaxed_f1:8.2f}",
        f"value F1 {s.value_f1:.2f} (accuracy on matches {s.value_accuracy:.2f})",
        f"type  F1 {s.type_f1:.2f} (accuracy on matches {s.type_accuracy:.2f})",
        f"value errors that differ only in notation (W7/W07, 1949-XX/1949, 199X/199): "
        f"{s.value_notation_only}",
        "most common error classes:",
    ]
    kinds = Counter(e["kind"] for e in s.errors)
    lines.append("  by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for cls, n in Counter(e["class"] for e in s.errors).most_common(top):
        lines.append(f"  {n:5d}  {cls}")
    return "\n".join(lines)


def format_groups(docs: list[GoldDoc], system: dict[str, list[Timex]]) -> str:
    """One line of scores per sub-folder (TBAQ: ``AQUAINT``, ``TimeBank``)."""
    lines = [f"by part:  {'docs':>5}{'gold':>6}{'strict':>8}{'relaxed':>8}{'value':>8}{'type':>8}"]
    for group in sorted({d.group for d in docs}):
        part = [d for d in docs if d.group == group]
        s = score(part, system)
        lines.append(f"  {group or '.':8}{s.n_docs:5d}{s.n_gold:6d}{s.strict_f1:8.2f}{s.relaxed_f1:8.2f}"
                     f"{s.value_f1:8.2f}{s.type_f1:8.2f}")
    return "\n".join(lines)


def write_errors(errors: list[dict], path: str | Path) -> None:
    cols = ["doc_id", "dct", "kind", "class", "gold_text", "gold_type", "gold_value",
            "sys_text", "sys_type", "sys_value", "context"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, delimiter="\t")
        w.writeheader()
        w.writerows(errors)


def main(argv: list[str] | None = None) -> int:
    """``python -m toolkit evaluate timeml DIR [DIR ...] [--errors PATH]``."""
    ap = argparse.ArgumentParser(prog="python -m toolkit evaluate timeml", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help=".tml files or folders (searched recursively)")
    ap.add_argument("--errors", help="write every error to this TSV")
    ap.add_argument("--top", type=int, default=15, help="number of error classes to print")
    ap.add_argument("--half", choices=["even", "odd"],
                    help="score every other document of each part (file-name order): a study half "
                         "and a check half")
    args = ap.parse_args(argv)
    docs = load_folder(args.paths, half=args.half)
    if not docs:
        print(f"no .tml files under {args.paths}", file=sys.stderr)
        return 2
    system = annotate(docs)
    s = score(docs, system)
    print(format_scores(s, top=args.top))
    groups = sorted({d.group for d in docs})
    if len(groups) > 1:
        print(format_groups(docs, system))
    if args.errors:
        write_errors(s.errors, args.errors)
        print(f"errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
