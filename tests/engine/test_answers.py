"""The engine's answers are grounded: every sentence is quoted from a cited source."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bondmcp.engine import engine as engine_module
from bondmcp.engine.engine import (
    ABSTAIN_ANSWER,
    ABSTAIN_BELOW,
    ANSWER_WITHHELD_BELOW,
    DOSE_ANSWER,
    OUT_OF_SCOPE_ANSWER,
    HealthEngine,
    answer_confidence,
    brand_names,
    calibrated,
)
from bondmcp.engine.intent import failed_treatments
from bondmcp.engine.knowledge import load_topics
from bondmcp.engine.passages import passages_from_topics
from bondmcp.engine.triage import RELATED_TOPICS

EVAL_FILE = Path(__file__).resolve().parents[2] / "bench" / "eval" / "questions.yaml"


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


@pytest.mark.parametrize(
    ("question", "topics", "phrase"),
    [
        ("diabetis symptoms", {"type-1-diabetes", "type-2-diabetes"}, "thirst"),
        ("is exzema contagious", {"eczema"}, "eczema"),
        ("my dad keeps peeing a lot and is always thirsty", None, "diabetes"),
        ("how do you stop a nosebleed", {"nosebleeds"}, "pinch"),
        ("can tylenol hurt your liver", {"acetaminophen"}, "liver"),
        ("what is hashimoto's disease", {"hypothyroidism"}, "immune"),
        # "Parched" is dry; "neither" is no name ("neither CF" is not a kind of CF); a
        # condition the topic gives as linked to it is context.
        ("my mouth feels parched all day, what causes that", {"dry-mouth"}, "saliva"),
        (
            "neither me nor my wife has CF, could our children get it",
            {"cystic-fibrosis"},
            "carrier",
        ),
        (
            "i had iritis last year and i have ankylosing spondylitis, will it come back",
            {"uveitis"},
            "uveitis",
        ),
    ],
)
def test_lay_and_misspelled_questions_get_the_facts_that_answer_them(
    engine: HealthEngine, question: str, topics: set[str] | None, phrase: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained, question
    if topics is not None:
        assert answer.topic_id in topics
    assert phrase in answer.text.lower()
    assert_grounded(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "stock market crash symptoms",
        "how do i remove a virus from my computer",
        "cold brew coffee recipe",
        "python heap memory leak",
        "how do i fix a flat tire",
        "my cat keeps throwing up hairballs",
        "my tomato plants have a fungus on the leaves",
        "how to treat leather boots",
        "how to quit my job politely",
        "best running shoes for flat roads",
        "what's the best diet for my goldfish",
        "how do banks calculate interest",
        "how do I get rid of moths in my closet",
    ],
)
def test_questions_that_borrow_health_words_are_out_of_scope(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope is False, question
    assert answer.text == OUT_OF_SCOPE_ANSWER


@pytest.mark.parametrize(
    "question",
    ["how to get rid of hiccups", "is it bad to crack your knuckles", "can stress make you sick"],
)
def test_everyday_health_questions_are_in_scope(engine: HealthEngine, question: str) -> None:
    assert engine.ask(question).in_scope is True


@pytest.mark.parametrize(
    "question",
    ["a dog bit my son, does he need a tetanus shot", "i'm allergic to my cat, what helps"],
)
def test_animals_are_in_scope_when_a_person_is_affected(
    engine: HealthEngine, question: str
) -> None:
    assert engine.ask(question).in_scope is True


@pytest.mark.parametrize(
    "question",
    [
        "what is kawasaki disease",
        "what is moyamoya disease",
        "does finasteride cause depression",
        "what causes porphyria",
        "can i take krelvant with alcohol",
        "what is behcet's disease",
        "what is the survival rate for pancreatic cancer stage 4",
        "what's the success rate of bariatric surgery",
    ],
)
def test_health_questions_the_content_does_not_cover_abstain(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope is True, question
    assert answer.abstained is True, question
    assert answer.text == ABSTAIN_ANSWER
    assert answer.confidence <= 0.2
    assert answer.citations == ()


@pytest.mark.parametrize(
    "question",
    [
        "my potassium came back 5.8, what should i do",
        "my ferritin is 12 and hemoglobin 11.2, what does that mean for me",
        "my ANA test was positive, what does that mean",
        "bloods back: tsh 7.1 and free t4 10, is that bad",
        "results are back, ferritin 9 and b12 180, should i start tablets",
        "tsh 5.9 on the last test, do i need thyroxine",
    ],
)
def test_personal_lab_results_are_left_to_a_clinician(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.abstained is True
    assert answer.text == ABSTAIN_ANSWER


def test_a_scan_that_came_back_clear_leaves_the_question_to_answer(engine: HealthEngine) -> None:
    """A finding in a scan report is for a clinician ("my mri says disc desiccation"); a
    scan with nothing found is not a result to interpret."""
    clear = engine.ask(
        "periods have got more and more agonising over the years and sex hurts too, but my "
        "ultrasound came back clear. can it still be endo?"
    )
    assert (clear.abstained, clear.topic_id) == (False, "endometriosis")
    finding = engine.ask("my mri says disc desiccation at l4, what does that mean")
    assert finding.abstained is True


@pytest.mark.parametrize(
    "question",
    [
        "can i take 2 tylenol at once",
        "is 40mg of adderall too much",
        "how much melatonin can a 5 year old have",
        "can i cut my sertraline pill in half",
    ],
)
def test_dosing_in_its_usual_phrasings_is_declined(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.text == DOSE_ANSWER, question
    assert answer.abstained is True


def test_a_question_naming_two_topics_is_answered_from_one_of_them(engine: HealthEngine) -> None:
    answer = engine.ask("alzheimers vs dementia whats the difference")
    assert answer.abstained is False
    assert answer.topic_id in {"alzheimers-disease", "dementia"}


def test_confidence_rises_with_margin_and_falls_with_missing_names_and_unknown_words() -> None:
    margins = [calibrated((m / 10, 0.0, 0.0)) for m in range(11)]
    assert margins == sorted(margins) and margins[-1] > margins[0]
    entity = [calibrated((0.5, e / 4, 0.0)) for e in range(5)]
    assert entity == sorted(entity, reverse=True) and entity[0] > entity[-1]
    unknown = [calibrated((0.5, 0.0, u / 4)) for u in range(5)]
    assert unknown == sorted(unknown, reverse=True)
    assert all(0.0 < c < 1.0 for c in margins + entity + unknown)


def test_answer_confidence_rises_with_grounding_and_quoted_words_and_falls_with_length() -> None:
    grounding = [answer_confidence((g / 2, 0.8, 0.5, 0.0)) for g in range(-2, 9)]
    assert grounding == sorted(grounding) and grounding[-1] > grounding[0]
    quoted = [answer_confidence((3.0, q / 4, 0.5, 0.0)) for q in range(5)]
    assert quoted == sorted(quoted) and quoted[-1] > quoted[0]
    length = [answer_confidence((3.0, 0.8, n / 8, 0.0)) for n in range(1, 9)]
    assert length == sorted(length, reverse=True) and length[0] > length[-1]
    assert answer_confidence((3.0, 0.8, 0.5, 1.0)) > answer_confidence((3.0, 0.8, 0.5, 0.0))
    assert all(0.0 < c < 1.0 for c in grounding + quoted + length)


def test_quoted_coverage_is_the_share_of_the_question_the_quotes_use(
    engine: HealthEngine,
) -> None:
    # Every word of a short, plain question is in the sentences quoted for it.
    assert engine.assess("what causes gout").answer_features[1] == pytest.approx(1.0)
    # A long question whose details no quoted sentence takes up is covered in part only.
    partial = engine.assess(
        "my grandad has gout and wants to know if cherries or beer or red meat make his toes worse"
    )
    assert 0.2 < partial.answer_features[1] < 0.9


def test_answers_abstentions_and_redirects_keep_their_confidence_ranges(
    engine: HealthEngine,
) -> None:
    answered = engine.ask("what causes gout")
    assessment = engine.assess("what causes gout")
    # Whether to answer is the grounding model's call; the answer reports the answer model's.
    assert not answered.abstained and assessment.probability >= ABSTAIN_BELOW
    assert answered.confidence == answer_confidence(assessment.answer_features)
    assert answered.confidence == assessment.confidence >= 0.9
    # Abstentions and redirects report 0.05, whatever the answer model would say.
    abstained = engine.ask("what is kawasaki disease")
    assert abstained.abstained and abstained.confidence == 0.05
    redirected = engine.ask("best laptop for gaming")
    assert not redirected.in_scope and redirected.confidence == 0.05 <= 0.2


def test_every_answer_to_the_evaluation_questions_is_grounded(engine: HealthEngine) -> None:
    """Each quoted sentence is whole and from the passage it cites, for every question."""
    data = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
    passages = {p.source_id: p for p in engine.index.passages}
    for item in data["questions"]:
        answer = engine.ask(item["question"])
        cited = {c.source_id for c in answer.citations}
        assert answer.text == " ".join(s for s, _ in answer.evidence) or answer.evidence == ()
        for sentence, source_id in answer.evidence:
            assert source_id in cited
            if source_id.startswith("kb:"):
                assert sentence in passages[source_id].sentences, (item["id"], sentence)
        topic_ids = {sid.split(":", 1)[1].split("#")[0] for sid in cited if sid.startswith("kb:")}
        assert len(topic_ids) <= 1, item["id"]
        assert len(answer.evidence) <= 7, item["id"]


@pytest.mark.parametrize(
    "question",
    [
        "everyone would be better off without me",
        "i have pills saved up and i'm going to take them all tonight",
        "toddler got into grandma's pills and ate some",
        "i'm 30 weeks pregnant and bleeding",
        "I think I'm having a stroke, my face is drooping",
        "my daughter is having a seizure and it's been going for 6 minutes",
    ],
)
def test_guidance_is_followed_only_by_content_about_the_same_situation(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.triage in {"emergency", "urgent"}
    category = answer.evidence[0][1].split(":", 1)[1]
    allowed = set(RELATED_TOPICS[category])
    quoted = {c.source_id.split(":", 1)[1].split("#")[0] for c in answer.citations[1:]}
    assert quoted <= allowed, (question, quoted)
    assert_grounded(engine, question)


# -- topic choice ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("does the pneumonia vaccine stop all pneumonia", "pneumococcal-vaccine"),
        ("can the shingles vaccine give you shingles", "shingles-vaccine"),
        ("do sleeping pills cause dementia", "sleep-medicines"),
        ("can thyroid pills cause heart palpitations", "thyroid-hormone-medicine"),
        ("can dementia medicine slow down alzheimers", "dementia-medicines"),
        ("can diabetes medicine cause weight loss", "diabetes-medicines"),
        ("can acid reflux medicine cause bone loss", "acid-reducers"),
        ("does a thyroid test show hyperthyroidism", "tsh-test"),
        ("is there a medicine for dementia that works", "dementia-medicines"),
        ("is there a shot for shingles", "shingles-vaccine"),
        ("drugs for epilepsy and pregnancy", "anti-seizure-medicines"),
        ("how often should i get a cholesterol check", "lipid-panel"),
        ("breast cancer check at what age", "mammogram"),
    ],
)
def test_a_question_about_a_medicine_vaccine_or_test_goes_to_that_topic(
    engine: HealthEngine, question: str, topic: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic
    assert_grounded(engine, question)


def test_other_words_for_a_medicine_name_the_same_medicine(engine: HealthEngine) -> None:
    # The aliases say "dementia medication" and "thyroid pills".
    for question, topic in [
        ("dementia meds", "dementia-medicines"),
        ("dementia drugs", "dementia-medicines"),
        ("thyroid tablets", "thyroid-hormone-medicine"),
        ("covid jab", "covid-19-vaccine"),
    ]:
        assert topic in engine.index.analyse_query(question).named_topics, question
    # "medical" shares a stem with "medication" but is no medicine.
    assert engine.index.match_aliases("medical marijuana")[0].headed is False


def test_a_verb_form_of_a_one_word_name_does_not_name_it(engine: HealthEngine) -> None:
    named = engine.index.analyse_query("what to do for a burn from boiling water").named_topics
    assert named == ["burns"]  # "boiling" is not "boils"
    named = engine.index.analyse_query("black mole that changed shape").named_topics
    assert "menopause" not in named  # "changed" is not "the change"
    assert engine.index.analyse_query("spotting between periods").named_topics == []
    # The name's own forms still name it.
    assert "stress" in engine.index.analyse_query("so stressed at work").named_topics
    assert "cough" in engine.index.analyse_query("coughing at night").named_topics
    assert engine.ask("what to do for a burn from boiling water").topic_id == "burns"


def test_a_name_inside_a_longer_name_the_sources_lack_is_not_that_name(
    engine: HealthEngine,
) -> None:
    question = "pilonidal sinus keeps coming back, what can be done"
    assert engine.index.analyse_query(question).named_topics == []
    assert engine.index.unknown_names(engine.index.analyse_query(question).words) == [
        ("pilonidal", "sinus")
    ]
    assert engine.ask(question).abstained
    # A word made of two known words describes the name rather than changing it.
    answer = engine.ask("bullseye rash after a tick bite")
    assert not answer.abstained
    assert answer.topic_id == "lyme-disease"


def test_a_name_whose_words_come_apart_in_the_question_still_names_its_topic(
    engine: HealthEngine,
) -> None:
    question = "toddler had a fever for three days and then a pink rash appeared"
    assert "roseola" in engine.index.analyse_query(question).named_topics
    assert engine.ask(question).topic_id == "roseola"
    # The longer name holds the shorter one: "cold" here is no common cold.
    named = engine.index.analyse_query("cold white fingers that go blue in winter").named_topics
    assert named == ["raynauds-phenomenon"]


def test_teeth_are_not_teething(engine: HealthEngine) -> None:
    assert "teething" not in engine.index.analyse_query("my teeth hurt").named_topics
    assert engine.index.analyse_query("is my baby teething").named_topics == ["teething"]


def test_an_everyday_adjective_no_source_uses_does_not_hide_the_name_after_it(
    engine: HealthEngine,
) -> None:
    for question, topic in [
        ("nasty cold", "common-cold"),
        ("horrible cough", "cough"),
        ("massive headache", "headache"),
    ]:
        query = engine.index.analyse_query(question)
        assert engine.index.unknown_names(query.words) == [], question
        assert topic in query.named_topics, question


def test_a_name_that_needs_the_article_names_nothing_without_it(engine: HealthEngine) -> None:
    named = engine.index.analyse_query
    assert named("going through the change at 48").named_topics == ["menopause"]
    assert named("how to change a car battery").named_topics == []
    assert named("does breast cancer run in families").named_topics == ["breast-cancer"]
    assert "contraception" in named("can i get pregnant on the pill").named_topics
    assert "contraception" not in named("took a double dose of my heart pills").named_topics


def test_an_injury_in_the_past_tense_still_names_it(engine: HealthEngine) -> None:
    named = engine.index.analyse_query
    assert "burns" in named("i burned my hand on the oven").named_topics
    assert "broken-bones" in named("i think i fractured my wrist").named_topics
    assert named("i spotted a lump").named_topics == []


@pytest.mark.parametrize(
    "question",
    [
        "is halotherapy in a salt cave any good for asthma",
        "can you drink alcohol the day after having a wisdom tooth out",
    ],
)
def test_an_answer_unlikely_to_be_right_is_withheld(engine: HealthEngine, question: str) -> None:
    """Grounded enough to answer, but the answer model gives it less than a one-in-three
    chance: the engine says it has no reliable answer instead."""
    assessment = engine.assess(question)
    assert assessment.probability >= ABSTAIN_BELOW
    assert assessment.confidence < ANSWER_WITHHELD_BELOW
    answer = engine.ask(question)
    assert answer.abstained and answer.text == ABSTAIN_ANSWER
    assert answer.confidence <= 0.2


def test_an_answer_above_the_withholding_threshold_is_given(engine: HealthEngine) -> None:
    question = "can i drink beer the day after a tooth extraction"
    assert engine.assess(question).confidence >= ANSWER_WITHHELD_BELOW
    answer = engine.ask(question)
    assert not answer.abstained and answer.topic_id is not None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # A named condition bringing on a named symptom: the condition's page answers.
        ("can low b12 make your feet tingle", "vitamin-b12-deficiency"),
        ("can pancreatic cancer cause back pain", "pancreatic-cancer"),
        # Not when the symptom is named first, as what brings the condition on.
        ("can stress give you a stomach ulcer", "peptic-ulcer"),
        # A condition named only as what the question compares with does not answer.
        ("does hepatitis a stay with you for life like hep c does", "hepatitis-a"),
        # Whether a medicine eases a condition: the condition's page; asked about the
        # medicine itself, the medicine's page.
        ("would going on contraception calm my pms down", "premenstrual-syndrome"),
        ("what are the side effects of contraception", "contraception"),
    ],
)
def test_the_question_form_says_which_named_topic_is_asked_about(
    engine: HealthEngine, question: str, topic: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic


@pytest.mark.parametrize(
    "question",
    ["my chest feels like a heart attack", "a rash like ringworm, is it eczema"],
)
def test_like_describing_a_feeling_is_no_comparison(question: str) -> None:
    assert engine_module._COMPARED_WITH_RE.search(question) is None


def test_contraception_is_birth_control_to_the_answer(engine: HealthEngine) -> None:
    assert "birth control" in engine.ask("would going on contraception calm my pms down").text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "electric shock pains in my jaw on one side when i chew, paracetamol does nothing",
            "trigeminal-neuralgia",
        ),
        ("stabbing pain in my lower back down my leg, ibuprofen isnt touching it", "low-back-pain"),
    ],
)
def test_a_medicine_said_not_to_help_is_context_not_the_subject(
    engine: HealthEngine, question: str, topic: str
) -> None:
    """The topic need not be about the painkiller that did not work."""
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic


def test_failed_treatments_are_read_from_the_wording() -> None:
    assert failed_treatments("lasts a few seconds, ibuprofen does nothing") == {"ibuprofen"}
    assert failed_treatments("tried calpol but it didnt help") == {"calpol"}
    assert failed_treatments("can i take ibuprofen with naproxen") == frozenset()


def test_brand_names_are_read_from_the_knowledge_base_text() -> None:
    """ "Ondansetron (Zofran)" in a topic makes a question's "zofran" match the sentences
    that say "ondansetron"; acronyms and non-medicines in brackets are not brands."""
    brands = brand_names(passages_from_topics(load_topics()))
    assert brands["zofran"] == ("ondansetron",)
    assert brands["synthroid"] == ("levothyroxine",)
    assert "who" not in brands  # "World Health Organization (WHO)"
    assert "feno" not in brands  # "nitric oxide (FeNO)": not a medicine
