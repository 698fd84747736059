"""Fit the emergency-wording model, triage's third layer, on the tune split of the evaluation set.

    .venv/bin/python bench/fit_triage_model.py [--check | --leave-one-batch-out]

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

The same features feed a second model, the category model: a multinomial logistic regression
of each emergency's first category against the others, fitted on emergencies alone.
When the wording model flags a question, the category model may name its triage category, so
the guidance gives that situation's steps (ADR 0017). Its design (``CATEGORY_C``, the threshold
and the categories it may name) was chosen by leaving one blind batch out at a time: fitted on
every other batch's tune questions and scored on that batch's tune emergencies, at C 16 it named
122 of 258 at probability 0.35 or more, 95.1% of them with a fitting category (0.3: 142, 93.0%;
0.4: 103, 95.1%). Batch 15 was written afterwards and measured it blind.

The category model is also fitted on the training messages (``bench/training/triage_messages.yaml``):
789 descriptions of emergencies and urgent situations written for it, by category, without sight of
the evaluation set. The held-out emergencies the wording model flagged were mostly left unnamed
(general guidance) because each category had only a few dozen tune wordings. Left one blind batch
out at a time as above (batches 3-16, before batch 17 was written), the model fitted with the
messages named 244 of 321 tune emergencies, 95.9% with a fitting category, against 141 and 95.7% without them. The
emergency-wording model is not fitted on them: with the messages as more emergencies it flagged
more of the left-out emergencies only at the price of as many more false alarms (at the same
false-alarm count, 255 against 258), so whether to flag stays the tune split's alone, and the
features (n-grams and idf) stay those of the tune questions. ``--leave-one-batch-out`` prints
these counts again.

Writes ``src/bondmcp/engine/triage_model.json``: the n-grams with their idf and coefficient, the
category model's coefficients for the n-grams of emergency questions (one float32 per category,
base64), the intercepts and the thresholds. ``--check`` fits again and exits 1 if the result differs from the
file by more than rounding. Needs scikit-learn (the ``dev`` extra); the engine itself only reads
the file. The held-out split is never read.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
import yaml

from evalset import Item, load

MODEL_PATH = (
    Path(__file__).resolve().parent.parent / "src" / "bondmcp" / "engine" / "triage_model.json"
)
MESSAGES_PATH = Path(__file__).resolve().parent / "training" / "triage_messages.yaml"
NGRAM_RANGE = (3, 5)
MIN_DF = 2
C = 16.0
THRESHOLD = 0.8
DIGITS = 5
CATEGORY_C = 16.0
CATEGORY_THRESHOLD = 0.35
#: Categories whose guidance asks for prompt care rather than an emergency call: a question
#: the wording model flags as a possible emergency keeps the general emergency guidance
#: rather than be told it is only urgent.
NOT_NAMED = ("infant_fever", "urgent_symptoms")


def training_items() -> list[Item]:
    return [item for item in load() if item.split == "tune"]


def training_messages(path: Path = MESSAGES_PATH) -> list[Item]:
    """The training messages, as emergency items of their own split ("training")."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Item(
            id=f"m{number}",
            kind="emergency",
            split="training",
            question=raw["question"],
            triage=raw["level"],
            categories=(raw["category"],),
        )
        for number, raw in enumerate(data["messages"], start=1)
    ]


def fit(items: list[Item], messages: list[Item]) -> tuple[Any, Any, Any]:
    """The fitted vectorizer, emergency model and category model (scikit-learn objects).

    The vectorizer and the emergency model read ``items`` (the tune questions) alone; the
    category model reads their emergencies and the training ``messages``."""
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
    emergencies = [item for item in items if item.kind == "emergency"] + messages
    categories = LogisticRegression(C=CATEGORY_C, max_iter=10_000)
    categories.fit(
        vectorizer.transform([item.question for item in emergencies]),
        [item.categories[0] for item in emergencies],
    )
    return vectorizer, model, categories


def export(
    vectorizer: Any, model: Any, categories: Any, count: int, messages: int
) -> dict[str, Any]:
    coefficients = model.coef_[0]
    features = {
        ngram: [round(float(vectorizer.idf_[i]), DIGITS), round(float(coefficients[i]), DIGITS)]
        for ngram, i in sorted(vectorizer.vocabulary_.items())
    }
    # An n-gram no emergency question has keeps a zero coefficient for every category; the
    # others' rows go in one little-endian float32 matrix, which loads without a Python float
    # for each of its 180,000 numbers.
    by_category = categories.coef_.T
    vocabulary = sorted(vectorizer.vocabulary_.items())
    rows = [(ngram, i) for ngram, i in vocabulary if any(by_category[i])]
    matrix = np.array([by_category[i] for _, i in rows], dtype="<f4")
    return {
        "about": "Emergency-wording model for bondmcp triage; written by bench/fit_triage_model.py.",
        "fitted_on": f"{count} tune questions of bench/eval/questions.yaml",
        "categories_also_fitted_on": f"{messages} messages of bench/training/triage_messages.yaml",
        "ngram_range": list(NGRAM_RANGE),
        "threshold": THRESHOLD,
        "intercept": round(float(model.intercept_[0]), DIGITS),
        "categories": {
            "names": [str(name) for name in categories.classes_],
            "intercepts": [round(float(b), DIGITS) for b in categories.intercept_],
            "threshold": CATEGORY_THRESHOLD,
            "not_named": list(NOT_NAMED),
            "ngrams": [ngram for ngram, _ in rows],
            "coefficients": base64.b64encode(matrix.tobytes()).decode("ascii"),
        },
        "features": features,
    }


def leave_one_batch_out(items: list[Item], messages: list[Item]) -> None:
    """For each blind batch, fit on every other batch's tune questions (with and without the
    training messages) and count what the models make of that batch's tune questions."""
    from fit_confidence import BLIND_ENGINES, batch_of

    for use_messages in (False, True):
        emergencies = named = fitting = flagged = others = false_alarms = 0
        for batch in BLIND_ENGINES:
            train = [item for item in items if batch_of(item.id) != batch]
            test = [item for item in items if batch_of(item.id) == batch]
            vectorizer, model, categories = fit(train, messages if use_messages else [])
            urgent = [item for item in test if item.kind == "emergency"]
            other = [item for item in test if item.kind != "emergency"]
            emergencies += len(urgent)
            others += len(other)
            false_alarms += _flagged(vectorizer, model, other)
            if not urgent:
                continue
            flagged += _flagged(vectorizer, model, urgent)
            shares = categories.predict_proba(vectorizer.transform([i.question for i in urgent]))
            for item, row in zip(urgent, shares, strict=True):
                best = int(np.argmax(row))
                name = str(categories.classes_[best])
                if row[best] >= CATEGORY_THRESHOLD and name not in NOT_NAMED:
                    named += 1
                    fitting += name in item.categories
        print(
            f"{'with' if use_messages else 'without'} the training messages: named {named} of "
            f"{emergencies} emergencies, {fitting / max(named, 1):.1%} with a fitting category; "
            f"flagged {flagged}; false alarms {false_alarms} of {others}"
        )


def _flagged(vectorizer: Any, model: Any, items: list[Item]) -> int:
    shares = model.predict_proba(vectorizer.transform([item.question for item in items]))
    return int((shares[:, 1] >= THRESHOLD).sum())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh fit with the file")
    parser.add_argument(
        "--leave-one-batch-out",
        action="store_true",
        help="fit without each blind batch in turn and score that batch's tune questions",
    )
    args = parser.parse_args()
    items = training_items()
    messages = training_messages()
    if args.leave_one_batch_out:
        leave_one_batch_out(items, messages)
        return 0
    vectorizer, model, categories = fit(items, messages)
    exported = export(vectorizer, model, categories, len(items), len(messages))
    if args.check:
        shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        same_vocabulary = shipped["features"].keys() == exported["features"].keys()
        ours, theirs = exported["categories"], shipped.get("categories", {})
        same_categories = all(ours[k] == theirs.get(k) for k in ("names", "ngrams", "not_named"))
        worst = max(
            (
                abs(a - b)
                for ngram, pair in exported["features"].items()
                for a, b in zip(pair, shipped["features"].get(ngram, [0.0, 0.0]), strict=True)
            ),
            default=0.0,
        )
        if same_categories:
            worst = max(worst, float(np.abs(_matrix(ours) - _matrix(theirs)).max()))
        print(
            f"vocabulary {'same' if same_vocabulary else 'DIFFERENT'}; largest difference {worst:.2g}"
        )
        if not same_categories:
            print("categories DIFFERENT")
        return 0 if same_vocabulary and same_categories and worst < 1e-3 else 1
    MODEL_PATH.write_text(json.dumps(exported, separators=(",", ":")) + "\n", encoding="utf-8")
    flagged = sum(
        p >= THRESHOLD
        for p in model.predict_proba(vectorizer.transform([i.question for i in items]))[:, 1]
    )
    print(
        f"wrote {MODEL_PATH} ({len(exported['features'])} n-grams); {flagged} of {len(items)} tune questions flagged"
    )
    return 0


def _matrix(categories: dict[str, Any]) -> Any:
    raw = base64.b64decode(categories["coefficients"])
    return np.frombuffer(raw, dtype="<f4").reshape(len(categories["ngrams"]), -1)


if __name__ == "__main__":
    raise SystemExit(main())
