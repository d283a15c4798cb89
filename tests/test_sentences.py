"""Sentence splitting: Punkt trained on news, offline, with hard abbreviation cases."""

import pandas as pd
import pytest

import toolkit
from toolkit.annotate.sentences import sentence_spans
from toolkit.resources import MissingResourceError, require


def split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
        ("Lt. Col. Ivan Petrov said the unit held. Fighting went on.",
         ["Lt. Col. Ivan Petrov said the unit held.", "Fighting went on."]),
        ("The U.S. Army sent aid. Kyiv welcomed it.", ["The U.S. Army sent aid.", "Kyiv welcomed it."]),
        ("Aid arrived from the U.S. on Monday.", ["Aid arrived from the U.S. on Monday."]),
        ("The strike hit at 5 p.m. local time. Two died.", ["The strike hit at 5 p.m. local time.", "Two died."]),
        ("Gen. Valery Gerasimov spoke. Troops moved.", ["Gen. Valery Gerasimov spoke.", "Troops moved."]),
        ("He flew to St. Petersburg. Talks began.", ["He flew to St. Petersburg.", "Talks began."]),
        ("Sen. Lindsey Graham (R-S.C.) spoke. Aid passed.", ["Sen. Lindsey Graham (R-S.C.) spoke.", "Aid passed."]),
        ("Dr. Anna Ivanova treated them, e.g. children. All lived.",
         ["Dr. Anna Ivanova treated them, e.g. children.", "All lived."]),
        ("“We will win,” he said. “Glory to Ukraine!” the crowd replied.",
         ["“We will win,” he said.", "“Glory to Ukraine!” the crowd replied."]),
        ("Is it over? No. It is not.", ["Is it over?", "No.", "It is not."]),
        ("Headline without a period\n\nFirst sentence of the story.",
         ["Headline without a period", "First sentence of the story."]),
        ("", []),
    ],
)
def test_hard_sentence_cases(text, expected):
    assert split(text) == expected


def test_sentences_table_has_offsets_into_text(seed_path):
    articles = toolkit.load_corpus(seed_path)
    table = toolkit.sentences(articles)
    assert list(table.columns) == ["doc_id", "sent_id", "start", "end", "text"]
    text = articles["text"].iloc[0]
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    assert table["sent_id"].tolist() == list(range(len(table)))
    assert "Mayor Ihor Terekhov said." in table["text"].iloc[-5]
    assert len(table) == 15


def test_missing_columns_are_named():
    with pytest.raises(KeyError, match="Available columns"):
        toolkit.sentences(pd.DataFrame({"body": ["x"]}))


def test_a_missing_resource_names_the_fix(tmp_path):
    with pytest.raises(MissingResourceError, match="Fix: make punkt"):
        require("punkt", tmp_path / "abbrev_types.txt")


# --- the fast Punkt path must give NLTK's spans exactly -------------------------------------------
_TRICKY = [
    "He said so. The end.", "Mr. Putin spoke. U.S. troops left.", "In 2022. Then 5. It rose.",
    "Wait... what? Yes!! No.", "J. S. Bach wrote. e.g. this.", "They fled.\nNext line. More.",
    "“Enough.” She left. (Really.) Yes.", "Cost 5.5 bn. Then 6. Done.", "He ran -- fast. Then.",
    "a. b. c. d.", "Ends with abbr. etc. Then Jan. 5. The end.", "x\x1c. y\x85. z\u2028. w\xa0. Q",
    "No.1 is here. No. 2 is there.", "He said: “Go.” “Now?” she asked.", ". . . start. End",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_fast_punkt_spans_equal_nltk(text):
    from toolkit.annotate.sentences import _punkt_spans
    from toolkit.resources import punkt_tokenizer

    assert _punkt_spans(text) == list(punkt_tokenizer().span_tokenize(text))


def test_fast_punkt_spans_equal_nltk_random():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from toolkit.annotate.sentences import _punkt_spans
    from toolkit.resources import punkt_tokenizer

    token = st.sampled_from([
        "Mr.", "U.S.", "killed.", "said", "The", "the", "J.", "5.", "2022.", "...", "?", "!", "“", "”",
        '"', "(", ")", "Kyiv.", "etc.", "e.g.", "Jan.", "no.", "St.", "--", ",", "it", "A", "a.", "—",
    ])
    space = st.sampled_from([" ", " ", " ", "\n", "  ", "\t", "\xa0", "\x85", "\u2028", ""])

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.lists(st.tuples(token, space), max_size=14))
    def check(parts):
        text = "".join(t + s for t, s in parts)
        assert _punkt_spans(text) == list(punkt_tokenizer().span_tokenize(text))

    check()
