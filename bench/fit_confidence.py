"""Fit the engine's confidence model on the tune split of the evaluation set.

    .venv/bin/python bench/fit_confidence.py

For every tune question that reaches retrieval (answerable and unanswerable ones), the
label is "the engine's answer would be right": expected topic and required facts for an
answerable question, never for an unanswerable one. A logistic regression over the
engine's features (``HealthEngine.assess``) is fitted by Newton's method with a small L2
penalty, and the abstention threshold is the one that answers the most answerable
questions right while still abstaining on at least ``MIN_ABSTENTION`` of all the tune
unanswerable questions (a margin over the 90% target), counted the way the engine decides:
a dose or lab-result question declined by rule counts as abstained, one redirected as out
of scope does not, and a question whose weight lies mostly in words no source uses
(``UNKNOWN_ABSTAIN_SHARE``) is abstained on whatever its confidence. The printed constants
go into ``bondmcp/engine/engine.py``; the held-out split is never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bondmcp.engine.engine import (
    CONFIDENCE_FEATURES,
    DOSE_ANSWER,
    UNKNOWN_ABSTAIN_SHARE,
    HealthEngine,
)
from bondmcp.engine.intent import asks_to_interpret_result
from bondmcp.engine.text import words
from evalset import facts_found, load
from metrics import auroc, expected_calibration_error

L2 = 0.5
MIN_ABSTENTION = 0.92


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights (bias first) maximising the penalised log-likelihood."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (y - p) - penalty * w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> None:
    engine = HealthEngine.builtin()
    rows: list[tuple[float, ...]] = []
    labels: list[bool] = []
    kinds: list[str] = []
    unanswerable_total = 0
    declined_by_rule = 0
    for item in load():
        if item.split != "tune" or item.kind not in ("answerable", "unanswerable"):
            continue
        unanswerable_total += item.kind == "unanswerable"
        answer = engine.ask(item.question)
        if not answer.in_scope or answer.triage != "routine":
            continue
        if answer.text == DOSE_ANSWER or asks_to_interpret_result(
            words(item.question), item.question
        ):
            declined_by_rule += item.kind == "unanswerable"
            continue  # declined by rule before retrieval
        assessment = engine.assess(item.question)
        text = " ".join(sentence for _, sentence in assessment.quotes)
        right = (
            item.kind == "answerable"
            and assessment.topic_id in item.topics
            and facts_found(item, text)
        )
        rows.append(assessment.features)
        labels.append(right)
        kinds.append(item.kind)
    x = np.array(rows, dtype=float)
    y = np.array(labels, dtype=float)
    w = fit_logistic(x, y)
    p = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
    print(f"{len(y)} questions, {int(y.sum())} answerable correctly")
    print(
        f"AUROC {auroc(list(p), labels):.3f}  ECE {expected_calibration_error(list(p), labels):.3f}"
    )
    best = (-1.0, 0.5, 0.0)
    n_unanswerable = unanswerable_total or 1
    grounded = x[:, CONFIDENCE_FEATURES.index("unknown")] < UNKNOWN_ABSTAIN_SHARE
    for threshold in np.arange(0.30, 0.95, 0.01):
        answered = (p >= threshold) & grounded
        right = sum(1 for a, r in zip(answered, labels, strict=True) if a and r)
        abstained = declined_by_rule + sum(
            1 for a, k in zip(answered, kinds, strict=True) if not a and k == "unanswerable"
        )
        if abstained / n_unanswerable >= MIN_ABSTENTION and right > best[0]:
            best = (right, float(threshold), abstained / n_unanswerable)
    print("CONFIDENCE_FEATURES =", CONFIDENCE_FEATURES)
    print("CONFIDENCE_WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w[1:]) + ")")
    print(f"CONFIDENCE_BIAS = {w[0]:.3f}")
    print(
        f"ABSTAIN_BELOW = {best[1]:.2f}  ({best[0]} answered right, "
        f"{best[2]:.0%} of unanswerable abstained)"
    )


if __name__ == "__main__":
    main()
