"""Hand-written word lists: stop words, lay-to-clinical terms, and health vocabulary.

The knowledge base contributes its own aliases at load time; these lists cover the
everyday words people use that no single topic owns.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn doing
    don down during each few for from further had hadn has hasn have haven having he her here
    hers herself him himself his how i if in into is isn it its itself just let me more most
    mustn my myself no nor not now of off on once only or other ought our ours ourselves out
    over own same shan she should shouldn so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was wasn we
    were weren what when where which while who whom why will with won would wouldn you your
    yours yourself yourselves s t d ll m o re ve y im ive id youre hes shes thats whats
    also get gets got getting really like please thanks thank know tell anyone someone
    lot lots much many thing things kind sort bit way go going keep keeps kept
    always often sometimes usually dad mom mum father mother son daughter wife husband
    friend grandma grandpa grandmother grandfather brother sister partner boyfriend girlfriend
    guy man woman""".split()
)

#: Everyday words mapped to the words our sources use. Queries are expanded with the
#: right-hand side; the original word is kept too.
LAY_TERMS: dict[str, tuple[str, ...]] = {
    "pee": ("urinate", "urination"),
    "peeing": ("urinate", "urination"),
    "pees": ("urinate", "urination"),
    "wee": ("urinate",),
    "weeing": ("urinate",),
    "poop": ("stool", "bowel"),
    "pooping": ("stool", "bowel"),
    "poo": ("stool", "bowel"),
    "tummy": ("stomach", "abdominal"),
    "belly": ("stomach", "abdominal"),
    "puke": ("vomit",),
    "puking": ("vomit", "vomiting"),
    "throwing": ("vomiting",),
    "barf": ("vomit",),
    "thirsty": ("thirst",),
    "tired": ("fatigue", "tiredness"),
    "exhausted": ("fatigue",),
    "sleepy": ("drowsy",),
    "dizzy": ("dizziness",),
    "lightheaded": ("dizziness", "faint"),
    "itchy": ("itching", "itch"),
    "runny": ("nasal", "nose"),
    "stuffy": ("congestion", "nasal"),
    "sugar": ("glucose",),
    "sugars": ("glucose",),
    "bp": ("blood", "pressure"),
    "heartburn": ("reflux", "acid"),
    "zits": ("acne", "pimples"),
    "pimples": ("acne",),
    "shots": ("vaccine", "vaccination"),
    "shot": ("vaccine",),
    "jab": ("vaccine",),
    "jabs": ("vaccine",),
    "meds": ("medicine", "medication"),
    "pills": ("medicine", "tablets"),
    "painkillers": ("pain", "medicine"),
    "preggers": ("pregnant", "pregnancy"),
    "period": ("menstrual", "menstruation"),
    "periods": ("menstrual", "menstruation"),
    "boner": ("erection",),
    "sad": ("depression", "mood"),
    "depressed": ("depression",),
    "anxious": ("anxiety",),
    "worried": ("anxiety",),
    "nervous": ("anxiety",),
    "breathless": ("breath", "breathing"),
    "wheezy": ("wheezing",),
    "sneezy": ("sneezing",),
    "flu": ("influenza",),
    "sore": ("pain",),
    "hurts": ("pain",),
    "hurt": ("pain",),
    "hurting": ("pain",),
    "ache": ("pain",),
    "aches": ("pain",),
    "achy": ("pain", "aches"),
    "fat": ("weight", "obesity"),
    "overweight": ("obesity", "weight"),
    "smoking": ("tobacco",),
    "vape": ("smoking", "nicotine"),
    "vaping": ("smoking", "nicotine"),
    "drinking": ("alcohol",),
    "booze": ("alcohol",),
    "sleepless": ("insomnia", "sleep"),
    "cant": ("cannot",),
    "pooped": ("stool",),
    "kid": ("child", "children"),
    "kids": ("child", "children"),
    "toddler": ("child",),
    "infant": ("baby",),
    "newborn": ("baby",),
    "lump": ("swelling",),
    "bump": ("swelling",),
    "swollen": ("swelling",),
    "puffy": ("swelling",),
    "nauseous": ("nausea",),
    "queasy": ("nausea",),
    "shortness": ("breath",),
    "forgetful": ("memory",),
    "forgetting": ("memory",),
}

#: Words that mark a question as being about health, beyond the knowledge base's own
#: titles and aliases. Scope detection stems these the same way as queries.
HEALTH_WORDS = frozenset(
    """health healthy medical medicine medicines medication medications drug drugs pill pills
    tablet tablets dose doses dosage prescription prescribed pharmacy pharmacist doctor doctors
    physician nurse clinic hospital emergency er gp surgery surgeon therapy therapist treatment
    treated symptom symptoms sign signs diagnosis diagnosed disease diseases disorder disorders
    syndrome illness ill sick sickness infection infections infected virus viral bacteria
    bacterial fungal germ germs contagious vaccine vaccines vaccination vaccinated immunization
    pain painful ache aches aching hurt hurts sore swelling swollen inflammation inflamed fever
    cough coughing sneeze sneezing rash itch itchy itching bleeding bleed blood bruise bruising
    wound burn burns fracture broken sprain injury injured nausea vomit vomiting diarrhea
    diarrhoea constipation constipated bloating cramps cramp headache migraine dizzy dizziness
    faint fainting fatigue tired tiredness exhausted weakness numb numbness tingling shortness
    breath breathing breathe wheeze wheezing chest heart cardiac pulse palpitations lung lungs
    kidney kidneys liver stomach bowel bowels intestine colon bladder urine urinate urinating
    urination pee peeing poop stool stools skin hair nails eye eyes vision ear ears hearing nose
    throat mouth teeth tooth gum gums tongue brain nerve nerves spine neck shoulder knee knees
    hip hips joint joints bone bones muscle muscles tendon wrist ankle toe toes abdomen
    abdominal belly tummy pelvis pelvic genital genitals penis vagina vaginal breast breasts
    prostate testicle uterus ovary ovaries menstrual menstruation pregnant pregnancy pregnancies
    fertility contraception contraceptive condom ovulation menopause baby babies infant infants
    newborn toddler child children pediatric paediatric elderly aging ageing obese obesity bmi
    calorie calories diet dieting nutrition nutrient vitamin vitamins mineral minerals protein
    cholesterol glucose insulin diabetic diabetes hormone hormones thyroid cancer tumor tumour
    lump allergy allergies allergic asthma anxiety anxious depression depressed mental stress
    stressed suicidal suicide panic sleep sleeping insomnia snoring exercise workout fitness
    smoking cigarette cigarettes vaping nicotine alcohol hangover overdose poison poisoning
    sting bites bitten tick mosquito xray mri ultrasound biopsy checkup appointment hygiene
    sanitizer wash handwashing sunscreen sunburn dehydrated dehydration hydration thirst thirsty
    urinary std sti hiv covid flu coughs contagion epidemic pandemic outbreak quarantine immune
    immunity antibiotic antibiotics antiviral ibuprofen acetaminophen paracetamol aspirin
    tylenol advil steroid steroids inhaler insulin statin metformin antidepressant chemotherapy
    radiation dental dentist optometrist wheelchair disability seizure seizures stroke
    unconscious choking cpr cramps tremor acne pimples eczema wart warts mole moles scar vomited
    coughed bleeding breastfeeding colic teething vaccinations autism adhd ptsd ocd bipolar
    schizophrenia dementia alzheimer confusion confused hallucinations addiction addicted sober
    withdrawal opioid opioids erection libido sexual puberty sweats sweating chills shivering""".split()
)
