"""``python -m bondmcp.kb_cli`` as a real subprocess against a temporary data directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bondmcp.engine.engine import HealthEngine
from bondmcp.kb_cli import kb_app
from bondmcp.store.corpora import load_all
from tests.conftest import bondmcp_env
from tests.corpora.conftest import MEDLINEPLUS, MEDQUAD, MEDQUAD_MALFORMED


def kb(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "bondmcp.kb_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"kb {' '.join(args)} failed: {result.stderr}")
    return result


def kb_json(*args: str, env: dict[str, str]) -> Any:
    return json.loads(kb(*args, "--json", env=env).stdout)


@pytest.fixture
def env(data_dir: Path) -> dict[str, str]:
    return bondmcp_env(data_dir)


def test_import_list_stats_remove(env: dict[str, str], data_dir: Path) -> None:
    empty = kb_json("stats", env=env)
    assert empty["corpora"] == [] and set(empty["by_origin"]) == {"kb"}

    imported = kb("import", "medquad", str(MEDQUAD), env=env).stdout
    assert "Imported medquad: 14 passages" in imported
    assert "Skipped 4: empty_answer 1, third_party_attribution 1" in imported

    again = kb_json("import", "medquad", str(MEDQUAD), env=env)
    assert again["changed"] is False
    assert again["count"] == 14
    assert again["skipped"] == {
        "empty_answer": 1,
        "third_party_attribution": 1,
        "third_party_citation_marker": 1,
        "third_party_reference": 1,
    }
    assert again["renamed"] == 2
    assert "CC BY 4.0" in again["license"]

    listed = kb_json("list", env=env)
    assert listed["builtin"]["topics"] >= 250
    assert len(listed["builtin"]["items"]) == listed["builtin"]["topics"]
    assert [(c["name"], c["count"]) for c in listed["corpora"]] == [("medquad", 14)]
    assert listed["corpora"][0]["imported_at"] == again["imported_at"]  # not rewritten

    stats = kb_json("stats", env=env)
    assert stats["kb_version"] != empty["kb_version"]
    assert stats["passages"] == empty["passages"] + 14
    assert stats["by_origin"]["medquad"] == 14
    assert stats["by_category"]["medquad: GARD"] == 3
    assert stats["by_section"]["stages"] == 1
    # The reported version is the one an engine over the same content reports.
    assert stats["kb_version"] == HealthEngine.builtin(extra=load_all(data_dir)).kb_version

    kb("import", "medlineplus", str(MEDLINEPLUS), env=env)
    both = kb("stats", env=env).stdout
    assert "kb_version kb-" in both and stats["kb_version"] not in both
    assert "medlineplus" in both

    removed = kb("remove", "medlineplus", env=env)
    assert "Removed medlineplus (7 passages)" in removed.stdout
    assert kb_json("stats", env=env)["kb_version"] == stats["kb_version"]


def test_an_error_exits_non_zero_with_one_line(env: dict[str, str]) -> None:
    result = kb("import", "medquad", str(MEDQUAD_MALFORMED), env=env, check=False)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {MEDQUAD_MALFORMED / '2_GARD_QA' / '0000102.xml'}: not well-formed XML "
        "(mismatched tag: line 8, column 3)"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "medquad", "/nonexistent/MedQuAD"), "not a folder"),
        (("import", "medlineplus", "/nonexistent/topics.xml"), "cannot be read"),
        (("import", "medquad", str(MEDQUAD), "--name", "Bad Name"), "invalid corpus name"),
        (("remove", "medquad"), "no imported corpus named 'medquad'"),
    ],
)
def test_other_errors(data_dir: Path, args: tuple[str, ...], message: str) -> None:
    """In-process (fast); the subprocess test above covers the real exit path."""
    result = CliRunner().invoke(kb_app, list(args), env={"BONDMCP_DATA_DIR": str(data_dir)})
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_a_bad_setting_is_reported(data_dir: Path) -> None:
    env = {"BONDMCP_DATA_DIR": str(data_dir), "BONDMCP_PORT": "not-a-port"}
    result = CliRunner().invoke(kb_app, ["list"], env=env)
    assert result.exit_code == 2
    assert "BONDMCP_PORT" in result.stderr
