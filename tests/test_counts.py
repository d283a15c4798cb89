from __future__ import annotations

import itertools
import math
import re

import pandas as pd
import pytest
from _seed import seed_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import schema
from toolkit.annotate.counts import counts, find_counts
from toolkit.annotate.events import events

SEED_COUNTS = [  # (count_type, number, hedged, text as written)
    ("REPATRIATED_REMAINS", 1212, False, "1,212"),  # headline
    ("REPATRIATED_REMAINS", 1212, False, "1,212"),  # lead
    ("REPATRIATED_REMAINS", 6000, True, "6,000"),  # the pledge
    ("KILL", 3, False, "three"),
    ("WOUND", 64, False, "64"),
    ("DRONES", 17, False, "17"),
    ("KILL", 3, False, "Three"),  # the same 3, repeated (one row per number span)
    ("WOUND", 64, False, "64"),  # the same 64, repeated
]


@pytest.fixture(scope="module")
def seed(seed_path):
    frame = seed_frame(seed_path)
    ev = events(frame)
    return frame, ev, counts(frame, events=ev)


def test_seed_counts_exactly(seed):
    frame, _, ct = seed
    got = [(r.count_type, int(r.number), bool(r.hedged), r.text) for r in ct.itertuples()]
    assert got == SEED_COUNTS
    text = frame["text"][0]
    assert all(text[s:e] == t for s, e, t in zip(ct["start"], ct["end"], ct["text"], strict=True))
    assert not ct["negated"].any()


def test_seed_objects_and_links(seed):
    _, ev, ct = seed
    objects = dict(zip(ct["text"], ct["object"], strict=False))
    assert objects["17"] == "attack drones"
    assert objects["6,000"] == "Ukrainian soldiers"
    linked = ct.merge(ev[["event_id", "event_type", "place"]], on="event_id", how="left")
    kinds = dict(zip(linked["count_type"], linked["event_type"], strict=False))
    assert kinds["KILL"] == "Air/drone strike" and kinds["DRONES"] == "Air/drone strike"
    assert kinds["REPATRIATED_REMAINS"] == "Repatriation of remains"
    drones = linked[linked["count_type"] == "DRONES"]
    assert drones["place"].iloc[0] == "Kharkiv"


def test_columns(seed):
    _, _, ct = seed
    assert list(ct.columns[: len(schema.columns("counts"))]) == schema.columns("counts")
    empty = counts(pd.DataFrame({"doc_id": ["a"], "text": ["Nothing to count."]}))
    assert empty.empty and list(empty.columns[: len(schema.columns("counts"))]) == schema.columns("counts")


NAN = math.nan


@pytest.mark.parametrize(("sentence", "ctype", "number", "low", "high", "approx"), [
    ("Russian shelling killed three civilians.", "KILL", 3, 3, 3, False),
    ("A dozen people were injured in the attack.", "WOUND", 12, 12, 12, True),
    ("Dozens of people were wounded.", "WOUND", 24, 24, 99, True),
    ("At least 5 soldiers were killed.", "KILL", 5, 5, NAN, False),
    ("More than 100 people were evacuated from the town.", "EVACUATE", 100, 100, NAN, False),
    ("Up to 20 people were detained.", "ARREST", 20, NAN, 20, False),
    ("Nearly 50 people were injured.", "WOUND", 50, NAN, 50, True),
    ("About 40 people were killed.", "KILL", 40, NAN, NAN, True),
    ("Hundreds of civilians were killed in Mariupol.", "KILL", 200, 200, 999, True),
    ("Thousands of residents were displaced.", "DISPLACED", 2000, 2000, 9999, True),
    ("Some 1.5 million people were displaced.", "DISPLACED", 1_500_000, NAN, NAN, True),
    ("Twenty-five people were killed.", "KILL", 25, 25, 25, False),
    ("The strike killed 1,212 people.", "KILL", 1212, 1212, 1212, False),
    ("A civilian was killed in the strike.", "KILL", 1, 1, 1, False),
    ("A 45-year-old man was wounded by shrapnel.", "WOUND", 1, 1, 1, False),
    ("The shelling left 2 dead.", "KILL", 2, 2, 2, False),
    ("The attack resulted in 4 fatalities.", "KILL", 4, 4, 4, False),
    ("The death toll rose to 12.", "KILL", 12, 12, 12, False),
    ("Ukraine freed 95 prisoners of war in the exchange.", "PRISONERS_RELEASED", 95, 95, 95, False),
    ("Police arrested 12 protesters.", "ARREST", 12, 12, 12, False),
    ("Russian forces abducted 3 civilians.", "KIDNAP", 3, 3, 3, False),
    ("Russia launched 40 Shahed drones overnight.", "DRONES", 40, 40, 40, False),
    ("Air defence shot down 6 cruise missiles.", "MISSILES", 6, 6, 6, False),
    ("Ukraine received the bodies of 909 soldiers.", "REPATRIATED_REMAINS", 909, 909, 909, False),
])
def test_numbers(sentence, ctype, number, low, high, approx):
    found = find_counts(sentence)
    assert len(found) == 1, found
    c = found[0]
    assert c.count_type == ctype and c.number == number and c.approximate is approx
    for got, want in ((c.number_low, low), (c.number_high, high)):
        assert (math.isnan(got) and math.isnan(want)) or got == want


def test_two_counts_in_one_clause():
    found = find_counts("Russian strikes killed 2 civilians and injured 5 others; 7 drones were used.")
    assert [(c.count_type, c.number) for c in found] == [("KILL", 2), ("WOUND", 5), ("DRONES", 7)]
    found = find_counts("2 civilians were killed and 5 injured.")
    assert [(c.count_type, c.number) for c in found] == [("KILL", 2), ("WOUND", 5)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Shelling killed a man and a woman.", [("KILL", 1), ("KILL", 1)]),
    ("The strike killed 2 soldiers and 1 civilian.", [("KILL", 2), ("KILL", 1)]),
    ("Both the driver and the passenger were killed.", [("KILL", 1), ("KILL", 1)]),
    ("A man and his son were killed in the strike.", [("KILL", 1), ("KILL", 1)]),
    ("1 civilian man was fatally wounded.", [("KILL", 1)]),
    ("23 civilians, including 6 children, were killed.", [("KILL", 23)]),
    ("The driver, a 62-year-old man, died from his wounds.", [("KILL", 1)]),
    ("3 people sustained injuries.", [("WOUND", 3)]),
])
def test_persons_and_coordination(sentence, expected):
    assert [(c.count_type, c.number) for c in find_counts(sentence)] == expected


@pytest.mark.parametrize(("sentence", "absent", "present"), [
    ("Air defence shot down 23 of 31 drones launched overnight.", "KILL", None),
    ("The air force said it shot down 44 of more than 50 cruise missiles.", "KILL", None),
    ("Russian jets have shot down two Ukrainian warplanes.", "KILL", None),
    ("Police shot dead 2 gunmen at the checkpoint.", None, "KILL"),
])
def test_shooting_down_aircraft_kills_nobody(sentence, absent, present):
    types = {c.count_type for c in find_counts(sentence)}
    assert absent not in types if absent else present in types


@pytest.mark.parametrize("sentence", [
    "On 5 June 2025, Russian forces shelled Sumy.",
    "The town is 3 km from the front.",
    "In 2023, the 93rd Brigade moved to Bakhmut.",
    "The 45-year-old mayor spoke for 20 minutes.",
    "Ukraine needs 3 more air defence systems, the minister said on Monday.",
    "The man was 45 years old and his house was damaged.",
])
def test_not_counts(sentence):
    assert find_counts(sentence) == []


@pytest.mark.parametrize(("sentence", "negated", "hedged"), [
    ("Officials said 5 people were killed.", False, False),
    ("Russia denied that 20 civilians were killed.", True, False),
    ("Moscow threatened to kill 100 hostages.", False, True),
    ("Russia pledged to return the remains of 6,000 soldiers.", False, True),
    ("The strike could have killed 50 people.", False, True),
])
def test_negation_and_hedging(sentence, negated, hedged):
    c = find_counts(sentence)[0]
    assert (c.negated, c.hedged) == (negated, hedged)


_PIECES = st.sampled_from([
    "3 people were killed", "killing three", "at least 5 wounded", "dozens of civilians were injured",
    "a dozen drones", "1,212 bodies were returned", "a civilian was killed", "the driver died",
    "40 missiles", "up to 20 detained", "on 5 June 2025", "some 1.5 million displaced", "2 dead",
    "hundreds of thousands displaced", "twenty-five killed", "the 45-year-old man was wounded",
    "Russian forces shelled Kherson", "and", ",", ".", ";", "\n\n", "Ukrainian officials said",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14))
def test_no_number_counted_twice(pieces):
    text = " ".join(pieces)
    found = find_counts(text)
    spans = sorted((c.start, c.end) for c in found)
    assert len(spans) == len(set(spans))
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    for c in found:
        assert text[c.start : c.end].strip() == text[c.start : c.end] and c.end > c.start


# The fast number scan (_number_matches: candidate prefilter + _NUMBER.match) must find exactly
# what the full pattern finds: separators, glued digits, articles, case, a length-changing "İ".
_SCAN_PIECES = st.sampled_from([
    "5", "12", "1,200", "3.5", "2025", "a", "an", "A", "The", "the", "his", "her", "their", "one",
    "Two", "twenty-five", "dozens", "a few", "hundreds of", "civilian", "man", "driver", "people",
    "soldiers", "was", "were", "killed", "wounded", "detained", "x-5", "No.", "/7", "-", ".", ",", ";",
    "\n", "(", "İstanbul", "and", "near", "year-old", "thousand", "million",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_SCAN_PIECES, min_size=1, max_size=16), st.sampled_from([" ", "", "-"]))
def test_number_prefilter_finds_what_the_full_pattern_finds(pieces, sep):
    from toolkit.annotate import counts as ct_mod

    text = sep.join(pieces)
    full = [(m.start(), m.end()) for m in ct_mod._NUMBER.finditer(text)]
    fast = [(m.start(), m.end()) for m in ct_mod._number_matches(text)]
    assert fast == full


@pytest.mark.parametrize("text", ["sıx people were killed", "a ſoldier was killed", "Twenty civilians died"])
def test_number_scan_with_case_folded_letters(text):
    """re.I matches "ı"/"ſ" as i/s; the lowercase prefilter must not lose such numbers."""
    from toolkit.annotate import counts as ct_mod

    full = [(m.start(), m.end()) for m in ct_mod._NUMBER.finditer(text)]
    assert full and [(m.start(), m.end()) for m in ct_mod._number_matches(text)] == full


def test_counts_with_given_sentences_table():
    from toolkit.annotate.sentences import sentences

    text = "Russian shelling killed three civilians in Kherson. Officials said 64 people were wounded."
    frame = pd.DataFrame({"doc_id": ["a"], "text": [text],
                          "published": pd.Series([pd.Timestamp("2025-06-11", tz="UTC")])})
    sents = sentences(frame)
    ev = events(frame, use_times=False, sentences=sents)
    out = counts(frame, events=ev, sentences=sents)
    assert list(zip(out["count_type"], out["number"], strict=True)) == [("KILL", 3.0), ("WOUND", 64.0)]
    assert out["event_id"].notna().all()


@pytest.mark.parametrize(("text", "expected"), [
    ("A drone hit a truck near Kupiansk, killing the driver.", [("KILL", 1)]),
    ("Shelling hit the village, wounding his wife.", [("WOUND", 1)]),
    ("A drone dropped a grenade on a woman in Kherson. She died in hospital.", [("KILL", 1)]),
    ("A man was killed in the strike. He died instantly.", [("KILL", 1)]),  # not counted twice
    ("A missile hit a container ship. 8 people were killed and 10 injured.", [("KILL", 8), ("WOUND", 10)]),
    ("The strike hit a Su-34 bomber. No. 5 unit was hit.", []),
    ("Russian soldiers executed a Ukrainian prisoner of war near Pokrovsk.", [("KILL", 1)]),
    ("A drone struck a house, killing an elderly couple.", [("KILL", 2)]),
    ("Shelling hit the town, killing a man and his son.", [("KILL", 1), ("KILL", 1)]),
    ("A man was killed and his wife injured.", [("KILL", 1), ("WOUND", 1)]),
    ("A woman was injured and later died in hospital.", [("KILL", 1)]),
    ("A man stepped on an anti-personnel mine near Izium and died.", [("KILL", 1)]),
])
def test_definite_victims_and_numbers_after_a_sentence(text, expected):
    got = [(c.count_type, int(c.number)) for c in find_counts(text)]
    assert got == expected


@pytest.mark.parametrize("text", [
    "The driver and the man, his wife and their son; a few of the 12 residents. Three people fled.",
    "The driver and his wife were killed; the man was wounded. Twenty civilians died.",
])
def test_definite_candidates_matter_only_before_near_verbs(text):
    """Without any _NEAR_VERB in a text, the scan without the/his/her/their finds the same numbers."""
    from toolkit.annotate import counts as ct_mod

    low = " " + text.lower()
    full = [(c.start(), c.group("w")) for c in ct_mod._CANDIDATE.finditer(low)]
    short = [(c.start(), c.group("w")) for c in ct_mod._CANDIDATE_NO_DEFINITE.finditer(low)]
    assert short == [c for c in full if c[1] not in ("the", "his", "her", "their")]
    has_verb = any(v in low for v in ct_mod._NEAR_VERBS)
    assert has_verb == bool(ct_mod._NEAR_VERB.search(text))
    found = [(m.start(), m.end()) for m in ct_mod._number_matches(text)]
    assert found == [(m.start(), m.end()) for m in ct_mod._NUMBER.finditer(text)]
    assert any(text[s:e].lower() == "the" for s, e in found) is has_verb


def test_candidate_first_character_guard_is_necessary():
    """The set check after the separator drops no candidate of the unguarded scan."""
    from toolkit.annotate import counts as ct_mod

    words = " ".join([*ct_mod._NUM_WORDS, "a man", "an officer", "the driver was killed", "his wife died",
                      "her son", "their child", "12", "x-5", "(7", "1.5", "zero"])
    low = " " + words.lower()
    unguarded = re.compile(ct_mod._CANDIDATE.pattern.replace(ct_mod._CANDIDATE_FIRST, "", 1))
    assert [(c.start(), c.group("w")) for c in ct_mod._CANDIDATE.finditer(low)] == \
        [(c.start(), c.group("w")) for c in unguarded.finditer(low)]
    assert len(list(ct_mod._CANDIDATE.finditer(low))) > len(ct_mod._NUM_WORDS)


@pytest.mark.parametrize("text", [
    "A woman was injured and later died. The man and died; band died, and  subsequently was killed",
    "and died at once; Sand died; x-and died; _and died; and\nsuccumbed", "",
])
def test_and_died_fast_scan_is_the_pattern(text):
    from toolkit.annotate import counts as ct_mod

    assert [m.span() for m in ct_mod._AND_DIED_FAST.finditer(text)] == \
        [m.span() for m in ct_mod._AND_DIED.finditer(text)]


@pytest.mark.parametrize("seed", range(6))
def test_cue_window_reuse_is_the_plain_search(seed):
    """_has_cue over windows that move right answers as a fresh cue search of each window."""
    import random

    from toolkit.annotate import counts as ct_mod

    rng = random.Random(seed)
    words = ["x", "yy", "killed", "the", "wounded", "5", "km", "died", "zzzz", "repatriation", "drone", ",", "and"]
    low = " ".join(rng.choice(words) for _ in range(120))
    lo = hi = 0
    state = None
    for _ in range(60):
        lo = min(len(low), lo + rng.randrange(0, 25))
        hi = min(len(low), max(hi, lo) + rng.randrange(0, 40))
        got, state = ct_mod._has_cue(ct_mod._COUNT_CUE, low, lo, hi, state)
        assert got == (ct_mod._COUNT_CUE.search(low, lo, hi) is not None), (lo, hi)


@pytest.mark.parametrize("word", ["people", "People", "POWs", "pows", "Civilians", "children", "Children’s",
                                  "elderly", "IDPs", "idps", "drones", "Shaheds", "others", "x", ""])
def test_head_noun_lowercase_variant(word):
    from toolkit.annotate import counts as ct_mod

    assert bool(ct_mod._HEAD_NOUN_LOW.match(word.lower())) == bool(ct_mod._HEAD_NOUN.match(word))


@pytest.mark.parametrize(("sentence", "historical"), [
    ("We will never forget World War II, in which more than eight million Ukrainians died.", True),
    ("Almost 27 million Soviet citizens lost their lives in 1941-1945.", True),
    ("In 2014, 300 people were killed in Donbas.", False),
    ("On Monday, 5 people were killed in Kharkiv.", False),
    ("We remember what our grandparents lived through in the Second World War. Where millions of "
     "Ukrainians died.", True),
    ("The Great Patriotic War is long over. In 2022, 200 people were killed in Mariupol.", False),
    # the USSR's own people and soldiers belong to history, named years or not ...
    ("A memorial lists the 40,000 Soviet soldiers who died crossing the river.", True),
    ("Troops of Nazi Germany killed 3,000 people in the town.", True),
    # ... but the Soviet Union named as a yardstick or an anniversary does not date a figure
    ("That is more than the Soviet Union lost in a decade. Officials said 900 troops were killed.", False),
    ("Kyiv marks its independence from the Soviet Union. Shelling killed 12 people on Sunday.", False),
    ("Post-Soviet armies lost 60 soldiers killed in the drill.", False),
])
def test_historical_figures_are_flagged(sentence, historical):
    frame = pd.DataFrame({"doc_id": ["a"], "text": [sentence],
                          "published": [pd.Timestamp("2022-06-11", tz="UTC")]})
    kill = counts(frame)
    kill = kill[kill["count_type"] == "KILL"]
    assert len(kill) == 1 and bool(kill["historical"].iloc[0]) is historical


@pytest.mark.parametrize("sentence", [
    "Due to the aggression, 6 million domestic animals died.",
    "Executing a million barrels a day is hard.",
])
def test_animals_and_goods_are_no_casualties(sentence):
    assert find_counts(sentence) == []


# ---------------------------------------------------------------- speed shortcuts keep the same matches
_TAIL_WORDS = ["killing", "killed", "shot", "dead", "and", "gunned", "down", "claimed", "the", "lives", "of",
               "death", "toll", "rose", "to", "stands", "at", "has", "reached", "is", "was", "hit", "wounding",
               "at", "least", "more", "than", "up", "nearly", "about", "an", "estimated", "a", "total",
               "another", "additional", "with", "using", "skill", "overkill", "evacuation", "x", "-", ",",
               "fewer", "as", "many", "no", "upwards", "in", "excess", "just", "over", "under"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_WORDS), min_size=0, max_size=9),
       st.sampled_from([" ", "  ", "\n", ""]))
def test_last_word_check_is_necessary_for_the_tail_patterns(words, end):
    """A modifier / verb right before a number ends on a word of _MODIFIER_LAST / _LEFT_LAST."""
    from toolkit.annotate import counts as ct_mod

    s = " ".join(words) + end
    last = ct_mod._tail_word(s)
    if ct_mod._search_tail(ct_mod._MODIFIER_W_LOW, s, 32):
        assert last in ct_mod._MODIFIER_LAST
    if ct_mod._search_tail(ct_mod._LEFT_W_LOW, s, 45):
        assert last in ct_mod._LEFT_LAST


@pytest.mark.parametrize(("before", "kind"), [
    ("the strike, killing ", "left"), ("the death toll has since risen to ", "left"),
    ("the death toll now stands at ", "left"), ("claimed the lives of ", "left"), ("shot dead\n", "left"),
    ("the casualty toll reached ", "left"), ("death toll of ", "left"), ("gunned down ", "left"),
    ("at least ", "mod"), ("an estimated ", "mod"), ("no fewer than ", "mod"), ("a total of ", "mod"),
    ("killing", None), ("", None), ("skill ", None),
])
def test_tail_word_table(before, kind):
    """Each ending is found by its pattern and its last word is in the pattern's set."""
    from toolkit.annotate import counts as ct_mod

    last = ct_mod._tail_word(before)
    left = ct_mod._search_tail(ct_mod._LEFT_W_LOW, before, 45)
    mod = ct_mod._search_tail(ct_mod._MODIFIER_W_LOW, before, 32)
    assert (kind == "left", kind == "mod") == (left is not None, mod is not None)
    if kind:
        assert last in (ct_mod._LEFT_LAST if kind == "left" else ct_mod._MODIFIER_LAST)


def test_last_words_reads_only_word_endings():
    from toolkit.annotate import counts as ct_mod

    assert ct_mod._last_words(re.compile(r"(?P<v>a\s+b|(?:c|d)\s+(?:e|f\s+g))\s+$")) == {"b", "e", "g"}
    with pytest.raises(ValueError):
        ct_mod._last_words(re.compile(r"(?P<v>a\s+b?)\s+$"))
    with pytest.raises(ValueError):
        ct_mod._last_words(re.compile(r"(?P<v>a[^x]{0,3}b)\s+$"))


@pytest.mark.parametrize("text", [
    "He died. She later died. The He-man was killed. He  subsequently was killed; She was killed.",
    "SHE DIED. He was wounded. Shelby died; He. He\ndied", "She died", "no pronoun here",
])
def test_pronoun_scans_are_the_alternation(text):
    from toolkit.annotate import counts as ct_mod

    assert [(m.span(), m.span("n")) for m in ct_mod._pronoun_died_matches(text)] == \
        [(m.span(), m.span("n")) for m in ct_mod._PRONOUN_DIED.finditer(text)]


def test_ascii_led_separators_are_the_unicode_classes():
    """NON_WORD_LOW / NON_WORD_CASED match one character exactly when [^\\w] does; _NON_LETTER_LOW [\\W\\d_]."""
    from toolkit.annotate import _eventlex as lex

    chars = [chr(c) for c in [*range(0x3000), 0x017F, 0x0130, 0x212A, 0xFEFF, 0x2019, 0x201C, 0x1D7CE, 0x10400]]
    for pattern, klass in ((lex.NON_WORD_LOW, r"[^\w]"), (lex.NON_WORD_CASED, r"[^\w]"),
                           (lex._NON_LETTER_LOW, r"[\W\d_]")):
        fast, slow = re.compile(pattern), re.compile(klass)
        assert [c for c in chars if fast.fullmatch(c)] == [c for c in chars if slow.fullmatch(c)], pattern
        fast_i = re.compile(pattern, re.I)
        assert [c for c in chars if fast_i.fullmatch(c)] == [c for c in chars if slow.fullmatch(c)], pattern


def test_leading_words_reads_only_word_starts():
    from toolkit.annotate import counts as ct_mod

    pat = re.compile(r"^(?P<o>x)\s+(?P<v>(?:ab|cd)\s+e|deaths?|f\s+g)\b")
    assert ct_mod._leading_words(pat, "v") == {"ab", "cd", "death", "f"}
    with pytest.raises(ValueError):
        ct_mod._leading_words(re.compile(r"(?P<v>\w+ed|x)"), "v")


_AFTER_WORDS = ["people", "civilians", "were", "was", "killed", "have", "been", "reportedly", "injured", "of",
                "them", "sustained", "serious", "injuries", "got", "wounded", "lost", "their", "lives", "taken",
                "hostage", "came", "home", "in", "total", "deaths", "death", "who", "and", "the", "a", "men",
                "protesters", "fatality", "brought", ",", "dead"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_AFTER_WORDS), min_size=1, max_size=8))
def test_verb_start_check_is_necessary_for_right(words):
    """Whenever _RIGHT matches the phrase after a number, the cheap verb-start search finds something."""
    from toolkit.annotate import counts as ct_mod

    after = " " + " ".join(words)
    if ct_mod._RIGHT_LOW.match(after):
        assert ct_mod._RIGHT_VERB_START.search(after)


@pytest.mark.parametrize("after", [
    " people were killed", " of them sustained serious injuries", " civilians lost their lives",
    " men were taken hostage", " deaths", " fatality", " protesters", " had been reportedly wounded",
])
def test_right_phrases_pass_the_verb_start_check(after):
    from toolkit.annotate import counts as ct_mod

    assert ct_mod._RIGHT_LOW.match(after) and ct_mod._RIGHT_VERB_START.search(after)
