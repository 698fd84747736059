"""Scope: is this a health question at all?

A question is in scope when it names a topic we know, uses health vocabulary, or was
triaged as urgent. Everything else gets a polite redirect rather than a guess dressed up
as a medical answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from bondmcp.engine.lexicon import HEALTH_WORDS
from bondmcp.engine.text import stem, words

#: Words from topic titles and aliases too general to signal health on their own.
_GENERIC = frozenset(
    """type high low common adult onset acute chronic disease disorder syndrome test tests
    general normal simple little big small long short new old first second early late
    left right upper lower back front hand head test check""".split()
)


class ScopeDetector:
    def __init__(self, topic_vocabulary: Iterable[str] = ()) -> None:
        vocab = {stem(w) for w in HEALTH_WORDS}
        for phrase in topic_vocabulary:
            for word in words(phrase):
                if len(word) >= 4 and word not in _GENERIC and not word.isdigit():
                    vocab.add(stem(word))
        self._vocab = frozenset(vocab)

    def health_terms(self, question: str) -> list[str]:
        return [w for w in words(question) if stem(w) in self._vocab]

    def in_scope(self, question: str) -> bool:
        return bool(self.health_terms(question))
