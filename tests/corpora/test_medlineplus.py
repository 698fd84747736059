"""The MedlinePlus health-topics parser on a fixture shaped like NLM's XML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bondmcp.engine.corpora import CorpusError, ParsedCorpus, load_medlineplus, read_medlineplus
from bondmcp.engine.corpora.html_text import html_blocks
from bondmcp.engine.corpora.medlineplus import CREDIT, PUBLISHER
from bondmcp.engine.passages import Passage
from tests.corpora.conftest import MEDLINEPLUS, MEDLINEPLUS_MALFORMED


@pytest.fixture(scope="module")
def parsed() -> ParsedCorpus:
    return read_medlineplus(MEDLINEPLUS)


def by_id(parsed: ParsedCorpus) -> dict[str, Passage]:
    return {p.source_id: p for p in parsed.passages}


def test_english_topics_only(parsed: ParsedCorpus) -> None:
    assert {p.topic_id for p in parsed.passages} == {
        "medlineplus:9001",
        "medlineplus:9002",
        "medlineplus:9005",
    }
    assert parsed.skipped == {"not_english": 1, "empty_summary": 1}
    assert not any("viruela" in p.text.lower() for p in parsed.passages)


def test_headings_split_a_summary_into_sections(parsed: ParsedCorpus) -> None:
    sections = [p.section for p in parsed.passages if p.topic_id == "medlineplus:9001"]
    assert sections == ["overview", "causes", "symptoms", "treatment", "prevention"]
    causes = by_id(parsed)["medlineplus:9001#causes"]
    assert causes.question == "What causes glimmerpox?"
    assert (
        causes.text == "Glimmerpox is caused by an imaginary virus that spreads on shared towels."
    )


def test_a_heading_without_intent_continues_the_current_section(parsed: ParsedCorpus) -> None:
    treatment = by_id(parsed)["medlineplus:9001#treatment"]
    assert treatment.text.endswith(
        "Most people carry on with school or work while the patches fade."
    )


def test_html_is_stripped_to_text(parsed: ParsedCorpus) -> None:
    ids = by_id(parsed)
    overview = ids["medlineplus:9001#overview"].text
    assert overview.startswith("Glimmerpox is an invented skin condition that makes")
    assert "<" not in overview and "href" not in overview
    assert "ease the itching & warmth." in ids["medlineplus:9001#treatment"].text
    assert ids["medlineplus:9001#symptoms"].text == (
        "Symptoms can include: Shiny patches on the arms. Mild itching. A warm feeling in the skin."
    )
    assert ids["medlineplus:9005#overview"].text == "Inline markup fixtures carry real elements."


def test_credit_paragraphs_are_not_content(parsed: ParsedCorpus) -> None:
    assert not any("Invented Institute" in p.text for p in parsed.passages)


def test_a_summary_without_headings_is_one_overview(parsed: ParsedCorpus) -> None:
    knee = [p for p in parsed.passages if p.topic_id == "medlineplus:9002"]
    assert len(knee) == 1 and knee[0].section == "overview" and knee[0].question is None
    assert knee[0].text == (
        "Driftwood knee is an invented joint problem. The kneecap slides a little to one side "
        "when you walk on sand. It is not serious and needs no treatment."
    )


def test_only_title_aliases_url_date_and_summary_are_kept(parsed: ParsedCorpus) -> None:
    p = by_id(parsed)["medlineplus:9001#overview"]
    assert p.title == "Glimmerpox"
    assert p.aliases == ("Glimmer pox", "Sparkle rash")
    assert p.url == "https://medlineplus.gov/glimmerpox.html"
    assert p.publisher == PUBLISHER
    assert p.origin == "medlineplus"
    assert p.attribution == f"{CREDIT} (topic created 2015-03-14)."
    assert CREDIT == "Courtesy of MedlinePlus from the National Library of Medicine"
    assert parsed.categories[p.source_id] == "Skin, Hair and Nails"
    every_text = " ".join(q.text for q in parsed.passages)
    assert "MUST NOT BE IMPORTED" not in every_text
    assert "Shiny skin" not in p.aliases  # see-reference is not an also-called name


def test_progress_counts_bytes() -> None:
    calls: list[tuple[int, int]] = []
    read_medlineplus(MEDLINEPLUS, progress=lambda done, total: calls.append((done, total)))
    size = MEDLINEPLUS.stat().st_size
    assert calls and calls[-1] == (size, size)


def test_malformed_xml_is_a_clear_error() -> None:
    with pytest.raises(CorpusError) as caught:
        load_medlineplus(MEDLINEPLUS_MALFORMED)
    message = str(caught.value)
    assert "malformed.xml" in message and "not well-formed XML" in message and "line" in message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<html><body/></html>", "is not <health-topics>"),
        ("", "not well-formed XML"),
    ],
)
def test_other_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "topics.xml"
    path.write_text(content)
    with pytest.raises(CorpusError, match=message):
        read_medlineplus(path)


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="cannot be read"):
        read_medlineplus(tmp_path / "missing.xml")


def test_html_blocks_skip_scripts_and_keep_structure() -> None:
    blocks = html_blocks(
        "<h3>What is it?</h3><p>One <b>two</b><br>three</p><script>x()</script><ul><li>a</li></ul>"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "What is it?"),
        ("paragraph", "One two three"),
        ("item", "a"),
    ]
