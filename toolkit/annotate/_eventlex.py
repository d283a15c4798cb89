"""Shared lexicons and helpers of the event and count annotators (private).

* :class:`SentenceLocator`: the Punkt sentence (``toolkit.annotate.sentences``)
  around an offset, computed lazily on a window of the paragraph, so that texts
  without events are never fully segmented (throughput);
* :func:`clause_start`: start of the clause that holds an offset;
* :func:`cue_before`: negation / hedge cues in the words before a trigger;
* :func:`find_places`: gazetteer look-up (``toolkit/resources/gazetteer/places.tsv``);
* speed helpers that keep every match the same (checked in ``tests/test_events.py``):
  :func:`trie_pattern` (word lists as character tries), :func:`split_alternatives`,
  :func:`first_chars` / :func:`first_pairs` (what a pattern's matches can start with, read off
  the ``re`` parse tree: big alternations are tried only where they can match), and
  :func:`lowercase_variant` / :func:`case_folds_simply` (a ``re.I`` pattern rewritten for
  lowercased text, where ``re`` skips literal branches by their first character).
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from re import _constants as _sre_c  # the stdlib parse tree (Python 3.11+), for first_chars
from re import _parser as _sre_parser
from typing import NamedTuple

from toolkit.annotate.sentences import _punkt_spans, paragraph_spans
from toolkit.resources import MissingResourceError, resource_path

_WINDOW = 170  # characters either side of an offset handed to Punkt in long paragraphs

# One non-word character (``[^\w]``), written so that ``re`` finds candidates fast: a pattern that
# starts with an ASCII set scans by a bitmap test per character, while ``[^\w]`` looks every
# character's Unicode category up. The set holds every non-word character (it leaves out only
# word characters), and the lookbehind keeps exactly the non-word ones: same matches.
NON_WORD_LOW = r"[^a-z0-9_](?<=[^\w])"  # for lowercased text
NON_WORD_CASED = r"[^A-Za-z0-9_](?<=[^\w])"  # for any text


class SentenceLocator:
    """Find the Punkt sentence span around an offset of one text, lazily and cached.

    With ``spans`` (the text's rows of the ``sentences`` table, sorted), those sentences are
    used as they are and Punkt is never run. ``breaks``: Punkt's decisions per candidate
    boundary, shared by the locators of one annotator call (see
    :func:`toolkit.annotate.sentences._punkt_spans`).
    """

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None,
                 breaks: dict[str, bool] | None = None) -> None:
        self.text = text
        self._breaks: dict[str, bool] = {} if breaks is None else breaks
        self.paragraphs = list(paragraph_spans(text))
        self._para_starts = [p[0] for p in self.paragraphs]
        self._spans: list[tuple[int, int]] = list(spans or [])  # sorted, non-overlapping
        self._starts: list[int] = [s for s, _ in self._spans]
        self._fixed = spans is not None

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._para_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.paragraphs[i]

    def _lookup(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self._spans[i][0] <= pos < self._spans[i][1]:
            return self._spans[i]
        return None

    def add_spans(self, spans: list[tuple[int, int]]) -> None:
        """Seed the cache with known sentence spans (e.g. those of event mentions)."""
        self._add(sorted(set(spans)))

    def _add(self, spans: list[tuple[int, int]]) -> None:
        for span in spans:
            if self._lookup(span[0]) is None and self._lookup(span[1] - 1) is None:
                i = bisect.bisect_left(self._starts, span[0])
                self._starts.insert(i, span[0])
                self._spans.insert(i, span)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence that holds offset ``pos``."""
        hit = self._lookup(pos)
        if hit is not None:
            return hit
        if self._fixed:  # given sentences: an offset outside all of them is between sentences
            return (pos, pos + 1)
        p_start, p_end = self.paragraph_at(pos)
        if p_end - p_start <= 2 * _WINDOW:
            w_start, w_end = p_start, p_end
        else:
            w_start, w_end = max(p_start, pos - _WINDOW), min(p_end, pos + _WINDOW)
        chunk = self.text[w_start:w_end]
        spans = []
        for s, e in _punkt_spans(chunk, self._breaks):
            piece = chunk[s:e]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail > lead:
                spans.append((w_start + s + lead, w_start + s + trail))
        # the first/last sentence of a window cut mid-paragraph may be truncated: keep
        # only the sentence around pos from such a window (plus fully interior ones)
        keep = []
        for k, (s, e) in enumerate(spans):
            cut = (k == 0 and w_start > p_start) or (k == len(spans) - 1 and w_end < p_end)
            if not cut or s <= pos < e:
                keep.append((s, e))
        self._add(keep)
        hit = self._lookup(pos)
        if hit is None:  # offset in whitespace between sentences
            return (pos, pos + 1)
        return hit


# --------------------------------------------------------------------------- word tries
def trie_pattern(words: list[str], tails: dict[str, str] | None = None) -> str:
    """A regex alternation of ``words`` factored as a character trie (fast in ``re``).

    A word ending in ``*`` is a stem: any lowercase letters may follow it.
    ``tails``: a lookahead that must follow a (whole, non-stem) word, ``{"new": r"\\s+talks"}``.
    Matching is meant for lowercase text or ``re.I``; the caller adds word boundaries.
    """
    tails = tails or {}
    trie: dict = {}
    for w in words:
        node = trie
        stem = w.endswith("*")
        for ch in w.rstrip("*"):
            node = node.setdefault(ch, {})
        node["*" if stem else ""] = {} if stem or w not in tails else {"tail": tails[w]}

    def build(node: dict) -> str:
        alts = []
        for ch, child in sorted(node.items(), key=lambda kv: kv[0] == ""):
            if ch == "*":
                alts.insert(0, r"[a-z]*")
            elif ch == "":
                alts.append(f"(?={child['tail']})" if child else "")
            else:
                alts.append(re.escape(ch) + build(child))
        if len(alts) == 1:
            return alts[0]
        optional = "" in alts
        body = "|".join(a for a in alts if a)
        return f"(?:{body})" + ("?" if optional else "")

    return build(trie)


# --------------------------------------------------------------------------- first characters
def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ``pattern`` (``"a|b(c|d)"`` -> ``["a", "b(c|d)"]``)."""
    out, depth, in_class, i, start = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    if "|".join(out) != pattern:  # pragma: no cover - the split only cuts at "|"
        raise ValueError(pattern)
    return out


def _first_of_sequence(items, digits: bool = False) -> tuple[set[str] | None, bool]:
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av, digits)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _folded(code: int) -> set[str]:
    ch = chr(code)
    return {ch.lower(), ch.upper().lower()}


def _first_of_item(op, av, digits: bool = False) -> tuple[set[str] | None, bool]:
    c = _sre_c
    if op is c.LITERAL:
        return _folded(av), False
    if op is c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is c.LITERAL:
                chars |= _folded(a)
            elif o is c.RANGE:
                for code in range(a[0], a[1] + 1):
                    chars |= _folded(code)
            elif digits and o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:  # categories (word, digit), negated sets: any character
                return None, False
        return chars, False
    if op is c.BRANCH:
        chars, nullable = set(), False
        for alt in av[1]:
            first, null = _first_of_sequence(alt, digits)
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or null
        return chars, nullable
    if op is c.SUBPATTERN:
        return _first_of_sequence(av[3], digits)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        first, nullable = _first_of_sequence(av[2], digits)
        return (None, False) if first is None else (first, nullable or av[0] == 0)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the next item decides
        return set(), True
    return None, False  # anything else: any character


def first_chars(pattern: str, flags: int = re.I, *, ascii_digits: bool = False) -> frozenset[str] | None:
    r"""Lowercased characters that a match of ``pattern`` can start with; ``None``: any (or empty match).

    A superset (conservative): case variants are folded to lowercase, lookarounds are ignored.
    Used to try only the alternatives of a big alternation that can match at a position
    whose lowercased character is known. ``ascii_digits``: ``\d`` counts as the ASCII digits
    only, for callers that look up ASCII characters alone (``\d`` also matches other scripts').
    """
    first, nullable = _first_of_sequence(_sre_parser.parse(pattern, flags), ascii_digits)
    return None if first is None or nullable else frozenset(first)


def _extend_prefixes(prefixes: set[str] | None, items, k: int) -> set[str] | None:
    """Lowercased prefixes (up to ``k`` characters) of matches of ``items`` after ``prefixes``.

    A prefix shorter than ``k`` that ends the match is kept as it is (any character may follow);
    ``None``: unknown (any prefix).
    """
    c = _sre_c
    for op, av in items:
        if prefixes is None:
            return None
        done = {p for p in prefixes if len(p) >= k}
        open_ = prefixes - done
        if not open_:
            return prefixes
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL or (op is c.IN and all(o in (c.LITERAL, c.RANGE) for o, _ in av)):
            codes = [av] if op is c.LITERAL else [
                code for o, a in av for code in ([a] if o is c.LITERAL else range(a[0], a[1] + 1))]
            chars = {ch for code in codes for ch in _folded(code)}
            prefixes = done | {p + ch for p in open_ for ch in chars}
        elif op is c.BRANCH:
            out: set[str] = set(done)
            for alt in av[1]:
                ext = _extend_prefixes(set(open_), alt, k)
                if ext is None:
                    return None
                out |= ext
            prefixes = out
        elif op is c.SUBPATTERN:
            ext = _extend_prefixes(set(open_), av[3], k)
            prefixes = None if ext is None else done | ext
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, body = av
            reach = set(open_) if lo == 0 else set()
            cur: set[str] | None = set(open_)
            for n in range(1, k + 1):  # k copies fill any open prefix (each copy matches >= 0 chars)
                if n > hi or cur is None:
                    break
                cur = _extend_prefixes(cur, body, k)
                if cur is None:
                    return None
                if n >= lo or n == k:
                    reach |= cur
            if hi > k and cur is not None:  # more copies than looked at: they only add to open prefixes
                reach |= cur
            prefixes = done | reach
        else:  # categories, any character, negated sets ...: unknown
            return None
    return prefixes


def first_pairs(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    """Lowercased first two characters of ``pattern``'s matches (one, if a match can end after it).

    A superset like :func:`first_chars`; ``None``: unknown. A position whose next two lowercased
    characters are none of these (and do not start with a one-character entry) is no match start.
    """
    found = _extend_prefixes({""}, _sre_parser.parse(pattern, flags), 2)
    if found is None or "" in found:
        return None
    return frozenset(found)


# --------------------------------------------------------------------------- lowercase variants
def case_folds_simply(low: str, text: str) -> bool:
    """Whether ``low = text.lower()`` keeps every offset and ``re.I``'s extra folds are absent.

    Then a :func:`lowercase_variant` of a pattern finds on ``low`` exactly what the pattern
    finds on ``text`` (the dotless "ı" and long "ſ" match i/s under ``re.I``; "İ" lengthens).
    """
    return len(low) == len(text) and "ı" not in low and "ſ" not in low


def _check_caseless(items) -> None:
    """Raise ValueError unless lowercase text meets these items as ``re.I`` meets any text."""
    c = _sre_c

    def plain(code: int) -> bool:  # a lowercase ASCII letter, or a character without case
        ch = chr(code)
        return (ch.isascii() and not ch.isupper()) or (ch.lower() == ch == ch.upper())

    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            if not plain(av) or (op is c.NOT_LITERAL and chr(av).isalpha()):
                raise ValueError(f"cased literal {chr(av)!r}")
        elif op is c.IN:
            negated = any(o is c.NEGATE for o, _ in av)
            for o, a in av:
                codes = [a] if o is c.LITERAL else range(a[0], a[1] + 1) if o is c.RANGE else []
                for code in codes:
                    if not plain(code) or (negated and chr(code).isalpha()):
                        raise ValueError(f"cased set member {chr(code)!r}")
        elif op is c.BRANCH:
            for alt in av[1]:
                _check_caseless(alt)
        elif op is c.SUBPATTERN:
            if av[1] or av[2]:
                raise ValueError("inline flags")
            _check_caseless(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _check_caseless(av[2])
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _check_caseless(av[1])
        elif op is c.ATOMIC_GROUP:
            _check_caseless(av)
        elif op not in (c.AT, c.ANY, c.CATEGORY):
            raise ValueError(f"unsupported {op}")


def lowercase_variant(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (compiled with ``re.I``) rewritten for lowercased text, without ``re.I``.

    Speed only: ``re`` skips a branch that starts with a plain literal by its first character,
    but tries every branch of a case-insensitive alternation. On ``low = text.lower()`` with
    :func:`case_folds_simply`, the variant's matches have the same spans (and groups) as the
    pattern's on ``text``; group texts are lowercase. Raises ``ValueError`` for patterns where
    that does not hold (inline flags, letters in negated sets, back-references).
    """
    src = pattern.pattern
    if not pattern.flags & re.I:
        raise ValueError("not a case-insensitive pattern")
    out, i = [], 0
    while i < len(src):
        if src[i] == "\\":
            out.append(src[i : i + 2])
            i += 2
        elif src.startswith("(?P<", i):  # keep group names as they are
            j = src.index(">", i) + 1
            out.append(src[i:j])
            i = j
        else:
            out.append(src[i].lower())
            i += 1
    flags = pattern.flags & ~re.I
    variant = "".join(out)
    _check_caseless(_sre_parser.parse(variant, flags))
    return re.compile(variant, flags)


# --------------------------------------------------------------------------- clauses & cues
_CLAUSE_BREAK = re.compile(
    r"[;:()\"“”]|\s[-–—]\s|,\s+(?=(?:while|but|whereas|although|though|and\s+(?:that|Kyiv|Moscow|Russia|Ukraine))\b)"
    r"|\b(?:while|whereas|but|although)\b",
    re.I,
)


_CLAUSE_BREAK_LOW = lowercase_variant(_CLAUSE_BREAK)


def clause_start(text: str, sent_start: int, pos: int, *, low: str | None = None) -> int:
    """Start of the clause of ``text[sent_start:]`` that holds ``pos``.

    ``low``: ``text.lower()`` when :func:`case_folds_simply` (faster scan, same result).
    """
    start = sent_start
    for m in (_CLAUSE_BREAK_LOW.finditer(low, sent_start, pos) if low is not None
              else _CLAUSE_BREAK.finditer(text, sent_start, pos)):
        start = m.end()
    return start


NEGATION = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|refut(?:e|es|ed)|dismiss(?:es|ed)?"
    r"|not|never|no|nor|false(?:ly)?|fake|fail(?:s|ed)? to|without|n't|cancel(?:s|l?ed)|call(?:s|ed)? off"
    r"|postpon(?:e|es|ed)|halt(?:s|ed)?|suspend(?:s|ed)?)\b|n't\b",
    re.I,
)
HEDGE = re.compile(
    r"\b(?:will|would|could|(?-i:may)(?!\s+\d)|might|shall|wo|plan(?:s|ned)?|planning|pledg(?:e|es|ed|ing)"
    r"|promis(?:e|es|ed|ing)|vow(?:s|ed)?|threat(?:en|ens|ened|ening)|intend(?:s|ed)?|expect(?:s|ed)?"
    r"|aim(?:s|ed)? to|ready|willing|prepared to|offer(?:s|ed)? to|propos(?:e|es|ed|al|als)"
    r"|call(?:s|ed)? for|calling for|urg(?:e|es|ed)|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought"
    r"|hop(?:e|es|ed) to|possible|potential|if|unless|agreed to|agree to|should|must|want(?:s|ed)? to"
    r"|going to|set to|due to|ahead of|upcoming|future|next)\b",
    re.I,
)
_WORD = re.compile(r"\S+")


_NEGATION_LOW = lowercase_variant(NEGATION)
# HEDGE without its case-sensitive "may" (lowercase variant), and that "may" alone: HEDGE finds
# a cue in a window exactly when one of the two does
_MAY_CUE = r"|(?-i:may)(?!\s+\d)"
_HEDGE_NO_MAY_LOW = lowercase_variant(re.compile(HEDGE.pattern.replace(_MAY_CUE, "", 1), re.I))
_MAY = re.compile(r"\bmay(?!\s+\d)\b")
assert HEDGE.pattern.count(_MAY_CUE) == 1 and HEDGE.pattern.startswith(r"\b(?:") and HEDGE.pattern.endswith(r")\b")


def cue_before(text: str, lo: int, pos: int, *, words: int = 8) -> tuple[bool, bool]:
    """``(negated, hedged)``: cues among the last ``words`` words of ``text[lo:pos]``."""
    # the last ``words`` whitespace-separated words: ``_WORD.findall(chunk)[-words:]`` (str.split is faster)
    window = " ".join(text[lo:pos].rsplit(None, words)[-words:])
    low = window.lower()
    if case_folds_simply(low, window):
        return bool(_NEGATION_LOW.search(low)), bool(_HEDGE_NO_MAY_LOW.search(low) or _MAY.search(window))
    return bool(NEGATION.search(window)), bool(HEDGE.search(window))


# --------------------------------------------------------------------------- actors, claims
ACTOR = re.compile(
    r"\b(?:(?:pro-)?(?:Russian|Ukrainian|Belarusian|Chechen|Wagner|unidentified|unknown|armed|occupying"
    r"|occupation|separatist|DPR|LPR|Kadyrov(?:ite)?|Israeli|Hamas|Syrian|Georgian|Polish|Moldovan|NATO|US|Western)"
    r"(?:[- ](?:backed|led|armed|military|army|air|naval|navy|border|security|special|territorial|defen[cs]e"
    r"|occupation|occupying|marine|airborne|national|state|law|enforcement|volunteer|assault|attack|combat"
    r"|government|emergency|regular|private|service))*"
    r"\s+(?:forces|force|troops|military|army|soldiers|servicemen|units?|militants|gunmen|men|persons|people"
    r"|individuals|assailants|attackers|saboteurs|partisans|drones?|aircraft|aviation|police|authorities"
    r"|officials|protesters|demonstrators|activists|residents|civilians|guards?|Guard|Navy|Air Force"
    r"|government|officers?|group|groups|fighters|mercenaries|hackers|special services|operators)"
    r"|Russia|Ukraine|Moscow|Kyiv|Kiev|Wagner(?:\s+Group)?|(?:the\s+)?(?:SBU|FSB|GUR|HUR|ZSU)|police(?:\s+officers)?"
    r"|protesters|demonstrators|activists|residents|partisans|Rosgvardia|(?:the\s+)?Kremlin|both sides)\b"
)

#: ACTOR led by the non-word character before it (group "a" is ACTOR's match; every actor starts
#: with a letter): from ``pos - 1`` on it finds what ACTOR finds from ``pos > 0`` on, faster.
ACTOR_SCAN = re.compile(NON_WORD_CASED + r"(?P<a>" + ACTOR.pattern.removeprefix(r"\b") + ")")

TARGET = re.compile(
    r"\b(?:(?:a|an|the|two|three|several)\s+)?(?:(?:civilian|residential|private|apartment|high-rise|multi-storey"
    r"|energy|power|critical|port|industrial|agricultural|military|medical|educational|administrative|[A-Z][a-z]+ian)\s+)?"
    r"(?:civilians?|residential\s+(?:\w+\s+)?(?:buildings?|areas?|districts?|quarters?|houses?|blocks?)"
    r"|infrastructure|facilit(?:y|ies)|power\s+(?:plants?|stations?|lines?|grid)|substations?|positions?"
    r"|forces|troops|soldiers|servicemen|hospitals?|schools?|houses?|homes?|buildings?|cars?|vehicles?"
    r"|bus(?:es)?|trains?|men|man|women|woman|child(?:ren)?|boys?|girls?|residents?|protesters|journalists?"
    r"|volunteers?|farmers?|villages?|towns?|cit(?:y|ies)|districts?|warehouses?|depots?|airfields?|bridges?"
    r"|ports?|ships?|vessels?|refinery|refineries|tanks?|equipment)\b",
    re.I,
)
#: ``TARGET.search(text, pos, end)`` when that match starts within 59 characters of ``pos``
#: (group 1), else no match: the lazy prefix tries the same positions in the same order.
TARGET_NEAR = re.compile(r"[\s\S]{0,59}?(" + TARGET.pattern + ")", re.I)
TARGET_NEAR_LOW = lowercase_variant(TARGET_NEAR)  # on lowercased text (case_folds_simply)

_NAMEWORD = r"(?:[A-Z][\w'’.-]*|of|the|and|de|von|regional|local|military|head|governor|mayor|officials?|authorities|sources|spokes(?:man|woman|person)|ministry|media|administration|police|services?|emergency|chief|commander|council|prosecutors?|'s|’s)"
CLAIM_ACCORDING = re.compile(r"\baccording to\s+((?:the\s+)?" + _NAMEWORD + r"(?:[ ,]+" + _NAMEWORD + r"){0,7})")
CLAIM_SAID = re.compile(
    r"(?:^|[,;]\s*|\bas\s+)((?:the\s+)?(?:[A-Za-z][\w'’.-]*\s+){0,5}?(?:[A-Z][\w'’.-]*|officials|authorities|sources|media"
    r"|ministry|governor|mayor|spokes(?:man|woman|person)|military|government|police|administration))\s+"
    r"(?:said|says|reported|reports|claimed|claims|stated|announced|wrote|told|confirmed|added)\b"
)
CLAIM_LEAD = re.compile(
    r"^(?:\(MENAFN[^)]*\)\s*)?((?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}?(?:[A-Z][\w'’.-]*|officials|authorities|government|ministry|military))\s+"
    r"(?:said|says|reported|claimed|claims|announced|stated|confirmed)\b"
)


# Each verb of CLAIM_SAID (and so of CLAIM_LEAD) contains one of these: a cheap pre-check.
_CLAIM_VERBS = ("said", "says", "report", "claim", "stated", "announced", "wrote", "told", "confirmed", "added")


def claimed_by(sentence: str) -> str | None:
    """Who reports the sentence's content ("Ukrainian officials said", "according to ...")."""
    m = CLAIM_ACCORDING.search(sentence) if "according to" in sentence else None
    if m:
        return m.group(1).strip(" ,")
    if not any(verb in sentence for verb in _CLAIM_VERBS):
        return None
    m = CLAIM_SAID.search(sentence)
    if m:
        name = m.group(1).strip(" ,")
        if name.lower() not in {"it", "he", "she", "they", "we", "i", "this", "that", "which"}:
            return name
    m = CLAIM_LEAD.search(sentence)
    if m:
        return m.group(1).strip(" ,")
    return None


# --------------------------------------------------------------------------- gazetteer
class Place(NamedTuple):
    """A gazetteer entry matched in text."""

    name: str
    kind: str
    admin1: str
    country: str
    country_code: str
    adm1_code: str
    lat: float
    lon: float
    start: int
    end: int


_KIND_RANK = {"village": 0, "town": 0, "city": 1, "region": 2, "oblast": 2, "country": 3}
_CAPITALS = {"moscow", "kyiv", "kiev", "minsk"}
_METONYMY = re.compile(
    r"^(?:'s|’s|\s+(?:said|says|has|have|had|is|was|will|would|maintained|maintains|accused|accuses|claimed|claims"
    r"|denied|denies|insisted|insists|wants|rejected|rejects|demanded|demands|announced|reported|and\s+(?:Moscow|Kyiv|Kiev)))\b"
)
_ADMIN_SUFFIX = re.compile(r"^(?:'s)?\s+(?:region|regions|oblast|province|district|area|regional)\b", re.I)


_TOKEN = re.compile(r"[^\W\d_]+")
# one non-letter character (``[\W\d_]``) of lowercased text, by an ASCII set first (see NON_WORD_LOW)
_NON_LETTER_LOW = r"[^a-z](?<=[\W\d_])"


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[tuple[str, int]]], dict[str, dict[str, tuple]]]:
    """Read places.tsv: first word -> [(variant, n_words)] (longest first) and variant -> {kind: entry}."""
    path = resource_path("gazetteer", "places.tsv")
    if not path.exists():
        raise MissingResourceError(f"Dateline resource missing: {path}\nFix: restore "
                                   "toolkit/resources/gazetteer/ from git")
    table: dict[str, dict[str, tuple]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            key = row["variant"].lower()
            kind = "oblast" if row["kind"] in {"oblast", "region"} else row["kind"]
            entry = (row["name"], row["kind"], row["admin1"], row["country"], row["country_code"],
                     row["adm1_code"], float(row["lat"]), float(row["lon"]))
            table.setdefault(key, {}).setdefault(kind, entry)
    index: dict[str, list[tuple[str, int]]] = {}
    for variant in table:
        words = _TOKEN.findall(variant)
        index.setdefault(words[0], []).append((variant, len(words)))
    for cands in index.values():
        cands.sort(key=lambda c: -len(c[0]))
    return index, table


@functools.lru_cache(maxsize=1)
def _first_words() -> re.Pattern[str]:
    r"""Letter runs (on " " + lowercased text) that start a gazetteer variant, each after its non-letter.

    The same runs as ``(?<![^\W\d_])(?:trie)(?![^\W\d_])`` on the lowercased text; starting with
    the character before the run (a set) lets ``re`` skip letters quickly.
    """
    index, _ = _gazetteer()
    return re.compile(_NON_LETTER_LOW + r"(?:" + trie_pattern(sorted(index)) + r")(?![^\W\d_])")


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Gazetteer places in ``text[start:end]``; "Kharkiv region/oblast" -> the oblast, else the city.

    Whole-word, case-insensitive match of every variant spelling (longest variant first).
    """
    index, table = _gazetteer()
    end = len(text) if end is None else end
    low = text[start:end].lower()
    if len(low) == end - start:  # only letter runs that start a variant (speed; same result)
        firsts = [start + w.start() for w in _first_words().finditer(" " + low)]
    else:  # lowercasing changed offsets: look every letter run up
        firsts = [t.start() for t in _TOKEN.finditer(text, start, end)]
    out = []
    done = start
    for first in firsts:
        if first < done:
            continue
        toks = _TOKEN.finditer(text, first, end)
        tok = next(toks)
        cands = index.get(tok.group(0).lower())
        if not cands:
            continue
        following = [tok]
        hit = None
        for variant, n in cands:
            while len(following) < n:
                nxt = next(toks, None)
                if nxt is None:
                    break
                following.append(nxt)
            if len(following) < n:
                continue
            v_end = following[n - 1].end()
            if text[tok.start() : v_end].lower() == variant and (v_end >= len(text) or not text[v_end].isalnum()):
                hit = (variant, n, v_end)
                break
        if hit is None:
            continue
        variant, n, v_end = hit
        done = following[n - 1].end()
        kinds = table[variant]
        after = text[v_end : v_end + 20]
        if variant in _CAPITALS and _METONYMY.match(after):
            continue  # "Moscow's invasion", "Kyiv maintained": the government, not the place
        if "oblast" in kinds and _ADMIN_SUFFIX.match(after):
            entry = kinds["oblast"]
        else:
            entry = next(kinds[k] for k in ("city", "town", "village", "country", "oblast") if k in kinds)
        out.append(Place(*entry, tok.start(), v_end))
    return out


def best_place(places: list[Place]) -> Place | None:
    """The most specific place (village/town/city < oblast < country), first in text on ties."""
    if not places:
        return None
    return min(places, key=lambda p: (_KIND_RANK.get(p.kind, 3), p.start))


@functools.lru_cache(maxsize=4096)
def place_entry(name: str) -> Place | None:
    """The gazetteer entry of a normalised place ``name`` (as in ``events.place``), offsets 0."""
    _, table = _gazetteer()
    for kinds in table.values():
        for entry in kinds.values():
            if entry[0] == name:
                return Place(*entry, 0, 0)
    return None
