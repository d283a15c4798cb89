"""load_corpus: every source type, column mappings, and bad input that loses nothing."""

import gzip
import json

import pandas as pd
import pytest

import toolkit
from toolkit import config, schema
from toolkit.io.readers import ColumnMappingError

ROWS = [
    {"id": "a1", "headline": "Strike on Kharkiv", "body": "KHARKIV, June 11 (Reuters) - Drones hit the city.",
     "date": "2025-06-11T08:00:00Z", "site": "Reuters", "link": "https://example.org/a1", "extra_col": 1},
    {"id": "a2", "headline": "Talks", "body": "Talks resumed in Istanbul on Monday.",
     "date": "2025-06-09", "site": "AP", "link": "https://example.org/a2", "extra_col": 2},
]
MAPPING = {"text": "body", "title": "headline", "published": "date", "outlet": "site", "url": "link",
           "doc_id": "id"}


def _check_rows(frame):
    assert list(frame["doc_id"]) == ["a1", "a2"]
    assert list(frame["title"]) == ["Strike on Kharkiv", "Talks"]
    assert frame["published"].iloc[0] == pd.Timestamp("2025-06-11 08:00", tz="UTC")
    assert list(frame["published_source"]) == ["metadata", "metadata"]
    assert frame["body_dateline_place"].iloc[0] == "KHARKIV"
    assert frame["body_dateline_date"].iloc[0] == pd.Timestamp("2025-06-11", tz="UTC")
    assert list(frame["extra_col"].astype(int)) == [1, 2]  # unknown columns are kept
    assert frame.attrs["rejected"].empty
    assert str(frame["published"].dtype) == schema.UTC


@pytest.mark.parametrize("fmt", ["csv", "csv.gz", "tsv", "jsonl", "jsonl.gz", "json", "parquet"])
def test_tables_with_a_column_mapping(tmp_path, fmt):
    frame = pd.DataFrame(ROWS)
    path = tmp_path / f"news.{fmt}"
    if fmt.startswith("csv"):
        frame.to_csv(path, index=False)
    elif fmt == "tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif fmt.startswith("jsonl"):
        frame.to_json(path, orient="records", lines=True)
    elif fmt == "json":
        frame.to_json(path, orient="records")
    else:
        frame.to_parquet(path)
    _check_rows(toolkit.load_corpus(path, **MAPPING))


def test_a_dataframe_is_a_source_too():
    _check_rows(toolkit.load_corpus(pd.DataFrame(ROWS), **MAPPING))


def test_common_column_names_are_found_without_a_mapping():
    frame = pd.DataFrame([{"text": "Body.", "title": "T", "date": "2022-03-01", "url": "u"}])
    row = toolkit.load_corpus(frame).iloc[0]
    assert (row["title"], row["url"], row["published"]) == ("T", "u", pd.Timestamp("2022-03-01", tz="UTC"))


def test_a_wrong_column_mapping_lists_the_available_columns():
    with pytest.raises(ColumnMappingError, match=r"text='article_body'.*Available columns: \['id', 'headline'"):
        toolkit.load_corpus(pd.DataFrame(ROWS), text="article_body")


def test_a_table_without_a_text_column_says_so():
    with pytest.raises(ColumnMappingError, match="no text column found"):
        toolkit.load_corpus(pd.DataFrame([{"x": 1}]))


def test_folder_is_read_recursively_and_readmes_are_skipped(tmp_path, seed_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "seed.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "a" / "plain.txt").write_text("A Plain Headline\n\nKYIV (AP) — Body of a plain story.\n")
    (tmp_path / "README.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    frame = toolkit.load_corpus(tmp_path)
    assert len(frame) == 2
    plain = frame[frame["source_path"].str.endswith("plain.txt")].iloc[0]
    assert plain["title"] == "A Plain Headline"
    assert plain["text"] == "KYIV (AP) — Body of a plain story."
    assert plain["published_source"] == "none" and pd.isna(plain["published"])
    assert plain["load_notes"] == "no_date"


def test_default_loads_the_seed_and_the_bundled_corpus():
    frame = toolkit.load_corpus()
    assert len(frame) > 2000
    assert (frame["published_source"] == "menafn_id").sum() == 1
    assert frame["published"].notna().all()
    rejected = frame.attrs["rejected"]
    assert set(rejected["reason"]) <= {"duplicate_of"}
    assert frame["doc_id"].is_unique
    assert (frame["source_path"].str.contains(str(config.RAW_DIR.name))).sum() == len(frame) - 1


# ---- bad input: never crash the whole load, never drop silently ------------------------------


@pytest.fixture
def messy_folder(tmp_path, seed_path):
    (tmp_path / "good.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Kyiv reopened.".encode("latin-1"))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    good_gz = gzip.compress(b"A story about talks.")
    (tmp_path / "truncated.txt.gz").write_bytes(good_gz[: len(good_gz) // 2])
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    lines = [
        json.dumps({"id": "j1", "text": "First row.", "published": "2022-02-24"}),
        "{not json",
        json.dumps({"id": "j2", "text": None, "published": "2022-02-24"}),
        json.dumps({"id": "j3", "text": "Bad date.", "published": "the day after"}),
        json.dumps({"id": "j1", "text": "Same id again.", "published": "2022-02-25"}),
        json.dumps({"id": "j4", "text": "", "published": "2022-02-25"}),
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines))
    (tmp_path / "rows.csv").write_text('text,date\n"Fine row.",2022-03-01\n"unterminated,2022-03-02\n')
    (tmp_path / "short.csv").write_text("text,date,outlet\nOnly two fields,2022-03-01\nGood row,2022-03-02,BBC\n")
    return tmp_path


def test_bad_input_is_rejected_with_reasons_and_nothing_is_lost(messy_folder):
    frame = toolkit.load_corpus(messy_folder)
    rejected = frame.attrs["rejected"]
    reasons = {(p.rsplit("/", 1)[-1], r) for p, r in zip(rejected["source_path"], rejected["reason"], strict=True)}
    assert reasons == {
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("binary.txt", "binary"),
        ("doc.pdf", "unsupported"),
        ("truncated.txt.gz", "unreadable"),
        ("broken.parquet", "unreadable"),
        ("rows.jsonl#row=2", "bad_record"),
        ("rows.jsonl#row=3", "no_text"),
        ("rows.jsonl#row=5", "duplicate_id"),
        ("rows.jsonl#row=6", "empty"),
        ("rows.jsonl#row=7", "bad_record"),
        ("short.csv#row=1", "bad_record"),
        ("rows.csv#row=2", "bad_record"),
    }
    assert rejected["detail"].str.len().gt(5).all()
    loaded = set(frame["source_path"].str.rsplit("/", n=1).str[-1])
    assert loaded == {"good.txt", "latin1.txt", "rows.jsonl#row=1", "rows.jsonl#row=4", "rows.csv#row=1",
                      "short.csv#row=2"}


@pytest.mark.parametrize(("body", "loaded_ids", "rejected_lines"), [
    # The quote opened on line 3 closes at the first mark of line 4 ...
    ('id,title,text\n1,A,"Fine."\n2,B,"Never closed.\n3,C,"Third."\n4,D,"Fourth."\n',
     ["1", "3", "4"], "lines 3-4"),
    # ... or never: the lenient reader would return lines 3-5 as one record's text.
    ('id,title,text\n1,A,"Fine."\n2,B,"Never closed.\n3,C,Third.\n4,D,Fourth.\n',
     ["1", "3", "4"], "lines 3-5"),
    # A stray mark on one line is read leniently, as pandas reads it ...
    ('id,title,text\n1,"Quoted" title,Body.\n2,B,"Fine."\n', ["1", "2"], None),
    # ... unless the fields no longer fit the header.
    ('id,title,text\n1,A,"He said "no", twice."\n2,B,"Fine."\n', ["2"], "line 2:"),
    # Quoted fields may span lines; that is no error.
    ('id,title,text\n1,A,"Para one.\n\nPara two."\n2,B,Fine.\n', ["1", "2"], None),
])
def test_an_unterminated_csv_quote_loses_only_its_own_record(tmp_path, body, loaded_ids, rejected_lines):
    (tmp_path / "rows.csv").write_text(body)
    frame = toolkit.load_corpus(tmp_path / "rows.csv")
    assert sorted(frame["doc_id"]) == loaded_ids
    rejected = frame.attrs["rejected"]
    if rejected_lines is None:
        assert rejected.empty
    else:
        assert list(rejected["reason"]) == ["bad_record"]
        assert rejected_lines in rejected["detail"].iloc[0]


def test_undecodable_bytes_are_replaced_and_flagged(messy_folder):
    frame = toolkit.load_corpus(messy_folder / "latin1.txt")
    row = frame.iloc[0]
    assert row["text"] == "Caf\ufffd in Kyiv reopened."
    assert row["decode_replaced"] == 1
    assert "decode_replaced" in row["load_notes"]


def test_unparseable_dates_are_kept_and_noted(messy_folder):
    frame = toolkit.load_corpus(messy_folder / "rows.jsonl")
    row = frame.set_index("doc_id").loc["j3"]
    assert pd.isna(row["published"])
    assert row["load_notes"].startswith("unparseable_date: 'the day after'")


def test_require_date_rejects_undated_articles(messy_folder):
    frame = toolkit.load_corpus(messy_folder / "rows.jsonl", require_date=True)
    rejected = frame.attrs["rejected"]
    assert rejected.loc[rejected["reason"] == "no_date", "doc_id"].tolist() == ["j3"]


def test_a_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        toolkit.load_corpus(tmp_path / "nope")


# ---- the research corpus (../shared) ----------------------------------------------------------


@pytest.mark.slow
def test_research_corpus_loads_with_no_valid_row_rejected(shared_path):
    path = shared_path("corpora", "ukraine-media", "ukraine_media_fulltext.csv")
    frame = toolkit.load_corpus(path)
    assert len(frame) == 5009
    assert frame.attrs["rejected"].empty
    assert frame["published"].notna().all()
    assert frame["doc_id"].is_unique
    assert (frame["text"].str.len() > 0).all()


def test_open_corpus_in_shared_loads_too(shared_path):
    paths = sorted(shared_path("corpora", "open").glob("*.jsonl"))
    frame = toolkit.load_corpus(paths)
    rejected = frame.attrs["rejected"]
    assert len(frame) + len(rejected) == 2355
    assert set(rejected["reason"]) == {"duplicate_of"}


def test_dates_that_cannot_be_localised_or_represented_are_noted_not_fatal():
    frame = toolkit.load_corpus(pd.DataFrame({
        "text": ["Spring forward.", "Fall back.", "Placeholder.", "Epoch.", "Word."],
        "published": ["2024-03-31 03:30", "2024-10-27 03:30", "0001-01-01", "1717000000", "today"],
    }), timezone="Europe/Kyiv")
    assert frame["published"].iloc[0] == pd.Timestamp("2024-03-31 01:00", tz="UTC")
    notes = frame["load_notes"].tolist()
    assert notes[0].startswith("nonexistent_local_time") and "shifted forward" in notes[0]
    assert notes[1].startswith("ambiguous_local_time")
    assert notes[2].startswith("out_of_range_date")
    assert notes[3].startswith("unparseable_date") and notes[4].startswith("unparseable_date")
    assert frame["published"].iloc[1:].isna().all()


def test_dayfirst_dates():
    frame = pd.DataFrame({"text": ["x"], "published": ["11.06.2025"]})
    assert toolkit.load_corpus(frame, dayfirst=True)["published"].iloc[0] == pd.Timestamp("2025-06-11", tz="UTC")


def test_an_unknown_time_zone_is_a_clear_error():
    with pytest.raises(ValueError, match="IANA name such as 'UTC' or 'Europe/Kyiv'"):
        toolkit.load_corpus(pd.DataFrame({"text": ["x"]}), timezone="Kyiv")


def test_files_that_number_their_rows_independently(tmp_path):
    for name in ("bbc.csv", "rt.csv"):
        pd.DataFrame({"id": [1, 2], "text": [f"{name} one", f"{name} two"]}).to_csv(tmp_path / name, index=False)
    clashing = toolkit.load_corpus(tmp_path)
    assert len(clashing) == 2 and set(clashing.attrs["rejected"]["reason"]) == {"duplicate_id"}
    assert "doc_id=False" in clashing.attrs["rejected"]["detail"].iloc[0]
    hashed = toolkit.load_corpus(tmp_path, doc_id=False)
    assert len(hashed) == 4 and hashed.attrs["rejected"].empty


def test_empty_tables_and_headline_only_files_are_rejected(tmp_path):
    (tmp_path / "header_only.csv").write_text("text,date\n")
    (tmp_path / "headline.txt").write_text("Just A Headline\n\n")
    pd.DataFrame({"text": pd.Series([], dtype=str)}).to_parquet(tmp_path / "none.parquet")
    frame = toolkit.load_corpus(tmp_path)
    rejected = frame.attrs["rejected"]
    assert len(frame) == 0
    assert sorted(rejected["source_path"].str.rsplit("/", n=1).str[-1]) == ["header_only.csv", "headline.txt", "none.parquet"]
    assert set(rejected["reason"]) == {"empty"}


def test_gzipped_parquet(tmp_path):
    import gzip as gz

    path = tmp_path / "rows.parquet"
    pd.DataFrame(ROWS).to_parquet(path)
    (tmp_path / "rows.parquet.gz").write_bytes(gz.compress(path.read_bytes()))
    path.unlink()
    _check_rows(toolkit.load_corpus(tmp_path / "rows.parquet.gz", **MAPPING))


def test_loaded_frames_concatenate_and_merge_with_their_rejections(seed_path, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    a, b = toolkit.load_corpus(seed_path), toolkit.load_corpus(tmp_path)
    both = pd.concat([a, a])
    assert len(both) == 2 and both.attrs["rejected"].empty
    assert len(pd.concat([a, b])) == 1  # different rejection tables: pandas drops attrs, no error
    merged = a.merge(a[["doc_id"]], on="doc_id")
    assert len(merged) == 1
    assert b.head().attrs["rejected"]["reason"].tolist() == ["empty"]
