"""Sentence segmentation with NLTK Punkt, offline.

Method: Punkt (Kiss & Strunk, "Unsupervised Multilingual Sentence Boundary
Detection", Computational Linguistics 32(4), 2006) as implemented by NLTK,
with parameters trained on news text (``make punkt``) and a hand-kept list of
abbreviations (``toolkit/resources/abbreviations.txt``). Paragraph breaks
(blank lines) always end a sentence: news text is paragraph-structured and
Punkt alone would join a headline to the lead.

Speed: Punkt's decision at each candidate boundary (``text_contains_sentbreak``) is
computed by :func:`_contains_break`, an exact shortcut for the common case (the tokens
around the period are ordinary words, so only the type-based first pass and the
collocation check of Punkt's second pass can apply), falling back to NLTK's own code
otherwise. Same spans as ``PunktSentenceTokenizer.span_tokenize`` (checked on the
5,009-article research corpus and in ``tests/test_sentences.py``), about twice as fast.
"""

from __future__ import annotations

import functools
import re
import string
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


_SIMPLE_WORD = re.compile(r"[A-Za-z]{2,}")  # an ordinary word: not an initial, number or abbreviation-like
_ELLIPSIS = re.compile(r"\.\.+$")  # PunktToken._RE_ELLIPSIS
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")  # PunktToken._RE_NUMERIC


@functools.lru_cache(maxsize=1)
def _punkt() -> tuple:
    """The tokenizer, its word-splitting pattern (stdlib ``re``) and the first words of its collocations."""
    tok = punkt_tokenizer()
    lang = tok._lang_vars
    word_re = lang._word_tokenizer_re()
    words = re.compile(word_re.pattern, word_re.flags)
    colloc_first = frozenset(a for a, _ in tok._params.collocations)
    period = lang.period_context_re()
    period = re.compile(period.pattern, period.flags)
    realign = re.compile(lang.re_boundary_realignment.pattern, lang.re_boundary_realignment.flags)
    return tok, words, frozenset(lang.sent_end_chars), colloc_first, period, realign


def _first_pass_break(t: str, abbrev: set[str], end_chars: frozenset[str]) -> bool:
    """Punkt's first-pass ``sentbreak`` of token ``t`` (``_first_pass_annotation``)."""
    if t in end_chars:
        return True
    if _ELLIPSIS.match(t):
        return False
    if t.endswith(".") and not t.endswith(".."):
        low = t[:-1].lower()
        return not (low in abbrev or low.split("-")[-1] in abbrev)
    return False


def _next_type(t: str, abbrev: set[str], end_chars: frozenset[str]) -> str:
    """``type_no_sentperiod`` of the token after a period, as Punkt's second pass sees it."""
    typ = _NUMERIC.sub("##number##", t.lower())
    if _first_pass_break(t, abbrev, end_chars) and len(typ) > 1 and typ[-1] == ".":
        return typ[:-1]
    return typ


def _contains_break(context: str) -> bool:
    """``PunktSentenceTokenizer.text_contains_sentbreak(context)``, exactly, faster.

    When every token of ``context`` that ends in a period is an ordinary word
    (``[A-Za-z]{2,}``, not an abbreviation), Punkt's second pass can only undo a break
    through a known collocation (orthographic and sentence-starter heuristics apply only
    to abbreviations, ellipses, initials and numbers), so the decision is read off the
    tokens directly; anything else goes to NLTK.
    """
    tok, words, end_chars, colloc_first, _, _ = _punkt()
    if "\n" in context:
        return tok.text_contains_sentbreak(context)
    params = tok._params
    abbrev = params.abbrev_types
    toks = words.findall(context)
    found = False
    for i, t in enumerate(toks):
        if found:
            return True
        if t in end_chars:
            if t == "." and "." in colloc_first:
                return tok.text_contains_sentbreak(context)
            found = True
        elif t.endswith("."):
            w = t[:-1]
            if not _SIMPLE_WORD.fullmatch(w):
                return tok.text_contains_sentbreak(context)
            low = w.lower()
            if low in abbrev:
                return tok.text_contains_sentbreak(context)
            if low in colloc_first and i + 1 < len(toks) and (
                (low, _next_type(toks[i + 1], abbrev, end_chars)) in params.collocations
            ):
                continue  # known collocation: an abbreviation, not a break
            found = True
    return False


def _last_whitespace(s: str) -> int:
    """``PunktSentenceTokenizer._get_last_whitespace_index``: last whitespace index, 0 if none."""
    return max(0, *(s.rfind(c) for c in string.whitespace))


def _end_contexts(text: str, period: re.Pattern[str]) -> Iterator[tuple[re.Match[str], str]]:
    """``PunktSentenceTokenizer._match_potential_end_contexts`` on the stdlib pattern (same output)."""
    prev_start = prev_stop = 0
    prev_match = None
    for match in period.finditer(text):
        idx = _last_whitespace(text[prev_stop : match.start()])
        start = idx + prev_stop + 1 if idx else prev_start
        if prev_match and prev_stop <= start:
            yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")
        prev_match, prev_start, prev_stop = match, start, match.start()
    if prev_match:
        yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")


#: How many Punkt decisions a ``breaks`` memo keeps before it starts again (bounded memory).
BREAKS_KEPT = 50_000


def _punkt_spans(text: str, breaks: dict[str, bool] | None = None) -> list[tuple[int, int]]:
    """``PunktSentenceTokenizer.span_tokenize(text)`` (realigned), with :func:`_contains_break`.

    Same spans as NLTK's: ``_slices_from_text`` and ``_realign_boundaries`` restated on the
    same patterns compiled with the stdlib ``re``.

    Args:
        text: the text to split.
        breaks: a memo of Punkt's decision per candidate boundary, owned by the caller (one
            per annotator call, so no state outlives it). ``_contains_break(context)`` depends
            on the context string only, so a decision made for one text (datelines,
            boilerplate, "U.S. and") is looked up for the next texts that hold the same context.
    """
    _, _, _, _, period, realign = _punkt()
    cuts = []
    last_break = 0
    for match, context in _end_contexts(text, period):
        if breaks is None:
            brk = _contains_break(context)
        else:
            brk = breaks.get(context)
            if brk is None:
                if len(breaks) >= BREAKS_KEPT:
                    breaks.clear()
                brk = breaks[context] = _contains_break(context)
        if brk:
            cuts.append((last_break, match.end()))
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()
    cuts.append((last_break, len(text.rstrip())))
    out = []
    shift = 0
    for k, (s1, e1) in enumerate(cuts):
        s1 += shift
        if k + 1 == len(cuts):
            if e1 > s1:
                out.append((s1, e1))
            break
        s2, e2 = cuts[k + 1]
        m = realign.match(text[s2:e2])
        if m:
            out.append((s1, s2 + len(m.group(0).rstrip())))
            shift = m.end()
        else:
            shift = 0
            if e1 > s1:
                out.append((s1, e1))
    return out


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


def _ends_with_title(paragraph: str, start: int, end: int) -> bool:
    """``_TITLE_AT_END.search(paragraph[start:end])``, reading only the last 16 characters."""
    if paragraph[end - 1 : end] != ".":
        return False
    if end - start <= 16:
        return _TITLE_AT_END.search(paragraph[start:end]) is not None
    # "x" stands for the cut-off rest of the sentence: "^" cannot match inside it
    return _TITLE_AT_END.search("x" + paragraph[end - 16 : end]) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence in ``text``, whitespace trimmed.

    Args:
        text: cleaned article text.

    Returns:
        Sentence spans in reading order; ``text[start:end]`` is the sentence.
    """
    spans = []
    for p_start, p_end in paragraph_spans(text):
        paragraph = text[p_start:p_end]
        merged: list[tuple[int, int]] = []
        for s_start, s_end in _punkt_spans(paragraph):
            follows_title = merged and _ends_with_title(paragraph, *merged[-1])
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
