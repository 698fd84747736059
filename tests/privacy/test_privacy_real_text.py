"""Precision on real text that holds no personal identifiers.

The knowledge-base topics are about a megabyte of clinical prose written for patients, and the
MEDIQA 2019 consumer questions (shared public data, evaluation use) are real people's health
questions. De-identifying them must leave them almost untouched: every name or date reported
here would be a false alarm that costs the engine clinical context.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from bondmcp.privacy import deidentify

REPO = Path(__file__).resolve().parents[2]
TOPICS = REPO / "src" / "bondmcp" / "engine" / "topics"
MEDIQA = REPO.parent / "shared" / "data" / "MEDIQA2019" / "MEDIQA_Task3_QA"

# Public helpline numbers in the topics are phone numbers by shape and are reported as such.
SHAPE_TYPES = {"phone", "url", "email"}


def _topic_bodies() -> list[str]:
    bodies = []
    for path in sorted(TOPICS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        bodies.append(text.split("---", 2)[2] if text.startswith("---") else text)
    return bodies


def test_knowledge_base_prose_is_left_alone() -> None:
    bodies = _topic_bodies()
    if not bodies:
        pytest.skip("no knowledge-base topics in this checkout")
    characters = sum(len(b) for b in bodies)
    false_alarms: Counter[str] = Counter()
    for body in bodies:
        for e in deidentify(body).entities:
            if e.type not in SHAPE_TYPES:
                false_alarms[f"{e.type}: {body[e.start : e.end]}"] += 1
    # At most one false alarm per 50,000 characters of clinical prose.
    assert sum(false_alarms.values()) <= characters / 50_000, false_alarms.most_common(20)


def test_real_consumer_questions_are_left_alone() -> None:
    files = sorted(MEDIQA.glob("*.xml")) if MEDIQA.is_dir() else []
    if not files:
        pytest.skip(f"shared data not found: {MEDIQA}")
    questions = {
        (q.text or "").strip()
        for path in files
        for q in ET.parse(path).getroot().iter("QuestionText")
    }
    questions.discard("")
    assert len(questions) > 200
    touched = [
        q for q in questions if any(e.type not in SHAPE_TYPES for e in deidentify(q).entities)
    ]
    assert len(touched) <= len(questions) * 0.02, touched[:10]
