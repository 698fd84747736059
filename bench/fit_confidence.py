"""Fit the engine's two confidence models on the tune split of the evaluation set.

    .venv/bin/python bench/fit_confidence.py

**Grounding model** (``CONFIDENCE_*``, whether to answer at all). For every tune question
that reaches retrieval (answerable and unanswerable ones), the label is "the engine's answer
would be right": expected topic and required facts for an answerable question, never for an
unanswerable one. A logistic regression over the engine's features (``HealthEngine.assess``)
is fitted by Newton's method with a small L2 penalty, and the abstention threshold is the one
that answers the most answerable questions right while still abstaining on at least
``MIN_ABSTENTION`` of all the tune unanswerable questions (a margin over the 90% target),
counted the way the engine decides: a dose or lab-result question declined by rule counts as
abstained, one redirected as out of scope does not, and a question whose weight lies mostly in
words no source uses (``UNKNOWN_ABSTAIN_SHARE``) is abstained on whatever its confidence.

**Answer model** (``ANSWER_*``, the confidence reported with an answer). The engine is tuned
on the tune questions, so on them nearly every answer is right (97%) whatever its features,
while on questions it was not tuned on about 70% are. To see such questions without touching
the held-out split, each batch's tune questions are also answered by the engine as it was when
the batch was added, before anything was tuned on it (``BLIND_ENGINES``: the commit that
added the batch, checked out with ``git archive`` into a temporary directory). The answer
model is fitted on the answers of both, those of the earlier engines weighted
``BLIND_WEIGHT``, over ``ANSWER_FEATURES``: the grounding model's log-odds, the share of the
question's weight the quoted sentences use, the question's length and whether it asks for a
section. Leave-batch-out estimates how it generalises: fit on every batch but one (both
engines' answers), score the left-out batch, rotate.

The printed constants go into ``bondmcp/engine/engine.py``; the held-out split is never read.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bondmcp.engine import engine as engine_module
from bondmcp.engine.engine import DOSE_ANSWER, HealthEngine
from bondmcp.engine.intent import asks_to_interpret_result
from bondmcp.engine.text import words
from evalset import answered_correctly, facts_found, load
from metrics import auroc, expected_calibration_error

L2 = 0.5
MIN_ABSTENTION = 0.92
#: Weight of an answer by an engine not yet tuned on the question, against one by this engine.
BLIND_WEIGHT = 1.5
#: Question words beyond which a longer question counts as no longer (``_LENGTH_CAP``).
LENGTH_CAP = 8
REPO = Path(__file__).resolve().parent.parent
#: Id ranges of the batches (bench/eval/README.md), by id prefix.
BATCHES: dict[int, dict[str, tuple[int, int]]] = {
    1: {"a": (1, 310), "e": (1, 53), "o": (1, 45), "u": (1, 36)},
    2: {"a": (311, 403), "e": (54, 83), "o": (46, 75), "u": (37, 61)},
    3: {"a": (404, 535), "e": (84, 108), "o": (76, 100), "u": (62, 81)},
    4: {"a": (536, 642), "e": (109, 131), "o": (101, 120), "u": (82, 100)},
    5: {"a": (643, 755), "e": (132, 166), "o": (121, 145), "u": (101, 120)},
    6: {"a": (756, 868), "e": (167, 192), "o": (146, 165), "u": (121, 135)},
    7: {"a": (869, 968), "e": (193, 215), "o": (166, 180), "u": (136, 151)},
    8: {"a": (1, 0), "e": (216, 248), "o": (181, 225), "u": (152, 186)},
    9: {"a": (969, 1068), "e": (249, 318), "o": (226, 270), "u": (187, 216)},
    10: {"a": (1069, 1122), "e": (319, 362), "o": (271, 305), "u": (217, 241)},
    11: {"a": (1123, 1179), "e": (363, 379), "o": (1, 0), "u": (242, 251)},
    12: {"a": (1180, 1243), "e": (380, 410), "o": (306, 325), "u": (252, 267)},
    13: {"a": (1244, 1304), "e": (411, 443), "o": (326, 345), "u": (268, 283)},
    14: {"a": (1305, 1365), "e": (444, 476), "o": (346, 365), "u": (284, 299)},
    15: {"a": (1366, 1426), "e": (477, 509), "o": (366, 385), "u": (300, 315)},
    16: {"a": (1427, 1487), "e": (510, 542), "o": (386, 405), "u": (316, 331)},
    17: {"a": (1488, 1548), "e": (543, 575), "o": (406, 425), "u": (332, 347)},
    18: {"a": (1549, 1603), "e": (576, 608), "o": (426, 443), "u": (348, 363)},
    19: {"a": (1604, 1654), "e": (609, 624), "o": (444, 459), "u": (364, 375)},
    20: {"a": (1655, 1705), "e": (625, 657), "o": (460, 477), "u": (376, 389)},
}
#: The commit that added each batch: the engine as it was before being tuned on the batch.
#: (Batch 2's engine computed other grounding features; batch 1 was written with the engine.)
BLIND_ENGINES = {
    3: "97dee43",
    4: "0c979fd",
    5: "6343eff",
    6: "dbb00b6",
    7: "9672246",
    8: "981afb5",
    9: "9e17fb9",
    10: "461848e",
    11: "df88a6c",
    12: "19c0ec2",
    13: "3547627",
    14: "14850d3",
    15: "c36f7e0",
    16: "afa4dfb",
    17: "0bc8902",
    18: "357c53b",
    19: "9f41c12",
    20: "34a5982",
}


def batch_of(item_id: str) -> int:
    number = int(item_id[1:])
    for batch, ranges in BATCHES.items():
        low, high = ranges[item_id[0]]
        if low <= number <= high:
            return batch
    raise ValueError(item_id)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = L2, weights: np.ndarray | None = None
) -> np.ndarray:
    """Weights (bias first) maximising the (weighted) penalised log-likelihood."""
    design = np.hstack([np.ones((len(x), 1)), x])
    sample = np.ones(len(x)) if weights is None else weights
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (sample * (y - p)) - penalty * w
        hessian = design.T @ (design * (sample * p * (1 - p))[:, None]) + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_grounding(engine: HealthEngine) -> None:
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
    print(f"Grounding model: {len(y)} questions, {int(y.sum())} answerable correctly")
    print(
        f"AUROC {auroc(list(p), labels):.3f}  ECE {expected_calibration_error(list(p), labels):.3f}"
    )
    best = (-1.0, 0.5, 0.0)
    n_unanswerable = unanswerable_total or 1
    unknown = engine_module.CONFIDENCE_FEATURES.index("unknown")
    grounded = x[:, unknown] < engine_module.UNKNOWN_ABSTAIN_SHARE
    for threshold in np.arange(0.30, 0.95, 0.01):
        answered = (p >= threshold) & grounded
        right = sum(1 for a, r in zip(answered, labels, strict=True) if a and r)
        abstained = declined_by_rule + sum(
            1 for a, k in zip(answered, kinds, strict=True) if not a and k == "unanswerable"
        )
        if abstained / n_unanswerable >= MIN_ABSTENTION and right > best[0]:
            best = (right, float(threshold), abstained / n_unanswerable)
    print("CONFIDENCE_FEATURES =", engine_module.CONFIDENCE_FEATURES)
    print("CONFIDENCE_WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w[1:]) + ")")
    print(f"CONFIDENCE_BIAS = {w[0]:.3f}")
    print(
        f"ABSTAIN_BELOW = {best[1]:.2f}  ({best[0]} answered right, "
        f"{best[2]:.0%} of unanswerable abstained)"
    )


# -- answer model ------------------------------------------------------------------------


def quoted_coverage(engine: Any, assessment: Any) -> float:
    """``HealthEngine._quoted_coverage``, from the quotes alone, so that earlier engines,
    which did not compute it, can be measured the same way."""
    query = assessment.query
    total = query.total_weight
    if total <= 0:
        return 0.0
    stems: set[str] = set()
    for passage, sentence in assessment.quotes:
        stems.update(next(s for text, s in engine._sentences(passage) if text == sentence))
    synonyms = getattr(engine_module, "_with_answer_synonyms", lambda term: term)
    covered = sum(t.weight for t in query.terms if not stems.isdisjoint(synonyms(t).stems))
    return float(covered / total)


def answer_rows(batches: Sequence[int] = ()) -> list[dict[str, Any]]:
    """Every tune answerable and unanswerable question (of ``batches``, default all) as the
    engine on ``sys.path`` answers it, with its raw answer features when it answered."""
    engine = HealthEngine.builtin()
    rows: list[dict[str, Any]] = []
    for item in load():
        if item.split != "tune" or item.kind not in ("answerable", "unanswerable"):
            continue
        batch = batch_of(item.id)
        if batches and batch not in batches:
            continue
        question = " ".join(item.question.split())
        answer = engine.ask(question)
        row: dict[str, Any] = {
            "id": item.id,
            "batch": batch,
            "right": answered_correctly(item, answer),
            "confidence": answer.confidence,
            "answered": bool(
                answer.in_scope
                and not answer.abstained
                and answer.triage == "routine"
                and answer.topic_id is not None
            ),
        }
        if row["answered"]:
            assessment = engine.assess(question, engine.index.analyse_query(question))
            row["grounding"] = list(assessment.features)
            row["quoted"] = quoted_coverage(engine, assessment)
            row["terms"] = len(assessment.query.terms)
            row["intent"] = assessment.intent is not None
            if hasattr(assessment, "answer_features"):
                assert abs(assessment.answer_features[1] - row["quoted"]) < 1e-9, item.id
        rows.append(row)
    return rows


def blind_rows(batch: int, commit: str) -> list[dict[str, Any]]:
    """The batch's tune questions answered by the engine at ``commit``."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "src"], check=True, capture_output=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        out = subprocess.run(
            [sys.executable, __file__, "--rows", str(batch)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
        ).stdout
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def answer_features(row: dict[str, Any]) -> list[float]:
    """``ANSWER_FEATURES`` of a row, the grounding log-odds with this engine's weights."""
    grounding = engine_module.CONFIDENCE_BIAS + sum(
        w * f for w, f in zip(engine_module.CONFIDENCE_WEIGHTS, row["grounding"], strict=True)
    )
    return [
        grounding,
        row["quoted"],
        min(row["terms"], LENGTH_CAP) / LENGTH_CAP,
        float(row["intent"]),
    ]


def fit_answers(rows: list[dict[str, Any]]) -> np.ndarray:
    answered = [r for r in rows if r["answered"]]
    x = np.array([answer_features(r) for r in answered])
    y = np.array([r["right"] for r in answered], dtype=float)
    weights = np.array([BLIND_WEIGHT if r["blind"] else 1.0 for r in answered])
    return fit_logistic(x, y, weights=weights)


def confidences(rows: list[dict[str, Any]], w: np.ndarray) -> list[float]:
    """The reported confidence of every row: the answer model's for an answer, what the
    engine reported otherwise (an abstention or a redirect)."""
    out = []
    for r in rows:
        if r["answered"]:
            z = w[0] + float(np.dot(w[1:], answer_features(r)))
            out.append(round(min(0.99, max(0.01, 1 / (1 + math.exp(-z)))), 3))
        else:
            out.append(float(r["confidence"]))
    return out


def scores(rows: list[dict[str, Any]], conf: list[float]) -> str:
    labels = [bool(r["right"]) for r in rows]
    return (
        f"ECE {expected_calibration_error(conf, labels):.3f}  AUROC {auroc(conf, labels):.3f}"
        f"  ({len(rows)} questions, {sum(labels)} answered right)"
    )


def fit_answer_model() -> None:
    current = [{**r, "blind": False} for r in answer_rows()]
    blind = [
        {**r, "blind": True}
        for batch, commit in BLIND_ENGINES.items()
        for r in blind_rows(batch, commit)
    ]
    everything = current + blind
    w = fit_answers(everything)
    print("\nAnswer model (fitted on all tune batches)")
    print(" this engine, tune:           ", scores(current, confidences(current, w)))
    print(" earlier engines, same batch: ", scores(blind, confidences(blind, w)))
    # Leave-batch-out: each batch scored by a model fitted on the other batches.
    left_out: dict[tuple[bool, str], float] = {}
    for batch in BATCHES:
        wb = fit_answers([r for r in everything if r["batch"] != batch])
        held = [r for r in everything if r["batch"] == batch]
        for r, c in zip(held, confidences(held, wb), strict=True):
            left_out[(r["blind"], r["id"])] = c
    print("Leave-batch-out")
    print(
        " this engine, tune:           ",
        scores(current, [left_out[(False, r["id"])] for r in current]),
    )
    print(
        " earlier engines, same batch: ", scores(blind, [left_out[(True, r["id"])] for r in blind])
    )
    print("ANSWER_FEATURES =", engine_module.ANSWER_FEATURES)
    print("ANSWER_WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w[1:]) + ")")
    print(f"ANSWER_BIAS = {w[0]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rows is not None:
        # Run under an earlier engine (see ``blind_rows``): print its answers' rows.
        print(json.dumps(answer_rows(args.rows)))
        return
    fit_grounding(HealthEngine.builtin())
    fit_answer_model()


if __name__ == "__main__":
    main()
