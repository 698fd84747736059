"""Detect MedQuAD answers that reproduce or report third-party publications.

MedQuAD is CC BY 4.0 and its NIH sources are public domain, but GARD (the Genetic and Rare
Diseases Information Center) answered many questions by compiling material from journal
articles, Orphanet, OMIM, eMedicine and similar publishers. Where it did, the answer carries
the marks of that material, and those marks are what we detect:

``citation_marker``
    An inline reference marker left behind by the excerpted source: ``[1]``, ``[9184]``,
    ``[1, 2]``, ``[orphanet]``, ``[OMIM]``. GARD put these after sentences copied from a
    cited reference.
``reference``
    A bibliographic reference inside the answer: an "Accessed 3/30/2011" access date, a
    journal citation such as ``2007;100(5):439-447`` or ``[serial online]``.
``attribution``
    A statement credited to named authors or a dated publication: "et al.", "the authors
    concluded", "a study by ...", "an article published in ...", "(2007)" after a name,
    "according to <source> 2014".

Pointers to other sites ("more information is available on Medscape's web site", "click
here") are *not* flagged: they quote nothing. NIH institutes' own pages that cite their own
trials (NIDDK, NHLBI, SeniorHealth) are not flagged either; the check runs on GARD only.
"""

from __future__ import annotations

import re

#: MedQuAD ``Document@source`` values whose answers are compiled from third-party material.
COMPILED_SOURCES = frozenset({"GARD"})

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "citation_marker",
        re.compile(r"\[(?:\d{1,5}(?:\s*[,–-]\s*\d{1,5})*|orphanet|omim)\]", re.IGNORECASE),
    ),
    (
        "reference",
        re.compile(
            r"\bAccessed\s+(?:on\s+)?(?:\d{1,2}/\d|[A-Z][a-z]+\.?\s+\d)"
            r"|\b(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?"
            r"\s*:\s*[eE]?\d+"
            r"|\[serial online\]"
        ),
    ),
    (
        "attribution",
        re.compile(
            r"\bet\.? al\b"
            r"|\b(?i:the|these|their|one) authors?\b|\b(?i:authors?) of (?:a|an|one|another|this|the)\b"
            r"|\b(?i:study|article|report|review)\s+(?:was\s+)?(?:by|written\s+by|published)\b"
            r"(?!\s+by\s+the\s+National\b)"
            r"|\b[A-Z][a-z]+\s+\((?:19|20)\d\d\)"
            r"|\b(?i:according) to (?:the )?medical text\b"
            r"|\b(?i:according) to [^.;]{0,60}\b(?:19|20)\d\d\b"
        ),
    ),
)


def third_party_reason(text: str) -> tuple[str, str] | None:
    """The first rule the answer trips and the text that tripped it, or ``None``."""
    for name, pattern in _RULES:
        match = pattern.search(text)
        if match is not None:
            return name, match.group(0)
    return None
