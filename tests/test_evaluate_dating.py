"""Dating from the text alone, and whether the stated confidence matches how often it is right."""

import pandas as pd
import pytest

from toolkit.annotate.gaps import TEXT_DATES_CONFIDENCE
from toolkit.evaluate.dating import known_dates, score_dating

UTC = "UTC"


def _frame(rows):
    return pd.DataFrame({
        "doc_id": [r[0] for r in rows],
        "text": [r[1] for r in rows],
        "known": pd.to_datetime([r[2] for r in rows], utc=True),
    })


def test_scores_count_exact_near_and_undated_articles():
    frame = _frame([
        # the date written twice is the day the article carries
        ("a", "The ceasefire of 4 May 2024 held. Officials met on 4 May 2024 in Geneva.", "2024-05-04"),
        # one explicit date, a day before the known one
        ("b", "The agreement signed on March 2, 2023 took effect.", "2023-03-03"),
        # a historical date only: dated, but years off
        ("c", "Historians met in Paris to discuss the long shadow of the peace conference and its maps. "
              "The treaty of June 28, 1919 ended the war.", "2023-06-01"),
        # no explicit date: not dated
        ("d", "Talks resumed on Wednesday.", "2025-06-11"),
    ])
    summary, by_confidence = score_dating(frame)
    assert summary["articles"] == 4 and summary["dated"] == 3
    assert summary["coverage"] == pytest.approx(0.75)
    assert summary["exact"] == pytest.approx(1 / 3)
    assert summary["within_1"] == pytest.approx(2 / 3)
    assert summary["within_7"] == pytest.approx(2 / 3)
    # a and b write their date within the opening characters; c writes it once
    stated = TEXT_DATES_CONFIDENCE
    assert set(by_confidence["confidence"]) == {stated["opening"], stated["once"]}
    assert by_confidence["articles"].sum() == 3


def test_repeated_doc_ids_from_two_corpora_are_scored_apart():
    """Two inputs may both number their rows "1", "2", ...: each text is still compared with
    its own known date (keyed by doc_id, the two texts' dates were mixed: 1 of 2 exact)."""
    frame = _frame([
        ("1", "Officials met on 4 May 2024 in Geneva.", "2024-05-04"),
        ("1", "Officials met on 9 May 2024 in Vienna.", "2024-05-09"),
    ])
    summary, _ = score_dating(frame)
    assert summary["dated"] == 2
    assert summary["exact"] == pytest.approx(1.0)


def test_known_dates_trust_metadata_not_guesses(tmp_path):
    (tmp_path / "news.csv").write_text(
        "id,date,text\n"
        "1,2024-05-04,Officials met on 4 May 2024.\n"
        "2,,Officials met on 5 May 2024.\n"  # no date: nothing to score against
    )
    frame = known_dates([tmp_path / "news.csv"])
    assert list(frame["doc_id"]) == ["1"]
    assert frame["known"].iloc[0] == pd.Timestamp("2024-05-04", tz=UTC)


def test_known_dates_read_the_timeml_creation_time(tmp_path):
    (tmp_path / "doc.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>d1</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">'
        "02/27/1998</TIMEX3></DCT><TEXT>Talks began on "
        '<TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3>.</TEXT></TimeML>'
    )
    frame = known_dates([tmp_path])
    assert len(frame) == 1
    assert frame["known"].iloc[0] == pd.Timestamp("1998-02-27", tz=UTC)
    assert frame["text"].iloc[0] == "Talks began on Thursday."


def test_stated_confidence_matches_the_research_corpus(shared_path):
    """Each confidence tier holding 40 or more articles is right about as often as it says."""
    path = shared_path("corpora", "ukraine-media", "ukraine_media_fulltext.csv")
    _, by_confidence = score_dating(known_dates([path]))
    tiers = by_confidence[by_confidence["articles"] >= 40]
    assert len(tiers) >= 2
    for tier in tiers.itertuples(index=False):
        assert abs(tier.exact - tier.confidence) <= 0.1, tier


def test_brier_score_rewards_confidence_that_separates_right_from_wrong():
    frame = _frame([
        # written four times: stated 0.8, right
        ("r", " ".join(["Officials met on 4 May 2024."] * 4), "2024-05-04"),
        # a look back written once, past the opening: stated 0.05, wrong
        ("w", "Historians met in Paris to discuss the long shadow of the peace conference and its "
              "maps. The treaty of June 28, 1919 ended the war.", "2023-06-01"),
    ])
    summary, _ = score_dating(frame)
    assert summary["exact"] == pytest.approx(0.5)
    assert summary["brier"] == pytest.approx(((0.8 - 1) ** 2 + 0.05**2) / 2)
    assert summary["brier_flat"] == pytest.approx(0.25)
    assert summary["brier"] < summary["brier_flat"]
