"""Benchmark PHI de-identification on the generated, labelled corpus.

    .venv/bin/python bench/bench_phi.py [--size N] [--seed S] [--split all|dev|heldout] [--show-misses]

Prints recall and precision per identifier type, overall recall, and the share of clinical
phrases kept; exits 1 when overall recall or clinical kept falls below its target.

Scoring. An identifier counts as *found* when every letter and digit of it lies inside some
reported entity, whatever its type: a partly redacted name still leaks, a phone number reported
as a fax does not. *Typed* recall also requires the reported type to match. A reported entity is
*correct* when it overlaps some labelled identifier. A clinical phrase is *kept* when no reported
entity touches it.

``--show-misses`` prints the misses and false alarms of the ``dev`` split only: the ``heldout``
split measures generalisation and is never inspected.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bondmcp.privacy import Entity, find_entities
from phi_corpus import DEFAULT_SEED, DEFAULT_SIZE, PHI_TYPES, Sample, Span, generate

RECALL_TARGET = 0.95
KEPT_TARGET = 0.95


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    typed: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    keep_total: int = 0
    keep_kept: int = 0
    seconds: float = 0.0
    texts: int = 0


def _covered(text: str, span: Span, entities: list[Entity], kind: str | None = None) -> bool:
    for i in range(span.start, span.end):
        if not text[i].isalnum():
            continue
        if not any(e.start <= i < e.end and (kind is None or e.type == kind) for e in entities):
            return False
    return True


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(samples: list[Sample], *, show_misses: bool = False) -> Tally:
    tally = Tally()
    for sample in samples:
        started = time.perf_counter()
        entities = find_entities(sample.text)
        tally.seconds += time.perf_counter() - started
        tally.texts += 1
        misses: list[str] = []
        for span in sample.phi:
            tally.gold[span.kind] += 1
            if _covered(sample.text, span, entities):
                tally.found[span.kind] += 1
                if _covered(sample.text, span, entities, span.kind):
                    tally.typed[span.kind] += 1
            else:
                misses.append(f"  MISS {span.kind:>22}: {sample.covered(span)!r}")
        for e in entities:
            tally.predicted[e.type] += 1
            if any(_overlaps(e.start, e.end, s.start, s.end) for s in sample.phi):
                tally.correct[e.type] += 1
            else:
                misses.append(f"  FALSE {e.type:>21}: {sample.text[e.start : e.end]!r}")
        for span in sample.keep:
            tally.keep_total += 1
            if any(_overlaps(e.start, e.end, span.start, span.end) for e in entities):
                misses.append(f"  LOST  {'clinical':>21}: {sample.covered(span)!r}")
            else:
                tally.keep_kept += 1
        if show_misses and misses and sample.split == "dev":
            print(f"--- {sample.id}\n{sample.text}")
            print("\n".join(misses))
    return tally


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(tally: Tally, title: str) -> tuple[float, float]:
    print(f"\n{title}")
    print(f"{'type':<22} {'gold':>5} {'recall':>7} {'typed':>7} {'pred':>5} {'precision':>9}")
    for kind in PHI_TYPES:
        if not tally.gold[kind] and not tally.predicted[kind]:
            continue
        print(
            f"{kind:<22} {tally.gold[kind]:>5} {_ratio(tally.found[kind], tally.gold[kind]):>7}"
            f" {_ratio(tally.typed[kind], tally.gold[kind]):>7} {tally.predicted[kind]:>5}"
            f" {_ratio(tally.correct[kind], tally.predicted[kind]):>9}"
        )
    gold, found = sum(tally.gold.values()), sum(tally.found.values())
    predicted, correct = sum(tally.predicted.values()), sum(tally.correct.values())
    recall = found / gold if gold else 1.0
    kept = tally.keep_kept / tally.keep_total if tally.keep_total else 1.0
    print(
        f"{'overall':<22} {gold:>5} {recall:>7.3f} {_ratio(sum(tally.typed.values()), gold):>7}"
        f" {predicted:>5} {_ratio(correct, predicted):>9}"
    )
    print(f"clinical phrases kept: {tally.keep_kept}/{tally.keep_total} = {kept:.3f}")
    if tally.texts:
        print(
            f"texts: {tally.texts}, mean time per text: {tally.seconds / tally.texts * 1e6:.0f} µs"
        )
    return recall, kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--show-misses", action="store_true", help="print misses of the dev split")
    args = parser.parse_args(argv)

    samples = generate(args.size, args.seed)
    if args.split != "all":
        samples = [s for s in samples if s.split == args.split]
    find_entities("warm-up: Dr. Smith, 03/14/2024")
    recall, kept = report(
        score(samples, show_misses=args.show_misses),
        f"PHI benchmark ({args.split}, seed {args.seed})",
    )
    if args.split == "all":
        for split in ("dev", "heldout"):
            report(score([s for s in samples if s.split == split]), f"split: {split}")
    ok = recall >= RECALL_TARGET and kept >= KEPT_TARGET
    print(
        f"\ntargets: recall >= {RECALL_TARGET}, clinical kept >= {KEPT_TARGET}: {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
