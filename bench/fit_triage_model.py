"""Fit the emergency-wording model, triage's third layer, on the tune split of the evaluation set.

    .venv/bin/python bench/fit_triage_model.py [--check]

The phrase rules and red-flag concepts in ``bondmcp.engine.triage`` catch the wordings someone
wrote down; new questions keep describing emergencies in other words. This model reads a
question's letters rather than its rules: TF-IDF over character 3- to 5-grams inside words
(sublinear term frequency), and a logistic regression of "emergency or urgent" against every
other kind of question (answerable, out of scope, unanswerable) of the tune split. Character
n-grams carry misspellings, slang and inflections ("cnt breathe", "ticker", "fitting") to the
wordings the model was fitted on.

The design (n-grams, ``C``, the threshold) was chosen on batch 9 before its tune split was in the
fitting data: fitted on batches 1-8, the model flagged 43 of batch 9's 49 tune emergencies (the
rules then caught 21) and 4 of its 122 other tune questions, and 1 of the 969 real consumer
questions of MEDIQA 2019 and MedicationQA. Those external questions are never fitted on: their
terms allow evaluation only, and the model ships in the package.

Writes ``src/bondmcp/engine/triage_model.json``: the n-grams with their idf and coefficient, the
intercept and the threshold. ``--check`` fits again and exits 1 if the result differs from the
file by more than rounding. Needs scikit-learn (the ``dev`` extra); the engine itself only reads
the file. The held-out split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalset import Item, load

MODEL_PATH = (
    Path(__file__).resolve().parent.parent / "src" / "bondmcp" / "engine" / "triage_model.json"
)
NGRAM_RANGE = (3, 5)
MIN_DF = 2
C = 16.0
THRESHOLD = 0.8
DIGITS = 5


def training_items() -> list[Item]:
    return [item for item in load() if item.split == "tune"]


def fit(items: list[Item]) -> tuple[Any, Any]:
    """The fitted vectorizer and logistic regression (scikit-learn objects)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=NGRAM_RANGE,
        min_df=MIN_DF,
        sublinear_tf=True,
        lowercase=True,
    )
    features = vectorizer.fit_transform([item.question for item in items])
    labels = [item.kind == "emergency" for item in items]
    model = LogisticRegression(C=C, max_iter=10_000, class_weight="balanced")
    model.fit(features, labels)
    return vectorizer, model


def export(vectorizer: Any, model: Any, count: int) -> dict[str, Any]:
    coefficients = model.coef_[0]
    features = {
        ngram: [round(float(vectorizer.idf_[i]), DIGITS), round(float(coefficients[i]), DIGITS)]
        for ngram, i in sorted(vectorizer.vocabulary_.items())
    }
    return {
        "about": "Emergency-wording model for bondmcp triage; written by bench/fit_triage_model.py.",
        "fitted_on": f"{count} tune questions of bench/eval/questions.yaml",
        "ngram_range": list(NGRAM_RANGE),
        "threshold": THRESHOLD,
        "intercept": round(float(model.intercept_[0]), DIGITS),
        "features": features,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh fit with the file")
    args = parser.parse_args()
    items = training_items()
    vectorizer, model = fit(items)
    exported = export(vectorizer, model, len(items))
    if args.check:
        shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        same_vocabulary = shipped["features"].keys() == exported["features"].keys()
        worst = max(
            (
                abs(a - b)
                for ngram, pair in exported["features"].items()
                for a, b in zip(pair, shipped["features"].get(ngram, [0.0, 0.0]), strict=True)
            ),
            default=0.0,
        )
        print(
            f"vocabulary {'same' if same_vocabulary else 'DIFFERENT'}; largest difference {worst:.2g}"
        )
        return 0 if same_vocabulary and worst < 1e-3 else 1
    MODEL_PATH.write_text(json.dumps(exported, separators=(",", ":")) + "\n", encoding="utf-8")
    flagged = sum(
        p >= THRESHOLD
        for p in model.predict_proba(vectorizer.transform([i.question for i in items]))[:, 1]
    )
    print(
        f"wrote {MODEL_PATH} ({len(exported['features'])} n-grams); {flagged} of {len(items)} tune questions flagged"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
