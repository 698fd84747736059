"""The MedQuAD parser on fixtures shaped like the published files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bondmcp.engine.corpora import CorpusError, ParsedCorpus, load_medquad, read_medquad
from bondmcp.engine.corpora.medquad import PUBLISHERS, section_for
from bondmcp.engine.corpora.thirdparty import third_party_reason
from bondmcp.engine.passages import Passage
from tests.corpora.conftest import MEDQUAD, MEDQUAD_MALFORMED


@pytest.fixture(scope="module")
def parsed() -> ParsedCorpus:
    return read_medquad(MEDQUAD)


def by_id(parsed: ParsedCorpus) -> dict[str, Passage]:
    return {p.source_id: p for p in parsed.passages}


def test_source_ids_follow_the_official_judgment_format(parsed: ParsedCorpus) -> None:
    ids = [p.source_id for p in parsed.passages]
    assert ids == [
        "CancerGov_0000013_2_Sec1",
        "CancerGov_0000013_2_Sec2",
        "CancerGov_0000013_2_1_Sec1",
        "CancerGov_0000013_2_1_Sec2",
        "GARD_0000101_Sec1",
        "GARD_0000101_Sec2",
        "GARD_0000101_Sec4",
        "GHR_0000202_Sec1",
        "GHR_0000202_Sec2",
        "GHR_0000202_Sec3",
        "NINDS_0000303_Sec1",
        "NINDS_0000303_Sec2",
        "CDC_0000404_Sec1",
        "CDC_0000404_Sec2",
    ]
    qrels = MEDQUAD / "QA-TestSet-LiveQA-Med-Qrels-2479-Answers" / "All-qrels_fixture.txt"
    judged = [line.split()[2].removesuffix(".txt") for line in qrels.read_text().splitlines()]
    assert judged[0] in ids and judged[1] in ids


def test_folders_10_to_12_and_other_folders_are_not_imported(parsed: ParsedCorpus) -> None:
    assert not any(p.source_id.startswith("ADAM_") for p in parsed.passages)


def test_fields_come_from_the_document(parsed: ParsedCorpus) -> None:
    p = by_id(parsed)["GARD_0000101_Sec2"]
    assert p.title == "Quillfeather syndrome"
    assert p.aliases == ("Quillfeather disease", "QFS")  # the focus itself is not repeated
    assert p.url == "https://rarediseases.info.nih.gov/gard/0101/quillfeather-syndrome"
    assert p.question == "What causes Quillfeather syndrome ?"
    assert p.section == "causes"
    assert p.origin == "medquad"
    assert p.topic_id == "medquad:GARD_0000101"
    assert p.publisher == PUBLISHERS["GARD"]
    assert p.attribution is not None
    assert "MedQuAD" in p.attribution and "CC BY 4.0" in p.attribution
    assert "BMC Bioinformatics" in p.attribution and PUBLISHERS["GARD"] in p.attribution
    assert parsed.categories["GARD_0000101_Sec2"] == "GARD"


def test_whitespace_is_cleaned_and_text_otherwise_kept(parsed: ParsedCorpus) -> None:
    ids = by_id(parsed)
    assert ids["GARD_0000101_Sec1"].text == (
        "Quillfeather syndrome is an invented condition that exists only in this test file. "
        "It causes harmless tingling in the fingertips."
    )
    assert ids["CancerGov_0000013_2_Sec1"].text.startswith(
        "Key Points - Fixture myeloid neoplasms are a made-up group"
    )
    assert "\n" not in ids["CDC_0000404_Sec1"].text


@pytest.mark.parametrize(
    ("source_id", "section"),
    [
        ("CancerGov_0000013_2_Sec1", "overview"),
        ("CancerGov_0000013_2_Sec2", "stages"),
        ("CancerGov_0000013_2_1_Sec2", "treatment"),
        ("GHR_0000202_Sec1", "frequency"),
        ("GHR_0000202_Sec2", "causes"),
        ("GHR_0000202_Sec3", "side_effects"),
        ("NINDS_0000303_Sec2", "research"),
        ("CDC_0000404_Sec1", "prevention"),
        ("CDC_0000404_Sec2", "risk_factors"),
    ],
)
def test_question_types_map_to_sections(parsed: ParsedCorpus, source_id: str, section: str) -> None:
    assert by_id(parsed)[source_id].section == section


@pytest.mark.parametrize(
    ("qtype", "section"),
    [
        ("information", "overview"),
        ("symptoms", "symptoms"),
        ("causes", "causes"),
        ("susceptibility", "risk_factors"),
        ("exams and tests", "diagnosis"),
        ("treatment", "treatment"),
        ("prevention", "prevention"),
        ("inheritance", "risk_factors"),
        ("genetic changes", "causes"),
        ("outlook", "outlook"),
        ("complications", "complications"),
        ("support groups", "support"),
        ("Exams  and Tests", "diagnosis"),
        ("", "overview"),
    ],
)
def test_section_for(qtype: str, section: str) -> None:
    assert section_for(qtype) == section


def test_unusual_roots_are_read(parsed: ParsedCorpus) -> None:
    ids = by_id(parsed)
    assert ids["NINDS_0000303_Sec1"].title == "Fixture Tremor"  # <doc> with <doctitle-focus>
    assert ids["NINDS_0000303_Sec1"].question == "what is fixture tremor ?"
    assert (
        ids["CDC_0000404_Sec2"].url == "http://www.cdc.gov/parasites/fixturiasis/"
    )  # <DiseaseFile fid>


def test_empty_answers_are_skipped(parsed: ParsedCorpus) -> None:
    assert parsed.skipped["empty_answer"] == 1
    assert "CancerGov_0000013_2_1_Sec3" not in by_id(parsed)


def test_third_party_quotes_are_dropped_and_pointers_kept(parsed: ParsedCorpus) -> None:
    flagged = {f.source_id: f.reason for f in parsed.flagged if f.reason.startswith("third")}
    assert flagged == {
        "GARD_0000101_Sec3": "third_party_citation_marker",
        "GARD_0000101_Sec5": "third_party_attribution",
        "GARD_0000101_Sec6": "third_party_reference",
    }
    assert parsed.skipped["third_party_citation_marker"] == 1
    # "More information is on Medscape's web site" quotes nothing: kept.
    assert "GARD_0000101_Sec4" in by_id(parsed)


def test_a_reused_document_id_keeps_the_official_id_for_its_own_file(parsed: ParsedCorpus) -> None:
    ids = by_id(parsed)
    assert ids["CancerGov_0000013_2_Sec1"].title == "Fixture Myeloid Neoplasms"
    assert ids["CancerGov_0000013_2_1_Sec1"].title == "Fixture Polycythemia"
    assert ("CancerGov_0000013_2_Sec1", "CancerGov_0000013_2_1_Sec1") in parsed.renamed


def test_ids_do_not_depend_on_which_answers_are_skipped(tmp_path: Path) -> None:
    """The file named after the id owns it even if its own answers are all skipped."""
    root = tmp_path / "medquad"
    shutil.copytree(MEDQUAD / "1_CancerGov_QA", root / "1_CancerGov_QA")
    first = root / "1_CancerGov_QA" / "0000013_2.xml"
    text = first.read_text()
    first.write_text(text.replace("There is no staging system for fixture myeloid neoplasms.", ""))
    ids = {p.source_id for p in load_medquad(root)}
    assert "CancerGov_0000013_2_Sec2" not in ids
    assert "CancerGov_0000013_2_1_Sec2" in ids


def test_progress_reports_every_file() -> None:
    calls: list[tuple[int, int]] = []
    load_medquad(MEDQUAD, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (6, 6)
    assert [done for done, _ in calls] == list(range(1, 7))


def test_malformed_xml_is_a_clear_error() -> None:
    with pytest.raises(CorpusError) as caught:
        read_medquad(MEDQUAD_MALFORMED)
    message = str(caught.value)
    assert "0000102.xml" in message
    assert "not well-formed XML" in message
    assert "line" in message


def test_a_folder_without_collections_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no MedQuAD collection folders"):
        read_medquad(tmp_path)
    with pytest.raises(CorpusError, match="not a folder"):
        read_medquad(tmp_path / "missing")


def test_a_document_without_an_id_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "2_GARD_QA"
    folder.mkdir()
    (folder / "0000001.xml").write_text('<Document source="GARD" url="x"><QAPairs/></Document>')
    with pytest.raises(CorpusError, match="no id or source"):
        read_medquad(tmp_path)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Symptoms vary.[9184] Rest helps.", "citation_marker"),
        ("It may recur.[1, 2]", "citation_marker"),
        ("It is slow-growing.[orphanet] Surgery helps.", "citation_marker"),
        ("It is caused by mutations in the HADHA gene.[OMIM]", "citation_marker"),
        ("Example G. A case. Dermatology. 1999;198(2):176-7.", "reference"),
        ("GeneReviews. May 11, 2010; http://x. Accessed 3/27/2011.", "reference"),
        ("Arch Mal Coeur Vaiss [serial online].", "reference"),
        ("Neubauer et al. (1998) found linkage to chromosome 15q.", "attribution"),
        ("The authors concluded that it is a different condition.", "attribution"),
        ("Authors of one study reported progression.", "attribution"),
        ("A study by Guimares (2007) showed a variant.", "attribution"),
        ("An article published in the journal Lancet reviews options.", "attribution"),
        (
            "According to the National Comprehensive Cancer Network 2014, screening includes",
            "attribution",
        ),
        ("According to the medical text, CONN's Current Therapy, 7 percent recur.", "attribution"),
    ],
)
def test_third_party_patterns(text: str, rule: str) -> None:
    found = third_party_reason(text)
    assert found is not None and found[0] == rule


@pytest.mark.parametrize(
    "text",
    [
        "More detailed information is available on Medscape's Web site.",
        "Click here to view a diagram of the foot.",
        "According to a report published by the National Cancer Institute, it is rare.",
        "You can search PubMed for an article's title, authors, and publishing details.",
        "Lesions usually develop according to a specific pattern.",
        "The Human Phenotype Ontology provides the following list of signs and symptoms.",
        "Affected people are said to have 'beta-thalassemia minor'.",
    ],
)
def test_third_party_pattern_leaves_ordinary_text_alone(text: str) -> None:
    assert third_party_reason(text) is None
