"""The engine's answers are grounded: every sentence is quoted from a cited source."""

from __future__ import annotations

import pytest

from bondmcp.engine.engine import ABSTAIN_ANSWER, DOSE_ANSWER, OUT_OF_SCOPE_ANSWER, HealthEngine
from bondmcp.engine.knowledge import load_topics
from bondmcp.engine.passages import passages_from_topics


@pytest.fixture(scope="module")
def engine() -> HealthEngine:
    return HealthEngine.builtin()


def assert_grounded(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    passages = {p.source_id: p for p in engine.index.passages}
    assert answer.citations, question
    cited = {c.source_id for c in answer.citations}
    for sentence, source_id in answer.evidence:
        assert source_id in cited
        if source_id.startswith("kb:"):
            assert sentence in passages[source_id].sentences, (question, sentence)
    assert answer.text == " ".join(s for s, _ in answer.evidence)


@pytest.mark.parametrize(
    ("question", "topic", "section"),
    [
        ("What is diabetes?", "type-2-diabetes", "overview"),
        ("What causes high blood pressure?", "hypertension", "causes"),
        ("symptoms of flu", "influenza", "symptoms"),
        ("how is asthma treated", "asthma", "treatment"),
        ("how can I prevent type 2 diabetes", "type-2-diabetes", "prevention"),
        ("when should I see a doctor about a migraine", "migraine", "when_to_seek_care"),
    ],
)
def test_answers_come_from_the_right_topic_and_section(
    engine: HealthEngine, question: str, topic: str, section: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic_id == topic
    assert answer.intent == section
    assert any(c.source_id == f"kb:{topic}#{section}" for c in answer.citations)
    assert answer.confidence >= 0.5
    assert_grounded(engine, question)


def test_lay_phrasing_finds_the_condition(engine: HealthEngine) -> None:
    answer = engine.ask("What is sugar diabetes?")
    assert answer.topic_id == "type-2-diabetes"


def test_emergency_answers_lead_with_guidance_then_cite_it(engine: HealthEngine) -> None:
    answer = engine.ask("I think I'm having a stroke, my face is drooping")
    assert answer.triage == "emergency"
    assert answer.evidence[0][1] == "triage:stroke"
    assert answer.text.startswith("These can be signs of a stroke")
    assert answer.confidence >= 0.85
    assert_grounded(engine, "I think I'm having a stroke, my face is drooping")


@pytest.mark.parametrize(
    "question",
    ["What is the capital of France?", "How do I bake sourdough bread?", "best laptop for gaming"],
)
def test_non_health_questions_are_out_of_scope(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.in_scope is False
    assert answer.confidence <= 0.2
    assert answer.text == OUT_OF_SCOPE_ANSWER
    assert answer.citations == ()


@pytest.mark.parametrize(
    "question",
    ["How much ibuprofen can I take?", "What dose of metformin should I take?"],
)
def test_dose_questions_are_declined_honestly(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.in_scope is True
    assert answer.abstained is True
    assert answer.text == DOSE_ANSWER
    assert answer.confidence <= 0.2


def test_ungroundable_health_questions_abstain(engine: HealthEngine) -> None:
    answer = engine.ask("Is xylophagous pica associated with the zygomatic nerve ganglion?")
    assert answer.abstained is True
    assert answer.text == ABSTAIN_ANSWER
    assert answer.confidence <= 0.2


def test_kb_version_changes_when_content_changes() -> None:
    passages = passages_from_topics(load_topics())
    base = HealthEngine(passages).kb_version
    edited = list(passages)
    first = edited[0]
    edited[0] = type(first)(
        **{**{f: getattr(first, f) for f in first.__slots__}, "text": first.text + " Extra."}
    )
    assert HealthEngine(edited).kb_version != base
    assert HealthEngine(list(passages)).kb_version == base


def test_search_ranks_the_matching_section_first(engine: HealthEngine) -> None:
    hits = engine.search("what causes gout", limit=5)
    assert hits[0].passage.source_id == "kb:gout#causes"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("question", ["\u0082-", "?", "the of and", "   "])
def test_questions_without_words_get_an_answer_not_an_error(
    engine: HealthEngine, question: str
) -> None:
    assert engine.search(question, limit=5) == []
    answer = engine.ask(question)
    assert answer.in_scope is False
    assert answer.text == OUT_OF_SCOPE_ANSWER
