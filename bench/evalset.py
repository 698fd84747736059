"""The engine evaluation set (``bench/eval/questions.yaml``): loading and scoring rules.

Kept apart from the benchmark script so the confidence fit and the benchmark score an
answer the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

EVAL_FILE = Path(__file__).resolve().parent / "eval" / "questions.yaml"
KINDS = ("answerable", "emergency", "out_of_scope", "unanswerable")
SPLITS = ("tune", "heldout")


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    split: str
    question: str
    topics: tuple[str, ...] = ()
    #: Every group must be matched by at least one of its phrases.
    facts: tuple[tuple[str, ...], ...] = ()
    triage: str = "routine"
    categories: tuple[str, ...] = ()


def load(path: Path = EVAL_FILE) -> list[Item]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    items: list[Item] = []
    for raw in data["questions"]:
        facts = tuple(
            (group,) if isinstance(group, str) else tuple(group) for group in raw.get("facts", ())
        )
        items.append(
            Item(
                id=raw["id"],
                kind=raw["kind"],
                split=raw["split"],
                question=raw["question"],
                topics=tuple(raw.get("topics", ())),
                facts=facts,
                triage=raw.get("triage", "routine"),
                categories=tuple(raw.get("categories", ())),
            )
        )
    return items


def mentions(text: str, phrase: str) -> bool:
    """Does the text contain the phrase as the start of a word (numbers as whole numbers)?

    "spread" matches "spreads" and "urinat" matches "urination", but "8" does not match
    "18" and "ice" does not match "advice".
    """
    end = r"(?![0-9])" if phrase[-1].isdigit() else ""
    pattern = r"(?<![a-z0-9])" + re.escape(phrase.lower()) + end
    return re.search(pattern, text.lower()) is not None


def facts_found(item: Item, text: str) -> bool:
    """True when the text mentions at least one phrase of every fact group."""
    return all(any(mentions(text, phrase) for phrase in group) for group in item.facts)


def answered_correctly(item: Item, answer: Any) -> bool:
    """Right topic and the required facts, for an in-scope answer that did not abstain."""
    return (
        item.kind == "answerable"
        and answer.in_scope
        and not answer.abstained
        and answer.topic_id in item.topics
        and facts_found(item, answer.text)
    )
