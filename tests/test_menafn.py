"""MENAFN ids give their known dates (../shared/gold/menafn/)."""

import datetime as dt

import pandas as pd
import pytest

from toolkit.io.menafn import find_menafn_id, parse_menafn_id


@pytest.mark.parametrize(
    ("menafn_id", "date", "provider", "article"),
    [
        ("MENAFN11062025007365015876ID1109660795", dt.date(2025, 6, 11), "007365015876", "1109660795"),
        ("MENAFN29022024000071011013ID1107947966", dt.date(2024, 2, 29), "000071011013", "1107947966"),
        ("MENAFN01012000000000000001ID1", dt.date(2000, 1, 1), "000000000001", "1"),
    ],
)
def test_parse_menafn_id(menafn_id, date, provider, article):
    parsed = parse_menafn_id(menafn_id)
    assert (parsed.date, parsed.provider, parsed.article) == (date, provider, article)


@pytest.mark.parametrize("impossible", ["MENAFN31022025007365015876ID1", "MENAFN11132025007365015876ID1"])
def test_impossible_date_gives_none_not_an_error(impossible):
    assert parse_menafn_id(impossible).date is None


@pytest.mark.parametrize("not_an_id", ["MENAFN1106202500736501ID1", "menafn", "", "MENAFN11062025007365015876"])
def test_not_an_id(not_an_id):
    assert parse_menafn_id(not_an_id) is None


def test_last_id_in_text_wins_and_offsets_point_at_it():
    text = "quoted MENAFN01012020000000000001ID5 in the body\n\nMENAFN11062025007365015876ID1109660795\n"
    found = find_menafn_id(text)
    assert found.date == dt.date(2025, 6, 11)
    assert text[found.start : found.end] == found.raw


def test_every_gold_id_gives_its_known_date(shared_path):
    gold = pd.read_csv(shared_path("gold", "menafn", "menafn_id_evidence_full_ids.csv"))
    assert len(gold) >= 4
    for row in gold.itertuples():
        parsed = parse_menafn_id(row.menafn_id)
        assert parsed.date == dt.date.fromisoformat(row.parsed_date), row.menafn_id
        assert parsed.article == str(row.url_article_id)
        assert parsed.provider == str(row.provider_code).zfill(12)
        if isinstance(row.page_date_metadata, str) and row.page_date_metadata[:4].isdigit():
            assert parsed.date == dt.date.fromisoformat(row.page_date_metadata[:10])
