"""Vocabulary, scope and intent rules: lay words, brand names, things and animals that are
not patients, and question forms that point at a section or a kind of sentence."""

from __future__ import annotations

import pytest

from bondmcp.engine.engine import DOSE_ANSWER, HealthEngine
from bondmcp.engine.intent import answer_cues, asks_for_dose, detect_intent
from bondmcp.engine.lexicon import EXPANSIONS, HEALTH_WORDS, LAY_TERMS
from bondmcp.engine.text import stem


@pytest.fixture(scope="module")
def engine() -> HealthEngine:
    return HealthEngine.builtin()


def in_scope(engine: HealthEngine, question: str) -> bool:
    return engine.scope.in_scope(question)


# -- out of scope ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how do i cure poison in elden ring",
        "how do i heal my party in baldur's gate 3",
        "best potion for healing in minecraft",
        "what rhymes with fever",
        "a synonym for headache",
    ],
)
def test_games_and_wordplay_are_out_of_scope_whatever_health_words_they_use(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert not answer.in_scope
    assert answer.confidence <= 0.2


@pytest.mark.parametrize(
    "question",
    [
        "my car is coughing and spluttering when i put my foot down",
        "my laptop has a virus",
        "my phone keeps overheating",
        "is my freezer sweating because the door seal has gone",
        "the sofa is broken on one side",
    ],
)
def test_a_thing_described_like_a_patient_is_not_a_health_question(
    engine: HealthEngine, question: str
) -> None:
    assert not engine.ask(question).in_scope


@pytest.mark.parametrize(
    "question",
    [
        "my tortoise has a soft shell is that normal",
        "how to stop my hamster biting",
        "my dog got worms from another dog",
        # Farm animals, a plural owner's animals, and a pet's dose.
        "two of our ewes are lame and limping",
        "my hens are sneezing and have runny eyes",
        "how much insulin should my diabetic dog get",
        "one of our lambs has a hot swollen knee and won't get up",
    ],
)
def test_animal_health_and_training_are_out_of_scope(engine: HealthEngine, question: str) -> None:
    assert not engine.ask(question).in_scope


@pytest.mark.parametrize(
    "question",
    [
        "how do i stop screen burn in on my oled tv",
        "how do i fix a pulled thread in my jumper",
        "how much does a doctor earn in canada",
        "who won the world cup",
        "who won the super bowl last year",
        "how do i get rid of ants in my kitchen",
        # A health word that describes the thing after it, or a figure of speech.
        "my headset keeps cutting out on calls",
        "how do i bring a sick houseplant back",
        "what is the prognosis for the economy",
        "how does carbon dating work",
        # Money, baking, weather, laundry, gardens, sayings and television.
        "my portfolio is bleeding cash this quarter",
        "my bread dough is too sticky to knead",
        "how do tornadoes form",
        "how to stop a red sock dyeing my white laundry pink",
        "how do i tell if my hedge has a fungus",
        "where does the idiom cold feet come from",
        "which season of scrubs has the most heart attacks",
        # Weather, games, money and cars.
        "is there going to be a cold snap next week",
        "how do i beat the boss in terraria",
        "how do i fix a leaking head gasket",
        # Football commentary and a television series.
        "what does the commentator mean by a clinical finish",
        "how many series of call the midwife are there",
        # Farming.
        "which teat spray stops mastitis in the herd on our farm",
        # A word describing the thing between its owner and it.
        "our jersey cow has mastitis, what should we treat it with",
        # Code.
        "my bash script keeps choking on a huge csv",
        # Cooking.
        "how do you get crispy skin on a sea bass fillet",
        # A grudge and a shampoo's maker.
        "why does my boss have such a chip on his shoulder",
        "does procter and gamble still make head and shoulders",
        # Money, cars and gardens.
        "how do economists stop contagion spreading between banks",
        "my car hiccups when the revs drop",
        "can you heel in bare root raspberry canes in january",
        # Letting air out of a radiator or brake lines; a hospital drama.
        "the radiator upstairs is cold at the top, how do i bleed it, do i bleed the radiator hot",
        "do you need two people for bleeding the brakes",
        "which season of greys anatomy is the best",
        # Sayings, sport's rules and money.
        "where did the saying 'cold feet' come from",
        "can a side bring on a concussion sub in the cup final",
        "what's a poison pill in a hostile takeover",
        "the shop is haemorrhaging money since the roadworks, what can we do",
        "our ceo says a price rise now would be the kiss of death for the brand",
        "is the bleeding edge build of the compiler safe to use",
        # Fish kept as pets, a car battery, goals let in, grammar and history.
        "my betta has white fuzz on his fins, do i need antibiotics in the tank",
        "the battery terminals on my van are covered in white corrosion, will it still start",
        "our back four keep haemorrhaging goals from set pieces",
        "is it grammatically right to say i feel nauseous",
        "did medieval barbers really pull teeth and do surgery",
    ],
)
def test_everyday_subjects_that_borrow_health_words_are_out_of_scope(
    engine: HealthEngine, question: str
) -> None:
    assert not engine.ask(question).in_scope


# -- in scope --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("can i catch ringworm from my cat", "ringworm"),
        ("a dog bit my hand", "animal-bites"),
        ("can loud concerts cause ringing ears", "tinnitus"),
        ("how long is too long to have the runs", "diarrhea"),
        ("i got bitten by fire ants", "insect-stings"),
    ],
)
def test_a_person_catching_something_or_a_condition_named_in_full_stays_in_scope(
    engine: HealthEngine, question: str, topic: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.topic_id == topic


def test_a_condition_named_by_its_medical_ending_is_a_health_question(
    engine: HealthEngine,
) -> None:
    # "-lepsy" and "-plexy" name conditions (narcolepsy, cataplexy) the content may not cover.
    answer = engine.ask("does narcolepsy with cataplexy ever go away by itself")
    assert answer.in_scope
    assert answer.abstained


def test_a_doctor_in_a_health_question_is_still_a_health_word(engine: HealthEngine) -> None:
    assert in_scope(engine, "do i need to see a doctor for a sprained ankle")
    assert in_scope(engine, "my doctor says i have high cholesterol")


def test_a_topic_name_of_everyday_words_alone_is_not_clear_evidence(engine: HealthEngine) -> None:
    assert not engine.ask("can i leave my car parked for a long period").in_scope


# -- lay words, abbreviations and spelling------------------------------------------------------


def test_expansions_are_tuples_of_words() -> None:
    for word, meaning in EXPANSIONS.items():
        assert isinstance(meaning, tuple), word
        assert all(isinstance(w, str) and w for w in meaning), word


def test_an_abbreviation_is_read_as_the_name_our_sources_use() -> None:
    assert "nitroglycerin" in LAY_TERMS["gtn"]


@pytest.mark.parametrize("question", ["when to start uloric", "what is aciphex"])
def test_a_brand_our_sources_never_name_is_not_answered_from_its_generic(
    engine: HealthEngine, question: str
) -> None:
    # An answer must come from text that names the medicine asked about.
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.abstained


@pytest.mark.parametrize(
    ("question", "topic", "name"),
    [
        ("who should take tamiflu", "influenza", "Tamiflu"),
        ("what is methadone used for", "opioid-use-disorder", "Methadone"),
        ("what is lexapro used for", "antidepressants", "Lexapro"),
        ("what is coumadin", "blood-thinners", "Coumadin"),
        ("what is flomax", "enlarged-prostate", "Flomax"),
        ("what is oxybutynin used for", "overactive-bladder", "Oxybutynin"),
        ("what is metoprolol used for", "beta-blockers", "Metoprolol"),
    ],
)
def test_a_medicine_a_topic_names_is_answered_from_that_topic(
    engine: HealthEngine, question: str, topic: str, name: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic
    assert name in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "what dose of tamiflu should i take",
        "how many mg of methadone should i take",
        # The medicine between "how many" and "tablets", the child between "give" and "two".
        "how many sertraline tablets a day is normal",
        "can i give my 6 year old two calpol at once",
        "how many mgs of seroquel does one take for sleep",
    ],
)
def test_naming_a_medicine_does_not_make_its_dose_answerable(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.abstained
    assert answer.text == DOSE_ANSWER


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is the gtn spray for", "angina"),
        ("what does sepsis look like in the elderly", "sepsis"),
        ("bloody diarrhea and cramps for a week", "diarrhea"),
        ("hi blood presure what should i eat", "hypertension"),
        ("what is chrons disease", "crohns-disease"),
        ("my heart has been hammering all evening", "heart-palpitations"),
        (
            "my husband is type 1 and keeps waking up drenched in sweat after bad dreams, could his"
            " sugar be dropping overnight",
            "hypoglycemia",
        ),
        # Drinking nothing is about fluids, not alcohol.
        ("my grandad hardly drinks anything all day and never feels thirsty", "dehydration"),
        ("any excersises to stop my nan falling over", "physical-activity"),
        # NHS words: the booking appointment, furred arteries, patch testing.
        ("what do they test for in the bloods at your booking appointment", "prenatal-care"),
        ("what tests show if your arteries are furred up", "atherosclerosis"),
        ("dermatologist wants to do patch testing for my hand rash", "contact-dermatitis"),
        # Fags are smoking before they are cigarettes: quitting them is quitting smoking.
        ("how long do the cravings last after you quit fags", "quitting-smoking"),
        # Topics added for questions the knowledge base could not answer before.
        ("burst a blood vessel in my eye coughing, is it serious", "subconjunctival-hemorrhage"),
        ("my finger clicks and gets stuck bent in the mornings", "trigger-finger"),
        ("toddler screamed and wont use her arm since i lifted her up by the hand", "pulled-elbow"),
        ("nail went black after i dropped a tin on my toe", "subungual-hematoma"),
        ("is a helmet worth it for my babys flat head", "flat-head-syndrome"),
        (
            "ring and little finger tingle when i lean on my elbow at my desk",
            "cubital-tunnel-syndrome",
        ),
        ("why do i twitch and jolt just as im falling asleep", "hypnic-jerks"),
        # A UK name for the auto-injector; a whine in the ears; "like the one for" compares.
        (
            "daughter used her adrenaline jab at school after eating something with peanuts, she"
            " seems totally fine now. does she still have to go to A&E?",
            "anaphylaxis",
        ),
        (
            "constant high pitched whine in both ears after years of DJing. will it ever go away"
            " and what actually helps?",
            "tinnitus",
        ),
        ("is there a jab for hep c like the one for hep b", "hepatitis-c"),
    ],
)
def test_lay_words_abbreviations_and_misspellings_reach_the_topic(
    engine: HealthEngine, question: str, topic: str
) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == topic


def test_a_greeting_is_not_health_evidence(engine: HealthEngine) -> None:
    assert "hi" not in LAY_TERMS
    assert not in_scope(engine, "hi what is the capital of france")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("it burns when i pee", "urinary-tract-infection"),
        ("red bumpy rash in the diaper area", "diaper-rash"),
        ("calf pain when walking that goes away when i stop", "peripheral-artery-disease"),
        ("what age do they send you the poo test kit", "colorectal-cancer-screening"),
        ("crying all the time since having my baby", "postpartum-depression"),
        ("hayfever tablets that dont make you sleepy", "antihistamines"),
        ("eye infection crusty in the morning", "pink-eye"),
    ],
)
def test_everyday_descriptions_name_their_topic(
    engine: HealthEngine, question: str, topic: str
) -> None:
    assert engine.ask(question).topic_id == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("rolled my ankle playing netball and it's gone puffy", "sprains-and-strains"),
        ("jarred my wrist catching a ball", "sprains-and-strains"),
        ("stubbed my toe on the sofa, is it broken", "broken-bones"),
        ("bumped my head on the cupboard door and there's a lump", "concussion"),
        ("burnt my hand on the oven door, what do i do", "burns"),
        ("had a dodgy kebab and now i keep being sick", "food-poisoning"),
        ("slept funny and can't turn my neck", "neck-pain"),
    ],
)
def test_everyday_mishaps_in_lay_words_reach_their_topic(
    engine: HealthEngine, question: str, topic: str
) -> None:
    """How people tell a minor injury: "rolled", "jarred", "stubbed", "slept funny"."""
    answer = engine.ask(question)
    assert answer.topic_id == topic
    assert not answer.abstained


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("can i give my 4 year old nurofen for his chickenpox", "chickenpox"),
        ("is calpol ok for teething", "teething"),
        ("can i drive on co codamol", "opioid-pain-medicines"),
    ],
)
def test_a_brand_name_is_read_as_the_medicine_it_contains(
    engine: HealthEngine, question: str, topic: str
) -> None:
    """Our sources name ibuprofen and paracetamol, people name Nurofen and Calpol."""
    answer = engine.ask(question)
    assert (answer.topic_id, answer.abstained) == (topic, False)


@pytest.mark.parametrize(
    "question",
    [
        "how much movicol can i give my 3 year old, she hasnt been for 5 days",
        "how many kwells can my 9 year old take for the boat",
    ],
)
def test_a_dose_of_a_brand_is_declined_as_a_dose(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.text == DOSE_ANSWER


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("i work on a farm, am i at risk of tetanus", "tetanus"),
        ("can farmers get lyme disease from ticks", "lyme-disease"),
    ],
)
def test_a_farmers_own_health_is_a_health_question(
    engine: HealthEngine, question: str, topic: str
) -> None:
    assert engine.ask(question).topic_id == topic


@pytest.mark.parametrize(
    "question",
    [
        "my son still mixes up b and d at 8, could he be dyslexic",
        "my 5 year old has started to stammer, will it go away",
    ],
)
def test_learning_and_speech_difficulties_are_health_questions(
    engine: HealthEngine, question: str
) -> None:
    """Dyslexia and a stammer are for assessments the content does not describe: in scope,
    declined, not redirected as if they were about something else."""
    answer = engine.ask(question)
    assert (answer.in_scope, answer.abstained) == (True, True)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is scrolling on my phone in bed the reason i cant get to sleep", "healthy-sleep"),
        ("how many portions of fruit and veg do you actually need a day", "healthy-eating"),
    ],
)
def test_sleep_and_eating_in_everyday_words_are_health_questions(
    engine: HealthEngine, question: str, topic: str
) -> None:
    """A phone or a fruit bowl in the question does not make it about gadgets or cooking."""
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.topic_id == topic


# -- unanswerable ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "chiari malformation symptoms in adults",
        "idiopathic intracranial hypertension treatment",
        # Medicines it does not describe, known by their drug stems.
        "what is bimatoprost",
        "how dextroamphetamine works",
        "what is terfenadine",
        "who administers succinylcholine?",
        "does enalaprilat treat stroke",
        "what are the contraindications for kadian",
    ],
)
def test_a_condition_the_knowledge_base_lacks_is_in_scope_but_not_answered(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.abstained


def test_a_persons_own_muscle_enzyme_result_is_not_interpreted(engine: HealthEngine) -> None:
    answer = engine.ask("my ck came back at 2400 after a heavy leg day, should i worry")
    assert answer.in_scope
    assert answer.abstained


@pytest.mark.parametrize(
    "question",
    [
        "whats the most omeprazole you can take in a day",
        "the most ibuprofen i can take",
        "how much metoprolol is too much",
        "how many advil are too many",
        "what is a daily amount of prednisolone eye drops to take",
        "the usual amount of melatonin to give a child",
    ],
)
def test_the_most_one_can_take_is_a_dose_question(engine: HealthEngine, question: str) -> None:
    assert asks_for_dose(question, names_medicine=True)
    assert engine.ask(question).text == DOSE_ANSWER


def test_most_common_is_not_a_dose_question() -> None:
    assert not asks_for_dose("what is the most common side effect of statins", names_medicine=True)


@pytest.mark.parametrize(
    "question", ["how much period bleeding is too much", "how much exercise is too much"]
)
def test_too_much_of_something_not_a_medicine_is_not_a_dose_question(
    engine: HealthEngine, question: str
) -> None:
    assert not asks_for_dose(question)
    answer = engine.ask(question)
    assert answer.text != DOSE_ANSWER
    assert not answer.abstained


def test_new_condition_words_are_health_words() -> None:
    for word in ("malformation", "congenital", "hypertension", "idiopathic"):
        assert word in HEALTH_WORDS


# -- intent and answer cues ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how to keep my bones strong after menopause", "prevention"),
        ("how do you keep warm with raynauds", "prevention"),
        ("symptoms of malaria after coming back from holiday", "symptoms"),
        ("what stops the rash coming back", "prevention"),
        ("how do they test newborns for cf", "diagnosis"),
        ("what can a heart tracing actually pick up", "diagnosis"),
        ("what makes someone likely to get a blood clot in the lungs", "risk_factors"),
        ("how do you reverse metabolic syndrome", "treatment"),
        ("how long does an anal fissure take to heal", None),
        # Something that keeps happening: stopping it is prevention; stopping one is treatment.
        ("i keep getting cold sores every winter, how can i stop them", "prevention"),
        ("how do i stop a nosebleed", "treatment"),
        # "Side effects" misspelt.
        ("zofran side efects", "risk_factors"),
        ("side affects of metformin", "risk_factors"),
        ("when do they decide to take your tonsils out", "treatment"),
        ("how should i trim my nails so it stops happening", "prevention"),
        ("my throat is raw from shouting, what should i be doing", "treatment"),
        ("the gp is referring him, what tests will they do", "diagnosis"),
        # Whether a sign makes a diagnosis; whether one can pass it on is about its causes.
        ("had one fit last year, does that mean im epileptic now", "diagnosis"),
        ("does this mean she has diabetes", "diagnosis"),
        ("does that mean im contagious", "causes"),
        ("why has my eyelid been twitching for three days", "causes"),
        # A positive test is where the question starts, not what it asks.
        ("tested positive for covid, how long am i infectious", None),
    ],
)
def test_question_forms_point_at_a_section(question: str, intent: str | None) -> None:
    assert detect_intent(question) == intent


@pytest.mark.parametrize(
    ("question", "cue"),
    [
        ("can a psa test be wrong", "false"),
        ("should everyone get their vitamin d levels checked", "recommend"),
        ("does my partner need treating too", "partner"),
        ("can i catch ringworm from my cat", "vet"),
        ("can chlamydia stop you getting pregnant", "infertility"),
        ("is it ok to take zopiclone every night", "short"),
    ],
)
def test_question_forms_ask_for_a_kind_of_sentence(question: str, cue: str) -> None:
    stems, _number = answer_cues(question)
    assert stem(cue) in stems


@pytest.mark.parametrize(
    "question",
    [
        "my fish has white spots",
        "my guinea pig is losing hair",
        "how to fix a broken zip",
        "how do i fix a broken phone screen",
        "why is my fridge leaking water",
        "what is a heart of palm",
    ],
)
def test_owned_animals_mended_things_and_sayings_are_out_of_scope(
    engine: HealthEngine, question: str
) -> None:
    assert not engine.ask(question).in_scope


def test_fish_as_food_stays_a_health_question(engine: HealthEngine) -> None:
    assert in_scope(engine, "is eating fish good for my cholesterol")


def test_a_repair_verb_before_a_health_word_is_not_a_repair(engine: HealthEngine) -> None:
    assert in_scope(engine, "how to fix neck pain from my laptop")


@pytest.mark.parametrize(
    "question",
    [
        "what is the half life of xanax",
        "what is the best treatment for stage 4 melanoma",
    ],
)
def test_figures_and_cancer_stages_the_content_lacks_are_not_answered(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.abstained


def test_a_stage_outside_cancer_is_answered(engine: HealthEngine) -> None:
    assert not engine.ask("stage 3 kidney disease what does it mean").abstained


def test_units_of_alcohol_are_not_a_medicine_dose() -> None:
    assert not asks_for_dose("how many units of alcohol a week is safe")


def test_what_is_and_asks_for_the_overview_first() -> None:
    assert detect_intent("what is lupus and who gets it") == "overview"


@pytest.mark.parametrize(
    ("british", "american"),
    [("disc", "disk"), ("fibre", "fiber"), ("apnoea", "apnea"), ("haemorrhage", "hemorrhage")],
)
def test_british_spellings_read_as_the_spelling_our_sources_use(
    british: str, american: str
) -> None:
    assert american in EXPANSIONS[british]


def test_everyday_british_spellings_are_no_health_evidence(engine: HealthEngine) -> None:
    assert "colour" not in LAY_TERMS
    assert not in_scope(engine, "what colour should i paint my room")


def test_a_slipped_disc_is_answered_from_sciatica(engine: HealthEngine) -> None:
    assert engine.ask("what is a slipped disc").topic_id == "sciatica"


def test_what_happens_untreated_asks_for_consequences_not_treatment(engine: HealthEngine) -> None:
    question = "what happens if high blood pressure is not treated"
    assert detect_intent(question) is None
    stems, _number = answer_cues(question)
    assert stem("complications") in stems
    assert "Untreated high blood pressure" in engine.ask(question).text


def test_staying_off_school_asks_for_when_someone_stops_being_contagious(
    engine: HealthEngine,
) -> None:
    question = "how long should my child stay off school with chickenpox"
    stems, _number = answer_cues(question)
    assert stem("contagious") in stems
    assert "crusted over" in engine.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "is my sick child contagious",
        "my sunburnt shoulders are peeling",
        "is cutting out sugar good for you",
        "what is the prognosis for copd",
    ],
)
def test_the_same_words_about_a_person_stay_in_scope(engine: HealthEngine, question: str) -> None:
    assert engine.ask(question).in_scope


@pytest.mark.parametrize(
    "question",
    [
        "my homocysteine came back at 22, is that bad",
        "my vitamin k level came back low, what now",
        "my reticulocytes are 3.1 on my results",
    ],
)
def test_a_persons_own_result_of_any_test_is_not_interpreted(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope and answer.abstained


@pytest.mark.parametrize(
    "question",
    [
        "my covid test came back positive, how long am i contagious",
        "my rash came back 2 weeks later",
    ],
)
def test_something_that_came_back_is_not_a_result(engine: HealthEngine, question: str) -> None:
    assert not engine.ask(question).abstained


@pytest.mark.parametrize(
    "question",
    ["how long till i can drive after a knee replacement", "recovery time after a tonsillectomy"],
)
def test_recovery_after_an_operation_needs_a_stated_duration(
    engine: HealthEngine, question: str
) -> None:
    assert engine.ask(question).abstained


def test_a_stated_recovery_time_answers_it(engine: HealthEngine) -> None:
    answer = engine.ask("recovery time after rotator cuff surgery")
    assert not answer.abstained and answer.topic_id == "rotator-cuff-injury"


@pytest.mark.parametrize("question", ["is reiki safe", "does cupping help back pain"])
def test_a_therapy_no_topic_describes_is_not_answered(engine: HealthEngine, question: str) -> None:
    assert engine.ask(question).abstained


def test_of_two_named_topics_the_one_about_the_named_medicine_answers(
    engine: HealthEngine,
) -> None:
    answer = engine.ask("is benzocaine gel ok for teething")
    assert answer.topic_id == "local-anesthetics"
    assert not answer.abstained


def test_whether_something_cures_asks_for_the_sentence_that_says_so() -> None:
    assert detect_intent("does antibiotic cream cure impetigo") is None
    assert detect_intent("how do you cure impetigo") == "treatment"


def test_going_away_on_its_own_asks_for_getting_better_untreated(engine: HealthEngine) -> None:
    stems, _number = answer_cues("do cold sores go away on their own")
    assert stem("better") in stems


def test_what_makes_something_happen_asks_for_its_causes() -> None:
    assert detect_intent("what makes gallstones form") == "causes"
    assert detect_intent("what makes someone more likely to get gout") == "risk_factors"


def test_getting_ready_for_a_test_looks_for_what_to_do_before_it() -> None:
    stems, _number = answer_cues("can i eat before a cholesterol test")
    assert stem("fasting") in stems


@pytest.mark.parametrize(
    "question",
    [
        # A Latin qualifier the knowledge base does not know: not the condition it follows.
        "what is erythema multiforme",
        "what causes acanthosis palmaris",
        # What a scan, report or test of one's own says needs a clinician.
        "my ct scan showed a 4mm nodule on my lung, what now",
        "my semen analysis says low motility, what does that mean",
        # What will become of one person.
        "will my grandad ever remember us again after his stroke",
    ],
)
def test_unknown_names_own_reports_and_one_persons_outlook_are_not_guessed(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope, question
    assert answer.abstained, question


@pytest.mark.parametrize(
    "question",
    [
        "what to do if someone is having a fit",
        "my nephew has fits, what should we do while one is happening",
        "should you put something in someones mouth when theyre having a fit",
    ],
)
def test_having_a_fit_is_a_seizure(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.topic_id == "seizure-first-aid", (question, answer.topic_id)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how do i get fit after having a baby", "physical-activity"),
        ("how do i get fit", "physical-activity"),
    ],
)
def test_getting_fit_is_exercise(engine: HealthEngine, question: str, topic: str) -> None:
    query = engine.index.analyse_query(question)
    assert "seizure" not in query.words and "exercise" in query.words
    assert engine.ask(question).topic_id == topic


def test_a_fit_of_coughing_is_not_a_seizure(engine: HealthEngine) -> None:
    query = engine.index.analyse_query("having a fit of coughing every night")
    assert "seizure" not in query.words
    assert engine.ask("having a fit of coughing every night").triage == "routine"


def test_contractions_typed_without_apostrophes_are_stop_words(engine: HealthEngine) -> None:
    query = engine.index.analyse_query("when theyre asleep and someones snoring")
    assert {"theyre", "someones"}.isdisjoint(term.word for term in query.terms)


@pytest.mark.parametrize(
    "question", ["b-12 deficiency symptoms", "how much b-12 is needed in an adult/month"]
)
def test_a_letter_and_number_joined_by_a_hyphen_are_one_name(
    engine: HealthEngine, question: str
) -> None:
    assert "b12" in engine.index.analyse_query(question).words
    assert engine.ask(question).topic_id == "vitamin-b12-deficiency"


@pytest.mark.parametrize(
    "question",
    [
        "trospium can i stop taking it?",
        "how long does chlordiazepoxide stay in your system",
        "how to reconstitute cefazolin",
    ],
)
def test_a_medicine_the_content_does_not_know_gets_an_abstention_not_a_redirect(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope and answer.abstained, question


def test_stopping_something_else_does_not_make_a_medicine(engine: HealthEngine) -> None:
    answer = engine.ask("blood is pouring from a cut on my arm and a towel isnt stopping it")
    assert answer.triage == "emergency"
    assert answer.topic_id == "bleeding-and-wounds"


def test_a_medicine_name_is_not_corrected_to_another_form(engine: HealthEngine) -> None:
    # The sources write "tetracyclines"; the question's "tetracycline" stays a medicine's
    # name, so a topic that only shares "metabolized" with it does not answer.
    query = engine.index.analyse_query("how is tetracycline metabolized?")
    assert "tetracycline" in query.words and not query.corrections
    answer = engine.ask("how is tetracycline metabolized?")
    assert answer.abstained and answer.topic_id is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is pramoxine a nsaid?", "local-anesthetics"),
        ("levaquin treat uti?", "antibiotics"),
        ("how does cocaine i effect the nervous system", None),
    ],
)
def test_a_named_medicine_or_drug_is_answered_only_from_a_topic_about_it(
    engine: HealthEngine, question: str, topic: str | None
) -> None:
    answer = engine.ask(question)
    assert answer.topic_id == topic, (question, answer.topic_id)
    assert answer.in_scope


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how to loose weight", "healthy-weight"),
        ("loosing weight without trying", "weight-loss-unexplained"),
        ("i have loose stools", "diarrhea"),
    ],
)
def test_loose_before_weight_is_lose(engine: HealthEngine, question: str, topic: str) -> None:
    assert engine.ask(question).topic_id == topic


# -- spelling -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("lukemia", "leukemia"),
        ("tinitus", "tinnitus"),
        ("minoxodil", "minoxidil"),
        ("thyriod", "thyroid"),
        ("carbamazapine", "carbamazepine"),
        # Two edits that share no one-letter deletion, to a long health word.
        ("excersises", "exercises"),
    ],
)
def test_misspelt_medical_words_are_corrected(engine: HealthEngine, typed: str, meant: str) -> None:
    assert (typed, meant) in engine.index.analyse_query(f"what about {typed}").corrections


@pytest.mark.parametrize(
    "word",
    # Everyday words one edit from a word our sources use: "barley", "blurring",
    # "hearing", "sleep", "shell", "bunged" (a lay word), "plaque"... none is a typo.
    ["barely", "slurring", "heaving", "foaming", "sleet", "shelf", "banged", "makers", "bread"],
)
def test_everyday_words_are_not_corrected_into_the_vocabulary(
    engine: HealthEngine, word: str
) -> None:
    query = engine.index.analyse_query(f"my grandad {word} a lot")
    assert query.corrections == ()
    assert word in query.words
    # Not corrected, and not counted as an unknown word either: it is an everyday one.
    assert next(t for t in query.terms if t.word == word).known


@pytest.mark.parametrize("word", ["population", "medieval"])
def test_words_two_edits_from_a_medical_word_are_not_corrected_to_it(
    engine: HealthEngine, word: str
) -> None:
    # "ovulation" and "medical": a long word reaches two edits only towards a word with
    # the same first letter, and a word under nine letters not at all.
    assert engine.index.analyse_query(f"what is the {word} of canada").corrections == ()


def test_a_word_nothing_resembles_stays_unknown(engine: HealthEngine) -> None:
    query = engine.index.analyse_query("is zyxalprin safe")
    assert not next(t for t in query.terms if t.word == "zyxalprin").known


def test_a_verb_before_a_condition_is_not_part_of_its_name(engine: HealthEngine) -> None:
    answer = engine.ask("can you inherit lukemia from your mum or dad")
    assert not answer.abstained
    assert answer.topic_id == "leukemia"


@pytest.mark.parametrize(
    "question",
    ["peed red after eating beetroot last night, is it blood", "what waist size is unhealthy"],
)
def test_everyday_health_words_keep_a_question_in_scope(
    engine: HealthEngine, question: str
) -> None:
    assert engine.ask(question).in_scope


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("i've lost a stone without trying", "weight-loss-unexplained"),
        ("i passed a stone last night and it hurt", "kidney-stones"),
        # Dropped weight is lost weight, not a drop in blood sugar.
        (
            "grandad's dropped about 2 stone since christmas and barely eats, what could be"
            " causing it",
            "weight-loss-unexplained",
        ),
    ],
)
def test_stone_after_an_amount_lost_or_gained_is_body_weight(
    engine: HealthEngine, question: str, topic: str
) -> None:
    assert engine.ask(question).topic_id == topic


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("is parkinsons passed down from your parents", "inherited gene changes"),
        ("can the covid jab actually give you covid", "cannot cause COVID-19"),
    ],
)
def test_a_question_form_points_at_the_sentence_that_answers_it(
    engine: HealthEngine, question: str, said: str
) -> None:
    assert said in engine.ask(question).text


def test_coming_back_asks_for_sentences_about_recurrence() -> None:
    stems, _number = answer_cues("my nan had shingles last year and now it's back")
    assert stem("again") in stems
    stems, _number = answer_cues("can you go back to work with shingles")
    assert stem("again") not in stems


@pytest.mark.parametrize(
    "question",
    [
        "is a PE teacher a good job",
        "what time is pe at school",
        "MS Word keeps crashing",
        "ms excel formula for an average",
        "when i add the milk does the sauce split",
        "how to add a printer on windows",
        "how do i clean a mouse pad",
    ],
)
def test_an_abbreviation_used_as_an_everyday_word_names_no_condition(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic_id is None
    assert not answer.in_scope


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is a pe", "pulmonary-embolism"),
        ("does ms run in families", "multiple-sclerosis"),
        ("can adults have add", "adhd"),
        ("my son has ADD and cant focus", "adhd"),
        ("signs of PAD in legs", "peripheral-artery-disease"),
    ],
)
def test_the_same_abbreviations_still_name_their_condition(
    engine: HealthEngine, question: str, topic: str
) -> None:
    assert engine.ask(question).topic_id == topic


@pytest.mark.parametrize(
    "question",
    [
        "where does the saying break a leg come from",
        "who sang the song fever",
        "guitar chords for a song about a heartbeat",
        "how does bleed damage work in dark souls",
        "how much sick pay do i get if im off for a week",
        "the trackpad on my laptop is swollen",
        "does a hummingbird heart beat fast",
    ],
)
def test_songs_sayings_games_pay_gadgets_and_birds_are_out_of_scope(
    engine: HealthEngine, question: str
) -> None:
    assert not in_scope(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "my dad has heart failure, how many years has he got",
        "will my husband live to see our kids grow up after his cancer",
    ],
)
def test_how_long_one_person_has_left_is_not_guessed(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.in_scope
    assert answer.abstained


@pytest.mark.parametrize(
    "question",
    [
        "my daughter clashed heads with a friend at netball, she seems fine",
        "he banged his head on the goalpost at football",
    ],
)
def test_a_knock_to_the_head_at_sport_is_a_health_question(
    engine: HealthEngine, question: str
) -> None:
    assert engine.ask(question).in_scope


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("my son bumped his head at rugby training, should i worry", "concussion"),
        ("should i be worried about a mole that has changed shape", "melanoma"),
        ("i worry about everything all the time", "generalized-anxiety-disorder"),
    ],
)
def test_should_i_worry_asks_how_serious_not_about_anxiety(
    engine: HealthEngine, question: str, topic: str
) -> None:
    assert engine.ask(question).topic_id == topic


def test_how_fast_one_persons_illness_will_progress_is_not_answered(engine: HealthEngine) -> None:
    """An outlook for one person is for the doctors who know him; "how quickly does it
    progress", asked of the condition, is answered."""
    mine = engine.ask(
        "diagnosed with early onset alzheimers at 58, how quickly will he go downhill"
    )
    assert mine.in_scope
    assert mine.abstained
    general = engine.ask("how quickly does alzheimers progress")
    assert (general.topic_id, general.abstained) == ("alzheimers-disease", False)


@pytest.mark.parametrize(
    "question",
    [
        "my uncle is on a ventilator with pneumonia, is he going to pull through",
        "she had a stroke last month, will she be able to go back to living on her own",
        "our baby was born at 26 weeks, will she have problems when she's older",
        "our son was born with a cleft palate, how many operations will he need",
        "my son has cystic fibrosis, will he be able to have children",
    ],
)
def test_one_persons_outlook_is_not_answered(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert (answer.in_scope, answer.abstained) == (True, True)


def test_calling_the_midwife_is_not_the_television_series(engine: HealthEngine) -> None:
    assert engine.ask("when should i call the midwife in labour").in_scope


def test_an_everyday_word_far_from_the_medicine_word_is_not_a_medicines_name(
    engine: HealthEngine,
) -> None:
    """The ferry is where the seasickness happens; "zyxal tablets" names a medicine the
    knowledge base does not know, and is not answered."""
    ferry = engine.ask("what tablets are best for seasickness on the ferry")
    assert (ferry.topic_id, ferry.abstained) == ("motion-sickness", False)
    assert engine.ask("are zyxal tablets good for seasickness").abstained


@pytest.mark.parametrize(
    "question",
    [
        "cant get it up when im stressed with work, is that normal",
        "my husband can't keep it up anymore",
        "struggling to keep it up during sex",
    ],
)
def test_cant_get_it_up_is_about_erections(engine: HealthEngine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.topic_id == "erectile-dysfunction"


@pytest.mark.parametrize(
    "question", ["cant get it up the stairs with my bad knee", "how do i get it up to date"]
)
def test_getting_something_up_somewhere_is_not(engine: HealthEngine, question: str) -> None:
    assert "erection" not in engine.index.analyse_query(question).words


@pytest.mark.parametrize(
    ("question", "testicle"),
    [
        ("if they take one ball out because of cancer can you still have kids", True),
        ("had a ball removed last year, will my sperm count be ok", True),
        # Other balls are not testicles.
        ("hit a ball out of the park and hurt my shoulder", False),
        ("pain in the ball of my foot", False),
    ],
)
def test_one_ball_taken_out_is_a_testicle(
    engine: HealthEngine, question: str, testicle: bool
) -> None:
    assert ("testicle" in engine.index.analyse_query(question).words) is testicle


@pytest.mark.parametrize(
    "question",
    [
        "how do i cut down cold starts on my aws lambda functions",
        "my golf drives keep bleeding off to the right, how do i fix a slice",
        "in the long dark how do you get rid of the hypothermia risk before it kills your survivor",
        "dpf light is on, the particulate filter on my diesel is clogged, will a motorway run clear it",
        "what's the meat withdrawal period after i've injected my pigs with penicillin",
        "our hens have stopped laying, could they be ill",
        "why do people say bite the bullet, did soldiers chew on bullets during surgery",
        "what year did bon jovi release bad medicine",
    ],
)
def test_servers_golf_a_game_cars_livestock_a_saying_and_a_band_are_out_of_scope(
    engine: HealthEngine, question: str
) -> None:
    answer = engine.ask(question)
    assert (answer.in_scope, answer.triage) == (False, "routine"), question


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is diesel exhaust bad for asthma", "asthma"),
        ("can i play golf after a hip replacement", None),
        ("i ate undercooked pork from my pigs and now i have diarrhea", None),
    ],
)
def test_the_same_words_in_a_health_question_keep_it_in_scope(
    engine: HealthEngine, question: str, topic: str | None
) -> None:
    answer = engine.ask(question)
    assert answer.in_scope, question
    if topic is not None:
        assert answer.topic_id == topic


def test_a_specialist_is_not_a_condition_the_answer_must_address(engine: HealthEngine) -> None:
    """ "The cardiologist said": who treats it, not something the topic lacks."""
    answer = engine.ask("stable vs unstable angina, whats the difference, the cardiologist said")
    assert (answer.topic_id, answer.abstained) == ("angina", False)
    assert "unstable angina" in answer.text.lower()


def test_is_it_true_frames_a_question_rather_than_asking_about_truth(
    engine: HealthEngine,
) -> None:
    query = engine.index.analyse_query("is it true most people who catch hpv clear it")
    assert "true" not in {term.word for term in query.terms}
    answer = engine.ask("is it true most people who catch hpv just get rid of it on their own")
    assert (answer.topic_id, answer.abstained) == ("hpv", False)


@pytest.mark.parametrize(
    ("question", "fever"),
    [
        (
            "my 4 year old's temp is 38.3 with a snotty cold, she's still running round, do i"
            " need to take her to the doctor",
            True,
        ),
        ("temp of 101F since last night, what should i do", True),
        ("he's been 39c all day and achy", True),
        # Other numbers, and temperatures that are no fever.
        ("38 weeks pregnant and my back aches", False),
        ("i'm 38 and my knees ache", False),
        ("my baby weighs 4.2 kg at 8 weeks", False),
        ("it was 38 degrees outside and i feel faint", False),
        ("my temperature was 36.8 this morning", False),
    ],
)
def test_a_temperature_that_is_a_fever_reads_as_fever(
    engine: HealthEngine, question: str, fever: bool
) -> None:
    query = engine.index.analyse_query(question)
    assert ("fever" in query.words) == fever
    if fever:
        assert "fever" in {m.topic_id for m in query.aliases}


@pytest.mark.parametrize(
    "question",
    [
        "she's still running round and drinking her squash",
        "he's eating and drinking fine",
        "drinks plenty of water",
    ],
)
def test_a_soft_drink_is_not_alcohol(engine: HealthEngine, question: str) -> None:
    query = engine.index.analyse_query(question)
    assert "fluids" in query.words
    assert not {m.topic_id for m in query.aliases} & {"alcohol-and-health", "alcohol-use-disorder"}
    assert "squashy" not in query.words


def test_talc_is_talcum_powder_to_the_answer(engine: HealthEngine) -> None:
    answer = engine.ask("is talc ok to use on my baby's nappy rash")
    assert "talcum" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "in boxing what does it mean when a fighter has a glass jaw",
        "in two point hospital how do i cure patients faster",
        "is that medical drama on disney plus or do i need another streaming service",
        "my labrador keeps getting hot spots on his neck, what can i put on them",
        "our spaniel has an ear infection again, what drops work",
    ],
)
def test_games_shows_and_dogs_by_breed_are_redirected(engine: HealthEngine, question: str) -> None:
    assert not in_scope(engine, question)


def test_a_nurse_who_said_something_is_a_person_not_nursing(engine: HealthEngine) -> None:
    said = engine.index.analyse_query(
        "the practice nurse said my blood pressure was high",
        ignore=frozenset({"nurse"}),
    )
    assert "breastfeeding" not in said.named_topics
    assert engine.ask("the practice nurse said my blood pressure was high").topic_id == (
        "hypertension"
    )
    assert engine.ask("how often should i nurse my newborn").topic_id == "breastfeeding"


def test_a_gp_and_what_they_mentioned_are_everyday_words(engine: HealthEngine) -> None:
    answer = engine.ask("the gp mentioned quinsy when i had tonsilitis, what even is that")
    assert not answer.abstained
    assert answer.topic_id == "tonsillitis"
    assert "quinsy" in answer.text.lower()


def test_digits_in_a_lab_name_are_not_a_result(engine: HealthEngine) -> None:
    answer = engine.ask(
        "my mum's been told she has autoimmune gastritis, why does that mean she needs b12 jabs"
    )
    assert not answer.abstained
    assert "B12" in answer.text
    assert engine.ask("my b12 came back at 150, is that bad").abstained


def test_straight_away_is_at_once_not_straightness(engine: HealthEngine) -> None:
    """ "Cried straight away" says when, and must not pull a question towards a topic about
    straightening a finger; a fingertip that will not go straight still names straightness."""
    at_once = engine.index.analyse_query("he bumped his head and cried straight away")
    assert "straight" not in at_once.words
    shape = engine.index.analyse_query("my fingertip will not go straight after the ball hit it")
    assert "straight" in shape.words


def test_burning_told_as_a_sensation_does_not_name_burns(engine: HealthEngine) -> None:
    for question in ("burning pain in my feet at night", "a burning sensation in my chest"):
        assert "burns" not in engine.index.analyse_query(question).named_topics, question
    assert "burns" in engine.index.analyse_query("i burned my hand on the oven").named_topics


def test_side_is_a_medicine_cue_only_in_side_effects(engine: HealthEngine) -> None:
    """A goldfish floating on its side in its tank is not a question about a medicine named
    "tank"; "zyxal side affects" still is one about an unknown medicine."""
    goldfish = engine.ask(
        "my goldfish is floating on its side at the top of the tank but still breathing, "
        "anything i can do"
    )
    assert not goldfish.in_scope
    assert engine.ask("zyxal side affects").in_scope


def test_a_house_plant_that_droops_is_out_of_scope(engine: HealthEngine) -> None:
    answer = engine.ask("how do you revive a peace lily thats drooping and looks half dead")
    assert not answer.in_scope


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("pinkish pee, what could cause it", "blood-in-urine"),
        ("yellowish whites of the eyes in my newborn", "newborn-jaundice"),
    ],
)
def test_a_colour_with_ish_reads_as_the_colour(
    engine: HealthEngine, question: str, topic: str
) -> None:
    answer = engine.ask(question)
    assert answer.topic_id == topic
    assert answer.confidence >= 0.6


@pytest.mark.parametrize(
    "question",
    [
        "how do i cut down on salt",
        "my mate says i should cut out milk and cheese after a kidney stone",
        "how can i cut back on drinking",
    ],
)
def test_cutting_down_or_out_is_eating_or_drinking_less_not_a_wound(
    engine: HealthEngine, question: str
) -> None:
    assert engine.ask(question).topic_id != "bleeding-and-wounds", question


def test_blood_pouring_from_a_nose_is_a_nosebleed(engine: HealthEngine) -> None:
    answer = engine.ask("blood keeps streaming out of my daughter's nose, what should i do")
    assert answer.topic_id == "nosebleeds"


def test_an_animal_in_a_comparison_is_not_the_patient(engine: HealthEngine) -> None:
    """ "Puffed up like a hamster" describes a child's cheeks; a pet's symptoms stay a vet's."""
    assert in_scope(
        engine, "my son's cheeks have puffed up like a hamster and he has a temperature"
    )
    assert not in_scope(engine, "my hamster has puffy cheeks and a temperature")


def test_a_low_dose_scan_is_not_a_dose_question() -> None:
    assert not asks_for_dose("my gp mentioned a yearly low dose ct scan of my lungs, any downsides")
    assert not asks_for_dose("is the high-dose flu vaccine better for over 65s")
    assert asks_for_dose("what dose of vitamin d should i take")
    # How many doses a vaccine takes is its schedule, not an amount to take.
    assert not asks_for_dose("how many doses of the hpv vaccine do you need")
    assert asks_for_dose("how many doses of calpol can i give in a day")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("since losing my mum i cant sleep or eat, is that normal", "grief"),
        ("lost my voice after shouting at a concert", "laryngitis"),
    ],
)
def test_losing_a_person_is_a_bereavement(engine: HealthEngine, question: str, topic: str) -> None:
    assert engine.ask(question).topic_id == topic


def test_stopping_a_bleed_is_still_first_aid(engine: HealthEngine) -> None:
    answer = engine.ask("how do i stop the bleeding on my knee")
    assert answer.in_scope
    assert answer.topic_id == "bleeding-and-wounds"
