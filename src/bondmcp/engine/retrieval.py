"""Lexical retrieval over passages: BM25 (bm25s) plus topic and intent signals.

BM25 alone ranks on shared words. Two signals make it fit consumer questions: a topic
named by one of its aliases ("sugar diabetes", "pink eye") lifts that topic's passages,
and the question's intent ("what causes...") lifts the matching section. Both are
multiplicative so they reorder strong candidates without inventing weak ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from bondmcp.engine.passages import Passage
from bondmcp.engine.text import analyse, normalise_phrase

ALIAS_BOOST = 2.0
INTENT_BOOST = 1.6
_MAX_PHRASE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Hit:
    passage: Passage
    score: float
    index: int


@dataclass(frozen=True, slots=True)
class AliasMatch:
    topic_id: str
    phrase: str


class PassageIndex:
    """An immutable BM25 index over passages; build a new one when content changes."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        if not passages:
            raise ValueError("cannot index an empty set of passages")
        self.passages: list[Passage] = list(passages)
        corpus = [
            analyse(
                f"{p.title} {p.title} {' '.join(p.aliases)} {p.heading} {p.question or ''} {p.text}"
            )
            for p in self.passages
        ]
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus, show_progress=False)
        self.topic_ids: list[str] = sorted({p.topic_id for p in self.passages})
        topic_index = {t: i for i, t in enumerate(self.topic_ids)}
        self._topic_of = np.array([topic_index[p.topic_id] for p in self.passages], dtype=np.int32)
        self._sections = np.array([p.section for p in self.passages], dtype=object)
        self._by_topic: dict[str, list[int]] = {}
        self._topic_stems: dict[str, frozenset[str]] = {}
        stems: dict[str, set[str]] = {}
        for i, (p, tokens) in enumerate(zip(self.passages, corpus, strict=True)):
            self._by_topic.setdefault(p.topic_id, []).append(i)
            stems.setdefault(p.topic_id, set()).update(tokens)
        self._topic_stems = {t: frozenset(s) for t, s in stems.items()}
        self._phrases: dict[str, set[str]] = {}
        for p in self.passages:
            for phrase in (p.title, *p.aliases):
                key = normalise_phrase(phrase)
                if key:
                    self._phrases.setdefault(key, set()).add(p.topic_id)
        digest = hashlib.sha256()
        for p in self.passages:
            digest.update(f"{p.source_id}\0{p.url}\0{p.text}\0".encode())
        self.version = "kb-" + digest.hexdigest()[:12]

    def __len__(self) -> int:
        return len(self.passages)

    def topic_stems(self, topic_id: str) -> frozenset[str]:
        return self._topic_stems.get(topic_id, frozenset())

    def topic_passages(self, topic_id: str) -> list[Passage]:
        return [self.passages[i] for i in self._by_topic.get(topic_id, [])]

    def passage_for(self, topic_id: str, section: str) -> Passage | None:
        for i in self._by_topic.get(topic_id, []):
            if self.passages[i].section == section:
                return self.passages[i]
        return None

    def match_aliases(self, question: str) -> list[AliasMatch]:
        """Topics named in the question, longest phrase first, without overlapping words."""
        tokens = normalise_phrase(question).split()
        candidates: list[tuple[int, int, str]] = []
        for n in range(min(_MAX_PHRASE_WORDS, len(tokens)), 0, -1):
            for start in range(len(tokens) - n + 1):
                phrase = " ".join(tokens[start : start + n])
                if phrase in self._phrases:
                    candidates.append((start, start + n, phrase))
        taken: set[int] = set()
        matches: list[AliasMatch] = []
        for start, end, phrase in candidates:  # already longest first
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
            matches.extend(AliasMatch(t, phrase) for t in sorted(self._phrases[phrase]))
        return matches

    def scores(
        self, question: str, *, intent: str | None = None, topics: Sequence[str] = ()
    ) -> np.ndarray:
        """Boosted BM25 scores of every passage for the question."""
        tokens = analyse(question, expand_lay_terms=True)
        if not tokens:  # nothing indexable (only stop words, symbols or other scripts)
            return np.zeros(len(self.passages))
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float64)
        if topics:
            wanted = [self.topic_ids.index(t) for t in set(topics) if t in self._by_topic]
            mask = np.isin(self._topic_of, wanted)
            scores = np.where(mask, scores * ALIAS_BOOST + 1e-3, scores)
        if intent is not None:
            scores = np.where(self._sections == intent, scores * INTENT_BOOST, scores)
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

    def topic_scores(self, scores: np.ndarray) -> list[tuple[str, float]]:
        """Each topic's best passage score, best topic first."""
        best = np.zeros(len(self.topic_ids))
        np.maximum.at(best, self._topic_of, scores)
        order = np.argsort(-best, kind="stable")
        return [(self.topic_ids[int(i)], float(best[i])) for i in order if best[i] > 0]
