"""The emergency-wording model: triage's third layer, after the phrase rules and red flags.

Rules catch the wordings someone wrote down; the questions of each new evaluation batch kept
describing emergencies in other words ("his ticker feels like it's being wrung out", "cnt get
my breath"). This model scores how much a question reads like the emergencies of the tune
split, from the character 3- to 5-grams inside its words, so misspellings, slang and new
combinations of familiar words still count. It is a logistic regression over TF-IDF features,
fitted by ``bench/fit_triage_model.py`` and stored as plain numbers in ``triage_model.json``;
scoring it here needs no machine-learning library, and the test suite checks this scorer
against scikit-learn's.

It only ever adds a flag: a question the rules find routine and that is not an impersonal
information request gets emergency guidance when the probability reaches the fitted threshold.
It never clears a flag.

The same features feed the category model (ADR 0017), a multinomial logistic regression fitted
on the tune emergencies: for a flagged question it names the triage category when that
category's probability reaches its own threshold: the general guidance then cites that category
and adds its one step that holds in any emergency ("note the time" for a stroke).
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("triage_model.json")
#: Distinct words whose features are remembered (about 200 bytes each).
_WORD_CACHE = 16384


@dataclass(frozen=True, slots=True)
class CategoryModel:
    """Which triage category a flagged question describes: one logistic score per category
    over the wording model's features (a row of ``coefficients`` per n-gram that has any)."""

    names: tuple[str, ...]
    intercepts: np.ndarray
    coefficients: np.ndarray
    #: n-gram -> its row in ``coefficients``
    rows: dict[str, int]
    threshold: float
    #: Categories never named (the prompt-care ones): their questions keep general guidance.
    not_named: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CategoryModel:
        """The model from the file's form: n-grams, and their coefficients as one base64
        little-endian float32 matrix, a row per n-gram and a column per category."""
        names = tuple(data["names"])
        ngrams = data["ngrams"]
        raw = base64.b64decode(data["coefficients"])
        coefficients = np.frombuffer(raw, dtype="<f4").reshape(len(ngrams), len(names))
        return cls(
            names,
            np.array(data["intercepts"], dtype=float),
            coefficients.astype(float),
            {ngram: row for row, ngram in enumerate(ngrams)},
            float(data["threshold"]),
            frozenset(data.get("not_named", ())),
        )

    def probabilities(self, weighted: dict[str, float]) -> dict[str, float]:
        """P(category) for each category, from a question's normalised tf-idf values."""
        found = [(self.rows[g], v) for g, v in weighted.items() if g in self.rows]
        scores = self.intercepts.copy()
        if found:
            index, values = zip(*found, strict=True)
            scores += np.asarray(values) @ self.coefficients[list(index)]
        exp = np.exp(scores - scores.max())
        shares = exp / exp.sum()
        return {name: float(p) for name, p in zip(self.names, shares, strict=True)}

    def name(self, weighted: dict[str, float]) -> str | None:
        """The category to name, or None when no nameable one is likely enough."""
        probabilities = self.probabilities(weighted)
        best = max(probabilities, key=probabilities.__getitem__)
        if probabilities[best] < self.threshold or best in self.not_named:
            return None
        return best


@dataclass(frozen=True, slots=True)
class WordingModel:
    #: n-gram -> (idf, coefficient, the n-gram itself)
    features: dict[str, tuple[float, float, str]]
    intercept: float
    threshold: float
    low: int
    high: int
    categories: CategoryModel | None = None
    #: Each distinct word's features, as ``_word_features`` found them.
    _by_word: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> WordingModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WordingModel:
        """The model from the file's form (what ``bench/fit_triage_model.py`` writes)."""
        low, high = data["ngram_range"]
        features = {ngram: (row[0], row[1], ngram) for ngram, row in data["features"].items()}
        categories = CategoryModel.from_dict(data["categories"]) if "categories" in data else None
        return cls(
            features, float(data["intercept"]), float(data["threshold"]), low, high, categories
        )

    def probability(self, text: str) -> float:
        """P(emergency or urgent) for a question.

        The features are character n-grams inside words, each word padded with a space on
        both sides (scikit-learn's ``char_wb``), so a word always yields the same features:
        they are found once per distinct word (``_word_features``) and counted over the
        question's words, which gives the counts and tf-idf of the whole question.
        """
        counts = self._counts(text)
        features = self.features
        dot = norm = 0.0
        for ngram, count in counts.items():
            idf, coefficient, _ = features[ngram]
            value = (1.0 + math.log(count)) * idf if count > 1 else idf
            norm += value * value
            dot += value * coefficient
        logit = self.intercept + (dot / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-logit))

    def category(self, text: str) -> str | None:
        """The triage category the category model names for a question, if any."""
        if self.categories is None:
            return None
        return self.categories.name(self.weighted(text))

    def weighted(self, text: str) -> dict[str, float]:
        """The question's tf-idf values, normalised to unit length (what the models read)."""
        values = {
            ngram: (1.0 + math.log(count)) * self.features[ngram][0]
            for ngram, count in self._counts(text).items()
        }
        norm = math.sqrt(sum(v * v for v in values.values()))
        return {ngram: v / norm for ngram, v in values.items()} if norm else {}

    def _counts(self, text: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for word in text.lower().split():
            for ngram in self._word_features(word):
                counts[ngram] = counts.get(ngram, 0) + 1
        return counts

    def _word_features(self, word: str) -> tuple[str, ...]:
        """The model's n-grams in one padded word, with repeats (" aaa " holds "aa" twice)."""
        cached = self._by_word.get(word)
        if cached is None:
            padded = f" {word} "
            features = self.features
            # The model's own strings, so that the memo holds references, not copies.
            cached = tuple(
                features[ngram][2]
                for n in range(self.low, self.high + 1)
                for i in range(len(padded) - n + 1)
                if (ngram := padded[i : i + n]) in features
            )
            if len(self._by_word) >= _WORD_CACHE:
                self._by_word.clear()
            self._by_word[word] = cached
        return cached

    def flags(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


@cache
def wording_model() -> WordingModel:
    return WordingModel.load()
