"""Triage's third layer: the emergency-wording model, its scorer and where it may flag."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from bondmcp.engine.engine import ANSWER_WITHHELD_BELOW, HealthEngine
from bondmcp.engine.triage import triage
from bondmcp.engine.triage_model import WordingModel, wording_model

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def fitted() -> tuple[Any, Any, list[str], WordingModel]:
    """A fresh fit by the benchmark's script (scikit-learn), on the same tune questions, and
    our scorer over it, exported as the script writes the file."""
    sys.path.insert(0, str(BENCH))
    try:
        import fit_triage_model
    finally:
        sys.path.remove(str(BENCH))
    items = fit_triage_model.training_items()
    vectorizer, model = fit_triage_model.fit(items)
    ours = WordingModel.from_dict(fit_triage_model.export(vectorizer, model, len(items)))
    return vectorizer, model, [item.question for item in items], ours


def test_the_scorer_reads_text_as_scikit_learn_does(
    fitted: tuple[Any, Any, list[str], WordingModel],
) -> None:
    """Same n-grams, counts, tf-idf and normalisation: the same probability, to the file's
    rounding, on the questions and on odd text (short words, repeats, other letters)."""
    vectorizer, model, questions, ours = fitted
    odd = ["hi", "a", "cnt  breathe!!", "Ünïcode façade", "tabs\tand\nnewlines", "x" * 3, ""]
    texts = [*questions, *odd, "chest chest chest pain pain"]
    reference = model.predict_proba(vectorizer.transform(texts))[:, 1]
    for text, expected in zip(texts, reference, strict=True):
        assert ours.probability(text) == pytest.approx(expected, abs=1e-4), text


def test_the_shipped_model_is_the_fit_of_the_tune_questions(
    fitted: tuple[Any, Any, list[str], WordingModel],
) -> None:
    """The file matches what the script fits now: refit after changing the question set."""
    vectorizer, model, questions, _ours = fitted
    shipped = wording_model()
    assert set(shipped.features) == set(vectorizer.vocabulary_)
    reference = model.predict_proba(vectorizer.transform(questions))[:, 1]
    worst = max(abs(shipped.probability(q) - p) for q, p in zip(questions, reference, strict=True))
    assert worst < 0.01


def test_a_model_without_features_in_common_scores_the_intercept(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(
        '{"ngram_range": [3, 5], "threshold": 0.8, "intercept": 0.0, '
        '"features": {" ab": [1.5, 2.0]}}',
        encoding="utf-8",
    )
    model = WordingModel.load(path)
    assert model.probability("zzz") == pytest.approx(0.5)
    assert model.probability("abba") > 0.8  # " ab" alone: the normalised feature is 1.0
    assert model.flags("abba") and not model.flags("zzz")


@pytest.mark.parametrize(
    "question",
    [
        # No rule was written for these wordings; the model reads them as emergencies.
        "my little boy is wheezing like mad and sucking his ribs in with every breath",
        "dad fell down the stairs, now he's dozy and keeps throwing up",
    ],
)
def test_new_wordings_of_emergencies_get_emergency_guidance(question: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == ("emergency", "possible_emergency"), question
    assert result.guidance and "911" in result.guidance[0]


@pytest.mark.parametrize(
    "question",
    [
        "stubbed my toe and the nail is black",
        "twisted my ankle playing football and it is swollen",
        "my wrist hurts after a fall on ice",
        "cut my finger chopping onions",
    ],
)
def test_minor_injuries_told_as_a_story_get_no_emergency_guidance(question: str) -> None:
    assert triage(question).level == "routine", question


def test_the_model_alone_gives_general_guidance_with_every_number() -> None:
    question = "dad fell down the stairs, now he's dozy and keeps throwing up"
    assert wording_model().flags(question)
    result = triage(question, locale="gb")
    assert (result.category, result.precautionary) == ("possible_emergency", True)
    text = " ".join(result.guidance)
    assert "999" in text and "116 123" in text and "NHS 111" in text
    assert result.source_url and result.source_url.startswith("https://medlineplus.gov/")


@pytest.mark.parametrize(
    "question",
    [
        "what are the warning signs that someone is having a stroke",
        "how do you know if a baby is struggling to breathe",
        "what should you do if someone collapses and is not breathing",
    ],
)
def test_impersonal_questions_are_left_to_the_rules(question: str) -> None:
    """The model scores these high, but they ask about a subject: no flag from it."""
    result = triage(question)
    assert result.category != "possible_emergency", question


def test_a_precautionary_flag_still_answers_the_question() -> None:
    engine = HealthEngine.builtin()
    question = "my toddler has a cold and pauses his breathing when he snores"
    result = triage(question)
    assert (result.category, result.precautionary) == ("possible_emergency", True)
    answer = engine.ask(question)
    assert answer.triage == "emergency"
    assert answer.text.startswith("This may be a medical emergency.")
    assert answer.topic_id is not None  # the knowledge base's answer follows the guidance
    assert any(not c.source_id.startswith("triage:") for c in answer.citations)


def test_a_precautionary_flag_on_a_question_that_is_not_about_health_is_dropped() -> None:
    engine = HealthEngine.builtin()
    question = "my husband gave away his old xbox to his nephew, won't need it anymore"
    assert triage(question).category == "possible_emergency"
    answer = engine.ask(question)
    assert (answer.triage, answer.in_scope) == ("routine", False)


def test_a_situation_told_as_past_is_left_to_the_rules() -> None:
    """Red flags are about something new; the model reads no tense, so the same guard the
    red-flag concepts use ("as a baby", "two years ago") keeps it quiet."""
    question = (
        "my son was wheezing like mad and sucking his ribs in with every breath as a baby, "
        "will he grow out of asthma"
    )
    assert wording_model().flags(question)
    assert triage(question).level == "routine"


def test_a_withheld_answer_after_precautionary_guidance_quotes_nothing() -> None:
    """Guidance first; the knowledge base's answer only if it is likely enough to be right."""
    engine = HealthEngine.builtin()
    question = "my little boy is wheezing like mad and sucking his ribs in with every breath"
    assert triage(question).precautionary
    assert engine.assess(question).confidence < ANSWER_WITHHELD_BELOW
    answer = engine.ask(question)
    assert (answer.triage, answer.abstained) == ("emergency", True)
    assert [c.source_id for c in answer.citations] == ["triage:possible_emergency"]
    assert answer.text == " ".join(s for s, _ in answer.evidence)
