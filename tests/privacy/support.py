"""Assertions shared by the de-identification tests."""

from __future__ import annotations

from bondmcp.privacy import Entity, deidentify


def entities_over(text: str, value: str, *, occurrence: int = 0) -> list[Entity]:
    """The entities that overlap the ``occurrence``-th appearance of ``value`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    end = start + len(value)
    return [e for e in deidentify(text).entities if e.start < end and start < e.end]


def assert_removed(text: str, value: str, kind: str, *, occurrence: int = 0) -> None:
    """Every letter and digit of ``value`` lies in an entity of type ``kind``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    entities = deidentify(text).entities
    for i in range(start, start + len(value)):
        if not text[i].isalnum():
            continue
        covering = [e for e in entities if e.start <= i < e.end]
        assert covering, f"{value!r} not fully removed from {text!r}: {entities}"
        assert covering[0].type == kind, f"{value!r} removed as {covering[0].type}, not {kind}"


def assert_kept(text: str, value: str | None = None) -> None:
    """``value`` (or the whole text) survives de-identification untouched."""
    result = deidentify(text)
    if value is None:
        assert result.entities == [], f"{text!r} lost {result.text!r}"
        assert result.text == text
    else:
        assert entities_over(text, value) == [], f"{value!r} touched in {result.text!r}"
        assert value in result.text
