"""Hand-written word lists: stop words, lay-to-clinical terms, and health vocabulary.

The knowledge base contributes its own aliases at load time; these lists cover the
everyday words people use that no single topic owns.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    # Contractions typed without their apostrophe count as the words they stand for.
    """wont havent dont doesnt didnt cant isnt arent wasnt werent shouldnt wouldnt couldnt
    hasnt hadnt theyre theyve theyd theres wheres whos hows youve youd weve shouldve
    wouldve couldve someones everyones anyones somebodys
    a about above after again against all am an and any are aren as at be because been
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
    guy man woman vs versus stuff nothing anything something everything anymore
    grandad granddad gran granny nan nana nanna grandson granddaughter grandkid grandkids
    stepdad stepmom stepmum stepson stepdaughter hubby aunt uncle niece nephew cousin
    true neither either""".split()
)

#: Everyday words mapped to the words our sources use. Queries are expanded with the
#: right-hand side; the original word is kept too.
LAY_TERMS: dict[str, tuple[str, ...]] = {
    "parched": ("dry",),
    # An all-nighter is a night without sleep.
    "nighter": ("sleep",),
    "nighters": ("sleep",),
    "epileptic": ("epilepsy",),
    "pee": ("urinate", "urination"),
    "peeing": ("urinate", "urination"),
    "pees": ("urinate", "urination"),
    "wee": ("urinate",),
    # The little finger.
    "pinky": ("little", "finger"),
    "pinkie": ("little", "finger"),
    # A colour with "-ish" is the colour ("pinkish wee", "a greenish discharge").
    "pinkish": ("pink",),
    "reddish": ("red",),
    "brownish": ("brown",),
    "yellowish": ("yellow",),
    "greenish": ("green",),
    "whitish": ("white",),
    "greyish": ("grey", "gray"),
    "grayish": ("gray", "grey"),
    "bluish": ("blue",),
    "blueish": ("blue",),
    "purplish": ("purple",),
    "blackish": ("black",),
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
    "beer": ("alcohol",),
    "beers": ("alcohol",),
    "wine": ("alcohol",),
    "pint": ("alcohol",),
    "pints": ("alcohol",),
    "sleepless": ("insomnia", "sleep"),
    "cant": ("cannot",),
    "pooped": ("stool",),
    "kid": ("child", "children"),
    "kids": ("child", "children"),
    "toddler": ("child",),
    "toddlers": ("child", "children"),
    "infant": ("baby",),
    "infants": ("baby", "babies"),
    "newborn": ("baby",),
    "newborns": ("baby", "babies"),
    "lump": ("swelling",),
    "bump": ("swelling",),
    "swollen": ("swelling",),
    "puffy": ("swelling",),
    "nauseous": ("nausea",),
    "queasy": ("nausea",),
    "shortness": ("breath",),
    "forgetful": ("memory",),
    "forgetting": ("memory",),
    "forget": ("memory",),
    "contagious": ("spread", "spreads"),
    "catch": ("spread", "contagious"),
    "curable": ("cure",),
    "worry": ("anxiety", "worry"),
    "worrying": ("anxiety", "worry"),
    "panicky": ("panic",),
    "moody": ("mood",),
    "hyper": ("hyperactivity",),
    "confused": ("confusion",),
    "clog": ("blocked", "narrowed"),
    "clogs": ("blocked", "narrowed"),
    "clogged": ("blocked", "narrowed"),
    "gassy": ("gas", "wind", "bloating"),
    "farting": ("gas", "wind"),
    "burping": ("belching", "burp"),
    "snot": ("mucus",),
    "phlegm": ("mucus",),
    "welts": ("hives",),
    "woozy": ("dizziness",),
    "shaky": ("shaking", "tremor"),
    "sweaty": ("sweating",),
    "numb": ("numbness",),
    "tingly": ("tingling",),
    "tingle": ("tingling",),
    "tingles": ("tingling",),
    "squishy": ("squashy", "soft"),
    "pins": ("tingling",),
    "stomachache": ("stomach", "abdominal", "pain"),
    "bellyache": ("stomach", "abdominal", "pain"),
    "drunk": ("alcohol",),
    "drinks": ("alcohol", "drink"),
    "hungover": ("hangover",),
    "weed": ("cannabis", "marijuana"),
    "smokes": ("smoking",),
    "cigs": ("cigarettes", "smoking"),
    "hep": ("hepatitis",),
    "obese": ("obesity",),
    "alcoholic": ("alcohol",),
    "addicted": ("addiction", "dependence"),
    "addictive": ("addiction", "dependence"),
    "hooked": ("addiction", "dependence"),
    "asleep": ("sleep",),
    "spins": ("spinning", "vertigo"),
    "spinning": ("vertigo",),
    "fluttering": ("palpitations", "flutter"),
    "pimple": ("acne",),
    "boob": ("breast",),
    "boobs": ("breast",),
    "blackout": ("faint", "fainting"),
    "pregnancy": ("pregnant",),
    "grown": ("adult", "adults"),
    "teen": ("teenager", "adolescent"),
    "older": ("aging", "age"),
    # British and other regional spellings and words.
    "diarrhoea": ("diarrhea",),
    "anaemia": ("anemia",),
    "anaemic": ("anemia",),
    "oesophagus": ("esophagus",),
    "haemorrhoids": ("hemorrhoids",),
    "haemoglobin": ("hemoglobin",),
    "oestrogen": ("estrogen",),
    "tumour": ("tumor",),
    "tumours": ("tumor",),
    "oedema": ("edema", "swelling"),
    "paediatric": ("pediatric", "child"),
    "foetus": ("fetus", "baby"),
    "ischaemic": ("ischemic",),
    "coeliac": ("celiac",),
    "orthopaedic": ("orthopedic",),
    "haemophilia": ("hemophilia",),
    "leukaemia": ("leukemia",),
    "apnoea": ("apnea",),
    "gynaecologist": ("gynecologist",),
    "paediatrician": ("pediatrician",),
    "haemorrhage": ("hemorrhage", "bleeding"),
    "faeces": ("feces", "stool"),
    "anaesthetic": ("anesthetic",),
    "caesarean": ("cesarean",),
    "dyspnoea": ("dyspnea",),
    "nappy": ("diaper",),
    "nappies": ("diaper",),
    "dummy": ("pacifier",),
    "cot": ("crib",),
    "chemist": ("pharmacy", "pharmacist"),
    "puffer": ("inhaler",),
    "cystitis": ("bladder", "infection"),
    "poorly": ("sick", "unwell"),
    # Everyday words for the body, symptoms and care.
    "gut": ("bowel", "intestine", "stomach"),
    "butt": ("anus", "rectum", "buttocks"),
    "bum": ("anus", "rectum", "buttocks"),
    "balls": ("testicles",),
    "privates": ("genital", "genitals"),
    "crotch": ("groin", "genital"),
    "racing": ("palpitations", "fast"),
    "pounding": ("palpitations", "throbbing"),
    "skipping": ("palpitations",),
    "winded": ("breath", "breathless"),
    "rattly": ("wheezing", "mucus"),
    "sniffles": ("runny", "nose", "cold"),
    "sniffly": ("runny", "nose", "cold"),
    "scratchy": ("sore", "throat", "itchy"),
    "glands": ("lymph", "nodes"),
    "blotches": ("rash", "patches"),
    "blotchy": ("rash", "patches"),
    "blackheads": ("acne",),
    "whiteheads": ("acne",),
    "crusty": ("crust", "scab"),
    "flaky": ("flaking", "scaly", "dry"),
    "peeling": ("peel", "dry"),
    "shakes": ("shaking", "tremor"),
    "trembling": ("tremor", "shaking"),
    "twitching": ("spasm", "twitch"),
    "foggy": ("confusion", "concentrating"),
    "fog": ("confusion", "concentrating"),
    "bummed": ("sad", "depression"),
    "miserable": ("depression", "mood"),
    "panicking": ("panic", "anxiety"),
    "jittery": ("anxiety", "nervous"),
    "knackered": ("fatigue", "tired"),
    "drained": ("fatigue", "tired"),
    "wiped": ("fatigue", "tired"),
    "temp": ("temperature", "fever"),
    "sunburnt": ("sunburn",),
    "balding": ("hair", "loss"),
    "bald": ("hair", "loss"),
    "goopy": ("discharge", "pus"),
    "gunky": ("discharge", "pus"),
    "earache": ("ear", "pain"),
    "toothache": ("tooth", "pain"),
    "clap": ("gonorrhea",),
    "crabs": ("lice", "pubic"),
    "corona": ("covid",),
    "smear": ("pap", "cervical", "screening"),
    "mammo": ("mammogram",),
    "bloodwork": ("blood", "test"),
    "rehab": ("rehabilitation",),
    "labs": ("blood", "test"),
    "otc": ("over-the-counter",),
    "epipen": ("epinephrine", "auto-injector"),
    "expecting": ("pregnant",),
    "carbs": ("carbohydrates",),
    "veggies": ("vegetables",),
    "soda": ("sugary", "drinks"),
    "fizzy": ("sugary", "drinks"),
    "gym": ("exercise", "physical", "activity"),
    "chubby": ("overweight", "weight"),
    "skinny": ("underweight", "weight"),
    "underweight": ("weight",),
    "cranky": ("irritable", "fussy"),
    "potty": ("toilet",),
    "autistic": ("autism",),
    "anorexic": ("anorexia", "eating"),
    "bulimic": ("bulimia", "eating"),
    "shrink": ("therapist", "therapy"),
    "ob": ("obstetrician", "pregnancy"),
    "gyn": ("gynecologist",),
    "jabbed": ("vaccine", "vaccinated"),
    "vaxxed": ("vaccine", "vaccinated"),
    "vax": ("vaccine",),
    "spotting": ("bleeding",),
    "wets": ("wetting", "urine", "incontinence"),
    "wetting": ("bedwetting", "urine", "incontinence"),
    "chin": ("face", "facial"),
    "non": ("never",),
    "voices": ("hallucinations", "hearing"),
    "hungry": ("hunger",),
    "std": ("sti", "sexually", "transmitted"),
    "stds": ("sti", "sexually", "transmitted"),
    "shin": ("leg",),
    "lightheadedness": ("dizziness",),
    "cloudy": ("clouding", "cloud"),
    "teenage": ("teenager", "adolescent"),
    "burning": ("burn", "pain", "tingling"),
    "invincible": ("mania", "manic"),
    "euphoric": ("mania", "manic"),
    "flat": ("low", "mood"),
    "exam": ("examination", "screening"),
    "exams": ("examination", "screening"),
    "checkup": ("screening", "check"),
    "calf": ("leg", "calves"),
    "awake": ("sleep", "insomnia"),
    "piss": ("urinate", "urine"),
    "pissing": ("urinate", "urine"),
    "squits": ("diarrhea",),
    "trots": ("diarrhea",),
    "willy": ("penis",),
    "gob": ("mouth",),
    "gnashers": ("teeth",),
    "graze": ("scrape", "wound"),
    "grazed": ("scrape", "wound"),
    "crampy": ("cramps", "cramping"),
    "trembly": ("tremor", "shaking"),
    "shivery": ("shivering", "chills"),
    "puffed": ("breathless", "breath"),
    "phlegmy": ("mucus", "phlegm"),
    "snotty": ("mucus", "runny"),
    "groggy": ("drowsy", "fatigue"),
    "muddled": ("confusion",),
    "gloomy": ("depression", "mood"),
    "uptight": ("anxiety", "tense"),
    "edgy": ("anxiety", "tense"),
    "grumpy": ("irritable", "mood"),
    "snappy": ("irritable", "mood"),
    "stabbing": ("sharp", "pain"),
    "throbbing": ("throbbing", "pain"),
    "agony": ("severe", "pain"),
    "agonising": ("severe", "pain"),
    "agonizing": ("severe", "pain"),
    "terror": ("fear", "panic"),
    "terrified": ("fear", "panic", "anxiety"),
    "bothered": ("interest", "motivation"),
    "stinks": ("smell", "odor"),
    "stinky": ("smell", "odor"),
    "smelly": ("smell", "odor"),
    "reeks": ("smell", "odor"),
    "blistery": ("blisters", "blister"),
    "blistering": ("blisters", "blister"),
    "chested": ("chest",),
    "creaky": ("stiff", "stiffness", "grinding"),
    "spewing": ("vomiting", "vomit"),
    "chucking": ("vomiting", "vomit"),
    "retching": ("vomiting", "nausea"),
    "puked": ("vomit", "vomited"),
    "calves": ("leg",),
    "pooing": ("stool", "bowel"),
    "poos": ("stool", "bowel"),
    "diabetic": ("diabetes",),
    "diabetics": ("diabetes",),
    "zit": ("acne", "pimples"),
    "migraines": ("migraine",),
    "feverish": ("fever",),
    "chesty": ("chest", "cough", "mucus"),
    "bunged": ("blocked", "congestion"),
    "constipated": ("constipation",),
    "bloated": ("bloating",),
    "sicky": ("nausea",),
    "vomity": ("nausea", "vomiting"),
    "sweats": ("sweating",),
    "clammy": ("sweating",),
    "palpitating": ("palpitations",),
    "insomniac": ("insomnia",),
    "cramping": ("cramps", "cramp"),
    "stiffness": ("stiff",),
    "sprained": ("sprain",),
    "unhappy": ("depression", "mood"),
    "hopeless": ("depression", "hopelessness"),
    "teary": ("tearful", "crying"),
    "tearful": ("crying",),
    "weepy": ("tearful", "crying"),
    "stressed": ("stress",),
    # Misspellings too far from the word for the spelling corrector, and words it would
    # leave alone because they are real words ("prostrate").
    "excema": ("eczema",),
    "exzema": ("eczema",),
    "ecxema": ("eczema",),
    "hemroids": ("hemorrhoids",),
    "hemeroids": ("hemorrhoids",),
    "haemroids": ("hemorrhoids",),
    "colestrol": ("cholesterol",),
    "cholestrol": ("cholesterol",),
    "diarea": ("diarrhea",),
    "diarrea": ("diarrhea",),
    "diahrea": ("diarrhea",),
    "diarhea": ("diarrhea",),
    "neumonia": ("pneumonia",),
    "pnuemonia": ("pneumonia",),
    "prostrate": ("prostate",),
    "gastro": ("gastroenteritis",),
    "womb": ("uterus",),
    "suncream": ("sunscreen",),
    "suntan": ("sunscreen", "tan"),
    "waterworks": ("urinary", "bladder"),
    # Smoking first: "quit fags" is quitting smoking.
    "fags": ("smoking", "cigarettes"),
    "ciggies": ("smoking", "cigarettes"),
    "smoker": ("smoking",),
    "smokers": ("smoking",),
    "boozing": ("alcohol",),
    "preemie": ("premature", "baby"),
    "preemies": ("premature", "baby"),
    "fluey": ("flu",),
    "flulike": ("flu",),
    # Abbreviations, read as the names our sources use.
    "gtn": ("nitroglycerin", "glyceryl", "trinitrate"),
    # Brand names (UK and US) read as the medicine they contain, which is what our sources
    # name: "can i give him nurofen for chickenpox" is about ibuprofen.
    "nurofen": ("ibuprofen",),
    "advil": ("ibuprofen",),
    "motrin": ("ibuprofen",),
    "brufen": ("ibuprofen",),
    "calpol": ("paracetamol", "acetaminophen"),
    "panadol": ("paracetamol", "acetaminophen"),
    "aleve": ("naproxen",),
    "naprosyn": ("naproxen",),
    "zyrtec": ("cetirizine", "antihistamine"),
    "claritin": ("loratadine", "antihistamine"),
    "clarityn": ("loratadine", "antihistamine"),
    "piriton": ("chlorphenamine", "antihistamine"),
    "gaviscon": ("alginate", "antacid"),
    "rennie": ("antacid",),
    "rennies": ("antacid",),
    "tums": ("antacid",),
    "canesten": ("clotrimazole", "antifungal"),
    "daktarin": ("miconazole", "antifungal"),
    "movicol": ("macrogol", "laxative"),
    "laxido": ("macrogol", "laxative"),
    "codamol": ("codeine", "paracetamol"),
    "cocodamol": ("codeine", "paracetamol"),
}

#: Everyday words that are not health words, mapped to the words our sources use for the
#: same thing ("fridge" is "refrigerator"). Queries are expanded with them like lay terms,
#: but they are no evidence that a question is about health.
EVERYDAY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "fridge": ("refrigerator",),
    # Growths that "shrivel up" shrink.
    "shrivel": ("shrink",),
    "shrivels": ("shrink",),
    "shrivelled": ("shrink",),
    "shriveled": ("shrink",),
    # The family doctor in the UK ("the GP mentioned quinsy").
    "gp": ("doctor",),
    "gps": ("doctor",),
    "metal": ("nickel", "metals"),
    "metals": ("nickel",),
    "cleaning": ("cleaning", "household", "products"),
    "bleach": ("cleaning", "household", "products"),
    "felt": ("feel", "feeling"),
    "guys": ("men", "male"),
    "blokes": ("men", "male"),
    "lads": ("men", "male"),
    "ladies": ("women", "female"),
    "gals": ("women", "female"),
    "happy": ("pleasure", "mood"),
    "enjoy": ("pleasure", "interest"),
    "telly": ("screen",),
    "mates": ("friends",),
    "loo": ("toilet",),
    "bathroom": ("toilet",),
    "tissue": ("wiping", "toilet"),
    "wipe": ("toilet", "paper"),
    "wiping": ("toilet", "paper"),
    "specs": ("glasses",),
    # People, by the words people use for them, and words that are health words only
    # sometimes ("bloody diarrhea", "bloody hell"; a heart or a stock "ticker").
    "elderly": ("older", "adults"),
    "elder": ("older", "adults"),
    "seniors": ("older", "adults"),
    "pensioner": ("older", "adults"),
    "pensioners": ("older", "adults"),
    "bloody": ("blood", "bleeding"),
    "teens": ("teenagers", "adolescents"),
    "ticker": ("heart",),
    # British spellings of everyday words.
    "fibre": ("fiber",),
    "mould": ("mold",),
    "mouldy": ("mold",),
    "behaviour": ("behavior",),
    "behaviours": ("behavior",),
    "behavioural": ("behavioral", "behavior"),
    "colour": ("color",),
    "coloured": ("color",),
    "ageing": ("aging",),
    "litre": ("liter",),
    "litres": ("liter",),
    "centre": ("center",),
    "coil": ("iud",),
    "disc": ("disk",),
    "discs": ("disk",),
    # "hi blood pressure": a spelling of "high", but also a greeting, so no health evidence.
    "hi": ("high",),
    "woke": ("waking", "wake"),
    "stuck": ("trapped",),
    "mess": ("interact", "interfere"),
    "messes": ("interact", "interfere"),
    "clash": ("interact",),
    # Nights out and housework, in the words our sources use for them.
    "gig": ("concert", "music"),
    "gigs": ("concert", "music"),
    "tidy": ("order", "cleaning"),
    "tidying": ("order", "cleaning"),
}

#: Words that mean what a question word means once the topic is known, used only to
#: choose the sentences to quote. As lay terms they would mislead retrieval ("losing weight
#: and always hungry" would look like a question about weight loss and appetite rather than
#: diabetes), but within a topic they find the sentence on the question's point: a child
#: on ADHD medicine who is not hungry is asking about appetite.
ANSWER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "hungry": ("appetite",),
    "hunger": ("appetite",),
    "losing": ("loss",),
    "lose": ("loss",),
    "lost": ("loss",),
    # Passing an infection on, and restlessness.
    "giving": ("passing", "spread"),
    "give": ("pass", "spread"),
    "pacing": ("restlessness", "restless"),
    # "Bunged up" by a medicine is constipated (said of the nose, it is blocked).
    "bunged": ("constipation", "blocked"),
    # A run or a jog is exercise.
    "run": ("exercise",),
    "runs": ("exercise",),
    "jog": ("exercise",),
    "jogging": ("exercise",),
    # Coffee, within a topic, is said as caffeine ("cut down on caffeine").
    "coffee": ("caffeine",),
    "coffees": ("caffeine",),
    # Being made sick is vomiting ("make someone sick if they swallow poison").
    "sick": ("vomit",),
    # A game of rugby is a contact sport.
    "rugby": ("sport", "sports"),
    "boxing": ("sport", "sports"),
    # Talc is said in full as talcum powder.
    "talc": ("talcum",),
    # Contraception is also said as birth control.
    # A fit, within a topic that has seizures, is a seizure; an epileptic has epilepsy.
    "fit": ("seizure", "seizures"),
    "fits": ("seizure", "seizures"),
    "epileptic": ("epilepsy",),
    "contraception": ("birth",),
    "contraceptive": ("birth",),
    "contraceptives": ("birth",),
    # Someone asthmatic has asthma.
    "asthmatic": ("asthma",),
    "asthmatics": ("asthma",),
}

#: Every word a query is expanded with: lay terms and everyday synonyms.
EXPANSIONS: dict[str, tuple[str, ...]] = {**EVERYDAY_SYNONYMS, **LAY_TERMS}

#: Head nouns of a kind of topic, each with the word of its kind that stands for all of
#: them: "dementia medicine", "dementia meds" and "dementia drugs" are one name, as are
#: "flu shot", "flu jab" and "flu vaccine". A name ending in one is about a medicine, a
#: vaccine or a test, not the condition it is for.
HEAD_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        """medicine medicines medication medications meds med drug drugs pill pills tablet
        tablets""".split(),
        "medicine",
    ),
    **dict.fromkeys(
        "vaccine vaccines vaccination vaccinations shot shots jab jabs".split(), "vaccine"
    ),
    **dict.fromkeys(
        "test tests testing screening screenings scan scans check checks checkup".split(), "test"
    ),
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
    withdrawal opioid opioids erection libido sexual puberty sweats sweating chills shivering
    ivf anesthesia anaesthesia anesthetic chemo hemoglobin haemoglobin ferritin potassium sodium
    creatinine prolactin cortisol estrogen testosterone hormone lab labs bloodwork mg mcg
    milligrams prognosis survival expectancy mortality contagious vaccinate booster
    supplement supplements herbal remedy remedies
    deficiency pregnancy miscarriage labor labour birth contractions period periods cramping
    urologist gynecologist dermatologist cardiologist oncologist psychiatrist psychologist
    counselling counseling rehab cold colds temperature nightmares flashbacks halos glare wets
    wetting soiling hiccups hiccup knuckles knuckle heel elbow elbows jaw armpit armpits groin
    forehead eyelid eyelids nostril nostrils scalp sweaty clammy shivery feverish queasy
    nauseous bloated gassy itchiness soreness stiffness blister blisters cyst cysts lumps
    dandruff lice nits earwax snot phlegm mucus sputum hangnail bunion bunions verruca
    callus awake malformation malformations congenital defect defects tetralogy
    hydrocephalus hypertension hypotension sinus sinuses fistula idiopathic intracranial
    contraindication contraindications biologic biologics ecstasy mdma fluoride aldosterone
    intrusive obsessive compulsive compulsions obsessions esophagus oesophagus
    contracture veneer veneers lichen paralysis paralysed paralyzed intolerance dyslexia
    dyslexic dyspraxia dyscalculia stammer stammers stammering stutter stutters stuttering""".split()
)

#: Common medicines by generic and brand name. Naming a medicine makes a question a health
#: question even when the knowledge base does not describe that medicine (the engine then
#: abstains rather than redirecting).
DRUG_NAMES = frozenset(
    """codamol cocodamol nurofen calpol piriton lemsip brufen panadol clarityn rennie rennies canesten
    daktarin movicol laxido kwells ketamine esketamine candesartan
    bendroflumethiazide edoxaban gliclazide saxenda carbimazole beclometasone mebeverine buscopan
    hyoscine domperidone cyclizine amoxiclav flucloxacillin cefalexin aciclovir zopiclone
    dihydrocodeine chlorphenamine roaccutane microgynon norethisterone desogestrel provera
    acetaminophen tylenol paracetamol ibuprofen advil motrin naproxen aleve aspirin excedrin
    diclofenac voltaren celecoxib celebrex meloxicam tramadol oxycodone oxycontin percocet
    hydrocodone vicodin norco morphine codeine fentanyl hydromorphone methadone buprenorphine
    suboxone naloxone narcan naltrexone gabapentin neurontin pregabalin lyrica cyclobenzaprine
    flexeril baclofen tizanidine sertraline zoloft fluoxetine prozac citalopram celexa
    escitalopram lexapro paroxetine paxil venlafaxine effexor duloxetine cymbalta bupropion
    wellbutrin mirtazapine trazodone amitriptyline nortriptyline alprazolam xanax lorazepam
    ativan diazepam valium clonazepam klonopin buspirone hydroxyzine zolpidem ambien melatonin
    diphenhydramine benadryl doxylamine unisom adderall amphetamine methylphenidate ritalin
    concerta vyvanse lisdexamfetamine strattera atomoxetine quetiapine seroquel olanzapine
    zyprexa risperidone risperdal aripiprazole abilify haloperidol lithium lamotrigine lamictal
    valproate depakote carbamazepine tegretol levetiracetam keppra topiramate topamax phenytoin
    dilantin lisinopril enalapril ramipril losartan valsartan irbesartan amlodipine norvasc
    nifedipine diltiazem verapamil metoprolol atenolol carvedilol propranolol bisoprolol
    hydrochlorothiazide chlorthalidone furosemide lasix spironolactone atorvastatin lipitor
    simvastatin zocor rosuvastatin crestor pravastatin ezetimibe warfarin coumadin apixaban
    eliquis rivaroxaban xarelto dabigatran pradaxa clopidogrel plavix digoxin nitroglycerin
    metformin glucophage glipizide glyburide glimepiride sitagliptin januvia empagliflozin
    jardiance dapagliflozin farxiga semaglutide ozempic wegovy rybelsus liraglutide victoza
    tirzepatide mounjaro zepbound pioglitazone levothyroxine synthroid liothyronine methimazole
    omeprazole prilosec esomeprazole nexium pantoprazole protonix lansoprazole famotidine pepcid
    ranitidine zantac loperamide imodium bismuth pepto ondansetron zofran metoclopramide
    docusate senna miralax laxative laxatives antacid antacids tums simethicone amoxicillin
    augmentin penicillin azithromycin zithromax doxycycline cephalexin keflex ciprofloxacin
    cipro levofloxacin nitrofurantoin macrobid bactrim sulfamethoxazole trimethoprim
    clindamycin metronidazole flagyl acyclovir valacyclovir valtrex oseltamivir tamiflu
    paxlovid fluconazole diflucan clotrimazole miconazole terbinafine lamisil nystatin
    cetirizine zyrtec loratadine claritin fexofenadine allegra montelukast singulair
    fluticasone flonase prednisone prednisolone dexamethasone hydrocortisone
    methylprednisolone albuterol ventolin salbutamol symbicort advair budesonide allopurinol
    colchicine finasteride propecia tamsulosin flomax sildenafil viagra tadalafil cialis
    estradiol progesterone levonorgestrel misoprostol mifepristone isotretinoin accutane
    tretinoin minoxidil rogaine hydroxychloroquine plaquenil methotrexate humira adalimumab
    enbrel etanercept tamoxifen letrozole multivitamin probiotic probiotics folic folate
    magnesium turmeric ginkgo ashwagandha kratom cbd cannabis marijuana varenicline chantix
    epinephrine epipen nicorette amiodarone hydralazine clonidine doxazosin terazosin prazosin
    isosorbide ranolazine sacubitril entresto ticagrelor brilinta prasugrel heparin enoxaparin
    lovenox fenofibrate gemfibrozil niacin colesevelam repatha evolocumab alirocumab insulin
    lantus humalog novolog levemir tresiba trulicity dulaglutide jardiance invokana
    canagliflozin glyburide actos tradjenta linagliptin janumet levoxyl armour cytomel
    propylthiouracil estradiol premarin provera medroxyprogesterone depo norethindrone
    yaz yasmin drospirenone nuvaring mirena nexplanon clomid clomiphene letrozole femara
    anastrozole arimidex raloxifene evista alendronate fosamax risedronate actonel
    ibandronate boniva prolia denosumab calcitonin oxybutynin ditropan tolterodine detrol
    solifenacin vesicare mirabegron myrbetriq dutasteride avodart phenazopyridine pyridium
    cefdinir ceftriaxone cefuroxime clarithromycin erythromycin minocycline tetracycline
    vancomycin linezolid rifampin isoniazid ivermectin albendazole mebendazole permethrin
    hydroxyzine promethazine phenergan meclizine antivert dimenhydrinate dramamine
    scopolamine prochlorperazine compazine famotidine sucralfate carafate misoprostol
    mesalamine sulfasalazine azathioprine mercaptopurine infliximab remicade ustekinumab
    stelara dupilumab dupixent omalizumab xolair tiotropium spiriva ipratropium atrovent
    salmeterol formoterol breo trelegy anoro mometasone nasonex beclomethasone qvar
    triamcinolone kenalog clobetasol betamethasone desonide mupirocin bactroban neosporin
    bacitracin ketoconazole nizoral selenium benzoyl adapalene differin clindamycin
    spironolactone doxycycline valtrex famciclovir sumatriptan imitrex rizatriptan maxalt
    zolmitriptan eletriptan ubrelvy nurtec rimegepant aimovig erenumab fioricet butalbital
    carisoprodol soma methocarbamol robaxin metaxalone skelaxin oxcarbazepine trileptal
    zonisamide lacosamide vimpat phenobarbital primidone ropinirole requip pramipexole
    mirapex carbidopa levodopa sinemet donepezil aricept memantine namenda rivastigmine
    exelon galantamine modafinil provigil armodafinil methylphenidate focalin guanfacine
    intuniv desvenlafaxine pristiq vilazodone viibryd vortioxetine trintellix
    nortriptyline doxepin imipramine clomipramine phenelzine buspar lurasidone latuda
    ziprasidone geodon clozapine paliperidone invega brexpiprazole rexulti cariprazine
    vraylar temazepam restoril triazolam halcion eszopiclone lunesta zaleplon sonata
    suvorexant belsomra ramelteon trazodone naproxen ketorolac toradol indomethacin
    nabumetone etodolac piroxicam tylenol codeine oxymorphone tapentadol nucynta
    pregabalin duloxetine lidocaine capsaicin diclofenac voltaren salonpas biofreeze
    loratadine desloratadine clarinex levocetirizine xyzal benadryl chlorpheniramine
    pseudoephedrine sudafed phenylephrine guaifenesin mucinex dextromethorphan robitussin
    delsym nyquil dayquil theraflu zicam emergen airborne afrin oxymetazoline saline
    orlistat alli phentermine qsymia contrave naltrexone bupropion acamprosate disulfiram
    antabuse varenicline sildenafil revatio bosentan tamsulosin finasteride warfarin
    apixaban digoxin potassium klor metolazone bumetanide torsemide hydrocodone
    methotrexate leflunomide arava tofacitinib xeljanz baricitinib olumiant certolizumab
    golimumab secukinumab cosentyx ixekizumab taltz apremilast otezla allopurinol
    febuxostat uloric probenecid colchicine prednisone medrol budesonide entocort
    hydrocortisone fludrocortisone desmopressin ddavp vasopressin glucagon baqsimi
    metoclopramide reglan linaclotide linzess lubiprostone amitiza bisacodyl dulcolax
    lactulose psyllium metamucil loperamide simethicone lansoprazole prevacid dexlansoprazole
    rabeprazole aciphex nexium zantac cimetidine tagamet gaviscon maalox mylanta rolaids
    zinc elderberry echinacea valerian kava glucosamine chondroitin coq10 coenzyme
    biotin collagen creatine fenugreek mobic zyban silenor jantoven sklice lotrimin retin
    remeron naprosyn pravachol tenormin inderal ultram senokot colace zestril cozaar zyloprim
    prevnar vaxneuvance capvaxive gardasil
    cocaine heroin methamphetamine fentanyl levaquin levofloxacin pramoxine
    peed pees unhealthy unwell nauseated bled swells throbs throbbing convulsing trimester
    midwife obgyn gyno inoculation immunisation crutches bandage bandages scab scabs pus
    oozing tummyache flatulence sleepwalking psychotic""".split()
)

#: Health words that also have common everyday meanings ("a virus on my computer", "stock
#: market crash symptoms", "chicken thighs", "cold brew"). On their own they make a question
#: a health question only when nothing in it points to another subject and the knowledge
#: base can ground it.
AMBIGUOUS_WORDS = frozenset(
    """cold colds virus viruses bug bugs worm worms infection infected crash symptom symptoms
    sign signs healthy health heat hot overheating nursing spinal flat yellow leak leaking
    leaks pattern pressure attack attacks battery cure cured curing treat treating treatment
    shot shots stroke strokes heart blood memory drain tap labor labour delivery operation
    diagnosis diagnostic diagnose burn burns chest head back hand hands arm arms leg legs foot
    feet eye eyes ear ears neck nose mouth tooth teeth tongue joint joints bone bones skin hip
    hips knee knees kidney kidneys liver muscle muscles tissue cell cells test
    tests exam scan screening vision hearing pulse tablet tablets fat weight diet drink drinks
    drinking water sugar rest recovery heal healing fit fitness shape tired sleep egg eggs milk
    food spots spot growth tick ticks stress period periods temperature cheek cheeks face
    lips flushed flushing blush workout workouts exercise exercises baby babies infant infants
    toddler toddlers child children kid kids newborn newborns death dead blue screen
    doctor doctors physician physicians nurse nurses surgeon surgeons dentist dentists
    pharmacist pharmacists therapist therapists gp prognosis prognoses low waist needle
    needles fasting""".split()
)

#: Abbreviations of conditions that are also everyday words or another subject's
#: abbreviations, with the neighbouring words that give them that other meaning: the words
#: before them and the words after them. "PE" is physical education before "teacher",
#: "MS" is Microsoft before "Word", a mouse pad is not peripheral artery disease, and "add"
#: before "the", "a" or "salt" is the verb (as the verb it is never written in capitals).
#: Everyday words that are names of a topic in another sense follow the same rule: "the
#: nurse said" is a person, not nursing a baby.
_DETERMINERS = (
    "the a an some more it them up this that these those your my his her their our extra another"
)
EVERYDAY_ABBREVIATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "add": (
        frozenset("to i you we they can should do does did how".split()),
        frozenset(f"{_DETERMINERS} salt sugar milk water oil butter flour friends".split()),
    ),
    "pe": (
        frozenset("school year".split()),
        frozenset(
            "teacher teachers lesson lessons class classes kit kits shorts department exam exams "
            "gcse day days uniform at today tomorrow".split()
        ),
    ),
    "ms": (
        frozenset(),
        frozenset(
            "word excel office teams paint outlook access dos edge windows powerpoint project "
            "store onenote".split()
        ),
    ),
    "pad": (
        frozenset(
            "mouse knee knees elbow shin launch note writing heating key lily landing drum "
            "sanitary maxi incontinence cooling brake brakes touch track scratch".split()
        ),
        frozenset(),
    ),
    "mi": (frozenset(), frozenset("band fit phone watch tv home".split())),
    # A nurse is a person who says or does something, not nursing a baby.
    **{
        word: (
            frozenset(
                "the a my our his her their your practice school district specialist ward "
                "community diabetes asthma night agency clinic".split()
            ),
            frozenset("said says told tells wants wanted asked gave say".split()),
        )
        for word in ("nurse", "nurses")
    },
}
#: Of those, the ones whose everyday sense is another subject (a school lesson, software)
#: rather than a verb, a pad for the body or a fitness tracker.
ABBREVIATIONS_OF_OTHER_SUBJECTS = frozenset("pe ms".split())

#: Words that settle a question as being about something else however many health words
#: it uses: games, whose characters are poisoned, healed and revived, and questions about
#: words themselves ("what rhymes with fever").
DECISIVE_OFF_DOMAIN_WORDS = frozenset(
    """minecraft fortnite roblox pokemon xbox playstation nintendo elden baldur skyrim zelda
    warcraft overwatch valorant runescape sims stardew diablo witcher fifa gta npc npcs
    respawn dlc gameplay speedrun mana hitpoints rpg mmo videogame videogames rhyme rhymes
    rhyming synonym synonyms antonym antonyms anagram anagrams crossword scrabble wordle
    phrase phrases idiom idioms etymology proverb proverbs grammar grammatical grammatically
    terraria dota hearthstone genshin palworld rimworld factorio subnautica netflix""".split()
)

#: Words that point to a subject other than health: cars, computers, cooking, money, home
#: repair, gardening, pets, entertainment. They outweigh ambiguous health words only.
OFF_DOMAIN_WORDS = (
    frozenset(
        """computer computers laptop laptops trackpad touchpad pc software app apps python java javascript linux
    windows macos excel spreadsheet git github code coding programming compile compiler
    server database router wifi password email website browser antivirus malware printer
    keyboard cpu gpu ram heap ssd iphone android smartphone phone car cars truck trucks engine
    engines tire tires tyre tyres alternator transmission brakes motor vehicle mechanic
    radiator faucet sink drywall plumbing plumber pipe pipes sewer roof gutter gutters paint
    furniture couch sofa carpet floors lawn garden gardening plant plants leaves soil seeds
    tomato tomatoes weeds oak statutory rugby fence recipe recipes brew brewing bake baking oven grill grilling
    brisket
    roast roasting cook cooking cookies cake sourdough stock stocks market markets crypto
    bitcoin ethereum invest investing investment loan mortgage credit bank banking tax taxes
    price prices salary economy inflation hotel hotels flights airline airport capital
    mountain movie movies film films actor actress song songs lyrics album netflix plot
    episode football soccer basketball baseball nfl nba translate translation spanish french
    german grammar weather forecast vet
    horses aquarium rust knot necklace jewelry resume letter bike chain headphones earbuds
    playlist guitar piano drums names game games gaming novel poem homework essay
    shakespeare author eclipse planet planets astronomy electricity driveway stump curtain
    bolt screw wrench sharpen emoji tokyo paris london computing compute
    dollar dollars euro euros cheapest moth moths closet closets wardrobe smartwatch
    earn earns earning earnings wage wages income career careers customer customers client
    clients onboarding marketing startup business coworker coworkers manager managers boss
    rift rhyme rhymes rhyming synonym synonyms antonym war wars pony ponies goat goats
    gerbil gerbils guinea ferret ferrets budgie budgies wooden wood table tables chair chairs
    boots leather rope ropes road roads building buildings politely canvas varnish
    lawn lawns fishtank goldfish minecraft fortnite roblox pokemon xbox playstation nintendo
    villager villagers zombie zombies dragon dragons wizard potion potions chess poker casino
    lottery horoscope horoscopes zodiac astrology astrological
    microwave kettle toaster blender saucepan pastry pizza spaghetti marinade vacation
    passport hostel airbnb luggage suitcase taxi uber tuition landlord tenant pension invoice
    accounting wallet refund lipstick haircut salon gearbox clutch petrol diesel camping tent
    bluetooth concert violin museum compost oled lcd tv television telly jumper sweater
    cardigan knitting crochet sewing jeans hoodie zip zipper cricket innings wicket wickets
    batsman scored homerun homeruns touchdown touchdowns budget budgeting debt debts savings
    401k ira dividend dividends etf etfs forex npm pip docker kubernetes api sql html css
    debug debugging repo frontend backend ipad macbook chromebook mileage mpg horsepower
    windscreen windshield dashboard headlight headlights sedan suv hatchback tesla toyota
    honda kibble leash stain stains moon lunar golf fridge freezer dishwasher boiler
    washer dryer battery batteries charger flickering pixel pixels brake condensation
    airpods earpods earphones headset headsets speaker speakers soundbar isotope isotopes
    radiocarbon physics houseplant houseplants succulent succulents portfolio portfolios
    shares shareholder shareholders trader traders trading dough loaf loaves brisket smoker
    bbq barbecue dome thunderstorm thunderstorms barometer barometric hurricane hurricanes
    tornado tornadoes colours colors laundry dye dyes fabric fabrics tree trees shrub shrubs
    sump gasket chords
    hedge hedges bay aphid aphids greenfly whitefly fillet fillets crispy crispier script
    scripts csv teat teats farm farms farmer farmers economist economists economics financial
    revs rev roses aws lambda serverless diesel dpf motorway terminals corrosion corroded
    medieval barber barbers""".split()
    )
    | DECISIVE_OFF_DOMAIN_WORDS
)

#: Animals that are also food ("is fish good for you"): a vet's question only when one is
#: someone's own animal described like a patient ("my fish has white spots").
OWNED_ANIMAL_WORDS = frozenset(
    """fish fishes chicken chickens hen hens duck ducks cow cows pig pigs lamb lambs crab
    snail snails""".split()
)

#: Verbs of mending a thing: "fix a broken zip", "repair a cracked screen".
REPAIR_VERBS = frozenset(
    "fix fixing fixed repair repairing repaired mend mending install installing unclog".split()
)

#: Words for the owner's things: "my car is coughing", "my laptop has a virus". A health
#: word right after one of these and a verb describes the thing, not a person.
OWNED_THING_VERBS = frozenset(
    """is has had keeps kept was won isn doesn wasn seems sounds started starts makes making
    just have are were keep seem""".split()
)

#: People named by how they are related to the asker: "lost my wife" is a bereavement, and a
#: red flag after "my dad" is a person's.
FAMILY_WORDS = frozenset(
    """mom mum mother mommy mummy dad daddy father parent parents husband wife partner spouse
    son sons daughter daughters child children kid kids baby babies toddler toddlers infant
    newborn twin friend friends boyfriend girlfriend fiance fiancee grandma grandpa
    grandmother grandfather grandad granddad grandmom granny gran nan nana nanna grandson
    granddaughter grandchild brother brothers sister sisters sibling uncle aunt auntie cousin
    nephew niece""".split()
)

#: Animals: a question about one is a vet's question, unless a person was bitten.
ANIMAL_WORDS = frozenset(
    """dog dogs puppy puppies cat cats kitten kittens pet pets horse horses hamster hamsters
    rabbit rabbits parrot parrots bird birds pony ponies gerbil gerbils ferret ferrets budgie
    budgies goldfish tortoise tortoises turtle turtles lizard lizards gecko geckos snake
    snakes iguana iguanas chameleon axolotl guppy guppies koi sheep goat goats donkey
    hummingbird hummingbirds octopus octopuses
    donkeys alpaca llama cockatiel canary rat rats mouse mice chinchilla hedgehog hedgehogs
    bunny bunnies doggy doggo pup pups shark sharks whale whales dolphin dolphins guinea
    ewe ewes heifer heifers cattle livestock herd flock poultry rooster roosters cockerel
    cockerels foal foals mare mares piglet piglets udder udders hoof hooves fetlock
    labrador labradors spaniel spaniels terrier terriers collie collies poodle poodles
    retriever retrievers dachshund dachshunds greyhound greyhounds whippet whippets beagle
    beagles pug pugs husky huskies cockapoo cockapoos labradoodle labradoodles alsatian
    alsatians staffie staffies betta bettas angelfish cichlid cichlids pleco plecos""".split()
)

#: Words that make an animal in the question a person's health matter (a bite, rabies,
#: an allergy).
BITE_WORDS = frozenset(
    """bite bites bit bitten biting rabies scratched clawed allergic allergy allergies asthma
    dander human humans zoonotic toxoplasmosis""".split()
)

#: Words that make a bite the animal's habit to train out ("how to stop my hamster
#: biting"), not an injury, unless a bite actually happened.
ANIMAL_TRAINING_WORDS = frozenset("stop stopping train training trained teach discipline".split())
#: Bite words that say a bite happened.
BITE_INJURY_WORDS = frozenset("bit bitten scratched clawed".split())

#: Everyday words that are rare in medical writing, so their idf is high, but that say
#: nothing about which topic a question is on ("how do I get *rid* of...", "*heard* a heart
#: murmur", "get over a cold *faster*"). Their weight is cut when measuring how well a topic
#: or a sentence covers a question, so a topic is never chosen for repeating one of them.
GENERIC_WORDS = frozenset(
    """able about absolutely actually add again ago ahead almost alone along already alright
    although amount another answer anybody anymore anything anyway anywhere appear apart area
    around ask asked asking away awful bad badly basically become becomes began begin behind
    believe best better big bigger biggest bit bother bothering break bring brought call called
    came care careful case certain chance change changed check cheap clear close come comes
    coming common completely constantly consider could couple course crazy current daily
    deal decide definitely did difference different doing done double during each early easily
    easy else end ended enough entire especially etc even ever every everybody everyday
    everyone everything everywhere exactly example extra extremely fact fair fairly far fast
    faster fine find fine finally first fix fixed follow following forever found free fully
    gave general generally give given gives giving glad goes gone good gotten great guess
    half happen happened happening happens hard hardly heard hear help helped helps
    here high higher hold honestly hope hopefully hour huge idea important instead issue issues
    item just kept kinda kind knew last lately later least leave left less let level like likely
    literally little live lives living long longer look looked looking looks lose lost low
    lower mainly major make makes making matter maybe mean means meant mention mentioned
    mentions mentioning might mind mine
    minor moment mostly move moved much must name near nearly necessary need needed needs
    never new next nice nobody none normal normally nothing notice noticed number obviously
    odd often okay ok old older once one ones open opposite order ordinary others otherwise
    over overall part particular past pay people perfectly perhaps person place plan play
    plenty point possible possibly pretty probably problem proper properly pull put quick
    quickly quite rather reach read ready real reason recent recently regular regularly remember
    rid right run said same saw say saying says second see seem seems seen serious set several
    shall short show shows side simple simply since slightly small so somebody somehow something
    sometime somewhat somewhere soon sort sound sounds speak special specific start started
    starting starts stay still strange stuff suddenly suppose supposed sure take taken takes
    taking talk tell terrible than thing things think thinking third though thought three
    through throughout till today together told tomorrow tonight total totally toward try tried
    trying turn turned twice two type typical typically under unless unusual upon use used
    using usual usually various want wanted way ways weird well went whatever whenever whether
    whole wonder wondering word work worked works worse worst worth wrong yes yesterday yet
    reverse reversed reversing overcome beat beating""".split()
)

#: Words that say which section a question wants ("signs of...", "what causes...") rather
#: than what it is about; intent detection uses them, so they weigh little as content.
INTENT_WORDS = frozenset(
    """symptom symptoms sign signs cause causes caused causing treat treats treated treating
    treatment treatments cure cures prevent prevention preventing risk risks diagnose
    diagnosed diagnosis test tested testing warning early first""".split()
)

#: Laboratory measurements. A person's own value of one ("my ferritin is 12") needs a
#: clinician who knows the rest of the picture; the engine does not interpret it.
LAB_NAMES = frozenset(
    """ferritin hemoglobin haemoglobin hematocrit potassium sodium chloride calcium magnesium
    creatinine egfr bun urea alt ast alp ggt bilirubin albumin ana antinuclear prolactin
    cortisol testosterone estrogen estradiol progesterone fsh lh tsh t3 t4 a1c hba1c glucose
    ldl hdl triglycerides cholesterol psa inr ptt crp esr platelets platelet wbc rbc mcv
    neutrophils lymphocytes troponin d-dimer vitamin b12 folate iron transferrin lipase
    amylase uric acid ck cpk creatine kinase ldh ammonia lactate bnp ntprobnp cea ca125
    afp hcg ttg iga rf pth phosphate dimer globulin globulins lipoprotein reticulocyte
    reticulocytes eosinophils eosinophil basophils monocytes homocysteine""".split()
)

#: Treatments and procedures by name. Asking about one ("does acupuncture work", "recovery
#: after a hip replacement") is asking about that treatment, which a topic that never
#: mentions it cannot answer.
PROCEDURE_NAMES = frozenset(
    """acupuncture chiropractic chiropractor chemo chemotherapy radiotherapy immunotherapy ivf
    transplant replacement bypass stent angioplasty dialysis colonoscopy endoscopy biopsy
    lumpectomy mastectomy hysterectomy vasectomy liposuction botox lasik homeopathy
    homeopathic cryotherapy hypnosis hypnotherapy cupping reflexology reiki naturopathy
    tonsillectomy""".split()
)

#: Words that say a question is about a medicine ("X side effects", "what is X used for").
#: With them, a word our sources never use is most likely the medicine's name.
MEDICINE_CUES = frozenset(
    """dose doses dosage mg mcg milligram milligrams tablet tablets pill pills capsule capsules
    medication medications medicine medicines drug drugs prescription prescribed side effects
    interact interacts interaction interactions generic brand refill pharmacy injection
    reconstitute reconstituted reconstituting
    injections ointment inhaler overdose withdrawal wean taper tapering therapy infusion
    infusions""".split()
)

#: Verbs that make the word right after them a medicine only there ("can I take X",
#: "stopped taking X"), not in "how long does it take".
MEDICINE_VERBS = frozenset("take taking took taken stop stopped stopping quit started".split())

#: Phrases that settle a question as being about something else however many health
#: words it uses: astrology ("cancer star sign") and software ("a bleeding edge release").
DECISIVE_OFF_DOMAIN_PHRASES = (
    # Where sayings come from.
    "where does the saying",
    "where did the saying",
    "where does that saying",
    "where did that saying",
    *(
        f"where {tense} the {word}"
        for tense in ("does", "did")
        for word in ("phrase", "expression")
    ),
    # Money: a takeover defence; losses of money, goals or customers told as bleeding.
    "poison pill",
    *(
        f"{verb} {what}"
        for verb in ("bleeding", "haemorrhaging", "hemorrhaging")
        for what in ("money", "cash", "goals", "points", "runs", "customers", "subscribers", "fans")
    ),
    "why do people call it",
    "if someone says their",
    "when someone says their",
    # Songs.
    "who sang",
    "guitar chords",
    # Games.
    "dark souls",
    "fallout 4",
    "star sign",
    "star signs",
    "bleeding edge",
    # Television: which episode or season of a show.
    "which episode",
    "what episode",
    "which season",
    "what season",
    # A maker of shampoos and soaps.
    "procter and gamble",
    # Bands ("the drugs don't work by the verve", "bad medicine" by Bon Jovi).
    "the verve",
    "bon jovi",
    # Golf: a shot that "bleeds" off to one side, a slice to fix.
    "bleeding off to the",
    "fix a slice",
    "fix my slice",
    # A saying about enduring something, and a survival game.
    "bite the bullet",
    "the long dark",
    # Boxing talk, a hospital-management game and streaming services.
    "glass jaw",
    "two point hospital",
    "theme hospital",
    "disney plus",
    "streaming service",
)

#: Names of a health problem made only of everyday words ("hearing" and "loss" are each
#: everyday): said together they are health evidence next to a gadget ("earbuds").
#: A knock to the head, however it happened ("clashed heads at football").
_HEAD_KNOCKS = tuple(
    f"{verb} {whose} head"
    for verb in "bumped banged hit knocked bashed cracked smacked whacked".split()
    for whose in "my his her their your".split()
)
HEALTH_PHRASES = (
    *_HEAD_KNOCKS,
    "clashed heads",
    "bumped heads",
    "banged heads",
    "bang on the head",
    "bump on the head",
    "knock on the head",
    "blow to the head",
    "hearing loss",
    "memory loss",
    "hair loss",
    "sight loss",
    "vision loss",
    "tongue tie",
    "tongue tied",
    # Sleep and eating said in everyday words, next to a phone or a fruit bowl.
    "get to sleep",
    "getting to sleep",
    "stay asleep",
    "staying asleep",
    "fruit and veg",
    "fruit and vegetables",
    "five a day",
    "5 a day",
)

#: Everyday phrases built from health words that are about something else.
OFF_DOMAIN_PHRASES = (
    "sick pay",
    # Sport's rules: substitutes for a concussion or a bleeding player, a batter retired hurt.
    "concussion sub",
    "concussion subs",
    "concussion substitute",
    "concussion substitutes",
    "blood replacement",
    "retired hurt",
    # Letting trapped air out of a heating radiator, or out of a car's brake lines.
    *(
        f"{verb} {the}{thing}"
        for verb in ("bleed", "bleeding", "bled")
        for the in ("a ", "the ", "my ", "")
        for thing in ("radiator", "radiators", "brakes", "brake lines")
    ),
    # House plants that droop and look dead.
    "peace lily",
    "spider plant",
    "rubber plant",
    "cheese plant",
    # Planting bare-root shrubs in a trench until the ground thaws.
    "heel in",
    "heeling in",
    "heel them in",
    "heeled in",
    # Sayings that borrow a death or a wound.
    "kiss of death",
    "death knell",
    "dead in the water",
    "shot in the arm",
    # A grudge.
    "chip on my shoulder",
    "chip on his shoulder",
    "chip on her shoulder",
    "chip on their shoulder",
    "chip on your shoulder",
    "chip on their shoulders",
    "clinical finish",
    "clinical finishing",
    "clinical finisher",
    # Pests in the house.
    "fruit flies",
    "fruit fly",
    # Television dramas set in hospitals.
    "grey anatomy",
    "greys anatomy",
    # The television series, not the advice to call one.
    *(f"{part} of call the midwife" for part in ("series", "season", "episode", "episodes")),
    *(f"call the midwife {part}" for part in ("series", "season", "episode", "episodes", "cast")),
    "hard drive",
    "washing machine",
    "washing machines",
    "cast iron",
    "computer virus",
    "heart emoji",
    # Foods, gadgets, history and business that borrow a health word.
    "blood orange",
    "blood oranges",
    "blood sausage",
    "black pudding",
    "heart rate monitor",
    "fitness tracker",
    "smart watch",
    "apple watch",
    "cold war",
    "world war",
    "pain points",
    "pain point",
    # Plumbing, and careers in health care.
    "leaking tap",
    "leaky tap",
    "dripping tap",
    "become a doctor",
    "become a nurse",
    "become a dentist",
    "become a pharmacist",
    "become a surgeon",
    "become a paramedic",
    "become a midwife",
    "become a therapist",
    # Foods, drinks and sayings named with a health word.
    "heart of palm",
    "hearts of palm",
    "pulse of the nation",
    "vitamin water",
    "pain au",
    "oil change",
    "change my oil",
    "change the oil",
    "new life into",
    # Sport and household pests.
    "world cup",
    "super bowl",
    "who won",
    "rid of ants",
    "ants in my",
    # Sound and signals that drop, and chemistry.
    "keeps cutting out",
    "keep cutting out",
    "stop cutting out",
    "stops cutting out",
    "cutting in and out",
    "carbon 14",
    "carbon dating",
    "carbon footprint",
    "carbon emissions",
    # Brands and weather named with a health word.
    "fever tree",
    "air pressure",
    "cold snap",
    "cold front",
    "cold spell",
    # Games, money, cars and music.
    "blood moon",
    "call of duty",
    "animal crossing",
    "poison pill",
    "cash flow",
    "oil seal",
    "head gasket",
    "guitar chords",
)
