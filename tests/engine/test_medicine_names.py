"""Medicines a topic says what they are: recognised in either name order, and answered from
that topic when other topics only mention them."""

from __future__ import annotations

import pytest

from bondmcp.engine.engine import HealthEngine
from bondmcp.engine.knowledge import split_sentences
from bondmcp.engine.passages import Passage
from bondmcp.engine.text import defines


@pytest.fixture(scope="module")
def engine() -> HealthEngine:
    return HealthEngine.builtin()


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Escitalopram (Lexapro) is an SSRI used to treat depression.", "escitalopram"),
        ("Escitalopram (Lexapro) is an SSRI used to treat depression.", "lexapro"),
        ("Warfarin (Coumadin, Jantoven), an anticoagulant, prevents clots.", "jantoven"),
        ("Lexapro is a brand name for escitalopram, an SSRI.", "lexapro"),
        ("Lexapro is a brand name for escitalopram, an SSRI.", "escitalopram"),
        ("Retin-A is a brand name for tretinoin, a retinoid.", "retin"),
    ],
)
def test_a_sentence_that_says_what_a_medicine_is_defines_it(sentence: str, name: str) -> None:
    assert defines(sentence, name)
    assert defines(sentence, name, strict=True)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("SSRIs include sertraline, fluoxetine, citalopram and escitalopram.", "citalopram"),
        ("Medicines such as varenicline and bupropion (Zyban) can help.", "zyban"),
        ("Medicines such as varenicline and bupropion (Zyban) can help.", "bupropion"),
    ],
)
def test_a_medicine_named_in_a_list_is_not_defined(sentence: str, name: str) -> None:
    assert not defines(sentence, name)


def test_a_definition_may_put_a_word_and_a_bracketed_brand_after_the_name() -> None:
    sentence = "Ivermectin lotion (Sklice) is an antiparasitic lotion for head lice."
    assert defines(sentence, "ivermectin")
    assert not defines(sentence, "ivermectin", strict=True)


@pytest.mark.parametrize(
    ("question", "topic", "name"),
    [
        ("what is zyban", "quitting-smoking", "zyban"),
        ("what is jantoven", "blood-thinners", "jantoven"),
        ("what is lotrimin", "yeast-infection", "lotrimin"),
        ("what is silenor", "sleep-medicines", "silenor"),
    ],
)
def test_a_brand_in_brackets_after_its_generic_is_answered_from_that_topic(
    engine: HealthEngine, question: str, topic: str, name: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic
    assert any(defines(s, name) for s in split_sentences(answer.text))


def test_strict_definitions_say_what_the_name_itself_is() -> None:
    sentence = "Diuretics can lower potassium levels, which causes cramps."
    assert defines(sentence, "potassium")
    assert not defines(sentence, "potassium", strict=True)


def _passage(topic: str, title: str, section: str, text: str) -> Passage:
    return Passage(
        source_id=f"kb:{topic}#{section}",
        topic_id=topic,
        title=title,
        section=section,
        text=text,
        url=f"https://example.org/{topic}",
        publisher="Example",
    )


def _small_engine(defining_sentence: str) -> HealthEngine:
    return HealthEngine(
        [
            _passage(
                "mood-medicines",
                "Mood medicines",
                "overview",
                "Mood medicines treat low mood and worry. Common mood medicines include "
                "sertraline, fluoxetine, paroxetine and escitalopram. Mood medicines take "
                "several weeks to work.",
            ),
            _passage(
                "worry-disorder",
                "Worry disorder",
                "overview",
                "Worry disorder is a long-term condition of constant worry. Worry disorder "
                "makes it hard to relax or sleep.",
            ),
            _passage(
                "worry-disorder",
                "Worry disorder",
                "treatment",
                f"Worry disorder is treated with talking therapy. {defining_sentence}",
            ),
        ]
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Escitalopram (Lexapro) is an SSRI used to treat worry disorder and low mood.",
        "Lexapro is a brand name for escitalopram, an SSRI used to treat worry disorder.",
    ],
)
def test_the_topic_that_defines_a_medicine_answers_for_it_in_either_name_order(
    sentence: str,
) -> None:
    engine = _small_engine(sentence)
    for question in ("what is escitalopram", "what is lexapro used for"):
        answer = engine.ask(question)
        assert not answer.abstained, question
        assert answer.topic_id == "worry-disorder", question
        assert sentence in answer.text, question


@pytest.mark.parametrize(
    ("question", "topic", "name"),
    [
        ("what is bupropion used for", "quitting-smoking", "bupropion"),
        ("what is bupropion", "quitting-smoking", "bupropion"),
        ("what is clonidine used for", "blood-pressure-medicines", "clonidine"),
        ("what is citalopram used for", "depression", "citalopram"),
        ("what is meloxicam", "rheumatoid-arthritis", "meloxicam"),
        ("what is venlafaxine", "generalized-anxiety-disorder", "venlafaxine"),
        ("what is indomethacin", "nsaids", "indomethacin"),
        ("what is mobic", "rheumatoid-arthritis", "mobic"),
    ],
)
def test_a_medicine_two_topics_name_is_answered_from_the_one_that_defines_it(
    engine: HealthEngine, question: str, topic: str, name: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic
    assert any(defines(s, name, strict=True) for s in split_sentences(answer.text))


def test_a_misspelling_corrected_to_a_defined_medicine_does_not_name_its_topic(
    engine: HealthEngine,
) -> None:
    # "lasik" is read as "Lasix" (furosemide), but a guess at a word names no topic.
    query = engine.index.analyse_query("is lasik surgery safe for people over 50")
    assert "diuretics" not in query.named_topics


def test_side_effects_of_a_defined_medicine_still_need_a_sentence_that_says_them(
    engine: HealthEngine,
) -> None:
    assert engine.ask("what are the side effects of humira").abstained


@pytest.mark.parametrize(
    ("question", "topic", "brand"),
    [
        ("what is xanax", "benzodiazepines", "xanax"),
        ("how does valium affect the brain", "benzodiazepines", "valium"),
        ("what is zocor", "statins", "zocor"),
        ("what is tylenol", "acetaminophen", "tylenol"),
        ("what is eliquis", "blood-thinners", "eliquis"),
        ("what is vyvanse", "adhd-medicines", "vyvanse"),
        ("what is nexium", "acid-reducers", "nexium"),
        ("what is prevnar", "pneumococcal-vaccine", "prevnar"),
    ],
)
def test_a_brand_question_is_answered_from_its_generics_topic_naming_the_brand(
    engine: HealthEngine, question: str, topic: str, brand: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic
    assert brand in answer.text.lower()
