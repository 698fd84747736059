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
information request gets general emergency guidance when the probability reaches the fitted
threshold. It never names a category (the rules do that) and never clears a flag.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("triage_model.json")
#: Distinct words whose features are remembered (about 200 bytes each).
_WORD_CACHE = 16384


@dataclass(frozen=True, slots=True)
class WordingModel:
    #: n-gram -> (idf, coefficient, the n-gram itself)
    features: dict[str, tuple[float, float, str]]
    intercept: float
    threshold: float
    low: int
    high: int
    #: Each distinct word's features, as ``_word_features`` found them.
    _by_word: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> WordingModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WordingModel:
        """The model from the file's form (what ``bench/fit_triage_model.py`` writes)."""
        low, high = data["ngram_range"]
        features = {ngram: (pair[0], pair[1], ngram) for ngram, pair in data["features"].items()}
        return cls(features, float(data["intercept"]), float(data["threshold"]), low, high)

    def probability(self, text: str) -> float:
        """P(emergency or urgent) for a question.

        The features are character n-grams inside words, each word padded with a space on
        both sides (scikit-learn's ``char_wb``), so a word always yields the same features:
        they are found once per distinct word (``_word_features``) and counted over the
        question's words, which gives the counts and tf-idf of the whole question.
        """
        counts: dict[str, int] = {}
        for word in text.lower().split():
            for ngram in self._word_features(word):
                counts[ngram] = counts.get(ngram, 0) + 1
        features = self.features
        dot = norm = 0.0
        for ngram, count in counts.items():
            idf, coefficient, _ = features[ngram]
            value = (1.0 + math.log(count)) * idf if count > 1 else idf
            norm += value * value
            dot += value * coefficient
        logit = self.intercept + (dot / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-logit))

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
