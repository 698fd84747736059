"""Passages: the unit of retrieval and citation.

Each knowledge-base section becomes one passage whose ``source_id`` is stable
(``kb:<topic>#<section>``), so a citation keeps pointing at the same text across
releases. Imported corpora produce passages of the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bondmcp.engine.knowledge import SECTIONS, Topic, split_sentences


@dataclass(frozen=True, slots=True)
class Passage:
    source_id: str
    topic_id: str
    title: str
    section: str
    text: str
    url: str
    publisher: str
    aliases: tuple[str, ...] = ()
    attribution: str | None = None
    origin: str = "kb"
    #: The question this passage answers, when the corpus has one (MedQuAD does).
    question: str | None = None
    #: The topic's kind (``knowledge.KINDS``: condition, symptom...) for our own topics.
    kind: str | None = None

    @property
    def sentences(self) -> list[str]:
        return split_sentences(self.text)

    @property
    def heading(self) -> str:
        return f"{self.title}: {SECTIONS.get(self.section, self.section)}"


def passages_from_topics(topics: Iterable[Topic]) -> list[Passage]:
    passages: list[Passage] = []
    for topic in topics:
        primary = topic.sources[0]
        for section, text in topic.sections.items():
            passages.append(
                Passage(
                    source_id=f"kb:{topic.id}#{section}",
                    topic_id=topic.id,
                    title=topic.title,
                    section=section,
                    text=" ".join(text.split()),
                    url=primary.url,
                    publisher=primary.publisher,
                    aliases=topic.aliases,
                    kind=topic.kind,
                )
            )
    return passages
