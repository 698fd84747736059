"""Red-flag concepts: the key substrings that let triage skip patterns are sound."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bondmcp.engine import redflags
from bondmcp.engine.triage import RULES, triage


@pytest.mark.parametrize(
    ("pattern", "keys"),
    [
        (r"\bchest (?:pain|pressure)", ("chest p",)),
        (r"\b(?:can'?t|cannot) breathe", (" breathe",)),
        (r"\b(?:sudden\w*|out of nowhere)", ("out of nowhere", "sudden")),
        (r"\b\d+ min\w* ago", (" min",)),
        (r"\b(?:x|y)?", None),
        (r"\b\w+", None),
    ],
)
def test_required_substrings(pattern: str, keys: tuple[str, ...] | None) -> None:
    assert redflags.required_substrings(pattern) == keys


_PATTERNS = [rule.pattern.pattern for rule in RULES] + [
    concept.pattern.pattern for rule in redflags.CONCEPT_RULES for concept in rule.concepts
]


@pytest.mark.parametrize("pattern", sorted(set(_PATTERNS)))
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_contains_a_key(pattern: str, data: st.DataObject) -> None:
    keys = redflags.required_substrings(pattern)
    if keys is None:
        return
    text = data.draw(st.from_regex(pattern, fullmatch=True)).lower()
    if re.search(pattern, text) is not None:
        assert any(key in text for key in keys), (pattern, text)


def test_case_and_accents_do_not_change_triage() -> None:
    assert triage("I CAN'T BREATHE").category == "breathing"
    assert triage("Crushing CHEST pain, café owner").category == "cardiac"
    assert triage("SUDDENLY my left arm and leg feel heavy and tingly").category == "stroke"
    assert triage("Grandpa collapsed — he isn't answering me").level == "emergency"


def test_concept_matches_use_the_rule_sources() -> None:
    result = triage("something heavy is pressing down on my breastbone and i feel sick")
    assert result.category == "cardiac"
    assert (result.source_title, result.source_url) == (
        "Heart attack symptoms (NHLBI)",
        "https://www.nhlbi.nih.gov/health/heart-attack/symptoms",
    )
    assert result.topics == ("heart-attack", "chest-pain", "angina")
