"""The generated PHI corpus is deterministic and well-formed, and the recogniser meets the
benchmark's targets on it (the same check as ``bench/bench_phi.py``)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    sys.path.insert(0, str(BENCH))
    try:
        import bench_phi
        import phi_corpus

        yield phi_corpus, bench_phi
    finally:
        sys.path.remove(str(BENCH))


def test_corpus_is_deterministic(bench: tuple[ModuleType, ModuleType]) -> None:
    corpus, _ = bench
    assert corpus.generate(60, seed=7) == corpus.generate(60, seed=7)
    assert corpus.generate(60, seed=7) != corpus.generate(60, seed=8)


def test_corpus_is_large_varied_and_labelled(bench: tuple[ModuleType, ModuleType]) -> None:
    corpus, _ = bench
    samples = corpus.generate()
    assert len(samples) >= 300
    assert {s.split for s in samples} == {"dev", "heldout"}
    assert {s.style for s in samples} == set(corpus.DEV_STYLES + corpus.HELDOUT_STYLES)
    kinds = {span.kind for s in samples for span in s.phi}
    assert kinds == set(corpus.PHI_TYPES)
    for s in samples:
        spans = sorted(s.phi + s.keep, key=lambda span: span.start)
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start, s.id
        for span in s.phi + s.keep:
            covered = s.text[span.start : span.end]
            assert covered and covered == covered.strip(), (s.id, covered)


def test_benchmark_targets_are_met(bench: tuple[ModuleType, ModuleType]) -> None:
    corpus, bench_phi = bench
    tally = bench_phi.score(corpus.generate())
    recall = sum(tally.found.values()) / sum(tally.gold.values())
    kept = tally.keep_kept / tally.keep_total
    assert recall >= bench_phi.RECALL_TARGET
    assert kept >= bench_phi.KEPT_TARGET


def test_benchmark_script_exit_code(
    bench: tuple[ModuleType, ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    _, bench_phi = bench
    assert bench_phi.main(["--size", "90"]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "clinical phrases kept" in out
