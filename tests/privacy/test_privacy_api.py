"""The public contract of bondmcp.privacy: types, offsets, tags, and edge-case input."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bondmcp.privacy
from bondmcp.privacy import (
    ENTITY_TYPES,
    TAGS,
    Deidentified,
    Entity,
    deidentify,
    find_entities,
    redact,
)

SAMPLE = (
    "Hi Dr. Patel, this is Maria Lopez (DOB 03/14/1951). My A1C is 7.2% and BP 140/90. "
    "Call me at (555) 234-5678 or maria.lopez@example.org. MRN 12345678. Thanks, Maria"
)


def test_deidentify_returns_tags_and_entities() -> None:
    result = deidentify(SAMPLE)
    assert isinstance(result, Deidentified)
    assert result.text == (
        "Hi Dr. [NAME], this is [NAME] (DOB [DATE]). My A1C is 7.2% and BP 140/90. "
        "Call me at [PHONE] or [EMAIL]. MRN [MRN]. Thanks, [NAME]"
    )
    assert [e.type for e in result.entities] == [
        "name",
        "name",
        "date",
        "phone",
        "email",
        "medical_record_number",
        "name",
    ]


def test_offsets_point_into_the_original_text() -> None:
    result = deidentify(SAMPLE)
    found = [SAMPLE[e.start : e.end] for e in result.entities]
    assert found == [
        "Patel",
        "Maria Lopez",
        "03/14/1951",
        "(555) 234-5678",
        "maria.lopez@example.org",
        "12345678",
        "Maria",
    ]


def test_entities_are_sorted_and_do_not_overlap() -> None:
    entities = deidentify(SAMPLE).entities
    assert entities == sorted(entities, key=lambda e: e.start)
    for a, b in itertools.pairwise(entities):
        assert a.end <= b.start


def test_replacing_entities_with_tags_gives_the_text() -> None:
    result = deidentify(SAMPLE)
    rebuilt, cursor = [], 0
    for e in result.entities:
        rebuilt += [SAMPLE[cursor : e.start], TAGS[e.type]]
        cursor = e.end
    rebuilt.append(SAMPLE[cursor:])
    assert "".join(rebuilt) == result.text


def test_redact_is_shorthand_for_the_text() -> None:
    assert redact(SAMPLE) == deidentify(SAMPLE).text


def test_find_entities_matches_deidentify() -> None:
    assert find_entities(SAMPLE) == deidentify(SAMPLE).entities


def test_results_are_frozen_and_hold_no_original() -> None:
    result = deidentify(SAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.entities[0].start = 1  # type: ignore[misc]
    assert {f.name for f in dataclasses.fields(result)} == {"text", "entities"}
    assert "Maria" not in repr(result)
    assert hash(result) == hash(deidentify(SAMPLE))


def test_entity_fields_and_type_names_are_stable() -> None:
    assert [f.name for f in dataclasses.fields(Entity)] == ["type", "start", "end"]
    assert Entity("name", 0, 4) == Entity(type="name", start=0, end=4)
    assert ENTITY_TYPES == (
        "name",
        "date",
        "age_over_89",
        "phone",
        "fax",
        "email",
        "ssn",
        "medical_record_number",
        "health_plan_number",
        "account_number",
        "license_number",
        "vehicle_id",
        "device_id",
        "url",
        "ip_address",
        "street_address",
        "zip_code",
    )
    assert set(TAGS) == set(ENTITY_TYPES)
    assert all(tag.startswith("[") and tag.endswith("]") for tag in TAGS.values())


def test_every_reported_type_is_a_known_type() -> None:
    text = (
        "Mr. Okafor, 92-year-old, SSN 123-45-6789, fax (555) 234-9999, member ID W123456789, "
        "acct # 00123456, DL# D1234567, VIN 1HGCM82633A004352, serial number SN-4481-22, "
        "https://example.org/p/1, 10.0.0.12, 123 Main St, Springfield, IL 62704."
    )
    types = {e.type for e in deidentify(text).entities}
    assert types <= set(ENTITY_TYPES)
    assert types == set(ENTITY_TYPES) - {"date", "phone", "email", "medical_record_number"}


def test_deterministic() -> None:
    assert all(deidentify(SAMPLE) == deidentify(SAMPLE) for _ in range(5))


@pytest.mark.parametrize("text", ["", " ", "\n\n", "ok", "?", "12", "A1C"])
def test_empty_and_trivial_input(text: str) -> None:
    result = deidentify(text)
    assert result.text == text
    assert result.entities == []


def test_unicode_text_keeps_offsets_right() -> None:
    text = "Ünïcödé ✓ — Dr. José Martínez-Núñez saw me on 14.03.2024 🙂 for Sjögren's syndrome, İstanbul."
    result = deidentify(text)
    spans = {text[e.start : e.end]: e.type for e in result.entities}
    assert spans["José Martínez-Núñez"] == "name"
    assert spans["14.03.2024"] == "date"
    assert "Sjögren's syndrome" in result.text
    assert "🙂" in result.text


def test_characters_whose_lower_case_is_longer_do_not_shift_offsets() -> None:
    text = "İİİ Dr. Smith on March 3, 2024"
    result = deidentify(text)
    assert [text[e.start : e.end] for e in result.entities] == ["Smith", "March 3, 2024"]


def test_very_long_input_completes_and_stays_correct() -> None:
    block = (
        "Patient Maria Lopez, MRN 12345678, seen 03/14/2024 for Parkinson disease; "
        "BP 140/90, metformin 500 mg twice daily. Call (555) 234-5678.\n"
    )
    text = block * (100_000 // len(block) + 1)
    assert len(text) > 100_000
    started = time.perf_counter()
    result = deidentify(text)
    elapsed = time.perf_counter() - started
    repeats = text.count(block)
    assert result.text.count("[MRN]") == repeats
    assert result.text.count("[PHONE]") == repeats
    assert result.text.count("[DATE]") == repeats
    assert result.text.count("Parkinson disease") == repeats
    assert "Maria" not in result.text
    assert elapsed < 60  # linear, not quadratic: generous bound for slow machines


def test_long_text_without_spaces_does_not_hang() -> None:
    text = "a" * 50_000 + "1" * 50_000 + "/" * 10_000 + "-." * 10_000
    started = time.perf_counter()
    deidentify(text)
    assert time.perf_counter() - started < 60


PRIVACY_DIR = Path(bondmcp.privacy.__file__).parent


def test_package_imports_only_the_standard_library_and_itself() -> None:
    """The light SDK install must be able to use it client-side: no third-party import and no
    other part of bondmcp, checked on the source of every module."""
    stdlib = sys.stdlib_module_names
    for path in sorted(PRIVACY_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level > 0:
                    assert node.level == 1, f"{path.name} reaches outside the package"
                    continue
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in stdlib, f"{path.name} imports {name}"


def test_package_loads_without_the_rest_of_bondmcp() -> None:
    """Loaded on its own (the parent package's SDK imports stubbed out), it pulls in nothing
    beyond the standard library."""
    code = (
        "import sys, types\n"
        f"pkg = types.ModuleType('bondmcp'); pkg.__path__ = [{str(PRIVACY_DIR.parent)!r}]\n"
        "sys.modules['bondmcp'] = pkg\n"
        "before = set(sys.modules)\n"
        "import bondmcp.privacy\n"
        "print(bondmcp.privacy.redact('Call Dr. Smith at 555-234-5678'))\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    redacted, modules = out.stdout.splitlines()
    assert redacted == "Call Dr. [NAME] at [PHONE]"
    for name in modules.split():
        if name.startswith("bondmcp"):
            assert name.startswith("bondmcp.privacy"), name
        else:
            assert name.split(".")[0] in sys.stdlib_module_names, name
