"""The seed article's fields, exactly (issue #2)."""

import pandas as pd
import pytest

import toolkit


@pytest.fixture(scope="module")
def seed(seed_path):
    frame = toolkit.load_corpus(seed_path)
    assert len(frame) == 1
    assert frame.attrs["rejected"].empty
    return frame.iloc[0]


def test_seed_true_dateline_comes_from_the_menafn_id(seed):
    assert seed["published"] == pd.Timestamp("2025-06-11", tz="UTC")
    assert seed["published_source"] == "menafn_id"
    assert seed["menafn_id"] == "MENAFN11062025007365015876ID1109660795"
    assert seed["menafn_date"] == pd.Timestamp("2025-06-11", tz="UTC")
    assert seed["published"].day_name() == "Wednesday"


def test_seed_outlet_title_and_header(seed):
    assert seed["outlet"] == "Live Mint"
    assert seed["title"] == "Russia Returns Bodies Of 1,212 Soldiers To Ukraine Amid Stalled Istanbul Talks To End War"
    assert seed["header_text"] == "Tuesday, 02 January 2024 12:17 GMT"
    assert seed["header_date"] == pd.Timestamp("2024-01-02 12:17", tz="UTC")
    assert not seed["header_weekday_mismatch"]


def test_seed_header_conflict_is_flagged_with_the_gap_in_days(seed):
    assert seed["dateline_conflict"]
    assert seed["dateline_conflict_days"] == 526
    assert seed["dateline_conflict_reason"] == "header 2024-01-02 is 526 days before menafn_id 2025-06-11"


def test_seed_text_is_clean(seed):
    text = seed["text"]
    assert text.startswith("Ukraine announced on Wednesday that Russia has returned the bodies of 1,212 soldiers")
    assert text.endswith("greater international pressure on Moscow.")
    for boilerplate in ("Also Read", "MENAFN", "Legal Disclaimer", "Search", "(MENAFN-", "12:17 GMT"):
        assert boilerplate not in text
    assert "“Those are ordinary sites of peaceful life - those that should never be targeted,” Terekhov" in text


def test_seed_removals_name_their_rules(seed):
    rules = [r["rule"] for r in seed["removed"]]
    assert rules == ["header_banner", "title", "outlet_tag", "also_read", "also_read", "also_read",
                     "also_read", "menafn_id", "legal_disclaimer", "trailing_search"]
    raw = seed["raw_text"]
    for removal in seed["removed"]:
        assert raw[removal["start"] : removal["end"]] == removal["text"]


def test_seed_doc_id_is_stable(seed, seed_path, tmp_path):
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(seed_path.read_bytes())
    assert toolkit.load_corpus(copy).iloc[0]["doc_id"] == seed["doc_id"]
