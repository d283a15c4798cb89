"""The command line: python -m toolkit {load, evaluate, report}."""

from toolkit.__main__ import main


def test_evaluate_without_a_kind_lists_the_scorers(capsys):
    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    for kind in ("timeml", "quotes", "sentiment", "acled"):
        assert kind in out


def test_evaluate_an_unknown_kind_fails(capsys):
    assert main(["evaluate", "bleu", "x"]) == 2


def test_evaluate_a_missing_path_is_a_clear_error(capsys, tmp_path):
    assert main(["evaluate", "timeml", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_load_prints_a_summary_and_rejections(capsys, seed_path, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "seed.txt").write_bytes(seed_path.read_bytes())
    out_file = tmp_path / "articles.parquet"
    assert main(["load", str(tmp_path), "--parquet", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "loaded 1 articles" in out and "rejected 1" in out and "empty" in out
    assert out_file.exists()
