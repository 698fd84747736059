"""Paths to the corpus fixtures: small files in the shape of the real ones, invented text."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MEDQUAD = FIXTURES / "medquad"
MEDQUAD_MALFORMED = FIXTURES / "medquad_malformed"
MEDLINEPLUS = FIXTURES / "medlineplus" / "mplus_topics_fixture.xml"
MEDLINEPLUS_MALFORMED = FIXTURES / "medlineplus" / "malformed.xml"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
