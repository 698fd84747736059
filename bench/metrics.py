"""Small, dependency-free metrics for the engine benchmark: ROUGE-L, ECE, AUROC, percentiles."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

_TOKEN_RE = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common subsequence length, bit-parallel (Crochemore et al. 2001).

    Each token of ``a`` is a bit; one pass over ``b`` updates all of them with a few
    integer operations, so long reference answers cost milliseconds, not seconds.
    """
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for token in b:
        u = v & masks.get(token, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def lcs_length_slow(a: Sequence[str], b: Sequence[str]) -> int:
    """The classic dynamic programme, kept to check ``lcs_length`` against."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l_recall(candidate: str, reference: str, *, max_tokens: int = 1000) -> float:
    """Share of the reference covered, in order, by the candidate (ROUGE-L recall).

    Both texts are cut to ``max_tokens`` words, which only very long answers reach.
    """
    ref = tokens(reference)[:max_tokens]
    cand = tokens(candidate)[:max_tokens]
    if not ref or not cand:
        return 0.0
    return lcs_length(ref, cand) / len(ref)


def unigram_recall(candidate: str, reference: str) -> float:
    """Share of the reference's distinct words that the candidate also uses."""
    ref = set(tokens(reference))
    if not ref:
        return 0.0
    return len(ref & set(tokens(candidate))) / len(ref)


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> float:
    """Weighted gap between mean confidence and accuracy over equal-width confidence bins."""
    if not confidences:
        return math.nan
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            i for i, c in enumerate(confidences) if low <= c < high or (b == bins - 1 and c == 1.0)
        ]
        if not members:
            continue
        mean_conf = sum(confidences[i] for i in members) / len(members)
        accuracy = sum(1 for i in members if correct[i]) / len(members)
        total += len(members) / len(confidences) * abs(mean_conf - accuracy)
    return total


def auroc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Probability that a correct answer outranks a wrong one (ties count half)."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not positives or not negatives:
        return math.nan
    wins = 0.0
    for p in positives:
        for n in negatives:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(positives) * len(negatives))


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, q in [0, 100]."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)
