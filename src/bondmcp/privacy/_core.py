"""The public entry points: find the identifiers, then replace each with its tag."""

from __future__ import annotations

from . import _model as m
from ._names import find_names
from ._patterns import find_shaped
from ._resolve import resolve


def find_entities(text: str) -> list[m.Entity]:
    """The identifiers in ``text``: sorted, non-overlapping, offsets into ``text``."""
    if not text:
        return []
    candidates = find_shaped(text)
    candidates.extend(find_names(text))
    return resolve(candidates, text)


def deidentify(text: str) -> m.Deidentified:
    """Replace every identifier in ``text`` with a bracketed tag such as ``[NAME]`` or ``[DATE]``.

    Deterministic and local: no network, no model, nothing kept between calls. The entities'
    offsets point into the original ``text``, which the result does not retain.
    """
    entities = find_entities(text)
    parts: list[str] = []
    cursor = 0
    for entity in entities:
        parts.append(text[cursor : entity.start])
        parts.append(m.TAGS[entity.type])
        cursor = entity.end
    parts.append(text[cursor:])
    return m.Deidentified(text="".join(parts), entities=entities)


def redact(text: str) -> str:
    """Shorthand for ``deidentify(text).text``."""
    return deidentify(text).text
