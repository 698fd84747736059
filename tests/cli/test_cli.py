"""The operator CLI, run as a real subprocess."""

from __future__ import annotations

import json

from tests.conftest import ASK_RESPONSE_FIELDS, bondmcp_env, run_cli


def test_ask_prints_a_cited_answer(data_env: dict[str, str]) -> None:
    result = run_cli("ask", "What is diabetes?", env=data_env)
    assert "diabetes" in result.stdout.lower()
    assert "https://" in result.stdout
    assert "not medical advice" in result.stdout


def test_ask_json_has_the_api_fields(data_env: dict[str, str]) -> None:
    body = json.loads(run_cli("ask", "What causes asthma?", "--json", env=data_env).stdout)
    for field in ASK_RESPONSE_FIELDS:
        assert field in body
    assert body["citations"][0]["url"].startswith("https://")


def test_empty_question_is_an_error(data_env: dict[str, str]) -> None:
    result = run_cli("ask", "   ", env=data_env, check=False)
    assert result.returncode == 2
    assert "empty" in result.stderr


def test_keys_create_prints_the_key_once_and_stores_only_a_hash(
    data_env: dict[str, str], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    created = json.loads(
        run_cli(
            "keys",
            "create",
            "--name",
            "ci",
            "--environment",
            "staging",
            "--rate-limit",
            "20/minute",
            "--json",
            env=data_env,
        ).stdout
    )
    assert created["key"].startswith("bmcp_test_")
    assert created["rate_limit"] == "20/minute"
    listed = json.loads(run_cli("keys", "list", "--json", env=data_env).stdout)
    assert [k["id"] for k in listed] == [created["id"]]
    assert "key" not in listed[0]
    db_bytes = (tmp_path / "data" / "bondmcp.db").read_bytes()
    assert created["key"].encode() not in db_bytes


def test_keys_create_rejects_bad_input(data_env: dict[str, str]) -> None:
    bad_env = run_cli(
        "keys", "create", "--name", "x", "--environment", "prod", env=data_env, check=False
    )
    assert bad_env.returncode == 2 and "environment must be one of" in bad_env.stderr
    bad_limit = run_cli(
        "keys", "create", "--name", "x", "--rate-limit", "lots", env=data_env, check=False
    )
    assert bad_limit.returncode == 2 and "not a rate limit" in bad_limit.stderr


def test_a_bad_setting_stops_start_up_with_one_clear_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = bondmcp_env(tmp_path, port="eighty", environment="development")
    result = run_cli("serve", env=env, check=False)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "BONDMCP_PORT" in lines[0]
    env = bondmcp_env(tmp_path, environment="prod")
    result = run_cli("ask", "What is flu?", env=env, check=False)
    assert result.returncode == 2 and "BONDMCP_ENVIRONMENT" in result.stderr


def test_db_upgrade_migrates_and_reports_the_revision(data_env: dict[str, str]) -> None:
    from bondmcp.store.db import Database

    head = Database("sqlite://").head_revision()
    result = run_cli("db", "upgrade", env=data_env)
    assert f"revision {head}" in result.stdout
    assert run_cli("db", "current", env=data_env).stdout.strip() == head
