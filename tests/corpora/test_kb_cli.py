"""``python -m bondmcp.kb_cli`` as a real subprocess against a temporary data directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bondmcp.engine.engine import HealthEngine
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

    imported = kb_json("import", "medquad", str(MEDQUAD), env=env)
    assert imported["changed"] is True
    assert imported["count"] == 14
    assert imported["skipped"] == {
        "empty_answer": 1,
        "third_party_attribution": 1,
        "third_party_citation_marker": 1,
        "third_party_reference": 1,
    }
    assert imported["renamed"] == 2
    assert "CC BY 4.0" in imported["license"]

    again = kb_json("import", "medquad", str(MEDQUAD), env=env)
    assert again["changed"] is False
    assert again["sha256"] == imported["sha256"]
    assert again["imported_at"] == imported["imported_at"]

    listed = kb_json("list", env=env)
    assert listed["builtin"]["topics"] >= 250
    assert len(listed["builtin"]["items"]) == listed["builtin"]["topics"]
    assert [(c["name"], c["count"]) for c in listed["corpora"]] == [("medquad", 14)]

    stats = kb_json("stats", env=env)
    assert stats["kb_version"] != empty["kb_version"]
    assert stats["passages"] == empty["passages"] + 14
    assert stats["by_origin"]["medquad"] == 14
    assert stats["by_category"]["medquad: GARD"] == 3
    assert stats["by_section"]["stages"] == 1
    # The reported version is the one an engine over the same content reports.
    assert stats["kb_version"] == HealthEngine.builtin(extra=load_all(data_dir)).kb_version

    kb_json("import", "medlineplus", str(MEDLINEPLUS), env=env)
    both = kb_json("stats", env=env)
    assert both["corpora"] == ["medlineplus", "medquad"]
    assert both["by_origin"]["medlineplus"] == 7

    removed = kb("remove", "medlineplus", env=env)
    assert "Removed medlineplus (7 passages)" in removed.stdout
    assert kb_json("stats", env=env)["kb_version"] == stats["kb_version"]


def test_human_output(env: dict[str, str]) -> None:
    imported = kb("import", "medquad", str(MEDQUAD), env=env).stdout
    assert "Imported medquad: 14 passages" in imported
    assert "Skipped 4: empty_answer 1" in imported
    assert "Unchanged, nothing rewritten" in kb("import", "medquad", str(MEDQUAD), env=env).stdout
    listed = kb("list", env=env).stdout
    assert "built-in" in listed and "medquad" in listed
    assert "kb_version kb-" in kb("stats", env=env).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "medquad", str(MEDQUAD_MALFORMED)), "0000102.xml: not well-formed XML"),
        (("import", "medquad", "/nonexistent/MedQuAD"), "not a folder"),
        (("import", "medlineplus", "/nonexistent/topics.xml"), "cannot be read"),
        (("import", "medquad", str(MEDQUAD), "--name", "Bad Name"), "invalid corpus name"),
        (("remove", "medquad"), "no imported corpus named 'medquad'"),
    ],
)
def test_errors_are_one_line_and_exit_non_zero(
    env: dict[str, str], args: tuple[str, ...], message: str
) -> None:
    result = kb(*args, env=env, check=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_a_bad_setting_is_reported(data_dir: Path) -> None:
    result = kb("list", env=bondmcp_env(data_dir, port="not-a-port"), check=False)
    assert result.returncode == 2
    assert "BONDMCP_PORT" in result.stderr
