"""Triage's third layer: the emergency-wording model, its scorer and where it may flag."""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bondmcp.engine.engine import ANSWER_WITHHELD_BELOW, HealthEngine
from bondmcp.engine.triage import triage
from bondmcp.engine.triage_model import CategoryModel, WordingModel, wording_model

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def fitted() -> tuple[Any, Any, Any, list[str], WordingModel]:
    """A fresh fit by the benchmark's script (scikit-learn), on the same tune questions and
    training messages, and our scorer over it, exported as the script writes the file."""
    sys.path.insert(0, str(BENCH))
    try:
        import fit_triage_model
    finally:
        sys.path.remove(str(BENCH))
    items = fit_triage_model.training_items()
    messages = fit_triage_model.training_messages()
    vectorizer, model, categories = fit_triage_model.fit(items, messages)
    exported = fit_triage_model.export(vectorizer, model, categories, len(items), len(messages))
    ours = WordingModel.from_dict(exported)
    return vectorizer, model, categories, [item.question for item in items], ours


_ODD_TEXTS = ["hi", "a", "cnt  breathe!!", "Ünïcode façade", "tabs\tand\nnewlines", "x" * 3, ""]


def test_the_scorer_reads_text_as_scikit_learn_does(
    fitted: tuple[Any, Any, Any, list[str], WordingModel],
) -> None:
    """Same n-grams, counts, tf-idf and normalisation: the same probability, to the file's
    rounding, on the questions and on odd text (short words, repeats, other letters)."""
    vectorizer, model, _categories, questions, ours = fitted
    texts = [*questions, *_ODD_TEXTS, "chest chest chest pain pain"]
    reference = model.predict_proba(vectorizer.transform(texts))[:, 1]
    for text, expected in zip(texts, reference, strict=True):
        assert ours.probability(text) == pytest.approx(expected, abs=1e-4), text


def test_the_category_scorer_reads_text_as_scikit_learn_does(
    fitted: tuple[Any, Any, Any, list[str], WordingModel],
) -> None:
    """Every category's probability, as scikit-learn's multinomial model gives it."""
    vectorizer, _model, categories, questions, ours = fitted
    assert ours.categories is not None
    assert ours.categories.names == tuple(categories.classes_)
    texts = [*questions[::7], *_ODD_TEXTS, "fitting fitting and turning blue"]
    reference = categories.predict_proba(vectorizer.transform(texts))
    for text, row in zip(texts, reference, strict=True):
        ours_row = ours.categories.probabilities(ours.weighted(text))
        expected = dict(zip(categories.classes_, row, strict=True))
        assert ours_row == pytest.approx(expected, abs=1e-4), text


def test_the_shipped_model_is_the_fit_of_the_tune_questions(
    fitted: tuple[Any, Any, Any, list[str], WordingModel],
) -> None:
    """The file matches what the script fits now: refit after changing the question set."""
    vectorizer, model, categories, questions, _ours = fitted
    shipped = wording_model()
    assert set(shipped.features) == set(vectorizer.vocabulary_)
    reference = model.predict_proba(vectorizer.transform(questions))[:, 1]
    worst = max(abs(shipped.probability(q) - p) for q, p in zip(questions, reference, strict=True))
    assert worst < 0.01
    assert shipped.categories is not None
    assert shipped.categories.names == tuple(categories.classes_)
    emergencies = questions[:: max(1, len(questions) // 50)]
    by_category = categories.predict_proba(vectorizer.transform(emergencies))
    for text, row in zip(emergencies, by_category, strict=True):
        got = shipped.categories.probabilities(shipped.weighted(text))
        assert (
            max(abs(got[name] - p) for name, p in zip(categories.classes_, row, strict=True)) < 0.01
        )


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
    assert model.categories is None and model.category("abba") is None


def _categories(threshold: float, not_named: list[str]) -> CategoryModel:
    """Three categories; " ab" points to stroke, " cd" to infant_fever."""
    matrix = np.array([[0.0, 3.0, 0.0], [3.0, 0.0, 0.0]], dtype="<f4")
    data = {
        "names": ["infant_fever", "stroke", "urgent_symptoms"],
        "intercepts": [0.0, 0.0, 0.0],
        "threshold": threshold,
        "not_named": not_named,
        "ngrams": [" ab", " cd"],
        "coefficients": base64.b64encode(matrix.tobytes()).decode("ascii"),
    }
    return CategoryModel.from_dict(data)


def test_the_category_model_names_a_likely_category_only() -> None:
    model = _categories(0.6, [])
    probabilities = model.probabilities({" ab": 1.0})
    assert max(probabilities, key=probabilities.__getitem__) == "stroke"
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert probabilities["stroke"] > 0.8 and model.name({" ab": 1.0}) == "stroke"
    assert model.probabilities({}) == pytest.approx(dict.fromkeys(model.names, 1 / 3))
    assert model.name({}) is None  # a third each: below the threshold
    assert model.name({"zz ": 1.0}) is None  # an n-gram with no category coefficients


def test_prompt_care_categories_are_never_named() -> None:
    """A question flagged as a possible emergency is not told it only needs prompt care."""
    assert _categories(0.6, []).name({" cd": 1.0}) == "infant_fever"
    assert _categories(0.6, ["infant_fever", "urgent_symptoms"]).name({" cd": 1.0}) is None


@pytest.mark.parametrize(
    ("question", "category"),
    [
        # No rule was written for these wordings; the model reads them as emergencies, and
        # the category model names their situations (the second only since it was also
        # fitted on the training messages).
        ("my toddler has croup and is wheezing like mad tonight", "breathing"),
        ("dad fell down the stairs, now he's dozy and keeps throwing up", "head_injury"),
    ],
)
def test_new_wordings_of_emergencies_get_emergency_guidance(question: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category, result.precautionary) == ("emergency", category, True)
    assert result.guidance and "911" in result.guidance[0]
    assert "988" in " ".join(result.guidance)  # the crisis line, in case


def test_a_named_category_adds_its_step_to_the_general_guidance() -> None:
    """Suicidal wording no rule was written for: the category is named (cited, counted, and
    its step added), while the unconditional call and both numbers stay first, since a
    named category is sometimes not the right one."""
    question = (
        "my dad's depression has got worse, he's written letters to all of us and keeps "
        "saying sorry for everything"
    )
    assert triage(question, wording=False).level == "routine"
    result = triage(question, locale="gb")
    assert (result.level, result.category, result.precautionary) == ("emergency", "suicide", True)
    general = triage(
        "my husband is acting very strange and seems really unwell tonight", locale="gb"
    )
    assert general.category == "possible_emergency"
    assert result.guidance[:2] == general.guidance
    assert "999" in result.guidance[0] and "116 123" in result.guidance[1]
    assert result.guidance[2].startswith("If you can, stay with the person")
    assert result.source_url != general.source_url  # the category's own page
    answer = HealthEngine.builtin().ask(question, locale="gb")
    assert answer.triage == "emergency"
    assert answer.text.startswith("This may be a medical emergency. Call 999")
    assert answer.citations[0].source_id == "triage:suicide"


def test_a_named_category_without_a_step_of_its_own_reads_as_general_guidance() -> None:
    question = "my toddler has croup and is wheezing like mad tonight"
    result = triage(question)
    assert result.category == "breathing"
    assert (
        result.guidance
        == triage("my husband is acting very strange and seems really unwell tonight").guidance
    )


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
    question = "my husband is acting very strange and seems really unwell tonight"
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
    question = "my toddler has croup and is wheezing like mad tonight"
    result = triage(question)
    assert (result.category, result.precautionary) == ("breathing", True)
    answer = engine.ask(question)
    assert answer.triage == "emergency"
    assert answer.text.startswith("This may be a medical emergency.")
    assert answer.topic_id is not None  # the knowledge base's answer follows the guidance
    assert any(not c.source_id.startswith("triage:") for c in answer.citations)


def test_a_precautionary_flag_on_a_question_that_is_not_about_health_is_dropped() -> None:
    engine = HealthEngine.builtin()
    question = "the dishwasher is gurgling and leaking everywhere and the kitchen smells of burning"
    assert triage(question).precautionary
    answer = engine.ask(question)
    assert (answer.triage, answer.in_scope) == ("routine", False)


@pytest.mark.parametrize(
    "question",
    [
        "my flatmate has been in his room for days and says nobody would miss him",
        # Giving things away because they will not be needed is a warning sign.
        "my husband gave away his old xbox to his nephew, won't need it anymore",
    ],
)
def test_suicidal_wording_keeps_the_crisis_line_without_a_health_word(question: str) -> None:
    """The scope check that drops a flag on a question not about health does not drop one
    the category model names as suicide: a crisis line shown in vain costs little."""
    assert triage(question, wording=False).level == "routine"
    answer = HealthEngine.builtin().ask(question)
    assert answer.triage == "emergency"
    assert answer.citations[0].source_id == "triage:suicide"


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
    question = "my little girl is wheezing like mad and her breathing is really noisy"
    assert triage(question).precautionary
    assert engine.assess(question).confidence < ANSWER_WITHHELD_BELOW
    answer = engine.ask(question)
    assert (answer.triage, answer.abstained) == ("emergency", True)
    assert [c.source_id for c in answer.citations] == ["triage:breathing"]
    assert answer.text == " ".join(s for s, _ in answer.evidence)
