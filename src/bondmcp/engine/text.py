"""Tokenisation shared by indexing, query analysis and scope detection.

One analyser for documents and queries keeps BM25 honest: lower-case word tokens,
English stop words removed, Snowball-stemmed, and lay words mapped to the clinical words
our sources use ("peeing" is looked up as "urinate"). People misspell medical words
("diabetis", "exzema"), so queries are first corrected against the vocabulary of the
loaded passages; a word is only ever corrected to a word our sources actually use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from bondmcp.engine.lexicon import EXPANSIONS, STOPWORDS

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
#: A letter and a number joined by a hyphen are one name: "B-12" is B12, "D-3" is D3.
_LETTER_NUMBER_RE = re.compile(r"\b([a-z])-(\d{1,2})\b")
_stemmer = Stemmer.Stemmer("english")

#: Words shorter than this are never corrected: too many short words are one edit apart.
_MIN_CORRECTABLE = 5
#: Nor, unknown to the vocabulary, shorter than this: "sleet", "shelf", "drank" and
#: "padel" are words of their own far more often than typos of "sleep", "shell", "drink"
#: and "panel".
_MIN_TYPO_LENGTH = 6
#: Inflected words shorter than this are left alone too: "heaving", "foaming" and
#: "snipped" are everyday verbs, not typos of "hearing", "forming" and "skipped".
_MIN_INFLECTED_TYPO_LENGTH = 9
#: Words this long are also matched two edits away through two deletions of their own.
_MIN_TWO_DELETE_LENGTH = 9


def words(text: str) -> list[str]:
    """Lower-case word tokens, apostrophe suffixes dropped ("crohn's" -> "crohn")."""
    text = text.lower().replace("’", "'")
    if "-" in text:
        text = _LETTER_NUMBER_RE.sub(r"\1\2", text)
    return [w.split("'")[0] for w in _WORD_RE.findall(text)]


#: Words Snowball would merge with an unrelated word: "prostatitis" and "prostate" both
#: become "prostat", "sty" (an eyelid bump) and "STI" both "sti", "teething" and "teeth"
#: both "teeth" (an adult's teeth are not teething).
_STEM_EXCEPTIONS = {
    "prostatitis": "prostatitis",
    "sty": "stye",
    "styes": "stye",
    "teething": "teething",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEM_EXCEPTIONS.get(word) or str(_stemmer.stemWord(word))


#: What follows a name in a sentence that says what the named thing is: "X, an ...",
#: "X, which ...", "X is a ...", with up to two words or a bracketed name between
#: ("Hashimoto's disease, an autoimmune condition", "ivermectin lotion (Sklice) is a").
_DEFINING_TAIL = (
    r"(?: (?:\w+|\([^()]*\))){0,3}(?:, (?:an?|the|which|who)\b| (?:is|are|means) (?:an?|the)\b)"
)
#: The same said of the name itself, with only its other names in brackets between:
#: "X, an ...", "X (Brand) is a ...".
_STRICT_DEFINING_TAIL = r"(?: \([^()]*\))?(?:, an?\b| (?:is|are) an?\b)"


@lru_cache(maxsize=4096)
def _definition_pattern(name: str, strict: bool) -> re.Pattern[str]:
    n = re.escape(name)
    tail = _STRICT_DEFINING_TAIL if strict else _DEFINING_TAIL
    return re.compile(
        # The name (or a hyphenated name it starts, "Retin-A"), or the name in brackets
        # after another name ("escitalopram (Lexapro) is an SSRI" defines Lexapro too).
        rf"(?:\b{n}[\w-]*(?:'s)?|\([^()]*\b{n}[\w-]*[^()]*\)){tail}",
        re.IGNORECASE,
    )


def defines(sentence: str, name: str, *, strict: bool = False) -> bool:
    """Whether the sentence says what ``name`` (one word) is: "Lexapro is a brand name for
    escitalopram, an SSRI" defines both names, and "escitalopram (Lexapro) is an SSRI" does
    too. ``strict``: only where the name itself is said to be something ("X, an ...", "X is
    a ..."), not a phrase it begins ("X levels, which ...")."""
    return _definition_pattern(name, strict).search(sentence) is not None


def analyse(text: str, *, expand_lay_terms: bool = False) -> list[str]:
    """Tokens for BM25: stop words out, lay terms expanded (queries only), stemmed."""
    return analyse_words(words(text), expand_lay_terms=expand_lay_terms)


def analyse_words(tokens: Iterable[str], *, expand_lay_terms: bool = False) -> list[str]:
    analysed: list[str] = []
    for word in tokens:
        if word in STOPWORDS:
            continue
        base = stem(word)
        analysed.append(base)
        if expand_lay_terms and word in EXPANSIONS:
            # One lay word adds each clinical stem once, so it never outweighs a real term.
            analysed.extend(dict.fromkeys(s for w in EXPANSIONS[word] if (s := stem(w)) != base))
    return analysed


def term_alternatives(word: str) -> tuple[str, ...]:
    """The stems that count as a match for one question word: its own and its lay meanings."""
    return (stem(word), *(stem(w) for w in EXPANSIONS.get(word, ())))


def content_terms(text: str) -> list[tuple[str, ...]]:
    """Each content word of a question as the set of stems that would count as a match."""
    return [term_alternatives(w) for w in words(text) if w not in STOPWORDS]


def normalise_phrase(text: str) -> str:
    """Canonical form used to match alias phrases: lower-case words joined by single spaces."""
    return " ".join(words(text))


_PARENTHESIS_RE = re.compile(r"\(([^)]*)\)")


def name_variants(name: str) -> list[str]:
    """A title and the names inside and outside its parentheses.

    "Whooping cough (pertussis)" is also called "whooping cough" and "pertussis".
    """
    variants = [name]
    inner = _PARENTHESIS_RE.findall(name)
    if inner:
        outer = " ".join(_PARENTHESIS_RE.sub(" ", name).split())
        variants.extend(v for v in (outer, *inner) if v.strip())
    return variants


def phrase_key(text: str) -> str:
    """Stemmed content words of a phrase, so "a blood clot in your legs" matches the alias
    "blood clot in the leg"."""
    return " ".join(stem(w) for w in words(text) if w not in STOPWORDS)


@lru_cache(maxsize=65536)
def inflection_bases(word: str) -> tuple[str, ...]:
    """The word and its likely uninflected forms ("pooped" -> "poop", "clogs" -> "clog").

    Used where Snowball stems are too aggressive (it maps "tired" and "tire" together).
    Remembered per word, like ``stem``: scope asks it of every word of every question.
    """
    bases = [word]
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + replacement
            bases.append(base)
            if len(base) > 3 and base[-1] == base[-2] and replacement == "":
                bases.append(base[:-1])  # "stopped" -> "stopp" -> "stop"
    return tuple(dict.fromkeys(bases))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class SpellingCorrector:
    """Corrects a word to the closest word of a known vocabulary (symmetric-delete lookup).

    Each vocabulary word is stored under itself and its one-letter deletions, so a query
    word finds candidates one or two edits away with a handful of dictionary lookups
    instead of a scan (a long word also looks up its two-letter deletions). Ties go to the
    more frequent word.

    ``targets`` limits what a word may be corrected *to* (by default, the whole vocabulary).
    Everyday English is dense: "barely" is one edit from "barley", "slurring" from
    "blurring", "heaving" from "hearing", so a word the vocabulary lacks is far more often a
    real word of another subject than a misspelling of an everyday word it has. People
    misspell the medical words (leukemia, tinnitus, minoxidil), and those are the targets;
    :meth:`nearest` still finds the everyday neighbour, which says the word is most likely
    an everyday one.
    """

    def __init__(self, vocabulary: dict[str, int], targets: Iterable[str] | None = None) -> None:
        self._frequency = {w: n for w, n in vocabulary.items() if len(w) >= _MIN_CORRECTABLE}
        self._targets = frozenset(self._frequency if targets is None else targets)
        # A key names one word far more often than several: the word itself is stored then,
        # a tuple otherwise (a list per key would double the corrector's memory).
        self._index: dict[str, str | tuple[str, ...]] = {}
        for word in self._frequency:
            for key in (word, *_deletes(word)):
                found = self._index.get(key)
                if found is None:
                    self._index[key] = word
                elif isinstance(found, str):
                    self._index[key] = (found, word)
                else:
                    self._index[key] = (*found, word)

    def __contains__(self, word: str) -> bool:
        return word in self._frequency

    def correct(self, word: str) -> str | None:
        """The best correction to a target word, or ``None`` when none is close enough or
        the word is more likely a word of its own than a typo."""
        if len(word) < _MIN_TYPO_LENGTH:
            return None
        if len(word) < _MIN_INFLECTED_TYPO_LENGTH and word.endswith(("ing", "ed")):
            return None
        ranked = self._ranked(word)
        nearest = next((candidate for *_, candidate in ranked if candidate in self._targets), None)
        if nearest is None or nearest != ranked[0][2]:
            return None  # closer to an everyday word than to any medical one
        return nearest

    def _found(self, keys: Iterable[str]) -> set[str]:
        """The vocabulary words stored under any of the keys."""
        candidates: set[str] = set()
        for key in keys:
            found = self._index.get(key)
            if isinstance(found, str):
                candidates.add(found)
            elif found is not None:
                candidates.update(found)
        return candidates

    def nearest(self, word: str) -> str | None:
        """The closest vocabulary word of any kind within the correction distance."""
        ranked = self._ranked(word)
        return ranked[0][2] if ranked else None

    def _ranked(self, word: str) -> list[tuple[int, int, str]]:
        """The vocabulary words within the correction distance, nearest (then most
        frequent) first, each as (distance, -frequency, word)."""
        if len(word) < _MIN_CORRECTABLE or word in self._frequency or not word.isalpha():
            return []
        limit = 1 if len(word) < 8 else 2
        keys = {word, *_deletes(word)}
        candidates = self._found(keys)
        if len(word) >= _MIN_TWO_DELETE_LENGTH:
            # Two edits that share no one-letter deletion ("excersises" and "exercises"):
            # the word's two-letter deletions meet the vocabulary's one-letter ones. Only
            # long words, only to a word with the same first letter (English has many real
            # words that far apart: "population" and "ovulation"), and not to a word it
            # merely extends ("enalaprilat" is a medicine of its own, not "enalapril").
            further = self._found({two for one in keys for two in _deletes(one)})
            candidates |= {
                c
                for c in further
                if c[0] == word[0] and not word.startswith(c) and not c.startswith(word)
            }
        ranked: list[tuple[int, int, str]] = []
        for candidate in candidates:
            if candidate[0] != word[0] and len(word) < 8:
                continue  # short words: people rarely get the first letter wrong
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                ranked.append((distance, -self._frequency[candidate], candidate))
        ranked.sort()
        return ranked
