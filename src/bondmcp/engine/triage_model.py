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
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("triage_model.json")


@dataclass(frozen=True, slots=True)
class WordingModel:
    #: n-gram -> (idf, coefficient)
    features: dict[str, tuple[float, float]]
    intercept: float
    threshold: float
    low: int
    high: int

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> WordingModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WordingModel:
        """The model from the file's form (what ``bench/fit_triage_model.py`` writes)."""
        low, high = data["ngram_range"]
        features = {ngram: (pair[0], pair[1]) for ngram, pair in data["features"].items()}
        return cls(features, float(data["intercept"]), float(data["threshold"]), low, high)

    def probability(self, text: str) -> float:
        """P(emergency or urgent) for a question.

        The features are character n-grams inside words, each word padded with a space on
        both sides (scikit-learn's ``char_wb``). They are read from the whole question at
        once, its words two spaces apart: an n-gram across a word boundary holds an inner
        space, which no feature has, so the features found and their counts are the same.
        """
        features = self.features
        spaced = " " + "  ".join(text.lower().split()) + " "
        grams = [
            spaced[i : i + n]
            for n in range(self.low, self.high + 1)
            for i in range(len(spaced) - n + 1)
        ]
        dot = norm = 0.0
        for ngram, count in Counter(grams).items():
            pair = features.get(ngram)
            if pair is None:
                continue
            value = (1.0 + math.log(count)) * pair[0] if count > 1 else pair[0]
            norm += value * value
            dot += value * pair[1]
        logit = self.intercept + (dot / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-logit))

    def flags(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


@cache
def wording_model() -> WordingModel:
    return WordingModel.load()
