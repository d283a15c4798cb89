"""Score the event and count annotators on ACLED-style rows.

Input: a CSV in ACLED's export layout with at least ``event_date``, ``sub_event_type``,
``fatalities`` and ``notes`` (``event_id_cnty`` is used as ``doc_id`` when present).
ACLED data may not be redistributed; the repository's fixture
(``tests/fixtures/acled_sample.csv``) holds rows written by the Dateline developers in
ACLED's layout and note style, not ACLED data.

Setup (the ACLED Codebook's ``notes`` field: "On 5 June 2025, Russian forces shelled ..."):

* each note is a document (``doc_id`` = ``event_id_cnty`` or the row number, ``text`` =
  ``notes``); ``published`` is NaT by default, so dates must come from the note itself
  (``--dct event_date`` uses the gold date as the dateline instead, an optimistic setup);
* **kill count**: the sum of the note's KILL counts that are neither negated nor hedged nor
  inside a claim clause ("Russian sources claimed that 40 ... were killed": ACLED does not code
  belligerents' claims about enemy losses); vague figures use ACLED's own conversion
  (:data:`toolkit.annotate.counts.ACLED_VAGUE`: dozens = 12, hundreds = 100); 0 when none.
  Exact match with ``fatalities``, over all rows and over rows with ``fatalities > 0``;
* **sub-event type**: correct when the gold ``sub_event_type`` is among the note's event
  types (Dateline's own labels count as ACLED "Agreement", see ``events.ACLED_PARENT``);
* **date**: correct when the first day-resolved DATE expression of the note (in reading
  order) equals ``event_date``.

The ``--baseline`` flag also scores a naive regex peer in the same run:
``(\\d+) (?:people |civilians )?(?:were )?killed`` for kills, the first keyword hit for the
type, the first "D Month YYYY" for the date.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from toolkit.annotate import counts as counts_mod
from toolkit.annotate import events as events_mod

_CLAIM = re.compile(r"\b(?:claim(?:s|ed|ing)?|alleged(?:ly)?|according\s+to\s+(?:Russian|Ukrainian)\s+(?:sources|MoD|Ministry))\b|not\s+coded", re.I)

NAIVE_KILL = re.compile(r"(\d+) (?:people |civilians )?(?:were )?killed")
NAIVE_TYPES: tuple[tuple[str, str], ...] = (
    ("shot down|intercept", "Disrupted weapons use"),
    ("drone|air ?strike|bomb", "Air/drone strike"),
    ("shell|artillery|missile|rocket", "Shelling/artillery/missile attack"),
    ("clash|fight", "Armed clash"),
    ("mine|explosive", "Remote explosive/landmine/IED"),
    ("abduct|kidnap", "Abduction/forced disappearance"),
    ("arrest|detain", "Arrests"),
    ("protest|rally|picket", "Peaceful protest"),
    ("exchange|agreement|bodies", "Agreement"),
    ("loot|fire to", "Looting/property destruction"),
    ("control", "Non-state actor overtakes territory"),
    ("shot|killed", "Attack"),
)
NAIVE_DATE = re.compile(r"(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})")


@dataclass
class AcledScores:
    """Scores of one system on ACLED-style rows."""

    system: str
    n: int
    n_fatal: int
    kill_exact: float
    kill_exact_fatal: float
    type_acc: float
    date_acc: float
    errors: Counter = field(default_factory=Counter)
    per_row: pd.DataFrame | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("errors", "per_row")}


def read_acled(path: str) -> pd.DataFrame:
    """Read an ACLED-style CSV; ``event_date`` parsed (ISO or '05 June 2025'), tz-aware UTC."""
    df = pd.read_csv(path, dtype={"notes": "string", "sub_event_type": "string"})
    missing = [c for c in ("event_date", "sub_event_type", "fatalities", "notes") if c not in df.columns]
    if missing:
        raise KeyError(f"ACLED CSV {path} lacks columns {missing}; available: {list(df.columns)}")
    raw = df["event_date"].astype(str).str.strip()
    iso = raw.str.match(r"^\d{4}-\d\d-\d\d")
    dates = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns, UTC]")
    if iso.any():
        dates[iso] = pd.to_datetime(raw[iso].str[:10], format="%Y-%m-%d", utc=True)
    if (~iso).any():  # ACLED exports: '05 June 2025' or dd-mm-yyyy
        dates[~iso] = pd.to_datetime(raw[~iso], format="mixed", dayfirst=True, utc=True)
    df["event_date"] = dates.dt.normalize()
    df["fatalities"] = pd.to_numeric(df["fatalities"], errors="coerce").fillna(0).astype(int)
    ids = df["event_id_cnty"].astype(str) if "event_id_cnty" in df.columns else pd.Series(range(len(df))).astype(str)
    df["doc_id"] = ids.to_numpy()
    return df


def _first_day(text: str, times: pd.DataFrame | None, dct) -> pd.Timestamp | None:
    if times is not None:
        days = events_mod._day_dates_from_times(times)
    else:
        days = events_mod._explicit_dates(text, dct)
    return days[0][2] if days else None


def predict(df: pd.DataFrame, *, dct: str = "none") -> pd.DataFrame:
    """Run events() and counts() on the notes; one row per note with predictions."""
    published = df["event_date"] if dct == "event_date" else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns, UTC]")
    frame = pd.DataFrame({"doc_id": df["doc_id"].to_numpy(), "text": df["notes"].fillna("").to_numpy(),
                          "published": published.to_numpy()})
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    try:
        from toolkit.annotate.times import time_expressions
        times = time_expressions(frame)
    except ImportError:
        times = None
    ev = events_mod.events(frame, times=times) if times is not None else events_mod.events(frame, use_times=False)
    ct = counts_mod.counts(frame, events=ev)
    out = []
    for doc_id, text, pub in zip(frame["doc_id"], frame["text"], frame["published"], strict=True):
        types = set(ev.loc[ev["doc_id"] == doc_id, "event_type"])
        types |= {events_mod.ACLED_PARENT.get(t, t) for t in types}
        c = ct[(ct["doc_id"] == doc_id) & (ct["count_type"] == "KILL") & ~ct["negated"] & ~ct["hedged"]]
        kill = 0
        totals = []
        for r in c.itertuples():
            sent = _sentence_of(text, r.start)
            if _CLAIM.search(sent) or _enemy_loss_claim(sent, text, r):
                continue
            n = counts_mod.ACLED_VAGUE.get(r.vague, r.number) if isinstance(r.vague, str) else (
                r.number_low if r.number_low == r.number_low else r.number)
            kill += n
            if _TOTAL_BEFORE.search(text, max(0, r.start - 60), r.start) or _TOTAL_AFTER.match(text, r.end):
                totals.append(n)
        if totals:  # "killing 5 people; 6 more were killed elsewhere. 11 fatalities in total."
            kill = max(totals)
        t = times[times["doc_id"] == doc_id] if times is not None else None
        day = _first_day(text, t, None if pd.isna(pub) else pub)
        out.append((doc_id, sorted(types), int(kill), day))
    return pd.DataFrame(out, columns=["doc_id", "pred_types", "pred_kill", "pred_date"])


_TOTAL_BEFORE = re.compile(
    r"(?:\btotal\s+of|\bin\s+total,?|\btoll\s+(?:[\w-]+\s+){0,3}?(?:to|at|of|reached|stands\s+at|stood\s+at|is|was))"
    r"\s+(?:at\s+least\s+)?$",
    re.I,
)
_TOTAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:in\s+total|in\s+all)\b", re.I)
_REPORTED = re.compile(r"\b(?:said|say|says|reported|reports|stated|announced|claim\w*|alleged\w*|according\s+to)\b", re.I)
_COMBATANTS = re.compile(
    r"\b(?:soldiers?|servicem[ae]n|troops|fighters|militants|personnel|occupiers|invaders|mercenaries|attackers"
    r"|saboteurs|marines|paratroopers|men|Russians|Ukrainians|enemy)\b",
    re.I,
)
_SIDES = {"russian": re.compile(r"\b(?:Russian|Russia|Russians|Moscow|Kremlin)\b", re.I),
          "ukrainian": re.compile(r"\b(?:Ukrainian|Ukraine|Ukrainians|Kyiv|Kiev)\b", re.I)}


def _enemy_loss_claim(sent: str, text: str, count) -> bool:
    """A belligerent's report of the other side's combatant losses (ACLED does not code those).

    The sentence has a reporting verb, the counted object is combatants, and the side named
    for the victims (object, "enemy") differs from the side named elsewhere in the sentence.
    """
    if not _REPORTED.search(sent):
        return False
    obj = count.object if isinstance(count.object, str) else text[count.end : count.end + 40]
    if not _COMBATANTS.search(obj):
        return False
    rest = sent.replace(obj, " ")
    if re.search(r"(?i)\benemy\b", obj):
        return True
    for side, pat in _SIDES.items():
        other = _SIDES["ukrainian" if side == "russian" else "russian"]
        if pat.search(obj) and other.search(rest):
            return True
    return False


def _sentence_of(text: str, pos: int) -> str:
    lo = max(text.rfind(". ", 0, pos), text.rfind("[", 0, pos))
    hi = text.find(". ", pos)
    return text[lo + 1 : hi if hi >= 0 else len(text)]


def predict_naive(df: pd.DataFrame) -> pd.DataFrame:
    """The naive regex peer."""
    out = []
    for doc_id, text in zip(df["doc_id"], df["notes"].fillna(""), strict=True):
        kill = sum(int(m.group(1)) for m in NAIVE_KILL.finditer(text))
        typ = next((t for pat, t in NAIVE_TYPES if re.search(pat, text, re.I)), None)
        m = NAIVE_DATE.search(text)
        day = pd.Timestamp(f"{m.group(1)} {m.group(2)} {m.group(3)}", tz="UTC") if m else None
        out.append((doc_id, [typ] if typ else [], kill, day))
    return pd.DataFrame(out, columns=["doc_id", "pred_types", "pred_kill", "pred_date"])


def score(df: pd.DataFrame, pred: pd.DataFrame, *, system: str = "dateline") -> AcledScores:
    """Kill-count, sub-event-type and date accuracy of ``pred`` against the gold rows ``df``."""
    m = df.reset_index(drop=True).join(pred.reset_index(drop=True).drop(columns="doc_id"))
    m["kill_ok"] = m["pred_kill"] == m["fatalities"]
    m["type_ok"] = [g in p for g, p in zip(m["sub_event_type"], m["pred_types"], strict=True)]
    m["date_ok"] = [p is not None and not pd.isna(p) and p == g for g, p in zip(m["event_date"], m["pred_date"], strict=True)]
    fatal = m["fatalities"] > 0
    errors: Counter = Counter()
    for r in m.itertuples():
        if not r.kill_ok:
            kind = "kill: missed" if r.pred_kill < r.fatalities else "kill: too many"
            errors[kind] += 1
        if not r.type_ok:
            errors[f"type: {r.sub_event_type} -> {', '.join(r.pred_types) or 'none'}"] += 1
        if not r.date_ok:
            errors["date: " + ("none found" if r.pred_date is None or pd.isna(r.pred_date) else "wrong day")] += 1
    return AcledScores(
        system=system, n=len(m), n_fatal=int(fatal.sum()),
        kill_exact=float(m["kill_ok"].mean()) if len(m) else float("nan"),
        kill_exact_fatal=float(m.loc[fatal, "kill_ok"].mean()) if fatal.any() else float("nan"),
        type_acc=float(m["type_ok"].mean()) if len(m) else float("nan"),
        date_acc=float(m["date_ok"].mean()) if len(m) else float("nan"),
        errors=errors, per_row=m,
    )


def evaluate(path: str, *, baseline: bool = False, dct: str = "none") -> list[AcledScores]:
    """Score Dateline (and the naive peer with ``baseline=True``) on an ACLED-style CSV."""
    df = read_acled(path)
    results = [score(df, predict(df, dct=dct), system="dateline")]
    if baseline:
        results.append(score(df, predict_naive(df), system="naive regex"))
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit evaluate acled", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="ACLED-style CSV file(s)")
    parser.add_argument("--baseline", action="store_true", help="also score the naive regex peer")
    parser.add_argument("--dct", choices=["none", "event_date"], default="none",
                        help="dateline given to the annotators (default none: dates from the note only)")
    parser.add_argument("--errors", type=int, default=8, help="how many top error classes to print")
    args = parser.parse_args(argv)
    for path in args.paths:
        results = evaluate(path, baseline=args.baseline, dct=args.dct)
        print(f"ACLED-style rows: {path}  (n={results[0].n}, fatalities>0: {results[0].n_fatal})")
        print(f"{'system':<14}{'kill exact':>12}{'kill | fat>0':>14}{'sub-event':>11}{'date':>8}")
        for r in results:
            print(f"{r.system:<14}{r.kill_exact:>12.1%}{r.kill_exact_fatal:>14.1%}{r.type_acc:>11.1%}{r.date_acc:>8.1%}")
        for r in results:
            print(f"\nTop error classes ({r.system}):")
            for kind, n in r.errors.most_common(args.errors):
                print(f"  {n:>4}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
