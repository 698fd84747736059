"""Scope: is this a health question at all?

Words are evidence, not verdicts. A question is in scope when it uses a clear health word
(a condition, a symptom, a medicine, a medical-looking word), names a topic we know, or
was triaged as urgent. Many health words also have everyday meanings ("a virus on my
computer", "stock market crash symptoms", "cold brew"): those count only when nothing in
the question points to another subject and the knowledge base can actually ground it.
Everything else gets a polite redirect rather than a guess dressed up as a medical answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bondmcp.engine.lexicon import (
    AMBIGUOUS_WORDS,
    ANIMAL_TRAINING_WORDS,
    ANIMAL_WORDS,
    BITE_INJURY_WORDS,
    BITE_WORDS,
    DECISIVE_OFF_DOMAIN_PHRASES,
    DECISIVE_OFF_DOMAIN_WORDS,
    DRUG_NAMES,
    GENERIC_WORDS,
    HEALTH_PHRASES,
    HEALTH_WORDS,
    INTENT_WORDS,
    LAB_NAMES,
    LAY_TERMS,
    OFF_DOMAIN_PHRASES,
    OFF_DOMAIN_WORDS,
    OWNED_ANIMAL_WORDS,
    OWNED_THING_VERBS,
    PROCEDURE_NAMES,
    REPAIR_VERBS,
    STOPWORDS,
)
from bondmcp.engine.text import inflection_bases, phrase_key, stem, words

#: Everyday words that occur in topic names and aliases ("kidney *function* test",
#: "*good* cholesterol") but say nothing about health on their own.
COMMON_WORDS = frozenset(
    """abuse accident active activity acute add adult age analysis annual anti attack attacks
    attention average back bad balanced basic beat binge birth blockage blocked blue bottom
    bug build burst buzzing care catch cell central change channel check checking chicken
    chocolate clinical closure cloudy cold common community complete comprehensive constant
    consumption control count cutting damage day decay deep density dependence die
    difficulty discharge double drinking drop dry dust early eat eating effects egg elevated
    end energy enough excessive external failure falling family fasting feeling feelings
    female fit fishy flare flashes fluid food foot feet fingers formerly fragile frequency
    frequent full function giving gland glue good group guidelines habits hand hands hard
    head high hot human hundred imbalance implant induced internal intake irregular kill
    lack latent left leg legs level levels life limits lock long loose losing loss low
    lower lowering major male management middle milk mini misuse month morning movements
    need needing needles night noise noises non open oral passing pet physical planning poor
    post pre pressure prevention problem problems pump racing raised random ratio raw ray
    reaction reading reason red related removal repair resistance resistant restrictive
    retention right risk room routine running runny safe sample scan screening seal
    seasonal sensitive seven severe shell shock short shot side sided simple specific spots
    spray spreading stable stage standing staying stiff stop stopping sudden sugar swings
    tear tension test tests thread three tight time tips tolerance trauma tree
    trouble trying turning type unstable updated urgency urgent use visits waking walking
    want wanting warning water watery weak wear weight well wet white widespread winter
    without working worry worrying year area best daily dark enjoy every foods happy home
    interest kit longer makes patch since sticky""".split()
)

#: Suffixes of medical vocabulary: conditions (-itis, -osis, -emia, -pathy, -lepsy, -plexy...),
#: procedures (-ectomy, -scopy), drug stems (-cillin, -statin, -prazole, -olol, -pril, -sartan,
#: -prost, -tadine...), amines (dopamine, amphetamine, histamine) and medical stems (pneumo-,
#: eryth-, pseudo-, -chalasia).
_MEDICAL_SUFFIX = re.compile(
    r"[a-z]{3,}(?:itis|osis|iasis|emia|aemia|pathy|algia|ectomy|otomy|oscopy|ography|oma|plasia|"
    r"cillin|mycin|cycline|floxacin|statin|prazole|tidine|olol|pril|sartan|dipine|gliptin|"
    r"gliflozin|glutide|formin|azepam|azolam|oxetine|aline|triptan|profen|codone|mab|vir|"
    r"vastatin|azole|thiazide|semide|sone|olone|afil|lukast|terol|tropium|stigmine|azine|tyline|"
    r"pramine|peridol|apine|idone|setron|xaban|gatran|grel|parin|fenac|oxicam|coxib|glitazone|"
    r"dronate|zosin|caine|vudine|nib|cort|mide|barbital|mania|prost|tadine|fenadine|gestrel|"
    r"biturate|biturates|prilat|choline|salazine|salazide)$"
    r"|[a-z]{3,}amines?$"
    r"|[a-z]{2,}(?:esia|asthenia|plasia|trophia|plegia|philia|phobia|lexia|somnia|opia|uria|oxia|pnea|"
    r"pnoea|rrhea|rrhoea|tonia|kinesia|phagia|phasia|praxia|penia|phyria|thorax|plasty|trophy|"
    r"ectasia|cele|lepsy|plexy)$"
    r"|(?:pneumo|cardio|neuro|hepat|nephr|gastr|osteo|dermat|hemat|haemat|thromb|arthr|encephal|myel"
    r"|pseudo)[a-z]{4,}"
    r"|eryth[a-z]{3,}|[a-z]*chalasia$"
)


#: Nouns that follow the name of a condition ("Kawasaki disease", "Cushing's syndrome").
CONDITION_HEADS = frozenset(
    """disease diseases syndrome disorder fever palsy arteritis anemia anaemia cancer tumor
    tumour virus infection deficiency dystrophy sclerosis malformation defect hypertension
    cyst fistula paralysis intolerance contracture""".split()
)


#: Latin adjectives that finish the name of a condition ("keratosis *pilaris*", "erythema
#: *nodosum*", "pityriasis *rosea*"): the name is the pair, not its first word.

#: Verbs said of an illness, never part of its name: "can you *inherit* leukemia" asks
#: about leukemia, not about a condition called "inherit leukemia".
_VERBS_OF_ILLNESS = frozenset(
    """inherit inherits inherited inheriting catches caught catching prevents prevented
    cured pass passes passed spread spreads develop develops developed developing trigger
    triggers triggered beaten survive survived fight fighting fought stopped avoid avoided
    worsen worsens worsened contract contracted carry carries carrying transmit transmits
    transmitted detect detects detected screen screened manage managed controlled died
    kills killed""".split()
)


def has_medical_suffix(word: str) -> bool:
    """A word built like a medical term ("gastritis", "lisinopril", "hypoglycemia")."""
    return _MEDICAL_SUFFIX.match(word) is not None


_LATIN_QUALIFIER = re.compile(r"[a-z]{3,}(?:aris|osum|osa|igrans|icans|alis|iforme|ata|ensis)$")


def _latin_qualifier(question_words: Sequence[str], i: int) -> tuple[str, ...]:
    following = question_words[i + 1 : i + 2]
    if following and _LATIN_QUALIFIER.match(following[0]) is not None:
        return (following[0],)
    return ()


#: Who treats, not what is treated: "the cardiologist said mine is stable" names no
#: condition the answer must address.
_SPECIALIST = re.compile(
    r"[a-z]{3,}(?:ologists?|iatrists?|iatricians?|opaths?|ographers?|apists?)$"
)


def named_entities(question_words: Sequence[str]) -> list[tuple[str, ...]]:
    """Names of specific medicines, tests, treatments or conditions in a question.

    A known drug, laboratory or procedure name or a word with a medical suffix is a name
    on its own; the one or two words before
    "disease", "syndrome" or a medical-suffix word name a condition together ("chronic
    fatigue syndrome" is not "fatigue", "trigeminal neuralgia" is not "neuralgia"), and a
    Latin adjective after one is a name of its own ("keratosis pilaris" is not "keratosis").
    """
    entities: list[tuple[str, ...]] = []
    for i, word in enumerate(question_words):
        if word in STOPWORDS or len(word) < 3 or _SPECIALIST.match(word) is not None:
            continue
        if word in CONDITION_HEADS or _MEDICAL_SUFFIX.match(word) is not None:
            before: list[str] = []
            for previous in reversed(question_words[max(0, i - 2) : i]):
                if (
                    previous in STOPWORDS
                    or previous in COMMON_WORDS
                    or previous in CONDITION_HEADS
                    or previous in GENERIC_WORDS
                    or previous in INTENT_WORDS
                    or previous in _VERBS_OF_ILLNESS
                    or not previous.isalpha()
                ):
                    break
                before.insert(0, previous)
            # "keratosis pilaris" is not "keratosis": the knowledge base must know the
            # qualifier too.
            entities.extend((w,) for w in _latin_qualifier(question_words, i))
            if before:
                head = () if word in CONDITION_HEADS else (word,)
                entities.append((*before, *head))
                continue
        if word in CONDITION_HEADS:
            continue
        if (
            word in DRUG_NAMES
            or word in LAB_NAMES
            or word in PROCEDURE_NAMES
            or _MEDICAL_SUFFIX.match(word) is not None
        ):
            entities.append((word,))
    return entities


#: Determiners before a thing that is the subject of a sentence ("*my* car is coughing").
_OWNERS = frozenset("my our the his her their your".split())
#: Prepositions of where or against what: "on the sofa", "off the trampoline".
_PLACE_PREPOSITIONS = frozenset(
    "on off onto into against from in at under over behind with by down up out".split()
)
#: Words of another subject that name people, whose health is a health question.
_PEOPLE = frozenset(
    """boss bosses manager managers coworker coworkers customer customers client clients
    landlord tenant mechanic plumber actor actress author""".split()
)
#: Health words that also describe the state of a thing ("a *broken* zip").
_THING_STATES = frozenset("broken cracked leaking leaky burnt burned stuck bent loose dead".split())
#: Health words that also describe the state of a thing right after them ("a *sunburnt*
#: lawn", "a *sick* houseplant"): there they describe the thing, not a person.
_THING_HEALTH_STATES = frozenset(
    """sunburnt sunburned scorched sick ill poorly diseased infected dying wounded injured
    burnt burned""".split()
)
#: Symptoms a thing can show right after its name ("why is my fridge *sweating*", "is my
#: engine *coughing*"): said of a thing, they describe it, not a person.
_THING_SYMPTOMS = frozenset(
    """sweating sweats bleeding bleeds coughing coughs wheezing wheezes sneezing shaking
    shivering dying overheating leaking choking""".split()
)
#: Longest topic name looked for, in content words.
_MAX_NAME_WORDS = 6


def _spaced(phrases: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Each phrase with a space either side, made once, to find it as whole words."""
    return tuple((p, f" {p} ") for p in phrases)


def _found(spaced: tuple[tuple[str, str], ...], padded: str) -> list[str]:
    """The phrases in ``padded``, the question's words joined and padded with spaces."""
    return [p for p, with_spaces in spaced if with_spaces in padded]


_SPACED_OFF_DOMAIN_PHRASES = _spaced(OFF_DOMAIN_PHRASES)
_SPACED_DECISIVE_PHRASES = _spaced(DECISIVE_OFF_DOMAIN_PHRASES)
_SPACED_HEALTH_PHRASES = _spaced(HEALTH_PHRASES)


@dataclass(frozen=True, slots=True)
class ScopeEvidence:
    """What the words of a question say about its subject."""

    health: tuple[str, ...]
    ambiguous: tuple[str, ...]
    off_domain: tuple[str, ...]
    #: Words that settle the subject as another one whatever else the question says.
    decisive: tuple[str, ...] = ()

    @property
    def clear(self) -> bool:
        """Unambiguous health words that are not outnumbered by words of another subject
        ("a fungus on my tomato plant leaves" is a gardening question)."""
        return bool(self.health) and not self.decisive and len(self.health) >= len(self.off_domain)

    @property
    def elsewhere(self) -> bool:
        """The words point to another subject and no clear health word outweighs them: the
        content's opinion cannot bring such a question back in scope."""
        return bool(self.off_domain) and not self.clear

    @property
    def plausible(self) -> bool:
        """Only everyday-meaning health words, and nothing pointing elsewhere."""
        return bool(self.ambiguous) and not self.off_domain


#: Animals kept in numbers that are also food: "my pigs", "our hens" are livestock.
_OWNED_HERD_WORDS = frozenset(w for w in OWNED_ANIMAL_WORDS if w.endswith("s"))


def _in_a_simile(question_words: Sequence[str], i: int) -> bool:
    """Is the word at ``i`` the thing compared with ("like a hamster", "as a dog")?"""
    before = question_words[max(0, i - 2) : i]
    return bool(before) and (
        before[-1] == "like"
        or (len(before) == 2 and before[0] == "like" and before[1] in ("a", "an"))
    )


class ScopeDetector:
    def __init__(self, topic_vocabulary: Iterable[str] = ()) -> None:
        self._stems = frozenset(stem(w) for w in HEALTH_WORDS)
        exact: set[str] = (
            set(HEALTH_WORDS)
            | DRUG_NAMES
            | LAB_NAMES
            | PROCEDURE_NAMES
            | set(LAY_TERMS)
            | AMBIGUOUS_WORDS
        )
        #: Words met only inside longer names ("sudden infant *death* syndrome", "*blue*
        #: baby") are everyday words as often as not.
        partial: set[str] = set()
        for phrase in topic_vocabulary:
            if phrase.isupper() and phrase.isalpha() and len(phrase) >= 2:
                exact.add(phrase.lower())  # abbreviations: "what is MS"
            parts = [
                w
                for w in words(phrase)
                if len(w) >= 3 and w not in COMMON_WORDS and w not in STOPWORDS and not w.isdigit()
            ]
            if len(words(phrase)) == 1:
                exact.update(parts)
            else:
                partial.update(parts)
        self._exact = frozenset(exact)
        self._partial = frozenset(partial - exact)
        #: Topic names of two or more content words, stemmed ("ringing in the ears" is
        #: "ring ear"): naming a condition in full is clear evidence, even next to a word of
        #: another subject ("ringing ears after a concert"). Names made only of everyday
        #: words ("long periods", "heart attack") are left to the rules for such words.
        everyday = {stem(w) for w in COMMON_WORDS | GENERIC_WORDS | AMBIGUOUS_WORDS | STOPWORDS}
        self._name_keys = frozenset(
            key
            for phrase in topic_vocabulary
            if " " in (key := phrase_key(phrase))
            and not all(part in everyday for part in key.split())
        )

    def is_health_word(self, word: str) -> bool:
        if word in STOPWORDS:
            return False
        # Stems only for longer words: short ones collide ("tire" and "tired").
        return (
            any(base in self._exact or base in self._partial for base in inflection_bases(word))
            or (len(word) >= 7 and stem(word) in self._stems)
            or _MEDICAL_SUFFIX.match(word) is not None
        )

    def _is_ambiguous(self, word: str) -> bool:
        bases = inflection_bases(word)
        if any(b in AMBIGUOUS_WORDS for b in bases):
            return True
        known_exactly = any(b in self._exact for b in bases)
        medical = _MEDICAL_SUFFIX.match(word) is not None
        return not (known_exactly or medical) and any(b in self._partial for b in bases)

    def _topic_names(self, question_words: Sequence[str]) -> list[str]:
        """Topic names of several content words in the question."""
        found: list[str] = []
        stems = [stem(w) for w in question_words if w not in STOPWORDS]
        taken: set[int] = set()
        # Longest first, each word in one name at most: "blood clot in the leg" is one name,
        # not also "blood clot" and "clot in the leg".
        for n in range(min(_MAX_NAME_WORDS, len(stems)), 1, -1):
            for start in range(len(stems) - n + 1):
                key = " ".join(stems[start : start + n])
                if key in self._name_keys and taken.isdisjoint(range(start, start + n)):
                    taken.update(range(start, start + n))
                    found.append(key)
        return found

    @staticmethod
    def _owned_thing(question_words: Sequence[str]) -> str | None:
        """A thing of another subject described like a patient: "my car is coughing",
        "my laptop has a virus". People ("my boss is stressing me out") are not things, nor
        is a thing after a preposition, where someone got hurt ("stubbed my toe on the sofa,
        is it broken": the question is about the toe, its next clause about the toe too)."""
        for i in range(1, len(question_words) - 1):
            word = question_words[i]
            # The owner's word right before, or before one word that describes the thing
            # ("our dairy cow has mastitis", "my new laptop has a virus").
            owner = i - 1
            before = question_words[owner]
            if i >= 2 and before not in _OWNERS and before not in STOPWORDS:
                owner = i - 2
            if (
                question_words[owner] in _OWNERS
                and (owner < 1 or question_words[owner - 1] not in _PLACE_PREPOSITIONS)
                and (
                    question_words[i + 1] in OWNED_THING_VERBS
                    or question_words[i + 1] in _THING_SYMPTOMS
                )
                and word not in _PEOPLE
                and (
                    word in OWNED_ANIMAL_WORDS
                    or any(b in OFF_DOMAIN_WORDS for b in inflection_bases(word))
                )
            ):
                return word
        return None

    @staticmethod
    def _is_thing(following: Sequence[str]) -> bool:
        """Is the (at most one) word a thing of another subject rather than a person?"""
        return any(
            w not in _PEOPLE and any(b in OFF_DOMAIN_WORDS for b in inflection_bases(w))
            for w in following
        )

    def _repaired_thing(self, question_words: Sequence[str]) -> str | None:
        """A thing of another subject being mended: "how do I fix a broken zip", but not
        "how to fix neck pain from my laptop", whose object is the pain."""
        for i, word in enumerate(question_words):
            if word not in REPAIR_VERBS:
                continue
            for following in question_words[i + 1 : i + 4]:
                if following not in _PEOPLE and any(
                    b in OFF_DOMAIN_WORDS for b in inflection_bases(following)
                ):
                    return following
                if (
                    following not in AMBIGUOUS_WORDS
                    and following not in _THING_STATES
                    and self.is_health_word(following)
                ):
                    break
        return None

    def evidence(self, question_words: Sequence[str]) -> ScopeEvidence:
        health: list[str] = []
        ambiguous: list[str] = []
        off_domain: list[str] = []
        words_set = set(question_words)
        bitten = bool(words_set & BITE_WORDS) and (
            # "how to stop my hamster biting" is about training the animal.
            not words_set & ANIMAL_TRAINING_WORDS or bool(words_set & BITE_INJURY_WORDS)
        )
        # "can I get worms from my dog": something a person catches from an animal, when
        # the animal is first met as its source ("my dog got worms from a dog" is not).
        first_animal = next((i for i, w in enumerate(question_words) if w in ANIMAL_WORDS), None)
        if (
            first_animal is not None
            and "from" in question_words[max(0, first_animal - 3) : first_animal]
        ):
            bitten = True
        pet = False
        padded = f" {' '.join(question_words)} "
        decisive = tuple(w for w in question_words if w in DECISIVE_OFF_DOMAIN_WORDS)
        decisive += tuple(_found(_SPACED_DECISIVE_PHRASES, padded))
        phrases = _found(_SPACED_OFF_DOMAIN_PHRASES, padded)
        off_domain.extend(phrases)
        off_domain.extend(decisive)
        named_health = _found(_SPACED_HEALTH_PHRASES, padded)
        health.extend(named_health)
        # The words of such a phrase ("cast *iron*", "*hearing* loss") are counted once.
        skipped = {w for p in (*phrases, *decisive, *named_health) for w in p.split()}
        thing = self._owned_thing(question_words)
        if thing is not None:
            # The symptoms belong to the thing, as they would to a pet.
            return ScopeEvidence((), (), (*off_domain, thing), decisive)
        repaired = self._repaired_thing(question_words)
        if repaired is not None:
            # "Broken" describes the thing being mended.
            decisive = (*decisive, repaired)
        health.extend(self._topic_names(question_words))
        for i, word in enumerate(question_words):
            if word in ANIMAL_WORDS and _in_a_simile(question_words, i):
                continue  # "puffed up like a hamster", "barking like a seal": a comparison
            if word in ANIMAL_WORDS:
                # "my dog keeps scratching his ears" is for a vet; "a dog bit me" is not.
                if bitten:
                    ambiguous.append(word)
                else:
                    off_domain.append(word)
                    pet = True
                continue
            if (
                word in _OWNED_HERD_WORDS
                and i > 0
                and question_words[i - 1] in ("my", "our")
                and not bitten
                and "from" not in question_words[max(0, i - 3) : i]
            ):
                # "injected my pigs with penicillin": someone's livestock, a vet's question
                # ("eggs from our hens" is about the eggs).
                off_domain.append(word)
                pet = True
                continue
            if word in STOPWORDS or word in skipped:
                continue
            bases = inflection_bases(word)
            # A word we know as a health word as written is never read as another subject
            # through a guessed base form ("tired" is not "tire").
            if word not in self._exact and any(b in OFF_DOMAIN_WORDS for b in bases):
                off_domain.append(word)
            elif self.is_health_word(word):
                describes_thing = word in _THING_HEALTH_STATES and self._is_thing(
                    question_words[i + 1 : i + 2]
                )
                (ambiguous if describes_thing or self._is_ambiguous(word) else health).append(word)
        if pet:
            # The symptoms belong to the animal.
            return ScopeEvidence((), (), tuple(off_domain), decisive)
        return ScopeEvidence(tuple(health), tuple(ambiguous), tuple(off_domain), decisive)

    def health_terms(self, question: str) -> list[str]:
        return [w for w in words(question) if self.is_health_word(w)]

    def in_scope(self, question: str) -> bool:
        """Scope from the words alone (the engine also asks whether the content grounds it)."""
        evidence = self.evidence(words(question))
        return evidence.clear or evidence.plausible
