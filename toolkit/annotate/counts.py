"""Counts of people and things in conflict news, typed like GDELT GKG 2.1 ``Counts``.

Method: the GKG 2.1 Counts field (GDELT GKG 2.1 codebook, "V1COUNTS"/"V2.1COUNTS":
``COUNTTYPE#NUMBER#OBJECTTYPE#...``) records "a number of people affected in a
certain way" (KILL, WOUND, ARREST, KIDNAP, AFFECT, EVACUATE, DISPLACED, PROTEST,
...). Here every number written in the text (digits "1,212", "1.5 million";
words "three", "twenty-five", "a dozen"; vague quantities "dozens", "hundreds",
"tens of thousands", "several"; and "a/an" before a person noun, "a civilian was
killed") is matched by one alternation, so a number span can give at most one
row. Its type comes from, in order:

1. the counted object: drones -> DRONES, missiles/rockets -> MISSILES; bodies/remains of
   soldiers in a sentence about returning them -> REPATRIATED_REMAINS; prisoners being
   released/exchanged -> PRISONERS_RELEASED;
2. a verb right before it ("killing 3", "wounding 64 others", "death toll rose to 10");
3. a verb after its noun phrase ("3 people were killed", "64 people had been wounded",
   "2 dead", "resulting in 2 fatalities").

Numbers with none of these are not counts (GKG does the same). Modifiers give bounds:
"at least 5" (low 5, open high), "more than 100", "up to 20" (high 20), "nearly 50",
"about 40" (approximate). Vague words get bounds (dozens 24..99, hundreds 200..999, ...);
ACLED's own conversion of vague words into fatalities ("tens" = 10, "dozens" = 12,
"hundreds" = 100, ACLED FAQ on fatalities) is in :data:`ACLED_VAGUE`.

Each count is linked to an event mention of :mod:`toolkit.annotate.events`: the
compatible mention in its sentence, else the nearest compatible one before it in the
article. A repeated mention of the same figure ("killing three people ... Three people
were confirmed killed") is a separate number span and therefore a separate row with the
same event link; :mod:`toolkit.aggregate` de-duplicates such repeats. ``negated`` /
``hedged`` use the same NegEx-style cue window as the events (the 8 words before the
number, inside its clause): "pledged to return the remains of 6,000" is hedged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from toolkit import schema
from toolkit.annotate import events as ev_mod
from toolkit.annotate._eventlex import (
    NON_WORD_LOW,
    SentenceLocator,
    case_folds_simply,
    clause_start,
    cue_before,
    lowercase_variant,
    split_alternatives,
    trie_pattern,
)
from toolkit.annotate.sentences import _check_columns

COUNT_TYPES: tuple[str, ...] = (
    "KILL", "WOUND", "ARREST", "KIDNAP", "AFFECT", "EVACUATE", "DISPLACED", "PROTEST",
    "REPATRIATED_REMAINS", "PRISONERS_RELEASED", "DRONES", "MISSILES",
)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "mln": 1_000_000, "bn": 1_000_000_000}
# vague quantity -> (number, low, high)
_VAGUE = {
    "a dozen": (12, 12, 12), "dozen": (12, 12, 12), "dozens": (24, 24, 99), "scores": (40, 40, 99),
    "tens": (20, 20, 99), "a few": (3, 2, 5), "several": (3, 3, 9), "a couple of": (2, 2, 3),
    "a handful of": (3, 2, 5), "hundreds": (200, 200, 999), "thousands": (2000, 2000, 9999),
    "tens of thousands": (20000, 20000, 99999), "hundreds of thousands": (200000, 200000, 999999),
    "millions": (2_000_000, 2_000_000, math.nan),
}
#: ACLED's coding of vague fatality figures (ACLED FAQ "Fatalities": tens=10, dozens=12, hundreds=100).
ACLED_VAGUE = {"tens": 10, "dozens": 12, "a dozen": 12, "dozen": 12, "hundreds": 100,
               "thousands": 1000, "tens of thousands": 10000, "several": 3, "a few": 3, "a couple of": 2,
               "a handful of": 3, "scores": 20}

_WORDNUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if _UNITS[k] and _UNITS[k] < 10) + r"))?"
            r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")")
_PERSON = (r"(?:civilians?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|soldiers?|servicem[ae]n|serviceman|persons?"
           r"|residents?|teenagers?|pensioners?|volunteers?|policem[ae]n|police\s+officers?|officers?|drivers?"
           r"|workers?|medics?|paramedics?|rescuers?|journalists?|farmers?|fishermen|fisherman|employees?"
           r"|members?|fighters?|militants?|people|individuals?|infants?|toddlers?|babies|baby|guards?|priests?"
           r"|teachers?|doctors?|nurses?|miners?|electricians?|deminers?|sappers?|pilots?|sailors?|marines?|citizens?"
           r"|officials?|collaborators?|victims?|elderly\s+(?:man|woman|couple)|couple|family|relatives?|passengers?|staff"
           r"|prisoners?|POWs?|captives?|hostages?)")
_SINGULAR = (r"(?:civilian|man|woman|child|boy|girl|soldier|serviceman|person|resident|teenager|pensioner|volunteer"
             r"|policeman|police\s+officer|officer|driver|worker|medic|paramedic|rescuer|journalist|farmer|fisherman"
             r"|employee|official|priest|teacher|doctor|nurse|deminer|sapper|pilot|victim|collaborator|mayor|head"
             r"|son|daughter|wife|husband|mother|father|brother|sister|grandson|granddaughter|grandmother|grandfather"
             r"|neighbou?r|friend|colleague|passenger|partner)")
_NUMBER = re.compile(
    r"(?<![\w.,/-])(?:"
    r"(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|a\s+couple\s+of|a\s+handful\s+of|a\s+dozen|dozens|hundreds|thousands|millions|several|a\s+few|scores|tens)"
    r"|(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?:\s*(?P<dscale>million|thousand|billion|mln|bn)\b)?"
    r"|(?P<words>(?:a|one|" + _WORDNUM + r")(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?" + _WORDNUM + r")?)"
    r"|" + _WORDNUM + r")(?:\s+(?P<wscale>million|thousand))?"
    r"|(?P<article>an?)(?=\s+(?:[\w-]+\s+){0,3}?" + _PERSON + r"\b)"
    r"|(?P<definite>the|his|her|their)(?=\s+(?:[\w-]+\s+){0,2}?" + _SINGULAR + r"(?:,\s+[^,.;]{1,40},)?"
    r"(?:\s+and\s+(?:the|his|her|their|a|an)\s+(?:[\w-]+\s+){0,1}?[\w-]+)?"
    r"\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|had\s+been\s+|later\s+|also\s+|reportedly\s+|both\s+|fatally\s+|mortally\s+|seriously\s+){0,3}"
    r"(?:killed|died|wounded|injured|detained|arrested|abducted|kidnapped)\b)"
    r")(?![\w-]*year)(?!\.\d)(?![\w])",
    re.I,
)
_NOT_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:-|\s)?(?:year|years?\s+old|yo\b|%|per\s?cent|percent|km|kilomet|met(?:er|re)s?|miles?|kg|tons?|tonnes?"
    r"|hours?|days?|weeks?|months?|years?|minutes?|seconds?|a\.m|p\.m|am\b|pm\b|times|st\b|nd\b|rd\b|th\b|GMT|UTC"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|[:/]\d|"
    r"(?:US\s+)?dollars|euros?|hryvnias?|rubles?|roubles?|UAH|USD|EUR|mm\b|cm\b|degrees|square|sq\b|points?|votes?|seats?))",
    re.I,
)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|number|Resolution|Article|Kh|S|Su|Tu|MiG|Mi|Ka|Tor|Buk|T|UAH|USD|page|p|room"
    r"|Brigade|Battalion|Regiment|Corps)|[$€£])\.?\s*-?$|[-#$€£]$",
)
_MODIFIER = re.compile(
    r"(?P<mod>at\s+least|no\s+fewer\s+than|not\s+less\s+than|no\s+less\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of"
    r"|in\s+excess\s+of|up\s+to|as\s+many\s+as|nearly|almost|close\s+to|about|around|approximately|roughly|some"
    r"|an\s+estimated|estimated|fewer\s+than|less\s+than|under|at\s+most|just\s+over|just\s+under|a\s+total\s+of|another|an\s+additional)\s+$",
    re.I,
)

_DRONE = re.compile(r"\b(?:drones?|UAVs?|Shaheds?|Gerans?|quadcopters?|loitering\s+munitions?)\b", re.I)
_MISSILE = re.compile(r"\b(?:missiles?|rockets?|Iskanders?|Kinzhals?|Kalibrs?|projectiles?)\b", re.I)
_REMAINS = re.compile(r"\b(?:bodies|body|remains|corpses)\b", re.I)
_RETURN_CUE = re.compile(r"\b(?:return\w*|repatriat\w*|hand\w*\s+over|transferr?\w*|receiv\w*|exchang\w*|swap\w*|brought\s+back)\b", re.I)
_PRISONER = re.compile(r"\b(?:prisoners?|POWs?|captives?|detainees|servicem[ae]n|defenders|soldiers|civilians|people|Ukrainians|Russians|children)\b", re.I)
_RELEASE_CUE = re.compile(r"\b(?:releas\w*|freed|free|exchang\w*|swap\w*|return\w*|brought\s+home|came\s+home|come\s+home)\b", re.I)

# verb right before the number (possibly with a modifier in between, handled by stripping it)
_LEFT = re.compile(
    r"(?P<v>killing|killed|kills|kill|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|executed|executing|murdered|murdering|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|took\s+the\s+lives\s+of|(?:death|casualty)\s+toll\b[^.;]{0,80}?(?:rose|climbed|increased|risen|grown|grew|jumped|reached|hit)\s+to|(?:death|casualty)\s+toll\s+(?:\w+\s+){0,3}?(?:to|at|of|reached|stands\s+at|stood\s+at|is|was|hit)"
    r"|wounding|wounded|injuring|injured|injures|wounds|hurting|maiming"
    r"|arresting|arrested|detaining|detained|apprehended|abducting|abducted|kidnapping|kidnapped|captured|capturing|took|taking"
    r"|evacuating|evacuated|evacuation\s+of|displacing|displaced|releasing|released|freeing|freed|exchanging|exchanged|swapped|returning|returned|repatriated"
    r"|launched|launching|fired|firing|shot\s+down|intercepted|downed|destroyed|used|using|sent|with)\s+$",
    re.I,
)
_LEFT_TYPE = [
    # "shot down 23 of 31 drones" downs aircraft, not people: only "shot dead" / "shot and killed"
    (re.compile(r"^(?:kill|claim|took\s+the|death|casualty|shot(?!\s+down)|shooting(?!\s+down)|gunned|execut|murder)",
                re.I), "KILL"),
    (re.compile(r"^(?:wound|injur|hurt|maim)", re.I), "WOUND"),
    (re.compile(r"^(?:arrest|detain|apprehend)", re.I), "ARREST"),
    (re.compile(r"^(?:abduct|kidnap|captur|took|taking)", re.I), "KIDNAP"),
    (re.compile(r"^(?:evacuat)", re.I), "EVACUATE"),
    (re.compile(r"^(?:displac)", re.I), "DISPLACED"),
    (re.compile(r"^(?:releas|free|exchang|swap|return|repatriat)", re.I), "RELEASE"),
]
# noun phrase after the number, then a verb / predicate
_OBJ_WORD = r"(?:(?!(?:were|was|are|is|have|has|had|been|being|and|or|but|in|on|at|of|who|that|which|from|to|by|with|as|after|during|while|when|killed|wounded|injured|died|dead|reportedly|also|later|said|reported)\b)[A-Za-z0-9][\w'’-]*)"
_RIGHT = re.compile(
    r"^(?P<obj>(?:\s+" + _OBJ_WORD + r"){0,4}?)"
    r"(?:\s+(?:of\s+them|of\s+whom|in\s+total|in\s+all|of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s+(?:were|was|have|had)\b)))?"
    r"(?:,\s+[^,.;]{1,50},)?"
    r"(?:\s+and\s+(?:the|his|her|their|a|an)\s+(?:[\w'’-]+\s+){0,1}?[\w'’-]+)?"
    r"(?:\s+(?:who|that))?"
    r"(?:\s+(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|later|confirmed|allegedly|subsequently|all|each|both"
    r"|reported|now|believed|feared|presumed|to|be|seriously|severely|fatally|critically|slightly|lightly|mortally|officially|already|then|were\s+being)){0,4}"
    r"\s+(?P<v>(?:sustained|suffered|received)\s+(?:\w+\s+)?(?:injuries|wounds)|got\s+(?:injured|wounded)|killed|dead|died|deaths?|fatalities|fatality|perished|lost\s+(?:their|his|her)\s+lives|were\s+killed|wounded|injured|injuries|hurt"
    r"|casualties\s+(?:among|were\s+killed)|arrested|detained|apprehended|abducted|kidnapped|taken\s+(?:captive|hostage|prisoner)|hostages|captured"
    r"|evacuated|displaced|fled|homeless|released|freed|returned|exchanged|swapped|came\s+home|brought\s+home"
    r"|protested|rallied|gathered|demonstrated|marched|protesters|demonstrators)\b",
    re.I,
)
_RIGHT_TYPE = [
    (re.compile(r"^(?:killed|dead|died|death|fatalit|perished|lost|were\s+killed|casualties)", re.I), "KILL"),
    (re.compile(r"^(?:wounded|injured|injuries|hurt|sustained|suffered|received|got)", re.I), "WOUND"),
    (re.compile(r"^(?:arrested|detained|apprehended)", re.I), "ARREST"),
    (re.compile(r"^(?:abducted|kidnapped|taken|hostages|captured)", re.I), "KIDNAP"),
    (re.compile(r"^(?:evacuated)", re.I), "EVACUATE"),
    (re.compile(r"^(?:displaced|fled|homeless)", re.I), "DISPLACED"),
    (re.compile(r"^(?:released|freed|returned|exchanged|swapped|came|brought)", re.I), "RELEASE"),
    (re.compile(r"^(?:protest|rallied|gathered|demonstrat|marched)", re.I), "PROTEST"),
]
# ", including 6 children," / ", a 62-year-old man," between a counted noun phrase and its verb
# the comma first (a literal: fast scan), then "(?<=\w,)": same matches as "(?<=\w),"
_APPOSITIVE = re.compile(r",(?<=\w,)\s+(?:including|among\s+them|among\s+whom|a|an|aged|both|all)\b[^,.;()]{1,60},(?=\s+(?:\w+\s+){0,3}?(?:were|was|had|have|has|died|killed|wounded|injured|dead)\b)", re.I)
_PHRASE_END = re.compile(r"[.;:,()\"“”]")
_FATALLY = re.compile(r"\b(?:fatally|mortally)\b", re.I)
_BODIES_OF = re.compile(r"(?:bodies|body|remains|corpses?)\s+of\s+(?:the\s+)?$", re.I)
_HEAD = re.compile(r"^(?:\s+" + _OBJ_WORD + r"){1,4}")
_HEAD_NOUN = re.compile(
    r"(?i)^(?:" + _PERSON + r"|others|victims|prisoners?|POWs?|captives?|detainees|hostages|bodies|remains|corpses|drones?"
    r"|UAVs?|Shaheds?|missiles?|rockets?|projectiles?|Ukrainians|Russians|families|households|suspects|saboteurs"
    r"|collaborators|agents|spies|protesters|demonstrators|activists|defenders|troops|deaths?|fatalities|injuries"
    r"|casualties|refugees|evacuees|IDPs|tanks?|vehicles?|aircraft|helicopters?|homes|houses|buildings|settlements)$"
)

_HEAD_NOUN_LOW = lowercase_variant(re.compile(_HEAD_NOUN.pattern.removeprefix("(?i)"), re.I))  # same words

def _object(after: str) -> str | None:
    """The counted noun phrase at the start of ``after``: words up to the first head noun."""
    head = _HEAD.match(after)
    if not head:
        return None
    words = head.group(0).split()
    for i, w in enumerate(words):
        word = w.strip("'’")
        low = word.lower()
        if _HEAD_NOUN_LOW.match(low) if case_folds_simply(low, word) else _HEAD_NOUN.match(word):
            return " ".join(words[: i + 1])
    return None

_COMPATIBLE = {
    "KILL": ev_mod.VIOLENT, "WOUND": ev_mod.VIOLENT, "AFFECT": ev_mod.VIOLENT,
    "KIDNAP": frozenset({ev_mod.ABDUCT, ev_mod.CLASH}), "ARREST": frozenset({ev_mod.ARREST, ev_mod.PROTEST_I}),
    "REPATRIATED_REMAINS": frozenset({ev_mod.REMAINS}), "PRISONERS_RELEASED": frozenset({ev_mod.POW, ev_mod.AGREE}),
    "DRONES": frozenset({ev_mod.AIR, ev_mod.DISRUPT}), "MISSILES": frozenset({ev_mod.SHELL, ev_mod.DISRUPT, ev_mod.AIR}),
    "PROTEST": frozenset({ev_mod.PROTEST, ev_mod.PROTEST_I}),
    "EVACUATE": frozenset(ev_mod.EVENT_TYPES), "DISPLACED": frozenset(ev_mod.EVENT_TYPES),
}


class _Linked(NamedTuple):
    """What linking reads of an event mention (a light stand-in for ``EventMention``)."""

    start: int
    end: int
    event_type: str


@dataclass(frozen=True)
class Count:
    """One typed number found in a text; ``text[start:end]`` is the number as written."""

    start: int
    end: int
    count_type: str
    number: float
    number_low: float
    number_high: float
    approximate: bool
    object: str | None
    negated: bool
    hedged: bool
    vague: str | None = None
    event_id: int | None = None


def parse_number(m: re.Match[str]) -> tuple[float, float, float, bool, str | None] | None:
    """``(number, low, high, approximate, vague_word)`` of a :data:`_NUMBER` match."""
    if m.group("vague"):
        key = re.sub(r"\s+", " ", m.group("vague").lower())
        n, lo, hi = _VAGUE[key]
        return float(n), float(lo), float(hi), True, key
    if m.group("digits"):
        n = float(m.group("digits").replace(",", "") + (m.group("frac") or ""))
        if m.group("dscale"):
            n *= _SCALES[m.group("dscale").lower()]
        return n, n, n, False, None
    if m.group("article") or m.group("definite"):  # "a civilian", "the driver", "his wife": one person
        return 1.0, 1.0, 1.0, False, None
    words = m.group("words")
    if not words:
        return None
    total, current = 0, 0
    for w in re.findall(r"[a-z]+", words.lower()):
        if w in ("a", "one") and current == 0:
            current = 1
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current *= 100
        elif w in ("thousand", "million"):
            total += current * _SCALES[w]
            current = 0
    n = float(total + current)
    if m.group("wscale"):
        n *= _SCALES[m.group("wscale").lower()]
    return n, n, n, False, None


def _apply_modifier(mod: str | None, n: float, lo: float, hi: float, approx: bool):
    if not mod:
        return lo, hi, approx
    mod = re.sub(r"\s+", " ", mod.lower())
    if mod in ("at least", "no fewer than", "not less than", "no less than", "a minimum of", "more than",
               "over", "upwards of", "in excess of", "just over"):
        return n, math.nan, approx
    if mod in ("up to", "as many as", "at most", "fewer than", "less than", "under", "just under"):
        return math.nan, n, approx
    if mod in ("nearly", "almost", "close to"):
        return math.nan, n, True
    if mod in ("a total of", "another", "an additional"):
        return lo, hi, approx
    return math.nan, math.nan, True  # about, around, approximately, roughly, some, estimated


_COORDINABLE = frozenset({"KILL", "WOUND", "ARREST", "KIDNAP"})
# the gap between two coordinated counts: "2 soldiers and ", "a man and "
_COORD = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:and|as\s+well\s+as)\s+", re.I)
_PERSON_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?" + _PERSON + r"\b", re.I)


def _at_word_start(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` tried only where a word starts (after whitespace or at the string start)."""
    return re.compile(r"(?<!\S)(?:" + pattern.pattern + ")", pattern.flags)


_MODIFIER_W = _at_word_start(_MODIFIER)
_LEFT_W = _at_word_start(_LEFT)
# for lowercased text (``case_folds_simply``): same spans, faster
_MODIFIER_W_LOW = lowercase_variant(_MODIFIER_W)
_LEFT_W_LOW = lowercase_variant(_LEFT_W)
_RIGHT_LOW = lowercase_variant(_RIGHT)
_BODIES_OF_LOW = lowercase_variant(_BODIES_OF)


def _search_tail(pattern: re.Pattern[str], s: str, width: int) -> re.Match[str] | None:
    """``pattern`` (made by :func:`_at_word_start`) searched in the last ``width`` characters."""
    return pattern.search(s, max(0, len(s) - width))


def _group_body(pattern: re.Pattern[str], name: str | None = None) -> str:
    """The source of ``pattern``'s group ``name`` (default: its first named group), without parentheses."""
    src = pattern.pattern
    start = src.index(">", src.index("(?P<" if name is None else f"(?P<{name}>")) + 1
    depth, end = 1, start
    while depth:
        depth += {"(": 1, ")": -1}.get(src[end], 0) if src[end - 1] != "\\" else 0
        end += 1
    return src[start : end - 1]


def _last_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """The words that the alternatives of ``pattern``'s one named group can end with (lowercase).

    Each alternative ends with a word (``killed``, ``shot\\s+dead``) or a group of words
    (``(?:to|at|stands\\s+at)``), led by whitespace or by the match start; anything else raises.
    """
    words: set[str] = set()
    for alt in split_alternatives(_group_body(pattern)):
        # a final group of words after whitespace (or "\s+(?:\w+\s+){0,3}?": whitespace too)
        group = re.fullmatch(r".*?(?:^|\\s\+(?:\(\?:\\w\+\\s\+\)\{\d+,\d+\}\??)?)\(\?:([a-z|\\s+]+)\)", alt)
        for option in (group.group(1).split("|") if group else [alt]):
            word = option.split(r"\s+")[-1]
            if not re.fullmatch(r"[a-z]+", word) or not (group or re.fullmatch(r"(?:.*\\s\+)?[a-z]+", alt)):
                raise ValueError(f"cannot read the last word of {alt!r}")
            words.add(word)
    return frozenset(words)


# A match of _MODIFIER_W / _LEFT_W ends with one of these words and then whitespace: the last word
# of a text is checked against them (a set look-up) before the pattern runs (same matches).
_MODIFIER_LAST = _last_words(_MODIFIER)
_LEFT_LAST = _last_words(_LEFT)


def _leading_words(pattern: re.Pattern[str], name: str) -> frozenset[str]:
    """What each alternative of ``pattern``'s group ``name`` starts with, literally (lowercase).

    An alternative starts with letters (``killed``, ``death`` of ``deaths?``) or a group of words
    (``(?:sustained|suffered)``); anything else raises.
    """
    words: set[str] = set()
    for alt in split_alternatives(_group_body(pattern, name)):
        group = re.match(r"\(\?:([a-z|]+)\)", alt)
        lead = re.match(r"[a-z]+(?![?*+{])", alt)
        if not (group or lead):
            raise ValueError(f"cannot read the first word of {alt!r}")
        words.update(group.group(1).split("|") if group else [lead.group(0)])
    return frozenset(words)


# Every _RIGHT match holds one of these at its verb: a trie search on the (short) phrase after
# the number decides cheaply that _RIGHT cannot match (same matches)
_RIGHT_VERB_START = re.compile(trie_pattern(sorted(_leading_words(_RIGHT, "v"))))


def _tail_word(s: str) -> str:
    """The last word of ``s`` when whitespace ends it (what a ``...\\s+$`` match ends on), else ``""``."""
    if not s or not s[-1].isspace():
        return ""
    words = s.rsplit(None, 1)
    return words[-1] if words else ""


# patterns of _type_of (precompiled)
_PROTESTERS = re.compile(r"(?i)(?:protesters|demonstrators)$")
_DEATH_NOUN = re.compile(r"(?i)(?:deaths?|fatalit|dead\b)")
_INJURY_NOUN = re.compile(r"(?i)(?:injur|wounded)")
# what can be destroyed or lost but is no casualty: materiel, animals, goods
_MATERIEL_WORDS = (r"\b(?:tanks?|vehicles?|aircraft|helicopters?|positions?|targets?"
                   r"|animals?|livestock|cattle|cows|pigs|sheep|poultry|chickens|birds|dolphins|fish"
                   r"|barrels?|tons?|tonnes?|dollars|euros|hryvnias?|rubles?|roubles?)\b")
_MATERIEL = re.compile(_MATERIEL_WORDS, re.I)
_MATERIEL_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?" + _MATERIEL_WORDS, re.I)
# a figure placed in history by its sentence: a named past war or famine
_HISTORY = re.compile(r"\b(?:World\s+War|(?:First|Second)\s+World|Great\s+Patriotic\s+War|Holodomor|Holocaust"
                      r"|Nazi\s+(?:occupation|Germany)|Siege\s+of\s+Leningrad|Battle\s+(?:of|for)\s+(?:Stalingrad|the\s+Dnieper|Kursk|Moscow)"
                      # the USSR ended in 1991: the tolls of its citizens and soldiers are history; the
                      # Soviet Union itself is named in comparisons and anniversaries of the present
                      # ("more than the Soviet Union lost", "independence from the Soviet Union")
                      r"|(?<!post-)(?<!ex-)Soviet\s+(?:citizens|people|soldiers|troops|army|Army)"
                      r"|Red\s+Army|Wehrmacht|Third\s+Reich)")
# a word every _HISTORY match contains: a cheap test before the pattern runs on a whole text
_HISTORY_WORDS = ("World", "Patriotic", "Holodomor", "Holocaust", "Nazi", "Siege", "Battle", "Soviet", "Red",
                  "Wehrmacht", "Reich")
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?!\d|,\d)")
HISTORY_YEARS = 10
_PEOPLE_OBJ = re.compile(_PERSON + r"|others|Ukrainians|Russians|families|those|them|suspects|saboteurs|collaborators|agents|spies|protesters|activists", re.I)


def is_historical(sentence: str, *, year: int | None, previous: str = "") -> bool:
    """Whether ``sentence`` places its figures in history.

    True when it names a past war or famine (World War II, the Great Patriotic War, the
    Holodomor, ...), or when every year written in it lies more than ``HISTORY_YEARS`` before
    ``year`` (the dateline's year; ``None``: only the names count). A name in the
    ``previous`` sentence counts too ("... what our ancestors did in World War II. Where
    eight million Ukrainians died."), unless this sentence writes a recent year. A casualty
    figure from 1941 is a fact of history, not a report of the war the article is about.
    """
    years = [int(y) for y in _YEAR_IN_TEXT.findall(sentence)]
    recent = year is not None and any(y >= year - HISTORY_YEARS for y in years)
    if _HISTORY.search(sentence) or (previous and not recent and _HISTORY.search(previous)):
        return True
    return bool(years) and not recent and year is not None


_PERSON_HEAD = re.compile(r"(?i)\b" + _PERSON + r"$")


def _type_of(text: str, m: re.Match[str], sent: tuple[int, int],
             low: str | None = None) -> tuple[str | None, str | None]:
    """``(count_type, object)`` of the number match ``m``.

    ``low``: ``text.lower()`` when ``case_folds_simply`` (the verb patterns then read it: faster).
    """
    after = _APPOSITIVE.sub("", text[m.end() : min(sent[1], m.end() + 160)], count=1)
    after = _PHRASE_END.split(after, maxsplit=1)[0] if not m.group("vague") else after.split(";")[0]
    if m.group("vague") and after.lower().startswith(" of"):
        after = after[3:]
    obj = _object(after)
    before = text[max(sent[0], m.start() - 120) : m.start()]
    # lowercase slices of a text that folds simply fold simply: same spans with the variants
    before_l = None if low is None else low[max(sent[0], m.start() - 120) : m.start()]
    # (lowercased) the last word must end a modifier / verb before the patterns can match there
    last = None if before_l is None else _tail_word(before_l)
    if before_l is None:
        mod = _search_tail(_MODIFIER_W, before, 32)
    else:
        mod = _search_tail(_MODIFIER_W_LOW, before_l, 32) if last in _MODIFIER_LAST else None
    core_before = before[: mod.start()] if mod else before
    core_before_l = None if before_l is None else before_l[: mod.start()] if mod else before_l
    obj_l = obj or ""
    # 1. the object
    if obj and _DRONE.search(obj_l):
        return "DRONES", obj
    if obj and _MISSILE.search(obj_l):
        return "MISSILES", obj
    if (obj and _REMAINS.search(obj_l)) or (
        _BODIES_OF.search(core_before, max(0, len(core_before) - 30)) if core_before_l is None
        else _BODIES_OF_LOW.search(core_before_l, max(0, len(core_before) - 30))
    ):
        if _RETURN_CUE.search(text[sent[0] : sent[1]]):
            return "REPATRIATED_REMAINS", obj or (re.search(r"(bodies|remains|corpses)", core_before, re.I).group(1))
        return "KILL", obj
    # 2. verb before
    if core_before_l is None:
        lm = _search_tail(_LEFT_W, core_before, 45)
    else:
        if mod:
            last = _tail_word(core_before_l)
        lm = _search_tail(_LEFT_W_LOW, core_before_l, 45) if last in _LEFT_LAST else None
    if lm is None and "toll" in core_before:
        lm = _LEFT.search(core_before)
    vtype = None
    if lm:
        verb = lm.group("v")
        for pat, t in _LEFT_TYPE:
            if pat.match(verb):
                vtype = t
                break
    # 3. verb after
    if vtype is None:
        if low is None:
            rm = _RIGHT.match(after)
        else:
            after_l = after.lower()
            rm = _RIGHT_LOW.match(after_l) if _RIGHT_VERB_START.search(after_l) else None
        if rm:
            verb = rm.group("v")  # lowercase from the variant: only typed by re.I patterns below
            obj = _object(after[rm.start("obj") : rm.end("obj")]) or obj
            if _PROTESTERS.match(verb):
                obj = verb
                vtype = "PROTEST"
            else:
                for pat, t in _RIGHT_TYPE:
                    if pat.match(verb):
                        vtype = t
                        break
                if vtype == "WOUND" and _FATALLY.search(rm.group(0)):
                    vtype = "KILL"  # "fatally / mortally wounded"
    if vtype is None and obj and _DEATH_NOUN.match(obj):
        vtype = "KILL"
    if vtype is None and obj and _INJURY_NOUN.match(obj):
        vtype = "WOUND"
    if vtype == "RELEASE":
        if _PRISONER.search(obj_l or "") or (obj is None and _PRISONER.search(text[sent[0] : sent[1]])):
            return "PRISONERS_RELEASED", obj
        return None, obj
    if vtype == "PROTEST" and m.group("article"):
        return None, obj
    if m.group("article") and not (obj and _PERSON_HEAD.search(obj)):
        return None, obj  # "a strike killed 27 people": the article counts a person, not "a strike"
    if vtype in {"ARREST", "KIDNAP", "EVACUATE", "DISPLACED"} and obj and not _PEOPLE_OBJ.search(obj):
        return None, obj
    if vtype in ("KILL", "WOUND") and (_MATERIEL.search(obj) if obj else _MATERIEL_AFTER.match(after)):
        return None, obj  # materiel, animals, goods: no casualties
    return vtype, obj


_NUM_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")
_NUM_WORDS = frozenset([*_UNITS, *_TENS, "tens", "hundreds", "thousands", "millions", "dozens", "several", "scores"])
_PERSON_WORD = re.compile(r"(?i)" + _PERSON + r"$")
_SINGULAR_WORD = re.compile(r"(?i)" + _SINGULAR + r"$")
_A_VAGUE = frozenset({"few", "dozen", "handful", "couple", "hundred", "thousand", "million"})
_THE_GUARD = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _SINGULAR + r"\b", re.I)
_NEAR_VERBS = ("killed", "died", "wounded", "injured", "detained", "arrested", "abducted", "kidnapped")
_NEAR_VERB = re.compile("|".join(_NEAR_VERBS), re.I)


def _has_near_verb(low: str) -> bool:
    """Whether lowercased text holds one of :data:`_NEAR_VERBS` (once per text)."""
    return any(verb in low for verb in _NEAR_VERBS)


# The words of _PERSON, one by one ("police officers", "elderly man": their last word), as a
# trie for the candidate scan (a superset of _PERSON's matches: one more skipped word allowed).
_PERSON_WORDS = [
    "civilian", "civilians", "man", "men", "woman", "women", "child", "children", "boy", "boys", "girl",
    "girls", "soldier", "soldiers", "serviceman", "servicemen", "person", "persons", "resident",
    "residents", "teenager", "teenagers", "pensioner", "pensioners", "volunteer", "volunteers",
    "policeman", "policemen", "officer", "officers", "driver", "drivers", "worker", "workers", "medic",
    "medics", "paramedic", "paramedics", "rescuer", "rescuers", "journalist", "journalists", "farmer",
    "farmers", "fishermen", "fisherman", "employee", "employees", "member", "members", "fighter",
    "fighters", "militant", "militants", "people", "individual", "individuals", "infant", "infants",
    "toddler", "toddlers", "babies", "baby", "guard", "guards", "priest", "priests", "teacher",
    "teachers", "doctor", "doctors", "nurse", "nurses", "miner", "miners", "electrician",
    "electricians", "deminer", "deminers", "sapper", "sappers", "pilot", "pilots", "sailor", "sailors",
    "marine", "marines", "citizen", "citizens", "official", "officials", "collaborator",
    "collaborators", "victim", "victims", "couple", "family", "relative", "relatives", "passenger",
    "passengers", "staff", "prisoner", "prisoners", "pow", "pows", "captive", "captives", "hostage",
    "hostages",
]
_SINGULAR_WORDS = ["civilian", "man", "woman", "child", "boy", "girl", "soldier", "serviceman", "person", "resident", "teenager", "pensioner", "volunteer", "policeman", "police", "officer", "driver", "worker", "medic", "paramedic", "rescuer", "journalist", "farmer", "fisherman", "employee", "official", "priest", "teacher", "doctor", "nurse", "deminer", "sapper", "pilot", "victim", "collaborator", "mayor", "head", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "grandson", "granddaughter", "grandmother", "grandfather", "neighbour", "neighbor", "friend", "colleague", "passenger", "partner"]
# Necessary conditions of a _NUMBER match, on lowercased text: after a non-word character (the
# scanned text gets a leading space), a digit not after [.,/-], a number word, "a/an" before a
# person noun or a vague/scale word, "the/his/..." before a person noun. Starting the pattern
# with the separator (one character class) lets ``re`` skip word characters quickly.
# what may follow the separator: a digit or the first letter of a word below (one set check
# rejects most separators early; a necessary condition, so the same candidates)
_CANDIDATE_FIRST = r"(?=[\d" + "".join(sorted({w[0] for w in _NUM_WORDS} | {"a", "t", "h"})) + "])"
_CANDIDATE_HEAD = (
    NON_WORD_LOW + _CANDIDATE_FIRST + r"(?:(?<![.,/-])(?=\d)|(?=(?P<w>" + trie_pattern(sorted(_NUM_WORDS)) + r"\b"
    r"|an?(?=\s+(?:[\w-]+\s+){0,4}?" + trie_pattern([*_PERSON_WORDS, "handful", "dozen", "few", "hundred", "thousand", "million"]) + r"\b)"
)
_CANDIDATE_DEFINITE = r"|(?:the|his|her|their)(?=\s+(?:[\w-]+\s+){0,2}?" + trie_pattern(_SINGULAR_WORDS) + r"\b)"
_CANDIDATE = re.compile(_CANDIDATE_HEAD + _CANDIDATE_DEFINITE + ")))")
# "the/his/her/their" candidates are used only before a _NEAR_VERB: in a text without any, they
# can be left out (the other candidates are the same, each being one separator character)
_CANDIDATE_NO_DEFINITE = re.compile(_CANDIDATE_HEAD + ")))")
_CANDIDATE_I = re.compile(_CANDIDATE.pattern, re.I)
_NUMBER_LOW = lowercase_variant(_NUMBER)
_NEAR_VERB_LOW = lowercase_variant(_NEAR_VERB)
_NOT_COUNT_AFTER_LOW = lowercase_variant(_NOT_COUNT_AFTER)


def _number_matches(text: str, low: str | None = None):
    """Same matches as ``_NUMBER.finditer(text)``, trying the pattern only at plausible tokens.

    ``low``: ``text.lower()`` if already computed. When it folds simply (``case_folds_simply``)
    the matches are those of ``_NUMBER``'s lowercase variant on it: same spans, lowercase groups.
    """
    low = text.lower() if low is None else low
    if case_folds_simply(low, text):  # re.I folds ı/ſ to i/s
        definite = _has_near_verb(low)  # can _NEAR_VERB match anywhere?
        cands = (_CANDIDATE if definite else _CANDIDATE_NO_DEFINITE).finditer(" " + low)
        number, near_verb, scanned = _NUMBER_LOW, _NEAR_VERB_LOW, low
    else:
        cands = _CANDIDATE_I.finditer(" " + text)
        number, near_verb, scanned = _NUMBER, _NEAR_VERB, text
    done = 0
    for c in cands:
        pos = c.end() - 1  # offset in text of the digit / word after the separator
        if pos < done:
            continue
        word = c.group("w")
        if word in ("the", "his", "her", "their") and not near_verb.search(scanned, pos + len(word), pos + len(word) + 120):
            continue
        m = number.match(scanned, pos)
        if m:
            done = m.end()
            yield m


# Every word that _type_of can key a count type on (object nouns, verbs before or after the
# number, death/injury nouns) contains one of these substrings: a number with none of them
# within _type_of's reach (120 characters before, 160 after) is not a count. Cheap pre-check.
_COUNT_CUES = [
    "kill", "dead", "died", "death", "fatal", "perish", "lost", "casualt", "toll", "lives", "shot",
    "gunned", "execut", "murder", "wound", "injur", "hurt", "maim", "sustain", "suffer", "receiv",
    "got", "arrest", "detain", "apprehend", "abduct", "kidnap", "captur", "took", "taking", "taken",
    "hostage", "evacuat", "displac", "fled", "homeless", "releas", "free", "exchang", "swap", "return",
    "repatriat", "came", "brought", "protest", "rall", "gather", "demonstrat", "march", "drone", "uav",
    "shahed", "geran", "quadcopter", "loitering", "missile", "rocket", "iskander", "kinzhal", "kalibr",
    "projectile", "bod", "remains", "corpse",
]
_COUNT_CUE = re.compile(trie_pattern(_COUNT_CUES))  # on lowercased text
_COUNT_CUE_I = re.compile(_COUNT_CUE.pattern, re.I)
_CUE_LONGEST = max(map(len, _COUNT_CUES))


def _has_cue(cue: re.Pattern[str], low: str, lo: int, hi: int,
             state: tuple[int, int, tuple[int, int] | None] | None):
    """``cue.search(low, lo, hi) is not None``, reusing the previous window's search.

    ``state``: ``(lo, hi, span)`` of the previous call (``lo``/``hi`` never smaller now), ``span``
    a cue fully inside that window or ``None`` when it holds none. A cue inside the old window
    that starts at or after ``lo`` lies inside the new one; if the old window held none, a cue of
    the new window starts at or after ``old_hi - _CUE_LONGEST + 1`` (else it would end by
    ``old_hi``). Returns the answer and the new state.
    """
    start = lo
    if state is not None:
        _, old_hi, span = state
        if span is not None and span[0] >= lo:
            return True, (lo, hi, span)
        if span is None:
            start = max(lo, old_hi - _CUE_LONGEST + 1)
    found = cue.search(low, start, hi)
    return found is not None, (lo, hi, found.span() if found else None)


def find_counts(
    text: str,
    *,
    mentions: list | None = None,
    locator: SentenceLocator | None = None,
) -> list[Count]:
    """Typed numbers of one text, in reading order (at most one per number span).

    Args:
        text: cleaned article text.
        mentions: event mentions of the same text (:func:`toolkit.annotate.events.find_events`),
            in order, to link counts to; ``None`` leaves ``event_id`` empty.
        locator: a shared :class:`~toolkit.annotate._eventlex.SentenceLocator`.

    Returns:
        :class:`Count` records.
    """
    if not text:
        return []
    loc = locator or SentenceLocator(text)
    out: list[Count] = []
    low = text_low = text.lower()
    lowered = low if case_folds_simply(low, text) else None  # for the lowercase variants
    not_count_after = _NOT_COUNT_AFTER if lowered is None else _NOT_COUNT_AFTER_LOW
    numbers = _number_matches(text, low)  # groups lowercase when ``lowered`` (parse_number lowercases)
    cue = _COUNT_CUE
    if len(low) != len(text):  # lowercasing moved offsets: the cue scan reads the text itself
        low, cue = text, _COUNT_CUE_I
    # the last cue window searched, and a cue found fully inside it (None: the window has none);
    # windows only move right, so a later search can reuse it (see _has_cue)
    cue_state: tuple[int, int, tuple[int, int] | None] | None = None
    # every check before ``out.append`` is pure, so they run cheapest first (same counts)
    for m in numbers:
        digits = m.group("digits")
        if digits and len(digits) == 4 and digits[:2] in ("19", "20") and not m.group("dscale") \
                and not m.group("frac"):
            continue  # a year
        if not_count_after.match(text if lowered is None else lowered, m.end()) or \
                _NOT_COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        has_cue, cue_state = _has_cue(cue, low, max(0, m.start() - 120), min(len(low), m.end() + 160), cue_state)
        if has_cue:
            # cheap pre-check on a window cut at line breaks; Punkt only for numbers that may count
            w_lo = text.rfind("\n", max(0, m.start() - 200), m.start()) + 1 or max(0, m.start() - 200)
            w_hi = text.find("\n", m.end(), m.end() + 200)
            w_hi = w_hi if w_hi >= 0 else min(len(text), m.end() + 200)
        if not has_cue or \
                _type_of(text, m, (w_lo, w_hi), lowered)[0] is None:
            prev = out[-1] if out else None
            if not (prev and prev.count_type in _COORDINABLE and _COORD.fullmatch(text, prev.end, m.start())
                    and _PERSON_AFTER.match(text, m.end())):
                continue
            parsed = parse_number(m)
            if parsed is None:
                continue
            n, lo, hi, approx, vague = parsed
            out.append(Count(m.start(), m.end(), prev.count_type, n, lo, hi, approx,
                             _object(text[m.end() : m.end() + 60]), prev.negated, prev.hedged, vague))
            continue
        parsed = parse_number(m)
        if parsed is None:
            continue
        sent = loc.sentence_at(m.start())
        ctype, obj = _type_of(text, m, sent, lowered)
        if ctype is None:
            continue
        n, lo, hi, approx, vague = parsed
        mod = _MODIFIER.search(text, max(sent[0], m.start() - 30), m.start())
        lo, hi, approx = _apply_modifier(mod.group("mod") if mod else None, n, lo, hi, approx)
        c_lo = clause_start(text, sent[0], m.start(), low=lowered)
        negated, hedged = cue_before(text, c_lo, m.start(), words=10)
        if ctype in ("DRONES", "MISSILES"):
            hedged = hedged and not re.search(r"(?i)\b(?:launched|fired|shot\s+down|intercepted|downed|destroyed)\b", text[c_lo : m.start()])
        out.append(Count(m.start(), m.end(), ctype, n, lo, hi, approx, obj, negated, hedged, vague))
    out = _definite_victims(text, out, text_low)
    if mentions:
        out = [_link(c, mentions) for c in out]
    return out


# "killing the driver", "wounding his wife": one person named after the verb (the number
# pattern only takes "the/his/her/their" before a verb that follows the noun)
_VERB_DEFINITE = re.compile(  # no leading \b (a literal start scans fast): the caller checks it
    r"(?P<v>killing|killed|wounding|wounded|injuring|injured|shot\s+dead|shooting\s+dead)\s+"
    r"(?P<n>the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?P<obj>" + _SINGULAR + r")\b"
    r"(?!\s+(?:population|infrastructure|areas?|objects?|targets?|facilit\w*|buildings?|sites?|vehicles?|cars?))",
)
_VERB_DEFINITE_I = re.compile(_VERB_DEFINITE.pattern, re.I)
# "She died of her injuries.": one victim named in an earlier sentence, when no death was counted yet
_PRONOUN_DIED = re.compile(r"(?P<n>She|He)\s+(?:later\s+|subsequently\s+)?(?:died|was\s+killed)\b")
# the same pattern led by each literal pronoun: ``re`` finds a literal prefix fast, "She|He" only by
# a character set (see _pronoun_died_matches)
_SHE_DIED = re.compile(_PRONOUN_DIED.pattern.replace("(?P<n>She|He)", "(?P<n>She)", 1))
_HE_DIED = re.compile(_PRONOUN_DIED.pattern.replace("(?P<n>She|He)", "(?P<n>He)", 1))


def _pronoun_died_matches(text: str) -> list[re.Match[str]]:
    """Same matches as ``_PRONOUN_DIED.finditer(text)``, in order.

    A "She ..." match never overlaps a "He ..." one (neither holds the other's capital), so
    the two literal-led scans find between them every match of the alternation.
    """
    she, he = list(_SHE_DIED.finditer(text)), list(_HE_DIED.finditer(text))
    return sorted([*she, *he], key=lambda m: m.start()) if she and he else she or he


def _find_all(s: str, sub: str):
    i = s.find(sub)
    while i >= 0:
        yield i
        i = s.find(sub, i + 1)


# "killing a man and his son": a second victim named after a counted one
_AND_RELATIVE = re.compile(
    r"\s+and\s+(?P<n>his|her|their)\s+(?:[\w-]+\s+){0,2}?(?P<obj>" + _SINGULAR + r")\b"
    r"(?!\s+(?:was|were|is|are|had|has|injured|wounded|survived|hospitali[sz]ed))",
    re.I,
)
# "a woman was injured and later died", "a man stepped on a mine and died"
_AND_DIED = re.compile(r"\band\s+(?:later\s+|subsequently\s+)?(?:died|succumbed|was\s+killed)\b")
# the same matches, led by the literal "and" (found fast) with the word start checked behind it
_AND_DIED_FAST = re.compile(r"and(?<!\wand)" + _AND_DIED.pattern.removeprefix(r"\band"))
_A_PERSON = re.compile(r"\b(?P<n>[Aa]n?)\s+(?:[\w-]+\s+){0,2}?(?P<obj>" + _SINGULAR + r")\b")


def _couple(c: Count, text: str) -> Count:
    """"an elderly couple": two people."""
    if text[c.start : c.end].lower() in ("a", "an") and c.object and c.object.lower().endswith("couple"):
        return Count(**{**c.__dict__, "number": 2.0, "number_low": 2.0, "number_high": 2.0})
    return c


def _definite_victims(text: str, out: list[Count], low: str | None = None) -> list[Count]:
    out = [_couple(c, text) for c in out]
    extra = []
    taken = [(c.start, c.end) for c in out]
    low = text.lower() if low is None else low
    if len(low) == len(text):  # the verbs' stems by str.find (fast), the pattern only there
        starts = sorted(i for stem in ("kill", "wound", "injur", "shot", "shoot") for i in _find_all(low, stem))
        scan = (m for m in (_VERB_DEFINITE.match(low, i) for i in starts) if m)
    else:
        scan = _VERB_DEFINITE_I.finditer(text)
    for m in scan:
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # not at a word start
        s, e = m.span("n")
        if any(a < e and s < b for a, b in taken):
            continue
        ctype = "KILL" if m.group("v").lower().startswith(("kill", "shot", "shooting")) else "WOUND"
        negated, hedged = cue_before(text, clause_start(text, max(0, s - 200), s), s, words=10)
        extra.append(Count(s, e, ctype, 1.0, 1.0, 1.0, False, text[m.start("obj") : m.end("obj")], negated, hedged))
    died, was_killed = "died" in text, "was killed" in text
    pronoun_scan = _pronoun_died_matches(text) if (died or was_killed) else ()
    for m in pronoun_scan:
        s, e = m.span("n")
        if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            continue
        if any(c.count_type == "KILL" and c.start < s for c in [*out, *extra]):
            continue
        if not re.search(r"(?i)\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?" + _SINGULAR + r"\b", text[max(0, s - 300) : s]):
            continue
        extra.append(Count(s, e, "KILL", 1.0, 1.0, 1.0, False, None, False, False))
    for c in [*out, *extra]:
        if c.count_type not in ("KILL", "WOUND") or not c.object:
            continue
        tail = text[c.end : c.end + 200]
        obj_at = c.end + len(tail) - len(tail.lstrip())  # the counted noun phrase, then "and his son"
        m = _AND_RELATIVE.match(text, obj_at + len(c.object)) if text.startswith(c.object, obj_at) else None
        if m and not any(a.start == m.start("n") for a in [*out, *extra]):
            extra.append(Count(m.start("n"), m.end("n"), c.count_type, 1.0, 1.0, 1.0, False, m.group("obj"),
                               c.negated, c.hedged))
    if died or was_killed or "succumbed" in text:
        for m in _AND_DIED_FAST.finditer(text):
            stop = text.rfind(". ", 0, m.start())  # the sentence so far (a cheap cut)
            lo = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, m.start()) + 1)
            before = [c for c in [*out, *extra] if lo <= c.start < m.start()]
            if before:
                wounded = before[-1]
                if wounded.count_type == "WOUND":  # "... injured and later died"
                    died_of_it = Count(**{**wounded.__dict__, "count_type": "KILL"})
                    out = [died_of_it if c is wounded else c for c in out]
                    extra = [died_of_it if c is wounded else c for c in extra]
                continue
            sm = _A_PERSON.search(text, lo, m.start())
            if sm:
                extra.append(Count(sm.start("n"), sm.end("n"), "KILL", 1.0, 1.0, 1.0, False, sm.group("obj"),
                                   False, False))
    return sorted([*out, *extra], key=lambda c: c.start) if extra else out


def _link(c: Count, mentions: list) -> Count:
    compat = _COMPATIBLE.get(c.count_type, frozenset())
    same = [i for i, e in enumerate(mentions) if e.start <= c.start < e.end]
    pick = next((i for i in same if mentions[i].event_type in compat), None)
    if pick is None:
        before = [i for i, e in enumerate(mentions) if e.start <= c.start and e.event_type in compat]
        pick = before[-1] if before else None
    if pick is None:
        return c
    return Count(**{**c.__dict__, "event_id": pick})


def counts(frame: pd.DataFrame, *, events: pd.DataFrame | None = None, link: bool = True,
           times: pd.DataFrame | None = None, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per typed number: the ``counts`` table of :mod:`toolkit.schema`.

    Args:
        frame: any frame with ``doc_id`` and ``text`` (``published`` is used for event dates when linking).
        events: the ``events`` table of the same frame, to link counts to (``event_id``);
            when omitted and ``link`` is true, event mentions are found here (built-in dates only).
        link: ``False`` skips event linking (``event_id`` stays empty).
        times: unused unless ``events`` is omitted: passed on to the event annotator.
        sentences: the ``sentences`` table of the same frame, when already computed: its
            sentences are used instead of Punkt windows (faster; pass the same table that
            ``events`` was computed with).

    Returns:
        The ``counts`` table, plus ``text`` (the number as written) and ``vague`` (the vague word).
    """
    _check_columns(frame, ("doc_id", "text"), "counts()")
    by_doc: dict = {}
    if events is not None and not events.empty:
        # each document's mentions in event_id order (a stable sort, as sort_values on both keys)
        columns = [events[c].tolist() for c in ("doc_id", "event_id", "start", "end", "event_type")]
        for doc_id, event_id, start, end, etype in zip(*columns, strict=True):
            by_doc.setdefault(doc_id, []).append((event_id, _Linked(int(start), int(end), etype)))
        for doc_id, pairs in by_doc.items():
            pairs.sort(key=lambda pair: pair[0])
            by_doc[doc_id] = [mention for _, mention in pairs]
    spans_by_doc = ev_mod.sentence_spans_by_doc(sentences) or {}
    rows = []
    breaks: dict[str, bool] = {}  # Punkt's decisions, shared by this call's sentence locators
    published = frame["published"].tolist() if "published" in frame.columns else [None] * len(frame)
    for doc_id, text, pub in zip(frame["doc_id"].tolist(), frame["text"].tolist(), published, strict=True):
        if not isinstance(text, str):
            continue
        loc = SentenceLocator(text, spans_by_doc.get(doc_id), breaks)
        if events is not None:
            mentions = by_doc.get(doc_id, [])
            loc.add_spans([(e.start, e.end) for e in mentions])
        elif link:
            dct = None if pub is None or pd.isna(pub) else pd.Timestamp(pub)
            mentions = ev_mod.find_events(text, dct=dct, dates=[], locator=loc)  # links need no dates
        else:
            mentions = []
        year = None if pub is None or pd.isna(pub) else pd.Timestamp(pub).year
        names_history: bool | None = None  # speed: most texts name no past war
        for c in find_counts(text, mentions=mentions, locator=loc):
            if names_history is None:
                names_history = any(w in text for w in _HISTORY_WORDS) and _HISTORY.search(text) is not None
            s0, s1 = loc.sentence_at(c.start)
            previous = ""
            if names_history:
                before = s0  # the previous sentence ends before the gap
                while before > 0 and text[before - 1].isspace():
                    before -= 1
                previous = text[loc.sentence_at(before - 1)[0] if before > 0 else s0 : s0]
            historical = is_historical(text[s0:s1], year=year, previous=previous)
            rows.append((doc_id, c.start, c.end, c.count_type, c.number, c.number_low, c.number_high,
                         c.approximate, c.object, c.event_id, c.negated, c.hedged, historical,
                         text[c.start : c.end], c.vague))
    cols = [*schema.columns("counts"), "text", "vague"]
    if not rows:
        out = schema.empty("counts")
        out["text"] = pd.Series(dtype="string")
        out["vague"] = pd.Series(dtype="string")
        return out
    out = pd.DataFrame(rows, columns=cols)
    out["text"] = out["text"].astype("string")
    out["vague"] = out["vague"].astype("string")
    return schema.conform(out, "counts")
