"""MedQuAD folders 1-9 from the shared data set (skipped when ../shared/data is absent)."""

from __future__ import annotations

import time

import pytest

from bondmcp.engine.corpora import ParsedCorpus, read_medquad
from tests.conftest import SHARED_DATA

MEDQUAD = SHARED_DATA / "MedQuAD"
QRELS = (
    MEDQUAD
    / "QA-TestSet-LiveQA-Med-Qrels-2479-Answers"
    / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt"
)
UNANSWERED = ("ADAM_", "MPlusDrugs_", "MPlusHerbsSuppls_")

pytestmark = pytest.mark.skipif(
    not MEDQUAD.is_dir(), reason=f"shared MedQuAD data not found at {MEDQUAD}"
)


@pytest.fixture(scope="module")
def parsed() -> ParsedCorpus:
    started = time.perf_counter()
    result = read_medquad(MEDQUAD)
    assert time.perf_counter() - started < 30
    return result


def test_counts(parsed: ParsedCorpus) -> None:
    # 16,412 <QAPair>s plus 16 <pair>s in four lower-case NINDS files; 5 have no answer and
    # 68 GARD answers reproduce third-party material.
    assert len(parsed.passages) == 16_355
    assert dict(parsed.skipped) == {
        "empty_answer": 5,
        "third_party_citation_marker": 37,
        "third_party_reference": 6,
        "third_party_attribution": 25,
    }
    assert len(parsed.renamed) == 34
    assert len({p.source_id for p in parsed.passages}) == len(parsed.passages)
    assert not any(p.source_id.startswith(UNANSWERED) for p in parsed.passages)
    assert all(p.text and p.url and p.title for p in parsed.passages)


def test_known_ids_from_the_official_judgments(parsed: ParsedCorpus) -> None:
    ids = {p.source_id: p for p in parsed.passages}
    for source_id in (
        "GHR_0000113_Sec1",
        "NINDS_0000024_Sec1",
        "CDC_0000212_Sec2",
        "NHLBI_0000005_Sec1",
        "MPlusHealthTopics_0000855_Sec1",
        "NIHSeniorHealth_0000062_Sec1",
    ):
        assert source_id in ids, source_id
    assert ids["GARD_0000004_Sec1"].title == "ABCD syndrome"
    assert ids["GARD_0000004_Sec1"].section == "symptoms"
    assert ids["NINDS_0000007_Sec1"].title == "Holmes-Adie"  # a lower-case <doc> file
    assert "CancerGov_0000013_2_1_Sec1" in ids  # a reused Document@id, disambiguated


def test_judged_answers_of_answered_collections_resolve(parsed: ParsedCorpus) -> None:
    if not QRELS.is_file():
        pytest.skip(f"judgments not found at {QRELS}")
    judged = {
        line.split()[2].removesuffix(".txt")
        for line in QRELS.read_text().splitlines()
        if line.strip()
    }
    answered = {j for j in judged if not j.startswith(UNANSWERED)}
    found = answered & {p.source_id for p in parsed.passages}
    # The other 46 judged pairs are not in the published files at all.
    assert len(answered) == 446
    assert len(found) == 400
