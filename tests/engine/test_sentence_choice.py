"""The sentence chooser's per-topic bit masks pick what scoring every sentence would.

The reference below is the plain algorithm the masks replace: for every sentence of the
topic, every question word's best stem weight times its spread factor, the cue bonus, the
section prior (the asked section's; with none asked the overview's, and the treatment's when
no answer form or figure is asked for either, as much as an asked section's when such a
question is long) and the position cost; then the best sentences, highest score first.
"""

from __future__ import annotations

import pytest

from bondmcp.engine import engine as engine_module
from bondmcp.engine.engine import HealthEngine
from bondmcp.engine.intent import (
    answer_cues,
    asks_for_statistic,
    detect_intent,
)
from bondmcp.engine.passages import Passage
from bondmcp.engine.retrieval import Query

QUESTIONS = (
    "what are the symptoms of type 2 diabetes",
    "how is gout treated",
    "my dad keeps peeing a lot and is always thirsty",
    "how many hours of sleep does a teenager need",
    "can you catch shingles from someone with chickenpox",
    "what does a high tsh mean",
    "is it bad to take ibuprofen every day for back pain",
    "how long does the flu last",
    "my feet sweat so much my socks are soaked",
    "what's the success rate of knee replacement",
    "testosterone replacement side effects",
    "got stung by a wasp on my hand at a bbq, it's red and puffy round the sting and itchy",
)


def reference_choice(
    engine: HealthEngine, query: Query, topic_id: str, intent: str | None
) -> list[tuple[str, str]]:
    sentences = [
        stems
        for passage in engine.index.topic_passages(topic_id)
        for _sentence, stems in engine._sentences(passage)
    ]
    factors = [
        (
            term,
            (1.0 - sum(1 for s in sentences if not s.isdisjoint(term.stems)) / len(sentences))
            ** engine_module._SPREAD_POWER,
        )
        for term in map(engine_module._with_answer_synonyms, query.terms)
    ]
    cue_stems, wants_number = answer_cues(query.text)
    asks_nothing = not (intent or cue_stems or wants_number or asks_for_statistic(query.text))
    asked = engine._asked_section(query, topic_id, intent)
    scored: list[tuple[float, int, int, Passage, str]] = []
    for p_rank, passage in enumerate(engine.index.topic_passages(topic_id)):
        if passage.section == asked:
            prior = engine_module._INTENT_PRIOR
        elif intent is None and passage.section == "overview":
            prior = engine_module._OVERVIEW_PRIOR
        elif asks_nothing and passage.section == "treatment":
            told = len(query.terms) >= engine_module._NARRATIVE_TERMS
            prior = engine_module._INTENT_PRIOR if told else engine_module._TREATMENT_PRIOR
        else:
            prior = 0.0
        for i, (sentence, stems) in enumerate(engine._sentences(passage)):
            relevance = 0.0
            for term, factor in factors:
                weights = [
                    w for s, w in zip(term.stems, term.stem_weights, strict=True) if s in stems
                ]
                if weights:
                    relevance += max(weights) * factor
            cues = len(cue_stems & stems)
            if cues or (wants_number and engine_module._NUMBER_RE.search(sentence)):
                relevance += engine_module._CUE_BONUS * (
                    1.0 + engine_module._EXTRA_CUE * min(max(cues - 1, 0), 2)
                )
            score = relevance + prior - engine_module._POSITION_COST * i
            scored.append((score, p_rank, i, passage, sentence))
    overview = engine.index.passage_for(topic_id, "overview")
    lead = engine._sentences(overview)[0][0] if overview is not None else None
    if lead is not None:
        scored = [item for item in scored if not (item[3] is overview and item[2] == 0)]
    remaining = sorted(scored, key=lambda item: (-item[0], item[1], item[2]))
    chosen: list[tuple[float, int, int, Passage, str]] = []
    while remaining and len(chosen) < engine_module._MAX_SENTENCES:
        quoted = {item[1] for item in chosen}
        best = max(
            remaining,
            key=lambda item: (
                item[0] + (engine_module._COHESION_BONUS if item[1] in quoted else 0.0),
                -item[1],
                -item[2],
            ),
        )
        chosen.append(best)
        remaining.remove(best)
    chosen.sort(key=lambda item: (engine._section_rank(item[3]), item[1], item[2]))
    quotes = [(item[3].source_id, item[4]) for item in chosen]
    if lead is not None and overview is not None:
        quotes.insert(0, (overview.source_id, lead))
    return quotes


@pytest.fixture(scope="module")
def engine() -> HealthEngine:
    return HealthEngine.builtin()


@pytest.mark.parametrize("question", QUESTIONS)
def test_chosen_sentences_match_scoring_every_sentence(engine: HealthEngine, question: str) -> None:
    query = engine.index.analyse_query(question)
    intent = detect_intent(question)
    topics = [t for t, _score in engine.index.topic_scores(engine.index.scores(query), query)[:3]]
    assert topics, question
    for topic_id in topics:
        chosen = engine._choose_sentences(query, topic_id, intent)
        assert [(p.source_id, s) for p, s in chosen] == reference_choice(
            engine, query, topic_id, intent
        ), (question, topic_id)


def _answer_text(engine: HealthEngine, question: str) -> str:
    return " ".join(sentence for sentence, _source in engine.ask(question).evidence).lower()


def test_a_word_for_not_being_hungry_finds_the_appetite_sentence(engine: HealthEngine) -> None:
    """ "Hungry" would pull retrieval towards appetite topics, but within ADHD medicines
    it is the question's point: the sentence on reduced appetite answers it."""
    text = _answer_text(engine, "my daughter is never hungry since she started her adhd medicine")
    assert "appetite" in text


def test_losing_weight_finds_the_sentence_on_weight_loss(engine: HealthEngine) -> None:
    text = _answer_text(engine, "my dad with pancreatic cancer keeps losing weight")
    assert "weight loss" in text


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        # Two things told apart: how they are told apart, not only what one looks like.
        ("how can you tell if it is strep throat or only a sore throat", "test"),
        # Whether an illness is still seen: how common it is now.
        ("is mumps still common", "uncommon"),
        # Pain that stops daily life: when it needs seeing to.
        ("my period cramps are so bad i miss work", "normal activities"),
        # Doing something without harm: what not to do.
        ("can i get cradle cap off without hurting my baby", "do not pick"),
    ],
)
def test_the_question_form_picks_the_sentence_that_answers_it(
    engine: HealthEngine, question: str, phrase: str
) -> None:
    assert phrase in _answer_text(engine, question), question


def test_why_a_lasting_state_comes_with_a_condition_quotes_how_it_causes_it(
    engine: HealthEngine,
) -> None:
    """The sentence on how scarring starves the blood of oxygen answers why someone with
    pulmonary fibrosis is always breathless; the list of what causes the fibrosis does not."""
    text = _answer_text(engine, "my dad has pulmonary fibrosis, why is he always short of breath")
    assert "oxygen" in text


def test_a_named_topic_asked_for_one_section_still_opens_with_its_lead(
    engine: HealthEngine,
) -> None:
    """The lead is quoted first and the four places still go to the section asked for: for
    a question on the risks of a sleep medicine every night, the lead's "mainly meant for
    short-term use" is the point, and the risk sentences follow."""
    answer = engine.ask("is it safe to take zolpidem every night")
    assert answer.topic_id == "sleep-medicines"
    assert answer.intent == "risk_factors"
    overview = engine.index.passage_for("sleep-medicines", "overview")
    assert overview is not None
    assert answer.evidence[0] == (overview.sentences[0], overview.source_id)
    assert "short-term" in answer.evidence[0][0]
    sections = [source.rsplit("#", 1)[-1] for _sentence, source in answer.evidence[1:]]
    assert len(sections) == engine_module._MAX_SENTENCES
    assert sections.count("risk_factors") >= 2


def test_side_effects_of_a_conditions_treatment_come_from_its_treatment_section(
    engine: HealthEngine,
) -> None:
    """A condition's risk factors say who gets it; asked for the side effects of one of its
    treatments, the answer quotes the treatment section, where they are told."""
    answer = engine.ask("methotrexate for rheumatoid arthritis side effects")
    assert answer.topic_id == "rheumatoid-arthritis"
    sections = [source.rsplit("#", 1)[-1] for _sentence, source in answer.evidence]
    assert "risk_factors" not in sections
    assert "weaken the immune system" in _answer_text(engine, "side effects of ra medicines")


def test_side_effects_of_a_medicine_still_come_from_its_cautions(engine: HealthEngine) -> None:
    """A medicine's topic has no causes section: its risk factors section holds the side
    effects and cautions, and stays the section asked for."""
    answer = engine.ask("what are the side effects of levothyroxine")
    assert answer.topic_id == "thyroid-hormone-medicine"
    sections = [source.rsplit("#", 1)[-1] for _sentence, source in answer.evidence]
    assert sections.count("risk_factors") >= 2


def test_a_long_account_that_asks_nothing_is_answered_with_what_to_do(
    engine: HealthEngine,
) -> None:
    """Someone telling what happened wants to know what to do about it: the treatment
    section's first aid, not more about what a sting is."""
    text = _answer_text(
        engine,
        "got stung by a wasp on my hand at a bbq, it's red and puffy round the sting and itchy"
        " but nothing else is happening",
    )
    assert "antihistamine" in text
    assert "cold pack" in text or "ice" in text


def test_going_for_a_run_finds_the_sentence_on_exercise(engine: HealthEngine) -> None:
    text = _answer_text(
        engine,
        "does going for a run actually help with depression or is that just something people say",
    )
    assert "exercise" in text or "physical activity" in text


def test_on_my_feet_all_day_finds_the_sentence_on_standing(engine: HealthEngine) -> None:
    text = _answer_text(
        engine, "i work on a checkout on my feet all day, is that why im getting varicose veins"
    )
    assert "standing" in text


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("can stress give you a stomach ulcer", "helicobacter pylori"),
        ("bv or thrush how do i tell", "fishy smell"),
        ("adhd meds and not eating", "reduced appetite"),
    ],
)
def test_the_sentence_a_question_turns_on_is_quoted_when_it_ranks_fifth(
    engine: HealthEngine, question: str, phrase: str
) -> None:
    assert phrase in _answer_text(engine, question)


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("do i have to give up coffee if i've got an overactive bladder", "caffeine"),
        ("my son has marfan syndrome, can he play rugby", "contact sport"),
        (
            "my nan always said make someone sick if they swallow something poisonous, is that right",
            "do not try to make the person vomit",
        ),
    ],
)
def test_coffee_rugby_and_being_made_sick_find_their_sentences(
    engine: HealthEngine, question: str, phrase: str
) -> None:
    assert phrase in _answer_text(engine, question)
