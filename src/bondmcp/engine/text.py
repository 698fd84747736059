"""Tokenisation shared by indexing, query analysis and scope detection.

One analyser for documents and queries keeps BM25 honest: lower-case word tokens,
English stop words removed, Snowball-stemmed, and lay words mapped to the clinical words
our sources use ("peeing" is looked up as "urinate").
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from bondmcp.engine.lexicon import LAY_TERMS, STOPWORDS

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_stemmer = Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case word tokens, apostrophe suffixes dropped ("crohn's" -> "crohn")."""
    return [w.split("'")[0] for w in _WORD_RE.findall(text.lower().replace("’", "'"))]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def analyse(text: str, *, expand_lay_terms: bool = False) -> list[str]:
    """Tokens for BM25: stop words out, lay terms expanded (queries only), stemmed."""
    tokens: list[str] = []
    for word in words(text):
        if word in STOPWORDS:
            continue
        base = stem(word)
        tokens.append(base)
        if expand_lay_terms and word in LAY_TERMS:
            # One lay word adds each clinical stem once, so it never outweighs a real term.
            tokens.extend(dict.fromkeys(s for w in LAY_TERMS[word] if (s := stem(w)) != base))
    return tokens


def content_terms(text: str) -> list[tuple[str, ...]]:
    """Each content word of a question as the set of stems that would count as a match."""
    terms: list[tuple[str, ...]] = []
    for word in words(text):
        if word in STOPWORDS:
            continue
        terms.append((stem(word), *(stem(w) for w in LAY_TERMS.get(word, ()))))
    return terms


def normalise_phrase(text: str) -> str:
    """Canonical form used to match alias phrases: lower-case words joined by single spaces."""
    return " ".join(words(text))
