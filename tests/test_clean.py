"""Cleaning rules, normalisation and the offset map back to raw text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.clean import clean_text

MENAFN_PAGE = (
    "Monday, 01 January 2024 09:00 GMT\n\nHeadline Of The Story\n\n\n"
    "(MENAFN- Kyiv Post) First paragraph of the story.\n\n"
    "Also Read | Some other story\n\nSecond paragraph.\n\n"
    "MENAFN05062025000000000001ID1109999999\n\n\nLegal Disclaimer:\nMENAFN provides the information “as is”.\n\nSearch\n"
)


@pytest.mark.parametrize(
    ("rule", "removed_text"),
    [
        ("header_banner", "Monday, 01 January 2024 09:00 GMT"),
        ("title", "Headline Of The Story"),
        ("outlet_tag", "(MENAFN- Kyiv Post) "),
        ("also_read", "Also Read | Some other story"),
        ("menafn_id", "MENAFN05062025000000000001ID1109999999"),
        ("legal_disclaimer", "Legal Disclaimer:\nMENAFN provides the information “as is”.\n\n"),
        ("trailing_search", "Search\n"),
    ],
)
def test_each_menafn_rule_removes_its_part_and_says_so(rule, removed_text):
    cleaned = clean_text(MENAFN_PAGE)
    by_rule = {r.rule: r for r in cleaned.removed}
    assert by_rule[rule].text == removed_text
    assert MENAFN_PAGE[by_rule[rule].start : by_rule[rule].end] == removed_text
    assert removed_text.strip() not in cleaned.text


def test_menafn_page_keeps_only_the_story():
    cleaned = clean_text(MENAFN_PAGE)
    assert cleaned.text == "First paragraph of the story.\n\nSecond paragraph."
    assert (cleaned.title, cleaned.outlet) == ("Headline Of The Story", "Kyiv Post")
    assert cleaned.menafn_id.date.isoformat() == "2025-06-05"


@pytest.mark.parametrize(
    "footer",
    [
        " © 2022 BBC. The BBC is not responsible for the content of external sites. Read about our approach to external linking.",
        " Follow BBC West on Facebook, Twitter and Instagram. Send your story ideas to: bristol@bbc.co.uk",
        " ___ Follow the AP´s coverage of the war at https://apnews.com/hub/russia-ukraine",
        " Read more",
        " Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine-war Read more",
    ],
)
def test_site_footers_at_the_end_are_removed(footer):
    story = "Shelling continued in Kharkiv, officials said."
    cleaned = clean_text(story + footer, menafn=False)
    assert cleaned.text == story
    assert {r.rule for r in cleaned.removed} == {"site_footer"}


def test_footer_words_inside_a_story_stay():
    story = "He urged people to read more about the war. Follow the money, he said, and do not stop."
    assert clean_text(story, menafn=False).text == story


def test_plain_text_without_menafn_marks_is_only_normalised():
    raw = "Also Read | is a phrase here.\n\nSearch"
    assert clean_text(raw, menafn=False).text == "Also Read | is a phrase here.\n\nSearch"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a  b\t c", "a b c"),
        ("line one\nwrapped here.\n\nNext paragraph.", "line one wrapped here.\n\nNext paragraph."),
        ("one\ntwo\nthree", "one\n\ntwo\n\nthree"),  # no blank lines at all: newlines are paragraphs
        ("non\u00a0breaking", "non breaking"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("ﬁne ＡＢＣ ½", "fine ABC 1⁄2"),
        ("“curly” ‘single’ «guillemets» – — dashes", "“curly” ‘single’ «guillemets» – — dashes"),
        ("  \n\n leading and trailing \n\n ", "leading and trailing"),
        ("bell\x07char", "bellchar"),
        ("Russia´s attack", "Russia’s attack"),
    ],
)
def test_normalisation(raw, expected):
    assert clean_text(raw, menafn=False).text == expected


def _assert_offsets_round_trip(raw: str) -> None:
    cleaned = clean_text(raw)
    mapping = cleaned.offset_map
    for i, ch in enumerate(cleaned.text):
        j = mapping.to_raw(i)
        assert 0 <= j < len(raw)
        if ch.isspace():
            assert raw[j].isspace() or j == 0 or raw[j - 1].isspace() or not raw[j].isalnum()
        else:
            assert ch in unicodedata.normalize("NFKC", raw[j]) or raw[j] == ch or (raw[j], ch) == ("´", "’")


def test_offsets_round_trip_on_the_seed(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    _assert_offsets_round_trip(raw)
    cleaned = clean_text(raw)
    start = cleaned.text.index("Mayor Ihor Terekhov")
    s, e = cleaned.offset_map.span_to_raw(start, start + len("Mayor Ihor Terekhov"))
    assert raw[s:e] == "Mayor Ihor Terekhov"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_offsets_round_trip_on_any_text(raw):
    _assert_offsets_round_trip(raw)
    cleaned = clean_text(raw)
    assert cleaned.offset_map.to_raw(len(cleaned.text)) == len(raw)


def test_cleaning_is_deterministic(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    assert clean_text(raw) == clean_text(raw)
