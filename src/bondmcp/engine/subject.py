"""Who a red flag is said of: a person, or an animal or a thing.

The triage rules read symptom wording ("collapsed and won't wake up", "not breathing
properly", "having a seizure") wherever it occurs, but the same words describe a laptop, a
server, a sourdough starter or a pet. Emergency guidance for those is a false alarm, and it
hides the redirect the question should get (a vet, a mechanic). This module decides, for a
match, whether its clause's subject is plainly not a person.

It errs towards a person: only a clause that *starts* with an animal or a thing ("my laptop
collapsed", "the dog ate rat poison", "our 12 year old cat is having a seizure") counts, and
any person mentioned between that subject and the end of the match ("the dog knocked grandad
over and now I can't wake him", "my dog collapsed and he's not breathing") keeps the red
flag. A subject left out ("bitten by a snake and my leg is swelling") or one that comes after
other words ("bitten by a snake") decides nothing.
"""

from __future__ import annotations

import re

from bondmcp.engine.lexicon import ANIMAL_WORDS, FAMILY_WORDS

#: Things that are the subject of symptom wording in other fields: devices and software,
#: vehicles and machines, plants, food in the making, markets.
THING_SUBJECT_WORDS = frozenset(
    """computer computers laptop laptops pc mac macbook software app apps script scripts code
    program programs server servers database router modem wifi internet website browser
    printer keyboard phone phones iphone android smartphone tablet ipad screen monitor tv
    console xbox playstation python java javascript build builds pipeline pipelines
    box vm vps cluster container
    car cars truck trucks van vans bike motorbike engine engines motor battery batteries
    tyre tyres tire tires boiler fridge freezer dishwasher heater radiator
    plant plants houseplant houseplants tree trees lawn grass seedlings tomato tomatoes
    starter dough sourdough bread cake souffle
    stock stocks market markets shares portfolio economy crypto bitcoin""".split()
)

#: A person, named or as a pronoun: whenever one is mentioned, the red flag may be theirs.
_PERSON_WORDS = FAMILY_WORDS | frozenset(
    """i i'm im i've ive i'd id i'll me myself we we're were we've us you you're youre
    he he's hes him his himself she she's shes her hers herself they they're theyre them
    their someone somebody anyone anybody everyone person people man woman men women boy
    boys girl girls guy lady human patient teen teenager colleague coworker boss neighbour
    neighbor flatmate roommate housemate student pupil""".split()
)

#: Words before a subject that do not change who it is: "my", "our old", "the new".
_LEAD_WORDS = frozenset(
    """my our the a an this that these those your and but so then now today yesterday
    suddenly just old new little big young poor senior elderly prod production staging
    dev""".split()
)
#: The speaker's or listener's own: "my finger" after the subject is a person's.
_OWNERS = frozenset("my our your".split())
#: An age given before a noun ("our 12 year old cat", "my 3-month-old"): read past it.
_AGE_WORDS = frozenset("year years yr yrs month months week weeks day days old".split())

_WORD_RE = re.compile(r"[a-z0-9']+")
_SENTENCE_END_RE = re.compile(r"[.!?;\n]")


def _base(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _clause_subject(clause: str) -> tuple[bool, int] | None:
    """The clause's leading subject as (is a person, where it ends), or None."""
    for match in _WORD_RE.finditer(clause):
        word = match.group()
        if word in _LEAD_WORDS or word in _AGE_WORDS or word.isdigit():
            continue
        base = _base(word)
        if base in _PERSON_WORDS:
            return True, match.end()
        if _is_non_person(base):
            return False, match.end()
        return None
    return None


def _is_non_person(word: str) -> bool:
    return word in ANIMAL_WORDS or word in THING_SUBJECT_WORDS


def _mentions_person(words: list[str]) -> bool:
    """A person word, or "my", "our" or "your" before anything but an animal or a thing
    ("the cat bit *my finger*", but not "*my router* is unresponsive")."""
    for i, word in enumerate(words):
        base = _base(word)
        if base in _PERSON_WORDS:
            return True
        if base in _OWNERS and i + 1 < len(words) and not _is_non_person(_base(words[i + 1])):
            return True
    return False


def said_of_non_person(text: str, start: int, end: int) -> bool:
    """Is the wording at ``text[start:end]`` (lower-cased text) said of an animal or a thing?

    The subject is looked for at the start of the comma-separated clauses of the match's
    sentence, nearest first, up to the match: the first clause that starts with one decides.
    """
    sentence_start = 0
    for mark in _SENTENCE_END_RE.finditer(text, 0, start):
        sentence_start = mark.end()
    clause_end = end  # the nearest clause includes the match, which may name the subject
    search_end = start
    while clause_end > sentence_start:
        clause_start = text.rfind(",", sentence_start, search_end) + 1 or sentence_start
        found = _clause_subject(text[clause_start:clause_end])
        if found is not None:
            is_person, subject_end = found
            if is_person:
                return False
            following = _WORD_RE.findall(text[clause_start + subject_end : end])
            return not _mentions_person(following)
        clause_end = search_end = clause_start - 1
    return False
