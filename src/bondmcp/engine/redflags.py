"""Red-flag concepts: the second triage layer, after the phrase rules in ``triage``.

The phrase rules recognise whole wordings; people describe the same emergency in words
nobody listed ("something heavy is pressing on my breastbone"). The public "call 911/999
if..." lists (NHLBI, CDC, NHS, MedlinePlus, NIMH) are written as combinations of a few
ideas: a body site with a quality ("chest" + "pressure"), an onset with a deficit
("suddenly" + "can't lift her arm"), a person with a sign ("2 months old" + "feverish").
Here each idea is a small vocabulary (a ``Concept``) and each red flag a ``ConceptRule``:
all of its concepts must occur, un-negated, within a short span of the same sentence.

This module only finds the combinations; ``triage`` decides, with the same guards as its
phrase rules (negation, information requests, hypotheticals), whether one counts.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["emergency", "urgent", "routine"]


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    pattern: re.Pattern[str]
    #: Substrings of which at least one occurs in any match: a cheap test before the scan.
    keys: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class ConceptRule:
    category: str
    level: Level
    #: Every concept must match (un-negated) within ``span`` characters.
    concepts: tuple[Concept, ...]
    span: int = 100
    #: Whether the concepts may sit in different sentences ("He hit his head. Now he's
    #: throwing up.").
    across_sentences: bool = False
    #: Skip when the sentence describes a habit or an everyday trigger ("my lips go blue
    #: when I swim", "my chest hurts when I cough"): red flags are about something new.
    everyday_guard: bool = True
    #: Skip when the sentence places the events in the past ("two years ago").
    past_guard: bool = True
    #: Words that, in the same sentence, mean another explanation ("after the dentist").
    unless: re.Pattern[str] | None = None
    #: Skip in a conditional ("what should I do if my lips swell"). Off for a rule whose
    #: concepts say it has happened: "what happens if my 2 year old ate a tylenol" asks
    #: about something done.
    conditional_guard: bool = True


def required_substrings(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of ``pattern`` (lower-case), if known.

    Read from the parsed pattern: a literal run is needed by the sequence around it; an
    alternation needs one of its branches' needs; a repeat needs what its item needs unless
    it may repeat zero times. None when nothing is needed for sure (or the parser is not
    there): then the caller always runs the pattern.
    """
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - other Python implementations
        return None
    literal, subpattern, branch = constants.LITERAL, constants.SUBPATTERN, constants.BRANCH
    repeats = {
        constants.MAX_REPEAT,
        constants.MIN_REPEAT,
        getattr(constants, "POSSESSIVE_REPEAT", None),
    }

    def needs(sequence: Any) -> frozenset[str] | None:
        options: list[frozenset[str]] = []
        run: list[str] = []
        for op, argument in sequence:
            if op is literal:
                run.append(chr(argument))
                continue
            if run:
                options.append(frozenset({"".join(run).lower()}))
                run = []
            found: frozenset[str] | None = None
            if op is subpattern:
                found = needs(argument[3])
            elif op is branch:
                branches = [needs(item) for item in argument[1]]
                if all(b is not None for b in branches):
                    found = frozenset().union(*(b for b in branches if b is not None))
            elif op in repeats and argument[0] >= 1:
                found = needs(argument[2])
            if found:
                options.append(found)
        if run:
            options.append(frozenset({"".join(run).lower()}))
        if not options:
            return None
        return max(options, key=lambda option: (min(map(len, option)), -len(option)))

    found = needs(parser.parse(pattern, 0))
    return tuple(sorted(found)) if found else None


def _concept(name: str, *alternatives: str) -> Concept:
    """A vocabulary, matched at the start of a word in lower-cased text."""
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")")
    return Concept(name, pattern, required_substrings(pattern.pattern))


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")")


def _gap(n: int) -> str:
    """Up to n words that are not a negation ("neck isn't stiff" must not read "neck stiff")."""
    return (
        r"(?:(?!(?:not|no|never|isn'?t|aren'?t|wasn'?t|doesn'?t|don'?t|hasn'?t|haven'?t|without)\b)[\w']+ ){0,"
        + (f"{n}}}")
    )


NUMBER_5_PLUS = r"(?:[5-9]|[1-9]\d|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty)"
NUMBER_10_PLUS = (
    r"(?:[1-9]\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|dozens?|a dozen|hundred)"
)
INFANT_NUMBER = r"(?:[0-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
POSSESSIVE = r"(?:my|his|her|their|the|your|our|a|an)"

#: "end it with my boyfriend": ending a relationship, not a life.
NOT_A_RELATIONSHIP = (
    r"(?! (?:with|between) (?:(?:my|his|her|their|this|that|the|our) )?(?:boy ?friend|girl ?friend|bf|gf|"
    r"husband|wife|partner|fianc\w*|ex|guy|girl|man|woman|lover|relationship|job|boss|friends?|mates?)\b)"
    r"(?! (?:with|between) (?:him|her|them|us)\s*(?:$|[.,!?;]|(?:and|but|because|cos|as|since|so)\b))"
)

#: "die of embarrassment": a figure of speech.
NOT_FIGURATIVE = (
    r"(?! (?:of|from|with) (?:embarrassment|shame|laughter|laughing|boredom|cringe|happiness|envy|"
    r"jealousy)\b)"
)

# --- Onset, severity, people -------------------------------------------------------------

_SUDDEN_WORDS = (
    r"sudden\w*",
    r"all of a sudden",
    r"out of (?:nowhere|the blue)",
    r"without (?:any )?warning",
    r"abrupt\w*",
    r"instant\w*",
    r"in an instant",
    r"(?:a few|a couple of|\d+|five|ten|fifteen|twenty|thirty) min\w* ago",
    r"just (?:now|started|happened|came on)",
    r"came on (?:fast|quickly|all at once|in seconds)",
    r"started (?:all at once|in seconds)",
    r"in (?:a|one) (?:split )?second\b",
    r"(?:in|within) (?:a few |a couple of )?seconds",
)
SUDDEN = _concept("sudden", *_SUDDEN_WORDS)
SEVERE_HEAD = _concept(
    "severe",
    r"worst",
    r"massive",
    r"most (?:severe|painful|intense|excruciating|agonising|agonizing)",
    r"severe\w*",
    r"excruciat\w*",
    r"agoni[sz]\w*",
    r"unbearable",
    r"blinding",
    r"explo\w*",
    r"10 ?(?:/|out of) ?10",
    r"ten out of ten",
    r"never (?:felt|had|experienced) (?:\w+ )?(?:pain )?like (?:it|this|that)",
    r"screaming",
    r"crippling",
    r"horrendous",
    r"horrific",
    r"thunderclap",
    r"like (?:a|being|getting) (?:hit|struck|kicked|whacked|smacked|punched|hammered|clubbed)",
    r"agony",
    r"crush\w*",
)
#: Plain words for a bad headache, which count only with a plainly sudden onset.
VERY_BAD = _concept("very bad", r"(?:really|very|extremely|incredibly|so) bad")
PLAINLY_SUDDEN = _concept(
    "plainly sudden",
    r"sudden\w*",
    r"all of a sudden",
    r"out of (?:nowhere|the blue)",
    r"without (?:any )?warning",
    r"came on (?:fast|quickly|all at once|in seconds)",
    r"(?:in|within) (?:a few |a couple of )?seconds",
)
SUPERLATIVE = _concept(
    "superlative",
    r"wors[te] (?:[\w']+ ){0,3}(?:ever|of (?:my|his|her|their) li(?:fe|ves)|i'?ve (?:ever )?(?:had|felt)|"
    r"(?:he|she)'?s (?:ever )?(?:had|felt))",
    r"most (?:severe|painful|intense|excruciating|agonising|agonizing) (?:[\w']+ ){0,4}(?:ever|i'?ve (?:ever )?"
    r"(?:had|felt)|(?:he|she)'?s (?:ever )?(?:had|felt))",
    r"never (?:felt|had|experienced) (?:anything|pain|a headache|a pain) like (?:it|this|that)",
    r"like nothing (?:i'?ve|he'?s|she'?s|they'?ve) (?:ever )?(?:had|felt)",
)
FEVER = _concept(
    "fever",
    r"fever\w*",
    r"temperature",
    r"temp\b",
    r"(?:is|feels?|felt|so|really|very|burning|boiling) (?:\w+ )?(?:hot|warm)\b",
    r"burning up",
    r"3[89](?:\.\d)?\b",
    r"40(?:\.\d)?\b",
    r"10[0-5](?:\.\d)?\b",
    r"pyrexi\w*",
)
#: "his temperature is normal", "feels warm but 36.8": not a fever.
NOT_A_FEVER = _words(
    # "his temperature is normal"; not the hedge "is it normal that...".
    r"(?<!is it )(?<!is this )(?<!is that )normal",
    r"36(?:\.\d)?\b",
    r"37(?:\.[0-4])?\b",
    r"low temp",
    r"room",
    r"nursery",
    r"bath",
    r"water",
    r"(?:hot[- ]water|hot|warm|warmed|heated|heating) (?:\w+ )?bottle",
    r"bottle (?:is|was|feels|felt|seems|too|warm|warmer|hot)\b",
    r"milk",
    r"formula",
    r"weather",
    r"outside",
    r"clothes",
    # clothes taken off and the temperature still high is a fever
    r"layers\b(?!.*\bstill\b)",
    r"dress\w*",
    r"blankets?",
    r"swaddl\w*",
    r"radiator",
    r"heat ?wave",
    r"summer",
)

# --- Heart attack (NHLBI) ----------------------------------------------------------------

CHEST = _concept(
    "chest",
    r"chest",
    r"breast ?bone",
    r"sternum",
)
RIBCAGE = _concept("ribcage", r"rib ?cage", r"ribs\b")
CHEST_QUALITY = _concept(
    "chest quality",
    r"pains?\b",
    r"chestpains?\b",
    r"painful",
    r"press\w*",
    r"tight\w*",
    r"heav\w*",
    r"crush\w*",
    r"squeez\w*",
    r"full(?:ness)?\b",
    r"discomfort",
    r"ach(?:e|es|ing|y)\b",
    r"hurt\w*",
    r"weight on",
    r"clench\w*",
    r"band\b",
    r"vi[cs]e\b",
    r"gripp\w*",
    r"constrict\w*",
    r"clamp\w*",
    r"clutch\w*",
    r"(?:elephant|weight|someone|something heavy) (?:[\w']+ ){0,2}(?:sitting|standing|pressing|kneeling|lying) on",
)
SQUEEZE_QUALITY = _concept(
    "squeeze",
    r"press\w*",
    r"tight\w*",
    r"heav\w*",
    r"crush\w*",
    r"squeez\w*",
    r"weight",
    r"clench\w*",
    r"band\b",
    r"vi[cs]e\b",
    r"gripp\w*",
    r"constrict\w*",
    r"clamp\w*",
)
HEART = _concept("heart", r"heart\b(?! ?(?:burn|rate|beat))", r"ticker")
#: NHS heart palpitations: call 999 with palpitations and fainting or blacking out.
PALPITATIONS = _concept(
    "palpitations",
    r"palpitations?",
    r"heart\b (?:[\w']+ ){0,4}(?:hammer\w*|racing|raced|pounding|pounded|thumping|thudding|going like)",
    r"(?:heart ?rate|pulse|heart) (?:[\w']+ ){0,5}(?:1[5-9]\d|2[0-4]\d)\b(?! ?(?:over|/))",
)
BLACKING_OUT = _concept(
    "fainting or blacking out",
    r"black(?:s|ing|ed)? out",
    r"faint(?:s|ed|ing)?\b",
    r"pass(?:es|ing|ed)? out",
    r"going to (?:faint|pass out|black out|collapse|keel over)",
    r"collaps\w*",
)
HEART_SQUEEZED = _concept(
    "squeezed",
    r"squeez\w*",
    r"crush\w*",
    r"wrung",
    r"wring\w*",
    r"vi[cs]e\b",
    r"clamp\w*",
    r"gripp\w*",
    r"constrict\w*",
    r"(?:being )?(?:stood|sat|pressed) on",
)
#: "My heart feels squeezed with grief": feelings, not the heart muscle.
HEART_FIGURATIVE = _words(
    r"grief",
    r"griev\w*",
    r"sad\w*",
    r"sorrow",
    r"love",
    r"heart-?broken",
    r"break ?up",
    r"broke up",
    r"miss\w*",
    r"lonel\w*",
    r"emotion\w*",
    r"guilt\w*",
)
ARM_OR_JAW = _concept("arm or jaw", r"jaw", r"(?:left )?arms?\b")
#: How an arm feels when a heart attack spreads to it: painful, numb, heavy, dead.
ARM_FEELING = _concept(
    "arm feeling",
    r"pains?\b",
    r"painful",
    r"ach(?:e|es|ing|y)\b",
    r"hurt\w*",
    r"numb\w*",
    r"dead\b",
    r"heav(?:y|iness)\b",
    r"tingl\w*",
)
PAIN = _concept(
    "pain",
    r"pains?\b",
    r"painful",
    r"ach(?:e|es|ing|y)\b",
    r"hurt\w*",
    r"throb\w*",
    r"killing (?:me|him|her|them)\b",
    r"doubled (?:over|up)",
    r"(?:in )?agony",
)
COLD_SWEAT = _concept(
    "cold sweat",
    r"cold sweat",
    r"clammy",
    r"sweat(?:ing|y)\b",
    r"drenched",
    r"grey\b",
    r"gray\b",
    r"ashen",
)
#: Sweating with an everyday cause: "night sweats", "after the gym".
SWEATS_EVERYDAY = _words(
    r"night", r"menopaus\w*", r"hot flush\w*", r"hot flash\w*", r"gym", r"exercis\w*", r"run\w*"
)
#: Chest pain with an everyday cause in the same sentence.
_CHEST_EVERYDAY_WORDS = (
    r"sore",
    r"hives",  # with hives, a tight chest is an allergic reaction (see anaphylaxis)
    r"muscles?",
    r"pecs?\b",
    r"pulled (?:a |my |his |her )?(?:muscle|something)",
    r"bruis\w*",
    r"gym",
    r"work ?out",
    r"bench",
    r"chest press",
    r"reps\b",
    r"sets\b",
    r"push-?ups",
    r"lifting weights",
    r"cough\w*",
    r"sneez\w*",
    r"phlegm",
    r"mucus",
    r"catarrh",
    r"congest\w*",
    r"infection",
    r"cold\b",
    r"flu\b",
    r"heartburn",
    r"indigestion",
    r"breast ?feed\w*",
    r"period",
    r"bra\b",
    r"press (?:on )?it",
    r"fell\b",
    r"falling",
    r"fall\b",
    r"injur\w*",
    r"crash\w*",
    r"accident",
    r"bike",
    r"fat\b",
    r"lose it",
)
CHEST_EVERYDAY = _words(*_CHEST_EVERYDAY_WORDS)
#: The same, and the skin of the chest and arms ("a rash on my chest and arms").
CHEST_AND_ARM_EVERYDAY = _words(
    *_CHEST_EVERYDAY_WORDS,
    r"rash\w*",
    r"itch\w*",
    r"spots?\b",
    r"acne",
    r"eczema",
    r"bites?\b",
    r"sunburn\w*",
    r"tattoo\w*",
    r"hair\w*",
    r"sle(?:ep|pt)\w*",
    r"lying on",
)

# --- Stroke (CDC) ------------------------------------------------------------------------

LIMB = _concept(
    "limb",
    r"arms?\b",
    r"legs?\b",
    r"hands?\b",
    r"foot\b",
    r"feet\b",
    r"side\b",
    r"fingers\b",
    r"face\b",
)
WEAKNESS = _concept(
    "weakness",
    r"weak\w*",
    r"numb\w*",
    r"dead\b",
    r"limp\b",
    r"flopp\w*",
    r"paraly\w*",
    r"(?:can'?t|cannot|couldn'?t|unable to) (?:lift|raise|move|feel|grip|hold|use)",
    r"won'?t (?:move|work|lift|do anything|do what|do as|obey|listen|cooperate)",
    r"(?:stopped|stops|not) working",
    r"(?:gave|giving|gives) way",
    r"useless",
    r"no strength",
    r"lost (?:the |all )?(?:feeling|strength|use)",
)
FACE = _concept(
    "face",
    r"face\b",
    r"mouth\b",
    r"smile\b",
    r"lips?\b",
    r"cheek\b",
)
DROOP = _concept(
    "droop",
    r"droop\w*",
    r"sag\w*",
    r"hanging",
    r"hangs",
    r"slid\b",
    r"slipp\w*",
    r"dropp\w*",
    r"fallen",
    r"lopsided",
    r"crooked",
    r"uneven",
    r"wonky",
    r"(?:won'?t|doesn'?t|can'?t) move",
    r"not moving",
    r"stopped moving",
    r"one[- ]sided",
    r"twisted",
)
#: A face that is numb, swollen or drooping for a known reason.
FACE_EVERYDAY = _words(
    r"dentist",
    r"dental",
    r"injection",
    r"anaesthetic",
    r"anesthetic",
    r"filler",
    r"botox",
    r"filling",
    r"tooth",
    r"asleep",
    r"sleeping",
    r"open\b",
    r"bell'?s palsy",
    r"since (?:his|her|my|their) stroke",
)
SPEECH = _concept(
    "speech",
    r"speech",
    r"speak\w*",
    r"talk\w*",
    r"words?\b",
    r"voice",
    r"sentences?",
)
GARBLED = _concept(
    "garbled",
    r"slurr\w*",
    r"garbl\w*",
    r"jumbl\w*",
    r"muddl\w*",
    r"mixed up",
    r"nonsense",
    r"gibberish",
    r"(?:not |doesn'?t |didn'?t |don'?t )mak(?:e|es|ing) (?:any )?sense",
    r"(?:is|are|sounds?|gone|going|went) (?:all |really |very )?thick\b",
)
ODD = _concept("odd", r"wrong", r"weird", r"strange", r"odd\b", r"funny", r"drunk", r"thick")
_SPEECH_EVERYDAY_WORDS = (
    r"toddler",
    r"years? old",
    r"stammer\w*",
    r"stutter\w*",
    r"lisp",
    r"autis\w*",
    r"speech therap\w*",
    r"bilingual",
    r"accent",
    r"learning",
    r"dyslexi\w*",
    r"tired",
)
SPEECH_EVERYDAY = _words(*_SPEECH_EVERYDAY_WORDS)
#: The same, and a mouth numbed by the dentist.
SPEECH_OR_DENTAL_EVERYDAY = _words(
    *_SPEECH_EVERYDAY_WORDS,
    r"dentist",
    r"dental",
    r"anaesthetic",
    r"anesthetic",
    r"novocaine",
    r"numbed",
)
SPEECH_ONSET = _concept(
    "speech onset",
    *_SUDDEN_WORDS,
    r"woke (?:up )?(?:with|and|to)\b",
    r"came out",
    r"started",
    r"all at once",
    r"now\b",
)
VISION_OR_BALANCE = _concept(
    "vision or balance",
    r"(?:seeing|sees|see) double",
    r"double vision",
    r"(?:can'?t|cannot|couldn'?t|unable to) see (?:properly|clearly|anything|out of|at all|straight|with|from)",
    r"(?:can'?t|cannot|couldn'?t|unable to) (?:walk|stand up|stand straight|stand on)",
    r"lost (?:my |his |her |their |the )?(?:sight|vision)",
    r"losing (?:my |his |her |their |the )?(?:sight|vision)",
    r"loss of (?:sight|vision)",
    r"vision (?:[\w']+ ){0,2}(?:went|gone|blurr\w*|dark|black)",
    r"blind\b",
    r"(?:off|lost|losing|no) balance",
    r"stagger\w*",
    r"falling to one side",
    r"(?:drift|veer)\w* (?:off )?to (?:the |one )?(?:left|right|side)\b",
    r"walk\w* (?:like (?:he|she|they)'?s? (?:is |are )?drunk|into things)",
)
BALANCE_EVERYDAY = _words(
    r"slipp\w*",
    r"tripp\w*",
    r"icy?\b",
    r"stairs",
    r"drunk",
    r"drinking",
    r"stood up",
    r"standing up",
    r"got up",
    r"sitting up",
    r"spinning",
    r"vertigo",
    r"ear infection",
    r"inner ear",
    r"glasses",
    r"contact lens\w*",
)
CONFUSED = _concept(
    "confused",
    r"confus\w*\b(?! (?:about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"disorient\w*",
    r"muddled about (?:where|who|what day|the time)",
)
ONE_SIDE = _concept(
    "one side",
    r"left\b",
    r"right\b",
    r"one side",
    r"one half",
    r"half (?:of )?(?:his|her|my|their) body",
)
#: The arm and the leg together: weakness of one side of the body.
ARM_AND_LEG = _concept(
    "arm and leg",
    r"(?:arm|hand) and (?:(?:his|her|my|their|the|left|right) ){0,2}(?:leg|foot)\b",
    r"(?:leg|foot) and (?:(?:his|her|my|their|the|left|right) ){0,2}(?:arm|hand)\b",
)
HEAVY_OR_TINGLY = _concept("heavy or tingly", r"heavy", r"heaviness", r"tingl\w*")
LIMB_EVERYDAY = _words(
    r"cold\b",
    r"carpal",
    r"sle(?:ep|pt)\w*",
    r"lying on",
    r"sat on",
    r"sitting",
    r"crossed",
    r"pins and needles",
    r"injection",
    r"dentist",
    r"dental",
    r"anaesthetic",
    r"anesthetic",
    r"gym",
    r"exercis\w*",
    r"run\w*",
    r"kick\w*",
    r"knock\w*",
    r"bump\w*",
    r"bang\w*",
    r"filler",
    r"botox",
    r"since (?:his|her|my|their) stroke",
)

# --- Anaphylaxis (NHS) -------------------------------------------------------------------

AIRWAY_SITE = _concept(
    "lips, tongue or throat",
    r"lips?\b",
    r"tongue",
    r"throat",
    r"mouth",
    r"face\b",
    r"cheeks?\b",
    r"uvula",
)
LIPS_TONGUE = _concept("lips or tongue", r"lips?\b", r"tongue", r"mouth", r"uvula")
SWELLING = _concept(
    "swelling",
    r"swell\w*",
    r"swollen",
    r"puff\w*",
    r"blew up",
    r"blown up",
    r"balloon\w*",
    r"huge",
    r"enormous",
    r"too big\b",
    r"thick\w*",
    r"tight\w*",
    r"closing",
    r"closed",
)
ALLERGEN = _concept(
    "allergen",
    r"sting\w*",
    r"stung",
    r"bees?\b",
    r"wasps?\b",
    r"hornets?\b",
    r"ate\b",
    r"eat(?:ing|en)\b",
    r"peanuts?",
    r"nuts?\b",
    r"cashews?",
    r"almonds?",
    r"pistachios?",
    r"walnuts?",
    r"hazelnuts?",
    r"shellfish",
    r"shrimps?",
    r"prawns?",
    r"lobster",
    r"crab\b",
    r"seafood",
    r"sesame",
    r"eggs?\b",
    r"milk\b",
    r"dairy",
    r"allerg\w*",
    r"antibiotics?",
    r"penicillin",
    r"amoxicillin",
    r"contrast",
    r"(?:the )?dye\b",
    r"medicine",
    r"medication",
    r"tablets?\b",
    r"pills?\b",
    r"injection",
    r"jab\b",
    r"vaccin\w*",
    r"latex",
    r"contrast dye",
    r"new (?:drug|pill|tablet|meds|medicine|medication)",
    # Something just tasted: "a sip of her friend's kiwi smoothie".
    r"(?:sip|sips|mouthful|bite|taste|lick|spoonful) of",
    r"drank\b",
    r"kiwis?\b",
)
BREATH_TROUBLE = _concept(
    "trouble breathing",
    r"wheez\w*",
    r"(?:can'?t|cannot|can hardly|can barely|struggl\w* to|hard to|trouble|difficulty|problems?) breath\w*",
    r"short of breath",
    r"breathless",
    r"(?:can'?t|cannot) get (?:enough )?air",
    r"gasp\w*",
    r"noisy breath\w*",
)
SWALLOW_OR_VOICE = _concept(
    "swallowing or voice",
    r"(?:can'?t|cannot|can hardly|can barely|hardly|barely|hard to|struggl\w* to|trouble|difficulty|problems?) "
    r"swallow\w*",
    r"hoarse",
    r"voice (?:is |has |sounds |went |gone )?(?:\w+ )?(?:changed|gone|hoarse|croaky|weird|strange|funny|husky)",
    r"drool\w*",
    r"croaky",
)
HIVES = _concept(
    "hives",
    r"hives",
    r"welts",
    r"nettle rash",
    r"urticaria",
    r"itch\w* all over",
    r"blotch\w*",
    r"(?:itchy|red|raised) (?:[\w']+ ){0,2}(?:rash|lumps|bumps|spots) all over",
)
FOOD_OR_STING = _concept(
    "allergy trigger",
    r"sting\w*",
    r"stung",
    r"bees?\b",
    r"wasps?\b",
    r"hornets?\b",
    r"peanuts?",
    r"nuts?\b",
    r"cashews?",
    r"almonds?",
    r"pistachios?",
    r"walnuts?",
    r"hazelnuts?",
    r"shellfish",
    r"shrimps?",
    r"prawns?",
    r"lobster",
    r"crab\b",
    r"seafood",
    r"sesame",
    r"allerg\w*",
)
SWELLING_EVERYDAY = _words(
    r"dentist",
    r"dental",
    r"filling",
    r"filler",
    r"botox",
    r"cold sores?",
    r"ulcers?",
    r"braces",
    r"tonsil\w*",
    r"glands?",
    r"strep",
    r"wisdom",
    r"tooth",
    r"bit (?:my|his|her) (?:lip|tongue)",
)
FAINT = _concept(
    "faint",
    r"faint\w*",
    r"dizz\w*",
    r"collaps\w*",
    r"light-?headed",
    r"pass(?:ing|ed)? out",
    r"pale\b",
    r"limp\b",
    r"flopp\w*",
)

# --- Breathing (MedlinePlus) -------------------------------------------------------------

STRUGGLING_FOR_BREATH = _concept(
    "struggling for breath",
    r"(?:struggl\w*|fight\w*|battl\w*|working (?:so |really |very |too )?hard|labou?r\w*|gasp\w*|desperate\w*) "
    r"(?:[\w']+ ){0,3}(?:breath\w*|air\b)",
    r"(?:can'?t|cannot|couldn'?t|unable to|not able to|barely|hardly) (?:get|catch|draw|take|find|getting|catching) "
    r"(?:my |his |her |their |a |any |enough )?(?:breath\w*|air\b)",
    r"(?:can'?t|cannot|couldn'?t|unable to|not able to|barely|hardly|struggl\w* to) (?:\w+ )?breathe\b",
    r"(?:barely|hardly|only just|struggling|labou?red) breathing",
)
#: NHS pulse oximeters: an oxygen level of 92% or less needs A&E or 999.
LOW_OXYGEN = _concept(
    "oxygen level 92 or less",
    r"(?:oxygen|o2|sats?|saturations?|oximeter|pulse ox\w*)\b "
    r"(?:[\w']+ ){0,6}(?:says |reads |reading |is |at |of |shows |showing |down to |dropped to |gone to )?"
    r"(?:[5-8]\d|9[0-2])\b(?! ?(?:years?|yrs?|yo)\b)",
)
#: Fast, shallow breathing (NHS sepsis and breathing difficulty).
FAST_SHALLOW_BREATHING = _concept(
    "fast, shallow breathing",
    r"breath\w* (?:[\w']+ ){0,4}(?:fast|rapid|quick) and shallow",
    r"breath\w* (?:[\w']+ ){0,4}shallow and (?:fast|rapid|quick)",
    r"(?:fast|rapid|quick),? shallow breath\w*",
)
#: Pauses in breathing while asleep (sleep apnoea) are not an emergency in themselves.
SLEEP_APNOEA = _words(r"sle(?:ep|pt)\w*", r"snor\w*", r"apn(?:o?ea)\w*", r"at night")
BREATH_STOPPED = _concept(
    "stopped breathing",
    r"(?:stopped|stops|stopping|isn'?t|is not|not|wasn'?t|was not) breathing",
    r"paus(?:e|es|ed|ing) (?:in )?(?:his |her |their )?breathing",
)
YOUNG_CHILD = _concept(
    "young child",
    r"bab(?:y|ies)",
    r"infant",
    r"new-?born",
    r"toddler",
    r"son\b",
    r"daughter",
    r"child\w*",
    r"kids?\b",
    r"little (?:one|boy|girl)",
    r"nephew",
    r"niece",
    r"grand(?:son|daughter|child)",
    r"\d+[- ]?(?:year|yr|month|week)s?[- ]old",
)
WORKING_TO_BREATHE = _concept(
    "working to breathe",
    r"grunt\w* (?:[\w']+ ){0,4}breath\w*",
    r"breath\w* (?:[\w']+ ){0,4}grunt\w*",
    r"nostrils? (?:\w+ )?flar\w*",
    r"flaring (?:his |her |their )?nostrils",
    r"(?:ribs|chest|tummy|belly|neck|skin) (?:[\w']+ ){0,3}(?:sucking|pulling|sinking|caving|heaving) in",
    # "sucking her ribs in", "pulling his ribs in"
    r"(?:sucking|sucks|pulling|pulls|drawing|draws) (?:his|her|their|the|its) ribs in\b",
    r"head bobbing",
)
#: An engine, a program or an animal that "is choking": not a person (a vet's or a
#: mechanic's question). Only as the subject of the verb: "choking on a toy car" is a child.
THING_CHOKING = _words(
    r"\b(?:scripts?|code|programs?|apps?|servers?|pipelines?|builds?|jobs?|queries|query|database|"
    r"engines?|cars?|motors?|vans?|bikes?|mowers?|carb(?:urett?or)?s?|boilers?|plants?|weeds|"
    r"dogs?|pupp(?:y|ies)|cats?|kittens?|horses?|pon(?:y|ies)|rabbits?|hamsters?|guinea pigs?|"
    r"parrots?|budgies?|birds?|fish|goats?|sheep|lambs?|cows?|calf|calves|pigs?|chickens?|hens?|"
    r"tortoises?|snakes?|lizards?|geckos?|ferrets?)(?:'s)? (?:\w+ )?(?:is |are |was |were |keeps |kept |"
    r"has been |have been |started |starts |seems to be |'s )?chok(?:ing|es|ed)\b"
)
CHOKING = _concept(
    "choking on something",
    r"chok\w* on (?:a |an |some |his |her |their |my |the )?(?:\w+ )?(?:grape|food|sweet|candy|coin|toy|bone|nut|"
    r"piece|bit|lego|marble|button|sausage|hot dog|popcorn|meat|steak|apple|carrot|something|cherry|tomato|"
    r"peanut|chicken|bread)s?",
    r"(?:something|food) (?:is )?stuck in (?:his|her|their|my) (?:throat|windpipe)",
)
#: NHS choking: someone eating who cannot cough, cry, speak or make a sound, with signs of
#: distress, is choking even when nobody says the word.
EATING = _concept(
    "eating something",
    r"eat(?:s|ing)?\b",
    r"ate\b",
    r"chewing",
    r"swallow\w*",
    r"(?:grape|sweet|candy|popcorn|peanut|nut|sausage|hot dog|carrot|apple|marble|coin|lego)s?\b",
)
SILENT = _concept(
    "no sound",
    r"(?:not|isn'?t|wasn'?t|can'?t|cannot|unable to|won'?t) (?:make|making|able to make) (?:a|any) (?:sound|noise)",
    r"(?:no|not a) (?:sound|noise)",
    r"silent\b",
    r"(?:can'?t|cannot|isn'?t|not) (?:cough|crying|cry)\w*",
)
CHOKING_DISTRESS = _concept(
    "choking distress",
    r"flap\w*",
    r"clutch\w* (?:at )?(?:his|her|their|my) (?:throat|neck)",
    r"grab\w* (?:at )?(?:his|her|their|my) (?:throat|neck)",
    r"(?:going|turning|gone|went) (?:bright |dark )?(?:red|blue|purple)",
    r"panick\w*",
)
BLUE_SITE = _concept(
    "lips or skin",
    r"lips?\b",
    r"face\b",
    r"skin\b",
    r"mouth\b",
    r"tongue\b",
)
BLUE = _concept(
    "blue or grey",
    r"blu(?:e|ish)\b",
    r"grey(?:ish)?\b",
    r"gray(?:ish)?\b",
    r"dusky",
    r"purpl\w*",
    r"ashen",
)
BLUE_EVERYDAY = _words(
    r"cold",
    r"swim\w*",
    r"lolly",
    r"lollipop",
    r"sweets?",
    r"candy",
    r"slush\w*",
    r"ice pop",
    r"ink\b",
    r"pen\b",
    r"marker",
    r"paint",
    r"dye",
    r"berr\w*",
    r"lipstick",
    r"bruis\w*",
    r"vein\w*",
    r"cry\w*",
    r"cough\w*",
    r"laugh\w*",
    r"strain\w*",
    r"tantrum\w*",
    r"holding (?:his|her|their|my) breath",
    r"wine",
    r"spots?\b",
    r"patch\w*",
    r"marks?\b",
    r"birthmark\w*",
    r"tattoo\w*",
    r"eyes?\b",
    r"circles",
)
BREATHLESS = _concept(
    "breathless",
    r"breathless\w*",
    r"short of breath",
    r"out of breath",
    r"winded",
    r"puffed out",
    r"shortness of breath",
)
CANT_TALK = _concept(
    "too breathless to talk",
    r"(?:can'?t|cannot|unable to|struggl\w* to|can hardly|can barely|hardly|barely) (?:talk|speak|finish|say)",
    r"(?:can'?t|cannot) get (?:more than )?(?:a |one |two |a few |few |a couple of )?(?:\w+ )?words?",
    r"(?:more than |only |just )?(?:one|two|three|a few|a couple of) words",
    r"at rest",
    r"even (?:when |while )?(?:sitting|lying|resting|standing)",
    r"too (?:[\w']+ ){0,3}to (?:talk|speak|eat|drink|feed|finish)",
)

# --- Bleeding (MedlinePlus) --------------------------------------------------------------

#: "Blood thinners" names a medicine, not a bleed (and is no reason to ignore one).
BLOOD = _concept("blood", r"blood\w*(?! thinn)", r"bleed\w*", r"bled\b", r"nose ?bleed\w*")
UNCONTROLLED = _concept(
    "uncontrolled",
    r"(?:won'?t|will not|can'?t|cannot) (?:stop|slow|clot)",
    r"(?:isn'?t|is not|not|hasn'?t|has not|doesn'?t|does not|aren'?t|haven'?t) (?:\w+ )?(?:stopp\w*|slowing|"
    r"eas(?:ing|ed)|letting up|clott\w*|stop\b|slow\b)",
    r"keeps? (?:on )?(?:coming|going|bleeding|pouring|flowing|running|gushing)",
    # Pressure that fails (NHS nosebleeds: pinch for 10 to 15 minutes; A&E if it goes on).
    r"(?:pinch|press)\w* (?:[\w']+ ){0,3}(?:isn'?t|is not|not|doesn'?t|does not|hasn'?t|has not|didn'?t) "
    r"(?:\w+ )?(?:doing anything|doing a thing|help\w*|work\w*|stopp\w*)",
    r"swallow\w* (?:[\w']+ ){0,2}(?:mouthfuls|loads|lots) of (?:it|blood)",
    r"squirt\w*",
    r"spurt\w*",
    r"gush\w*",
    r"pour\w*",
    r"pumping out",
    r"jetting",
    r"faster than (?:i|we|he|she|they|you) can (?:wipe|mop|clean|soak|stop|change|replace|keep up)",
    r"soak\w*",
    r"through (?:every|each|the|a|my|his|her|their) (?:\w+ )?(?:bandages?|towels?|dressings?|cloths?|plasters?|"
    r"gauze|pads?|tea towels?|kitchen roll|tissues?|paper towels?)",
    r"everywhere",
    r"pool of",
    r"puddle",
    r"(?:a lot|lots|loads|so much|too much) of",
    r"still (?:bleeding|going|coming|pouring)(?! (?:a little|a bit|slightly))",
    r"heav(?:y|ily)\b",
)
BLEEDING_EVERYDAY = _words(
    # a bleed that has already stopped
    r"(?:it'?s|it has|it|bleeding has|has|now it'?s) (?:now )?stopped\b(?! (?:clotting|working))",
    r"periods?\b",
    r"menstrua\w*",
    r"gums?\b",
    r"brush\w*",
    r"floss\w*",
    r"blood (?:pressure|sugar|test|tests|glucose|donation|type|count|clots?|flow|vessels?|cells?)",
    r"a (?:little|bit|tiny bit|small amount) of blood",
    r"(?:streak|speck|spot|drop|tinge)s? of blood",
    r"breast ?pump\w*",
    r"nipples?",
    # Stains, dyes and resins "bleed" through paint and fabric.
    r"paint\w*",
    r"wallpaper",
    r"plaster\b",
    r"primer",
    r"tannins?",
    r"dyes?\b",
    r"ink\b",
    # A golf ball or a shot "bleeds" off to one side.
    r"golf\w*",
    r"(?:drives?|shots?|ball) (?:keep |keeps )?bleed\w* (?:off|out|away|left|right)",
)
#: "I've been pressing on it for 20 minutes": first aid for bleeding that has not worked.
PRESSURE_ON_WOUND = _concept(
    "pressure on a wound",
    r"press\w* (?:down )?(?:on|onto) (?:it|the (?:cut|wound|gash))",
    r"(?:held|holding|kept|keeping|put|putting|applied|applying) (?:[\w']+ ){0,2}pressure on",
    r"(?:held|holding) (?:a |the )?(?:towel|cloth|bandage|tea towel) (?:on|against|to) (?:it|the (?:cut|wound))",
)
VOMITED_BLOOD = _concept(
    "vomited blood",
    r"(?:bringing|brought|throwing|threw|coughing|coughed|spitting|spat|hacking) up (?:[\w']+ ){0,3}blood",
    r"(?:vomit\w*|being sick|been sick|puk\w*) (?:[\w']+ ){0,3}blood",
    r"blood (?:in|through) (?:my|his|her|their|the) (?:sick|vomit|puke)",
    r"(?:sick|vomit|puke) (?:has|had|is|was|with|full of) (?:[\w']+ ){0,2}blood",
    r"(?:thrown|throwing|threw|been sick|vomit\w*|puk\w*) (?:up )?[^.?!]{0,30}\b(?:it|which|that) (?:was|is|were|"
    r"looked|looks) (?:[\w']+ ){0,3}blood\b",
)

#: Blood that has been in the stomach looks like coffee grounds.
COFFEE_GROUND_VOMIT = _concept(
    "vomit like coffee grounds",
    r"(?:vomit\w*|throw\w* up|threw up|bringing up|brought up|being sick|been sick|puk\w*|sick) "
    r"(?:[\w']+ ){0,4}coffee[- ]?(?:grounds?|granules?)",
    r"coffee[- ]?(?:grounds?|granules?)[- ](?:like )?(?:vomit|sick)",
)
SHOCK_SIGN = _concept(
    "signs of shock",
    r"pale\b",
    r"grey\b",
    r"gray\b",
    r"ashen",
    r"clammy",
    r"cold and sweaty",
    r"faint\w*",
    r"dizz\w*",
    r"light-?headed",
    r"collaps\w*",
    r"passing out",
    r"passed out",
)

# --- Unresponsive (MedlinePlus) ----------------------------------------------------------

COLLAPSED = _concept(
    "collapsed",
    r"collaps\w*",
    r"slump\w*",
    r"keeled over",
    r"fell (?:down|over|to the (?:floor|ground))",
    r"on the (?:floor|ground|bathroom floor|kitchen floor)",
    r"fainted",
    r"passed out",
    r"blacked out",
    r"went down",
    r"dropped to",
    r"lying (?:in|on) (?:the |my |his |her |their )?(?:garden|ground|floor|road|street|pavement|sidewalk|grass|yard|"
    r"path|driveway)",
    r"lying (?:still|there)",
    r"found (?:him|her|them)",
    r"eyes (?:have |had )?rolled",
)
NO_RESPONSE = _concept(
    "no response",
    r"(?:can'?t|cannot|couldn'?t) get (?:any |a )?(?:reaction|response|answer|word)",
    r"no (?:reaction|response)",
    r"(?:isn'?t|is not|not|won'?t|doesn'?t|does not|hasn'?t|has not|haven'?t|didn'?t) (?:\w+ )?(?:answering|"
    r"reacting|responding|answer\b|react\b|respond\b|come (?:to|round|around)|came (?:to|round|around)|"
    r"woken|waking|wake\b|opened? (?:his|her|their) eyes)(?! (?:to |on )?(?:his|her|their|my|the|me|any) ?(?:"
    r"phone|calls?|texts?|messages?|door|emails?|treatment|medication|antibiotics?))",
    r"(?:can'?t|cannot|couldn'?t) (?:wake|rouse)",
    r"out cold",
    r"(?:barely|semi-?|not fully|not) conscious",
    r"unrousable",
    r"unconscious",
    r"unresponsive",
)
DOWN_AND_OUT = _concept(
    "dropped to the floor",
    r"keeled over",
    r"crumpled",
    r"hit the (?:floor|ground|deck)",
    r"(?:he|she|they|baby|son|daughter|child|toddler|dad|mum|mom|husband|wife|partner) (?:\w+ )?(?:went|has gone|"
    r"is|was|goes|gone) (?:all |completely |totally )?(?:limp|floppy)",
)
ORDINARY_TIREDNESS = _words(
    r"coffee", r"tired", r"mornings?", r"sleepy", r"bored", r"lectures?", r"work\b"
)
IN_AND_OUT = _concept(
    "drifting in and out",
    r"(?:barely|semi-?) ?conscious",
    r"(?:in and out|drifting in and out) of consciousness",
)

# --- A hot swollen joint, cauda equina (NHS) ---------------------------------------------

JOINT = _concept(
    "a joint",
    r"(?:knee|ankle|hip|elbow|wrist|shoulder|knuckle|joint)s?\b(?! (?:replacement|pads?|socks?|support|brace))",
)
#: NHS cauda equina syndrome: numbness around the bottom or genitals.
SADDLE_NUMBNESS = _concept(
    "saddle numbness",
    r"(?:can'?t|cannot|couldn'?t|can not) feel (?:my |his |her |their )?(?:bum|bottom|backside|buttocks?|bum cheeks|"
    r"genitals|privates|down there|anything down there)",
    r"numb\w* (?:[\w']+ ){0,3}(?:bum|bottom|backside|buttocks?|groin|genitals|privates|saddle area|down there|"
    r"between (?:my|his|her|their) legs)",
    r"(?:bum|bottom|backside|buttocks?|groin|genitals|privates) (?:[\w']+ ){0,2}(?:is |are |has |have )?(?:gone )?numb",
)
#: Losing control of the bladder or bowel without knowing (NHS cauda equina syndrome).
LOST_CONTROL = _concept(
    "loss of bladder or bowel control",
    r"wet (?:myself|himself|herself|themselves)",
    r"(?:lost|losing|lose|no) control (?:of|over) (?:my |his |her |their )?(?:bladder|bowels?|wee|pee)",
    r"(?:pee\w*|wee\w*|pooed|pooped|soiled) (?:myself|himself|herself) without",
    r"(?:can'?t|cannot) (?:feel|tell) when (?:i|he|she|they) (?:need|have) to (?:pee|wee|go)",
)

# --- Seizure (CDC) -----------------------------------------------------------------------

SEIZURE = _concept(
    "seizure",
    r"seiz\w*",
    r"(?:a|one|having|had|another|his|her|their|the|this|my|first|in|epileptic|big|bad|two|three|several|"
    # Not "a fit of coughing", "a fit of the giggles".
    r"multiple|2|3) fits?\b(?! of\b)",
    r"fitting",
    r"convuls\w*",
    r"(?:whole body|body|arms and legs|limbs) (?:[\w']+ ){0,3}(?:jerk\w*|twitch\w*|shak\w*|spasm\w*)",
    r"(?:jerk\w*|twitch\w*|shak\w*|spasm\w*) (?:[\w']+ ){0,2}(?:all over|uncontrollab\w*|rhythmic\w*|"
    r"(?:his|her|their) (?:whole body|arms and legs))",
    r"rhythmic\w* (?:[\w']+ ){0,2}(?:jerk\w*|twitch\w*|shak\w*|spasm\w*)",
    # A focal seizure (NHS epilepsy): lip smacking or chewing while unaware.
    r"smack\w* (?:[\w']+ ){0,2}lips",
    r"lip[- ]?smack\w*",
)
SEIZURE_FLAG = _concept(
    "seizure red flag",
    r"(?:for |about |around |nearly |almost |over |more than |longer than )?"
    + NUMBER_5_PLUS
    + r" ?\+? ?min\w*",
    r"(?:half an|an|over an) hour",
    r"(?:last|past) half hour",
    r"(?:two|three|four|five|several|multiple|[2-9]) (?:fits|seizures) (?:in|within)\b",
    r"(?:hasn'?t|has not|not|didn'?t|did not|never) (?:\w+ )?(?:come|came|coming) (?:round|around|to)\b",
    r"another (?:one|fit|seizure) (?:\w+ )?(?:started|starting|now|just)",
    r"(?:having|started|starting|is having|now having) (?:a |an )?(?:another|second) (?:one|fit|seizure)",
    r"back[- ]to[- ]back",
    r"one after (?:the )?(?:another|other)",
    r"keeps? (?:having|on having) (?:fits|seizures)",
    r"fit after fit",
    r"seizure after seizure",
    r"in a row",
    r"without (?:waking|coming (?:round|around|to)|regaining)",
    r"(?:won'?t|will not|isn'?t|is not) (?:\w+ )?stop\w*",
    r"keeps? going",
)
SHAKING_EVERYDAY = _words(
    r"anxi\w*",
    r"panic\w*",
    r"cold\b",
    r"fear",
    r"scared",
    r"cry\w*",
    r"sobb\w*",
    r"shiver\w*",
    r"laugh\w*",
)
JERKING = _concept(
    "jerking",
    r"(?:went|gone|going|goes) (?:all |completely )?stiff",
    r"jerk\w*",
    r"twitch\w*",
    r"shaking",
    r"thrash\w*",
    r"stiff and (?:\w+ )?(?:jerk|shak|twitch)\w*",
    r"convuls\w*",
)
NEVER_BEFORE = _concept(
    "never before",
    r"never (?:done|had|seen|did) (?:that|this|it|anything like (?:that|this|it))(?: before)?",
    r"(?:has|have|had)n'?t (?:ever )?(?:done|had) (?:that|this|it) before",
    r"first time (?:ever )?(?:she|he|they)'?(?:s|ve|d)? (?:done|had)",
)
FIRST_SEIZURE = _concept(
    "first seizure",
    r"never (?:had|been) (?:\w+ )?(?:one|a seizure|a fit|seizures|fits|any seizures|any fits)",
    r"first (?:ever )?(?:one|seizure|fit)",
)
SEIZING_NOW = _concept(
    "seizing now",
    r"(?:is|he'?s|she'?s|they'?re|are|am|i'?m) (?:\w+ )?(?:having (?:one|a seizure|a fit|seizures|fits)|fitting|"
    r"seizing|convulsing|jerking|shaking)",
    r"(?:having|had) one (?:now|right now|just now)",
    r"just had (?:one|a seizure|a fit)",
)

# --- Headache (MedlinePlus) --------------------------------------------------------------

THUNDERCLAP = _concept("thunderclap", r"thunder ?clap\w*", r"like (?:a )?(?:clap of )?thunder")
_STRUCK_LIKE = (
    r"like (?:someone|somebody|something|i'?d been|i had been|i'?ve been|i was|i got|being|getting|a) "
    r"(?:[\w']+ ){0,2}(?:hit|punched|smacked|smashed|whacked|struck|kicked|bashed|thumped|clubbed|slapped)"
    r"(?: [\w']+){0,4} (?:head|skull)\b"
)
#: A headache told as a blow ("felt like someone hit the back of my head with a bat"): the
#: way people describe a sudden, severe (thunderclap) headache, not an injury.
STRUCK_LIKE = _concept("struck like", _STRUCK_LIKE)
HEAD_BLOW_SIMILE = _words(_STRUCK_LIKE)
KETONES = _concept(
    "high ketones",
    r"ketones? (?:[\w']+ ){0,4}(?:high|dark|purple|large|moderate|positive|turned|over|above)",
    r"(?:high|large|moderate|positive) ketones",
    # NHS: blood ketones of 1.5 mmol/L or more need help.
    r"ketones? (?:[\w']+ ){0,2}(?:1\.[5-9]|[2-9](?:\.\d)?)(?! ?(?:days?|weeks?|months?|years?|hours?|times))\b",
)
BELLY_EVERYDAY = _words(r"stitch", r"periods?\b", r"ovulat\w*", r"gym", r"run\w*", r"exercis\w*")
KETO_DIET = _words(r"keto\b", r"ketogenic", r"diet\w*", r"fasting", r"low[- ]carb")
COLLAPSE = _concept("collapse", r"collaps\w*")
COLLAPSE_EVERYDAY = _words(
    r"lung",
    r"veins?",
    r"arch\w*",
    r"trachea",
    r"airway",
    r"building",
    r"bridge",
    r"market",
    r"tent",
    r"business",
    r"company",
    r"marriage",
    r"economy",
    r"stock",
)
HEAD = _concept(
    "head pain",
    r"head ?aches?\b",
    r"(?:pain|ache|aching|agony|hurt\w*|pound\w*|throb\w*|split\w*|explod\w*|bang\w*) (?:[\w']+ ){0,5}head\b",
    r"head\b (?:[\w']+ ){0,3}(?:pain|agony|hurt\w*|pound\w*|throb\w*|split\w*|explod\w*|ach\w*|killing)",
)
#: A headache that is worse lying down or when coughing or straining: raised pressure in
#: the head, with vomiting or dimming sight.
#: NHS glaucoma: a sudden painful red eye with rainbow halos round lights (and feeling
#: sick) needs A&E at once: acute angle-closure glaucoma can take the sight.
PAINFUL_EYE = _concept(
    "a painful eye",
    r"eyes?\b (?:[\w']+ ){0,5}(?:painful|pain|hurts?|hurting|agony|aching|throbbing)",
    r"(?:painful|pain in (?:my|his|her|their|the)|throbbing|aching|agony in (?:my|his|her|their|the)) "
    r"(?:left |right )?eyes?\b",
)
HALOS = _concept(
    "halos round lights",
    r"halos?\b",
    r"rainbow (?:rings?|circles?|colours?|colors?) (?:round|around)",
)
#: NHS tonsillitis: a sore throat much worse on one side with trouble opening the mouth
#: (quinsy, an abscess) needs an urgent GP appointment or 111.
SORE_THROAT = _concept("a sore throat", r"throat", r"tonsil\w*")
QUINSY_SIGN = _concept(
    "a throat abscess sign",
    r"(?:can'?t|cannot|barely|hardly|struggl\w* to|unable to|trouble|difficulty) open\w* (?:my|his|her|their) mouth",
    r"hot potato",
)
#: NHS meningitis: a stiff neck, told as pain or crying when the neck bends.
NECK_WONT_BEND = _concept(
    "a neck that hurts to bend",
    r"(?:scream\w*|cr(?:y|ies|ied|ying)|hurts?|pain\w*|agony|can'?t|cannot|won'?t|unable to) (?:[\w']+ ){0,5}"
    r"(?:bend|move|turn|tilt|lower|put) (?:[\w']+ ){0,2}(?:neck|head forward|chin (?:down|to|on))",
    r"neck (?:[\w']+ ){0,3}(?:won'?t|will not|doesn'?t|does not) bend",
    r"neck (?:[\w']+ ){0,2}hurts? (?:[\w']+ ){0,2}(?:to (?:move|bend|turn)|when (?:i|he|she|they|we) "
    r"(?:move|bend|turn))",
    r"bend (?:her|his|their|my) neck\b.{0,30}\b(?:cr(?:y|ies|ied)|scream\w*|yell\w*|pain)",
)
#: NHS fever in children: a high temperature that has lasted five days or more needs an
#: urgent GP appointment or 111 (Kawasaki disease among the causes).
LONG_FEVER = _concept(
    "a fever for five days or more",
    r"(?:temperature|temp|fever)\w* (?:[\w']+ ){0,3}(?:for|over|in) (?:the )?(?:last |past )?"
    r"(?:[5-9]|1[0-4]|five|six|seven|eight|nine|ten) (?:days|nights)",
    r"(?:temperature|temp|fever)\w* (?:[\w']+ ){0,3}(?:for|over) (?:a|one|over a|more than a) week",
    r"(?:[5-9]|five|six|seven|eight|nine) days? (?:of|with) (?:a )?(?:high )?(?:temperature|temp|fever)",
)
HEAD_WORSE_LYING_OR_STRAINING = _concept(
    "a headache worse lying down or straining",
    r"worse (?:[\w']+ ){0,3}(?:when|if|as soon as|whenever|after) (?:i|you|he|she|they|we) "
    r"(?:lie|lay|cough|sneeze|strain|bend)",
    r"worse (?:when |if )?(?:lying|laying) (?:down|flat)",
    r"worse (?:on|with|from|after) (?:coughing|sneezing|straining|bending|lying)",
)
#: NHS giant cell arteritis: a tender scalp or jaw pain when chewing; with sight problems,
#: A&E at once (the sight can be lost for good).
ARTERITIS_SIGN = _concept(
    "tender scalp or jaw pain on chewing",
    r"scalp (?:[\w']+ ){0,4}(?:tender|sore|hurts?|painful|aches?)",
    r"(?:hurts?|sore|tender|painful) (?:[\w']+ ){0,4}(?:comb|brush)\w* (?:my|his|her|their) hair",
    r"jaw (?:[\w']+ ){0,4}(?:ache|aches|aching|hurts?|pain\w*|sore) (?:[\w']+ ){0,3}(?:chew|eat)\w*",
)
HEADACHE_EVERYDAY = _words(
    r"hangover",
    r"hung ?over",
    r"drinking",
    r"drunk",
    r"(?:a |the )?(?:cold|flu|sinus\w*|migraines?)\b",
)
SIGHT_DIMMING = _concept(
    "sight dimming or blurring",
    r"(?:vision|sight|eyesight|eyes) (?:[\w']+ ){0,4}(?:grey\w*|gray\w*|blur\w*|black\w* out|go\w* dark|"
    r"went dark|dim\w*|fuzzy)",
    r"blurr?(?:ed|y) (?:vision|sight|eyesight)",
)

# --- Head injury (NHS) -------------------------------------------------------------------

HEAD_BLOW = _concept(
    "blow to the head",
    r"(?:hit|hitting|bang\w*|bump\w*|knock\w*|smack\w*|whack\w*|cracked|(?:a|the) blow|fell(?! (?:asleep|ill|pregnant|"
    r"behind|apart|in love))|fall\w*(?! (?:asleep|ill|pregnant|behind|apart|in love))|landed|dropped|struck|"
    r"thump\w*|clonk\w*|injur\w*|head ?butt\w*|kick(?:ed|s)?) "
    + _gap(6)
    + r"(?:(?:fore)?head\b(?! (?:cold|lice|louse|teacher|office|start|of (?:the|department|school)))|skull\b)",
    r"(?:hit|hits|struck|whack\w*|smack\w*|knock\w*|bang\w*|bump\w*|clonk\w*|thump\w*) (?:[\w']+ ){0,3}(?:on|in|to) "
    r"the (?:side|back|front|top) of (?:the|my|his|her|their) (?:head|skull)",
    r"(?:took|takes|got|gets|caught|catches) (?:a|an|the) (?:[\w']+ ){1,2}(?:to|in|on) the (?:side|back|front|top) of "
    r"(?:the|my|his|her|their) (?:head|skull)",
    r"head (?:first|injury|injuries|trauma)",
    # A helmet that split or cracked took the blow for the head.
    r"helmet(?:'s| is| has| was)? (?:been )?(?:split|cracked|smashed|broken|dented|caved)",
    r"(?:split|cracked|smashed|broke|dented) (?:his|her|their|my) helmet",
    r"head ?butt\w*",
    r"concuss\w*",
    # Walking into something at head height: "walked into a low beam in the pub".
    r"(?:walk\w*|ran|run\w*|stood up|stands? up) (?:straight |right )?into (?:a|an|the) (?:[\w']+ )?(?:beam|"
    r"door ?frame|lamp ?post|cupboard door|open cupboard|shelf|girder)s?\b",
    # Something heavy landing on it: "pulled the telly over onto his head".
    r"(?:fell|fallen|falls|landed|came down|toppled|over) (?:[\w']+ ){0,3}(?:onto|on to|on top of) (?:his|her|my|"
    r"their|the baby'?s) head\b",
)
HEAD_INJURY_FLAG = _concept(
    "head injury red flag",
    # NHS head injury: clear fluid from the nose or ears, pupils of different sizes, memory
    # loss, not knowing where one is.
    r"clear (?:watery |runny )?(?:fluid|liquid|stuff) (?:[\w']+ ){0,3}(?:from|out of) (?:his|her|my|their|the) "
    r"(?:nose|ears?)",
    r"pupils? (?:[\w']+ ){0,4}(?:bigger|larger|smaller) than the other",
    r"pupils? (?:are |of )?(?:different sizes?|uneven)",
    r"(?:can'?t|cannot|doesn'?t|does not|didn'?t) remember (?:the|what|anything|how|it)\b",
    r"(?:doesn'?t|does not|didn'?t) know where (?:he|she|they|i) (?:is|are|am|was)\b",
    r"dent in (?:his|her|my|their|the) (?:skull|head)",
    r"vomit\w*",
    r"(?:been|being|was) sick",
    r"throw\w* up",
    r"threw up",
    r"puk\w*",
    r"confus\w*\b(?! (?:about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"drows\w*",
    r"sleepy",
    r"hard to (?:wake|keep awake)",
    r"(?:can'?t|cannot) (?:stay|keep) awake",
    r"keeps? (?:falling|nodding|dozing|drifting) (?:asleep|off)",
    # NHS head injury: problems with memory, such as asking the same questions.
    r"keeps? asking (?:the same|where|what|who|what happened|what day)",
    r"(?:doesn'?t|does not|didn'?t|can'?t|cannot) (?:know|remember|recogni[sz]e) (?:where|who|what (?:happened|day)|"
    r"anything|me|us|his|her|their)",
    r"memory",
    r"knocked out",
    r"passed out",
    r"black(?:ed)? out",
    r"unconscious",
    r"seiz\w*",
    r"fit\b",
    r"fitting",
    r"(?:clear )?(?:fluid|liquid|blood) (?:[\w']+ ){0,3}(?:from|out of) "
    + POSSESSIVE
    + r" (?:[\w']+ )?(?:nose|ears?)",
    r"double vision",
    r"blurr\w*",
    r"slurr\w*",
    r"headache (?:[\w']+ ){0,3}(?:worse|won'?t go)",
    r"(?:worse|worsening) headache",
    r"acting (?:strange\w*|weird\w*|odd\w*|differently|funny)",
    r"not (?:himself|herself|themselves)",
    r"behaving (?:strange\w*|odd\w*|weird\w*)",
    r"muddled",
    # MedlinePlus head injury: pupils of unequal sizes.
    r"pupils? (?:[\w']+ ){0,5}(?:bigger|larger|smaller|different|unequal|uneven)",
    r"(?:unequal|uneven|different[- ]sized?) pupils",
    r"dazed",
    r"fainted",
    r"vacant",
    # A dent in the skull: a fracture (MedlinePlus head injury).
    r"(?:dip|dent|dint|hollow|soft spot|indent\w*|sunken bit) (?:[\w']+ ){0,2}in (?:his|her|their|my|the) "
    r"(?:skull|head)",
    r"(?:skull|head) (?:[\w']+ ){0,2}(?:caved|dented|pushed) in",
    r"(?:gone|went|is|was) (?:really |very |so |all )?quiet and (?:pale|floppy|drowsy|sleepy)",
    r"(?:not|isn'?t|doesn'?t|does not) mak(?:e|es|ing) (?:any )?sense",
    r"talking (?:absolute |complete |total |utter )?(?:nonsense|gibberish|rubbish)",
    r"blood ?thinn\w*",
    r"anti-?coagula\w*",
    r"warfarin",
    r"apixaban",
    r"rivaroxaban",
    r"edoxaban",
    r"dabigatran",
    r"eliquis",
    r"xarelto",
)

# --- Fever in babies, meningitis (NHS) ---------------------------------------------------

INFANT = _concept(
    "baby under 3 months",
    r"new-?born",
    r"neonat\w*",
    INFANT_NUMBER + r"[- ]?(?:weeks?|wks?|days?|(?:1|2|one|two)[- ]?months?)[- ]old",
    r"(?:1|2|one|two)[- ]months?[- ]old",
    r"(?:baby|infant|son|daughter|little one|girl|boy)(?:'?s)? (?:is |who'?s |who is |aged |of )?(?:only |just )?"
    + INFANT_NUMBER
    + r"[- ]?(?:weeks?|wks?|days?)\b",
    r"(?:baby|infant|son|daughter|little one|girl|boy)(?:'?s)? (?:is |who'?s |who is |aged |of )?(?:only |just )?"
    r"(?:1|2|one|two)[- ]?months?\b",
    r"(?:born|arrived|delivered) (?:[\w']+ ){0,2}(?:days?|weeks?) ago",
    r"(?:under|younger than|less than) (?:3|three) months",
    r"(?:she'?s|he'?s|they'?re|she is|he is|they are) (?:only |just )?"
    + INFANT_NUMBER
    + r" weeks?\b(?! (?:pregnant|along|gone|ago|into|overdue|late|early))",
    r"(?:she'?s|he'?s|they'?re|she is|he is|they are) (?:only |just )?"
    + INFANT_NUMBER
    + r" wks?\b(?! (?:pregnant|along|gone|ago|into|overdue|late|early))",
    r"(?:she'?s|he'?s|they'?re|she is|he is|they are) (?:only |just )?"
    + INFANT_NUMBER
    + r" days?\b(?! (?:pregnant|along|gone|ago|into|overdue|late|early))",
)
HIGH_FEVER = _concept(
    "fever, named",
    r"fever\w*",
    r"(?:high |a )?temperature",
    r"temp\b",
    r"burning up",
    r"3[89](?:\.\d)?\b",
    r"40(?:\.\d)?\b",
    r"10[0-5](?:\.\d)?\b",
    r"pyrexi\w*",
    r"(?:is|feels?|felt|so|really|very|burning|boiling) (?:\w+ )?hot\b",
)
STIFF_NECK = _concept(
    "stiff neck",
    r"stiff (?:\w+ )?neck",
    r"neck(?:'s| is| feels| has gone| went| got)? (?:so |really |very |too )?(?:stiff|rigid)",
    r"too stiff to (?:bend|move|turn|tuck)",
    r"(?:can'?t|cannot|won'?t) (?:bend|move|touch|put|tuck) (?:his|her|my|their) (?:neck|chin|head)",
)
NON_BLANCHING = _concept(
    "rash that does not fade",
    r"(?:rash|spots|blotches|marks|dots|bruis\w*)(?: [\w']+){0,5} (?:don'?t|doesn'?t|won'?t|didn'?t|do not|does not|"
    r"did not) (?:fade|blanch|turn white)",
    r"(?:rash|spots|blotches|marks|dots|bruis\w*)(?: [\w']+){0,5} (?:don'?t|doesn'?t|won'?t|didn'?t|do not|does not|"
    r"did not) (?:go(?: away)?|disappear)(?: [\w']+){0,6} (?:glass|press\w*)",
    r"non-?blanching",
    r"(?:rash|spots|blotches|marks)\b.{0,30}\b(?:stays?|stayed|still there|still showing) (?:[\w']+ ){0,3}"
    r"(?:under|with|through) (?:a |the )?glass",
    r"(?:spots|rash|marks) not fading (?:with|under) (?:a |the )?glass",
    r"(?:purple|purplish|dark red|red-purple|pin ?prick|tiny (?:purple|dark)|petechia\w*|bruise-?like)"
    r"(?: [\w']+){0,2} (?:spots|rash|dots|marks|blotches|bruises)",
)
BULGING = _concept(
    "bulging soft spot",
    r"(?:soft spot|fontanell?e?) (?:[\w']+ ){0,4}(?:bulg\w*|swollen|raised|tense|puff\w*|sticking out)",
    r"bulging (?:soft spot|fontanell?e?)",
)
LIGHT_HURTS = _concept(
    "dislikes bright light",
    r"(?:can'?t|cannot|won'?t|couldn'?t) (?:bear|stand|tolerate|look at|handle) (?:the )?(?:bright )?lights?",
    r"(?:bright )?lights? (?:\w+ )?(?:hurts?|hurting|bothers?|bothering|is painful|are painful)",
    r"(?:hates|dislikes?|sensitiv\w* to|avoiding|can'?t face) (?:the )?(?:bright )?lights?",
    r"photophob\w*",
    r"(?:flinch\w*|shy\w*|turn\w*|hid\w*|shield\w*) (?:[\w']+ ){0,2}away from (?:the )?(?:bright )?lights?",
    r"(?:shut|close|draw) the curtains",
)

# --- Pregnancy warning signs (CDC) -------------------------------------------------------

PREGNANT = _concept(
    "pregnant",
    r"pregnan\w*",
    r"\d{1,2} ?(?:weeks?|wks?|months?) (?:along|gone|pregnant|into (?:my|the|her) pregnancy|gestation)",
    r"(?:one|two|three|four|five|six|seven|eight|nine) months (?:along|gone|pregnant)",
    r"expecting (?:a baby|a boy|a girl|twins|triplets|(?:my|our|her) (?:first|second|third|\w+) "
    r"(?:baby|child))",
    r"expecting twins",
    r"positive (?:pregnancy )?test",
    r"pregnancy test (?:was |is |came back |came up |showed )?positive",
    r"my bump",
    r"(?:first|second|third) trimester",
    r"(?<!for )(?<!past )(?<!last )(?<!over )[2-4]\d ?(?:weeks?|wks?)\b(?! ago)",
)
_FETAL_MOVEMENT_WORDS = (
    r"(?:haven'?t|hasn'?t|have not|has not|didn'?t|did not|not|can'?t|cannot) (?:\w+ )?(?:felt|feel|noticed|notice) "
    r"(?:[\w']+ ){0,3}(?:kick\w*|mov\w*)(?! (?:[\w']+ )?yet)",
    r"(?:baby|bump) (?:[\w']+ ){0,3}(?:not moving|moving less|stopped moving|hasn'?t moved|gone quiet)",
    r"(?:fewer|less|no) (?:kicks|movements?)",
    r"(?:baby|bump) (?:[\w']+ ){0,3}(?:stopped kicking|not kicking|kicking less|hasn'?t kicked|isn'?t kicking)"
    r"(?! (?:his|her|their) legs| in (?:the|his|her) (?:bath|cot|sleep))",
    # "baby has barely kicked at all today"
    r"(?:baby|bump) (?:[\w']+ ){0,3}(?:barely|hardly) (?:kick\w*|mov\w*)",
    r"(?:baby|bubs|bby|bump)\b.{0,20}\b(?:hasn'?t|has not|not) moved\b",
    r"(?:only )?moved (?:like |about |maybe )?(?:once|twice|two times) (?:today|all day|since)",
    r"kicks? (?:feel |are |have been |seem )?(?:weaker|less often|fewer|slower)",
)
FETAL_MOVEMENT = _concept("baby moving less", *_FETAL_MOVEMENT_WORDS)
#: NHS ectopic pregnancy: early in a pregnancy (or before a scan), pain low on one side
#: with vaginal bleeding or brown discharge, shoulder tip pain, or feeling faint.
EARLY_PREGNANCY = _concept(
    "early pregnancy",
    r"\b(?:[4-9]|1[0-2]) ?(?:weeks?|wks?)\b(?! ago| old)",
    r"\b(?:four|five|six|seven|eight|nine|ten|eleven|twelve) weeks? (?:pregnant|along|gone)",
    r"positive (?:pregnancy )?test",
    r"(?:no|haven'?t had a|not had a|before (?:my|the|her)) scan(?: yet)?\b",
)
ONE_SIDED_LOW_PAIN = _concept(
    "pain low on one side",
    r"(?:pain|ache|cramp\w*|hurts?|stabbing)\b.{0,40}\b(?:(?:left|right|one) side|low on the (?:left|right)|lower "
    r"(?:left|right))",
    r"(?:left|right|one)[- ]sided? (?:[\w']+ ){0,3}(?:pain|ache|cramp\w*)",
    r"shoulder tip",
)
ECTOPIC_SIGN = _concept(
    "spotting or shoulder tip pain",
    r"spotting",
    r"(?:bit of |some |little |light )?bleeding",
    r"brown (?:discharge|spotting|blood)",
    r"light[- ]?headed",
    r"shoulder tip",
)
#: NHS ectopic pregnancy: with feeling faint or very dizzy, call 999 or go to A&E.
ECTOPIC_FAINT = _concept(
    "faint or very dizzy",
    r"(?:nearly |almost )?faint(?:ed|ing)?\b",
    r"(?:very|really|so) dizzy",
    r"pass(?:ed|ing)? out",
    r"collaps\w*",
)
#: CDC urgent maternal warning signs that hold during a pregnancy and for a year after it: a
#: headache that will not go or gets worse, changes in vision, swelling of the face or hands.
_MATERNAL_WARNING_WORDS = (
    r"headache (?:[\w']+ ){0,3}(?:won'?t (?:go|shift|stop|ease)|getting worse|for (?:days|hours)|not going|"
    r"nothing (?:touches|helps|shifts))",
    r"(?:severe|terrible|awful|really bad|very bad|bad|pounding|splitting|blinding|crushing) headache",
    r"(?:blurr\w* |double |changes? in (?:my|her) |losing (?:my|her) |lost (?:my|her) )vision",
    r"vision(?:'s| has| is)? (?:[\w']+ ){0,2}(?:blurr\w*|spotty|sparkl\w*|flash\w*|gone|dark|funny|weird)",
    r"seeing (?:spots|stars|flashing lights|flashes|sparkles)",
    r"(?:face|hands|fingers) (?:[\w']+ ){0,4}(?:swell\w*|swollen|puff\w*)",
    r"(?:swollen|puffy) (?:face|hands)",
)
PREGNANCY_WARNING = _concept(
    "pregnancy warning sign",
    r"bleed\w*",
    r"blood\b",
    r"heavy spotting",
    r"(?:severe|terrible|awful|intense|agonising|agonizing|unbearable|excruciating|stabbing|really bad|very bad) "
    + _gap(2)
    + r"(?:pains?|cramps?|cramping)",
    r"(?:pains?|cramps?|cramping) (?:[\w']+ ){0,4}(?:won'?t (?:go|stop|ease)|getting worse|not (?:going|easing))",
    *_MATERNAL_WARNING_WORDS,
    # NHS pre-eclampsia: severe pain just below the ribs.
    r"(?:severe|bad|sharp|intense|terrible|awful) (?:[\w']+ ){0,2}pain (?:[\w']+ ){0,3}(?:under|below|beneath) "
    r"(?:my|her|the) (?:right )?ribs",
    r"pain (?:[\w']+ ){0,2}(?:under|below|beneath) (?:my|her|the) (?:right ribs|ribs on (?:the|my|her) right)",
    r"leak\w* (?:[\w']+ ){0,2}(?:fluid|water)",
    r"waters? (?:[\w']+ ){0,2}(?:broke|broken|gone|went|leaking)",
    r"(?:gush|trickle|flood|stream) of (?:[\w']+ ){0,2}(?:water|fluid|liquid)",
    r"(?:green\w*|brown\w*|bloody) (?:water|waters|fluid|liquid)",
    r"(?:barely|hardly|haven'?t|hasn'?t|have not|has not|didn'?t|not) (?:\w+ )?(?:felt|feel|feeling) "
    r"(?:her|him|them|the baby|baby|it|anything)\b(?! (?:for|in) (?:years|months|ages))(?! (?:[\w']+ ){0,2}yet)",
    r"(?:baby|bump) (?:[\w']+ ){0,3}(?:not moving|moving less|stopped moving|hasn'?t moved|gone quiet|quiet)",
    r"(?:fewer|less|no) (?:kicks|movements?)",
    r"fever",
    r"high temperature",
    r"(?:temperature|temp)\b (?:[\w']+ ){0,2}(?:3[89]|4[01]|10[0-4])(?:\.\d)?(?! ?(?:weeks?|wks?))\b",
    r"faint\w*",
    r"passed out",
    # NHS premature labour: regular tightenings or contractions
    r"(?:tighten\w*|contractions?) (?:[\w']+ ){0,3}every (?:\d+|two|three|four|five|ten) (?:mins?|minutes)",
    r"regular (?:tightenings?|contractions)",
    *_FETAL_MOVEMENT_WORDS,
)
PREGNANCY_EVERYDAY = _words(
    r"gums?\b", r"nose ?bleed\w*", r"nose (?:is )?bleed\w*", r"blood (?:pressure|sugar|test)"
)
#: NHS placental abruption: a bump that goes hard, with constant pain that does not ease.
ABRUPTION_SIGN = _concept(
    "hard bump, constant pain",
    r"(?:rock[- ]hard|hard as (?:a )?(?:rock|board|stone)|rigid|board-?like) (?:[\w']+ ){0,4}(?:constant|"
    r"non-?stop|continuous) (?:[\w']+ ){0,2}pain",
    r"constant (?:[\w']+ ){0,2}pain (?:[\w']+ ){0,4}(?:doesn'?t|does not|won'?t|never|not) (?:ease|let up|stop|go)",
)
#: Tightenings that come and go are usually Braxton Hicks.
ABRUPTION_EVERYDAY = _words(r"braxton", r"comes? and goes", r"on and off", r"times a day")
#: The weeks after a birth, when heavy bleeding is a postpartum haemorrhage.
AFTER_BIRTH = _concept(
    "after a birth",
    r"had (?:my|the|a|her|our) (?:baby|son|daughter|twins)",
    r"gave birth",
    r"(?:since|after) (?:the |my |her )?(?:birth|delivery|labou?r|c-?section|caesarean|cesarean)\b",
    r"post-?partum",
    r"post-?natal",
    r"(?:days?|weeks?) after (?:giving birth|the birth|having (?:my|the|her) baby|delivery)",
)
#: The same warning signs after a birth (CDC: for a year after it).
POSTPARTUM_WARNING = _concept("warning sign after a birth", *_MATERNAL_WARNING_WORDS)
#: NHS postpartum haemorrhage: soaking a pad an hour, clots, bleeding that gets heavier.
HEAVY_BLOOD_LOSS = _concept(
    "heavy blood loss",
    r"clots? (?:[\w']+ ){0,3}(?:as big as|the size of|bigger than|size of) (?:a |an |my |his |her |your )?"
    r"(?:palm|fist|plum|golf ?ball|lemon|orange|hand|egg|tennis ball)",
    r"(?:huge|massive) (?:blood )?clots",
    r"soak\w* (?:through )?(?:[\w']+ ){0,2}(?:pads?|towels?)(?: [\w']+){0,3} (?:an?|every|each|in an?|within an?) "
    r"(?:hour|\d+ ?min\w*|half hour|few min\w*)",
    r"(?:gushing|pouring|pumping|flooding) (?:out )?blood",
    r"blood (?:is )?(?:gushing|pouring|pumping|flooding)",
    r"(?:bleeding|losing blood) (?:really |very |so )?heavily",
)

# --- Urgent symptoms (MedlinePlus) -------------------------------------------------------

VOMITING = _concept(
    "vomiting",
    r"vomit\w*",
    r"throw\w* up",
    r"threw up",
    r"(?:being|been) sick",
    r"puk\w*",
    r"(?:can'?t|cannot) keep (?:anything|\w+) down",
    r"diarrh?o?ea",
)
VOMITING_ONLY = _concept(
    "vomiting, not diarrhoea",
    r"vomit\w*",
    r"throw\w* up",
    r"threw up",
    r"(?:being|been) sick",
    r"puk\w*",
)
NO_URINE = _concept(
    "no urine",
    r"(?:haven'?t|hasn'?t|have not|has not|not|hardly|barely|didn'?t|did not) (?:\w+ ){0,2}(?:peed|pee|wee'?d|weed|"
    r"wee|urinat\w*|passed (?:any )?(?:urine|water)|been to the toilet)",
    r"no (?:wet )?(?:nappies|diapers)",
    r"(?:hasn'?t|haven'?t|has not|have not|not|no|didn'?t) (?:had )?(?:a |any )?wet (?:nappy|nappies|diaper|diapers)",
    r"(?:nappies|diapers|nappy|diaper) (?:[\w']+ ){0,3}dry",
    r"(?:very |really )?dark (?:brown )?(?:urine|pee|wee)",
)
#: Black stools from iron tablets, bismuth or dark food: not blood.
BLACK_STOOL_EVERYDAY = _words(
    r"iron",
    r"ferrous",
    r"bismuth",
    r"pepto",
    r"blueberr\w*",
    r"black ?berr\w*",
    r"liquorice",
    r"licorice",
    r"black pudding",
    r"beetroot",
    r"charcoal",
    r"spinach",
    r"kale",
)
DARK_STOOL_BLOOD = _concept(
    "dark blood from the bowel",
    r"(?:dark red|maroon|plum-coloured|plum-colored) (?:[\w']+ ){0,2}(?:blood|poo|poop|stools?)",
    r"black (?:[\w']+ ){0,2}(?:poo|poop|stools?|bowel movements?)",
    r"(?:poo|poop|stools?|bowel movements?)(?:'s)? (?:[\w']+ ){0,3}(?:black|tarry|like tar)",
    r"tarry",
    r"tar-like",
)
CANT_KEEP_DOWN = _concept(
    "cannot keep fluids down",
    r"(?:can'?t|cannot|couldn'?t|unable to|not able to) (?:keep|hold) (?:any(?:thing)?|fluids?|water|liquids?|drinks?|"
    r"food|milk|feeds?|(?:my|his|her|their) (?:food|feeds?|milk|tablets|pills|meds|medicine)|any (?:\w+ )?"
    r"(?:fluids?|water|food|liquids?|drinks?)) (?:\w+ )?down",
)
LONG_VOMITING = _concept(
    "two days or more",
    r"(?:for|since|over|in) (?:the (?:last|past) )?(?:two|three|four|five|several|a few|a couple of|2|3|4|5) days",
    r"(?:for|over|in) (?:the (?:last|past) )?(?:24|36|48|72|twenty[- ]four|forty[- ]eight) (?:hours|hrs)",
)
DIABETIC = _concept(
    "diabetic",
    r"diabet\w*",
    r"type ?1\b",
    r"insulin",
    r"(?:blood )?sugars?'?s? (?:is |are |has been |have been |keeps? )?(?:really |very |so |super |sky )?(?:high|"
    r"through the roof)",
    r"(?:really |very |super )?high (?:blood )?sugars?",
)
DKA_SIGN = _concept(
    "ketoacidosis sign",
    r"fruity",
    r"sweet[- ]smelling breath",
    r"breath (?:[\w']+ ){0,2}(?:sweet|fruity|pear drops|acetone|nail polish)",
    r"pear drops",
    r"acetone",
    r"ketones? (?:[\w']+ ){0,4}(?:high|dark|purple|large|moderate|positive|turned|over|above)",
    r"(?:high|large|moderate|positive) ketones",
    r"vomit\w*",
    r"throw\w* up",
    r"threw up",
    r"(?:being|been) sick",
    r"puk\w*",
    r"breathing (?:[\w']+ ){0,2}(?:deep|fast|heavily|hard)",
)
VERY_HIGH_TEMPERATURE = _concept(
    "very high temperature",
    r"(?:10[4-9]|4[0-2])(?:\.\d)?(?: ?(?:°|degrees|deg)? ?[fc]\b)?(?! ?(?:years?|yrs?|yo|days?|weeks?|months?|"
    r"minutes?|mins?|hours?|mg|kg|lbs?|pounds|ml|%|percent|times))",
)
FEVER_WORD = _concept("fever word", r"fever\w*", r"temperature", r"temp\b")
FROM_THE_BOWEL = _concept(
    "from the bowel",
    r"(?:from|out of) (?:my|his|her|their|the) (?:bottom|bum|back passage|rectum|anus|butt)",
    r"in (?:my|his|her|their|the) (?:stools?|poo|poop)",
)
RIGHT_LOWER_BELLY = _concept(
    "lower right belly",
    r"(?:lower|bottom) right",
    r"right (?:lower|bottom|iliac|groin)",
    r"low (?:down )?on the right",
    r"right(?: hand)? side of (?:my|his|her|their|the) (?:belly|tummy|stomach|abdomen|lower)",
    r"right of (?:my|his|her|their|the) (?:belly|tummy|stomach|abdomen)",
)
NAVEL = _concept(
    "belly button",
    r"belly ?button",
    r"tummy ?button",
    r"navel",
    r"umbilic\w*",
    r"middle of (?:my|his|her|their|the) (?:belly|tummy|stomach|abdomen)",
)
MOVED_RIGHT = _concept(
    "moved to the right",
    r"(?:mov\w*|shift\w*|spread\w*|travell?\w*|gone|went|go(?:es|ing)?) (?:[\w']+ ){0,3}(?:to|into|towards?) "
    r"(?:the |my |his |her |their )?(?:lower |bottom )?right\b",
)
APPENDICITIS_SIGN = _concept(
    "worse, fever or vomiting",
    r"(?:getting|got|gets|keeps getting|much|becoming) worse",
    r"worse and worse",
    r"worsening",
    r"moved (?:down |over )?to",
    r"fever\w*",
    r"temperature",
    r"temp\b",
    r"vomit\w*",
    r"throw\w* up",
    r"threw up",
    r"(?:being|been) sick",
    r"(?:can'?t|cannot) (?:walk|stand up straight|move)",
    r"hurts? (?:\w+ )?to (?:walk|move|cough)",
    # NHS appendicitis: worse on coughing, walking, jolting; loss of appetite.
    r"(?:worse|hurts? (?:more|most)|got way worse) (?:when|if|every time) (?:[\w']+ ){0,4}(?:bumps?|jump\w*|"
    r"cough\w*|laugh\w*|press\w*|brakes?|hop\w*|let go)",
    r"(?:over|hit) (?:a |the )?bumps?\b",
    r"(?:no|lost (?:my |his |her )?|off (?:his|her|my) ) ?appetite",
    r"(?:doesn'?t|does not|don'?t) want (?:any|to eat|anything to eat)\b",
    r"walking (?:bent|hunched|doubled) over",
)

# --- Suicide (NIMH) ----------------------------------------------------------------------

FLOATERS_OR_FLASHES = _concept(
    "floaters or flashes",
    r"floaters?\b",
    r"flash(?:es|ing)? (?:of light|of lights|in (?:my|his|her|one|the) (?:left |right )?eye)",
    r"(?:shower|cloud|swarm|load|lots) of (?:\w+ )?(?:dots|specks|spots|cobwebs)",
)
SIGHT_SHADOW = _concept(
    "a shadow over the sight",
    r"(?:dark |black |grey |gray )?(?:shadow|curtain|veil|shade)\b",
    r"(?:blind|dark) (?:spot|patch|area) (?:\w+ ){0,3}(?:spreading|growing|creeping|coming)",
)
#: NHS: hearing voices that tell you to harm yourself or others needs help now.
VOICES_URGING = _concept(
    "voices urging harm",
    r"voices? (?:[\w']+ ){0,4}(?:tell\w*|urg\w*|order\w*|command\w*|say\w*|want\w*) (?:me|him|her|them) to "
    r"(?:kill|hurt|harm|end|die|jump|walk into|drown|cut|stab|hang|take (?:all|my|the))",
)
DEATH_WISH = _concept(
    "wish to be dead",
    r"(?:want\w*|wann?a|wish\w*|long\w*|hop\w*|pray\w*|rather|prefer\w*|ready) "
    r"(?:(?:to|that|if|i|he|she|they|could|would|was|were|just|go|simply|quietly|peacefully|be|able|allowed|"
    r"only) ){0,5}"
    r"(?:die\b(?! down| off| out)"
    + NOT_FIGURATIVE
    + r"|be dead|dead\b|not (?:be )?(?:alive|here|around)|not exist|stop existing|"
    r"stop living|never wake up|not wake up|sleep and (?:never|not) wake|sleep forever|fall asleep and (?:never|"
    r"not) wake|disappear (?:forever|for good|permanently)|end it"
    + NOT_A_RELATIONSHIP
    + r"|be gone for good)"
    r"(?! than\b)",
    r"(?:don'?t|do not|doesn'?t|does not|no longer|never) (?:really )?(?:want|wish) to (?:exist|be alive|live|"
    r"wake up|carry on|go on|keep going|keep living)(?=\s*(?:$|[.,!?;]|any ?more|now\b|like this))",
    # "honestly don't see the point of being here any more" (NIMH: feeling there is no reason
    # to live); not "the point of being here at 6am".
    r"(?:don'?t|do not|can'?t|cannot) see (?:the|any|much) point (?:of|in) (?:me )?(?:being here|being alive|"
    r"living|carrying on|going on|staying alive|life)(?=\s*(?:$|[.,!?;]|any ?more|now\b))",
)
#: A saying asked about, of what to do if anyone swallows something ("my mum always said
#: make someone sick if they swallow something poisonous, is that right"): advice someone
#: heard, not a poisoning. Not when the sentence tells of something swallowed ("my son
#: swallowed bleach, is it true i should make him sick").
SAYING = re.compile(
    r"^(?!.*\b(?:swallowed|drank|drunk|ate|eaten|licked|chewed|just|has|have|had)\b)"
    r"(?=.*\b(?:always (?:said|says|told)|used to (?:say|tell)|(?:people|they|everyone) (?:always )?say|"
    r"is (?:it|that|this) (?:true|right|a myth)|old wives|myths?\b))"
    r"(?=.*\bif (?:they|someone|somebody|anyone|a person|a child|kids|children|you) (?:\w+ ){0,2}"
    r"(?:swallow|swallows|drink|drinks|eat|eats)\b)"
)
#: Cuts and knocks while shaving, cooking or at sport.
ACCIDENT = _words(
    r"shav\w*",
    r"chopp\w*",
    r"cook\w*",
    r"slic\w*",
    r"peel\w*",
    r"carv\w*",
    r"garden\w*",
    r"by accident",
    r"accident\w*",
    r"lifting",
    r"falling",
    r"fell\b",
    r"playing",
    r"skiing",
    r"at (?:the gym|work|football|rugby)",
    r"on (?:a|an|the|some) (?:\w+ )?(?:tin|can|glass|paper|nail|thorn|rose|bramble|fence|lid)s?\b",
)
SELF_HARM = _concept(
    "self-harm",
    r"(?:cutting|cut|hurting|hurt|harming|harmed|burning|burnt|burned) (?:my|him|her|them)sel(?:f|ves)",
    r"(?:been|keeps?|started|starting|still|is|'s|are|am|i'?m) (?:\w+ )?(?:cutting|burning|scratching) "
    r"(?:my|his|her|their) (?:own )?(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy)",
    r"(?:holding|held|hold|pressing|pressed|putting|put) (?:[\w']+ ){0,3}(?:knife|blade|razor|scissors|glass) "
    r"(?:[\w']+ ){0,2}(?:to|against|on|at|across) (?:my|his|her|their) (?:wrists?|arms?|throat|neck|skin)",
)
ENDING_IT = _concept(
    "ending it",
    r"(?:thinking (?:of|about)|going to|gonna|plan\w* to|want\w* to|ready to|about to|decided to|tempted to) "
    r"(?:end(?:ing)? it(?: all)?"
    + NOT_A_RELATIONSHIP
    + r"|end(?:ing)? my life|kill(?:ing)? myself|"
    r"tak(?:e|ing) my (?:own )?life)",
    r"(?:want|wish|need) (?:it all|everything|all of (?:it|this)|my life) to (?:end|stop)\b"
    r"(?! (?:for|with|well|happily|nicely|on|in|soon|quickly|at)\b)",
)
BURDEN = _concept(
    "a burden",
    r"(?:better|happier|easier) (?:off )?(?:without me|if i (?:was|were|wasn'?t|weren'?t) (?:gone|dead|here|around))",
    r"(?:such|just) a burden",
    r"burden (?:to|on) (?:everyone|my family|them|you all)",
    # Said by someone else and reported: "she keeps saying everyone would be better off
    # without her", "he keeps saying he's a burden".
    r"(?:keeps?|kept|keeping|always|been) (?:saying|telling (?:me|us|everyone|people)) (?:that )?"
    r"(?:everyone|everybody|we|the family|the kids|you all|they|people)(?:'d| would| will)(?: all)? be "
    r"(?:better|happier) off without "
    r"(?:her|him|them)\b",
    r"(?:keeps?|kept|keeping|always|been) (?:saying|telling (?:me|us|everyone|people)) (?:that )?(?:she'?s|he'?s|"
    r"they'?re|she is|he is|they are) (?:such |just |only |nothing but )?a burden",
    r"(?:enough of|tired of|sick of|fed up (?:of|with)) being a burden",
    r"(?:no ?one|nobody) (?:would|will|'?d|is going to|even) (?:even |really )?(?:miss|notice|care)\b(?: me)? if i "
    r"(?:(?:was|were) (?:gone|dead|not here|not around)|wasn'?t (?:here|around|alive)|weren'?t (?:here|around|alive)|"
    r"died|disappeared|was gone|am gone|'?m gone|killed myself|ended it)",
)
FAREWELL = _concept(
    "saying goodbye",
    r"good-?byes?",
    r"farewell",
    r"(?:letters?|notes?) (?:to|for) (?:my|his|her|their) (?:\w+ )?(?:family|kids|children|wife|husband|partner|"
    r"parents|mum|mom|dad|friends)",
    r"giv(?:ing|en|e) away (?:my|his|her|their|all)",
    # A call out of the blue to say "I love you" and where the will is (NIMH: saying
    # goodbye, putting affairs in order).
    r"(?:rang|rung|called|phoned|texted|messaged) (?:[\w']+ ){0,3}to (?:say|tell (?:me|us|them)) "
    r"(?:that )?(?:he|she|they) lov\w*",
    r"(?:tell|told|telling|show\w*) (?:me|us|them) where (?:his|her|their|my) (?:will|papers|policies) (?:is|are)",
)
#: NIMH warning signs: giving away prized things, asking someone to take care of a pet.
GIVING_AWAY = _concept(
    "giving things away",
    r"(?:giv\w*|gave|hand\w*) (?:me |us |them |away |out )?(?:all )?(?:of )?(?:his|her|their|my) (?:[\w']+ )?"
    r"(?:xbox|playstation|ps\d|switch|guitar|games|consoles?|watch|jewell?e?ry|ring|savings|money|clothes|bike|"
    r"laptop|phone|collection|things|stuff|belongings|possessions)\b",
    r"(?:asked|asking|asks) (?:me|us|them) to (?:look after|take care of|have|keep|feed) (?:his|her|their|my) "
    r"(?:dogs?|cats?|pets?|kids?|children|things|stuff)",
    r"(?:giv\w*|gave|rehom\w*|found a home for) (?:away )?(?:my|his|her|their) (?:dogs?|cats?|pets?)\b",
    r"paid off (?:everything|all (?:my|his|her|their|the) debts?)",
    r"(?:sort\w*|put) (?:out )?(?:my|his|her|their) (?:affairs|will) (?:in order|out)",
)
NOT_AROUND_SOON = _concept(
    "not around soon",
    r"(?:won'?t|will not|wont) matter (?:soon|much longer|for long|any ?more)",
    r"(?:won'?t|will not|wont) be (?:here|around|a problem|a burden) (?:for long|much longer|soon|any ?more)",
    r"(?:soon|after (?:tonight|today|this)) (?:it )?(?:won'?t|will not) matter",
    r"(?:you|they|everyone)(?:'ll| will) (?:be )?(?:better off|understand) soon",
    r"(?:no ?one|nobody) (?:will|'?ll|is going to|would) (?:have|need) to worry about (?:me|him|her)",
)
LAST_STEP = _concept(
    "going now",
    r"(?:can'?t|cannot|couldn'?t) (?:go on|carry on|do this any ?more|take (?:it|this) any ?more)",
    r"ready to go",
    r"tonight",
    r"(?:won'?t|will not) be (?:here|around)",
    r"for the last time",
)
TAKE_THEM_ALL = _concept(
    "take them all",
    r"(?:going to|gonna|plan\w* to|want\w* to|about to|will|ready to) (?:take|swallow|down) (?:them all|all of them|"
    r"the lot|every last one|the whole (?:bottle|packet|pack|box|lot))",
    r"(?:take|swallow|down) all (?:of )?(?:my|the|these|those) (?:\w+ )?(?:pills|tablets|meds) "
    r"(?:at once|in one go|together|tonight)",
)
#: NIMH warning signs: looking for a way, such as stockpiling pills.
STOCKPILING = _concept(
    "stockpiling medicine",
    r"(?:sav\w*|stockpil\w*|hoard\w*|collect\w*|stor\w*|stash\w*|squirrel\w*)(?: up| away)? "
    r"(?:all )?(?:my|his|her|their|the) (?:[\w']+ )?(?:pills|tablets|meds|medication|medicines|painkillers)",
)
#: NIMH warning signs: looking for a way to kill oneself, such as obtaining a gun.
SEEKING_WEAPON = _concept(
    "looking for a weapon",
    r"(?:ask\w*|wonder\w*|want\w* to know) (?:me |us |them )?where (?:his|her|their|my|the) (?:[\w']+ ){0,2}"
    r"(?:pistol|gun|revolver|rifle|shotgun|firearm)s? (?:is|are|was|were|went|ended up|had gone|has gone|got to)",
    r"(?:looking|searching|hunting) (?:everywhere |all over )?for (?:his|her|their|my|the|a) (?:[\w']+ ){0,2}"
    r"(?:pistol|gun|revolver|rifle|shotgun|firearm)s?\b",
    r"(?:trying|tried|wants?|wanted|asking|asked) to (?:get|buy|borrow) (?:a|his|her|their) (?:[\w']+ )?"
    r"(?:pistol|gun|revolver|rifle|shotgun|firearm)\b",
)
#: Saying they are done with living, in the words of someone old or ill ("ready to go").
DONE_WITH_LIVING = _concept(
    "done with living",
    r"ready to go\b(?! (?:out|home|back|to|for|in|on|now|again|shopping|swimming))",
    r"(?:had|has|had had) enough of (?:life|living|it all|every ?thing)",
    r"(?:can'?t|cannot|couldn'?t) (?:go on|carry on)",
    r"(?:wants?|wanted|wanting) (?:it )?(?:all )?to be over",
)
SUICIDE_PLAN = _concept(
    "plan",
    r"(?:worked out|planned|planning|figured out|decided|researching|research\w*|googl\w*|search\w*|looked up|"
    r"looking up) (?:[\w']+ ){0,3}(?:how|when|where|ways?|methods?) (?:to|i'?d|i'?ll|i will|i would|i'?m going to) "
    r"(?:[\w']+ ){0,3}(?:do it|die|end it|end my life|kill myself|overdose|hang myself|not wake up)",
    # Looking up the amount that would be enough, with no everyday purpose named after it.
    r"(?:worked out|planned|figured out|researching|research\w*|googl\w*|search\w*|looked up|looking up|check\w*|"
    r"count\w*) (?:[\w']+ ){0,2}how many (?:[\w']+ ){0,4}(?:it would|it'?d|would it|i would|i'?d) (?:take|need)\b"
    r"(?! to (?!(?:kill|die|end|overdose|not wake)))",
    r"(?:how|when|where) (?:i'?d|i'?ll|i will|i would|i'?m going to|i am going to|i'?m gonna|(?:he|she)'?(?:d|ll)|"
    r"(?:he|she) (?:will|would|is going to)) do it",
)
HOPELESS = _concept(
    "hopeless",
    r"no point (?:to|in|of) (?:any ?thing|any of (?:this|it)|it all|life|living|going on|carrying on|trying)",
    r"(?:what'?s|what is) the point (?:any ?more|of (?:any ?thing|it all|living|life|going on|trying)|in (?:living|"
    r"life|going on|trying))",
    r"nothing matters",
    r"(?:done|finished) with (?:every ?thing|it all|life|living)",
    r"hopeless",
    r"pointless",
    r"no (?:future|hope|way forward)\b",
    r"(?:can'?t|cannot) see (?:a|any) way (?:out|forward)",
)
SUICIDE_MEANS = _concept(
    "means",
    r"rope",
    r"noose",
    r"gun\b",
    r"shotgun",
    r"rifle",
    r"pills",
    r"tablets",
    r"overdose",
    r"bridge",
    r"jump\w*",
    r"kill\w*",
    r"die\b",
    r"end (?:it|my life|things)",
    r"hang\w*",
    r"wrists?",
    r"suicid\w*",
)

# --- Poisoning and overdose (MedlinePlus) ------------------------------------------------

INGESTED = _concept(
    "swallowed",
    r"swallow\w*",
    r"drank",
    r"drunk\b",
    r"drink\w*",
    r"ate\b",
    r"eaten",
    r"down(?:ed|ing)\b",
    r"gulp\w*",
    r"neck(?:ed|ing)\b",
    r"chug\w*",
    r"sipp?\w*",
    r"lick\w*",
    r"chew\w*",
    r"took\b",
    r"taken\b",
    r"suck\w*",
    r"snort\w*",
    r"inject\w*",
    r"sniff\w*",
    r"inhal\w*",
    r"huff\w*",
    r"bit (?:into|open|on)",
    r"bitten",
)
HOUSEHOLD_POISON = _concept(
    "household poison",
    r"bleach",
    r"white spirit",
    r"turps",
    r"turpentine",
    r"anti-?freeze",
    r"screen ?wash",
    r"de-?icer",
    r"meths\b",
    r"methylated",
    r"paraffin",
    r"kerosene",
    r"petrol",
    r"gasoline",
    r"diesel",
    r"lighter fluid",
    r"oven cleaner",
    r"drain (?:cleaner|unblocker)",
    r"toilet (?:cleaner|duck|block)",
    r"caustic",
    r"lye\b",
    r"ammonia",
    r"(?:battery|drain|hydrochloric|sulphuric|sulfuric|muriatic|caustic) acid",
    r"limescale",
    r"descal\w*",
    r"dishwasher",
    r"detergent",
    r"laundry (?:pod|capsule|liquid|tablet|powder)s?",
    r"washing[- ](?:up|powder|liquid|tablet|pod)",
    r"fabric softener",
    r"disinfectant",
    r"dettol",
    r"(?:nail|furniture|shoe|floor|metal) polish",
    r"glue\b",
    r"solvent",
    r"pesticide",
    r"insecticide",
    r"weed ?killer",
    r"slug pellets",
    r"rat poison",
    r"(?<!food )(?<!blood )poison(?! ivy| oak)\w*",
    r"fertili[sz]er",
    r"essential oils?",
    r"vape (?:juice|liquid|refills?|oil)",
    r"refill\w* (?:[\w']+ ){0,2}(?:for|of) (?:my|his|her|the|a|their) (?:vape|e-?cig\w*)",
    r"e[- ]?liquid",
    r"cigarette (?:ends|butts?)",
    r"(?:wild |poisonous |shiny |black |red )(?:[\w']+ )?(?:berries|mushrooms|toadstools)",
    r"(?:berries|mushrooms) (?:off|from) (?:a |the )?(?:bush|tree|garden|park|woods?|hedge)",
    r"nicotine (?:liquid|juice|refill|pouch\w*)",
    r"button batter\w*",
    r"batter(?:y|ies)",
    r"magnets?",
    r"hand sanitis\w*",
    r"hand sanitiz\w*",
    r"mouthwash",
    r"perfume",
    r"aftershave",
    r"alcohol gel",
    r"cleaning (?:product|fluid|spray|liquid)s?",
    r"(?:bathroom|kitchen|floor|window|carpet) cleaner",
    r"(?:pool|cleaning|garden|household) chemicals?",
)
MEDICINE = _concept(
    "medicine",
    r"pills?\b",
    r"tablets?\b",
    r"capsules?\b",
    r"meds\b",
    r"medic\w*",
    r"paracetamol",
    r"acetaminophen",
    r"tylenol",
    r"ibuprofen",
    r"aspirin",
    r"(?:co-?)?codeine",
    r"co-?codamol",
    r"tramadol",
    r"methotrexate",
    r"morphine",
    r"oxy\w*",
    r"fentanyl",
    r"sleeping (?:pills|tablets)",
    r"antidepressants?",
    r"iron (?:tablets|pills)",
    r"vitamins",
    r"gummies",
    r"insulin",
    r"painkillers?",
    r"diazepam",
    r"valium",
    r"lorazepam",
    r"alprazolam",
    r"xanax",
    r"temazepam",
    r"zopiclone",
    r"benzos?\b",
    r"methadone",
    r"pregabalin",
    r"gabapentin",
    r"amitriptyline",
    r"cannabis",
    r"edibles?\b",
    r"lithium",
    r"cough (?:syrup|mixture|medicine)",
    r"dosette",
    r"(?:fentanyl|nicotine|hrt) patch\w*",
    r"thc\b",
    r"(?:heart|blood pressure|diabetes|sleeping) (?:tablets|pills|meds)",
    # Generic names by their class endings: amlodipine, ramipril, losartan, bisoprolol,
    # atorvastatin, omeprazole, amoxicillin, fluoxetine, rivaroxaban, diazepam...
    r"\w{3,}(?:dipine|pril|sartan|olol|statin|prazole|cillin|mycin|cycline|oxetine|xaban|gliptin|"
    r"gliflozin|triptan|azepam|azolam|tidine|floxacin|traline|alopram|afaxine|apine|otrigine)\b",
)
LARGE_AMOUNT = _concept(
    "a large amount",
    r"whole (?:bottle|pack|packet|box|tub|strip|jar|blister|prescription|supply|week'?s|month'?s)",
    r"(?:all|the rest) of (?:my|his|her|their) (?:prescription|meds|tablets|pills)",
    r"in one go\b",
    r"half (?:a|the|of the) (?:bottle|pack|packet|box|tub|strip|jar)",
    r"all (?:of )?(?:the|my|his|her|their|them|these|those)\b",
    r"(?:a |one |two |three |several )?(?:bottles?|packets?|packs?|boxes|box|strips?|tubs?|handfuls?|blisters?|"
    r"jars?|fistfuls?) of",
    r"too many",
    # "swallowed a load of ibuprofen", "necked loads of her pills".
    r"(?:a )?loads? of",
    r"a (?:bunch|heap|pile|stack) of",
    NUMBER_10_PLUS
    + r"\b(?! ?(?:mg|mcg|µg|ml|g\b|grams?|units?|iu\b|years?|yrs?|days?|weeks?|months?|minutes?|mins?|hours?|hrs?|"
    r"%|percent|times a))",
)
ACCIDENTAL_INGEST = _concept(
    "got into",
    r"got (?:into|hold of|at)",
    r"ate\b",
    r"eaten",
    r"chewed",
    r"chewing on",
    r"bit (?:into|open)",
    r"bitten",
    r"suck\w* on",
    r"lick\w*",
    r"found (?:and )?(?:ate|swallowed|some)",
    r"found (?:[\w']+ ){1,6}and (?:drank|ate|swallowed|chewed)",
    r"helped (?:him|her|them)sel(?:f|ves)",
    r"swallowed (?:some|a few|two|three|several|a handful|half|all|one|a couple) of",
    r"(?:playing|played) with (?:[\w']+ ){0,3}(?:pills?|tablets?|meds|medicines?|pill (?:organi[sz]er|box|bottle)|"
    r"dosette|blister pack)",
    r"(?:some|a few|one|two|three|several) (?:of (?:the|them|his|her|their) )?(?:[\w']+ ){0,3}(?:are|is|were|was) "
    r"(?:gone|missing)",
)
EXTRA_DOSE = _concept(
    "an extra dose",
    r"(?:took|taken|given|gave|swallowed|injected) (?:[\w']+ ){0,3}(?:double|triple|extra|twice the) (?:\w+ )?"
    r"dos(?:e|es|age)",
    r"double[- ]dos\w*",
    r"(?:took|taken|given|gave|swallowed) (?:[\w']+ ){0,2}(?:\d+|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:[\w']+ ){0,4}instead of (?:\d+|one|two|the one|his one|her one)\b",
    r"(?:took|taken|given|gave|swallowed) (?:[\w']+ ){0,2}(?:double|twice|triple) (?:my|his|her|their|the) "
    r"(?:usual |normal |prescribed )?(?:[\w']+ ){0,3}(?:dose|doses|meds|medication|medicine|tablets|pills)",
    # A weekly medicine (methotrexate) taken every day: a serious overdose (NHS).
    r"(?:every day|daily|each day) instead of (?:once a week|weekly|once weekly|every week)",
)
#: "my son swallowed his antibiotic": his own medicine, as prescribed.
OWN_MEDICINE = _words(
    r"(?:his|her|their) (?:own |usual |prescribed )?(?:antibiotic|medicine|medication|dose|tablet|pill)s?\b"
)
PARTY_DRUG = _concept(
    "party drug",
    r"(?:pills?|tablets?|something|stuff|powder|drugs|a line|lines) (?:[\w']+ ){0,3}at (?:a|the) (?:festival|rave|"
    r"party|club|nightclub|gig|concert)",
    r"ecstasy",
    r"mdma",
    r"molly",
    r"pingers?",
    r"ketamine",
    r"ghb\b",
    r"gbl\b",
    r"cocaine",
    r"amphetamine\w*",
)
DRUG_TOXICITY = _concept(
    "overheating or confused",
    r"overheat\w*",
    r"boiling (?:hot|up)",
    r"burning up",
    r"(?:very|really|so|extremely|too) hot\b",
    r"confus\w*\b(?! (?:about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"(?:making|talking) (?:no sense|nonsense|gibberish)",
    r"not making (?:any )?sense",
    r"hallucinat\w*",
    r"seiz\w*",
    r"fitting",
    r"(?:heart|pulse) (?:is )?(?:racing|pounding)",
    r"collaps\w*",
    r"(?:won'?t|can'?t|cannot) (?:wake|be woken)",
    r"unresponsive",
)
#: "od'd", "ODed", "OD'ing"; not "odd".
OD = _concept(
    "overdosed",
    r"od'd\b",
    r"o\.d\.?'?d?",
    r"oding\b",
    r"oded\b",
    r"od'ing\b",
    r"od'ed\b",
    r"overdos\w*",
    # Empty packets found beside someone: "loads of empty blister packs".
    r"empty (?:blister ?packs?|pill (?:bottles?|packets?|boxes)|(?:packets?|boxes|bottles?|packs?) of (?:pills|"
    r"tablets|paracetamol|meds|medicine|codeine|painkillers))",
)

# --- Kidney infection (NHS) -------------------------------------------------------------

#: A urine infection's signs.
PEEING_HURTS = _concept(
    "painful peeing",
    r"(?:sting\w*|burn\w*|hurt\w*|pain\w*|sore) (?:[\w']+ ){0,3}(?:when|after) (?:i |she |he |they |you )?"
    r"(?:wee|pee|urinat|piss)\w*",
    r"(?:wee\w*|pee\w*|urinat\w*) (?:[\w']+ ){0,2}(?:sting\w*|burn\w*|hurt\w*|pain\w*)",
    r"(?:uti|water infection|urine infection|bladder infection|cystitis)\b",
)
#: Pain in the side or the back under the ribs, on one side: the kidney.
FLANK_PAIN = _concept(
    "pain in the side",
    r"(?:ache|pain|hurts?|hurting|sore\w*) (?:[\w']+ ){0,3}(?:in|down|on) (?:my|his|her|their|the) "
    r"(?:side|back|lower back|loin|flank)",
    r"(?:side|back|loin|flank) (?:[\w']+ ){0,3}(?:on|at) (?:one|the (?:left|right)) side",
    r"(?:one|left|right)[- ]sided? (?:back |side )?(?:ache|pain)",
    r"(?:back|side|loin|flank) (?:pain|ache)",
)

# --- Sepsis (NHS) ------------------------------------------------------------------------

INFECTION = _concept(
    "infection or fever",
    r"infect\w*",
    r"uti\b",
    r"water infection",
    r"kidney infection",
    r"chest infection",
    r"pneumonia",
    r"cellulitis",
    r"fever\w*",
    r"(?:high |a )?temperature",
    r"temp\b",
    r"burning up",
    # Shivering that has stopped is a sign of hypothermia (NHS), not a fever's.
    r"(?<!stopped )(?<!stop )shiver\w*",
    r"rigou?rs",
    r"shaking uncontrollably",
    r"(?:wound|incision|scar|stitches|cut|tattoo|piercing) (?:[\w']+ ){0,3}(?:oozing|weeping|weepy|pus)",
    r"chicken ?pox",
)
#: NHS toxic shock syndrome: a rash that looks like sunburn, with a fever and being sick.
SUNBURN_RASH = _concept(
    "a rash like sunburn",
    r"rash (?:[\w']+ ){0,3}like (?:a |bad )?sunburn",
    r"sunburn[- ]like rash",
)
#: NHS sepsis "call 999 if": confused, not making sense; blue, grey, pale or blotchy skin.
SEPSIS_SIGN = _concept(
    "sepsis sign",
    r"(?:confused|confusion)(?! (?:me|us|about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"disorient\w*",
    r"delirious",
    r"muddled about (?:where|who|what day|the time)",
    r"(?:not|isn'?t|doesn'?t|does not|stopped) mak(?:e|es|ing) (?:any )?sense",
    r"talking (?:absolute |complete |total |utter )?(?:nonsense|gibberish|rubbish)",
    r"(?:can'?t|cannot|couldn'?t) think (?:straight|clearly|properly)",
    # someone else seen to be confused or drowsy
    r"(?:he|she|they|he'?s|she'?s|they'?re|seems?|looks?|is|are) (?:[\w']+ ){0,2}out of it",
    r"mottl\w*",
    r"blotchy (?:skin|legs|arms|hands|feet|body)",
    r"(?:skin|legs|arms|hands|feet) (?:is |are |looks? |has gone |have gone |went )?(?:[\w']+ )?blotchy",
    r"(?:skin|lips|tongue) (?:[\w']+ ){0,3}(?:blu(?:e|ish)|grey|gray|dusky)\b",
)
#: "my face gets blotchy when i drink": blotches with an everyday cause.
_SEPSIS_EVERYDAY_WORDS = _words(
    r"alcohol",
    r"wine",
    r"drink\w*",
    r"blush\w*",
    r"embarrass\w*",
    r"eczema",
    r"acne",
    r"sunburn\w*",
    # "i'm confused, is a uti...": puzzled, not confused in the medical sense.
    r"(?:i'?m|i am|im|i was|i feel|i felt|i get) (?:a bit |so |really |very |quite |a little )?confus\w*",
    # "his temperature is normal"; not the hedge "is it normal that...".
    r"(?<!is it )(?<!is this )(?<!is that )normal",
    r"36(?:\.\d)?\b",
    r"37(?:\.[0-4])?\b",
)
#: The same, and confusion that dementia explains unless it is new or worse.
SEPSIS_EVERYDAY = re.compile(
    _SEPSIS_EVERYDAY_WORDS.pattern
    + r"|^(?!.*\b(?:sudden\w*|more confused|worse|new\b|drows\w*|not making sense)).*\b(?:dementia|alzheimer)"
)
MOTTLED = _concept(
    "mottled skin",
    r"mottl\w*",
    r"blotchy (?:skin|legs|arms|hands|feet|body)",
    r"(?:skin|legs|arms|hands|feet) (?:is |are |looks? |has gone |have gone |went )?(?:[\w']+ )?blotchy",
)
FLOPPY_OR_DROWSY = _concept(
    "floppy or hard to wake",
    r"flopp\w*",
    r"limp\b",
    r"(?:very|really|so|unusually|extremely) (?:drowsy|sleepy|lethargic)",
    r"hard to wake",
    r"(?:won'?t|can'?t|cannot) (?:wake|rouse|be woken)",
    r"unresponsive",
)
#: NHS fever in children: call 999 if the child is floppy, has a weak, high-pitched or
#: continuous cry, or is hard to wake.
CHILD_FEVER_SIGN = _concept(
    "child fever red flag",
    r"flopp\w*",
    r"limp\b",
    r"high[- ]pitched (?:cry\w*|scream\w*|wail\w*)",
    r"(?:weak|continuous|constant|non-?stop) (?:cry\w*|wail\w*)",
    r"hard to wake",
    r"(?:won'?t|can'?t|cannot) (?:wake|rouse|be woken)",
    r"(?:very|really|so|unusually|extremely) (?:drowsy|sleepy|lethargic)",
)

# --- Heatstroke and hypothermia (NHS) ----------------------------------------------------

HEAT_EXPOSURE = _concept(
    "heat",
    r"heat ?wave",
    r"(?:in|out in|under) the (?:baking |blazing |scorching |hot |midday |full |boiling )?(?:sun|heat)\b",
    r"(?:sun|heat) all day",
    r"(?:hot|boiling|scorching) (?:day|weather|sun|car|room)",
    r"(?:in|from) the heat\b",
    r"in (?:this|all this) heat\b",
    r"sauna",
    r"steam room",
    r"hot yoga",
    r"bikram",
    r"beach",
    r"sunbath\w*",
    r"sun ?stroke",
    r"heat ?stroke",
    r"overheat\w*",
    r"heat exhaustion",
    # an air temperature no body reaches ("45 degrees in the kitchen")
    r"(?:4[2-9]|5\d) ?(?:degrees|°)",
    # the air someone is out in ("baling hay all afternoon in 32 degrees")
    r"(?:all (?:day|afternoon|morning)|for hours|working|outside|out) (?:[\w']+ ){0,3}in (?:the )?(?:high )?"
    r"(?:2[89]|3\d) ?(?:degrees?|°)",
    r"(?:hot|boiling|sweltering|roasting) (?:kitchen|factory|warehouse|greenhouse|attic|loft|tent|van)",
    r"(?:it'?s|its|it is|it was) (?:like |about |over |nearly |almost )?(?:3[2-9]|4\d) ?(?:degrees|°)",
)
#: Heat made by the body: a long race (NHS heatstroke follows exercise as well as weather).
ENDURANCE_EVENT = _concept(
    "an endurance race",
    r"(?:half[- ])?marathon",
    r"ultra(?:marathon)?\b",
    r"triathlon",
    r"ironman",
    r"fun run",
    r"(?:5|10|21) ?k (?:run|race)",
    r"(?:running|ran) (?:a|the|his|her|their) (?:race|10k|5k)",
)
BODY_HOT = _concept(
    "a hot body",
    r"burning up",
    r"(?:red|boiling|roasting) hot",
    r"(?:skin|he|she|they) (?:is |are |feels |felt |'?s )?(?:really |very |so )?hot\b",
    r"(?:high )?temperature",
    r"fever\w*",
)
HEAT_SIGN = _concept(
    "heatstroke sign",
    r"babbl\w*",
    r"confus\w*\b(?! (?:about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"disorient\w*",
    r"delirious",
    r"(?:not|isn'?t|doesn'?t|does not|stopped) (?:really )?mak(?:e|es|ing) (?:any )?sense",
    r"muddled",
    r"talking (?:absolute |complete |total |utter )?(?:nonsense|gibberish|rubbish)",
    r"(?:stopped|has stopped|isn'?t|is not|not) sweating(?! (?:much|as much|a lot))",
    r"(?:skin|he|she|they) (?:is |are |feels |'?s )?(?:[\w']+ ){0,2}hot and dry",
    r"collaps\w*",
    r"keel\w* over",
    r"passed out",
    r"fainted",
    r"fitting",
    r"(?:a|having) fits?\b",
    r"seiz\w*",
    r"unresponsive",
    r"(?:won'?t|can'?t|cannot) (?:wake|rouse)",
    # a baby or child in the heat
    r"flopp\w*",
    r"limp\b",
    r"(?:hardly|barely|not|isn'?t|stopped) crying",
)
VERY_COLD = _concept(
    "very cold",
    r"hypotherm\w*",
    r"(?:in|through) (?:the )?(?:sleet|snow|blizzard|freezing rain|hail)\b",
    r"lost (?:[\w']+ ){0,3}(?:on|in) the (?:fells?|hills?|mountains?|moors?)\b",
    r"(?:ice|icy|freezing|stone|deathly|very|really|so|extremely|frozen) cold",
    r"(?:freezing|cold) to (?:the )?touch",
    r"freezing all over",
    r"(?:in|from) the (?:snow|freezing|icy) (?:water|river|sea|lake|cold)",
    r"(?:icy|freezing|cold) (?:river|sea|lake|canal|loch|reservoir|quarry)",
    # Cold water swims (NHS hypothermia; RNLI cold water shock).
    r"(?:wild|open[- ]water|sea|winter|cold[- ]water|lake|river|loch) swim\w*",
    r"swim\w* (?:[\w']+ ){0,3}(?:in|across) (?:the |a )?(?:sea|loch|lake|river|reservoir|quarry)",
    r"(?:outside|out) (?:in the cold )?all night",
    r"in the snow",
    r"off[- ]piste",
    r"(?:lost|stuck|stranded|separated|trapped)\b.{0,40}\b(?:on|in|up) (?:the |a )?(?:mountain|slopes?|piste|glacier)",
    r"(?:freezing|icy) (?:water|weather|conditions|temperatures|fog|wind|night)",
    r"cold to (?:the )?touch",
    r"(?:outside|out|in the garden|in the yard) (?:[\w']+ ){0,5}(?:in the night|at night|overnight)",
)
HYPOTHERMIA_SIGN = _concept(
    "hypothermia sign",
    r"confus\w*\b(?! (?:about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"disorient\w*",
    r"slurr\w*",
    r"(?:not|isn'?t|doesn'?t|does not|stopped) mak(?:e|es|ing) (?:any )?sense",
    r"(?:very|really|so|unusually|extremely) (?:drowsy|sleepy)",
    r"mumbl\w*",
    r"(?:can|could) (?:barely|hardly|not|n't|'t) keep (?:my|his|her|their) eyes open",
    r"drowsy",
    r"stopped shivering",
    r"(?:breathing|breaths?) (?:[\w']+ ){0,2}(?:slow|shallow)",
    r"(?:slow|shallow) breath\w*",
    r"hard to wake",
    r"(?:won'?t|can'?t|cannot) (?:wake|rouse)",
    r"unresponsive",
    r"flopp\w*",
    r"limp\b",
    # NHS hypothermia in babies: bright pink skin, unusually quiet.
    r"(?:skin|face|cheeks|hands|feet) (?:[\w']+ ){0,2}bright pink",
    r"(?:really|very|unusually|abnormally) quiet",
)
#: Cold hands or sleepiness with an everyday cause: a cold, a meal, circulation.
COLD_EVERYDAY = _words(
    r"(?:a|the|my|his|her) cold\b",
    r"cold (?:and|or) flu",
    r"raynaud\w*",
    r"circulation",
    r"after (?:eating|lunch|dinner|a meal)",
    r"drink\w*",
    r"cold (?:drink|water|shower|bath|brew|remedy|medicine|sore)",
)

# --- Burns (NHS) -------------------------------------------------------------------------

BURN = _concept(
    "burn",
    r"burn(?:s|t|ed)?\b(?! (?:out|off|calories|fat|wood|candles?|cds?|a cd|incense|sage|the (?:toast|food)))",
    r"scald\w*",
    r"boiling (?:hot )?(?:\w+ )?(?:water|tea|coffee|oil|fat|soup|milk|kettle)",
    r"hot (?:oil|fat)",
    r"(?:mug|cup|bowl|pan|pot|jug) of (?:hot|boiling) (?:tea|coffee|water|soup|oil|milk)",
    r"flames?\b",
    r"fireball",
    r"fireworks?\b",
    r"sparklers?\b",
    r"(?:bath|shower) water (?:was |is )?(?:way |far |much |really )?too hot",
    r"steam (?:from|off|out of) (?:the |a )?(?:kettle|pan|pressure cooker|iron|oven)",
    r"(?:hot|boiling) (?:tea|coffee|water|drink|soup|milk) (?:spilled|spilt|went|poured|splashed|tipped)",
    r"(?:hair )?straighteners",
    r"(?:wood|log) ?burner",
    r"(?:caught|set) (?:[\w']+ ){0,3}(?:alight|on fire)",
    r"flared? up in (?:his|her|my|their|your|[\w]+'s) face",
    r"(?:gas|canister|propane|butane|camping stove) (?:[\w']+ )?(?:flared?|explo\w*|blew up|went up)",
    r"(?:went|goes|go) (?:up in flames|whoosh)",
    r"(?:caught|catch|catching) (?:fire|alight)",
    # A kettle, pan or hot drink pulled or spilt over someone scalds them.
    r"(?:pulled|knocked|tipped|spilt|spilled|poured) (?:a|the|his|her|my|their|some) (?:[\w']+ )?"
    r"(?:kettle|teapot|pan|pot|hot (?:drink|tea|coffee|water))\b(?: [\w']+){0,3} (?:over|on|onto) "
    r"(?:him|her|them|me|my|his|her|their)",
)
#: NHS: go to A&E for large or deep burns, white or charred skin, chemical or electrical
#: burns, burns on the face, hands, feet or genitals that blister.
BURN_FLAG = _concept(
    "serious burn",
    # Hot gases breathed in: singed eyebrows, a hoarse voice after a fire.
    r"(?:eyebrows|eyelashes|nose hairs?) (?:[\w']+ ){0,3}(?:singed|burnt|burned)",
    r"(?:face|neck) (?:and (?:[\w']+ ){1,2})?(?:[\w']+ ){0,3}(?:blister\w*|red raw)",
    r"(?:bigger|larger) than (?:his|her|my|their|your|a|the) (?:\w+ )?(?:hand|palm)",
    r"(?:large|big|huge|massive|deep|severe|serious|third[- ]degree|3rd[- ]degree|full[- ]thickness) "
    r"(?:[\w']+ )?(?:burns?|scalds?|blisters?)",
    r"(?:burn|scald|blister)s? (?:[\w']+ ){0,4}?(?:is |are |was |looks? )?(?:very |really |quite )?"
    r"(?:large|big|huge|massive|deep)\b",
    r"third[- ]degree",
    r"3rd[- ]degree",
    r"full[- ]thickness",
    r"charred",
    r"(?:skin|it) (?:[\w']+ ){0,5}(?:white|black|leathery|peeling off|came off|hanging)",
    r"(?:fingers?|hands?|palms?|toes?|feet|foot|skin) (?:[\w']+ ){0,3}(?:black|charred|white) and blister\w*",
    # NHS burns: A&E for blistering burns on the face, hands, arms, feet, legs or genitals.
    r"(?:face|cheeks?|neck|hands?|palms?|fingers?|arms?|legs?|feet|foot|chest|bum|bottom) (?:[\w']+ ){0,4}"
    r"blister\w*",
    r"blister\w* (?:on|across|over|all over) (?:his|her|their|my|the) (?:face|cheeks|hands?|palms?|fingers?|arms?|"
    r"legs?|feet|chest)",
    r"skin (?:is |was )?(?:peeling|blistering)\b",
    r"(?:whole|entire|all (?:of )?(?:his|her|my|their|the)) (?:[\w']+ ){0,2}(?:arm|leg|chest|back|face|hand|"
    r"belly|tummy|body)",
    r"chemical",
    r"acid\b",
    r"electric\w*",
    r"live wire",
    r"socket",
    r"power line",
    r"(?:face|eyes?|genitals?|groin|privates|penis|vagina) (?:[\w']+ ){0,3}blister\w*",
    r"blister\w* (?:[\w']+ ){0,4}(?:face|eyes?|genitals?|groin|privates)",
    r"in (?:his|her|my|their|the|your) eyes?\b",
)
BURN_EVERYDAY = _words(
    r"sun ?burn\w*",
    r"heart ?burn",
    r"razor",
    r"carpet",
    r"friction",
    r"rope burn",
    r"tongue",
    r"mouth",
    r"pizza",
    r"(?:hot )?(?:tea|coffee|soup) (?:burn\w*|scald\w*) (?:my|his|her) (?:tongue|mouth|lips?)",
    r"sensation",
    r"when (?:i|he|she) (?:pee|wee|urinat\w*)",
    r"peeing",
    r"urinat\w*",
    r"eyes? (?:burn|burning|sting)",
    r"hay ?fever",
    r"(?:skin|face) care",
    r"peel\b",
    r"retinol",
    r"acids? (?:serum|toner|peel)",
    r"glycolic",
    r"salicylic",
    r"calories",
    r"reflux",
    r"indigestion",
    r"throat",
    r"stomach",
)

# --- Bites (MedlinePlus, CDC) ----------------------------------------------------------

SNAKE = _concept(
    "snake",
    r"snakes?\b",
    r"rattle ?snakes?",
    r"rattlers?\b",
    r"adders?\b",
    r"vipers?\b",
    r"cobras?\b",
    r"copperheads?",
    r"cottonmouths?",
    r"water moccasins?",
    r"mambas?\b",
    r"taipans?\b",
)
BITTEN = _concept("bitten", r"bit\b", r"bitten", r"bites?\b", r"fang\w*")
#: CDC rabies: bites and scratches from bats, monkeys, foxes, raccoons, stray dogs abroad.
RABIES_ANIMAL = _concept(
    "a rabies risk",
    r"monkeys?\b",
    r"macaques?\b",
    r"bats?\b(?! (?:and|&) balls?)",
    r"fox(?:es)?\b",
    r"raccoons?",
    r"skunks?",
    r"stray (?:dog|cat)s?",
    r"wild (?:animal|dog|cat)s?",
)
#: The bitten one is a pet or farm animal, or a toy, or a cricket or baseball bat.
_BITING_ANIMAL = (
    r"(?:dog|cat|pupp(?:y|ies)|kitten|hamster|gerbil|rat|ferret|rabbit|horse|pony|monkey|fox|"
    r"(?:a|another|the other) (?:child|kid|boy|girl|toddler))"
)
#: A mammal's or a person's bite (not an insect's: a red, swollen midge bite is routine).
BITTEN_BY_ANIMAL = _concept(
    "bitten by an animal",
    _BITING_ANIMAL + r"s?(?:'s)? (?:[\w']+ ){0,2}(?:bit|bitten|nipped|sank (?:its|his|her) teeth)",
    r"(?:bitten|nipped) by (?:[\w']+ ){1,3}" + _BITING_ANIMAL,
    _BITING_ANIMAL + r" bites?\b",
)
#: NHS animal and human bites: a human bite that breaks the skin needs care the same day,
#: and a knuckle cut on someone's teeth in a fight is one ("fight bite").
HUMAN_BITE = _concept(
    "a human bite",
    r"(?:knuckles?|fist|hand|finger) (?:[\w']+ ){0,3}(?:on|against|into|off) (?:[\w']+ ){0,3}teeth",
    r"(?:bitten|bit) by (?:a |another |my |his |her |the )?(?:person|man|woman|lad|guy|bloke|kid|child|boy|girl|"
    r"toddler|someone|somebody|brother|sister|friend|husband|wife|partner|patient)\b",
    r"human bite",
)
#: NHS animal and human bites: signs that a bite is infected need care the same day.
INFECTED_BITE_SIGN = _concept(
    "an infected bite",
    r"(?:it'?s|is|gone|going|feels?|looks?) (?:[\w']+ ){0,3}hot\b",
    r"hot,? (?:and )?(?:swollen|red|puffy|throbbing)",
    r"warm to (?:the )?touch",
    r"\bpus\b",
    r"oozing",
    r"weeping",
    r"(?:can'?t|cannot|won'?t) (?:bend|move|straighten) (?:that|the|his|her|my|their|one) (?:finger|thumb|hand|wrist)",
)
#: NHS animal and human bites: a deep bite, or one that has pierced the skin, needs care today.
DEEP_BITE = _concept(
    "a deep bite",
    r"deep (?:puncture|wound|bite|cut|gash|hole)s?",
    r"puncture (?:wound|mark)s?",
    r"(?:broke|broken|pierced|punctured) (?:the|his|her|my|their) skin",
    r"(?:teeth|fangs) (?:went|sank|sunk) (?:right )?in",
)
#: An animal that was bitten, not a person; a bite that did not happen.
_PET_WAS_BITTEN = (
    r"(?:my|our|the|his|her|their) (?:dog|cat|horse|pony|puppy|kitten|pet|cow|sheep|goat|ferret|rabbit)'?s?\b "
    r"(?:[\w']+ ){0,2}(?:was|got|has been|been|is) bit"
)
_NO_BITE = (
    r"(?:didn'?t|did not|never|doesn'?t|does not|hasn'?t|has not|wasn'?t|was not|not) (?:\w+ )?"
    r"(?:bite|bit|bitten)"
)
BITE_ON_AN_ANIMAL = _words(_PET_WAS_BITTEN, _NO_BITE)
#: The same, and a toy's or a ball's "bite".
BITE_NOT_A_PERSON = _words(_PET_WAS_BITTEN, r"toy", r"cricket", r"baseball", _NO_BITE)

# --- Testicle pain (NHS) -----------------------------------------------------------------

_TESTICLE_WORDS = (
    r"testic\w*",
    r"testes\b",
    r"testis\b",
    r"scrot\w*",
    r"balls?\b(?! of (?:my|his|her|the) (?:foot|feet))",
    r"nut ?sack",
    r"(?:one of )?(?:my|his|your) nuts?\b",
    r"(?:my|his|your) (?:privates|sack|ball ?sack|bollocks?)\b",
)
TESTICLE = _concept("testicle", *_TESTICLE_WORDS)
TESTICLE_PAIN_ONSET = _concept(
    "sudden or severe",
    *_SUDDEN_WORDS,
    r"worst",
    r"severe\w*",
    r"excruciat\w*",
    r"agoni[sz]\w*",
    r"agony",
    r"unbearable",
    r"(?:really|very|extremely|so) (?:bad|painful)",
    r"(?:started|came on) (?:about |just )?(?:an|one|1|half an) (?:hour|hr)s? ago",
    r"screaming",
    r"crying (?:in|with) pain",
    r"woke (?:me |him |up )?(?:up )?(?:with|in)",
)
#: NHS: a testicle that is twisted or sits higher than usual.
TORSION_SIGN = _concept(
    "twisted or high",
    r"twist\w*",
    # NHS testicle pain: a testicle suddenly swollen and red or dark (a baby cannot say
    # where it hurts).
    r"(?:gone|going|turned|turning|is|looks?) (?:\w+ )?(?:dark red|purple|blue|black|dusky)\b",
    r"(?:sits?|sitting|riding|pulled up|drawn up) (?:[\w']+ ){0,2}higher",
    r"higher than (?:the )?(?:other|left|right|usual)",
    r"lying (?:sideways|horizontal\w*|at an angle)",
    r"(?:swollen|puffy) and (?:dark red|purple|blue|dusky)",
)
BEING_SICK = _concept(
    "being sick",
    r"vomit\w*",
    r"threw up",
    r"throw\w* up",
    r"(?:was|been|being|is|got) sick\b",
    r"puk\w*",
)
TESTICLE_EVERYDAY = _words(
    r"vasectom\w*",
    r"kick\w*",
    r"hit\b",
    r"knock\w*",
    r"kneed",
    r"sports?",
    r"football",
    r"cycling",
    r"bike",
    r"sex\b",
    r"ejaculat\w*",
    r"blue balls",
    r"lump",
    r"months",
    r"itch\w*",
    r"rash",
    r"ball(?:s)? of (?:my|his|her|the) f(?:oo|ee)t",
)

# --- Pregnancy: ectopic pregnancy, miscarriage (NHS) -------------------------------------

PREGNANCY_SEVERE_PAIN = _concept(
    "severe pain in pregnancy",
    r"(?:severe|terrible|awful|intense|agonising|agonizing|unbearable|excruciating|stabbing|sharp|sudden|"
    r"really bad|very bad) " + _gap(2) + r"(?:pains?|cramps?|cramping)",
    r"(?:pains?|cramps?|cramping) (?:[\w']+ ){0,3}(?:one side|left side|right side)",
    r"shoulder[- ]tip",
    r"tip of (?:my|her|the|one) shoulder",
    r"agony",
)

# --- Severe abdominal pain (MedlinePlus) -------------------------------------------------

BELLY = _concept("belly", r"bell(?:y|ies)", r"tumm(?:y|ies)", r"stomach", r"abdom\w*", r"tum\b")
#: MedlinePlus abdominal pain: call 911 if the abdomen is rigid, hard and tender to touch.
RIGID_BELLY = _concept(
    "rigid belly",
    r"rigid",
    r"(?:hard|solid) as (?:a )?(?:rock|board|brick|stone)",
    r"like a (?:board|rock)",
    r"board[- ]like",
    r"rock[- ]hard",
    r"hard and (?:swollen|tender|distended|bloated)",
    r"(?:swollen|distended|bloated|tender) and (?:hard|rigid)",
    r"hard (?:to the touch|to touch|when (?:i|you) (?:touch|press))",
)
#: NHS bowel obstruction: cannot poo or pass wind, a swollen tummy, being sick (often green).
NO_BOWEL_MOVEMENT = _concept(
    "no bowel movement",
    r"(?:hasn'?t|haven'?t|has not|have not|had not|hadn'?t|not) (?:had|been for|done|passed|managed) (?:a |any )?"
    r"(?:poo|poop|number two|bowel movement|stool|motion)s?\b",
    r"(?:can'?t|cannot|couldn'?t|unable to|not able to) (?:poo|poop|pass (?:wind|gas|a stool|stools)|fart)\b",
    r"no (?:poo|poop|bowel movements?|stools?) (?:for|in|since)",
    r"(?:not|hasn'?t|haven'?t) (?:pooed|pooped|opened (?:his|her|their|my) bowels)",
)
GREEN_VOMIT = _concept(
    "green vomit",
    r"(?:vomit\w*|throw\w* up|threw up|(?:being|been) sick|bring\w* up|brought up|sick\w*) (?:[\w']+ ){0,2}"
    r"(?:green|bile|dark green|bright green)\b",
    r"green (?:vomit|sick|bile|stuff|liquid|fluid)",
)
SWOLLEN_BELLY = _concept(
    "swollen belly",
    r"(?:belly|tummy|stomach|abdomen)(?:'s| is| has)? (?:[\w']+ ){0,2}"
    r"(?:swollen|swelled|bloated|distended|like a drum)",
    r"(?:swollen|bloated|distended) (?:belly|tummy|stomach|abdomen)",
)
SEVERE_PAIN = _concept(
    "severe pain",
    r"severe\w*",
    r"excruciat\w*",
    r"agoni[sz]\w*",
    r"agony",
    r"unbearable",
    r"terrible",
    r"awful",
    r"horrendous",
    r"(?:really|very|extremely|so) (?:bad|painful)",
    r"worst",
    r"screaming",
    r"doubled (?:over|up)",
    r"crying (?:in|with) pain",
    r"(?:10|ten) out of (?:10|ten)",
)
#: Severe pain with a known, everyday cause: periods, wind, constipation, IBS.
ABDOMINAL_EVERYDAY = _words(
    r"periods?\b",
    r"menstrua\w*",
    r"cramps?\b",
    r"ovulat\w*",
    r"wind\b",
    r"gas\b",
    r"trapped",
    r"constipat\w*",
    r"ibs\b",
    r"irritable",
    r"bloat\w*",
    r"pregnan\w*",
    r"braxton",
    r"contractions?",
    r"labou?r\b",
    r"weeks\b",
    r"stitch",
    r"gym",
    r"exercis\w*",
    r"sit-?ups",
    r"crunches",
    r"abs\b",
)

#: NHS: go to A&E with a chemical in the eye.
CORROSIVE = _concept(
    "corrosive",
    r"bleach",
    r"chemicals?\b",
    r"oven cleaner",
    r"drain (?:cleaner|unblocker)",
    r"toilet cleaner",
    r"caustic",
    r"lye\b",
    r"ammonia",
    r"(?:battery|drain|hydrochloric|sulphuric|sulfuric|muriatic|caustic) acid",
    r"cement",
    r"lime\b",
    r"descal\w*",
    r"dishwasher (?:tablet|liquid|powder|detergent|pod)s?",
    r"laundry (?:pod|capsule|liquid|tablet|powder)s?",
    r"(?:pool|cleaning|garden|household) chemicals?",
)
IN_EYE = _concept("in the eye", r"(?:in|into) (?:his|her|my|their|the|both|your|one) eyes?\b")
EYE_EVERYDAY = _words(
    r"serum", r"toner", r"skin ?care", r"hyaluronic", r"eye ?drops", r"contact lens\w*"
)

#: Pregnancy aches with a known cause: round ligament pain, a stitch, sciatica.
PREGNANCY_PAIN_EVERYDAY = _words(
    r"gums?\b",
    r"nose ?bleed\w*",
    r"blood (?:pressure|sugar|test)",
    r"ligament",
    r"stitch",
    r"sciatica",
    r"back ?ache",
    r"(?:lower |my )?back\b",
    r"hips?\b",
    r"pelvi\w*",
    r"braxton",
    r"kick\w*",
    r"ribs?\b",
    r"heartburn",
    r"sneez\w*",
)
#: A plan ended with "i'm ready": with a means of suicide in the same sentence.
READY_NOW = _concept("ready now", r"(?:i'?m|i am|im) (?:\w+ )?ready(?=\s*(?:now\b|$|[.,!;]))")
STOOL = _concept(
    "stool",
    r"poo\w*",
    r"poop\w*",
    r"stools?\b",
    r"bowel movements?",
    r"(?:my|his|her|their|the) (?:bottom|bum|back passage|rectum)",
)
#: MedlinePlus: hard to wake is an emergency sign.
HARD_TO_WAKE = _concept(
    "hard to wake",
    r"(?:very |really |so |extremely )?(?:hard|difficult|impossible) to (?:wake|rouse)",
    r"(?:barely|hardly) (?:wak\w*|rous\w*)",
)
HARD_TO_WAKE_EVERYDAY = _words(
    r"coffee",
    r"tired",
    r"mornings?",
    r"school",
    r"alarms?",
    r"teen\w*",
    r"for (?:school|work|college)",
    r"lie-?in",
    r"weekends?",
    r"night shifts?",
)

#: NHS: a rash that does not fade in someone who is very unwell.
VERY_UNWELL = _concept(
    "very unwell",
    r"(?:very|really|so|extremely|seriously) (?:poorly|ill|unwell)",
    r"flopp\w*",
    r"limp\b",
    r"drowsy",
    r"lethargic",
)

#: FAST: an arm that drifts down; a smile that fails on one side.
ARM_DRIFT = _concept(
    "arm drifting down",
    r"(?:arm|hand)s? (?:[\w']+ ){0,3}(?:drift\w*|dropp\w* down|falls? (?:back )?down|keeps? falling|sinking|sinks)",
)
CANT_SMILE = _concept(
    "cannot smile",
    r"(?:can'?t|cannot|couldn'?t|unable to|not able to) (?:\w+ )?(?:smile|close (?:his|her|my|their|one) eye|"
    r"raise (?:his|her|my|their) eyebrows?)",
)
#: NHS pulmonary embolism: breathless after the signs of a clot in the leg (one calf or
#: leg swollen, red, hot or painful).
LEG_CLOT = _concept(
    "a leg with a clot",
    r"(?:my|his|her|their|one|left|right|the) (?:calf|leg)(?:'s)?\b (?:[\w']+ ){0,5}(?:swollen|swelling|red|hot|warm|"
    r"tender|painful|throbbing|fat|puffy)\b",
    r"\b(?:calf|leg) (?:has |had )?(?:gone|went|got|is|'s) (?:all |really |very |a bit )?(?:fat|puffy|swollen)\b",
    r"(?:leg|calf|thigh|ankle)\b (?:[\w']+ ){0,4}(?:bigger|larger|fatter) than (?:the )?(?:other|right|left)",
    r"(?:calf|thigh)\b (?:[\w']+ ){0,5}(?:swollen|swelled|tender|bluish)\b",
    r"(?:swollen|red|hot|painful|throbbing|tender) (?:left |right )?(?:calf|leg)\b",
    r"(?:dvt|deep vein thrombosis|blood clot in (?:my|his|her|their|the) (?:leg|calf))",
)
#: NHS DVT risks: an operation, a long journey, a birth, a leg in a cast, the combined pill
#: or HRT.
CLOT_RISK = _concept(
    "a clot risk",
    r"(?:since|after) (?:my|his|her|their|the|a) (?:[\w']+ )?(?:op|operation|surgery|flight|c-?section|caesarean|"
    r"cesarean|birth|replacement|journey)\b",
    r"(?:long[- ]haul|long) (?:flight|drive|journey|coach trip|car journey)",
    r"\d+[- ]?(?:hour|hr)s? (?:[\w']+ ){0,2}(?:flight|drive|journey|coach|bus|train|car)\b",
    r"coach (?:trip|tour|journey|holiday)",
    r"had (?:my|the|a|her|our) baby",
    r"post-?op\w*",
    r"in (?:a|the) (?:cast|plaster|boot)\b",
    r"strapped up",
    r"(?:in|wearing) (?:a )?(?:brace|splint|moon boot)\b",
    r"immobili[sz]\w*",
    r"bed ?bound|bedridden|laid up",
    r"on (?:the )?(?:combined )?(?:contraceptive )?pill\b",
    r"(?:knee|hip) replacement",
    r"hysterectomy",
    r"(?:cancer treatment|chemo\w*)",
    r"(?:lorry|truck|long[- ]distance) driver|drives? (?:lorries|trucks)",
    r"drove (?:for )?\d+ ?(?:hrs?|hours)",
    r"long[- ]haul\b",
    r"(?:weeks?|days?) (?:after|since) (?:my |her |his |the |a )?(?:c[- ]?section|surgery|operation|op|birth)\b",
    r"(?:had|after) (?:my |her |his |a |an )?(?:surgery|operation)\b",
    r"\d+ (?:weeks?|wks) pregnant",
    r"(?:in|stuck in) bed with\b",
    r"(?:had|have had|has had) a clot\b|clot in (?:[\w']+ ){0,3}(?:years|months) ago",
    r"(?:on|taking) (?:the )?(?:combined pill|hrt)\b",
)
#: Swollen and warm together: walking does not explain that away.
LEG_SWOLLEN_AND_WARM = _concept(
    "a leg swollen and warm",
    r"(?:calf|leg)\b (?:[\w']+ ){0,5}(?:swollen|swelling),? (?:[\w']+ ){0,2}(?:warm|hot|red)\b",
    r"(?:calf|leg)\b (?:[\w']+ ){0,5}(?:warm|hot|red),? (?:[\w']+ ){0,2}(?:swollen|swelling)",
)
_OUT_OF_BREATH_WORDS = (
    r"breathless\w*",
    r"short of breath",
    r"out of breath",
    r"shortness of breath",
    r"(?:can'?t|cannot) (?:catch|get) (?:my|his|her|their) breath",
    r"struggl\w* to breathe",
)
_PAIN_BREATHING_IN_WORDS = (
    # NHS pulmonary embolism: chest or upper back pain that is worse when breathing in.
    r"(?:hurts?|painful|pain|sore) (?:[\w']+ ){0,2}(?:to|when (?:i|he|she|they)) (?:breathe|take a (?:deep )?breath)",
    r"(?:pain|hurts?) (?:[\w']+ ){0,6}breath\w* in\b",
)
_BREATHLESS_NOW = (*_OUT_OF_BREATH_WORDS, *_PAIN_BREATHING_IN_WORDS)
SUDDENLY_BREATHLESS = _concept("breathless now", *_BREATHLESS_NOW, r"coughing (?:up )?blood")
#: The same without coughing up blood, to be read beside it.
BREATHLESS_OR_PAIN_BREATHING_IN = _concept("breathless or hurting to breathe in", *_BREATHLESS_NOW)
#: The two halves of it, to be read together.
OUT_OF_BREATH = _concept("out of breath", *_OUT_OF_BREATH_WORDS)
PAIN_BREATHING_IN = _concept("hurting to breathe in", *_PAIN_BREATHING_IN_WORDS)
CLOT_EVERYDAY = _words(
    r"gym",
    r"exercis\w*",
    r"run\w*",
    r"stairs",
    r"unfit",
    r"walk\w*",
    r"asthma",
    r"hills?",
    r"sprain\w*",
)

#: A child who is otherwise well: playing, happy, alert.
CHILD_SEEMS_WELL = _words(
    r"play\w*",
    r"happy",
    r"fine\b",
    r"(?:his|her|their) (?:usual|normal) self",
    r"alert",
    r"(?:acting|seems?|behaving) normal\w*",
    r"otherwise well",
)
#: Sunken eyes that are a family look, not dehydration.
SUNKEN_EVERYDAY = _words(
    r"photos?", r"pictures?", r"genetic\w*", r"inherit\w*", r"born", r"family", r"dark circles"
)

#: NHS falls: confusion or drowsiness after a fall.
FALL = _concept(
    "a fall",
    r"(?:had|has had|took|taken|'s had) a (?:bad |nasty |big |heavy )?fall",
    r"fell (?:over|down|off|out of)",
    r"roll(?:ed|s)? (?:off|out of) (?:the |a |his |her |their |my )?(?:changing table|changing mat|bed|sofa|couch|"
    r"table|cot|bunk|worktop|counter)",
)
AFTER_FALL_FLAG = _concept(
    "confused or drowsy",
    r"confus\w*\b(?! (?:about|by|with|over|as to|which|whether|how|what|why|when|if)\b)",
    r"(?:not|isn'?t|doesn'?t|stopped) mak(?:e|es|ing) (?:any )?sense",
    r"drows\w*",
    r"(?:very|really|so) sleepy",
    r"keeps? (?:dozing|drifting|nodding) off",
    r"(?:soft|squishy|spongy|boggy) (?:[\w']+ )?(?:swelling|lump|bump)",
    r"knocked out",
    r"passed out",
    r"unconscious",
)
REPEATED_FAINTING = _concept(
    "fainting again and again",
    r"keeps? (?:on )?(?:passing out|fainting|blacking out)",
    r"(?:passed out|fainted|blacked out) (?:twice|three times|several times|again|(?:\d+|two|three|a few) times)",
)

# --- Further red flags -------------------------------------------------------------------

#: CDC stroke: sudden confusion, trouble speaking or understanding speech.
NOT_UNDERSTANDING = _concept(
    "not understanding speech",
    r"(?:can'?t|cannot|couldn'?t|doesn'?t|does not|didn'?t|isn'?t|not) (?:\w+ )?understand(?:ing)? "
    r"(?:what (?:i'?m|we'?re|you'?re|people are|anyone is|he'?s|she'?s|they'?re|i|we|you|people|anyone) "
    r"(?:\w+ )?(?:say\w*|tell\w*)|"
    r"(?:a|any) (?:single )?words?|anything (?:i|we|anyone|people) (?:say|said)|speech|me\b|us\b)",
)
#: NHS head injury: knocked out, even if awake now.
KNOCKED_OUT = _concept(
    "knocked out",
    r"(?:was|got|been|were|is|'s|he'?s|she'?s) (?:\w+ )?knocked (?:out|unconscious)(?! by (?:the )?(?:pills?|"
    r"tablets?|medication|meds|anaesthetic|anesthetic|sleeping))",
    r"(?:knocked|knocking) (?:him|her|them|me) (?:out|unconscious)",
)
KNOCKED_OUT_EVERYDAY = _words(
    r"anaesthe\w*",
    r"anesthe\w*",
    r"general",
    r"surgery",
    r"operation",
    r"sedat\w*",
    r"sleeping",
    r"pills?\b",
    r"tablets?\b",
    r"meds?\b",
    r"medication",
    r"zopiclone",
    r"zolpidem",
    r"ambien",
    r"melatonin",
    r"antihistamines?",
    r"doses?\b",
    r"tired",
    r"exhausted",
    r"boxing",
    r"round\b",
    r"competition",
    r"tournament",
    r"cup\b",
)
#: NHS dehydration in babies and children: a sunken soft spot or eyes, no tears, not
#: drinking.
SUNKEN = _concept(
    "sunken soft spot or eyes",
    r"sunken (?:soft spot|fontanell?e?|eyes)",
    r"(?:soft spot|fontanell?e?|eyes) (?:[\w']+ ){0,3}sunken",
    r"(?:soft spot|fontanell?e?) (?:[\w']+ ){0,3}(?:sunk|sinking|dipped|dipping)",
)
#: No tears counts only with vomiting or diarrhoea: newborns cry without tears.
NO_TEARS = _concept(
    "no tears", r"no tears", r"(?:crying|cries) (?:\w+ )?without (?:any )?tears", r"tearless"
)
NOT_DRINKING = _concept(
    "not drinking",
    r"(?:won'?t|will not|isn'?t|is not|not|refus\w*|stopped|hasn'?t|has not) (?:\w+ ){0,2}(?:drinking|feeding|"
    r"drink\b|feed\b|drunk\b|fed\b|take (?:any |a )?(?:milk|bottle|feeds?|fluids?|water)|"
    r"taking (?:any |her |his )?(?:milk|bottle|feeds?|fluids?|water))",
)
#: No wet nappy or wee for half a day or more.
DRY_FOR_LONG = _concept(
    "for half a day",
    r"all day",
    r"since (?:yesterday|last night|this morning|breakfast|lunch)",
    r"(?:in|for) (?:over |more than |about |around )?(?:[6-9]|1\d|2\d|six|seven|eight|nine|ten|twelve|eighteen|"
    r"twenty|twenty[- ]four) hours",
    r"(?:in|for) (?:over |more than |about |around )?(?:[6-9]|1\d|2\d) hrs",
    r"(?:in|for) (?:a|one|a whole|the whole) day",
)
_NOT_FEEDING = (
    r"(?:won'?t|will not|isn'?t|is not|not|refus\w*|stopped|hasn'?t|has not) (?:\w+ ){0,2}(?:drinking|feeding|"
    r"drink\b|feed\b|fed\b)"
)
_DROWSY = r"(?:drowsy|sleepy|lethargic|floppy)"
#: Both in one phrase: a "not" before "sleepy" would otherwise read as negating it.
NOT_FEEDING_AND_DROWSY = _concept(
    "not feeding and drowsy",
    _NOT_FEEDING + r" (?:[\w']+ ){0,4}" + _DROWSY,
    _DROWSY + r" (?:[\w']+ ){0,4}" + _NOT_FEEDING,
)
#: A child sleepy and off their feeds for an everyday reason.
ORDINARY_SLEEPINESS = _words(
    r"long day",
    r"bed ?time",
    r"naps?\b",
    r"tired",
    r"teething",
    r"jabs?\b",
    r"vaccin\w*",
    r"immunis\w*",
    r"immuniz\w*",
    r"hot (?:day|weather)",
)
LIGHTER_DROWSY = _concept(
    "very drowsy",
    r"(?:very|really|so|unusually|extremely) (?:drowsy|sleepy|lethargic)",
    r"drowsy",
    r"lethargic",
    r"hard to wake",
)

# --- Rules -------------------------------------------------------------------------------

#: In priority order: the first emergency that matches names the category.
# --- Wordings met in later questions ----------------------------------------------------

#: What explains away a crushing chest with a heavy or tingling arm: a strain or the skin.
#: Exercise alone does not (chest pain on exertion is how angina shows itself).
CHEST_STRAIN = _words(
    r"sore",
    r"muscles?",
    r"pecs?\b",
    r"pulled (?:a |my |his |her )?(?:muscle|something)",
    r"bruis\w*",
    r"rash\w*",
    r"itch\w*",
    r"spots?\b",
    r"tattoo\w*",
    r"push-?ups",
    r"reps\b",
    r"chest press",
    r"lifting weights",
)
#: CDC stroke: sudden trouble speaking or understanding; lost words and writing are the same
#: sign.
WORD_FINDING = _concept(
    "word finding",
    r"(?:can'?t|cannot|couldn'?t) (?:remember|find|think of|get out) (?:the|her|his|my|their) words?\b",
    r"(?:forgot|forgotten|forgetting) the word for",
    r"(?:hand)?writing (?:[\w']+ ){0,2}(?:went|gone|turned|became|is) (?:to |into )?(?:a )?(?:scribbl\w*|"
    r"squiggl\w*|illegible|scrawl\w*|gibberish)",
)
#: Speech gone wrong, told as the wrong words or as sounding drunk (FAST: speech).
SPEECH_WRONG = _concept(
    "speech gone wrong",
    r"(?:saying|says|using|coming out with|mixing up) (?:the |all the )?wrong words",
    r"(?:talk\w*|speak\w*|speech) (?:[\w']+ ){0,2}like (?:he'?s|she'?s|they'?re|he is|she is|i'?m) drunk",
    r"(?:can'?t|cannot|couldn'?t) find (?:the |her |his |my |their )?words?\b",
)
#: FAST: arm weakness; "her hand won't work".
LIMB_WONT_WORK = _concept(
    "a limb that will not work",
    r"(?:arm|hand|leg)(?:'s| is| has)? (?:gone |going |suddenly )?(?:weak|numb|dead|useless|floppy)\b",
    r"(?:arm|hand|leg) (?:[\w']+ ){0,2}(?:won'?t|wont|doesn'?t|isn'?t) work(?:ing)?\b",
)
#: MedlinePlus opioid overdose: slow or shallow breathing, very sleepy.
OPIOID = _concept(
    "opioid",
    r"needle (?:next to|beside|in) (?:him|her|them)",
    r"co-?codamol",
    r"co-?dydramol",
    r"morphine",
    r"fentanyl",
    r"oxycodone",
    r"oxycontin",
    r"codeine",
    r"tramadol",
    r"methadone",
    r"heroin",
    r"opioids?\b",
    r"opiates?\b",
    r"buprenorphine",
    r"(?:pain ?killer|pain|morphine|fentanyl) patch\w*",
)
SLOW_BREATHING = _concept(
    "slow breathing",
    r"(?:breathing|breaths?) (?:[\w']+ ){0,3}(?:slow|shallow)",
    r"breath\w* (?:[\w']+ ){0,2}(?:once|twice|two|three) (?:times )?(?:a|per) minute",
    # NHS opioid overdose: so sleepy they cannot stay awake.
    r"nodding off",
    r"(?:very|really|so|extremely) (?:sleepy|drowsy)",
    r"(?:can'?t|cannot) stay awake",
    r"(?:slow|shallow) breath\w*",
    r"(?:barely|hardly) breathing",
    r"tak(?:ing|es) a breath every",
)
#: Heavy drinking (NHS alcohol poisoning: slow or irregular breathing, blue-tinged skin or
#: passing out after it needs 999).
ALCOHOL_EXCESS = _concept(
    "heavy drinking",
    r"(?:bottle|half a bottle|most of a bottle|pint|pints|shots?|litre) of (?:vodka|whisk(?:e)?y|gin|rum|tequila|"
    r"wine|spirits|cider|jager\w*|sambuca)",
    r"(?:downed|necked|drank|drunk|chugged) (?:[\w']+ ){0,4}(?:vodka|whisk(?:e)?y|gin|rum|tequila|spirits|shots|"
    r"wine|cider)",
    r"(?:very|really|so|extremely|blind) drunk",
    r"alcohol poisoning",
    r"binge drink\w*",
)
BLUE_OR_SLOW_BREATHING = _concept(
    "slow breathing, blue skin or passed out",
    r"(?:breathing|breaths?) (?:[\w']+ ){0,3}(?:slow|shallow|irregular)",
    r"(?:slow|shallow|irregular) breath\w*",
    r"(?:barely|hardly) breathing",
    r"(?:lips|skin|face) (?:[\w']+ ){0,4}(?:blue|bluish|blueish|grey|gray)",
    r"passed out\b",
    r"(?:won'?t|can'?t|cannot) (?:wake|be woken|rouse)",
    r"unconscious",
)
#: NHS: a swallowed button battery needs A&E at once (it burns through the gullet).
BUTTON_BATTERY = _concept(
    "a button battery", r"(?:button|coin|disc|disk|watch|lithium coin) ?(?:cell )?batter(?:y|ies)"
)
SWALLOWED_OR_MISSING = _concept(
    "swallowed or missing",
    r"swallow\w*",
    r"(?:ate|eaten)\b",
    r"in (?:his|her|their|my) mouth",
    r"(?:can'?t|cannot|couldn'?t) find (?:it|them|one)",
    r"(?:it'?s|its|now|one is|one'?s) (?:gone|missing)",
)
#: CDC seizure signs: jerking with froth at the mouth.
FROTHING = _concept(
    "frothing", r"(?:froth\w*|foam\w*) (?:at|from) (?:the |his |her |their |my )?mouth"
)
#: NHS testicle injuries: after a blow, severe pain, swelling or being sick need A&E.
TESTICLE_BLOW = _concept(
    "blow to the testicles",
    r"(?:kick\w*|kneed|hit|whack\w*|punch\w*|struck|smack\w*) (?:[\w']+ ){0,2}in the (?:balls|nuts|"
    r"crown jewels|privates|goolies|testicles?|groin)",
)
TESTICLE_INJURY_FLAG = _concept(
    "testicle injury red flag",
    r"swell\w*",
    r"swollen",
    r"(?:throwing|threw) up",
    r"being sick",
    r"vomit\w*",
    r"(?:still|constant) (?:[\w']+ ){0,2}(?:agony|in agony|hurting|painful|killing)",
)
#: NHS testicular torsion, most common in teenage boys: the pain may be felt in the groin or
#: low in the tummy.
TEENAGE_BOY = _concept(
    "teenage boy",
    r"(?:teenage|teen|adolescent) (?:son|boy|lad|brother)",
    r"(?:son|boy|lad|brother) (?:is |'s |who'?s )?(?:1[0-9]|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen)\b",
    r"(?:1[0-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]year[- ]old (?:son|boy|lad|brother)",
)
GROIN = _concept("groin", r"groin", r"privates", *_TESTICLE_WORDS)
#: A bite from a venomous spider or scorpion with a reaction beyond the bite.
VENOMOUS = _concept(
    "venomous creature",
    r"spiders?\b",
    r"scorpions?",
    r"black widow",
    r"funnel[- ]web",
    r"redback",
    r"recluse",
    # Bitten by something unseen where snakes live (NHS and MedlinePlus snake bites).
    r"something in the (?:long |tall )?(?:grass|bush|bushes|undergrowth|scrub|bracken)",
)
BITE_SYSTEMIC = _concept(
    "reaction beyond the bite",
    r"sweat\w*",
    r"cramp\w*",
    r"(?:chest|throat) (?:[\w']+ ){0,2}tight\w*",
    r"breath\w*",
    r"vomit\w*",
    r"being sick",
    r"faint\w*",
    # A snake's venom on the nerves: drooping eyelids, blurred or double vision.
    r"(?:eyelids?|eyes?) (?:are |is )?(?:[\w']+ )?droop\w*",
    r"droop\w* (?:eyelids?|eyes?)",
    r"(?:blurr\w*|double) vision",
)
#: NHS cellulitis: a red streak spreading from a wound needs care the same day.
RED_STREAK = _concept(
    "red streak",
    r"red (?:streaks?|lines?) (?:[\w']+ ){0,3}(?:up|along|spreading|creeping|going|running|tracking|"
    r"travell?ing)",
)
#: NHS: an arm that swells after a line is put in a vein may have a clot.
LINE_IN_VEIN = _concept(
    "line in a vein",
    r"picc\b",
    r"(?:central|iv|drip) line",
    r"cannula",
)
ARM_SWOLLEN = _concept(
    "arm swollen",
    r"(?:arms?|hands?) (?:[\w']+ ){0,4}(?:swollen|swelling|swell\w*|puffy)",
    r"(?:swollen|puffy) (?:[\w']+ ){0,2}(?:arms?|hands?)",
)
#: NHS DVT, in an arm (after strenuous arm exercise too): the skin darker or bluish, the
#: veins swollen.
ARM_CLOT_SIGN = _concept(
    "a clot's sign in an arm",
    r"(?:blue|bluish|blueish|purple|purplish|dusky)\b",
    r"veins? (?:[\w']+ ){0,4}(?:bigger|swollen|bulging|sticking out|standing out|more visible|prominent)",
    r"(?:bigger|swollen|bulging|prominent) veins",
)
#: A knock, a fall or a sting: a swollen, blue arm is a bruise.
ARM_INJURY = _words(
    r"bruis\w*",
    r"bang\w*",
    r"\bhit\b",
    r"fell\b",
    r"fall\w*",
    r"black and blue",
    r"knock\w*",
    r"trapped",
    r"sprain\w*",
    r"sting\w*",
    r"bitten",
    r"bites?\b",
    r"cold",
)
#: NHS anaphylaxis: swelling of the face or throat after a trigger, with wheezing.
FACE_SWELLING = _concept(
    "face or throat swelling",
    r"(?:eyelids?|eyes?|lips?|face|tongue|throat|mouth) (?:[\w']+ ){0,3}(?:swell\w*|swollen|puff\w*)",
    r"lump in (?:my|his|her|their|the) throat",
)


#: NHS pulmonary embolism: coughing up blood, or pink, blood-streaked phlegm.
BLOODY_COUGH = _concept(
    "coughing up blood",
    r"cough\w* (?:up )?(?:some |a bit of |bits of )?blood",
    r"cough\w* (?:up )?(?:[\w']+ ){0,3}(?:pink\w*|blood[\w-]*|red)(?:[ -](?:streak\w*|fleck\w*|tinged|stained))? "
    r"(?:phlegm|mucus|spit|sputum|froth|stuff|gunk|goo)",
)
#: Smoke from a fire breathed in (NHS and CDC smoke inhalation): soot coughed up, a hoarse
#: voice or wheezing after it needs emergency care.
FIRE_SMOKE = _concept(
    "smoke from a fire",
    r"(?:caught|catch|catching|on) fire\b",
    r"(?:house|kitchen|flat|building|bedroom|chip pan|car|garage|room) fire\b",
    r"fire (?:in|at) (?:the|our|my|his|her|their) (?:house|kitchen|flat|building|bedroom|home|room|garage)",
    r"smoke inhalation",
    r"(?:breathed|breathing|inhaled|inhaling) (?:in )?(?:a lot of |lots of |loads of |the |thick )?smoke",
    r"flared? up in (?:his|her|my|their|your|[\w]+'s) face",
    r"(?:gas|canister|propane|butane|camping stove) (?:[\w']+ )?(?:flared?|explo\w*|blew up|went up)",
    r"smoke (?:from (?:a |the |next door'?s |our |the neighbou?rs'? )?(?:\w+ )?fire|filled (?:the|our|my))",
)
SMOKE_INJURY = _concept(
    "airway hurt by smoke",
    r"cough\w* (?:up )?(?:[\w']+ ){0,2}(?:black|sooty|dark grey|grey) (?:spit|phlegm|mucus|stuff)",
    r"soot\w*",
    r"hoarse",
    r"croak\w*",
    r"(?:nostrils|nose) (?:are |is )?(?:black|sooty)",
    r"wheez\w*",
    r"(?:singed|burnt|burned) (?:nose hairs|nostrils|eyebrows)",
)
#: A blood pressure of 180/120 or higher (AHA: hypertensive crisis), read as "221 over 132".
VERY_HIGH_BP = _concept(
    "blood pressure 180/120 or more",
    r"\b(?:1[89]\d|2\d\d)\s*(?:over|/)\s*(?:1[2-9]\d)\b",
)
#: The warning signs with it that make it an emergency (AHA): headache, sight changes,
#: chest pain, confusion.
CRISIS_SIGN = _concept(
    "a crisis sign",
    r"head ?aches?\b",
    r"(?:flashing lights|blurr\w*|vision|sight)",
    r"chest (?:pain|tight\w*)",
    r"confus\w*",
)
#: Words of someone thinking of stepping or jumping from a height.
STEPPING_OFF = _concept(
    "stepping off a height",
    r"(?:can'?t stop|keep|keeps|been|kept|am|i'?m|is|he'?s|she'?s) thinking (?:about|of) (?:stepping|jumping|"
    r"throwing (?:myself|himself|herself)|walking|falling) (?:off|from|over|in front of)",
    r"(?:urge|want|wanting|tempted|going) to (?:step|jump|throw (?:myself|himself|herself)) (?:off|from|over|in "
    r"front of)",
)
#: NIMH warning signs: asking someone to take care of a pet, in the person's own words.
ASKING_CARE_OF_PET = _concept(
    "asking for a pet to be looked after",
    r"look after (?:my|the) (?:dogs?|cats?|pets?|kids|children|babies) for me",
    r"take care of (?:my|the) (?:dogs?|cats?|pets?|kids|children) for me",
)
#: Low mood in the words of a friend or relative.
DARK_PLACE = _concept(
    "in a dark place",
    r"(?:really |very |such a |a )?dark place",
    r"rock bottom",
    r"(?:really|very|so) (?:low|down|depressed)",
    r"depress\w*",
    r"hopeless",
)

#: NHS chickenpox in pregnancy: someone pregnant who has not had chickenpox and has been
#: near someone with it should speak to a GP or midwife at once.
NO_CHICKENPOX_BEFORE = _concept(
    "never had chickenpox",
    r"(?:never|not|haven'?t|have not|didn'?t|did not) (?:ever )?(?:had|caught|get|got) (?:the )?chicken ?pox",
    r"(?:not|no) immun\w* to chicken ?pox",
)
POX_CONTACT = _concept(
    "near someone with chickenpox",
    r"(?:come|came|broken|broke|is|was) out in spots",
    r"(?:has|had|got|caught|with|down with|come down with) (?:the )?chicken ?pox",
    r"(?:come|came|coming|comes) down with (?:it|them)\b",
    r"(?:been|was|were) (?:near|around|with|in contact with|exposed to)",
    r"(?:babysat|babysitting|looked after|looking after|visited|visiting|cuddled|played with)",
)
#: NHS shingles: a rash near the eye, or eye pain or redness with it, needs same-day care.
SHINGLES_FACE = _concept(
    "shingles on the face",
    r"(?:rash|blisters?|shingles)\b (?:[\w']+ ){0,8}(?:forehead|nose|eye|eyelid|temple|scalp)",
    r"(?:forehead|nose|eyelid|temple)\b (?:[\w']+ ){0,6}(?:rash|blisters?|shingles)",
)
SHINGLES_EYE_SIGN = _concept(
    "the eye involved",
    r"eyes?\b (?:[\w']+ ){0,5}(?:red|gritty|sore|painful|pain|watering|swollen|blurr\w*)",
    r"(?:red|gritty|sore|painful|swollen) eyes?\b",
)
#: NHS peripheral arterial disease, acute limb ischaemia: a leg or arm suddenly cold, pale
#: and numb, which cannot be moved, is an emergency.
COLD_PALE_LIMB = _concept(
    "a cold, pale limb",
    r"(?:leg|foot|arm|hand|toes|fingers)\b (?:[\w']+ ){0,4}(?:cold|white|pale|blue|grey|gray)\b,? (?:[\w']+ ){0,2}"
    r"(?:white|pale|cold|numb|blue|grey|gray)\b",
)
LIMB_ISCHAEMIA_SIGN = _concept(
    "suddenly, unable to move it, or agony",
    r"sudden\w*",
    r"(?:can'?t|cannot|unable to|couldn'?t) (?:move|wiggle|feel|lift) (?:his|her|their|my|the) (?:toes|foot|leg|"
    r"fingers|hand|arm)",
    r"agony",
)


def _told(
    category: str, level: Level, concepts: tuple[Concept, ...], **options: Any
) -> ConceptRule:
    """A rule whose signs are the story itself: they may be told in separate sentences ("He
    hit his head. Now he's being sick."), and words such as "when he chews" are part of the
    sign, not a habit, so the everyday guard is off."""
    return ConceptRule(
        category, level, concepts, across_sentences=True, everyday_guard=False, **options
    )


CONCEPT_RULES: tuple[ConceptRule, ...] = (
    # NIMH: talking about wanting to die; making a plan or looking for a way.
    ConceptRule("suicide", "emergency", (DEATH_WISH,), everyday_guard=False),
    ConceptRule("suicide", "emergency", (VOICES_URGING,), everyday_guard=False),
    ConceptRule(
        "suicide", "emergency", (SUICIDE_PLAN, SUICIDE_MEANS), span=160, everyday_guard=False
    ),
    _told(
        "suicide",
        "emergency",
        (HOPELESS, SUICIDE_PLAN),
        span=160,
    ),
    ConceptRule("suicide", "emergency", (SELF_HARM,), everyday_guard=False, unless=ACCIDENT),
    ConceptRule("suicide", "emergency", (ENDING_IT,), everyday_guard=False),
    ConceptRule("suicide", "emergency", (BURDEN,), everyday_guard=False),
    ConceptRule("suicide", "emergency", (STEPPING_OFF,), everyday_guard=False),
    _told(
        "suicide",
        "emergency",
        (ASKING_CARE_OF_PET, DARK_PLACE),
        span=200,
    ),
    ConceptRule("suicide", "emergency", (SUICIDE_MEANS, READY_NOW), span=80, everyday_guard=False),
    _told(
        "suicide",
        "emergency",
        (SEEKING_WEAPON, DONE_WITH_LIVING),
        span=200,
    ),
    _told(
        "suicide",
        "emergency",
        (SEEKING_WEAPON, HOPELESS),
        span=200,
    ),
    _told(
        "suicide",
        "emergency",
        (STOCKPILING, LAST_STEP),
        span=160,
    ),
    _told(
        "suicide",
        "emergency",
        (GIVING_AWAY, NOT_AROUND_SOON),
        span=200,
    ),
    _told(
        "suicide",
        "emergency",
        (FAREWELL, LAST_STEP),
        span=160,
    ),
    _told(
        "suicide",
        "emergency",
        (MEDICINE, TAKE_THEM_ALL),
        span=120,
    ),
    # MedlinePlus poisoning: household products swallowed; too much medicine.
    ConceptRule("overdose", "emergency", (OD,), everyday_guard=False),
    ConceptRule(
        "overdose",
        "emergency",
        (INGESTED, HOUSEHOLD_POISON),
        span=80,
        everyday_guard=False,
        unless=SAYING,
    ),
    ConceptRule(
        "overdose", "emergency", (INGESTED, LARGE_AMOUNT, MEDICINE), span=80, everyday_guard=False
    ),
    ConceptRule(
        "overdose",
        "emergency",
        (YOUNG_CHILD, ACCIDENTAL_INGEST, MEDICINE),
        span=100,
        everyday_guard=False,
        unless=OWN_MEDICINE,
        conditional_guard=False,  # ACCIDENTAL_INGEST is in the past tense
    ),
    ConceptRule("overdose", "emergency", (EXTRA_DOSE, MEDICINE), span=80, everyday_guard=False),
    _told(
        "overdose",
        "emergency",
        (INGESTED, PARTY_DRUG, DRUG_TOXICITY),
        span=150,
    ),
    # NHLBI: chest pain or discomfort (pressure, squeezing, fullness); discomfort in the arm
    # or jaw with a cold sweat.
    ConceptRule("cardiac", "emergency", (CHEST, CHEST_QUALITY), span=60, unless=CHEST_EVERYDAY),
    ConceptRule("cardiac", "emergency", (RIBCAGE, SQUEEZE_QUALITY), span=50, unless=CHEST_EVERYDAY),
    ConceptRule("cardiac", "emergency", (HEART, HEART_SQUEEZED), span=60, unless=HEART_FIGURATIVE),
    ConceptRule(
        "cardiac", "emergency", (ARM_OR_JAW, PAIN, COLD_SWEAT), span=90, unless=SWEATS_EVERYDAY
    ),
    ConceptRule(
        "cardiac",
        "emergency",
        (CHEST, ARM_OR_JAW, ARM_FEELING),
        span=100,
        unless=CHEST_AND_ARM_EVERYDAY,
    ),
    # CDC stroke: sudden numbness or weakness of the face, arm or leg, especially on one
    # side; face drooping; sudden trouble speaking, seeing or walking.
    ConceptRule("stroke", "emergency", (FACE, DROOP), span=50, unless=FACE_EVERYDAY),
    ConceptRule("stroke", "emergency", (SUDDEN, LIMB, WEAKNESS), span=80, unless=LIMB_EVERYDAY),
    ConceptRule(
        "stroke", "emergency", (ONE_SIDE, ARM_AND_LEG, WEAKNESS), span=80, unless=LIMB_EVERYDAY
    ),
    ConceptRule(
        "stroke",
        "emergency",
        (SUDDEN, ONE_SIDE, LIMB, HEAVY_OR_TINGLY),
        span=80,
        unless=LIMB_EVERYDAY,
    ),
    ConceptRule(
        "stroke",
        "emergency",
        (SPEECH, GARBLED, SPEECH_ONSET),
        span=60,
        unless=SPEECH_OR_DENTAL_EVERYDAY,
    ),
    ConceptRule("stroke", "emergency", (SUDDEN, SPEECH, ODD), span=60, unless=SPEECH_EVERYDAY),
    ConceptRule(
        "stroke", "emergency", (SUDDEN, VISION_OR_BALANCE), span=60, unless=BALANCE_EVERYDAY
    ),
    # BE FAST: balance or sight gone wrong together with odd speech is a stroke sign even
    # where the room spins too ("drifting to the left when she walks ... her voice sounds
    # thick"); vertigo alone leaves speech alone.
    ConceptRule(
        "stroke",
        "emergency",
        (VISION_OR_BALANCE, SPEECH, ODD),
        span=140,
        everyday_guard=False,  # "drifting to the left when she walks" is the sign
        unless=SPEECH_EVERYDAY,
    ),
    ConceptRule("stroke", "emergency", (SUDDEN, CONFUSED), span=40),
    ConceptRule(
        "stroke", "emergency", (SUDDEN, NOT_UNDERSTANDING), span=60, unless=SPEECH_EVERYDAY
    ),
    ConceptRule("stroke", "emergency", (ARM_DRIFT,), unless=LIMB_EVERYDAY),
    ConceptRule("stroke", "emergency", (CANT_SMILE, ONE_SIDE), span=60, unless=FACE_EVERYDAY),
    # NHS pulmonary embolism: a swollen, painful leg, then breathlessness or pain on
    # breathing in. "When I breathe in" describes the pain here, not an everyday trigger;
    # exertion is left out by ``CLOT_EVERYDAY``.
    _told(
        "blood_clot",
        "emergency",
        (LEG_CLOT, SUDDENLY_BREATHLESS),
        span=150,
        unless=CLOT_EVERYDAY,
    ),
    # A clot's risk (a long flight, an operation, the pill) with pain on breathing in and
    # breathlessness both, without the leg.
    _told(
        "blood_clot",
        "emergency",
        (CLOT_RISK, PAIN_BREATHING_IN, OUT_OF_BREATH),
        span=200,
        unless=CLOT_EVERYDAY,
    ),
    # NHS anaphylaxis: swelling of the lips, tongue or throat with a trigger, trouble
    # breathing or swallowing; hives with trouble breathing or feeling faint.
    ConceptRule(
        "anaphylaxis",
        "emergency",
        (AIRWAY_SITE, SWELLING, ALLERGEN),
        span=100,
        across_sentences=True,
        unless=SWELLING_EVERYDAY,
    ),
    ConceptRule(
        "anaphylaxis",
        "emergency",
        (LIPS_TONGUE, SWELLING, BREATH_TROUBLE),
        span=100,
        unless=SWELLING_EVERYDAY,
    ),
    ConceptRule(
        "anaphylaxis",
        "emergency",
        (LIPS_TONGUE, SWELLING, SWALLOW_OR_VOICE),
        span=100,
        unless=SWELLING_EVERYDAY,
    ),
    ConceptRule("anaphylaxis", "emergency", (HIVES, BREATH_TROUBLE), span=60),
    ConceptRule("anaphylaxis", "emergency", (BREATH_TROUBLE, FOOD_OR_STING), span=60),
    ConceptRule("anaphylaxis", "emergency", (HIVES, ALLERGEN, FAINT), span=140),
    # After anaphylaxis: a racing heart and faintness after a sting is an allergic reaction.
    ConceptRule(
        "cardiac", "emergency", (PALPITATIONS, BLACKING_OUT), span=150, unless=HEART_FIGURATIVE
    ),
    # NHS sepsis: blotchy or mottled skin with an infection or fever. Before breathing, whose
    # blue skin is a sign of both: blotchy skin names sepsis.
    ConceptRule(
        "sepsis",
        "emergency",
        (INFECTION, MOTTLED),
        span=150,
        across_sentences=True,
        unless=SEPSIS_EVERYDAY,
    ),
    ConceptRule(
        "sepsis",
        "emergency",
        (FEVER, MOTTLED),
        span=150,
        across_sentences=True,
        unless=SEPSIS_EVERYDAY,
    ),
    # NHS pulmonary embolism: sudden breathlessness or pain breathing in, with blood
    # coughed up.
    _told(
        "blood_clot",
        "emergency",
        (BREATHLESS_OR_PAIN_BREATHING_IN, BLOODY_COUGH),
        span=200,
    ),
    # Smoke from a fire breathed in, with soot coughed up, a hoarse voice or wheezing.
    _told(
        "breathing",
        "emergency",
        (FIRE_SMOKE, SMOKE_INJURY),
        span=200,
    ),
    ConceptRule(
        "blood_clot",
        "emergency",
        (COLD_PALE_LIMB, LIMB_ISCHAEMIA_SIGN),
        span=150,
        across_sentences=True,
    ),
    # AHA hypertensive crisis: 180/120 or higher with a headache or sight changes.
    _told(
        "headache",
        "emergency",
        (VERY_HIGH_BP, CRISIS_SIGN),
        span=150,
    ),
    # MedlinePlus breathing difficulty: struggling for breath, blue lips, too breathless to
    # speak.
    ConceptRule("breathing", "emergency", (STRUGGLING_FOR_BREATH,)),
    ConceptRule("breathing", "emergency", (BREATH_STOPPED,), unless=SLEEP_APNOEA),
    ConceptRule("breathing", "emergency", (CHOKING,), unless=THING_CHOKING),
    ConceptRule("breathing", "emergency", (EATING, SILENT, CHOKING_DISTRESS), span=150),
    ConceptRule("breathing", "emergency", (YOUNG_CHILD, WORKING_TO_BREATHE), span=80),
    ConceptRule("breathing", "emergency", (BLUE_SITE, BLUE), span=40, unless=BLUE_EVERYDAY),
    ConceptRule("breathing", "emergency", (BREATHLESS, CANT_TALK), span=60),
    ConceptRule("breathing", "emergency", (LOW_OXYGEN,)),
    ConceptRule("breathing", "emergency", (FAST_SHALLOW_BREATHING, CANT_TALK), span=120),
    # MedlinePlus bleeding: bleeding that will not stop, spurts or soaks through; vomiting
    # blood.
    ConceptRule("bleeding", "emergency", (BLOOD, UNCONTROLLED), span=60, unless=BLEEDING_EVERYDAY),
    ConceptRule("bleeding", "emergency", (VOMITED_BLOOD,)),
    _told(
        "bleeding",
        "emergency",
        (COFFEE_GROUND_VOMIT, SHOCK_SIGN),
        span=120,
    ),
    ConceptRule(
        "bleeding", "emergency", (PRESSURE_ON_WOUND, UNCONTROLLED), span=100, across_sentences=True
    ),
    # MedlinePlus: unconscious or unresponsive.
    ConceptRule("unresponsive", "emergency", (COLLAPSED, NO_RESPONSE), span=100),
    ConceptRule("unresponsive", "emergency", (IN_AND_OUT,), unless=ORDINARY_TIREDNESS),
    ConceptRule("unresponsive", "emergency", (DOWN_AND_OUT,)),
    ConceptRule("unresponsive", "emergency", (HARD_TO_WAKE,), unless=HARD_TO_WAKE_EVERYDAY),
    ConceptRule("unresponsive", "emergency", (COLLAPSE,), unless=COLLAPSE_EVERYDAY),
    # CDC seizure first aid: longer than 5 minutes, one after another, a first seizure.
    ConceptRule("seizure", "emergency", (SEIZURE, SEIZURE_FLAG), span=100),
    # Any seizure in a baby under 3 months (NHS: call 999 for a baby's first fit).
    ConceptRule("seizure", "emergency", (SEIZURE, INFANT), span=150),
    # NHS cauda equina syndrome: go to A&E.
    _told(
        "urgent_symptoms",
        "emergency",
        (SADDLE_NUMBNESS, LOST_CONTROL),
        span=150,
    ),
    # NHS toxic shock syndrome: a sunburn-like rash with vomiting (a fever and a rash like
    # sunburn alone is also scarlet fever, which is not an emergency).
    ConceptRule("sepsis", "emergency", (SUNBURN_RASH, VOMITING), span=200, across_sentences=True),
    ConceptRule("seizure", "emergency", (FIRST_SEIZURE, SEIZING_NOW), span=100),
    ConceptRule("seizure", "emergency", (JERKING, NEVER_BEFORE), span=100, unless=SHAKING_EVERYDAY),
    ConceptRule(
        "seizure", "emergency", (JERKING, FIRST_SEIZURE), span=100, unless=SHAKING_EVERYDAY
    ),
    ConceptRule("seizure", "emergency", (COLLAPSED, JERKING), span=50, unless=SHAKING_EVERYDAY),
    # MedlinePlus headache: sudden and severe, the worst ever.
    ConceptRule("headache", "emergency", (HEAD, SEVERE_HEAD, SUDDEN), span=100),
    ConceptRule("headache", "emergency", (HEAD, SUPERLATIVE), span=80),
    ConceptRule("headache", "emergency", (HEAD, VERY_BAD, PLAINLY_SUDDEN), span=80),
    ConceptRule("headache", "emergency", (HEAD, THUNDERCLAP), span=80),
    ConceptRule("headache", "emergency", (STRUCK_LIKE, PLAINLY_SUDDEN), span=120),
    ConceptRule("headache", "emergency", (STRUCK_LIKE, SEVERE_HEAD), span=120),
    # NHS head injury: vomiting, confusion, drowsiness, memory loss, fluid from the nose or
    # ears after a blow to the head.
    ConceptRule(
        "head_injury",
        "emergency",
        (HEAD_BLOW, HEAD_INJURY_FLAG),
        span=200,
        across_sentences=True,
        unless=HEAD_BLOW_SIMILE,
    ),
    ConceptRule("head_injury", "emergency", (KNOCKED_OUT,), unless=KNOCKED_OUT_EVERYDAY),
    ConceptRule(
        "head_injury", "emergency", (FALL, AFTER_FALL_FLAG), span=120, across_sentences=True
    ),
    # NHS meningitis: fever with a stiff neck, a rash that does not fade, a bulging soft
    # spot, or a headache with dislike of bright light.
    *(
        _told(
            "meningitis",
            "emergency",
            (HIGH_FEVER, *signs),
            span=150,
            unless=NOT_A_FEVER,
        )
        for signs in ((STIFF_NECK,), (NON_BLANCHING,), (BULGING,), (HEAD, LIGHT_HURTS))
    ),
    _told(
        "meningitis",
        "emergency",
        (HEAD, STIFF_NECK, VOMITING_ONLY),
        span=150,
    ),
    _told(
        "meningitis",
        "emergency",
        (NON_BLANCHING, VERY_UNWELL),
        span=150,
    ),
    # NHS meningitis: a stiff neck and a dislike of bright lights, told without a fever
    # ("can't put her chin on her chest ... yelling at us to shut the curtains"). A migraine
    # brings both too.
    _told(
        "meningitis",
        "emergency",
        (STIFF_NECK, LIGHT_HURTS),
        span=150,
        unless=_words(r"migraine\w*", r"every time", r"always", r"usually"),
    ),
    # NHS fever in children: call 999 if the child is floppy, hard to wake, or has a weak,
    # high-pitched or continuous cry.
    ConceptRule(
        "meningitis",
        "emergency",
        (FEVER, NECK_WONT_BEND),
        span=150,
        across_sentences=True,
        everyday_guard=False,  # "screams when he tries to bend it" is the sign
        unless=NOT_A_FEVER,
    ),
    _told(
        "meningitis",
        "emergency",
        (YOUNG_CHILD, HIGH_FEVER, CHILD_FEVER_SIGN),
        span=150,
        unless=NOT_A_FEVER,
    ),
    # NHS hypothermia: very cold with confusion, slurred speech, drowsiness or slow
    # breathing (before sepsis: shivering is a sign of both).
    ConceptRule(
        "hypothermia",
        "emergency",
        (VERY_COLD, HYPOTHERMIA_SIGN),
        span=120,
        across_sentences=True,
        unless=COLD_EVERYDAY,
    ),
    # NHS sepsis: an infection or fever with confusion, or blotchy, blue or grey skin;
    # mottled skin in a child who is floppy or hard to wake.
    ConceptRule(
        "sepsis",
        "emergency",
        (INFECTION, SEPSIS_SIGN),
        span=150,
        across_sentences=True,
        unless=SEPSIS_EVERYDAY,
    ),
    ConceptRule(
        "sepsis", "emergency", (MOTTLED, FLOPPY_OR_DROWSY), span=100, across_sentences=True
    ),
    # NHS heatstroke: confused, not sweating, collapsed or fitting after heat.
    ConceptRule(
        "heatstroke", "emergency", (HEAT_EXPOSURE, HEAT_SIGN), span=150, across_sentences=True
    ),
    ConceptRule(
        "heatstroke",
        "emergency",
        (ENDURANCE_EVENT, BODY_HOT, HEAT_SIGN),
        span=200,
        across_sentences=True,
    ),
    # NHS burns: large, deep, chemical or electrical burns, or blisters on the face or
    # genitals.
    ConceptRule("burns", "emergency", (BURN, BURN_FLAG), span=140, unless=BURN_EVERYDAY),
    ConceptRule("burns", "emergency", (CORROSIVE, IN_EYE), span=60, unless=EYE_EVERYDAY),
    # NHS testicle pain: sudden, very bad pain in the testicles (torsion).
    ConceptRule(
        "testicular",
        "emergency",
        (TESTICLE, TESTICLE_PAIN_ONSET, PAIN),
        span=100,
        unless=TESTICLE_EVERYDAY,
    ),
    ConceptRule(
        "testicular", "emergency", (TESTICLE, TORSION_SIGN), span=80, unless=TESTICLE_EVERYDAY
    ),
    # NHS testicle pain: pain with being sick is torsion's sign too.
    ConceptRule(
        "testicular",
        "emergency",
        (TESTICLE, PAIN, BEING_SICK),
        span=160,
        unless=TESTICLE_EVERYDAY,
    ),
    ConceptRule(
        "testicular",
        "emergency",
        (TESTICLE, SWELLING, BEING_SICK),
        span=160,
        unless=TESTICLE_EVERYDAY,
    ),
    # NHS testicle lumps and swellings: a painful, swollen testicle without a sudden, severe
    # start, or being sick, needs an urgent GP appointment the same day.
    ConceptRule(
        "testicular", "urgent", (TESTICLE, PAIN, SWELLING), span=100, unless=TESTICLE_EVERYDAY
    ),
    # MedlinePlus snake bites: call 911 for any bite by a snake that may be venomous. CDC
    # rabies: a bite from a bat, monkey or wild animal needs care the same day.
    ConceptRule("bites", "emergency", (SNAKE, BITTEN), span=80, unless=BITE_NOT_A_PERSON),
    # A bite is an event: "bit me when i picked it up" is no habit.
    ConceptRule(
        "bites",
        "urgent",
        (RABIES_ANIMAL, BITTEN),
        span=60,
        everyday_guard=False,
        unless=BITE_NOT_A_PERSON,
    ),
    # Wordings met in later questions (see the concepts above).
    ConceptRule(
        "cardiac",
        "emergency",
        (CHEST, SQUEEZE_QUALITY, ARM_OR_JAW, ARM_FEELING),
        span=160,
        unless=CHEST_STRAIN,
    ),
    ConceptRule("stroke", "emergency", (SUDDEN, WORD_FINDING), span=150),
    # Two FAST signs together need no "sudden": a weak or useless arm with speech gone wrong.
    ConceptRule(
        "stroke", "emergency", (LIMB_WONT_WORK, SPEECH_WRONG), span=120, unless=LIMB_EVERYDAY
    ),
    _told(
        "overdose",
        "emergency",
        (OPIOID, SLOW_BREATHING),
        span=160,
    ),
    ConceptRule("seizure", "emergency", (JERKING, FROTHING), span=100),
    _told("pregnancy", "emergency", (EARLY_PREGNANCY, ONE_SIDED_LOW_PAIN, ECTOPIC_FAINT), span=200),
    _told("pregnancy", "urgent", (EARLY_PREGNANCY, ONE_SIDED_LOW_PAIN, ECTOPIC_SIGN), span=200),
    _told("overdose", "emergency", (ALCOHOL_EXCESS, BLUE_OR_SLOW_BREATHING), span=200),
    _told("overdose", "emergency", (BUTTON_BATTERY, SWALLOWED_OR_MISSING), span=120),
    ConceptRule(
        "testicular",
        "emergency",
        (TESTICLE_BLOW, TESTICLE_INJURY_FLAG),
        span=150,
        across_sentences=True,
    ),
    ConceptRule("testicular", "emergency", (TEENAGE_BOY, GROIN, TESTICLE_PAIN_ONSET), span=150),
    ConceptRule(
        "bites",
        "emergency",
        (VENOMOUS, BITTEN, BITE_SYSTEMIC),
        span=200,
        across_sentences=True,
        unless=BITE_NOT_A_PERSON,
    ),
    ConceptRule(
        "anaphylaxis",
        "emergency",
        (FACE_SWELLING, ALLERGEN, BREATH_TROUBLE),
        span=160,
        everyday_guard=False,
        unless=SWELLING_EVERYDAY,
    ),
    # NHS postpartum haemorrhage and placental abruption.
    _told(
        "pregnancy",
        "emergency",
        (AFTER_BIRTH, HEAVY_BLOOD_LOSS),
        span=150,
    ),
    ConceptRule(
        "pregnancy",
        "emergency",
        (PREGNANT, ABRUPTION_SIGN),
        span=150,
        across_sentences=True,
        unless=ABRUPTION_EVERYDAY,
    ),
    # NHS ectopic pregnancy: sharp, sudden, intense tummy pain with dizziness or fainting.
    ConceptRule(
        "pregnancy",
        "emergency",
        (PREGNANT, PREGNANCY_SEVERE_PAIN, SHOCK_SIGN),
        span=150,
        across_sentences=True,
        unless=PREGNANCY_PAIN_EVERYDAY,
    ),
    # MedlinePlus abdominal pain: call 911 if the belly is rigid and hard with severe pain.
    ConceptRule(
        "urgent_symptoms",
        "emergency",
        (BELLY, RIGID_BELLY, SEVERE_PAIN),
        span=100,
        unless=ABDOMINAL_EVERYDAY,
    ),
    # NHS bowel obstruction: go to A&E.
    ConceptRule(
        "urgent_symptoms",
        "emergency",
        (NO_BOWEL_MOVEMENT, GREEN_VOMIT),
        span=200,
        across_sentences=True,
    ),
    ConceptRule(
        "urgent_symptoms",
        "emergency",
        (NO_BOWEL_MOVEMENT, SWOLLEN_BELLY, VOMITING, SEVERE_PAIN),
        span=200,
        across_sentences=True,
    ),
    # NHS fever in children: a baby under 3 months with a temperature of 38C or more.
    _told(
        "infant_fever",
        "urgent",
        (INFANT, FEVER),
        span=150,
        past_guard=False,
        unless=NOT_A_FEVER,
    ),
    # CDC urgent maternal warning signs.
    ConceptRule("pregnancy", "urgent", (FETAL_MOVEMENT,)),
    _told(
        "pregnancy",
        "urgent",
        (PREGNANT, NO_CHICKENPOX_BEFORE, POX_CONTACT),
        span=200,
    ),
    _told(
        "urgent_symptoms",
        "urgent",
        (SHINGLES_FACE, SHINGLES_EYE_SIGN),
        span=200,
    ),
    _told(
        "pregnancy",
        "urgent",
        (AFTER_BIRTH, POSTPARTUM_WARNING),
        span=150,
    ),
    _told(
        "pregnancy",
        "urgent",
        (PREGNANT, PREGNANCY_WARNING),
        span=120,
        unless=PREGNANCY_EVERYDAY,
    ),
    # NHS DVT: a swollen, warm, painful calf after an operation, a long journey or a birth.
    _told(
        "blood_clot",
        "urgent",
        (CLOT_RISK, LEG_CLOT),
        span=150,
        unless=CLOT_EVERYDAY,
    ),
    ConceptRule(
        "pregnancy",
        "urgent",
        (PREGNANT, PREGNANCY_SEVERE_PAIN),
        span=120,
        across_sentences=True,
        unless=PREGNANCY_PAIN_EVERYDAY,
    ),
    # MedlinePlus: vomiting with no urine (dehydration); dark red blood from the bowel;
    # worsening pain low on the right of the belly (appendicitis).
    ConceptRule("urgent_symptoms", "urgent", (VOMITING, NO_URINE), span=120, across_sentences=True),
    ConceptRule("urgent_symptoms", "urgent", (CANT_KEEP_DOWN,)),
    # NHS septic arthritis: a hot, swollen, painful joint with a high temperature.
    ConceptRule("urgent_symptoms", "urgent", (JOINT, SWELLING, HIGH_FEVER), span=150),
    # NHS detached retina: new floaters or flashes with a shadow or curtain over the sight.
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (FLOATERS_OR_FLASHES, SIGHT_SHADOW),
        span=120,
        across_sentences=True,
    ),
    ConceptRule("unresponsive", "urgent", (REPEATED_FAINTING,)),
    # NHS dehydration in babies and children: a sunken soft spot or eyes, no tears; vomiting
    # with a child who will not drink or is very drowsy.
    ConceptRule(
        "urgent_symptoms", "urgent", (YOUNG_CHILD, SUNKEN), span=100, unless=SUNKEN_EVERYDAY
    ),
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (YOUNG_CHILD, NOT_FEEDING_AND_DROWSY),
        span=100,
        unless=ORDINARY_SLEEPINESS,
    ),
    # NHS: bleeding from the bottom with feeling faint or dizzy.
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (STOOL, BLOOD, SHOCK_SIGN),
        span=100,
        unless=PREGNANCY_EVERYDAY,
    ),
    ConceptRule("urgent_symptoms", "urgent", (YOUNG_CHILD, NO_URINE, DRY_FOR_LONG), span=120),
    ConceptRule("urgent_symptoms", "urgent", (VOMITING, NO_TEARS), span=120, across_sentences=True),
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (YOUNG_CHILD, VOMITING, NOT_DRINKING),
        span=120,
        across_sentences=True,
        unless=CHILD_SEEMS_WELL,
    ),
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (YOUNG_CHILD, VOMITING, LIGHTER_DROWSY),
        span=120,
        across_sentences=True,
    ),
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (BELLY, SEVERE_PAIN, PAIN),
        span=60,
        unless=ABDOMINAL_EVERYDAY,
    ),
    ConceptRule("urgent_symptoms", "urgent", (VOMITING_ONLY, LONG_VOMITING), span=80),
    ConceptRule("urgent_symptoms", "urgent", (DIABETIC, DKA_SIGN), span=120, across_sentences=True),
    ConceptRule("urgent_symptoms", "urgent", (KETONES,), unless=KETO_DIET),
    ConceptRule("urgent_symptoms", "urgent", (FEVER_WORD, VERY_HIGH_TEMPERATURE), span=40),
    ConceptRule("urgent_symptoms", "urgent", (YOUNG_CHILD, LONG_FEVER), span=120),
    ConceptRule("urgent_symptoms", "urgent", (DARK_STOOL_BLOOD,), unless=BLACK_STOOL_EVERYDAY),
    ConceptRule(
        "urgent_symptoms", "urgent", (BLOOD, FROM_THE_BOWEL), span=40, unless=PREGNANCY_EVERYDAY
    ),
    ConceptRule(
        "urgent_symptoms", "urgent", (NAVEL, PAIN, MOVED_RIGHT), span=140, unless=BELLY_EVERYDAY
    ),
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (RIGHT_LOWER_BELLY, PAIN, APPENDICITIS_SIGN),
        span=100,
        unless=BELLY_EVERYDAY,
    ),
    # NHS animal and human bites: a bite that shows signs of infection needs care today;
    # a red line spreading from it names the bite.
    _told(
        "bites",
        "urgent",
        (BITTEN, RED_STREAK),
        span=200,
        unless=BITE_NOT_A_PERSON,
    ),
    _told(
        "bites",
        "urgent",
        (BITTEN_BY_ANIMAL, INFECTED_BITE_SIGN),
        span=250,
        unless=BITE_ON_AN_ANIMAL,
    ),
    _told("bites", "urgent", (BITTEN_BY_ANIMAL, DEEP_BITE), span=150, unless=BITE_ON_AN_ANIMAL),
    _told("bites", "urgent", (HUMAN_BITE, INFECTED_BITE_SIGN), span=250),
    _told("bites", "urgent", (HUMAN_BITE, DEEP_BITE), span=150),
    ConceptRule("urgent_symptoms", "urgent", (RED_STREAK,)),
    # NHS kidney infection: a high temperature and pain in the side or back with a urine
    # infection's signs needs a GP or 111 urgently.
    ConceptRule(
        "urgent_symptoms",
        "urgent",
        (PEEING_HURTS, FLANK_PAIN, FEVER),
        span=250,
        across_sentences=True,
        everyday_guard=False,  # "stinging when i wee" is the sign itself
        unless=NOT_A_FEVER,
    ),
    ConceptRule(
        "urgent_symptoms", "urgent", (SORE_THROAT, QUINSY_SIGN), span=150, across_sentences=True
    ),
    ConceptRule(
        "urgent_symptoms", "emergency", (PAINFUL_EYE, HALOS), span=150, across_sentences=True
    ),
    ConceptRule(
        "headache",
        "emergency",
        (ARTERITIS_SIGN, SIGHT_DIMMING),
        span=200,
        across_sentences=True,
        everyday_guard=False,  # "when he chews" is the sign itself
    ),
    # A headache worse lying down or coughing, with vomiting or with dimming sight.
    *(
        ConceptRule(
            "headache",
            "urgent",
            (HEAD, HEAD_WORSE_LYING_OR_STRAINING, sign),
            span=200,
            across_sentences=True,
            everyday_guard=False,  # "worse when I cough" is the sign itself
            unless=HEADACHE_EVERYDAY,
        )
        for sign in (VOMITING_ONLY, SIGHT_DIMMING)
    ),
    _told(
        "blood_clot",
        "urgent",
        (CLOT_RISK, LEG_SWOLLEN_AND_WARM),
        span=200,
    ),
    _told(
        "blood_clot",
        "urgent",
        (LINE_IN_VEIN, ARM_SWOLLEN),
        span=150,
    ),
    _told(
        "blood_clot",
        "urgent",
        (ARM_SWOLLEN, ARM_CLOT_SIGN),
        span=150,
        unless=ARM_INJURY,
    ),
)

_CONCEPTS: tuple[Concept, ...] = tuple(
    {id(c): c for rule in CONCEPT_RULES for c in rule.concepts}.values()
)
assert len({c.name for c in _CONCEPTS}) == len(_CONCEPTS), "concept names must be unique"


def _trigram_index(
    concepts: tuple[Concept, ...],
) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Concepts by the first three letters of their keys, and those that always need a scan.

    A key that occurs in a text starts with one of the text's three-letter substrings, so
    one pass over those substrings names every concept whose keys may be there.
    """
    always = frozenset(
        c.name for c in concepts if c.keys is None or any(len(key) < 3 for key in c.keys)
    )
    index: dict[str, set[str]] = {}
    for concept in concepts:
        if concept.name not in always and concept.keys is not None:
            for key in concept.keys:
                index.setdefault(key[:3], set()).add(concept.name)
    return always, {trigram: frozenset(names) for trigram, names in index.items()}


_ALWAYS_SCANNED, _BY_TRIGRAM = _trigram_index(_CONCEPTS)
#: The names of each rule's concepts, to skip at once the rules that cannot fit.
_RULE_CONCEPT_NAMES: tuple[frozenset[str], ...] = tuple(
    frozenset(concept.name for concept in rule.concepts) for rule in CONCEPT_RULES
)


def _candidates(text: str) -> set[str]:
    """The concepts whose keys may occur in ``text``."""
    found = set(_ALWAYS_SCANNED)
    index = _BY_TRIGRAM
    for i in range(len(text) - 2):
        names = index.get(text[i : i + 3])
        if names is not None:
            found |= names
    return found


_SENTENCE_END_RE = re.compile(r"[.!?;\n]+(?=\s|$)")
#: Habits and everyday triggers: "when I swim", "every time I cough", "after the gym".
_EVERYDAY_RE = re.compile(
    # "when I shake her" tests whether someone responds; it is not a habit, and neither is
    # "no tears when she cries", a sign of dehydration, or "nearly fainted when I stood up".
    r"\b(?:(?<!tears )when(?:ever)? (?:i|you|he|she|they|we)\b"
    r"(?! (?:woke|got up|stood|sat up|came|comes|was|were|am|is|are)\b)"
    r"(?! (?:shake|shook|nudge|nudged|prod|prodded|pinch|pinched|tap|tapped|squeeze|squeezed|rub|rubbed|"
    r"ask|asked|tell|told|touch|touched) (?:him|her|them|his|their)\b)|"
    r"(?:i|you|he|she|they|we) (?:always |often |sometimes |usually )?(?:get|gets|tend to|keep getting)\b"
    r"(?! (?:a|an|the|this|these)\b)|"
    r"every (?:time|morning|night|day|now and then)|sometimes|usually|often|always|after (?:the gym|a workout|"
    r"working out|exercise|exercising|training|lifting|a run|running|swimming|sport))"
)
#: Past events: "two years ago", "used to", "as a child".
_PAST_RE = re.compile(
    r"\b(?:years? ago|months ago|used to|as a (?:child|kid|teen\w*|baby)|when (?:i|he|she) was (?:a |little|"
    r"young)|in the past|last (?:year|month|summer|winter|spring|autumn|fall)|history of|once had|back in|"
    r"now (?:he|she|they|i|we)(?:'?s|'?re|'?m| is| are| am) (?:\w+ )?(?:fine|better|okay|ok|well|back to normal|"
    r"recovered))\b"
)


#: Signs that went away ("all back to normal now", "it wore off after 20 minutes").
_PASSED_RE = re.compile(
    r"\b(?:(?:all|completely|totally|fully|right) )?back to normal\b|\bwent (?:away|back to normal)\b|"
    r"\bwore off\b|\bpassed (?:off|after|within)\b|\b(?:gone|went) (?:away )?(?:after|within)\b|"
    r"\b(?:feel|feels|felt|seem|seems|am|is|i'?m|he'?s|she'?s) (?:completely |totally |absolutely )?"
    r"(?:fine|normal|ok|okay|right as rain) now\b"
)
#: A day before today: "yesterday", "last night", "three days ago", "at the weekend".
_EARLIER_DAY_RE = re.compile(
    r"\byesterday\b|\blast (?:night|week|weekend|month)\b|\bthe other (?:day|night)\b|"
    r"\b(?:\d+|a|two|three|four|five|six|a few|a couple of) (?:days?|weeks?) ago\b|\bat the weekend\b|"
    r"\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
#: Words that say something has not passed: "still can't lift my arm", "again now", or a
#: sign told in the present ("his speech is slurred", "i can't lift it this morning").
_NOT_PASSED_RE = re.compile(
    r"\bstill\b(?! (?:fine|normal|ok|okay|feel fine))|\bagain\b|\bcome back\b|\bcoming back\b|\bright now\b|"
    r"\b(?:is|are|'s|'re|am|'m|looks?|feels?|seems?) (?:a bit |a little |really |very |all )?(?:slurr\w*|droop\w*|"
    r"numb|weak|tingl\w*|confused|blurr\w*|lopsided|wonky|heavy|dizzy|muddled)\b|"
    r"\b(?:can'?t|cannot|unable to|won'?t|struggling to|struggles to) (?:\w+ )?(?:move|lift|speak|talk|feel|see|"
    r"walk|smile|raise|grip|hold|stand|find (?:the|his|her|my) words)\b|"
    r"\b(?:this morning|today|tonight|now) (?:it'?s|he'?s|she'?s|i'?m) (?:\w+ )?(?:worse|back)\b"
)


def signs_have_passed(text: str) -> bool:
    """Signs told as over, on a day before today, and not back: what NHS advice on a
    transient ischaemic attack calls symptoms that "have passed" (see GP or 111 urgently),
    as against symptoms now or earlier today (call 999)."""
    return (
        _PASSED_RE.search(text) is not None
        and _EARLIER_DAY_RE.search(text) is not None
        and _NOT_PASSED_RE.search(text) is None
    )


def told_as_past(text: str) -> bool:
    """Does the (lower-cased) question place what it describes in the past ("two years
    ago", "as a child")? Red flags are about something new."""
    return _PAST_RE.search(text) is not None


#: Conditionals: "what should I do if my lips swell", "in case he has another fit". Not
#: "not sure if my dad is having a stroke", which describes the present.
_CONDITIONAL_RE = re.compile(
    r"\b(?:what (?:should|do|would|to|can) (?:i |you |we )?do if|what happens if|what if|in case|"
    r"if (?:someone|somebody|a person|you|your)\b)"
)


#: "half my face feels like it's had a dentist injection": a comparison names no cause.
_SIMILE_RE = re.compile(
    r"\blike (?:it'?s |i'?ve |he'?s |she'?s |they'?ve |you'?ve |i |he |she )?(?:had|been given|got) [^,.;!?]*"
)


def names_everyday_cause(unless: re.Pattern[str], sentence: str) -> bool:
    """Does the sentence name one of a rule's everyday causes (``unless``)? A comparison does
    not: "feels like it's had a dentist injection" names no dentist."""
    return unless.search(_SIMILE_RE.sub(" ", sentence)) is not None


class _Text:
    """A question, lower-cased, with its sentence boundaries and concept matches cached."""

    __slots__ = ("_matches", "_present", "candidates", "ends", "negated", "text")

    def __init__(self, text: str, negated: Callable[[str, int], bool]) -> None:
        self.text = text
        self.ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        self.negated = negated
        self._matches: dict[str, list[tuple[int, int]]] = {}
        self._present: dict[str, bool] = {}
        self.candidates = _candidates(text)

    def may_match(self, concept: Concept) -> bool:
        """False when none of the concept's key substrings occurs: no need to scan."""
        present = self._present.get(concept.name)
        if present is None:
            keys = concept.keys
            present = concept.name in self.candidates and (
                keys is None or any(map(self.text.__contains__, keys))
            )
            self._present[concept.name] = present
        return present

    def matches(self, concept: Concept) -> list[tuple[int, int]]:
        found = self._matches.get(concept.name)
        if found is None:
            text = self.text
            if not self.may_match(concept):
                found = []
            else:
                found = [
                    (m.start(), m.end())
                    for m in concept.pattern.finditer(text)
                    if not self.negated(text, m.start())
                ]
            self._matches[concept.name] = found
        return found

    def sentence(self, position: int) -> tuple[int, int]:
        index = bisect_right(self.ends, position)
        start = self.ends[index - 1] if index else 0
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        return start, end


def _fits(rule: ConceptRule, text: _Text) -> tuple[int, int] | None:
    """Where the rule's concepts co-occur (start, end), else None.

    Each match of the first concept anchors a try: the nearest match of every other concept
    (in the same sentence unless the rule allows otherwise) must fit within the span.
    """
    if not all(text.may_match(concept) for concept in rule.concepts):
        return None
    lists = []
    for concept in rule.concepts:
        found = text.matches(concept)
        if not found:
            return None
        lists.append(found)
    for anchor in lists[0]:
        low, high = anchor
        sentence = text.sentence(anchor[0])
        for others in lists[1:]:
            best: tuple[int, int] | None = None
            for start, end in others:
                if not rule.across_sentences and not sentence[0] <= start < sentence[1]:
                    continue
                if best is None or abs(start - anchor[0]) < abs(best[0] - anchor[0]):
                    best = (start, end)
            if best is None:
                break
            low, high = min(low, best[0]), max(high, best[1])
        else:
            if high - low <= rule.span:
                return low, high
    return None


def find(text: str, negated: Callable[[str, int], bool]) -> Iterator[tuple[ConceptRule, int, int]]:
    """The rules whose concepts co-occur in ``text`` (lower-cased), with where each starts
    and ends.

    ``negated(text, position)`` says whether a match at ``position`` is negated. Habits,
    past events and conditionals in the same sentence are left out here; information
    requests and hypotheticals are left to the caller.
    """
    cached = _Text(text, negated)
    candidates = cached.candidates
    for rule, names in zip(CONCEPT_RULES, _RULE_CONCEPT_NAMES, strict=True):
        if not names <= candidates:  # some concept's keys are absent: no need to try
            continue
        where = _fits(rule, cached)
        if where is None:
            continue
        low, high = where
        first = cached.sentence(low)[0]
        last = cached.sentence(max(low, high - 1))[1]
        context = text[first:last]
        if rule.everyday_guard and _EVERYDAY_RE.search(context):
            continue
        if rule.past_guard and _PAST_RE.search(context):
            continue
        if rule.conditional_guard and _CONDITIONAL_RE.search(text, first, low):
            continue
        if rule.unless is not None and names_everyday_cause(rule.unless, context):
            continue
        yield rule, low, high
