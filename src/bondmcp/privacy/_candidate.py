"""What every recogniser reports: a candidate span with a priority, and shared helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass


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


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` keeping every offset: the rare characters whose lower case is longer
    (such as "İ") are left as they are."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


# A unit right after a number makes it a quantity, never an identifier ("policy is 2 years old",
# "may 10 mg", "MRN 1234567 10 mg").
UNIT_AFTER = re.compile(
    r"\s*(?:%|mg|mcg|ml|g\b|kg|lbs?|pounds|units?|iu|years?|yrs?|months?|weeks?|days?|hours?|hrs?"
    r"|min|times|x\b|am\b|pm\b|mmhg|bpm|dollars|usd|\$)",
    re.IGNORECASE,
)
