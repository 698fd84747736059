"""Triage rules: emergencies are caught, information requests and negations are not."""

from __future__ import annotations

import pytest

from bondmcp.engine.triage import triage


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
    assert triage(question).level == "routine"


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
