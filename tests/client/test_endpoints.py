"""Each method sends the documented request and returns a typed response (sync and async)."""

from __future__ import annotations

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, ask_payload


def test_ask_returns_a_typed_answer(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        response = client.ask("What is diabetes?", locale="us")
    assert isinstance(response, bondmcp.AskResponse)
    assert response.answer == "Answer to: What is diabetes?"
    assert response.confidence == pytest.approx(0.82)
    assert response.processing_time == pytest.approx(0.004)
    assert response.triage == "routine"
    assert response.in_scope is True
    assert isinstance(response.citations[0], bondmcp.Citation)
    assert response.citations[0].url == "https://example.org/diabetes"
    assert response.request_id == "req_1"  # from X-Request-ID when the body has none
    seen = server.requests[0]
    assert (seen.method, seen.path) == ("POST", "/v1/ask")
    assert seen.json == {"query": "What is diabetes?", "locale": "us"}


def test_ask_keeps_the_body_request_id_and_tolerates_new_fields(server: ScriptedServer) -> None:
    payload = ask_payload("q", request_id="req_body")
    payload["a_field_from_a_newer_server"] = {"x": 1}
    server.push(Reply(json=payload))
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        response = client.ask("q")
    assert response.request_id == "req_body"


def test_search(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        response = client.search("asthma inhaler", limit=3)
    assert isinstance(response, bondmcp.SearchResponse)
    assert [r.source_id for r in response.results] == ["src-0", "src-1", "src-2"]
    assert isinstance(response.results[0], bondmcp.SearchResult)
    assert server.requests[0].json == {"query": "asthma inhaler", "limit": 3}


def test_ping_health_ready(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        ping = client.ping()
        health = client.health()
        ready = client.ready()
    assert isinstance(ping, bondmcp.PingResponse) and ping.key_id == "k1"
    assert isinstance(health, bondmcp.HealthResponse) and health.status == "healthy"
    assert isinstance(ready, bondmcp.ReadyResponse) and ready.status == "ready"
    assert [(s.method, s.path) for s in server.requests] == [
        ("GET", "/v1/ping"),
        ("GET", "/health"),
        ("GET", "/ready"),
    ]


def test_ready_reports_not_ready_without_raising_or_retrying(server: ScriptedServer) -> None:
    server.push(
        Reply(
            status=503,
            json={
                "status": "not_ready",
                "dependencies": {"db": {"status": "down", "detail": "connection refused"}},
            },
        )
    )
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        ready = client.ready()
    assert ready.status == "not_ready"
    assert ready.dependencies["db"].status == "down"
    assert len(server.requests) == 1


async def test_async_client_has_the_same_methods(server: ScriptedServer) -> None:
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url) as client:
        answer = await client.ask("What is diabetes?")
        search = await client.search("diabetes", limit=1)
        ping = await client.ping()
        health = await client.health()
        ready = await client.ready()
        batch = await client.batch_ask(["a", "b"])
        assert not client.is_closed
    assert client.is_closed
    assert answer.answer == "Answer to: What is diabetes?"
    assert len(search.results) == 1
    assert ping.status == "ok" and health.status == "healthy" and ready.status == "ready"
    assert [r.answer for r in batch.answers] == ["Answer to: a", "Answer to: b"]
    for name in ("ask", "batch_ask", "search", "ping", "health", "ready", "with_options"):
        assert hasattr(Client, name) and hasattr(AsyncClient, name)


async def test_async_with_options_and_env(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BONDMCP_API_KEY", API_KEY)
    monkeypatch.setenv("BONDMCP_BASE_URL", server.base_url)
    client = AsyncClient()
    copy = client.with_options(default_headers={"X-Tenant": "clinic-7"})
    await copy.ping()
    await copy.close()
    assert not client.is_closed  # the copy does not own the pool
    await client.close()
    assert server.requests[0].headers["x-tenant"] == "clinic-7"
    assert server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    with pytest.raises(bondmcp.BondMCPError, match="plain http"):
        AsyncClient(api_key=API_KEY, base_url="http://example.com")
