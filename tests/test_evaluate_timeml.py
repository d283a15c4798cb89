"""Tests for toolkit.evaluate.timeml: TempEval-3 scoring of TimeML files."""

from __future__ import annotations

import pytest

from toolkit.evaluate import timeml
from toolkit.evaluate.timeml import Timex, evaluate, load_folder, main, parse_tml, score

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; talks \
<TIMEX3 tid="t2" type="DURATION" value="P3D">lasted three days</TIMEX3>. They ended \
<TIMEX3 tid="t3" type="DATE" value="1998-W30">last week</TIMEX3>. Officials now say \
<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">the moment</TIMEX3> passed.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_dir(tmp_path):
    sub = tmp_path / "nested"
    sub.mkdir()
    (sub / "test1.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_parse_offsets_on_plain_text(tml_dir):
    doc = parse_tml(tml_dir / "nested" / "test1.tml")
    assert doc.dct == "1998-08-07"
    assert len(doc.timexes) == 4  # the DCT is outside <TEXT> and not scored
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "&" in doc.text and "<EVENT" not in doc.text


def test_score_by_hand(tml_dir):
    doc = parse_tml(tml_dir / "nested" / "test1.tml")
    text = doc.text

    def sys_(phrase, type_, value):
        s = text.index(phrase)
        return Timex(s, s + len(phrase), phrase, type_, value)

    system = {doc.doc_id: [
        sys_("Friday", "DATE", "1998-08-07"),       # strict match, value ok
        sys_("three days", "DURATION", "P3D"),      # relaxed only (gold includes "lasted")
        sys_("last week", "SET", "1998-W31"),       # strict, value and type wrong
        sys_("now", "DATE", "PRESENT_REF"),         # spurious; "the moment" is missed
    ]}
    s = score([doc], system)
    assert (s.n_gold, s.n_system) == (4, 4)
    assert s.strict_f1 == pytest.approx(50.0)
    assert s.relaxed_p == pytest.approx(75.0) and s.relaxed_r == pytest.approx(75.0)
    assert s.value_f1 == pytest.approx(75.0 * 2 / 3)
    assert s.type_f1 == pytest.approx(75.0 * 2 / 3)
    kinds = sorted(e["kind"] for e in s.errors)
    assert kinds == ["extent", "missed", "spurious", "type", "value"]


def test_end_to_end_and_cli(tml_dir, tmp_path, capsys):
    s = evaluate([tml_dir])
    assert s.n_docs == 1 and s.n_gold == 4
    assert s.relaxed_f1 > 0
    errors = tmp_path / "errors.tsv"
    assert main([str(tml_dir), "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "relaxed" in out and "value F1" in out
    assert errors.read_text().startswith("doc_id\t")


def test_shared_tbaq_floor(shared_path):
    gold = shared_path("gold", "timeml")
    docs = load_folder([gold])
    assert len(docs) == 256 and sum(len(d.timexes) for d in docs) == 1822
    s = timeml.score(docs, timeml.annotate(docs))
    # floors a little below the measured scores, so that a regression fails
    assert s.relaxed_f1 >= FLOOR["relaxed_f1"], s.as_dict()
    assert s.strict_f1 >= FLOOR["strict_f1"], s.as_dict()
    assert s.value_f1 >= FLOOR["value_f1"], s.as_dict()
    assert s.type_f1 >= FLOOR["type_f1"], s.as_dict()
    # the less tuned-on part on its own (measured value F1 78.71)
    aq = timeml.score([d for d in docs if d.group == "AQUAINT"], timeml.annotate(docs))
    assert aq.value_f1 >= 78.4, aq.as_dict()


FLOOR = {"strict_f1": 88.9, "relaxed_f1": 94.3, "value_f1": 82.7, "type_f1": 91.4}


def test_scores_by_part(tmp_path, capsys):
    for part in ("PartA", "PartB"):
        (tmp_path / part).mkdir()
        (tmp_path / part / f"{part}.tml").write_text(TML, encoding="utf-8")
    docs = load_folder([tmp_path])
    assert [d.group for d in docs] == ["PartA", "PartB"]
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "by part" in out and "PartA" in out and "PartB" in out


@pytest.mark.parametrize(
    ("gold", "system", "notation_only"),
    [
        ("2000-W7", "2000-W07", 1),
        ("1949-XX", "1949", 1),
        ("199X", "199", 1),
        ("2000-W7", "2000-W08", 0),
        ("1998-10-23", "1998-10-23TNI", 0),  # a finer value is a different value
    ],
)
def test_value_notation_only(gold, system, notation_only):
    doc = timeml.GoldDoc("d", "2000-02-16", "x this week y", [Timex(2, 11, "this week", "DATE", gold)])
    s = score([doc], {"d": [Timex(2, 11, "this week", "DATE", system)]})
    assert s.value_f1 == 0.0 and s.value_notation_only == notation_only


@pytest.mark.parametrize(
    ("gold", "system", "label"),
    [
        ("1998-10-23", "1998-10-16", "value 9999-99-99 -> 9999-99-99 (day differs)"),
        ("1998-10-23", "1998-11-23", "value 9999-99-99 -> 9999-99-99 (month differs)"),
        ("1988-10-23", "1989-10-23", "value 9999-99-99 -> 9999-99-99 (year differs)"),
        ("1989-Q4", "1989-Q3", "value 9999-Q9 -> 9999-Q9 (quarter differs)"),
        ("1998-W32", "1998-W33", "value 9999-W99 -> 9999-W99 (week differs)"),
        ("1998-SU", "1998-FA", "value 9999-SU -> 9999-FA"),  # letters are not masked
        ("P2Y", "P3Y", "value P9Y -> P9Y (amount differs)"),
        ("1998-10-23T10:00", "1998-10-23T22:00", "value 9999-99-99T99:99 -> 9999-99-99T99:99 (hour differs)"),
        ("1998-10-23T10:15", "1998-10-23T10:30", "value 9999-99-99T99:99 -> 9999-99-99T99:99 (minute differs)"),
        ("199", "198", "value 999 -> 999 (decade differs)"),
        ("1998-10-23", "1998-10-23TNI", "value 9999-99-99 -> 9999-99-99TNI"),  # the shape says it
        ("1998-08-04", "1998-W32", "value 9999-99-99 -> 9999-W99"),
    ],
)
def test_value_error_class_names_what_differs(gold, system, label):
    doc = timeml.GoldDoc("d", "1999-01-01", "x last week y", [Timex(2, 11, "last week", "DATE", gold)])
    s = score([doc], {"d": [Timex(2, 11, "last week", "DATE", system)]})
    assert [e["class"] for e in s.errors if e["kind"] == "value"] == [label]
