"""batch_ask: chunking within the server's limit, order, per-item failures, concurrency."""

from __future__ import annotations

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from bondmcp.types import MAX_BATCH_SIZE
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, Seen, error_payload

FAST = bondmcp.RetryPolicy(initial_delay=0.01, max_delay=0.02)


def test_seed_usage_returns_answers_in_order(server: ScriptedServer) -> None:
    queries = ["What is diabetes?", "Symptoms of hypertension", "COVID-19 prevention"]
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        responses = client.batch_ask(queries)
    assert len(responses) == 3
    assert [r.answer for r in responses] == [f"Answer to: {q}" for q in queries]  # type: ignore[union-attr]
    assert all(isinstance(r, bondmcp.AskResponse) for r in responses)
    assert responses.ok and responses.errors == {}
    assert responses[0].request_id == "req_1"  # type: ignore[union-attr]
    assert server.paths() == ["/v1/ask/batch"]
    assert server.requests[0].json == {"queries": queries}
    assert server.requests[0].headers["idempotency-key"]


def test_large_batches_are_chunked_within_the_limit(server: ScriptedServer) -> None:
    queries = [f"question {i}" for i in range(120)]
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        result = client.batch_ask(queries, concurrency=1, locale="gb")
    sizes = [len(seen.json["queries"]) for seen in server.requests]
    assert sizes == [MAX_BATCH_SIZE, MAX_BATCH_SIZE, 20]
    assert all(seen.json["locale"] == "gb" for seen in server.requests)
    assert [r.answer for r in result.answers] == [f"Answer to: {q}" for q in queries]
    keys = {seen.headers["idempotency-key"] for seen in server.requests}
    assert len(keys) == 3  # each chunk is its own idempotent request


def test_custom_chunk_size(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        result = client.batch_ask([str(i) for i in range(7)], chunk_size=3, concurrency=1)
    assert [len(seen.json["queries"]) for seen in server.requests] == [3, 3, 1]
    assert len(result) == 7


def test_per_item_errors_keep_the_other_answers(server: ScriptedServer) -> None:
    server.batch_item_errors = {"bad one", "bad two"}
    queries = ["good", "bad one", "also good", "bad two"]
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        result = client.batch_ask(queries)
    assert not result.ok
    assert isinstance(result[0], bondmcp.AskResponse)
    assert isinstance(result[1], bondmcp.BatchItemError)
    assert result[1].error.code == "invalid_request"
    assert sorted(result.errors) == [1, 3]
    assert [r.answer for r in result.answers] == ["Answer to: good", "Answer to: also good"]
    assert result.exceptions == {}
    with pytest.raises(bondmcp.BondMCPError, match="2 of 4 queries failed"):
        result.raise_for_errors()


def test_a_failed_chunk_becomes_item_errors_and_the_rest_survive(server: ScriptedServer) -> None:
    queries = [f"q{i}" for i in range(6)]

    def handler(seen: Seen) -> Reply:
        if "q3" in seen.json["queries"]:
            return Reply(status=422, json=error_payload("invalid_request", "chunk rejected"))
        return server._default(seen)

    server.handler = handler
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        result = client.batch_ask(queries, chunk_size=2, concurrency=1)
    assert [i for i, item in enumerate(result) if isinstance(item, bondmcp.AskResponse)] == [
        0,
        1,
        4,
        5,
    ]
    assert result.errors[2].code == "invalid_request"
    assert result.errors[3].message == "chunk rejected"
    assert isinstance(result.exceptions[2], bondmcp.UnprocessableEntityError)
    with pytest.raises(bondmcp.UnprocessableEntityError):
        result.raise_for_errors()


def test_chunks_are_retried_on_their_own(server: ScriptedServer) -> None:
    server.push(Reply(status=503, json=error_payload("unavailable", "blip")))
    with Client(api_key=API_KEY, base_url=server.base_url, retry_policy=FAST) as client:
        result = client.batch_ask(["a", "b", "c"], chunk_size=2, concurrency=1)
    assert result.ok
    first, retry, second = server.requests
    assert first.headers["idempotency-key"] == retry.headers["idempotency-key"]
    assert first.json == retry.json == {"queries": ["a", "b"]}
    assert second.json == {"queries": ["c"]}


def test_when_every_chunk_fails_the_error_is_raised(server: ScriptedServer) -> None:
    server.push(*[Reply(status=401, json=error_payload("invalid_api_key", "no")) for _ in range(3)])
    with (
        Client(api_key=API_KEY, base_url=server.base_url) as client,
        pytest.raises(bondmcp.AuthenticationError),
    ):
        client.batch_ask(["a", "b", "c"], chunk_size=1, concurrency=1)
    assert len(server.requests) == 3


def test_empty_batch_sends_nothing(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        assert len(client.batch_ask([])) == 0
    assert server.requests == []


def test_bad_arguments(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        with pytest.raises(TypeError):
            client.batch_ask("one string is not a list")
        with pytest.raises(ValueError):
            client.batch_ask(["a"], chunk_size=MAX_BATCH_SIZE + 1)
        with pytest.raises(ValueError):
            client.batch_ask(["a"], concurrency=0)
        result = client.batch_ask(q for q in ("x", "y"))  # any iterable works
        assert len(result) == 2


def test_sync_concurrency_sends_chunks_in_parallel(server: ScriptedServer) -> None:
    server.handler = lambda seen: Reply(json=server._default(seen).json, delay=0.3)
    queries = [str(i) for i in range(8)]
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        result = client.batch_ask(queries, chunk_size=2, concurrency=4)
    assert server.max_in_flight == 4
    assert [r.answer for r in result.answers] == [f"Answer to: {q}" for q in queries]
    server.max_in_flight = 0
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        client.batch_ask(queries[:4], chunk_size=2, concurrency=1)
    assert server.max_in_flight == 1


async def test_async_chunks_run_concurrently_and_keep_order(server: ScriptedServer) -> None:
    # Later chunks answer faster, so completion order differs from query order.
    def handler(seen: Seen) -> Reply:
        first = int(seen.json["queries"][0])
        return Reply(json=server._default(seen).json, delay=0.4 - first * 0.03)

    server.handler = handler
    queries = [str(i) for i in range(10)]
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url) as client:
        result = await client.batch_ask(queries, chunk_size=2, concurrency=3)
    assert server.max_in_flight == 3
    assert [r.answer for r in result.answers] == [f"Answer to: {q}" for q in queries]


async def test_async_partial_failure(server: ScriptedServer) -> None:
    server.push(Reply(status=413, json=error_payload("payload_too_large", "too big")))
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url) as client:
        result = await client.batch_ask(["a", "b", "c", "d"], chunk_size=2, concurrency=1)
    assert sorted(result.errors) == [0, 1]
    assert result.errors[0].code == "payload_too_large"
    assert [r.answer for r in result.answers] == ["Answer to: c", "Answer to: d"]
