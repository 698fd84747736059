"""The seed document's Python snippets, run as written against the real bondmcp server.

The snippets are read from ``shared/seed/best-practices.md`` beside the repository. A copy
of them is kept below so the test still runs where that folder is absent, and is checked
against the document whenever it is present, so the two cannot drift apart.
"""

from __future__ import annotations

import logging
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import bondmcp
from tests.client.sdk_servers import Reply, ScriptedServer, error_payload

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "best-practices.md"

KNOWN_SNIPPETS = [
    """import os
from bondmcp import Client

# Secure API key usage
api_key = os.getenv('BONDMCP_API_KEY')
if not api_key:
    raise ValueError("BONDMCP_API_KEY environment variable not set")

client = Client(api_key=api_key)
""",
    """try:
    response = client.ask(query)
    return response.answer
except bondmcp.RateLimitError:
    # Handle rate limiting gracefully
    time.sleep(60)
    return get_health_info_with_retry(query)
except bondmcp.APIError as e:
    # Log error and provide fallback
    logger.error(f"BondMCP API error: {e}")
    return "Unable to process health query at this time"
""",
    """# Process multiple queries efficiently
queries = ["What is diabetes?", "Symptoms of hypertension", "COVID-19 prevention"]
responses = client.batch_ask(queries)
""",
    """import logging

logger = logging.getLogger(__name__)

def log_health_query(query, response, user_id):
    logger.info(
        "Health query processed",
        extra={
            "user_id": user_id,
            "query_length": len(query),
            "response_time": response.processing_time,
            "confidence": response.confidence
        }
    )
""",
    """def health_check():
    try:
        client.ping()
        return {"status": "healthy", "bondmcp": "connected"}
    except Exception as e:
        return {"status": "unhealthy", "error": str(e)}
""",
]


def snippets() -> list[str]:
    if not SEED.exists():
        return KNOWN_SNIPPETS
    return re.findall(r"```python\n(.*?)```", SEED.read_text(), flags=re.DOTALL)


def run(source: str, namespace: dict[str, Any], name: str) -> dict[str, Any]:
    exec(compile(source, f"best-practices.md:{name}", "exec"), namespace)
    return namespace


def make_client(namespace: dict[str, Any] | None = None) -> bondmcp.Client:
    """Snippet 1, as written: the key (and the server URL) come from the environment."""
    ns = run(snippets()[0], namespace if namespace is not None else {}, "api-key")
    client = ns["client"]
    assert isinstance(client, bondmcp.Client)
    return client


def retrying_function(client: bondmcp.Client, logger: logging.Logger, sleeps: list[float]) -> Any:
    """Snippet 2 is a function body: wrap it in the function its own recursion names."""
    source = "def get_health_info_with_retry(query):\n" + textwrap.indent(snippets()[1], "    ")
    stand_in_time = SimpleNamespace(sleep=sleeps.append)  # record the 60 s nap, skip it
    ns = {"bondmcp": bondmcp, "client": client, "logger": logger, "time": stand_in_time}
    return run(source, ns, "error-handling")["get_health_info_with_retry"]


@pytest.fixture
def live_env(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("BONDMCP_API_KEY", live_server.api_key)
    monkeypatch.setenv("BONDMCP_BASE_URL", live_server.base_url)
    return live_server


def test_the_copy_matches_the_seed_document() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not present here; the embedded copy is used")
    assert snippets() == KNOWN_SNIPPETS


def test_api_key_snippet(live_env: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    client = make_client()
    assert client.api_key == live_env.api_key
    assert client.base_url == live_env.base_url
    client.close()
    monkeypatch.delenv("BONDMCP_API_KEY")
    with pytest.raises(ValueError, match="BONDMCP_API_KEY environment variable not set"):
        make_client()


def test_error_handling_snippet_answers(live_env: Any) -> None:
    with make_client() as client:
        sleeps: list[float] = []
        ask = retrying_function(client, logging.getLogger("seed"), sleeps)
        answer = ask("What is diabetes?")
    assert isinstance(answer, str) and "diabet" in answer.lower()
    assert sleeps == []


def test_error_handling_snippet_falls_back_on_api_errors(
    live_env: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with bondmcp.Client(api_key="bmcp_dev_not_a_real_key", base_url=live_env.base_url) as client:
        ask = retrying_function(client, logging.getLogger("seed"), [])
        answer = ask("What is diabetes?")
    assert answer == "Unable to process health query at this time"
    assert "BondMCP API error: 401" in caplog.text
    assert "bmcp_dev_not_a_real_key" not in caplog.text


def test_error_handling_snippet_rate_limit_branch(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A quota that resets in two minutes: beyond the SDK's retry cap, so RateLimitError
    # reaches the snippet, which sleeps (recorded here) and asks again.
    server.push(
        Reply(
            status=429,
            json=error_payload("rate_limited", "quota spent"),
            headers={"Retry-After": "120"},
        )
    )
    monkeypatch.setenv("BONDMCP_API_KEY", "bmcp_test_seed")
    monkeypatch.setenv("BONDMCP_BASE_URL", server.base_url)
    with make_client() as client:
        sleeps: list[float] = []
        answer = retrying_function(client, logging.getLogger("seed"), sleeps)("What is gout?")
    assert answer == "Answer to: What is gout?"
    assert sleeps == [60]
    assert len(server.requests) == 2


def test_batch_snippet(live_env: Any) -> None:
    ns: dict[str, Any] = {}
    with make_client(ns) as client:
        ns["client"] = client
        run(snippets()[2], ns, "batch")
    responses = ns["responses"]
    assert len(responses) == 3
    for response in responses:
        assert isinstance(response, bondmcp.AskResponse)
        assert response.answer
        assert response.disclaimer
    assert responses[0].citations  # "What is diabetes?" is answered from the knowledge base


def test_logging_snippet(live_env: Any, caplog: pytest.LogCaptureFixture) -> None:
    ns = run(snippets()[3], {"__name__": "seed_app"}, "logging")
    caplog.set_level(logging.INFO, logger="seed_app")
    with make_client() as client:
        query = "What is diabetes?"
        response = client.ask(query)
        ns["log_health_query"](query, response, user_id="u-1")
    record = next(r for r in caplog.records if r.getMessage() == "Health query processed")
    assert record.response_time == response.processing_time  # type: ignore[attr-defined]
    assert record.confidence == response.confidence  # type: ignore[attr-defined]
    assert record.query_length == len(query)  # type: ignore[attr-defined]
    assert 0.0 <= response.confidence <= 1.0 and response.processing_time >= 0.0


def test_health_check_snippet(live_env: Any) -> None:
    with make_client() as client:
        ns = run(snippets()[4], {"client": client}, "health-check")
        assert ns["health_check"]() == {"status": "healthy", "bondmcp": "connected"}
    with bondmcp.Client(api_key="bmcp_dev_wrong", base_url=live_env.base_url) as bad:
        result = run(snippets()[4], {"client": bad}, "health-check")["health_check"]()
    assert result["status"] == "unhealthy"
    assert "401" in result["error"]
