"""Dates more specific than a year, and ages over 89.

Safe Harbor keeps the year and ages up to 89; everything finer goes. The hard part is what
looks like a date but is not: blood pressure (140/90), pain scores (7/10), fractions (1/2
tablet), and "may" the verb. Numeric day/month forms without a year are therefore only taken
after a word that introduces a date ("on 6/12", "since 3/14"), and ages only with a cue around
the number ("92-year-old", "aged 95", "my mom is 97").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import _model as m
from ._candidate import (
    P_AGE,
    P_DATE,
    UNIT_AFTER,
    Candidate,
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d|'\d\d)"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_M = r"(?:1[0-2]|0?[1-9])(?!\d)"

_DATE_PATTERNS = [
    # March 14, 2024 / Mar. 14th / Monday, March 14 / March 14-16
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_MONTH}\s+(?:the\s+)?{_DAY}\b(?:\s*[-–]\s*{_DAY}\b)?(?:,?\s+(?:of\s+)?{_YEAR}\b)?"
    ),
    # 14 March 2024 / 14th of March / the 3rd of May, 2024
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![a-z])(?:,?\s+{_YEAR}\b)?"),
    # 14-Mar-2024 / 14-MAR-24 / 14/Mar/2024
    re.compile(rf"\b{_D}[-/ ]{_MONTH}[-/ ](?:\d{{4}}|\d{{2}})\b"),
    # March 2024 / Mar '24 / March of 2024
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    # 2024-03-14, 2024/03/14, 2024.03.14, with an optional time
    re.compile(
        rf"\b(?:1[89]|20)\d\d([-/.]){_M}\1{_D}"
        r"(?:[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[Zz]|[+-]\d\d:?\d\d)?)?(?![\d/.-]\d)"
    ),
    # 03/14/2024, 14.03.2024, 3-14-24 (either order of day and month)
    re.compile(r"(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)?\d\d)(?![\d/-]|\.\d)"),
    # 20240314
    re.compile(r"(?<!\d)(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"),
]
# 3/14 or 03/2024 only after a word that introduces a date: bare, they are scores and ratios.
_DATE_CUED_VALUE = re.compile(
    rf"(?<![\d/.-])(?:{_M}/{_D}|{_M}/(?:19|20)\d\d|{_M}-(?:19|20)\d\d)(?![\d/]|\.\d)"
)
_DATE_CUE_BEFORE = re.compile(
    r"\b(?:on|since|from|until|till|til|by|dated?|dob|d\.o\.b\.?|born|admitted|admission|discharged?|"
    r"before|after|starting|started|through|thru|due|expires?|expiry|exp|seen|visit|appt|appointment|"
    r"scheduled|surgery|procedure|effective|as\s+of|between|drawn|collected|done|performed|taken|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r")[:,.\s]+$"
)
_NOT_DATE_AFTER = re.compile(
    r"\s*(?:tabs?|tablets?|pills?|doses?|cups?|tsp|tbsp|of\b|a\b|an\b|pain|strength)"
)
_SCORE = re.compile(r"\d/10\b")
_PAIN_BEFORE = re.compile(r"pain|scale|rate|rated|rating|level|score|out\s+of")
_DATE_MONTH_YEAR = re.compile(r"(?<![\d/.-])(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/]|\.\d)")
# A month named on its own after a preposition ("since March", "last Oct"). "May" is left out:
# it is a verb far more often than a month.
_DATE_BARE_MONTH = re.compile(
    r"\b(?:in|since|during|last|this|next|early|mid|late|until|till|by|from|through|of|before|after)"
    r"(?:\s+|-)(january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|apr|aug|sept|oct|nov|dec)\b(?!\s+\d)"
)


def _numeric_date_ok(day_or_month: str, other: str, year: str, sep: str) -> bool:
    a, b = int(day_or_month), int(other)
    if a == 0 or b == 0 or a > 31 or b > 31:
        return False
    if a > 12 and b > 12:
        return False
    # "1.5.10" and friends: dotted short forms must look like a date, with a four-digit year.
    return not (sep == "." and len(year) == 2 and a > 12)


_NEEDS_MONTH = (True, True, True, True, False, False, False)


_NUMBER_MAY = re.compile(r"\d{1,2}\s+may")
_NUMERIC_DATE_HINT = re.compile(r"\d[-/.]\d")
_COMPACT_DATE_HINT = re.compile(r"\d{8}")


def dates(text: str, lower: str, *, digits: int, month: bool) -> Iterator[Candidate]:
    numeric = digits >= 3 and _NUMERIC_DATE_HINT.search(text) is not None
    compact = digits >= 8 and _COMPACT_DATE_HINT.search(text) is not None
    for i, pattern in enumerate(_DATE_PATTERNS):
        wanted = (
            month and digits >= 1,
            month and digits >= 1,
            month and digits >= 1,
            month and digits >= 1,
            numeric,
            numeric,
            compact,
        )
        if not wanted[i]:
            continue
        for match in pattern.finditer(lower if i < 4 else text):
            start, end = match.start(), match.end()
            value = match.group(0)
            if i == 0 and value.lower().startswith("the "):
                start += 4
            # "may 10 mg": a quantity, not the tenth of May.
            if i == 0 and UNIT_AFTER.match(text, end):
                continue
            # "10 may help": a lower-case "may" after a number is a verb, not a month.
            if i == 1 and _NUMBER_MAY.fullmatch(text, start, end):
                continue
            if i == 5:
                a, sep, b, year = match.group(1), match.group(2), match.group(3), match.group(4)
                if not _numeric_date_ok(a, b, year, sep):
                    continue
            yield Candidate(m.DATE, start, end, P_DATE)
    if "/" in text or "-" in text:
        for match in _DATE_CUED_VALUE.finditer(lower):
            start, end = match.span()
            if not _DATE_CUE_BEFORE.search(lower, max(0, start - 20), start):
                continue
            if _NOT_DATE_AFTER.match(lower, end):
                continue
            if match.group(0).endswith("/10") and (
                _PAIN_BEFORE.search(lower, max(0, start - 40), start)
                or len(_SCORE.findall(lower, max(0, start - 16), min(len(lower), end + 16))) > 1
            ):
                continue  # "pain 7/10", "from 8/10 to 4/10": scores, not dates
            yield Candidate(m.DATE, start, end, P_DATE)
    if "/" in text:
        for match in _DATE_MONTH_YEAR.finditer(text):
            yield Candidate(m.DATE, match.start(), match.end(), P_DATE)
    if month:
        for match in _DATE_BARE_MONTH.finditer(lower):
            yield Candidate(m.DATE, match.start(1), match.end(1), P_DATE)


# ---------------------------------------------------------------------------------------------
# Ages over 89

# Ages are found number first: only a number from 90 up can be one, and then the words right
# after it ("-year-old", "yo") or right before it ("aged", "she's", "turned") decide.
_AGE_CANDIDATE = re.compile(r"(?<![\d.,/])(?:9\d|1[0-3]\d)(?![\d/]|[.,]\d)")
_AGE_AFTER = re.compile(
    r"\s*-?\s*(?:(?:years?|yrs?|yr)\.?\s*-?\s*(?:old|of\s+age)\b|(?:y/?o|y\.o\.?|yo[mf]|y)(?![\w/]))"
)
_AGE_BEFORE = re.compile(
    r"(?:\b(?:aged?|age\s+is|age\s+of)\s*[:=]?\s*"
    r"|\b(?:(?:he|she|they|who|mother|mom|mum|father|dad|grandmother|grandma|grandfather|grandpa|"
    r"granny|nana|aunt|uncle|patient|husband|wife|neighbor|neighbour|i)\s+(?:is|was|am|will\s+be)"
    r"|he's|she's|he’s|she’s|i'm|i’m|im|turned|turning|turns|just\s+turned|will\s+be|is\s+now)\s+(?:now\s+)?"
    r"|\b(?:mother|mom|father|dad|grandmother|grandma|grandfather|grandpa|aunt|uncle|patient|husband|wife)"
    r"\s*[(,]\s*"
    r"|(?:^|[.!?]\s+|\n)at\s+)$"
)
_AGE_NOT_AFTER = re.compile(
    r"\s*(?:%|mg|kg|lbs?|pounds|cm|minutes|mins|hours|days|weeks|months|[/.,]\d|-\d|\()"
)


def _is_age(lower: str, start: int, end: int) -> bool:
    if _AGE_AFTER.match(lower, end):
        return True  # "92-year-old", "93 y/o"
    if _AGE_NOT_AFTER.match(lower, end):
        return False  # "aged 95 kg", "is 95/60"
    if _AGE_BEFORE.search(lower, max(0, start - 24), start):
        # "At 91, she ..." and "mother, 95, lives": there the comma after the number is the cue.
        cue = lower[max(0, start - 4) : start].strip()
        return not (cue in ("at", ",") or cue.endswith(",")) or lower.startswith(",", end)
    return _AGE_PERSON_IS.search(lower, max(0, start - 80), start) is not None


def ages(text: str, lower: str) -> Iterator[Candidate]:
    for match in _AGE_CANDIDATE.finditer(lower):
        if _is_age(lower, match.start(), match.end()):
            yield Candidate(m.AGE_OVER_89, match.start(), match.end(), P_AGE)


# "my mom Maria (DOB ...) is 93": a person earlier in the sentence, and no measurement between
# ("her glucose is 95" is not an age).
_AGE_PERSON_IS = re.compile(
    r"\b(?:mom|mum|mother|dad|father|grand\w*|granny|nana|aunt|uncle|patient|husband|wife|he|she"
    r"|neighbou?r|sister|brother|friend)\b"
    r"(?:(?!glucose|sugar|a1c|bp|pressure|rate|level|count|weight|temp|sat|oxygen|pulse|ldl|hdl"
    r"|cholesterol|score|reading|number|result|bmi|psa|tsh|inr|egfr)[^.!?\n]){0,60}"
    r"\bis\s+(?:now\s+)?$"
)
