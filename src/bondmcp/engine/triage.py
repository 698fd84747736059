"""Emergency triage: runs before retrieval, so emergency guidance always comes first.

Rules are explicit regular expressions, reviewed like code, not a model: a missed
emergency is the worst failure this service can have, and rules can be read, tested and
extended one pattern at a time. A pattern that names a condition ("heart attack") only
triggers when the question describes someone's situation; one that describes a symptom
("crushing chest pain", "can't breathe") triggers unless it is negated. A few symptom
wordings also have a well-known everyday cause that people name in the same sentence
("my speech is slurred after the dentist numbed my mouth"); those rules carry a narrow
``unless`` guard, read in the sentence of the match, and the other rules still see any
further red flag in it ("...and my arm is weak").

Phrase rules only catch the wordings someone thought of, and emergencies keep arriving in
new words. A second layer (``redflags``) therefore recognises red-flag concepts and their
combinations, modelled on the public "call 911/999 if..." lists: small vocabularies of body
sites, symptom qualities, onsets, severities and people ("breastbone" + "pressing",
"suddenly" + "arm" + "can't lift", "2 months" + "feverish"), which count when they occur
together in a sentence, un-negated, in a question that describes someone's situation. It
runs when no phrase rule found an emergency, and its matches carry the same categories,
guidance and sources. Both layers skip the patterns whose key substrings are absent from
the question, so triage stays cheap on every question.

Rules still miss wordings nobody wrote down. When neither layer fires and the question
describes someone's situation, a third layer (``triage_model``, a model of how emergencies
read, fitted on the evaluation set's tune split; ADR 0016) may add general emergency
guidance as a precaution. It never names a category and never clears a rule's flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from bondmcp.engine import redflags
from bondmcp.engine.redflags import Level as Level
from bondmcp.engine.subject import said_of_non_person
from bondmcp.engine.triage_model import wording_model


@dataclass(frozen=True, slots=True)
class LocaleNumbers:
    emergency: str
    crisis: str
    poison: str
    urgent_advice: str


#: Numbers by locale. US: 911, the 988 Suicide & Crisis Lifeline, Poison Help.
#: UK: 999, Samaritans, NHS 111. EU: 112, the single European emergency number.
LOCALES: dict[str, LocaleNumbers] = {
    "us": LocaleNumbers(
        emergency="911",
        crisis="call or text 988 (the Suicide & Crisis Lifeline)",
        poison="call Poison Help at 1-800-222-1222",
        urgent_advice="contact your doctor or an urgent care center today",
    ),
    "gb": LocaleNumbers(
        emergency="999",
        crisis="call Samaritans free on 116 123",
        poison="call NHS 111 for advice, or 999 if the person is unwell",
        urgent_advice="call NHS 111 or your GP today",
    ),
    "eu": LocaleNumbers(
        emergency="112",
        crisis="call 112 or your national crisis line",
        poison="call 112 or your national poison centre",
        urgent_advice="contact a doctor or an out-of-hours service today",
    ),
}


@dataclass(frozen=True, slots=True)
class TriageRule:
    category: str
    level: Level
    pattern: re.Pattern[str]
    #: "always" triggers on any mention; "symptom" unless the question is an impersonal
    #: information request ("what causes chest pain?"); "situation" only when the question
    #: describes someone's present situation ("my dad is having a heart attack").
    mode: Literal["always", "symptom", "situation"]
    source_title: str
    source_url: str
    #: Words that, in the same sentence as the match, name an everyday cause ("after the
    #: dentist numbed my mouth"): the match does not count.
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class TriageResult:
    level: Level
    category: str | None = None
    guidance: tuple[str, ...] = ()
    source_title: str | None = None
    source_url: str | None = None
    #: Knowledge-base topics whose content may follow the guidance (see ``RELATED_TOPICS``).
    topics: tuple[str, ...] = ()
    #: Flagged by the wording model alone, with no rule naming the situation: the guidance
    #: comes first as a precaution, and the question is still answered (or not) as usual.
    precautionary: bool = False


#: What may be quoted after the guidance of each category. In an emergency, a loosely
#: matched passage next to the guidance would distract at best ("sinusitis" after a crisis
#: message), so only the topics that describe the situation itself are allowed.
RELATED_TOPICS: dict[str, tuple[str, ...]] = {
    "suicide": ("suicidal-thoughts",),
    "overdose": ("poisoning",),
    "cardiac": ("heart-attack", "chest-pain", "angina"),
    "stroke": ("stroke", "transient-ischemic-attack"),
    "anaphylaxis": ("anaphylaxis",),
    "breathing": ("choking", "asthma", "anaphylaxis", "cpr"),
    "bleeding": ("bleeding-and-wounds", "nosebleeds"),
    "unresponsive": ("cpr", "fainting"),
    "seizure": ("seizure-first-aid", "febrile-seizures", "epilepsy"),
    "headache": ("headache",),
    "head_injury": ("concussion",),
    "infant_fever": ("fever-in-children",),
    "meningitis": ("meningitis",),
    "pregnancy": ("ectopic-pregnancy", "miscarriage", "preeclampsia", "prenatal-care"),
    "urgent_symptoms": ("diabetic-ketoacidosis", "dehydration", "abdominal-pain", "appendicitis"),
    "sepsis": ("sepsis",),
    "heatstroke": ("heat-illness",),
    "hypothermia": ("hypothermia",),
    "burns": ("burns",),
    "testicular": (),
    "bites": ("animal-bites",),
    "blood_clot": ("pulmonary-embolism", "deep-vein-thrombosis"),
    # Flagged by the wording model alone: no rule says what the situation is.
    "possible_emergency": (),
}


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


_EMERGENCIES_URL = "https://medlineplus.gov/ency/article/001927.htm"

#: "end it with my boyfriend": ending a relationship, not a life.
_NOT_A_RELATIONSHIP = (
    r"(?! (?:with|between) (?:(?:my|his|her|their|this|that|the|our) )?(?:boy ?friend|girl ?friend|bf|gf|"
    r"husband|wife|partner|fianc\w*|ex|guy|girl|man|woman|lover|relationship|job|boss|friends?|mates?)\b)"
    r"(?! (?:with|between) (?:him|her|them|us)\s*(?:$|[.,!?;]|(?:and|but|because|cos|as|since|so)\b))"
)
#: Cuts and knocks while shaving, cooking or at sport: accidents, not self-harm.
_ACCIDENT = (
    r"(?! (?:[\w']+ ){0,4}?(?:shav\w*|chopp\w*|cook\w*|slic\w*|peel\w*|carv\w*|garden\w*|by accident|"
    r"accident\w*|lift\w*|fall\w*|fell|play\w*|running|skiing|training|at (?:the gym|work|football|rugby)|"
    r"on (?:a|an|the|some) (?:\w+ )?(?:tin|can|glass|paper|nail|thorn|rose|bramble|fence|lid)s?\b))"
)
#: Chest tightness that comes with a cold or a cough, as a habit ("when I have a cold").
_CHEST_WITH_A_COLD = _rx(
    r"when(?:ever)? (?:i|you|he|she|they|we) (?:have|has|had|get|gets|got|'?ve got|catch|caught|am getting|"
    r"'?m getting) (?:a |an |the |this )?(?:bad |heavy |chesty |head )?(?:cold\b(?! sweat)|cough|flu\b|"
    r"chest infection|virus|bug)"
)
#: The same, or a tight chest with hives: an allergic reaction (the red flags name it).
_CHEST_WITH_A_COLD_OR_HIVES = _rx(_CHEST_WITH_A_COLD.pattern, r"hives", r"welts", r"nettle rash")
#: Face or lip swelling after dental work or cosmetic injections, with no sign of an
#: allergy or of the airway in the same sentence.
_DENTAL_SWELLING = re.compile(
    r"^(?!.*\b(?:allerg\w*|penicillin|antibiotic|amoxicillin|latex|hives|itch\w*|rash|breath\w*|"
    r"swallow\w*|throat|tongue|wheez\w*|sting\w*|stung|bees?|wasps?|(?:pea)?nuts?|shellfish|ate|eaten|"
    r"eating)\b).*\b(?:dentist|dental|tooth|teeth|wisdom|filling|root canal|"
    r"extraction|braces|fillers?|botox|cold sores?|mouth ulcers?)",
    re.IGNORECASE,
)
#: Swelling of the face or hands in pregnancy, with no allergy word in the sentence: a
#: pre-eclampsia warning sign (CDC urgent maternal warning signs), left to the pregnancy
#: rules; with an allergen named, the anaphylaxis concept still applies.
_FACE_SWELLING_ELSEWHERE = re.compile(
    _DENTAL_SWELLING.pattern
    + r"|^(?!.*\b(?:allerg\w*|penicillin|antibiotic|amoxicillin|latex|hives|itch\w*|rash|breath\w*|"
    r"swallow\w*|throat|tongue|wheez\w*|sting\w*|stung|bees?|wasps?|(?:pea)?nuts?|shellfish|ate|eaten|"
    r"eating)\b).*\b(?:pregnan\w*|[2-4]\d ?(?:weeks?|wks?)\b(?! ago)|(?:second|third) trimester)",
    re.IGNORECASE,
)
#: Speech thick from a dental anaesthetic, with no other stroke sign in the same sentence.
_DENTAL_NUMBING = re.compile(
    r"^(?!.*\b(?:arms?|legs?|hands?|droop\w*|weak\w*|vision|see|seeing|walk\w*|balance|confus\w*|"
    r"head ?ache)\b).*\b(?:dentist|dental|tooth|teeth|wisdom|filling|root canal|anaesthetic|anesthetic|"
    r"novocaine|lidocaine|numb(?:ed|ing) (?:my|his|her|their|the) (?:mouth|lips?|gums?|jaw|tongue|face))",
    re.IGNORECASE,
)

#: A condition already treated, in the past, or asked about as a possibility ("my dad has
#: sepsis and is in intensive care", "how do i know if i have sepsis").
_KNOWN_OR_ASKED_WORDS = (
    r"hospital",
    r"icu\b",
    r"intensive care",
    r"treated",
    r"treatment",
    r"recover\w*",
    r"surviv\w*",
    r"ago\b",
    r"last (?:year|month|week|summer|winter)",
    r"had\b",
    r"surgery",
    r"operation",
    r"risk",
    r"(?:know|tell|check|sure) (?:if|whether)",
    r"what if",
    r"what (?:to|should (?:i|we|you)|do (?:i|we|you)) do (?:if|when)",
    r"if (?:i|you|he|she|they|my|your|someone)\b",
    r"(?:can|could|does|do|will) (?:\w+ ){0,3}(?:cause|lead to|give)",
)
_ILLNESS_KNOWN_OR_ASKED = _rx(*_KNOWN_OR_ASKED_WORDS)
#: A bite already treated, asked about, or to a pet (a vet's question).
_BITE_KNOWN_OR_PET = _rx(
    *_KNOWN_OR_ASKED_WORDS, r"dogs?", r"cats?", r"horses?", r"pets?", r"pupp(?:y|ies)"
)
#: Skin-care peels and acids that sting: not a chemical burn needing emergency care.
_SKIN_CARE = _rx(
    r"peel\w*",
    r"retinol",
    r"glycolic",
    r"salicylic",
    r"serum",
    r"toner",
    r"skin ?care",
    r"hair dye",
)

#: Black stools from iron tablets, bismuth or dark food: not blood.
_BLACK_STOOL_EVERYDAY = redflags.BLACK_STOOL_EVERYDAY

RULES: tuple[TriageRule, ...] = (
    TriageRule(
        "suicide",
        "emergency",
        _rx(
            r"(?:feel|feels|feeling|felt|am|i'?m|been|keep having|having) (?:\w+ )?suicidal",
            r"kill(?:ing)? (?:my|him|her|them)sel(?:f|ves)",
            r"end(?:ing)? (?:my|his|her|their) (?:own )?life",
            r"(?:want|wants|wanted|going|wann?a) (?:to )?die\b" + redflags.NOT_FIGURATIVE,
            r"don'?t want to (?:live|be alive|wake up)",
            r"(?<!accidentally )(?<!accidently )(?:hurt|hurting|cut|cutting|harm|harming) (?:my|him|her)sel(?:f|ves)"
            + _ACCIDENT,
            r"no reason to live",
            r"better off dead",
            r"better off without me",
            r"(?:no|not any|isn'?t any) point (?:in )?(?:living|going on|being alive)",
            r"wish (?:i|he|she) (?:was|were) dead",
            r"end(?:ing)? it all",
            r"thinking (?:of|about) (?:(?:ending|killing|taking) (?:my|myself|his|her)|(?:ending|killing|taking) it\b"
            + _NOT_A_RELATIONSHIP
            + ")",
            r"take (?:my|his|her|their) (?:own )?life",
            r"(?:want|wants|wanted) to (?:disappear forever|not exist)",
            r"(?:can'?t|cannot|don'?t want to) go on",
            r"(?:texted|said|saying|wrote|messaged|posted|sent|left) (?:me |us )?(?:a )?(?:goodbye|good-bye|"
            r"final goodbye)",
            r"(?:nothing|no one|nobody) to live for",
            r"(?:life|living) (?:is not|isn'?t|is no longer) worth",
            r"tired of (?:living|being alive|life)",
            r"don'?t want to be (?:here|around) any ?more",
            r"(?:hang|drown|shoot) (?:my|him|her|them)sel(?:f|ves)",
            r"(?:pills|tablets) (?:saved|stockpiled|hoarded)",
            r"(?:rather|prefer to|would be better) be dead",
            r"(?:suicide|goodbye|farewell) (?:note|letter)s?",
            r"(?:written|wrote|writing|left) (?:\w+ ){0,2}(?:letters?|notes?) (?:to|for) (?:my|his|her|their) "
            r"(?:family|kids|children|wife|husband|partner|parents|mum|mom|dad|friends)",
            r"giv(?:ing|en|e|es) (?:away )?(?:all )?(?:of )?(?:my|his|her|their) (?:\w+ )?(?:things|stuff|"
            r"possessions|belongings)(?: away)?",
            r"ready to die",
            r"not wanting to (?:live|be alive|wake up|be here)",
            r"(?:decided|going|want|wants|plan(?:ning)?|ready) to end (?:(?:it|things|everything)\b"
            + _NOT_A_RELATIONSHIP
            + r"|my life|his life|her life)",
            r"end(?:ing)? (?:things|everything)\b" + _NOT_A_RELATIONSHIP,
            r"no way out\b",
            r"planned (?:how|when|where) (?:i'?m|i am|he'?s|she'?s|he is|she is) (?:going to|gonna) "
            r"(?:do it|die|end)",
            r"(?:won'?t|will not) be (?:here|around|alive) (?:tomorrow|much longer|by (?:the )?morning)",
            r"said (?:my|his|her|their) (?:final )?goodbyes",
            r"(?:want|wish|need) (?:it|everything|the pain|this|all of it) (?:all )?to stop (?:permanently|forever|"
            r"for good)",
            r"(?:got|have|saved|collected|bought|counted out) (?:the |my |all (?:the |my )?|enough )?"
            r"(?:pills|tablets)(?: \w+){0,3} (?:ready(?! for (?:the |my |a |our |his |her )?(?:trip|holiday|vacation|"
            r"flight|journey|week|weekend|morning|school|work)\b)|to take)",
            r"(?:don'?t|do not|can'?t|cannot) see (?:the |any )?point (?:in|of) (?:living|life|going on|"
            r"being alive|carrying on)",
            r"(?:better|happier) off without me",
            r"(?:better|happier) if (?:i|i'?m) (?:was |were |wasn'?t |weren'?t )?(?:gone|dead|not here|"
            r"not around)",
            r"jump(?:ing)? (?:off|from|in front of) (?:a |the |this |that )?(?:bridge|building|roof|cliff|train|"
            r"balcony)",
            r"(?:going to|gonna|plan(?:ning)? to|want to|about to) (?:take|swallow) (?:them all|all (?:of )?"
            r"(?:my|the|them|these|those)|the (?:whole|entire) (?:bottle|pack|box))",
            # Asking how much of something would kill, or is a lethal amount: the crisis
            # line comes first, and no amount is ever given.
            r"how (?:much|many)\b.{0,60}\bkill (?:me|myself|you|yourself|someone|somebody|him|her|"
            r"them|people|a (?:person|human|man|woman|child|kid|grown up)|an adult)\b",
            # "... to just not wake up", not "... to not wake up tired".
            r"how (?:much|many)\b.{0,60}\b(?:to|would|could|will|so) (?:[\w']+ ){0,2}(?:not|never) wake up"
            r"(?: again| ever again| at all)?\s*(?:[.?!,]|$)",
            r"\b(?:lethal|fatal|deadly) (?:dose|doses|amount|amounts|quantity|number|level)\b",
            r"how (?:much|many)\b.{0,50}\b(?:is|are|would be|be|becomes?) (?:lethal|fatal|deadly)\b",
            r"\b(?:amount|dose|quantity|number) of\b.{0,40}\b(?:is|are|would be|be) (?:lethal|fatal|"
            r"deadly)\b",
            # Looking for a way: "a painless way to go to sleep and not wake up", "how much blood
            # can you lose from your wrist before you pass out for good".
            r"(?:painless|easy|easiest|quick|quickest|peaceful|best|surest|gentle) (?:way|ways|method|methods) "
            r"(?:to|of) (?:die|dying|go to sleep and (?:not|never) wake|not wake up|never wake up|end (?:it|my life|"
            r"things|everything)|kill (?:myself|yourself|oneself)|stop living)",
            r"(?:pass out|go to sleep|fall asleep) for good\b",
            # Training messages the rules had missed (bench/training/triage_messages.yaml).
            r"(?:been|started|am|i'?m|is|was) cutting again\b",
            r"(?:we'?d|we would|everyone would|everyone'?d|they'?d|they would|you'?d|you would) (?:all )?be better "
            r"off without (?:him|her|them|me)\b",
            r"(?:sorry|apologi[sz]\w*) for being a burden",
            r"(?:i'?m|i am|im) a burden to\b",
            r"(?:standing|stood|sat|sitting|waiting|perched) (?:on|at|by|near) (?:the |a )?(?:edge of (?:the |a )?)?"
            r"(?:bridge|ledge|cliff edge|roof|railway line|railway tracks|train tracks|tracks)\b",
            r"(?:doesn'?t|does not|didn'?t) want to be (?:here|around|alive) any ?more",
            r"only way out\b",
            r"(?:got|has got|have got|has|had) it all planned\b",
            r"(?:saying|says|said|threaten\w*|keeps? saying) (?:that )?(?:he'?s|she'?s|they'?re|he is|she is|i'?m)? ?"
            r"(?:going to|gonna|about to|to) jump\b",
            r"don'?t (?:come )?(?:look|looking|search) for me\b",
            r"decided (?:tonight |today |now )?(?:i'?m|i am|im) done\b",
            r"going over (?:exactly )?how (?:i'?d|i would|i'?ll|i will|i'?m going to|i am going to) do it\b",
            r"(?:walk|swim|go) (?:out )?into the (?:sea|river|lake|water|waves)\b.{0,20}\b(?:not|never) come back",
            r"after (?:i'?m|he'?s|she'?s|i am|he is|she is) gone\b",
            r"(?:got|have|has) the means\b",
            r"(?:step|stepping|stepped|walk|walking|jump|jumping|throw\w* (?:my|him|her)self) (?:out )?in front of "
            r"(?:a|the) (?:bus|train|lorry|truck|car|tube)\b",
            r"(?:it'?ll|it will) (?:all )?be over soon\b",
            r"use (?:them|it|the \w+) on (?:my|him|her|them)sel(?:f|ves)\b",
            r"tried to (?:end it|end (?:my|his|her|their) life|kill (?:my|him|her|them)sel(?:f|ves)|take (?:my|his|her|"
            r"their) (?:own )?life)",
            r"(?:can'?t|cannot) (?:do|face|take) (?:another|one more) day\b",
            r"work(?:ing)? up the (?:nerve|courage)\b",
            r"(?:cut|cutting|slit|slitting|slash|slashing|bleed|bleeding|lose|losing) (?:[\w']+ ){0,5}wrists?\b"
            r"(?: [\w']+){0,6} (?:die|dead|death|for good|never wake|not wake)",
        ),
        "always",
        "Suicide prevention (NIMH)",
        "https://www.nimh.nih.gov/health/topics/suicide-prevention",
    ),
    TriageRule(
        "suicide",
        "emergency",
        # The words alone: a person's own thoughts ("i feel suicidal"), not an impersonal
        # question about them ("what are the warning signs of suicide in teenagers").
        _rx(
            r"suicid(?!e (?:squeeze|squad|doors?|sprints?|drills?|runs?|bid|mission|blonde))",
            r"self[- ]?harm",
        ),
        "symptom",
        "Suicide prevention (NIMH)",
        "https://www.nimh.nih.gov/health/topics/suicide-prevention",
    ),
    TriageRule(
        "overdose",
        "emergency",
        _rx(
            r"overdos",
            r"took (?:too many|a bunch of|a whole (?:bottle|pack)|all (?:of )?(?:my|the|his|her))",
            r"(?:swallowed|drank|drunk|ate|eaten|ingested|licked|chewed|swallow|drink|bit into|bitten into|"
            r"bit open|sucked on|sucking on|chewing on|chewing) .{0,40}"
            r"(?:bleach|(?<!food )poison|antifreeze|detergent|cleaner|cleaning|chemical|pods?\b|button batter|"
            r"batter(?:y|ies)|weed killer|pesticide|insecticide|pills|tablets|medicine|medication|"
            r"vape (?:juice|liquid)|e-liquid|nicotine|lighter fluid|gasoline|petrol|kerosene|"
            r"paint thinner|mouthwash|nail polish|magnets?|lamp oil|dishwasher|laundry|washing[- ]up|soap|"
            r"sanitis|sanitiz|perfume|essential oil|rat poison|slug pellets|weedkiller)",
            r"(?:ate|eaten|swallowed|chewed) (?:some |a few |a handful of )?(?:wild |garden |poisonous )?"
            r"(?:berries|mushrooms|toadstools?)\b.{0,40}(?:garden|wild|plant|bush|hedge|park|sick|vomit)",
            r"(?:taken|took|done|had|snorted|smoked|injected|swallowed|dropped) (?:a lot of |too much |loads of |"
            r"some )?(?:cocaine|coke|ecstasy|mdma|molly|heroin|speed|meth|crystal|drugs|(?:a |an |some |\w+ )?"
            r"(?:pills?|tablets?) at (?:a|the) (?:festival|rave|party|club|nightclub|gig))\b.{0,50}(?:heart|chest|"
            r"breath|unconscious|won'?t wake|fit|seizure|collapsed|overheating|burning up|boiling|racing|pounding|"
            r"not making sense|making no sense|nonsense|confus)",
            r"poisoned",
            r"(?:not|isn'?t|wasn'?t) breathing after (?:taking|using)",
            r"got (?:into|hold of) (?:the |my |his |her |their |\w+'?s )?(?:\w+ ){0,3}(?:pills|tablets|medicine|"
            r"medication|meds)",
            r"(?:ate|swallowed|eaten|chewed) (?:some |a few |two |several )?(?:of )?(?:the |my |his |her |their |"
            r"\w+'?s )?(?:pills|tablets|medicine|medication|meds|gummies)",
            r"(?:took|taken|given|gave (?:him|her|them)) (?:a |an )?(?:double|extra|second|triple) (?:dose|doses|"
            r"pills?|tablets?)",
            r"(?:took|taken|swallowed) (?:two|three|2|3) (?:doses|times the dose)",
            r"(?:took|taken|given) (?:way )?too much (?:of )?(?:my |his |her |their |the )?\w+",
            r"(?:took|taken|swallowed) (?:\w+ ){0,3}(?:by mistake|by accident)",
            r"(?:accidentally|accidently|accidentaly|mistakenly) (?:took|taken|gave|given|swallowed|drank|ate)"
            r"(?! (?:a |an |some |the |one |"
            r"two |my |his |her )?(?:[\w']+ )?(?:stones?|pits?|pips?|seeds?|(?:chewing )?gum)\b)",
            r"(?:took|taken|given) (?:his|her|my|their|someone else'?s|\w+'?s) (?:\w+ )?(?:pills|tablets|"
            r"medicine|medication|meds)",
            r"mixed up (?:his|her|my|their|the) (?:pills|tablets|medicines|medications|meds)",
            r"took (?:a load|loads|lots|a lot|a handful|handfuls|a bunch|heaps|a pile|a stack) of (?:\w+ )?"
            r"(?:pills|tablets|meds|medication|medicine|painkillers)",
            r"took (?:[1-9]\d|twenty|thirty|forty|fifty)\+? (?:of )?(?:my |the |his |her )?(?:\w+ )?(?:pills|"
            r"tablets|capsules|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|painkillers)",
        ),
        "always",
        "Poisoning (MedlinePlus)",
        "https://medlineplus.gov/poisoning.html",
        unless=redflags.SAYING,
    ),
    TriageRule(
        "cardiac",
        "emergency",
        _rx(
            r"chest (?:pain|pressure|tightness|heaviness|discomfort|is (?:tight|hurting|heavy))",
            r"(?:pain|pressure|tightness|heaviness|squeezing) in (?:my |his |her |the )?chest",
            r"crushing (?:pain|chest)(?! (?:[\w']+ ){0,5}(?:head|skull|temples?|forehead)\b)",
            r"pain (?:spreading|radiating|going) (?:down|to|into) (?:my |his |her |the )?"
            r"(?:left )?(?:arm|jaw)",
            r"chest (?:\w+ ){0,2}(?:pain|pains|pressure|tight|tightness|heavy|heaviness|hurts?|hurting|"
            r"aches?|aching|squeez\w*|crushing)\b(?! (?:only )?when (?:i|you|he|she|they) (?:cough|sneeze))",
            r"(?:tight|heavy|crushing|squeezing|painful) (?:feeling in (?:my |his |her |the )?)?chest",
            r"(?:clutch\w*|grabb?\w*|clasp\w*|holding) (?:at |onto |on to )?(?:my|his|her|their) chest",
            r"(?:elephant|weight) (?:is )?(?:sitting )?on (?:my|his|her|their) chest",
            r"(?:pain|numb\w*|tingling|ache|aching) (?:in |down )?(?:my |his |her )?left arm",
            r"left arm (?:is |feels )?(?:numb|tingling|hurts|aching|heavy)",
            r"chest (?:\w+ ){0,3}(?:like (?:a|an) (?:band|vice|vise|weight|elephant)|killing me|on fire)",
            r"(?:pain|pressure|tightness) (?:behind|under|in the middle of) (?:my |his |her |the )?"
            r"(?:breastbone|sternum)",
            r"(?:pain|pressure|tightness|heaviness|squeezing|ache|aching) in the (?:middle|centre|center|left "
            r"side) of (?:my |his |her |their |the )?chest",
            r"(?:pain|ache|aching|numbness|tingling) (?:\w+ ){0,2}(?:spreading|radiating|going|shooting|moving) "
            r"(?:down|into|to|up) (?:both|my|his|her|the) (?:arms|jaw|neck)",
            r"(?:squeez\w*|crush\w*|pressing) (?:feeling )?(?:on |in )?(?:my |his |her |their |the )?(?:heart|chest)",
            r"(?:pressure|weight|heaviness|tightness) on (?:my |his |her |their |the )?chest",
            r"(?:band|belt|vice|vise) (?:around|round|across) (?:my |his |her |their |the )?chest",
            r"chest (?:[\w']+ ){0,5}(?:squeezed|crushed)",
            r"(?:heart|chest|ribcage|ribs|breastbone)(?: [\w']+){0,6} (?:crush\w*|squeez\w*|clamp\w*|vice|vise|"
            r"fist)\b",
            r"(?:elephant|weight|piano|car|someone) (?:is |was )?(?:standing|sitting|pressing|lying|kneeling) on "
            r"(?:my |his |her |their )?(?:chest|ribcage|ribs)",
            r"(?:grey|gray|ashen) and (?:sweaty|clammy|sweating)",
            r"(?:sweaty|clammy|sweating) and (?:grey|gray|ashen)\b",
        ),
        "symptom",
        "Heart attack symptoms (NHLBI)",
        "https://www.nhlbi.nih.gov/health/heart-attack/symptoms",
        unless=_CHEST_WITH_A_COLD_OR_HIVES,
    ),
    TriageRule(
        "cardiac",
        "emergency",
        _rx(r"heart attack", r"cardiac arrest", r"heart (?:stopped|has stopped)"),
        "situation",
        "Heart attack symptoms (NHLBI)",
        "https://www.nhlbi.nih.gov/health/heart-attack/symptoms",
    ),
    TriageRule(
        "stroke",
        "emergency",
        _rx(
            r"face (?:is )?(?:drooping|droops|drooped|dropping|numb on one side)",
            r"(?:drooping|droopy) (?:face|mouth|smile)",
            r"(?:speech|talking) suddenly slurred",
            r"(?:sudden(?:ly)?|can'?t) (?:lift|raise|move) (?:my|his|her|one) (?:arm|leg)",
            r"sudden(?:ly)? (?:numbness|weakness|numb|weak) (?:in|on) (?:one|the (?:left|right)) side",
            r"(?:weakness|numbness) on one side",
            r"sudden(?:ly)? (?:can'?t|cannot|unable to) (?:speak|talk|see)",
            r"sudden (?:loss of vision|vision loss|blindness)",
            r"one side (?:of (?:my|his|her|their) (?:body|face) )?(?:is |went |feels |has gone )?"
            r"(?:weak|numb|drooping|droopy|paralys)",
            r"can'?t (?:get (?:my|his|her|their) words out|find (?:my|his|her|their) words|speak properly|"
            r"talk properly|talk straight)",
            r"(?:smile|face|mouth) (?:is |looks |went )?(?:lopsided|crooked|uneven|wonky)",
            r"(?:lopsided|crooked) (?:smile|face)",
            r"(?:arm|leg|hand) (?:is |went |feels |has gone )?(?:weak|numb|limp|dead) (?:all of a sudden|suddenly)",
            r"(?:all of a sudden|suddenly) (?:\w+ ){0,4}(?:weak|numb|confused|slurr\w*|can'?t (?:talk|speak|see))",
            r"(?:face|mouth|smile|eyelid)(?: \w+){0,2} (?:droop\w*|sagging|saggy|lopsided|crooked|uneven|"
            r"fallen)",
            r"(?:speech|talking|words) (?:\w+ ){0,2}suddenly (?:\w+ ){0,2}(?:weird|strange|funny|wrong|odd)",
            r"suddenly (?:\w+ ){0,3}(?:speech|talking|words) (?:\w+ ){0,2}(?:weird|strange|funny|wrong|odd)",
            r"(?:speech|talking) (?:\w+ ){0,3}(?:weird|strange|funny|wrong|odd) (?:\w+ ){0,6}(?:droop\w*|"
            r"weak|numb)",
            r"sudden(?:ly)? (?:\w+ ){0,3}(?:numbness|numb|weakness|weak) (?:on|in|down) (?:the |my |his |her )?"
            r"(?:left|right|one) side",
            r"(?:lost|losing|loss of) (?:(?:the|my|his|her|their|all) )?(?:vision|sight) in "
            r"(?:one|(?:my|his|her|their) (?:left|right)) eye",
            r"(?:arm|leg|hand|face) (?:suddenly |just )?(?:went|go|gone|is|feels) (?:limp|dead|numb|floppy)",
            r"(?:can'?t|cannot|unable to) (?:move|feel|use) (?:my |his |her |their |the )?(?:left|right|one) "
            r"(?:side|arm|leg)",
            r"face (?:[\w']+ ){0,3}(?:slid|slipped|dropped|fallen|sagged|slumped) down",
            r"half (?:of )?(?:[\w']+ )?face (?:[\w']+ ){0,3}(?:slid|dropped|droop\w*|numb|fallen|sagg\w*|"
            r"paralys\w*|won'?t move)",
            r"(?:talking|speaking) (?:gibberish|nonsense)",
            r"suddenly (?:[\w']+ ){0,3}can'?t (?:hold|grip|lift|move|feel)",
            r"(?:vision|sight) (?:[\w']+ ){0,3}(?:went|gone|going) (?:black|dark|blurry) in one eye",
            r"curtain (?:came|coming|come|has come) down",
            # a face numb as if from a dental injection; speech gone thick
            r"half (?:of )?(?:my|his|her|their|the) face (?:[\w']+ ){0,6}(?:dentist|dental|anaesthetic|"
            r"anesthetic|novocaine|injection)",
            r"(?:speech|talking|words) (?:is |are |went |has gone |sounds |seems |feels )(?:all |really "
            r"|very )?thick\b",
        ),
        "symptom",
        "Stroke signs and symptoms (CDC)",
        "https://www.cdc.gov/stroke/signs-symptoms/index.html",
        unless=_DENTAL_NUMBING,
    ),
    TriageRule(
        "stroke",
        "emergency",
        _rx(
            r"slurr(?:ed|ing) (?:speech|words|(?:his|her|my) words)",
            r"(?:speech|talking) (?:is|became) slurred",
            r"(?:speech|talking|words|voice) (?:\w+ ){0,3}(?:slurr\w*|garbled|jumbled)",
            r"slurring\b",
        ),
        "symptom",
        "Stroke signs and symptoms (CDC)",
        "https://www.cdc.gov/stroke/signs-symptoms/index.html",
        unless=_DENTAL_NUMBING,
    ),
    TriageRule(
        "stroke",
        "emergency",
        _rx(r"(?:having|just had|is having) a stroke", r"stroke right now"),
        "symptom",
        "Stroke signs and symptoms (CDC)",
        "https://www.cdc.gov/stroke/signs-symptoms/index.html",
    ),
    TriageRule(
        "anaphylaxis",
        "emergency",
        _rx(
            r"anaphyla",
            r"throat (?:is )?(?:closing|swelling|swollen|tight)",
            r"(?:tongue|throat) (?:is |are |started |starting )?(?:swelling|swollen|swelled|puffing)(?: up)?",
            r"swelling (?:of|in) (?:my |his |her |the )?(?:tongue|throat)",
            r"used (?:my|his|her|an) epi-?pen",
            r"need (?:an? |my )?epi-?pen",
            r"(?:tongue|throat) (?:\w+ ){0,2}(?:puffing|puffed|swelling|swollen|blowing) up",
            r"(?:severe|bad|serious) allergic reaction",
            r"allergic reaction .{0,40}(?:breath|swallow|throat|tongue|dizzy|faint)",
            r"(?:throat|tongue) (?:feels |is )?(?:tight|thick|closing|swollen)",
            r"(?:throat|airway) (?:feels |felt |is |was )?(?:like (?:it'?s|it is|it was) )?"
            r"(?:closing|shutting|closing up|swelling shut)",
            r"(?:hives|welts)\b.{0,40}(?:wheez\w*|can'?t breathe|struggling to breathe|faint|dizzy|collaps\w*|"
            r"flopp\w*|limp\b|pale\b|"
            r"throat (?:is |feels )?(?:tight|closing|swelling))",
            r"(?:wheez\w*|can'?t breathe|struggling to breathe|faint|dizzy)\b.{0,40}(?:hives|welts)",
            r"epi-?pen\b.{0,40}(?:still|not working|isn'?t working|struggling|worse|second)",
            r"throat(?:'s| is| feels) like a (?:straw|pinhole|tiny tube)",
        ),
        "symptom",
        "Anaphylaxis (NHS)",
        "https://www.nhs.uk/conditions/anaphylaxis/",
    ),
    TriageRule(
        "anaphylaxis",
        "emergency",
        _rx(
            r"(?:lips?|face|mouth) (?:is |are |started |starting )?(?:swelling|swollen|swelled|puffing)(?: up)?",
            r"swelling (?:of|in) (?:my |his |her |the )?(?:lips?|face)",
            r"(?:face|lips?) (?:\w+ ){0,2}(?:puffing|puffed|swelling|swollen|blowing) up",
        ),
        "symptom",
        "Anaphylaxis (NHS)",
        "https://www.nhs.uk/conditions/anaphylaxis/",
        unless=_FACE_SWELLING_ELSEWHERE,
    ),
    # Collapsed and not breathing is a cardiac arrest: CPR and a defibrillator, before the
    # breathing rule reads "not breathing" as trouble breathing.
    TriageRule(
        "unresponsive",
        "emergency",
        _rx(
            r"(?:collapsed|passed out|went down|dropped|keeled over|fell)\b.{0,60}\b(?:not|stopped|isn'?t) "
            r"breathing\b",
            r"(?:not|stopped|isn'?t) breathing\b.{0,60}\b(?:collapsed|chest compressions|cpr|defib\w*)",
            r"(?:doing|giving|started|starting) (?:chest compressions|cpr)\b",
        ),
        "symptom",
        "Recognizing medical emergencies (MedlinePlus)",
        _EMERGENCIES_URL,
    ),
    TriageRule(
        "breathing",
        "emergency",
        _rx(
            r"(?:can'?t|cannot|can not|unable to|struggling to|hard to|barely) breath",
            r"(?:trouble|difficulty|problems?) breathing",
            r"not breathing",
            r"stopped breathing",
            r"gasping for (?:air|breath)",
            r"(?:lips|face|skin) (?:(?:is|are|look|looks|looking|turning|turned|going|gone) ){0,2}(?:blue|grey|gray)",
            r"severe shortness of breath",
            r"(?:can'?t|cannot) catch (?:my|his|her|their) breath",
            r"(?:can'?t|cannot) get (?:my|his|her|their) breath\b(?! back)",
            r"(?:fighting|struggling|gasping) for (?:air|breath)",
            r"ribs (?:are |is )?(?:sucking|pulling) in",
            r"(?:inhaler|puffer|nebuli[sz]er) (?:is )?(?:isn'?t|not|doesn'?t|does not|didn'?t|did not|won'?t) "
            r"(?:help|helping|work|working)",
            r"sudden(?:ly)? (?:\w+ ){0,4}(?:short of breath|shortness of breath|breathless)",
            r"(?:he|she|they|baby|lips|face|skin|mouth) (?:is |are |has |have )?(?:turning|turned|going|gone) "
            r"(?:blue|grey|gray)",
            r"(?:can'?t|cannot) get (?:enough )?air",
            r"(?:purple|blue|grey|gray) (?:lips|around (?:the|his|her|my) (?:mouth|lips))",
            # Choking and asthma in lay words (bench/training/triage_messages.yaml).
            r"(?:done|doing|did|tried|trying|given|giving|gave) (?:[\w']+ ){0,2}back blows\b",
            r"back blows (?:are|aren'?t|isn'?t|haven'?t|didn'?t|not|are not) (?:working|helping|worked|helped|doing)",
            r"(?:stuck|lodged)\b.{0,25}\b(?:no cough|no sound|not making a sound|can'?t (?:breathe|cough|make a sound)|"
            r"going (?:purple|blue))",
            r"(?:hands?|clutching|grabbing) (?:at )?(?:his|her|their|my) throat\b.{0,30}\b(?:not making a sound|no "
            r"sound|can'?t (?:breathe|speak|talk|cough))",
            r"drool\w*\b.{0,30}\b(?:can'?t|cannot|unable to) swallow",
            r"(?:nebs?|nebuli[sz]ers?|ventolin|salbutamol|albuterol|blue inhaler|reliever|inhaler|puffer)\b.{0,40}\b"
            r"(?:not working|isn'?t working|doing (?:nothing|zilch|sod all|fuck all)|no (?:help|use|difference)|"
            r"is empty)",
            r"(?:used|taken|had|done|puffing on) (?:my |his |her |the )?(?:inhaler|puffer|ventolin|blue one)\b.{0,20}\b"
            r"(?:\d+|six|seven|eight|nine|ten|loads of|so many) (?:times|puffs)",
            r"(?:chest|lungs?) (?:has |have |is |are )?(?:gone |going )?(?:almost |nearly )?silent",
            r"(?:can only|only able to) (?:nod|say (?:a |one |two |three )?words?)",
            r"(?:can'?t|cannot) say more than (?:a |one |two |three |a few )?words?",
            r"(?:using|uses) (?:her|his|their|my) (?:neck|shoulder) muscles to breathe",
            r"drowning on dry land",
            r"(?:can'?t|cannot|unable to) (?:speak|talk|say) (?:in )?(?:full |whole )?(?:sentences|a sentence|"
            r"a word)",
            r"wheez\w* (?:so )?(?:hard|badly|bad) (?:that )?(?:he|she|they|i) can'?t",
            r"(?:baby|infant|newborn|toddler|son|daughter|child|kid)\b.{0,40}(?:grunting|breathing (?:really |"
            r"very |so |too )?(?:fast|hard|quickly|rapidly)|nostrils flaring|flaring nostrils|sucking in)",
            r"(?:tummy|belly|stomach|chest|ribs|neck) (?:is |are |keeps )?(?:heaving|sucking|pulling|caving|"
            r"sinking) (?:in|in and out)\b.{0,30}(?:breath|breathing)",
            r"(?:heaving|sucking in|pulling in|caving in) (?:\w+ ){0,3}with (?:every|each) breath",
            r"(?:inhaler|puffer|reliever|(?:asthma )?pump|nebuli[sz]er) (?:is |was |'s )?"
            r"(?:doing|does|did) (?:nothing|no good|not(?:hing)? (?:help|work)\w*)",
            r"(?:only|barely|just) (?:manage|managing|say|saying|get out|getting out|speak|speaking) "
            r"(?:a (?:few|couple of)|one|two|three|[1-3]) words?\b",
            r"(?:asthma attack|inhaler|puffer|reliever)(?: [\w']+){0,6} (?:isn'?t|is not|not|won'?t|doesn'?t|does not) "
            r"(?:getting better|helping|working|easing|stop(?:ping)?\b|going away|settling|calming down|"
            r"making (?:it|any) (?:better|difference))",
            r"(?:can'?t|cannot|unable to) (?:finish|complete|get out) (?:a |her |his |my |their |whole )?sentences?",
            r"barely (?:talk|speak|breathe|breathing|get (?:a )?breath)",
            r"(?:can'?t|cannot|can barely|barely|hardly) get (?:a|one|the|his|her|their) words? out",
            r"\bgasping\b",
            r"(?:baby|infant|newborn)\b.{0,30}(?:stop(?:s|ping)? breathing|pauses? (?:in )?(?:her |his )?breathing)",
            r"(?:lips|face|skin|fingers) (?:have |has |are |is )?(?:gone |turned |going |turning |look |looks )?"
            r"(?:dusky|blue|grey|gray|purple)\b",
            r"fighting for (?:every |each )?breath",
            r"high[- ]pitched (?:noise|sound|squeak|whistle|wheeze)\w* (?:when|as) (?:he|she|they|i|the baby) "
            r"breathes?",
            r"sucking in (?:between|under|below|around) (?:his |her |their |the )?ribs",
            r"drooling and (?:can'?t|cannot|struggling to) (?:swallow|breathe)",
            r"(?:looks?|looking|gone|turned|turning|went) (?:blue|grey|gray)\b",
            r"(?:choked|choking) .{0,40}(?:can'?t|cannot|unable to) (?:cough|speak|talk|breathe|cry)",
        ),
        "symptom",
        "Breathing difficulty (MedlinePlus)",
        "https://medlineplus.gov/ency/article/003075.htm",
    ),
    TriageRule(
        "breathing",
        "emergency",
        _rx(r"(?:is |are )?choking\b"),
        "symptom",
        "Breathing difficulty (MedlinePlus)",
        "https://medlineplus.gov/ency/article/003075.htm",
        unless=redflags.THING_CHOKING,
    ),
    TriageRule(
        "breathing",
        "emergency",
        _rx(
            r"(?:having|has|is having|in the middle of) (?:a |an )?(?:severe|bad|serious|really bad|major|terrible) "
            r"asthma attack",
            r"(?:baby|infant|newborn|toddler) (?:is|looks|has gone|went|turned|is going|is turning) "
            r"(?:all |completely |really |very )?(?:blue|grey|gray)\b(?! (?:eyed|eyes))",
        ),
        "symptom",
        "Breathing difficulty (MedlinePlus)",
        "https://medlineplus.gov/ency/article/003075.htm",
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "bleeding",
        "emergency",
        _rx(
            r"(?:severe|heavy|uncontrolled|spurting|gushing|massive) bleeding",
            r"bleeding (?:that )?(?:won'?t|will not|doesn'?t|does not|isn'?t going to) stop",
            r"(?:can'?t|cannot) stop (?:the )?bleeding",
            r"(?:won'?t|will not|doesn'?t|does not|isn'?t|hasn'?t|has not) stop(?:ped)? bleeding",
            r"bleeding (?:a lot|heavily|badly|everywhere)",
            r"(?:blood|bleeding) (?:\w+ ){0,3}(?:soak\w*|pouring|keeps coming|everywhere)",
            r"soak\w* through (?:the |a |my |his |her )?(?:towel|bandage|cloth|dressing|clothes|shirt)",
            r"(?:threw|throwing|threw up|vomit\w*|spit\w*|spitting|coughed|coughing) (?:up )?(?:a lot of |lots of )?"
            r"blood",
            r"(?:vomiting|throwing up|coughing up|coughing|vomited|threw up) (?:up )?blood",
            r"blood (?:is )?(?:spurting|gushing|pouring)",
            r"(?:pouring|gushing|spurting|streaming) (?:with |out )?blood",
            r"bleeding like (?:a tap|a hose|crazy|mad|a stuck pig)",
            # Lay words from the training messages (bench/training/triage_messages.yaml).
            r"(?:it'?s|its|it is|blood is|blood'?s|wound is|cut is|is) (?:still )?(?:spurting|gushing|pumping|"
            r"pouring)\b(?! (?:with )?(?:sweat|rain|tears|down outside))",
            r"(?:there'?s|theres|there is) (?:so much|loads of|a lot of|lots of) blood\b",
            r"blood (?:is )?(?:coming out|pooling|dripping) (?:really |so |very )?(?:fast|everywhere|on the floor)",
            r"blood (?:pooling|all over the floor)",
            r"(?:towel|tea ?towel|bandage|dressing|gauze|cloth|t-?shirt)s? (?:is |are |has |have )?(?:[\w']+ ){0,2}"
            r"(?:soaked|soaking)\b",
            r"soaking (?:the |a |my |his |her )?(?:gauze|towel|bandage|dressing)",
            r"(?:pressure|pressing)\b.{0,30}\b(?:isn'?t|not|is not) (?:doing anything|helping|working|stopping it)",
            r"(?:been |got |was |has been )stabbed\b",
            r"varicose vein\w* (?:has |have |just )?(?:burst|bleeding)",
            r"(?:finger|thumb|toe)s?(?: ?tip)?\b.{0,25}\b(?:hanging (?:off|by)|(?:clean|right|mostly|completely|"
            r"nearly) off)\b",
            r"(?:tip|end) of (?:my|his|her|their) (?:finger|thumb|toe)s? (?:clean |right |completely )?off\b",
            r"(?:can|could) see (?:the )?(?:yellow )?(?:fat|bone|tendon)\b",
            r"(?:blood|bleeding|it) (?:won'?t|will not|isn'?t|doesn'?t|does not|hasn'?t) clott?(?:ing|ed)?\b",
            r"bleed\w*\b.{0,40}(?:won'?t|will not|doesn'?t|does not|hasn'?t|has not|isn'?t) stop(?:ped|ping)?",
        ),
        "symptom",
        "Bleeding (MedlinePlus)",
        "https://medlineplus.gov/bleeding.html",
    ),
    TriageRule(
        "unresponsive",
        "emergency",
        _rx(
            r"(?:unconscious|unresponsive|passed out and (?:won'?t|can'?t|isn'?t) wak)",
            r"(?:won'?t|isn'?t) wak(?:e|ing) (?:up|him|her)",
            r"(?:won'?t|isn'?t|will not|is not|not) rous(?:e|ing)\b",
            r"(?:can'?t|cannot) wak(?:e|ing) (?:him|her|them)",
            # collapsed and jerking is a seizure (the next rule)
            r"collapsed(?! (?:[\w']+ ){0,4}(?:jerk\w*|convuls\w*|fitting|seiz\w*|shaking))",
            r"passed out and (?:is |isn'?t |won'?t |can'?t )?(?:not )?(?:waking|wake|respond)",
            r"limp and (?:not|won'?t|isn'?t)",
            r"(?:won'?t|will not|doesn'?t|does not|isn'?t|is not|not) (?:respond|responding)\b"
            r"(?! to (?:\w+ )?(?:treatment|antibiotics?|medicines?|medications?|meds|therapy|drugs?|names?\b))",
            r"(?:won'?t|will not|isn'?t|is not) (?:wake|waking) (?:up|properly|fully)",
            r"(?:can'?t|cannot|couldn'?t) (?:wake|rouse) (?:him|her|them|my \w+|the \w+)",
            r"(?:passed out|fainted|blacked out) and (?:\w+ ){0,3}(?:won'?t|not|isn'?t|can'?t)",
            r"(?:won'?t|will not|can'?t|cannot|doesn'?t) (?:open (?:his|her|their) eyes|come (?:round|around|to))\b",
            r"(?:gone|went|has gone) (?:all )?(?:limp|floppy)\b",
            # Lay words from the training messages (bench/training/triage_messages.yaml).
            r"(?:won'?t|will not|can'?t|doesn'?t) squeeze my hand",
            r"(?:lying|laying|slumped|collapsed) (?:[\w']+ ){0,6}(?:not moving|and not breathing|not breathing)\b",
            r"(?:dropped|fell) off (?:the|a|his|her) (?:treadmill|bike|chair|ladder)\b.{0,30}\b(?:not moving|"
            r"isn'?t moving|unconscious|not breathing)",
        ),
        "symptom",
        "Recognizing medical emergencies (MedlinePlus)",
        _EMERGENCIES_URL,
    ),
    TriageRule(
        "seizure",
        "emergency",
        _rx(
            r"seizure (?:has )?(?:lasted|lasting|going on|for) (?:more than |over |longer than )?"
            r"(?:[5-9]|[1-9]\d|five|ten|several) min",
            r"seizure (?:that )?(?:won'?t|will not|doesn'?t) stop",
            r"(?:won'?t|will not) stop (?:seizing|shaking|convulsing)",
            r"(?:back[- ]to[- ]back|repeated|one after another) seizures",
            r"(?:having|is having|just had) (?:a |his |her |their )?(?:first )?seizure",
            r"had (?:a |his |her |their )?first seizure",
            r"first (?:ever )?seizure",
            r"(?:jerking|shaking|fitting|twitching|convulsing) for (?:more than |over |about )?(?:[5-9]|[1-9]\d|five|"
            r"ten|fifteen) min",
            r"convuls",
            r"seiz\w* (?:for )?(?:more than |over |longer than |about )?(?:[5-9]|[1-9]\d|five|ten|fifteen|twenty) "
            r"min",
            r"foaming at the mouth",
            r"(?:on the (?:floor|ground)|collapsed) (?:\w+ ){0,2}(?:jerking|twitching|shaking|thrashing|fitting)",
            r"(?:jerking|twitching|thrashing|shaking) (?:uncontrollably|all over|and (?:foaming|not responding|"
            r"unresponsive|won'?t respond))",
            r"having (?:a )?fits?\b(?! of\b)",
            # Lay words from the training messages (bench/training/triage_messages.yaml).
            r"(?:(?:his|her|their|the|this|a|my) fit(?! of)|seizure|jerking|twitching|shaking|fitting)\b.{0,40}\b"
            r"(?:been|for|over|lasted|going(?: on)?) "
            r"(?:about |over |nearly |almost |like )?(?:[5-9]|1\d|20|30|five|six|seven|eight|nine|ten|fifteen|twenty) "
            r"?min",
            r"(?:seizure|fit|fitting|jerking|shaking)\b.{0,60}\b(?:not awake|isn'?t awake|not coming round|"
            r"hasn'?t (?:woken|come round|come to))",
            r"(?:started|starting|began) (?:shaking|jerking|fitting|seizing|twitching) again\b",
            r"(?:seizure|fit|jerking|shaking)\b.{0,30}\b(?:started|starting|happened) again (?:straight|right) after",
            r"first ever fit\b",
            r"status epilepticus",
            r"(?:midazolam|buccolam|rescue (?:med\w*|medicine)|diazepam)\b.{0,30}\b(?:hasn'?t|has not|didn'?t|isn'?t|"
            r"not) (?:stopped|stopping|working|worked|helped)",
            r"twitch\w* in a rhythm|rhythmic(?:al)?(?:ly)? (?:jerk|twitch)\w*",
        ),
        "symptom",
        "First aid for seizures (CDC)",
        "https://www.cdc.gov/epilepsy/first-aid-for-seizures/index.html",
    ),
    TriageRule(
        "headache",
        "emergency",
        _rx(
            r"worst headache (?:of|in) (?:my|his|her|their) life",
            r"worst headache (?:i'?ve|he'?s|she'?s|they'?ve|i have|he has|she has|we'?ve) ever",
            r"worst headache ever",
            r"thunderclap",
            r"headache (?:\w+ ){0,4}(?:like (?:being|getting) (?:hit|struck)|out of nowhere|came on (?:suddenly|"
            r"all at once))",
            r"thunderclap headache",
            r"sudden(?:,)? (?:severe|excruciating|explosive|blinding) headache",
            r"(?:headache|head pain|pain in (?:my|his|her|their) head) (?:\w+ ){0,4}(?:like (?:being |getting )?"
            r"(?:hit|struck|kicked)|like (?:a|an) (?:\w+ )?(?:bat|hammer|explosion|thunderclap)|out of nowhere|"
            r"came on (?:suddenly|in seconds|all at once|in an instant))",
            r"worst (?:headache|head pain|pain in (?:my|his|her|their) head)(?: \w+){0,3} ever",
            r"(?:headache|head pain) like (?:i'?ve |i have )?never (?:had |felt )?before",
            r"head(?:ache)? (?:[\w']+ ){0,4}like (?:[\w']+ ){0,5}(?:axe|hammer|bat|explosion|exploded|bomb|"
            r"thunderclap|struck|cleaved)",
            r"(?:headache|head pain|head).{0,60}came on (?:suddenly )?(?:while|during|when) (?:i was )?(?:lifting|"
            r"straining|exercising|having sex|on the toilet)",
            r"sudden(?:ly)?,? (?:\w+ )?(?:terrible|awful|agonising|agonizing|horrendous|horrific|excruciating) "
            r"headache",
            r"(?:headache|head pain).{0,60}(?:came on|started|hit) (?:me )?(?:in|within) (?:a few )?seconds",
            r"headache (?:with|and) (?:a )?stiff neck",
            r"(?:grabbed|held|holding|clutched|clutching) (?:her|his|my|their) head\b.{0,60}\b(?:scream\w*|worst|"
            r"pain of (?:her|his|my|their) life)",
            r"scream\w*\b.{0,20}\b(?:grabbed|held|holding|clutched|clutching) (?:her|his|my|their) head\b",
            r"(?:pop|snap|bang|explosion) in (?:my|his|her|their) head\b.{0,60}\bworst",
            r"headache (?:like nothing|unlike anything) (?:\w+ ){0,3}before",
            r"head\w*\b.{0,40}\bpeak\w* (?:immediately|instantly|in (?:seconds|a (?:few )?seconds|under a minute))",
            r"from (?:nothing|zero|fine|0) to (?:the )?(?:worst|unbearable|agony|10)\b",
            r"(?:built|build|came|ramped) up (?:over|in|within) (?:about |a |one |under a )?(?:minute|few "
            r"seconds|seconds)\b.{0,20}\b(?:unbearable|worst|agony)",
        ),
        "symptom",
        "Headache (MedlinePlus)",
        "https://medlineplus.gov/headache.html",
    ),
    TriageRule(
        "head_injury",
        "emergency",
        _rx(
            r"(?:hit|hitting|bumped|bumping|banged|banging|injured|hurt|knocked|knocking|cracked|smashed|whacked) "
            r"(?:(?:my|his|her|their|the) )?head.{0,60}"
            r"(?:vomit|throw(?:ing)? up|being sick|confus|pass(?:ed)? out|unconscious|seizure|drows|sleepy|"
            r"can'?t remember|memory)",
        ),
        "symptom",
        "Head injury and concussion (NHS)",
        "https://www.nhs.uk/conditions/head-injury-and-concussion/",
    ),
    TriageRule(
        "infant_fever",
        "urgent",
        _rx(
            r"(?:[0-9]|1[0-2]|one|two|three|four|five|six|seven|eight|ten|twelve)[- ](?:week|day)s?[- ]old"
            r".{0,80}(?:fever|temperature|hot|burning up|thermometer|3[89](?:\.\d)?\b|10[0-4](?:\.\d)?\b)",
            r"(?:1|2|one|two)[- ]months?[- ]old.{0,80}(?:fever|temperature|hot)",
            r"newborn.{0,60}(?:fever|temperature)",
            r"(?:fever|temperature).{0,60}(?:newborn|(?:[0-9]|1[0-2])[- ](?:week|day)s?[- ]old|"
            r"(?:1|2)[- ]months?[- ]old)",
            r"(?:baby|infant) (?:under|younger than|less than) (?:3|three) months.{0,60}"
            r"(?:fever|temperature)",
            # An age, not how long something has lasted or when it was ("for 2 days", "3
            # weeks ago").
            r"(?<!for )(?<!past )(?<!last )(?<!over )(?<!about )"
            r"(?:[0-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]?"
            r"(?:weeks?|wks?|days?)(?:[- ]old)?\b"
            r"(?! (?:pregnant|along|gone|into|overdue|late|early|ago|later|after|since|back|now|running|"
            r"straight|in a row|with))"
            r".{0,60}(?:fever|temperature|temp\b|feels hot|is hot|feels warm)",
            r"(?:baby|infant|newborn).{0,30}(?:is |who is )?(?:[0-9]|1[0-2]|one|two|three|four|five|six|seven|"
            r"eight|nine|ten|eleven|twelve) (?:weeks?|days?)\b.{0,60}(?:fever|temperature|temp\b|hot|warm)",
        ),
        "symptom",
        "Fever in children (NHS)",
        "https://www.nhs.uk/conditions/fever-in-children/",
    ),
    TriageRule(
        "meningitis",
        "emergency",
        _rx(
            r"(?:stiff neck|neck stiffness).{0,60}(?:fever|rash|light)",
            r"(?:fever|rash).{0,60}(?:stiff neck|neck stiffness)",
            r"(?:rigid|stiff) neck.{0,80}(?:fever|temperature|temp\b|rash|spots|light)",
            r"neck (?:is |feels |was )?(?:rigid|stiff|so stiff).{0,80}(?:fever|temperature|temp\b|rash|spots|light)",
            r"(?:fever|temperature|temp\b|rash|spots|light).{0,80}(?:(?:rigid|stiff) neck|neck (?:is |feels |was )?"
            r"(?:rigid|stiff))",
            r"rash (?:that )?(?:doesn'?t|does not|won'?t) fade",
            r"rash (?:that )?(?:doesn'?t|does not|won'?t|didn'?t) (?:fade|go away|disappear)(?: \w+){0,3} "
            r"(?:pressed|press|pressing|glass)",
            r"(?:purple|dark red) (?:spots|rash|blotches)\b.{0,60}(?:fever|temperature)",
            r"(?:rash|spots|blotches|marks)(?: [\w']+){0,3} (?:don'?t|doesn'?t|didn'?t|won'?t|do not|does not) "
            r"(?:fade|disappear|go away)(?: [\w']+){0,6} (?:glass|press\w*)",
        ),
        "symptom",
        "Meningitis (NHS)",
        "https://www.nhs.uk/conditions/meningitis/",
    ),
    TriageRule(
        "sepsis",
        "emergency",
        _rx(
            r"(?:has|have|got|'?s got|'?ve got|developed|developing|getting|gone) (?:\w+ )?"
            r"(?:sepsis|septic(?:a?emia)?\b|septic shock|blood poisoning)",
            r"(?:think|worried|scared|afraid|suspect|fear|might be|could be) (?:\w+ ){0,4}(?:sepsis|septic\b|"
            r"blood poisoning)",
            r"(?:showing|shows|has|having|with) (?:the |all the )?signs of sepsis",
        ),
        "situation",
        "Sepsis (NHS)",
        "https://www.nhs.uk/conditions/sepsis/",
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "heatstroke",
        "emergency",
        _rx(
            r"(?:has|have|got|'?s got|'?ve got|developed|developing|getting|think|worried|scared|afraid|suspect|"
            r"might be|could be) (?:\w+ ){0,4}heat ?stroke",
        ),
        "situation",
        "Heat exhaustion and heatstroke (NHS)",
        "https://www.nhs.uk/conditions/heat-exhaustion-heatstroke/",
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "hypothermia",
        "emergency",
        _rx(
            r"(?:has|have|got|'?s got|'?ve got|developed|developing|getting|think|worried|scared|afraid|suspect|"
            r"might be|could be) (?:\w+ ){0,4}hypotherm\w*",
        ),
        "situation",
        "Hypothermia (NHS)",
        "https://www.nhs.uk/conditions/hypothermia/",
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "burns",
        "emergency",
        _rx(
            r"(?:third|3rd)[- ]degree burns?",
            r"full[- ]thickness burns?",
            r"(?:chemical|electrical|electric) burns?",
        ),
        "symptom",
        "Burns and scalds (NHS)",
        "https://www.nhs.uk/conditions/burns-and-scalds/",
        unless=_SKIN_CARE,
    ),
    TriageRule(
        "blood_clot",
        "emergency",
        _rx(
            r"(?:has|have|got|'?s got|'?ve got|developed|developing|getting|think|worried|scared|afraid|suspect|"
            r"might be|could be) (?:\w+ ){0,4}(?:pulmonary embol\w*|(?:a )?(?:blood )?clot (?:in|on) (?:my|his|her|"
            r"their|the) lungs?)",
        ),
        "situation",
        "Pulmonary embolism (NHS)",
        "https://www.nhs.uk/conditions/pulmonary-embolism/",
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "bites",
        "emergency",
        _rx(
            r"(?:bitten|bit|bite) (?:\w+ ){0,2}(?:by )?(?:a |an )?(?:snake|adder|rattlesnake|viper|cobra|copperhead)",
            r"snake ?bites?",
        ),
        "situation",
        "Snake bites (MedlinePlus)",
        "https://medlineplus.gov/ency/article/000031.htm",
        unless=_BITE_KNOWN_OR_PET,
    ),
    TriageRule(
        "testicular",
        "emergency",
        _rx(r"testicular torsion", r"twisted (?:testicle|testis|ball)"),
        "situation",
        "Testicle pain (NHS)",
        "https://www.nhs.uk/conditions/testicle-pain/",
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "pregnancy",
        "urgent",
        _rx(
            r"pregnant.{0,60}(?:bleeding|severe (?:pain|headache)|blurred vision|leaking fluid|"
            r"baby (?:is )?(?:not )?moving less|not moving)",
            r"(?:bleeding|severe pain).{0,40}(?:while|and) pregnant",
            r"pregnan\w*.{0,60}(?:stopped moving|not moving|moving less|moved less|hasn'?t moved|less movement|"
            r"fewer (?:kicks|movements)|no (?:kicks|movement)|(?:water|waters) (?:\w+ )?(?:broke|breaking|broken|went)|"
            r"leaking fluid|severe (?:stomach|belly|abdominal) pain|bad headache|swelling of (?:the |my )?face)",
            r"(?:baby|babies) (?:\w+ ){0,3}(?:stopped moving|not moving as much|moving less|isn'?t moving)",
            r"(?:haven'?t|have not|hasn'?t|has not|didn'?t|not) (?:felt|feel|felt the baby|noticed) (?:\w+ ){0,2}"
            r"(?:kick|kicks|kicking|move|moving|movements?)\b(?! (?:\w+ )?yet)",
            r"\d{1,2} weeks\b.{0,60}(?:no|fewer|less|stopped) (?:kicks|kicking|movements?|moving)",
            r"\b(?:[2-4]\d) weeks\b.{0,30}(?:bleeding|waters|leaking fluid|contractions)",
            # Waters breaking early, in any words: "water is trickling down my legs".
            r"(?:pregnan\w*|\b[1-4]\d weeks\b).{0,40}\b(?:water|fluid|liquid) (?:is |keeps |has been |was )?"
            r"(?:trickling|leaking|gushing|dripping|pouring|running) (?:down|out)\b",
        ),
        "symptom",
        "Pregnancy warning signs (CDC)",
        "https://www.cdc.gov/hearher/pregnancy-warning-signs/index.html",
    ),
    TriageRule(
        "urgent_symptoms",
        "urgent",
        _rx(
            r"bloody (?:stools?|poop)",
            r"blood in (?:my |his |her )?(?:stool|poop)",
            r"(?:stool|stools|poop|poo|bowel movements?) (?:is |are |was |were |has been |have been |looks |look )?"
            r"(?:bloody|maroon)",
            r"can'?t keep (?:any )?(?:fluids|water|anything) down",
            r"severe (?:abdominal|stomach|belly|tummy) pain",
            r"fruity (?:breath|smell)",
            r"(?:pooing|pooping|passing|shitting) blood",
            r"(?:can'?t|cannot) stop (?:vomiting|being sick|throwing up|puking)",
            r"(?:pain|ache|hurts?) (?:\w+ ){0,3}right (?:side|lower)(?: \w+){0,5}.{0,30}(?:fever|temperature|temp\b|"
            r"vomit\w*|being sick)",
            # A person's breath, not a sourdough starter's smell.
            r"(?:breath|(?:he|she|they|i|you) (?:smells?|smelt|smelled)) (?:\w+ ){0,3}"
            r"(?:pear drops|nail polish remover|acetone)",
            r"(?:stomach|belly|tummy|abdomen) (?:is |feels |has gone )?(?:rigid|hard as a board|like a board|"
            r"board[- ]like)",
            r"coffee[- ]grounds?",
            r"breath (?:smells?|smelling) (?:sweet|fruity)",
            r"breathing (?:really |very )?(?:deep|deeply) and (?:fast|quickly|rapidly)",
            r"(?:low (?:blood )?sugar|hypo|(?:blood )?sugar (?:is |was |at |of )?(?:low|really low|very low|"
            r"[1-2]\.\d|[1-4]\d)\b).{0,50}(?:confus\w*|drowsy|passing out|can'?t (?:think|wake|speak)|"
            r"slurr\w*|unresponsive|fitting|seizure|not making (?:any )?sense|making no sense|talking nonsense)",
            r"(?:fever|temperature|temp) (?:\w+ ){0,2}(?:of|over|above|is|at|reached|hit|hits|hitting) "
            r"(?:\w+ )?(?:10[4-9]|4[0-2])(?:\.\d)?\b",
            r"(?:fever|temperature|temp) (?:10[4-9]|4[0-2])(?:\.\d)?\b",
            r"ketones? (?:\w+ ){0,4}(?:high|dark|purple|large|moderate|positive|turned)",
            r"(?:blood )?sugar'?s? (?:\w+ ){0,3}(?:over|above|at|is|of) (?:[4-9]\d\d|[2-9]\d(?:\.\d)? ?mmol)",
        ),
        "symptom",
        "Recognizing medical emergencies (MedlinePlus)",
        _EMERGENCIES_URL,
    ),
    TriageRule(
        "urgent_symptoms",
        "emergency",
        _rx(
            r"appendix (?:has |may have |might have |just )?(?:burst|ruptured)",
            r"(?:burst|ruptured) appendix",
        ),
        "situation",
        "Recognizing medical emergencies (MedlinePlus)",
        _EMERGENCIES_URL,
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "urgent_symptoms",
        "urgent",
        _rx(r"(?:think|might|could|worried|scared|afraid|suspect)\w* (?:\w+ ){0,4}appendicitis"),
        "situation",
        "Recognizing medical emergencies (MedlinePlus)",
        _EMERGENCIES_URL,
        unless=_ILLNESS_KNOWN_OR_ASKED,
    ),
    TriageRule(
        "urgent_symptoms",
        "urgent",
        _rx(
            r"(?:black|tarry) (?:stools?|poop|poo)",
            r"(?:stool|stools|poop|poo|bowel movements?) (?:is |are |was |were |has been |have been |looks |look )?"
            r"(?:black|tarry)",
        ),
        "symptom",
        "Recognizing medical emergencies (MedlinePlus)",
        _EMERGENCIES_URL,
        unless=_BLACK_STOOL_EVERYDAY,
    ),
)

_NEGATION_RE = re.compile(
    r"\b(?:no|not|never|without|don'?t have|doesn'?t have|didn'?t have|isn'?t having|"
    r"denies|ruled out)\b[^.?!,;]{0,25}$",
    re.IGNORECASE,
)
_INFORMATIONAL_RE = re.compile(
    r"^\s*(?:what|why|how|which|when|is|are|can|could|does|do|should|tell me|explain|define)\b(?!'t|n't)",
    re.IGNORECASE,
)
_SITUATION_RE = re.compile(
    r"\b(?:i|i'?m|im|i'?ve|me|my|we|we'?re|he|he'?s|she|she'?s|they|they'?re|his|her|their|"
    r"mom|mum|dad|father|mother|husband|wife|partner|son|daughter|child|baby|friend|someone|"
    r"somebody|grandma|grandpa|grandmother|grandfather|brother|sister|right now|help|"
    r"what (?:to|should|do) (?:do|i))\b",
    re.IGNORECASE,
)
#: People a general question speaks of without meaning anyone in particular ("what are the
#: warning signs someone might be thinking of suicide", "should you put something in
#: someone's mouth when they're having a fit"): on their own they do not make a situation.
_GENERIC_PEOPLE = frozenset(
    "someone someones someone's somebody somebodys somebody's they they're theyre their".split()
)


def _is_situation(text: str, informational: bool) -> bool:
    """Does the text describe someone's situation rather than ask about a subject?

    A question that speaks only of a generic "someone" or "they" asks about a subject.
    """
    if not informational:
        return _SITUATION_RE.search(text) is not None
    return any(m.group().lower() not in _GENERIC_PEOPLE for m in _SITUATION_RE.finditer(text))


#: The reason for a visit already made ("went to a&e with chest pains last week"): history.
_VISIT_MADE = (
    r"|(?:went|been|was|were|got (?:taken|sent)) (?:to|into|in) (?:a ?& ?e|a and e|the er|er|"
    r"(?:the )?hospital|urgent care|the emergency (?:room|department)|casualty) with"
)


#: Words before a match that make it a question about risk, prevention, history or a
#: hypothetical ("my chances of having a stroke", "what to do when someone is having a
#: seizure", "my dad had a heart attack last year") rather than something happening now.
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:risks?|chances?|odds|likelihood|likely|prevent\w*|avoid\w*|lower\w*|reduc\w*|"
    r"history of|in case|when someone|if someone|whenever|after (?:a|an|his|her|my|their)|"
    r"since (?:a|an|his|her|my|their)|recover\w* from|survived|previous|(?<!just )had (?:a|an)"
    + _VISIT_MADE
    + r")"
    r"\b[^.?!]{0,30}$",
    re.IGNORECASE,
)


#: The same, for the red-flag concepts, without "after a ..." and "since a ...": a concept
#: match is a symptom, never a condition one recovers from ("after a wasp sting my mouth is
#: puffy"), and the concept layer leaves out past events itself.
_CONCEPT_HYPOTHETICAL_RE = re.compile(
    r"\b(?:risks?|chances?|odds|likelihood|likely|prevent\w*|avoid\w*|lower\w*|reduc\w*|"
    r"history of|in case|when someone|if someone|whenever|recover\w* from|survived|previous"
    + _VISIT_MADE
    + r")"
    r"\b[^.?!]{0,30}$",
)


#: Typed in a hurry: "cnt breathe". Read as "can't" before any rule sees the question.
_SHORTHAND_RE = re.compile(r"\b(?:cnt|cn'?t|carn'?t)\b", re.IGNORECASE)


def _is_negated(text: str, start: int) -> bool:
    return _NEGATION_RE.search(text[max(0, start - 40) : start]) is not None


#: "had a fit and isn't waking up" is happening now, whatever "had a" usually says.
_STILL_RE = re.compile(
    r"\bhad (?:a|an) \w+ and (?:is|isn'?t|won'?t|can'?t|now|still|hasn'?t|has not|is not)\b",
    re.IGNORECASE,
)


#: A symptom told as what happens each time ("sprays something under her tongue when she
#: gets chest pain"): a habit described, not an attack now.
_EACH_TIME_RE = re.compile(
    r"\bwhen(?:ever)? (?:i|he|she|they|we|you) (?:gets?|has|have) (?:a |an |any |some |bad )?$",
    re.IGNORECASE,
)


def _is_hypothetical(text: str, start: int) -> bool:
    if _EACH_TIME_RE.search(text, max(0, start - 40), start) is not None:
        return True
    if _HYPOTHETICAL_RE.search(text[max(0, start - 50) : start]) is None:
        return False
    return _STILL_RE.search(text[max(0, start - 50) : start + 20]) is None


def _safety_net(numbers: LocaleNumbers) -> str:
    """The numbers for the two situations whose first step is not only an emergency call."""
    return (
        f"If it is about thoughts of suicide or self-harm, you can also {numbers.crisis}; if someone "
        f"swallowed something harmful, {numbers.poison}."
    )


#: Steps of a category's guidance that hold whatever the emergency turns out to be.
_STAY_WITH_THEM = (
    "If you can, stay with the person and remove anything they could use to hurt themselves."
)
_DO_NOT_INDUCE_VOMITING = "Do not make the person vomit unless a poison expert tells you to."
_REST_AND_DO_NOT_DRIVE = (
    "Stop what you are doing and rest while you wait, and do not drive yourself to hospital."
)
_NOTE_THE_TIME = (
    "Note the time the symptoms started: stroke treatment works best when given quickly."
)
#: What the guidance adds when the category model names the category (``_named_by_model``).
_MODEL_NAMED_STEPS: dict[str, str] = {
    "suicide": _STAY_WITH_THEM,
    "overdose": _DO_NOT_INDUCE_VOMITING,
    "cardiac": _REST_AND_DO_NOT_DRIVE,
    "stroke": _NOTE_THE_TIME,
}


def _named_by_model(category: str, numbers: LocaleNumbers) -> TriageResult:
    """Emergency guidance for the category the wording model's category model names.

    No rule named the situation and about one named category in five is not the right one,
    so the guidance is the general guidance (an unconditional emergency call, then the
    crisis and poison numbers) plus the category's one step that does no harm in another
    emergency. The result stays precautionary: scope is still checked and the question
    still answered."""
    result = _result(category, "emergency", numbers, precautionary=True)
    steps = _guidance("possible_emergency", "emergency", numbers)
    extra = _MODEL_NAMED_STEPS.get(category)
    return replace(result, guidance=(*steps, extra) if extra else steps)


def _guidance(category: str, level: Level, numbers: LocaleNumbers) -> tuple[str, ...]:
    call = f"Call {numbers.emergency} or your local emergency number now."
    if category == "suicide":
        return (
            f"If you or someone else may act on thoughts of suicide or self-harm, call {numbers.emergency} now.",
            f"You can also {numbers.crisis}, any time of day, to talk to someone who can help.",
            _STAY_WITH_THEM,
        )
    if category == "overdose":
        return (
            f"If the person is unconscious, having a seizure or struggling to breathe, call {numbers.emergency} now.",
            f"Otherwise {numbers.poison} right away, and keep the package or bottle to show.",
            _DO_NOT_INDUCE_VOMITING,
        )
    if category == "possible_emergency":
        return (
            f"This may be a medical emergency. Call {numbers.emergency} or your local emergency number now.",
            _safety_net(numbers),
        )
    if category == "cardiac":
        return (
            f"These can be signs of a heart attack, which is a medical emergency. {call}",
            _REST_AND_DO_NOT_DRIVE,
        )
    if category == "stroke" and level == "urgent":
        return (
            "Signs of a stroke that have passed may have been a transient ischemic attack "
            f"(a mini-stroke), which needs checking quickly: {numbers.urgent_advice}.",
            f"If any of the signs come back, call {numbers.emergency} now.",
        )
    if category == "stroke":
        return (
            f"These can be signs of a stroke, which is a medical emergency. {call}",
            _NOTE_THE_TIME,
        )
    if category == "infant_fever":
        return (
            "A fever in a baby younger than 3 months needs medical advice straight away: "
            f"{numbers.urgent_advice}, without waiting.",
            f"Call {numbers.emergency} if the baby is floppy, hard to wake, breathing fast or "
            "struggling to breathe, has a rash that does not fade, or has a seizure.",
        )
    if level == "urgent":
        return (
            f"This needs prompt medical attention: {numbers.urgent_advice}.",
            f"Call {numbers.emergency} if the person gets worse, faints, or has trouble breathing.",
        )
    return (f"This may be a medical emergency. {call}",)


#: For each rule, substrings one of which any match contains: a rule whose substrings are
#: all absent from the lower-cased question is not run.
_RULE_KEYS: tuple[tuple[str, ...] | None, ...] = tuple(
    redflags.required_substrings(rule.pattern.pattern) for rule in RULES
)
#: The first three characters of each rule's substrings: a rule none of whose are among the
#: question's three-character pieces cannot match. One set test per rule rules out most of
#: them, where a search for each of their 450 substrings cost 30 µs a question.
_RULE_GRAMS: tuple[frozenset[str] | None, ...] = tuple(
    None if keys is None or any(len(k) < 3 for k in keys) else frozenset(k[:3] for k in keys)
    for keys in _RULE_KEYS
)
#: Three-letter piece -> the rules with a substring starting with it; rules that cannot be
#: screened that way are always tried.
_RULES_BY_GRAM: dict[str, frozenset[int]] = {}
for _index, _grams in enumerate(_RULE_GRAMS):
    for _gram in _grams or ():
        _RULES_BY_GRAM[_gram] = _RULES_BY_GRAM.get(_gram, frozenset()) | {_index}
_UNSCREENED_RULES = tuple(i for i, g in enumerate(_RULE_GRAMS) if g is None)
#: The rules' patterns without IGNORECASE, for lower-cased ASCII questions (the common
#: case, about twice as fast to scan); the patterns themselves are all lower-case.
_LOWER_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rule.pattern.pattern) for rule in RULES
)

#: Title and URL of each category's source, from its first rule.
_SOURCES: dict[str, tuple[str, str]] = {
    "possible_emergency": ("Recognizing medical emergencies (MedlinePlus)", _EMERGENCIES_URL)
}
for _rule in RULES:
    _SOURCES.setdefault(_rule.category, (_rule.source_title, _rule.source_url))
# A bite the red-flag concepts find may be any animal's (a bat, a cat, a monkey): they cite
# the general page, while the snake-bite phrase rule keeps its own.
_SOURCES["bites"] = ("Animal bites (MedlinePlus)", "https://medlineplus.gov/animalbites.html")


def _last_word_negated(text: str, match: re.Match[str]) -> bool:
    """Is the last red flag of a long match negated ("hit her head but there's no vomiting")?"""
    last = match.group().rfind(" ")
    if last < 0:
        return False
    return _NEGATED_FLAG_RE.search(text, match.start(), match.start() + last + 1) is not None


#: "no" or "without" right before the last word of a match.
_NEGATED_FLAG_RE = re.compile(r"\b(?:no|without|not any)\s+(?:[\w']+\s+)?$", re.IGNORECASE)
#: Rules whose own wording says "no" ("no kicks") cannot tell a negated last word that way.
_TAIL_NEGATION: tuple[bool, ...] = tuple(
    rule.mode != "always"
    and re.search(r"(?<![a-z])(?:no|without|not any)\b", rule.pattern.pattern) is None
    for rule in RULES
)


_SENTENCE_MARKS = ".!?;\n"


def _everyday_cause(unless: re.Pattern[str], text: str, match: re.Match[str]) -> bool:
    """Does the sentence of the match name an everyday cause (the rule's ``unless``)?"""
    start, end = match.span()
    first = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    ends = [i for i in (text.find(mark, end) for mark in _SENTENCE_MARKS) if i >= 0]
    return redflags.names_everyday_cause(unless, text[first : min(ends, default=len(text))])


#: Concept categories that combine a sign with its cause: when one of them fits, it names
#: the emergency rather than a phrase rule that matched the sign alone.
_CAUSE_CATEGORIES = frozenset({"heatstroke", "hypothermia", "blood_clot", "bites"})


#: A symptom that keeps coming back over weeks or months ("a nosebleed a few times a month",
#: "every few weeks my heart races", "a burning pain for weeks"): NHS advice sends recurring
#: chest pain, breathlessness and nosebleeds to a GP, and an emergency call to what is sudden
#: or happening now. Only for these categories: contractions that come and go, a fever on and
#: off tonight or a weekly medicine taken daily are not habits.
_RECURRING_RE = re.compile(
    r"\b(?:a (?:few|couple of) times a (?:week|month|year)|(?:once|twice|\w+ times) a (?:month|year)|"
    r"every (?:few |couple of |other )?(?:weeks?|months?|years?)|for (?:weeks|months|years|ages)\b|"
    r"for the (?:last|past) (?:few |couple of )?(?:weeks|months|years))"
)
#: ...unless the question says it is happening now or has changed.
_HAPPENING_NOW_RE = re.compile(
    r"\b(?:right )?now\b|\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b|\bsudden\w*|"
    r"\bat the moment\b|\bcurrently\b|\bjust (?:started|now|happened)\b|\bspreading\b|"
    r"\bgetting worse\b|\bworsening\b|\bworse and worse\b"
)
_RECURRING_CATEGORIES = frozenset({"bleeding", "breathing", "cardiac"})
#: Of the bleeding emergencies, only a nosebleed: vomiting or coughing up blood for weeks
#: still needs care now.
_NOSE_RE = re.compile(r"\bnose\w*")


def _recurring(text: str) -> frozenset[str]:
    """The categories whose red flags a (lower-cased) question tells as recurring and not
    happening now: none, or breathing and chest pain, with bleeding for a nosebleed."""
    if _RECURRING_RE.search(text) is None or _HAPPENING_NOW_RE.search(text) is not None:
        return frozenset()
    if _NOSE_RE.search(text) is None:
        return _RECURRING_CATEGORIES - {"bleeding"}
    return _RECURRING_CATEGORIES


def _lower(text: str) -> str:
    """``text`` lower-cased, each position still the same letter's."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare letters that change length: keep positions right
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def _concept_result(
    lowered: str, impersonal_question: bool, recurring: frozenset[str]
) -> redflags.ConceptRule | None:
    """The red-flag concept rule that fits the (lower-cased, ``_lower``) question, under the
    same guards as the rules (``recurring``: the categories told as recurring, see
    ``_recurring``)."""
    if impersonal_question:
        return None
    best: redflags.ConceptRule | None = None
    for rule, start, end in redflags.find(lowered, _is_negated):
        if _CONCEPT_HYPOTHETICAL_RE.search(lowered, max(0, start - 50), start) is not None:
            continue
        if said_of_non_person(lowered, start, end):
            continue
        if rule.category in recurring:
            continue
        if rule.level == "emergency":
            # A sign read with its cause (collapsed after a day in the heat) names the
            # emergency better than the sign alone: keep looking for the cause.
            if rule.category in _CAUSE_CATEGORIES:
                return rule
            if best is None or best.level != "emergency":
                best = rule
            continue
        if best is None or (
            best.level == "urgent"
            and rule.category in _CAUSE_CATEGORIES
            and best.category not in _CAUSE_CATEGORIES
        ):
            # Likewise for same-day signs: a hot, puffy knuckle the day after a cat bite is
            # an infected bite, not joint swelling.
            best = rule
    return best


def _result(
    category: str,
    level: Level,
    numbers: LocaleNumbers,
    source: tuple[str, str] | None = None,
    precautionary: bool = False,
) -> TriageResult:
    """The result for a category: its guidance, related topics and source (by default the
    category's first rule's)."""
    title, url = source or _SOURCES[category]
    return TriageResult(
        level=level,
        category=category,
        guidance=_guidance(category, level, numbers),
        source_title=title,
        source_url=url,
        topics=RELATED_TOPICS.get(category, ()),
        precautionary=precautionary,
    )


_TIA_TITLE = "Transient ischaemic attack (TIA) (NHS)"
_TIA_URL = "https://www.nhs.uk/conditions/transient-ischaemic-attack-tia/"


def _stroke_passed(
    best: TriageRule | None, concept: redflags.ConceptRule | None, text: str
) -> bool:
    """Signs of a stroke, and nothing worse, on an earlier day and gone since: NHS advice
    for a TIA whose symptoms have passed is an urgent GP appointment or 111, not 999."""
    categories = {r.category for r in (best, concept) if r is not None}
    return categories == {"stroke"} and redflags.signs_have_passed(text)


#: A question that asks to name a film, book, show, song or game ("whats that film where the
#: guy gets poisoned"): the plot's emergencies are nobody's.
_NAMES_A_WORK_RE = re.compile(
    r"\b(?:(?:what'?s|whats|what is|what was|which|name of|anyone know|trying to (?:remember|find)) "
    r"(?:that|the|this|a)|which) (?:old |new |\d0s |\d{4} )?(?:film|movie|book|novel|tv show|show|"
    r"series|episode|song|game|video ?game|cartoon|documentary)\b(?! about (?:my|his|her))|"
    r"\bwhat (?:film|movie|book|novel)\b",
    re.IGNORECASE,
)


def triage(text: str, locale: str = "us", *, wording: bool = True) -> TriageResult:
    """Classify a question as emergency, urgent or routine, with guidance for the locale.

    ``wording=False`` leaves out the third layer (``triage_model``): the rules alone."""
    if _NAMES_A_WORK_RE.search(text) is not None:
        return TriageResult(level="routine")
    numbers = LOCALES.get(locale, LOCALES["us"])
    text = _SHORTHAND_RE.sub("can't", text)
    informational = _INFORMATIONAL_RE.search(text) is not None
    situation = _is_situation(text, informational)
    impersonal_question = not situation and informational
    # An ASCII question is lower-cased and scanned without IGNORECASE; any other is scanned
    # as written (IGNORECASE also matches letters such as "ſ" that lower() leaves alone).
    ascii_text = text.isascii()
    grams: set[str] = set()
    if ascii_text:
        text = text.lower()
        grams = {text[i : i + 3] for i in range(len(text) - 2)}
    best: TriageRule | None = None
    lowered = text if ascii_text else _lower(text)
    recurring = _recurring(lowered)
    if ascii_text:
        # Only the rules one of whose three-letter pieces the question holds, in order.
        candidates: set[int] = set(_UNSCREENED_RULES)
        for gram in grams:
            found = _RULES_BY_GRAM.get(gram)
            if found is not None:
                candidates.update(found)
        indices: Iterable[int] = sorted(candidates)
    else:
        indices = range(len(RULES))
    for index in indices:
        rule = RULES[index]
        if rule.category in recurring:
            continue
        if ascii_text:
            keys = _RULE_KEYS[index]
            if keys is not None and not any(map(text.__contains__, keys)):
                continue
            pattern = _LOWER_PATTERNS[index]
        else:
            pattern = rule.pattern
        for match in pattern.finditer(text):
            if _is_negated(text, match.start()):
                continue
            if rule.mode != "always" and _is_hypothetical(text, match.start()):
                continue
            if rule.mode == "situation" and not situation:
                continue
            if rule.mode == "symptom" and impersonal_question:
                continue
            if _TAIL_NEGATION[index] and _last_word_negated(text, match):
                continue
            if rule.unless is not None and _everyday_cause(rule.unless, text, match):
                continue
            if said_of_non_person(lowered, match.start(), match.end()):
                continue
            if best is None or (best.level == "urgent" and rule.level == "emergency"):
                best = rule
            break
        if best is not None and best.level == "emergency":
            break
    concept = _concept_result(lowered, impersonal_question, recurring)
    if _stroke_passed(best, concept, text):
        return _result("stroke", "urgent", numbers, (_TIA_TITLE, _TIA_URL))
    if best is not None and best.level == "emergency":
        # A red flag read with its cause (confusion after a day in the heat, breathlessness
        # after a leg swelled on a flight) names the emergency better than the sign alone.
        if concept is not None and concept.category in _CAUSE_CATEGORIES:
            # The rule's own page when both name the same emergency (a snake bite).
            same = concept.category == best.category
            source = (best.source_title, best.source_url) if same else None
            return _result(concept.category, concept.level, numbers, source)
        return _result(best.category, best.level, numbers, (best.source_title, best.source_url))
    if concept is not None and (best is None or concept.level == "emergency"):
        return _result(concept.category, concept.level, numbers)
    if best is None:
        # The third layer: wordings no rule was written for. Only for someone's present
        # situation, like the red flags: "what are the signs of a stroke" asks about a
        # subject, and "I hurt my ankle five months ago" is not new.
        model = wording_model()
        if (
            wording
            and not impersonal_question
            and not redflags.told_as_past(text.lower())
            and model.flags(text)
        ):
            named = model.category(text)
            if named is not None:
                return _named_by_model(named, numbers)
            return _result("possible_emergency", "emergency", numbers, precautionary=True)
        return TriageResult(level="routine")
    return _result(best.category, best.level, numbers, (best.source_title, best.source_url))
