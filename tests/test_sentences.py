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
