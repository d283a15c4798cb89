"""Sentence segmentation with NLTK Punkt, offline.

Method: Punkt (Kiss & Strunk, "Unsupervised Multilingual Sentence Boundary
Detection", Computational Linguistics 32(4), 2006) as implemented by NLTK,
with parameters trained on news text (``make punkt``) and a hand-kept list of
abbreviations (``toolkit/resources/abbreviations.txt``). Paragraph breaks
(blank lines) always end a sentence: news text is paragraph-structured and
Punkt alone would join a headline to the lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from toolkit import schema
from toolkit.resources import punkt_tokenizer

_PARAGRAPH = re.compile(r"\n\s*\n")
# Titles always precede a name, so a sentence never ends on one ("St. Petersburg", "Gen. Smith").
# Punkt's orthographic heuristic splits after a known abbreviation when the next word is a frequent
# sentence starter; for these titles that is always wrong.
_TITLE_AT_END = re.compile(
    r"(?:^|[\s(\"“‘])(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Pvt|Adm|Cmdr|St|Gov|Sen|Rep|Prof|Rev|Hon|Amb|Supt|Insp|Det|Lt\. Col|Lt\. Gen|Maj\. Gen)\.$"
)


def _check_columns(frame: pd.DataFrame, required: tuple[str, ...], caller: str) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise KeyError(
            f"{caller} needs columns {list(required)}; missing {missing}. "
            f"Available columns: {list(frame.columns)}"
        )


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, split at blank lines."""
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        if text[pos : match.start()].strip():
            yield pos, match.start()
        pos = match.end()
    if text[pos:].strip():
        yield pos, len(text)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence in ``text``, whitespace trimmed.

    Args:
        text: cleaned article text.

    Returns:
        Sentence spans in reading order; ``text[start:end]`` is the sentence.
    """
    tokenizer = punkt_tokenizer()
    spans = []
    for p_start, p_end in paragraph_spans(text):
        paragraph = text[p_start:p_end]
        merged: list[tuple[int, int]] = []
        for s_start, s_end in tokenizer.span_tokenize(paragraph):
            follows_title = merged and _TITLE_AT_END.search(paragraph[merged[-1][0] : merged[-1][1]])
            # “Glory to Ukraine!” the crowd replied: a lower-case start continues the sentence.
            continues = merged and paragraph[s_start:s_end].lstrip()[:1].islower()
            if follows_title or continues:
                merged[-1] = (merged[-1][0], s_end)
            else:
                merged.append((s_start, s_end))
        for s_start, s_end in merged:
            chunk = paragraph[s_start:s_end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail > lead:
                spans.append((p_start + s_start + lead, p_start + s_start + trail))
    return spans


def sentences(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: ``doc_id, sent_id, start, end, text``.

    Args:
        frame: any frame with ``doc_id`` and ``text`` columns.

    Returns:
        The ``sentences`` table (see :mod:`toolkit.schema`).
    """
    _check_columns(frame, ("doc_id", "text"), "sentences()")
    rows = []
    for doc_id, text in zip(frame["doc_id"], frame["text"], strict=True):
        if not isinstance(text, str):
            continue
        for sent_id, (start, end) in enumerate(sentence_spans(text)):
            rows.append((doc_id, sent_id, start, end, text[start:end]))
    out = pd.DataFrame(rows, columns=schema.columns("sentences"))
    return schema.conform(out, "sentences") if rows else schema.empty("sentences")
