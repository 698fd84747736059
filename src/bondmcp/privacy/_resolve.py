"""Settling overlapping candidates into sorted, non-overlapping entities.

Recognisers are allowed to overlap: a labelled member ID may also look like a phone number, a
date may sit inside a URL. The most specific reading wins (highest priority, then the longest
span), and name candidates that overlap each other are merged first, since two rules that each
see part of "Maria de la Cruz" are both right.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from . import _model as m
from ._candidate import Candidate


def _merge_names(candidates: list[Candidate]) -> list[Candidate]:
    names = sorted((c for c in candidates if c.type == m.NAME), key=lambda c: (c.start, c.end))
    others = [c for c in candidates if c.type != m.NAME]
    merged: list[Candidate] = []
    for c in names:
        if merged and c.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Candidate(m.NAME, last.start, max(last.end, c.end), last.priority)
        else:
            merged.append(c)
    return others + merged


def resolve(candidates: Iterable[Candidate], text: str) -> list[m.Entity]:
    """Pick a non-overlapping subset of ``candidates``, sorted by position."""
    pool = [c for c in candidates if 0 <= c.start < c.end <= len(text)]
    pool = _merge_names(pool)
    pool.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    # Taken spans never overlap, so kept sorted by start they are sorted by end too, and a
    # candidate only needs comparing with its two neighbours: n log n however long the text.
    starts: list[int] = []
    taken: list[Candidate] = []
    for c in pool:
        i = bisect.bisect_left(starts, c.start)
        if i < len(taken) and taken[i].start < c.end:
            continue  # overlaps the next span
        if i > 0 and taken[i - 1].end > c.start:
            continue  # overlaps the previous span
        starts.insert(i, c.start)
        taken.insert(i, c)
    return _join_adjacent([m.Entity(c.type, c.start, c.end) for c in taken], text)


def _join_adjacent(entities: list[m.Entity], text: str) -> list[m.Entity]:
    """Join same-type entities separated by blanks only, so "[NAME] [NAME]" reads "[NAME]"."""
    joined: list[m.Entity] = []
    for e in entities:
        if joined:
            last = joined[-1]
            if (
                last.type == e.type == m.NAME
                and text[last.end : e.start].strip(" \t") == ""
                and "\n" not in text[last.end : e.start]
            ):
                joined[-1] = m.Entity(e.type, last.start, e.end)
                continue
        joined.append(e)
    return joined
