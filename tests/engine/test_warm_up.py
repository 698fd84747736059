"""Warming the engine up front reads triage's wording model, analyses the built-in passages
and topics, and changes no answer."""

from __future__ import annotations

from bondmcp.engine.engine import HealthEngine

QUESTIONS = (
    "what are the symptoms of type 2 diabetes",
    "how is gout treated",
    "my dad keeps peeing a lot and is always thirsty",
)


def test_warm_up_analyses_every_built_in_passage_and_topic_and_changes_no_answer() -> None:
    cold = HealthEngine.builtin()
    before = [cold.ask(q, "us") for q in QUESTIONS]

    warm = HealthEngine.builtin()
    steps = sum(1 for _ in warm.warm_up())
    builtin = [p for p in warm.index.passages if p.origin == "kb"]
    topics = {p.topic_id for p in builtin}
    # One step reads triage's wording model, then one per passage and one per topic.
    assert builtin and steps == 1 + len(builtin) + len(topics)
    assert all(p.source_id in warm._sentence_cache for p in builtin)
    assert set(warm._topic_sentence_cache) == topics

    after = [warm.ask(q, "us") for q in QUESTIONS]
    assert [(a.text, a.confidence, a.citations) for a in after] == [
        (b.text, b.confidence, b.citations) for b in before
    ]
