"""Tests for toolkit.annotate.times: phrase + dateline -> TIMEX3 value (TimeML / TempEval-3)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from toolkit import schema
from toolkit.annotate.times import find_time_expressions, time_expressions, value_interval

WED = dt.date(2025, 6, 11)  # the seed's dateline, a Wednesday (ISO week 2025-W24)
SUN = dt.date(2025, 6, 15)
FRI = dt.date(2025, 6, 13)


def _find(text: str, dct: dt.date | None, phrase: str):
    found = [t for t in find_time_expressions(text, dct=dct) if t.text == phrase]
    assert found, f"{phrase!r} not found in {text!r}: {find_time_expressions(text, dct=dct)}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "type_", "value"),
    [
        # weekdays either side of the dateline; past tense = most recent, dateline's own day included
        ("Ukraine announced on Wednesday that bodies were returned.", WED, "Wednesday", "DATE", "2025-06-11"),
        ("The talks took place on Monday.", WED, "Monday", "DATE", "2025-06-09"),
        ("Officials met on Thursday in Istanbul.", WED, "Thursday", "DATE", "2025-06-05"),
        ("The leaders will meet on Friday.", WED, "Friday", "DATE", "2025-06-13"),
        ("The vote is scheduled for Saturday.", WED, "Saturday", "DATE", "2025-06-14"),
        ("A vote is planned for Friday.", WED, "Friday", "DATE", "2025-06-13"),
        ("A ruling is expected Thursday.", WED, "Thursday", "DATE", "2025-06-12"),
        ("He arrived last Friday.", WED, "last Friday", "DATE", "2025-06-06"),
        ("They meet again next Monday.", WED, "next Monday", "DATE", "2025-06-16"),
        ("The strike came on Wednesday.", SUN, "Wednesday", "DATE", "2025-06-11"),
        ("Crowds gathered on Sunday.", SUN, "Sunday", "DATE", "2025-06-15"),
        ("Talks will resume on Monday.", SUN, "Monday", "DATE", "2025-06-16"),
        # no tense cue at all: the nearest such day, biased two days to the past
        ("Protest in Kyiv on Saturday", FRI, "Saturday", "DATE", "2025-06-14"),
        ("Protest in Kyiv on Monday", FRI, "Monday", "DATE", "2025-06-09"),
        ("Protests in Kyiv over the weekend", FRI, "the weekend", "DATE", "2025-W24-WE"),
        ("Concert in Lviv on Saturday night", FRI, "Saturday night", "DATE", "2025-06-14TNI"),
        ("Talks in Geneva this Friday", dt.date(2025, 6, 9), "this Friday", "DATE", "2025-06-13"),
        ("Curfew from 11 p.m. Saturday", FRI, "11 p.m. Saturday", "TIME", "2025-06-14T23:00"),
        ("Protests in Kyiv over the weekend", WED, "the weekend", "DATE", "2025-W23-WE"),
        # relative weeks
        ("An agreement was reached last week.", WED, "last week", "DATE", "2025-W23"),
        ("Phases were completed earlier this week.", WED, "earlier this week", "DATE", "2025-W24"),
        ("A third round is planned for next week.", WED, "next week", "DATE", "2025-W25"),
        ("Drones attacked overnight on Wednesday.", WED, "overnight on Wednesday", "DATE", "2025-06-11TNI"),
        ("Bodies were held near the border since Saturday.", WED, "Saturday", "DATE", "2025-06-07"),
        ("Shelling continued on Wednesday night.", WED, "Wednesday night", "DATE", "2025-06-11TNI"),
        ("Fighting stopped over the weekend.", WED, "the weekend", "DATE", "2025-W23-WE"),
        ("Protests are planned this weekend.", WED, "this weekend", "DATE", "2025-W24-WE"),
        ("Rallies drew thousands this weekend.", SUN, "this weekend", "DATE", "2025-W24-WE"),
        ("Grain moved by rail for the first time in years.", WED, "years", "DURATION", "PXY"),
        # numbers with thousands separators; years before 1 in the BC form
        ("The site will stay toxic for 10,000 years.", WED, "10,000 years", "DURATION", "P10000Y"),
        ("The siege began 1,000 days ago.", WED, "1,000 days ago", "DATE", "2022-09-15"),
        ("The mound was built 3,000 years ago.", WED, "3,000 years ago", "DATE", "BC0976"),
        ("A town was founded 1,200 years ago.", WED, "1,200 years ago", "DATE", "0825"),
        # explicit dates
        ("The exchange happened on 11 June.", WED, "11 June", "DATE", "2025-06-11"),
        ("It was signed on June 11, 2025.", WED, "June 11, 2025", "DATE", "2025-06-11"),
        ("The offensive began on Jan. 5.", WED, "Jan. 5", "DATE", "2025-01-05"),
        ("A memo dated Jan. 5, 2024 surfaced.", WED, "Jan. 5, 2024", "DATE", "2024-01-05"),
        ("The file is dated 2025-06-11.", WED, "2025-06-11", "DATE", "2025-06-11"),
        ("The decree of 11.06.2025 was published.", WED, "11.06.2025", "DATE", "2025-06-11"),
        ("The talks ended in mid-June.", WED, "mid-June", "DATE", "2025-06"),
        ("The offensive started in March.", WED, "March", "DATE", "2025-03"),
        ("A summit is due in July.", WED, "July", "DATE", "2025-07"),
        ("Elections were held in September.", WED, "September", "DATE", "2024-09"),
        # tense cues survive initials and titles; "since" always points back
        ("Ms. Doe will succeed John Q. Public Feb. 1, the board said.", WED, "Feb. 1", "DATE", "2026-02-01"),
        ("Mr. Roe will visit Kyiv on Monday.", WED, "Monday", "DATE", "2025-06-16"),
        ("Patrols were scheduled to end, having run since August.", WED, "August", "DATE", "2024-08"),
        ("The mission has run since August 12.", WED, "August 12", "DATE", "2024-08-12"),
        # years, decades, centuries, quarters, seasons
        ("Kyiv was different in the 1990s.", WED, "the 1990s", "DATE", "199"),
        ("The war began two years ago.", WED, "two years ago", "DATE", "2023"),
        ("Exports fell this year.", WED, "this year", "DATE", "2025"),
        ("Exports fell last year.", WED, "last year", "DATE", "2024"),
        ("Growth is forecast for next year.", WED, "next year", "DATE", "2026"),
        ("Borders were drawn in 1991.", WED, "1991", "DATE", "1991"),
        ("Budgets for fiscal 2024 were cut.", WED, "fiscal 2024", "DATE", "2024"),
        ("Wars of the 20th century.", WED, "the 20th century", "DATE", "19"),
        ("Profits rose in the first quarter.", WED, "the first quarter", "DATE", "2025-Q1"),
        ("The counteroffensive stalled last summer.", WED, "last summer", "DATE", "2024-SU"),
        ("Power cuts spread this winter.", dt.date(2023, 1, 20), "this winter", "DATE", "2022-WI"),
        ("Power cuts spread last winter.", dt.date(2023, 1, 20), "last winter", "DATE", "2021-WI"),
        ("Power cuts spread this winter.", dt.date(2022, 12, 20), "this winter", "DATE", "2022-WI"),
        ("Prices rose five months ago.", WED, "five months ago", "DATE", "2025-01"),
        # day words and times of day
        ("The envoy arrived yesterday.", WED, "yesterday", "DATE", "2025-06-10"),
        ("The envoy arrives today.", WED, "today", "DATE", "2025-06-11"),
        ("The envoy arrives tomorrow.", WED, "tomorrow", "DATE", "2025-06-12"),
        ("Sirens sounded at 2 p.m. in Kyiv.", WED, "2 p.m.", "TIME", "2025-06-11T14:00"),
        ("The attack began at 10 p.m. Tuesday.", WED, "10 p.m. Tuesday", "TIME", "2025-06-10T22:00"),
        # durations and sets
        ("The talks lasted three days.", WED, "three days", "DURATION", "P3D"),
        ("Troops stayed for two weeks.", WED, "two weeks", "DURATION", "P2W"),
        ("Veterans of the eight-year war marched.", WED, "eight-year", "DURATION", "P8Y"),
        ("The truce held for only six months.", WED, "six months", "DURATION", "P6M"),
        ("The siege lasted a year and a half.", WED, "a year and a half", "DURATION", "P1Y6M"),
        ("The siege lasted two and a half hours.", WED, "two and a half hours", "DURATION", "PT2H30M"),
        ("The truce held for nearly six months.", WED, "nearly six months", "DURATION", "P6M"),
        ("The bridge was rebuilt just months ago.", WED, "months ago", "DATE", "PAST_REF"),
        ("Prices held during the four days of talks.", WED, "the four days", "DURATION", "P4D"),
        ("Prices rose over the past two months.", WED, "the past two months", "DURATION", "P2M"),
        ("Three days later the convoy left.", WED, "Three days", "DURATION", "P3D"),
        ("The shelling lasted 5 1/2 hours.", WED, "5 1/2 hours", "DURATION", "PT5H30M"),
        ("Convoys leave every week.", WED, "every week", "SET", "P1W"),
        ("Markets open every Wednesday.", WED, "every Wednesday", "SET", "XXXX-WXX-3"),
        ("The ministry reports losses daily.", WED, "daily", "SET", "P1D"),
        # reference words
        ("Experts are now working to identify them.", WED, "now", "DATE", "PRESENT_REF"),
        ("The plant is currently offline.", WED, "currently", "DATE", "PRESENT_REF"),
        ("The mayor recently resigned.", WED, "recently", "DATE", "PAST_REF"),
        ("Talks may resume in the future.", WED, "the future", "DATE", "FUTURE_REF"),
        ("Shelling intensified in the winter.", WED, "the winter", "DATE", "2024-WI"),
        ("Energy will be scarce in the winter.", WED, "the winter", "DATE", "2025-WI"),
        ("They will appeal Wednesday's ruling.", dt.date(2025, 6, 10), "Wednesday", "DATE", "2025-06-04"),
        ("Exports bring in $5 million a year.", WED, "a year", "SET", "P1Y"),
        ("The crisis lasted a couple of years.", WED, "a couple of years", "DURATION", "P2Y"),
        ("Sales fell, compared with a year earlier, in the quarter.", WED, "a year earlier", "DATE", "2024-Q1"),
        ("Output fell in Q3 2024.", WED, "Q3 2024", "DATE", "2024-Q3"),
        ("He leaves at 4 in the morning.", WED, "4 in the morning", "TIME", "2025-06-11T04:00"),
        ("Elections are held every two years.", WED, "every two years", "SET", "P2Y"),
        ("Counterattacks came in the fall.", WED, "the fall", "DATE", "2024-FA"),
        # without a dateline, anchored values stay underspecified
        ("Ukraine announced on Wednesday that bodies were returned.", None, "Wednesday", "DATE", "XXXX-WXX-3"),
        ("The exchange happened on 11 June.", None, "11 June", "DATE", "XXXX-06-11"),
        ("An agreement was reached last week.", None, "last week", "DATE", "XXXX-WXX"),
        ("Kyiv was different in the 1990s.", None, "the 1990s", "DATE", "199"),
    ],
)
def test_phrase_value(sentence, dct, phrase, type_, value):
    t = _find(sentence, dct, phrase)
    assert (t.type, t.value) == (type_, value)
    assert sentence[t.start : t.end] == phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia may attack again, officials warned.",
        "More than 2,000 soldiers and 1,212 bodies were counted.",
        "The drone cost $1990 to build.",
        "The march through the city was peaceful.",
        "The 6-year-old boy and his 44-year-old father.",
        "Athletes flew to the Winter Olympics.",
        "Three-quarters of the city lost power.",
        "After the fall of Kabul the embassy closed.",
        'The senator told ABC\'s "This Week" that talks stalled.',
        "Nineteen soldiers and two thousand civilians were evacuated.",
        "The ministry cut its long-term debt and three quarters of the staff.",
        "The minister spoke to USA Today about the war.",
    ],
)
def test_no_expression(sentence):
    assert find_time_expressions(sentence, dct=WED) == []


def test_extent_excludes_preposition():
    text = "Ukraine announced on Wednesday that it happened since Saturday."
    found = {t.text for t in find_time_expressions(text, dct=WED)}
    assert found == {"Wednesday", "Saturday"}


def test_seed_expressions(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    got = {(t.text, t.value) for t in find_time_expressions(text, dct=WED)}
    for pair in [
        ("Wednesday", "2025-06-11"),
        ("overnight on Wednesday", "2025-06-11TNI"),
        ("last week", "2025-W23"),
        ("Saturday", "2025-06-07"),
        ("earlier this week", "2025-W24"),
    ]:
        assert pair in got, (pair, sorted(got))


def test_frame_columns_gaps_and_nat():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": ["Officials met on Monday and again last week.", "Officials met on Monday."],
            "published": pd.to_datetime(["2025-06-11", None], utc=True),
        }
    )
    out = time_expressions(frame)
    assert list(out.columns[: len(schema.columns("time_expressions"))]) == schema.columns("time_expressions")
    a = out[out.doc_id == "a"].set_index("text")
    assert a.loc["Monday", "gap_days"] == 2
    assert a.loc["Monday", "anchor"] == "dateline"
    assert a.loc["Monday", "resolved_start"] == pd.Timestamp("2025-06-09", tz="UTC")
    assert a.loc["last week", "gap_days"] == 3  # the nearest day of 2025-W23 is Sunday 8 June
    b = out[out.doc_id == "b"].iloc[0]
    assert b["value"] == "XXXX-WXX-1" and pd.isna(b["gap_days"]) and pd.isna(b["resolved_start"])
    assert b["anchor"] == "none"


def test_missing_columns_raise():
    with pytest.raises(KeyError, match="published"):
        time_expressions(pd.DataFrame({"doc_id": ["a"], "text": ["today"]}))


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2025-06-11", "2025-06-11", "2025-06-12"),
        ("2025-W24", "2025-06-09", "2025-06-16"),
        ("2025-W23-WE", "2025-06-07", "2025-06-09"),
        ("2025-06", "2025-06-01", "2025-07-01"),
        ("2025-Q2", "2025-04-01", "2025-07-01"),
        ("199", "1990-01-01", "2000-01-01"),
        ("2025", "2025-01-01", "2026-01-01"),
    ],
)
def test_value_interval(value, start, end):
    s, e = value_interval(value)
    assert (s.date().isoformat(), e.date().isoformat()) == (start, end)


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF", "XXXX-WXX-3"])
def test_value_interval_none(value):
    assert value_interval(value) is None


NOV = dt.date(2025, 11, 5)  # a financial-results dateline, after the close of the third quarter

#: rule classes added for the TBAQ error analysis (TimeML 1.2.1 / TempEval-3 conventions)
RULE_CASES = [
    # financial reports: "a year earlier", "the latest quarter", "the 2024 period" refer to the
    # (closed) quarter the report is about, not to the dateline's quarter
    ("Acme earned $5 million in the second quarter, up from $4 million a year earlier.",
     dt.date(2025, 11, 5), "a year earlier", "DATE", "2024-Q2"),
    ("Acme lost money in the second quarter. The latest quarter included a charge.",
     NOV, "The latest quarter", "DATE", "2025-Q2"),
    ("Acme lost money in the second quarter. This quarter's loss included a charge.",
     NOV, "This quarter", "DATE", "2025-Q2"),
    ("Acme lost money in the second quarter. In the 2024 period it earned $1 million.",
     NOV, "the 2024 period", "DATE", "2024-Q2"),
    ("Acme will take a fourth-quarter charge. The latest quarter was weak.",
     NOV, "The latest quarter", "DATE", "2025-Q3"),
    ("Net rose in the first nine months. In the year-earlier period net was flat.",
     NOV, "the year-earlier period", "DURATION", "P9M"),
    ("Net for the year-earlier nine months included a gain.", NOV, "the year-earlier nine months",
     "DURATION", "P9M"),
    ("Acme lost money in the third quarter. For the quarter a year ago it earned $1.",
     NOV, "the quarter a year ago", "DATE", "2024-Q3"),
    ("Acme lost money in the third quarter. The year-ago results were restated.", NOV,
     "year-ago", "DATE", "2024-Q3"),
    ("Sales rose from $2 million for the corresponding period last year.", NOV,
     "the corresponding period last year", "DATE", "2024-Q3"),
    # "the (fiscal) year": the year itself, unless it is a span ("ended June 30", "throughout")
    ("For the year, volume was flat.", NOV, "the year", "DATE", "2025"),
    ("Earnings will be lower for the fiscal year.", NOV, "the fiscal year", "DATE", "2025"),
    ("Revenue for the year ended June 30 rose.", NOV, "the year", "DURATION", "P1Y"),
    ("Profits should grow throughout the fiscal year.", NOV, "the fiscal year", "DURATION", "P1Y"),
    # years spelled out (broadcast transcripts)
    ("In nineteen ninety-one the union collapsed.", WED, "nineteen ninety-one", "DATE", "1991"),
    ("January nineteen ninety-seven. A bomb exploded.", WED, "January nineteen ninety-seven",
     "DATE", "1997-01"),
    ("Prices last fell in the winter of nineteen ninety-four.", WED,
     "the winter of nineteen ninety-four", "DATE", "1994-WI"),
    ("A promise to halve unemployment by the year two thousand.", WED, "the year two thousand",
     "DATE", "2000"),
    # "recent weeks", "the coming months": an unspecified number of units (TempEval-3 / HeidelTime)
    ("Fighting intensified in recent weeks.", WED, "recent weeks", "DURATION", "PXW"),
    ("Kidnappings rose in recent years.", WED, "recent years", "DATE", "PAST_REF"),
    ("Prices will rise in the coming months.", WED, "coming months", "DURATION", "PXM"),
    # tense: "effective <date>" announces a change ahead; an -ed adjective is no past cue
    ("The union signed a new pact effective Feb. 1.", dt.date(2025, 10, 26), "Feb. 1", "DATE",
     "2026-02-01"),
    ("The split would be paid on a still unspecified date in January.", dt.date(2025, 10, 26),
     "January", "DATE", "2026-01"),
    ("The plant was attacked in January.", dt.date(2025, 10, 26), "January", "DATE", "2025-01"),
    # vague future and spans: "the near term", "the weeks ahead", "several quarters of losses"
    ("Risks remain in the near term.", WED, "the near term", "DATE", "FUTURE_REF"),
    ("Ties will grow over the long-term.", WED, "the long-term", "DATE", "FUTURE_REF"),
    ("Prices may fall in the weeks ahead.", WED, "the weeks ahead", "DURATION", "PXW"),
    ("It recovered after several quarters of losses.", WED, "several quarters", "DURATION", "PXQ"),
    ("The loan was extended for an additional year.", WED, "an additional year", "DURATION", "P1Y"),
    ("By mid afternoon the sirens stopped.", WED, "mid afternoon", "TIME", "2025-06-11TAF"),
    ("Sales have been flat since the '80s.", WED, "the '80s", "DATE", "198"),
    # a plan reported as called off has no tense direction: the nearest such day
    ("A memorial planned for Saturday was canceled.", SUN, "Saturday", "DATE", "2025-06-14"),
    ("Talks scheduled for Monday were postponed.", SUN, "Monday", "DATE", "2025-06-16"),
    # "the past decade" is the span up to now (as "the past ten years"); "last decade" a date
    ("Attacks became routine over the past decade.", WED, "the past decade", "DURATION", "P10Y"),
    ("The bridge was built in the last decade.", WED, "the last decade", "DATE", "201"),
    # "last Oct. 23" is the latest such day before the dateline; a weekday fixes the year
    ("He was shot last Oct. 23 at home.", dt.date(2025, 4, 19), "last Oct. 23", "DATE", "2024-10-23"),
    ("They meet next June 1.", dt.date(2025, 4, 19), "next June 1", "DATE", "2025-06-01"),
    ("Concert in Lviv on Friday, June 6", dt.date(2025, 3, 1), "Friday, June 6", "DATE", "2025-06-06"),
    ("Concert in Lviv on June 6", dt.date(2025, 3, 1), "June 6", "DATE", "2024-06-06"),
    # a day or week named through another date
    ("He flew in the day before last Tuesday's hearing.", WED, "the day before last Tuesday",
     "DATE", "2025-06-09"),
    ("A hearing is set for the week of March 6, 2025.", WED, "the week of March 6, 2025", "DATE",
     "2025-W10"),
    # verbs of intention point ahead; a past plan ("had been due to") points back
    ("Kyiv expects to sign the deal in February.", dt.date(2025, 10, 30), "February", "DATE",
     "2026-02"),
    ("The rules are supposed to take effect in February.", dt.date(2025, 10, 30), "February",
     "DATE", "2026-02"),
    ("The bailout is now due to end in April.", dt.date(2025, 10, 24), "April", "DATE", "2026-04"),
    ("The ceasefire had been due to expire Friday.", dt.date(2025, 6, 16), "Friday", "DATE",
     "2025-06-13"),
    # "back in June" looks back; "effective" just before a date looks ahead; a cause ("due to a
    # lack of") is no schedule; a capitalised verb in -ed still marks the past; the full stop
    # before a closing quote ends the sentence
    ("Scholz pledged to provide the system back in June.", dt.date(2025, 10, 11), "June", "DATE",
     "2025-06"),
    ("The union signed a pact, effective June 1.", dt.date(2025, 10, 26), "June 1", "DATE",
     "2026-06-01"),
    ("Troops died due to a lack of training in April.", dt.date(2025, 8, 6), "April", "DATE",
     "2025-04"),
    ("Status: Announced on March 2 it would suspend sales.", dt.date(2025, 3, 25), "March 2", "DATE",
     "2025-03-02"),
    ('"Strikes will cease." Putin on Wednesday announced a mobilisation.', dt.date(2025, 9, 26),
     "Wednesday", "DATE", "2025-09-24"),
    # a present-tense verb of a schedule points ahead ("the summit opens Monday"); a negation
    # ("did not meet") or a nearer past cue does not
    ("The two envoys meet separately Monday in Ankara.", FRI, "Monday", "DATE", "2025-06-16"),
    ("The donor conference opens Tuesday in Rome.", FRI, "Tuesday", "DATE", "2025-06-17"),
    ("The grain corridor mandate expires Sunday.", WED, "Sunday", "DATE", "2025-06-15"),
    ("The envoy flew in to meet officials Tuesday.", WED, "Tuesday", "DATE", "2025-06-10"),
    ("The delegations did not meet Monday as planned.", WED, "Monday", "DATE", "2025-06-09"),
    ("The council met Monday and approved the plan.", WED, "Monday", "DATE", "2025-06-09"),
    # a date moved ("postponed until", "extended to") lies ahead of the report
    ("The court postponed until Tuesday any ruling on bail.", WED, "Tuesday", "DATE", "2025-06-17"),
    ("The hearing was adjourned until Monday morning.", WED, "Monday morning", "DATE",
     "2025-06-16TMO"),
    ("The exemption was extended through January.", dt.date(2025, 10, 30), "January", "DATE",
     "2026-01"),
    # ... but not a present-tense verb after the date, in another clause
    ("Fighting that halted play in February ends as the season starts Tuesday.",
     dt.date(2025, 8, 20), "February", "DATE", "2025-02"),
    # a date after a weekday and its part of day names that day ("Friday night, Aug. 12")
    ("A convoy arrives in Zaporizhzhia, Friday night, June 6, 2025. (Photo)", WED, "Friday night",
     "DATE", "2025-06-06TNI"),
    ("Shelling resumed on Saturday morning, May 31.", WED, "Saturday morning", "DATE",
     "2025-05-31TMO"),
    # "that year", "two years later" count from a year written on its own, when it is the last
    # date mentioned
    ("Crimea was annexed in 2014. Later that year, fighting began.", WED, "Later that year",
     "DATE", "2014"),
    ("Exports reached $3 million in 2021, a small share of the total that year.", WED,
     "that year", "DATE", "2021"),
    ("He was elected in 2019 and, two years later, resigned.", WED, "two years later", "DATE",
     "2021"),
    ("The base opened in summer 2016. The following year it closed.", WED, "The following year",
     "DATE", "2017"),
    ("In 2016 he retired; on May 2, 2018 he died. The following year a museum opened.", WED,
     "The following year", "DATE", "2019"),
    # a reported clause ("that ... will") and a participle of saying do not pass on their tense
    ("He will not act now, saying on Monday that talks will go on.", WED, "Monday", "DATE",
     "2025-06-09"),
    ("Kyiv hit back by announcing Monday that exports would resume.", WED, "Monday", "DATE",
     "2025-06-09"),
    ("Kyiv urged vigilance, saying Moscow could strike ahead of Wednesday, the anniversary.",
     dt.date(2025, 6, 9), "Wednesday", "DATE", "2025-06-11"),
    # a date that opens a sentence takes no tense from the sentence before; a verb in -ed after
    # the relative "that" is past; "the last" after the date is no past cue
    ("Talks were going to help. Monday night, he told reporters they failed.", WED,
     "Monday night", "DATE", "2025-06-09TNI"),
    ("It will get worse. Thursday, officials said 20 people died.", dt.date(2025, 6, 13),
     "Thursday", "DATE", "2025-06-12"),
    ("The war that began on February 24 goes on.", dt.date(2025, 10, 20), "February 24", "DATE",
     "2025-02-24"),
    ("Ships that left Odesa on Sunday will dock soon.", WED, "Sunday", "DATE", "2025-06-08"),
    ("A strike is due to start soon. Friday is set to be the last day of talks.", WED, "Friday",
     "DATE", "2025-06-13"),
    # a second day of the same month is a TIMEX3 of its own ("April 24 and 25"), and a year
    # written after it dates both; a count after "and" is not a day
    ("The summit is set for June 24 and 25.", WED, "25", "DATE", "2025-06-25"),
    ("Strikes hit the port on May 7 or 8.", WED, "8", "DATE", "2025-05-08"),
    ("The coup lasted from August 18 to 21, 1991.", WED, "August 18", "DATE", "1991-08-18"),
    ("The coup lasted from August 18 to 21, 1991.", WED, "21, 1991", "DATE", "1991-08-21"),
    # Ukraine's Independence Day (August 24) when the country is named; another's is left out
    ("Strikes are feared before Ukraine's Independence Day.", dt.date(2025, 8, 20),
     "Independence Day", "DATE", "2025-08-24"),
    ("Parades marked the Independence Day of Ukraine.", dt.date(2025, 8, 26), "Independence Day",
     "DATE", "2025-08-24"),
    # "last <month>" for the month just gone is the one a year earlier (that one is "last month")
    ("Prices are up 20% since last May.", WED, "last May", "DATE", "2024-05"),
    ("Two helicopters crashed last April.", WED, "last April", "DATE", "2025-04"),
    ("The talks began last June.", WED, "last June", "DATE", "2024-06"),
    # a span of days with the month written once is dated by its first day
    ("Talks were held on 9-10 June in Geneva.", WED, "9-10 June", "DATE", "2025-06-09"),
    ("Leaders meet at the June 24-25 summit.", WED, "June 24-25", "DATE", "2025-06-24"),
    ("On Sept. 29-30, 1941, the massacre took place.", WED, "Sept. 29-30, 1941", "DATE",
     "1941-09-29"),
    ("Votes were held on 23-27 September 2022.", WED, "23-27 September 2022", "DATE",
     "2022-09-23"),
    # a prenominal duration without a number ("a months-long siege"); the article belongs to
    # the head noun
    ("Kyiv endured a months-long siege.", WED, "months-long", "DURATION", "PXM"),
    ("It ended a decades-long dispute.", WED, "decades-long", "DURATION", "PXY"),
    ("They held a day-long meeting.", WED, "day-long", "DURATION", "P1D"),
    ("He reported on the eight-year-long war.", WED, "eight-year-long", "DURATION", "P8Y"),
    # an adjective between number and unit stays in the duration
    ("The region endured eight long years of shelling.", WED, "eight long years", "DURATION",
     "P8Y"),
    ("The siege lasted two full weeks.", WED, "two full weeks", "DURATION", "P2W"),
    ("They waited a whole year for news.", WED, "a whole year", "DURATION", "P1Y"),
    # movable holidays get their computed calendar date (Easter by the computus; US holidays
    # by weekday rules); "Easter week" is the ISO week of Easter Sunday
    ("A truce was declared for Easter.", WED, "Easter", "DATE", "2025-04-20"),
    ("Churches were shelled on Orthodox Easter 2021.", WED, "Orthodox Easter 2021", "DATE",
     "2021-05-02"),
    # the Julian calendar lagged 12 days in the 1800s (13 since 1900)
    ("Riots began after Orthodox Easter 1881.", WED, "Orthodox Easter 1881", "DATE",
     "1881-04-24"),
    ("Pilgrims gathered as Easter week began.", dt.date(2000, 4, 17), "Easter week", "DATE",
     "2000-W16"),
    ("Shops were shut on Good Friday.", dt.date(2024, 4, 2), "Good Friday", "DATE",
     "2024-03-29"),
    ("The parade was held on Memorial Day.", WED, "Memorial Day", "DATE", "2025-05-26"),
    ("The senator campaigned until Election Day.", dt.date(2024, 11, 8), "Election Day", "DATE",
     "2024-11-05"),
    ("Talks resumed after Labor Day.", dt.date(2023, 9, 20), "Labor Day", "DATE", "2023-09-04"),
    ("Unions rallied on International Labor Day.", dt.date(2023, 9, 20),
     "International Labor Day", "DATE", "2023-05-01"),
    ("Workers marched on Labour Day.", WED, "Labour Day", "DATE", "2025-05-01"),
    ("The shop was busy before Mother's Day.", WED, "Mother's Day", "DATE", "2025-05-11"),
    # a curly apostrophe reads like a straight one
    ("Flowers sold out before Mother\u2019s Day.", WED, "Mother\u2019s Day", "DATE",
     "2025-05-11"),
    ("The bars closed early on New Year\u2019s Eve.", WED, "New Year\u2019s Eve", "DATE",
     "2024-12-31"),
    # "one day" after a modal is an indefinite future (TimeML FUTURE_REF), else a duration
    ("Refugees say they will one day go home.", WED, "one day", "DATE", "FUTURE_REF"),
    ("She hopes one day to rebuild the school.", WED, "one day", "DATE", "FUTURE_REF"),
    ("The bridge was closed for one day.", WED, "one day", "DURATION", "P1D"),
    ("In May one day before the vote, talks failed.", WED, "one day", "DURATION", "P1D"),
]

#: "daily", "weekly" as a noun (a periodical) is no time expression; adjective and adverb are a SET
DAILY_CASES = [
    ("The Italian daily Corriere della Sera ran the interview.", None),
    ("He told the business daily Kommersant on Monday.", None),
    ("Russian daily Izvestia said the talks failed.", None),
    ("He wrote in the German weekly Der Spiegel.", None),
    ("She told The Daily Beast on Friday.", None),
    ("Daily Russian losses rose.", "P1D"),
    ("The Lviv daily newspaper reported queues.", None),
    ("Officials hold a daily briefing at noon.", "P1D"),
    ("Shelling hit the town daily.", "P1D"),
    ("He spoke at the daily White House press briefing.", "P1D"),
]


@pytest.mark.parametrize(("sentence", "value"), DAILY_CASES)
def test_daily_newspaper(sentence, value):
    found = [t for t in find_time_expressions(sentence, dct=WED)
             if t.text.lower() in ("daily", "weekly")]
    assert [t.value for t in found] == ([value] if value else [])


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The minister told BBC Radio 4's Today programme it was hard.", []),
        ("She said on the Today show that aid was coming.", []),
        ("Today, the convoy reached the city.", ["Today"]),
        ("Two died on March 3 and 4 others were hurt.", ["March 3"]),
        ("Prices rose on May 5 and 6 percent later.", ["May 5"]),
        ("He gave an Independence Day speech in Minsk.", []),
        # place and event names and lower-case "easter" are no Easter Sunday
        ("The ship sailed on to Easter Island.", []),
        ("The 1916 Easter Rising is taught in schools.", ["1916"]),
        ("The game hides an easter egg for fans.", []),
        # generic "today" (nowadays) before a generic noun names no day; a specific one does
        ("Drones are central to today's warfare.", []),
        ("Few of today's young voters remember the Soviet era.", []),
        ("Tomorrow's armies will rely on cheap drones.", []),
        ("Today's meeting in Geneva was cancelled.", ["Today"]),
        ("The good news is that labor unions backed the election.", []),
        ("He said tomorrow's talks would go ahead.", ["tomorrow"]),
    ],
)
def test_names_and_counts_are_no_dates(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(("sentence", "dct", "phrase", "type_", "value"), RULE_CASES)
def test_rule_classes(sentence, dct, phrase, type_, value):
    t = _find(sentence, dct, phrase)
    assert (t.type, t.value) == (type_, value)
    assert sentence[t.start : t.end] == phrase


_TINY_TML = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-06-11"
functionInDocument="CREATION_TIME">2025-06-11</TIMEX3></DCT>
<TEXT>Talks ended on <TIMEX3 tid="t1" type="DATE" value="2025-06-09">Monday</TIMEX3>.</TEXT></TimeML>
"""


@pytest.mark.parametrize(("half", "kept"), [(None, ["a1", "a2", "a3", "b1", "b2"]),
                                            ("even", ["a1", "a3", "b1"]), ("odd", ["a2", "b2"])])
def test_scorer_halves(tmp_path, half, kept):
    """The scorer's study/check halves: every other document of each part, in file-name order."""
    from toolkit.evaluate.timeml import load_folder

    for name in ("a3", "a1", "a2", "b2", "b1"):
        part = tmp_path / name[0].upper()
        part.mkdir(exist_ok=True)
        (part / f"{name}.tml").write_text(_TINY_TML, encoding="utf-8")
    assert [d.doc_id for d in load_folder([tmp_path], half=half)] == kept


@pytest.mark.parametrize("dct", [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 1, 1)])
def test_dateline_outside_the_calendar_range_is_a_clear_error(dct):
    with pytest.raises(ValueError, match="outside the supported range"):
        find_time_expressions("Next year, and last week.", dct=dct)


#: tense cues of English grammar that pick the week of a bare weekday or the year of a bare month
#: (dateline Monday 16 June 2025): an irregular past participle in a reduced relative is past, a
#: present perfect or passive is no cue, the futurate progressive close before the date looks ahead
MON = dt.date(2025, 6, 16)
TENSE_CASES = [
    ("Parliament will debate the decree taken Friday, which raised tariffs.", MON, "Friday", "2025-06-13"),
    ("Lawmakers will discuss the speech given Thursday by the minister.", MON, "Thursday", "2025-06-12"),
    ("The ministry has given the firm until Wednesday to answer.", MON, "Wednesday", "2025-06-18"),
    ("She’s given the firm until Wednesday to answer.", MON, "Wednesday", "2025-06-18"),
    ("She's given the firm until Wednesday to answer.", MON, "Wednesday", "2025-06-18"),
    ("The senator, who's speaking at a rally on Saturday, said little.", MON, "Saturday", "2025-06-21"),
    ("The mayor is travelling to Odesa on Thursday, aides said.", MON, "Thursday", "2025-06-19"),
    ("The governor, who is running for reelection in August, spoke.", MON, "August", "2025-08"),
    ("The firm is continuing to try to sell its plant under a May agreement.", MON, "May", "2025-05"),
    ("The envoy, who’s flying to Warsaw on Thursday, declined to comment.", MON, "Thursday", "2025-06-19"),
    ("Kyiv's meeting with donors on Friday raised funds.", MON, "Friday", "2025-06-13"),
    # an ongoing activity is no arrangement: its date is the past event it works on
    ("Police are investigating a shooting on Saturday near the station.", MON, "Saturday", "2025-06-14"),
    ("Experts are studying the footage from Friday.", MON, "Friday", "2025-06-13"),
    ("The minister is visiting Kharkiv on Thursday.", MON, "Thursday", "2025-06-19"),
    # a linking verb before an -ed adjective is no past tense; a capitalised -ed verb is one
    ("Banks will remain closed until Tuesday.", MON, "Tuesday", "2025-06-17"),
    ("The border remained closed until Thursday.", MON, "Thursday", "2025-06-12"),
    ("Asked Friday if he would resign, the minister laughed.", MON, "Friday", "2025-06-13"),
    ("The envoy will meet Jared on Friday.", MON, "Friday", "2025-06-20"),
    # a passive in the present is no past tense: the clause's "will" decides
    ("Bills will rise when the cap is updated again in January.", MON, "January", "2026-01"),
    ("Once the list is approved on Wednesday, the bank will lose access.", MON, "Wednesday",
     "2025-06-18"),
    ("The list was approved on Wednesday.", MON, "Wednesday", "2025-06-11"),
    # "ahead of" right before a date: it is still to come
    ("Prices hurt his hopes ahead of an October vote.", MON, "October", "2025-10"),
    ("Governors cut fuel taxes ahead of the summer.", dt.date(2025, 2, 9), "the summer", "2025-SU"),
    ("The clash unfolded ahead of a Thursday meeting.", MON, "Thursday", "2025-06-19"),
    ("He misled them ahead of the president's July trip.", dt.date(2025, 10, 26), "July", "2025-07"),
    # a season that starts after the dateline's month: the coming one unless the clause is past
    ("Power is necessary, especially during the winter.", dt.date(2025, 8, 19), "the winter", "2025-WI"),
    ("Governments prepare for the winter.", dt.date(2025, 6, 18), "the winter", "2025-WI"),
    ("Gas storage was emptied over the winter.", dt.date(2025, 6, 2), "the winter", "2024-WI"),
    ("The offensive stalled in the fall.", dt.date(2025, 8, 19), "the fall", "2024-FA"),
    # a season without article after a preposition; a deadline season already past is next year's
    ("The offensive began in early autumn.", dt.date(2025, 10, 24), "early autumn", "2025-FA"),
    ("Talks will resume in spring.", dt.date(2025, 8, 2), "spring", "2026-SP"),
    ("Refugees were urged not to return home before spring.", dt.date(2025, 10, 29), "spring", "2026-SP"),
    ("Europe is heading into winter.", dt.date(2025, 10, 29), "winter", "2025-WI"),
    ("Bills could hit £6,552 by the spring.", dt.date(2025, 8, 25), "the spring", "2026-SP"),
    ("By spring, the army had retreated.", dt.date(2025, 8, 28), "spring", "2025-SP"),
    ("Peace talks have been stalled since spring.", dt.date(2025, 8, 22), "spring", "2025-SP"),
    ("A settlement in the spring would have left Kyiv weak.", dt.date(2025, 9, 8), "the spring", "2025-SP"),
    ("The envoy will meet Mohamed on Friday.", MON, "Friday", "2025-06-20"),
]


@pytest.mark.parametrize(("sentence", "dct", "phrase", "value"), TENSE_CASES)
def test_tense_cues(sentence, dct, phrase, value):
    assert _find(sentence, dct, phrase).value == value


#: a day anaphor after a date that names only a month: the day is unknown, not the 1st (TimeML
#: leaves unknown parts unspecified); after a full date the day is counted from it
ANAPHOR_CASES = [
    ("Talks opened in March. Later that day, the envoys left.", MON, "Later that day", "DATE", "2025-03-XX"),
    ("The convoy left in April. That evening it reached Lviv.", MON, "That evening", "TIME", "2025-04-XXTEV"),
    ("Talks opened in March. The next day, the envoys left.", MON, "The next day", "DATE", "2025-03-XX"),
    ("Talks opened on March 4. The next day, the envoys left.", MON, "The next day", "DATE", "2025-03-05"),
    ("Talks opened in March. The next month, the envoys left.", MON, "The next month", "DATE", "2025-04"),
]


@pytest.mark.parametrize(("sentence", "dct", "phrase", "type_", "value"), ANAPHOR_CASES)
def test_day_anaphor_after_a_month(sentence, dct, phrase, type_, value):
    found = _find(sentence, dct, phrase)
    assert (found.type, found.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("The depot was hit at 10:30 local time (07:30 GMT) on Friday.", "07:30 GMT", "2025-06-13T07:30"),
        ("The ban starts at midnight on Saturday (22:00 GMT).", "22:00 GMT", "2025-06-14T22:00"),
        ("Talks will start at 14:00 (Kyiv time) on Monday.", "14:00 (Kyiv time) on Monday", "2025-06-16T14:00"),
    ],
)
def test_clock_in_brackets_keeps_the_bracket_outside(sentence, phrase, value):
    """A time zone is in the extent with both its brackets or with none: "(07:30 GMT)"."""
    assert _find(sentence, FRI, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Watch the debate from the 4:12 mark of the recording below.", []),
        ("See the clip above, starting at 2:40, where she answers.", []),
        ("Watch his answer from the 6:05 point in the video.", []),
        ("The curfew, starting at 22:00, ends at dawn.", ["22:00"]),  # no recording named
        ("The video shows the blast at 14:30.", ["14:30"]),  # a time the video shows
        ("The clip shows the strike. The curfew starts at 22:00.", ["22:00"]),  # other sentence
        ("Footage shows shelling starting at 05:30 near the port.", ["05:30"]),  # a clock's hour
        ("The video, which begins at 0:45, shows the blast.", []),
    ],
)
def test_position_in_a_recording_is_no_time(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=FRI)] == found


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_"),
    [
        ("No meeting was held until March 3, a week after the report came out.", "a week", "DURATION"),
        ("Exports rose to 12% from 9% a month earlier.", "a month", "DURATION"),
        ("The firm pays $40 million a year in rent.", "a year", "SET"),  # a rate stays a SET
        ("The cap rises to 3,500 euros a year from October.", "a year", "SET"),
    ],
)
def test_a_unit_before_after_or_earlier_is_no_rate(sentence, phrase, type_):
    assert _find(sentence, FRI, phrase).type == type_


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("She told The Evening Tonight on BBC Radio 4 that she would stay.", []),
        ("He spoke on “Ukraine Tonight” about the talks.", []),
        ("She said so in an interview with “NBC This Morning” aired later.", []),
        ("The study appeared in the journal Current Zoology this spring.", ["this spring"]),
        ("Tonight, air raid sirens sounded again.", ["Tonight"]),  # a sentence start is no name
        ("Current prices are high, the minister said.", ["Current"]),
        ("Officials told reporters This Morning that the road was open.", ["This Morning"]),
    ],
)
def test_programme_and_journal_titles_are_no_dates(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=FRI)] == found


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_", "value"),
    [
        ("The siege lasted twenty-five years.", "twenty-five years", "DURATION", "P25Y"),
        ("The bridge opened in 1980. Thirty-two years later, it fell.", "Thirty-two years later", "DATE", "2012"),
        ("Sixty-one years ago, the dam burst.", "Sixty-one years ago", "DATE", "1964"),
        ("The talks took thirty-one days.", "thirty-one days", "DURATION", "P31D"),
    ],
)
def test_hyphenated_number_words(sentence, phrase, type_, value):
    found = _find(sentence, FRI, phrase)
    assert (found.type, found.value) == (type_, value)


def test_a_number_range_is_no_sum():
    assert all(t.value != "P5W" for t in find_time_expressions("It may take two-three weeks.", dct=FRI))


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("Sirens sounded at 4.20am on Thursday.", "4.20am on Thursday", "2025-06-12T04:20"),
        ("The shelling went on from 9.30 p.m. until dawn.", "9.30 p.m.", "2025-06-13T21:30"),
        ("The strike came around 5.10pm local time.", "5.10pm local time", "2025-06-13T17:10"),
        ("Inflation rose 10.30 percent.", None, None),  # a decimal number, no clock
        # a bare clock after a date that names only a month: the day is not known
        ("The talks were held in May. They began at 9 a.m. sharp.", "9 a.m.", "2025-05-XXT09:00"),
        ("The talks were held on May 3. They began at 9 a.m. sharp.", "9 a.m.", "2025-05-03T09:00"),
    ],
)
def test_clock_with_a_point_and_day_unknown(sentence, phrase, value):
    if phrase is None:
        assert find_time_expressions(sentence, dct=FRI) == []
    else:
        assert _find(sentence, FRI, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("Sirens sounded at 03:15 on 9 May, she said.", "03:15 on 9 May", "2025-05-09T03:15"),
        ("At 6pm on 3 June 2024, the ship sank.", "6pm on 3 June 2024", "2024-06-03T18:00"),
        ("Our letter goes out at 7am BST On 31 May the channel said more.", "7am BST", "2025-06-13T07:00"),
    ],
)
def test_clock_before_day_month(sentence, phrase, value):
    assert _find(sentence, FRI, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("Sirens sounded at 03:15 on 9 May, she said.", "03:15 on 9 May", "XXXX-05-09T03:15"),
        ("The polls close at 8 p.m. on June 3.", "8 p.m. on June 3", "XXXX-06-03T20:00"),
        ("At 6pm on 3 June 2024, the ship sank.", "6pm on 3 June 2024", "2024-06-03T18:00"),
        ("The polls close at 8 p.m. on February 30.", "8 p.m. on February 30", "XXXX-XX-XXT20:00"),
    ],
)
def test_clock_with_a_date_but_no_dateline_keeps_month_and_day(sentence, phrase, value):
    """Without a dateline (``published`` NaT) only the year of "at 8 p.m. on June 3" is
    unknown: TimeML leaves just that part unspecified."""
    assert _find(sentence, None, phrase).value == value


SAT_2023 = dt.date(2023, 2, 25)  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # clock + "on" + weekday + date: one TIME, dated by the written date
        ("The council sat at 10.30am on Friday 24 February 2023 in Lviv.",
         "10.30am on Friday 24 February 2023", "2023-02-24T10:30"),
        ("The ferry left at 9:15 on Friday 24 February.", "9:15 on Friday 24 February",
         "2023-02-24T09:15"),
        ("Flights resumed at 6 a.m. on Thursday, Feb. 16.", "6 a.m. on Thursday, Feb. 16",
         "2023-02-16T06:00"),
        # the weekday fixes the year when the date is written without one
        ("Power failed at 5 a.m. on Thursday, Feb. 24.", "5 a.m. on Thursday, Feb. 24",
         "2022-02-24T05:00"),
        ("Polls opened at 7am on Sunday, 5 March 2023.", "7am on Sunday, 5 March 2023",
         "2023-03-05T07:00"),
        ("The market closed at 4pm on the 3rd of February.", "4pm on the 3rd of February",
         "2023-02-03T16:00"),
        ("The bridge reopened at 10:30 on Friday.", "10:30 on Friday", "2023-02-24T10:30"),
        # date (weekday) + "at" + clock
        ("The show airs on Monday 27 February at 20:30 on radio.", "Monday 27 February at 20:30",
         "2023-02-27T20:30"),
        ("The hearing was set for March 2 at 2:30 p.m. local time.",
         "March 2 at 2:30 p.m. local time", "2023-03-02T14:30"),
        ("A photo posted on Jan 9, 2021 at 6:10pm PST drew replies.", "Jan 9, 2021 at 6:10pm PST",
         "2021-01-09T18:10"),
        ("The vote closed on Friday at 10:30.", "Friday at 10:30", "2023-02-24T10:30"),
    ],
)
def test_clock_on_weekday_and_date_is_one_time(sentence, phrase, value):
    t = _find(sentence, SAT_2023, phrase)
    assert (t.type, t.value) == ("TIME", value)


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        # a day that starts a new sentence, heading or line is no part of the clock before it
        ("Sign up for the digest at 7am GMT On Friday the mayor spoke.", "7am GMT", "Friday"),
        ("Bulletins go out at 8am\nOn Friday, the mayor spoke.", "8am", "Friday"),
        ("Doors open at 18:00\nFriday 3 March: the second night.", "18:00", "Friday 3 March"),
    ],
)
def test_clock_is_not_merged_across_a_break(sentence, first, second):
    found = [t.text for t in find_time_expressions(sentence, dct=SAT_2023)]
    assert found == [first, second]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a weekday inside the name of a newspaper, programme or song is no TIMEX3
        ("The minister wrote in The Mail on Sunday that prices would fall.", []),
        ("A source told the Sunday Times the plan was dead.", []),
        ("She told The Sunday Telegraph about the deal.", []),
        ("He said so in an interview on Fox News Sunday.", []),
        ("The band closed with Sunday Bloody Sunday.", []),
        ("He hosted Saturday Night Live in March.", ["March"]),
        ("She told the BBC's Sunday Morning programme she would stay.", []),
        # a holiday in the name of a treaty is no date
        ("He said the plan would undermine the Good Friday Agreement.", []),
        ("The Good Friday agreement was signed in 1998.", ["1998"]),
        # "the fall in prices" is a decline, not autumn
        ("The fall in Ukraine's grain exports is a concern.", []),
        ("The offensive stalled in the fall in Kherson.", ["the fall"]),
        ("He was dressed in winter clothes.", []),
        ("Prices were boosted by summer motoring demand.", []),
        ("Churches were full on Good Friday.", ["Good Friday"]),
        # ... but a weekday after a broadcaster or paper is a date
        ("He told Fox News Friday that talks had failed.", ["Friday"]),
        ("The Sunday rally drew thousands.", ["Sunday"]),
        ("The mail on Sunday was late.", ["Sunday"]),
    ],
)
def test_weekday_inside_a_name_is_no_date(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=FRI)] == found


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # a month or date with a relative year is one DATE, dated by that year
        ("The embassy reopened in April of last year.", FRI, "April of last year", "2024-04"),
        ("The bridge was hit on May 2 last year.", FRI, "May 2 last year", "2024-05-02"),
        ("Exports fell on 3 March this year.", FRI, "3 March this year", "2025-03-03"),
        ("The deal runs to January 31 of next year.", FRI, "January 31 of next year", "2026-01-31"),
        ("The fund closes in October this year.", FRI, "October this year", "2025-10"),
        # "that year", "the following year" count from the year last written
        ("The port was built in 1998, and in May of that year it opened.", FRI,
         "May of that year", "1998-05"),
        ("The treaty was signed in 1975. In March the following year, troops left.", FRI,
         "March the following year", "1976-03"),
        ("He moved in 2009; by June the same year he had a job.", FRI, "June the same year",
         "2009-06"),
        # without a dateline only what the dateline gives is unknown
        ("The embassy reopened in April of last year.", None, "April of last year", "XXXX-04"),
        ("The bridge was hit on May 2 last year.", None, "May 2 last year", "XXXX-05-02"),
    ],
)
def test_month_or_date_with_a_relative_year(sentence, dct, phrase, value):
    t = _find(sentence, dct, phrase)
    assert (t.type, t.value) == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_", "value"),
    [
        # a weekday in a named week is one date in that week (FRI = Friday 2025-06-13)
        ("On Friday last week, the ambassador spoke.", "Friday last week", "DATE", "2025-06-06"),
        ("Putin announced the shift on Monday of last week.", "Monday of last week", "DATE",
         "2025-06-02"),
        ("The votes run until Tuesday next week.", "Tuesday next week", "DATE", "2025-06-17"),
        ("On Monday of this week, the minister resigned.", "Monday of this week", "DATE", "2025-06-09"),
        # ... but a possessive week starts another phrase
        ("He resigned on Wednesday, next week's talks will go ahead.", "Wednesday", "DATE",
         "2025-06-11"),
        # "within the next week" is a deadline counted from now, not the week after a date
        ("The strike began on 2 March. A vote is due within the next week.", "the next week",
         "DURATION", "P1W"),
        ("The strike began on 2 March. The next week, talks resumed.", "The next week", "DATE",
         "2025-W10"),
    ],
)
def test_weekday_of_a_named_week_and_within_the_next(sentence, phrase, type_, value):
    t = _find(sentence, FRI, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # reported as past, "overnight" is the night that began the day before the dateline
        ("Russian drones struck Kyiv overnight, officials said.", "overnight", "2025-06-12TNI"),
        ("Shelling continued late overnight.", "late overnight", "2025-06-12TNI"),
        ("Temperatures will drop overnight.", "overnight", "2025-06-13TNI"),
        # "overnight into Friday", "the night to Sunday": the night before the day named
        ("Drones struck Kyiv overnight into Friday.", "overnight into Friday", "2025-06-12TNI"),
        ("The strike came in the night to Sunday.", "night to Sunday", "2025-06-07TNI"),
        ("Drones attacked overnight on Wednesday.", "overnight on Wednesday", "2025-06-11TNI"),
        ("Air defences could intercept 40 drones overnight.", "overnight", "2025-06-12TNI"),
        ("Here is what happened overnight.", "overnight", "2025-06-12TNI"),
    ],
)
def test_overnight_is_the_night_before_the_dateline(sentence, phrase, value):
    assert _find(sentence, FRI, phrase).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Her life changed overnight.",
        "The nesting site was destroyed almost overnight.",
        "Europe can't cut off Russian gas overnight.",
        "Change is unlikely to happen overnight.",
        "The app was an overnight success.",
    ],
)
def test_overnight_meaning_suddenly_is_no_time(sentence):
    assert find_time_expressions(sentence, dct=FRI) == []


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # in a direct quote, "today" is the day it was said, when the attribution names it
        ("“They used the vacuum bomb today,” the ambassador told reporters on Monday.", "today",
         "2025-06-09"),
        ('"Today\'s action hits Russia," the Treasury said in a statement Tuesday.', "Today", "2025-06-10"),
        ("“My brother was killed yesterday,” she wrote on Facebook on Thursday afternoon.", "yesterday",
         "2025-06-11"),
        ("“We were to talk this morning,” Draghi told parliament on Tuesday.", "this morning",
         "2025-06-10TMO"),
        # no date of saying, a date of something else, another sentence: the dateline
        ("“We will win today,” he said.", "today", "2025-06-13"),
        ("“We asked for a meeting tomorrow,” he told TASS, adding that Saturday’s bombing was a provocation.",
         "tomorrow", "2025-06-14"),
        ("“It is the biggest threat in the world today.” Separatists said Friday that 53 died.", "today",
         "2025-06-13"),
        ("He said on Monday that the troops left today.", "today", "2025-06-13"),
        # a full stop outside the closing quote ends the sentence too (British style)
        ("“We will strike back today”. Russia attacked on Monday, officials said.", "today",
         "2025-06-13"),
        ('"We meet tomorrow". He said on Monday that the talks failed.', "tomorrow", "2025-06-14"),
    ],
)
def test_day_words_in_a_direct_quote_count_from_the_day_it_was_said(sentence, phrase, value):
    assert _find(sentence, FRI, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # two quarters are a half year; "since year-end" is the year-end already past
        ("Weak results will last through the first two quarters of 1990.",
         "the first two quarters of 1990", "1990-H1"),
        ("Sales fell in the last two quarters of 1989.", "the last two quarters of 1989", "1989-H2"),
        ("The index is up 10% since year-end.", "year-end", "1988-12-31"),
        ("Profits will rise by year-end.", "year-end", "1989-12-31"),
    ],
)
def test_half_years_and_year_end(sentence, phrase, value):
    assert _find(sentence, dt.date(1989, 10, 26), phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "nth", "value"),
    [
        # a month named again with nothing in its clause to say otherwise is the same month
        ("The three are expected to join in April. They can take part in the summit in April.",
         "April", 1, "1999-04"),
        ("Bills will top £5,000 in January. In January, the breakdown could be £2,212.", "January", 1,
         "1999-01"),
        # ... but "since" or a tense cue decides for itself
        ("KKR must repay the loan by February. Since KKR bought RJR in February, it has sold assets.",
         "February", 1, "1998-02"),
        ("KKR must repay the loan by February. KKR sold the plant in February.", "February", 1, "1998-02"),
    ],
)
def test_a_month_named_again_is_the_same_month(sentence, phrase, nth, value):
    found = [t for t in find_time_expressions(sentence, dct=dt.date(1998, 10, 30)) if t.text == phrase]
    assert found[nth].value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_", "value"),
    [
        # "last" as a verb is outside the TIMEX3; "the past years" is one expression
        ("The work is expected to last several days, he said.", "several days", "DURATION", "PXD"),
        ("Stocks are enough to last two years.", "two years", "DURATION", "P2Y"),
        ("Over the last several days, fighting raged.", "the last several days", "DURATION", "PXD"),
        ("Over the past years, Moscow has warned Finland.", "the past years", "DATE", "PAST_REF"),
        ("Fighting of the past weeks stopped food deliveries.", "the past weeks", "DATE", "PAST_REF"),
    ],
)
def test_extent_of_last_as_a_verb_and_the_past_units(sentence, phrase, type_, value):
    t = _find(sentence, FRI, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # the first clock of a range takes the day written after the second
        ("The centre is open from 09:30 BST to 16:00 BST on Thursday 12 June.", "09:30 BST",
         "2025-06-12T09:30"),
        ("Doors open from 9am to 5pm on Wednesday.", "9am", "2025-06-11T09:00"),
        # a range over midnight: the first clock is on the day before
        ("The curfew runs from 10pm to 6am on Wednesday.", "10pm", "2025-06-10T22:00"),
        ("The curfew runs from 10pm to 6am on Friday.", "10pm", "2025-06-12T22:00"),
        # a clock written with a point is no date of its own
        ("Polls are open from 10.30am to 4pm on Wednesday 11 June.", "10.30am", "2025-06-11T10:30"),
        # a list is no range: each clock keeps its own day
        ("It airs on Sunday at 05:30 and 16:30 GMT and Monday at 16:30 GMT.", "16:30 GMT", "2025-06-15T16:30"),
    ],
)
def test_first_clock_of_a_range_takes_the_day_after_it(sentence, phrase, value):
    assert _find(sentence, FRI, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "type_", "value"),
    [
        # 29 February without a year: the latest leap year, not lost in a common year
        ("The strike hit on 29 February.", dt.date(2025, 3, 3), "29 February", "DATE", "2024-02-29"),
        ("The strike hit at 10am on 29 February.", dt.date(2025, 3, 3), "10am on 29 February", "TIME",
         "2024-02-29T10:00"),
        ("The strike hit on Feb. 29.", dt.date(2024, 3, 3), "Feb. 29", "DATE", "2024-02-29"),
        ("The talks resume on 29 February.", dt.date(2028, 1, 10), "29 February", "DATE", "2028-02-29"),
        # a month-day naming a past event is never after the dateline; a plan ahead may be
        ("The Jan. 6 attack shocked the nation.", dt.date(2022, 10, 30), "Jan. 6", "DATE", "2022-01-06"),
        ("He testified before the Jan. 6 committee.", dt.date(2022, 11, 2), "Jan. 6", "DATE", "2022-01-06"),
        ("The vote is set for Jan. 6.", dt.date(2022, 10, 30), "Jan. 6", "DATE", "2023-01-06"),
        ("The report is due on 28 February.", dt.date(2025, 1, 10), "28 February", "DATE", "2025-02-28"),
    ],
)
def test_month_day_without_a_year(sentence, dct, phrase, type_, value):
    t = _find(sentence, dct, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # no cue before the date: the verb of its own clause decides, however far after it
        ("On Thursday, the defence minister of the northern region, Ivan Roe, slammed the pact.",
         "Thursday", "2025-06-05"),
        ("On Friday, the council of the eastern city will vote on a plan that was delayed.",
         "Friday", "2025-06-13"),
        # "planned" after a noun is a past plan; after "is", a plan ahead
        ("On Friday, the regional government planned to pay the first claims.", "Friday",
         "2025-06-06"),
        ("On Friday, the first payment is planned.", "Friday", "2025-06-13"),
        # a present perfect after the date gives it no tense (the nearest Friday)
        ("As the strike reaches its tenth day Friday, hundreds of workers have returned.",
         "Friday", "2025-06-13"),
        # irregular past forms
        ("The plan the agency laid out on Thursday drew criticism.", "Thursday", "2025-06-05"),
        # a caption in brackets ends the sentence before it
        ("The parade took place. (AP Photo) Friday marks the holiday.", "Friday", "2025-06-13"),
    ],
)
def test_tense_of_the_clause_after_the_date(sentence, phrase, value):
    assert _find(sentence, WED, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_", "value"),
    [
        # "over the years": an unspecified number of years (TimeML DURATION)
        ("The club has changed owners over the years.", "the years", "DURATION", "PXY"),
        ("The rivalry has simmered through the centuries.", "the centuries", "DURATION", "PXY"),
        ("Trade grew across the decades.", "the decades", "DURATION", "PXY"),
        # "going to" before a determiner or a name is a movement, not a plan
        ("Trucks going to and from the port were counted - on Tuesday, 900 crossed.", "Tuesday",
         "DATE", "2025-06-10"),
        ("He is going to sign the bill on Friday.", "Friday", "DATE", "2025-06-13"),
    ],
)
def test_over_the_years_and_going_to(sentence, phrase, type_, value):
    t = _find(sentence, WED, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    "sentence",
    ["Over the years of war the town emptied.", "Over the years since 1991 it grew.",
     "Over the years to come it will grow.", "Look over the years 2019 to 2021."],
)
def test_the_years_named_after_it_are_not_over_the_years(sentence):
    assert all(t.text != "the years" for t in find_time_expressions(sentence, dct=WED))


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The crew undocked at 3:10 a.m. ET and landed.", "3:10 a.m. ET"),
        ("The hearing starts at 9 a.m. Eastern on Monday.", "9 a.m. Eastern on Monday"),
        ("The show airs at 8 p.m. PT tonight.", "8 p.m. PT tonight"),
        ("It ends at 5 pm et al. said more.", "5 pm"),  # lower case: no zone
    ],
)
def test_us_time_zones_belong_to_the_clock(sentence, phrase):
    assert _find(sentence, WED, phrase).type == "TIME"


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_"),
    [
        # a count spelled out before "a <unit>" makes a rate (TimeML SET) ...
        ("The clinic opens five days a week.", "a week", "SET"),
        ("She ate two meals a day.", "a day", "SET"),
        # ... also at a sentence start, in capitals
        ("Five days a week, the clinic opens.", "a week", "SET"),
        ("Hundreds of trucks a day cross the border.", "a day", "SET"),
        # ... but after a preposition or "or" it is a length of time
        ("Prices rose 9 percent in a year.", "a year", "DURATION"),
        ("The launcher fires 12 rockets in less than a minute.", "less than a minute", "DURATION"),
        ("Talks may take three days or a week.", "a week", "DURATION"),
        ("The fourth test in a month worried Seoul.", "a month", "DURATION"),
        ("It cut imports by two-thirds within a year.", "a year", "DURATION"),
    ],
)
def test_rate_or_length(sentence, phrase, type_):
    assert _find(sentence, WED, phrase).type == type_


@pytest.mark.parametrize(
    ("sentence", "dct", "first", "second"),
    [
        # a span of months that wraps around the year end: the second month is the next year's
        ("Aid is paid from October to March.", dt.date(2022, 8, 26), "2022-10", "2023-03"),
        ("The session runs between November and January.", dt.date(2022, 10, 18), "2022-11",
         "2023-01"),
        ("Prices rose between November 2021 and February.", dt.date(2022, 6, 1), "2021-11",
         "2022-02"),
        # ... one that does not wrap keeps each month's own reading
        ("Prices rose between April and July.", dt.date(2022, 8, 4), "2022-04", "2022-07"),
    ],
)
def test_span_of_months_over_the_year_end(sentence, dct, first, second):
    assert [t.value for t in find_time_expressions(sentence, dct=dct)] == [first, second]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a duration with a capitalised unit mid-sentence is a title, no TIMEX3
        ("She told CBS's 60 Minutes about the raid.", []),
        ("He starred in “Seven Seconds” last year.", ["last year"]),
        ("The Six-Day War changed the map.", []),
        # ... a sentence or heading may start with one
        ("Three Days Of Rain Hit Kyiv", ["Three Days"]),
    ],
)
def test_duration_titles(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_", "value"),
    [
        # a clock after a recurrence recurs with it (TimeML SET), no day of its own
        ("The digest goes out every weekday morning at 6am.", "6am", "SET", "XXXX-XX-XXT06:00"),
        ("Bells ring every day at noon.", "noon", "SET", "XXXX-XX-XXT12:00"),
        ("Cuts run each day until 10pm.", "10pm", "SET", "XXXX-XX-XXT22:00"),
        ("The shop opens daily at 9 a.m.", "9 a.m.", "SET", "XXXX-XX-XXT09:00"),
        ("He read the brief at 6:45 a.m. each day.", "6:45 a.m.", "SET", "XXXX-XX-XXT06:45"),
        # ... a clock after a single day keeps that day
        ("The shop opened on Monday at 9 a.m. sharp.", "Monday at 9 a.m.", "TIME", "2025-06-09T09:00"),
        ("Every day counts, and at 9 a.m. the vote opened.", "9 a.m.", "TIME", "2025-06-11T09:00"),
    ],
)
def test_clock_after_a_recurrence(sentence, phrase, type_, value):
    t = _find(sentence, WED, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # a clock with a day word and part of day is one TIME on that day
        ("The film is on at 9.30pm tonight.", "9.30pm tonight", "2025-06-11T21:30"),
        ("The session started at 7pm GMT this evening.", "7pm GMT this evening", "2025-06-11T19:00"),
        ("Police were called at 2:15am on Monday morning.", "2:15am on Monday morning",
         "2025-06-09T02:15"),
        ("Tonight at 8pm the count closes.", "Tonight at 8pm", "2025-06-11T20:00"),
        # a date after the weekday still names the day
        ("The final airs at 20:00 on Saturday 14 June.", "20:00 on Saturday 14 June",
         "2025-06-14T20:00"),
    ],
)
def test_clock_with_day_word_and_part_of_day(sentence, phrase, value):
    t = _find(sentence, WED, phrase)
    assert (t.type, t.value) == ("TIME", value)


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # a month before a noun, after a possessive: "Biden's July visit"
        ("The deal followed Biden's July visit to Riyadh.", dt.date(2022, 8, 30), "July", "2022-07"),
        ("Kyiv has held out since Russia's February invasion.", dt.date(2022, 12, 13), "February",
         "2022-02"),
        ("Britain's May said no.", dt.date(2019, 3, 1), None, None),  # a name, not the month
        # the next months of a list run on in order from the first
        ("Bills in October, November and December will rise.", dt.date(2022, 8, 26), "November",
         "2022-11"),
        ("Cuts may come in December and January.", dt.date(2022, 11, 1), "January", "2023-01"),
        # ... not backwards, nor from an earlier month of the same name elsewhere
        ("Towns taken in March and February were freed.", dt.date(2022, 8, 23), "February",
         "2022-02"),
        ("It began in January 2019. Now it changes in January, April and July.",
         dt.date(2022, 8, 25), "April", "2022-04"),
    ],
)
def test_possessive_and_listed_months(sentence, dct, phrase, value):
    if phrase is None:
        assert find_time_expressions(sentence, dct=dct) == []
    else:
        assert _find(sentence, dct, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # "as early as" takes the tense of its clause; alone it points ahead
        ("Protests had erupted as early as May 22.", "May 22", "2025-05-22"),
        ("Troops began leaving as early as May 30, officials said.", "May 30", "2025-05-30"),
        ("A vote could come as early as Friday.", "Friday", "2025-06-13"),
        ("Prices may top the record as soon as Friday.", "Friday", "2025-06-13"),
        ("The ruling will come as early as July 2.", "July 2", "2025-07-02"),
    ],
)
def test_as_early_as(sentence, phrase, value):
    assert _find(sentence, WED, phrase).value == value


OCT = dt.date(2022, 10, 17)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # a future seen from the past ("would", "was supposed to", "were due to", "planned")
        # names a past day when the next such day is more than half a year ahead
        ("The ministry announced it would send two radars on July 1.", "July 1", "2022-07-01"),
        ("The report was supposed to go out Aug. 3.", "Aug. 3", "2022-08-03"),
        ("Games were due to resume on April 25.", "April 25", "2022-04-25"),
        ("The drills were planned before the storm on 20 May.", "20 May", "2022-05-20"),
        # ... a plain future keeps the next such day, however far ahead
        ("The pact will take effect on June 1.", "June 1", "2023-06-01"),
        ("Games were due to resume on Feb. 25.", "Feb. 25", "2023-02-25"),  # 131 days ahead
        ("The ministry said it would send two radars on Nov. 30.", "Nov. 30", "2022-11-30"),
    ],
)
def test_future_in_the_past(sentence, phrase, value):
    assert _find(sentence, OCT, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # "since" earlier in the clause makes the date a starting point, never ahead
        ("It is his first trip since the offensive began on Feb. 24.", dt.date(2022, 12, 21),
         "Feb. 24", "2022-02-24"),
        ("It will be the first match since the invasion on 24 February.", dt.date(2022, 5, 31),
         "24 February", "2022-02-24"),
        # ... a later clause does not carry it
        ("Prices rose since May. Talks resume on Feb. 2.", dt.date(2022, 12, 21), "Feb. 2",
         "2023-02-02"),
    ],
)
def test_since_earlier_in_the_clause(sentence, dct, phrase, value):
    assert _find(sentence, dct, phrase).value == value


_FILLER = " The mayor spoke to reporters about the repairs, the budget and the schools." * 4


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a whole month named just before a clock gives its day (unknown) ...
        ("In May she left the club at 3 a.m. and went home.", "2025-05-XXT03:00"),
        # ... a month named long before does not: the clock is the news of the dateline
        ("Shelling has not stopped since the end of April." + _FILLER + " Sirens sounded at 4am.",
         "2025-06-11T04:00"),
    ],
)
def test_clock_after_a_month(sentence, value):
    assert [t.value for t in find_time_expressions(sentence, dct=WED) if t.type == "TIME"] == [value]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a single quotation mark opening a quote does not hide the word after it
        ("He said: 'Today we start again.'", ["Today"]),
        ("She added: 'Now the hard part begins.'", ["Now"]),
        ("A 'midnight dash' to the capital", ["midnight"]),
        # ... but a word inside a word is still no expression, nor a year quoted as a title
        ("The rock'n'roll era of the '60s", ["the '60s"]),
        ("He read the magazine '2000', which", []),
    ],
)
def test_after_an_opening_single_quote(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=WED)] == found


def test_a_date_glued_to_the_next_line_of_a_timeline():
    text = "Timeline. May 6The club honours her. June 20The hearing is delayed. July 2, 2021Talks end."
    assert [t.value for t in find_time_expressions(text, dct=dt.date(2022, 10, 25))] == [
        "2022-05-06", "2022-06-20", "2021-07-02"]
    # ... a small letter after the number is still no day ("June 20s" is not June 20)
    assert [t.text for t in find_time_expressions("in June 20s", dct=WED)] == ["June"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a span of years: each year is a DATE, the two-digit end in the first one's century
        ("the Winter War of 1939-40", [("1939", "1939"), ("40", "1940")]),
        ("during the 1941–1945 war", [("1941", "1941"), ("1945", "1945")]),
        ("spending by 2024-25 will fall", [("2024", "2024"), ("25", "2025")]),
        # ... not a year and month ("2019-10"), an ISO date, nor a range of numbers
        ("prices of 2019-10 rose", []),
        ("the file of 2021-05-03 was lost", [("2021-05-03", "2021-05-03")]),
        ("between 2,000-3,000 people", []),
    ],
)
def test_span_of_years(sentence, found):
    assert [(t.text, t.value) for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # "many years" is an unspecified length of time (TimeML DURATION PXY) ...
        ("The border has been closed for many years.", [("many years", "PXY")]),
        ("It will take many more months.", [("many more months", "PXM")]),
        # ... but not a question of how many, nor "many quarters" (places)
        ("Nobody knows how many days are left.", []),
        ("The plan was praised in many quarters.", []),
    ],
)
def test_many_units(sentence, found):
    assert [(t.text, t.value) for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a capitalised "Daily"/"Weekly" mid-sentence is a title, no SET
        ("She told the Daily Courier that talks failed.", []),
        ("He wrote for the Harbour Weekly, and others.", []),
        ("The former “Daily Hour” host spoke.", []),
        # ... at a sentence start it is the adverb or adjective
        ("Prices rose. Daily sales fell.", ["Daily"]),
        ("The index is published weekly.", ["weekly"]),
    ],
)
def test_daily_in_a_title(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "phrase", "type_", "value"),
    [
        # a typographic apostrophe reads as a straight one: "won’t" is no past "won", and the
        # verb "last" after "won’t" is outside the duration
        ("The minister said the troops won’t leave on Friday.", "Friday", "DATE", "2025-06-13"),
        ("The minister said the troops won't leave on Friday.", "Friday", "DATE", "2025-06-13"),
        ("The talks didn’t resume Monday.", "Monday", "DATE", "2025-06-09"),
        # a negated past auxiliary is as past as "did not"
        ("The envoys didn’t meet on Thursday.", "Thursday", "DATE", "2025-06-05"),
        ("The envoys didn't meet on Thursday.", "Thursday", "DATE", "2025-06-05"),
        ("The minister wasn’t available on Thursday.", "Thursday", "DATE", "2025-06-05"),
        ("The ceasefire won’t last several days.", "several days", "DURATION", "PXD"),
        ("The ceasefire won't last several days.", "several days", "DURATION", "PXD"),
    ],
)
def test_typographic_apostrophes_read_as_straight_ones(sentence, phrase, type_, value):
    t = _find(sentence, WED, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # "earlier / later in the week, month, year" is one expression, anchored to the day the
        # narrative is at when that day lies near the dateline ...
        ("Pelosi visited Yerevan on Sunday and condemned an attack earlier in the week.",
         dt.date(2022, 9, 19), "earlier in the week", "2022-W37"),
        ("A depot was hit in August, while earlier in the month the airfield saw blasts.",
         dt.date(2022, 10, 1), "earlier in the month", "2022-08"),
        ("Last April, Biden hosted a summit before the conference later in the year.",
         dt.date(2022, 4, 2), "later in the year", "2021"),
        # ... else to the dateline: a background date, no date at all, or a future clause
        ("Russia invaded on Feb. 24. Earlier in the week, the president said so.",
         dt.date(2022, 9, 21), "Earlier in the week", "2022-W38"),
        ("Biden will speak later in the week.", dt.date(2022, 9, 21), "later in the week", "2022-W38"),
        ("It bought oil in November last year. Others might sell more later in the year.",
         dt.date(2022, 5, 31), "later in the year", "2022"),
        ("Kyiv was shelled on Sunday. Later in the week, the army will advance.",
         dt.date(2022, 5, 31), "Later in the week", "2022-W22"),
        ("Prices rose earlier in the month.", dt.date(2022, 9, 21), "earlier in the month", "2022-09"),
        # a year written on its own, the last date before, is the year's (as for "that year")
        ("Russia annexed Crimea in 2014. Later in the year, war began.", dt.date(2022, 9, 21),
         "Later in the year", "2014"),
        ("Russia annexed Crimea in 2014. Later in the year, prices will rise.", dt.date(2022, 9, 21),
         "Later in the year", "2022"),
        ("Crimea was annexed in 2014. On Sept. 2 prices rose, and later in the year they fell.",
         dt.date(2022, 9, 21), "later in the year", "2022"),
    ],
)
def test_earlier_or_later_in_the_unit(sentence, dct, phrase, value):
    t = _find(sentence, dct, phrase)
    assert (t.type, t.value) == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # a date right after "that" opens the reported clause: that clause's verb tells its tense
        ("An official told CNN that on Wednesday, the allies plan to discuss drones.", "Wednesday",
         "2022-10-19"),
        ("He said that on Friday, the troops will withdraw.", "Friday", "2022-10-21"),
        ("He said that by Friday, Russia will have lost 50 tanks.", "Friday", "2022-10-21"),
        ("He said that on Friday, the troops withdrew.", "Friday", "2022-10-14"),
        ("He said that on Friday the troops had withdrawn.", "Friday", "2022-10-14"),
        # a modal perfect is no future cue; "would have to" is one
        ("He estimated that as of late July, about 1,500 might have applied.", "late July", "2022-07"),
        ("On Friday, about 1,500 people might have applied.", "Friday", "2022-10-14"),
        ("They announced they would have to stop exports starting Tuesday.", "Tuesday", "2022-10-18"),
        # a bare "that" opens a reported clause only after a verb of saying; elsewhere it is the
        # determiner of the date ("left that Friday"), and the clause before tells the tense
        ("Officials said that Friday, the troops will withdraw.", "Friday", "2022-10-21"),
        ("The troops left that Friday, and they will return next month.", "Friday", "2022-10-14"),
        ("He was arrested that Monday and prosecutors will decide soon.", "Monday", "2022-10-17"),
    ],
)
def test_tense_of_a_reported_clause_and_modal_perfects(sentence, phrase, value):
    assert _find(sentence, dt.date(2022, 10, 18), phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        # "over" before a vague number is the preposition, outside the TIMEX3 ...
        ("Drones were loaded over several days at an airfield.", "several days"),
        ("The army was cut over many years.", "many years"),
        ("The damage will spread over a few years.", "a few years"),
        # ... before a number it means "more than", inside it (TimeML mod MORE_THAN)
        ("He served over 20 years.", "over 20 years"),
        ("The siege lasted just over a week.", "just over a week"),
    ],
)
def test_over_before_a_vague_number_is_a_preposition(sentence, phrase):
    assert [t.text for t in find_time_expressions(sentence, dct=WED)] == [phrase]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # the adjective "recent" is no TIMEX3; "recently" and "in recent weeks" are
        ("The recent suspension of flights hurt trade.", []),
        ("Trade fell recently.", [("recently", "PAST_REF")]),
        ("Trade fell in recent weeks.", [("recent weeks", "PXW")]),
        ("Trade fell in the recent past.", [("the recent past", "PAST_REF")]),
        ("Such wars belong to the distant past.", [("the distant past", "PAST_REF")]),
    ],
)
def test_the_adjective_recent_is_no_expression(sentence, found):
    assert [(t.text, t.value) for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # after a word of approximation a four-digit number is a count, not a year
        ("Nearly 2000 conscripts came out to protest.", []),
        ("More than 1500 recruits arrived.", []),
        ("The war began in 2014.", [("2014", "2014")]),
        # a period adjective keeps its date; other hyphenated compounds do not
        ("They carried rusty 1970s-era rifles.", [("1970s", "197")]),
        ("Economists warn of 1970s-style stagflation.", [("1970s", "197")]),
        ("Soviet-era tanks rolled in.", []),
        # only a year or decade makes a period adjective; the determiner is the noun's
        ("A Christmas-style market opened.", []),
        ("It was a today-style show.", []),
        ("The summer-style heat returned.", []),
        ("He fired the 1970s-era rifles.", [("1970s", "197")]),
        ("The 2014-vintage tanks rolled in.", [("2014", "2014")]),
    ],
)
def test_counts_after_approximation_and_period_adjectives(sentence, found):
    assert [(t.text, t.value) for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "type_", "value"),
    [
        # "one day" next to a modal is the indefinite future; elsewhere a day's length
        ("Countries who one day may seek to join the alliance.", "DATE", "FUTURE_REF"),
        ("Ukraine one day will be free.", "DATE", "FUTURE_REF"),
        ("Kyiv will one day rebuild.", "DATE", "FUTURE_REF"),
        ("The strike lasted one day.", "DURATION", "P1D"),
        # ... but "one day" itself as the modal's subject is a day's length
        ("A delay of one day could cost millions.", "DURATION", "P1D"),
        ("Even one day can make a difference.", "DURATION", "P1D"),
        ("In a siege, one day may be enough to evacuate a town.", "DURATION", "P1D"),
        ("A ceasefire for one day would allow evacuations.", "DURATION", "P1D"),
    ],
)
def test_one_day_next_to_a_modal(sentence, type_, value):
    t = _find(sentence, WED, "one day")
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # "this weekend" in a Monday story takes the tense of its own clause, not of the text's
        # first sentence
        ("Putin will attend the summit. Widodo attended the G7 summit as a guest this weekend.",
         "2022-W25-WE"),
        ("Putin attended the summit. Widodo will attend the G7 summit this weekend.", "2022-W26-WE"),
    ],
)
def test_this_weekend_early_in_the_week_takes_its_own_clause_tense(sentence, value):
    assert _find(sentence, dt.date(2022, 6, 27), "this weekend").value == value


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # a date in what a past request asked for is no past date: it lies after the asking
        ("Kyiv called on the West to supply rocket launchers before a meeting on Wednesday.",
         dt.date(2022, 6, 14), "Wednesday", "2022-06-15"),
        ("Johnson urged allies to stand by Ukraine through the winter.", dt.date(2022, 8, 24),
         "the winter", "2022-WI"),
        # a past statement is still past
        ("Kyiv told the West on Wednesday that it needed rocket launchers.", dt.date(2022, 6, 14),
         "Wednesday", "2022-06-08"),
    ],
)
def test_a_date_in_what_a_request_asked_for(sentence, dct, phrase, value):
    assert _find(sentence, dct, phrase).value == value


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a capitalised "the Year" / "the Week" is a title, no date
        ("A lie was crowned “Lie of the Year” again.", []),
        ("She won Album of the Year.", []),
        ("He told the Week in Westminster that it failed.", []),
        ("Prices rose during the year.", ["the year"]),
    ],
)
def test_the_year_as_a_title_is_no_date(sentence, found):
    assert [t.text for t in find_time_expressions(sentence, dct=WED)] == found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # an attribution that opens the quote in the same sentence dates its "today" too
        ("The governor tweeted on July 28: “More Texans have jobs today than ever.”", "2022-07-28"),
        ("On Monday, Zelensky said: “Today Russia attacked our cities.”", "2022-10-10"),
        ("On Monday, he said, “Today is a sad day.”", "2022-10-10"),
        # not when the date is another event's, nor across a sentence end
        ("He said after the attack on Monday: “Today is a sad day.”", "2022-10-12"),
        ("Russia attacked on Monday. He said: “Today is a sad day.”", "2022-10-12"),
    ],
)
def test_quote_opened_by_a_dated_attribution(sentence, value):
    t = next(t for t in find_time_expressions(sentence, dct=dt.date(2022, 10, 12)) if t.text.lower() == "today")
    assert t.value == value
