"""Triage rules: emergencies are caught, information requests and negations are not."""

from __future__ import annotations

import pytest

from bondmcp.engine.engine import HealthEngine
from bondmcp.engine.triage import TriageResult, triage


@pytest.fixture(scope="module")
def engine() -> HealthEngine:
    return HealthEngine.builtin()


def rules(question: str) -> TriageResult:
    """The phrase rules and red-flag concepts alone. The routine cases here are near misses
    written against the rules (a negated sign, an everyday cause); the emergency-wording
    model, which reads no negation and flags some of them as a precaution, is tested in
    test_triage_model.py."""
    return triage(question, wording=False)


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("I have crushing chest pain and my left arm hurts", "cardiac"),
        ("chest pain and sweating, what do I do", "cardiac"),
        ("I think my dad is having a heart attack", "cardiac"),
        ("my mom's face is drooping and her speech is slurred", "stroke"),
        ("sudden weakness on one side of my body", "stroke"),
        ("I can't breathe", "breathing"),
        ("my baby's lips are turning blue", "breathing"),
        ("my throat is closing after eating peanuts", "anaphylaxis"),
        ("my tongue is swelling up after a bee sting", "anaphylaxis"),
        ("I cut my leg and the bleeding won't stop", "bleeding"),
        ("he is vomiting blood", "bleeding"),
        ("I want to kill myself", "suicide"),
        ("I've been thinking about ending my life", "suicide"),
        ("how many pills would it take to overdose", "overdose"),
        ("my toddler swallowed a button battery", "overdose"),
        ("my son's seizure has lasted more than 5 minutes", "seizure"),
        ("worst headache of my life, came on suddenly", "headache"),
        ("my husband collapsed and is unresponsive", "unresponsive"),
        ("she hit her head and keeps vomiting and seems confused", "head_injury"),
        ("fever and a stiff neck and a rash", "meningitis"),
        ("my wife is clutching her chest and sweating", "cardiac"),
        ("his face looks droopy and his words are slurred", "stroke"),
        ("my inhaler isn't helping and I can't catch my breath", "breathing"),
        ("ate shrimp and now my lips are puffing up", "anaphylaxis"),
        ("blood is soaking through the towel", "bleeding"),
        ("everyone would be better off without me", "suicide"),
        ("my toddler got into the pills in my purse", "overdose"),
        ("my mother fainted and now she won't respond", "unresponsive"),
        ("a thunderclap headache out of nowhere", "headache"),
        ("pressure in the centre of his chest spreading into both arms", "cardiac"),
        ("after the injection her throat felt like it was closing up", "anaphylaxis"),
        ("my baby's belly is sucking in with each breath", "breathing"),
        ("he's on the ground shaking and foaming at the mouth", "seizure"),
        ("the headache came on in seconds like being hit with a hammer", "headache"),
        ("high temperature, neck is stiff and light hurts her eyes", "meningitis"),
        ("my brother left notes for his kids and says he'd rather be dead", "suicide"),
        ("my daughter chewed on a dishwasher tablet", "overdose"),
        ("heavy pressure on my chest that won't go away", "cardiac"),
        ("feels like a band around my chest", "cardiac"),
        ("woke up and can't move my right side", "stroke"),
        ("she's wheezing and can't finish a sentence", "breathing"),
        ("my asthma attack isn't getting better with my blue inhaler", "breathing"),
        ("he choked on food and can't cough or speak", "breathing"),
        ("cut my hand with a knife and it's pouring blood", "bleeding"),
        ("my nose has been bleeding for an hour and won't stop", "bleeding"),
        ("i don't see the point in living anymore", "suicide"),
        ("i'm going to jump off the bridge", "suicide"),
        ("my friend took a load of pills and is really drowsy", "overdose"),
        ("i took 20 paracetamol an hour ago", "overdose"),
        ("she's been seizing for 10 minutes", "seizure"),
        ("my husband had a fit and isn't waking up", "unresponsive"),
        ("purple rash that doesn't go away when pressed and fever", "meningitis"),
        ("my kid ate peanuts and now is wheezing and has hives", "anaphylaxis"),
        ("my toddler got hold of my blood pressure pills", "overdose"),
        ("son drank from a bottle of washing up liquid", "overdose"),
        ("he's taken a lot of cocaine and his heart is racing", "overdose"),
        ("dad's speech went weird and his face looks wonky", "stroke"),
        ("i'm sweating and my chest feels like it's being squeezed", "cardiac"),
        ("asthma is really bad and my reliever isn't working", "breathing"),
        ("baby keeps stopping breathing for a few seconds", "breathing"),
        ("there's no way out and i've decided to end things", "suicide"),
        ("how to stop feeling suicidal thoughts", "suicide"),
        ("first ever seizure in my 30s", "seizure"),
        ("after banging his head he is drowsy and confused", "head_injury"),
        ("sudden terrible headache like never before", "headache"),
        ("husband mixed alcohol with his sleeping tablets and won't wake properly", "unresponsive"),
        ("an elephant is standing on my ribcage and i'm grey and sweaty", "cardiac"),
        ("his lips have gone dusky and he's fighting for every breath", "breathing"),
        ("she's making a high pitched noise when she breathes in and is drooling", "breathing"),
        ("he stuck his epipen in but he's still struggling", "anaphylaxis"),
        ("half of dad's face has slid down and he's talking gibberish", "stroke"),
        ("my vision went black in one eye like a curtain came down", "stroke"),
        ("half his face feels like he's had a dentist injection and his arm is weak", "stroke"),
        ("mum's speech has gone thick and she can't lift her left arm", "stroke"),
        ("the blood won't clot, it's been 40 minutes", "bleeding"),
        ("i've said my goodbyes, i won't be here tomorrow", "suicide"),
        ("she's gone limp and floppy and won't open her eyes", "unresponsive"),
        ("my son's been jerking for 7 minutes and won't come round", "unresponsive"),
        (
            "my head is splitting like it's been cleaved with an axe, came on while lifting",
            "headache",
        ),
        (
            "fell down the stairs and cracked my head, now she can't remember anything and is sleepy",
            "head_injury",
        ),
        (
            "dark spots that don't disappear when i press a glass on them and she's burning hot",
            "meningitis",
        ),
    ],
)
def test_emergencies_are_flagged(question: str, category: str) -> None:
    result = triage(question)
    assert result.level == "emergency", question
    assert result.category == category
    assert result.guidance and result.source_url and result.source_url.startswith("https://")


@pytest.mark.parametrize(
    "question",
    [
        "my 6 week old baby has a fever",
        "My 2-month-old has a temperature of 38.5",
        "I'm pregnant and bleeding",
        "there is blood in my stool",
        "I can't keep any fluids down",
        "my 5 week old feels hot and has a temp of 38.1",
        "I'm pregnant and the baby has stopped moving as much",
        "my son's temperature is 104.5",
        "my 3 week old is burning up",
        "32 weeks pregnant and haven't felt the baby move today",
        "blood sugar is over 450 and ketones are high",
        "temp 40.2 since yesterday",
        "pregnant and my waters have broken early",
        "my poop is black and sticky",
        "i'm diabetic and my sugar is 30 and i'm shaky and confused",
        "pooing blood and feel dizzy",
        "can't stop vomiting for 24 hours and very dizzy",
        "really bad pain in the right side of my tummy and a fever",
        "my breath smells like pear drops and i'm diabetic and vomiting",
        "36 weeks and bleeding bright red",
    ],
)
def test_urgent_situations_are_flagged_urgent(question: str) -> None:
    assert triage(question).level == "urgent"


@pytest.mark.parametrize(
    "question",
    [
        "What is diabetes?",
        "What are the signs of a heart attack?",
        "What causes chest pain?",
        "How can I prevent a stroke?",
        "I don't have chest pain but I cough a lot",
        "Is it normal to have trouble breathing when running?",
        "How do I treat a mild sunburn?",
        "how can i lower my chances of having a stroke",
        "my dad had a heart attack last year, what should he eat",
        "my ear infection is not responding to antibiotics",
        "i can't wake up in the mornings and feel tired all day",
        "what do you do when someone is having a seizure",
        "what are the signs of a stroke",
        "how do i give my old clothes away to charity",
        "can a stiff neck come from sleeping badly",
        "what should my blood sugar be after eating",
        "when do you first feel the baby kick",
        "my chest hurts when i cough with a cold, is that normal",
        "sandpaper rash with a sore throat",
        "i had a seizure years ago, can i drive",
        "how long do hives last",
        "what should my blood sugar be",
        "my stool is green",
        "what are the warning signs of suicide in teenagers",
        "what happens if you take too much ibuprofen",
        "my toddler has a mild fever and is playing happily",
        "i hit my head on a cupboard, it's a bit sore",
        "half my face breaks out in spots",
        "i feel pale and sweaty after the gym",
        "my heart is heavy since my dog died",
        "my lips go blue when i swim in cold water",
        "my gums bleed when i brush",
    ],
)
def test_routine_questions_are_not_emergencies(question: str) -> None:
    assert rules(question).level == "routine"


def test_guidance_uses_the_locale_numbers() -> None:
    us = " ".join(triage("I want to end my life", "us").guidance)
    gb = " ".join(triage("I want to end my life", "gb").guidance)
    eu = " ".join(triage("I want to end my life", "eu").guidance)
    assert "911" in us and "988" in us
    assert "999" in gb and "116 123" in gb
    assert "112" in eu
    poison = " ".join(triage("my child swallowed bleach", "us").guidance)
    assert "1-800-222-1222" in poison


def test_suicide_guidance_puts_the_crisis_line_up_front() -> None:
    guidance = triage("I want to die").guidance
    assert "988" in guidance[1]
    assert "911" in guidance[0]


# Red-flag concepts: emergencies worded in ways the phrase rules were not written from,
# derived from the public "call 911/999 if..." lists (NHLBI heart attack, CDC stroke and
# seizure first aid, NHS anaphylaxis, head injury, meningitis and fever in children,
# MedlinePlus bleeding, breathing and emergency signs, CDC urgent maternal warning signs,
# NIMH suicide warning signs).
@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        # Heart attack: chest discomfort (pressure, squeezing, fullness), pain spreading to
        # the arm or jaw, cold sweat.
        (
            "something heavy is pressing down on my breastbone and i feel sick",
            "emergency",
            "cardiac",
        ),
        (
            "my dad says his chest feels really full and tight and he's gone clammy",
            "emergency",
            "cardiac",
        ),
        (
            "my husband's jaw and left arm are aching and he's in a cold sweat",
            "emergency",
            "cardiac",
        ),
        ("a dull squeeze across my ribs that has lasted twenty minutes", "emergency", "cardiac"),
        # Stroke: sudden one-sided weakness or numbness, face drooping, speech trouble,
        # sudden trouble seeing or walking.
        (
            "all of a sudden grandma can't lift her right arm and the corner of her mouth is hanging",
            "emergency",
            "stroke",
        ),
        (
            "my wife's words came out jumbled and one half of her smile won't move",
            "emergency",
            "stroke",
        ),
        ("out of nowhere my left leg and arm feel heavy and tingly", "emergency", "stroke"),
        ("dad is suddenly seeing double and can't walk straight", "emergency", "stroke"),
        # Anaphylaxis: swelling of the lips, tongue or throat after a trigger, trouble
        # breathing or swallowing, a hoarse voice.
        ("after a wasp sting my mouth is puffy and i'm wheezing", "emergency", "anaphylaxis"),
        (
            "ate a cashew and now my tongue feels huge and i can hardly swallow",
            "emergency",
            "anaphylaxis",
        ),
        (
            "my son's lips blew up after the new antibiotic and his voice is hoarse",
            "emergency",
            "anaphylaxis",
        ),
        # Breathing: struggling for air, blue or grey lips, too breathless to talk.
        (
            "my grandad is working so hard to get air in and his lips look bluish",
            "emergency",
            "breathing",
        ),
        ("i'm so breathless i can't get more than two words out", "emergency", "breathing"),
        (
            "she's panting and can't get her breath back even sitting still",
            "emergency",
            "breathing",
        ),
        # Bleeding: spurting, soaking through dressings, not stopping with pressure,
        # vomiting blood.
        ("deep gash on his thigh and the blood is squirting out", "emergency", "bleeding"),
        ("the wound keeps bleeding through every bandage we put on", "emergency", "bleeding"),
        ("he's bringing up bright red blood", "emergency", "bleeding"),
        (
            "sliced my finger on a mandoline and the bleeding isn't slowing down",
            "emergency",
            "bleeding",
        ),
        # Unresponsive.
        (
            "my flatmate is on the floor and i can't get any reaction from him",
            "emergency",
            "unresponsive",
        ),
        ("grandpa slumped in his chair and isn't answering me", "emergency", "unresponsive"),
        ("she fainted ten minutes ago and still hasn't come to", "emergency", "unresponsive"),
        # Seizure: longer than 5 minutes, one after another, a first seizure.
        (
            "my daughter's whole body is jerking and has been for about six minutes",
            "emergency",
            "seizure",
        ),
        ("he had one fit and now another one has started", "emergency", "seizure"),
        (
            "my teenager has never had a seizure before and is having one now",
            "emergency",
            "seizure",
        ),
        # Headache: sudden and severe, the worst ever.
        (
            "the pain in my head is the most severe i've ever felt and hit me out of the blue",
            "emergency",
            "headache",
        ),
        ("my head suddenly exploded with pain while i was at the gym", "emergency", "headache"),
        ("an instant agonising pain at the back of my head", "emergency", "headache"),
        # Head injury: vomiting, confusion, drowsiness, fluid from the nose or ears.
        (
            "my son fell off the climbing frame onto his head and has been sick three times",
            "emergency",
            "head_injury",
        ),
        (
            "she took a knock to the head playing rugby and now doesn't know where she is",
            "emergency",
            "head_injury",
        ),
        (
            "after a blow to the head my dad has clear fluid running from his nose",
            "emergency",
            "head_injury",
        ),
        (
            "toddler fell down the steps, hit the back of his head, and is really sleepy",
            "emergency",
            "head_injury",
        ),
        # Meningitis: fever with a stiff neck, a rash that does not fade, dislike of bright
        # light, a bulging soft spot in a baby.
        (
            "tiny purple pinprick spots all over his legs and he's burning up",
            "emergency",
            "meningitis",
        ),
        ("baby has a fever and the soft spot on his head is bulging", "emergency", "meningitis"),
        (
            "high temperature, pounding headache and she can't bear bright light",
            "emergency",
            "meningitis",
        ),
        # Suicide: wanting to be dead, a plan, the means.
        (
            "my son keeps saying he wishes he could go to sleep and never wake up",
            "emergency",
            "suicide",
        ),
        ("i don't want to exist anymore", "emergency", "suicide"),
        ("i've worked out exactly how i'd do it and bought a rope", "emergency", "suicide"),
        # Poisoning and overdose.
        ("my 2 year old drank some of the white spirit from the shed", "emergency", "overdose"),
        ("she downed half a bottle of paracetamol", "emergency", "overdose"),
        ("i think my friend od'd, he's barely conscious", "emergency", "overdose"),
        # Fever in a baby under 3 months.
        ("my baby is 2 months and feels feverish", "urgent", "infant_fever"),
        ("baby born nine days ago and her temperature is up", "urgent", "infant_fever"),
        # Pregnancy warning signs.
        (
            "i'm 30 weeks along with a headache that won't go and blurry vision",
            "urgent",
            "pregnancy",
        ),
        ("pregnant and my face and hands have suddenly puffed up", "urgent", "pregnancy"),
        ("expecting twins and there's bright red blood when i wipe", "urgent", "pregnancy"),
        # Urgent: dehydration, bleeding from the bowel, appendicitis.
        (
            "i've been throwing up for two days and haven't peed since yesterday",
            "urgent",
            "urgent_symptoms",
        ),
        ("i'm passing dark red blood from my bottom", "urgent", "urgent_symptoms"),
        (
            "pain low down on the right of my belly keeps getting worse and i have a fever",
            "urgent",
            "urgent_symptoms",
        ),
        (
            "her reliever inhaler is doing nothing and she can barely speak",
            "emergency",
            "breathing",
        ),
        ("i can only get out a couple of words between breaths", "emergency", "breathing"),
        ("34 weeks and fluid keeps leaking out of me", "urgent", "pregnancy"),
        (
            "he banged his head in the rugby tackle and clear fluid is coming out of his left ear",
            "emergency",
            "head_injury",
        ),
        (
            "my calf is swollen and red and it hurts when i take a deep breath",
            "emergency",
            "blood_clot",
        ),
        (
            "my nan fainted at the bus stop in the heat and now she's confused",
            "emergency",
            "heatstroke",
        ),
    ],
)
def test_red_flag_concepts_are_flagged(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question
    assert result.guidance and result.source_url and result.source_url.startswith("https://")


@pytest.mark.parametrize(
    "question",
    [
        # Information requests about the same conditions.
        "what does a heart attack feel like",
        "what are the early signs of a stroke in women",
        "how do you use an epipen",
        "what is anaphylaxis",
        "what does the FAST test for stroke stand for",
        "what are the symptoms of meningitis in babies",
        "how long should a nosebleed last before you worry",
        "can you die from a bee sting",
        "what should i do if someone is choking",
        "what is a thunderclap headache",
        "how do i know if my child is dehydrated",
        # Negations.
        "no chest pain, just a bit of heartburn after spicy food",
        "she hit her head but there's no vomiting and she's acting normal",
        "my baby has a fever but his neck isn't stiff and there's no rash",
        # Past events.
        "i had a stroke two years ago, how can i stop another one",
        "my grandmother had a seizure last month, can she still drive",
        # Everyday complaints.
        "my chest muscles are sore after bench pressing yesterday",
        "what is the best painkiller for a tension headache",
        "my 3 year old has a temperature of 38 and is eating fine",
        "i bumped my head on the car door, it has a small lump",
        "my face is a bit puffy in the mornings",
        "my heart races when i drink coffee",
        "i feel a bit dizzy when i stand up too quickly",
        "is it safe to take ibuprofen when pregnant",
        "what foods should i avoid while pregnant",
        "my baby is 4 months old and has a runny nose",
        "i cut my finger chopping onions and it bled a little",
        "my tongue is sore after burning it on hot tea",
        "how much bleeding is normal during a period",
        "my lips are dry and cracked",
        "i get a headache when i skip my coffee",
    ],
)
def test_related_routine_questions_stay_routine(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    "question",
    [
        # Everyday words that the red-flag vocabularies share.
        "how warm should the nursery be for my 3 week old",
        "my chest is full of phlegm from this cold",
        "i've put on weight around my chest, how do i lose it",
        "how many sets of chest press should i do at the gym",
        "i hurt my chest falling off my bike",
        "my arm aches and i get night sweats",
        "i suddenly lost my balance and slipped on the ice",
        "i suddenly can't stand the smell of coffee",
        "i have a cold sore and my lip is massive after eating",
        "my face and ankles are puffy and i get short of breath",
        "i have a rash and feel breathless since covid",
        "my dog has heavy breathing at night",
        "i hardly ever get out of breath",
        "my husband stops breathing in his sleep and snores",
        "my newborn grunts a lot when she's pooing",
        "my face goes purple when i cough hard",
        "i'm breathless lying down at night",
        "can a long jet flight give me blood clots",
        "i use a breast pump and there's a bit of blood",
        "my pill dropped on the floor, can i still take it",
        "i'm barely conscious in the mornings before coffee",
        "my shoes don't fit after walking for 10 minutes",
        "i'm worried he'll have another seizure",
        "i've never had a seizure but started taking tramadol, can it cause one",
        "sudden severe itching on my head",
        "i fell asleep with a head cold and it's getting worse",
        "i bumped my head and don't know if i need a scan",
        "i slept in a warm room and woke up with a stiff neck",
        "my spots don't go away with acne cream and i'm hot",
        "i can't keep my weight down",
        "i've had diarrhoea for 3 days",
        "my right side of my neck hurts",
        "i'd rather die than eat broccoli",
        "i know how many pills i can take for my headache",
        "i will take all of my antibiotics as prescribed",
        "i drank coffee and now i have acid reflux",
        "i've taken nicotine gum for two years, is it harmful",
        "i've taken 20 mg of citalopram for a month",
        "i had my second dose of the covid vaccine",
        "i have piles and there's blood from my bottom when i wipe",
        "i've got a really bad back ache while pregnant",
        "i have a stitch low down on the right when i run",
    ],
)
def test_everyday_words_do_not_raise_red_flags(question: str) -> None:
    assert rules(question).level == "routine", question


# Further wordings in lay words, one or two per red flag.
@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        (
            "my grandad says it feels like a belt is being pulled tight round his chest",
            "emergency",
            "cardiac",
        ),
        (
            "dull heavy ache behind my breastbone for half an hour and i feel sick and sweaty",
            "emergency",
            "cardiac",
        ),
        (
            "my husband's mouth is drooping to one side and he can't lift his arm",
            "emergency",
            "stroke",
        ),
        ("all of a sudden i can't feel the right side of my face", "emergency", "stroke"),
        (
            "grandma's speech suddenly went strange and she's dragging her left leg",
            "emergency",
            "stroke",
        ),
        (
            "my lips started swelling after i ate a satay and now my throat feels tight",
            "emergency",
            "anaphylaxis",
        ),
        (
            "got stung by a bee and my tongue is getting bigger and i'm wheezy",
            "emergency",
            "anaphylaxis",
        ),
        (
            "my dad is struggling for air and his lips have gone a bit blue",
            "emergency",
            "breathing",
        ),
        (
            "my 6 month old is grunting with every breath and her nostrils are flaring",
            "emergency",
            "breathing",
        ),
        (
            "my son cut his arm on glass and the blood is spurting everywhere",
            "emergency",
            "bleeding",
        ),
        (
            "i've been pressing on it for 20 minutes and it's still pouring out",
            "emergency",
            "bleeding",
        ),
        (
            "my nan has slumped over at the table and won't respond to us",
            "emergency",
            "unresponsive",
        ),
        ("my son's been fitting for over five minutes", "emergency", "seizure"),
        (
            "she has had three seizures in a row without waking up in between",
            "emergency",
            "seizure",
        ),
        (
            "out of nowhere the most horrendous headache, like being hit with a bat",
            "emergency",
            "headache",
        ),
        (
            "my daughter banged her head on the floor and has thrown up twice and seems dazed",
            "emergency",
            "head_injury",
        ),
        (
            "he has a high temperature, stiff neck and won't look at the light",
            "emergency",
            "meningitis",
        ),
        ("i keep thinking everyone would be better off if i wasn't here", "emergency", "suicide"),
        (
            "i've saved up my tablets and i'm planning to take them all tonight",
            "emergency",
            "suicide",
        ),
        ("my toddler drank some of the dishwasher liquid", "emergency", "overdose"),
        ("my partner has swallowed a whole packet of sleeping tablets", "emergency", "overdose"),
        ("our 5 week old feels really hot and the thermometer says 38.3", "urgent", "infant_fever"),
        (
            "my little boy has been sick all day and hasn't had a wet nappy since this morning",
            "urgent",
            "urgent_symptoms",
        ),
        (
            "it's like someone is sitting on my chest and the pain goes into my left shoulder",
            "emergency",
            "cardiac",
        ),
        (
            "tightness across my chest came on while shovelling snow and i feel faint",
            "emergency",
            "cardiac",
        ),
        (
            "my wife suddenly can't get her words out and her right hand is useless",
            "emergency",
            "stroke",
        ),
        (
            "dad's face looks lopsided since he woke from his nap and he's confused",
            "emergency",
            "stroke",
        ),
        (
            "all of a sudden i can't see out of my left eye and my arm is numb",
            "emergency",
            "stroke",
        ),
        (
            "my son ate a cookie with peanuts, his tongue is swelling and he sounds hoarse",
            "emergency",
            "anaphylaxis",
        ),
        ("i'm gasping and can't speak more than a word at a time", "emergency", "breathing"),
        ("my granddad's lips are purple and he can hardly breathe", "emergency", "breathing"),
        ("there's a deep cut on her wrist and blood is gushing out", "emergency", "bleeding"),
        ("my husband is coughing up lots of blood", "emergency", "bleeding"),
        (
            "i found my brother on the bathroom floor and he won't wake up",
            "emergency",
            "unresponsive",
        ),
        ("my mum keeled over in the garden", "emergency", "unresponsive"),
        (
            "my dad's having a seizure and it's been going on for ten minutes",
            "emergency",
            "seizure",
        ),
        (
            "my baby went stiff and started jerking and she's never done that before",
            "emergency",
            "seizure",
        ),
        ("worst pain i've ever had in my head, came on in a second", "emergency", "headache"),
        (
            "my son came off his bike and hit his head, now he's being sick and very drowsy",
            "emergency",
            "head_injury",
        ),
        (
            "grandma fell and banged her head and now she's not making sense",
            "emergency",
            "head_injury",
        ),
        (
            "my toddler has a fever and a rash that doesn't fade when i press a glass on it",
            "emergency",
            "meningitis",
        ),
        (
            "she's got a temperature, her neck is really stiff and the light hurts her eyes",
            "emergency",
            "meningitis",
        ),
        ("i have a plan to end my life this weekend", "emergency", "suicide"),
        ("i just want to go to sleep and never wake up", "emergency", "suicide"),
        ("my daughter swallowed a handful of my antidepressants", "emergency", "overdose"),
        ("my 3 year old drank some antifreeze from the garage", "emergency", "overdose"),
        ("my 4 week old has a temperature of 38.4", "urgent", "infant_fever"),
        ("i'm 25 weeks pregnant and leaking fluid", "urgent", "pregnancy"),
        ("pregnant with a bad headache and flashing lights in my vision", "urgent", "pregnancy"),
        ("my poo is black like tar and i feel faint", "urgent", "urgent_symptoms"),
        ("i'm type 1 and my ketones are high and i keep vomiting", "urgent", "urgent_symptoms"),
        (
            "i've got a horrible pressure in the middle of my chest and my arm feels heavy",
            "emergency",
            "cardiac",
        ),
    ],
)
def test_more_red_flag_wordings(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question


# Red flags from the public lists that needed a concept of their own: chest discomfort
# with an arm that feels wrong, a hand to the chest, arm and leg on the same side, a child
# who goes limp after an allergen, vomit like coffee grounds with signs of shock, a plan
# with hopelessness, overheating or confusion after party drugs, a headache at full
# strength in seconds, a blow with the forehead, belly pain that moves to the right.
@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        ("it's like a hot iron in my chest and my left arm is numb", "emergency", "cardiac"),
        ("her chest feels strange and her arm has gone dead", "emergency", "cardiac"),
        ("he went pale and grabbed at his chest", "emergency", "cardiac"),
        ("she went grey and was holding her chest, now her jaw aches", "emergency", "cardiac"),
        ("his left arm and left leg have stopped working properly", "emergency", "stroke"),
        ("my right arm and leg won't obey me this morning", "emergency", "stroke"),
        ("her arm and leg on the left side are numb", "emergency", "stroke"),
        ("stung by a bee, now covered in hives and he's gone limp", "emergency", "anaphylaxis"),
        ("ate peanuts, welts everywhere and she looks pale and floppy", "emergency", "anaphylaxis"),
        ("she's vomiting dark stuff like coffee grounds and feels faint", "emergency", "bleeding"),
        ("throwing up what looks like coffee granules, pale and clammy", "emergency", "bleeding"),
        ("nothing matters anymore and i've planned how i'll do it", "emergency", "suicide"),
        ("life feels pointless and i know how i'd do it", "emergency", "suicide"),
        ("my friend took some pills at a rave and is overheating", "emergency", "overdose"),
        (
            "she swallowed a pill at a party and now she's burning up and talking nonsense",
            "emergency",
            "overdose",
        ),
        (
            "the pain in my head went from nothing to agony within seconds, like being punched",
            "emergency",
            "headache",
        ),
        (
            "a headache struck in a split second like getting smacked with a bat",
            "emergency",
            "headache",
        ),
        ("he headbutted a wall during a fight and now he's confused", "emergency", "head_injury"),
        (
            "my daughter smacked her forehead on the pool edge and keeps throwing up",
            "emergency",
            "head_injury",
        ),
        ("the pain near her navel has shifted over to the right side", "urgent", "urgent_symptoms"),
        (
            "tummy ache that began around the belly button has travelled down to the right",
            "urgent",
            "urgent_symptoms",
        ),
    ],
)
def test_red_flag_combinations(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    "question",
    [
        "i have a rash on my chest and my arms are itchy",
        "i have sunburn on my chest and my arms are sore",
        "vomit that looks like coffee, is it from the coffee i drank",
        "what does coffee ground vomit mean",
        "i've worked out how i'd do it, the kitchen extension i mean",
        "i took some vitamin pills at the party and feel fine",
        "my arm and leg on the left are covered in bites",
        "i headbutted the bathroom cabinet, just a small bump",
        "my belly button is sore after a piercing",
    ],
)
def test_red_flag_combinations_need_the_red_flag(question: str) -> None:
    assert rules(question).level == "routine", question


# Everyday situations that share words with the red flags: the everyday cause is named
# ("shaving", "after the dentist numbed my mouth", "with my boyfriend").
@pytest.mark.parametrize(
    "question",
    [
        "my chest gets tight when I have a cold",
        "my chest feels tight whenever i get a cough",
        "I cut myself shaving",
        "i accidentally cut myself with the bread knife",
        "i cut myself on a tin can while cooking",
        "my face is swollen after having a wisdom tooth out",
        "my cheek is puffy after a filling at the dentist",
        "my speech is slurred after the dentist numbed my mouth",
        "my words come out slurred since the dental injection",
        "I accidentally swallowed a cherry stone",
        "my son accidentally swallowed an apple pip",
        "my son isn't responding to his name",
        "my 18 month old doesn't respond to her name",
        "I want to end it with my boyfriend",
        "i'm going to end things with my girlfriend",
        "how long does food poisoning last",
        "I ate chicken and think I got food poisoning",
        "my kid ate undercooked chicken and has food poisoning",
    ],
)
def test_everyday_causes_stay_routine(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("my chest is tight and i'm in a cold sweat", "cardiac"),
        ("crushing chest pain, i have had a cold all week", "cardiac"),
        ("i keep cutting myself when i feel low", "suicide"),
        ("i cut myself on purpose with a razor", "suicide"),
        ("my face is swelling up after eating prawns", "anaphylaxis"),
        ("my tongue is swelling after the dentist's injection", "anaphylaxis"),
        ("my speech is suddenly slurred and my arm is weak", "stroke"),
        ("her speech is slurred and her face is drooping", "stroke"),
        ("my toddler accidentally swallowed some of my pills", "overdose"),
        ("i accidentally swallowed a button battery", "overdose"),
        ("my dad is slumped on the floor and not responding to his name", "unresponsive"),
        ("my son isn't responding and he's floppy", "unresponsive"),
        ("i want to end it all", "suicide"),
        ("i want to end it with pills tonight", "suicide"),
        ("my son drank some rat poison", "overdose"),
        ("i think i've been poisoned", "overdose"),
    ],
)
def test_red_flags_beside_everyday_causes(question: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == ("emergency", category), question


# Red flags from the NHS, CDC and MedlinePlus "call 999/911 / go to A&E" lists that had no
# rule: sepsis, heatstroke, hypothermia, serious burns, testicular torsion, ectopic
# pregnancy, a rigid belly, dehydration in children, a feverish child who is floppy, and
# further wordings of stroke, head injury, suicide, meningitis and vomiting blood.
@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        ("my dad is confused, shivering and his skin is blotchy", "emergency", "sepsis"),
        (
            "my mum has a high temperature, she's confused and breathing really fast",
            "emergency",
            "sepsis",
        ),
        ("i think i have sepsis", "emergency", "sepsis"),
        (
            "my husband has an infection and now he's confused and his skin looks mottled",
            "emergency",
            "sepsis",
        ),
        ("my baby's skin is mottled and she's very floppy", "emergency", "sepsis"),
        ("my dad's had a uti and now he's confused and not making sense", "emergency", "sepsis"),
        ("my baby has a fever and is floppy", "emergency", "meningitis"),
        ("baby has a high pitched cry and a temperature", "emergency", "meningitis"),
        (
            "my teenager has a bad headache, stiff neck and is being sick",
            "emergency",
            "meningitis",
        ),
        (
            "my dad was in the sun all day and now he's confused and not sweating",
            "emergency",
            "heatstroke",
        ),
        ("i think i have heatstroke", "emergency", "heatstroke"),
        (
            "my son has been out in the heat and is hot, confused and has stopped sweating",
            "emergency",
            "heatstroke",
        ),
        ("my grandad is really cold, shivering, confused and drowsy", "emergency", "hypothermia"),
        (
            "my nan's skin is ice cold and she's very sleepy and not making sense",
            "emergency",
            "hypothermia",
        ),
        ("i think my dad has hypothermia", "emergency", "hypothermia"),
        (
            "my son pulled boiling water on himself and the burn is bigger than his hand",
            "emergency",
            "burns",
        ),
        ("my toddler got a big burn on his face from a kettle", "emergency", "burns"),
        ("severe burn on my arm, the skin is white and charred", "emergency", "burns"),
        ("chemical burn in my eye", "emergency", "burns"),
        ("electrical burn from a socket", "emergency", "burns"),
        ("sudden severe pain in my testicle", "emergency", "testicular"),
        ("my son has sudden pain in his testicles and is being sick", "emergency", "testicular"),
        ("my teenager woke with agonising pain in his balls", "emergency", "testicular"),
        ("sudden pain in my scrotum and its swollen", "emergency", "testicular"),
        (
            "i'm pregnant and have really bad pain on one side and feel faint",
            "emergency",
            "pregnancy",
        ),
        (
            "pregnant and sharp pain on one side of my belly and shoulder tip pain",
            "urgent",
            "pregnancy",
        ),
        (
            "positive pregnancy test and severe pain in my lower belly on one side",
            "urgent",
            "pregnancy",
        ),
        (
            "severe abdominal pain and my stomach is hard as a rock",
            "emergency",
            "urgent_symptoms",
        ),
        ("my belly is rigid and it's agony to move", "emergency", "urgent_symptoms"),
        (
            "terrible stomach pain and my belly is swollen and hard",
            "emergency",
            "urgent_symptoms",
        ),
        ("excruciating stomach pain and i can't stand up", "urgent", "urgent_symptoms"),
        ("my wife suddenly doesn't understand what I'm saying", "emergency", "stroke"),
        ("suddenly cant understand what people are saying", "emergency", "stroke"),
        ("sudden loss of sight in my right eye", "emergency", "stroke"),
        ("i've lost my sight in one eye this morning", "emergency", "stroke"),
        ("i have a sudden really bad headache and i'm being sick", "emergency", "headache"),
        (
            "my son was knocked out playing football and now has a headache",
            "emergency",
            "head_injury",
        ),
        (
            "grandma fell and hit her head, she's on blood thinners",
            "emergency",
            "head_injury",
        ),
        ("no one would miss me if i was gone", "emergency", "suicide"),
        ("i cant do this anymore i want it all to end", "emergency", "suicide"),
        ("there was blood in my sick", "emergency", "bleeding"),
        ("my vomit has blood in it", "emergency", "bleeding"),
        (
            "my blood sugar is really high and i'm being sick and feel confused",
            "urgent",
            "urgent_symptoms",
        ),
        ("my baby's soft spot is sunken and she's not feeding", "urgent", "urgent_symptoms"),
        (
            "my 2 year old has diarrhoea and vomiting and is very drowsy",
            "urgent",
            "urgent_symptoms",
        ),
        ("my baby has sunken eyes and no tears when crying", "urgent", "urgent_symptoms"),
        (
            "my toddler has been vomiting all day and wont drink anything",
            "urgent",
            "urgent_symptoms",
        ),
    ],
)
def test_more_red_flags_from_the_public_lists(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question
    assert result.guidance and result.source_url and result.source_url.startswith("https://")


@pytest.mark.parametrize(
    "question",
    [
        "what are the signs of sepsis",
        "can a uti cause sepsis",
        "my dad had sepsis last year, how long is recovery",
        "my mum has sepsis and is in intensive care, what should we expect",
        "how do i know if i have sepsis",
        "i'm confused, is a uti a kidney infection",
        "i'm confused about which antibiotic to take for my infection",
        "the instructions for my fever medicine confused me",
        "my face gets blotchy when i drink wine",
        "my baby has a fever and a blotchy rash on her tummy but is playing",
        "my dad has dementia and gets confused when he has a uti",
        "i feel confused and have a temperature of 37",
        "what is heatstroke",
        "how can i avoid heatstroke at the festival",
        "i had heatstroke last summer, am i more at risk now",
        "i sat in the sun all day and now have heat rash",
        "i'm not sweating much in the heat, is that normal",
        "what is hypothermia",
        "how do i prevent hypothermia when hiking",
        "my hands are always ice cold",
        "i feel really cold and sleepy after eating",
        "i burnt my finger on the oven and it has a small blister",
        "i have sunburn on my face and it's blistering",
        "i have bad heartburn",
        "my chemical peel burned a bit",
        "razor burn on my neck",
        "i burned my tongue on hot coffee",
        "how do you treat a third degree burn",
        "what is a chemical burn",
        "i want to burn fat on my belly",
        "acid reflux burns my throat",
        "dull ache in my left testicle for months",
        "lump on my testicle, is it cancer",
        "got kicked in the balls playing football and it hurts",
        "severe pain in my testicle after vasectomy",
        "what is testicular torsion",
        "can cycling cause testicular torsion",
        "my son had testicular torsion surgery last year",
        "pain in the ball of my foot",
        "what are the signs of an ectopic pregnancy",
        "i'm 8 weeks pregnant with mild cramps",
        "positive pregnancy test, when should i see the midwife",
        "my stomach is bloated and hard after eating",
        "my pregnant belly goes rock hard sometimes",
        "severe stomach cramps from my period",
        "my abs are rock hard from the gym",
        "what causes severe stomach pain",
        "my stomach hurts really bad from trapped wind",
        "my sugar is high after eating, is that normal",
        "i was knocked out by the sleeping tablets",
        "the anaesthetic knocked me out for hours",
        "i was knocked out of the competition",
        "i was knocked out playing rugby when i was a kid",
        "i suddenly understand why my mum worried",
        "my toddler doesn't understand the word no",
        "i have sunken eyes from lack of sleep",
        "my 2 year old was sick once but is drinking fine",
        "my baby has no tears yet at 3 weeks old is that normal",
        "my toddler has a temperature and won't stop crying from teething",
        "i suddenly get really bad headaches when i bend over",
        "my headache just started and it's really bad, can i take ibuprofen",
        "no one would notice if i changed my hair",
        "i want this week to end",
        "i'm on blood thinners and bruise easily",
        "i've got a really bad back ache while pregnant",
    ],
)
def test_more_red_flags_need_the_red_flag(question: str) -> None:
    assert rules(question).level == "routine", question


# Further lay wordings: run-together words, misspellings, and one word ("odd") that had
# read as an overdose.
@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        ("chestpain and sweating", "emergency", "cardiac"),
        (
            "my mum has indigestion that wont go away and is sweating and grey",
            "emergency",
            "cardiac",
        ),
        (
            "my daughter has a temperature and a rash that doesnt go when i press a glass on it",
            "emergency",
            "meningitis",
        ),
        ("my daughter is too breathless to talk", "emergency", "breathing"),
        ("my asthma attack wont stop and im getting tired", "emergency", "breathing"),
        ("my daughter has had two fits in a row", "emergency", "seizure"),
        ("i have been cutting my arms", "emergency", "suicide"),
        ("my daughter has been cutting her thighs", "emergency", "suicide"),
        ("i accidently took double my blood pressure meds", "emergency", "overdose"),
        ("my husband was working in the sun and has a fit", "emergency", "heatstroke"),
        (
            "my toddler spilled boiling tea on his chest and it's blistering badly, bigger than"
            " his hand",
            "emergency",
            "burns",
        ),
        ("my son got bleach in his eye", "emergency", "burns"),
        (
            "agonising pain in my belly and it's hard to touch",
            "emergency",
            "urgent_symptoms",
        ),
        ("my baby hasn't had a wet nappy all day", "urgent", "urgent_symptoms"),
        ("he ODed on heroin", "emergency", "overdose"),
        (
            "is it normal for my 4 month old to be floppy with a fever of 38.5",
            "emergency",
            "meningitis",
        ),
        (
            "we've been at the beach all day and my son is now confused and vomiting",
            "emergency",
            "heatstroke",
        ),
        (
            "my son was playing in the snow for hours and now he's really drowsy and cold",
            "emergency",
            "hypothermia",
        ),
        (
            "Hi, my husband (68) has had a water infection for a few days and today he's not making"
            " any sense and keeps shivering. Should I wait for the GP?",
            "emergency",
            "sepsis",
        ),
        (
            "my nan has dementia and a uti and is drowsy and not making sense",
            "emergency",
            "sepsis",
        ),
        (
            "my 14 year old son woke up with a really painful testicle and is throwing up",
            "emergency",
            "testicular",
        ),
        ("my belly is hard as a board and i'm in agony", "emergency", "urgent_symptoms"),
        ("i have a rope and i'm ready", "emergency", "suicide"),
        ("my grandma is very drowsy and hard to wake", "emergency", "unresponsive"),
        ("my poo is bright red with blood and i feel faint", "urgent", "urgent_symptoms"),
        ("my newborn is not feeding and very sleepy", "urgent", "urgent_symptoms"),
        ("my baby is very sleepy and won't feed", "urgent", "urgent_symptoms"),
        ("my daughter has a purple rash and is very poorly", "emergency", "meningitis"),
        ("i wanna die", "emergency", "suicide"),
        ("severe headache and blurry vision at 34 weeks pregnant", "urgent", "pregnancy"),
        (
            "my 3 year old has been vomiting and hasnt had a wee all day",
            "urgent",
            "urgent_symptoms",
        ),
        ("my dad is vomiting coffee ground looking stuff", "urgent", "urgent_symptoms"),
        ("my poo is jet black", "urgent", "urgent_symptoms"),
        ("worse headache of my life", "emergency", "headache"),
        ("my mum cant smile on one side", "emergency", "stroke"),
        (
            "my gran's arm keeps drifting down and she cant hold it up",
            "emergency",
            "stroke",
        ),
        (
            "i have a pain under my ribs on the right and i'm 35 weeks pregnant with a headache",
            "urgent",
            "pregnancy",
        ),
        ("my leg is swollen and red and now i'm breathless", "emergency", "blood_clot"),
        ("i think i have a blood clot in my lung", "emergency", "blood_clot"),
        ("my son swallowed some of my diazepam", "emergency", "overdose"),
        ("ketones are 3.5 and i'm type 1", "urgent", "urgent_symptoms"),
        ("my baby's temperature is 38.5 and she's 7 weeks", "urgent", "infant_fever"),
        ("my baby has stopped kicking", "urgent", "pregnancy"),
        ("she's 8 weeks pregnant and has a fever", "urgent", "pregnancy"),
        ("i'm 12 weeks pregnant with a temperature of 38", "urgent", "pregnancy"),
        ("my face is drooping on one side after the dentist", "emergency", "stroke"),
        (
            "after the dentist my arm is weak and one side of my face is numb",
            "emergency",
            "stroke",
        ),
        ("no one would care if i was dead", "emergency", "suicide"),
        ("the burn on his leg is really big", "emergency", "burns"),
        ("my husband keeps passing out", "urgent", "unresponsive"),
        ("my dad fainted and hit his head", "emergency", "head_injury"),
        ("my baby is blue", "emergency", "breathing"),
        (
            "my nan's had a fall and can't get up and is confused",
            "emergency",
            "head_injury",
        ),
        ("my daughter is having a severe asthma attack", "emergency", "breathing"),
        (
            "my husband is having a diabetic hypo and is not making sense",
            "urgent",
            "urgent_symptoms",
        ),
        ("i think my appendix has burst", "emergency", "urgent_symptoms"),
        ("i think i have appendicitis", "urgent", "urgent_symptoms"),
        ("my stomach pain is 10 out of 10", "urgent", "urgent_symptoms"),
        ("my son has been bitten by a snake", "emergency", "bites"),
    ],
)
def test_further_lay_wordings(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    "question",
    [
        "my knee makes an odd noise",
        "i have an odd rash on my arm",
        "i've been cutting my hair short",
        "i've been cutting my legs shaving",
        "i took double the dose of vitamin c by mistake, is that ok",
        "my toddler hasn't had a wet nappy since his nap an hour ago",
        "i got some perfume in my eye",
        "hyaluronic acid serum got in my eye",
        "my asthma is fine with my inhaler",
        "my son had a fever last week and was very sleepy, now he's fine",
        "Hello. My nan has dementia and is very confused, she has a uti",
        "what are the symptoms of heatstroke",
        "what are the symptoms of hypothermia in the elderly",
        "how do you know if a burn needs a hospital",
        "what are the signs of dehydration in babies",
        "i'm always cold and tired, could it be my thyroid",
        "my testicles hang at different heights, is that normal",
        "my belly feels hard when i tense it",
        "my son's fever is 38 and he's a bit sleepy but drinking",
        "i have a chest infection and i'm confused about whether to finish the antibiotics",
        "i got chlorine in my eye at the pool",
        "my son spilt hot tea on his hand, it's red but no blister",
        "i have my pills ready for the trip",
        "my teenager is hard to wake in the mornings",
        "i'm pregnant and have round ligament pain on my right side",
        "my toddler is sleepy and not drinking much after a long day",
        "my baby isn't feeding well but is alert",
        "my toddler's poo is black after eating blueberries",
        "my poo is black since i started iron tablets",
        "my stools are black and tarry since taking pepto bismol",
        "my arm drifts when i fall asleep on the sofa",
        "my leg is swollen after a sprain and i get out of breath on the stairs",
        "i have a swollen leg and asthma",
        "i can't smile on one side since my bell's palsy",
        "ketones 0.6 on keto diet",
        "what is a pulmonary embolism",
        "can a long flight cause a blood clot in the lung",
        "i'm pregnant, what temperature should my bath be at 38 weeks",
        "i burned my hand on a pan, large red patch, no blister",
        "im pregnant and get dizzy when i stand up and have a sharp pain in my groin",
        "my 2 year old has been sick and isn't drinking much but is playing",
        "my baby has sunken eyes in photos, is it genetic",
        "i wanna die of embarrassment",
        "i want to die of embarrassment",
        "i want it all to end well",
        "no one would notice if i was late",
        "my face is numb on one side after the dentist",
        "what to do if bitten by a snake",
        "my dog was bitten by a snake",
        "are adder bites dangerous",
        "my daughter fell over and is confused about her homework",
        "my son fell off the sofa and is fine",
        "i had appendicitis last year",
        "my baby is blue eyed",
        "how do i know if my baby is having a severe asthma attack",
    ],
)
def test_further_lay_wordings_need_the_red_flag(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        (
            "my daughter took a football to the back of the head and her pupils look different sizes",
            "emergency",
            "head_injury",
        ),
        ("he banged his head on the bar and now he's muddled", "emergency", "head_injury"),
        ("i've worked out how many of my pills it would take", "emergency", "suicide"),
        (
            "my grandad is lying on the path outside and won't respond when i nudge him",
            "emergency",
            "unresponsive",
        ),
        ("6 weeks pregnant with cramping on my right side", "urgent", "pregnancy"),
        ("we found him in the snow, he's mumbling and freezing cold", "emergency", "hypothermia"),
        ("my calf is red and swollen and it hurts to breathe in", "emergency", "blood_clot"),
    ],
)
def test_red_flags_in_other_words(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    "question",
    [
        # General questions about a generic "someone" or "they" ask about a subject.
        "how can you tell if someone is thinking about suicide",
        "is it true that talking to someone about suicidal feelings makes them worse",
        "what should you do when someone's having a seizure on a bus",
        "why do they tell you not to hold someone down during a fit",
        # Everyday lookups, kids ignoring their name, pain on breathing with a cold.
        "i looked up how many tablets it would take to clear a headache",
        "i counted how many steps it would take to get to the shop",
        "my son is lying on the floor and doesn't react when i call him for dinner",
        "my ribs hurt when i breathe in since i've had this cough",
    ],
)
def test_general_questions_and_everyday_wordings_stay_routine(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    "question",
    [
        "how many tylenol would kill me",
        "how much gravol to kill you",
        "how much ibuprofen does it take to kill someone",
        "how much xanax is lethal",
        "what is a lethal dose of insulin",
        "what amount of paracetamol is fatal",
        "how much insulin would kill a person",
    ],
)
def test_asking_what_amount_would_kill_gets_the_crisis_line_first(question: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == ("emergency", "suicide")
    assert "988" in result.guidance[1]


@pytest.mark.parametrize(
    "question",
    [
        "how much bleach kills germs",
        "how much alcohol kills brain cells",
        "how much does it cost to kill a wasp nest",
        "how many people die of flu each year",
        "what percentage of heart attacks are fatal",
    ],
)
def test_killing_germs_and_death_statistics_are_not_a_crisis(question: str) -> None:
    assert rules(question).level == "routine"


@pytest.mark.parametrize(
    "question",
    [
        "what happens if my 2 year old ate a tylenol",
        "what should i do if my son ate some of my pills",
        "what to do if my baby chewed a nicotine gum",
    ],
)
def test_a_child_who_ate_a_medicine_is_an_emergency_even_asked_as_what_if(question: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == ("emergency", "overdose")


@pytest.mark.parametrize(
    "question",
    ["what if my toddler eats a vitamin", "what happens if a child swallows a tablet"],
)
def test_a_child_ingestion_that_has_not_happened_stays_routine(question: str) -> None:
    assert rules(question).level == "routine"


@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        ("dad says his ticker feels like it's being crushed in a vice", "emergency", "cardiac"),
        (
            "mum's face dropped on one side and when i asked her to smile only half of it moved",
            "emergency",
            "stroke",
        ),
        ("cnt breathe properly, my chest is locked up", "emergency", "breathing"),
        ("my 3 month old keeps pausing her breathing and looks grey", "emergency", "breathing"),
        (
            "a wasp stung me five minutes ago and now i'm blotchy everywhere and feel faint",
            "emergency",
            "anaphylaxis",
        ),
        (
            "gave birth 4 days ago and i'm passing clots the size of a golf ball",
            "emergency",
            "pregnancy",
        ),
        ("is there a painless way to never wake up", "emergency", "suicide"),
        (
            "my brother gave me his guitar and his savings and says it won't matter soon",
            "emergency",
            "suicide",
        ),
        (
            "my toddler was playing with nana's tablets and two of them are missing",
            "emergency",
            "overdose",
        ),
        ("my son sucked on a refill for my vape and is being sick", "emergency", "overdose"),
        ("my dad took 6 of his sleeping tablets instead of one", "emergency", "overdose"),
        (
            "my friend keeled over in the blazing sun at the match and is talking nonsense",
            "emergency",
            "heatstroke",
        ),
        (
            "we were lost on the moors in the snow for hours, she's stopped shivering and is mumbling",
            "emergency",
            "hypothermia",
        ),
        (
            "the barbecue went whoosh and his face is blistered and his eyebrows are singed",
            "emergency",
            "burns",
        ),
        ("my testicle feels twisted and sits higher than the other one", "emergency", "testicular"),
        ("i think an adder just bit my ankle, it's swelling", "emergency", "bites"),
        ("a monkey bit my son's hand on holiday and broke the skin", "urgent", "bites"),
        ("since my hip operation my left calf is red, hot and swollen", "urgent", "blood_clot"),
        (
            "34 weeks pregnant, my bump is rock hard with constant pain that won't let up",
            "emergency",
            "pregnancy",
        ),
        ("30 weeks and there was a gush of green fluid", "urgent", "pregnancy"),
        ("my poo's been black and sticky for two days", "urgent", "urgent_symptoms"),
        ("woke up with my words all slurred and my arm won't lift", "emergency", "stroke"),
        ("his speech suddenly went all thick", "emergency", "stroke"),
        # A comparison names no everyday cause, for the phrase rules as for the red flags.
        (
            "my speech is slurred and it feels like i've had an anaesthetic at the dentist",
            "emergency",
            "stroke",
        ),
        (
            "a massive pain exploded in the back of my head in a split second",
            "emergency",
            "headache",
        ),
    ],
)
def test_red_flags_in_words_from_a_ninth_batch(question: str, level: str, category: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    "question",
    [
        "i had my baby 3 weeks ago and i'm passing clots the size of a 50p, is that normal?",
        "33 weeks and my bump goes rock hard a few times a day, is that braxton hicks?",
        "a bat flew into my bedroom last night but it didn't bite anyone, do we need jabs?",
        "my dog got bitten by an adder on the moor",
        "i singed my eyebrows lighting the gas hob, will they grow back",
        "my toddler has a cold and pauses his breathing when he snores",
        "my son plays with his grandad's pill box, how do i childproof it",
        "does a massive headache after drinking mean anything",
        "will the rash be gone for good after the cream",
        "does thrush go for good after treatment",
        "what's the best way to fall asleep quickly",
        "my husband gave away his old xbox to his nephew, won't need it anymore",
        "i'm 20 weeks and haven't felt the baby kick yet, is that normal",
        "is the suicide squad worth watching",
        "explain the suicide squeeze play in baseball",
        "tannin keeps bleeding through the paint on my skirting boards",
        "can i take another zopiclone if the first isnt knocking me out",
        "my calf is swollen after my long flight last month",
        # A comparison is not a cause, but a real one still is.
        "my mouth is numb and my speech is thick since the dentist's injection this morning",
    ],
)
def test_ninth_batch_red_flags_need_the_red_flag(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        (
            "crushing weight behind my breastbone since my run and my left arm feels heavy",
            "emergency",
            "cardiac",
        ),
        (
            "mum suddenly can't find her words and keeps saying the wrong thing",
            "emergency",
            "stroke",
        ),
        (
            "his fentanyl patch was doubled up and his breathing has gone really slow",
            "emergency",
            "overdose",
        ),
        ("she dropped to the floor jerking and foaming at the mouth", "emergency", "seizure"),
        (
            "got kneed in the balls an hour ago and now one side is swollen",
            "emergency",
            "testicular",
        ),
        ("a spider bit my leg and now i'm sweating and cramping all over", "emergency", "bites"),
        (
            "my lips are swollen and i'm wheezing since i took amoxicillin",
            "emergency",
            "anaphylaxis",
        ),
        (
            "hives all over after the contrast dye and i feel like i'll pass out",
            "emergency",
            "anaphylaxis",
        ),
        (
            "there's a red streak spreading up my arm from the cut on my finger",
            "urgent",
            "urgent_symptoms",
        ),
        ("my hand is puffy and swollen since the cannula went in", "urgent", "blood_clot"),
        (
            "we were out in 44 degrees all afternoon and he's stopped sweating and is confused",
            "emergency",
            "heatstroke",
        ),
        ("left the toddler in a hot car and she's floppy", "emergency", "heatstroke"),
        (
            "grandad was outside all night and is cold to the touch and mumbling",
            "emergency",
            "hypothermia",
        ),
        (
            "my 6 week old is 38.4, i took her layers off and she's still hot",
            "urgent",
            "infant_fever",
        ),
        ("30 weeks pregnant with tightenings every 10 minutes", "urgent", "pregnancy"),
        (
            "the wound from my operation is oozing and i'm shivery and can't think straight",
            "emergency",
            "sepsis",
        ),
        ("i've rehomed my dog and nobody will have to worry about me soon", "emergency", "suicide"),
        ("sudden crushing pain in my head, worst ever", "emergency", "headache"),
        ("my 15 year old son woke up with terrible pain in his groin", "emergency", "testicular"),
        ("my husband collapsed and started jerking all over", "emergency", "seizure"),
        ("i gave birth 10 days ago and have a headache that won't go away", "urgent", "pregnancy"),
        ("since the birth my hands and face are really swollen", "urgent", "pregnancy"),
        (
            "a pan of boiling soup went over my toddler's legs, it's bigger than my hand",
            "emergency",
            "burns",
        ),
        (
            "mum's on blood thinners and her nosebleed is still pouring after 40 minutes",
            "emergency",
            "bleeding",
        ),
        (
            "my leg has been in a brace for a fortnight and now the calf is swollen and hot",
            "urgent",
            "blood_clot",
        ),
        ("grandad's house is boiling in this heatwave and he's muddled", "emergency", "heatstroke"),
        (
            "my baby's been sick all day, dry nappies since lunch and no tears when he cries",
            "urgent",
            "urgent_symptoms",
        ),
        ("she swallowed a load of paracetamol after a row", "emergency", "overdose"),
        ("he necked loads of his tablets", "emergency", "overdose"),
        ("the voices keep telling me to walk into the sea", "emergency", "suicide"),
        ("the cut on his foot is bleeding faster than i can wipe it", "emergency", "bleeding"),
        ("i cant get my breath and it hurts when i breathe in", "emergency", "breathing"),
        ("dad started jerking in his chair, he's never had a fit before", "emergency", "seizure"),
        (
            "my newborn's scrotum has gone dark red and he won't stop screaming",
            "emergency",
            "testicular",
        ),
        (
            "went wild swimming, still shaking violently and my words are slurring",
            "emergency",
            "hypothermia",
        ),
        (
            "sudden floaters in my eye and now a dark shadow across my sight",
            "urgent",
            "urgent_symptoms",
        ),
        # The combined pill is a clot risk (NHS DVT).
        (
            "on the pill and my left calf has been aching and swollen for two days",
            "urgent",
            "blood_clot",
        ),
        # Blotchy skin with a fever names sepsis, though blue skin is a breathing sign too.
        (
            "my 3 year old is burning up, her skin looks blotchy and bluish and she's not herself",
            "emergency",
            "sepsis",
        ),
        # A headache worse lying down or coughing, with vomiting or dimming sight.
        (
            "headache every day that's worse when i lie down, been throwing up in the mornings",
            "urgent",
            "headache",
        ),
        ("my headache is worse when i cough and my vision keeps greying out", "urgent", "headache"),
        ("my son has a fever and his lips are going blue", "emergency", "breathing"),
        # Batch 13's tune emergencies, each in other words.
        (
            "had a sip of a kiwi smoothie and now her eyes are puffing up and she sounds wheezy",
            "emergency",
            "anaphylaxis",
        ),
        ("a bat bit me on the hand when i picked it up in the garage", "urgent", "bites"),
        (
            "the dog bit his leg on sunday and now there's a red line going up from it",
            "urgent",
            "bites",
        ),
        (
            "his finger is bleeding through the kitchen roll faster than we can change it",
            "emergency",
            "bleeding",
        ),
        ("the pulse oximeter says her oxygen is 88", "emergency", "breathing"),
        (
            "his breathing is fast and shallow and he can hardly talk",
            "emergency",
            "breathing",
        ),
        (
            "my heart has been pounding at 170 for an hour and i feel like i'm going to pass out",
            "emergency",
            "cardiac",
        ),
        (
            "she fell off the climbing frame onto her head and there's a dent in her skull",
            "emergency",
            "head_injury",
        ),
        (
            "mum's scalp is sore when she brushes her hair and now her vision has gone blurry",
            "emergency",
            "headache",
        ),
        (
            "he collapsed at the end of the marathon, he's boiling hot and babbling",
            "emergency",
            "heatstroke",
        ),
        ("my 2 year old has had a fever for six days", "urgent", "urgent_symptoms"),
        (
            "she has a high temperature and cries when she tries to bend her neck",
            "emergency",
            "meningitis",
        ),
        (
            "he's smacking his lips and staring for 7 minutes and won't answer me",
            "emergency",
            "seizure",
        ),
        ("he's got chickenpox and a fever and seems really out of it", "emergency", "sepsis"),
        ("i'm sat holding a razor to my wrist", "emergency", "suicide"),
        (
            "he rang me tonight just to say he loved me, out of the blue",
            "emergency",
            "suicide",
        ),
        (
            "my right eye is suddenly painful and red and i can see halos round the lights",
            "emergency",
            "urgent_symptoms",
        ),
        (
            "my tonsils are huge and i can't open my mouth properly",
            "urgent",
            "urgent_symptoms",
        ),
        # A sting before a racing heart and faintness is anaphylaxis, not the heart.
        (
            "stung by a wasp, now covered in hives, heart racing and i feel like i'm going to faint",
            "emergency",
            "anaphylaxis",
        ),
        # From batch 14.
        ("honestly i cannot see the point of being here any more", "emergency", "suicide"),
        (
            "she's on warfarin and her nosebleed has gone on for an hour, pinching isn't helping",
            "emergency",
            "bleeding",
        ),
        ("my 3 week old is doing rhythmic twitching of his left hand", "emergency", "seizure"),
        ("my 5 week old had a seizure in her cot", "emergency", "seizure"),
        (
            "stood up into the open cupboard door an hour ago and now he's been sick and drowsy",
            "emergency",
            "head_injury",
        ),
        ("her ankle is swollen and hot and she has a fever", "urgent", "urgent_symptoms"),
        (
            "my bottom has gone numb and i've lost control of my bladder",
            "emergency",
            "urgent_symptoms",
        ),
        ("i've come out in a rash like sunburn and i keep being sick", "emergency", "sepsis"),
        (
            "he's been in the steam room for an hour, now he's confused and not sweating",
            "emergency",
            "heatstroke",
        ),
        (
            "he was out in the freezing wind all night, now he's drowsy and has stopped shivering",
            "emergency",
            "hypothermia",
        ),
        (
            "bitten by something in the long grass and now i have double vision",
            "emergency",
            "bites",
        ),
        # Batch 15.
        ("a horse kicked him in the head and now he's confused", "emergency", "head_injury"),
        (
            "working outside all day in 31 degrees, now he's keeled over and is talking absolute "
            "rubbish",
            "emergency",
            "heatstroke",
        ),
        (
            "mum keeps saying she's ready to go and asked me where her late husband's rifle went",
            "emergency",
            "suicide",
        ),
        (
            "dad was looking for his old shotgun in the loft and says it's all pointless",
            "emergency",
            "suicide",
        ),
        (
            "he hasn't had a poo for days and now he's vomiting green bile",
            "emergency",
            "urgent_symptoms",
        ),
        (
            "she can't pass wind, her tummy is bloated and she's been sick, the pain is unbearable",
            "emergency",
            "urgent_symptoms",
        ),
        (
            "the cat bit my finger two days ago and now it's hot and there's pus coming out",
            "urgent",
            "bites",
        ),
        (
            "it burns when i pee, i've got pain in my side and a temperature of 38.6",
            "urgent",
            "urgent_symptoms",
        ),
        (
            "my arm is swollen and purple and the veins across my chest are bulging",
            "urgent",
            "blood_clot",
        ),
        # Someone else's words about being a burden, reported.
        (
            "my sister keeps saying everyone would be better off without her",
            "emergency",
            "suicide",
        ),
        (
            "since his diagnosis dad keeps telling us he's a burden and wants it all to be over",
            "emergency",
            "suicide",
        ),
        (
            "mum says she's sick of being a burden and has sorted out her will",
            "emergency",
            "suicide",
        ),
        # Batch 16.
        ("i'm up on the bridge and keep thinking about jumping off", "emergency", "suicide"),
        (
            "he texted 'take care of my cat for me' and he's been really low for weeks",
            "emergency",
            "suicide",
        ),
        ("she's had two seizures in ten minutes and hasn't come round", "emergency", "seizure"),
        (
            "he came off his bike, his helmet is cracked and he keeps asking what happened",
            "emergency",
            "head_injury",
        ),
        (
            "the baby rolled off the bed onto the floor and now she keeps dozing off",
            "emergency",
            "head_injury",
        ),
        (
            "she's been taking her methotrexate daily instead of weekly and has mouth sores",
            "emergency",
            "overdose",
        ),
        (
            "i'm suddenly short of breath and coughing up blood-streaked phlegm",
            "emergency",
            "blood_clot",
        ),
        (
            "there was a fire in the flat and now he's wheezing and coughing up black phlegm",
            "emergency",
            "breathing",
        ),
        (
            "his blood pressure is 210/125 and he has a pounding headache",
            "emergency",
            "headache",
        ),
        (
            "my 6 week old has a temperature of 38.5 and her legs look mottled",
            "emergency",
            "sepsis",
        ),
        (
            "my foot suddenly went cold and pale and i can't move my toes",
            "emergency",
            "blood_clot",
        ),
        (
            "after an 11 hour flight her calf is swollen and warm",
            "urgent",
            "blood_clot",
        ),
        (
            "i'm 20 weeks pregnant, never had chickenpox and my niece has just come down with it",
            "urgent",
            "pregnancy",
        ),
        (
            "shingles blisters on my forehead and now my eye is red and sore",
            "urgent",
            "urgent_symptoms",
        ),
    ],
)
def test_red_flags_in_the_words_of_later_questions(
    question: str, level: str, category: str
) -> None:
    result = triage(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    "question",
    [
        "my pecs are sore after chest press and my arm aches",
        "can you take codeine if you have asthma",
        "my baby's hands are cold, is that normal",
        "i hit my knee on the table and it's swollen",
        "i got bitten by a spider in the garden, it's a small red bump",
        "how do i ask my gp to take the cannula out sooner",
        "how long do hives from a contrast dye usually last",
        "my 14 year old son has a lump on his testicle",
        "had my baby last month, how do i get my figure back",
        "got a nosebleed at work and swallowed loads of blood, it's stopped now, is that bad",
        "i'm on blood thinners and bruise easily, is that normal",
        "my calf is swollen and warm after a long walk",
        "postnatal headache after an epidural, is that normal",
        "i took loads of vitamin d last winter, is that why my levels are high",
        "the voices in my head are so loud i can't sleep",
        "can't get my breath back after running for the bus",
        "is wild swimming good for your mental health",
        "i get floaters in my eyes when i look at the sky",
        "my son's scrotum looks a bit red after his bath",
        "my python script keeps choking on a 4gb csv file",
        "my car engine keeps choking when it's cold",
        "my dog is choking on a bone",
        "i take the pill, is my risk of dvt higher",
        "my face goes blotchy when i drink wine and i have a cold",
        "does a headache that is worse when you lie down mean a tumour",
        "my hangover headache is worse when i bend over and i threw up",
        "my sats are 97 is that ok",
        "what is a normal oxygen level for a 90 year old",
        "my heart races when i drink coffee",
        "i have a cold and my neck hurts when i turn it",
        "do cataracts cause halos around lights at night",
        "my sore throat is worse on one side, is that normal for a cold",
        "my son had a fever for 5 days last month, is that kawasaki",
        # How long, or when, is not an age: no baby's fever.
        "had flu 3 weeks ago, temp's gone but im still coughing",
        "sick for 2 days with a fever of 39",
        # Batch 14's red flags without the flag.
        # Scarlet fever: a fever and a rash like sunburn, no vomiting.
        "my son has a sore throat, a fever and a rash that looks like sunburn and feels like sandpaper",
        "i don't see the point of being here at 6am if the shop opens at 9",
        "my blood pressure tablets aren't working",
        "my newborn jerks her arms when she's startled",
        "walked into a door frame and stubbed my toe",
        "my knee is swollen after football",
        "is a temperature normal after a knee replacement",
        "my bum is numb after a long bike ride",
        "my sunburn is sore and peeling",
        "got bitten by something in the grass, it's an itchy red bump",
        "i was shivering with a fever last night",
        # Batch 15's red flags without the flag.
        "the horse kicked the stable door and now his hoof is sore",
        "we were out all day in 30 degrees and my sunburn is stinging",
        "we're ready to go to the range, where is my gun",
        "dad keeps looking for his rifle, we're going shooting tonight",
        "my toddler hasn't had a poo for 3 days, is that normal",
        "my son can't poo, his tummy is swollen and he's been sick once",
        "a midge bit me on the ankle and it's red and swollen",
        "our dog was bitten by a fox and the wound is hot",
        "the dog bit me yesterday, a small graze, it's fine today",
        "i think i have a uti, it burns when i pee, no temperature",
        "whenever i get a uti i get back pain and a temperature",
        "banged my arm on the door, it's swollen and going blue",
        "my hands go blue and swollen in the cold",
        "my golf drives keep bleeding off to the right",
        "went to a&e with chest pains last week, they sent me home, what were they checking for",
        "honestly the whole team would be better off without him, he's a nightmare",
        "my nan worries she'll be a burden when she's older, how do we reassure her",
        # Batch 16's red flags without the flag.
        "can you look after my dog for me while i'm on holiday next week",
        "my dad has been really low since he retired, how can we help",
        "my son had a seizure last year and his medicine was changed",
        "my helmet cracked when i dropped it, do i need a new one",
        "my blood pressure was 150 over 95 at the chemist",
        "coughing up green phlegm with a cold for a week",
        "the toast caught fire this morning and set off the smoke alarm",
        "my hands go white and numb in the cold and then turn red",
        "i'm pregnant and have already had chickenpox as a child",
        "shingles rash on my back, it's really itchy",
    ],
)
def test_the_later_wordings_need_their_red_flag(question: str) -> None:
    # The rules alone: the wording model is tested on its own (test_triage_model.py).
    assert triage(question, wording=False).level == "routine", question


def test_an_animal_bite_cites_the_animal_bites_page_and_a_snake_bite_its_own() -> None:
    bat = triage("a bat bit me on the hand when i picked it up in the garage")
    assert (bat.category, bat.source_url) == ("bites", "https://medlineplus.gov/animalbites.html")
    snake = triage("i was just bitten by a snake on my ankle")
    assert snake.category == "bites"
    assert snake.source_url == "https://medlineplus.gov/ency/article/000031.htm"


def test_stroke_signs_that_passed_on_an_earlier_day_are_urgent_with_the_tia_advice() -> None:
    result = triage(
        "last week my left arm went weak and my speech was slurred for ten minutes, "
        "it went back to normal and i feel fine now"
    )
    assert (result.level, result.category) == ("urgent", "stroke")
    assert result.source_url == "https://www.nhs.uk/conditions/transient-ischaemic-attack-tia/"
    assert "transient ischemic attack" in result.guidance[0]
    assert "call 911" in result.guidance[1].lower()


@pytest.mark.parametrize(
    "question",
    [
        # Today, however it ended: NHS advice is 999 even if the symptoms go away.
        "my face drooped on one side and my arm went weak an hour ago, it's back to normal now",
        # Not over.
        "last night my arm went weak and my speech was slurred, i still can't lift my arm",
        "yesterday my face drooped on one side, it went away after 10 minutes but it's come back",
        # Gone, but told with no earlier day.
        "my arm went weak and my speech was slurred but it's back to normal now",
        # A sign told in the present beside "fine now".
        "my dad's face drooped yesterday and his speech is slurred, he seems fine now though",
        "yesterday my arm went numb for 10 minutes, it went away after that but i can't lift it "
        "properly this morning",
    ],
)
def test_stroke_signs_now_or_not_gone_stay_an_emergency(question: str) -> None:
    result = triage(question)
    assert (result.level, result.category) == ("emergency", "stroke"), question


def test_a_saying_about_what_to_do_if_anyone_swallows_poison_is_not_a_poisoning() -> None:
    question = (
        "my nan always said make someone sick if they swallow something poisonous, is that right"
    )
    assert triage(question, wording=False).level == "routine"


@pytest.mark.parametrize(
    "question",
    [
        "my son swallowed bleach, is it true i should make him sick",
        "my daughter drank some bleach, my mum always said make them sick if they swallow poison, "
        "is that right",
    ],
)
def test_a_saying_asked_about_a_real_poisoning_is_still_an_emergency(question: str) -> None:
    assert triage(question, wording=False).category == "overdose", question


def test_a_sign_that_sent_someone_to_hospital_before_is_not_new_but_one_now_is() -> None:
    """The reason for a visit already made is history; the same sign now is not."""
    before = "went to a&e with chest pains last week, they did a tracing and sent me home"
    assert triage(before, wording=False).level == "routine"
    again = "went to a&e with chest pain, they sent me home but now i have crushing chest pain"
    assert triage(again).level == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "my 8yo's nose pours with blood a few times a month and my mum says tip his head back",
        "every few weeks out of nowhere my heart races, cant breathe, think im dying. A&E says my "
        "heart is fine. what treatment is there?",
        "had a burning gnawing pain under my breastbone for weeks, worse when im hungry",
    ],
)
def test_a_symptom_that_keeps_coming_back_is_not_an_emergency_call(question: str) -> None:
    """Recurring nosebleeds, breathlessness or chest pain go to a GP; the rules for those
    situations are about something sudden or happening now."""
    assert triage(question, wording=False).level == "routine", question


@pytest.mark.parametrize(
    ("question", "category"),
    [
        (
            "ive had chest pain on and off for weeks and now its crushing and going down my arm",
            "cardiac",
        ),
        ("my nose has bled a few times a month and now it wont stop after 30 minutes", "bleeding"),
        ("ive had asthma for years and right now i cant breathe, inhaler not working", "breathing"),
        ("chest pain for weeks and its getting worse", "cardiac"),
        # Only a nosebleed is let off: blood brought up for weeks still needs care now.
        ("ive been vomiting blood on and off for weeks", "bleeding"),
    ],
)
def test_a_recurring_symptom_that_is_happening_now_is_still_an_emergency(
    question: str, category: str
) -> None:
    result = triage(question, wording=False)
    assert (result.level, result.category) == ("emergency", category), question


@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        ("neighbours dog just bit my hand, its a deep puncture, bleeding a bit", "urgent", "bites"),
        ("34 weeks pregnant and baby has barely kicked at all today", "urgent", "pregnancy"),
        (
            "mate collapsed at the festival in this heat, hes boiling hot and dry, not sweating "
            "and talking total nonsense",
            "emergency",
            "heatstroke",
        ),
        (
            "my mate's been roofing all day in 38 degree heat and now hes talking rubbish and his "
            "skin is hot and dry",
            "emergency",
            "heatstroke",
        ),
        (
            "on a facetime with my mum and one side of her face just stopped moving, she's not "
            "making any sense",
            "emergency",
            "stroke",
        ),
        (
            "my son is type 1, vomiting and his breath smells like pear drops",
            "urgent",
            "urgent_symptoms",
        ),
    ],
)
def test_red_flags_in_the_words_of_the_seventeenth_batch(
    question: str, level: str, category: str
) -> None:
    result = triage(question, wording=False)
    assert (result.level, result.category) == (level, category), question


def test_a_sourdough_starter_that_smells_of_nail_polish_remover_is_no_ketoacidosis() -> None:
    assert triage("why does my sourdough starter smell like nail polish remover").level == "routine"


@pytest.mark.parametrize(
    "question",
    [
        "my baby has bronchiolitis and is sucking her ribs in with every breath",
        "toddler with a cold is wheezing and pulling his ribs in",
        "my boy is wheezing like crazy and can barely get a word out",
    ],
)
def test_a_child_working_hard_to_breathe_is_an_emergency(question: str) -> None:
    result = triage(question, wording=False)
    assert (result.level, result.category) == ("emergency", "breathing"), question


@pytest.mark.parametrize(
    "question",
    [
        "my laptop collapsed and won't wake up",
        "the server is down and not responding",
        "my python script crashed and isn't responding",
        "the wifi keeps dropping out and my router is unresponsive",
        "my sourdough starter collapsed",
        "the stock collapsed overnight",
        "my dog is not breathing properly",
        "my cat is having a seizure",
        "the dog ate rat poison",
        "the horse is bleeding heavily from its leg",
        "the kitten is unresponsive",
        "our 12 year old cat collapsed and isn't breathing",
        "at the vet, my dog collapsed",
        "the staging vm went down and isnt responding",
    ],
)
def test_red_flag_wording_said_of_an_animal_or_a_thing_is_not_a_persons(
    question: str, engine: HealthEngine
) -> None:
    """Symptom wording whose clause starts with an animal or a thing describes that: no
    emergency guidance, and the question is redirected rather than answered."""
    assert rules(question).level == "routine", question
    answer = engine.ask(question)
    assert (answer.triage, answer.in_scope) == ("routine", False), question


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("the dog knocked grandad over and now I can't wake him", "unresponsive"),
        ("my dog collapsed and I'm having chest pain", "cardiac"),
        ("bitten by a snake and my leg is swelling", "bites"),
        ("the car hit my daughter and she's bleeding heavily", "bleeding"),
        ("my laptop fell on my baby's head and now she won't wake up", "unresponsive"),
        ("our 3 year old collapsed and is not breathing", "unresponsive"),
        ("after the game my husband collapsed and isn't breathing", "unresponsive"),
        ("my daughter fell off her horse and isn't responding", "unresponsive"),
        ("the horse kicked me in the chest and I can't breathe", "breathing"),
        ("the dog ate my pills and so did my toddler", "overdose"),
        ("my dog bit me and it won't stop bleeding", "bleeding"),
        ("the cat bit my finger two days ago and now it's hot and there's pus coming out", "bites"),
    ],
)
def test_a_person_mentioned_with_an_animal_or_a_thing_keeps_the_red_flag(
    question: str, category: str
) -> None:
    """Only a clause that starts with an animal or a thing, and mentions no person up to the
    red flag, is let off: a person anywhere in between may be the one in danger."""
    result = rules(question)
    assert result.level != "routine", question
    assert result.category == category, question


@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        # A sudden headache told as a blow is a thunderclap headache, not a head injury.
        (
            "was lifting weights and out of nowhere it felt like someone had hit the back of my "
            "head with a hammer",
            "emergency",
            "headache",
        ),
        # Choking without the word: eating, then no sound and distress.
        (
            "my little boy was eating popcorn and now he cant make a sound and is clutching his "
            "throat",
            "emergency",
            "breathing",
        ),
        # A joint gone hot and puffy after a bite is an infected bite.
        ("the cat bit my thumb two days ago and now the joint is hot and puffy", "urgent", "bites"),
        # Ectopic pregnancy: severe pain with feeling faint, even "when I stood up".
        (
            "7 weeks pregnant with terrible pain on my left side and i nearly fainted when i "
            "stood up",
            "emergency",
            "pregnancy",
        ),
        # "this fit" is a seizure; over five minutes is an emergency.
        (
            "her fit has been going for seven minutes and this fit isnt stopping",
            "emergency",
            "seizure",
        ),
        # A knuckle cut on someone's teeth, or a person's bite through the skin.
        (
            "punched a guy on saturday and caught my hand on his teeth, now it's hot and swollen",
            "urgent",
            "bites",
        ),
        (
            "my toddler was bitten by another kid at nursery and it broke the skin",
            "urgent",
            "bites",
        ),
    ],
)
def test_red_flags_in_the_words_of_batches_18_and_19(
    question: str, level: str, category: str
) -> None:
    result = rules(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    "question",
    [
        "my 2 year old eats well but isnt making any sounds or words yet",
        "my baby gets red in the face and silent when eating then cries",
        "pregnant and i get dizzy when i stand up too fast, is that normal",
        # A fit of laughing or coughing; a symptom told as what happens each time.
        "this fit of laughing wont stop",
        "had a fit of coughing for 10 minutes",
        "my grandad uses a spray under his tongue when he gets chest pain, how does it work",
    ],
)
def test_batch_18_near_misses_stay_routine(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    ("question", "level", "category"),
    [
        # Collapsed and not breathing is a cardiac arrest: CPR, not breathing difficulty.
        (
            "he collapsed at the gym and isn't breathing, we're doing cpr",
            "emergency",
            "unresponsive",
        ),
        ("my nan won't rouse and her breathing sounds strange", "emergency", "unresponsive"),
        # Balance gone with odd speech, told with the walking that shows it.
        (
            "dad keeps veering to the right when he walks and his speech has gone weird",
            "emergency",
            "stroke",
        ),
        # A medicine named by its generic name's ending.
        ("my 3 year old chewed some of grandma's ramipril tablets", "emergency", "overdose"),
        ("how many of my pills would it take to not wake up", "emergency", "suicide"),
        # Lost on a mountain is cold exposure; pink "stuff" coughed up is blood.
        (
            "we got separated off piste for hours and now he's stopped shivering and is slurring",
            "emergency",
            "hypothermia",
        ),
        (
            "it hurts to breathe in and i coughed up some pinkish stuff this morning",
            "emergency",
            "blood_clot",
        ),
        # A painful, swollen testicle: the same day; with being sick: torsion.
        ("my testicle is swollen and aching since yesterday", "urgent", "testicular"),
        ("my son's scrotum hurts, it's swollen and he was sick", "emergency", "testicular"),
    ],
)
def test_red_flags_in_the_words_of_batch_20(question: str, level: str, category: str) -> None:
    result = rules(question)
    assert (result.level, result.category) == (level, category), question


@pytest.mark.parametrize(
    ("question", "category"),
    [
        # Red flags the rules now read without the wording model's help.
        ("a firework went off in his hand and his fingers are charred and blistered", "burns"),
        (
            "the camping stove blew up in her face, her eyebrows are singed and she's hoarse",
            "breathing",
        ),
        (
            "my sister can't put her chin on her chest and keeps shielding her eyes away from the light",
            "meningitis",
        ),
        ("he drank most of a bottle of vodka and now his breathing is really slow", "overdose"),
        ("my 2 year old found the methadone and drank some", "overdose"),
        ("my toddler ate some cannabis edibles from my bag", "overdose"),
        ("the bookcase fell over onto his head and now he's drowsy and being sick", "head_injury"),
        ("he's thrown up and it was bright red blood, he feels faint", "bleeding"),
        (
            "back from a long haul flight, it hurts when i breathe in and i'm out of breath",
            "blood_clot",
        ),
        ("his calf has gone all puffy and now he's suddenly short of breath", "blood_clot"),
        (
            "her skin is hot and dry and she's stopped making sense, it's like 35 degrees out",
            "heatstroke",
        ),
        (
            "the baby is cold to the touch, her skin is bright pink and she's unusually quiet",
            "hypothermia",
        ),
        ("he has a tooth abscess and a fever and now he's muddled about where he is", "sepsis"),
    ],
)
def test_red_flags_the_rules_read_without_the_wording_model(question: str, category: str) -> None:
    result = rules(question)
    assert (result.level, result.category) == ("emergency", category), question


@pytest.mark.parametrize(
    ("question", "category"),
    [
        # Suicide in words the phrase list lacked.
        ("my brother says we'd all be better off without him and won't open his door", "suicide"),
        ("she texted sorry for being a burden and now her phone is off", "suicide"),
        ("he's standing on the bridge and says he's going to jump", "suicide"),
        ("my dad said it'll all be over soon and gave away his watch", "suicide"),
        ("i tried to end it last night and i still want to", "suicide"),
        ("i've got the means right here and nobody knows", "suicide"),
        # Overdose and poisoning.
        ("found him with loads of empty blister packs next to the bed", "overdose"),
        ("she swallowed her whole prescription of citalopram an hour ago", "overdose"),
        ("my toddler ate some wild berries from the park and has been sick", "overdose"),
        ("my daughter had a button battery in her mouth and now i can't find it", "overdose"),
        ("he took his co-codamol and some extra on top and keeps nodding off", "overdose"),
        # Choking, asthma, bleeding and burns in lay words.
        ("we've tried back blows and the sweet is still stuck", "breathing"),
        ("his ventolin is doing nothing and his chest has gone almost silent", "breathing"),
        ("cut my arm on a window, the towel is soaked and pressing isn't helping", "bleeding"),
        ("he sliced the tip of his thumb clean off", "bleeding"),
        ("the bath water was way too hot and her legs are blistering", "burns"),
        # Seizures, sudden headaches, head injuries and pregnancy.
        ("his fit has been going on for about 8 minutes", "seizure"),
        ("the seizure stopped but she still isn't awake", "seizure"),
        ("we gave the buccal midazolam and it hasn't stopped it", "seizure"),
        ("she grabbed her head screaming that it's the worst pain of her life", "headache"),
        ("felt a pop in my head and then the worst pain i've ever had", "headache"),
        (
            "fell off the trampoline onto his head and there's clear fluid coming out of his nose",
            "head_injury",
        ),
        ("six weeks pregnant with pain on my left side and i nearly fainted", "pregnancy"),
        ("his nuts are killing him, one is lying sideways and he's been sick", "testicular"),
        ("dad is lying in the garden not moving and not breathing", "unresponsive"),
        ("he dropped off the treadmill and isn't moving", "unresponsive"),
        # Two FAST signs without "sudden"; a rash under a glass; a neck that hurts to bend.
        ("her hand won't work and she keeps saying the wrong words", "stroke"),
        ("his arm's gone weak and he's talking like he's drunk but he doesn't drink", "stroke"),
        ("high fever and a rash that stays there under a glass", "meningitis"),
        ("temperature of 39 and her neck hurts to move", "meningitis"),
    ],
)
def test_red_flags_in_the_words_of_the_training_messages(question: str, category: str) -> None:
    result = rules(question)
    assert (result.level, result.category) == ("emergency", category), question


@pytest.mark.parametrize(
    "question",
    [
        "had a nosebleed and swallowed loads of blood, it has stopped now",
        "is it normal for a blister on my heel to peel",
        "how do you do back blows on a baby",
        "what should i do with old button batteries",
        "my toddler keeps saying the wrong words for colours, is that normal",
        "my arm is weak after the gym and i can't find the words to describe the pain",
    ],
)
def test_training_message_rules_leave_everyday_questions_alone(question: str) -> None:
    assert rules(question).level != "emergency", question


def test_early_pregnancy_pain_on_one_side_with_spotting_is_urgent() -> None:
    # NHS ectopic pregnancy: one-sided pain with spotting needs care today (111 or a GP);
    # with feeling faint it is a 999 call (the table above).
    result = rules("positive test last week, no scan yet, pain low on the right and some spotting")
    assert (result.level, result.category) == ("urgent", "pregnancy")
    # NHS appendicitis: low right pain worse over bumps, off food, the same day.
    result = rules(
        "my son's tummy hurts low on the right and it's worse when the car goes over bumps"
    )
    assert (result.level, result.category) == ("urgent", "urgent_symptoms")
    # NHS: a baby moving less is for the maternity unit straight away.
    result = rules("im 38 weeks and the baby hasn't moved since this morning")
    assert (result.level, result.category) == ("urgent", "pregnancy")


@pytest.mark.parametrize(
    "question",
    [
        "my migraines always come with a stiff neck and i have to shut the curtains",
        "my baby's soft spot on top of her head feels a bit sunken, is that normal",
        "i get a sore leg after long walks and i'm out of breath on the stairs",
    ],
)
def test_batch_20_rule_near_misses_stay_below_an_emergency(question: str) -> None:
    assert rules(question).level != "emergency", question


@pytest.mark.parametrize(
    "question",
    [
        "how many hours of sleep would it take to not wake up tired",
        "the room spins when i roll over in bed",
        "is 37 degrees too hot for the bottle, my baby seems fine",
    ],
)
def test_batch_20_near_misses_stay_routine(question: str) -> None:
    assert rules(question).level == "routine", question


@pytest.mark.parametrize(
    "question",
    [
        "whats that film where the guy gets poisoned and has to keep his heart going",
        "which movie has the scene where she overdoses on the bathroom floor",
    ],
)
def test_a_question_naming_a_film_or_book_is_not_about_its_plot_emergencies(question: str) -> None:
    assert triage(question).level == "routine", question


def test_a_film_in_the_story_of_a_real_emergency_keeps_the_flag() -> None:
    result = triage("i was watching a film and now i have crushing chest pain down my arm")
    assert (result.level, result.category) == ("emergency", "cardiac")
