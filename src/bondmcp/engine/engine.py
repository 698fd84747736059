"""The answer engine: triage, scope, retrieval and an extractive, cited answer.

Every sentence of an answer is either our emergency guidance (cited to the public page
it follows) or a sentence quoted whole from a passage (cited by the passage's
``source_id``). The engine never writes a medical statement of its own, so it cannot say
anything its sources do not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from bondmcp.engine.intent import asks_for_dose, detect_intent
from bondmcp.engine.knowledge import SECTIONS, load_topics
from bondmcp.engine.passages import Passage, passages_from_topics
from bondmcp.engine.retrieval import Hit, PassageIndex
from bondmcp.engine.scope import ScopeDetector
from bondmcp.engine.text import analyse, content_terms
from bondmcp.engine.triage import triage

DISCLAIMER = (
    "This information is general health education, not medical advice. It does not replace "
    "a consultation with a qualified health professional."
)
OUT_OF_SCOPE_ANSWER = (
    "I can only help with health questions, and this does not look like one. Try asking about a "
    "symptom, a condition, a test, a medicine or a healthy habit."
)
ABSTAIN_ANSWER = (
    "I don't have reliable information to answer that question. Please ask a doctor, nurse or "
    "pharmacist, who can take your situation into account."
)
DOSE_ANSWER = (
    "I can't advise on medicine doses, because the right dose depends on the person and the "
    "product. Follow the directions on the label or from your prescriber, and ask a pharmacist "
    "if you are unsure."
)

_MAX_SENTENCES = 3
_ABSTAIN_BELOW = 0.35


@dataclass(frozen=True, slots=True)
class SourceRef:
    source_id: str
    title: str
    url: str
    publisher: str | None = None
    section: str | None = None
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    confidence: float
    triage: str
    in_scope: bool
    citations: tuple[SourceRef, ...]
    evidence: tuple[tuple[str, str], ...]
    kb_version: str
    disclaimer: str = DISCLAIMER
    abstained: bool = False
    topic_id: str | None = None
    intent: str | None = None


@dataclass(slots=True)
class _Draft:
    sentences: list[tuple[str, str]] = field(default_factory=list)
    citations: dict[str, SourceRef] = field(default_factory=dict)

    def quote(self, passage: Passage, sentences: Sequence[str]) -> None:
        for sentence in sentences:
            self.sentences.append((sentence, passage.source_id))
        self.citations.setdefault(
            passage.source_id,
            SourceRef(
                source_id=passage.source_id,
                title=passage.heading,
                url=passage.url,
                publisher=passage.publisher,
                section=passage.section,
                attribution=passage.attribution,
            ),
        )


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class HealthEngine:
    """Answers questions from a fixed set of passages. Thread-safe: nothing mutates."""

    def __init__(self, passages: Sequence[Passage], default_locale: str = "us") -> None:
        self.index = PassageIndex(passages)
        self.default_locale = default_locale
        vocabulary: list[str] = []
        for p in passages:
            vocabulary.append(p.title)
            vocabulary.extend(p.aliases)
        self.scope = ScopeDetector(vocabulary)

    @classmethod
    def builtin(cls, extra: Sequence[Passage] = (), default_locale: str = "us") -> HealthEngine:
        """The engine over the built-in knowledge base, plus any imported passages."""
        return cls([*passages_from_topics(load_topics()), *extra], default_locale)

    @property
    def kb_version(self) -> str:
        return self.index.version

    def search(self, question: str, limit: int = 5) -> list[Hit]:
        topics = [m.topic_id for m in self.index.match_aliases(question)]
        return self.index.search(
            question, limit=limit, intent=detect_intent(question), topics=topics
        )

    def ask(self, question: str, locale: str | None = None) -> Answer:
        question = " ".join(question.split())
        urgency = triage(question, locale or self.default_locale)
        draft = _Draft()
        if urgency.level != "routine":
            ref = SourceRef(
                source_id=f"triage:{urgency.category}",
                title=urgency.source_title or "Emergency guidance",
                url=urgency.source_url or "",
            )
            draft.citations[ref.source_id] = ref
            draft.sentences.extend((g, ref.source_id) for g in urgency.guidance)

        matches = self.index.match_aliases(question)
        in_scope = urgency.level != "routine" or bool(matches) or self.scope.in_scope(question)
        if not in_scope:
            return self._finish(OUT_OF_SCOPE_ANSWER, 0.05, urgency.level, False, _Draft())

        if asks_for_dose(question):
            if urgency.level != "routine":
                return self._finish_draft(draft, 0.9, urgency.level, abstained=False)
            return self._finish(DOSE_ANSWER, 0.1, urgency.level, True, _Draft(), abstained=True)

        intent = detect_intent(question)
        named = [m.topic_id for m in matches]
        scores = self.index.scores(question, intent=intent, topics=named)
        ranked = self.index.topic_scores(scores)
        confidence = 0.0
        topic_id: str | None = None
        if ranked:
            topic_id = ranked[0][0]
            confidence = self._confidence(question, ranked, topic_id in named)
        if topic_id is None or confidence < _ABSTAIN_BELOW:
            if urgency.level != "routine":
                return self._finish_draft(draft, 0.85, urgency.level, abstained=False)
            return self._finish(
                ABSTAIN_ANSWER, min(confidence, 0.2), urgency.level, True, _Draft(), abstained=True
            )

        self._compose(draft, question, topic_id, intent, scores, named=topic_id in named)
        if urgency.level != "routine":
            confidence = max(confidence, 0.85)
        return self._finish_draft(
            draft, confidence, urgency.level, abstained=False, topic_id=topic_id, intent=intent
        )

    def _confidence(self, question: str, ranked: list[tuple[str, float]], named: bool) -> float:
        """A monotone score of how well the best topic grounds the question.

        Coverage (share of the question's content words found in the topic) carries most
        weight; an explicit topic name, a clear margin over the runner-up and absolute
        BM25 strength add to it.
        """
        terms = set(content_terms(question))
        top_topic, top_score = ranked[0]
        stems = self.index.topic_stems(top_topic)
        covered = sum(1 for alternatives in terms if stems.intersection(alternatives))
        coverage = covered / len(terms) if terms else 0.0
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        margin = (top_score - runner_up) / top_score if top_score > 0 else 0.0
        strength = top_score / (top_score + 8.0)
        z = -3.2 + 3.4 * coverage + 1.4 * float(named) + 1.2 * margin + 1.6 * strength
        return round(min(0.97, max(0.02, _sigmoid(z))), 3)

    def _compose(
        self,
        draft: _Draft,
        question: str,
        topic_id: str,
        intent: str | None,
        scores: object,
        *,
        named: bool,
    ) -> None:
        passages = self.index.topic_passages(topic_id)
        wanted = intent if intent is not None else ("overview" if named else "symptoms")
        passage = self.index.passage_for(topic_id, wanted)
        if passage is None:
            best = max(
                passages,
                key=lambda p: len(
                    set(analyse(question, expand_lay_terms=True)) & set(analyse(p.text))
                ),
            )
            passage = best
        overview = self.index.passage_for(topic_id, "overview")
        if not named and passage.section != "overview" and overview is not None:
            # The question did not name the condition, so say first what it is.
            draft.quote(overview, overview.sentences[:1])
        draft.quote(passage, self._select_sentences(question, passage))

    @staticmethod
    def _select_sentences(question: str, passage: Passage) -> list[str]:
        sentences = passage.sentences
        if len(sentences) <= 2:
            return sentences
        query = set(analyse(question, expand_lay_terms=True))
        scored = [(len(query & set(analyse(s))), -i, i) for i, s in enumerate(sentences) if i > 0]
        scored.sort(reverse=True)
        picked = {0}
        for overlap, _neg, i in scored:
            if len(picked) >= _MAX_SENTENCES:
                break
            if overlap > 0 or len(picked) < 2:
                picked.add(i)
        return [sentences[i] for i in sorted(picked)]

    def _finish(
        self,
        text: str,
        confidence: float,
        level: str,
        in_scope: bool,
        draft: _Draft,
        *,
        abstained: bool = False,
    ) -> Answer:
        return Answer(
            text=text,
            confidence=confidence,
            triage=level,
            in_scope=in_scope,
            citations=tuple(draft.citations.values()),
            evidence=tuple(draft.sentences),
            kb_version=self.kb_version,
            abstained=abstained,
        )

    def _finish_draft(
        self,
        draft: _Draft,
        confidence: float,
        level: str,
        *,
        abstained: bool,
        topic_id: str | None = None,
        intent: str | None = None,
    ) -> Answer:
        return Answer(
            text=" ".join(sentence for sentence, _ in draft.sentences),
            confidence=confidence,
            triage=level,
            in_scope=True,
            citations=tuple(draft.citations.values()),
            evidence=tuple(draft.sentences),
            kb_version=self.kb_version,
            abstained=abstained,
            topic_id=topic_id,
            intent=intent,
        )


__all__ = ["DISCLAIMER", "SECTIONS", "Answer", "HealthEngine", "SourceRef"]
