"""Recognisers for identifiers with a shape: numbers, dates, addresses, e-mail and web addresses.

Each recogniser yields :class:`Candidate` spans with a priority; overlaps are settled later, so a
recogniser may be generous and leave the choice to a more specific one (a labelled medical record
number beats the phone-number shape of the same digits). Shapes that clinical text also uses
(``140/90``, ``7/10``, ``5 mg``) are only taken with a validating check or a context word, because
keeping the clinical content matters as much as removing the identifiers.

All regular expressions are compiled once at import and are linear on their input: a very long
text costs proportionally more, never exponentially more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import _model as m
from ._lexicon import CLINICAL_WORDS, COMMON_WORDS, US_STATE_CODES, US_STATE_PHRASES, US_STATES


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible identifier; the highest priority wins an overlap, then the longest."""

    type: str
    start: int
    end: int
    priority: int


# Priorities, highest first. Exact shapes beat labelled values, which beat looser shapes.
P_EMAIL = 100
P_URL = 98
P_IP = 96
P_SSN = 94
P_LABELLED = 90
P_SHAPED_ID = 86
P_DATE = 80
P_PHONE = 78
P_ADDRESS = 76
P_ZIP = 74
P_AGE = 70
P_NAME = 60
P_FALLBACK = 40

# ---------------------------------------------------------------------------------------------
# E-mail, URL, IP

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b"
)
# "jane dot doe at gmail dot com": people write this precisely to dodge scrapers.
_EMAIL_SPELLED = re.compile(
    r"(?i)\b[a-z0-9._-]+(?:\s+dot\s+[a-z0-9_-]+)*\s*(?:\(at\)|\[at\]|\s+at\s+)\s*"
    r"(?:gmail|yahoo|hotmail|outlook|icloud|aol|proton|protonmail|live|msn|comcast|mail)"
    r"(?:\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\.)\s*[a-z]{2,6})+\b"
)
_TLDS = (
    "com|org|net|edu|gov|mil|int|io|co|us|uk|ca|de|fr|es|it|nl|eu|au|in|jp|cn|info|biz|health"
    "|care|me|ly|app|dev|page|site|online|tv|fm|coop|blog|link|md|ie|nz|ch|se|no|dk|be|at|pl|br|mx"
)
_URL = re.compile(
    r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]+"
    r"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + _TLDS + r")(?:/[^\s<>\"'`]*)\b"
    r"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|health)\b(?![.@-]?\w)"
)
_URL_TRAILING = ".,;:!?)]}'\""

_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)"
)
_H = r"[0-9A-Fa-f]{1,4}"
_IPV6 = re.compile(
    r"(?<![\w:])(?:"
    rf"(?:{_H}:){{7}}{_H}"
    rf"|(?:{_H}:){{1,7}}:(?:{_H}(?::{_H}){{0,6}})?"
    rf"|::(?:{_H}(?::{_H}){{0,6}})"
    r")(?![\w:])"
)
_MAC = re.compile(
    r"(?<![\w:-])[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])"
)


def _url(text: str) -> Iterator[Candidate]:
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        value = text[match.start() : end]
        # "e.g" or "approx.5" are not addresses; a real host has a letter before its dot.
        if "." in value and re.search(r"[a-zA-Z]{2}", value.split(".")[0] + value):
            yield Candidate(m.URL, match.start(), end, P_URL)


def _ipv6(text: str) -> Iterator[Candidate]:
    for match in _IPV6.finditer(text):
        value = match.group(0)
        groups = [g for g in value.split(":") if g]
        # Clock times (10:30:45) and ratios share the colon; an address has letters or "::".
        if "::" not in value and len(groups) < 8:
            continue
        if len(groups) < 2 and value != "::1":
            continue
        if not re.search(r"[A-Fa-f]", value) and "::" not in value:
            continue
        yield Candidate(m.IP_ADDRESS, match.start(), match.end(), P_IP)


# ---------------------------------------------------------------------------------------------
# SSN and labelled identifiers

_SSN = re.compile(r"(?<![\w-])(?!000|666)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")

# A value that follows a label: a chunk of letters and digits holding at least one digit (or a
# short upper-case chunk before a digit chunk, as on a plate), then up to three more chunks after
# single spaces when they are digits, mixed, or short upper-case groups ("1EG4 TE5 MK73").
_VALUE = (
    r"(?P<value>(?:(?=[A-Za-z0-9./-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|[-./](?=[A-Za-z0-9]))*|[A-Z]{1,4}(?=[ -]\d))"
    r"(?:[ -](?:[A-Z0-9]*\d[A-Z0-9]*|[A-Z]{2,4})(?:[-./][A-Z0-9]+)*(?![\w])){0,3})"
)
_GLUE = (
    r"\.?(?:\s*(?:(?:number|num|nbr|id|code|no)\b\.?|#))?"  # "number", "no.", "#"
    r"(?:\s+(?:is|was|of|for|on|reads|are|:))*"
    r"(?:\s+(?:my|his|her|their|the|our|this|that|card|file|record|it|me|mom|dad|patient)){0,3}"
    r"(?:\s+(?:is|was|are|reads))?"
    r"\s*[:#=\-]?\s*#?\s*"
)

_LABELS: dict[str, str] = {
    m.SSN: r"ssn|ss\s?#|ss\s?no|social\s+security(?:\s+(?:number|no|#))?|social",
    m.MEDICAL_RECORD_NUMBER: (
        r"mrn|mr\s?#|mr\s?no|m\.r\.n\.?|medical\s+record(?:s)?(?:\s+(?:number|no|#))?|med\.?\s+rec\.?"
        r"|chart(?:\s+(?:number|no|#|id))|record\s+(?:number|no|#)|patient\s+(?:id|number|no|#)"
        r"|hospital\s+(?:number|no|id|#)|nhs(?:\s+(?:number|no))?|health\s+card|case\s+(?:number|no|#|id)"
        r"|encounter\s+(?:id|number|#)|visit\s+(?:id|number|#)|accession(?:\s+(?:number|no|#))?"
        r"|specimen\s+(?:id|number|#)|lab\s+id|requisition(?:\s+(?:number|no|#))?|pt\s+id"
    ),
    m.HEALTH_PLAN_NUMBER: (
        r"member(?:ship)?(?:\s+(?:id|number|no|#))?|subscriber(?:\s+(?:id|number|no|#))?"
        r"|policy(?:\s+(?:number|no|#|id))?|group(?:\s+(?:number|no|#|id))|insurance(?:\s+member)?\s*(?:id|number|no|#)"
        r"|insurance\s+card|plan\s+(?:id|number|no|#)|health\s+plan(?:\s+(?:id|number|no|#))?"
        r"|medicare(?:\s+(?:card|number|no|#|id|beneficiary\s+identifier))?|medicaid(?:\s+(?:card|number|no|#|id))?"
        r"|beneficiary(?:\s+(?:id|number|#))?|mbi|claim(?:\s+(?:number|no|#|id))|prior\s+auth(?:orization)?(?:\s+(?:number|no|#))?"
        r"|authorization\s+(?:number|no|#)|rx\s?(?:bin|pcn|group|id)|tricare(?:\s+(?:id|number))?"
    ),
    m.ACCOUNT_NUMBER: (
        r"(?:bank\s+|billing\s+|patient\s+|checking\s+|savings\s+)?(?:account|acct|a/c)\.?(?:\s+(?:number|no|#))?"
        r"|acct\s?#|billing\s+(?:id|number)|invoice(?:\s+(?:number|no|#))?|(?:credit\s+|debit\s+)?card(?:\s+(?:number|no|#))"
        r"|credit\s+card|debit\s+card|my\s+card|iban|routing(?:\s+(?:number|no|#))?|customer\s+(?:id|number|no|#)"
        r"|employee\s+(?:id|number|no|#)|student\s+(?:id|number|no|#)|reference\s+(?:number|no|#)|ref\.?\s*#"
        r"|confirmation\s+(?:number|no|#|code)|order\s+(?:number|no|#)|\bid\b|identification\s+(?:number|no|#)"
    ),
    m.LICENSE_NUMBER: (
        r"(?:driver'?s|drivers|driving)\s+licen[cs]e(?:\s+(?:number|no|#))?|d\.?l\.?\s?#|dl(?=\s*[:#]|\s+[a-z]?\d)"
        r"|licen[cs]e(?:\s+(?:number|no|#))|(?:medical|nursing|professional|state)\s+licen[cs]e(?:\s+(?:number|no|#))?"
        r"|certificate(?:\s+(?:number|no|#))?|cert\.?(?:\s+(?:number|no|#))|npi(?:\s+(?:number|no|#))?"
        r"|dea(?:\s+(?:number|no|#))?|passport(?:\s+(?:number|no|#))?|state\s+id|registration\s+(?:number|no|#)"
    ),
    m.VEHICLE_ID: (
        r"vin|vehicle\s+identification(?:\s+number)?|(?:license|licence|number|registration|tag)\s+plates?"
        r"|plates?(?:\s+(?:number|no|#))?|registration(?:\s+plate)?|reg\.?\s+(?:no|number)|tag(?:\s+(?:number|no|#))?"
    ),
    m.DEVICE_ID: (
        r"serial(?:\s+(?:number|no|#))?|s/n|s\.n\.|sn(?=\s*[:#]|\s+[a-z0-9-]*\d)|device\s+(?:id|serial|number|no|#)|udi"
        r"|imei|mac\s+address|mac(?=\s+is)|transmitter(?:\s+(?:id|serial|number))?|implant\s+(?:id|serial|number)"
        r"|pacemaker\s+(?:id|serial|number)|hearing\s+aid\s+serial|pump\s+serial|sensor\s+(?:id|serial)"
    ),
}


# One pattern for every label, each kind in a group of its own name. It runs on the lower-cased
# text and only where a word that can open a label starts; the value is then read from the
# original text, where case matters ("ABC 1234" on a plate).
_LABEL = re.compile(
    r"(?<![\w/])(?:"
    + "|".join(f"(?P<{kind}>{labels})" for kind, labels in _LABELS.items())
    + r")(?:(?<=[#.])|(?![\w]))"
    + _GLUE
)
_VALUE_AT = re.compile(_VALUE)
_LABEL_OPENERS = frozenset(
    """
    ssn ss social mrn mr m medical med chart record patient hospital nhs health case encounter visit
    accession specimen lab requisition pt member membership subscriber policy group insurance plan
    medicare medicaid beneficiary mbi claim prior authorization rx tricare bank billing checking
    savings account acct a credit debit card my iban routing customer employee student reference ref
    confirmation order id identification driver drivers driving d dl license licence nursing
    professional state certificate cert npi dea passport registration vin vehicle number tag plate
    plates reg serial s sn device udi imei mac transmitter implant pacemaker hearing pump sensor
    """.split()
)
_WORD = re.compile(r"[a-z]+")

# Values that are plainly not identifiers even after a label ("policy is 2 years old").
_UNIT_AFTER = re.compile(
    r"\s*(?:%|mg|mcg|ml|g\b|kg|lbs?|pounds|units?|iu|years?|yrs?|months?|weeks?|days?|hours?|hrs?|min|times|x\b|am\b|pm\b|mmhg|bpm|dollars|usd|\$)",
    re.IGNORECASE,
)


def _plausible_value(value: str, kind: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    if kind == m.SSN:
        return digits == 9 or (digits == 4 and len(value) == 4)
    if kind == m.VEHICLE_ID:
        letters = sum(ch.isalpha() for ch in value)
        plate_like = (digits >= 1 and letters >= 1) or digits >= 5
        return plate_like and len(value.replace(" ", "").replace("-", "")) >= 4
    if kind == m.DEVICE_ID:
        return digits >= 2 and len(value) >= 5
    # A year alone, or a small count, is not an identifier.
    if digits < 4 and not (digits >= 2 and sum(ch.isalpha() for ch in value) >= 2):
        return False
    return not re.fullmatch(r"(?:19|20)\d\d", value)


def _labelled(text: str, lower: str) -> Iterator[Candidate]:
    resume = 0
    for word in _WORD.finditer(lower):
        if word.start() < resume or word.group(0) not in _LABEL_OPENERS:
            continue
        label = _LABEL.match(lower, word.start())
        if label is None:
            continue
        match = _VALUE_AT.match(text, label.end())
        if match is None:
            continue
        resume = match.end()
        kind = next(k for k in _LABELS if label.group(k) is not None)
        value = match.group("value").rstrip(".-/")
        # "MRN 1234567 10 mg": drop trailing chunks that a unit shows to be quantities.
        while _UNIT_AFTER.match(text, match.start("value") + len(value)) and re.search(
            r"[ -]", value
        ):
            value = re.split(r"[ -](?=[^ -]*$)", value)[0]
        start = match.start("value")
        end = start + len(value)
        if not _plausible_value(value, kind) or _UNIT_AFTER.match(text, end):
            continue
        yield Candidate(kind, start, end, P_LABELLED)


def _ssn(text: str) -> Iterator[Candidate]:
    for match in _SSN.finditer(text):
        yield Candidate(m.SSN, match.start(), match.end(), P_SSN)


# ---------------------------------------------------------------------------------------------
# Identifiers with a recognisable shape and no label

_VIN = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b")
_MBI = re.compile(
    r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b"
)
_CARD = re.compile(r"(?<![\d-])(?:\d{4}[ -]){3}\d{4}(?![\d-])|(?<![\d-])\d{15,16}(?![\d-])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
_LONG_NUMBER = re.compile(
    r"(?<![\w.,/-])(?:[A-Z]{1,3}-?)?\d{7,}(?:-\d+)*(?![\w.,/]|-\w)|(?<![\w.,/-])\d{3,}-\d{3,}-\d{2,}(?![\w.,/-])"
)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _shaped_ids(text: str, digits: int) -> Iterator[Candidate]:
    for match in _VIN.finditer(text):
        value = match.group(0)
        letters = sum(ch.isalpha() for ch in value)
        if letters >= 2 and len(value) - letters >= 3:
            yield Candidate(m.VEHICLE_ID, match.start(), match.end(), P_SHAPED_ID)
    for match in _MBI.finditer(text):
        yield Candidate(m.HEALTH_PLAN_NUMBER, match.start(), match.end(), P_SHAPED_ID)
    for match in _CARD.finditer(text) if digits >= 15 else ():
        number = re.sub(r"\D", "", match.group(0))
        if _luhn(number):
            # A 15-digit Luhn number starting 35 is an IMEI (a phone's serial), not a card.
            imei = len(number) == 15 and number.startswith("35")
            kind = m.DEVICE_ID if imei else m.ACCOUNT_NUMBER
            yield Candidate(kind, match.start(), match.end(), P_SHAPED_ID)
    for match in _IBAN.finditer(text):
        if len(re.sub(r"\s", "", match.group(0))) >= 15:
            yield Candidate(m.ACCOUNT_NUMBER, match.start(), match.end(), P_SHAPED_ID)
    for match in _MAC.finditer(text):
        yield Candidate(m.DEVICE_ID, match.start(), match.end(), P_SHAPED_ID)


def _fallback_numbers(text: str) -> Iterator[Candidate]:
    """Long digit runs with no label: almost never clinical, very often an identifier."""
    for match in _LONG_NUMBER.finditer(text):
        if _UNIT_AFTER.match(text, match.end()):
            continue
        yield Candidate(m.ACCOUNT_NUMBER, match.start(), match.end(), P_FALLBACK)


# ---------------------------------------------------------------------------------------------
# Phone and fax

_PHONE_US = re.compile(
    r"(?<![\w+/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
    r"(?:\s*(?:ext\.?|extension|x)\s*\d{1,5})?(?![\w/-]|\.\d)"
)
_PHONE_INTL = re.compile(
    r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[\s.-]?(?:\(\d{1,4}\)|\d{1,5})){2,7}(?![\w/-]|\.\d)"
)
_PHONE_CUE = re.compile(
    r"(?i)\b(?:phone|ph|tel|telephone|cell|cellphone|mobile|mob|call|called|calling|text|texting|txt|"
    r"sms|whatsapp|reach|contact|landline|number|no|line|fax|facsimile|pager|beeper|dial|ring)\b[^\n\d]{0,24}$"
)
_PHONE_LOCAL = re.compile(
    r"(?<![\w+/.-])(?:\(?0\d{1,4}\)?[\s.-]?)?\d{3,4}[\s.-]?\d{3,4}(?![\w/-]|\.\d)"
)
_FAX_CUE = re.compile(r"(?i)\b(?:fax|faxed|faxing|facsimile)\b[^\n\d]{0,24}$")
_NON_FAX_CUE = re.compile(r"(?i)\b(?:phone|tel|call|cell|mobile|text)\b[^\n\d]{0,10}$")


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _phone_kind(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start]
    if _FAX_CUE.search(before) and not _NON_FAX_CUE.search(before):
        return m.FAX
    return m.PHONE


def _phones(text: str) -> Iterator[Candidate]:
    for match in _PHONE_US.finditer(text):
        yield Candidate(_phone_kind(text, match.start()), match.start(), match.end(), P_PHONE)
    for match in _PHONE_INTL.finditer(text):
        if 8 <= _digit_count(match.group(0)) <= 15:
            yield Candidate(_phone_kind(text, match.start()), match.start(), match.end(), P_PHONE)
    # Local or national numbers without a country code, only where a word says it is a number.
    for match in _PHONE_LOCAL.finditer(text):
        if not 7 <= _digit_count(match.group(0)) <= 12:
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if _PHONE_CUE.search(before) and not _UNIT_AFTER.match(text, match.end()):
            yield Candidate(_phone_kind(text, match.start()), match.start(), match.end(), P_PHONE)


# ---------------------------------------------------------------------------------------------
# Dates

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
    r"scheduled|surgery|procedure|effective|as\s+of|between|"
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


_NUMERIC_DATE_HINT = re.compile(r"\d[-/.]\d")
_COMPACT_DATE_HINT = re.compile(r"\d{8}")


def _dates(text: str, lower: str, *, digits: int, month: bool) -> Iterator[Candidate]:
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
            if i == 0 and _UNIT_AFTER.match(text, end):
                continue
            # "10 may help": a lower-case "may" after a number is a verb, not a month.
            if i == 1 and re.fullmatch(r"\d{1,2}\s+may", text[start:end]):
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


def _ages(text: str, lower: str) -> Iterator[Candidate]:
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


# ---------------------------------------------------------------------------------------------
# Street addresses and ZIP codes

# Suffixes that name a street and little else; the words before them may be in any case.
_STRONG_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace"
    r"|terr?|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|crescent|cres|alley|aly|plaza|plz"
    r"|expressway|expy|freeway|fwy|turnpike|tpke|causeway|cswy|boul|bvd)"
)
# Suffixes that are also ordinary words ("way", "park", "run"): only after capitalised words.
_WEAK_SUFFIX = (
    r"(?:Way|Close|Row|Loop|Path|Pike|Point|Run|Walk|Crossing|Xing|Ridge|Heights|Hts|Hill|Grove|Park"
    r"|Gardens|Gdns|Mews|Route|Rte|Green|Commons|Cove|Creek|Glen|Hollow|Landing|Meadows?|Oval|Pass"
    r"|View|Vista|Wharf|Yard|Bend|Chase|Court|Manor|Knoll|Crest|Terrace|Rise|Parade|Esplanade|Quay)"
)
_DIRECTION = r"(?:[NSEW]\.?|[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|NE|NW|SE|SW)"
_NUMBER = r"(?<![\w.,/-])\d{1,6}(?:-?[A-Za-z](?![A-Za-z]))?(?:-\d{1,4})?"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_UNIT = r"(?i:,?\s*(?:apt|apartment|unit|suite|ste|fl|floor|bldg|building|rm|room|#)\.?\s*#?\s*[A-Za-z0-9-]{1,6}\b)"
_STREET = re.compile(
    rf"{_NUMBER}\s+(?:{_DIRECTION}\s+)?"
    rf"(?P<words>(?:(?:St\.|Mt\.|Ft\.|[A-Za-z][A-Za-z'’-]*|{_ORDINAL})\s+){{0,3}}(?:[A-Za-z][A-Za-z'’-]*|{_ORDINAL}))"
    rf"\s+(?i:{_STRONG_SUFFIX})\b\.?(?:\s+{_DIRECTION}\b\.?)?{_UNIT}?"
)
_STREET_WEAK = re.compile(
    rf"{_NUMBER}\s+(?:{_DIRECTION}\s+)?"
    rf"(?P<words>(?:(?:St\.|Mt\.|[A-Z][A-Za-z'’-]*|{_ORDINAL})\s+){{0,3}}(?:[A-Z][A-Za-z'’-]*|{_ORDINAL}))"
    rf"\s+{_WEAK_SUFFIX}\b(?:\s+{_DIRECTION}\b\.?)?{_UNIT}?"
)
# "lives on Maple Street", "at W. 86th Drive": a named street without a house number.
_STREET_NAMED = re.compile(
    rf"\b(?:on|at|off|onto)\s+(?P<street>(?:{_DIRECTION}\s+)?(?:(?:[A-Z][A-Za-z'’-]*|{_ORDINAL})\s+){{1,3}}"
    rf"(?i:{_STRONG_SUFFIX})\b\.?)"
)
_BROADWAY = re.compile(
    r"(?<![\w.,/-])\d{1,6}\s+(?:Broadway|El\s+Camino\s+Real|The\s+(?:Strand|Mall|Embarcadero))\b"
    + _UNIT
    + "?"
)
_PO_BOX = re.compile(
    r"(?i)\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box|pmb)\s*#?\s*\d{1,6}\b" + _UNIT + "?"
)
# German-style street names ("Hauptstraße 5", "Lindenweg 12a").
_STREET_DE = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]+(?:\s|-)?(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee)"
    r"\s+\d{1,4}[a-z]?\b"
)
# French-style ("12 rue de Rivoli", "3 bis avenue Foch").
_STREET_FR = re.compile(
    r"(?i)(?<![\w.,/-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|route)"
    r"\s+(?:(?:de|du|des|la|le|l'|d')\s*)*[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3}"
)
_STATE_NAMES = "|".join(sorted((*US_STATES, *US_STATE_PHRASES), key=len, reverse=True))
_STATE = rf"(?:[A-Z]{{2}}|(?i:{_STATE_NAMES}))"
# ", Springfield, IL" / " Springfield IL 62704" after a street: the city goes with the address.
_CITY_AFTER = re.compile(
    r"(?:,\s*|\s+)((?:St\.\s+|Saint\s+|Fort\s+|Ft\.\s+)?[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+){0,2})"
    rf"(?=,?\s+{_STATE}\b)"
)
# "Austin, TX" or "Springfield, Illinois" on its own: a city is a geographic unit below a state.
_CITY_STATE = re.compile(
    r"\b((?:St\.\s+|Saint\s+|Fort\s+|Ft\.\s+|San\s+|Santa\s+|Los\s+|Las\s+|El\s+|New\s+|North\s+|South\s+"
    r"|East\s+|West\s+|Salt\s+|Little\s+|Cedar\s+|Palm\s+|Grand\s+|Baton\s+)?[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?)"
    r",\s*([A-Z]{2})\b(?=\s+\d{5}|[\s.,;:!?)]|$)"
)
_ZIP_NUMBER = re.compile(r"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])")
_STATE_BEFORE = re.compile(rf"(?:\b[A-Z]{{2}}|(?i:\b(?:{_STATE_NAMES})))\.?,?\s+$")
_ZIP_CUE_BEFORE = re.compile(
    r"(?i)\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode|post\s+code|plz|near|around|close\s+to|area)\b"
    r"(?:\s+(?:is|was|of))?\s*[:#]?\s*$"
)
_NOT_ZIP_AFTER = re.compile(
    r"(?i)\s*(?:steps|people|patients|cases|units|iu|mg|mcg|calories|kcal|dollars|%|feet|ft|miles)\b"
)
_POSTCODE_CUED = re.compile(
    r"(?i)\b(?:postal\s+code|postcode|post\s+code)\s*(?:is|was|:)?\s*([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b"
)
_UK_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s+\d[ABD-HJLNP-UW-Z]{2}\b")
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s\d[ABCEGHJ-NPRSTV-Z]\d\b")
# A five-digit postal code written before the city, as in Germany and France ("10115 Berlin").
_ZIP_BEFORE_CITY = re.compile(
    r"(?:(?<=,\s)|(?<=\n))(\d{5})\s+[A-ZÄÖÜ][a-zäöüéèß]+(?:[-\s][A-Z][a-zäöüé]+)?\b"
)


# Any word that can end or start a street address; without one, no street pattern can match.
_ADDRESS_HINT = re.compile(
    rf"\b(?:{_STRONG_SUFFIX.lower()}|{_WEAK_SUFFIX.lower()}|broadway|camino|strand|mall|embarcadero"
    r"|box|pmb|rue|boulevard|bd|chemin|allée|impasse|quai)\b"
    r"|(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee)\s+\d"
)


def _is_state(token: str) -> bool:
    return token in US_STATE_CODES


def _addresses(text: str, lower: str, *, digits: int) -> Iterator[Candidate]:
    street_words = _ADDRESS_HINT.search(lower) is not None
    numbered = (_STREET, _STREET_WEAK, _BROADWAY, _PO_BOX, _STREET_DE, _STREET_FR)
    for pattern in numbered if digits and street_words else ():
        for match in pattern.finditer(text):
            end = match.end()
            if pattern in (_STREET, _STREET_WEAK) and not _plausible_street(match.group("words")):
                continue
            city = _CITY_AFTER.match(text, end)
            if city is not None:
                end = city.end(1)
            yield Candidate(m.STREET_ADDRESS, match.start(), end, P_ADDRESS)
    for match in _STREET_NAMED.finditer(text) if street_words else ():
        if _plausible_street(match.group("street")):
            yield Candidate(
                m.STREET_ADDRESS, match.start("street"), match.end("street"), P_ADDRESS - 10
            )
    for match in _CITY_STATE.finditer(text) if _CITY_HINT.search(text) else ():
        if _plausible_city_state(text, lower, match):
            yield Candidate(m.STREET_ADDRESS, match.start(1), match.end(1), P_ADDRESS - 20)


# State codes that are also clinical or everyday abbreviations ("CT or MRI", "OK", "MD", "PA").
_AMBIGUOUS_STATE_CODES = frozenset(
    "CT MD PA OR IN ME OK HI DE MS CO ID OH LA MA AL GA VA MO DC PR AR NE SC".split()
)
_PLACE_CUE = re.compile(
    r"\b(?:in|from|near|to|at|of|live|lives|living|moved|based|located|visiting)\s+$"
)


def _plausible_city_state(text: str, lower: str, match: re.Match[str]) -> bool:
    """ "I live in Austin, TX" is a place; "Ultrasound, CT or MRI" is not."""
    code = match.group(2)
    if not _is_state(code):
        return False
    if any(
        word.lower() in COMMON_WORDS or word.lower() in CLINICAL_WORDS
        for word in match.group(1).split()
    ):
        return False
    if code not in _AMBIGUOUS_STATE_CODES:
        return True
    zip_follows = re.match(r"\s+\d{5}", text[match.end() :]) is not None
    return (
        zip_follows
        or _PLACE_CUE.search(lower, max(0, match.start() - 12), match.start()) is not None
    )


_NOT_STREET_WORDS = frozenset(
    "a an the of and or to in on at for with by my your his her our their every each per times x is"
    " are was were be been am i you he she it we they me him them who which that this these those"
    " have has had do does did get got take took taking than then so if when while as but also not"
    " no just only very more most some any all both few many much other such what how why where"
    " there here mg mcg ml units tablets tablet pills pill doses dose puffs drops day days week"
    " weeks month months year years old hour hours minute minutes mins miles blocks steps floors"
    " flights down up from into along around near bpm mmhg kg lbs pounds yo cm ft inches percent".split()
)


def _plausible_street(words: str) -> bool:
    """Reject "take 2 pills at bedtime, walk 3 miles along the park" and similar prose."""
    return not any(w.lower().rstrip(".") in _NOT_STREET_WORDS for w in words.split())


def _zips(text: str) -> Iterator[Candidate]:
    for match in _ZIP_NUMBER.finditer(text):
        start, end = match.span()
        window = text[max(0, start - 28) : start]
        state = _STATE_BEFORE.search(window)
        if state is not None:
            name = state.group(0).strip(" ,.\t\n").lower()
            if name.upper() in US_STATE_CODES or name in US_STATES or name in US_STATE_PHRASES:
                yield Candidate(m.ZIP_CODE, start, end, P_ZIP)
                continue
        if _ZIP_CUE_BEFORE.search(window) and not _NOT_ZIP_AFTER.match(text, end):
            yield Candidate(m.ZIP_CODE, start, end, P_ZIP)
        elif "-" in match.group(0):
            yield Candidate(m.ZIP_CODE, start, end, P_ZIP - 2)
    for match in _ZIP_BEFORE_CITY.finditer(text):
        yield Candidate(m.ZIP_CODE, match.start(1), match.end(1), P_ZIP - 2)
    if _POSTCODE_HINT.search(text) is None:
        return
    for match in _POSTCODE_CUED.finditer(text):
        yield Candidate(m.ZIP_CODE, match.start(1), match.end(1), P_ZIP)
    for pattern in (_UK_POSTCODE, _CA_POSTCODE):
        for match in pattern.finditer(text):
            yield Candidate(m.ZIP_CODE, match.start(), match.end(), P_ZIP - 2)


def _emails(text: str, lower: str) -> Iterator[Candidate]:
    patterns = [_EMAIL] if "@" in text else []
    if any(host in lower for host in _MAIL_HOSTS):
        patterns.append(_EMAIL_SPELLED)
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield Candidate(m.EMAIL, match.start(), match.end(), P_EMAIL)


_MAIL_HOSTS = ("mail", "yahoo", "outlook", "icloud", "aol", "proton", "live", "msn", "comcast")


def _ipv4(text: str) -> Iterator[Candidate]:
    for match in _IPV4.finditer(text):
        yield Candidate(m.IP_ADDRESS, match.start(), match.end(), P_IP)


_DIGIT = re.compile(r"\d")
_URL_HINT = re.compile(r"(?i)://|www\.|[a-z0-9]\.(?:" + _TLDS + r")\b")
_MONTH_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
# The tail of a UK or Canadian postcode: "2AA", "0B1".
_POSTCODE_HINT = re.compile(r"\s\d[A-Z][A-Z\d]\b")
_ZIP_HINT = re.compile(r"(?<!\d)\d{5}(?!\d)|[A-Z]\d[A-Z\d]?\s")


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` keeping every offset: the rare characters whose lower case is longer
    (such as "İ") are left as they are."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


_CITY_HINT = re.compile(r",\s*[A-Z]{2}\b")


def find_shaped(text: str) -> list[Candidate]:
    """Every candidate from the shape-based recognisers, overlapping and unsorted.

    Cheap hints decide which recognisers can match at all, so a question with no digits and
    no month name costs a handful of scans instead of every pattern.
    """
    found: list[Candidate] = []
    lower = lower_same_length(text)
    digits = len(_DIGIT.findall(text))
    found.extend(_emails(text, lower))
    if _URL_HINT.search(text):
        found.extend(_url(text))
    if digits >= 2 and text.count(".") >= 3:
        found.extend(_ipv4(text))
    if "::" in text or text.count(":") >= 7:
        found.extend(_ipv6(text))
    if digits >= 9:
        found.extend(_ssn(text))
    if digits >= 1:
        found.extend(_labelled(text, lower))
    if digits >= 6:
        found.extend(_shaped_ids(text, digits))
    month = _MONTH_HINT.search(lower) is not None
    if digits >= 1 or month:
        found.extend(_dates(text, lower, digits=digits, month=month))
    if digits >= 7:
        found.extend(_phones(text))
    found.extend(_addresses(text, lower, digits=digits))
    if digits >= 3 and _ZIP_HINT.search(text):
        found.extend(_zips(text))
    if digits >= 2:
        found.extend(_ages(text, lower))
    if digits >= 7:
        found.extend(_fallback_numbers(text))
    return found
