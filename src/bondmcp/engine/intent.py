"""Question intent: which section of a topic the question is really asking for."""

from __future__ import annotations

import re

#: Checked in order; the first intent whose pattern matches wins.
_INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "when_to_seek_care",
            r"\bwhen (?:should|do|to|must|would) (?:i |we |you |he |she |they )?(?:see|call|go|visit|"
            r"get|seek|worry|be worried)|\bshould i (?:see|go|call|be worried)|\bis it serious\b|"
            r"\bemergency\b|\bgo to (?:the )?(?:er|a&e|hospital)\b|\bwhen is .{0,40} serious\b",
        ),
        (
            "prevention",
            r"\bprevent|\bavoid (?:getting|catching)|\b(?:reduce|lower|cut) (?:my |the |your )?(?:risk|"
            r"chance)|\bprotect (?:myself|yourself|against|from)|\bstop (?:myself |it )?from getting\b",
        ),
        (
            "treatment",
            r"\btreat|\bcure|\bget rid of|\brelie(?:f|ve)|\bremed|\bmanag(?:e|ing)\b|\btherap|"
            r"\bwhat (?:helps|can help|can i (?:do|take))|\bhow (?:do|can|to) (?:i |you )?(?:stop|fix|heal|"
            r"ease|deal)|\bmedicat|\bmedicines? for\b|\bheal\b|\brecover",
        ),
        (
            "diagnosis",
            r"\bdiagnos|\btest(?:ed|ing|s)? for\b|\bhow (?:do|can|will) (?:doctors?|they|you|i) "
            r"(?:know|tell|check|find out)|\bdetect|\bresults?\b|\bnormal (?:range|level)|"
            r"\bwhat does (?:a |my )?.{0,30} (?:level|result|reading|number) mean|\bscreen(?:ed|ing)? for\b",
        ),
        (
            "risk_factors",
            r"\brisk|\bwho (?:gets|is likely|is at risk|can get)|\bmore likely\b|\bprone\b|"
            r"\bhereditary\b|\bgenetic|\brun in (?:the )?famil|\binherit",
        ),
        (
            "causes",
            r"\bcaus|\bwhy (?:do|does|did|am|is|are|would|can)|\breason for\b|\btrigger|\bhow do you get\b|"
            r"\bhow (?:is|are) .{0,30} (?:spread|transmitted|caught)|\bcontagious\b|\bcatch\b",
        ),
        (
            "symptoms",
            r"\bsymptom|\bsigns?\b|\bwhat does .{0,40} feel like|\bhow do i know if\b|"
            r"\bhow (?:can|do) (?:i|you) tell if\b|\bwarning|\bindicat",
        ),
        (
            "overview",
            r"\bwhat (?:is|are|'s)\b|\bwhats\b|\bdefin|\bmeaning of\b|\bexplain\b|\btell me about\b|"
            r"\binformation (?:on|about)\b|\bwhat does .{0,30} mean\b",
        ),
    )
)

DOSE_RE = re.compile(
    r"\b(?:dose|doses|dosage|dosing|how (?:much|many) (?:mg|milligrams|ml|tablets|pills|units|"
    r"capsules)|how (?:much|many) .{0,30} (?:can|should|do) (?:i|you|he|she|we) (?:take|give|use)|"
    r"\d+\s?(?:mg|mcg|ml)\b.{0,20}(?:safe|ok|okay|too much)|maximum (?:daily )?amount)",
    re.IGNORECASE,
)


def detect_intent(question: str) -> str | None:
    """The section a question asks for, or ``None`` when it states no intent."""
    for name, pattern in _INTENTS:
        if pattern.search(question):
            return name
    return None


def asks_for_dose(question: str) -> bool:
    """Dosing questions are never answered from general content: doses are individual."""
    return DOSE_RE.search(question) is not None
