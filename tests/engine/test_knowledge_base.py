"""Every built-in topic follows the format; the validator rejects each kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bondmcp.engine.knowledge import (
    CATEGORIES,
    SECTIONS,
    TOPICS_DIR,
    TRUSTED_DOMAINS,
    KnowledgeBaseError,
    load_topics,
    parse_topic,
)

VALID = """\
---
id: sample-topic
title: Sample topic
kind: condition
category: digestive
aliases: [sample]
reviewed: 2026-11-27
sources:
  - title: Sample
    publisher: MedlinePlus
    url: https://medlineplus.gov/sample.html
---

{sections}
"""


def body(**overrides: str) -> str:
    texts = {
        key: f"Sample topic has a {heading.lower()} sentence. Sample topic has a second one."
        for key, heading in SECTIONS.items()
    }
    texts.update(overrides)
    return "\n\n".join(f"## {SECTIONS[k]}\n{v}" for k, v in texts.items() if v)


def write(tmp_path: Path, text: str, name: str = "sample-topic.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_topics_all_validate_with_unique_ids() -> None:
    topics = load_topics()
    assert len(topics) >= 40
    assert len({t.id for t in topics}) == len(topics)
    for topic in topics:
        assert topic.category in CATEGORIES
        assert all(s.url.startswith("https://") for s in topic.sources)
        assert "overview" in topic.sections and "when_to_seek_care" in topic.sections


def test_builtin_topics_cover_the_common_conditions() -> None:
    ids = {p.stem for p in TOPICS_DIR.glob("*.md")}
    for expected in ("type-2-diabetes", "hypertension", "asthma", "influenza", "depression"):
        assert expected in ids


def test_a_valid_file_parses(tmp_path: Path) -> None:
    topic = parse_topic(write(tmp_path, VALID.format(sections=body())))
    assert topic.id == "sample-topic"
    assert list(topic.sections) == list(SECTIONS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            VALID.format(sections=body()).replace("https://medlineplus", "http://medlineplus"),
            "https",
        ),
        (
            VALID.format(sections=body()).replace("medlineplus.gov/sample", "example.com/sample"),
            "trusted",
        ),
        (VALID.format(sections=body()).replace("kind: condition", "kind: gossip"), "kind"),
        (
            VALID.format(sections=body()).replace("category: digestive", "category: misc"),
            "category",
        ),
        (VALID.format(sections=body()).replace("id: sample-topic", "id: Other Topic"), "slug"),
        (VALID.format(sections=body()).replace("id: sample-topic", "id: other-topic"), "file name"),
        (VALID.format(sections=body(causes="")), "missing sections"),
        (VALID.format(sections=body(symptoms="- a list item\n- another")), "prose"),
        (VALID.format(sections=body(symptoms="Only one sentence here.")), "sentences"),
        (VALID.format(sections=body()) + "\n## Overview\nAgain. And again.\n", "duplicate"),
        (VALID.format(sections=body()) + "\n## Prognosis\nLater. Much later.\n", "unknown section"),
        (VALID.format(sections=body()).replace("reviewed: 2026-11-27\n", ""), "missing"),
        ("no front matter at all", "front matter"),
    ],
)
def test_the_validator_names_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_topic(write(tmp_path, text))


def test_sections_out_of_order_are_rejected(tmp_path: Path) -> None:
    text = VALID.format(sections=body()).replace("## Overview", "## Treatment", 1)
    with pytest.raises(KnowledgeBaseError):
        parse_topic(write(tmp_path, text))


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    paths = [write(a, VALID.format(sections=body())), write(b, VALID.format(sections=body()))]
    with pytest.raises(KnowledgeBaseError, match="duplicate id"):
        load_topics(paths)


def test_trusted_publishers_are_the_authoritative_ones() -> None:
    assert set(TRUSTED_DOMAINS) == {
        "medlineplus.gov",
        "cdc.gov",
        "nih.gov",
        "nhs.uk",
        "who.int",
        "uspreventiveservicestaskforce.org",
    }


def test_sentences_are_not_split_after_abbreviations() -> None:
    from bondmcp.engine.knowledge import split_sentences

    assert split_sentences(
        "About half of U.S. adults have it. Dr. Lee agrees, e.g. In 2020 too."
    ) == [
        "About half of U.S. adults have it.",
        "Dr. Lee agrees, e.g. In 2020 too.",
    ]


def test_an_alias_may_name_only_one_topic(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    first = write(a, VALID.format(sections=body()))
    other = VALID.format(sections=body()).replace("id: sample-topic", "id: other-topic")
    other = other.replace("title: Sample topic", "title: Other topic")
    second = write(b, other, "other-topic.md")
    with pytest.raises(KnowledgeBaseError, match="also names topic 'sample-topic'"):
        load_topics([first, second])
