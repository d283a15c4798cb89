"""Quoted statements in news text: spans, speakers and attribution cues.

Method: a deterministic, rule-based quote-attribution pipeline in the style of
the Gender Gap Tracker's quote extractor (Asr et al., "The Gender Gap Tracker",
PLOS ONE 16(1), 2021) and of Pareti's attribution relations (Source, Cue,
Content; Pareti, "A Database of Attribution Relations", LREC 2012; PolNeAR,
Newell et al., LREC 2018), without a parser so that it runs at over a thousand
articles per second per core:

1. **Marks.** Quotation marks are read paragraph by paragraph (lines). Curly
   and straight double marks (``“ ” " „ « »``) and typewriter doubles
   (``''...''``, ````...''``) are paired; a straight mark opens or closes by its
   position (space or start before it opens, a non-space before it closes; with
   space on both sides it closes an open quote). Single marks (``‘ ’ '``) count
   as quotation marks only outside double-quoted text and only in opening
   position (before a word, not ``'90s``/``'em``) or closing position (after a
   word, before a space or punctuation; not the apostrophe in
   ``don't``/``Russia's``, nor a plural possessive ``soldiers' families``), so
   British outlets' single-quoted speech is read too. Single quotes nested
   inside double quotes stay part of the outer quote. Marks whose space was
   lost still open: a straight mark after a colon (``X (R-Ohio):"...``) or
   between a full stop and a capital with nothing open (``lies."We ...``);
   bidi/zero-width format characters before a mark read as nothing, and a
   closing-style curly mark that opens a paragraph opens a quote.
2. **Paragraph rules** (the typographic convention of news): an opening mark
   not closed by the end of its paragraph continues when the next paragraph
   opens with a mark (``kind="continuation"``); in text whose paragraph breaks
   were lost, a new opening mark right after a finished sentence inside an open
   quote (``"A. "B."``) is read the same way. A paragraph made only of a quote
   that follows a quote of the previous paragraph continues it, as does
   ``"A," he said. "B."`` within a paragraph, and a quote paragraph after a
   paragraph that is only ``"A," X said <adjuncts>.``. A speaker-less quote
   paragraph followed by a quote paragraph attributed at its end is one
   statement. A short quote that ends its sentence right after an attributed
   quote's attribution (``"A," X wrote. "Blacklisted?"``) is speech, not a
   scare quote. A tight list of unattributed quote lines (one line break
   between them) is one quote. A mark that cannot be paired (an
   odd number of marks) never raises: the quote ends at the paragraph end (or
   before the next opening mark) and is flagged ``unbalanced=True``; a stray
   closing mark flags the quote before it.
3. **Not speech.** Scare quotes and titles are dropped: 1-3 quoted words that
   are not a short sentence, or Title Case words without sentence punctuation,
   with no reporting cue next to them, and anything after "titled", "dubbed",
   "called", "so-called", "hashtag" ... Quotes of fewer than six words with no
   speaker at all are dropped too.
4. **Attribution.** Next to the quote: ``"...," X said``, ``"...," said X``,
   ``"...," thus wrote X``, ``X said: "..."``, ``X told reporters in Y, "..."``,
   ``according to X, "..."``, ``X: "..."``, participial cues (``X condemned the
   attack, saying, "..."`` -> the clause subject X), an ``X said in a
   statement.`` sentence right before the quote, an ``X said:`` paragraph
   before it, an ``X said:`` line closing the headline, a ``- Name.`` line
   signing a quote paragraph (fact-check style), a ``subject + past-tense verb
   ...:`` lead-in (``She then addressed the crowd again: "..."``), ``X had
   this to say:``, the bracketed outlet of a news-digest item (``HEADLINE
   "pull quote" [Outlet.]``), or a cue elsewhere in the quote's sentence.
   A participle right after an attribution takes its speaker (``..., X
   said, adding, "..."``, ``..., said Minister X, noting:``). Clause subjects
   skip leading adjuncts (``On Thursday,``, ``Eight years ago,``, ``Arriving
   at the summit,``, ``Alongside ...,``, ``Although ...,``, ``even``). After a
   quote that opens its sentence and closes with ``, ? !`` any finite verb
   right after a subject attributes it (``"...," X griped``; an ``-s`` form
   only where its clause ends, not after a capitalised phrase following
   ``? !``); an indefinite pronoun after a cue is a speaker (``"...," read
   one``); a long appositive may push the cue out (``"...," X, the
   frontrunner ... , said``). A new sentence after a quote that ends in a
   full stop is not its attribution unless it is only the attribution
   (``"... vote." Gov. X said he would ...``), nor is a cue that
   leads into the next quote (``calls him "a good man." She adds, "..."``).
   Cues come from a lexicon of reporting verbs with their usual extensions
   ("wrote on Telegram", "told reporters", "said in a statement"). A quote
   with no cue of its own that continues another inherits its speaker; a
   multi-paragraph quote attributed only at its end passes that speaker back
   to its first parts.
5. **Speakers.** Titles and roles are stripped ("Ukrainian President Volodymyr
   Zelenskyy" -> "Volodymyr Zelenskyy"; lexicon in
   ``toolkit/resources/quotes/titles.txt``), as is the organisation or place of a
   role before the name ("President of Ukraine Volodymyr Zelenskyy", "Chief of Staff
   Mick Mulvaney", "said Minister of Science and ICT Lee Jong Ho" name the person: the
   organisation ends at its last organisation/portfolio/country word
   (``org_end_words.txt``), gazetteer place or acronym; organisations without a person
   after them keep their names; "Rep. Jane Doe of New Jersey" is Jane Doe, not New
   Jersey; a bare office title, "the Defence Secretary", is the one person the
   article names right after that title, unless after "another"/"former"), and each
   name maps to the longest
   2-4 word name in the article that ends in the same word ("Terekhov" ->
   "Ihor Terekhov"). ``he``/``she`` resolve, by salience in the style of centering
   (Grosz, Joshi & Weinstein 1995): a pronoun that opens its sentence (``He
   said: "..."``) goes to the named subject of the sentence before it (``Her
   mother, Olena Petrenko, was at home.``; or the person that sentence ends by
   quoting); otherwise to a person who speaks since the previous quote (``X,
   head of Y, said``; also one known by one name, ``Oksana told us``), else to
   the previous quote's speaker, else to the last
   named person before the pronoun (outside quotes). A person merely named as
   an object, one of two, or before a quote that comes first (``"...," he
   added``) does not take it. Names whose titles in the article clash in gender
   (Mr/Ms, spokesman/spokeswoman) are skipped. Organisations and other noun
   phrases keep their phrase with a lower-case determiner ("the ministry", "a senior official", "his
   spokesperson"); ``they``, ``it``, ``I``, ``we`` are kept as written.
   Weekdays next to a name are no part of it (``On Friday Biden said``,
   ``Smith later Thursday told``), an initial is not the end of an
   abbreviation (``the PM. While ...``), and a capitalised function word is
   no speaker (``When asked ...``, ``Statement: "..."``; the quote is kept).
6. **Kind.** ``direct`` when the quote is its own clause: it opens its sentence
   (or follows a ``:``/``,`` lead-in or a reporting cue) and nothing but an
   attribution follows it; ``partial`` when quoted words sit inside a
   paraphrase (``said the deal was "a disaster"``, ``said that "..."``);
   ``continuation`` as above. A quote that opens its sentence and closes with
   ``, ? !`` is direct even if more words follow when it has an attribution
   of its own (confidence >= 0.7). In a headline (a first line without a
   full stop) a quote that runs on in Title Case (``X: "No Idea" If I ...``)
   is partial, and one after the headline's colon takes its subject as
   speaker. A quote after an opening bracket or a dash, or the object of a
   sentence-initial speech participle followed by its attribution (``Citing
   "...," the spokeswoman said``), is direct even after a paraphrase.
7. **Confidence.** 0.95 for an attribution right after the quote, 0.9 right
   before it, 0.1 less for a pronoun, 0.8 for an ``X said:`` paragraph, 0.7
   for a cue elsewhere in the sentence, 0.45 for a speaker inherited from the
   previous quote, the continued quote's minus 0.15 for a continuation, 0.2 with no
   speaker.

Measured on PolNeAR (``python -m toolkit evaluate quotes DIR``, see
:mod:`toolkit.evaluate.brat`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from toolkit import schema
from toolkit.annotate._eventlex import _gazetteer  # the one reader of places.tsv
from toolkit.annotate.sentences import _check_columns
from toolkit.resources import MissingResourceError, resource_path

__all__ = ["Quote", "find_quotes", "naive_quotes", "quotes"]


class Quote(NamedTuple):
    """One quoted statement; offsets are into the article text (end-exclusive)."""

    start: int
    end: int
    text: str
    speaker: str
    speaker_start: int
    speaker_end: int
    cue: str
    kind: str
    confidence: float
    unbalanced: bool


# --------------------------------------------------------------------------- lexicons
@lru_cache(maxsize=8)
def _wordlist(name: str) -> frozenset[str]:
    """A lower-case word list from ``toolkit/resources/quotes/<name>`` (``#`` comments)."""
    path = resource_path("quotes", name)
    if not path.exists():
        raise MissingResourceError(f"Dateline resource missing: {path}\nFix: restore "
                                   "toolkit/resources/quotes/ from git")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


_DOUBLE_OPEN = "“„‟«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_ANY = '"“”„‟«»'
_SINGLE_ANY = "'‘’"
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
_DOUBLE_MARK = re.compile('["“”„‟«»]')
_SINGLE_MARK = re.compile("['‘’]")

def _inflect(base: str) -> list[str]:
    """-ed, -s and -ing forms of a regular verb (first word of a phrasal verb inflected)."""
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = [head + "d", head + "s", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head[:-1] + "ied", head[:-1] + "ies", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head + "ed", head + "es", head + "ing"]
    else:
        forms = [head + "ed", head + "s", head + "ing"]
    return [f + tail for f in forms]  # bare base forms ('to say', 'I urge') cue too little


@lru_cache(maxsize=1)
def _cue_verbs() -> str:
    """Alternation of every cue verb form in ``resources/quotes/cue_verbs.txt``."""
    path = resource_path("quotes", "cue_verbs.txt")
    if not path.exists():
        raise MissingResourceError(f"Dateline resource missing: {path}\nFix: restore "
                                   "toolkit/resources/quotes/ from git")
    forms: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            forms.update(line.split("|") if "|" in line else _inflect(line))
    return _trie_pattern(forms)


def _trie_pattern(words: set[str]) -> str:
    """A regex alternation of ``words`` factored into a trie (fast to match; spaces
    match any run of whitespace). Longer words are preferred over their prefixes."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(sub)
                    for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


_VERBS = (
    _cue_verbs() + "|told reporters|wrote on|explained to|"
    "had\\s+(?:this|the\\s+following|much|plenty|little)\\s+to\\s+say|"
    "(?:issued|released|put\\s+out|posted|published)\\s+(?:a|an|the)\\s+(?:following\\s+)?"
    "(?:statement|video|letter|message)"
)
_ADVERBS = r"(?:(?:later|also|then|simply|once|previously|recently|earlier|again|further|" \
    r"flatly|bluntly|reportedly|publicly|privately|repeatedly|often|has|have|had|now|still|" \
    r"would|will|has\s+since|once\s+famously|famously|had\s+earlier)\s+)*"
_CUE_VERB = rf"(?:{_ADVERBS})(?:[a-z]+ly\s+)?(?:(?:smiled|laughed|paused|nodded|shrugged)\s+and\s+)?(?:{_VERBS})"
# cue extensions: "wrote on Telegram", "told reporters", "said in a statement"
_CUE_EXT = (
    r"(?:\s+(?:on|in|to|via|at|during|through)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?"
    r"(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][\w.’'-]*|statement|interview|post|video|speech|news\s+conference|"
    r"press\s+conference|briefing|email|e-mail|letter|tweet|message|reporters|journalists|"
    r"Telegram|Twitter|Facebook|X|social\s+media|television|radio|text|address|remarks|"
    r"call|phone\s+call|report)"
    r"(?:\s+(?:on|to)\s+[A-Z][\w.’'-]*)?"
    r"|\s+(?:reporters|journalists|the\s+(?:crowd|audience|press|newspaper|paper|BBC|Guardian))"
    r")?"
)
_CUE = re.compile(rf"\b(?:{_CUE_VERB}){_CUE_EXT}\b|\b[Aa]ccording\s+to\b")
_ACCORDING = re.compile(r"^[Aa]ccording\s+to$")

_TITLES = _wordlist("titles.txt")
_PERSON_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "mayor",
                            "senator", "governor", "gen", "col", "prof", "judge", "rev"})
_PRONOUNS_PERSON = frozenset({"he", "she"})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
#: speakers that stay a pronoun when no name resolves them (canonical case: "I", else lower case);
#: a notebook counting who is quoted leaves them out or counts them apart
PRONOUN_SPEAKERS = frozenset({"I", "he", "she", "they", "we", "it"})
_ORG_NOUNS = _wordlist("org_nouns.txt")
# an initial is not the end of an abbreviation ('PM.', 'TV.') nor a sentence end before a
# sentence-opening word ('the U.K. The EU said')
_NOT_AFTER_INITIAL = (r"[ \u00a0]+(?:The|A|An|This|That|These|While|But|And|Or|So|He|She|It|"
                      r"They|We|I|In|On|At|As|If|When|After|Before)\b")
_ABBREVS = ("Mrs", "Mr", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt",
            "Sgt", "Maj", "Capt", "Prof", "Rev", "Ft", "Mt", "Adm", "Cmdr", "Supt")
_NAME_TOK = (rf"(?:(?<![A-Za-z])[A-Z]\.(?:[A-Z]\.)*(?!{_NOT_AFTER_INITIAL})"
             rf"|(?:{'|'.join(_ABBREVS)})\.(?=\s+[A-Z])"
             r"|(?:Mc|Mac|O’|O')?[A-Z][\w’'-]*)")
_PARTICLE = r"(?:de|da|van|von|der|del|la|le|bin|al|el|di|du|dos|ter)"
_NAME_RUN = re.compile(rf"{_NAME_TOK}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_TOK})*")
# _NAME_TOK with its first capital matched first, so that the search over a whole article skips
# to capitals (a pattern that opens with a look-around is tried at every position): the
# initial's look-behind looks past that capital, an abbreviation's first letter is checked
# behind it, and 'Mc'/'O’' prefixes add nothing to a token that runs on over [\w’'-] anyway
_ABBREV_REST = "|".join(
    f"(?<={first})(?:{'|'.join(w[1:] for w in _ABBREVS if w[0] == first)})"
    for first in dict.fromkeys(w[0] for w in _ABBREVS))
_NAME_TOK_FIRST = (rf"[A-Z](?:(?<![A-Za-z][A-Z])\.(?:[A-Z]\.)*(?!{_NOT_AFTER_INITIAL})"
                   rf"|(?:{_ABBREV_REST})\.(?=\s+[A-Z])|[\w’'-]*)")
_MULTI_NAME_RUN = re.compile(
    rf"{_NAME_TOK_FIRST}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_TOK})+")
#: _NAME_RUN for scanning a stretch of text (same runs, found faster)
_NAME_RUN_SCAN = re.compile(
    rf"{_NAME_TOK_FIRST}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_NAME_TOK})*")
_FUNCTION_CAPS = _wordlist("function_caps.txt")
_NON_PERSON = _wordlist("non_person_heads.txt")
_DET = (r"(?:the|The|a|A|an|An|his|His|her|Her|its|Its|their|Their|one|One|another|Another|"
        r"two|Two|three|Three|some|Some|many|Many|several|Several|other|Other|both|Both|"
        r"this|This)")
_PRON_RE = r"(?:he|she|they|it|He|She|They|It|I|we|We)"
_TITLE_WORD = r"(?:[a-z][\w-]*)"
_TITLE_ALT = "|".join(sorted((re.escape(w) for w in _TITLES if w.isalpha()), key=len, reverse=True))
# the speaker NP right before a cue: "he", "the ministry", "former congressman Barney Frank"
_NP_END = re.compile(
    rf"(?:(?P<pron>\b{_PRON_RE})"
    rf"|(?P<det>\b{_DET}\s+(?:[\w’'.-]+\s+){{0,6}}?[\w’'.-]+)"
    rf"|(?P<name>(?:(?:{_TITLE_ALT}|[A-Z][\w’'.-]*)[ \u00a0]+){{0,5}}?{_NAME_RUN.pattern}))"
    r"(?:\s*\([^()]{1,40}\))?\s*$"
)
# the speaker NP right after a cue: "said former congressman Barney Frank, who ..."
_NP_START = re.compile(
    rf"\s*(?:(?P<pron>{_PRON_RE}\b)"
    rf"|(?P<det>{_DET}\s+(?:[\w’'.-]+\s+){{0,6}}?[\w’'.-]+?)(?=\s*(?:[,.;:()]|\s(?:who|which|"
    r"in|on|at|during|after|before|when|while|about|of|to|and|as|from|for|with|that|"
    r"told|said|says|added)\b|$))"
    rf"|(?P<name>(?:(?:{_TITLE_ALT}|[A-Z][\w’'.-]*)[ \u00a0]+){{0,6}}{_NAME_RUN.pattern}"
    rf"|(?:{_TITLE_WORD}\s+){{0,4}}?{_NAME_RUN.pattern}))"
)
_STOP_NP = re.compile(r"(?<![\w-])(?:is|are|was|were|be|been|will|would|could|should|can|did|"
                      r"does|do|had|has|have|not|that|because|if|when|but|and|before|after|on|"
                      r"in|at|to|for|with|by|from)(?![\w-])")  # not inside 'warm-and-fuzzy'
_STOP_DET = re.compile(r"\b(?:is|are|was|were|be|been|will|would|could|should|can|did|does|do|"
                       r"had|has|have|not|that|because|if|when|but|and|before|after|then|"
                       r"while|so|also)\b")
_APPOSITIVE = re.compile(r"([^,;:“”\"]{2,80}),\s[^;:“”\"]{1,200},\s*")
_INVERSION = re.compile(r"\s*(?:[Tt]hus|[Ss]o|[Tt]hen|[Aa]gain|[Aa]lso)\s*")
_DET_START = re.compile(r"(?:the|a|an|his|her|its|their|one|two|three|some|many|several)\s",
                        re.IGNORECASE)
_BARE_NP = re.compile(r"(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*s\s*$")
_WORDS = re.compile(r"[\w’'-]+")
_SENT_END = re.compile(r"[.!?](?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Mt|Ft|vs|No)\.)"
                       r"(?<!\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Sgt|Maj|Rev|Inc|Adm|Gen)\.)"
                       r"(?<!\b(?:Capt|Prof|Corp|Supt|Cmdr|Sens|Reps)\.)"
                       r"[\"”’']?\s+(?=[\"“‘'A-Z0-9])")
_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|dubbed|called|named|nicknamed|slogan|hashtag|headline|headlined|"
    r"book|film|movie|song|album|show|series|programme|program|documentary|operation|"
    r"op-ed|column|article|motto|banner|sign|signs|label|labelled|labeled|term|phrase|"
    r"word|words|so-called|known as|branded|coined)\W*$",
    re.IGNORECASE,
)
_LEAD_IN_END = re.compile(r"[:,]\s*$")
_THAT_END = re.compile(r"\bthat\W*$")
_DASH_END = re.compile(r"(?:—|–|--|\s-)\s*$")
_RUNS_ON = re.compile(r"\s*(?!(?:and|but|or|as|when|while|he|she|they|it|said|says|who)\b)[a-z]")
_ENDS_HERE = re.compile(r"[.?!]|\s*$")
# a colon, an opening bracket or a dash (with an attribution after the quote) ends a
# paraphrase and opens a quote of its own: 'X told Y that ... last long: "..."'
_OWN_LEAD_END = re.compile(r"(?:\(|(?:—|–|--|\s-))\s*$")
_PARTICIPLE_LEAD = re.compile(
    r"\s*(?:Citing|Quoting|Recalling|Echoing|Saying|Calling|Noting|Describing|Invoking|"
    r"Insisting|Warning|Urging|Promising|Vowing|Declaring|Praising|Decrying|Denouncing|"
    r"Repeating|Arguing|Claiming|Pledging|Stressing|Dismissing)\s*")
# a news-digest headline before a pull quote: no lower-case letter nor double mark, and a
# run of capitals, then a space, then another (checked in linear time by _is_caps_lead:
# one regex for it backtracks cubically on long all-capital leads)
_NOT_CAPS_LEAD = re.compile(r"[a-z“”\"]")
_CAPS_PAIR = re.compile(r"[A-Z]{2}")
_SPACE = re.compile(r"\s")
_SOURCE_TAG = re.compile(r"\s*\[([A-Z][^\[\]]{0,40}?)\.?\]")
_LEADS_INTO_QUOTE = re.compile(r"[ \t]*(?:[,:][ \t]*)?[\"“‘']")
_RUNS_ON_TITLE = re.compile(r"\s*(?!(?:Says|Said|Tells|Told|Writes|Wrote)\b)[A-Z$][\w’'-]*")
_NEW_SENTENCE = re.compile(r"\s+[\"“‘'(]?[A-Z]")
_THAT = re.compile(r"\bthat\b")
# what may follow an attribution that is a sentence of its own ('Smith said on Friday.')
_ATTR_ENDS_SENTENCE = re.compile(
    r"(?![ \t]*(?:that|he|she|they|it|we|I|the|a|an|his|her|their|its)\b)"
    r"[^.!?\n\"“”]{0,40}?[.!?]?(?:\s|$)"
)
_SENT_BREAK = re.compile(r"[.!?][\"”’')\]]*\s*$")


# --------------------------------------------------------------------------- marks
class _Raw(NamedTuple):
    open: int  # index of the opening mark (or paragraph start - 1 when none)
    close: int  # index of the closing mark (or paragraph end when none)
    unbalanced: bool
    cont: bool  # continues the previous paragraph's open quote


def _is_double_open(text: str, i: int, p_start: int, p_end: int) -> bool | None:
    ch = text[i]
    before = text[i - 1] if i > p_start else " "
    if before in _INVISIBLE:
        # a bidi/zero-width format character before the mark reads as nothing
        j = i - 1
        while j >= p_start and text[j] in _INVISIBLE:
            j -= 1
        before = text[j] if j >= p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    if ch in _DOUBLE_OPEN:
        return not (after.isspace() and not before.isspace())
    if ch in _DOUBLE_CLOSE:
        return (before.isspace() or before in "([—") and not after.isspace() \
            and after not in ".,;:!?"
    # straight "
    if before.isspace() or before in "([{—–-/" or i == p_start:
        return None if after.isspace() else True
    # 'Rep. Smith (R-Ohio):"I have not heard ...': a colon lead-in whose space was lost
    return before == ":" and after.isalnum()


_NOT_OPENING = re.compile(r"\d\ds\b|em\b|til\b|cause\b|n\b|tis\b|twas\b")  # '90s, 'em


def _single_role(text: str, i: int, p_start: int, p_end: int) -> str | None:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    if before.isalnum() and after.isalnum():
        return None  # don't, Russia's
    if (before.isspace() or before in "([{—–-/:" or i == p_start) and (after.isalpha()
                                                                       or after.isdigit()):
        rest = text[i + 1 : i + 6].lower()
        if _NOT_OPENING.match(rest):
            return None
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)—–-\"”" or i + 1 == p_end):
        return "close"
    return None


def _pair_double(text: str, p_start: int, p_end: int, carry: bool) -> tuple[list[_Raw], bool]:
    raws: list[_Raw] = []
    open_at = -1
    first = True
    cont_next = False
    for mark in _DOUBLE_MARK.finditer(text, p_start, p_end):
        i = mark.start()
        role = _is_double_open(text, i, p_start, p_end)
        if role is None:
            # a straight mark with space on both sides: it closes an open quote, if any
            if open_at < 0:
                continue
            role = False
        if open_at < 0 and not role and text[i] == '"' and text[i - 1 : i] in ".!?" and \
                text[i + 1 : i + 2].isupper():
            role = True  # 'the authorities."We were deceived': the space before the mark lost
        elif open_at < 0 and not role and first and not carry and text[i] in _DOUBLE_CLOSE \
                and not text[p_start:i].strip(_INVISIBLE) and i + 2 < p_end:
            role = True  # '” … if the president can visit, ...': a reversed opening mark
        if open_at < 0:
            if role:
                open_at = i
            elif first and carry:
                # a continued paragraph whose opening mark was left out
                raws.append(_Raw(p_start - 1, i, True, True))
            else:
                # a closing mark with nothing open: the quote before it (if any) is suspect
                if raws:
                    raws[-1] = raws[-1]._replace(unbalanced=True)
        elif role and text[i] not in _DOUBLE_CLOSE and text[i] != '"':
            # a second opening curly mark while a quote is open. After a finished
            # sentence it is the paragraph-continuation convention in text whose
            # paragraph breaks were lost ('"A. "B."'); otherwise a mark is missing.
            end = _rstrip_pos(text, open_at + 1, i)
            finished = text[end - 1 : end] in ".?!…:"
            raws.append(_Raw(open_at, end, not finished, False))
            open_at = i
            cont_next = finished
        else:
            raws.append(_Raw(open_at, i, False, cont_next))
            open_at = -1
            cont_next = False
        first = False
    pending = False
    if open_at >= 0:
        raws.append(_Raw(open_at, p_end, True, cont_next))
        pending = True
    return raws, pending


def _rstrip_pos(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _pair_single(text: str, p_start: int, p_end: int, blocked: list[tuple[int, int]]
                 ) -> list[_Raw]:
    raws: list[_Raw] = []
    open_at = -1
    # a mark inside a double quote is blocked; spans sorted by start with the running maximum
    # of their ends answer that by bisection (a scan per mark was quadratic on long paragraphs)
    blocked = sorted(blocked)
    starts = [a for a, _ in blocked]
    reach = list(itertools.accumulate((b for _, b in blocked), max))
    for mark in _SINGLE_MARK.finditer(text, p_start, p_end):
        i = mark.start()
        k = bisect_right(starts, i) - 1
        if k >= 0 and i <= reach[k]:
            continue
        role = _single_role(text, i, p_start, p_end)
        if role is None:
            continue
        if open_at < 0:
            if role == "open" and text[i] != "’":
                open_at = i
        elif role == "close":
            if text[i - 1] in "sS" and i + 2 < p_end and text[i + 1] == " " \
                    and text[i + 2].islower() and not _CUE.match(text, i + 2):
                continue  # soldiers' families: a plural possessive inside the quote
            if i - open_at > 1:
                raws.append(_Raw(open_at, i, False, False))
            open_at = -1
    return raws


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = end + 1
    return spans


# --------------------------------------------------------------------------- names
# role nouns that take 'of' before the organisation or place they serve ("President of
# Ukraine", "Chief of Staff", "Secretary-General of the United Nations")
_OF_HEADS = frozenset({
    "president", "vice-president", "minister", "secretary", "secretary-general",
    "undersecretary", "under-secretary", "chief", "head", "director", "director-general",
    "spokesperson", "spokesman", "spokeswoman", "governor", "mayor", "chairman", "chairwoman",
    "chair", "ceo", "commissioner", "ambassador", "deputy", "leader", "adviser", "advisor",
    "founder", "professor", "editor", "commander", "chancellor", "speaker", "premier",
    "prosecutor", "envoy", "representative", "executive", "manager", "boss", "dean", "rector",
    "general", "attorney", "officer", "coordinator", "administrator", "ombudsman", "governor-general",
    "president-elect", "king", "queen", "emir", "sultan", "prince", "member", "senator",
    "diplomat", "negotiator", "official", "correspondent",
})
_PREV_WORD = re.compile(r"([\w’'.&-]+)[ \u00a0]+$")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}s?|[A-Z][A-Z]+[a-z]?")
_ORG_END = _wordlist("org_end_words.txt")
# the word before a run (its last two letters): of, the, for, and, to, in
_OF_ENDS = frozenset({"of", "he", "or", "nd", "to", "in"})
# the words of the gazetteer's place names (lower case): 'Ukraine', 'Lviv', 'Kyiv City'
_PLACE_WORDS = frozenset(w for variant in _gazetteer()[1] for w in variant.split())
_ORG_WORDS = _ORG_END | _ORG_NOUNS | _NON_PERSON | _TITLES | _PLACE_WORDS


def _after_title_of(text: str, s: int) -> bool:
    """``text[s:]`` continues '<role> of (the) ...': 'President of Ukraine ...', 'Minister of
    Science and ICT ...', 'Under Secretary of Defense for Policy ...', 'Ambassador to ...'
    (lower case too). The role noun stands right before a link word ('of', 'for', 'to',
    'in'); capitalised words between links are the organisation ('... List of' after a
    headline's 'Speaker Paul Ryan Joins Growing' is no role)."""
    pos = s
    linked = False
    for _ in range(10):
        m = _PREV_WORD.search(text, max(0, pos - 40), pos)
        if m is None or m.end() != pos:
            return False
        word = m.group(1)
        low = word.lower().rstrip(".")
        if low in ("of", "for", "to", "in"):
            linked = True
        elif low in ("and", "&"):
            linked = False
        elif linked and low in _OF_HEADS:
            return True
        elif low != "the":
            if not word[0].isupper():
                return False
            linked = False
        pos = m.start()
    return False


def _is_org_end(word: str) -> bool:
    """A word that belongs to an organisation or place, never to a person's name."""
    return word.lower().rstrip(".,’'") in _ORG_WORDS or (
        word[1:2].isupper() and _ACRONYM.fullmatch(word.rstrip(".,")) is not None) or (
        word[1:2] == "." and _ACRONYM.fullmatch(word.rstrip(",")) is not None)


def _person_start(text: str, s: int, e: int) -> int:
    """Where a person's name starts in the name run ``text[s:e]`` glued to the organisation
    or place of a title before it ("President of Ukraine Volodymyr Zelenskyy" -> at
    "Volodymyr"; "Chief of Staff Mick Mulvaney" -> at "Mick"); ``s`` when the run is no such
    thing (the whole run an organisation: "Director of the World Food Programme").

    The organisation ends at its last organisation or place word (titles, organisation
    nouns, portfolio words, countries, gazetteer places, acronyms) that leaves two or more
    capitalised words; with no such word, at the last two words when the person is also
    named on their own elsewhere in the article ("Guterres said", see :func:`_stands_alone`).
    The person part must look like a name (two or three words, none an organisation word).
    Without a role before the run ("NATO Director Jane Doe", "U.N. Bill Richardson"), an
    organisation word that no title rule strips is cut only with that same evidence.
    """
    if text.count(" ", s, e) < 2:
        return s
    words = text[s:e].split()
    after_of = text[s - 3 : s - 1] in _OF_ENDS and _after_title_of(text, s)
    cut = next((i + 1 for i in range(len(words) - 3, -1, -1) if _is_org_end(words[i])), None)
    if not after_of and (cut is None or _is_title(words[cut - 1])):
        return s  # no organisation, or one that _strip_title strips anyway
    if cut is None:
        cut = len(words) - 2
        if not _stands_alone(text, s, e, words):
            return s
    person = words[cut:]
    if len(person) > (3 if after_of else 2) or any(_is_org_end(w) for w in person) or \
            not _is_person_name(" ".join(person)):
        return s
    if not after_of and not _stands_alone(text, s, e, words):
        # no title before: 'Finland Sanna Marin' only when 'Marin said' (or 'Ms Marin',
        # 'said Sanna Marin') shows a person elsewhere ('Kyiv City State Administration' stays)
        return s
    pos = s
    for word in words[:cut]:
        pos = text.index(word, pos) + len(word)
    return text.index(words[cut], pos)


def _person_part(text: str, s: int, e: int) -> str:
    """The name run ``text[s:e]`` from where its person starts (see :func:`_person_start`):
    'President of Ukraine Volodymyr Zelenskyy' -> 'Volodymyr Zelenskyy'."""
    return text[_person_start(text, s, e) : e]


def _is_title(word: str) -> bool:
    """A word :func:`_strip_title` strips anyway ('President', 'Sen.', 'MP')."""
    low = word.lower().strip(",")
    return low in _TITLES or low.rstrip(".") in _TITLES or low in _STRIP_TITLES


def _stands_alone(text: str, s: int, e: int, words: list[str]) -> bool:
    """The person of the run's last two ``words`` is named elsewhere in the article as a
    person on their own: the surname after a title or before a reporting verb ("Mr
    Guterres", "Guterres said"), or both names after a lower-case word or punctuation ("said
    Antonio Guterres"), not after the organisation words ("the United Nations Antonio")."""
    return any(not s <= p < e for p in _alone_mentions(text, words[-1].rstrip(".,’'"), words[-2]))


def _is_word_char(text: str, i: int) -> bool:
    """``text[i]`` exists and continues a word (``[\\w-]``)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def _whole_words(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a whole word (not part of a longer ``[\\w-]`` run),
    left to right, found with ``str.find`` (no regex compiled per word)."""
    i = text.find(word)
    while i != -1:
        end = i + len(word)
        if _is_word_char(text, i - 1) or _is_word_char(text, end):
            i = text.find(word, i + 1)
        else:
            yield i
            i = text.find(word, max(end, i + 1))


@lru_cache(maxsize=128)
def _alone_mentions(text: str, last: str, first: str) -> tuple[int, ...]:
    """Where the surname ``last`` (first name ``first``) stands in ``text`` as a person on
    their own, by the tests of :func:`_stands_alone`.

    Cached and found with ``str.find``: every attribution of a long article asks this, and a
    regex compiled per name over the whole text for each one made such texts quadratic (20,000
    characters of quotes: 320 ms, against 11 ms before the speaker cleaning).
    """
    found = []
    for i in _whole_words(text, last):
        end = i + len(last)
        before = text[max(0, i - 80) : i].split()
        prev = before[-1] if before else "."
        if prev == first:
            prev = before[-2] if len(before) > 1 else "."
            if not prev[-1:].isalpha() or (prev[0].islower() and prev not in _OF_LINKS):
                found.append(i)
        elif prev.lower().rstrip(".") in _PERSON_TITLES or prev.lower() in _TITLES or (
                text[end : end + 1] == " " and _CUE.match(text, end + 1)
                and prev.lower() not in _DETERMINERS):
            found.append(i)  # 'Ms Marin', 'Marin said' (not 'the Association said')
    return tuple(found)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "our", "his", "her"})
_OF_LINKS = frozenset({"of", "for", "and", "the", "at", "in", "from", "with", "by", "to"})


_OF_TAIL = re.compile(
    rf"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?(?:{_NAME_RUN.pattern}[ \u00a0]+"
    rf"(?:of|for|and|&)[ \u00a0]+(?:the[ \u00a0]+)?){{0,3}}(?P<last>{_NAME_RUN.pattern})")


def _of_person_end(text: str, e: int, limit: int) -> int:
    """'said President of Ukraine Volodymyr Zelenskyy': a name mention that ends in a role
    noun runs on through 'of <organisation/place> <Person Name>' (not when no person
    follows: 'said President of Ukraine on Monday')."""
    head = _PREV_WORD.search(text, max(0, e - 40), e + 1) if text[e : e + 1] == " " else None
    if head is None or head.group(1).lower().rstrip(".") not in _OF_HEADS:
        return e
    tail = _OF_TAIL.match(text, e, limit)
    if tail is None or _person_start(text, tail.start("last"), tail.end("last")) == \
            tail.start("last"):
        return e
    return tail.end("last")


# titles stripped from names but not read as titles before a name in the speaker patterns
# (lower-case 'pm' is a time of day there)
_STRIP_TITLES = frozenset({"secretary-general", "director-general", "vice-president",
                           "vice-chair", "vice-chairman", "mp", "mps", "msp", "mep", "meps",
                           "pm", "fm", "whip", "correspondent", "diplomat", "boss", "envoy",
                           "negotiator", "lawmaker"})
# the last word of a title phrase that names one office holder ("Defence Secretary", not
# "Russian")
_ROLE_NOUNS = _OF_HEADS | _STRIP_TITLES


@lru_cache(maxsize=4096)
def _strip_title(name: str) -> str:
    """'Ukrainian President Volodymyr Zelenskyy' -> 'Volodymyr Zelenskyy' (cached: names recur)."""
    words = name.split()
    last_title = -1
    for k, w in enumerate(words):
        lw = w.lower().strip(",")
        if lw in _TITLES or lw.rstrip(".") in _TITLES or lw.endswith("’s") or lw.endswith("'s") \
                or (lw in _STRIP_TITLES and k + 1 < len(words)):
            last_title = k
    rest = words[last_title + 1 :]
    # keep names only when something capitalised remains ('Mr van Beurden' -> 'van Beurden')
    if rest and (rest[0][0].isupper() or (
            len(rest) > 1 and rest[1][0].isupper() and re.fullmatch(_PARTICLE, rest[0]))):
        return " ".join(rest)
    return name


class _Mention(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # name, pron, org


def _speaker_in(text: str, start: int, end: int, *, head: bool,
                scan: _LeadScan | None = None) -> _Mention | None:
    """The speaker NP in ``text[start:end]``: at its start (head=True) or at its end.

    At the end, an appositive between commas is skipped ("Gregory Angelo,
    president of the club, said"). With ``scan`` (the article's :class:`_LeadScan`), a long
    ``text[start:end]`` is searched only from its last punctuation mark that no noun phrase
    at the end can hold (same result, in time independent of the length).
    """
    if head:
        m = _NP_START.match(text, start, end)
        if not m:
            return None
        for kind in ("pron", "det", "name"):
            if m.group(kind):
                e = m.end(kind)
                if kind != "pron":
                    e = _of_person_end(text, e, end)
                return _classify(text, m.start(kind), e, kind)
        return None
    seg = text[start:end].rstrip()
    if scan is not None and len(seg) > _REACH:
        # a weekday phrase at the end holds no punctuation: look for it after the last mark
        day = _DAY_EDGE.match(seg)
        if day is None:
            day = _DAY_EDGE.search(seg, scan.floor(start, start + len(seg)) - start)
    else:
        day = _DAY_EDGE.search(seg)
    if day is not None and day.start() > 0:
        seg = seg[: day.start()]  # 'Smith later Thursday told': the time is no part of it
    stop = start + len(seg)
    if seg.endswith(","):
        # "X, director of Y, said": drop the appositive, keep X -- unless the part after
        # the last comma is itself a name ("After the vote, Gov. Jane Doe (D-XX), said")
        inner = seg[:-1]
        comma = inner.rfind(",")
        stop = start + comma if comma > 0 else start + len(inner)
        if comma > 0 and inner[comma + 1 :].strip()[:1].isupper():
            whole = _NP_END.search(text, start + comma + 1, start + len(inner))
            if whole and whole.group("name") and \
                    not text[start + comma + 1 : whole.start("name")].strip():
                stop = start + len(inner)
    m = _NP_END.search(text, start if scan is None else scan.floor(start, stop), stop)
    if not m:
        return None
    for kind in ("pron", "det", "name"):
        if m.group(kind):
            ms, me = m.start(kind), m.end(kind)
            # "But Trump": skip capitalised function words at the front
            while True:
                w = _FIRST_WORD.match(text[ms:me])
                if w and w.group(1).lower() in _FUNCTION_CAPS and kind == "name":
                    ms += w.end()
                    continue
                break
            if kind == "det" and _STOP_DET.search(text, ms + 1, me):
                # "the crowd cheered and the mayor": keep the last determiner phrase
                sub = list(_DET_WORD.finditer(text[ms:me]))
                if len(sub) > 1:
                    ms += sub[-1].start()
                stops = list(_STOP_DET.finditer(text, ms + 1, me))
                if stops:
                    # "a woman asked for a photo and Clinton": the NP after the last stop word
                    return _speaker_in(text, stops[-1].end(), end, head=False) \
                        if stops[-1].end() < me else None
            if kind == "name" and _STOP_NP.search(text, ms, me):
                run = list(_NAME_RUN_SCAN.finditer(text, ms, me))
                if not run:
                    return None
                ms = run[-1].start()
            if me <= ms:
                return None
            return _classify(text, ms, me, kind)
    return None


_FIRST_WORD = re.compile(r"([A-Za-z]+)\s+")
_DET_WORD = re.compile(rf"\b{_DET}\s")
# capitalised function words that do stand for a speaker ('Another said: "..."')
_INDEFINITE_SPEAKERS = frozenset({"another", "one", "others", "some", "many", "several", "both",
                                  "all", "most", "few", "none", "neither", "either"})
_DAY_EDGE = re.compile(r"^(?:(?:(?:On|By|Since|Until|Last|This|Early|Late|Later|Earlier)\s+)?"
                       r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|"
                       r"Yesterday|Tonight),?(?:\s+|$))+|(?:\s+(?:later\s+|earlier\s+|[Oo]n\s+)?"
                       r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                       r"(?:\s+(?:morning|afternoon|evening|night))?)+$")


def _classify(text: str, s: int, e: int, kind: str) -> _Mention | None:
    piece = text[s:e]
    if kind == "pron":
        return _Mention(s, e, piece, "pron")
    if kind == "name":
        # 'said Wednesday', 'Friday Smith said', 'Smith later Thursday told': no speakers
        trimmed = False
        for m in list(_DAY_EDGE.finditer(piece))[::-1]:
            if m.start() == 0:
                s += m.end()
            else:
                e = s + m.start()
            trimmed = True
        if trimmed:
            piece = text[s:e]
            if not piece.strip() or piece.split()[-1].lower() in _FUNCTION_CAPS or \
                    not piece.split()[-1][0].isupper():
                return None  # 'on' left of 'on Thursday'
    words = piece.split()
    if not words:
        return None
    if kind == "det":
        runs = [r for r in _NAME_RUN_SCAN.finditer(piece)
                if r.group(0).lower() not in _FUNCTION_CAPS]
        if runs and words[-1].lower().strip(".,") not in _ORG_NOUNS and (
                words[0].lower() not in ("the", "a", "an")
                or (runs[-1].end() == len(piece) and " " in runs[-1].group(0))):
            # "his spokesman Dmitry Peskov", "the Kremlin spokesman Dmitry Peskov"
            return _Mention(s, e, piece, "name")
        return _Mention(s, e, piece, "org")
    if piece.lower() in _PRONOUNS:
        return _Mention(s, e, piece, "pron")
    return _Mention(s, e, piece, "name")


_DETERMINER = re.compile(r"(?i)(the|a|an|his|her|its|their|our)\s+")


def _canonical_org(piece: str) -> str:
    """'The Ministry of Defence' -> 'the Ministry of Defence'; 'a resident' stays."""
    piece = " ".join(piece.split())
    m = _DETERMINER.match(piece)
    return m.group(1).lower() + piece[m.end() - 1 :] if m else piece


class _Names:
    """Names seen in one article: maps a mention to the fullest name of its chain.

    A chain is keyed by the last word of a name ("Terekhov"); its canonical
    form is the longest title-stripped name of 2-4 words that ends in that word
    anywhere in the article ("Mayor Ihor Terekhov" -> "Ihor Terekhov"). Chains
    are built lazily, only for the words that speakers use.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: dict[str, list[tuple[int, int]]] | None = None
        self._cache: dict[str, str | None] = {}

    def longest(self, word: str) -> str | None:
        """The longest name ending in ``word`` (as written), or None."""
        if word in self._cache:
            return self._cache[word]
        if self._runs is None:
            self._runs = {}
            for m in _MULTI_NAME_RUN.finditer(self.text):
                run = m.group(0)
                self._runs.setdefault(run[run.rfind(" ") + 1 :], []).append(m.span())
        best: str | None = None
        for s, e in self._runs.get(word, ()):
            # "President of Ukraine Volodymyr Zelenskyy": the person only
            name = _strip_title(_person_part(self.text, s, e))
            words = name.split()
            if words and words[0].lower() in _FUNCTION_CAPS:
                words = words[1:]
            words = _DAY_EDGE.sub("", " ".join(words)).split()  # 'On Friday Biden'
            if len(words) > 3 and not any(len(w) == 2 and w.endswith(".") for w in words):
                # a Title Case headline run ("McCain Challenger Kelli Ward"): keep the last two
                words = words[-2:]
            name = " ".join(words)
            if 2 <= len(words) <= 4 and (best is None or len(name) > len(best)):
                best = name
        self._cache[word] = best
        return best

    def holder(self, title: str) -> str | None:
        """The one person the article names right after the title phrase ``title`` ("Foreign
        Secretary" -> "Jane Doe" after "Foreign Secretary Jane Doe"), or None (none or
        several: "President" before two presidents' names)."""
        key = "\0" + title
        if key in self._cache:
            return self._cache[key]
        found = set()
        # "President Jane Doe", or "President of Ruritania Jane Doe" (the organisation or place
        # glued to the name is cut off as in :func:`_person_start`)
        for m in re.finditer(rf"(?<![\w-]){re.escape(title)}[ \u00a0]+(of[ \u00a0]+(?:the[ \u00a0]+)?)?"
                             rf"({_NAME_RUN.pattern})", self.text):
            if _OTHER_BEFORE.search(self.text, max(0, m.start() - 30), m.start()):
                continue  # "former President Jane Doe" no longer holds the title
            s, e = m.span(2)
            run = _person_part(self.text, s, e) if m.group(1) else m.group(2)
            if m.group(1) and run == m.group(2):
                continue  # no person after the organisation: "President of the Assembly"
            name = _strip_title(run.rstrip(".’',"))
            words = name.split()
            if 2 <= len(words) <= 4 and not any(_is_org_end(w) for w in words) and \
                    _is_person_name(name) and not re.search(r"[’']s$", name):
                found.add(self.canonical(name))
        self._cache[key] = found.pop() if len(found) == 1 else None
        return self._cache[key]

    def canonical(self, name: str, *, holder: bool = True) -> str:
        title = name.rstrip(".’',")
        if title.startswith(("the ", "The ")):
            title = title[4:].lstrip()
        last = title[title.rfind(" ") + 1 :].lower().rstrip(".")
        if holder and last in _ROLE_NOUNS and title[:1].isupper() and \
                all(_is_title(w) for w in title.split()):
            # "Foreign Secretary", "the Defence Secretary": the article's holder of the title
            holder = self.holder(title)
            if holder is not None:
                return holder
        name = _strip_title(name.rstrip(".’',"))
        words = name.split()
        if not words:
            return name
        full = self.longest(words[-1])
        if full and _ADDRESS_FORM.search(full):
            full = None  # "Dear Mr President", "Madam Speaker": an address, no person's name
        if full and len(full) > len(name) and \
                (len(words) == 1 or full.endswith(name) or full.startswith(words[0])):
            return full
        return name


_MALE = frozenset({"mr", "mr.", "he", "his", "him", "spokesman", "chairman", "congressman",
                   "king", "prince", "father", "son", "brother", "husband", "sir", "lord"})
_FEMALE = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "she", "her", "hers", "spokeswoman",
                     "chairwoman", "congresswoman", "queen", "princess", "mother", "daughter",
                     "sister", "wife", "dame", "lady"})


@lru_cache(maxsize=64)
def _gender(text: str, surname: str) -> str:
    """'m', 'f' or '' from titles before the surname in the article ("Mr Peskov", "Ms Marin");
    cached for the article at hand: every pronoun asks it of each candidate (a text's hash is
    computed once; 64 entries hold few texts)."""
    if not surname or not surname[0].isupper():
        return ""
    male = female = 0
    pos = text.find(surname)
    while pos >= 0:
        before = text[max(0, pos - 14) : pos].lower().split()
        if before:
            w = before[-1]
            male += w in _MALE
            female += w in _FEMALE
        pos = text.find(surname, pos + len(surname))
    return "m" if male > female else "f" if female > male else ""


def _compatible(text: str, name: str, pronoun: str) -> bool:
    want = "m" if pronoun == "he" else "f" if pronoun == "she" else ""
    got = _gender(text, name.split()[-1]) if name and want else ""
    return not (want and got and got != want)


#: a verb of saying right after a name (past an appositive): 'Oksana, 41, told the BBC'
_SAYS_AFTER_NAME = re.compile(r"(?:,[^,.;:\n]{1,120},)?\s+(?:(?:also|later|then|[a-z]+ly)\s+)?"
                              r"(?:said|says|told|tells|added|adds|wrote|writes|explained|explains|"
                              r"recalled|recalls|asked|asks|replied)\b")


def _first_name_speaks(text: str, name: str, end: int) -> bool:
    """A single capitalised word before a verb of saying is a person known by one name
    ('Oksana told the BBC ...', 'Zakhar, the former engineer, said'): not an organisation or
    place word, not a function word ('Others'), and not a common word capitalised at a
    sentence start ('Morale also continues ...': 'morale' stands in lower case elsewhere)."""
    if " " in name or not _is_person_name(name) or _is_org_end(name) or \
            name.lower() in _FUNCTION_CAPS or name.lower() in _INDEFINITE_SPEAKERS or \
            _SAYS_AFTER_NAME.match(text, end) is None:
        return False
    return next(_whole_words(text, name.lower()), None) is None


def _last_person_before(text: str, pos: int, names: _Names, skip: list[tuple[int, int]],
                        pronoun: str = "", *, floor: int = 0, speaking: bool = False
                        ) -> tuple[str, int, int] | None:
    """The last named person before ``pos`` (and not before ``floor``), outside the quotes in
    ``skip``, whose gender (from titles such as Mr/Ms in the article) does not clash with
    ``pronoun``; with ``speaking``, the last one followed by a reporting verb ("Jane Doe, head
    of Energy UK, said": Jane Doe, not Energy UK)."""
    window_start = max(floor, pos - 600)
    # inside a quote: the spans sorted by start with the running maximum of their ends
    skip = sorted(skip)
    starts = [a for a, _ in skip]
    reach = list(itertools.accumulate((b for _, b in skip), max))
    # the last qualifying run wins, so read the runs from the end and stop at the first
    for m in reversed(list(_NAME_RUN_SCAN.finditer(text, window_start, pos))):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < reach[k]:
            continue
        if speaking and _CUE_AFTER_NAME.match(text, m.end()) is None and not (
                text[m.start() - 2 : m.start()] == ", "
                and _CUE_AFTER_APPOSITIVE.match(text, m.end())
                and not any(_is_org_end(w) for w in _strip_title(m.group(0)).split())):
            continue
        run = _person_part(text, m.start(), m.end())
        raw_name = _POSSESSIVE_S.sub("", run.rstrip(".’',"))
        name = _strip_title(raw_name)
        if name.split()[0].lower() in _FUNCTION_CAPS:
            name = " ".join(name.split()[1:])
        if not name:
            continue
        titled = name != raw_name and raw_name.split()[0].lower().rstrip(".") in _PERSON_TITLES
        if name.split()[-1].lower() in _NON_PERSON:
            continue
        if len(name.split()) >= 2 or titled or names.longest(name) is not None or (
                speaking and _first_name_speaks(text, name, m.end())):
            canon = names.canonical(name, holder=not all(_is_title(w) for w in name.split())
                                    or _OTHER_BEFORE.search(text, max(0, m.start() - 30),
                                                            m.start()) is None)
            if _compatible(text, canon, pronoun):
                return canon, m.start(), m.end()
    return None


# --------------------------------------------------------------------------- attribution
class _Attr(NamedTuple):
    mention: _Mention
    cue: str
    where: str  # after, before


def _sentence_bounds(breaks: tuple[list[int], list[int]], p_start: int, p_end: int, a: int,
                     b: int) -> tuple[int, int]:
    """Sentence (within its paragraph) containing [a, b).

    ``breaks`` holds the sorted positions of sentence-final punctuation and the
    sorted starts of the sentences that follow them (from ``_SENT_END``).
    """
    punct, starts = breaks
    s = p_start
    k = bisect_right(starts, a + 1) - 1
    if k >= 0 and starts[k] > s:
        s = starts[k]
    e = p_end
    j = bisect_left(punct, b)
    if j < len(punct) and punct[j] < p_end:
        e = punct[j] + 1
    return s, e


_AFTER_MARK = re.compile(r"[,—–-]?\s*")
_POSSESSIVE_S = re.compile(r"[’']s$")


def _after_attr(text: str, close: int, s_end: int) -> tuple[_Attr | None, int]:
    """Attribution right after a closing mark: '..., X said' / 'said X' / 'according to X'."""
    k = close + 1
    # the comma may sit outside the mark
    win_end = min(s_end, k + 160)
    seg = text[k:win_end]
    m0 = _AFTER_MARK.match(seg)
    off = m0.end() if m0 else 0
    cue = _CUE.search(text, k + off, win_end)
    if not cue and s_end > win_end and text[close - 1 : close] == "," and \
            "," in text[k + off : win_end]:
        # '"...," Trump, the 2016 frontrunner and leader ... after winning X, said': a long
        # appositive pushes the cue further out
        cue = _CUE.search(text, k + off, min(s_end, k + 300))
        if cue and not _APPOSITIVE.fullmatch(text, k + off, cue.start()):
            cue = None
    if not cue:
        return None, k
    pre = text[k + off : cue.start()]
    cue_text = _clean_cue(text[cue.start() : cue.end()])
    if _INVERSION.fullmatch(pre):
        pre = ""  # '"...," thus wrote X'
    if not pre.strip():
        if _PARTICIPLE.fullmatch(cue_text):
            return None, k  # '"...," adding that ...': no speaker after a participle
        mention = _speaker_in(text, cue.end(), win_end, head=True)
        if mention is None:
            # '"...," read one.' / '"...," wrote another.': an indefinite pronoun
            bare = _BARE_INDEFINITE.match(text, cue.end(), win_end)
            if bare:
                mention = _Mention(bare.start(1), bare.end(1), bare.group(1), "org")
        if mention:
            return _Attr(mention, cue_text, "after"), mention.end
        return None, k
    appos = _APPOSITIVE.fullmatch(pre)
    if appos and not _SENT_END.search(pre):
        # '"...," Trump, the 2016 GOP frontrunner and leader in South Carolina, said'
        head_end = k + off + appos.end(1)
        mention = _speaker_in(text, k + off, head_end, head=False)
        if mention and not text[k + off : mention.start].strip():
            return _Attr(mention, cue_text, "after"), cue.end()
    if len(_WORDS.findall(pre)) > 12 or ";" in pre or _SENT_END.search(pre):
        return None, k
    if "“" in pre or '"' in pre:
        return None, k
    mention = _speaker_in(text, k + off, cue.start(), head=False)
    if mention and not text[k + off : mention.start].strip():
        return _Attr(mention, cue_text, "after"), cue.end()
    bare = _BARE_NP.match(pre) or (
        len(pre.split()) <= 4 and pre.split()[-1].lower().strip(",") in _ORG_NOUNS)
    if bare and not _STOP_NP.search(pre):
        # '"...," federal prosecutors wrote': a bare plural noun phrase
        e = k + off + len(pre.rstrip())
        return _Attr(_Mention(k + off, e, text[k + off : e], "org"), cue_text, "after"), cue.end()
    if (text[close - 1 : close] in ",?!" or text[k : k + 1] == ",") and \
            not _PARTICIPLE_BEFORE_CUE.search(pre):
        # '"...," state Senate leader X and House Speaker Y, both Republicans, said':
        # a quote closed by a comma and followed by a cue: the words between are the source
        e = k + off + len(pre.rstrip(" ,"))
        words = pre.split()
        if (words and words[0][0].isupper()) or _DET_START.match(pre) or (
                len(words) <= 8 and _NAME_RUN.search(pre) and not _STOP_NP.search(pre)):
            kind = "name" if _NAME_RUN.search(pre) and not _DET_START.match(pre) else "org"
            return _Attr(_Mention(k + off, e, text[k + off : e], kind), cue_text, "after"), \
                cue.end()
    return None, k


# '..., drawing laughs', '..., prompting cheers': the "cue" is the object of a participle
_PARTICIPLE_BEFORE_CUE = re.compile(r",\s*[a-z]{2,}ing\s*$")


_ANY_VERB = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?(?!(?:is|was|has|does|its|his|hers|this|thus|"
                       r"us|as|yes|less|unless|across|plus|news|series|species|"
                       r"bus|gas|chaos|status|bonus|focus|census|campus|virus|"
                       r"needed|used|based|called|named|dubbed|titled)\b)"
                       r"([a-z]{2,}(?:ed|s))\b")


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|to|from|as|after|before|during|"
                         r"while|with|about|of|outside|inside|into|over|under|again|later|then|"
                         r"last|this|yesterday|today|tonight|recently|afterwards?)\b")


_SUBJECT_VERB_ED = re.compile(r"\s+(?:[a-z]+ly\s+|then\s+|also\s+|later\s+)?"
                              r"(?!(?:seemed|appeared|looked|sounded|happened|remained|included|"
                              r"turned|used|needed|tried|listed|featured|involved|contained)\b)"
                              r"([a-z]{3,}ed)\b"
                              r"[^:.!?\"“”]{0,80}:\s*$")
_ED_WORD = re.compile(r"(?<=\s)[a-z]{3,}ed\b")


_COMMA_SPACE = re.compile(r",?\s*")


def _generic_after_attr(text: str, close: int, s_end: int) -> tuple[_Attr | None, int]:
    """'"...," the host started.' / '"...?" the crowd jeered': a quote closed by a comma, ?
    or ! at the start of its sentence, then a subject and a finite verb that is not in
    the cue lexicon. The verb must come right after the subject."""
    k = close + 1
    win_end = min(s_end, k + 120)
    start = _COMMA_SPACE.match(text, k, win_end).end()
    mention = _speaker_in(text, start, win_end, head=True)
    if mention is not None and mention.kind == "org":
        # 'the Republican nominee riffed on ...': the phrase ran into its verb
        for w in _ED_WORD.finditer(text, start, min(mention.end, start + 80)):
            sub = _speaker_in(text, start, w.start(), head=False)
            if sub is not None and sub.start == start and sub.end >= w.start() - 1:
                mention = sub
                break
    if mention is None or mention.start != start:
        return None, k
    first = mention.text.split()[0]
    if text[close - 1 : close] in "?!" and mention.kind != "name" and first[0].isupper():
        return None, k  # '"... going?" The Kremlin blamed ...': a new sentence
    if (mention.kind == "name" and first.lower() in _FUNCTION_CAPS) or (
            mention.kind != "pron" and first[0].islower()
            and not _DET_START.match(mention.text)):
        return None, k  # '"...," And ...' / '"...," to Western actions'
    verb = _ANY_VERB.match(text, mention.end, win_end)
    if verb is None or (not verb.group(1).endswith("ed")
                        and not _CLAUSE_END.match(text, verb.end(), win_end + 1)):
        return None, k  # '"...," Trump supporters chanted': 'supporters' is no verb
    return _Attr(mention, verb.group(1), "after"), verb.end()


_BARE_INDEFINITE = re.compile(r"\s+(one|another|others|some|many|several)(?=\s*(?:[.,;:!?]|$))")


def _clean_cue(cue: str) -> str:
    return " ".join(cue.split())  # runs of white space as one space


#: a character that no noun phrase ending a lead-in (``_NP_END``) holds outside the bracket
#: that may close it, nor any cue (``_CUE``): punctuation other than . ' ’ -, double marks
_BARRIER = re.compile(r"[^\w\s.’'\-]")
#: ... and for cues also an apostrophe or single mark after a space ('a 'scare' quote'): a cue
#: holds one only inside a capitalised word ("wrote on Fox's")
_CUE_BARRIER = re.compile(r"[^\w\s.’'\-]|(?<![\w.’'\-])['’]")
#: lead-ins longer than this are read from a barrier this far before their end (see _LeadScan)
_REACH = 400
_NONSPACE = re.compile(r"\S")
_SPACE_RUN = re.compile(r"\s+")


class _LeadScan:
    """Per-article memo that lets :func:`_before_attr` read a long lead-in in time independent
    of its length, with the same result as reading it whole.

    No cue holds a barrier character (``_CUE_BARRIER``), nor does a noun phrase ending a
    lead-in (``_BARRIER``; it may only inside the bracket that closes it, ``(R-Ohio)``). So
    the last cue in a lead-in and the noun phrase at its end are found by a search that starts
    just after the last barrier at least ``_REACH`` characters before the end -- provided
    more than white space follows the barrier by 100 characters (beyond any such bracket) and
    nine or more words follow it (a cue before it is then too far from the mark for the gap
    tests of :func:`_before_attr`, see :meth:`cue_before`); else the search starts at the
    lead-in's start. Whether a cue stands before the barrier is remembered per lead-in start,
    so the quotes of one long sentence extend one scan instead of each rereading it. The last
    cue of a stretch is remembered too (:meth:`last_cue`).
    """

    __slots__ = ("_barriers", "_first_cue", "_last_cue", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # positions of barrier characters (noun phrases, cues), found on demand
        self._barriers: dict[bool, list[int]] = {}
        self._first_cue: dict[int, tuple[int, int]] = {}  # start -> (searched to, first cue)
        self._last_cue: dict[tuple[int, int], re.Match[str] | None] = {}

    def last_cue(self, start: int, end: int) -> re.Match[str] | None:
        """The last cue ``_CUE.finditer(text, start, end)`` finds: the lead-in, the cue leading
        a quote in and the quote's sentence are often the same stretch (read once)."""
        key = (start, end)
        if key not in self._last_cue:
            best = None
            for cue in _CUE.finditer(self.text, start, end):
                best = cue
            self._last_cue[key] = best
        return self._last_cue[key]

    def floor(self, start: int, end: int, *, cue: bool = False) -> int:
        """Where to start searching ``text[start:end]`` for its last cue (``cue``) or the noun
        phrase that ends it."""
        if end - start <= _REACH:
            return start
        found = self._barriers.get(cue)
        if found is None:
            found = self._barriers[cue] = [
                m.start() for m in (_CUE_BARRIER if cue else _BARRIER).finditer(self.text)]
        k = bisect_left(found, end - _REACH) - 1
        if k < 0 or found[k] < start:
            return start
        b = found[k]
        if _NONSPACE.search(self.text, b + 100, end) is None or \
                sum(1 for _ in itertools.islice(_SPACE_RUN.finditer(self.text, b, end), 9)) < 9:
            return start
        return b + 1

    def cue_before(self, start: int, barrier: int) -> bool:
        """Whether a cue stands in ``text[start:barrier]`` (``barrier`` a cue barrier's position;
        the search resumes where the last one for this start stopped, at such a barrier)."""
        searched, first = self._first_cue.get(start, (start, -1))
        if first < 0 and searched < barrier:
            m = _CUE.search(self.text, searched, barrier)
            first = m.start() if m else -1
            self._first_cue[start] = (barrier, first)
        return 0 <= first < barrier


def _before_attr(text: str, open_at: int, s_start: int, scan: _LeadScan | None = None
                 ) -> _Attr | None:
    """Attribution in the lead-in before an opening mark: 'X said: "', 'according to X, "'.

    ``scan`` (the article's :class:`_LeadScan`) keeps long lead-ins linear: the quotes of one
    long sentence that are dropped (scare quotes) all share its start as their lead-in's, and
    reading each lead-in whole was quadratic (14,700 characters: 240 ms; 18,000 ending in
    colons: 3.7 s)."""
    if _NONSPACE.search(text, s_start, open_at) is None:
        return None
    inverted = _INVERTED_LEAD.match(text, s_start, open_at)
    if inverted:
        # "Said Comey, '...'" / "Stated Stone: '...'"
        mention = _speaker_in(text, inverted.end(1), open_at, head=True)
        if mention is not None:
            return _Attr(mention, inverted.group(1).lower(), "before")
    lo = s_start if scan is None else scan.floor(s_start, open_at, cue=True)
    if scan is not None:
        best = scan.last_cue(lo, open_at)
    else:
        best = None
        for cue in _CUE.finditer(text, lo, open_at):
            best = cue
    if best is None and lo > s_start and scan is not None and scan.cue_before(s_start, lo - 1):
        # the last cue stands before a barrier far from the quote: the gap tests below (at
        # most eight words, or 60 characters after 'according to') fail on it
        return None
    if best is None:
        colon = _rstrip_pos(text, s_start, open_at)  # the lead-in's end without spaces
        if text[colon - 1] == ":":
            # "Philip Bump: '...'": a bare name introducing the quote
            mention = _speaker_in(text, s_start, colon - 1, head=False, scan=scan)
            if mention is not None and mention.kind == "name" and (
                    " " in mention.text
                    or sum(1 for _ in itertools.islice(_WORDS.finditer(text, s_start, colon),
                                                       7)) <= 6):
                return _Attr(mention, ":", "before")
            # 'She then addressed the crowd again: "...': a subject, then a past-tense verb
            subject = _subject(text, s_start, colon - 1)
            if subject is not None and subject.kind in ("pron", "name"):
                verb = _SUBJECT_VERB_ED.match(text, subject.end, colon)
                if verb is not None:
                    return _Attr(subject, verb.group(1), "before")
        return None
    after = text[best.end() : open_at]
    cue_text = _clean_cue(best.group(0))
    if _ACCORDING.match(cue_text):
        mention = _speaker_in(text, best.end(), open_at, head=True)
        if mention and re.fullmatch(r"[^.!?]{0,60}[,:]?\s*", after) and \
                re.fullmatch(r"[^,:;]*[,:]?\s*", text[mention.end : open_at]):
            return _Attr(mention, "according to", "before")
        return None
    # allow a few words between cue and mark: "told reporters in Nashua last week, "
    if not _CUE_GAP.fullmatch(after):
        return None
    if _PARTICIPLE.match(cue_text) and re.search(r"[,\w]\s*$", text[s_start : best.start()]):
        # "..., Smith said, adding, '...'": the attribution right before the participle
        said = None
        for c in _CUE.finditer(text, s_start, best.start()):
            said = c
        if said is not None and not _PARTICIPLE.match(_clean_cue(said.group(0))):
            mention = None
            if not text[said.end() : best.start()].strip(" ,"):
                mention = _speaker_in(text, s_start, said.start(), head=False)
            else:
                # '..., said Health Minister X, noting: "...': the speaker after the cue
                after = _speaker_in(text, said.end(), best.start(), head=True) \
                    if _clean_cue(said.group(0)) in ("said", "says") else None
                if after is not None and after.kind == "name" and \
                        not text[after.end : best.start()].strip(" ,"):
                    mention = after
            if mention is not None:
                return _Attr(mention, cue_text, "before")
        # "Trump went on the attack, saying, '...'": the speaker is the clause's subject
        subject = _subject(text, s_start, best.start())
        if subject is not None:
            return _Attr(subject, cue_text, "before")
    if _COORDINATED.search(text, s_start, best.start()):
        # "Trump joked about it but went on to say, '...'": the clause's subject
        subject = _subject(text, s_start, best.start())
        if subject is not None:
            return _Attr(subject, cue_text, "before")
    mention = _speaker_in(text, s_start, best.start(), head=False)
    if mention is None:
        # "said X: '...'" with the speaker after the cue
        mention = _speaker_in(text, best.end(), open_at, head=True)
        if mention is None:
            return None
    return _Attr(mention, cue_text, "before")


_CUE_GAP = re.compile(
    r"\s+(?:[a-z]+ly|in|on|at|to|during|after|before|last|this|from|with|of|about|late|early|"
    r"earlier|"
    r"later|again|yesterday|today|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|reporters|journalists|CNN|NBC|ABC|CBS|Fox|the|a|an|his|her|their)\b"
    r"(?:\s+[\w’'.-]+){0,7}\s*[,:]\s*|\s*[,:—–-]?\s*")


def _is_caps_lead(lead: str) -> bool:
    """'PRESIDENT VISITS KYIV ': an all-capital headline (news-digest item) before a quote."""
    if _NOT_CAPS_LEAD.search(lead):
        return False
    pairs = [m.start() for m in _CAPS_PAIR.finditer(lead)]
    return bool(pairs) and _SPACE.search(lead, pairs[0] + 2, pairs[-1]) is not None


def _paraphrase_lead(text: str, lead_start: int, open_at: int, scan: _LeadScan) -> bool:
    """The quote carries on a paraphrase: 'X warned that if Y happened, "..."'."""
    last = scan.last_cue(lead_start, open_at)
    return last is not None and _THAT.search(text, last.end(), open_at) is not None


def _cue_led(text: str, lead_start: int, open_at: int, scan: _LeadScan) -> bool:
    """A reporting cue introduces the quote ('..., but said, "'), whoever the speaker."""
    best = scan.last_cue(max(lead_start, open_at - 160), open_at)
    return best is not None and _CUE_GAP.fullmatch(text, best.end(), open_at) is not None


_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:[a-z]+ly\s+|then\s+|later\s+|also\s+)?$")
_INVERTED_LEAD = re.compile(
    r"\s*(Said|Says|Stated|States|Added|Adds|Wrote|Writes|Asked|Asks|Continued|Explained|"
    r"Noted|Recalled|Concluded|Declared|Tweeted|Replied)\s+[^,:]{2,60}[,:]\s*$")
_PARTICIPLE = re.compile(r"(?:[a-z]+ly\s+)?[a-z]+ing\b")
_LEADING_ADJUNCT = re.compile(
    r"(?:(?:And|But|So|Then|Yet|Also|Still|Meanwhile|Later|Earlier|Instead|Now|and|but|then)"
    r"\s+)+|(?:(?:On|In|At|After|Before|During|When|While|Back|Since|Last|Earlier|Later|"
    r"Speaking|Asked|As|Following|Ahead|Despite|Even|With|Without|Under|Over|For|From|By|"
    r"Although|Though|Because|If|Unless|Whereas|Once|Until|Alongside|Amid|Among|Against|"
    r"Beyond|Besides|Unlike|Throughout|Within|Across|Toward|Towards|Like)\b"
    r"[^,]{0,130},\s*)"
    r"|(?:[A-Z][a-z]+ly|Outside|Inside|Here|There|Meanwhile|Still|Later|Earlier|Instead|Today|"
    r"Yesterday|Tonight|Afterward|Afterwards|Separately|Elsewhere|Again|Overall|Finally|"
    r"However|Nevertheless|Nonetheless|Moreover|Furthermore|Indeed)\s*,\s*"
    r"|(?:Here|There|Back|Elsewhere|Outside|Inside|Earlier|Later)\s+(?:in|at|on)\b[^,]{0,60},\s*"
    # 'Eight years ago, ', 'Minutes later, ', 'Smiling broadly throughout her speech, '
    r"|(?:[A-Z][a-z]*\s+|A\s+few\s+)?(?:[Yy]ears?|[Mm]onths?|[Ww]eeks?|[Dd]ays?|[Hh]ours?|"
    r"[Mm]inutes?|[Mm]oments?)\s+(?:ago|later|earlier|after|before)\b[^,]{0,40},\s*"
    r"|[A-Z][a-z]+ing\b[^,]{0,80},\s*")


_FOCUS_ADVERB = re.compile(r"(?:even|also|only|just)\s+")


_LOW_ADJUNCT = re.compile(r"(?:after|before|when|while|despite|following|as|since|in|on|at)\b"
                          r"[^,]{0,100},\s*")


def _subject(text: str, s_start: int, end: int) -> _Mention | None:
    """The subject NP at the start of the clause ``text[s_start:end]`` (skipping
    leading adjuncts such as "On Thursday, after remaining neutral, ")."""
    pos = s_start
    for _ in range(4):
        m = _LEADING_ADJUNCT.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
        # "after remaining neutral throughout the process, " after a skipped adjunct
        low = _LOW_ADJUNCT.match(text[pos:end])
        if low:
            pos += low.end()
    focus = _FOCUS_ADVERB.match(text, pos, end)
    if focus:
        pos = focus.end()  # 'even a top GOP strategist said'
    return _speaker_in(text, pos, end, head=True)


_TITLE_SMALL = frozenset({"of", "the", "and", "a", "an", "in", "on", "to", "for", "with", "at"})
_PROGRAMME_LEAD = re.compile(r"(?:[’']s|\b(?:on|in|to|from))\s*$")


def _is_not_speech(text: str, q_start: int, q_end: int, lead: str, has_cue: bool) -> bool:
    inner = text[q_start:q_end].strip()
    # (the tests below count up to eight words: nine stand for 'more')
    words = _WORDS.findall(inner) if len(inner) < 120 else \
        [m.group(0) for m in itertools.islice(_WORDS.finditer(inner), 9)]
    if not words:
        return True
    if _TITLE_CUE.search(lead[-40:]):
        return True
    def title_case() -> bool:
        return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)

    if len(words) <= 6 and _PROGRAMME_LEAD.search(lead[-30:]) and title_case():
        return True  # 'said on NBC's "Meet the Press."': a programme, not speech
    if has_cue:
        return False
    if len(words) <= 3:
        # a short quoted sentence ('"We expected more."') is speech; a short phrase is not
        return not (inner[0].isupper() and inner[-1] in ".!?" and len(words) >= 2)
    # Title Case without sentence punctuation: a title, not speech
    return len(words) <= 8 and title_case() and inner[-1] not in ".!?,"


# --------------------------------------------------------------------------- core
def find_quotes(text: str) -> list[Quote]:
    """Quoted statements of one article, with speakers and cues.

    Args:
        text: the article text (paragraphs separated by newlines).

    Returns:
        One :class:`Quote` per statement in reading order. ``start``/``end``
        exclude the quotation marks (and a trailing comma inside them), so
        ``text[start:end]`` is the quoted words. ``speaker`` is ``""`` and
        ``speaker_start``/``speaker_end`` are -1 when no attribution was found.
    """
    if not isinstance(text, str) or not text:
        return []
    if not any(c in text for c in _DOUBLE_ANY + _SINGLE_ANY):
        return []
    if "''" in text or "``" in text:
        # typewriter doubles (''quote'' / ``quote''): read them as one double mark, offsets kept
        work = _TYPEWRITER.sub(_typewriter_mark, text)
        return [q._replace(text=text[q.start : q.end]) for q in _find(work)]
    return _find(text)


_TYPEWRITER = re.compile(r"'''|''|``")


def _typewriter_mark(m: re.Match[str]) -> str:
    s = m.string
    i = m.start()
    opening = m.group(0) == "``" or i == 0 or s[i - 1].isspace() or s[i - 1] in "([—-"
    if len(m.group(0)) == 3:
        # a single mark nested at the edge: ''' = ' + '' (closing) or '' + ' (opening)
        return " \"'" if opening else "'\" "
    return ' "' if opening else '" '


def _find(text: str) -> list[Quote]:
    paras = _paragraphs(text)
    raws: list[tuple[_Raw, int, int, int]] = []  # raw, para index, p_start, p_end
    carry = False
    for pi, (ps, pe) in enumerate(paras):
        starts_with_mark = text[ps] in _DOUBLE_ANY
        double, pending = _pair_double(text, ps, pe, carry)
        if carry and raws and starts_with_mark and double and double[0].open == ps:
            # previous paragraph's open quote continues here: it was not unbalanced
            prev_raw, ppi, pps, ppe = raws[-1]
            raws[-1] = (prev_raw._replace(unbalanced=False), ppi, pps, ppe)
            double[0] = double[0]._replace(cont=True)
        blocked = [(r.open, r.close) for r in double]
        single = _pair_single(text, ps, pe, blocked) if any(c in text[ps:pe]
                                                             for c in _SINGLE_ANY) else []
        for r in sorted(double + single, key=lambda r: r.open):
            raws.append((r, pi, ps, pe))
        carry = pending
    names = _Names(text)
    scan = _LeadScan(text)
    out: list[Quote] = []
    prev: Quote | None = None
    prev_para = -9
    prev_para_end_quote = False
    prev_standalone = False
    prev_led = False  # the previous quote's speaker came from the next quote's lead-in
    spans = [(r.open, r.close) for r, _, _, _ in raws]
    breaks: tuple[list[int], list[int]] = ([], [])
    for ps, pe in dict.fromkeys((ps, pe) for _, _, ps, pe in raws):
        # sentence breaks, only in paragraphs that hold quotation marks
        for m in _SENT_END.finditer(text, ps, pe):
            breaks[0].append(m.start())
            breaks[1].append(m.end())
    for raw, pi, ps, pe in raws:
        q_start = raw.open + 1
        q_end = raw.close
        while q_start < q_end and text[q_start].isspace():
            q_start += 1
        while q_end > q_start and (text[q_end - 1].isspace() or text[q_end - 1] == ","):
            q_end -= 1
        if q_end - q_start < 2:
            continue
        s_start, s_end = _sentence_bounds(breaks, ps, pe, max(raw.open, ps), min(raw.close, pe))
        lead_start = s_start
        if raw.open >= ps:
            # the lead-in: sentence start (or previous closing mark) up to the opening mark
            for o in reversed(out):
                if o.end > ps and o.end < raw.open and o.end > lead_start:
                    lead_start = o.end + 1
                    break
        lead = text[lead_start : max(raw.open, ps)]
        if lead and not lead.strip(" \t" + _INVISIBLE):
            lead = ""  # only a bidi/zero-width format character before the mark
        # nothing but an opening bracket before the mark: the quote opens its sentence
        opens_sentence = not lead.strip(" ([")
        # '"...," X said' / '"...?" she asked': closed by a comma, ? or !
        closes_clause = text[raw.close - 1 : raw.close] in ",?!" or \
            text[raw.close + 1 : raw.close + 2] == ","
        attr_end = s_end if s_end > raw.close else pe  # where an attribution after it may end
        after_attr, after_end = (None, raw.close)
        led_attr = None
        if raw.close < pe:
            after_attr, after_end = _after_attr(text, raw.close, attr_end)
            if after_attr is not None and opens_sentence and \
                    text[raw.close - 1 : raw.close] == "." and \
                    _NEW_SENTENCE.match(text, raw.close + 1, pe) and \
                    not _ATTR_ENDS_SENTENCE.match(text, after_end, pe):
                # '"... vote." Gov. Jane Doe said she would have ...': a new
                # sentence with its own content, not the attribution of the quote
                after_attr, after_end = None, raw.close
            if after_attr is not None and text[raw.close - 1 : raw.close] in ".!?" and \
                    _NEW_SENTENCE.match(text, raw.close + 1, pe) and \
                    _LEADS_INTO_QUOTE.match(text, after_end, pe):
                # 'calls him "a good man." She adds, "In a race ...": the new
                # sentence's cue introduces the next quote (its speaker is kept as a last
                # resort: 'added' says the same person spoke before)
                led_attr, after_attr, after_end = after_attr, None, raw.close
            if after_attr is None and opens_sentence and closes_clause:
                after_attr, after_end = _generic_after_attr(text, raw.close, attr_end)
        before_attr = _before_attr(text, raw.open, lead_start, scan) if raw.open > ps else None
        attr = after_attr or before_attr
        if after_attr is not None and before_attr is not None and \
                _LEAD_IN_END.search(lead) and text[q_end - 1 : q_end] in ".?!":
            # 'X responded: "...?" Her critics cited it': the lead-in owns a finished quote
            attr = before_attr
        # whether a cue right before the mark leads the quote in (read once, used twice)
        led_in = raw.open > lead_start and (attr is None or before_attr is None) and \
            _cue_led(text, lead_start, raw.open, scan)
        has_cue = attr is not None or led_attr is not None or led_in
        # '"A," X wrote on Y. "Blacklisted?"': a short quote right after an attributed one
        follows_attr = prev is not None and prev_para == pi and bool(prev.speaker) and \
            prev.end <= prev.speaker_start and prev.speaker_end <= raw.open < prev.speaker_end + 60 \
            and opens_sentence and bool(_SENT_BREAK.search(text, prev.speaker_end, raw.open)) \
            and (text[q_end - 1 : q_end] in ".?!" or _ENDS_HERE.match(text, raw.close + 1, pe + 1))
        if _is_not_speech(text, q_start, q_end, lead, has_cue or raw.cont or follows_attr):
            continue
        # direct vs partial
        lead_ok = (opens_sentence or before_attr is not None
                   or lead.rstrip().endswith("(")  # '... conquest ("A," X wrote)'
                   # 'Citing "obligations at home," the spokeswoman said': a participle whose
                   # subject is the attributed speaker
                   or (after_attr is not None and bool(_PARTICIPLE_LEAD.fullmatch(lead)))
                   or bool(_LEAD_IN_END.search(lead))
                   or (after_attr is not None and bool(_DASH_END.search(lead)))
                   ) and not _THAT_END.search(lead)
        tail = text[raw.close + 1 : s_end] if raw.close < pe else ""
        if text[raw.close - 1 : raw.close] in ".!?" and _NEW_SENTENCE.match(tail):
            tail = ""  # '"... 45." She is 45.': the quote ended its sentence
        tail_ok = after_attr is not None or not tail.strip(" .,!?;:—–-\"”’'\u00a0)") or \
            tail.lstrip().startswith(("“", '"'))
        # '"...," the crowd chanted as ...': a quote that opens its sentence and is closed by
        # a comma, ? or ! is a clause of its own -- direct if a speaker is found for it
        own_clause = not tail_ok and opens_sentence and closes_clause
        tail_ok = tail_ok or own_clause
        cont = raw.cont
        same_para_cont = False
        if not cont and prev is not None and prev_para == pi and prev.speaker \
                and raw.open > ps and not prev_led \
                and (attr is None or attr.mention.start == prev.speaker_start):
            between = text[prev.end : raw.open]
            # "A," he said. "B."  /  "A," said X, "B."
            if not between.strip(" .,!?;:—–-\"”’'\u00a0") or (
                    prev.speaker_start >= prev.end and prev.speaker_end <= raw.open
                    and len(between) < 220 and not _THAT_END.search(between)
                    and (_LEAD_IN_END.search(between) or _SENT_BREAK.search(between))):
                same_para_cont = True
        standalone = raw.open == ps and (raw.close >= pe - 2) and attr is None
        if not cont and standalone and prev is not None and prev_para == pi - 1 and \
                prev_para_end_quote and prev.speaker:
            cont = True
        if not cont and standalone and prev is not None and prev_para == pi - 1 and \
                prev_standalone and not prev.speaker and prev.kind != "partial" and \
                text.count("\n", prev.end, raw.open) == 1:
            # a tight list of quote lines with no attribution ('"A."\n"B."\n"C."'): one
            # source quoted line by line
            cont = True
        if not cont and raw.open == ps and after_attr is not None and prev is not None and \
                prev_para == pi - 1 and prev_standalone and not prev.speaker and \
                prev.kind == "direct":
            # a speaker-less quote paragraph, then a quote paragraph attributed at its end:
            # one statement over two paragraphs (the speaker is passed back by _backfill)
            cont = True
        # the first line of an article without a full stop in it is its headline
        headline = pi == 0 and pe - ps < 250 and len(paras) > 1 and \
            not _SENT_END.search(text, ps, raw.open)
        # the cue right before the mark makes the quote the whole content ('X cited "..."')
        cue_led = (before_attr is not None or led_in) and not _THAT_END.search(lead) and not (
            # 'testified "thousands" of emails were lost': the quoted words run on
            text[raw.close - 1 : raw.close] not in ".,!?…" and (_RUNS_ON.match(tail) or (
                # a Title Case headline: 'X: "No Idea" If I Had Told Her ...'
                headline and after_attr is None and _RUNS_ON_TITLE.match(tail))))
        kind = "continuation" if (cont or same_para_cont) else (
            "direct" if cue_led or (lead_ok and tail_ok) else "partial")
        if kind == "direct" and lead.strip() and not _OWN_LEAD_END.search(lead) and \
                _paraphrase_lead(text, lead_start, raw.open, scan):
            kind = "partial"
        speaker, sp_s, sp_e, cue, conf = "", -1, -1, "", 0.2
        cue_from_led = False
        digest = None
        if attr is None and kind != "continuation" and _is_caps_lead(lead):
            # a news digest item: 'HEADLINE IN CAPITALS "pull quote" [Outlet.]'
            digest = _SOURCE_TAG.match(text, raw.close + 1, pe)
        if digest is not None:
            kind, cue, conf = "direct", "[]", 0.7
            speaker, sp_s, sp_e = digest.group(1), digest.start(1), digest.end(1)
        elif attr is not None:
            speaker, sp_s, sp_e = _resolve(text, attr.mention, names, prev, spans, sent=s_start)
            cue = attr.cue
            conf = 0.95 if attr.where == "after" else 0.9
            if attr.mention.kind == "pron":
                conf -= 0.1
        elif kind == "continuation" and prev is not None:
            speaker, sp_s, sp_e, cue = prev.speaker, prev.speaker_start, prev.speaker_end, prev.cue
            conf = max(0.3, prev.confidence - 0.15)
        else:
            # an attribution elsewhere in the sentence: 'X said on Friday that "..."'
            found = _sentence_attr(text, s_start, raw, scan)
            if found is None and not lead.strip() and s_start > ps:
                # 'X said in a statement. "..."': the sentence before ends with the attribution
                found = _previous_sentence_attr(text, ps, s_start)
            if found is not None:
                speaker, sp_s, sp_e = _resolve(text, found.mention, names, prev, spans,
                                               sent=s_start)
                cue = found.cue
                conf = 0.7
            elif led_attr is not None:
                speaker, sp_s, sp_e = _resolve(text, led_attr.mention, names, prev, spans)
                cue, conf = led_attr.cue, 0.45
                cue_from_led = True
            elif headline and kind == "direct" and lead.rstrip().endswith(":") and \
                    _subject(text, ps, raw.open) is not None:
                # 'WSJ editorial: "Deport Her."': a headline's subject before its colon
                found = _subject(text, ps, raw.open)
                speaker, sp_s, sp_e = _resolve(text, found, names, prev, spans)
                cue, conf = ":", 0.7
            elif prev is not None and pi - prev_para <= 1 and prev.speaker and kind == "direct":
                speaker, sp_s, sp_e, cue = (prev.speaker, prev.speaker_start, prev.speaker_end,
                                            prev.cue)
                conf = 0.45
        if own_clause and kind == "direct" and not cue_led and (not speaker or conf < 0.7):
            # no attribution of its own: the words may run on a paraphrase (and a partial
            # quote inherits no speaker from the quote before)
            kind = "partial"
            if conf < 0.7:
                speaker, sp_s, sp_e, cue, conf = "", -1, -1, "", 0.2
        if not speaker and kind != "continuation" and \
                sum(1 for _ in itertools.islice(_WORDS.finditer(text, q_start, q_end), 6)) < 6:
            continue
        if speaker.lower() in _FUNCTION_CAPS and speaker.lower() not in _INDEFINITE_SPEAKERS \
                and speaker.lower() not in _PRONOUNS:
            # 'When asked ...', 'The comments ...', 'Statement: "..."': a capitalised function
            # word is no speaker (the quote is kept, as the attribution was read as one)
            speaker, sp_s, sp_e, cue = "", -1, -1, ""
        q = Quote(q_start, q_end, text[q_start:q_end], speaker, sp_s, sp_e, cue, kind,
                  round(conf, 2), raw.unbalanced)
        out.append(q)
        prev = q
        prev_para = pi
        prev_standalone = raw.open == ps and raw.close >= pe - 2
        prev_led = cue_from_led
        prev_para_end_quote = raw.close >= pe - 3 or after_end >= pe - 2 or \
            not text[max(after_end, raw.close + 1) : pe].strip(" .") or (
                # '"A," X said during a visit to Y.' is the whole paragraph
                after_attr is not None and raw.open == ps and s_end >= pe - 1)
    # lead-ins closing the paragraph before a quote ("Cruz continued:") are read last
    return _backfill(_with_lead_ins(text, paras, out, names))


def _backfill(out: list[Quote]) -> list[Quote]:
    """A multi-paragraph quote attributed only at its end: give its earlier parts the speaker."""
    for i in range(len(out) - 1, 0, -1):
        q = out[i]
        if q.kind == "continuation" and q.speaker and not out[i - 1].speaker:
            out[i - 1] = out[i - 1]._replace(
                speaker=q.speaker, speaker_start=q.speaker_start, speaker_end=q.speaker_end,
                cue=q.cue, confidence=round(max(0.3, q.confidence - 0.1), 2))
    return out


def _with_lead_ins(text: str, paras: list[tuple[int, int]], out: list[Quote],
                   names: _Names) -> list[Quote]:
    """Give speaker-less paragraph-initial quotes the speaker of an 'X said:' lead-in."""
    if not out:
        return out
    para_of = {}
    for pi, (ps, _pe) in enumerate(paras):
        para_of[ps] = pi
    fixed = []
    prev: Quote | None = None
    for q in out:
        if q.kind == "continuation" and prev is not None and not q.speaker:
            q = q._replace(speaker=prev.speaker, speaker_start=prev.speaker_start,
                           speaker_end=prev.speaker_end, cue=prev.cue)
        if q.confidence <= 0.45:
            q = _with_dash_line(text, paras, q, names, prev)
        if q.confidence <= 0.45:
            ps = q.start - 1
            while ps > 0 and text[ps - 1] in " \t" + _DOUBLE_ANY + _SINGLE_ANY:
                ps -= 1
            pi = para_of.get(ps)
            if pi is None:
                pi = para_of.get(q.start - 1)
            if pi is not None and pi > 0:
                pps, ppe = paras[pi - 1]
                prev_text = text[pps:ppe].rstrip()
                if prev_text.endswith(":"):
                    lead = _lead_in_attr(text, pps, pps + len(prev_text) - 1)
                    if lead is not None:
                        speaker, sp_s, sp_e = _resolve(text, lead.mention, names, prev)
                        q = q._replace(speaker=speaker, speaker_start=sp_s, speaker_end=sp_e,
                                       cue=lead.cue, confidence=0.8, kind="direct")
        fixed.append(q)
        prev = q
    return fixed


_DASH_LINE = re.compile(r"[-–—]+[ \t]*(?=[A-Z])")


def _with_dash_line(text: str, paras: list[tuple[int, int]], q: Quote, names: _Names,
                    prev: Quote | None) -> Quote:
    """'"...." / - Hillary Clinton.': a quote paragraph signed by a dash line after it."""
    k = bisect_right(paras, (q.end, len(text) + 1)) - 1
    if k < 0 or k + 1 >= len(paras):
        return q
    ps, pe = paras[k]
    if not ps <= q.end <= pe or text[q.end : pe].strip(" .,!?" + _DOUBLE_ANY + _SINGLE_ANY):
        return q
    ns, ne = paras[k + 1]
    dash = _DASH_LINE.match(text, ns, ne)
    if dash is None or ne - ns > 200:
        return q
    mention = _speaker_in(text, dash.end(), ne, head=True)
    if mention is None or mention.kind == "pron":
        return q
    speaker, sp_s, sp_e = _resolve(text, mention, names, prev)
    return q._replace(speaker=speaker, speaker_start=sp_s, speaker_end=sp_e, cue="-",
                      confidence=0.8)


def _lead_in_attr(text: str, ps: int, colon: int) -> _Attr | None:
    """'X said:' (or 'X released the following statement:') closing a paragraph."""
    s = ps
    for m in _SENT_END.finditer(text, ps, colon + 1):
        if m.end() <= colon:
            s = m.end()
    return _before_attr(text, colon + 1, s)


def _previous_sentence_attr(text: str, ps: int, s_start: int) -> _Attr | None:
    """'X said in a statement.' ending right before the quote's sentence."""
    prev = text[max(ps, s_start - 300) : s_start].rstrip()
    if not prev.endswith((".", ":")) or any(c in prev for c in _DOUBLE_ANY):
        return None
    end = max(ps, s_start - 300) + len(prev) - 1
    best = None
    for cue in _CUE.finditer(text, max(ps, s_start - 300), end):
        best = cue
    if best is None or len(_WORDS.findall(text[best.end() : end])) > 0:
        return None
    cue_text = _clean_cue(best.group(0))
    if _ACCORDING.match(cue_text) or _PARTICIPLE.match(cue_text):
        return None
    start = max(ps, s_start - 300)
    for m in _SENT_END.finditer(text, start, best.start()):
        start = m.end()
    mention = _speaker_in(text, start, best.start(), head=False)
    return _Attr(mention, cue_text, "before") if mention else None


def _sentence_attr(text: str, s_start: int, raw: _Raw, scan: _LeadScan) -> _Attr | None:
    """'X said on Friday that "..."': a subject + cue anywhere in the quote's sentence."""
    lo = s_start
    hi = max(raw.open, s_start)
    best = scan.last_cue(lo, hi)
    if best is None:
        return None
    cue_text = _clean_cue(best.group(0))
    if _ACCORDING.match(cue_text):
        mention = _speaker_in(text, best.end(), hi, head=True)
        return _Attr(mention, "according to", "before") if mention else None
    mention = _speaker_in(text, lo, best.start(), head=False)
    return _Attr(mention, cue_text, "before") if mention else None


def _is_person_name(name: str) -> bool:
    """A canonical speaker that looks like a person's name (not 'police', 'the ministry',
    'Ukrainian officials', 'White House')."""
    words = name.split()
    if not words or not all(w[0].isupper() or re.fullmatch(_PARTICLE, w) for w in words):
        return False
    last = words[-1].lower().strip(".")
    return last not in _ORG_NOUNS and last not in _NON_PERSON and \
        words[0].lower() not in ("the", "a", "an")


# 'X and Y' is a group, but 'X and his family' has one person at its head
_CONJOINED = re.compile(r"\s+(?:and|&|or)\s(?!(?:his|her)\s)")
# 'Her mother, Olena Petrenko, ...', 'Secretary General of Amnesty Sweden, Anna Johansson, ...'
_APPOSITIVE_NAME = re.compile(rf"(?:[ \u00a0]+(?:of|for|at|to|in)[ \u00a0][^,.;:\n]{{1,60}})?"
                              rf",[ \u00a0]+({_NAME_RUN.pattern}),(?=[ \u00a0]+[a-z])")  # no list
_POSSESSIVE = re.compile(r"[’']s?$")


_ROLE_MODIFIERS = frozenset({"former", "acting", "then", "late", "new", "top", "senior", "chief",
                             "deputy", "general", "executive", "interim", "outgoing", "incoming",
                             "of", "the", "for", "and",
                             # 'according to Jane Doe, ...', 'One of them was Jane Doe, 41.'
                             "according", "to", "them", "was", "is"})
_QUOTING_END = re.compile(rf"\b(?:quoting|citing)[ \u00a0]+(?:{_TITLE_WORD}[ \u00a0]+){{0,2}}"
                          rf"({_NAME_RUN.pattern})[.!]?$")


def _context_sentence(text: str, sent: int, floor: int) -> tuple[int, int] | None:
    """The sentence right before the one starting at ``sent``, when all of it lies at or after
    ``floor`` (the end of the previous quote and its attribution) and it is found within 400
    characters; None otherwise."""
    end = sent
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end <= floor:
        return None
    lo = max(0, floor - 3, end - 400)  # a few characters back: '...there." Next' at the floor
    start = -1
    for m in _SENT_END.finditer(text, lo, end):
        start = m.end()
    nl = text.rfind("\n", lo, end)
    if nl >= 0:
        start = max(start, nl + 1)
    if start < 0 and lo == 0:
        start = 0
    if start < floor or start >= end:
        return None
    return start, end


def _context_subject(text: str, sent: int, floor: int, names: _Names, pronoun: str
                     ) -> tuple[str, int] | None:
    """The person who is the grammatical subject of the sentence before the one starting at
    ``sent`` ('Her mother, Olena Petrenko, was at home.' -> 'Olena Petrenko') with where it is
    named, or None: no
    such sentence wholly after ``floor``, or its subject is no single named person (a group,
    an organisation, a pronoun, 'X and Y', 'X's visit'). A named subject must be a full name
    or titled ('Mr Doe'), and its gender (from the article's titles) must not clash with
    ``pronoun``.

    In centering terms (Grosz, Joshi & Weinstein, "Centering", Computational Linguistics
    21(2), 1995) the subject is the most salient entity of an utterance, the preferred
    referent of a subject pronoun in the next one. A sentence that ends by naming whom it
    quotes ('... quoting former President Jane Doe.') hands on that person instead.
    """
    ctx = _context_sentence(text, sent, floor)
    if ctx is None:
        return None
    start, end = ctx
    quoting = _QUOTING_END.search(text, start, end)
    if quoting is not None:
        # '... ended by quoting former President Jane Doe. He said: "..."': the words that
        # follow are the quoted person's
        subj = _classify(text, quoting.start(1), quoting.end(1), "name")
    else:
        subj = _subject(text, start, end)
    if subj is None or subj.kind == "pron":
        return None
    appos = _APPOSITIVE_NAME.match(text, subj.end, end)
    if appos is not None:
        # 'Her mother, Olena Petrenko, was ...' / 'US Defence Secretary, Lloyd Austin, was ...'
        # (a subject with no name of its own: the title is no person's before the name)
        bare = _strip_title(subj.text)
        named = _classify(text, appos.start(1), appos.end(1), "name")
        if named is not None and (subj.kind == "org" or not _is_person_name(bare)
                                  or any(_is_org_end(w) for w in bare.split())):
            subj = named
    if subj.kind != "name" or _POSSESSIVE.search(subj.text) or \
            _CONJOINED.match(text, subj.end, end) or any(
                w[0].islower() and not _is_title(w) and w not in _ROLE_MODIFIERS
                for w in subj.text.split()[1:]):
        return None  # (lower-case words other than titles: 'The crew thanked Ivan Lysenko')
    name = _resolve(text, subj, names, None)[0]
    words = name.split()
    titled = subj.text.split()[0].lower().rstrip(".") in _PERSON_TITLES
    if not _is_person_name(name) or any(_is_org_end(w) for w in words) or \
            (len(words) < 2 and not titled) or not _compatible(text, name, pronoun):
        return None
    return name, subj.start


def _resolve(text: str, mention: _Mention, names: _Names, prev: Quote | None,
             skip: list[tuple[int, int]] | None = None, *, sent: int = -1
             ) -> tuple[str, int, int]:
    """The speaker's canonical name for a mention (see the module docstring, 5.).

    ``sent`` is the start of the sentence that holds a pronoun mention, when known: a
    pronoun that is the subject of its sentence ('He said: "..."') goes to the named subject
    of the sentence before it; one after the quote ('"...," he added') goes to the previous
    quote's speaker when that sentence's subject is the previous speaker.
    """
    if mention.kind == "pron":
        low = mention.text.lower()
        if low in _PRONOUNS_PERSON:
            since = max(prev.end, prev.speaker_end) if prev is not None else 0
            prev_person = prev is not None and _is_person_name(prev.speaker) and \
                _compatible(text, prev.speaker, low)
            context = _context_subject(text, sent, since, names, low) \
                if 0 <= sent <= mention.start else None
            if context is not None:
                if prev_person and context[0] == prev.speaker:
                    return prev.speaker, mention.start, mention.end
                own = _subject(text, sent, mention.end)
                if own is not None and own.start == mention.start:
                    # 'Her mother, Olena Petrenko, was at home. She said: "..."'
                    return context[0], mention.start, mention.end
            if prev_person:
                # only when someone may have spoken since the previous quote is the search worth it
                found = _last_person_before(text, mention.start, names, skip or [], low,
                                            floor=since, speaking=True) \
                    if _CUE.search(text, since, mention.start) else None
                # (found starts at or after ``since``: the search floor; a first name alone
                # may be the previous speaker's: 'Oksana' after 'Oksana Petrenko')
                if found is None or found[0] == prev.speaker or (
                        " " not in found[0] and found[0] in prev.speaker.split()):
                    return prev.speaker, mention.start, mention.end
            else:
                found = _last_person_before(text, mention.start, names, skip or [], low)
            if found:
                # a person who speaks since the previous quote ("Ofgem's chief Jane Doe said
                # the cap must rise. He said: ...") takes the pronoun; one merely named does not
                return found[0], mention.start, mention.end
        # unresolved: one spelling per pronoun, so "They" and "they" are counted together
        return ("I" if low == "i" else low), mention.start, mention.end
    last = mention.text.rstrip(" ,.").split()[-1] if mention.text.strip(" ,.") else ""
    if last and (last[0].islower() or last.lower() in _ORG_NOUNS) and last.lower() not in _TITLES:
        # "Ukrainian officials", "Russia's Defence Ministry", "police": a group, kept whole
        return _canonical_org(mention.text.rstrip(" ,.")), mention.start, mention.end
    if mention.kind == "org":
        runs = [r for r in _NAME_RUN_SCAN.finditer(mention.text)
                if r.group(0) not in ("The", "A", "An")]
        if runs and not mention.text.lower().startswith(("the ", "a ", "an ")):
            best = _person_run(text, mention.start, max(runs, key=lambda r: len(r.group(0))))
            if best.lower() not in _FUNCTION_CAPS:  # 'His spokesperson' stays a phrase
                return names.canonical(best), mention.start, mention.end
        bare = _BARE_TITLE.fullmatch(mention.text.rstrip(" ,."))
        if bare and bare.group(1).lower() in _ROLE_NOUNS:
            # "the President" said: the article's one holder of the title, when it names one
            # ("President of Ukraine Volodymyr Zelenskyy"), as for "the Defence Secretary"
            holder = names.holder(bare.group(1))
            if holder is not None:
                return holder, mention.start, mention.end
        return _canonical_org(mention.text), mention.start, mention.end
    runs = list(_NAME_RUN_SCAN.finditer(mention.text))
    person = _person_before_of(mention.text, runs)
    if person is not None:
        # "Sen. Jane Doe of Ohio", "Ivan Petrov of the Kyiv Institute": the person, not Ohio
        return names.canonical(person), mention.start, mention.end
    if runs and runs[-1].end() == len(mention.text.rstrip(" ,.")) and " " in runs[-1].group(0):
        # the NP ends in a full name: "Russian Foreign Ministry spokeswoman Maria Zakharova"
        best = _person_run(text, mention.start, runs[-1])
    else:
        best = _person_run(text, mention.start, max(runs, key=lambda r: len(r.group(0)))) \
            if runs else mention.text
    # 'another former US General': not the article's (current) holder of the title
    other = _OTHER_HOLDER.search(mention.text, 0, max(0, mention.text.rfind(best))) is not None
    return names.canonical(best, holder=not other), mention.start, mention.end


_OTHER_BEFORE = re.compile(r"\b(?:another|a|an|one|former|ex|other|some|each|every|any)"
                           r"[\s-]+(?:[a-z]+\s+)?$", re.IGNORECASE)
_OTHER_HOLDER = re.compile(r"\b(?:another|a|an|one|former|ex|other|some|each|every|any|"
                           r"Another|A|An|One|Former|Ex|Other|Some|Each|Every|Any)\b")
_ADDRESS_FORM = re.compile(r"\b(?:Dear|Mr\.?|Mrs\.?|Ms\.?|Madam|Madame)[ \u00a0]+(?:[A-Z][a-z]+[ \u00a0]+)?"
                           r"(?:President|Speaker|Chairman|Chairwoman|Chair|Secretary|Minister|"
                           r"Prime[ \u00a0]+Minister|Ambassador|Mayor)$")
#: a reporting verb right after a name: the person speaks ("Jane Doe said", "Doe, 54, told")
#: an appositive between the name and the verb is allowed, not a participle after it ("Doe, 41,
#: adding" is the subject's), and a name that is itself an appositive is followed by a comma
#: ("the head of the council, Jane Doe, said"; not "... of Energy UK, said")
_CUE_AFTER_NAME = re.compile(rf"(?:,[^,.;:\n]{{1,120}},\s+(?![a-z]+ing\b)|\s+)(?:{_CUE_VERB})\b")
_CUE_AFTER_APPOSITIVE = re.compile(rf",\s+(?![a-z]+ing\b)(?:{_CUE_VERB})\b")
_BARE_TITLE = re.compile(r"[Tt]he[ \u00a0]+([A-Z][a-z]+)")
_OF_GAP = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?")


def _person_before_of(piece: str, runs: list[re.Match[str]]) -> str | None:
    """The person's name in '<Person Name> of <place/organisation>' (the first name run,
    two or more words after its titles, none an organisation or place word), or None."""
    if len(runs) < 2 or _OF_GAP.fullmatch(piece, runs[0].end(), runs[1].start()) is None or \
            _DETERMINER.match(piece):  # 'the Civic Chamber of ...' is an organisation
        return None
    name = _strip_title(runs[0].group(0))
    words = name.split()
    if len(words) < 2 or any(_is_org_end(w) for w in words) or not _is_person_name(name):
        return None
    return name


def _person_run(text: str, offset: int, run: re.Match[str]) -> str:
    """A name run of a mention starting at ``offset``, without an organisation or place glued
    to its front after a title ('President of Ukraine Volodymyr Zelenskyy')."""
    return _person_part(text, offset + run.start(), offset + run.end())


# --------------------------------------------------------------------------- frames
_NAIVE = re.compile(r"[\"“]([^\"“”\n]{1,1000})[\"”]")
_NAIVE_SAID = re.compile(r"[,.]?\s*([A-Z]\w+(?:\s+[A-Z]\w+)*)\s+(?:said|says)\b")


@lru_cache(maxsize=1)
def _columns() -> tuple[str, ...]:
    return (*schema.columns("quotes"),)


def _frame(rows: list[tuple], *, extra: bool = True) -> pd.DataFrame:
    if not rows:
        return schema.empty("quotes")
    out = pd.DataFrame(rows, columns=list(_columns()))
    return schema.conform(out, "quotes")


def quotes(frame: pd.DataFrame, *, kinds: tuple[str, ...] | None = None,
           min_confidence: float = 0.0) -> pd.DataFrame:
    """One row per quoted statement in each article (the ``quotes`` table).

    Args:
        frame: any frame with ``doc_id`` and ``text`` columns.
        kinds: keep only these kinds (``"direct"``, ``"partial"``,
            ``"continuation"``); all by default.
        min_confidence: drop rows whose attribution confidence is lower.

    Returns:
        The ``quotes`` table (see :mod:`toolkit.schema`): ``doc_id, quote_id,
        start, end, text, speaker, speaker_start, speaker_end, cue, kind,
        confidence, unbalanced``.

    Raises:
        KeyError: when ``doc_id`` or ``text`` is missing (the message lists
            the available columns).
    """
    _check_columns(frame, ("doc_id", "text"), "quotes()")
    rows = []
    for doc_id, text in zip(frame["doc_id"], frame["text"], strict=True):
        if not isinstance(text, str):
            continue
        qid = 0
        for q in find_quotes(text):
            if kinds is not None and q.kind not in kinds:
                continue
            if q.confidence < min_confidence:
                continue
            rows.append((doc_id, qid, q.start, q.end, q.text, q.speaker, q.speaker_start,
                         q.speaker_end, q.cue, q.kind, q.confidence, q.unbalanced))
            qid += 1
    return _frame(rows)


def naive_quotes(frame: pd.DataFrame) -> pd.DataFrame:
    """The naive regex peer: text between double marks, speaker from a following 'X said'.

    Used as the baseline in evaluation and benchmarks; not for research use.
    """
    _check_columns(frame, ("doc_id", "text"), "naive_quotes()")
    rows = []
    for doc_id, text in zip(frame["doc_id"], frame["text"], strict=True):
        if not isinstance(text, str):
            continue
        for qid, m in enumerate(_NAIVE.finditer(text)):
            sp = _NAIVE_SAID.match(text, m.end())
            speaker, s0, s1 = (sp.group(1), sp.start(1), sp.end(1)) if sp else ("", -1, -1)
            rows.append((doc_id, qid, m.start(1), m.end(1), m.group(1), speaker, s0, s1,
                         "said" if sp else "", "direct", 0.5 if sp else 0.1, False))
    return _frame(rows)
