"""The time-expression patterns split for speed match exactly what the full patterns match.

``_MATCHERS`` holds, for each ASCII first character, the family alternation reduced to the
families that can start with it; ``_SENT_BREAK`` matches the full stop before its look-behinds.
Both are speed-ups only: a family added with a first character the analysis misses, or an edit
of the sentence break, must not change a single match.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.annotate import times

_SNIPPETS = [
    "The talks open on Wednesday, June 11, 2025 at 10.30am in Geneva.",
    "Officials said 3 p.m. EST Tuesday was the deadline; at noon Saturday it passed.",
    "In the third quarter of 2019, sales fell from a year earlier. Q3 2020 was better.",
    "the 1990s, the '80s, mid-2014, the 21st century, nineteen ninety-six, fiscal 2019",
    "Five days a week, twice a year, every other Monday, daily, each morning at 7am.",
    "last night, early next year, the past two months, nearly four years ago, 2014-15",
    "Christmas Eve, Orthodox Easter, Ukraine's Independence Day, Good Friday, Halloween",
    "Mr. Smith will go. P. Davison said so! \"Next?\" (It was 12/03/2021 or 2021-03-12.)",
    "in the weeks ahead, the near term, over the years, these days, at present, now",
    "X-ray Zulu kilo: none of these words starts a time expression ... 17:45 hrs GMT",
]
_ALPHABET = st.sampled_from([*"0123456789 ,.-'’:/\n", "May", "June", "day", "Monday", "the", "last",
                             "year", "3", "a.m.", "Mr.", "quarter", "ago", "2023", "noon"])


def _split_match(text: str, start: int):
    pat = times._MATCHERS.get(text[start], times._ALL) if start < len(text) else times._ALL
    return None if pat is None else pat.match(text, start)


def _same(text: str) -> None:
    for start in range(len(text) + 1):
        full, split = times._ALL.match(text, start), _split_match(text, start)
        assert (full and (full.span(), full.lastgroup)) == (split and (split.span(), split.lastgroup)), (
            text, start)


@pytest.mark.parametrize("text", _SNIPPETS)
def test_split_family_patterns_match_like_the_full_pattern(text):
    _same(text)
    _same(text.upper())


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_split_family_patterns_match_like_the_full_pattern_on_random_text(text):
    _same(text)


_OLD_SENT_BREAK = re.compile(
    r"(?:(?<![\s.(][A-Z])(?<!^[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Co|Lt|No))"
    r"(?<!\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Inc|Sgt|Ltd|Maj|Adm|Rev))(?<!\b(?:Capt|Corp|Prof|Bros))\.|[!?])"
    r"[\"”’']?\s+(?=[A-Z\"“(])|\n"
)


@pytest.mark.parametrize("text", _SNIPPETS)
def test_sentence_break_matches_like_the_look_behind_first_pattern(text):
    for lo in range(0, len(text), 7):
        assert ([m.span() for m in times._SENT_BREAK.finditer(text, lo)]
                == [m.span() for m in _OLD_SENT_BREAK.finditer(text, lo)])
