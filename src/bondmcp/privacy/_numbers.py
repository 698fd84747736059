"""Identifiers that are numbers or addresses on a network: e-mail, URLs, IP addresses, SSNs,
phone and fax numbers, and the record, plan, account, licence, vehicle and device numbers.

Numbers are everywhere in clinical text (doses, lab values, counts), so a bare number is only
taken when its shape is unmistakable (an SSN, a Luhn-valid card, a VIN, a formatted phone
number) or when a label says what it is ("MRN", "member ID", "serial", "plate"). The label stays
in the text; only the value is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import _model as m
from ._candidate import (
    P_EMAIL,
    P_FALLBACK,
    P_IP,
    P_LABELLED,
    P_PHONE,
    P_SHAPED_ID,
    P_SSN,
    P_URL,
    UNIT_AFTER,
    Candidate,
)

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b"
)
# "jane dot doe at gmail dot com": people write this precisely to dodge scrapers.
_EMAIL_SPELLED = re.compile(
    r"(?i)\b[a-z0-9._-]+(?:\s+dot\s+[a-z0-9_-]+)*\s*(?:\(at\)|\[at\]|\s+at\s+)\s*"
    r"(?:gmail|yahoo|hotmail|outlook|icloud|aol|proton|protonmail|live|msn|comcast|mail)"
    r"(?:\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\.)\s*[a-z]{2,6})+\b"
)
TLDS = (
    "com|org|net|edu|gov|mil|int|io|co|us|uk|ca|de|fr|es|it|nl|eu|au|in|jp|cn|info|biz|health"
    "|care|me|ly|app|dev|page|site|online|tv|fm|coop|blog|link|md|ie|nz|ch|se|no|dk|be|at|pl|br|mx"
)
_URL = re.compile(
    r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]+"
    r"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + TLDS + r")(?:/[^\s<>\"'`]*)\b"
    r"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|health)\b(?![.@-]?\w)"
)
_LETTERS = re.compile(r"[a-zA-Z]{2}")  # a real host has letters: not "e.g" or "approx.5"
_HEX_LETTER = re.compile(r"[A-Fa-f]")
_HANDLE_MARK = re.compile(r"[\d_.@]")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
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


def url(text: str) -> Iterator[Candidate]:
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        value = text[match.start() : end]
        if "." in value and _LETTERS.search(value):
            yield Candidate(m.URL, match.start(), end, P_URL)


# Social media handles point at a person as surely as a URL does: "@jane_doe92", "insta:
# jane.doe", "jane_doe on tiktok". Reported as URLs, their nearest Safe Harbor kind.
_NETWORKS = r"(?:instagram|insta|ig|twitter|tiktok|snapchat|snap|reddit|discord|threads|bluesky|facebook|fb)"
_HANDLE_AT = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}[A-Za-z0-9_])\b")
_HANDLE_CUED = re.compile(
    rf"(?i)\b(?:{_NETWORKS}|handle|username|user\s+name|screen\s+name|u/)\s*(?:is|:)?\s*"
    r"(@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}[A-Za-z0-9_]))\b"
)
_HANDLE_BEFORE = re.compile(
    rf"(?<![\w.@])(@?[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+)\s+(?:on|at)\s+(?i:{_NETWORKS})\b"
)


def handles(text: str) -> Iterator[Candidate]:
    for match in _HANDLE_AT.finditer(text):
        yield Candidate(m.URL, match.start(), match.end(), P_URL - 1)
    for pattern in (_HANDLE_CUED, _HANDLE_BEFORE):
        for match in pattern.finditer(text):
            value = match.group(1)
            # A handle has a digit, an underscore, a dot or an @; a plain word is just a word.
            if _HANDLE_MARK.search(value):
                yield Candidate(m.URL, match.start(1), match.end(1), P_URL - 1)


def ipv6(text: str) -> Iterator[Candidate]:
    for match in _IPV6.finditer(text):
        value = match.group(0)
        groups = [g for g in value.split(":") if g]
        # Clock times (10:30:45) and ratios share the colon; an address has letters or "::".
        if "::" not in value and len(groups) < 8:
            continue
        if len(groups) < 2 and value != "::1":
            continue
        if not _HEX_LETTER.search(value) and "::" not in value:
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
    return not _YEAR_ONLY.fullmatch(value)


def labelled(text: str, lower: str) -> Iterator[Candidate]:
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
        while UNIT_AFTER.match(text, match.start("value") + len(value)):
            cut = max(value.rfind(" "), value.rfind("-"))
            if cut <= 0:
                break
            value = value[:cut]
        start = match.start("value")
        end = start + len(value)
        if not _plausible_value(value, kind) or UNIT_AFTER.match(text, end):
            continue
        yield Candidate(kind, start, end, P_LABELLED)


def ssn(text: str) -> Iterator[Candidate]:
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


def shaped_ids(text: str, digits: int) -> Iterator[Candidate]:
    for match in _VIN.finditer(text):
        value = match.group(0)
        letters = sum(ch.isalpha() for ch in value)
        if letters >= 2 and len(value) - letters >= 3:
            yield Candidate(m.VEHICLE_ID, match.start(), match.end(), P_SHAPED_ID)
    for match in _MBI.finditer(text):
        yield Candidate(m.HEALTH_PLAN_NUMBER, match.start(), match.end(), P_SHAPED_ID)
    for match in _CARD.finditer(text) if digits >= 15 else ():
        number = "".join(ch for ch in match.group(0) if ch.isdigit())
        if _luhn(number):
            # A 15-digit Luhn number starting 35 is an IMEI (a phone's serial), not a card.
            imei = len(number) == 15 and number.startswith("35")
            kind = m.DEVICE_ID if imei else m.ACCOUNT_NUMBER
            yield Candidate(kind, match.start(), match.end(), P_SHAPED_ID)
    for match in _IBAN.finditer(text):
        if len("".join(match.group(0).split())) >= 15:
            yield Candidate(m.ACCOUNT_NUMBER, match.start(), match.end(), P_SHAPED_ID)
    for match in _MAC.finditer(text):
        yield Candidate(m.DEVICE_ID, match.start(), match.end(), P_SHAPED_ID)


def fallback_numbers(text: str) -> Iterator[Candidate]:
    """Long digit runs with no label: almost never clinical, very often an identifier."""
    for match in _LONG_NUMBER.finditer(text):
        if UNIT_AFTER.match(text, match.end()):
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


def phones(text: str) -> Iterator[Candidate]:
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
        if _PHONE_CUE.search(before) and not UNIT_AFTER.match(text, match.end()):
            yield Candidate(_phone_kind(text, match.start()), match.start(), match.end(), P_PHONE)


def emails(text: str, lower: str) -> Iterator[Candidate]:
    patterns = [_EMAIL] if "@" in text else []
    if any(host in lower for host in _MAIL_HOSTS):
        patterns.append(_EMAIL_SPELLED)
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield Candidate(m.EMAIL, match.start(), match.end(), P_EMAIL)


_MAIL_HOSTS = ("mail", "yahoo", "outlook", "icloud", "aol", "proton", "live", "msn", "comcast")


def ipv4(text: str) -> Iterator[Candidate]:
    for match in _IPV4.finditer(text):
        yield Candidate(m.IP_ADDRESS, match.start(), match.end(), P_IP)
