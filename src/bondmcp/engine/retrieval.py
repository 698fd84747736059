"""Lexical retrieval over passages: BM25 plus topic, intent and coverage signals.

BM25 alone ranks on shared words. Three signals make it fit consumer questions: a topic
named by one of its aliases ("sugar diabetes", "pink eye") lifts that topic's passages,
the question's intent ("what causes...") lifts the matching section, and topics are
finally ordered by how much of the question they cover, weighted by how rare each word
is, so "can I drink alcohol with Tylenol" goes to the topic that talks about both rather
than the one that says "alcohol" most often.

A name is read the way people use it: "dementia meds" and "a medicine for dementia" name
the dementia medicines topic, which a question about it is then about rather than about
dementia; a longer name outranks the shorter names inside it ("pneumonia vaccine"), even
with its words apart ("a high fever, then a rash"); and a one-word name is not named by
another word of its stem ("boiling" is not "boils") or when it is only the head of a longer
name the sources lack ("pilonidal sinus").
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from bondmcp.engine.lexicon import (
    AMBIGUOUS_WORDS,
    ANIMAL_WORDS,
    DRUG_NAMES,
    EXPANSIONS,
    FAMILY_WORDS,
    GENERIC_WORDS,
    HEAD_NOUNS,
    HEALTH_WORDS,
    INTENT_WORDS,
    LAB_NAMES,
    MEDICINE_CUES,
    MEDICINE_VERBS,
    OFF_DOMAIN_WORDS,
    PROCEDURE_NAMES,
    STOPWORDS,
)
from bondmcp.engine.passages import Passage
from bondmcp.engine.scope import has_medical_suffix
from bondmcp.engine.text import (
    SpellingCorrector,
    analyse,
    analyse_words,
    defines,
    inflection_bases,
    name_variants,
    phrase_key,
    stem,
    term_alternatives,
    words,
)

ALIAS_BOOST = 2.0
#: Further boost of a topic the question guesses at ("could it be anemia").
HYPOTHESIS_BOOST = 1.5
INTENT_BOOST = 1.6
#: How many of the best BM25 topics are re-ordered by coverage.
RERANK_DEPTH = 12
#: Weight of coverage against BM25 when re-ordering topics (see ``topic_scores``).
COVERAGE_WEIGHT = 1.5
#: Weight of the share of the question a topic's own name covers ("a rash in the diaper
#: area" is about diaper rash before it is about rashes).
NAME_WEIGHT = 0.5
#: Factor of a topic named by a phrase whose head is a medicine, vaccine or test word
#: ("do sleeping pills cause dementia" asks about sleeping pills).
HEAD_BOOST = 2.0
_MAX_PHRASE_WORDS = 8
#: A word no source uses makes a one-word name part of a longer name only when it looks
#: like a term: long, and without the endings of everyday verbs and adjectives ("a nasty
#: cold", "a horrible cough", "a massive headache" are still colds, coughs and headaches).
_MIN_MODIFIER_LENGTH = 7
_EVERYDAY_ENDINGS = ("ing", "ed", "ly", "ible", "able", "ive", "ous", "ful", "less", "est", "ish")
#: Fewest words of a name found with its words apart (two everyday words, "feeling sick",
#: meet by chance too often).
_MIN_SCATTERED_WORDS = 3
#: A topic's score adds this share of its second-best passage to its best.
SECOND_PASSAGE_WEIGHT = 0.5
#: Only the best passages are grouped into topics: the rest cannot change the top topics.
_TOPIC_POOL = 400
#: BM25 parameters (the usual ones, and bm25s's defaults).
_BM25_K1 = 1.5
_BM25_B = 0.75
#: Shorter words whose stem our sources use are left alone, not corrected.
_MIN_CORRECTED_LENGTH = 6
#: A health word of everyday meaning ("exercise", "pressure") this long is a correction
#: target too: few other words are within two edits of it.
_MIN_AMBIGUOUS_TARGET = 9
#: Distinct question words whose correction and weight are remembered.
_WORD_CACHE = 16384
#: Share of its idf an everyday word keeps when weighing coverage and relevance.
GENERIC_WEIGHT = 0.25


#: A guessed condition at the end of a question: "could it be X", "is it X", "X?" after a
#: comma. The guess names topics only when it points at a few.
_HYPOTHESIS_RE = re.compile(
    r"(?:could (?:it|this|that|they) be|might (?:it|this|that) be|is (?:it|this|that)|"
    r"do (?:i|you think i) have|does (?:he|she|my \w+) have|sounds? like|or is it|maybe)\s+"
    r"(?:an? |the |some )?([a-z' -]{3,40}?)\s*\??\s*$"
    r"|,\s*([a-z' -]{3,30}?)\s*\?\s*$"
)
_MAX_HYPOTHESIS_TOPICS = 4
#: "is it normal?", "is it serious?" ask about the situation, not a condition.
_NOT_GUESSES = frozenset(
    """normal common serious bad ok okay safe fine dangerous contagious worth possible true real
    healthy harmful urgent worse better enough""".split()
)

#: "Fit" has two senses in questions. After a verb of having one ("having a fit", "he gets
#: fits") it is a seizure, as in British English; after a verb of becoming or staying ("get
#: fit", "keeping fit") it is fitness, which the sources call exercise and physical
#: activity. Elsewhere it stays ambiguous ("a fit of coughing", "a hissy fit", "does it fit").
_SEIZURE_VERBS = frozenset("have has had having get gets got getting".split())
_FITNESS_VERBS = frozenset(
    "get gets got getting keep keeps keeping kept stay stays staying become becoming".split()
)


#: "Stone" is also the British unit of body weight ("lost 2 stone", "put on half a stone"):
#: after an amount, with a verb of gaining or losing weight just before, it is weight, not a
#: kidney stone or a gallstone ("passed a stone" keeps its sense).
_WEIGHT_VERBS = frozenset(
    """lost lose loses losing dropped drop drops dropping shed gained gain gains gaining
    put piled weigh weighs weighed weighing heavier lighter""".split()
)
_DROP_VERBS = frozenset("dropped drop drops dropping shed".split())
_AMOUNTS = frozenset(
    """a half couple few several one two three four five six seven eight nine ten eleven
    twelve""".split()
)


def _weight_stones(words_: Sequence[str]) -> list[str]:
    """The words with each "stone" that is an amount of body weight read as "weight"."""
    out = list(words_)
    if "stone" not in words_ and "stones" not in words_:
        return out
    for i, word in enumerate(words_):
        if word not in ("stone", "stones") or i == 0:
            continue
        amount = words_[i - 1]
        if not (amount.isdigit() or amount in _AMOUNTS or amount.replace(".", "", 1).isdigit()):
            continue
        before = range(max(0, i - 5), i - 1)
        if any(words_[j] in _WEIGHT_VERBS for j in before):
            out[i] = "weight"
            # "Dropped two stone" is lost weight, not a drop in blood sugar.
            for j in before:
                if words_[j] in _DROP_VERBS:
                    out[j] = "lost"
    return out


def _fit_senses(typed: Sequence[str]) -> list[str]:
    """The words with each "fit" or "fits" whose sense is clear read as that sense:
    "seizure(s)" or "exercise"."""
    out = list(typed)
    if "fit" not in typed and "fits" not in typed:
        return out
    for i, word in enumerate(typed):
        if word not in ("fit", "fits") or i == 0:
            continue
        before = typed[i - 1]
        after = typed[i + 1] if i + 1 < len(typed) else None
        if word == "fit" and before in _FITNESS_VERBS:
            out[i] = "exercise"
            continue
        if word == "fit" and before in ("a", "another") and i >= 2:
            before = typed[i - 2]
        elif word == "fit":
            continue
        if before in _SEIZURE_VERBS and after != "of":
            out[i] = "seizure" if word == "fit" else "seizures"
    return out


#: Words that say a man cannot manage something, before "get it up" or "keep it up".
_CANNOT = frozenset(
    "can't cant cannot couldn't couldnt can struggle struggling struggles trouble hard".split()
)


#: The same before "to": "struggling to keep it up", "not able to get it up".
_STRUGGLE_TO = frozenset("struggle struggling struggles hard unable able".split())
#: Words after "get it up" that make it lifting something somewhere ("the stairs").
_UP_WHERE = frozenset(
    """the a an my his her their your our this that these those to onto into on in there
    here over off high""".split()
)


_DRINK_WORDS = frozenset("drink drinks drinking drank".split())
#: What follows a drink word when the drink is not alcohol: "drinking her squash", "still
#: drinking fine", "drinks plenty of water".
_SOFT_DRINKS = frozenset(
    """water squash juice milk fluids fluid tea coffee cordial lemonade feeds feed bottle
    bottles formula smoothie""".split()
)
_DRINKING_WELL = frozenset("fine well normally ok okay plenty lots loads enough anything".split())
_DRINK_QUANTIFIERS = frozenset("her his my their your our some lots plenty loads of a the".split())
#: "one ball out", "left ball removed": a testicle.
_ONE_BALL = frozenset("one left right".split())
_REMOVED = frozenset("out removed remove removing taken off lost".split())


#: Words after "burning" that make it a sensation ("a burning pain when i pee", "burning
#: feet at night") rather than a burn.
_SENSATION_FOLLOWERS = frozenset(
    {
        "pain",
        "pains",
        "sensation",
        "sensations",
        "feeling",
        "feelings",
        "ache",
        "aches",
        "gnawing",
        "stinging",
        "itching",
        "itchy",
        "tingling",
        "throbbing",
        "sore",
    }
)


def _sensations(content: Sequence[str]) -> Iterator[int]:
    """Positions of "burning" told as a sensation, where the name of burns does not stand."""
    for i, word in enumerate(content[:-1]):
        if word == "burning" and content[i + 1] in _SENSATION_FOLLOWERS:
            yield i


_CUT_WORDS = frozenset({"cut", "cuts", "cutting"})
_POSSESSIVES = frozenset("my our his her their your".split())
#: Words either side of "nose" where the blood and its flowing may be told.
_NOSE_REACH = 8
_BLOOD_FLOWS = frozenset(
    "pours pouring poured gushes gushing gushed streams streaming streamed drips dripping "
    "dripped pumping pumps running runs".split()
)


def _fit_idioms(typed: Sequence[str]) -> list[str]:
    """Idioms read as what they name: "can't get it up" and "can't keep it up" are about
    erections, and every one of their words is a stop word ("can't get it up the stairs" is
    not); someone who "hardly drinks anything" is short of fluids, not of alcohol; "on my
    feet all day" is standing; one ball taken out is a testicle; "straight away" is at once,
    not straightening anything; "cut out" or "cut down" is eating or drinking less, not a
    wound; losing a wife or a baby is a bereavement."""
    out = list(typed)
    for i, word in enumerate(out[:-1]):
        if word == "straight" and out[i + 1] == "away":
            out[i : i + 2] = ["now", "now"]
        # "cut out dairy", "cut down on salt", "cutting back on drink": eating or drinking
        # less, not a wound.
        if word in _CUT_WORDS and out[i + 1] in ("out", "down", "back"):
            out[i] = "avoid" if out[i + 1] == "out" else "reduce"
        # "lost my wife", "losing our baby": a death, not something mislaid.
        if (
            word in ("lost", "losing")
            and out[i + 1] in _POSSESSIVES
            and out[i + 2 : i + 3]
            and out[i + 2] in FAMILY_WORDS
        ):
            out[i] = "bereavement"
        # "his nose pours with blood", "blood streaming from her nose": a nosebleed.
        if word == "nose":
            near = out[max(0, i - _NOSE_REACH) : i + _NOSE_REACH + 1]
            if "blood" in near and _BLOOD_FLOWS.intersection(near):
                out[i] = "nosebleed"
        # "hardly drinks anything", "still drinking fine", "drinking her squash": fluids,
        # not alcohol.
        if word in _DRINK_WORDS and _soft_drink_follows(out, i + 1):
            out[i] = "fluids"
        # "on my feet all day" is standing.
        if word == "on" and out[i + 1] in _ARTICLES and out[i + 2 : i + 3] == ["feet"]:
            out[i + 2] = "standing"
        # "take one ball out", "had a ball removed": a testicle, not a ball of the foot.
        if out[i + 1] == "ball" and (
            (word == "a" and out[i + 2 : i + 3] in (["removed"], ["taken"]))
            or (
                word in _ONE_BALL
                and (set(out[i + 2 : i + 4]) | set(out[max(0, i - 3) : i])) & _REMOVED
            )
        ):
            out[i + 1] = "testicle"
    for i in range(len(out) - 3, 0, -1):
        if (
            out[i] in ("get", "keep")
            and out[i + 1 : i + 3] == ["it", "up"]
            and (
                out[i - 1] in _CANNOT
                or (out[i - 1] == "to" and i >= 2 and out[i - 2] in _STRUGGLE_TO)
            )
            and (i + 3 == len(out) or out[i + 3] not in _UP_WHERE)
        ):
            out[i + 1 : i + 3] = ["erection"]
    return out


def _soft_drink_follows(typed: Sequence[str], start: int) -> bool:
    """Whether the words from ``start`` say that a drink is not alcohol: "well", "enough",
    or a soft drink after at most two words such as "her" or "plenty of"."""
    if start < len(typed) and typed[start] in _DRINKING_WELL:
        return True
    for word in typed[start : start + 3]:
        if word in _SOFT_DRINKS:
            return True
        if word not in _DRINK_QUANTIFIERS:
            return False
    return False


#: A body temperature reading that is a fever: 37.5 to 42 degrees Celsius, or 99.5 to 107
#: Fahrenheit. A decimal in that range is a reading unless a unit says otherwise ("38.5
#: weeks"); a whole number is one when a temperature word comes just before it ("temp of 38")
#: or a unit just after it ("39C").
_READING = r"(3[7-9]|4[0-2]|99|10[0-7])"
_FEVER_READING_RE = re.compile(
    rf"\b{_READING}[.,](\d)\b(?!\s*(?:kg|kilos?|k?g\b|weeks?|wks?|mm|cm|ml|mg|%|lbs?|years?|"
    rf"months?|days?|hours?|mins?|minutes?|miles?|km))|"
    rf"\b(?:temp|temps|temperature|temperatures|fever|thermometer|reading)\b(?:\W+\w+){{0,3}}?"
    rf"\W+{_READING}(?:[.,](\d))?\b|"
    rf"\b{_READING}(?:[.,](\d))?\s*(?:°\s*[cf]?|degrees? (?:c|f|celsius|fahrenheit)\b|[cf]\b)",
    re.IGNORECASE,
)


def _fever_reading(question: str) -> tuple[str, str | None] | None:
    """The first body temperature in the question that is a fever ("she's 38.3", "temp of
    38", "101F"), as its whole and tenths digits."""
    for found in _FEVER_READING_RE.finditer(question):
        groups = found.groups()
        for whole, tenth in zip(groups[0::2], groups[1::2], strict=True):
            if whole is None:
                continue
            value = int(whole) + int(tenth or 0) / 10
            if 37.5 <= value <= 42.0 or 99.5 <= value <= 107.0:
                return whole, tenth
    return None


def _read_fever(question: str, words_: list[str]) -> list[str]:
    """The words with "fever" after a reading that is one: the number says it as plainly
    as the word would. It goes just after the number, where no word can join it into a
    name ("cupboard fever")."""
    reading = _fever_reading(question)
    if reading is None or "fever" in words_:
        return words_
    whole, tenth = reading
    for i, word in enumerate(words_):
        if word == whole or (word.startswith(whole) and word[len(whole) :] in ("c", "f")):
            end = i + 2 if tenth is not None and words_[i + 1 : i + 2] == [tenth] else i + 1
            return [*words_[:end], "fever", *words_[end:]]
    return words_


#: Everyday words typed for another before a word that tells them apart: "how to loose
#: weight" is about losing it, not loose stools.
_MISTYPED_BEFORE: dict[tuple[str, str], str] = {
    (typed, following): meant
    for typed, meant in (("loose", "lose"), ("loosing", "losing"), ("looses", "loses"))
    for following in ("weight", "fat", "pounds", "lbs", "kilos", "stone", "belly", "inches")
}


#: Words a name may lose and still mean the same ("the flu" is "flu").
_ARTICLES = frozenset("a an the my your his her their our".split())


def _collapses(name: str, key: str) -> bool:
    """A name of several words whose stop words leave one everyday word: "peeing a lot" is
    not "pee", and "needing to pee all the time" does not name whatever "pee" is in."""
    parts = words(name)
    return (
        len(parts) > 1
        and " " not in key
        and any(w in STOPWORDS and w not in _ARTICLES for w in parts)
    )


#: Words that turn a name around; stop words, so a name's key would drop them. Not "no" or
#: "can't": "no energy", "for no reason" and "can't catch my breath" name a problem the way a
#: question puts it, and without the word they still point to it.
_NEGATIONS = frozenset("not never nor won wont don dont doesn doesnt didn didnt isn isnt".split())


def _inverted(name: str) -> bool:
    """A name whose key would lose a negation and say the opposite: "blood that does not
    clot" would name every "blood clot", "period that won't stop" every "periods stop"."""
    return any(w in _NEGATIONS for w in words(name))


#: Stems of the words that stand for each kind of head noun.
_KIND_STEMS = frozenset(stem(kind) for kind in HEAD_NOUNS.values())


def _canonical(tokens: Sequence[str], forms: Sequence[str]) -> str:
    """A name of several words with its head noun as its kind's own word: "dementia
    meds", "dementia drugs" and "dementia medication" are all "dementia medicine".

    ``forms`` are the words the stems came from: "medical" and "medication" share a stem.
    """
    return " ".join(
        stem(HEAD_NOUNS[form]) if form in HEAD_NOUNS else token
        for token, form in zip(tokens, forms, strict=True)
    )


def _without_parts(matches: list[AliasMatch]) -> list[AliasMatch]:
    """The matches less those whose every word is part of a longer name in the question.

    "Does the pneumonia vaccine stop all pneumonia" is about the vaccine: saying
    "pneumonia" again names nothing the longer name did not already hold.
    """
    parts = [frozenset(m.phrase.split()) for m in matches]
    return [
        m
        for m, own in zip(matches, parts, strict=True)
        if not any(
            other.topic_id != m.topic_id and len(longer) > len(own) and own < longer
            for other, longer in zip(matches, parts, strict=True)
        )
    ]


@dataclass(frozen=True, slots=True)
class Hit:
    passage: Passage
    score: float
    index: int


@dataclass(frozen=True, slots=True)
class AliasMatch:
    topic_id: str
    phrase: str
    #: Named by the condition the person guesses at ("..., could it be anemia").
    guess: bool = False
    #: Named by a phrase whose head is a medicine, vaccine or test word ("pneumonia
    #: vaccine", "thyroid pills"): the question is about that medicine, vaccine or test.
    headed: bool = False


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One content word of a question, with the stems that match it and its weight.

    ``weight`` is the word's idf, taken from the clinical word for a lay word ("hurt"
    weighs what "pain" weighs) and cut for everyday words (``GENERIC_WORDS``).
    """

    word: str
    stems: tuple[str, ...]
    weight: float
    known: bool
    #: What a match on each of ``stems`` is worth: a sentence that says "pain" for a
    #: question's "hurt" earns what "pain" is worth.
    stem_weights: tuple[float, ...] = ()

    def matched(self, stems: frozenset[str] | set[str]) -> float:
        """The weight this term earns in a text with these stems (0 if absent)."""
        best: float | None = None
        for s, w in zip(self.stems, self.stem_weights, strict=True):
            if s in stems and (best is None or w > best):
                best = w
        return 0.0 if best is None else best


@dataclass(frozen=True, slots=True)
class Query:
    """A question analysed once and shared by retrieval, confidence and composition."""

    text: str
    words: tuple[str, ...]
    tokens: tuple[str, ...]
    terms: tuple[QueryTerm, ...]
    corrections: tuple[tuple[str, str], ...]
    aliases: tuple[AliasMatch, ...]

    @property
    def named_topics(self) -> list[str]:
        return list(dict.fromkeys(m.topic_id for m in self.aliases))

    _total_weight: float = field(init=False, repr=False, compare=False, default=0.0)

    def __post_init__(self) -> None:
        # Read for every candidate topic: summed once.
        object.__setattr__(self, "_total_weight", sum(t.weight for t in self.terms))

    @property
    def total_weight(self) -> float:
        return self._total_weight


class PassageIndex:
    """An immutable BM25 index over passages; build a new one when content changes.

    The index is built in one streaming pass and kept in flat arrays, so memory stays close to
    what the passages themselves take, at start-up as well as afterwards: each passage is
    tokenised once, its distinct words and their counts are appended to int32 arrays, and the
    tokens are dropped. Scores are the Lucene variant of BM25 (k1 1.5, b 0.75), precomputed per
    (word, passage) as float32 and summed per query word in the order of the question, the
    same numbers bm25s computes.
    """

    def __init__(self, passages: Sequence[Passage]) -> None:
        if not passages:
            raise ValueError("cannot index an empty set of passages")
        self.passages: list[Passage] = list(passages)
        self.topic_ids: list[str] = sorted({p.topic_id for p in self.passages})
        self._topic_index = {t: i for i, t in enumerate(self.topic_ids)}
        self._topic_of = np.array(
            [self._topic_index[p.topic_id] for p in self.passages], dtype=np.int32
        )
        # Per section, which passages are in it: one boolean array each, since comparing
        # an array of strings runs a Python comparison per passage.
        sections = np.array([p.section for p in self.passages], dtype=object)
        self._in_section: dict[str, np.ndarray] = {
            section: sections == section for section in set(sections.tolist())
        }
        self._by_topic: dict[str, list[int]] = {}
        for i, p in enumerate(self.passages):
            self._by_topic.setdefault(p.topic_id, []).append(i)
        #: Stem -> word id; every array below is indexed by these ids.
        self._vocab: dict[str, int] = {}
        self._build_postings()
        # The built-in topics are few and asked about most: their word ids are also kept as
        # sets, so coverage of a question is set lookups rather than a sorted search per
        # topic (a few MB). Imported corpora, which can be large, use the arrays alone.
        shared_ids = list(range(len(self._vocab)))  # one int object per id, shared by all sets
        self._kb_topic_words: dict[int, frozenset[int]] = {
            t: frozenset(
                map(
                    shared_ids.__getitem__,
                    self._topic_words[self._topic_start[t] : self._topic_start[t + 1]].tolist(),
                )
            )
            for t in sorted(
                {self._topic_index[p.topic_id] for p in self.passages if p.origin == "kb"}
            )
        }
        self._kinds = {p.topic_id: p.kind for p in self.passages if p.kind is not None}
        self._name_stems: dict[str, frozenset[str]] = {}
        self._phrases: dict[str, set[str]] = {}
        #: The words, as written, of names that are one content word: a question's word of
        #: the same stem names the topic only in a matching form (see ``_same_form``).
        self._single_forms: dict[str, set[str]] = {}
        #: Two-word names written as one word ("hayfever" is read as "hay fever").
        self._compounds: dict[str, str] = {}
        bare: set[str] = set()
        for p in self.passages:
            if p.topic_id in self._name_stems:
                continue
            names = (*name_variants(p.title), *p.aliases)
            self._name_stems[p.topic_id] = frozenset(s for n in names for s in analyse(n))
            for phrase in names:
                key = phrase_key(phrase)
                if key and not _collapses(phrase, key) and not _inverted(phrase):
                    self._phrases.setdefault(key, set()).add(p.topic_id)
                    if " " in key:
                        content = [w for w in words(phrase) if w not in STOPWORDS]
                        canonical = _canonical([stem(w) for w in content], content)
                        self._phrases.setdefault(canonical, set()).add(p.topic_id)
                    else:
                        self._single_forms.setdefault(key, set()).update(
                            w for w in words(phrase) if w not in STOPWORDS
                        )
                        if words(phrase)[0] != "the":
                            bare.add(key)
                parts = words(phrase)
                if len(parts) == 2:
                    self._compounds.setdefault("".join(parts), " ".join(parts))
        #: Names of several words, by their rarest stem, to find them with their words
        #: apart ("a high fever, then a rash" holds "rash after a high fever").
        self._scattered: dict[str, list[tuple[frozenset[str], str]]] = {}
        for key in self._phrases:
            stems = frozenset(key.split())
            if len(stems) >= _MIN_SCATTERED_WORDS and not _KIND_STEMS.intersection(stems):
                rarest = max(stems, key=lambda s: self._idf_of(s, self.max_idf))
                self._scattered.setdefault(rarest, []).append((stems, key))
        #: First words of the names of several words: a window of the question that starts
        #: with another word (and no head noun, which a name may be rewritten around) is
        #: no name, whatever its length.
        self._first_words = frozenset(key.split(" ", 1)[0] for key in self._phrases if " " in key)
        #: One-word names that are names only after "the": "the change", "the clap", "the
        #: runs" (a mole that has changed is not the menopause).
        self._after_the = frozenset(self._single_forms) - bare
        #: Stem -> the topics whose title or aliases use it (``topics_named_by``).
        by_name_stem: dict[str, set[str]] = {}
        for topic_id, name_stems in self._name_stems.items():
            for name_stem in name_stems:
                by_name_stem.setdefault(name_stem, set()).add(topic_id)
        self._topics_by_name_stem = {k: frozenset(v) for k, v in by_name_stem.items()}
        self._defined_medicines = self._medicines_defined_once()
        #: Per topic, the stems of the medicines it defines: they count as its names when
        #: ranking (``name_coverage``), but the topic is not about them as it is about its
        #: names (a question about their side effects needs a sentence that says them).
        self._defined_stems: dict[str, frozenset[str]] = {}
        for word, topic_id in self._defined_medicines.items():
            known = self._defined_stems.get(topic_id, frozenset())
            self._defined_stems[topic_id] = known.union(analyse(word))
        vocabulary = self._vocabulary()
        self.speller = SpellingCorrector(vocabulary, self._correction_targets(vocabulary))
        digest = hashlib.sha256()
        for p in self.passages:
            digest.update(f"{p.source_id}\0{p.url}\0{p.text}\0".encode())
        self.version = "kb-" + digest.hexdigest()[:12]
        # A word's correction and weighting depend on the word alone, and questions share
        # most of their words: both are kept for the words seen most recently.
        self._correct = functools.lru_cache(maxsize=_WORD_CACHE)(self._correct_word)
        self._term = functools.lru_cache(maxsize=_WORD_CACHE)(self._term_of)

    def _medicines_defined_once(self) -> dict[str, str]:
        """Medicines no topic has as a name that one built-in topic says what they are
        ("Wellbutrin is a brand name for bupropion, an antidepressant", "escitalopram
        (Lexapro) is an SSRI"). Naming such a medicine names that topic, whichever others
        mention it in passing ("SNRIs such as venlafaxine and duloxetine, bupropion, ...")."""
        defined: dict[str, set[str]] = {}
        for p in self.passages:
            if p.origin != "kb":
                continue
            named = DRUG_NAMES.intersection(words(p.text))
            if not named:
                continue
            for sentence in p.sentences:
                lowered = sentence.lower()
                for word in named:
                    if word in lowered and defines(sentence, word, strict=True):
                        defined.setdefault(word, set()).add(p.topic_id)
        return {
            word: next(iter(topics))
            for word, topics in defined.items()
            if len(topics) == 1 and phrase_key(word) not in self._phrases
        }

    def _build_postings(self) -> None:
        """Tokenise every passage once and keep only counts, in flat int32 arrays.

        Sets ``_vocab``, the idf of every stem, the BM25 postings (per word id, the passages
        that use it and the precomputed float32 score, passages ascending) and each topic's
        sorted word ids.
        """
        vocab = self._vocab
        entry_words = array("i")  # per (passage, distinct word): the word id
        entry_counts = array("i")  # ... and how often the passage uses it
        entries_per_passage = array("i")
        lengths = array("i")  # tokens per passage
        for p in self.passages:
            tokens = analyse(
                f"{p.title} {p.title} {' '.join(p.aliases)} {p.heading} {p.question or ''} {p.text}"
            )
            counts = Counter(tokens)
            entry_words.extend([vocab.setdefault(t, len(vocab)) for t in counts])
            entry_counts.extend(counts.values())
            entries_per_passage.append(len(counts))
            lengths.append(len(tokens))
        n_docs = len(self.passages)
        n_words = len(vocab)
        terms = np.frombuffer(entry_words, dtype=np.int32)
        docs = np.repeat(
            np.arange(n_docs, dtype=np.int32), np.frombuffer(entries_per_passage, dtype=np.int32)
        )
        document_frequency = np.bincount(terms, minlength=n_words)
        #: Per word id: its idf, a Python float (scalar lookups of a list are the fastest).
        self._idf: list[float] = [
            math.log(1 + (n_docs - n + 0.5) / (n + 0.5)) for n in document_frequency.tolist()
        ]
        self.max_idf = math.log(1 + (n_docs + 0.5) / 0.5)

        # BM25 (Lucene): idf * tf / (tf + k1 * (1 - b + b * length / mean length)), in float64
        # and stored as float32, computed in slices to bound the temporaries.
        doc_lengths = np.frombuffer(lengths, dtype=np.int32)
        mean_length = doc_lengths.mean()
        idf32 = np.array(self._idf, dtype=np.float32)
        data = np.empty(len(terms), dtype=np.float32)
        step = 1 << 17
        for start in range(0, len(terms), step):
            part = slice(start, start + step)
            tf = np.frombuffer(entry_counts, dtype=np.int32)[part].astype(np.float64)
            length = doc_lengths[docs[part]].astype(np.float64)
            tfc = tf / (_BM25_K1 * ((1 - _BM25_B) + _BM25_B * length / mean_length) + tf)
            data[part] = idf32[terms[part]].astype(np.float64) * tfc
        order = np.argsort(terms, kind="stable")  # by word, passages ascending within each
        self._post_docs = docs[order]
        self._post_scores = data[order]
        self._post_start = np.zeros(n_words + 1, dtype=np.int64)
        np.cumsum(document_frequency, out=self._post_start[1:])
        del order, data

        # Each topic's distinct word ids, sorted: what "the topic uses this word" looks up.
        pairs = (self._topic_of[docs].astype(np.int64) << 32) | terms.astype(np.int64)
        pairs.sort()
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        self._topic_words = (pairs & 0xFFFFFFFF).astype(np.int32)
        self._topic_start = np.zeros(len(self.topic_ids) + 1, dtype=np.int64)
        np.cumsum(
            np.bincount(pairs >> 32, minlength=len(self.topic_ids)), out=self._topic_start[1:]
        )

    def _vocabulary(self) -> dict[str, int]:
        """Words a misspelling may be corrected to: our own topics' words and every name.

        Imported corpora contribute their titles and aliases only, which keeps the
        corrector small and stops it "correcting" towards rare words in long answers.
        """
        counts: Counter[str] = Counter()
        seen_topics: set[str] = set()
        for p in self.passages:
            if p.origin == "kb":
                counts.update(words(p.text))
            if p.topic_id not in seen_topics:
                seen_topics.add(p.topic_id)
                for name in (p.title, *p.aliases):
                    counts.update(words(name))
        counts.update({w: 1 for w in EXPANSIONS})
        return {w: n for w, n in counts.items() if w not in STOPWORDS and w.isalpha()}

    def _correction_targets(self, vocabulary: dict[str, int]) -> set[str]:
        """The medical words of the vocabulary, the only words a misspelling is corrected to:
        words of topic names, clinical words, medicine, test and procedure names of seven
        letters or more ("slice" is not the lice lotion Sklice), and words with a medical
        suffix. Lay words are left out ("banged" is not "bunged")."""
        names = {
            w
            for p in self.passages
            for name in (p.title, *p.aliases)
            for w in words(name)
            if w not in GENERIC_WORDS
        }
        long_names = {w for w in DRUG_NAMES | LAB_NAMES | PROCEDURE_NAMES if len(w) >= 7}
        clinical = {w for alternatives in EXPANSIONS.values() for w in alternatives}
        health = HEALTH_WORDS - AMBIGUOUS_WORDS
        return {
            w
            for w in vocabulary
            if w in names
            or w in long_names
            or w in clinical
            # Health words and their inflections, long ones even where a short word would be
            # ambiguous: "excersises" is "exercises" ("exercise" alone may be a right).
            or any(
                base in (HEALTH_WORDS if len(w) >= _MIN_AMBIGUOUS_TARGET else health)
                for base in inflection_bases(w)
            )
            or has_medical_suffix(w)
        }

    def __len__(self) -> int:
        return len(self.passages)

    def idf(self, stem_: str) -> float:
        return self._idf_of(stem_, self.max_idf)

    def _idf_of(self, stem_: str, default: float) -> float:
        word_id = self._vocab.get(stem_)
        return default if word_id is None else self._idf[word_id]

    def topic_uses(self, topic_id: str, stems: Iterable[str]) -> bool:
        """Does any passage of the topic use one of these stems?"""
        t = self._topic_index.get(topic_id)
        if t is None:
            return False
        ids = [i for s in stems if (i := self._vocab.get(s)) is not None]
        if not ids:
            return False
        used = self._topic_words[self._topic_start[t] : self._topic_start[t + 1]]
        found = np.searchsorted(used, ids)
        return any(f < len(used) and used[f] == i for f, i in zip(found.tolist(), ids, strict=True))

    def defined_stems(self, topic_id: str) -> frozenset[str]:
        """Stems of the medicines that only this topic says what they are (see
        ``_medicines_defined_once``)."""
        return self._defined_stems.get(topic_id, frozenset())

    def name_stems(self, topic_id: str) -> frozenset[str]:
        """Stems of a topic's title and aliases: what the topic is about, not what it mentions."""
        return self._name_stems.get(topic_id, frozenset())

    def topics_named_by(self, stems: Iterable[str]) -> set[str]:
        """The topics whose title or aliases use any of these stems."""
        found: set[str] = set()
        for name_stem in stems:
            found.update(self._topics_by_name_stem.get(name_stem, ()))
        return found

    def topic_passages(self, topic_id: str) -> list[Passage]:
        return [self.passages[i] for i in self._by_topic.get(topic_id, [])]

    def kind_of(self, topic_id: str) -> str | None:
        """The kind of one of our topics (condition, symptom...); None for imported ones."""
        return self._kinds.get(topic_id)

    def passage_for(self, topic_id: str, section: str) -> Passage | None:
        for i in self._by_topic.get(topic_id, []):
            if self.passages[i].section == section:
                return self.passages[i]
        return None

    # -- query analysis -------------------------------------------------------------------

    def analyse_query(self, question: str, ignore: frozenset[str] = frozenset()) -> Query:
        """Correct misspellings, find named topics and weigh each content word.

        ``ignore``: words of the question read as everyday words that say nothing about a
        health topic (see ``EVERYDAY_ABBREVIATIONS``), left out."""
        corrected: list[str] = []
        corrections: list[tuple[str, str]] = []
        typed = words(question)
        if ignore:
            typed = [w for w in typed if w not in ignore]
        for first, second in itertools.pairwise(typed):
            joined = first + second
            # "heat stroke", "chicken pox", "ear wax": our sources write one word.
            if len(joined) >= 7 and joined in self.speller and first not in STOPWORDS:
                corrections.append((f"{first} {second}", joined))
                corrected.append(joined)
        drinks = not _DRINK_WORDS.isdisjoint(typed)
        for i, word in enumerate(typed):
            following = typed[i + 1] if i + 1 < len(typed) else ""
            if (
                drinks
                and not _DRINK_WORDS.isdisjoint(typed[max(0, i - 3) : i])
                and _soft_drink_follows(typed, i)
            ):
                corrected.append(word)  # what someone drinks ("her squash") is not a typo
                continue
            fixed = _MISTYPED_BEFORE.get((word, following)) or self._correct(word)
            if fixed is not None and fixed != word:
                corrections.append((word, fixed))
                corrected.extend(fixed.split())
            else:
                corrected.append(word)
        corrected = _fit_idioms(_weight_stones(corrected))
        corrected = _read_fever(question, corrected)
        # A fit that is a seizure names seizures, not fitness, and still matches "a seizure
        # (fit or convulsion)"; getting fit is exercise, not coughing fits.
        naming = _fit_senses(corrected)
        if naming != corrected:
            corrected = [
                w
                for sense, typed_word in zip(naming, corrected, strict=True)
                for w in ((sense, typed_word) if sense.startswith("seizure") else (sense,))
            ]
        terms: list[QueryTerm] = []
        seen: set[str] = set()
        for word in corrected:
            if word in STOPWORDS or word in seen or word.isdigit():
                continue  # numbers are matched by BM25 but say nothing about the topic
            seen.add(word)
            terms.append(self._term(word))
        return Query(
            text=question,
            words=tuple(corrected),
            tokens=tuple(analyse_words(corrected, expand_lay_terms=True)),
            terms=tuple(terms),
            corrections=tuple(corrections),
            aliases=tuple(
                self._with_hypotheses(
                    self._with_defined(self._match_aliases(naming), typed), question
                )
            ),
        )

    def _with_defined(self, matches: list[AliasMatch], typed: list[str]) -> list[AliasMatch]:
        """A medicine one topic defines (see ``_medicines_defined_once``) names that topic,
        written as the question writes it: a correction is a guess ("lasik" is not Lasix)."""
        named = {m.topic_id for m in matches}
        for word in typed:
            topic_id = self._defined_medicines.get(word)
            if topic_id is not None and topic_id not in named:
                matches.append(AliasMatch(topic_id, word))
                named.add(topic_id)
        return matches

    def _with_hypotheses(self, matches: list[AliasMatch], question: str) -> list[AliasMatch]:
        """The condition a person guesses at ("always cold and tired, could it be anemia",
        "pale and tired all the time, low iron?") names the topics whose own names hold every
        word of the guess, as long as the guess is specific (a few topics at most)."""
        found = _HYPOTHESIS_RE.search(question.lower().replace("’", "'"))
        if found is None:
            return matches
        text = found.group(1) or found.group(2) or ""
        guess = [w for w in words(text) if w not in STOPWORDS and w not in GENERIC_WORDS]
        if not guess or len(guess) > 3 or any(w in _NOT_GUESSES for w in guess):
            return matches
        alternatives = [set(term_alternatives(w)) for w in guess]
        # The topics whose names hold some form of every word of the guess.
        topics = set(self.topics_named_by(alternatives[0]))
        for stems in alternatives[1:]:
            topics &= self.topics_named_by(stems)
        named = {m.topic_id for m in matches}
        if not topics or len(topics) > _MAX_HYPOTHESIS_TOPICS:
            return matches
        phrase = " ".join(guess)
        return matches + [
            AliasMatch(t, phrase, guess=True) for t in sorted(topics) if t not in named
        ]

    def term(self, word: str) -> QueryTerm:
        """One question word as a weighted term (see ``QueryTerm``)."""
        return self._term(word)

    def _term_of(self, word: str) -> QueryTerm:
        alternatives = term_alternatives(word)
        known = [a for a in alternatives if a in self._vocab]
        clinical = [a for a in alternatives[1:] if a in self._vocab] if word in EXPANSIONS else []
        everyday = None
        if clinical:
            weight = min(self._idf_of(a, 0.0) for a in clinical)
        elif known:
            weight = self._idf_of(known[0], 0.0)
        elif (everyday := self.speller.nearest(word)) is not None:
            # One edit from a word our sources use and not corrected to it ("shelf" is
            # not "shell"): an everyday word, weighed like its neighbour and, matching
            # nothing, no sign that the question is about something unknown.
            weight = self._idf_of(stem(everyday), self.max_idf)
        else:
            weight = self.max_idf
        factor = GENERIC_WEIGHT if word in GENERIC_WORDS or word in INTENT_WORDS else 1.0
        stem_weights = tuple(min(weight, self._idf_of(a, weight)) * factor for a in alternatives)
        return QueryTerm(
            word, alternatives, weight * factor, bool(known) or everyday is not None, stem_weights
        )

    def _correct_word(self, word: str) -> str | None:
        if word in STOPWORDS or word in EXPANSIONS or word in DRUG_NAMES:
            return None  # a medicine's name is spelt right, even where no source uses it
        if any(base in OFF_DOMAIN_WORDS or base in ANIMAL_WORDS for base in inflection_bases(word)):
            return None  # a word we know belongs elsewhere ("banks" is not "backs")
        if any(base in self.speller or base in EXPANSIONS for base in inflection_bases(word)):
            return None  # a word our sources use, or a form of one
        if stem(word) in self._vocab and len(word) < _MIN_CORRECTED_LENGTH:
            return None
        if word in self._compounds:
            return self._compounds[word]
        return self.speller.correct(word)

    def match_aliases(self, question: str) -> list[AliasMatch]:
        """Topics named in the question, longest phrase first, without overlapping words."""
        return list(self.analyse_query(question).aliases)

    def _match_aliases(self, question_words: Sequence[str]) -> list[AliasMatch]:
        """Names in the question as typed, and with lay words read as the clinical word they
        stand for ("kid has a fever" names "child fever")."""
        content = [w for w in question_words if w not in STOPWORDS]
        spans: list[tuple[int, int]] = []
        typed = [stem(w) for w in content]
        after_the = [
            i > 0 and question_words[i - 1] == "the"
            for i, w in enumerate(question_words)
            if w not in STOPWORDS
        ]
        # Positions where a one-word name cannot stand: after an unknown term, or a name
        # that needs "the" without it.
        blocked = (
            frozenset(i for i, _ in self._unknown_names(content))
            | frozenset(
                i for i, key in enumerate(typed) if key in self._after_the and not after_the[i]
            )
            | frozenset(_sensations(content))
        )
        matches = self._match_phrases(typed, spans, content, blocked)
        clinical_words = [EXPANSIONS[w][0] if w in EXPANSIONS else w for w in content]
        clinical = [
            stem(c) if w in EXPANSIONS else t
            for w, c, t in zip(content, clinical_words, typed, strict=True)
        ]
        seen = {(m.topic_id, m.phrase) for m in matches}
        named = {m.topic_id for m in matches}
        literal = list(spans)
        # A name typed out in several words outweighs one read into a single lay word ("stops
        # breathing when she sleeps and is always tired" names sleep apnea, not fatigue).
        typed_phrase = any(end - start > 1 for start, end in literal)
        for match, (start, end) in zip(
            *self._clinical_matches(clinical, clinical_words, blocked), strict=True
        ):
            if typed_phrase and end - start == 1:
                continue
            # A name read into words that already form a longer or equal name as typed is not
            # one ("stomach flu" names gastroenteritis; its "flu" does not name influenza).
            if any(a <= start and end <= b for a, b in literal):
                continue
            if (match.topic_id, match.phrase) not in seen and match.topic_id not in named:
                matches.append(match)
        return _without_parts(matches + self._scattered_matches(typed, clinical, matches))

    def _scattered_matches(
        self, typed: Sequence[str], clinical: Sequence[str], matches: Sequence[AliasMatch]
    ) -> list[AliasMatch]:
        """Topics with a name of three or more words that the question holds with its words
        apart or in another order: "baby had a high fever for 3 days, then a rash" names
        roseola ("rash after a high fever") as well as fever and rash, and the longer name
        then outranks the shorter ones it holds (see ``_without_parts``)."""
        named = {m.topic_id for m in matches}
        present = set(typed) | set(clinical)
        found: list[AliasMatch] = []
        for word in present:
            for parts, key in self._scattered.get(word, ()):
                if parts <= present:
                    found.extend(
                        AliasMatch(t, key) for t in sorted(self._phrases[key]) if t not in named
                    )
        return found

    def _clinical_matches(
        self, tokens: Sequence[str], forms: Sequence[str], blocked: frozenset[int]
    ) -> tuple[list[AliasMatch], list[tuple[int, int]]]:
        spans: list[tuple[int, int]] = []
        found = self._match_phrases(tokens, spans, forms, blocked, per_match=True)
        return found, spans

    def unknown_names(self, question_words: Sequence[str]) -> list[tuple[str, str]]:
        """Names of something the sources never mention, made of an unknown word and a
        one-word topic name after it: "pilonidal sinus", "lassa fever"."""
        content = [w for w in question_words if w not in STOPWORDS]
        return [(content[i - 1], content[i]) for i, _ in self._unknown_names(content)]

    def _unknown_names(self, content: Sequence[str]) -> list[tuple[int, str]]:
        """Positions of one-word topic names that follow a word no source uses, with that
        word. Such a name is the head of a longer name the sources do not know: "pilonidal
        sinus" is not the sinuses, and names neither sinusitis nor anything else."""
        found: list[tuple[int, str]] = []
        for i in range(1, len(content)):
            modifier = content[i - 1]
            key = stem(content[i])
            if (
                key in self._single_forms
                and self._same_form(content[i], key)
                and modifier.isalpha()
                and len(modifier) >= _MIN_MODIFIER_LENGTH
                and not modifier.endswith(_EVERYDAY_ENDINGS)
                and modifier not in GENERIC_WORDS
                and modifier not in EXPANSIONS
                and modifier not in MEDICINE_CUES
                and modifier not in MEDICINE_VERBS
                and modifier not in OFF_DOMAIN_WORDS
                and not self._term(modifier).known
                and not self._joins_known_words(modifier)
            ):
                found.append((i, modifier))
        return found

    def _joins_known_words(self, word: str) -> bool:
        """Is the word two words our sources use, written as one ("bullseye", "pinprick")?
        Such a word describes; it is not the name of something unknown."""
        vocab = self._vocab
        return any(
            stem(word[:k]) in vocab and stem(word[k:]) in vocab for k in range(3, len(word) - 2)
        )

    def _same_form(self, word: str, key: str) -> bool:
        """Is the question's word a form of a one-word name, not another word of its stem?

        A question's "-ing" word is the verb: "boiling" water is not "boils", "spotting" is
        not "spots"; it names the topic only when one of the topic's names has that form
        too ("coughing"). An "-ed" word names it when it is the name in the past tense
        ("burned", "fractured") or the topic has such a form ("stressed", "fainted"), but
        "spotted" is not "spots".
        """
        forms = self._single_forms.get(key, set())
        if word in forms:
            return True
        if word.endswith("ing") and len(word) >= 6:
            return any(f.endswith("ing") for f in forms)
        if word.endswith("ed") and len(word) >= 5:
            # "burned" and "fractured" are the name itself; "spotted" is not "spots".
            return any(f.endswith(("ing", "ed")) for f in forms) or bool(
                {word[:-2], word[:-1]} & forms
            )
        return True

    def _match_phrases(
        self,
        tokens: Sequence[str],
        spans: list[tuple[int, int]],
        forms: Sequence[str],
        blocked: frozenset[int] = frozenset(),
        *,
        per_match: bool = False,
    ) -> list[AliasMatch]:
        """Names among the tokens, longest first, without overlapping words. ``forms`` are
        the words the tokens were stemmed from; no one-word name stands at a position in
        ``blocked``. ``spans`` gains the (start, end) of each name found, once per name or,
        with ``per_match``, once per returned match."""
        candidates: list[tuple[int, bool, int, str]] = []
        phrases = self._phrases
        # Positions of head nouns ("meds", "jab"): only a window holding one has a canonical
        # form of its own, so the others skip building it.
        heads = [i for i, form in enumerate(forms) if form in HEAD_NOUNS]
        first_words = self._first_words
        for start in range(len(tokens)):
            token = tokens[start]
            if token in phrases and start not in blocked and self._same_form(forms[start], token):
                candidates.append((start, False, 1, token))
            # A name of several words starts with one of the names' first words, unless a
            # head noun here is rewritten ("medicine for dementia" is "dementia medicine").
            if token not in first_words and forms[start] not in HEAD_NOUNS:
                continue
            for n in range(2, min(_MAX_PHRASE_WORDS, len(tokens) - start) + 1):
                window = tokens[start : start + n]
                phrase = " ".join(window)
                if not any(start <= i < start + n for i in heads):
                    if phrase in phrases:
                        headed = not _KIND_STEMS.isdisjoint(window)
                        candidates.append((start, headed, n, phrase))
                    continue
                canonical = _canonical(window, forms[start : start + n])
                if canonical not in phrases and forms[start] in HEAD_NOUNS:
                    # "medicine for dementia" is "dementia medicine".
                    first, *rest = canonical.split()
                    canonical = " ".join((*rest, first))
                if phrase in self._phrases or canonical in self._phrases:
                    headed = not _KIND_STEMS.isdisjoint(canonical.split())
                    key = phrase if phrase in self._phrases else canonical
                    candidates.append((start, headed, n, key))
        # Longest first; of two names of one length that overlap, the one with a head noun
        # ("acid reflux medicine" is "reflux medicine" before it is "acid reflux").
        candidates.sort(key=lambda c: (-c[2], not c[1], c[0]))
        taken: set[int] = set()
        matches: list[AliasMatch] = []
        for start, headed, n, phrase in candidates:
            end = start + n
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
            found = [AliasMatch(t, phrase, headed=headed) for t in sorted(self._phrases[phrase])]
            matches.extend(found)
            spans.extend([(start, end)] * (len(found) if per_match else 1))
        return matches

    # -- scoring ---------------------------------------------------------------------------

    def scores(
        self,
        question: str | Query,
        *,
        intent: str | None = None,
        topics: Sequence[str] = (),
    ) -> np.ndarray:
        """Boosted BM25 scores of every passage for the question."""
        query = question if isinstance(question, Query) else self.analyse_query(question)
        if not query.tokens:
            # Punctuation or stop words only: nothing to match.
            return np.zeros(len(self.passages))
        scores = self._bm25_scores(query.tokens).astype(np.float64)
        if topics:
            wanted = [self._topic_index[t] for t in set(topics) if t in self._topic_index]
            wanted_topic = np.zeros(len(self.topic_ids), dtype=bool)
            wanted_topic[wanted] = True
            mask = wanted_topic[self._topic_of]
            scores = np.where(mask, scores * ALIAS_BOOST + 1e-3, scores)
        guessed = [self._topic_index[m.topic_id] for m in query.aliases if m.guess]
        if guessed and HYPOTHESIS_BOOST != 1.0:
            guessed_topic = np.zeros(len(self.topic_ids), dtype=bool)
            guessed_topic[guessed] = True
            scores = np.where(guessed_topic[self._topic_of], scores * HYPOTHESIS_BOOST, scores)
        in_section = self._in_section.get(intent) if intent is not None else None
        if in_section is not None:
            scores = np.where(in_section, scores * INTENT_BOOST, scores)
        return scores

    def _bm25_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 of every passage, float32, each query token added in turn (repeats count)."""
        scores = np.zeros(len(self.passages), dtype=np.float32)
        starts = self._post_start
        spans = [
            slice(starts[word_id], starts[word_id + 1])
            for token in tokens
            if (word_id := self._vocab.get(token)) is not None
        ]
        if len(spans) == 1:
            scores[self._post_docs[spans[0]]] = self._post_scores[spans[0]]
        elif spans:
            # One unbuffered add of every token's postings, in token order: the same float32
            # sums as adding token by token, in one call.
            np.add.at(
                scores,
                np.concatenate([self._post_docs[span] for span in spans]),
                np.concatenate([self._post_scores[span] for span in spans]),
            )
        return scores

    def search(
        self,
        question: str,
        *,
        limit: int = 5,
        intent: str | None = None,
        topics: Sequence[str] = (),
    ) -> list[Hit]:
        scores = self.scores(question, intent=intent, topics=topics)
        return self.top(scores, limit)

    def top(self, scores: np.ndarray, limit: int) -> list[Hit]:
        limit = min(limit, len(scores))
        if limit <= 0:
            return []
        candidates = np.argpartition(-scores, limit - 1)[:limit]
        ordered = candidates[np.lexsort((candidates, -scores[candidates]))]
        return [
            Hit(self.passages[int(i)], float(scores[i]), int(i)) for i in ordered if scores[i] > 0
        ]

    def best_topics(self, scores: np.ndarray, limit: int = 32) -> list[tuple[str, float]]:
        """The best ``limit`` topics, best first, each scored by its best passage plus
        ``SECOND_PASSAGE_WEIGHT`` times its second best: a topic that matches the question in
        two sections is more likely to be the one it is about."""
        positive = np.flatnonzero(scores > 0)
        if positive.size == 0:
            return []
        if positive.size > _TOPIC_POOL:
            positive = positive[np.argpartition(-scores[positive], _TOPIC_POOL - 1)[:_TOPIC_POOL]]
        # One sort by topic, then by score downwards: each topic's passages sit together,
        # its best first and its second best next (their order among equal scores does
        # not change either value).
        pool = scores[positive]
        topics = self._topic_of[positive]
        order = np.lexsort((-pool, topics))
        grouped = topics[order]
        ranked = pool[order]
        n = len(order)
        starts = np.flatnonzero(np.concatenate(([True], grouped[1:] != grouped[:-1])))
        ends = np.append(starts[1:], n)
        first_topics = grouped[starts]
        second = np.where(ends - starts > 1, ranked[np.minimum(starts + 1, n - 1)], 0.0)
        totals = ranked[starts].astype(np.float64) + SECOND_PASSAGE_WEIGHT * second.astype(
            np.float64
        )
        # first_topics ascends, so a stable sort breaks ties by topic as lexsort did.
        best = np.argsort(-totals, kind="stable")[:limit]
        return [
            (self.topic_ids[t], score)
            for t, score in zip(first_topics[best].tolist(), totals[best].tolist(), strict=True)
        ]

    def topic_scores(
        self, scores: np.ndarray, query: Query | None = None
    ) -> list[tuple[str, float]]:
        """Topics best first: BM25 of the best passage, re-ordered by coverage of the query.

        The top few BM25 topics are re-scored as ``bm25 * (1 + w * coverage^2 + v * named)``:
        BM25 keeps its say on how well a passage matches, a topic that covers every concept of
        the question beats one that repeats a single word, and a topic whose name covers more
        of the question beats one that only mentions it. A topic named as a medicine, vaccine
        or test ("can thyroid pills cause palpitations") is then multiplied by
        ``HEAD_BOOST``: the question is about that, not the condition it is for.
        """
        ranked = self.best_topics(scores)
        if query is None or not query.terms or len(ranked) < 2:
            return ranked
        head = ranked[:RERANK_DEPTH]
        term_ids = self._term_ids(query)
        headed = {m.topic_id for m in query.aliases if m.headed}
        rescored = [
            (
                t,
                s
                * (
                    1.0
                    + COVERAGE_WEIGHT * self._coverage(query, t, term_ids) ** 2
                    + NAME_WEIGHT * self.name_coverage(query, t)
                )
                * (HEAD_BOOST if t in headed else 1.0),
            )
            for t, s in head
        ]
        rescored.sort(key=lambda pair: -pair[1])
        return rescored + ranked[RERANK_DEPTH:]

    def name_coverage(self, query: Query, topic_id: str) -> float:
        """Share of the question's weight that the topic's title and aliases cover."""
        total = query.total_weight
        if total <= 0:
            return 0.0
        names = self.name_stems(topic_id) | self._defined_stems.get(topic_id, frozenset())
        return sum(t.weight for t in query.terms if not names.isdisjoint(t.stems)) / total

    def coverage(self, query: Query, topic_id: str) -> float:
        """Share of the question's weight (idf) whose words the topic uses anywhere."""
        return self._coverage(query, topic_id, self._term_ids(query))

    def _term_ids(self, query: Query) -> list[list[int]]:
        """Per question word, the word ids of its stems that the index knows."""
        vocab = self._vocab
        return [[i for s in term.stems if (i := vocab.get(s)) is not None] for term in query.terms]

    def _coverage(self, query: Query, topic_id: str, term_ids: list[list[int]]) -> float:
        total = query.total_weight
        if total <= 0:
            return 0.0
        t = self._topic_index.get(topic_id)
        ids = [i for group in term_ids for i in group]
        if t is None or not ids:
            return 0.0
        present: frozenset[int] | set[int] | None = self._kb_topic_words.get(t)
        if present is None:
            used = self._topic_words[self._topic_start[t] : self._topic_start[t + 1]]
            if not len(used):
                return 0.0
            # One sorted lookup of every stem of the question, not one per question word.
            at = np.minimum(np.searchsorted(used, ids), len(used) - 1)
            present = set(np.asarray(ids)[used[at] == ids].tolist())
        covered = sum(
            term.weight
            for term, group in zip(query.terms, term_ids, strict=True)
            if not present.isdisjoint(group)
        )
        return covered / total
