from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from _seed import seed_frame

from toolkit.annotate.counts import counts
from toolkit.annotate.events import events
from toolkit.export.gkg import GKG_COLUMNS, format_dates, format_quotations, parse_counts, to_gkg

FIXTURE = Path(__file__).parent / "fixtures" / "gkg21_counts_excerpt.tsv"


def _excerpt():
    with open(FIXTURE, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_parse_real_gkg_counts():
    rows = _excerpt()
    assert rows
    for row in rows:
        v1, v21 = parse_counts(row["V1COUNTS"]), parse_counts(row["V2.1COUNTS"])
        assert len(v1) == len(v21) > 0
        assert all("offset" not in r for r in v1) and all(isinstance(r["offset"], int) for r in v21)
        assert [(r["count_type"], r["number"]) for r in v1] == [(r["count_type"], r["number"]) for r in v21]
    first = parse_counts(rows[0]["V2.1COUNTS"])[0]
    assert first["count_type"] == "AFFECT" and first["number"] == 20 and first["loc_fullname"] == "China"


def test_parse_rejects_bad_block():
    with pytest.raises(ValueError):
        parse_counts("KILL#3#people;")


@pytest.fixture(scope="module")
def seed_gkg(seed_path):
    frame = seed_frame(seed_path).assign(outlet="Live Mint", url="https://www.livemint.com/x")
    ev = events(frame)
    ct = counts(frame, events=ev)
    return frame, ct, to_gkg(ct, frame, events=ev)


def test_seed_counts_roundtrip(seed_gkg):
    _, ct, gkg = seed_gkg
    assert list(gkg.columns[: len(GKG_COLUMNS)]) == list(GKG_COLUMNS)
    row = gkg.iloc[0]
    assert row["V2.1DATE"] == "20250611000000" and row["V2SOURCECOMMONNAME"] == "Live Mint"
    assert row["V2SOURCECOLLECTIONIDENTIFIER"] == "1"
    parsed = parse_counts(row["V2.1COUNTS"])
    assert [(p["count_type"], p["number"], p["offset"]) for p in parsed] == \
        [(r.count_type, int(r.number), r.start) for r in ct.itertuples()]
    drones = next(p for p in parsed if p["count_type"] == "DRONES")
    assert drones["loc_type"] == 4 and drones["loc_fullname"] == "Kharkiv, Kharkiv Oblast, Ukraine"
    assert drones["country_code"] == "UP" and drones["adm1_code"] == "UP07"
    assert len(parse_counts(row["V1COUNTS"])) == len(parsed)


def test_to_gkg_from_articles(seed_path):
    gkg = to_gkg(seed_frame(seed_path))
    assert "KILL#3#people" in gkg["V1COUNTS"].iloc[0]


def test_dates_and_quotations_syntax():
    times = pd.DataFrame({"doc_id": ["a"] * 4, "start": [10, 40, 70, 90], "type": ["DATE"] * 4,
                          "value": ["2025-06-11", "2025-06", "2024", "XXXX-06-05"]})
    assert format_dates(times) == "3#6#11#2025#10;2#6#0#2025#40;1#0#0#2024#70;4#6#5#0#90"
    quotes = pd.DataFrame({"doc_id": ["a"], "start": [5], "end": [12], "cue": ["said"], "text": ["no # way"]})
    assert format_quotations(quotes) == "5|7|said|no way"


def test_header_matches_real_gkg(shared_path):
    path = shared_path("gold", "gdelt", "gkg21_sample_20170701234500_english.tsv")
    header = path.open(encoding="utf-8").readline().rstrip("\n").split("\t")
    assert list(GKG_COLUMNS) == header
