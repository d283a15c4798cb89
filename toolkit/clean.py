"""Cleaning: boilerplate rules, whitespace and Unicode normalisation, and the offset map.

``clean_text(raw)`` turns the text as read into the text every annotator
sees, and records (a) every removal with the rule that made it and (b) an
:class:`OffsetMap` from offsets in the cleaned text back to the raw text, so a
span found by an annotator can always be shown in its original context.

Rules (each removal carries its rule name in ``removed``):

===================  ===================================================================
``header_banner``    a date line at the very top ("Tuesday, 02 January 2024 12:17 GMT"); it
                     is parsed into ``header_date`` (on MENAFN pages it is a stale site banner)
``title``            the headline line of a text file (moved to ``title``)
``outlet_tag``       the ``(MENAFN- Live Mint)`` tag (moved to ``outlet``)
``also_read``        MENAFN's "Also Read | …" cross-links
``menafn_id``        the ``MENAFN<DDMMYYYY>…ID…`` line (parsed into ``menafn_date``)
``legal_disclaimer`` MENAFN's "Legal Disclaimer:" block, to the end of the page
``trailing_search``  the lone "Search" left from the page's search box
``site_footer``      a publisher's footer at the end of any text: "© 2022 BBC. The BBC is not
                     responsible for the content of external sites…", "Follow BBC West on
                     Facebook…", "Follow the AP's coverage of the war at …", a final "Read more"
===================  ===================================================================

Normalisation: Unicode NFKC per character, except that quotation marks,
apostrophes and dashes are kept as written (they carry quotes and ranges), and
the acute accent ``´`` that some feeds use as an apostrophe ("Russia´s") becomes ``’``;
zero-width characters, soft hyphens and control characters are dropped;
runs of whitespace become one space, and paragraph breaks (a blank line, or a
single newline in a text that has no blank lines at all) become ``"\\n\\n"``;
single newlines inside a paragraph (hard-wrapped text) become a space.
Body datelines ("KYIV, June 11 (Reuters) -") stay in the text and are also
parsed into fields by :mod:`toolkit.datelines`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import NamedTuple

import pandas as pd

from toolkit.io.menafn import MENAFN_ID, OUTLET_TAG, MenafnId, find_menafn_id


class Removal(NamedTuple):
    """Something cleaning removed: the rule, its raw-text span and the removed text."""

    rule: str
    start: int
    end: int
    text: str


class OffsetMap(NamedTuple):
    """Piecewise map from cleaned-text offsets to raw-text offsets.

    Piece ``k`` starts at ``text_starts[k]`` in the cleaned text and at
    ``raw_starts[k]`` in the raw text. Inside an ``exact`` piece characters
    were copied one to one; other pieces (collapsed whitespace, a normalised
    character) map every offset to the piece's raw start.
    """

    text_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    exact: tuple[bool, ...]
    text_length: int
    raw_length: int

    def to_raw(self, offset: int) -> int:
        """Raw-text offset of cleaned-text ``offset`` (the end offset maps to the raw end)."""
        if offset >= self.text_length:
            return self.raw_length if offset == self.text_length else -1
        k = bisect.bisect_right(self.text_starts, offset) - 1
        if k < 0:
            return 0
        delta = offset - self.text_starts[k] if self.exact[k] else 0
        return self.raw_starts[k] + delta

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of the cleaned span ``[start, end)``; ``raw[s:e]`` covers what was found."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


class Cleaned(NamedTuple):
    """The result of :func:`clean_text`."""

    text: str
    offset_map: OffsetMap
    removed: list[Removal]
    title: str | None
    outlet: str | None
    header_text: str | None
    menafn_id: MenafnId | None


_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
HEADER_BANNER = re.compile(
    rf"\A\s*(?P<header>{_WEEKDAY},?\s+\d{{1,2}}\s+[A-Z][a-z]+\.?,?\s+\d{{4}}"
    rf"(?:,?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[AP]M)?\s*(?:GMT|UTC|[A-Z]{{2,4}})?)?)[ \t]*(?:\r?\n|\Z)"
)
ALSO_READ = re.compile(r"^[ \t]*Also Read\s*\|[^\n]*$", re.MULTILINE)
ID_LINE = re.compile(rf"^[ \t]*{MENAFN_ID.pattern}[ \t]*$", re.MULTILINE)
DISCLAIMER = re.compile(r"^[ \t]*Legal Disclaimer:.*?(?=^[ \t]*Search[ \t]*\s*\Z|\Z)", re.MULTILINE | re.DOTALL)
TRAILING_SEARCH = re.compile(r"^[ \t]*Search[ \t]*\s*\Z", re.MULTILINE)
TITLE_LINE = re.compile(r"\s*(?P<title>[^\n]{3,300}?)[ \t]*\r?\n[ \t]*\r?\n")
SITE_FOOTERS = re.compile(
    r"(?:\s*©\s*(?:19|20)\d\d BBC\. The BBC is not responsible for the content of external sites\."
    r"(?: Read about our approach to external linking\.)?"
    r"|\s*(?:_{3,}\s*)?Follow (?:the )?(?:AP|Associated Press)[’'´]?s? coverage [^\n]{0,200}"
    r"|\s*Follow BBC [A-Z][^.\n]{0,60} on (?:Facebook|Twitter|Instagram)[^\n]{0,300}"
    r"|\s*Read more(?: here)?\.?)\s*\Z"
)
OUTLET_AT_PARAGRAPH = re.compile(rf"(?:(?<=\n)|\A)[ \t]*{OUTLET_TAG.pattern}")

_KEEP_AS_WRITTEN = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2013\u2014\u2012\u2015\u2212"
# What needs attention: whitespace other than one plain space, non-ASCII characters that may need
# normalising (quotation marks and dashes never do), and control characters. Plain text between
# matches is copied verbatim, which keeps the offset map short.
_ODD = re.compile(rf"[^\S ]\s*| \s+|[^\x00-\x7f{_KEEP_AS_WRITTEN}]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DROP = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _normalise_char(ch: str) -> str:
    if ch in _KEEP_AS_WRITTEN:
        return ch
    if ch == "\u00b4":
        return "\u2019"
    if ch in _DROP or (unicodedata.category(ch) == "Cc" and ch not in "\n\t"):
        return ""
    return unicodedata.normalize("NFKC", ch)


class _Builder:
    """Accumulates cleaned pieces and their offset breakpoints."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.text_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.exact: list[bool] = []
        self.pos = 0
        self.last_raw_end = -1
        self.last_exact = False
        self.sep_kind = 0  # 0: none pending, 1: space, 2: paragraph break
        self.sep_raw = 0

    def separator(self, kind: int, raw_start: int) -> None:
        if self.sep_kind == 0:
            self.sep_raw = raw_start
        self.sep_kind = max(self.sep_kind, kind)

    def _piece(self, s: str, raw_start: int, raw_end: int, exact: bool) -> None:
        if not (exact and self.last_exact and raw_start == self.last_raw_end):
            self.text_starts.append(self.pos)
            self.raw_starts.append(raw_start)
            self.exact.append(exact)
        self.parts.append(s)
        self.pos += len(s)
        self.last_raw_end, self.last_exact = raw_end, exact

    def content(self, s: str, raw_start: int, raw_end: int, exact: bool) -> None:
        if exact and s.startswith(" ") and (self.sep_kind or not self.pos):
            s, raw_start = s[1:], raw_start + 1  # a lone space after a break or at the start
        if not s:
            return
        if self.sep_kind and self.pos:
            self._piece(" " if self.sep_kind == 1 else "\n\n", self.sep_raw, self.sep_raw, False)
        self.sep_kind = 0
        self._piece(s, raw_start, raw_end, exact)

    def result(self, raw_length: int) -> tuple[str, OffsetMap]:
        text = "".join(self.parts)
        if text.endswith(" "):
            text = text[:-1]
        return text, OffsetMap(tuple(self.text_starts), tuple(self.raw_starts), tuple(self.exact),
                               len(text), raw_length)


def _normalise(raw: str, removals: list[Removal], *, lines_are_paragraphs: bool) -> tuple[str, OffsetMap]:
    out = _Builder()
    cursor = 0
    bounds = [(r.start, r.end, r.rule) for r in removals] + [(len(raw), len(raw), "")]
    for r_start, r_end, rule in bounds:
        region_end = r_start
        pos = cursor
        for match in _ODD.finditer(raw, cursor, region_end):
            if match.start() > pos:
                out.content(raw[pos : match.start()], pos, match.start(), True)
            chunk = match.group()
            if chunk.isspace():
                newlines = chunk.count("\n")
                kind = 2 if newlines >= 2 or (newlines == 1 and lines_are_paragraphs) else 1
                out.separator(kind, match.start())
            else:
                norm = _normalise_char(chunk)
                out.content(norm, match.start(), match.end(), norm == chunk)
            pos = match.end()
        if region_end > pos:
            out.content(raw[pos:region_end], pos, region_end, True)
        if rule:
            # A removed line separates paragraphs; an inline removal (the outlet tag) separates nothing.
            whole_line = (r_start == 0 or raw[r_start - 1] == "\n") and (r_end >= len(raw) or raw[r_end] in "\r\n")
            if whole_line:
                out.separator(2, r_start)
        cursor = max(cursor, r_end)
    return out.result(len(raw))


def clean_text(raw: str, *, menafn: bool | None = None, extract_title: bool = False) -> Cleaned:
    """Clean one article.

    Args:
        raw: the text as read.
        menafn: apply the MENAFN rules; ``None`` detects a MENAFN page by its id line or outlet tag.
        extract_title: take a leading headline line (followed by a blank line) out into ``title``;
            used for text files, whose first line is the headline.

    Returns:
        :class:`Cleaned` with the text, the offset map, the removals (raw offsets) and the
        fields moved out of the text (title, outlet, header, MENAFN id).
    """
    if menafn is None:
        menafn = bool(MENAFN_ID.search(raw) or OUTLET_TAG.search(raw))
    removed: list[Removal] = []
    header_text = title = outlet = None
    body_start = 0

    header = HEADER_BANNER.match(raw)
    if header and (menafn or extract_title):
        header_text = header["header"].strip()
        removed.append(Removal("header_banner", header.start("header"), header.end("header"), header_text))
        body_start = header.end()
    if extract_title or menafn:
        match = TITLE_LINE.match(raw, body_start)
        first = match["title"].strip() if match else ""
        if match and first and not OUTLET_TAG.match(first) and not first.endswith((".", ":", ",")):
            title = first
            removed.append(Removal("title", match.start("title"), match.end("title"), match["title"]))
    menafn_id = None
    if menafn:
        tag = OUTLET_AT_PARAGRAPH.search(raw, body_start)
        if tag:
            outlet = tag["outlet"].strip()
            removed.append(Removal("outlet_tag", tag.start(), tag.end(), tag.group()))
        for rule, pattern in (("also_read", ALSO_READ), ("menafn_id", ID_LINE),
                              ("legal_disclaimer", DISCLAIMER), ("trailing_search", TRAILING_SEARCH)):
            removed.extend(Removal(rule, m.start(), m.end(), m.group()) for m in pattern.finditer(raw, body_start))
        menafn_id = find_menafn_id(raw)
    footer = SITE_FOOTERS.search(raw, body_start)
    while footer and footer.group().strip():
        removed.append(Removal("site_footer", footer.start(), footer.end(), footer.group()))
        footer = SITE_FOOTERS.search(raw[: footer.start()], body_start)
    removed = _non_overlapping(removed)
    lines_are_paragraphs = "\n" in raw.strip() and not re.search(r"\n[ \t]*\r?\n", raw)
    text, offset_map = _normalise(raw, removed, lines_are_paragraphs=lines_are_paragraphs)
    return Cleaned(text, offset_map, removed, title, outlet, header_text, menafn_id)


def _non_overlapping(removed: list[Removal]) -> list[Removal]:
    """Sort removals and drop any that starts inside an earlier one (e.g. 'Search' inside the disclaimer)."""
    kept: list[Removal] = []
    for r in sorted(removed, key=lambda r: (r.start, -r.end)):
        if not kept or r.start >= kept[-1].end:
            kept.append(r)
    return kept


def clean(frame: pd.DataFrame, *, raw_column: str = "raw_text") -> pd.DataFrame:
    """Enricher: add ``text``, ``offset_map`` and ``removed`` computed from ``raw_column``.

    Table rows get normalisation only; the MENAFN rules apply where a row is a MENAFN page.
    """
    if raw_column not in frame.columns:
        raise KeyError(f"clean() needs a {raw_column!r} column. Available columns: {list(frame.columns)}")
    results = [clean_text(raw) if isinstance(raw, str) else None for raw in frame[raw_column]]
    out = frame.copy()
    out["text"] = pd.array([r.text if r else None for r in results], dtype="string")
    out["offset_map"] = [r.offset_map if r else None for r in results]
    out["removed"] = [[r_._asdict() for r_ in r.removed] if r else [] for r in results]
    return out
