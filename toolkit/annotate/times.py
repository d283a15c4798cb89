"""Time expressions (TimeML TIMEX3), resolved against the article's dateline.

Method: a rule-based tagger and normaliser in the style of HeidelTime
(Strötgen & Gertz, "HeidelTime: High Quality Rule-based Extraction and
Normalization of Temporal Expressions", SemEval 2010; "Multilingual and
cross-domain temporal tagging", LRE 2013). Pattern families (explicit dates,
weekdays, relative expressions, durations, sets, quarters, decades, reference
words ...) are compiled into a single regular expression; each family has a
normalisation function that produces a TIMEX3 ``type`` and ``value`` following
the TimeML annotation guidelines (TimeML 1.2.1, ISO-TimeML) as used in
TempEval-3 (UzZaman et al., SemEval 2013):

* extents exclude the governing preposition ("on *Wednesday*", "since
  *Saturday*") but include determiners and modifiers ("*the past two months*",
  "*nearly four years ago*", "*early next year*");
* underspecified expressions are resolved against the document creation time
  (the dateline, ``dct``); tense decides the direction: in past-tense news
  "Wednesday" is the most recent Wednesday (the dateline itself when it is a
  Wednesday), with a future cue ("will meet on Friday") it is the next one;
* anaphoric expressions ("the next day", "later that year") are resolved
  against the last date mentioned before them; "that year", "two years later" also against a
  year written on its own ("in 1988, ... imports that year"); "earlier in the week / month /
  year" too, when that date lies near the dateline and the clause is not told as still to come,
  else the dateline's unit;
* in financial reports, "a year earlier", "the latest quarter", "this quarter's loss", "the
  1988 period" refer to the reporting period in focus (the last closed quarter the text has
  named, or "the first nine months"), not to the dateline's quarter;
* vague spans follow the TempEval-3 annotations (and HeidelTime's duration rules): "recent
  weeks", "the coming months", "the weeks ahead" are DURATIONs ``PXW``/``PXM``, "the past
  decade" is ``P10Y``, "the near term" is ``FUTURE_REF``;
* holidays with a fixed date ("Victory Day"; Ukraine's Independence Day, August 24, when the
  country is named) follow tense like other dates; movable ones get their computed date
  (Easter and Orthodox Easter by the Gregorian/Julian computus, Good Friday, Thanksgiving,
  Memorial Day, US Labor Day, US Election Day, Mother's/Father's Day; "Easter week" is the
  ISO week of Easter Sunday; "Labour Day" and "International Labor Day" are May 1); a weekday
  written with a date ("Friday, June 6") fixes the year; "last Oct. 23" is the latest such day
  before the dateline; years may be spelled out ("nineteen ninety-six");
* generic "today's youth" / "tomorrow's wars" (nowadays) and the adjective "recent" are no
  TIMEX3 ("the recent past" is ``PAST_REF``); "one day" next to a modal as an adverb ("will one
  day return", "who one day may join") is the indefinite future ``FUTURE_REF``, elsewhere
  ``P1D`` ("a delay of one day could cost millions");
* "April 24 and 25", "9-10 July": a second day and a span of days share the month (and a
  year written after them);
* tense cues also include present-tense verbs of a schedule in the clause before the date ("the
  summit opens Monday", "envoys meet Friday") and a moved date ("postponed until Tuesday",
  "extended to Nov. 16"): both point ahead; "Friday night, Aug. 12" takes the written date;
* "daily"/"weekly" used as a noun, a periodical ("the Italian daily Corriere della Sera",
  "The Daily Beast"), is not a TIMEX3 (TimeML: expressions inside names are not markable);
* the first clock of a range takes the day written after the second ("from 09:30 to 16:00 on
  Thursday 14 April"); the verb "last" is outside a duration ("expected to last *several days*");
* a clock with its day is one TIME: "10.30am on Friday 24 February 2023", "Monday 23 May at
  20:30", "10.45pm tonight", "1:30am on Friday morning" (a weekday written with a date only fixes
  its year); a day after a line break or a capitalised "On" starts a new sentence; a clock after
  a recurrence ("every weekday morning at 7am", "daily at 9pm") is a SET ``XXXX-XX-XXT07:00``;
* a month named again on its own, with nothing in its clause to say otherwise ("since", a tense
  cue), is the month it was the first time (within a year of the dateline);
* a month or date with a relative year is one DATE ("June of last year", "March 19 last year",
  "April of that year", "March the following year"); a span or list of months runs on in order
  ("from October to March", "in December and January": the next year's); a month after a
  possessive is a date ("Biden's July visit", not "Britain's May");
* tense: with no cue before a date, the nearest cue after it in its clause decides (a present
  perfect or an indirect question gives none); "as early as" points ahead only when nothing else
  does; a future seen from the past ("would", "was supposed to", "planned") reaches at most half
  a year ahead; "since" earlier in the clause makes a date a starting point, and so does a
  past event named by its date ("the Jan. 6 attack"); "ahead of" right
  before a date points ahead ("ahead of an October vote", "ahead of the winter");
* names are not markable (TimeML): "The Mail on Sunday", "the Sunday Times", "Fox News Sunday",
  "Saturday Night Live", CBS's "60 Minutes", "the Five-Day War", "the Good Friday Agreement";
* a weekday in a named week is one date ("on Friday last week", "Monday of next week");
  "within the next week" is a DURATION counted from now;
* "overnight" reported as past is the night that began the day before the dateline (like "last
  night"), "overnight into Friday" the night before the day named; in the sense of "suddenly"
  ("changed almost overnight", "won't happen overnight") it is no TIMEX3;
* a season: a bare one after a preposition ("in spring", "by early autumn") is a DATE too; one
  that starts after the dateline's month is the coming one with a future cue, after "for",
  "before", "into" ..., or with no tense cue when it starts within four months; one already
  over is next year's with a future cue or as a deadline ("before spring");
* in a direct quote, "today", "yesterday", "this morning" ... count from the day the quote was
  said when its attribution names that day ("“They used the vacuum bomb today,” the ambassador
  told reporters on Monday": Monday);
* "over the years" is a DURATION ``PXY``; a spelled-out count makes "a week" a rate ("seven days
  a week", SET) but not after a preposition ("in a year", "within a year": DURATION);
* without a dateline, values that need one stay underspecified
  (``XXXX-WXX-3``, ``XXXX-06-11``).

Pure Python, deterministic, no network.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import NamedTuple

import pandas as pd

from toolkit import schema
from toolkit.annotate._eventlex import first_chars
from toolkit.annotate.sentences import _check_columns
from toolkit.datelines import MONTHS as _MONTHS

__all__ = ["TimeExpression", "find_time_expressions", "time_expressions", "value_interval"]


class TimeExpression(NamedTuple):
    """One TIMEX3 found in a text.

    Attributes:
        start: start offset into the text.
        end: end offset (exclusive).
        text: ``text[start:end]``.
        type: DATE, TIME, DURATION or SET.
        value: TIMEX3 value (``2025-06-11``, ``2025-W23``, ``P3D``, ``PRESENT_REF`` ...).
        anchor: ``dateline``, ``expression:<start>`` or ``none``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str


# --------------------------------------------------------------------------- vocabulary

_WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "couple": 2, "dozen": 12, "half": 0.5,
}
_VAGUE = {"several", "few", "many", "some", "a few", "dozens", "hundreds"}
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "last": 4, "final": 4,
}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_TOD = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid afternoon": "AF",
    "mid-morning": "MO", "dawn": "MO", "daybreak": "MO",
}
_UNIT_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "Y", "century": "Y",
    "weekend": "WE", "night": "D",
}
_UNIT_MULT = {"fortnight": 2, "decade": 10, "century": 100}
_SET_ADVERBS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M",
}
_HOLIDAYS = {  # fixed-date holidays (month, day)
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31),
    "victory day": (5, 9), "may day": (5, 1), "boxing day": (12, 26),
    # International Workers' Day; the US "Labor Day" is movable (see _movable_holiday)
    "international labor day": (5, 1), "international labour day": (5, 1), "labour day": (5, 1),
    "independence day": (8, 24),
}

# --------------------------------------------------------------------------- patterns

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
#: a span of days written with the month once ("9-10 July 2022", "Sept. 29-30, 1941"): the
#: expression is dated by its first day
_DAYRANGE = r"(?:\s?[-–]\s?(?:[12][0-9]|3[01]|0?[1-9])(?!\d))?"
_NUMW = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)"
)
#: a year spelled out, as in broadcast transcripts: "nineteen ninety-six", "two thousand and one"
_UNITW = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENW = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_YEARW19 = (
    r"nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    rf"|ninety)(?:[\s-]+{_UNITW})?|{_TEENW}|oh[\s-]+{_UNITW})\b"
)
_YEARW = (
    rf"(?:{_YEARW19}|two\s+thousand(?:(?:\s+and)?[\s-]+(?:{_TEENW}|twenty(?:[\s-]+{_UNITW})?|{_UNITW}))?\b)"
)
_NUM = (
    rf"(?:(?:\d+|{_NUMW})\s+and\s+a\s+half|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?"
    rf"|{_NUMW}(?:[- ]{_NUMW})?(?:\s+hundred|\s+thousand)?"
    r"|a\s+couple\s+of|a\s+few|a\s+dozen|several|few|many|some|dozens\s+of|hundreds\s+of"
    r"|couple\s+of|a|an|half\s+a|half\s+an)"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
_UNITS = r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades|centuries)"
_APPROX = (
    r"(?:(?:nearly|almost|about|around|approximately|roughly|some|more\s+than|less\s+than"
    # "over" before a vague number is the preposition ("over several days": during them)
    r"|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than"
    r"|over(?!\s+(?:several|a\s+few|a\s+couple|many|some)\b)|up\s+to"
    r"|under|well\s+over|just\s+over|just\s+under)\s+)"
)
_TZ = (r"(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|(?-i:ET|PT)\b|(?-i:Eastern|Pacific)"
       r"(?:\s+time)?|local\s+time|Kyiv\s+time|Moscow\s+time)")
_CLOCK = (
    # British style writes the minutes after a point when a.m./p.m. follows: "10.30am", "9.30 p.m."
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:hrs|hours|h)\b)?"
    r"|noon|midnight|midday)"
    # a time zone, in brackets only when both are there: "(07:30 GMT)" keeps its ")" outside
    rf"(?:\s*\({_TZ}\)|\s*{_TZ})?"
)
_TODW = r"(?:morning|afternoon|evening|night|overnight|mid-?afternoon|mid-?morning)"

#: the day of a clock time: a day word, or a date with or without its weekday ("Friday 24
#: February 2023", "Thursday, Feb. 24", "June 11, 2022", "the 3rd of May")
_CLOCK_REST_DATE = (
    rf"(?:{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR4})?|(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR4})?)"
    r"(?![\d:])"
)
_CLOCK_REST = (  # the weekday is tried once (this runs at every candidate start)
    rf"(?:{_DAY}(?:,?\s+{_CLOCK_REST_DATE}|\s+(?:morning|afternoon|evening|night))?|{_CLOCK_REST_DATE}"
    r"|today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))"
)
_CLOCK_REST_PARTS = re.compile(
    rf"(?:(?P<wd>{_DAY}),?\s+)?(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAYNUM})(?:,?\s+(?P<y1>{_YEAR4}))?"
    rf"|(?:the\s+)?(?P<d2>{_DAYNUM})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR4}))?)",
    re.I,
)

#: a year named relative to the dateline or to the year last mentioned, after a month or date:
#: "March this year", "June of last year", "April of that year", "May 3 the following year"
_REL_YEAR = r"this|last|next|that|the\s+same|the\s+following|the\s+previous|the\s+next"

# families, most specific first (alternation picks the first that matches at a position)
_FAMILIES: list[tuple[str, str]] = [
    # "10 p.m. Wednesday", "9 a.m. EST Tuesday", "noon Saturday", "5 p.m. EST, Nov. 9",
    # "10.30am on Friday 24 February 2023"
    ("clock_day", rf"(?P<clock>{_CLOCK})(?P<sep>,?\s+(?:on\s+)?)(?P<rest>{_CLOCK_REST})\b"),
    # "Wednesday at 10 p.m." ; "June 11 at 14:00"; "Monday 23 May at 20:30"
    ("day_clock", rf"(?P<rest>{_CLOCK_REST}),?\s+at\s+(?P<clock>{_CLOCK})"),
    # explicit dates with a year
    ("mdy", rf"(?:(?P<wd>{_DAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAYNUM}){_DAYRANGE}(?:,\s*|\s+)(?P<y>{_YEAR4})(?!\d)"),
    ("dmy", rf"(?:(?P<wd>{_DAY}),?\s+)?(?:the\s+)?(?P<d>{_DAYNUM}){_DAYRANGE}\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR4})(?!\d)"),
    ("iso", r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"
            r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?"),
    ("numeric", r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d/])"),
    # "Wednesday, June 11", "June 11", "11 June", "the 11th of June"
    ("md", rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+|(?P<wd>{_DAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAYNUM}){_DAYRANGE}(?![\d:,]\d|\s*(?:%|percent|km|miles))(?:\b|(?=[A-Z][a-z]))"
           rf"(?:,?\s+(?:of\s+)?(?P<ry>{_REL_YEAR})\s+year\b)?"),
    ("dm", rf"(?:(?P<wd>{_DAY}),?\s+)?(?:the\s+)?(?P<d>{_DAYNUM}){_DAYRANGE}\s+(?:of\s+)?(?P<m>{_MONTH})"
           rf"(?:,?\s+(?:of\s+)?(?P<ry>{_REL_YEAR})\s+year\b)?"),
    # "mid-June 2025", "early June", "the end of June", "June 2025", "June"
    ("month", rf"(?:(?P<mod>early|earlier|late|later|mid|mid-|the\s+middle\s+of|the\s+end\s+of"
              rf"|the\s+beginning\s+of|the\s+start\s+of)[\s-]?)?"
              rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past)\s+)?(?P<m>{_MONTH})"
              rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR4}(?!\d)|{_YEARW})|\s+(?:of\s+)?(?P<ry>{_REL_YEAR})\s+year\b)?"),
    # decades and centuries
    ("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late|mid-)[\s-]?)?(?P<dec>(?:1[6-9]|20)\d0s|'\d0s"
               r"|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("century", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-])?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century\b"),
    # quarters and halves
    ("quarter", r"(?:the\s+)?(?:(?P<rel>year-earlier|year-ago|comparable|same|year-before"
                r"|latest|current|this|last|past|previous|prior|next|coming|recent|fiscal)[\s-]+)?"
                r"(?:(?P<rel2>fiscal|year-earlier|year-ago)[\s-]+)?"
                r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+)?quarter"
                r"(?!s)(?:\s+(?:of\s+)?(?:(?P<fy>fiscal)\s+)?(?P<y>" + _YEAR4 + r"))?"
                r"(?P<ya>\s+a\s+year\s+(?:ago|earlier|before))?"),  # "the quarter a year ago"
    ("yearquarter", r"(?:the\s+)?(?P<y>" + _YEAR4 + r")(?:'s)?\s+(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
                    r"[\s-]+)?(?P<u>quarter|period|half)\b"),
    ("qcode", r"(?P<h>[QH])(?P<n>[1-4])[\s/-]+(?P<y>" + _YEAR4 + r")\b"
              r"|(?P<y2>" + _YEAR4 + r")[\s/-]*(?P<h2>[QH])(?P<n2>[1-4])\b"),
    ("relyearquarter", r"(?P<rel>this|last|next)\s+year's\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?"
                       r"(?P<u>quarter|period)\b"),
    ("period", r"the\s+(?P<rel>latest|year-earlier|year-ago|comparable|same|corresponding|current)"
               r"(?:\s+(?:year-earlier|year-ago))?\s+period\b"
               r"(?P<ya>\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|of\s+last\s+year))?"),
    ("half", r"(?:the\s+)?(?P<ord>first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+(?:(?P<y>" + _YEAR4 + r")|"
             r"(?P<this>this|last|next)\s+year)"),
    ("months9", r"(?:the\s+)?(?:(?P<rel>first|latest|past|last|year-earlier|year-ago)\s+)?"
                r"(?P<n>nine|six|three|twelve)\s+months"
                r"(?=\s+(?:ended|ending|to|of|through)|[.,;]|\s+(?:a\s+year|results|period|sales))"
                r"|the\s+(?P<rel2>year-earlier|year-ago)\s+(?P<n2>nine|six|three|twelve)\s+months"),
    # anaphoric
    ("anaphor", r"(?:(?P<mod>earlier|later|late|early)\s+)?(?P<det>that|the\s+same|the\s+previous"
                r"|the\s+next|the\s+following|the\s+preceding|the\s+day\s+before|the\s+day\s+after)"
                r"\s+(?P<u>day|night|morning|afternoon|evening|week|month|year|weekend)\b"),
    ("dayafter", r"the\s+day\s+(?P<dir>before|after)\s+(?P<ref>yesterday|tomorrow)"),
    # a day or week named by another date: "the day before last Tuesday", "the week of March 6"
    ("dayrel", rf"(?:the\s+)?day\s+(?P<dir>before|after)\s+(?P<ref>(?:last\s+|next\s+)?{_DAY}"
               rf"|{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR4})?)(?![\w-])"),
    ("weekof", rf"the\s+week\s+of\s+(?P<ref>{_MONTH}\s+{_DAYNUM}(?:,?\s+{_YEAR4})?)(?![\w-])"),
    # durations with a number; ago/earlier/later
    ("set_every_n", rf"(?:every|each)\s+(?P<n>{_NUM})\s+(?P<u>{_UNITS}|{_UNIT}s?)\b"),
    ("ago", rf"{_APPROX}?(?:(?P<n>{_NUM})[\s-]+)?(?P<u>{_UNIT}s?|{_UNITS})(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b"),
    ("yearago", r"(?P<kind>year|week|month)-(?P<dir>earlier|ago|before)"
                r"(?:\s+(?P<what>quarter|period|month|week|year))?"),  # "year-ago results": the head noun is no part
    # "a months-long siege", "the year-long war": a prenominal duration without a number
    ("unitlong", r"(?P<u>hours|days|weeks|months|years|decades|centuries|hour|day|week|month|year"
                 r"|decade|century)-long"),
    ("dur", rf"(?:(?P<the>the|this|each\s+of\s+the)\s+)?{_APPROX}?"
            r"(?:(?P<rel>past|last|next|first|coming|previous|following|preceding|final|latest|"
            r"recent|few|same)\s+)?"
            rf"(?P<n>{_NUM})(?P<sep>[\s-]+)(?:(?:more|additional|further|extra|straight|consecutive|long|full|whole)\s+)?"
            r"(?:(?:trading|business|working|calendar)\s+)?"
            rf"(?P<u>{_UNIT}s?|{_UNITS})(?P<long>-long|-old|\s+old)?(?P<half>\s+and\s+a\s+half)?\b"
            r"(?!\s+(?:of\s+age|old))"),
    # relative units: last week, this year, earlier this month, early next year, the past week
    ("rel", r"(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of"
            r"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of)[\s-]+)?"
            r"(?P<rel>last|this|next|the\s+past|the\s+last|the\s+previous|the\s+coming|this\s+past"
            r"|this\s+coming|the\s+current|the\s+following|the\s+same|current|coming|past)\s+"
            r"(?P<u>day|week|weekend|month|year|decade|century|fiscal\s+year|season|"
            r"spring|summer|fall|autumn|winter|night|" + _DAY + r")\b"),
    ("seasonyear", rf"(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)"
                   rf"\s+(?:of\s+)?(?P<y>{_YEAR4}|{_YEARW})"),
    ("theseason", r"(?:(?P<mod>early|late)\s+)?the\s+(?:(?P<mod2>early|late)\s+)?(?P<s>spring|summer|autumn|winter|fall(?!\s+of\b|\s+in\s+(?:(?-i:[a-z])|\w+['’]s\b)))\b"),
    # a season without article or year after a preposition: "in spring", "by early autumn"
    ("bareseason", r"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bsince\s)|(?<=\binto\s)"
                   r"|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bfrom\s))"
                   r"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|winter)\b"
                   r"(?![\s-]+(?:clothes|clothing|coats?|jackets?|boots|tyres|tires|gear|uniforms?|sports?"
                   r"|games|olympics|wheat|crops?|sowing|offensive|campaign|session|break|holidays?"
                   r"|school|camps?|palace|solstice|equinox|time|motoring|driving|travel|demand)\b)"),
    ("fiscal", rf"fiscal(?:\s+year)?\s+(?P<y>{_YEAR4}|'\d\d)(?:-(?:\d\d|{_YEAR4}))?"),
    ("fiscalyear", r"the\s+(?:(?P<rel>current|latest|previous|last|next|past)\s+)?fiscal\s+year"),
    ("yearend", r"(?P<rel>year|month|week)-end\b"),
    ("yearend2", r"(?:(?:the\s+)?end\s+of\s+the\s+(?P<u>year|month|week|quarter)|(?P<u2>year)(?:'s)?\s+end)\b"),
    # a weekday in a named week: "on Friday last week", "Monday of next week" (one date; not
    # "on Wednesday, next week's talks")
    ("dayweek", rf"(?P<day>{_DAY}),?\s+(?:of\s+)?(?P<rel>next|last|this)\s+week\b(?!['’]s\b)"),
    # day words with a part of day: "late yesterday", "yesterday afternoon", "Wednesday night",
    # "overnight on Wednesday", "early Tuesday", "last night", "this morning", "tonight"
    ("tod_day_a", rf"(?:(?P<pre>early|late)\s+)?(?P<tod1>{_TODW})\s+(?:(?:on|of|into|to)\s+)?"
                  rf"(?P<day>{_DAY}|yesterday|today|tomorrow)\b"),
    ("tod_day_b", rf"(?:(?P<pre>early|late)\s+)?(?P<day>{_DAY}|yesterday|today|tomorrow),?\s+"
                  rf"(?P<tod2>{_TODW}|mid-?afternoon|mid-?morning)(?P<pl>s)?\b"),
    ("tod_day_c", r"(?P<pre>early|late|later|earlier)\s+(?P<day>yesterday|today|tomorrow)\b"),
    ("tod_day_d", rf"(?P<pre>early|late)\s+(?P<day>{_DAY})\b"),
    ("thistod", r"(?:(?P<pre>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+"
                r"(?P<tod>morning|afternoon|evening|night)\b"),
    ("tonight", r"(?:(?P<pre>early|late|later|earlier)\s+)?(?P<w>tonight|overnight|midday|mid[- ]?afternoon)\b"),
    ("clock", rf"(?<!high\s)(?<!High\s)(?P<clock>{_CLOCK})"
              r"(?:\s+in\s+the\s+(?P<tod>morning|afternoon|evening))?"),
    ("clocktod", r"(?P<h>[1-9]|1[0-2])\s+(?:o'clock\s+)?in\s+the\s+(?P<tod>morning|afternoon|evening)"),
    # weekend
    ("weekend", r"the\s+weekend\b"),
    # holidays
    ("holiday", r"(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas"
                r"|New\s+Year['’]s\s+(?:Eve|Day)|Thanksgiving(?:\s+Day)?|Valentine['’]s\s+Day"
                # movable feasts and US federal holidays (computed per year, see _movable_holiday)
                # not 'Easter Island', 'the Easter Rising', 'an easter egg'
                r"|(?:Orthodox\s+)?(?-i:Easter)(?!\s+(?:Island|Rising|[Ee]ggs?|[Bb]unny)\b)"
                r"(?:\s+(?:Sunday|Monday|week))?|Good\s+Friday"
                r"|Memorial\s+Day|(?:International\s+)?Labou?r\s+Day|(?-i:Election\s+Day)"
                r"|Mother['’]s\s+Day|Father['’]s\s+Day"
                r"|Victory\s+Day|Halloween|Boxing\s+Day"
                # Ukraine's Independence Day (August 24), when the country is named
                r"|(?<=Ukraine's\s)Independence\s+Day|(?<=Ukraine’s\s)Independence\s+Day"
                r"|(?<=Ukrainian\s)Independence\s+Day|Independence\s+Day(?=\s+(?:of|in)\s+Ukraine))"
                r"(?:\s+(?P<y>" + _YEAR4 + r"))?"
                # a holiday naming a treaty or a place is no date: "the Good Friday Agreement"
                r"(?!\s+(?:Agreement|Accords?|Islands?)\b)"),
    # sets
    ("set_every", r"(?P<q>every|each|once\s+a|twice\s+a|three\s+times\s+a|once\s+every)\s+(?:other\s+)?"
                  r"(?P<u>second|minute|hour|day|night|week|month|quarter|year|morning|evening"
                  r"|afternoon|weekend|" + _DAY + r"|January|February|March|April|June|July|August|September"
                  r"|October|November|December)\b"),
    ("set_adv", r"(?P<w>hourly|daily|nightly|weekly|monthly|yearly)\b"),
    ("set_days", rf"(?P<d>{_DAY})s\b"),
    # reference words
    ("recentunits", r"(?:the\s+(?=past))?(?P<w>recent|past|coming|previous)\s+(?P<u>days|weeks|months|quarters|years|decades)\b"),
    # "in the weeks ahead": an unspecified number of units, like "the coming weeks"
    ("ahead", r"the\s+(?P<u>days|weeks|months|years|decades)\s+ahead\b"),
    # "in the near term", "over the long term": the future (TimeML FUTURE_REF)
    ("term", r"the\s+(?:near|short|long)(?:-term(?![\s-]+[a-z])|\s+term(?![\s-]+(?:debt|loans?|bonds?"
             r"|rates?|interest|care|contracts?|financing|notes?|securities|investments?|paper|funds?)\b))"),
    ("ref", r"(?P<w>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future(?!\s+of\b)"
            r"|the\s+(?:recent\s+|distant\s+)?past(?!\s+(?:days|weeks|months|years|decades)\b)"
            r"|the\s+present"
            r"|nowadays|now|currently|current|presently|at\s+present|these\s+days"
            # the adjective "recent" is left out: TBAQ marks it 6 times in 15, and annotators
            # following the guidelines on news leave it out ("the recent suspension")
            r"|recently|lately|a\s+later\s+date)\b"),
    # "nineteen ninety-six" anywhere; "two thousand" only as "the year two thousand"
    ("yearwords", rf"(?:the\s+year\s+)?(?P<y>{_YEARW19})|the\s+year\s+(?P<y2>{_YEARW})"),
    # "over the years": an unspecified number of years up to now (TimeML DURATION PXY)
    ("theyears", r"(?:(?<=\bover\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|(?<=\bacross\s))the\s+"
                 r"(?P<u>years|decades|centuries)\b(?!\s+(?:of|since|after|before|to\s+come|ahead|that"
                 r"|when|in\s+which|between|from|\d))"),
    # "earlier in the week", "later in the year": the week or year of the narrative's day
    ("inthe", r"(?:earlier|later)\s+in\s+the\s+(?P<u>week|month|year)\b(?!\s+(?:of|before|after|that|when|\d))"),
    ("theyear", r"the\s+(?P<full>full\s+)?(?P<u>year|week)\b(?!\s+(?:of|in\s+which|when|before|after|that|\d))"),
    ("bareunits", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\bover\s)|(?<=\btime\sin\s))"
                  r"(?P<u>years|months|weeks|days|hours|decades|centuries)\b"
                  r"|(?P<u2>years|months|weeks|days|decades)(?=\s+of\s)"),
    ("days_words", r"(?P<w>yesterday|today|tomorrow|tonight)\b"),
    ("day", rf"(?P<day>{_DAY})\b"),
    ("yearmod", rf"(?:the\s+)?(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                rf"|the\s+middle\s+of|the\s+summer\s+of|the\s+spring\s+of|the\s+fall\s+of|the\s+winter\s+of)"
                rf"[\s-]+)(?P<y>{_YEAR4})(?![\d,]\d)"),
    # a span of years: "1941-1945", "the 2014-15 season" (each year a TIMEX3; the second is added
    # in find_time_expressions)
    ("yearspan", rf"(?<![\d$£€,.#/№-])(?P<y>{_YEAR4})[-–](?P<y2>{_YEAR4}|\d\d)(?![\d%]|[-–/.,:]\d)"),
    # after a word of approximation a four-digit number is a count ("nearly 2000 conscripts")
    ("year", rf"(?<![\d$£€,.#/№-])(?<!\bnearly\s)(?<!\balmost\s)(?<!\bsome\s)(?<!\broughly\s)"
             rf"(?<!\bapproximately\s)(?<!\bmore\sthan\s)(?<!\bfewer\sthan\s)(?P<y>{_YEAR4})(?![\d]|,\d|\.\d|%|-\d|\s*(?:percent|km|kilomet|mile|metre|meter|"
             r"people|soldiers|troops|civilians|residents|children|refugees|tons|tonnes|units|dollars|euros|"
             r"hryvnias?|rubles|roubles|barrels|calories|feet|ft|m\b|kg|votes|MW|GW|new|more|tanks|drones|"
             r"missiles|points|cases|deaths|homes|buildings|shares|jobs|words|pages))"),
]



def _prefixed(i: int, pattern: str) -> str:
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<f{i}_{m.group(1)}>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P=f{i}_{m.group(1)})", pattern)


#: what may follow an expression: not a letter nor a hyphen joining a word; a number glued to a
#: capitalised word is a lost line break ("July 2Griner returns to court" in a timeline); a
#: period adjective of a year or decade ("1970s-era rifles", "a 1930s-style purge") keeps its
#: date ("a Christmas-style market" does not)
_END = (r"(?:(?![\w]|-(?!\s))|(?<=\d)(?=[A-Z][a-z])"
        r"|(?:(?<=\d)|(?<=\ds))(?=-(?:era|style|vintage)\b))")
#: a period adjective after an expression, and a determiner before it: the determiner is the
#: noun's ("the 1970s-era rifles")
_PERIOD_ADJ_AFTER = re.compile(r"-(?:era|style|vintage)\b", re.I)
_DETERMINER = re.compile(r"(?:the|an?)\s+", re.I)


def _all_pattern(families: list[int]) -> re.Pattern[str]:
    """The families ``families`` (indices into ``_FAMILIES``, in order) as one alternation."""
    return re.compile(
        # not inside a word; an apostrophe before is fine only as an opening quote ("'Today we")
        r"(?<![\w-])(?<![\w'-]['’])(?<!\w['’])(?:"
        + "|".join(f"(?P<F{i}>{_prefixed(i, _FAMILIES[i][1])})" for i in families)
        + r")" + _END,
        re.I,
    )


_ALL = _all_pattern(list(range(len(_FAMILIES))))


def _family_matchers() -> tuple[dict[str, re.Pattern[str] | None], dict[str, frozenset[int]]]:
    """For each ASCII character, ``_ALL`` reduced to the families that can start with it
    (``None``: none can). Alternation takes the first family that matches, so leaving out
    families that cannot match at a position changes no match; only the time to fail."""
    firsts = [first_chars(p, ascii_digits=True) for _, p in _FAMILIES]
    by_subset: dict[tuple[int, ...], re.Pattern[str] | None] = {}
    out: dict[str, re.Pattern[str] | None] = {}
    families: dict[str, frozenset[int]] = {}
    for code in range(128):
        ch = chr(code)
        fams = tuple(
            i for i, f in enumerate(firsts)
            # case blind, and any non-ASCII first character counts (Unicode case folding)
            if f is None or any(x.lower() == ch.lower() or not x.isascii() for x in f)
        )
        if fams not in by_subset:
            by_subset[fams] = _all_pattern(list(fams)) if fams else None
        out[ch] = by_subset[fams]
        families[ch] = frozenset(fams)
    return out, families


#: ``_ALL`` by the first character of the candidate, and the indices of the families it holds
#: (ASCII only; other characters use ``_ALL`` and every family)
_MATCHERS, _MATCHER_FAMILIES = _family_matchers()
_FAMILY_NAMES = [name for name, _ in _FAMILIES]
_FAMILY_GROUPS = [
    (names, [f"f{i}_{n}" for n in names])
    for i, names in enumerate(list(re.compile(p).groupindex) for _, p in _FAMILIES)
]
_FAMILY_MATCH = [re.compile(rf"(?:{p}){_END}", re.I) for _, p in _FAMILIES]

#: a sentence break for the tense window: not after an initial ("P. Davison") or a title or
#: company abbreviation ("Mr. Smith will ..."). The full stop is matched before the look-behinds
#: that reject it (they include it): at every other position the pattern fails at once
_SENT_BREAK = re.compile(
    r"(?:\.(?<![\s.(][A-Z]\.)(?<!^[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Co|Lt|No)\.)"
    r"(?<!\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Inc|Sgt|Ltd|Maj|Adm|Rev)\.)(?<!\b(?:Capt|Corp|Prof|Bros)\.)|[!?])"
    r"[\"”’']?\s+(?=[A-Z\"“(])|\n"
)
#: a second day of the same month after a date: "on April 24 and 25", "Feb. 16 or 17", "between
#: June 9 and 13" (not a count: "March 3 and 4 others", "May 5 and 6 percent")
_SECOND_DAY = re.compile(
    r",?\s+(?:and|or|to|through|until|till)\s+((?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?)"
    rf"(?:,\s+({_YEAR4}))?(?![\w%]|[.,:]\d|-\w|\s*(?:%|percent|per\b|of\b|others?\b|people\b|more\b"
    r"|times\b|million|billion|thousand|hundred|[ap]\.?m\b|years?\b|months?\b|weeks?\b|days?\b"
    r"|hours?\b|minutes?\b|[A-Z][a-z]))")
#: a date written after a weekday and its part of day: "Friday night, Aug. 12, 2022"
_DATE_AFTER = re.compile(rf",\s+({_MONTH})\s+({_DAYNUM})(?![\d:])(?:,\s+({_YEAR4})(?!\d))?")


def _second_year(first: int, second: str) -> int | None:
    """The end of a span of years: "1941-1945" -> 1945, "2014-15" -> 2015; ``None`` when it is
    no span ("2019-10" is October 2019: two digits up to 12 only as the very next year)."""
    if len(second) == 4:
        y2 = int(second)
    else:
        y2 = first // 100 * 100 + int(second)
        if int(second) <= 12 and y2 != first + 1:
            return None
    return y2 if first < y2 <= first + 100 else None


_THE_ADJ_QUARTER = re.compile(r"the\s+\S+-quarter", re.I)
#: a month-day naming a past event ("the Jan. 6 attack", "the Jan. 6 committee hearings")
_PAST_EVENT_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:attacks?|riots?|insurrection|invasion|massacre|bombings?|shootings?"
    r"|uprising|coup|killings?|assault|raid|crash|committee|panel)\b", re.I)

#: before "last" used as a verb: "to", a modal or "did"/"does"
_VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|did|does|do|not|"
                               r"won['’]t|can['’]t)\s+$", re.I)
_THE_ADJ_DURATION = re.compile(r"(?:the|an?)\s+[\w.]+(?:-[a-z]+)+", re.I)
#: "since" earlier in the clause of a date: "since the Russian offensive began on Feb. 24"
_SINCE_CLAUSE = re.compile(r"\bsince\b[^.;:!?\n]*$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:(?:its|his|her|their|our|my|\w+['’]s)\s+)?(?:(?:early|late|mid)[\s-]+)?$",
                    re.I)
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|of|early|late|mid|last|next|this|through|during|before|after"
    r"|between|and|or|to|on|for|until|since|around|about|throughout|except|the|a|an)|-)\s*$",
    re.I,
)
#: a month just before, in a list: "October, November", "July and August"
_MONTH_LIST_BEFORE = re.compile(rf"({_MONTH})\s*(?:,\s*|,?\s+(?:and|or)\s+)$")
_POSSESSIVE_BEFORE = re.compile(r"(?:\w['’]s|\b(?:its|his|her|their|our|my|your))\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
#: the first month of a span of months just before a month: "from October to", "between
#: November 2022 and"
_MONTH_RANGE_BEFORE = re.compile(
    rf"\b(?:from|between)\s+(?:(?:early|late|mid)[\s-]+|the\s+(?:end|start|beginning|middle)\s+of\s+)?"
    rf"({_MONTH})(?:,?\s+{_YEAR4})?\s+(?:to|until|till|and|through|-)\s+$", re.I)
_NOT_A_MONTH_AFTER = re.compile(r"\s+(?:for|of\s+the|of\s+[A-Z])")
_RATE_BEFORE = re.compile(
    # (any case: "Twice a year, ...", "Seven days a week" open sentences)
    r"(?i:(?:\d|\b(?:million|billion|thousand|hundred|dozen|percent|times|once|twice))\S*"
    # a count spelled out: "seven days a week", "three times a day" (not "fourth", "two-thirds")
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty(?:-four)?)"
    r"(?![\w-]))(?:\s+[a-z]+){0,2}\s+$"
)
#: ... but not after a preposition or "or": "within a year", "six months to a year", "three days
#: or a week" are lengths of time
_NOT_RATE_BEFORE = re.compile(r"\b(?:within|in|to|or|than|under|over|for|by|after|before)\s+$", re.I)
#: "how many days": a question, no length of time
_HOW_BEFORE = re.compile(r"\bhow\s+$", re.I)
#: "a week" before a relation word is a distance in time, no rate: "until Jan. 6, a week after the
#: report", "3 million, a year earlier"
_NOT_RATE_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago)\b", re.I)
_QUARTER_CONTEXT = re.compile(r"\bquarter|\bperiod\b", re.I)

# --------------------------------------------------------------------------- date helpers


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _safe_iso(value: str) -> dt.date | None:
    """The date of a ``YYYY-MM-DD`` value (None for anything coarser or underspecified)."""
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


#: patterns of the normalisers, compiled once (they run for every candidate)
_WS = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_DECIMAL = re.compile(r"(\d+(?:\.\d+)?)(?: 1/2)?")
_HYPHEN_OR_SPACE = re.compile(r"[- ]")
_WS_OR_HYPHENS = re.compile(r"[\s-]+")
_CLOCK_PARTS = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*(a\.?m\.?|p\.?m\.?|am|pm)?")


def _num(text: str) -> float | None:
    """Parse '3', '5 1/2', 'twenty four', 'a', 'several' (None = vague)."""
    t = _WS.sub(" ", text.lower().strip())
    if not t:
        return 1
    if t in _VAGUE or t.startswith(("several", "few", "many", "some", "dozens", "hundreds", "a few")):
        return None
    if t.startswith(("half a", "half an")):
        return 0.5
    if t.endswith(" and a half"):
        whole = _num(t[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if t in ("a couple of", "couple of"):
        return 2
    if t == "a dozen":
        return 12
    m = _DECIMAL.fullmatch(t.replace(",", ""))
    if m:
        v = float(m.group(1))
        return v + 0.5 if t.endswith("1/2") else v
    total = 0.0
    cur = 0.0
    for w in _HYPHEN_OR_SPACE.split(t):
        if w not in _NUMBERS:
            return None
        v = _NUMBERS[w]
        if w in ("hundred", "thousand"):
            cur = (cur or 1) * v
            if w == "thousand":
                total += cur
                cur = 0
        else:
            cur += v
    return total + cur


def _year_int(y: str) -> int:
    """'1996', 'nineteen ninety-six', 'two thousand and one' -> the year."""
    if y[0].isdigit():
        return int(y)
    words = [w for w in _WS_OR_HYPHENS.split(y.lower()) if w not in ("and", "hundred", "oh")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(_num(" ".join(words[2:])) or 0) if len(words) > 2 else 2000
    return 1900 + int(_num(" ".join(words[1:])) or 0)


def _fmt_num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value for n units: P3D, PT5H, P10Y, PXW ..."""
    u = unit.lower().rstrip("s")
    if u == "centurie" or u == "centuri":
        u = "century"
    if u == "night":
        u = "day"
    code = _UNIT_CODE.get(u, "D")
    mult = _UNIT_MULT.get(u, 1)
    time_unit = u in ("hour", "minute", "second")
    prefix = "PT" if time_unit else "P"
    if n is None:
        return f"{prefix}X{code}"
    n = n * mult
    if not float(n).is_integer():
        # 5.5 hours -> PT5H30M ; 1.5 years -> P18M
        whole = int(n)
        frac = n - whole
        if u == "hour":
            return f"PT{whole}H{round(frac * 60)}M" if whole else f"PT{round(frac * 60)}M"
        if u == "minute":
            return f"PT{whole}M{round(frac * 60)}S" if whole else f"PT{round(frac * 60)}S"
        if u in ("year", "decade", "century"):
            months = round(frac * 12)
            return f"P{whole}Y{months}M" if whole else f"P{months}M"
        if u == "month":
            return f"P{round(n * 30)}D" if whole == 0 else f"P{_fmt_num(n)}M"
        if u == "day":
            return f"PT{round(n * 24)}H"
        if u == "week":
            return f"P{round(n * 7)}D"
    return f"{prefix}{_fmt_num(n)}{code}"


def _weekday_date(dct: dt.date, wd: int, direction: int) -> dt.date:
    """The weekday ``wd`` (1=Mon) nearest the dateline: direction -1 = most recent (dateline
    included), +1 = next (dateline included), -2 = strictly before, +2 = strictly after."""
    cur = dct.isoweekday()
    if direction in (-1, -2):
        back = (cur - wd) % 7
        if back == 0 and direction == -2:
            back = 7
        return dct - dt.timedelta(days=back)
    fwd = (wd - cur) % 7
    if fwd == 0 and direction == 2:
        fwd = 7
    return dct + dt.timedelta(days=fwd)


def _weekday_by_tense(dct: dt.date, wd: int, tense: bool | None) -> dt.date:
    """The weekday ``wd`` meant in a text dated ``dct``: the next one (the dateline included) in
    future tense, the most recent one in past tense; with no tense cue at all, the nearest one
    with a two-day bias to the past (a Friday story's bare "Saturday" is tomorrow, its bare
    "Monday" four days ago)."""
    if tense:
        return _weekday_date(dct, wd, 1)
    back = _weekday_date(dct, wd, -1)
    if tense is None:
        ahead = _weekday_date(dct, wd, 2)
        if (ahead - dct).days < (dct - back).days - 1:
            return ahead
    return back


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _prev_quarter(d: dt.date) -> tuple[int, int]:
    q = _quarter(d) - 1
    return (d.year, q) if q else (d.year - 1, 4)


# --------------------------------------------------------------------------- tense


_WORD = re.compile(r"[A-Za-z']+")


def _words(text: str) -> list[str]:
    """The words of ``text``, a typographic apostrophe read as a straight one: half the news
    writes "won’t", "didn’t", and "won" alone would be a past cue."""
    return _WORD.findall(text.replace("’", "'"))


_FUTURE_WORDS = frozenset(
    ["will", "won't", "shall", "would", "might", "upcoming", "scheduled", "slated", "planned", "expected"]
)
#: words before an -ed form that make it an adjective, not a past-tense verb ("a still
#: unspecified date", "the armed forces")
_ADJ_BEFORE = frozenset(["a", "an", "the", "still", "its", "their", "his", "her", "our", "this",
                         "these", "those", "newly", "long", "so", "very", "more", "most", "less",
                         # present-tense linking verbs: "will remain closed until Tuesday"
                         "remain", "remains", "stay", "stays", "seem", "seems", "become", "becomes"])
#: "is due to end", "now due to expire" (but "due to a lack of" is a cause)
_BE_NOW = frozenset(["is", "are", "was", "were", "now", "be", "being"])
_FUTURE_BEFORE_TO = frozenset(
    ["going", "plan", "plans", "planned", "planning", "set", "expected", "intend", "intends", "hope", "hopes", "ready", "is", "are",
     # expectation and schedule: what follows "expects to", "is supposed to" lies ahead
     "expect", "expects", "supposed", "scheduled", "slated"]
)
#: present-tense verbs of a schedule: in past-tense news, "the summit opens Monday", "talks resume
#: Friday", "the mandate expires Sunday" announce what lies ahead (nouns such as "vote", "visit",
#: "heads" are left out)
_SCHEDULE_PRESENT = frozenset(
    ["meets", "begins", "starts", "opens", "reopens", "expires", "resumes", "convenes", "reconvenes",
     "travels", "arrives", "departs", "meet", "begin", "resume", "convene", "reconvene"]
)
#: a participle of saying opens its own clause ("..., saying on Tuesday that ..."): the tense
#: of what came before it does not reach the date
_REPORT_ING = frozenset(["saying", "telling", "adding", "noting", "announcing", "stating", "claiming",
                         "insisting", "warning", "declaring", "writing", "tweeting", "posting"])
#: a negation or past auxiliary before such a verb ("did not meet Monday"): read on
#: ... or the infinitive marker: "agreed to meet Friday", "flew in to meet him Tuesday" take the
#: tense of the governing verb
_NOT_SCHEDULE_BEFORE = frozenset(["did", "didn't", "not", "never", "doesn't", "don't", "to"])
_PAST_WORDS = frozenset([
    "said", "was", "were", "had", "did", "told", "ago", "last", "earlier", "began", "came", "went",
    "met", "took", "held", "fought", "struck", "left", "won", "lost", "made", "gave", "saw", "sent",
    "spoke", "wrote", "led", "rose", "fell", "shot", "flew", "got", "brought", "thought", "paid",
    "sold", "became", "broke", "chose", "drove", "found", "knew", "overran", "seized", "threw",
    # unambiguous irregular past forms ("the scenarios the ESO laid out on Thursday")
    "laid", "fled", "sought", "stood", "spent", "kept", "felt", "heard", "wore", "swore",
    "caught", "bought", "fought", "withdrew", "drew", "grew", "sank", "shook", "forgot", "arose",
    # short regular forms that open sentences (a capitalised -ed word of up to six letters may
    # be a name or "United", "Armed"): "Asked Wednesday if Biden would reconsider, Psaki ..."
    "asked", "added", "noted", "warned", "killed", "stated",
    # a negated past auxiliary is as past as "did not" ("they didn't meet on Friday")
    "didn't", "wasn't", "weren't", "hadn't",
])
#: irregular past participles: a reduced relative before a date is past ("the executive action
#: taken Friday", "a speech given Monday"); not after "be" (a passive: "will be taken Friday") nor
#: after "has"/"have" (the present perfect takes no past date: "has given them until Tuesday")
_PARTICIPLES = frozenset([
    "taken", "given", "shown", "seen", "begun", "written", "spoken", "stolen", "chosen", "driven",
    "broken", "fallen", "risen", "thrown", "drawn", "sworn", "undertaken",
])
#: verbs of an arranged, plannable event: only these make "is/are ...ing" a futurate progressive
#: (Quirk et al. 1985, 4.27: the progressive of an arrangement, "she is leaving on Friday"). An
#: ongoing activity is no plan ahead, and its date is often the past event it works on: "police
#: are investigating a shooting on Saturday", "is conducting a probe into the Saturday blast"
_FUTURATE_ING = frozenset([
    "leaving", "arriving", "departing", "travelling", "traveling", "flying", "sailing", "heading",
    "going", "coming", "returning", "visiting", "meeting", "speaking", "addressing", "attending",
    "hosting", "holding", "convening", "staging", "organising", "organizing", "launching",
    "releasing", "unveiling", "presenting", "publishing", "announcing", "sending", "starting",
    "opening", "beginning", "resuming", "joining", "playing", "performing", "testifying", "voting",
    "signing", "running", "preparing", "planning", "appearing", "delivering", "introducing",
    "taking", "stepping", "retiring", "kicking", "celebrating", "marking", "approaching",
])
#: "is" before a futurate progressive, also contracted after a pronoun ("who's", "she’s"); not
#: after a noun ("Kyiv's meeting" is a possessive)
_S_PRONOUNS = frozenset(["he", "she", "it", "who", "that", "there", "what"])
_BE_PRESENT = frozenset(["is", "are", "am"]) | {f"{p}'s" for p in _S_PRONOUNS}
_PERFECT_OR_PASSIVE = frozenset(["be", "been", "being", "is", "are", "was", "were", "has", "have",
                                 "having", "'s"])
#: words in -ed that are not past-tense cues
_NOT_PAST_ED = frozenset(["scheduled", "expected", "need", "indeed", "proceed", "exceed", "succeed", "speed"])


#: capitalised words in -ed that are names, not verbs ("Announced on March 2" is a verb)
_ED_NAMES = frozenset(["mohammed", "muhammed", "mohamed", "muhamed", "ahmed", "saeed", "javed", "rasheed",
                       "waleed", "khaled", "hamed", "fareed", "zayed", "sayed", "majed", "rashed", "mahmed",
                       "jared", "alfred", "manfred", "wilfred", "winfred", "creed", "breed", "reed", "fred",
                       "ted", "ned"])


def _is_past(raw: str, w: str) -> bool:
    return w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED
                                and (raw[0].islower() or (len(w) > 6 and w not in _ED_NAMES)))


#: words after "to" that show it is a preposition, not the infinitive marker of a plan
_NOT_A_VERB = frozenset(["the", "a", "an", "and", "or", "from", "his", "her", "their", "its", "this",
                         "that", "these", "those", "our", "my", "your", "some", "all", "any"])

#: adverbs between "be" and a passive participle: "would be also laid on Thursday"
_BE_ADVERBS = frozenset(["also", "then", "now", "soon", "formally", "officially", "finally", "not"])

#: "be" in the present before an -ed form: a passive or adjective, no past tense ("will be paid",
#: "when the price cap is updated again in January")
_PRESENT_BE = frozenset(["be", "is", "are", "am", "being"])

#: a participle of saying (``_REPORT_ING``) between the date and a cue: stop looking
_STOP = object()


def _cue_at(tokens: list[str], i: int, schedule: bool, near: bool) -> bool | object | None:
    """The tense cue of ``tokens[i]`` (True = future, False = past, ``_STOP``, None = none);
    ``near``: the word is close to the date (a futurate progressive counts only then)."""
    raw = tokens[i]
    w = raw.lower()
    if w in _FUTURE_WORDS or w.endswith("'ll"):
        if w in ("would", "might") and i + 1 < len(tokens) and tokens[i + 1].lower() == "have" and (
                i + 2 >= len(tokens) or tokens[i + 2].lower() != "to"):
            return None  # a modal perfect tells no future: "about 1,500 might have applied"
        return True
    prev = tokens[i - 1].lower() if i else ""
    if w in _REPORT_ING:
        return _STOP
    if schedule and w in _SCHEDULE_PRESENT and raw[0].islower() and prev not in _NOT_SCHEDULE_BEFORE:
        return True
    if _is_past(raw, w) and prev not in _PRESENT_BE and prev not in _ADJ_BEFORE and not (
            prev in _BE_ADVERBS and i > 1 and tokens[i - 2].lower() == "be"):
        return False  # "will be paid", "would be also laid" are not past
    if w in _PARTICIPLES and prev not in _PERFECT_OR_PASSIVE and not prev.endswith("'s"):
        return False
    if (near and w in _FUTURATE_ING
            and (prev in _BE_PRESENT or prev.endswith(("'re", "'m")))):
        # the futurate progressive, the date close after its verb: "Trump, who's speaking at
        # CPAC on Saturday", "she is leaving for Kyiv on Friday" (not "is continuing to try
        # to sell itself under a June agreement", "police are investigating a shooting on
        # Saturday": no arranged event, see _FUTURATE_ING)
        return True
    if w == "to" and prev in _FUTURE_BEFORE_TO and i > 2 and tokens[i - 2].lower() == "been" \
            and tokens[i - 3].lower() == "had":
        return False  # "it had been due to expire Friday": a plan in the past
    if w == "to" and i + 1 < len(tokens) and (tokens[i + 1].lower() in _NOT_A_VERB
                                              or tokens[i + 1][0].isupper()):
        return None  # "numbers going to and from Ukraine", "ready to the last": no infinitive
    if prev and ((w == "to" and (prev in _FUTURE_BEFORE_TO
                                 or (prev == "due" and i > 1 and tokens[i - 2].lower() in _BE_NOW)))
                 or (w in ("soon", "early") and prev == "as")
                 or (w == "due" and prev in ("is", "are", "was", "were"))
                 or (w == "held" and prev == "be")):
        return True
    return None


def _cue(tokens: list[str], *, schedule: bool = True) -> bool | None:
    """The tense cue nearest the end of ``tokens``: True = future, False = past, None = none.
    ``schedule``: count present-tense verbs of a schedule ("opens", "meet") as future cues (only
    in the clause before the date: after it they belong to another clause)."""
    n = len(tokens)
    weak = None
    for i in range(n - 1, -1, -1):
        if tokens[i].lower() == "early" and i and tokens[i - 1].lower() == "as":
            # "as early as": ahead only when nothing else in the clause tells ("smaller protests
            # had erupted as early as September 22" is past; "as soon as" is always ahead)
            weak = True
            continue
        cue = _cue_at(tokens, i, schedule, n - i <= 5)
        if cue is not None:
            return weak if cue is _STOP else cue
    return weak


#: before "planned", "expected", "scheduled": an adjective or passive ("the planned talks", "is
#: expected"), not a past-tense verb ("the government planned to pay")
_PLAN_ADJ_BEFORE = _ADJ_BEFORE | _BE_NOW | {"been", "not", "also", "already", "originally"}


#: words opening an indirect question: its verb has its own tense
_INDIRECT = frozenset(["whether", "why"])
_PERFECT = frozenset(["have", "has"])


def _cue_after(tokens: list[str]) -> bool | None:
    """The tense cue nearest the start of ``tokens`` (the words after a date, no schedule
    verbs): "On Friday, the German chancellor will visit ..." is future even when a past verb
    follows in a later clause."""
    for i in range(len(tokens)):
        w = tokens[i].lower()
        prev = tokens[i - 1].lower() if i else ""
        if w in _INDIRECT or (w == "how" and prev in ("for", "on", "about", "of", "over")):
            return None  # "set out his vision for how guarantees would work": another clause
        if w.endswith("ed") and (prev in _PERFECT or prev.endswith("'ve")):
            # a present perfect: "Wednesday, thousands have returned", "the killing over the
            # weekend has sparked theories": no tense of the date
            return None
        if w in _FUTURE_WORDS and w.endswith("ed") and i and prev not in _PLAN_ADJ_BEFORE:
            return False  # "On Friday, the government planned to pay ...": a plan made in the past
        if w.endswith("ed") and (prev in _BE_NOW or (
                i > 1 and prev.endswith("ly") and tokens[i - 2].lower() in _BE_NOW)):
            continue  # an adjective or passive: "a governor who is suddenly endangered"
        cue = _cue_at(tokens, i, False, i < 5)
        if cue is not None:
            return None if cue is _STOP else cue
    return None


#: a capitalised word just before, not starting a sentence: "USA Today" is a name
_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“'`])\s(?:[A-Z][\w&-]*\s)*[A-Z][\w&-]*\s$")

#: a programme named after a day word: "BBC Radio 4's Today programme", "the Today show"
#: capitalised words before, mid-sentence or just after an opening quote: a programme's title
#: ("told The World Tonight", "on “CBS This Morning”"), not a sentence start ("Tonight, ...")
_TITLE_BEFORE = re.compile(r"(?:[a-z,]\s+|[“\"‘(])(?:[A-Z][\w&.’'-]*\s+)+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
#: the word before ends no sentence, quotation or heading: a capital here starts a name
_MID_SENTENCE = re.compile(r"[\w,]\s+$")
#: mid-sentence or just after an opening quote: a capitalised unit there starts no sentence
_TITLE_CONTEXT = re.compile(r"(?:[\w,’']\s+|[“\"‘])$")
_SHOW_AFTER = re.compile(r"\s+(?:programme|program|show)\b")
#: a weekday inside the name of a newspaper, programme or song (TimeML: expressions inside names
#: are not markable): "The Mail on Sunday", "The Sunday Times", "Saturday
#: Night Live", "Sunday Bloody Sunday", "the Good Friday Agreement"
_DAY_NAME_BEFORE = re.compile(r"(?:\bMail\s+[Oo]n|\bBloody)\s+$")
#: "Fox News Sunday" is a programme, but "told Fox News Friday" a date
_SUNDAY_SHOW_BEFORE = re.compile(r"\b(?:Fox|FOX)\s+News\s+$")
_DAY_NAME_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Independent|Mail|Sport|Star|Tribune"
    r"|Magazine|Show|Politics|Bloody|Live|Massacre|(?i:agreement|accords?))\b")


def _day_in_name(text: str, span: tuple[int, int], surface: str) -> bool:
    """A weekday (with a capitalised part of day: "Sunday Morning") that is part of a name."""
    if _DAY_NAME_BEFORE.search(text, max(0, span[0] - 12), span[0]) or (
            surface == "Sunday" and _SUNDAY_SHOW_BEFORE.search(text, max(0, span[0] - 12), span[0])):
        return True
    if _DAY_NAME_AFTER.match(text, span[1]):
        return True
    # "the BBC's Sunday Morning programme": a title, capitalised mid-sentence
    return " " in surface and surface.split()[-1][0].isupper() and bool(_SHOW_AFTER.match(text, span[1]))


_BACK_IN = re.compile(r"\bback\s+(?:in|on)\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)
_EFFECTIVE = re.compile(r"\beffective\s+(?:on\s+|from\s+)?$", re.I)
#: a deadline or date moved: "the hearing was postponed until Friday", "the bid was extended to
#: Nov. 16": the new date lies ahead of the report
_MOVED_TO = re.compile(
    r"\b(?:postponed|delayed|adjourned|extended|deferred|put\s+off|pushed\s+back|rescheduled)\b"
    r"(?:\s+[\w'’,-]+){0,6}?\s+(?:until|till|to|through)\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)

#: "ahead of" right before a date ("ahead of the November midterm elections", "ahead of a
#: Thursday meeting"; not "ahead of the president's July trip", "ahead of winter Thursday")
_AHEAD_OF = re.compile(r"\bahead\s+of\s+(?:the\s+|an?\s+)?$", re.I)

#: a word each match of ``_MOVED_TO`` holds
_MOVED_WORDS = ("postponed", "delayed", "adjourned", "extended", "deferred", "put", "pushed",
                "rescheduled")

#: a plan reported as called off: the day it was planned for may be past or ahead
_CALLED_OFF = re.compile(
    r"\s*,?\s*(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:cancell?ed|postponed|called\s+off"
    r"|scrapped|delayed|put\s+off|suspended|abandoned|moved|pushed\s+back)\b", re.I)


#: how far after a date its clause's verb is looked for when the clause before has no tense cue
#: ("On Friday a top general, Rustam Minnekayev, said ...")
_RIGHT_WINDOW = 80


def _future(text: str, start: int, end: int) -> bool | None:
    """True when the clause before ``text[start:end]`` (or, failing any cue there, just after
    it) has a future cue (will, 'll, going to, scheduled, is due, set to ...) nearer than a
    past one (said, was, ago ...); False for a past cue; None when there is no cue at all
    (falsy: callers default to the past)."""
    left = text[max(0, start - 120) : start]
    # each pattern below needs its key word: an ASCII window without it is not searched (in
    # ASCII, lower case is what re.I compares; other text is always searched)
    low = left.lower() if left.isascii() else None
    if (low is None or "since" in low) and _SINCE.search(left):
        return False  # "since March", "ever since Saturday": a starting point in the past
    if (low is None or "back" in low) and _BACK_IN.search(left):
        return False  # "back in June": a look back
    if (low is None or "effective" in low) and _EFFECTIVE.search(left):
        return True  # "a new pact effective June 1": an announced change takes effect ahead
    if (low is None or any(w in low for w in _MOVED_WORDS)) and _MOVED_TO.search(left):
        return True  # "postponed until Tuesday": the new date lies ahead
    if (low is None or "ahead" in low) and _AHEAD_OF.search(left):
        return True  # "ahead of an October vote", "ahead of the winter": still to come
    # the break just before a sentence-initial date ("... polls. Monday 2pm: ...") is only seen
    # with the date's first letter in view
    lo = max(0, start - 120)
    breaks = list(_SENT_BREAK.finditer(text, lo, start + 1))
    if breaks:
        left = text[breaks[-1].end() : start]
    if "hat" in left[-30:] and _THAT_BEFORE.search(left, max(0, len(left) - 40)):
        # "told CNN that on Wednesday, the allies plan to discuss ...": the date opens the
        # reported clause, whose own verb tells its tense
        cue = _right_cue(text, end)
        if cue is not None:
            return cue
    cue = _cue(_words(left))
    if cue and _CALLED_OFF.match(text, end):
        return None  # "the talks planned for Saturday were postponed": no direction, the nearest
    if cue is False and _REQUEST_TO.search(left):
        # "called on Zelensky to travel to Bali in November": the date belongs to what was asked
        # for, which lies after the asking, not before the dateline: no direction, the nearest
        return None
    if cue is not None:
        return cue
    return _right_cue(text, end)


#: a past request, then the infinitive of what was asked for, then the date
_REQUEST_TO = re.compile(
    r"\b(?:urged|called\s+on|called\s+upon|asked|invited|pressed|encouraged|begged|appealed\s+to|told"
    r"|ordered|instructed|directed|summoned)\b(?:\s+[\w'’.-]+){0,6}?\s+to\s+(?!the\b|an?\b|his\b|her\b"
    r"|their\b|its\b)[a-z]+\b[^.;:!?]*$")


#: "that" and a preposition just before a date, or a bare "that" after a verb of saying: the
#: date opens a reported clause (a bare "that" elsewhere is the date's determiner: "the troops
#: left that Friday, and they will return")
_THAT_BEFORE = re.compile(
    r"\bthat\s+(?:on|by|from|until|in|since|starting|as\s+of|as\s+early\s+as)\s+$"
    r"|\b(?:said|says|say|saying|told\s+\w+|tells\s+\w+|tell\s+\w+|telling\s+\w+|announced"
    r"|announces|warned|warns|added|adds|stated|states|noted|notes|claimed|claims|insisted|insists"
    r"|argued|argues|wrote|writes|reported|reports|confirmed|confirms|believes?|believed|thinks?"
    r"|thought|expects?|expected|hopes?|hoped|agreed|decided|indicated|suggested|predicted"
    r"|promised|explained|revealed|estimated|signall?ed)\s+that\s+$",
    re.I)


def _right_cue(text: str, end: int) -> bool | None:
    """The tense cue of the clause after a date (see :func:`_cue_after`)."""
    right = text[end : end + _RIGHT_WINDOW]
    b = _SENT_BREAK.search(right)
    if b:
        right = right[: b.start()]
    toks = _words(right)
    if "that" in toks:  # "saying on Tuesday that Russia will ...": a reported clause's own tense
        toks = toks[: toks.index("that")]
    # "Friday is set to be the last working day": "the last" is no past ("Friday last week" is)
    toks = [w for i, w in enumerate(toks)
            if not (w.lower() == "last" and i and toks[i - 1].lower() in ("the", "its", "their"))]
    return _cue_after(toks)


# --------------------------------------------------------------------------- normalisers


#: "daily" as a noun, a newspaper: after a capitalised or press modifier ("the French daily",
#: "business daily"), before a title ("daily Kommersant", "daily newspaper")
_NEWSPAPER_BEFORE = re.compile(
    r"(?:\b(?!(?:The|A|An|This|That|Its|His|Her|Their|Our)\s)[A-Z][\w.-]*|\b(?:business|financial|economic|party|state|state-run"
    r"|state-owned|tabloid|opposition|independent|liberal|conservative|national|regional|local|leading"
    r"|influential|popular|mass-circulation|pro-Kremlin|pro-government|English-language|online))\s+$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.-]*\s+$")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z]\w*\s+$")
_NEWSPAPER_AFTER = re.compile(r"\s+(?:[A-Z]|newspaper\b|paper\b|tabloid\b)")
#: "today's youth", "in today's world", "tomorrow's weapons": "today" in the generic sense of
#: "nowadays" before a generic noun (at most one adjective between) names no particular day; TBAQ
#: (TempEval-3's training data) leaves it unannotated, while "today's meeting" is the dateline
_GENERIC_AFTER = re.compile(
    r"['\u2019]s\s+(?:[a-z]+\s+)?(?:world|youth|society|societies|generation|generations|young"
    r"|children|kids|teenagers|students|families|parents|consumers|voters|technology|technologies"
    r"|computers|economy|culture|politics|media|warfare|wars|armies|battlefield|standards"
    r"|dollars|terms)\b")
#: a modal verb (or "hope") right before "one day": "will one day rebuild" (TimeML:
#: FUTURE_REF); "may" in lower case only, not the month ("in May one day before the vote")
_MODALS = r"(?:will|would|could|(?-i:may)|might|can|shall|should|must)"
_MODAL_BEFORE = re.compile(rf"\b(?:{_MODALS}|hope|hopes|hoped)\s+$|['\u2019]ll\s+$", re.I)
#: ... or right after it: "countries who one day may seek to join"
_MODAL_AFTER = re.compile(rf"\s+{_MODALS}\b", re.I)
#: before "one day" + modal, no subject of its own: "one day" is the modal's subject, a day's
#: length ("a delay of one day could cost millions", "One day may be enough", "even one day can
#: make a difference"), not the adverb of "Ukraine one day will be free"
_NO_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?;:,(\"“‘—–]|\b(?:of|for|in|within|after|before|than|about|around|only|just|even|least"
    r"|a|an|the|per|over|by|until|till|to|from|with|lasted|last|lasts|take|takes|took|spent|said"
    r"|says))\s*$", re.I)
_OVER_BEFORE = re.compile(r"\b(?:over|during|throughout)\s+$", re.I)
_ENDED_AFTER = re.compile(r"\s+(?:ended|ending|to\s+date)\b", re.I)


#: a preposition that looks ahead to a season: "prepare for the winter", "before the winter"
_TOWARDS = re.compile(r"\b(?:for|before|into|until|till|ahead\s+of)\s+(?:early\s+|late\s+)?$", re.I)


#: a deadline: "before spring", "by the summer", "until autumn"
_DEADLINE_BEFORE = re.compile(r"\b(?:before|by|until|till)\s+(?:the\s+)?(?:early\s+|late\s+)?$", re.I)
#: a past perfect in the clause after: "By spring, the army had retreated"
_HAD_AFTER = re.compile(r"[^.;!?]{0,60}?\bhad\b", re.I)


def _season_ahead(text: str, span: tuple[int, int], dct: dt.date, season: str, future: bool | None) -> bool:
    """A season that starts after the dateline's month is the coming one when the clause looks
    ahead, when a preposition points to it ("governments prepare for the winter"), or, with no
    tense cue at all, when it starts within four months ("it's necessary, especially during the
    winter", said in August). Otherwise, in a past-tense clause ("gas storage was emptied over
    the winter", said in June) or with no cue and more than four months off, it is the last one."""
    if future:
        return True
    if _TOWARDS.search(text, max(0, span[0] - 16), span[0]):
        return True
    return future is None and _SEASON_MONTHS[season][0] - dct.month <= 4


def _year_as_period(text: str, span: tuple[int, int]) -> bool:
    """"the year ended June 30", "throughout the year": a twelve-month span (DURATION P1Y);
    "sales for the year rose" names the (fiscal) year itself (a DATE)."""
    return bool(_OVER_BEFORE.search(text[max(0, span[0] - 12) : span[0]])
                or _ENDED_AFTER.match(text, span[1]))


def _near_quarter(text: str, span: tuple[int, int]) -> bool:
    """A quarter or period is named close by: "a year earlier" then means the same quarter."""
    return bool(_QUARTER_CONTEXT.search(text, max(0, span[0] - 150), span[1] + 60))


class _Ctx:
    """Per-text state: the dateline and the last resolved date (for anaphora)."""

    __slots__ = ("_quarterish", "dct", "focus", "last", "last_month", "last_start", "matches", "months",
                 "text", "year_last")

    def __init__(self, text: str, dct: dt.date | None):
        self.text = text
        self.dct = dct
        self.last: dt.date | None = None
        #: ``last`` when it stands for a whole month ("in March" -> March 1): no day to count from
        self.last_month: dt.date | None = None
        self.last_start = -1
        #: the last year written on its own ("in 1988") and where: "that year" refers to it
        self.year_last: tuple[int, int] | None = None
        self._quarterish: bool | None = None
        #: the reporting period in focus in a financial text: ``(year, quarter)`` after "the
        #: third quarter", a duration value (``P9M``) after "the first nine months", else None
        self.focus: tuple[int, int] | str | None = None
        #: the family pattern's match at each start already tried (the text does not change;
        #: modifier words before neighbouring triggers are tried again)
        self.matches: dict[int, re.Match[str] | None] = {}
        #: each month resolved so far, and the year and position it was given: a month named
        #: again on its own is the same month
        self.months: dict[int, tuple[int, int]] = {}

    def focus_quarter(self, back: int = 0) -> tuple[int, int] | None:
        """The quarter in focus (``back`` years earlier), or the dateline's previous quarter,
        the one a financial report published after its close is about."""
        if isinstance(self.focus, tuple):
            return self.focus[0] - back, self.focus[1]
        if self.dct is None:
            return None
        y, q = _prev_quarter(self.dct)
        return y - back, q

    @property
    def quarterish(self) -> bool:
        """Financial reporting text (two or more mentions of a quarter or period)."""
        if self._quarterish is None:
            self._quarterish = len(_QUARTER_CONTEXT.findall(self.text)) >= 2
        return self._quarterish


def _month_num(m: str) -> int:
    return _MONTHS[m.lower().rstrip(".")]


def _day_num(d: str) -> int:
    return int(_DIGITS.match(d).group())


def _year_num(y: str, dct: dt.date | None) -> int:
    y = y.strip()
    if y.startswith("'"):
        n = int(y[1:])
        century = (dct.year // 100 * 100) if dct else 1900
        cand = century + n
        if dct and cand > dct.year + 10:
            cand -= 100
        return cand
    return int(y)


#: how far ahead (days) a date written without its year is read as the next one when the future
#: is only seen from the past ("would", "was supposed to", "were due to", "planned"): "announced
#: it would send two systems on July 1" (written in October), "the exercises were planned before
#: the invasion on 24 February" (written in May) name past days
_FUTURE_IN_PAST_REACH_DAYS = 180
_FUTURE_IN_PAST = frozenset(["would", "planned", "supposed", "plan", "plans"])
_PAST_BE = frozenset(["was", "were"])


def _future_in_past(text: str, start: int, end: int) -> bool:
    """The future cue of a date is one seen from the past: the cue nearest the date (before
    it, else after it) is "would", "planned", "plan(s) to", "was supposed/due/expected to"."""
    left = text[max(0, start - 120) : start]
    b = list(_SENT_BREAK.finditer(left))
    toks = _words(left[b[-1].end() :] if b else left)
    for i in range(len(toks) - 1, -1, -1):
        w = toks[i].lower()
        prev = toks[i - 1].lower() if i else ""
        if w in _FUTURE_IN_PAST or (w in ("due", "expected", "scheduled", "set") and prev in _PAST_BE):
            return True
        if w in _FUTURE_WORDS or w.endswith("'ll") or w in ("due", "going", "effective"):
            return False
    right = text[end : end + 40]
    for w in _words(right):
        w = w.lower()
        if w in _FUTURE_IN_PAST:
            return True
        if w in _FUTURE_WORDS or w.endswith("'ll"):
            return False
    return False


def _closest_year(dct: dt.date, month: int, day: int, future: bool, *, reach: int = 350) -> int:
    """Year for a month/day written without one. Future tense: the next such date (a date up
    to two weeks before the dateline keeps the dateline's year) when it is at most ``reach``
    days ahead. Otherwise the most recent such date, unless the date falls within the next 90
    days: news often announces dates ahead, and a "past" event dated after the dateline must
    stay visible as such."""
    # 29 February exists only in leap years: the other years are no candidates
    years = tuple(y for y in (dct.year - 1, dct.year, dct.year + 1) if _safe_date(y, month, day))
    deltas = [(_safe_date(y, month, day) - dct).days for y in years]
    if future:
        for y, delta in zip(years, deltas, strict=True):
            if -14 <= delta <= reach:
                return y
    for y, delta in zip(years, deltas, strict=True):
        if -275 < delta <= 90:
            return y
    # only 29 February gets here: the latest leap year before the dateline
    return next((y for y in range(dct.year, dct.year - 8, -1) if _safe_date(y, month, day)), dct.year)


_R = tuple[str, str, str] | None  # (type, value, anchor)


def _easter(y: int, *, orthodox: bool = False) -> dt.date:
    """Easter Sunday: the Gregorian computus (Meeus/Jones/Butcher); ``orthodox``: the Julian
    computus (Meeus) converted to the Gregorian calendar (the Julian lag: 13 days in
    1900-2099, 12 in the 1800s, 14 in the 2100s)."""
    if orthodox:
        a, b, c = y % 4, y % 7, y % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(y, month, day + 1) + dt.timedelta(days=y // 100 - y // 400 - 2)
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(y, month, day + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    """The ``n``-th weekday ``wd`` (0 = Monday) of a month; ``n = -1``: the last one."""
    if n < 0:
        last = dt.date(y, month, calendar.monthrange(y, month)[1])
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, month, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


#: holidays on the n-th weekday of a month: (month, weekday with 0 = Monday, n with -1 = last,
#: days added)
_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "thanksgiving": (11, 3, 4, 0),
    "thanksgiving day": (11, 3, 4, 0),
    "memorial day": (5, 0, -1, 0),
    "labor day": (9, 0, 1, 0),
    "election day": (11, 0, 1, 1),  # US general election: the Tuesday after the first Monday
    "mother's day": (5, 6, 2, 0),
    "father's day": (6, 6, 3, 0),
}


def _movable_holiday(h: str, y: int) -> dt.date | None:
    """The date of a movable holiday in year ``y`` (TimeML: holidays are DATEs with their
    calendar value); ``None`` for other names. "Easter week" is the day of its Sunday (the
    caller turns it into that ISO week)."""
    orthodox = h.startswith("orthodox")
    h = h.removeprefix("orthodox ")
    if h.startswith("easter") or h == "good friday":
        e = _easter(y, orthodox=orthodox)
        return e + dt.timedelta(days={"good friday": -2, "easter monday": 1}.get(h, 0))
    rule = _WEEKDAY_HOLIDAYS.get(h)
    if rule is None:
        return None
    month, weekday, n, shift = rule
    return _nth_weekday(y, month, weekday, n) + dt.timedelta(days=shift)


def _is_movable_holiday(h: str) -> bool:
    h = h.removeprefix("orthodox ")
    return h.startswith("easter") or h == "good friday" or h in _WEEKDAY_HOLIDAYS


def _norm_movable(h: str, g: dict, ctx: _Ctx, fut: Callable[[], bool]) -> _R:
    """A movable holiday: the explicit year, else "last/next" from the dateline's year, else the
    year chosen the way :func:`_closest_year` chooses it for a fixed date."""
    dct = ctx.dct
    week = h.endswith(" week")
    if g.get("y"):
        date = _movable_holiday(h, int(g["y"]))
    elif dct is None:
        return "DATE", "XXXX-XX-XX", "none"
    else:
        rel = (g.get("rel") or "").lower()
        if rel:
            date = _movable_holiday(h, dct.year + {"last": -1, "next": 1}.get(rel, 0))
            if rel == "last" and date is not None and _movable_holiday(h, dct.year) < dct:
                date = _movable_holiday(h, dct.year)  # "last Easter" in May: this year's
        else:
            future = fut()
            date = None
            for y in (dct.year - 1, dct.year, dct.year + 1):
                cand = _movable_holiday(h, y)
                delta = (cand - dct).days
                if (future and -14 <= delta < 351) or (not future and -275 < delta <= 90):
                    date = cand
                    break
            date = date or _movable_holiday(h, dct.year)
    anchor = "none" if g.get("y") else "dateline"
    if week:
        return "DATE", _iso_week(date), anchor
    ctx.last = date
    return "DATE", date.isoformat(), anchor


def _weekday_year(dct: dt.date, month: int, day: int, weekday: str) -> int | None:
    """The year nearest the dateline (its own, then the one before, then the one after) in
    which the date falls on the weekday written with it ("Friday, Oct. 23"); ``None`` if none."""
    wd = _WEEKDAYS[weekday.lower()]
    for y in (dct.year, dct.year - 1, dct.year + 1):
        date = _safe_date(y, month, day)
        if date is not None and date.isoweekday() == wd:
            return y
    return None


def _rel_year(ry: str, ctx: _Ctx) -> tuple[int | None, str]:
    """The year of "this/last/next year" (from the dateline) or of "that/the same/the following/
    the previous year" (from the year or date last mentioned, as :func:`_norm_anaphor`), with its
    anchor; ``None`` when there is nothing to count from."""
    ry = _WS.sub(" ", ry.lower())
    if ry in ("this", "last", "next"):
        if ctx.dct is None:
            return None, "none"
        return ctx.dct.year + {"this": 0, "last": -1, "next": 1}[ry], "dateline"
    _, value, anchor = _norm_anaphor({"u": "year", "det": ry}, ctx, ry)
    return (int(value), anchor) if value.isdigit() else (None, "none")


def _norm(fam: str, g: dict, ctx: _Ctx, span: tuple[int, int], surface: str) -> _R:
    dct = ctx.dct
    text = ctx.text
    low = surface.lower()

    tense: list[bool | None] = []

    def fut() -> bool | None:  # the clause's tense, looked up once however often it is asked
        if not tense:
            tense.append(_future(text, span[0], span[1]))
        return tense[0]

    if fam in ("mdy", "dmy"):
        m, d, y = _month_num(g["m"]), _day_num(g["d"]), int(g["y"])
        date = _safe_date(y, m, d)
        if not date:
            return None
        ctx.last = date
        return "DATE", date.isoformat(), "none"
    if fam == "iso":
        date = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        if not date:
            return None
        ctx.last = date
        if g.get("hh"):
            return "TIME", f"{date.isoformat()}T{g['hh']}:{g['mm']}", "none"
        return "DATE", date.isoformat(), "none"
    if fam == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if g["sep"] == "/":  # US news: month/day/year unless impossible
            m, d = (a, b) if a <= 12 else (b, a)
        else:  # day.month.year
            d, m = a, b
        date = _safe_date(y, m, d)
        if not date:
            return None
        ctx.last = date
        return "DATE", date.isoformat(), "none"
    if fam in ("md", "dm"):
        if not g["m"][0].isupper():
            return None
        m, d = _month_num(g["m"]), _day_num(g["d"])
        if fam == "dm" and not g.get("wd") and _DIGITS.fullmatch(g["d"]) and g["m"].lower().startswith("may"):
            # "5 May" fine, but "2 may" is handled by the capital check above
            pass
        if g.get("ry"):  # "March 19 last year", "4 May of that year"
            y, anchor = _rel_year(g["ry"], ctx)
            date = _safe_date(y, m, d) if y is not None else None
            if date is None:
                return ("DATE", f"XXXX-{m:02d}-{d:02d}", "none") if y is None and d <= 31 else None
            ctx.last = date
            return "DATE", date.isoformat(), anchor
        second = _SECOND_DAY.match(text, span[1]) if fam == "md" else None
        if second and second.group(2):  # "between August 18 and 21, 1991": the year of both
            date = _safe_date(int(second.group(2)), m, d)
            if date:
                ctx.last = date
                return "DATE", date.isoformat(), "none"
        if dct is None:
            return "DATE", f"XXXX-{m:02d}-{d:02d}", "none"
        rel = (g.get("rel") or "").lower()
        if rel:  # "last Oct. 23": the latest such date before the dateline; "next June 1" ahead
            ahead = rel in ("next", "this coming")
            y = dct.year + (1 if ahead else -1)
            for cand in (dct.year, dct.year + (-1 if ahead else 1)):
                date = _safe_date(cand, m, d)
                if date and ((date > dct) if ahead else (date < dct)) and abs(cand - dct.year) <= abs(y - dct.year):
                    y = cand
                    break
        elif g.get("wd"):  # "Friday, Oct. 23": the year, near the dateline, when that date is a Friday
            y = _weekday_year(dct, m, d, g["wd"]) or _closest_year(dct, m, d, fut())
        else:
            future = fut()
            y = _closest_year(dct, m, d, future, reach=_FUTURE_IN_PAST_REACH_DAYS
                              if future and _future_in_past(text, span[0], span[1]) else 350)
        if (_SINCE_CLAUSE.search(text, max(0, span[0] - 70), span[0])
                or _PAST_EVENT_AFTER.match(text, span[1])) and (_safe_date(y, m, d) or dct) > dct:
            # "since August 12", "since the invasion began on Feb. 24": a starting point; "the
            # Jan. 6 attack", "the Jan. 6 committee": a date that names a past event. Never after
            # the dateline
            y -= 1
        date = _safe_date(y, m, d)
        if not date:
            return None
        ctx.last = date
        return "DATE", date.isoformat(), "dateline"
    if fam == "month":
        if not g["m"][0].isupper():
            return None
        bare = not (g.get("y") or g.get("mod") or g.get("rel") or g.get("ry"))
        if bare and g["m"] in ("Mar", "Jan", "Dec", "Sep", "Jun", "Jul", "Apr", "Aug", "Oct", "Nov", "Feb"):
            return None  # a bare abbreviation without its period is too ambiguous
        m = _month_num(g["m"])
        listed = bare and _MONTH_LIST_BEFORE.search(text, max(0, span[0] - 16), span[0])
        ctx_m = _MONTH_CONTEXT.search(text, max(0, span[0] - 12), span[0])
        if bare and not listed and (not ctx_m or (ctx_m.group().strip().lower() in ("the", "a", "an")
                                                  and _NOT_A_MONTH_AFTER.match(text, span[1]))) and not (
                m != 5 and _POSSESSIVE_BEFORE.search(text, max(0, span[0] - 8), span[0])
                and _NOUN_AFTER.match(text, span[1])):
            # "May" the verb, "the March for Life": a bare month needs "in May", "since May", a
            # possessive before a noun ("Trump's July phone call"; not "May": Theresa May) or
            # another month before it in a list ("October, November")
            return None
        if (listed and ctx.last_month is not None and ctx.last is ctx.last_month
                and listed.start(1) - 20 <= ctx.last_start <= listed.start(1)
                and _month_num(listed.group(1)) == ctx.last_month.month
                and (m - ctx.last_month.month) % 12 <= 4):
            # the next month of a list, a few months on: "in October, November and December",
            # "in December and January" run on in order (not "in March and February")
            y = ctx.last_month.year + (m <= ctx.last_month.month)
            ctx.last = ctx.last_month = dt.date(y, m, 1)
            return "DATE", f"{y}-{m:02d}", f"expression:{ctx.last_start}"
        if g.get("y"):
            y = _year_int(g["y"])
            anchor = "none"
        elif g.get("ry"):
            y, anchor = _rel_year(g["ry"], ctx)
            if y is None:
                return "DATE", f"XXXX-{m:02d}", "none"
        elif (not g.get("rel") and ctx.last_month is not None and ctx.last is ctx.last_month
              and (r := _MONTH_RANGE_BEFORE.search(text, max(0, span[0] - 50), span[0]))
              and _month_num(r.group(1)) == ctx.last_month.month and m <= ctx.last_month.month
              and r.start(1) - 30 <= ctx.last_start <= r.start(1)):
            # the end of a span of months that runs into the next year: "from October to
            # March", "between November and January" (an earlier month is the next year's)
            y = ctx.last_month.year + 1
            anchor = f"expression:{ctx.last_start}"
        elif dct is None:
            return "DATE", f"XXXX-{m:02d}", "none"
        else:
            rel = (g.get("rel") or "").lower()
            anchor = "dateline"
            if rel == "last" and m == dct.month - 1:
                # "last February" in March: the month just gone would be "last month"; "last
                # February" is the one a year earlier ("prices are up since last September")
                y = dct.year - 1
            elif rel == "last" or rel == "past" or rel == "this past":
                y = dct.year if m < dct.month else dct.year - 1
            elif rel in ("next", "this coming"):
                y = dct.year if m > dct.month else dct.year + 1
            elif rel == "this":
                y = dct.year
            elif (not rel and m in ctx.months and fut() is None
                  and not _SINCE.search(text, max(0, span[0] - 20), span[0])):
                # a month named again, nothing in its clause saying otherwise: the same month
                # ("expected to join in April ... planning for the NATO summit in April"); not
                # weekdays, which news repeats for different weeks
                y, first = ctx.months[m]
                anchor = f"expression:{first}"
            elif fut() or (0 < (m - dct.month) % 12 <= 2
                           and not _SINCE.search(text, max(0, span[0] - 20), span[0])):
                y = dct.year if m >= dct.month else dct.year + 1
            else:
                y = dct.year if m <= dct.month else dct.year - 1
        ctx.last = ctx.last_month = dt.date(y, m, 1)
        if dct is not None and abs((y - dct.year) * 12 + m - dct.month) <= 12:
            ctx.months.setdefault(m, (y, span[0]))
        return "DATE", f"{y}-{m:02d}", anchor
    if fam == "decade":
        dec = g["dec"].lower()
        words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
        if dec in words:
            return "DATE", f"19{words[dec]}", "none"
        if dec.startswith("'"):
            return "DATE", f"19{dec[1]}", "none"
        return "DATE", dec[:3], "none"
    if fam == "century":
        c = int(g["c"])
        return "DATE", f"{c - 1:02d}", "none"
    if fam == "quarter":
        return _norm_quarter(g, ctx, low, fut)
    if fam == "half":
        h = 1 if g["ord"].lower() == "first" else 2
        if g.get("y"):
            return "DATE", f"{g['y']}-H{h}", "none"
        if dct is None:
            return "DATE", f"XXXX-H{h}", "none"
        y = dct.year + {"this": 0, "last": -1, "next": 1}[g["this"].lower()]
        return "DATE", f"{y}-H{h}", "dateline"
    if fam == "months9":
        value = f"P{_NUMBERS[(g.get('n') or g['n2']).lower()]}M"
        if not (g.get("rel") or g.get("rel2") or "").lower().startswith("year-"):
            ctx.focus = value  # the reporting period in focus: "the first nine months"
        return "DURATION", value, "none"
    if fam == "anaphor":
        return _norm_anaphor(g, ctx, low, span)
    if fam == "dayafter":
        if dct is None:
            return "DATE", "XXXX-XX-XX", "none"
        off = -2 if g["ref"].lower() == "yesterday" and g["dir"].lower() == "before" else (
            2 if g["ref"].lower() == "tomorrow" and g["dir"].lower() == "after" else 0)
        date = dct + dt.timedelta(days=off)
        ctx.last = date
        return "DATE", date.isoformat(), "dateline"
    if fam in ("dayrel", "weekof"):
        inner = _match_at(text, span[1] - len(g["ref"]), ctx)
        if inner is None or inner[3] is None:
            return None
        date = _safe_iso(inner[3][1])
        if date is None:
            return None
        if fam == "weekof":
            return "DATE", _iso_week(date), inner[3][2]
        date += dt.timedelta(days=-1 if g["dir"].lower() == "before" else 1)
        ctx.last = date
        return "DATE", date.isoformat(), inner[3][2]
    if fam == "ago":
        return _norm_ago(g, ctx, low, span)
    if fam == "yearago":
        kind = g["kind"].lower()
        what = (g.get("what") or "").lower()
        if dct is None:
            return "DATE", "XXXX", "none"
        if kind == "year":
            if what in ("quarter", "period") or (not what and (ctx.quarterish or _near_quarter(text, span))):
                if isinstance(ctx.focus, str):  # "the first nine months": the year-earlier year
                    return "DATE", str(dct.year - 1), "dateline"
                y, q = ctx.focus_quarter(back=1)
                return "DATE", f"{y}-Q{q}", "dateline"
            return "DATE", str(dct.year - 1), "dateline"
        if kind == "month":
            return "DATE", _add_months(dct, -1).strftime("%Y-%m"), "dateline"
        return "DATE", _iso_week(dct - dt.timedelta(days=7)), "dateline"
    if fam == "dur":
        return _norm_dur(g, ctx, low, span)
    if fam == "unitlong":
        plural = g["u"].lower().endswith("s")
        return "DURATION", _duration(None if plural else 1, g["u"]), "none"
    if fam == "rel":
        return _norm_rel(g, ctx, low, fut)
    if fam == "seasonyear":
        return "DATE", f"{_year_int(g['y'])}-{_SEASONS[g['s'].lower()]}", "none"
    if fam in ("theseason", "bareseason"):
        if g["s"][0].isupper() and (fam == "theseason" or _MID_SENTENCE.search(text, max(0, span[0] - 3), span[0])):
            return False  # "the Winter Olympics", "the Summer Palace": a name
        s = _SEASONS[g["s"].lower()]
        if dct is None:
            return "DATE", f"XXXX-{s}", "none"
        y = dct.year
        future = fut()
        if s == "WI" and dct.month <= 2:
            y -= 1  # January's winter began last December
        elif _SEASON_MONTHS[s][0] > dct.month and not _season_ahead(text, span, dct, s, future):
            y -= 1  # past tense: the last such season
        elif _SEASON_MONTHS[s][1] <= dct.month and ((future and not _future_in_past(text, *span)) or (
                _DEADLINE_BEFORE.search(text, max(0, span[0] - 16), span[0])
                and not _HAD_AFTER.match(text, span[1]))):
            # "talks will resume in spring", "told not to return home before spring", "could
            # hit £6,552 by the spring", said in the autumn: next year's ("By spring, the army
            # had retreated" is this year's)
            y += 1
        return "DATE", f"{y}-{s}", "dateline"
    if fam == "fiscal":
        return "DATE", str(_year_num(g["y"], dct)), "none"
    if fam == "fiscalyear":
        if dct is None:
            return "DATE", "XXXX", "none"
        rel = (g.get("rel") or "").lower()
        if not rel:
            if _year_as_period(text, span):
                return "DURATION", "P1Y", "none"
            return "DATE", str(dct.year), "dateline"  # "lower earnings for the fiscal year"
        y = dct.year + {"current": 0, "latest": -1, "previous": -1, "last": -1, "past": -1, "next": 1}[rel]
        return "DATE", str(y), "dateline"
    if fam == "yearend":
        if dct is None:
            return "DATE", "XXXX-12-31", "none"
        u = g["rel"].lower()
        if u == "year":
            if _SINCE.search(text, max(0, span[0] - 20), span[0]):
                return "DATE", f"{dct.year - 1}-12-31", "dateline"  # "the change since year-end"
            return "DATE", f"{dct.year}-12-31", "dateline"
        if u == "month":
            last = calendar.monthrange(dct.year, dct.month)[1]
            return "DATE", f"{dct.year}-{dct.month:02d}-{last:02d}", "dateline"
        return "DATE", _iso_week(dct), "dateline"
    if fam.startswith("tod_day"):
        if g["day"][0].isupper() and _day_in_name(text, span, surface):
            return False  # "Saturday Night Live", "the BBC's Sunday Morning programme"
        return _norm_tod_day(g, ctx, low, fut, span[1])
    if fam == "thistod":
        if surface.istitle() and (_SHOW_AFTER.match(text, span[1])
                                  or _TITLE_BEFORE.search(text, max(0, span[0] - 40), span[0])):
            return False  # a programme: "CBS This Morning show", "CBS This Morning"
        rel = g["rel"].lower()
        tod = _TOD[g["tod"].lower()]
        if rel == "the":
            base = ctx.last or dct
            if base is None:
                return "TIME", f"XXXX-XX-XXT{tod}", "none"
            anchor = f"expression:{ctx.last_start}" if ctx.last else "dateline"
            return "TIME", f"{base.isoformat()}T{tod}", anchor
        if dct is None:
            return "TIME", f"XXXX-XX-XXT{tod}", "none"
        off = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[rel]
        if rel == "last" and tod != "NI":
            off = -1
        date = dct + dt.timedelta(days=off)
        ctx.last = date
        return "TIME", f"{date.isoformat()}T{tod}", "dateline"
    if fam == "tonight":
        if g["w"][0] == "T" and _TITLE_BEFORE.search(text, max(0, span[0] - 40), span[0]):
            return False  # a programme: "told The World Tonight", "on “Tucker Carlson Tonight”"
        w = g["w"].lower()
        if w == "overnight" and (_SUDDEN_BEFORE.search(text, max(0, span[0] - 60), span[0])
                                 or _SUDDEN_AFTER.match(text, span[1])):
            return False  # "changed almost overnight", "an overnight success": suddenly, no night
        tod = _TOD.get(w, "AF" if "afternoon" in w else "NI")
        typ = "DATE" if w == "tonight" else "TIME"
        if tod == "MI":
            tod = "12:00"
        if dct is None:
            return typ, f"XXXX-XX-XXT{tod}", "none"
        date = dct
        if w == "overnight" and not fut():
            # reported as past, "overnight" is the night just ended, which began the day before
            # the dateline (TimeBank: "overnight losses in New York" in a Friday report is
            # Thursday's night, like "last night")
            date = dct - dt.timedelta(days=1)
        return typ, f"{date.isoformat()}T{tod}", "dateline"
    if fam in ("clock", "clocktod", "clock_day", "day_clock"):
        if fam == "clock" and _MEDIA_OFFSET_CLOCK.fullmatch(surface) and _is_media_offset(text, span):
            return None  # a position in a recording, no time of day
        if fam == "clock_day" and ("\n" in g["sep"] or "On" in g["sep"]):
            # "at 7am BST On 31 May the channel ...", a clock ending a line: the day starts a new
            # sentence or heading, no part of the clock's expression
            return None
        return _norm_clock(fam, g, ctx, low, fut, span)
    if fam == "weekend":
        return _the_weekend(dct, fut)
    if fam == "holiday":
        h = _WS.sub(" ", g["h"].lower()).replace("’", "'")  # curly apostrophe
        if _is_movable_holiday(h):
            return _norm_movable(h, g, ctx, fut)
        md = _HOLIDAYS.get(h)
        y = int(g["y"]) if g.get("y") else None
        if y is None and dct is not None:
            rel = (g.get("rel") or "").lower()
            y = dct.year + {"last": -1, "next": 1}.get(rel, 0)
            if not rel:
                y = _closest_year(dct, md[0], md[1], fut())
        if y is None:
            return "DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}", "none"
        date = dt.date(y, *md)
        return "DATE", date.isoformat(), "none" if g.get("y") else "dateline"
    if fam == "set_every":
        u = g["u"].lower()
        if u in _WEEKDAYS:
            return "SET", f"XXXX-WXX-{_WEEKDAYS[u]}", "none"
        if u in _MONTHS:
            return "SET", f"XXXX-{_MONTHS[u]:02d}", "none"
        if u in ("morning", "evening", "afternoon"):
            return "SET", f"XXXX-XX-XXT{_TOD[u]}", "none"
        if u == "weekend":
            return "SET", "XXXX-WXX-WE", "none"
        q = g["q"].lower()
        n = 2 if "other" in low else 1
        if q.startswith("once every"):
            n = 1
        return "SET", _duration(n, u), "none"
    if fam == "set_every_n":
        n = _num(g["n"])
        return ("SET", _duration(n, g["u"]), "none") if n else None
    if fam == "set_adv":
        before = text[max(0, span[0] - 40) : span[0]]
        if low in ("daily", "weekly", "monthly") and _NEWSPAPER_AFTER.match(text, span[1]) and (
                _NEWSPAPER_BEFORE.search(before)
                or (surface[0].isupper() and _CAPITALISED_BEFORE.search(before))):
            # a periodical: "the Italian daily Corriere della Sera", "business daily RBK", "the
            # German weekly Der Spiegel", "The Daily Beast"
            return False
        if surface[0].isupper() and low in ("daily", "weekly", "monthly") and (
                (_CAPITAL_AFTER.match(text, span[1]) and _TITLE_CONTEXT.search(before))
                or _CAPITALISED_WORD_BEFORE.search(before)):
            # a title mid-sentence: "for the Daily Mail", "the “Daily Show” host", "the Guardian
            # Weekly" (not a sentence start: "Daily cases peaked")
            return False
        return "SET", _SET_ADVERBS[g["w"].lower()], "none"
    if fam == "set_days":
        return "SET", f"XXXX-WXX-{_WEEKDAYS[g['d'].lower()]}", "none"
    if fam == "ref":
        if (surface[0].isupper() and _CAPITAL_AFTER.match(text, span[1])
                and _MID_SENTENCE.search(text, max(0, span[0] - 3), span[0])):
            return False  # inside a name, capitalised mid-sentence: "the journal Current Biology"
        w = _WS.sub(" ", g["w"].lower())
        if w.endswith("future") or w == "a later date":
            return "DATE", "FUTURE_REF", "dateline"
        if w in ("the past", "the recent past", "the distant past", "recently", "lately", "previously",
                 "formerly"):
            return "DATE", "PAST_REF", "dateline"
        return "DATE", "PRESENT_REF", "dateline"
    if fam == "ahead":
        return "DURATION", _duration(None, g["u"]), "none"
    if fam == "term":
        return "DATE", "FUTURE_REF", "dateline"
    if fam == "recentunits":
        if g["w"].lower() == "recent" and g["u"].lower() in ("years", "decades"):
            return "DATE", "PAST_REF", "dateline"  # "in recent years": the past at large
        if g["w"].lower() in ("recent", "coming"):
            # "in recent weeks", "in the coming months": an unspecified number of units, a
            # DURATION PXW (TempEval-3 convention, as HeidelTime's duration rules)
            return "DURATION", _duration(None, g["u"]), "none"
        return "DATE", "PAST_REF", "dateline"
    if fam == "yearwords":
        return "DATE", str(_year_int(g.get("y") or g["y2"])), "none"
    if fam == "theyears":
        return "DURATION", _duration(None, g["u"]), "none"
    if fam == "inthe":
        return _norm_in_the(g["u"].lower(), ctx, fut)
    if fam == "theyear":
        if g["u"][0] == "Y" or g["u"][0] == "W":
            return None  # a title, capitalised: "Lie of the Year", "Person of the Year", "The Week"
        if dct is None:
            return "DATE", "XXXX" if g["u"].lower() == "year" else "XXXX-WXX", "none"
        if g["u"].lower() == "week":
            return "DATE", _iso_week(dct), "dateline"
        if not g.get("full") and _year_as_period(text, span):
            return "DURATION", "P1Y", "none"
        return "DATE", str(dct.year), "dateline"
    if fam == "yearquarter":
        u = g["u"].lower()
        if u == "half":
            return ("DATE", f"{g['y']}-H{_ORDINALS[g['ord'].lower()]}", "none") if g.get("ord") else None
        if g.get("ord"):
            return "DATE", f"{g['y']}-Q{_ORDINALS[g['ord'].lower()]}", "none"
        if isinstance(ctx.focus, tuple) and ctx.dct is not None and 0 <= ctx.dct.year - int(g["y"]) <= 1:
            # "the 1988 period" in a report on the third quarter: that quarter of 1988
            return "DATE", f"{g['y']}-Q{ctx.focus[1]}", "none"
        if u == "quarter":
            return "DATE", f"{g['y']}-QX", "none"
        return "DATE", g["y"], "none"
    if fam == "qcode":
        h, n, y = (g.get("h") or g["h2"]).upper(), int(g.get("n") or g["n2"]), g.get("y") or g["y2"]
        if h == "H" and n > 2:
            return None
        return "DATE", f"{y}-{h}{n}", "none"
    if fam == "relyearquarter":
        if dct is None:
            return "DATE", "XXXX-QX", "none"
        y = dct.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        q = _ORDINALS[g["ord"].lower()] if g.get("ord") else ctx.focus_quarter()[1]
        return "DATE", f"{y}-Q{q}", "dateline"
    if fam == "period":
        if dct is None:
            return "DATE", "XXXX-QX", "none"
        rel = g["rel"].lower()
        back = int(rel in ("year-earlier", "year-ago", "comparable", "same", "corresponding")
                   or "year-" in low or bool(g.get("ya")))
        if rel == "current":
            y, q = dct.year - back, _quarter(dct)
        elif back and isinstance(ctx.focus, str):  # "the year-earlier period" of "the nine months"
            return "DURATION", ctx.focus, "none"
        else:
            y, q = ctx.focus_quarter(back)
        return "DATE", f"{y}-Q{q}", "dateline"
    if fam == "bareunits":
        return "DURATION", _duration(None, g.get("u") or g["u2"]), "none"
    if fam == "yearend2":
        u = (g.get("u") or g.get("u2")).lower()
        if dct is None:
            return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(u, "XXXX-QX"), "none"
        if u == "year":
            return "DATE", str(dct.year), "dateline"
        if u == "month":
            return "DATE", dct.strftime("%Y-%m"), "dateline"
        if u == "week":
            return "DATE", _iso_week(dct), "dateline"
        return "DATE", f"{dct.year}-Q{_quarter(dct)}", "dateline"
    if fam == "days_words":
        w = g["w"].lower()
        if g["w"][0] == "T" and (_NAME_BEFORE.search(text, max(0, span[0] - 30), span[0])
                                 or _SHOW_AFTER.match(text, span[1])):
            return False  # a title: "USA Today", "VOA Today"
        if w in ("today", "tomorrow") and _GENERIC_AFTER.match(text, span[1]):
            return False  # generic: "today's youth" (nowadays), "tomorrow's wars"
        if dct is None:
            return "DATE", "XXXX-XX-XX", "none"
        if w == "tonight":
            return "DATE", f"{dct.isoformat()}TNI", "dateline"
        date = dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[w])
        ctx.last = date
        return "DATE", date.isoformat(), "dateline"
    if fam == "day":
        wd = _WEEKDAYS[g["day"].lower()]
        if not g["day"][0].isupper():
            return None
        if _day_in_name(text, span, surface):
            return False  # "The Mail on Sunday", "the Sunday Times", "Fox News Sunday"
        if dct is None:
            return "DATE", f"XXXX-WXX-{wd}", "none"
        possessive = text.startswith("'s", span[1]) or text.startswith("\u2019s", span[1])
        date = _weekday_by_tense(dct, wd, False if possessive else fut())
        ctx.last = date
        return "DATE", date.isoformat(), "dateline"
    if fam == "dayweek":
        wd = _WEEKDAYS[g["day"].lower()]
        if not g["day"][0].isupper() or _day_in_name(text, span, surface):
            return None
        if dct is None:
            return "DATE", f"XXXX-WXX-{wd}", "none"
        week_start = dct - dt.timedelta(days=dct.isoweekday() - 1)
        off = {"last": -7, "this": 0, "next": 7}[g["rel"].lower()]
        date = week_start + dt.timedelta(days=off + wd - 1)
        ctx.last = date
        return "DATE", date.isoformat(), "dateline"
    if fam == "yearmod":
        mod = g["mod"].lower()
        for s, code in (("summer", "SU"), ("spring", "SP"), ("fall", "FA"), ("winter", "WI")):
            if s in mod:
                return "DATE", f"{g['y']}-{code}", "none"
        return "DATE", g["y"], "none"
    if fam == "yearspan":
        y, y2 = int(g["y"]), _second_year(int(g["y"]), g["y2"])
        if y2 is None or (dct is not None and y2 > dct.year + 30):
            return None  # "2019-10": a month, not a span of years
        return "DATE", str(y), "none"
    if fam == "year":
        y = int(g["y"])
        if dct is not None and y > dct.year + 30:
            return None
        if span[0] and text[span[0] - 1] in "'‘\"“" and text[span[1] : span[1] + 1] in ("'", "’", '"', "”"):
            return None  # a title in quotes: the weekly '2000'
        return "DATE", str(y), "none"
    return None


def _norm_quarter(g: dict, ctx: _Ctx, low: str, fut) -> _R:
    dct = ctx.dct
    rel = " ".join(x.lower() for x in (g.get("rel"), g.get("rel2")) if x)
    ordn = g.get("ord")
    if ordn is None and not rel and not low.startswith("the"):
        return None
    if g.get("y"):
        q = _ORDINALS.get(ordn.lower(), 4) if ordn else None
        return ("DATE", f"{g['y']}-Q{q}", "none") if q else ("DATE", f"{g['y']}-QX", "none")
    if dct is None:
        return "DATE", f"XXXX-Q{_ORDINALS[ordn.lower()]}" if ordn else "XXXX-QX", "none"
    year_back = bool(g.get("ya")) or any(w in rel for w in ("year-earlier", "year-ago", "year-before",
                                                             "comparable"))
    if ordn:
        q = _ORDINALS[ordn.lower()]
        cur = _quarter(dct)
        future = fut()
        if "next" in rel or "coming" in rel:
            y = dct.year if q > cur else dct.year + 1
        elif q <= cur or future:
            y = dct.year
        else:
            y = dct.year - 1
        if not year_back and not future and (y, q) < (dct.year, cur):
            ctx.focus = (y, q)  # the (closed) quarter a financial report is about
    elif "next" in rel or "coming" in rel:
        q = _quarter(dct) % 4 + 1
        y = dct.year + (1 if q == 1 else 0)
    elif "current" in rel or (rel == "this" and not isinstance(ctx.focus, tuple)):
        y, q = dct.year, _quarter(dct)
    elif any(w in rel for w in ("last", "past", "previous", "prior", "recent")):
        y, q = _prev_quarter(dct)
    else:  # "the quarter", "the latest quarter", "this quarter's loss": the quarter in focus
        y, q = ctx.focus_quarter()
    if year_back:
        y -= 1
    return "DATE", f"{y}-Q{q}", "dateline"


#: "overnight" in the sense of "suddenly" (no particular night): after "almost", a verb of change,
#: or a negation in its clause ("it won't happen overnight", "can't cut it off overnight")
_SUDDEN_BEFORE = re.compile(
    r"(?:\b(?:almost|virtually|practically|nearly|literally|seemingly|all\s+but|changed?|changes"
    r"|changing|happen|disappear(?:ed|s)?|vanish(?:ed|es)?|transform(?:ed|s)?)\s+"
    r"|\b(?:not|never|cannot)\b[^.;:!?]{0,40}\s|n['’]t\b[^.;:!?]{0,40}\s)$", re.I)
_SUDDEN_AFTER = re.compile(r"\s+(?:success|sensation|celebrity|millionaires?|stars?)\b", re.I)

#: a deadline counted from now: "within the next week" (a duration; TimeBank reads "over the
#: next year or so" as the year ahead, a date)
_SPAN_BEFORE = re.compile(r"\bwithin\s+$", re.I)
_SPAN_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _norm_anaphor(g: dict, ctx: _Ctx, low: str, span: tuple[int, int] | None = None) -> _R:
    u = g["u"].lower()
    det = _WS.sub(" ", g["det"].lower())
    if span and det == "the next" and u in _SPAN_UNITS and _SPAN_BEFORE.search(ctx.text, max(0, span[0] - 8), span[0]):
        return "DURATION", f"P1{_SPAN_UNITS[u]}", "none"
    base = ctx.last or ctx.dct
    anchor = f"expression:{ctx.last_start}" if ctx.last else ("dateline" if ctx.dct else "none")
    if base is None:
        return ("DATE", "XXXX-XX-XX", "none") if u in ("day", "night", "morning") else ("DATE", "XXXX", "none")
    off = 0
    if det in ("the previous", "the preceding", "the day before"):
        off = -1
    elif det in ("the next", "the following", "the day after"):
        off = 1
    tod = _TOD.get(u)
    if u in ("day", "night", "morning", "afternoon", "evening") and (
            ctx.last is not None and ctx.last is ctx.last_month):
        # the last date named is a whole month ("in March ... later that day"): its day is not
        # known, and TimeML leaves what is not known unspecified (TIMEX3 value "2022-03-XX")
        return ("TIME" if tod and u != "day" else "DATE",
                f"{base:%Y-%m}-XX" + (f"T{tod}" if tod and u != "day" else ""), anchor)
    if u in ("day", "night", "morning", "afternoon", "evening"):
        date = base + dt.timedelta(days=off)
        if det in ("the day before", "the day after"):
            # "the day before yesterday" is not this family; "the day before the vote" would need
            # the event; keep the anchor date
            pass
        value = date.isoformat() + (f"T{tod}" if tod and u != "day" else "")
        return ("TIME" if tod and u != "day" else "DATE"), value, anchor
    if u == "week":
        return "DATE", _iso_week(base + dt.timedelta(days=7 * off)), anchor
    if u == "year" and ctx.year_last is not None and ctx.year_last[1] > ctx.last_start:
        # "$37 million in 1988, ... imports that year": the year written last, more recent than
        # any full date
        return "DATE", str(ctx.year_last[0] + off), f"expression:{ctx.year_last[1]}"
    if u == "weekend":
        return "DATE", _iso_week(base + dt.timedelta(days=7 * off)) + "-WE", anchor
    if u == "month":
        return "DATE", _add_months(base, off).strftime("%Y-%m"), anchor
    return "DATE", str(base.year + off), anchor


#: how far from the dateline the last date written may lie and still be the reference time
#: that "earlier in the week / month / year" counts from (further off, it is background and the
#: unit is the dateline's)
_NARRATIVE_DAYS = {"week": 7, "month": 62, "year": 366}


def _norm_in_the(u: str, ctx: _Ctx, fut) -> _R:
    """"earlier in the week", "later in the month": TimeML anchors the unit to the reference
    time, the day the narrative is at ("visited Yerevan on Sunday and accused Azerbaijan of an
    attack earlier in the week" is Sunday's week), taken as the last date written when it lies
    near the dateline (a whole month counts for a month or year, not for a week), else the
    dateline; "later in the year" after a year written on its own, more recent than any full
    date, is that year ("annexed Crimea in 2014. Later in the year, ...", as for "that year").
    Told as still to come, it is no earlier than the dateline ("in November last year ... more
    oil onto the market later in the year" is this year)."""
    if u == "year" and ctx.year_last is not None and ctx.year_last[1] > ctx.last_start and not (
            ctx.dct is not None and ctx.year_last[0] < ctx.dct.year and fut()):
        # "annexed Crimea in 2014; later in the year ...": the year written last, more recent
        # than any full date (as for "that year")
        return "DATE", str(ctx.year_last[0]), f"expression:{ctx.year_last[1]}"
    last = ctx.last
    if last is not None and ((u == "week" and last is ctx.last_month) or (
            ctx.dct is not None and last < ctx.dct and fut())):
        last = None
    if ctx.dct is None and last is None:
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(u, "XXXX"), "none"
    if last is not None and (ctx.dct is None or abs((last - ctx.dct).days) <= _NARRATIVE_DAYS[u]):
        base, anchor = last, f"expression:{ctx.last_start}"
    else:
        base, anchor = ctx.dct, "dateline"
    value = {"week": _iso_week(base), "month": f"{base:%Y-%m}"}.get(u, f"{base.year:04d}")
    return "DATE", value, anchor


def _year_value(year: int) -> str:
    """A TIMEX3 year; before year 1 the TIMEX2/TimeML ``BC`` form (astronomical year 0 = 1 BC).

    After 9999 there is no four-digit form, so the value is the vague ``FUTURE_REF``.
    """
    if year < 1:
        return f"BC{1 - year:04d}"
    return f"{year:04d}" if year <= 9999 else "FUTURE_REF"


def _norm_ago(g: dict, ctx: _Ctx, low: str, span: tuple[int, int]) -> _R:
    dct = ctx.dct
    plural = g["u"].lower().endswith(("s", "ies"))
    n = _num(g.get("n") or ("several" if plural else "a"))  # bare "months ago" is vague
    u = g["u"].lower().rstrip("s")
    if u == "centurie":
        u = "century"
    direction = _WS.sub(" ", g["dir"].lower())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("ago", "from now", "hence"):
        base, anchor = dct, "dateline"
    elif u not in ("year", "decade", "century", "quarter"):
        return None  # TimeML: "three days later" is a DURATION "three days" (family "dur")
    else:
        base = ctx.last or dct
        anchor = f"expression:{ctx.last_start}" if ctx.last else "dateline"
        if ctx.year_last is not None and ctx.year_last[1] > ctx.last_start:
            # "elected in 2019 and, two years later, ...": the year written last
            base, anchor = dt.date(ctx.year_last[0], 1, 1), f"expression:{ctx.year_last[1]}"
        if u in ("year",) and ctx.quarterish and direction == "earlier":
            base, anchor = dct, "dateline"
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "dateline"
    if base is None:
        return "DATE", {"year": "XXXX", "decade": "XXXX", "century": "XXXX", "month": "XXXX-XX",
                        "week": "XXXX-WXX"}.get(u, "XXXX-XX-XX"), "none"
    k = sign * n
    if u in ("year", "decade", "century"):
        k *= _UNIT_MULT.get(u, 1)
        if (u == "year" and n == 1 and sign < 0 and dct is not None
                and (ctx.quarterish or _near_quarter(ctx.text, span))):
            # a financial comparison ("up from $2 million a year earlier"): the period in focus,
            # a year back
            if isinstance(ctx.focus, str):
                return "DATE", str(dct.year - 1), "dateline"
            y, q = ctx.focus_quarter(back=1)
            return "DATE", f"{y}-Q{q}", "dateline"
        return "DATE", _year_value(base.year + int(k)), anchor
    if u == "quarter":
        y, q = base.year, _quarter(base)
        idx = y * 4 + (q - 1) + int(k)
        return "DATE", f"{idx // 4}-Q{idx % 4 + 1}", anchor
    if u == "month":
        return "DATE", _add_months(base, int(k)).strftime("%Y-%m"), anchor
    if u in ("week", "fortnight"):
        days = int(k * 7 * (2 if u == "fortnight" else 1))
        return "DATE", _iso_week(base + dt.timedelta(days=days)), anchor
    if u in ("day", "night"):
        date = base + dt.timedelta(days=int(k))
        ctx.last = date
        return "DATE", date.isoformat(), anchor
    if u in ("hour", "minute", "second"):
        return "TIME", base.isoformat(), anchor
    return None


def _norm_dur(g: dict, ctx: _Ctx, low: str, span: tuple[int, int]) -> _R | bool:
    n = _num(g["n"])
    u = g["u"].lower()
    if g.get("half") and n is not None:
        n += 0.5  # "a year and a half"
    if (g.get("long") or "").lower().endswith("old"):
        return False  # an age ("the 6-year-old", "44 years old") is not a TIMEX3
    if g["u"][0].isupper() and (g.get("the") or _TITLE_CONTEXT.search(ctx.text, max(0, span[0] - 3),
                                                                        span[0])):
        return False  # a title mid-sentence: CBS's "60 Minutes", the series "Seven Seconds"
    if u.startswith("quarter") and n is not None and (g["sep"] == "-" or ctx.text.startswith(" of", span[1])):
        return False  # a fraction: "three-quarters", "a quarter of"
    if u == "second" and g["n"].lower() in ("a", "an"):
        return None  # "a second round"
    if g.get("the") and g["the"].lower() == "this" and g.get("n", "").lower() in ("a", "an"):
        return None
    if g["n"].lower() in ("a", "an") and g["sep"].strip() == "" and u.endswith("s"):
        return None  # "a days" is not English
    if (g["n"].lower() in ("a", "an") and not g.get("the") and not g.get("rel") and not u.endswith("s")
            and _RATE_BEFORE.search(ctx.text, max(0, span[0] - 40), span[0])
            and not _NOT_RATE_BEFORE.search(ctx.text, max(0, span[0] - 10), span[0])
            and not _NOT_RATE_AFTER.match(ctx.text, span[1])):
        return "SET", _duration(1, u), "none"  # a rate: "$33 million a year", "100 interviews a day"
    if (g.get("rel") or "").lower() == "few" and n == 1:
        n = None
    if g["n"].lower() == "many" and (u.startswith("quarter")
                                     or _HOW_BEFORE.search(ctx.text, max(0, span[0] - 5), span[0])):
        return None  # "how many days we have": a question; "in many quarters": places
    if g["n"].lower() == "some" and not (g.get("rel") or g.get("the")):
        return None
    if low == "one day" and (_MODAL_BEFORE.search(ctx.text, max(0, span[0] - 12), span[0])
                             or (_MODAL_AFTER.match(ctx.text, span[1]) and not _NO_SUBJECT_BEFORE.search(
                                 ctx.text[max(0, span[0] - 12) : span[0]]))):
        return "DATE", "FUTURE_REF", "none"  # "Kyiv will one day join": an indefinite future
    return "DURATION", _duration(n, u), "none"


def _the_weekend(dct: dt.date | None, fut) -> _R:
    """"the weekend", and "this weekend" said early in the week: the one of the dateline's week
    on a Saturday or Sunday, else the coming one when the clause looks ahead (``fut()``), the one
    just past when it looks back, the nearer one when it has no tense."""
    if dct is None:
        return "DATE", "XXXX-WXX-WE", "none"
    tense = None if dct.isoweekday() >= 6 else fut()
    ahead, back = 6 - dct.isoweekday(), dct.isoweekday()  # days to Saturday, since Sunday
    if dct.isoweekday() >= 6:
        base = dct
    elif tense or (tense is None and ahead < back - 1):  # no cue: the nearer weekend
        base = dct + dt.timedelta(days=ahead)
    else:
        base = dct - dt.timedelta(days=dct.isoweekday())
    return "DATE", f"{_iso_week(base)}-WE", "dateline"


def _norm_rel(g: dict, ctx: _Ctx, low: str, fut) -> _R:
    dct = ctx.dct
    rel = _WS.sub(" ", g["rel"].lower())
    u = _WS.sub(" ", g["u"].lower())
    if g["u"][0].isupper() and u in ("day", "week", "weekend", "month", "year", "decade", "century"):
        return False  # a title, not a date: ABC's "This Week", "Last Week Tonight"
    if rel in ("the same", "the following") and u in ("week", "month", "year", "day"):
        return _norm_anaphor({"u": u, "det": rel}, ctx, low)
    off = {"last": -1, "the past": -1, "the last": -1, "the previous": -1, "this past": -1,
           "past": -1, "this": 0, "the current": 0, "current": 0, "next": 1, "the coming": 1,
           "this coming": 1, "coming": 1, "the following": 1, "the same": 0}[rel]
    if u in _WEEKDAYS:
        wd = _WEEKDAYS[u]
        if dct is None:
            return "DATE", f"XXXX-WXX-{wd}", "none"
        anaphoric = rel in ("the previous", "the following") and ctx.last is not None
        base = ctx.last if anaphoric else dct
        anchor = f"expression:{ctx.last_start}" if anaphoric else "dateline"
        if off < 0:
            date = _weekday_date(base, wd, -2)
        elif off > 0:
            date = _weekday_date(base, wd, 2)
        else:
            tense = fut()
            if tense is None:  # "this Friday" with no tense cue: the Friday of the dateline's week
                date = dct + dt.timedelta(days=wd - dct.isoweekday())
            else:
                date = _weekday_date(dct, wd, 1 if tense else -1)
        ctx.last = date
        return "DATE", date.isoformat(), anchor
    if u == "night":
        if dct is None:
            return "TIME", "XXXX-XX-XXTNI", "none"
        date = dct + dt.timedelta(days=min(off, 0) if off else 0)
        return "TIME", f"{date.isoformat()}TNI", "dateline"
    if u in _SEASONS:
        s = _SEASONS[u]
        if dct is None:
            return "DATE", f"XXXX-{s}", "none"
        if rel == "this past":
            y = dct.year
        else:
            y = dct.year + off
        if s == "WI" and dct.month <= 2:
            y -= 1  # January's "this winter" began last December: TimeML dates a winter by its start
        return "DATE", f"{y}-{s}", "dateline"
    if u == "day":
        if rel in ("the past", "past", "the previous") and not low.endswith("s"):
            return "DURATION", "P1D", "none"  # "over the past day"
        return None  # "this day", "the last day of ..." are not calendar references
    if u == "season":
        return None
    if u in ("decade", "century") and rel in ("the past", "past", "this past"):
        # "over the past decade": the ten years up to now, a DURATION
        return "DURATION", _duration(1, u), "none"
    if dct is None:
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(u, "XXXX"), "none"
    if u == "week":
        return "DATE", _iso_week(dct + dt.timedelta(days=7 * off)), "dateline"
    if u == "weekend":
        if off == 0:
            if 3 <= dct.isoweekday() <= 5:  # Wednesday to Friday: the weekend of the dateline's week
                return "DATE", f"{_iso_week(dct)}-WE", "dateline"
            return _the_weekend(dct, fut)
        sat = dct + dt.timedelta(days=6 - dct.isoweekday())
        if off < 0:
            sat -= dt.timedelta(days=7)
        return "DATE", f"{_iso_week(sat)}-WE", "dateline"
    if u == "month":
        return "DATE", _add_months(dct, off).strftime("%Y-%m"), "dateline"
    if u in ("year", "fiscal year"):
        return "DATE", str(dct.year + off), "dateline"
    if u == "decade":
        return "DATE", str(dct.year // 10 + off), "dateline"
    if u == "century":
        return "DATE", str(dct.year // 100 + off), "dateline"
    return None


_INTO_DAY = re.compile(r"\s(?:into|to)\s")


def _norm_tod_day(g: dict, ctx: _Ctx, low: str, fut, end: int) -> _R:
    dct = ctx.dct
    day = g["day"]
    dl = day.lower()
    tod_w = (g.get("tod1") or g.get("tod2") or "").lower().replace(" ", "-")
    pre = (g.get("pre") or "").lower()
    if dl in _WEEKDAYS and not day[0].isupper():
        return None
    if not tod_w and not pre:
        return None  # plain day word: other families
    if g.get("pl"):
        if dl in _WEEKDAYS and tod_w:
            return "SET", f"XXXX-WXX-{_WEEKDAYS[dl]}T{_TOD.get(tod_w, 'NI')}", "none"
        return None
    tod = _TOD.get(tod_w, "AF" if "afternoon" in tod_w else ("MO" if "morning" in tod_w else ""))
    named = _DATE_AFTER.match(ctx.text, end) if dl in _WEEKDAYS else None
    if named and (named.group(3) or dct is not None):
        # "Friday night, Aug. 12, 2022" (a photo caption): the date that follows names the day
        m, d = _month_num(named.group(1)), _day_num(named.group(2))
        y = int(named.group(3)) if named.group(3) else _closest_year(dct, m, d, fut())
        base = _safe_date(y, m, d)
        value = "XXXX-XX-XX"
    elif dl in _WEEKDAYS:
        if dct is None:
            base = None
            value = f"XXXX-WXX-{_WEEKDAYS[dl]}"
        else:
            base = _weekday_by_tense(dct, _WEEKDAYS[dl], fut())
    else:
        base = None if dct is None else dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[dl])
        value = "XXXX-XX-XX"
    if base is not None:
        ctx.last = base
        value = base.isoformat()
        if tod == "NI" and _INTO_DAY.search(low):
            # "overnight into Friday", "the night to Sunday": the night that began the day before
            value = (base - dt.timedelta(days=1)).isoformat()
    anchor = "dateline" if base is not None else "none"
    if tod:
        return "DATE", f"{value}T{tod}", anchor
    return "DATE", value, anchor


#: a bare "M:SS" with no a.m./p.m. or zone ...
_MEDIA_OFFSET_CLOCK = re.compile(r"\d{1,2}:\d\d")
#: ... is a position in a video or broadcast, not a time of day (TimeML annotates times, not
#: offsets into a recording), when it is "the 3:06 mark" or, with a video or clip just named,
#: "(watch the video above) beginning at 1:30" (but "the curfew, starting at 22:00" is a time,
#: and so is "the video shows the blast at 14:30")
_MEDIA_MARK_AFTER = re.compile(r"\s+(?:mark|point|minute\s+mark)\b", re.I)
_MEDIA_START_BEFORE = re.compile(r"\b(?:beginning|starting|begins|starts)\s+(?:at\s+|around\s+)?(?:the\s+)?$",
                                 re.I)
_MEDIA_WORD = re.compile(r"\b(?:video|clip|footage)\b", re.I)


def _is_media_offset(text: str, span: tuple[int, int]) -> bool:
    if _MEDIA_MARK_AFTER.match(text, span[1]):
        return True
    if text[span[0]] == "0" and text[span[0] + 1].isdigit():
        return False  # "05:30": an hour written with two digits is a clock, no offset
    lo = max(0, span[0] - 160)
    breaks = list(_SENT_BREAK.finditer(text, lo, span[0]))
    # the video named in the same sentence: "The clip shows the strike. The curfew starts at
    # 22:00." is a time of day
    left = text[breaks[-1].end() if breaks else lo : span[0]]
    return bool(_MEDIA_START_BEFORE.search(left) and _MEDIA_WORD.search(left))


def _clock_value(clock: str) -> str | None:
    c = clock.lower().strip()
    if c.startswith("noon") or c.startswith("midday"):
        return "12:00"
    if c.startswith("midnight"):
        return "24:00"
    m = _CLOCK_PARTS.match(c)
    if not m:
        return None
    h = int(m.group(1))
    mi = int(m.group(2) or 0)
    ap = (m.group(3) or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if not ap and not m.group(2):
        return None
    return f"{h:02d}:{mi:02d}"


#: a recurrence just before a clock: "every day at", "each weekday morning at", "daily at",
#: "every night from"
_SET_BEFORE_CLOCK = re.compile(
    r"(?:\b(?:every|each)\s+(?:[a-z]+\s+){1,2}|\b(?:daily|nightly|weekdays|weeknights|weekends)\s+)"
    r"(?:at|from|until|till|by|around|before|after)\s+(?:(?:about|around|approximately)\s+)?$", re.I)
#: ... or just after it: "at 6:45 a.m. each day", "at 9pm daily"
_SET_AFTER_CLOCK = re.compile(r"\s+(?:(?:each|every)\s+(?:day|morning|evening|night|weekday)\b|daily\b)",
                              re.I)
#: how far (characters) a month named before a clock still gives its day ("In December she
#: apologised after clubbing until 4 a.m.")
_MONTH_CLOCK_REACH = 250


def _norm_clock(fam: str, g: dict, ctx: _Ctx, low: str, fut, span: tuple[int, int]) -> _R:
    dct = ctx.dct
    if fam == "clocktod":
        h = int(g["h"])
        if g["tod"].lower() in ("afternoon", "evening") and h < 12:
            h += 12
        hhmm = f"{h:02d}:00"
    else:
        hhmm = _clock_value(g["clock"])
        if hhmm is None:
            return None
        if g.get("tod") and g["tod"].lower() in ("afternoon", "evening"):
            h = int(hhmm[:2])
            if h < 12:
                hhmm = f"{h + 12:02d}{hhmm[2:]}"
    rest = (g.get("rest") or "").strip()
    if fam == "clock" and (_SET_BEFORE_CLOCK.search(ctx.text, max(0, span[0] - 40), span[0])
                           or _SET_AFTER_CLOCK.match(ctx.text, span[1])):
        # "every weekday morning at 7am", "daily at 9pm": a time of day that recurs (TimeML SET)
        return "SET", f"XXXX-XX-XXT{hhmm}", "none"
    base = None
    anchor = "dateline"
    if rest:
        rl = rest.lower()
        words = rl.split()
        if words[0] in _WEEKDAYS and (len(words) == 1 or words[1] in _TOD):
            # "1:30am on Friday (morning)"
            if dct is not None:
                base = _weekday_by_tense(dct, _WEEKDAYS[words[0]], fut())
        elif rl == "tonight" or rl.startswith("this"):  # "10.45pm tonight", "8pm this evening"
            base = dct
        elif rl in ("today", "yesterday", "tomorrow"):
            if dct is not None:
                base = dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rl])
        else:
            # "5 p.m. on June 3", "04:50 on 24 February", "10.30am on Friday 24 February 2023":
            # the date names the day; a weekday written with it only fixes its year
            p = _CLOCK_REST_PARTS.fullmatch(rest)
            month = p.group("m1") or p.group("m2")
            if not month[0].isupper():
                return None  # "at 9 am on may 5": no month
            m, d = _month_num(month), _day_num(p.group("d1") or p.group("d2"))
            year = p.group("y1") or p.group("y2")
            if year:
                base, anchor = _safe_date(int(year), m, d), "none"
            elif dct is not None:
                y = p.group("wd") and _weekday_year(dct, m, d, p.group("wd"))
                base = _safe_date(y or _closest_year(dct, m, d, False), m, d)
            elif _safe_date(2000, m, d) is not None:
                # no dateline: only the year is unknown (TimeML leaves just that unspecified)
                return "TIME", f"XXXX-{m:02d}-{d:02d}T{hhmm}", "none"
    elif (ctx.last is not None and ctx.last is ctx.last_month and dct is not None
          and span[0] - ctx.last_start > _MONTH_CLOCK_REACH):
        # a whole month named long before ("since the end of April" ... "at about 5.30am"): the
        # clock is the news of the day, not of that month
        base = dct
    else:
        base = ctx.last or dct
        if ctx.last is not None:
            anchor = f"expression:{ctx.last_start}"
            if ctx.last is ctx.last_month:  # "in August ... at 2 a.m.": the day is not known
                return "TIME", f"{base:%Y-%m}-XXT{hhmm}", anchor
    if base is None:
        return "TIME", f"XXXX-XX-XXT{hhmm}", "none"
    if rest:
        ctx.last = base
    return "TIME", f"{base.isoformat()}T{hhmm}", anchor


# --------------------------------------------------------------------------- extraction



def _trie(words: list[str]) -> str:
    """An alternation factored by first letter: ``sre`` then rejects most positions at once."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))


_TRIGGER_WORDS = (
    list(_MONTHS) + ["sept"] + list(_WEEKDAYS)
    + [w + "s" for w in _WEEKDAYS]
    + ["yesterday", "today", "tomorrow", "tonight", "overnight", "now", "current", "currently", "recent", "recently", "lately", "presently", "nowadays", "future", "past", "present", "weekend", "weekends", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "noon", "midnight", "midday", "hourly", "daily", "nightly", "weekly", "monthly", "yearly", "christmas", "thanksgiving", "easter", "halloween", "valentine", "fiscal", "spring", "summer", "fall", "autumn", "winter", "nineteen", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "date", "period", "dawn", "daybreak", "term", "ahead"]
)
_TRIGGER = re.compile(
    r"\b(?:(?:" + _trie(_TRIGGER_WORDS) + r")\b|\d(?:\d\d\ds?\b|0s\b|\d?(?::\d\d|\s?[ap]\.?m\b)))"
)
_PREFIX_WORDS = frozenset(
    """the a an this that these last next past previous coming following preceding current latest
    early earlier late later mid middle end beginning start rest remainder of nearly almost about around
    approximately roughly some more less fewer than at least most no over up to under just only barely
    well several few many couple dozen dozens hundreds half each every once twice per other fiscal
    year-earlier year-ago year-before comparable same corresponding first second third fourth final 1st
    2nd 3rd 4th recent overnight morning afternoon evening night on into noon midnight midday p.m. a.m.
    pm am est edt gmt utc right new victory boxing independence times one two three four five six seven eight nine
    ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred thousand trading business working calendar full near
    distant foreseeable this-year q1 q2 q3 q4 h1 h2 in and additional extra further straight short long
    consecutive whole good orthodox memorial labor labour international election mother's father's mother’s father’s""".split()  # noqa: SIM905
)
#: modifier words that are walked over but never start an expression (prepositions, units)
_NON_START = frozenset(["and", "on", "of", "into", "to", "in", "than", "least", "most", "p.m.", "a.m.", "pm", "am", "est", "edt", "gmt", "utc", "times"])
_TOKEN_PUNCT = "'’./-_"
_SEPARATORS = " ,\t\n\xa0"
#: a hyphenated number word, walked over like a number: "twenty-five years", "Forty-seven years
#: later" (not a range: "two-three weeks")
_COMPOUND_NUMBER = re.compile(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
                              r"(?:one|two|three|four|five|six|seven|eight|nine)")
_NUMBERISH = re.compile(r"[\d.,/]+(?:st|nd|rd|th)?|\d+-\w+", re.I)


#: families naming a year without a day ("in 1988", "mid-2014", "summer 2023", "fiscal 2019"):
#: "that year", "two years later" after them count from that year
_YEAR_FAMILIES = frozenset(["year", "yearspan", "yearmod", "yearwords", "seasonyear", "fiscal"])


def _candidate_starts(text: str, pos: int, floor: int) -> list[int]:
    """Possible starts of an expression whose trigger word is at ``pos``: the start of the
    trigger's token and of up to six preceding modifier words, earliest first."""
    k = pos
    while k > floor and (text[k - 1].isalnum() or text[k - 1] in _TOKEN_PUNCT):
        k -= 1
    tok = k
    while k < pos and text[k] in "'.-/":
        k += 1
    starts = [k] if k != pos else []
    if tok != k:  # "'80s": the apostrophe is part of the expression; modifiers precede it
        starts.append(tok)
        k = tok
    for _ in range(6):
        j = k
        while j > floor and text[j - 1] in _SEPARATORS:
            j -= 1
        e = j
        if e == k:
            break
        while j > floor and (text[j - 1].isalnum() or text[j - 1] in _TOKEN_PUNCT):
            j -= 1
        if j == e:
            break
        raw = text[j:e].lower()
        word = raw.strip(".")
        # (the patterns only where the first character allows: a digit or ".,/", a tens word)
        w0 = word[:1]
        if not (word in _PREFIX_WORDS or raw in _PREFIX_WORDS
                or (w0 and (w0 in ".,/" or w0.isdecimal()) and _NUMBERISH.fullmatch(word))
                or (w0 and w0 in "tfsen" and _COMPOUND_NUMBER.fullmatch(word))):
            break
        k = j
        if word not in _NON_START:
            starts.append(k)
    starts.reverse()
    starts.append(pos)
    return starts


def _match_at(text: str, start: int, ctx: _Ctx) -> tuple[int, int, str, tuple[str, str, str]] | None:
    if text is ctx.text and start in ctx.matches:
        m = ctx.matches[start]
    else:
        pat = _MATCHERS.get(text[start], _ALL) if start < len(text) else _ALL
        m = None if pat is None else pat.match(text, start)
        if text is ctx.text:
            ctx.matches[start] = m
    if m is None:
        return None
    i = int(m.lastgroup[1:])  # the family group closes last
    names = _FAMILY_GROUPS[i]
    values = m.group(*names[1]) if len(names[1]) > 1 else (m.group(*names[1]),) if names[1] else ()
    g = {k: v for k, v in zip(names[0], values, strict=True) if v is not None}
    end = m.end()
    res = _norm(_FAMILY_NAMES[i], g, ctx, (start, end), text[start:end])
    if res is False:  # matched, but deliberately not a time expression (a body dateline)
        return start, end, "", None
    if res is not None:
        return start, end, _FAMILY_NAMES[i], res
    # the first family to match rejected it: let a later family try at this position
    pat_families = _MATCHER_FAMILIES.get(text[start]) if start < len(text) else None
    for j in range(i + 1, len(_FAMILY_NAMES)):
        if pat_families is not None and j not in pat_families:
            continue  # the family cannot start with this character (see _family_matchers)
        fm = _FAMILY_MATCH[j].match(text, start)
        if fm is None:
            continue
        end = fm.end()
        gd = {k: v for k, v in fm.groupdict().items() if v is not None}
        res = _norm(_FAMILY_NAMES[j], gd, ctx, (start, end), text[start:end])
        if res is False:
            return start, end, "", None
        if res is not None:
            return start, end, _FAMILY_NAMES[j], res
    return None


_MIN_DCT, _MAX_DCT = dt.date(1000, 1, 1), dt.date(9998, 12, 31)


def find_time_expressions(text: str, *, dct: dt.date | None = None) -> list[TimeExpression]:
    """Find and normalise the time expressions (TIMEX3) of one text.

    Trigger words (month and day names, calendar units, reference words, years, clock
    times) are found first with one fast pattern; the full family patterns are then tried
    only at the start of each trigger's token and of the modifier words before it.

    Args:
        text: the article text.
        dct: the document creation time (dateline) as a date; ``None`` leaves values that
            need an anchor underspecified (``XXXX-WXX-3``).

    Returns:
        :class:`TimeExpression` records in text order; ``text[start:end]`` is the expression.

    Raises:
        ValueError: ``dct`` before the year 1000 or after 9998.
    """
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    if dct is not None and not _MIN_DCT <= dct <= _MAX_DCT:
        # relative expressions step a year or more either side of the dateline
        raise ValueError(f"dct {dct} is outside the supported range {_MIN_DCT} to {_MAX_DCT}")
    ctx = _Ctx(text, dct)
    out: list[TimeExpression] = []
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lowered
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    last_end = 0
    for trig in _TRIGGER.finditer(low):
        pos = trig.start()
        if pos < last_end or (trig.group() in _MONTHS and text[pos].islower()):
            continue
        for start in _candidate_starts(text, pos, last_end):
            prev_last, prev_focus = ctx.last, ctx.focus
            found = _match_at(text, start, ctx)
            if found is None or found[1] <= pos:
                ctx.last, ctx.focus = prev_last, prev_focus
                continue
            if found[3] is None:
                last_end = found[1]
                break
            start, end, _fam, (typ, value, anchor) = found
            if ((_fam == "quarter" and _THE_ADJ_QUARTER.match(text, start, end))
                    or (_fam == "dur" and _THE_ADJ_DURATION.fullmatch(text, start, end))):
                # a prenominal modifier ("the third-quarter results", "the eight-year war"): the
                # determiner belongs to the head noun, not to the TIMEX3
                start = text.index(" ", start) + 1
                while text[start].isspace():
                    start += 1
            elif _fam == "dur" and text.startswith(("last", "Last"), start) and _VERB_LAST_BEFORE.search(
                    text, max(0, start - 12), start):
                # "expected to last several days", "could last two weeks": the verb "last" is no
                # part of the TIMEX3
                start += 4
                while text[start].isspace():
                    start += 1
            elif _PERIOD_ADJ_AFTER.match(text, end) and (det := _DETERMINER.match(text, start, end)):
                start = det.end()  # "the 1970s-era rifles": the determiner is the noun's
            if dct is None and anchor == "dateline":
                anchor = "none"
            if _fam == "yearspan":
                # "1941-1945", "2014-15": each year is a TIMEX3 of its own
                y2 = _second_year(int(value), text[start + 5 : end])
                out.append(TimeExpression(start, start + 4, text[start : start + 4], typ, value, anchor))
                out.append(TimeExpression(start + 5, end, text[start + 5 : end], "DATE", str(y2),
                                          "none" if end - start == 9 else f"expression:{start}"))
            else:
                out.append(TimeExpression(start, end, text[start:end], typ, value, anchor))
            second = _SECOND_DAY.match(text, end) if _fam == "md" and len(value) == 10 else None
            if second and int(_DIGITS.match(second.group(1)).group()) > int(value[8:]):
                # "April 24 and 25": the second day is a TIMEX3 of its own, in the same month
                d2 = int(_DIGITS.match(second.group(1)).group())
                if _safe_date(int(value[:4]), int(value[5:7]), d2) if value[0] != "X" else d2 <= 31:
                    s2, e2 = second.start(1), second.end(2 if second.group(2) else 1)
                    out.append(TimeExpression(s2, e2, text[s2:e2], "DATE", f"{value[:8]}{d2:02d}",
                                              f"expression:{start}"))
                    end = e2
            if ctx.last is not prev_last:
                ctx.last_start = start
            elif _fam in _YEAR_FAMILIES and value[:4].isdigit():
                ctx.year_last = (int(value[:4]), start)
            last_end = end
            break
    if not out:
        return out
    out = _clock_ranges(text, out)
    return _quoted_deixis(text, out) if dct is not None else out


#: between two clock times of one range: "from 09:30 to 16:00 on Thursday 14 April"
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|-|–|—)\s*", re.I)
_CLOCK_VALUE = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T\d\d:\d\d")
#: a day or date word in a clock expression's own text: its date is its own (a point only in a
#: date of three parts, "14.04.2022": "10.30am" is a clock)
_OWN_DAY = re.compile(r"(?i)(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                      r"|today|tomorrow|yesterday|tonight|\d{1,2}(?:st|nd|rd|th)?\s+of\b|\d[/-]\d|\d\.\d\d?\.\d)")


def _clock_ranges(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """The first clock of a range takes the day written after the second one: "open from 09:30
    BST to 16:00 BST on Thursday 14 April" is 09:30 on 14 April, not on the last day named; over
    midnight ("from 10pm to 6am on Monday"), the day before."""
    out = found
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if (a.type != "TIME" or b.type != "TIME" or not _CLOCK_VALUE.fullmatch(a.value)
                or not _CLOCK_VALUE.match(b.value)
                or not _RANGE_JOIN.fullmatch(text, a.end, b.start) or _OWN_DAY.search(a.text)):
            continue
        day = b.value[:10]
        if a.value[11:16] > b.value[11:16] and _OWN_DAY.search(b.text):
            # over midnight: "from 10pm to 6am on Monday" starts on Sunday
            if day[0] == "X":
                continue
            day = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
        if day == a.value[:10]:
            continue
        if out is found:
            out = list(found)
        out[i] = a._replace(value=day + a.value[10:], anchor=f"expression:{b.start}")
    return out


#: day words whose day is the speaker's: in a direct quote they count from when it was said
_DEICTIC_OFFSETS = {"today": (0, ""), "yesterday": (-1, ""), "tomorrow": (1, ""), "tonight": (0, "TNI"),
                    "this morning": (0, "TMO"), "this afternoon": (0, "TAF"), "this evening": (0, "TEV"),
                    "last night": (-1, "TNI")}
#: verbs that attribute a direct quote
_SAY_VERBS = (r"(?:said|says|told|wrote|added|posted|tweeted|declared|announced|stated|insisted|warned"
              r"|replied)")
#: after a closing quotation mark, the attribution: a verb of saying before any sentence end
_ATTRIBUTION = re.compile(rf"[,.!?]?\s*[^.!?\n“”\"]{{0,60}}?\b{_SAY_VERBS}\b[^.!?\n“”\"]{{0,80}}")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_CAPITAL_NEXT = re.compile(r"\s*[A-Z]")
#: a sentence end just outside the closing quote: "“... today”. Russia attacked on Monday"
_END_OUTSIDE = re.compile(r"[.!?]\s*[A-Z]")
_POSSESSIVE = re.compile(r"['’]s\b")
#: a word opening another clause between the verb of saying and a date
_OTHER_CLAUSE = re.compile(r"\b(?:adding|that|about|which|who|after|before|since|when|as)\b", re.I)


#: an attribution that opens a quote: a verb of saying, then a colon or comma just before it
_ATTRIBUTION_BEFORE = re.compile(rf"\b{_SAY_VERBS}\b[^.!?\n“”\"]{{0,80}}[:,]\s*$")


def _dates_a_day(r: TimeExpression) -> bool:
    """An expression that can date a saying: a full date, not itself a day word of a quote."""
    return r.text.lower() not in _DEICTIC_OFFSETS and bool(_FULL_DATE.match(r.value))


def _said_before(text: str, found: list[TimeExpression], para: int, opening: int) -> TimeExpression | None:
    """The full date of an attribution that opens a quote in the same sentence ("Zelensky said on
    Monday: “…”", "On Monday, Zelensky said: “…”"), or None."""
    lo = max(para, opening - 200)
    breaks = list(_SENT_BREAK.finditer(text, lo, opening))
    lo = breaks[-1].end() if breaks else lo
    verb = _ATTRIBUTION_BEFORE.search(text, lo, opening)
    if verb is None or "”" in text[lo:opening] or '"' in text[lo:opening]:
        return None
    said = None
    for r in found:
        if r.start >= opening:
            break
        if r.start >= lo and _dates_a_day(r):
            said = r
    if said is None or _POSSESSIVE.match(text, said.end) or _OTHER_CLAUSE.search(
            text, min(said.start, verb.start()), opening):
        return None  # "said after the attack on Monday: …": the date of something else
    return said


def _quoted_deixis(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Re-anchor "today", "yesterday", "last night" ... inside a direct quote to the day the
    quote was said, when its attribution names that day ("“They used the vacuum bomb today,”
    the ambassador told reporters on Monday", "Zelensky said on Monday: “Today …”"): the deictic centre of a direct quote is the
    speaker's, not the reporter's (Fillmore, *Lectures on Deixis*, 1997; TimeML anchors a
    relative expression to the time it is relative to)."""
    out = found
    for i, t in enumerate(found):
        off_tod = _DEICTIC_OFFSETS.get(t.text.lower())
        if off_tod is None or t.anchor != "dateline":
            continue
        para = text.rfind("\n", 0, t.start) + 1
        para_end = text.find("\n", t.end)
        para_end = len(text) if para_end < 0 else para_end
        if text.rfind("“", para, t.start) > text.rfind("”", para, t.start):
            opening = text.rfind("“", para, t.start)
            close = text.find("”", t.end, para_end)
        elif text.count('"', para, t.start) % 2:
            opening = text.rfind('"', para, t.start)
            close = text.find('"', t.end, para_end)
        else:
            continue
        if close < 0 or text.find("“", t.end, close) >= 0:
            continue
        said = _said_before(text, found, para, opening)
        if said is None:
            if (text[close - 1] in ".!?" and _CAPITAL_NEXT.match(text, close + 1)) or _END_OUTSIDE.match(
                    text, close + 1):
                continue  # the quote ended its sentence: what follows is another one
            attribution = _ATTRIBUTION.match(text, close + 1)
            if attribution is None:
                continue
            said = next((r for r in found if attribution.start() <= r.start < attribution.end()
                         and _dates_a_day(r)), None)
            if said is None or _POSSESSIVE.match(text, said.end) or _OTHER_CLAUSE.search(
                    text, attribution.start(), said.start):
                continue  # "..., adding that Saturday's bombing ...": the date of something else
        day = dt.date.fromisoformat(said.value[:10]) + dt.timedelta(days=off_tod[0])
        value = day.isoformat() + off_tod[1]
        if value != t.value:
            if out is found:
                out = list(found)
            out[i] = t._replace(value=value, anchor=f"expression:{said.start}")
    return out


# --------------------------------------------------------------------------- intervals

_SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}


_IV0 = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)|T[A-Z]{2})?")
_IV1 = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_IV2 = re.compile(r"(\d{4})-(\d\d)")
_IV3 = re.compile(r"(\d{4})-Q([1-4])")
_IV4 = re.compile(r"(\d{4})-H([12])")
_IV5 = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_IV6 = re.compile(r"\d{4}")
_IV7 = re.compile(r"\d{3}")
_IV8 = re.compile(r"\d{2}")


@functools.lru_cache(maxsize=1 << 16)  # pure and immutable: values repeat across articles
def value_interval(value: str) -> tuple[dt.datetime, dt.datetime] | None:
    """The UTC interval ``[start, end)`` a TIMEX3 DATE/TIME value denotes, or ``None``.

    Handles ``YYYY-MM-DD(THH:MM|TMO..)``, ``YYYY-Www(-WE)``, ``YYYY-MM``, ``YYYY-Qn``,
    ``YYYY-Hn``, ``YYYY-SP/SU/FA/WI``, ``YYYY``, decades (``199``) and centuries (``19``).
    Underspecified values (``X``), durations and ``*_REF`` give ``None``.
    """
    if not value or "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    utc = dt.UTC

    def day(d: dt.date) -> dt.datetime:
        if not 1678 <= d.year <= 2261:
            raise ValueError("outside the range of pandas timestamps")
        return dt.datetime(d.year, d.month, d.day, tzinfo=utc)

    try:
        m = _IV0.fullmatch(value)
        if m:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if m.group(4):
                h, mi = int(m.group(4)), int(m.group(5))
                s = day(d) + dt.timedelta(hours=h, minutes=mi)
                return s, s + dt.timedelta(hours=1)
            return day(d), day(d + dt.timedelta(days=1))
        m = _IV1.fullmatch(value)
        if m:
            mon = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return day(mon + dt.timedelta(days=5)), day(mon + dt.timedelta(days=7))
            return day(mon), day(mon + dt.timedelta(days=7))
        m = _IV2.fullmatch(value)
        if m:
            s = dt.date(int(m.group(1)), int(m.group(2)), 1)
            return day(s), day(_add_months(s, 1))
        m = _IV3.fullmatch(value)
        if m:
            s = dt.date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
            return day(s), day(_add_months(s, 3))
        m = _IV4.fullmatch(value)
        if m:
            s = dt.date(int(m.group(1)), 6 * int(m.group(2)) - 5, 1)
            return day(s), day(_add_months(s, 6))
        m = _IV5.fullmatch(value)
        if m:
            a, b = _SEASON_MONTHS[m.group(2)]
            s = dt.date(int(m.group(1)), a, 1)
            return day(s), day(_add_months(s, b - a))
        if _IV6.fullmatch(value):
            y = int(value)
            return day(dt.date(y, 1, 1)), day(dt.date(y + 1, 1, 1))
        if _IV7.fullmatch(value):
            y = int(value) * 10
            return day(dt.date(y, 1, 1)), day(dt.date(y + 10, 1, 1))
        if _IV8.fullmatch(value):
            y = int(value) * 100
            return day(dt.date(max(y, 1), 1, 1)), day(dt.date(y + 100, 1, 1))
    except ValueError:
        return None
    return None


#: Largest interval (days) for which ``gap_days`` is reported; coarser values (months,
#: years) are resolved but given no gap.
MAX_GAP_INTERVAL_DAYS = 7


def _gap(dct: dt.date | None, interval, max_days: int = MAX_GAP_INTERVAL_DAYS) -> int | None:
    if dct is None or interval is None:
        return None
    return _gap_days(dct, interval, max_days)


@functools.lru_cache(maxsize=1 << 12)  # pure and immutable: an article's dates repeat
def _gap_days(dct: dt.date, interval: tuple[dt.datetime, dt.datetime], max_days: int) -> int | None:
    s, e = interval
    if (e - s).days > max_days:
        return None
    first, last = s.date(), (e - dt.timedelta(microseconds=1)).date()
    if first <= dct <= last:
        return 0
    if last < dct:
        return (dct - last).days
    return -(first - dct).days


def time_expressions(
    frame: pd.DataFrame, *, max_gap_interval_days: int = MAX_GAP_INTERVAL_DAYS
) -> pd.DataFrame:
    """One row per time expression, resolved against each article's dateline.

    Method: see the module docstring (HeidelTime-style rules, TimeML TIMEX3 values,
    TempEval-3 extents).

    Args:
        frame: any frame with ``doc_id``, ``text`` and ``published`` (tz-aware UTC; NaT
            leaves anchored values underspecified).

    Returns:
        The ``time_expressions`` table (see :mod:`toolkit.schema`): ``doc_id, start, end,
        text, type, value, resolved_start, resolved_end, anchor, gap_days``. ``gap_days`` is
        the dateline's date minus the event's date (positive = before the dateline), given for
        DATE/TIME values of at most a week, 0 when the interval contains the dateline.
    """
    _check_columns(frame, ("doc_id", "text", "published"), "time_expressions()")
    rows: list[tuple] = []
    published = pd.to_datetime(frame["published"], utc=True)
    for doc_id, text, pub in zip(frame["doc_id"], frame["text"], published, strict=True):
        if not isinstance(text, str):
            continue
        dct = None if pd.isna(pub) else pub.date()
        for t in find_time_expressions(text, dct=dct):
            iv = value_interval(t.value) if t.type in ("DATE", "TIME") else None
            gap = _gap(dct, iv, max_gap_interval_days)
            rows.append((doc_id, t.start, t.end, t.text, t.type, t.value,
                         iv[0] if iv else pd.NaT, iv[1] if iv else pd.NaT, t.anchor, gap))
    if not rows:
        return schema.empty("time_expressions")
    cols = schema.columns("time_expressions")
    df = pd.DataFrame(rows, columns=cols)
    for c in ("resolved_start", "resolved_end"):
        df[c] = pd.to_datetime(df[c], utc=True)
    df["gap_days"] = pd.array(df["gap_days"].tolist(), dtype="Int64")
    return schema.conform(df, "time_expressions")
