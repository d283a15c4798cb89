from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from _seed import seed_frame
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import schema
from toolkit.annotate import events as ev_mod
from toolkit.annotate._eventlex import find_places
from toolkit.annotate.events import events, find_events


def _frame(*texts: str, published="2025-06-11") -> pd.DataFrame:
    pub = pd.NaT if published is None else pd.Timestamp(published, tz="UTC")
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts),
                         "published": pd.Series([pub] * len(texts), dtype="datetime64[ns, UTC]")})


@pytest.fixture(scope="module")
def seed_events(seed_path):
    return events(seed_frame(seed_path))


def test_columns_and_dtypes(seed_events):
    assert list(seed_events.columns[: len(schema.columns("events"))]) == schema.columns("events")
    assert str(seed_events["date"].dtype) == "datetime64[ns, UTC]"


def test_seed_event_types(seed_events):
    types = set(seed_events["event_type"])
    assert {"Repatriation of remains", "Prisoner exchange", "Peace talks", "Air/drone strike", "Ceasefire"} <= types
    # nothing violent besides the drone strike
    assert not types & {"Armed clash", "Shelling/artillery/missile attack", "Attack"}


def test_seed_repatriation_happened_and_pledge_hedged(seed_path, seed_events):
    text = seed_frame(seed_path)["text"][0]
    rep = seed_events[seed_events["event_type"] == "Repatriation of remains"]
    happened = rep[~rep["hedged"]]
    pledged = rep[rep["hedged"]]
    assert any("1,212" in text[s:e] for s, e in zip(happened["start"], happened["end"], strict=True))
    assert len(pledged) == 1 and "6,000" in text[pledged["start"].iloc[0]: pledged["end"].iloc[0]]
    first = rep[rep["start"] > 100].iloc[0]
    assert first["actor"] == "Russia" and first["claimed_by"] == "Ukraine"


def test_seed_drone_strike(seed_events):
    air = seed_events[seed_events["event_type"] == "Air/drone strike"]
    assert (air["actor"] == "Russian forces").all()
    assert "Kharkiv" in set(air["place"])
    assert "Ukrainian officials" in set(air["claimed_by"])
    assert "Mayor Ihor Terekhov" in set(air["claimed_by"])
    assert (air["date"] == pd.Timestamp("2025-06-11", tz="UTC")).all()
    assert not air["negated"].any() and not air["hedged"].any()


def test_seed_ceasefire_rejected_and_talks_in_istanbul(seed_events):
    cf = seed_events[seed_events["event_type"] == "Ceasefire"]
    assert len(cf) == 1 and cf["negated"].iloc[0] and cf["hedged"].iloc[0]
    talks = seed_events[seed_events["event_type"] == "Peace talks"]
    assert (talks["place"] == "Istanbul").all()


@pytest.mark.parametrize(("sentence", "expected", "absent"), [
    ("On 3 March 2024, Russian forces shelled Nikopol with artillery.", "Shelling/artillery/missile attack", None),
    ("Russian forces struck Odesa with a cruise missile.", "Shelling/artillery/missile attack", None),
    ("Ukrainian air defence shot down 12 drones over Kyiv.", "Disrupted weapons use", "Air/drone strike"),
    ("Russian drones struck an energy facility in Odesa.", "Air/drone strike", None),
    ("Russian aircraft dropped guided bombs on Kupiansk.", "Air/drone strike", None),
    ("A landmine exploded near Izium, injuring a farmer.", "Remote explosive/landmine/IED", None),
    ("Russian and Ukrainian forces clashed near Bakhmut.", "Armed clash", None),
    ("Russian forces attempted to advance near Avdiivka but were repelled.", "Armed clash", None),
    ("Russian forces captured the village of Robotyne.", "Non-state actor overtakes territory", None),
    ("Ukrainian forces liberated Kherson after months of occupation.", "Government regains territory", None),
    ("Protesters gathered in Kyiv to demand the return of prisoners.", "Peaceful protest", None),
    ("Police detained 5 protesters at a rally in Moscow.", "Protest with intervention", "Peaceful protest"),
    ("Russian forces abducted the mayor of Melitopol.", "Abduction/forced disappearance", None),
    ("The SBU arrested a man suspected of spying in Lviv.", "Arrests", None),
    ("Unidentified gunmen shot dead a local official in Nova Kakhovka.", "Attack", None),
    ("Russian soldiers looted houses and set fire to a school.", "Looting/property destruction", None),
    ("Russia and Ukraine swapped 95 prisoners of war on Friday.", "Prisoner exchange", None),
    ("Ukraine and Russia signed an agreement on grain exports.", "Agreement", None),
    ("Russian troops withdrew from the island without a fight.", "Non-violent transfer of territory", None),
    ("Russian soldiers killed a civilian in Bucha.", "Attack", None),
    ("Russian forces launched assaults on Ukrainian positions near Avdiivka.", "Armed clash", None),
    ("Russian forces launched a missile attack on Kyiv.", "Shelling/artillery/missile attack", "Armed clash"),
    ("A car exploded on a mine near Stepnohirsk.", "Remote explosive/landmine/IED", None),
    ("207 Ukrainians returned home from captivity.", "Prisoner exchange", None),
    ("Russian forces fired 30 times at the Nikopol district overnight.", "Shelling/artillery/missile attack", None),
    ("Soldiers took two men from their homes in Oleshky (Skadovsk, Kherson) to an unknown destination.",
     "Abduction/forced disappearance", None),
    ("Moscow handed over 2,150 bodies of fallen defenders.", "Repatriation of remains", None),
    ("Two sappers were killed when an anti-tank mine exploded; the deminers had cleared a field.",
     "Remote explosive/landmine/IED", None),
    ("The body of a man with signs of torture was found in a forest.", "Attack", None),
    ("A man attacked a police officer with a knife at a checkpoint.", "Attack", None),
    ("Russia launched a massive drone and missile attack on power plants.", "Air/drone strike", None),
    ("An official's car blew up outside his home in Berdiansk.", "Remote explosive/landmine/IED", None),
    ("Russian forces occupied Kherson city in March.", "Non-state actor overtakes territory", None),
    ("Ukrainian forces de-occupied Lyman.", "Government regains territory", None),
    ("Thousands joined a march in Tbilisi against the new law.", "Peaceful protest", None),
    ("Veterans staged a silent demonstration outside parliament.", "Peaceful protest", None),
    ("Residents took to the streets of Kherson waving flags.", "Peaceful protest", None),
    ("She attended pro-Ukrainian rallies in Melitopol.", "Peaceful protest", None),
])
def test_event_types(sentence, expected, absent):
    types = {m.event_type for m in find_events(sentence)}
    assert expected in types
    if absent:
        assert absent not in types


@pytest.mark.parametrize("sentence", [
    "NATO worries about Russian surface-to-air missile capability.",
    "NASA relied on Russian rockets until 2020.",
    "His comments served to rally Russians for the cause.",
    "Putin claimed Ukraine needed to be liberated from Nazis.",
    "Many of them signalled their agreement by raising flags.",
    "The mayor of occupied Melitopol spoke to reporters.",
    "Residents fled the Russian-occupied city of Kherson.",
    "The ministry for the temporarily occupied territories opened an office.",
    "The results of a referendum held in March were never recognised.",
    "Allies held meetings organized to rally military support for Kyiv.",
    "The plenary session held on March 15 decided the matter.",
])
def test_no_event_in_nominal_mentions(sentence):
    types = {m.event_type for m in find_events(sentence)}
    assert not types & {"Shelling/artillery/missile attack", "Peaceful protest", "Government regains territory",
                        "Non-state actor overtakes territory"}


def test_protest_intervention_in_next_sentence():
    text = "Relatives held a rally in Kyiv to demand the return of POWs. Police dispersed the crowd."
    assert "Protest with intervention" in {m.event_type for m in find_events(text)}


@pytest.mark.parametrize(("sentence", "etype", "negated", "hedged"), [
    ("Russian forces shelled Kherson overnight.", "Shelling/artillery/missile attack", False, False),
    ("Moscow denied shelling the city of Kherson.", "Shelling/artillery/missile attack", True, False),
    ("Ukraine will hold peace talks with Russia next week.", "Peace talks", False, True),
    ("Russia threatened to launch missile strikes on Kyiv.", "Shelling/artillery/missile attack", False, True),
    ("Kyiv rejected calls for a ceasefire.", "Ceasefire", True, True),
    ("Russia pledged to return the bodies of 500 soldiers.", "Repatriation of remains", False, True),
])
def test_negation_and_hedging(sentence, etype, negated, hedged):
    m = next(m for m in find_events(sentence) if m.event_type == etype)
    assert (m.negated, m.hedged) == (negated, hedged)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Shelling hit Kharkiv region overnight.", "Kharkiv Oblast", "oblast"),
    ("Shelling hit Kharkov overnight.", "Kharkiv", "city"),
    ("Drones struck Zaporozhye.", "Zaporizhzhia", "city"),
    ("Fighting near Artemovsk continued.", "Bakhmut", "city"),
    ("Troops left Severodonetsk.", "Sievierodonetsk", "city"),
    ("Strikes on the Lugansk oblast.", "Luhansk Oblast", "oblast"),
    ("Talks in Kiev.", "Kyiv", "city"),
])
def test_gazetteer_variants(text, name, kind):
    places = find_places(text)
    assert [(p.name, p.kind) for p in places] == [(name, kind)]


def test_place_in_event_prefers_city_over_country():
    m = find_events("Russian drones hit Odessa in southern Ukraine.")[0]
    assert m.place == "Odesa"


def test_dates_explicit_dateline_and_none():
    text = "On 5 June 2025, Russian forces shelled Sumy."
    out = events(_frame(text, "Russian forces shelled Sumy."), use_times=False)
    assert out["date"].iloc[0] == pd.Timestamp("2025-06-05", tz="UTC")
    assert out["date_source"].iloc[0] == "explicit_date"
    assert out["date_source"].iloc[1] == "dateline"
    assert out["date"].iloc[1] == pd.Timestamp("2025-06-11", tz="UTC")
    none = events(_frame("Russian forces shelled Sumy.", published=None), use_times=False)
    assert none["date_source"].iloc[0] == "none" and pd.isna(none["date"].iloc[0])


def test_dates_from_times_frame():
    text = "Russian forces shelled Sumy on 2 June."
    times = pd.DataFrame({"doc_id": ["d0"], "start": [30], "end": [36], "text": ["2 June"], "type": ["DATE"],
                          "value": ["2025-06-02"],
                          "resolved_start": [pd.Timestamp("2025-06-02", tz="UTC")],
                          "resolved_end": [pd.Timestamp("2025-06-03", tz="UTC")]})
    out = events(_frame(text), times=times)
    assert out["date_source"].iloc[0] == "time_expression"
    assert out["date"].iloc[0] == pd.Timestamp("2025-06-02", tz="UTC")


def test_missing_columns_and_empty():
    with pytest.raises(KeyError, match="published"):
        events(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))
    out = events(_frame("The weather was fine."), use_times=False)
    assert out.empty and list(out.columns[:13]) == schema.columns("events")


def test_trigger_anchors_cover_patterns(seed_path):
    """The anchor-word prefilter finds exactly what the full alternation finds."""
    texts = [seed_frame(seed_path)["text"][0],
             "Anti-missile defences intercepted a Kh-101. S-300 missiles hit Kharkiv; re-took the town. "
             "Ukrainian forces de-occupied Lyman. A sit-in was held. Strikes with FPV drones continued.",
             "Crowds joined a march; others attended rallies, organised a demonstration or took to the streets. "
             "They plan to stage a rally and hold a rally."]
    for name in ("acled_sample.csv", "acled_sample_b.csv", "acled_sample_c.csv", "acled_ukraine_tuning.csv",
                 "acled_ukraine_holdout.csv", "acled_ukraine_holdout_b.csv", "acled_ukraine_holdout_c.csv"):
        texts += list(pd.read_csv(Path(__file__).parent / "fixtures" / name)["notes"])
    for text in texts:
        full = [(m.start(), m.end()) for m in ev_mod._TRIGGER.finditer(text)]
        fast = [(m.start(), m.end()) for m in ev_mod._trigger_matches(text)]
        assert fast == full


def test_offsets_are_sentences(seed_path, seed_events):
    text = seed_frame(seed_path)["text"][0]
    for s, e in zip(seed_events["start"], seed_events["end"], strict=True):
        assert text[s:e].strip() == text[s:e] and not re.search(r"\n\s*\n", text[s:e])


_TRIGGER_PIECES = [
    "with", "using", "by", "FPV", "drones", "UAVs", "them", "Russia's", "S-300", "s", "re-took", "re",
    "de-occupied", "de", "new", "talks", "peace", "shelled", "strikes", "were", "intercepted", "a",
    "Kh-101", "missiles", "the", "town", "İ", ".", ",", "-", "to", "an", "unknown", "destination",
]


@pytest.mark.parametrize("seed", range(40))
def test_guarded_anchors_find_what_the_alternation_finds(seed):
    """Guarded anchors (with/using/by/s/re/de/new) lose no trigger of the full alternation."""
    import random

    rng = random.Random(seed)
    text = " ".join(rng.choice(_TRIGGER_PIECES) for _ in range(30))
    full = [(m.start(), m.end(), m.lastgroup) for m in ev_mod._TRIGGER.finditer(text)]
    fast = [(m.start(), m.end(), m.lastgroup) for m in ev_mod._trigger_matches(text)]
    assert fast == full


@pytest.mark.parametrize("text", [
    "On 5 June 2025 and June 6, 2025-06-07, may 8, the separatists; 9 Sept. 2024 and 10 Oct",
    "Nov. 3 2023: shelling; 14 March. In May, officials met; on 2 May 2025 drones hit Kyiv.",
])
def test_date_reader_prefix_and_digit_skip(text):
    """Dates read with ``stop`` are the full reading's dates that start before it (and no others before)."""
    full = [(m.start(), m.end()) for m in ev_mod._EXPLICIT_DATE.finditer(text)]
    assert [(m.start(), m.end()) for m in ev_mod._date_matches(text)] == full
    for stop in range(0, len(text) + 1, 3):
        part = [(m.start(), m.end()) for m in ev_mod._date_matches(text, stop)]
        assert part == full[: len(part)]
        assert all(start >= stop for start, _ in full[len(part) :])


@pytest.mark.parametrize("text", [
    "Shelling hit Kharkiv region and Kharkiv; Moscow's troops left Kyiv, Kiev and the Russian Federation.",
    "Drones hit Odessa, Zaporozhye oblast and Lugansk.",
])
def test_place_scan_fast_and_token_paths_agree(text):
    """A length-changing lowercase ("İ") switches find_places to its token-by-token path."""
    fast = find_places(text)
    assert fast  # the texts hold places
    slow = find_places(text + " İ")
    assert slow == fast
    for start in range(0, len(text), 7):
        assert find_places(text, start, len(text)) == find_places(text + " İ", start, len(text) + 2)


@pytest.mark.parametrize("text", ["Russian forces ſhelled the town.", "Drones were ıntercepted overnight."])
def test_trigger_scan_with_case_folded_letters(text):
    """re.I matches "ı"/"ſ" as i/s; the lowercase anchor prefilter must not lose such triggers."""
    full = [(m.start(), m.end()) for m in ev_mod._TRIGGER.finditer(text)]
    assert full and [(m.start(), m.end()) for m in ev_mod._trigger_matches(text)] == full


def test_given_sentences_table_replaces_punkt_windows():
    from toolkit.annotate.sentences import sentences

    frame = _frame("Kyiv, June 5. Russian drones struck Odesa overnight. Talks in Istanbul were postponed.",
                   "Protesters rallied in Tbilisi.")
    sents = sentences(frame)
    out = events(frame, use_times=False, sentences=sents)
    rows = set(zip(sents["doc_id"], sents["start"], sents["end"], strict=True))
    assert len(out) >= 3
    assert all((d, s, e) in rows for d, s, e in zip(out["doc_id"], out["start"], out["end"], strict=True))
    # a hand-made table is followed as given: one "sentence" covering the whole first text
    whole = pd.DataFrame({"doc_id": ["d0"], "start": [0], "end": [len(frame["text"][0])]})
    one = events(frame.head(1), use_times=False, sentences=whole)
    assert set(zip(one["start"], one["end"], strict=True)) == {(0, len(frame["text"][0]))}
    with pytest.raises(KeyError, match="start"):
        events(frame, use_times=False, sentences=sents.drop(columns=["start"]))


@pytest.mark.parametrize("sentence", [
    "Russia carried out missile and drone strikes on power plants.",
    "Russia launched a massive drone and missile attack on power plants.",
])
def test_combined_strikes_have_both_types(sentence):
    types = {m.event_type for m in find_events(sentence)}
    assert {"Air/drone strike", "Shelling/artillery/missile attack"} <= types


# ----------------------------------------------------------------- speed paths (same output)
_PROBE = ("Russian forces shelled Kharkiv on 5 June; Ukrainian troops repelled 12 attacks near Bakhmut. "
          "A KAB hit a school, drones were shot down and S-300 missiles struck. Officials said talks "
          "with Kyiv stalled. Protesters staged a rally; police detained 3. The bodies of 50 soldiers "
          "were returned, 2024-05-06. In May, a mayor's decision on mar-kets: 1st Sept. 2023.")


@pytest.mark.parametrize("text", [_PROBE, "with FPV drones, using UAVs by quadcopters; s-300 re-took de-occupied new talks "
                                  "taken to an unknown place; withdrew without a fight, retook; withheld sweets"])
def test_anchor_scan_is_the_anchor_pattern(text):
    """Every anchor starts with a letter (a separator may stand for the leading \\b) and every guarded
    tail with a non-letter (the merged trie finds the anchors of the separate alternation)."""
    from toolkit.annotate._eventlex import first_chars

    assert first_chars(ev_mod._ANCHOR_RE.pattern[len(r"\b"):], 0) <= set("abcdefghijklmnopqrstuvwxyz")
    assert all(tail.startswith((r"\s", "-")) for tail in ev_mod._GUARDED_ANCHORS.values())
    low = text.lower()
    scan = [m.start() for m in ev_mod._ANCHOR_SCAN.finditer(" " + low)]
    assert scan == [m.start() for m in ev_mod._ANCHOR_RE.finditer(low)]
    assert len(scan) >= 10
    for pos in range(len(low)):  # the same anchor (span) at every word start
        if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] == "_"):
            a, b = ev_mod._ANCHOR_RE.match(low, pos), ev_mod._ANCHOR_SCAN.match(" " + low, pos)
            assert (a and a.end()) == (b and b.end() - 1), pos


@pytest.mark.parametrize("text", [_PROBE, _PROBE.upper(), "with FPV drones by UAV s-300 re-took de-occupied",
                                  "Shelled", "air", "a", "KAB"])
def test_trigger_cut_to_first_letter_matches_the_alternation(text):
    """``_trigger_at(key)`` matches what ``_TRIGGER`` matches at every position starting with ``key``."""
    low = text.lower()
    for pos in range(len(text)):
        full = ev_mod._TRIGGER.match(text, pos)
        cut = ev_mod._trigger_at(low[pos : pos + 2])
        fast = cut.match(text, pos) if cut is not None else None
        assert (full and (full.span(), full.lastgroup)) == (fast and (fast.span(), fast.lastgroup)), pos


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"abc|d", set("ad")), (r"(?:x|y)?z", set("xyz")), (r"\bK\w+", {"k"}), (r"[A-C]x|(?=q)r", set("abcr")),
    (r"\w+", None), (r"a?", None), (r"[^a]b", None),
])
def test_first_chars(pattern, expected):
    from toolkit.annotate._eventlex import first_chars

    assert first_chars(pattern) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("text", [_PROBE, "2024-01-2024-01-01 may5 _mar 3 x²jan 5 ½feb 2 Mar. 3 éapr 1 May"])
def test_month_hints_by_find_are_the_hint_scan(text):
    low = text.lower()
    for start in range(0, len(low), 5):
        for end in range(start, len(low) + 1, 9):
            assert ev_mod._month_hints(low, start, end) == \
                [m.span() for m in ev_mod._MONTH_HINT.finditer(low, start, end)]


def test_target_near_is_the_first_target_within_60():
    from toolkit.annotate._eventlex import TARGET, TARGET_NEAR

    text = _PROBE + " " + "x" * 70 + " civilians"
    for pos in range(len(text)):
        full = TARGET.search(text, pos, len(text))
        near = TARGET_NEAR.match(text, pos, len(text))
        want = full.group(0) if full and full.start() - pos < 60 else None
        assert (near.group(1) if near else None) == want


def _variant_pairs():
    from toolkit.annotate import _eventlex as lex
    from toolkit.annotate import counts as ct

    return [(ev_mod._DISRUPT_BEFORE, ev_mod._DISRUPT_BEFORE_LOW), (ev_mod._ACTION, ev_mod._ACTION_LOW),
            (ev_mod._NOT_AGENT, ev_mod._NOT_AGENT_LOW),
            (lex.TARGET_NEAR, lex.TARGET_NEAR_LOW), (lex._CLAUSE_BREAK, lex._CLAUSE_BREAK_LOW),
            (ct._NUMBER, ct._NUMBER_LOW), (ct._LEFT_W, ct._LEFT_W_LOW), (ct._RIGHT, ct._RIGHT_LOW),
            (ct._MODIFIER_W, ct._MODIFIER_W_LOW), (ct._BODIES_OF, ct._BODIES_OF_LOW),
            (ct._NEAR_VERB, ct._NEAR_VERB_LOW), (ct._NOT_COUNT_AFTER, ct._NOT_COUNT_AFTER_LOW)]


@pytest.mark.parametrize("text", [
    _PROBE, _PROBE.upper(),
    "“Three Civilians were KILLED,” he said — Shot Down 2 DRONES; the bodies of 40 were returned.",
    "At least FIVE people, including 2 children, were wounded by a KAB – the Ukrainian Mayor’s office said",
    "Fighting in the East, AMID shelling Between the Russian forces; Across eastern Ukraine, north-eastern areas",
])
def test_lowercase_variants_find_what_the_patterns_find(text):
    """On ``text.lower()`` (folding simply) each variant matches with the pattern's spans, everywhere."""
    from toolkit.annotate._eventlex import case_folds_simply

    low = text.lower()
    assert case_folds_simply(low, text)
    for pattern, variant in _variant_pairs():
        for pos in range(len(text)):
            a, b = pattern.match(text, pos), variant.match(low, pos)
            assert (a and a.regs) == (b and b.regs), (pattern.pattern[:40], pos)
            a, b = pattern.search(text, pos), variant.search(low, pos)
            assert (a and a.regs) == (b and b.regs), (pattern.pattern[:40], pos)


@pytest.mark.parametrize(("text", "simple"), [("Kyiv’s “drones”", True), ("ſhelled", False), ("Dıs", False),
                                              ("İzmir", False)])
def test_case_folds_simply(text, simple):
    from toolkit.annotate._eventlex import case_folds_simply

    assert case_folds_simply(text.lower(), text) is simple


@pytest.mark.parametrize("pattern", [r"(?-i:May)\b", r"[^a]b", r"(a)\1", r"x(?i:y)"])
def test_lowercase_variant_refuses_case_dependent_patterns(pattern):
    from toolkit.annotate._eventlex import lowercase_variant

    with pytest.raises(ValueError):
        lowercase_variant(re.compile(pattern, re.I))


@pytest.mark.parametrize("text", [_PROBE, "  no\u00a0cue \t here,\n\nwill not   be  ", "", "   ", "a b c d e f g h i j k",
                                  "It may 5 May may. MAY 5 may, may be; Mayor may5 themay mays Willing WILL NOT",
                                  "Kyiv’s ſhelling may not; İt could"])
def test_cue_window_by_split_is_the_word_window(text):
    from toolkit.annotate import _eventlex as lex

    for lo in range(0, len(text) + 1, 3):
        for pos in range(lo, len(text) + 1, 4):
            for words in (3, 8, 10):
                toks = lex._WORD.findall(text[lo:pos])[-words:]
                window = " ".join(toks)
                want = (bool(lex.NEGATION.search(window)), bool(lex.HEDGE.search(window)))
                assert lex.cue_before(text, lo, pos, words=words) == want


def test_gazetteer_first_word_scan_is_the_lookbehind_scan():
    from toolkit.annotate import _eventlex as lex

    fast = lex._first_words()
    assert fast.pattern.startswith(lex._NON_LETTER_LOW)
    slow = re.compile(r"(?<![^\W\d_])" + fast.pattern[len(lex._NON_LETTER_LOW):])
    low = (_PROBE + " kyiv-kharkiv 2odesa _lviv kyivan (donetsk) lugansk").lower()
    assert [m.start() for m in fast.finditer(" " + low)] == [m.start() for m in slow.finditer(low)]
    assert len(list(slow.finditer(low))) >= 5


def test_near_verb_check_spells_out_the_verbs():
    from toolkit.annotate import counts as ct_mod

    assert all(ct_mod._has_near_verb(f"x {verb} y") for verb in ct_mod._NEAR_VERBS)
    assert not ct_mod._has_near_verb("kill die wound injure detain arrest abduct kidnap")


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"abc|d", {"ab", "d"}), (r"(?:x|y)?z", {"xz", "yz", "z"}), (r"shot\s+down", {"sh"}), (r"ab*c", {"ab", "ac"}),
    (r"a{0,3}b", {"aa", "ab", "b"}), (r"(?:ab)+c", {"ab"}), (r"[A-C]x|(?=q)r", {"ax", "bx", "cx", "r"}),
    (r"(?:a?){3}b", {"aa", "ab", "b"}), (r"K(?-i:[A-Z])", {"k" + c for c in "abcdefghijklmnopqrstuvwxyz"}),
    (r"\bK\w+", None), (r"a?", None), (r"x[^y]", None),
])
def test_first_pairs(pattern, expected):
    from toolkit.annotate._eventlex import first_pairs

    assert first_pairs(pattern) == (None if expected is None else frozenset(expected))


def test_actor_scan_from_the_character_before_is_the_actor_scan():
    from toolkit.annotate._eventlex import ACTOR, ACTOR_SCAN

    text = ("Russian forces and Ukrainian troops clashed; the SBU said pro-Russian militants, police "
            "and (Wagner Group) fighters-Russia Kremlin_x both sides " + _PROBE)
    assert len(list(ACTOR.finditer(text))) >= 8
    for lo in range(1, len(text)):
        for end in (lo, lo + 30, len(text)):
            assert [m.span("a") for m in ACTOR_SCAN.finditer(text, lo - 1, end)] == \
                [m.span() for m in ACTOR.finditer(text, lo, end)], (lo, end)


_WINDOW_TOKENS = ["Mr.", "U.S.", "killed.", "said", "The", "the", "J.", "5.", "2022.", "...", "?", "!", "“",
                  "”", '"', "(", ")", "Kyiv.", "etc.", "e.g.", "Jan.", "no.", "St.", "--", ",", "it", "A", "a."]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_WINDOW_TOKENS),
                                   st.sampled_from([" ", " ", "\n", "  ", "\xa0", ""])), max_size=12),
                min_size=1, max_size=4))
def test_punkt_spans_with_shared_decisions_are_punkt_spans(texts):
    """Punkt decisions remembered across texts give the spans computed without the memo."""
    from toolkit.annotate.sentences import _punkt_spans

    breaks: dict[str, bool] = {}
    for parts in [*texts, *texts]:  # the second round reads decisions made in the first
        text = "".join(t + s for t, s in parts)
        assert _punkt_spans(text, breaks) == _punkt_spans(text)


def test_punkt_memo_forgets_beyond_the_bound(monkeypatch):
    from toolkit.annotate import sentences
    from toolkit.annotate.sentences import _punkt_spans

    monkeypatch.setattr(sentences, "BREAKS_KEPT", 2)
    breaks: dict[str, bool] = {}
    text = "He left. Mr. Smith came. It was 2022. Then U.S. troops left. The end."
    assert _punkt_spans(text, breaks) == _punkt_spans(text)
    assert 0 < len(breaks) <= 2
