"""An engine built with imported passages answers from them and reports a new kb_version."""

from __future__ import annotations

from pathlib import Path

from bondmcp.engine.corpora import read_medlineplus, read_medquad
from bondmcp.engine.engine import HealthEngine
from bondmcp.kb_cli import kb_version
from bondmcp.store.corpora import CorpusStore, load_all
from tests.corpora.conftest import MEDLINEPLUS, MEDQUAD


def import_fixtures(data_dir: Path) -> None:
    store = CorpusStore(data_dir)
    for name, parsed in (
        ("medquad", read_medquad(MEDQUAD)),
        ("medlineplus", read_medlineplus(MEDLINEPLUS)),
    ):
        store.save(
            name,
            parsed.passages,
            kind=name,
            source_path="fixture",
            license="test",
            attribution="test",
            categories=parsed.categories,
        )


def test_the_engine_answers_from_imported_content(data_dir: Path) -> None:
    builtin = HealthEngine.builtin()
    before = builtin.ask("What causes Quillfeather syndrome?")
    assert not any(c.source_id.startswith("GARD_") for c in before.citations)

    import_fixtures(data_dir)
    engine = HealthEngine.builtin(extra=load_all(data_dir))
    assert engine.kb_version != builtin.kb_version

    answer = engine.ask("What causes Quillfeather syndrome?")
    assert not answer.abstained
    assert "imaginary change in the QFS1 gene" in answer.text
    cited = {c.source_id: c for c in answer.citations}
    assert "GARD_0000101_Sec2" in cited
    citation = cited["GARD_0000101_Sec2"]
    assert citation.attribution is not None and "CC BY 4.0" in citation.attribution
    assert citation.url.startswith("https://rarediseases.info.nih.gov/")

    glimmer = engine.ask("how do you catch glimmerpox")
    assert any(c.source_id.startswith("medlineplus:9001#") for c in glimmer.citations)
    assert any(
        c.attribution and c.attribution.startswith("Courtesy of MedlinePlus")
        for c in glimmer.citations
    )


def test_kb_version_changes_with_content_and_matches_the_engine(data_dir: Path) -> None:
    import_fixtures(data_dir)
    extra = load_all(data_dir)
    engine = HealthEngine.builtin(extra=extra)
    builtin_passages = HealthEngine.builtin().index.passages
    assert kb_version([*builtin_passages, *extra]) == engine.kb_version

    store = CorpusStore(data_dir)
    store.remove("medlineplus")
    assert HealthEngine.builtin(extra=load_all(data_dir)).kb_version != engine.kb_version
