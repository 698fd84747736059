"""Question forms that steer which sentences answer: comparisons, what a count means, what
a condition does to a person, and taking up an activity again."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bondmcp.engine.engine import HealthEngine
from bondmcp.engine.intent import REPEAT_MARK, answer_cues, detect_intent
from bondmcp.engine.text import stem

EVAL_FILE = Path(__file__).resolve().parents[2] / "bench" / "eval" / "questions.yaml"


@pytest.fixture(scope="module")
def engine() -> HealthEngine:
    return HealthEngine.builtin()


@pytest.mark.parametrize(
    "question",
    [
        "gout vs pseudogout",
        "shingles versus chickenpox",
        "how is a cold different from the flu",
        "eczema compared with psoriasis",
        "paracetamol or ibuprofen, which is better for a toothache",
    ],
)
def test_a_comparison_asks_for_the_overviews(question: str) -> None:
    assert detect_intent(question) == "overview"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # Another intent the question states still wins over the comparison.
        ("gout vs pseudogout symptoms", "symptoms"),
        ("ibuprofen vs naproxen side effects", "risk_factors"),
    ],
)
def test_a_stated_intent_wins_over_a_comparison(question: str, intent: str) -> None:
    assert detect_intent(question) == intent


@pytest.mark.parametrize(
    "question", ["what does a low platelet count mean", "what does my high red cell count mean"]
)
def test_what_a_count_means_asks_for_the_test_section(question: str) -> None:
    assert detect_intent(question) == "diagnosis"


@pytest.mark.parametrize(
    "question",
    [
        "shingles, what can it do to you",
        "what does untreated sleep apnea do to your heart",
        "lupus, what will it do",
    ],
)
def test_what_a_condition_does_wants_its_complications(question: str) -> None:
    stems, _number = answer_cues(question)
    assert stem("complications") in stems


@pytest.mark.parametrize(
    "question",
    [
        "sprained ankle, when can i return to running",
        "when can he go back to football after breaking his arm",
        "how soon can i get back to the gym after flu",
    ],
)
def test_taking_up_an_activity_again_wants_when_it_is_safe(question: str) -> None:
    stems, _number = answer_cues(question)
    assert {stem("return"), stem("until")} <= stems


def test_what_it_does_does_not_fire_for_a_medicine_by_name() -> None:
    # "what does metformin do" asks what a medicine is for, not what harm it does.
    stems, _number = answer_cues("what does metformin do")
    assert stem("complications") not in stems


def test_a_count_question_quotes_the_sentence_on_that_count(engine: HealthEngine) -> None:
    answer = engine.ask("what does a low platelet count mean")
    assert answer.topic_id == "complete-blood-count"
    assert "A low platelet count" in answer.text


def test_a_what_it_does_question_quotes_a_complication(engine: HealthEngine) -> None:
    answer = engine.ask("shingles, what can it do to you")
    assert answer.topic_id == "shingles"
    assert "complication" in answer.text


@pytest.mark.parametrize(
    "question", ["is asthma something you're born with", "are some people born with eczema"]
)
def test_born_with_asks_for_the_causes(question: str) -> None:
    assert detect_intent(question) == "causes"


def test_a_described_problem_is_answered_with_what_helps(engine: HealthEngine) -> None:
    # No section is asked for: after what the condition is, what helps.
    question = "my heel hurts first thing in the morning"
    assert detect_intent(question) is None
    answer = engine.ask(question)
    assert answer.topic_id == "plantar-fasciitis"
    assert "treatment" in {citation.section for citation in answer.citations}


def test_the_treatment_prior_only_orders_what_the_words_do_not(engine: HealthEngine) -> None:
    # A question that names no section still gets the sentences its words point at first.
    answer = engine.ask("my palms drip with sweat all day")
    assert answer.topic_id == "hyperhidrosis"
    sections = {citation.section for citation in answer.citations}
    assert {"symptoms", "treatment"} <= sections


def test_a_question_after_a_figure_gets_no_treatment_filler(engine: HealthEngine) -> None:
    # Asking for a survival or success figure is an aim: the figure must come from the
    # sentences the question's words choose, or the engine abstains.
    answer = engine.ask("what's the success rate of bariatric surgery")
    assert answer.abstained


def _every_pattern(question: str) -> tuple[tuple[frozenset[str], bool], str | None]:
    """answer_cues and the intent loop of detect_intent with every pattern searched."""
    from bondmcp.engine import intent

    stems: set[str] = set()
    wants_number = False
    for pattern, cue_stems, number in intent._CUES:
        if pattern.search(question):
            stems.update(cue_stems)
            wants_number = wants_number or number
    first = next((name for name, pattern in intent._INTENTS if pattern.search(question)), None)
    return (frozenset(stems), wants_number), first


def test_screening_by_required_strings_changes_no_cue_and_no_intent() -> None:
    from bondmcp.engine import intent

    questions = [
        item["question"] for item in yaml.safe_load(EVAL_FILE.read_text())["questions"]
    ] + [
        "HOW LONG DOES FLU LAST",
        "how ſoon after a tick bite ſhould i worry",  # a long s: not screened
        "Quand faut-il consulter? when should I see a doctor",
        "what's the difference between a cold and flu?",
    ]
    for question in questions:
        cues, first = _every_pattern(question)
        assert answer_cues(question) == cues, question
        if (
            intent._DURATION_RE.search(question)
            or intent._UNTREATED_RE.search(question)
            or intent._DOES_IT_CURE_RE.search(question)
        ):
            continue
        if intent._WHAT_IS_AND_RE.search(question):
            continue
        expected = first or ("overview" if intent._COMPARISON_RE.search(question) else None)
        assert detect_intent(question) == expected, question


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("can you catch whooping cough twice", "more than once"),
        (
            "had hepatitus c treated and cleared 3 years ago, can you catch it a second time",
            "again",
        ),
    ],
)
def test_catching_it_again_is_answered_by_the_sentence_that_says_so(
    engine: HealthEngine, question: str, fact: str
) -> None:
    """Every word of "more than once" and "again" is a stop word: the sentences that say
    something happens again carry a mark the question's cue asks for."""
    assert REPEAT_MARK in answer_cues(question)[0]
    answer = engine.ask(question)
    assert fact in answer.text


@pytest.mark.parametrize(
    "question", ["can you catch flu from the flu jab", "is it safe to exercise again after covid"]
)
def test_other_questions_do_not_ask_for_it_again(question: str) -> None:
    assert REPEAT_MARK not in answer_cues(question)[0]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # What it means for later.
        ("had gestational diabetis with my first, will i end up with proper diabetes", "type 2"),
        (
            "had a miscarriage at 8 weeks, does it mean i wont be able to have a baby",
            "healthy pregnancy",
        ),
        # A relative's illness behind the question: whether it runs in families.
        ("my mum and my nan both had migranes, is that why i get them", "runs in families"),
        # Carrying on with something.
        ("mastitus - do i have to stop feeding from that side till its better", "continu"),
        # Whether it is the condition: how that is confirmed.
        ("everything tastes of nothing and i cant smell the coffee, could that be covid", "test"),
        ("caught my finger in the car door, it's a bit bruised, could it be broken", "X-ray"),
        ("shaky hands weight loss and heart racing, overactive thyroid?", "blood test"),
        # Getting ready for a test; being asthmatic is having asthma.
        ("do i have to starve myself before a full blood count tomorrow morning", "preparation"),
        ("asthmatic and my back is killing me, am i ok to take ibuprofen or not", "asthma"),
    ],
)
def test_the_point_of_the_question_picks_the_sentence(
    engine: HealthEngine, question: str, fact: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert fact in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "what is gestational diabetes",
        "my mum has dementia, what help can she get",
        "can i stop my statins",
        "can that be the menopause",
        "pms mood swings, what helps?",
        "tired all the time, is that normal?",
    ],
)
def test_plain_questions_ask_for_none_of_those_points(question: str) -> None:
    cues = answer_cues(question)[0]
    for point in ("later", "famili", "continu", "confirm"):
        assert stem(point) not in cues, (question, point)


@pytest.mark.parametrize(
    ("question", "intent_"),
    [
        # A diagnosis already made is where the question starts, not what it asks.
        ("just diagnosed with gestational diabetis at 26 weeks, will i need insulin", None),
        ("i was diagnosed with ibs, what should i eat", None),
        ("how is adhd diagnosed", "diagnosis"),
        ("how do they diagnose lupus", "diagnosis"),
        # What else helps, and what sets it off.
        ("the cream isn't doing much, what's the next step", "treatment"),
        ("physio hasn't sorted it, what else can they do", "treatment"),
        ("is there anything that helps him eat", "treatment"),
        ("reflux is worst at night, any tips for sleeping", "treatment"),
        ("what sets off cold sores", "causes"),
        ("what sets them off", "causes"),
        ("how have i got tennis elbow when i've never picked up a racket", "causes"),
        ("would a smear pick up hpv", "diagnosis"),
        ("how do i get cradle cap off without hurting her head", None),
        ("her fingertips are red and sore, what can she take for the pain", "treatment"),
        ("dull band across my forehead, what will shift it", "treatment"),
        ("are those eye vitamins for macular degeneration worth buying", "treatment"),
        # Getting tested asks about the test, but not a retest after treatment; a surprising
        # case asks how it came about.
        ("should i cut out bread for a few weeks before i get tested", "diagnosis"),
        ("finished my antibiotics last week, do i need to get tested again", None),
        ("she never smoked and has a tumour on her lung. how can that happen?", "causes"),
        ("how come my toddler keeps getting ear infections", "causes"),
    ],
)
def test_the_form_of_a_question_sets_its_intent(question: str, intent_: str | None) -> None:
    assert detect_intent(question) == intent_


def test_what_to_wear_to_an_appointment_asks_how_to_prepare() -> None:
    assert (
        stem("before") in answer_cues("can i wear deodorant to my breast screening appointment")[0]
    )
