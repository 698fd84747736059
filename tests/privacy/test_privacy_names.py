"""Personal names: found from context and from the name lists, kept apart from eponyms."""

from __future__ import annotations

import pytest

from bondmcp.privacy import deidentify, redact

from .support import assert_kept, assert_removed

NAME_CASES: list[tuple[str, str]] = [
    # titles
    ("Dr. Okonkwo said my labs look fine.", "Okonkwo"),
    ("I saw Dr Featherstonehaugh last week.", "Featherstonehaugh"),
    ("Hi dr zielinski, quick question", "zielinski"),
    ("Doctor Sarah Xu referred me.", "Sarah Xu"),
    ("Mrs. Thompson's daughter called.", "Thompson"),
    ("Mr. Young returns for follow-up.", "Young"),
    ("Nurse Ratched gave the shot.", "Ratched"),
    ("Seen by Dr. J. Smith today.", "J. Smith"),
    ("Prof. Maria de la Cruz reviewed the scan.", "Maria de la Cruz"),
    # introductions
    ("My name is Thaddeus Winterbottom and I have gout.", "Thaddeus Winterbottom"),
    ("my name is sarah jones and i have asthma", "sarah jones"),
    ("Hi, I'm Laura and I'm 34.", "Laura"),
    ("This is Maria, calling about my refill.", "Maria"),
    ("hey its xiaoming again", "xiaoming"),
    ("Luna here, Sana's mom.", "Luna"),
    ("A boy named Sue has a cough.", "Sue"),
    # relations
    ("My daughter Emma has a fever of 102.", "Emma"),
    ("My son, Liam, has a barking cough.", "Liam"),
    ("my husband raj has diabetes", "raj"),
    ("Contact daughter Dorothy at home.", "Dorothy"),
    ("My daughter Addison has a rash.", "Addison"),
    ("My son Will has strep. Will also has a rash.", "Will"),
    ("Sana's mom here.", "Sana"),
    # greetings and signatures
    ("Dear Siobhan, thanks for the call.", "Siobhan"),
    ("Hi Tupac, see you Monday.", "Tupac"),
    ("Please advise.\nThanks,\nBryony", "Bryony"),
    ("Please advise. Best regards, Thao Wallace", "Thao Wallace"),
    ("See you soon — Tupac", "Tupac"),
    ("Thank you for seeing her.\n\nYours sincerely,\nTheodore Kapoor, MD", "Theodore Kapoor"),
    ("ok\n-- Mia al-Rashid", "Mia al-Rashid"),
    # form labels
    ("Patient: GARCIA, MARIA\nMRN: 1234567", "GARCIA, MARIA"),
    ("Name: Xiomara Przybylski\nDOB: 1/2/1960", "Xiomara Przybylski"),
    ("Emergency contact: Bogdan Nowak (brother)", "Bogdan Nowak"),
    ("Pt name - Medina, Lloyd A.", "Medina, Lloyd A."),
    # lexicon and verbs
    ("Emma has had a fever for 3 days.", "Emma"),
    ("I spoke to Brenda at the front desk.", "Brenda"),
    ("Please ask Marisol about my refill.", "Marisol"),
    ("Tabitha refuses her pills.", "Tabitha"),
    ("Update on Xiomara Przybylski: discharged home.", "Xiomara Przybylski"),
    ("Can Hunter pick up my prescription?", "Hunter"),
    ("Hamish B. Yoshida is a 66 year old man.", "Hamish B. Yoshida"),
    ("Smith, John was seen in clinic.", "Smith, John"),
    ("José García-López has a cough.", "José García-López"),
    ("Her pediatrician Dr Nakamura-Pérez said it was viral.", "Nakamura-Pérez"),
    ("Can someone call my wife Deepa at home?", "Deepa"),
    ("Grandma Ethel keeps falling.", "Ethel"),
    ("my sons name is Jaxon and hes coughing", "Jaxon"),
]


def test_a_title_stays_outside_the_name() -> None:
    assert (
        redact("Her pediatrician Dr Nakamura-Pérez said so.")
        == "Her pediatrician Dr [NAME] said so."
    )


@pytest.mark.parametrize(("text", "name"), NAME_CASES)
def test_name_is_removed(text: str, name: str) -> None:
    assert_removed(text, name, "name")


def test_a_name_found_once_is_removed_everywhere() -> None:
    text = "Hi, Xavier here, Willow's dad. Willow was diagnosed last week and Willow is tired."
    result = redact(text)
    assert "Willow" not in result
    assert "Xavier" not in result


def test_adjacent_name_parts_become_one_tag() -> None:
    assert redact("My name is Maria Elena Lopez.") == "My name is [NAME]."


EPONYM_TEXTS = [
    "My dad has Parkinson disease and Parkinson's tremor.",
    "Alzheimer's runs in my family.",
    "Crohn's disease flare with Hashimoto's thyroiditis.",
    "Graves' disease or Graves disease?",
    "Addison's disease and Cushing's syndrome are opposites.",
    "Bell's palsy on the left side.",
    "My son has Down syndrome.",
    "Tourette syndrome tics got worse.",
    "Hodgkin lymphoma vs non-Hodgkin lymphoma.",
    "Raynaud's phenomenon in cold weather.",
    "Sjögren's syndrome and dry eyes.",
    "Lou Gehrig's disease is also called ALS.",
    "Asperger syndrome in adults.",
    "Huntington's disease genetic testing.",
    "Guillain-Barré syndrome after the flu.",
    "Wilson's disease and copper.",
    "Kawasaki disease in toddlers.",
    "Ménière's disease and vertigo.",
    "Barrett's esophagus surveillance.",
    "Turner syndrome and height.",
    "Marfan syndrome heart checks.",
    "Gilbert syndrome raises bilirubin.",
    "Epstein-Barr virus and fatigue.",
    "Achilles tendon rupture.",
    "Baker's cyst behind the knee.",
    "Apgar score of 9.",
    "Is the Heimlich maneuver safe for babies?",
    "When should I get a Pap smear?",
    "I wore a Holter monitor for 48 hours.",
    "Foley catheter care at home.",
    "Tommy John surgery recovery.",
    "von Willebrand disease and nosebleeds.",
    "Ehlers-Danlos syndrome joint pain.",
    "Stevens-Johnson syndrome from a drug.",
    "Lewy body dementia symptoms.",
    "Glasgow Coma Scale of 14.",
    "The Epley maneuver fixed my BPPV.",
    "Kegel exercises after birth.",
    "Lyme disease from a tick.",
    "West Nile virus in Texas.",
    "St. John's wort and sertraline.",
    "I was diagnosed with Graves.",
    "Is Gilbert harmful?",
    "Dad has Parkinson and Alzheimer.",
    "Does Crohn cause fatigue?",
    "Marfan and the aorta.",
    "Churg Strauss syndrome is rare.",
]


@pytest.mark.parametrize("text", EPONYM_TEXTS)
def test_eponyms_are_kept(text: str) -> None:
    assert_kept(text)


CLINICAL_TEXTS = [
    "My A1C is 7.2% and LDL 130 mg/dL.",
    "BP 140/90 this morning, heart rate 88.",
    "Metformin 500 mg twice daily with meals.",
    "Take lisinopril 10 mg once daily.",
    "Ozempic 0.5 mg weekly made me nauseous.",
    "Tylenol 650 mg every 6 hours as needed.",
    "My dad is 89 and has COPD.",
    "A 72-year-old woman with heart failure.",
    "I've had a cough for 3 days.",
    "Chest pain started 2 weeks ago.",
    "Headache since 2019, worse in the morning.",
    "Will this interact with my other meds?",
    "May I take ibuprofen with it?",
    "Grace period for refills is over.",
    "Mark the days you have symptoms.",
    "Hope this makes sense.",
    "Bill me later for the visit.",
    "Sunday mornings are the worst.",
    "Metformin makes me dizzy.",
    "Zoloft keeps me up at night.",
    "Should I worry about my left knee?",
    "Blood sugar 180 after dinner.",
    "Vitamin D 25 ng/mL is low.",
    "TSH 4.5 mIU/L and free T4 normal.",
    "Type 1 diabetes since age 12.",
    "Stage 3 CKD with eGFR 45.",
    "Hepatitis C treatment options.",
    "Medicare Part D and Eliquis.",
    "Plan B side effects.",
    "Does Apple Watch detect AFib?",
    "Mayo Clinic says to rest.",
    "Johns Hopkins recommends screening.",
    "Is Wegovy covered by Blue Cross Blue Shield?",
    "Can Ashwagandha interact with levothyroxine?",
    "Our pediatrician recommends the Hep B series at birth.",
    "C-section recovery took 6 weeks.",
    "I live in Texas and the heat makes my MS worse.",
    "In my 60s and still running.",
    "Covid-19 booster and Shingrix on the same day?",
    "PHQ-9 score of 14, GAD-7 of 10.",
    "HLA-B27 positive with back pain.",
    "BRCA1 carrier, should I get screened?",
    "CD4 count 350 and viral load undetectable.",
    "Dexcom G7 reads lower than fingersticks.",
    "INR 2.5 on warfarin.",
    "PSA of 4.1 at my last physical.",
    "Right shoulder pain after lifting.",
    "Is 7/10 pain normal on day 3?",
    "Take 1/2 tablet twice daily.",
]


@pytest.mark.parametrize("text", CLINICAL_TEXTS)
def test_clinical_content_is_kept(text: str) -> None:
    assert_kept(text)


def test_clinical_content_survives_beside_identifiers() -> None:
    text = (
        "Dr. Patel, my mom Maria (DOB 03/14/1931) is 93 and has Parkinson disease, "
        "A1C 7.2%, BP 140/90, on metformin 500 mg twice daily for 3 years."
    )
    result = deidentify(text)
    assert result.text == (
        "Dr. [NAME], my mom [NAME] (DOB [DATE]) is [AGE] and has Parkinson disease, "
        "A1C 7.2%, BP 140/90, on metformin 500 mg twice daily for 3 years."
    )


def test_overlapping_candidates_resolve_to_the_most_specific() -> None:
    # The member ID has a phone number's shape; the date sits inside a URL; an e-mail holds a name.
    text = "Member ID 555-234-5678. See example.org/2024-03-14/notes or maria.lopez@example.org."
    result = deidentify(text)
    spans = [(text[e.start : e.end], e.type) for e in result.entities]
    assert spans == [
        ("555-234-5678", "health_plan_number"),
        ("example.org/2024-03-14/notes", "url"),
        ("maria.lopez@example.org", "email"),
    ]


def test_name_inside_an_address_is_part_of_the_address() -> None:
    text = "Send it to 1200 Martin Luther King Jr Blvd, Apt 4."
    result = deidentify(text)
    assert [(text[e.start : e.end], e.type) for e in result.entities] == [
        ("1200 Martin Luther King Jr Blvd, Apt 4", "street_address")
    ]
