from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.evaluate import acled

FIXTURE = Path(__file__).parent / "fixtures" / "acled_sample.csv"


@pytest.fixture(scope="module")
def results():
    return acled.evaluate(str(FIXTURE), baseline=True)


def test_scores_on_self_written_rows(results):
    ours, naive = results
    assert ours.n == 50 and ours.n_fatal > 10
    # self-written rows (not ACLED): these bounds guard against regressions only
    assert ours.kill_exact >= 0.9 and ours.kill_exact_fatal >= 0.8
    assert ours.type_acc >= 0.9 and ours.date_acc >= 0.95
    assert ours.kill_exact_fatal > naive.kill_exact_fatal and ours.type_acc > naive.type_acc


def test_main_prints_table(capsys):
    assert acled.main([str(FIXTURE), "--baseline"]) == 0
    out = capsys.readouterr().out
    assert "kill exact" in out and "naive regex" in out and "Top error classes" in out


def test_read_formats_and_missing_columns(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "event_date,sub_event_type,fatalities,notes\n"
        '05 June 2025,Armed clash,0,"On 5 June 2025, Russian forces and Ukrainian forces clashed near Toretsk. Fatalities unknown."\n'
        '2025-06-06,Shelling/artillery/missile attack,2,"On 6 June 2025, Russian forces shelled Kherson, killing 2 civilians."\n',
        encoding="utf-8",
    )
    res = acled.evaluate(str(path))[0]
    assert res.n == 2 and res.kill_exact == 1.0 and res.type_acc == 1.0 and res.date_acc == 1.0
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,notes\n2025-06-05,x\n", encoding="utf-8")
    with pytest.raises(KeyError, match="sub_event_type"):
        acled.read_acled(str(bad))
