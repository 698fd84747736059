"""The SDK against the real bondmcp server: contract, errors and idempotent replays."""

from __future__ import annotations

from typing import Any

import pytest

import bondmcp
from bondmcp import AsyncClient, Client


@pytest.fixture
def client(live_server: Any) -> Any:
    with Client(api_key=live_server.api_key, base_url=live_server.base_url) as c:
        yield c


def test_every_method_parses(client: Client) -> None:
    answer = client.ask("What is diabetes?")
    assert answer.answer and answer.citations and answer.disclaimer
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.request_id
    assert client.search("diabetes", limit=2).results
    assert client.ping().status == "ok"
    assert client.health().status == "healthy"
    assert client.ready().status in ("ready", "not_ready")


def test_a_repeated_idempotency_key_is_answered_once(client: Client) -> None:
    first = client.ask("What causes migraine?", idempotency_key="sdk-live-replay-1")
    again = client.ask("What causes migraine?", idempotency_key="sdk-live-replay-1")
    fresh = client.ask("What causes migraine?")
    assert again.id == first.id  # replayed, not answered a second time
    assert fresh.id != first.id


def test_batches_larger_than_the_server_limit(client: Client) -> None:
    queries = [f"What is diabetes? ({i})" for i in range(bondmcp.types.MAX_BATCH_SIZE + 7)]
    result = client.batch_ask(queries)
    assert len(result) == len(queries)
    assert result.ok


def test_errors_from_the_real_server(live_server: Any) -> None:
    with (
        Client(api_key="bmcp_dev_unknown", base_url=live_server.base_url) as bad,
        pytest.raises(bondmcp.AuthenticationError) as info,
    ):
        bad.ask("What is diabetes?")
    assert info.value.status_code == 401
    assert info.value.code == "invalid_api_key"
    assert info.value.request_id
    with Client(api_key=live_server.api_key, base_url=live_server.base_url) as client:
        with pytest.raises(bondmcp.APIStatusError) as bad_query:
            client.ask("   ")
        assert bad_query.value.status_code in (400, 422)
        with pytest.raises(bondmcp.PayloadTooLargeError):
            client.ask("x" * 2_000_000)


async def test_async_client_against_the_real_server(live_server: Any) -> None:
    async with AsyncClient(api_key=live_server.api_key, base_url=live_server.base_url) as client:
        answer = await client.ask("Symptoms of hypertension")
        batch = await client.batch_ask(["What is diabetes?", "COVID-19 prevention"])
    assert answer.answer
    assert len(batch) == 2 and batch.ok
