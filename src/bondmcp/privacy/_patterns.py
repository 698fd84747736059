"""Running the shape-based recognisers over a text.

Each recogniser yields :class:`Candidate` spans with a priority; overlaps are settled later, so a
recogniser may be generous and leave the choice to a more specific one (a labelled medical record
number beats the phone-number shape of the same digits). Shapes that clinical text also uses
(``140/90``, ``7/10``, ``5 mg``) are only taken with a validating check or a context word, because
keeping the clinical content matters as much as removing the identifiers.

All regular expressions are compiled once at import and are linear on their input: a very long
text costs proportionally more, never exponentially more. Cheap hints decide which recognisers
can match at all, so a question with no digits and no month name costs a handful of scans.
"""

from __future__ import annotations

import re

from ._candidate import Candidate, lower_same_length
from ._dates import ages, dates
from ._numbers import (
    TLDS,
    emails,
    fallback_numbers,
    handles,
    ipv4,
    ipv6,
    labelled,
    phones,
    shaped_ids,
    ssn,
    url,
)
from ._places import addresses, zips

_DIGIT = re.compile(r"\d")
_URL_HINT = re.compile(r"(?i)://|www\.|[a-z0-9]\.(?:" + TLDS + r")\b")
_HANDLE_HINT = re.compile(
    r"insta|twitter|tiktok|snap|reddit|discord|handle|user\s*name|screen\s+name|\big\b"
)
_MONTH_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_ZIP_HINT = re.compile(r"(?<!\d)\d{5}(?!\d)|[A-Z]\d[A-Z\d]?\s")


def find_shaped(text: str) -> list[Candidate]:
    """Every candidate from the shape-based recognisers, overlapping and unsorted.

    Cheap hints decide which recognisers can match at all, so a question with no digits and
    no month name costs a handful of scans instead of every pattern.
    """
    found: list[Candidate] = []
    lower = lower_same_length(text)
    digits = len(_DIGIT.findall(text))
    found.extend(emails(text, lower))
    if _URL_HINT.search(text):
        found.extend(url(text))
    if "@" in text or "_" in text or _HANDLE_HINT.search(lower):
        found.extend(handles(text))
    if digits >= 2 and text.count(".") >= 3:
        found.extend(ipv4(text))
    if "::" in text or text.count(":") >= 7:
        found.extend(ipv6(text))
    if digits >= 9:
        found.extend(ssn(text))
    if digits >= 1:
        found.extend(labelled(text, lower))
    if digits >= 6:
        found.extend(shaped_ids(text, digits))
    month = _MONTH_HINT.search(lower) is not None
    if digits >= 1 or month:
        found.extend(dates(text, lower, digits=digits, month=month))
    if digits >= 7:
        found.extend(phones(text))
    found.extend(addresses(text, lower, digits=digits))
    if digits >= 3 and _ZIP_HINT.search(text):
        found.extend(zips(text))
    if digits >= 2:
        found.extend(ages(text, lower))
    if digits >= 7:
        found.extend(fallback_numbers(text))
    return found
