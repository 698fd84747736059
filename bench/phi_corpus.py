"""A generated, labelled corpus of health texts that carry PHI, for the de-identification benchmark.

Real patient text cannot be committed, and a hand-written corpus is small and goes stale, so the
corpus is generated in code from a fixed seed: the same seed always yields the same texts. Each
text records the exact spans and types of its identifiers (what must be removed) and the clinical
phrases that must survive. Names, formats and phrasings here are written independently of the
recogniser's word lists and rules: the name pool deliberately holds names the recogniser's
lexicon does not know, and the formats follow how people actually write.

Styles come in two splits. ``dev`` styles (portal messages, clinical notes, consumer questions,
caregiver messages) are the ones whose misses may be inspected while improving the recogniser.
``heldout`` styles (text messages, intake forms, letters, international formats, billing
questions) are only ever scored, never inspected, so they measure how the rules generalise.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

PHI_TYPES = (
    "name",
    "date",
    "age_over_89",
    "phone",
    "fax",
    "email",
    "ssn",
    "medical_record_number",
    "health_plan_number",
    "account_number",
    "license_number",
    "vehicle_id",
    "device_id",
    "url",
    "ip_address",
    "street_address",
    "zip_code",
)

DEV_STYLES = ("portal", "note", "consumer", "caregiver")
HELDOUT_STYLES = ("sms", "form", "letter", "intl", "billing")

DEFAULT_SEED = 8_1729
DEFAULT_SIZE = 720


@dataclass(frozen=True)
class Span:
    """A labelled stretch of a text: an identifier type or ``keep`` for a clinical phrase."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Sample:
    id: str
    style: str
    split: str
    text: str
    phi: tuple[Span, ...]
    keep: tuple[Span, ...]

    def covered(self, span: Span) -> str:
        return self.text[span.start : span.end]


# A segment is a piece of text with its label: None (plain), "keep", or a PHI type.
Segment = tuple[str, str | None]


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    phi: list[Span] = field(default_factory=list)
    keep: list[Span] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, label: str | None = None) -> None:
        if not text:
            return
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if label == "keep":
            self.keep.append(Span("keep", start, self.length))
        elif label is not None:
            assert label in PHI_TYPES, label
            self.phi.append(Span(label, start, self.length))

    def text(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------------------------
# Pools. Written for this corpus; they overlap the recogniser's lists only as real names do.

FIRST_NAMES = """
Emma Olivia Ava Sophia Isabella Mia Charlotte Amelia Harper Evelyn Abigail Emily Ella Madison
Scarlett Victoria Aria Grace Chloe Camila Penelope Riley Layla Lillian Nora Zoey Mila Aubrey
Hannah Lily Addison Eleanor Natalie Luna Savannah Brooklyn Leah Zoe Stella Hazel Ellie Paisley
Audrey Skylar Violet Claire Bella Aurora Lucy Anna Samantha Caroline Genesis Aaliyah Kennedy
Kinsley Allison Maya Sarah Madelyn Adeline Alexa Ariana Elena Gabriella Naomi Alice Sadie Hailey
Eva Emilia Autumn Quinn Nevaeh Piper Ruby Serenity Willow Everly Cora Kaylee Lydia Aubree Arianna
Eliana Peyton Melanie Gianna Isabelle Julia Valentina Nova Clara Vivian Reagan Mackenzie Madeline
Liam Noah William James Oliver Benjamin Elijah Lucas Mason Logan Alexander Ethan Jacob Michael
Daniel Henry Jackson Sebastian Aiden Matthew Samuel David Joseph Carter Owen Wyatt John Jack Luke
Jayden Dylan Grayson Levi Isaac Gabriel Julian Mateo Anthony Jaxon Lincoln Joshua Christopher
Andrew Theodore Caleb Ryan Asher Nathan Thomas Leo Isaiah Charles Josiah Hudson Christian Hunter
Connor Eli Ezra Aaron Landon Adrian Jonathan Nolan Jeremiah Easton Elias Colton Cameron Carson
Robert Angel Maverick Nicholas Dominic Jaxson Greyson Adam Ian Austin Santiago Jordan Cooper
Brayden Roman Evan Ezekiel Xavier Jose Jace Jameson Leonardo Bryson Axel Everett Parker Kayden
Miles Sawyer Jason Linda Barbara Patricia Susan Margaret Dorothy Betty Helen Sandra Donna Carol
Ruth Sharon Michelle Laura Kimberly Deborah Jessica Shirley Cynthia Angela Melissa Brenda Amy
Doris Gloria Irene Marilyn Frances Jean Alice Judith Rose Janice Kelly Nicole Judy Christina
Kathy Theresa Beverly Denise Tammy Irene Lori Rachel Marie Mildred Gertrude Agnes Edna Ethel
Harold Walter Arthur Albert Ralph Eugene Roy Louis Russell Bobby Howard Willie Fred Earl Clarence
Stanley Leonard Ernest Herbert Norman Chester Lloyd Floyd Wendell Virgil Otis Clyde Homer Elmer
Priya Anjali Rohan Arjun Vikram Deepak Sunita Lakshmi Aarav Ananya Kavya Rahul Sanjay Meera
Wei Jing Hui Xin Mei Lin Hao Jun Yan Ling Chen Zhiwei Xiaoming Yuki Haruto Sakura Hiroshi Kenji
Aiko Minh Linh Thao Huong Duc Quang Mai Seo-yeon Ji-ho Min-jun Hye-jin
Mohammed Ahmed Fatima Aisha Omar Yusuf Khalid Layla Zainab Hassan Hussein Mariam Karim Samir
Nour Rania Tariq Bilal Farah Imran Ayesha Sana
Jose Luis Carlos Juan Miguel Alejandro Diego Javier Sofia Valeria Camila Lucia Ximena Guadalupe
Rosa Carmen Esperanza Alejandra Mariana Fernanda Paola Joaquin Rafael Ignacio Ramon Alfonso
Chinedu Ngozi Oluwaseun Adebayo Chiamaka Emeka Kwame Ama Kofi Abena Amara Zuri Tendai Thabo
Nia Imani Jamal Darnell Tyrone Keisha Latoya Shanice DeShawn Marquis Ebony Aaliyah Jalen
Siobhan Aoife Niamh Ciaran Declan Eoin Saoirse Padraig Ingrid Astrid Bjorn Sven Lars Freya
Magnus Anneliese Klaus Wolfgang Jurgen Dieter Francois Amelie Margaux Thibault Giulia Matteo
Alessandro Chiara Lorenzo Francesca Dmitri Anastasia Natasha Sergei Olga Katarzyna Piotr
Agnieszka Tomasz Zofia Thaddeus Ignatius Percival Cornelius Octavia Philippa Tabitha Bartholomew
Zebulon Ezekiel Marisol Xiomara Yolanda Griselda Consuelo Anneke Sigrid Hamish Fiona Callum
Rhiannon Bronwyn Ffion Dafydd Kai Leilani Keanu Makana Tupac Aroha Wiremu Nikolai Oksana Bogdan
""".split()

SURNAMES = """
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark
Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams
Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker
Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper
Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James
Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster
Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher
Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno
West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall
Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb
Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason
Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren
Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne
Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight
O'Brien O'Connor O'Neill McCarthy MacLeod Fitzgerald Gallagher Donnelly Kowalski Nowak Wisniewski
Przybylski Wojcik Kaminski Lewandowski Zielinski Szymanski Mueller Schneider Fischer Becker
Hoffmann Schulz Koch Richter Klein Wolf Schroeder Neumann Schwarz Zimmermann Braun Kruger Hofmann
Lehmann Dubois Lefebvre Moreau Laurent Fontaine Rousseau Girard Bonnet Rossi Russo Ferrari
Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini
Ivanov Smirnov Kuznetsov Popov Sokolov Volkov Petrov Novak Horvat Kovacs Nagy Szabo Andersson
Johansson Karlsson Nilsson Eriksson Larsson Olsen Hansen Jensen Nielsen Virtanen Korhonen
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo Zheng
Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki
Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly Park Choi Jung Kang Cho Yoon Jang
Sharma Singh Kumar Gupta Shah Mehta Reddy Iyer Nair Rao Joshi Desai Chatterjee Banerjee Mukherjee
Kapoor Malhotra Agarwal Bhatt Pillai Menon Krishnan Venkatesan Subramanian
Khan Ahmed Ali Hussain Rahman Hassan Ibrahim Mahmoud Abdullah Haddad Nasser Khalil Saleh Aziz
Okafor Okonkwo Adeyemi Nwosu Eze Mensah Owusu Boateng Asante Abubakar Mwangi Otieno Kamau Dlamini
Ndlovu Mokoena Achebe Adebayo Olawale Babatunde
Hernandez-Lopez Garcia-Marquez Smith-Jones Ortega-Ruiz Van der Berg De la Cruz
Featherstonehaugh Winterbottom Higginbotham Throckmorton Cholmondeley Pennywhistle
Kalanianaole Kahananui Ngata Te Whiu Tuilagi Fonoti
""".split()

# Multi-word surnames above were split by whitespace; rebuild the few that belong together.
SURNAMES = [
    s for s in SURNAMES if s not in {"Van", "der", "Berg", "De", "la", "Cruz", "Te", "Whiu"}
]
SURNAMES += ["Van der Berg", "De la Cruz", "Cruz", "Te Whiu", "de Vries", "van Dijk", "al-Rashid"]

STREETS = """
Main Oak Maple Elm Cedar Pine Washington Lincoln Park Lake Hill Sunset Highland Jefferson Willow
Birch River Church Spring Meadow Forest Chestnut Walnut Magnolia Peachtree Juniper Aspen Sycamore
Dogwood Hickory Laurel Cherry Franklin Madison Adams Jackson Monroe Center Market Mill Water
Bridge Union Prospect Pleasant Ridge Valley Orchard Garden Harbor Bay Ocean Shore Cypress Palm
Mockingbird Bluebonnet Sequoia Canyon Mesa Alameda Buena Vista Kingsley Fairview Glenwood
Westwood Brookside Riverside Lakeview Hillcrest Woodland Greenbriar Ashford Briarwood Stonegate
""".split()
STREETS += [
    "Martin Luther King Jr",
    "5th",
    "42nd",
    "3rd",
    "21st",
    "Old Mill",
    "Cedar Creek",
    "Saint Charles",
    "St. Mary's",
    "East 14th",
    "W. 86th",
    "Hawthorne",
]
STREET_SUFFIXES = [
    "Street",
    "St",
    "St.",
    "Avenue",
    "Ave",
    "Ave.",
    "Road",
    "Rd",
    "Rd.",
    "Boulevard",
    "Blvd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Dr.",
    "Court",
    "Ct",
    "Way",
    "Place",
    "Pl",
    "Terrace",
    "Circle",
    "Cir",
    "Parkway",
    "Pkwy",
    "Highway",
    "Trail",
    "Square",
    "street",
    "avenue",
    "road",
]
CITIES = [
    ("Springfield", "IL", "Illinois"),
    ("Austin", "TX", "Texas"),
    ("Portland", "OR", "Oregon"),
    ("Columbus", "OH", "Ohio"),
    ("Denver", "CO", "Colorado"),
    ("Atlanta", "GA", "Georgia"),
    ("Phoenix", "AZ", "Arizona"),
    ("Madison", "WI", "Wisconsin"),
    ("Raleigh", "NC", "North Carolina"),
    ("Boise", "ID", "Idaho"),
    ("Tampa", "FL", "Florida"),
    ("Fresno", "CA", "California"),
    ("San Diego", "CA", "California"),
    ("New Haven", "CT", "Connecticut"),
    ("Omaha", "NE", "Nebraska"),
    ("Little Rock", "AR", "Arkansas"),
    ("Salt Lake City", "UT", "Utah"),
    ("Albany", "NY", "New York"),
    ("Burlington", "VT", "Vermont"),
    ("Bangor", "ME", "Maine"),
    ("Tulsa", "OK", "Oklahoma"),
    ("Fort Wayne", "IN", "Indiana"),
    ("Honolulu", "HI", "Hawaii"),
    ("Anchorage", "AK", "Alaska"),
    ("Baltimore", "MD", "Maryland"),
    ("Pittsburgh", "PA", "Pennsylvania"),
    ("Seattle", "WA", "Washington"),
    ("Cedar Rapids", "IA", "Iowa"),
    ("St. Louis", "MO", "Missouri"),
    ("Las Cruces", "NM", "New Mexico"),
]
EMAIL_DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
    "aol.com",
    "comcast.net",
    "mail.com",
    "web.de",
    "btinternet.com",
    "example.org",
    "uni-health.edu",
    "co-op.coop",
    "yahoo.co.uk",
    "fastmail.fm",
    "me.com",
]
RELATIONS = [
    "son",
    "daughter",
    "wife",
    "husband",
    "mom",
    "mother",
    "dad",
    "father",
    "grandmother",
    "grandma",
    "grandfather",
    "grandpa",
    "sister",
    "brother",
    "partner",
    "aunt",
    "uncle",
    "nephew",
    "niece",
    "friend",
    "neighbor",
    "baby",
    "toddler",
    "fiancée",
    "stepson",
]
OLD_RELATIONS = [
    "grandmother",
    "grandma",
    "grandfather",
    "grandpa",
    "great-aunt",
    "mother",
    "father",
    "mom",
    "dad",
    "great-grandmother",
    "neighbor",
    "uncle",
    "aunt",
]

CONDITIONS = [
    "type 2 diabetes",
    "high blood pressure",
    "hypertension",
    "asthma",
    "COPD",
    "atrial fibrillation",
    "heart failure",
    "chronic kidney disease",
    "hypothyroidism",
    "migraine",
    "GERD",
    "rheumatoid arthritis",
    "osteoarthritis",
    "osteoporosis",
    "depression",
    "anxiety",
    "gout",
    "psoriasis",
    "eczema",
    "sleep apnea",
    "anemia",
    "UTI",
    "pneumonia",
    "shingles",
    "COVID-19",
    "long COVID",
    "celiac disease",
    "lupus",
    "multiple sclerosis",
    "epilepsy",
    "glaucoma",
    "macular degeneration",
    "prostate cancer",
    "breast cancer",
    "hepatitis C",
    "HIV",
    "IBS",
    "ulcerative colitis",
    "kidney stones",
    "plantar fasciitis",
    "sciatica",
    "vertigo",
    "tinnitus",
    "peripheral neuropathy",
    "PCOS",
    "endometriosis",
    "preeclampsia",
    "ADHD",
    "bipolar disorder",
    "PTSD",
    "dementia",
    "stroke",
    "DVT",
    "pulmonary embolism",
    "high cholesterol",
]
EPONYMS = [
    "Parkinson disease",
    "Parkinson's disease",
    "Parkinson's",
    "Alzheimer's",
    "Alzheimer's disease",
    "Crohn's disease",
    "Crohn's",
    "Hashimoto's thyroiditis",
    "Hashimoto's",
    "Graves' disease",
    "Graves disease",
    "Addison's disease",
    "Addison disease",
    "Cushing's syndrome",
    "Cushing syndrome",
    "Bell's palsy",
    "Down syndrome",
    "Tourette syndrome",
    "Tourette's",
    "Hodgkin lymphoma",
    "non-Hodgkin lymphoma",
    "Raynaud's",
    "Raynaud's phenomenon",
    "Sjögren's syndrome",
    "Sjogren's",
    "Lou Gehrig's disease",
    "Asperger syndrome",
    "Asperger's",
    "Huntington's disease",
    "Guillain-Barré syndrome",
    "Wilson's disease",
    "Kawasaki disease",
    "Ménière's disease",
    "Meniere's disease",
    "Barrett's esophagus",
    "Turner syndrome",
    "Marfan syndrome",
    "Gilbert syndrome",
    "Gilbert's syndrome",
    "Epstein-Barr virus",
    "Achilles tendon",
    "Baker's cyst",
    "Apgar score",
    "Heimlich maneuver",
    "Pap smear",
    "Holter monitor",
    "Foley catheter",
    "Lyme disease",
    "Paget's disease",
    "Osgood-Schlatter disease",
    "Dupuytren's contracture",
    "Tommy John surgery",
    "Kegel exercises",
    "von Willebrand disease",
    "Ehlers-Danlos syndrome",
    "Tay-Sachs disease",
    "Cushing's",
    "Addison's",
    "Graves'",
    "Bell's",
    "Williams syndrome",
    "Stevens-Johnson syndrome",
    "Hirschsprung disease",
    "Klinefelter syndrome",
    "Creutzfeldt-Jakob disease",
    "Lewy body dementia",
    "Morton's neuroma",
    "Colles fracture",
    "Reye's syndrome",
    "Kaposi sarcoma",
    "Ewing sarcoma",
    "Wilms tumor",
    "Burkitt lymphoma",
    "Glasgow Coma Scale",
    "Epley maneuver",
    "Whipple procedure",
]
DRUGS = [
    "metformin",
    "lisinopril",
    "atorvastatin",
    "amlodipine",
    "levothyroxine",
    "omeprazole",
    "losartan",
    "Ozempic",
    "Wegovy",
    "Jardiance",
    "Eliquis",
    "Xarelto",
    "warfarin",
    "insulin glargine",
    "Lantus",
    "Humira",
    "Tylenol",
    "Advil",
    "ibuprofen",
    "acetaminophen",
    "aspirin",
    "sertraline",
    "Zoloft",
    "Lexapro",
    "prednisone",
    "amoxicillin",
    "Augmentin",
    "Synthroid",
    "gabapentin",
    "Lipitor",
    "Crestor",
    "Plavix",
    "Entresto",
    "Trulicity",
    "Mounjaro",
    "Farxiga",
    "albuterol",
    "Ventolin",
    "Symbicort",
    "Flonase",
    "Zyrtec",
    "Claritin",
    "Benadryl",
    "melatonin",
    "vitamin D3",
    "Keytruda",
    "tamoxifen",
    "Paxlovid",
    "Tamiflu",
    "Adderall",
    "Xanax",
    "hydrochlorothiazide",
    "furosemide",
    "Lasix",
    "spironolactone",
    "Jardiance",
    "Januvia",
    "Victoza",
    "Dupixent",
]
BODY = [
    "left knee",
    "lower back",
    "right shoulder",
    "chest",
    "abdomen",
    "left ear",
    "throat",
    "right hip",
    "ankle",
    "wrist",
    "neck",
    "upper arm",
    "scalp",
    "big toe",
    "jaw",
    "eyelid",
]
SYMPTOMS = [
    "a dry cough",
    "shortness of breath",
    "chest tightness",
    "dizziness",
    "a rash",
    "blurred vision",
    "night sweats",
    "heart palpitations",
    "nausea",
    "fatigue",
    "a low-grade fever",
    "swelling in my ankles",
    "numbness in my fingers",
    "heartburn",
    "joint pain",
    "ringing in my ears",
    "trouble sleeping",
    "frequent urination",
]
SENTENCE_STARTS = [
    "Will this interact with my other meds?",
    "May I take it with food?",
    "Should I be worried?",
    "Is it safe to exercise?",
    "Could this be serious?",
    "Can I drink alcohol with it?",
    "Does insurance usually cover this?",
    "Grace period for refills is over.",
    "Mark on the calendar when symptoms start.",
    "Hope this makes sense.",
    "Bill me for the visit later.",
    "Sunday mornings are the worst.",
    "Rose hips tea helps a bit.",
]


def _lab(rng: random.Random) -> str:
    choice = rng.randrange(16)
    if choice == 0:
        return f"A1C {rng.randint(55, 110) / 10:.1f}%"
    if choice == 1:
        return f"HbA1c of {rng.randint(55, 110) / 10:.1f}%"
    if choice == 2:
        return f"LDL {rng.randint(70, 220)} mg/dL"
    if choice == 3:
        return f"BP {rng.randint(100, 190)}/{rng.randint(60, 110)}"
    if choice == 4:
        return f"blood pressure of {rng.randint(100, 190)}/{rng.randint(60, 110)}"
    if choice == 5:
        return f"eGFR {rng.randint(15, 95)}"
    if choice == 6:
        return f"TSH {rng.randint(1, 120) / 10:.1f} mIU/L"
    if choice == 7:
        return f"fasting glucose {rng.randint(80, 260)} mg/dL"
    if choice == 8:
        return f"heart rate {rng.randint(48, 140)} bpm"
    if choice == 9:
        return f"temp {rng.randint(990, 1040) / 10:.1f} F"
    if choice == 10:
        return f"O2 sat {rng.randint(86, 100)}%"
    if choice == 11:
        return f"PSA {rng.randint(5, 150) / 10:.1f} ng/mL"
    if choice == 12:
        return f"platelets {rng.randint(90, 450)},000"
    if choice == 13:
        return f"hemoglobin {rng.randint(80, 165) / 10:.1f} g/dL"
    if choice == 14:
        return f"vitamin D {rng.randint(8, 60)} ng/mL"
    return f"BMI {rng.randint(180, 420) / 10:.1f}"


def _dose(rng: random.Random) -> str:
    drug = rng.choice(DRUGS)
    amount = rng.choice(
        [
            "5",
            "10",
            "20",
            "25",
            "40",
            "50",
            "81",
            "100",
            "250",
            "500",
            "850",
            "1000",
            "0.25",
            "0.5",
            "1",
            "2.5",
            "12.5",
        ]
    )
    unit = rng.choice(["mg", "mg", "mg", "mcg", "units", "mL"])
    freq = rng.choice(
        [
            "once daily",
            "twice daily",
            "twice a day",
            "every 6 hours",
            "at bedtime",
            "three times a day",
            "weekly",
            "as needed",
            "BID",
            "q8h",
            "daily",
            "every other day",
            "1/2 tablet daily",
            "2 puffs every 4 hours",
        ]
    )
    return f"{drug} {amount} {unit} {freq}"


def _duration(rng: random.Random) -> str:
    n = rng.randint(2, 12)
    return rng.choice(
        [
            f"for {n} days",
            f"for {n} weeks",
            f"{n} weeks ago",
            f"since {rng.randint(2005, 2024)}",
            f"for the past {n} months",
            f"about {n} hours",
            f"every {n} hours",
            f"{n}-3 times a day" if n < 3 else f"{n} times a day",
            f"in {rng.randint(1995, 2023)}",
            f"for {n} years",
        ]
    )


def _young_age(rng: random.Random) -> str:
    n = rng.randint(18, 89)
    return rng.choice(
        [
            f"{n}-year-old",
            f"{n} year old",
            f"aged {n}",
            f"{n} y/o",
            f"{n}yo",
            f"age {n}",
            f"{n} years old",
            f"I'm {n}",
            f"turned {n}",
        ]
    )


# --------------------------------------------------------------------------------------------
# Identifier renderers. Each returns segments so labels and surrounding words travel together.


@dataclass
class Persona:
    first: str
    last: str
    middle: str
    relative: str
    relation: str
    doctor: str
    city: tuple[str, str, str]
    birth: dt.date
    visit: dt.date


def _persona(rng: random.Random) -> Persona:
    birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randint(0, 33_000))
    visit = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2_400))
    return Persona(
        first=rng.choice(FIRST_NAMES),
        last=rng.choice(SURNAMES),
        middle=rng.choice(FIRST_NAMES),
        relative=rng.choice(FIRST_NAMES),
        relation=rng.choice(RELATIONS),
        doctor=rng.choice(SURNAMES),
        city=rng.choice(CITIES),
        birth=birth,
        visit=visit,
    )


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _date(rng: random.Random, d: dt.date, *, day_first: bool = False) -> list[Segment]:
    """One date in one of the many ways people write dates; weekday names stay outside the span."""
    m, day, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    abbr = mon[:3] if mon != "September" or rng.random() < 0.5 else "Sept"
    yy = f"{y % 100:02d}"
    if day_first:
        forms = [
            f"{day:02d}/{m:02d}/{y}",
            f"{day}/{m}/{y}",
            f"{day}.{m}.{y}",
            f"{day:02d}.{m:02d}.{y}",
            f"{day} {mon} {y}",
            f"{_ordinal(day)} {mon} {y}",
            f"{day} {abbr} {y}",
            f"{day}-{abbr}-{y}",
            f"{day} {mon}",
            f"{_ordinal(day)} of {mon}",
            f"{day:02d}/{m:02d}/{yy}",
            f"{y}-{m:02d}-{day:02d}",
        ]
    else:
        forms = [
            f"{m:02d}/{day:02d}/{y}",
            f"{m}/{day}/{y}",
            f"{m}/{day}/{yy}",
            f"{m:02d}/{day:02d}/{yy}",
            f"{y}-{m:02d}-{day:02d}",
            f"{mon} {day}, {y}",
            f"{abbr} {day}, {y}",
            f"{abbr}. {day}, {y}",
            f"{mon} {day}",
            f"{mon} {_ordinal(day)}",
            f"{abbr} {_ordinal(day)}",
            f"{day} {mon}",
            f"{day} {mon} {y}",
            f"{m}-{day}-{y}",
            f"{m:02d}-{day:02d}-{y}",
            f"{day}.{m}.{y}",
            f"{day}-{abbr.upper()}-{y}",
            f"{mon} {y}",
            f"{abbr} {y}",
            f"{mon} {_ordinal(day)}, {y}",
            f"the {_ordinal(day)} of {mon}",
            f"{y}-{m:02d}-{day:02d}T{rng.randint(6, 20):02d}:{rng.choice(['00', '15', '30', '45'])}",
            f"{mon.lower()} {day}",
            f"{abbr.lower()} {_ordinal(day)}",
            f"{y}/{m:02d}/{day:02d}",
        ]
    text = rng.choice(forms)
    segs: list[Segment] = []
    if text.startswith("the "):
        segs.append(("the ", None))
        text = text[4:]
    if rng.random() < 0.12 and not text[0].isdigit() and text[0].isupper():
        segs.append((f"{WEEKDAYS[d.weekday()]}, ", None))
    segs.append((text, "date"))
    return segs


def _phone_digits(rng: random.Random) -> tuple[str, str, str]:
    return (str(rng.randint(201, 989)), str(rng.randint(200, 999)), f"{rng.randint(0, 9999):04d}")


def _phone(rng: random.Random, *, intl: bool = False) -> str:
    if intl or rng.random() < 0.15:
        return rng.choice(
            [
                f"+44 20 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}",
                f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                f"020 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}",
                f"+49 30 {rng.randint(1000000, 99999999)}",
                f"+49 (0)89 {rng.randint(100000, 9999999)}",
                f"+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                f"+91 {rng.randint(70000, 99999)} {rng.randint(10000, 99999)}",
                f"+61 2 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                f"+52 55 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                f"+353 87 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                f"0{rng.randint(30, 89)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            ]
        )
    a, b, c = _phone_digits(rng)
    return rng.choice(
        [
            f"({a}) {b}-{c}",
            f"{a}-{b}-{c}",
            f"{a}.{b}.{c}",
            f"{a}{b}{c}",
            f"+1 {a} {b} {c}",
            f"1-{a}-{b}-{c}",
            f"+1 ({a}) {b}-{c}",
            f"{a} {b} {c}",
            f"{a}-{b}-{c} ext. {rng.randint(1, 999)}",
            f"({a}) {b}-{c} x{rng.randint(10, 9999)}",
            f"+1-{a}-{b}-{c}",
            f"({a}){b}-{c}",
            f"{b}-{c}",
        ]
    )


def _ascii(name: str) -> str:
    table = str.maketrans(
        "áéíóúüñçöäøåšžłćęąëïîôàèùâêûÁÉÍÓÚÜÑÇÖÄØÅŠŽŁ", "aeiouuncoaoaszlceaeiioaeuaeuAEIOUUNCOAOASZL"
    )
    return "".join(ch for ch in name.translate(table) if ch.isalnum() or ch in ".-_")


def _email(rng: random.Random, p: Persona) -> str:
    f, last = _ascii(p.first).lower(), _ascii(p.last.replace(" ", "")).lower().replace("'", "")
    user = rng.choice(
        [
            f"{f}.{last}",
            f"{f[0]}{last}",
            f"{f}_{last}{rng.randint(1, 99)}",
            f"{f}{rng.randint(60, 2009)}",
            f"{last}.{f}",
            f"{f}.{last}+health",
            f"{f}{last}",
            f"{f[0]}.{last}{rng.randint(1, 9)}",
        ]
    )
    return f"{user}@{rng.choice(EMAIL_DOMAINS)}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _upper(rng: random.Random, n: int, alphabet: str = string.ascii_uppercase) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _ssn(rng: random.Random) -> list[Segment]:
    a, b, c = (
        f"{rng.randint(1, 899):03d}",
        f"{rng.randint(1, 99):02d}",
        f"{rng.randint(1, 9999):04d}",
    )
    form = rng.randrange(6)
    if form == 0:
        return [("SSN ", None), (f"{a}-{b}-{c}", "ssn")]
    if form == 1:
        return [("social security number is ", None), (f"{a}-{b}-{c}", "ssn")]
    if form == 2:
        return [("SSN: ", None), (f"{a} {b} {c}", "ssn")]
    if form == 3:
        return [("Social Security # ", None), (f"{a}{b}{c}", "ssn")]
    if form == 4:
        return [("SS# ", None), (f"{a}-{b}-{c}", "ssn")]
    return [("my social is ", None), (f"{a}-{b}-{c}", "ssn")]


def _mrn(rng: random.Random) -> list[Segment]:
    value = rng.choice(
        [
            _digits(rng, 8),
            _digits(rng, 7),
            f"{_upper(rng, 1)}{_digits(rng, 7)}",
            f"MRN-{_digits(rng, 8)}",
            f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 2)}",
            _digits(rng, 10),
            f"{_digits(rng, 2)}{_upper(rng, 2)}{_digits(rng, 5)}",
        ]
    )
    label = rng.choice(
        [
            "MRN ",
            "MRN: ",
            "MRN# ",
            "MRN #",
            "MR# ",
            "medical record number ",
            "medical record # ",
            "Med Rec No. ",
            "chart number ",
            "patient ID ",
            "Hospital No: ",
            "medical record no. ",
            "record number is ",
            "MRN is ",
        ]
    )
    return [(label, None), (value, "medical_record_number")]


def _plan(rng: random.Random) -> list[Segment]:
    mbi_letters = "ACDEFGHJKMNPQRTUVWXY"
    mbi = (
        f"{rng.randint(1, 9)}{_upper(rng, 1, mbi_letters)}{rng.choice(mbi_letters + string.digits)}{rng.randint(0, 9)}"
        f"-{_upper(rng, 1, mbi_letters)}{rng.choice(mbi_letters + string.digits)}{rng.randint(0, 9)}"
        f"-{_upper(rng, 2, mbi_letters)}{_digits(rng, 2)}"
    )
    value = rng.choice(
        [
            f"{_upper(rng, 3)}{_digits(rng, 9)}",
            f"W{_digits(rng, 9)}",
            f"{_digits(rng, 2)}-{_digits(rng, 7)}",
            mbi,
            f"U{_digits(rng, 10)}",
            _digits(rng, 11),
            f"{_upper(rng, 2)}{_digits(rng, 6)}-{_digits(rng, 2)}",
        ]
    )
    label = rng.choice(
        [
            "member ID ",
            "Member ID: ",
            "member # ",
            "policy number ",
            "policy no. ",
            "Policy #",
            "subscriber ID ",
            "insurance ID ",
            "group number ",
            "Medicare number ",
            "Medicare # ",
            "Medicaid ID ",
            "my member id is ",
            "insurance member number ",
            "plan ID: ",
        ]
    )
    return [(label, None), (value, "health_plan_number")]


def _luhn_complete(prefix: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix + str((10 - total % 10) % 10)


def _account(rng: random.Random) -> list[Segment]:
    if rng.random() < 0.2:
        card = _luhn_complete("4" + _digits(rng, 14))
        grouped = " ".join(card[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.6 else card
        return [
            (rng.choice(["card number ", "credit card ", "my card is "]), None),
            (grouped, "account_number"),
        ]
    value = rng.choice(
        [
            _digits(rng, 9),
            _digits(rng, 12),
            f"{_digits(rng, 4)}-{_digits(rng, 4)}",
            f"ACC-{_digits(rng, 6)}",
            f"{_digits(rng, 3)}-{_digits(rng, 6)}-{_digits(rng, 1)}",
            f"{_upper(rng, 2)}{_digits(rng, 8)}",
        ]
    )
    label = rng.choice(
        [
            "account number ",
            "acct # ",
            "Acct#",
            "account no. ",
            "billing account ",
            "patient account number ",
            "account # ",
            "my account is ",
            "Account: ",
        ]
    )
    return [(label, None), (value, "account_number")]


def _license(rng: random.Random) -> list[Segment]:
    form = rng.randrange(7)
    if form == 0:
        return [
            (
                rng.choice(
                    [
                        "driver's license ",
                        "driver's license number ",
                        "drivers license # ",
                        "driver's licence no. ",
                    ]
                ),
                None,
            ),
            (
                rng.choice(
                    [
                        f"{_upper(rng, 1)}{_digits(rng, 7)}",
                        f"{_upper(rng, 1)}{_digits(rng, 3)}-{_digits(rng, 4)}-{_digits(rng, 4)}",
                        _digits(rng, 9),
                    ]
                ),
                "license_number",
            ),
        ]
    if form == 1:
        return [
            (rng.choice(["DL# ", "DL ", "DL: "]), None),
            (f"{_upper(rng, 1)}{_digits(rng, 8)}", "license_number"),
        ]
    if form == 2:
        return [
            (rng.choice(["NPI ", "NPI: ", "NPI number "]), None),
            (_digits(rng, 10), "license_number"),
        ]
    if form == 3:
        return [
            (rng.choice(["DEA # ", "DEA number "]), None),
            (f"{_upper(rng, 2)}{_digits(rng, 7)}", "license_number"),
        ]
    if form == 4:
        return [
            (rng.choice(["certificate number ", "cert. no. ", "birth certificate # "]), None),
            (
                rng.choice(
                    [
                        f"{rng.randint(1990, 2023)}-{_digits(rng, 5)}",
                        f"{_upper(rng, 1)}{_digits(rng, 6)}",
                    ]
                ),
                "license_number",
            ),
        ]
    if form == 5:
        return [
            (rng.choice(["license number ", "nursing license # ", "medical license "]), None),
            (
                rng.choice([f"{_upper(rng, 2)}-{_digits(rng, 5)}", f"RN{_digits(rng, 6)}"]),
                "license_number",
            ),
        ]
    return [
        (rng.choice(["passport number ", "passport no. "]), None),
        (f"{_upper(rng, 1)}{_digits(rng, 8)}", "license_number"),
    ]


def _vin(rng: random.Random) -> str:
    alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return (
        rng.choice("123459JKSWYZ")
        + _upper(rng, 2, "ABCDEFGHJKLMNPRSTUVWXYZ")
        + "".join(rng.choice(alphabet) for _ in range(5))
        + str(rng.randint(0, 9))
        + _upper(rng, 1, "ABCDEFGHJKLMNPRSTVWXY")
        + _upper(rng, 1)
        + _digits(rng, 6)
    )


def _vehicle(rng: random.Random) -> list[Segment]:
    form = rng.randrange(5)
    if form == 0:
        return [(rng.choice(["VIN ", "VIN: ", "VIN# "]), None), (_vin(rng), "vehicle_id")]
    if form == 1:
        return [("the car's VIN is ", None), (_vin(rng), "vehicle_id")]
    plate = rng.choice(
        [
            f"{rng.randint(1, 9)}{_upper(rng, 3)}{_digits(rng, 3)}",
            f"{_upper(rng, 3)}-{_digits(rng, 4)}",
            f"{_upper(rng, 3)} {_digits(rng, 4)}",
            f"{_upper(rng, 2)}{_digits(rng, 2)} {_upper(rng, 3)}",
            f"{_digits(rng, 3)}-{_upper(rng, 3)}",
        ]
    )
    label = rng.choice(["license plate ", "plate number ", "plate ", "licence plate ", "plates "])
    return [(label, None), (plate, "vehicle_id")]


def _device(rng: random.Random) -> list[Segment]:
    form = rng.randrange(7)
    if form == 0:
        return [
            (rng.choice(["serial number ", "serial # ", "Serial No. ", "pump serial "]), None),
            (
                rng.choice(
                    [
                        f"SN-{_digits(rng, 4)}-{_digits(rng, 2)}",
                        f"{_digits(rng, 2)}-{_digits(rng, 4)}-{_digits(rng, 2)}",
                        f"{_upper(rng, 3)}{_digits(rng, 7)}",
                    ]
                ),
                "device_id",
            ),
        ]
    if form == 1:
        return [
            (rng.choice(["S/N: ", "S/N ", "SN: "]), None),
            (f"{_digits(rng, 3)}{_upper(rng, 3)}{_digits(rng, 3)}", "device_id"),
        ]
    if form == 2:
        return [
            ("pacemaker serial no. ", None),
            (f"{_upper(rng, 3)}{_digits(rng, 7)}", "device_id"),
        ]
    if form == 3:
        return [
            (rng.choice(["device ID ", "device id: "]), None),
            ("".join(rng.choice("0123456789ABCDEF") for _ in range(10)), "device_id"),
        ]
    if form == 4:
        return [("IMEI ", None), (_luhn_complete("35" + _digits(rng, 12)), "device_id")]
    if form == 5:
        mac = ":".join("".join(rng.choice("0123456789ABCDEF") for _ in range(2)) for _ in range(6))
        return [(rng.choice(["MAC address ", "the monitor's MAC is "]), None), (mac, "device_id")]
    return [
        (rng.choice(["CGM transmitter ID ", "hearing aid serial number "]), None),
        (f"{rng.randint(1, 9)}{_upper(rng, 1)}{_digits(rng, 4)}", "device_id"),
    ]


def _url(rng: random.Random, p: Persona) -> str:
    f, last = _ascii(p.first).lower(), _ascii(p.last.replace(" ", "")).lower().replace("'", "")
    return rng.choice(
        [
            f"https://mychart.examplehealth.org/patients/{_digits(rng, 6)}",
            f"www.facebook.com/{f}.{last}.{rng.randint(1, 99)}",
            f"http://{f}{last}.blogspot.com",
            f"instagram.com/{f}_{last}",
            f"https://www.linkedin.com/in/{f}-{last}-{_digits(rng, 4)}",
            f"gofundme.com/f/help-{f}-{last}",
            f"https://portal.clinic-example.com/visit?id={_digits(rng, 8)}&user={f}",
            f"https://drive.google.com/file/d/{_upper(rng, 6)}{_digits(rng, 6)}/view",
            f"www.caringbridge.org/visit/{f}{last}",
        ]
    )


def _hex_groups(rng: random.Random, n: int) -> str:
    return ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(n))


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(
            [
                "2001:db8:" + _hex_groups(rng, 1) + "::" + _hex_groups(rng, 2),
                "fe80::" + _hex_groups(rng, 4),
                _hex_groups(rng, 8),
            ]
        )
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def _street(rng: random.Random) -> str:
    number = rng.choice(
        [
            str(rng.randint(1, 99)),
            str(rng.randint(100, 9999)),
            str(rng.randint(10000, 29999)),
            f"{rng.randint(1, 400)}{rng.choice('ABC')}",
        ]
    )
    direction = rng.choice(["", "", "", "", "N. ", "S ", "West ", "East ", "NW "])
    name = rng.choice(STREETS)
    suffix = rng.choice(STREET_SUFFIXES)
    return f"{number} {direction}{name} {suffix}"


def _address(rng: random.Random, p: Persona, *, with_city: float = 0.6) -> list[Segment]:
    if rng.random() < 0.08:
        street = f"{rng.choice(['PO Box', 'P.O. Box', 'Post Office Box'])} {rng.randint(10, 9999)}"
    elif rng.random() < 0.05:
        street = f"{rng.randint(100, 2000)} Broadway"
    else:
        street = _street(rng)
    unit = rng.choice(
        [
            "",
            "",
            "",
            f", Apt {rng.randint(1, 40)}{rng.choice(['', 'B', 'C'])}",
            f" Apt. {rng.randint(1, 500)}",
            f", Unit {rng.randint(1, 30)}",
            f", Suite {rng.randint(100, 900)}",
            f" #{rng.randint(1, 60)}",
        ]
    )
    city, abbr, state = p.city
    if rng.random() >= with_city:
        return [(street + unit, "street_address")]
    zipcode = f"{rng.randint(10000, 99899):05d}" + (
        f"-{_digits(rng, 4)}" if rng.random() < 0.2 else ""
    )
    sep = rng.choice([", ", ", ", " "])
    st = abbr if rng.random() < 0.8 else state
    segs: list[Segment] = [
        (f"{street}{unit}{sep}{city}", "street_address"),
        (f", {st}" if sep == ", " else f" {st}", None),
    ]
    if rng.random() < 0.85:
        segs += [(" ", None), (zipcode, "zip_code")]
    return segs


def _age_old(rng: random.Random, who: str) -> list[Segment]:
    n = str(rng.randint(90, 104))
    form = rng.randrange(11)
    if form == 0:
        return [(f"my {who} is a ", None), (n, "age_over_89"), ("-year-old", None)]
    if form == 1:
        return [(f"my {who}, ", None), (n, "age_over_89"), (" years old,", None)]
    if form == 2:
        return [(f"my {who} (aged ", None), (n, "age_over_89"), (")", None)]
    if form == 3:
        return [(f"my {who}, age ", None), (n, "age_over_89"), (",", None)]
    if form == 4:
        return [("my ", None), (n, "age_over_89"), (f" year old {who}", None)]
    if form == 5:
        return [(f"my {who} who is ", None), (n, "age_over_89")]
    if form == 6:
        return [(f"my {who} just turned ", None), (n, "age_over_89"), (" and", None)]
    if form == 7:
        return [(f"my {who} (", None), (n, "age_over_89"), (" y/o)", None)]
    if form == 8:
        return [(f"my {who}, ", None), (n, "age_over_89"), ("yo,", None)]
    if form == 9:
        return [(f"my {who} is ", None), (n, "age_over_89"), (" years of age and", None)]
    return [(f"my {who}, who is ", None), (n, "age_over_89"), (" now,", None)]


def _name_full(rng: random.Random, p: Persona) -> list[Segment]:
    form = rng.randrange(10)
    if form < 5:
        return [(f"{p.first} {p.last}", "name")]
    if form < 7:
        return [(f"{p.first} {p.middle[0]}. {p.last}", "name")]
    if form == 7:
        return [(f"{p.first} {p.middle} {p.last}", "name")]
    if form == 8:
        return [(f"{p.first} {p.middle[0]} {p.last}", "name")]
    return [(f"{p.first[0]}. {p.last}", "name")]


def _doctor(rng: random.Random, p: Persona) -> list[Segment]:
    title = rng.choice(["Dr. ", "Dr ", "Doctor ", "Dr. ", "dr "])
    if rng.random() < 0.2:
        return [(title, None), (f"{rng.choice(FIRST_NAMES)} {p.doctor}", "name")]
    return [(title, None), (p.doctor, "name")]


# --------------------------------------------------------------------------------------------
# Templates. A template is a function of (rng, persona) that returns segments.

Template = Callable[[random.Random, Persona], list[Segment]]


def _k(text: str) -> Segment:
    return (text, "keep")


def _t(text: str, label: str | None = None) -> Segment:
    return (text, label)


def _portal_1(r: random.Random, p: Persona) -> list[Segment]:
    greeting = r.choice(["Hi ", "Hello ", "Dear ", "Good morning "])
    return [
        _t(greeting),
        *_doctor(r, p),
        _t(r.choice([",\n", ", ", " - "])),
        _t("this is "),
        *_name_full(r, p),
        _t(r.choice([" (DOB ", ", date of birth ", ", born "])),
        *_date(r, p.birth),
        _t(r.choice([")", ""])),
        _t(". I've had "),
        _k(r.choice(SYMPTOMS)),
        _t(" "),
        _k(_duration(r)),
        _t(" and my "),
        _k(_lab(r)),
        _t(" at the last check. "),
        _k(r.choice(SENTENCE_STARTS)),
        _t(r.choice(["\nThanks,\n", "\n\nThank you,\n", "\nBest regards,\n", " Thanks! ", "\n- "])),
        _t(p.first, "name"),
    ]


def _portal_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Can you call me back at "),
        _t(_phone(r), "phone"),
        _t("? I'm worried about my "),
        _k(r.choice(CONDITIONS)),
        _t(". The new "),
        _k(_dose(r)),
        _t(" is making me dizzy. I saw "),
        *_doctor(r, p),
        _t(" on "),
        *_date(r, p.visit),
        _t(". "),
        *_mrn(r),
        _t("."),
    ]


def _portal_3(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(r.choice(["My name is ", "my name is ", "Hi, my name is ", "Hello, I am "])),
        *_name_full(r, p),
        _t(" and I was diagnosed with "),
        _k(r.choice(EPONYMS)),
        _t(" "),
        _k(_duration(r)),
        _t(". Please email me at "),
        _t(_email(r, p), "email"),
        _t(r.choice([" or text ", " or call my cell ", ", or phone "])),
        _t(_phone(r), "phone"),
        _t("."),
    ]


def _portal_4(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("I need a refill of my "),
        _k(_dose(r)),
        _t(". Please send it to the pharmacy near my home at "),
        *_address(r, p),
        _t(". "),
        *_plan(r),
        _t(r.choice([". Thanks, ", ". Regards, ", ".\nSincerely,\n"])),
        *_name_full(r, p),
    ]


def _portal_5(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _k(r.choice(SENTENCE_STARTS)),
        _t(" I have "),
        _k(r.choice(EPONYMS)),
        _t(" and my "),
        _k(_lab(r)),
        _t(". The appointment on "),
        *_date(r, p.visit),
        _t(" with "),
        *_doctor(r, p),
        _t(" was moved. My fax is "),
        _t(_phone(r), "fax"),
        _t(r.choice([" if you need to send forms.", ".", " (home office)."])),
    ]


def _portal_6(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("I uploaded my results to "),
        _t(_url(r, p), "url"),
        _t(r.choice([" - ", ". ", " and "])),
        _k(_lab(r)),
        _t(" and "),
        _k(_lab(r)),
        _t(r.choice([". Is that okay for someone ", ". Is that normal at "])),
        _k(_young_age(r)),
        _t("?"),
    ]


def _note_1(r: random.Random, p: Persona) -> list[Segment]:
    name = r.choice(
        [
            [(f"{p.last.upper()}, {p.first.upper()}", "name")],
            [(f"{p.last}, {p.first}", "name")],
            _name_full(r, p),
        ]
    )
    return [
        _t(r.choice(["Patient: ", "Pt: ", "Name: ", "PATIENT NAME: "])),
        *name,
        _t(r.choice(["   ", "\n", " | "])),
        *_mrn(r),
        _t(r.choice(["   DOB: ", "\nDOB: ", " | D.O.B. "])),
        *_date(r, p.birth),
        _t("\nHPI: "),
        _k(_young_age(r)),
        _t(" with "),
        _k(r.choice(CONDITIONS)),
        _t(" and "),
        _k(r.choice(EPONYMS)),
        _t(", presents with "),
        _k(r.choice(SYMPTOMS)),
        _t(" "),
        _k(_duration(r)),
        _t(". Vitals: "),
        _k(_lab(r)),
        _t(", "),
        _k(_lab(r)),
        _t(". Plan: continue "),
        _k(_dose(r)),
        _t("."),
    ]


def _note_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(r.choice(["Seen in clinic on ", "Admitted ", "Date of service: ", "Discharged on "])),
        *_date(r, p.visit),
        _t(". "),
        *_name_full(r, p),
        _t(" is a "),
        _t(str(r.randint(90, 103)), "age_over_89"),
        _t(r.choice(["-year-old", " y/o", " yo"])),
        _t(r.choice([" woman", " man", " female", " male"])),
        _t(" with "),
        _k(r.choice(EPONYMS)),
        _t(". Lives at "),
        *_address(r, p),
        _t(". Contact daughter "),
        _t(r.choice(FIRST_NAMES), "name"),
        _t(" at "),
        _t(_phone(r), "phone"),
        _t(". Pacemaker "),
        *_device(r),
        _t("."),
    ]


def _note_3(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Mr. " if r.random() < 0.5 else "Mrs. "),
        _t(p.last, "name"),
        _t(r.choice([" returns for follow-up.", " was seen today."])),
        _t(" Labs "),
        *_date(r, p.visit),
        _t(": "),
        _k(_lab(r)),
        _t(", "),
        _k(_lab(r)),
        _t(". "),
        _k(r.choice(EPONYMS)),
        _t(" stable. Referred by "),
        *_doctor(r, p),
        _t(" (NPI "),
        _t(_digits(r, 10), "license_number"),
        _t("). Insurance: "),
        *_plan(r),
        _t(". Follow up "),
        *_date(r, p.visit + dt.timedelta(days=r.randint(7, 90))),
        _t("."),
    ]


def _note_4(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Telehealth visit from IP "),
        _t(_ip(r), "ip_address"),
        _t(r.choice([". ", "; "])),
        _t("Pt "),
        *_name_full(r, p),
        _t(", "),
        _k(_young_age(r)),
        _t(", reports "),
        _k(r.choice(SYMPTOMS)),
        _t(". Started "),
        _k(_dose(r)),
        _t(" on "),
        *_date(r, p.visit),
        _t(". Insulin pump "),
        *_device(r),
        _t(". "),
        *_ssn(r),
        _t(" on file."),
    ]


def _consumer_1(r: random.Random, p: Persona) -> list[Segment]:
    first, *rest = _age_old(r, r.choice(OLD_RELATIONS))
    return [
        _t(first[0][0].upper() + first[0][1:]),
        *rest,
        _t(r.choice([" has ", " was just diagnosed with ", " is struggling with "])),
        _k(r.choice(EPONYMS + CONDITIONS)),
        _t(". Is "),
        _k(_dose(r)),
        _t(" safe for her? "),
        _k(r.choice(SENTENCE_STARTS)),
    ]


def _consumer_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(r.choice(["I'm ", "I am ", "Hi I'm "])),
        _t(p.first, "name"),
        _t(r.choice([", ", " and I'm ", ". I'm "])),
        _k(str(r.randint(18, 85))),
        _t(r.choice([" and ", ", "])),
        _t("my "),
        _k(_lab(r)),
        _t(" came back high. My doctor, "),
        *_doctor(r, p),
        _t(r.choice([", wants me on ", ", suggested "])),
        _k(r.choice(DRUGS)),
        _t(". What does "),
        _k(r.choice(CONDITIONS)),
        _t(" mean? You can reach me at "),
        _t(_email(r, p), "email"),
        _t("."),
    ]


def _consumer_3(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Does "),
        _k(r.choice(EPONYMS)),
        _t(" run in families? My "),
        _t(p.relation),
        _t(" "),
        _t(p.relative, "name"),
        _t(r.choice([" was diagnosed ", " found out ", " got the diagnosis "])),
        *_date(r, p.visit),
        _t(" and now I have "),
        _k(r.choice(SYMPTOMS)),
        _t(" in my "),
        _k(r.choice(BODY)),
        _t(". I'm "),
        _k(str(r.randint(20, 70))),
        _t("."),
    ]


def _consumer_4(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Question about "),
        _k(r.choice(EPONYMS)),
        _t(": my insurance ("),
        *_plan(r),
        _t(") denied "),
        _k(r.choice(DRUGS)),
        _t(". They said call "),
        _t(_phone(r), "phone"),
        _t(" or fax the appeal to "),
        _t(_phone(r), "fax"),
        _t(". My zip code is "),
        _t(f"{r.randint(10000, 99899):05d}", "zip_code"),
        _t("."),
    ]


def _consumer_5(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(r.choice(["Got into a car accident ", "Was rear-ended "])),
        *_date(r, p.visit),
        _t(" and hurt my "),
        _k(r.choice(BODY)),
        _t(". The other driver's "),
        *_vehicle(r),
        _t(". My "),
        *_license(r),
        _t(". Is "),
        _k(r.choice(SYMPTOMS)),
        _t(" normal after whiplash? "),
        _k(r.choice(SENTENCE_STARTS)),
    ]


def _caregiver_1(r: random.Random, p: Persona) -> list[Segment]:
    rel = r.choice(["son", "daughter", "toddler", "baby", "little girl", "little boy"])
    return [
        _t(f"My {rel} "),
        _t(p.relative, "name"),
        _t(r.choice([" (", ", "])),
        _k(f"{r.randint(1, 12)} years old"),
        _t(r.choice([") ", ", "])),
        _t("has had "),
        _k(
            r.choice(
                [
                    "a fever of 102.5 F",
                    "a barking cough",
                    "ear pain",
                    "vomiting",
                    "a rash on her legs",
                ]
            )
        ),
        _t(" "),
        _k(_duration(r)),
        _t(". Could it be "),
        _k(
            r.choice(
                [
                    "Kawasaki disease",
                    "strep throat",
                    "RSV",
                    "Lyme disease",
                    "hand, foot and mouth disease",
                ]
            )
        ),
        _t("? We see "),
        *_doctor(r, p),
        _t(r.choice([" at the clinic on ", " at "])),
        *_address(r, p, with_city=0.3),
        _t("."),
    ]


def _caregiver_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("I take care of "),
        *_age_old(r, r.choice(OLD_RELATIONS)),
        _t(" who has "),
        _k(r.choice(EPONYMS)),
        _t(" and "),
        _k(r.choice(CONDITIONS)),
        _t(". "),
        _t(p.relative, "name"),
        _t(r.choice([" keeps forgetting her ", " refuses his ", " can't swallow the "])),
        _k(_dose(r)),
        _t(". Her "),
        *_account(r),
        _t(" at the pharmacy is on file. "),
        _k(r.choice(SENTENCE_STARTS)),
    ]


def _caregiver_3(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Update on "),
        _t(f"{p.relative} {p.last}", "name"),
        _t(": discharged "),
        *_date(r, p.visit),
        _t(" after "),
        _k(r.choice(["a hip fracture", "pneumonia", "a TIA", "a fall", "sepsis"])),
        _t(". Home nurse "),
        _t(r.choice(FIRST_NAMES), "name"),
        _t(r.choice([" comes ", " visits "])),
        _k(r.choice(["twice a week", "every Monday", "daily"])),
        _t(". Her Medicare "),
        *_plan(r)[1:],
        _t(". Wifi hub at "),
        _t(_ip(r), "ip_address"),
        _t(" sends the "),
        _k(r.choice(["Holter monitor", "CGM", "pulse oximeter"])),
        _t(" data."),
    ]


def _caregiver_4(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Hi, "),
        _t(p.first, "name"),
        _t(" here, "),
        _t(p.relative, "name"),
        _t("'s "),
        _t(r.choice(["mom", "dad", "guardian"])),
        _t(". "),
        _t(p.relative, "name"),
        _t(" was diagnosed with "),
        _k(r.choice(EPONYMS)),
        _t(" "),
        *_date(r, p.visit),
        _t(". Her school nurse asked for the "),
        *_mrn(r),
        _t(". Fundraiser: "),
        _t(_url(r, p), "url"),
        _t("."),
    ]


TRICKY_KEEP = [
    "vitamin B12 1000 mcg",
    "CD4 count 350",
    "HLA-B27",
    "BRCA1",
    "ICD-10 E11.9",
    "type 1 diabetes",
    "stage 3 CKD",
    "grade 2 sprain",
    "pain 7/10",
    "1/2 tablet",
    "Medicare Part D",
    "Plan B",
    "Hep B vaccine",
    "T-score -2.5",
    "PHQ-9 score of 14",
    "ESR 45 mm/hr",
    "INR 2.5",
    "10,000 steps",
    "Apple Watch",
    "Mayo Clinic",
    "Johns Hopkins",
    "Kaiser",
    "in my 60s",
    "at 3:30 pm",
    "every 4-6 hours",
    "2-3 times a week",
    "from 8/10 to 4/10",
    "since age 12",
    "St. John's wort",
    "COVID-19 booster",
    "Shingrix",
    "Tdap",
    "PSA of 4.1",
    "a 20 pack-year history",
    "5'6\"",
    "Zone 2 cardio",
    "Type A blood",
    "vitamin D3 2000 IU",
    "Lyme disease",
    "West Nile virus",
    "BP 120/80 on 3 meds",
    "heart rate 72",
    "ejection fraction 35%",
    "BMI 27",
    "C-section",
    "Epi-Pen",
    "hepatitis C",
    "group B strep",
    "the Heimlich maneuver",
    "a Holter monitor",
    "Dexcom G7",
    "Omnipod 5",
]
PLACES = [
    "Walgreens",
    "CVS",
    "the Mayo Clinic",
    "Kaiser",
    "urgent care",
    "the ER",
    "Quest",
    "LabCorp",
]


def _phone_cued(r: random.Random) -> list[Segment]:
    cue = r.choice(
        [
            "call me at ",
            "my cell is ",
            "phone: ",
            "Phone ",
            "text me on ",
            "reach me at ",
            "my number is ",
            "tel. ",
            "Mobile: ",
            "you can call ",
            "ring me on ",
        ]
    )
    return [_t(cue), _t(_phone(r), "phone")]


def _portal_7(r: random.Random, p: Persona) -> list[Segment]:
    other = r.choice(FIRST_NAMES)
    opener = r.choice(
        [
            [
                _t("I spoke to "),
                _t(other, "name"),
                _t(" at the front desk and she said to message you."),
            ],
            [
                _t("Can "),
                _t(other, "name"),
                _t(" pick up my prescription at "),
                _k(r.choice(PLACES)),
                _t("?"),
            ],
            [
                _t("Last time "),
                _t(p.doctor, "name"),
                _t(" said my "),
                _k(_lab(r)),
                _t(" was fine."),
            ],
            [_t("Please ask "), _t(other, "name"), _t(" about my refill.")],
            [_t("I called "), _t(p.doctor, "name"), _t("'s office twice.")],
        ]
    )
    return [
        *opener,
        _t(" "),
        _k(r.choice(TRICKY_KEEP)),
        _t(" and "),
        _k(r.choice(TRICKY_KEEP)),
        _t(r.choice([" - is that ok? ", ". Is that normal? ", ". "])),
        *_phone_cued(r),
        _t(r.choice(["\n\n", "\n", " "])),
        _t(r.choice(["-- ", "~", "— ", "Cheers, ", "Love, ", "xoxo "])),
        _t(r.choice([p.first, f"{p.first} {p.last}", p.first.lower()]), "name"),
    ]


def _portal_8(r: random.Random, p: Persona) -> list[Segment]:
    d = p.visit
    return [
        _t(
            r.choice(
                ["My appointment is on ", "Rescheduling from ", "I was seen on ", "Labs drawn "]
            )
        ),
        *([_t(f"{WEEKDAYS[d.weekday()][:3]} ")] if r.random() < 0.25 else []),
        _t(
            r.choice(
                [
                    f"{d.month}/{d.day}",
                    f"{MONTHS[d.month - 1][:3]} {_ordinal(d.day)}",
                    f"{d.month}/{d.day}",
                    f"{_ordinal(d.day)} {MONTHS[d.month - 1]}",
                    f"{MONTHS[d.month - 1][:3]}. '{d.year % 100:02d}",
                    f"{d.month:02d}.{d.day:02d}.{d.year % 100:02d}",
                    f"{MONTHS[d.month - 1]} {_ordinal(d.day)}-{_ordinal(min(d.day + 2, 28))}",
                ]
            ),
            "date",
        ),
        _t(r.choice([" but ", ". ", "; "])),
        _k(r.choice(TRICKY_KEEP)),
        _t(r.choice([" since ", " started in "])),
        _k(str(r.randint(2001, 2023))),
        _t(". Email "),
        _t(_email(r, p).capitalize() if r.random() < 0.3 else _email(r, p), "email"),
        _t(r.choice([" or ", ", or my site ", ". Portal: "])),
        _t(
            r.choice(
                [
                    f"mychart.examplehealth.org/{_digits(r, 5)}",
                    f"https://{_ascii(p.first).lower()}.example.net",
                ]
            ),
            "url",
        ),
        _t("."),
    ]


def _note_5(r: random.Random, p: Persona) -> list[Segment]:
    hdr = r.choice(
        [
            [_t("PATIENT: "), _t(f"{p.first.upper()} {p.middle[0]}. {p.last.upper()}", "name")],
            [_t("Pt name - "), _t(f"{p.last}, {p.first} {p.middle[0]}.", "name")],
            [_t("Re: "), _t(f"{p.first} {p.last}", "name")],
        ]
    )
    return [
        *hdr,
        _t(r.choice(["\nDOB ", " | DOB: ", "\nBorn "])),
        _t(
            r.choice(
                [
                    f"{p.birth.month}-{p.birth.day}-{p.birth.year % 100:02d}",
                    f"{p.birth.month:02d}.{p.birth.day:02d}.{p.birth.year}",
                    f"{p.birth.year}{p.birth.month:02d}{p.birth.day:02d}",
                    f"{MONTHS[p.birth.month - 1]} {p.birth.day} {p.birth.year}",
                ]
            ),
            "date",
        ),
        _t("\nAssessment: "),
        _k(r.choice(EPONYMS)),
        _t(", "),
        _k(r.choice(TRICKY_KEEP)),
        _t(". Seen with "),
        _t(r.choice(["wife ", "husband ", "son ", "daughter "])),
        _t(r.choice(FIRST_NAMES), "name"),
        _t(". Lives on "),
        _t(
            f"{r.choice(STREETS)} {r.choice(['Street', 'Avenue', 'Road', 'Lane', 'Drive'])}",
            "street_address",
        ),
        _t(r.choice([" near ", " in zip ", ", zip "])),
        _t(f"{r.randint(10000, 99899):05d}", "zip_code"),
        _t(". Fax results to "),
        _t(_phone(r), "fax"),
        _t(". Attending: "),
        _t(f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}", "name"),
        _t(", MD"),
    ]


def _note_6(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Care team: "),
        _t(f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}", "name"),
        _t(" (RN), "),
        _t(f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}", "name"),
        _t(" and Dr. "),
        _t(p.doctor, "name"),
        _t(". "),
        _k(_young_age(r)),
        _t(" seen "),
        *_date(r, p.visit),
        _t(" for "),
        _k(r.choice(CONDITIONS)),
        _t("; "),
        _k(_dose(r)),
        _t(". Nonagenarian mother, "),
        _t(str(r.randint(90, 99)), "age_over_89"),
        _t(
            r.choice(
                [", lives with patient.", " yrs old, lives with patient.", "y, lives with patient."]
            )
        ),
    ]


def _consumer_6(r: random.Random, p: Persona) -> list[Segment]:
    user = _ascii(p.first).lower()
    domain = r.choice(["gmail", "yahoo", "hotmail", "outlook"])
    return [
        _k(r.choice(SENTENCE_STARTS)),
        _t(" "),
        _k(r.choice(TRICKY_KEEP)),
        _t(" and "),
        _k(r.choice(EPONYMS)),
        _t(r.choice([". My sister ", ". My friend "])),
        _t(r.choice(FIRST_NAMES), "name"),
        _t(r.choice([" says ", " thinks ", " told me "])),
        _t("it's fine. Any good doctors near "),
        _t(f"{r.randint(10000, 99899):05d}", "zip_code"),
        _t("? email me: "),
        _t(
            r.choice(
                [
                    f"{user} at {domain} dot com",
                    f"{user}[at]{domain}.com",
                    f"{user} (at) {domain} (dot) com",
                ]
            ),
            "email",
        ),
    ]


def _consumer_7(r: random.Random, p: Persona) -> list[Segment]:
    n = str(r.randint(90, 104))
    age = r.choice(
        [
            [
                _t("At "),
                _t(n, "age_over_89"),
                _t(", my "),
                _t(r.choice(OLD_RELATIONS)),
                _t(" still walks daily"),
            ],
            [_t("My "), _t(n, "age_over_89"), _t(" yr old "), _t(r.choice(OLD_RELATIONS))],
            [_t("Grandpa turns "), _t(n, "age_over_89"), _t(" next week")],
            [_t("My "), _t(r.choice(OLD_RELATIONS)), _t(" (age "), _t(n, "age_over_89"), _t(")")],
            [
                _t("My "),
                _t(r.choice(OLD_RELATIONS)),
                _t(" is "),
                _t(n, "age_over_89"),
                _t(r.choice(["!", ".", " years young"])),
            ],
        ]
    )
    return [
        *age,
        _t(r.choice([" and has ", ". She has ", ". He has "])),
        _k(r.choice(EPONYMS)),
        _t(r.choice([". Is ", ". Can she take ", ". Should he stop "])),
        _k(r.choice(DRUGS)),
        _t("? We live at "),
        *_address(r, p, with_city=0.7),
        _t("."),
    ]


def _consumer_8(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(r.choice(["i'm ", "im ", "my name is ", "this is "])),
        _t(p.first.lower() if r.random() < 0.6 else p.first, "name"),
        _t(r.choice([" and ", ", ", " "])),
        _k(
            r.choice(
                [
                    "my a1c is 8.1",
                    "my bp is 150/95",
                    "i have type 2 diabetes",
                    "my ldl is 190",
                    "i've had a cough for 2 weeks",
                ]
            )
        ),
        _t(r.choice([". ", " - ", ", "])),
        _t("my dob is "),
        *_date(r, p.birth),
        _t(" and my ssn is "),
        *_ssn(r)[-1:],
        _t(r.choice([" if you need it lol", " for the form", ""])),
    ]


def _caregiver_5(r: random.Random, p: Persona) -> list[Segment]:
    child = r.choice(
        ["Addison", "Grace", "Will", "Hope", "Summer", "Mark", "Wilson", "Paige", "Bell", "Parker"]
    )
    return [
        _t("My "),
        _t(r.choice(["daughter ", "son ", "kid ", "granddaughter "])),
        _t(child, "name"),
        _t(r.choice([" has ", " was diagnosed with ", " might have "])),
        _k(r.choice(EPONYMS)),
        _t(". "),
        _k(r.choice(SENTENCE_STARTS)),
        _t(" "),
        _t(child, "name"),
        _t(r.choice([" also has ", " gets "])),
        _k(r.choice(SYMPTOMS)),
        _t(". Her pediatrician is "),
        *_doctor(r, p),
        _t("."),
    ]


def _caregiver_6(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(r.choice(["Dad's ", "Mom's ", "My husband's "])),
        _t("insulin pump ("),
        _k(r.choice(["Omnipod 5", "Tandem t:slim X2", "Medtronic 780G"])),
        _t(r.choice([", SN ", ", serial ", " S/N "])),
        _t(f"{_upper(r, 2)}{_digits(r, 6)}", "device_id"),
        _t(") alarms at night. "),
        _t(r.choice(["His ", "Her "])),
        _t("car ("),
        _t(r.choice(["plate ", "tag "])),
        _t(f"{_upper(r, 3)}{_digits(r, 4)}", "vehicle_id"),
        _t(") is at the clinic lot on "),
        *_address(r, p, with_city=0.5),
        _t(". Account "),
        _t(_digits(r, 10), "account_number"),
        _t("."),
    ]


UK_TOWNS = [
    "Leeds",
    "Bristol",
    "York",
    "Brighton",
    "Cardiff",
    "Glasgow",
    "Norwich",
    "Bath",
    "Milton Keynes",
]
CA_CITIES = [
    ("Toronto", "ON"),
    ("Ottawa", "ON"),
    ("Vancouver", "BC"),
    ("Calgary", "AB"),
    ("Halifax", "NS"),
]


def _uk_postcode(r: random.Random) -> str:
    return (
        f"{_upper(r, 2)}{r.randint(1, 20)} {r.randint(1, 9)}{_upper(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}"
    )


def _address_world(r: random.Random, p: Persona) -> list[Segment]:
    """Addresses as people write them outside the tidy one-line US form."""
    form = r.randrange(6)
    suffix = r.choice(["Road", "Close", "Crescent", "Lane", "Gardens", "Street"])
    street = f"{r.randint(1, 300)} {r.choice(STREETS)} {suffix}"
    if form == 0:  # UK: street, town POSTCODE
        return [
            (f"{street}, {r.choice(UK_TOWNS)}", "street_address"),
            (" ", None),
            (_uk_postcode(r), "zip_code"),
        ]
    if form == 1:  # UK flat first
        return [
            (f"Flat {r.randint(1, 20)}, {street}, {r.choice(UK_TOWNS)}", "street_address"),
            (" ", None),
            (_uk_postcode(r), "zip_code"),
        ]
    city, abbr, _ = p.city
    zipcode = f"{r.randint(10000, 99899):05d}"
    if form == 2:  # two lines
        return [
            (f"{_street(r)}\n{city}", "street_address"),
            (f", {abbr} ", None),
            (zipcode, "zip_code"),
        ]
    if form == 3:  # unit first
        unit = r.choice(["Apt 4B", "Apt. 12", "Unit 7", "Suite 210", "#3"])
        return [
            (f"{unit}, {_street(r)}, {city}", "street_address"),
            (f", {abbr} ", None),
            (zipcode, "zip_code"),
        ]
    if form == 4:  # Canada
        ca_city, province = r.choice(CA_CITIES)
        letters = "ABCEGHJKLMNPRSTVXY"
        code = (
            f"{r.choice('KLMNTVH')}{r.randint(1, 9)}{r.choice(letters)} "
            f"{r.randint(1, 9)}{r.choice(letters)}{r.randint(1, 9)}"
        )
        return [
            (f"{_street(r)}, {ca_city}", "street_address"),
            (f", {province} ", None),
            (code, "zip_code"),
        ]
    # all lower case, as typed on a phone
    return [
        (f"{_street(r).lower()}, {city.lower()}", "street_address"),
        (f" {abbr.lower()} ", None),
        (zipcode, "zip_code"),
    ]


def _consumer_9(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(
            r.choice(
                [
                    "Please mail my test kit to ",
                    "New address for my records: ",
                    "Ship the CPAP supplies to ",
                    "Send the referral letter to ",
                ]
            )
        ),
        *_address_world(r, p),
        _t(r.choice([". ", ", thanks. ", " - "])),
        _k(r.choice(TRICKY_KEEP)),
        _t(r.choice([" still the same.", " is why I ask.", "."])),
    ]


# ---- Held-out styles: scored, never inspected while improving the recogniser. ----


def _sms_1(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("hey its "),
        _t(f"{p.first.lower()}", "name"),
        _t(" again lol. my "),
        _k(r.choice(["a1c", "bp", "sugar", "ldl"])),
        _t(" was "),
        _k(r.choice(["7.9", "150/95", "240", "189"])),
        _t(" today smh. can u call me "),
        _t(_phone(r), "phone"),
        _t(" before "),
        *_date(r, p.visit),
        _t(" appt w "),
        _t("dr "),
        _t(p.doctor.lower(), "name"),
        _t(" thx"),
    ]


def _sms_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t(f"{p.first.lower()} {p.last.lower()}", "name"),
        _t(" here, cant log in to portal, my email "),
        _t(_email(r, p), "email"),
        _t(" dob "),
        *_date(r, p.birth),
        _t(". also need "),
        _k(r.choice(DRUGS).lower()),
        _t(" refill pls"),
    ]


def _sms_3(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("grandpa is "),
        _t(str(r.randint(90, 99)), "age_over_89"),
        _t(" and fell again, has "),
        _k(r.choice(["parkinsons", "alzheimers", "afib", "copd"])),
        _t(" .. we're at "),
        _t(_street(r).lower(), "street_address"),
        _t(" if the nurse can come, gate code is 4411"),
    ]


def _form_1(r: random.Random, p: Persona) -> list[Segment]:
    a = _address(r, p, with_city=1.0)
    return [
        _t("Name: "),
        _t(f"{p.first} {p.last}", "name"),
        _t("\nDate of Birth: "),
        *_date(r, p.birth),
        _t("\nAddress: "),
        *a,
        _t("\nPhone: "),
        _t(_phone(r), "phone"),
        _t("\nEmail: "),
        _t(_email(r, p), "email"),
        _t("\nReason for visit: "),
        _k(r.choice(EPONYMS)),
        _t(", "),
        _k(r.choice(SYMPTOMS)),
        _t("\nCurrent medications: "),
        _k(_dose(r)),
    ]


def _form_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Emergency contact: "),
        _t(f"{p.relative} {p.last}", "name"),
        _t(f" ({p.relation})\nContact phone: "),
        _t(_phone(r), "phone"),
        _t("\nInsurance "),
        *_plan(r),
        _t("\nSSN: "),
        *_ssn(r)[1:],
        _t("\nAllergies: "),
        _k(r.choice(["penicillin", "sulfa drugs", "latex", "peanuts"])),
        _t("\nPrimary physician: "),
        *_doctor(r, p),
    ]


def _letter_1(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Dear "),
        *_doctor(r, p),
        _t(",\n\nThank you for referring "),
        _t(r.choice(["Ms. ", "Mr. ", "Mrs. "])),
        _t(p.last, "name"),
        _t(", whom I saw on "),
        *_date(r, p.visit),
        _t(". She has a long history of "),
        _k(r.choice(EPONYMS)),
        _t(" and "),
        _k(r.choice(CONDITIONS)),
        _t(". Her "),
        _k(_lab(r)),
        _t(" was reassuring. I have started "),
        _k(_dose(r)),
        _t(".\n\nYours sincerely,\n"),
        _t(f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}", "name"),
        _t(", MD"),
    ]


def _letter_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("To whom it may concern,\n"),
        *_name_full(r, p),
        _t(", born "),
        *_date(r, p.birth),
        _t(", has been under my care for "),
        _k(r.choice(CONDITIONS)),
        _t(" since "),
        *_date(r, p.visit),
        _t(" and is fit to return to work. Please contact my office at "),
        _t(_phone(r), "phone"),
        _t(" (fax "),
        _t(_phone(r), "fax"),
        _t(").\n"),
        *_doctor(r, p),
    ]


def _intl_1(r: random.Random, p: Persona) -> list[Segment]:
    postcode = f"{_upper(r, 2)}{r.randint(1, 20)} {r.randint(1, 9)}{_upper(r, 2)}"
    return [
        _t("Patient "),
        *_name_full(r, p),
        _t(", NHS number "),
        _t(f"{_digits(r, 3)} {_digits(r, 3)} {_digits(r, 4)}", "medical_record_number"),
        _t(", seen "),
        *_date(r, p.visit, day_first=True),
        _t(". Address: "),
        _t(
            f"{r.randint(1, 200)} {r.choice(STREETS)} "
            f"{r.choice(['Road', 'Close', 'Crescent', 'Lane', 'Gardens'])}, "
            f"{r.choice(['Leeds', 'Bristol', 'Manchester', 'Cardiff'])}",
            "street_address",
        ),
        _t(" "),
        _t(postcode, "zip_code"),
        _t(". Tel "),
        _t(_phone(r, intl=True), "phone"),
        _t(". "),
        _k(_lab(r)),
        _t(", "),
        _k(r.choice(EPONYMS)),
        _t("."),
    ]


def _intl_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Hallo, ich bin "),
        *_name_full(r, p),
        _t(" - sorry, English: I live at "),
        _t(
            f"{r.choice(['Haupt', 'Linden', 'Berliner ', 'Garten', 'Schiller'])}"
            f"{r.choice(['straße', 'strasse', 'weg', 'str.'])} {r.randint(1, 120)}",
            "street_address",
        ),
        _t(", "),
        _t(f"{r.randint(10000, 99999)}", "zip_code"),
        _t(f" {r.choice(['Berlin', 'München', 'Köln', 'Hamburg'])}. Mobile "),
        _t(_phone(r, intl=True), "phone"),
        _t(". Since "),
        *_date(r, p.visit, day_first=True),
        _t(" I have "),
        _k(r.choice(SYMPTOMS)),
        _t(" and "),
        _k(_lab(r)),
        _t("."),
    ]


def _billing_1(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("I was billed twice for the "),
        _k(r.choice(["MRI", "colonoscopy", "echocardiogram", "A1C test", "Pap smear"])),
        _t(" on "),
        *_date(r, p.visit),
        _t(". "),
        *_account(r),
        _t(", claim for "),
        *_name_full(r, p),
        _t(". "),
        *_plan(r),
        _t(". Please respond to "),
        _t(_email(r, p), "email"),
        _t(" or mail to "),
        *_address(r, p, with_city=0.9),
        _t("."),
    ]


def _billing_2(r: random.Random, p: Persona) -> list[Segment]:
    return [
        _t("Invoice question: statement dated "),
        *_date(r, p.visit),
        _t(" lists "),
        _k(_dose(r)),
        _t(" for "),
        _t(r.choice(["Mrs. ", "Ms. ", "Mr. "])),
        *_name_full(r, p),
        _t(" but she is on "),
        _k(r.choice(DRUGS)),
        _t(". Login was from "),
        _t(_ip(r), "ip_address"),
        _t(". "),
        *_license(r),
        _t("."),
    ]


TEMPLATES: dict[str, tuple[Template, ...]] = {
    "portal": (
        _portal_1,
        _portal_2,
        _portal_3,
        _portal_4,
        _portal_5,
        _portal_6,
        _portal_7,
        _portal_8,
    ),
    "note": (_note_1, _note_2, _note_3, _note_4, _note_5, _note_6),
    "consumer": (
        _consumer_1,
        _consumer_2,
        _consumer_3,
        _consumer_4,
        _consumer_5,
        _consumer_6,
        _consumer_7,
        _consumer_8,
        _consumer_9,
    ),
    "caregiver": (
        _caregiver_1,
        _caregiver_2,
        _caregiver_3,
        _caregiver_4,
        _caregiver_5,
        _caregiver_6,
    ),
    "sms": (_sms_1, _sms_2, _sms_3),
    "form": (_form_1, _form_2),
    "letter": (_letter_1, _letter_2),
    "intl": (_intl_1, _intl_2),
    "billing": (_billing_1, _billing_2),
}


def _render(segments: list[Segment]) -> _Builder:
    b = _Builder()
    for text, label in segments:
        b.add(text, label)
    return b


def generate(size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> list[Sample]:
    """Generate ``size`` labelled samples; the same arguments always give the same corpus.

    Every sample draws from its own generator, seeded from ``seed`` and its index, so adding a
    template to one style leaves the samples of every other style exactly as they were.
    """
    styles = DEV_STYLES + HELDOUT_STYLES
    samples: list[Sample] = []
    for i in range(size):
        rng = random.Random(f"{seed}:{i}")
        style = styles[i % len(styles)]
        persona = _persona(rng)
        template = rng.choice(TEMPLATES[style])
        b = _render(template(rng, persona))
        samples.append(
            Sample(
                id=f"{style}-{i:04d}",
                style=style,
                split="dev" if style in DEV_STYLES else "heldout",
                text=b.text(),
                phi=tuple(b.phi),
                keep=tuple(b.keep),
            )
        )
    return samples


def iter_spans(samples: list[Sample]) -> Iterator[tuple[Sample, Span]]:
    for sample in samples:
        for span in sample.phi:
            yield sample, span


if __name__ == "__main__":
    for s in [s for s in generate(36) if s.split == "dev"]:
        print(f"--- {s.id}\n{s.text}")
        for span in s.phi:
            print(f"    {span.kind:>22}: {s.covered(span)!r}")
