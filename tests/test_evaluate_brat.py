"""Tests for toolkit.evaluate.brat: the PolNeAR-style quote scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.annotate.quotes import naive_quotes, quotes
from toolkit.evaluate import brat

DOC = (
    '"We will win," said Anna Lysenko.\n\n'
    'The mayor called it a "disaster" on Monday.\n\n'
    '"Prices are up," he said.\n\n'
    '"Nobody expected this," a resident said.\n\n'
    'The film is titled "The Long Road Home" and opens soon.\n'
)


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _write_folder(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc1.txt").write_text(DOC, encoding="utf-8")
    lines = []
    tid = eid = 0

    def t(label: str, piece: str, after: int = 0) -> str:
        nonlocal tid
        tid += 1
        s, e = _span(DOC, piece, after)
        lines.append(f"T{tid}\t{label} {s} {e}\t{piece}")
        return f"T{tid}"

    def attribution(content: str, source: str | None, cue: str, at: int | None = None) -> None:
        nonlocal eid
        eid += 1
        at = DOC.index(content) if at is None else at  # where source and cue are looked up
        c, q = t("Content", content), t("Cue", cue, at)
        a = t("Attribution" if source else "Attribution-no-source", cue, at)
        roles = f"Attribution:{a} Content:{c} Cue:{q}"
        if source:
            roles += f" Source:{t('Source', source, at)}"
        lines.append(f"E{eid}\t{roles}")

    attribution('"We will win,"', "Anna Lysenko", "said")            # found, speaker by name
    attribution('it a "disaster"', "The mayor", "called", 0)          # not a direct quote (rule)
    attribution('"Prices are up,"', "he", "said")                   # found, speaker by pronoun
    attribution('"The Long Road Home"', None, "titled", 0)           # a title: missed
    # "Nobody expected this," is not annotated: a false positive
    (root / "attributions" / "doc1_abcd.ann").write_text("\n".join(lines) + "\n",
                                                        encoding="utf-8")
    return root


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return _write_folder(tmp_path / "polnear" / "train")


def test_read_brat_keeps_direct_quotes_only(folder: Path) -> None:
    docs = brat.read_brat(folder)
    assert [d.doc_id for d in docs] == ["doc1"]
    quoted = [DOC[q.start : q.end] for q in docs[0].quotes]
    assert quoted == ["We will win", "Prices are up", "The Long Road Home"]
    assert [q.source_text for q in docs[0].quotes] == ["Anna Lysenko", "he", ""]
    # a parent folder holding compartments is read too
    assert len(brat.read_brat(folder.parent)) == 1


def test_scores_on_tiny_folder(folder: Path) -> None:
    scores = brat.score(brat.read_brat(folder), quotes).as_dict()
    assert (scores["gold"], scores["pred"]) == (3, 3)
    assert scores["overlap_p"] == pytest.approx(200 / 3)
    assert scores["overlap_r"] == pytest.approx(200 / 3)
    assert scores["overlap_f1"] == pytest.approx(200 / 3)
    assert scores["exact_f1"] == pytest.approx(200 / 3)
    assert scores["speaker_accuracy"] == pytest.approx(100.0)
    assert scores["speaker_n"] == 2
    assert scores["end_to_end_f1"] == pytest.approx(200 / 3)


def test_errors_and_cli(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "errors.tsv"
    assert brat.main([str(folder), "--errors", str(out), "--baseline"]) == 0
    printed = capsys.readouterr().out
    assert "toolkit.quotes" in printed and "naive_regex" in printed
    rows = out.read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    kinds = sorted(r.split("\t")[header.index("error")] for r in rows[1:])
    assert kinds == ["false_positive", "missed"]


def test_cli_scores_a_confidence_threshold_beside_the_default(folder: Path,
                                                             capsys: pytest.CaptureFixture) -> None:
    assert brat.main([str(folder), "--min-confidence", "0.5", "--min-confidence", "1.01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    row = {line.split()[0]: line.split() for line in lines
           if line.strip().startswith("toolkit.quotes")}
    assert set(row) == {"toolkit.quotes", "toolkit.quotes(min_confidence=0.5)",
                        "toolkit.quotes(min_confidence=1.01)"}
    assert row["toolkit.quotes(min_confidence=1.01)"][3] == "0"  # pred: nothing is that sure
    assert int(row["toolkit.quotes"][3]) >= int(row["toolkit.quotes(min_confidence=0.5)"][3])


def test_baseline_scores_differ(folder: Path) -> None:
    naive = brat.score(brat.read_brat(folder), naive_quotes, system="naive").as_dict()
    # the naive regex takes every quoted span: 5 predictions, "disaster" among them
    assert naive["pred"] == 5
    assert naive["overlap_r"] == pytest.approx(100.0)


def test_empty_folder_returns_error_code(tmp_path: Path) -> None:
    assert brat.main([str(tmp_path)]) == 2


@pytest.mark.parametrize(
    ("span", "before", "after", "expected"),
    [
        ('"We will win,"', "", "", True),
        ("“We will win.”", "", "", True),
        ("''We will win,''", "", "", True),
        ("‘We will win’.", "", "", True),
        ('it a "disaster"', "", "", False),
        ('"We will win" and more', "", "", False),
        ("We will win.", '"', '"', True),     # the marks touch the span from outside
        ("We will win.", " ", '"', False),
        ("'90s music", "", "", False),
        ('"', "", "", False),
    ],
)
def test_direct_quote_rule(span: str, before: str, after: str, expected: bool) -> None:
    assert brat.is_direct_quote(span, before, after) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [('"Hello, world."', "Hello, world"), ("  “Yes!” ", "Yes"), ("(a)", "a"), ("...", "")],
)
def test_normalise_span(text: str, expected: str) -> None:
    s, e = brat.normalise_span(text, 0, len(text))
    assert text[s:e] == expected


def _gold(source: str, start: int = 0) -> brat.GoldQuote:
    return brat.GoldQuote("d", 100, 120, start, start + len(source) if source else -1,
                          source, "said") if source else brat.GoldQuote("d", 100, 120, -1, -1,
                                                                         "", "said")


@pytest.mark.parametrize(
    ("gold_source", "speaker", "mention", "expected"),
    [
        ("Mayor Ihor Terekhov", "Ihor Terekhov", (500, 508), True),   # head word matches
        ("he", "Ihor Terekhov", (0, 2), True),                          # mention overlaps
        ("he", "Ihor Terekhov", (500, 508), False),                     # pronouns not resolved
        ("the ministry", "the ministry", (-1, -1), True),
        ("the ministry", "Oleh Kiper", (-1, -1), False),
        ("", "", (-1, -1), True),                                       # no gold source
        ("", "Oleh Kiper", (-1, -1), False),
    ],
)
def test_speaker_rule(gold_source: str, speaker: str, mention: tuple[int, int],
                      expected: bool) -> None:
    assert brat.speaker_correct(_gold(gold_source), speaker, *mention) is expected


@pytest.mark.parametrize(
    ("split", "f1_floor", "speaker_floor"),
    [
        ("train", 89.5, 93.5),   # measured: overlap F1 91.0, speaker accuracy 95.1 (840 articles)
        ("dev", 86.5, 93.0),     # measured: overlap F1 88.4, speaker accuracy 94.9 (84 articles)
    ],
)
def test_shared_polnear_above_floor(shared_path, split: str, f1_floor: float,
                                    speaker_floor: float) -> None:
    folder = shared_path("gold", "quotes", "polnear", "data", split)
    docs = brat.read_brat(folder)
    scores = brat.score(docs, quotes).as_dict()
    assert scores["gold"] > 300
    assert scores["overlap_f1"] >= f1_floor
    assert scores["speaker_accuracy"] >= speaker_floor
    naive = brat.score(docs, naive_quotes).as_dict()
    assert scores["overlap_f1"] > naive["overlap_f1"] + 20


def _rec(start: int, end: int, kind: str) -> dict[str, object]:
    return {"doc_id": "d", "start": start, "end": end, "kind": kind}


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        ([(0, 100)], [(0, 100)]),                 # gold has one content: merged
        ([(0, 40), (60, 100)], [(0, 40), (60, 100)]),  # gold has two: parts scored apart
        ([(0, 25)], [(0, 40), (60, 100)]),        # only the head matches: parts (one FP)
        ([], [(0, 100)]),                          # nothing matches: merged, one FP
    ],
)
def test_continuation_groups(gold: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    groups = [[_rec(0, 40, "direct"), _rec(60, 100, "continuation")]]
    out = brat._resolve_groups(groups, gold)
    assert [(r["start"], r["end"]) for r in out] == expected
