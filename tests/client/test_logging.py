"""BONDMCP_LOG turns on request logging; the API key never appears in any of it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

import bondmcp
from bondmcp import Client
from bondmcp.client import _logging
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, error_payload

SECRET_PART = API_KEY.removeprefix("bmcp_test_")
QUESTION = "I have chest pain when climbing stairs, is it my heart?"


@pytest.fixture(autouse=True)
def _restore_logger() -> Iterator[None]:
    """BONDMCP_LOG configures a process-wide logger; undo it after each test."""
    logger = logging.getLogger("bondmcp")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
    _logging._handler = None


def test_debug_logging_redacts_the_key(
    server: ScriptedServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BONDMCP_LOG", "debug")
    server.push(
        Reply(status=503, json=error_payload("unavailable", "blip")),
        Reply(status=401, json=error_payload("invalid_api_key", "unknown key")),
    )
    with Client(
        api_key=API_KEY,
        base_url=server.base_url,
        retry_policy=bondmcp.RetryPolicy(initial_delay=0.01),
        max_retries=0,
    ) as client:
        with pytest.raises(bondmcp.InternalServerError):
            client.ask(QUESTION)
        with pytest.raises(bondmcp.AuthenticationError):
            client.with_options(max_retries=1).ask(QUESTION)
        client.ask(QUESTION)
        client.ping()
    stderr = capsys.readouterr().err
    for text in (caplog.text, stderr):
        assert "POST http://127.0.0.1" in text and "/v1/ask" in text
        assert "-> 503" in text and "-> 401" in text and "-> 200" in text
        assert "Bearer bmcp_test_<redacted>" in text
        assert API_KEY not in text
        assert SECRET_PART not in text
        assert "chest pain" not in text  # bodies are health data: never logged
    assert any(r.levelno == logging.DEBUG for r in caplog.records)


def test_info_logging_reports_retries_only(
    server: ScriptedServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BONDMCP_LOG", "info")
    server.push(Reply(status=503, json=error_payload("unavailable", "blip")))
    with Client(
        api_key=API_KEY,
        base_url=server.base_url,
        retry_policy=bondmcp.RetryPolicy(initial_delay=0.01),
    ) as client:
        client.ask(QUESTION)
    stderr = capsys.readouterr().err
    assert "Retrying POST /v1/ask" in stderr
    assert "503 unavailable" in stderr
    assert "Request:" not in stderr
    assert SECRET_PART not in stderr


def test_silent_without_bondmcp_log(
    server: ScriptedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.push(Reply(status=503, json=error_payload("unavailable", "blip")))
    with Client(
        api_key=API_KEY,
        base_url=server.base_url,
        retry_policy=bondmcp.RetryPolicy(initial_delay=0.01),
    ) as client:
        client.ask(QUESTION)
    assert capsys.readouterr().err == ""


def test_key_is_absent_from_errors_and_reprs(server: ScriptedServer) -> None:
    server.push(Reply(status=401, json=error_payload("invalid_api_key", "unknown key")))
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        with pytest.raises(bondmcp.AuthenticationError) as info:
            client.ask(QUESTION)
        assert SECRET_PART not in repr(client)
    assert SECRET_PART not in str(info.value)
    assert SECRET_PART not in repr(info.value)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("Authorization", "Bearer bmcp_live_abcdef123", "Bearer bmcp_live_<redacted>"),
        ("authorization", "Bearer sk-something", "Bearer <redacted>"),
        ("Authorization", "bmcp_live_abc", "<redacted>"),
        ("X-API-Key", "k", "<redacted>"),
        ("Cookie", "session=abc", "<redacted>"),
        ("Idempotency-Key", "bmcp-123", "bmcp-123"),
    ],
)
def test_redaction_rules(name: str, value: str, expected: str) -> None:
    assert _logging.redact_headers([(name, value)]) == {name: expected}
