"""Time expressions never crash, whatever the phrases and whether or not the dateline is known.

Articles whose date cannot be read are kept with ``published = NaT`` (see ``toolkit.load``), so
every rule must also work without a dateline: one crash would stop the annotation of a whole chunk.
"""

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.annotate.times import find_time_expressions, time_expressions

# Fragments that trigger the anchored and financial rules, mixed with plain words.
_PIECES = st.sampled_from([
    "Sales rose in the third quarter", "from a year earlier", "a year ago", "two years later",
    "in 2019", "on March 3, 2021", "last quarter", "the first nine months", "the fiscal year",
    "on Wednesday", "last week", "since Saturday", "overnight", "this year", "the 1990s",
    "three days", "every week", "Easter", "last Easter", "this spring", "10,000 years ago",
    "the previous day", "a month earlier", "the quarter", "Q3", "period", ",", ".", "and",
    "officials said", "up 5%", "\n\n",
    # the rules of quotes, named weeks, seasons, ranges, repeated months and the verb "last"
    "“", "”", '"', "today", "he said on Monday", "the Good Friday Agreement", "on Friday last week",
    "within the next week", "overnight into Friday", "almost overnight", "ahead of the winter",
    "in spring", "before spring", "in April", "the first two quarters of 2024", "since year-end",
    "expected to last several days", "from 09:30 to", "10.30am on Thursday 14 April", "February 29",
])
_DATELINES = st.one_of(st.none(), st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9998, 12, 31)))


def test_a_year_earlier_in_financial_text_without_a_dateline():
    text = "Revenue for the quarter ended June 30, 2021 fell from a year earlier."
    found = find_time_expressions(text, dct=None)
    assert [text[t.start:t.end] for t in found] == [t.text for t in found]
    assert any(t.text == "a year earlier" for t in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), _DATELINES)
def test_any_phrase_mix_is_annotated_with_or_without_a_dateline(pieces, dct):
    text = " ".join(pieces)
    found = find_time_expressions(text, dct=dct)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
    assert found == find_time_expressions(text, dct=dct)


def test_a_chunk_with_unknown_datelines_is_annotated_whole():
    frame = pd.DataFrame({
        "doc_id": ["a", "b"],
        "text": ["Revenue for the quarter ended June 30, 2021 fell from a year earlier.",
                 "Talks resumed on Wednesday."],
        "published": pd.to_datetime([None, "2025-06-11"], utc=True),
    })
    out = time_expressions(frame)
    assert set(out["doc_id"]) == {"a", "b"}
