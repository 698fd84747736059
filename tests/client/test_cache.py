"""The optional response cache: hits skip the network, keys never hold the question."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from typing import Any

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, error_payload

QUESTION = "Can I take ibuprofen with my blood pressure medicine?"


def test_repeated_asks_are_answered_from_the_cache(server: ScriptedServer) -> None:
    cache = bondmcp.InMemoryCache(ttl=60)
    with Client(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        first = client.ask(QUESTION)
        second = client.ask(QUESTION)
        assert second.answer == first.answer
        assert second.id == first.id
        assert second.request_id == first.request_id
        client.ask(QUESTION, locale="gb")  # a different request body: a different entry
        client.ask("Another question")
        client.search(QUESTION)
        client.search(QUESTION)
        client.search(QUESTION, limit=2)
    assert server.paths() == ["/v1/ask"] * 3 + ["/v1/search"] * 2
    assert len(cache) == 5


def test_cache_keys_never_contain_the_query(server: ScriptedServer) -> None:
    cache = bondmcp.InMemoryCache()
    with Client(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        client.ask(QUESTION)
        client.search(QUESTION)
    keys = cache.keys()
    assert len(keys) == 2
    for key in keys:
        assert "ibuprofen" not in key.lower()
        assert API_KEY not in key
        assert key.startswith("bondmcp:v1:")


def test_entries_expire_after_the_ttl(server: ScriptedServer) -> None:
    with Client(
        api_key=API_KEY, base_url=server.base_url, cache=bondmcp.InMemoryCache(ttl=0.2)
    ) as client:
        client.ask(QUESTION)
        client.ask(QUESTION)
        time.sleep(0.25)
        client.ask(QUESTION)
    assert len(server.requests) == 2


def test_lru_bound(server: ScriptedServer) -> None:
    cache = bondmcp.InMemoryCache(maxsize=2)
    with Client(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        for query in ("a", "b", "c", "a"):
            client.ask(query)
    assert len(cache) == 2
    assert len(server.requests) == 4  # "a" was evicted by "c"


def test_errors_are_not_cached(server: ScriptedServer) -> None:
    server.push(Reply(status=422, json=error_payload("invalid_request", "bad")))
    with Client(api_key=API_KEY, base_url=server.base_url, cache=True) as client:
        with pytest.raises(bondmcp.UnprocessableEntityError):
            client.ask(QUESTION)
        client.ask(QUESTION)
        client.ask(QUESTION)
    assert len(server.requests) == 2


def test_different_keys_do_not_share_entries(server: ScriptedServer) -> None:
    cache = bondmcp.InMemoryCache()
    with Client(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        client.ask(QUESTION)
        client.with_options(api_key="bmcp_test_someone_else").ask(QUESTION)
        client.with_options(max_retries=0).ask(QUESTION)  # same key: shared cache hit
    assert len(server.requests) == 2


def test_uncached_by_default_and_for_ping(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        client.ask(QUESTION)
        client.ask(QUESTION)
    with Client(api_key=API_KEY, base_url=server.base_url, cache=True) as client:
        client.ping()
        client.ping()
    assert len(server.requests) == 4


def test_batch_answers_fill_the_cache_and_use_it(server: ScriptedServer) -> None:
    cache = bondmcp.InMemoryCache()
    with Client(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        client.ask("b")
        result = client.batch_ask(["a", "b", "c"])
        assert [r.answer for r in result.answers] == [
            "Answer to: a",
            "Answer to: b",
            "Answer to: c",
        ]
        client.ask("a")  # filled by the batch
        again = client.batch_ask(["c", "a"])  # all hits: no request at all
        assert [r.answer for r in again.answers] == ["Answer to: c", "Answer to: a"]
    assert server.paths() == ["/v1/ask", "/v1/ask/batch"]
    assert server.requests[1].json == {"queries": ["a", "c"]}  # "b" came from the cache


class BrokenCache:
    def get(self, key: str) -> bytes | None:
        raise ConnectionError("cache down")

    def set(self, key: str, value: bytes) -> None:
        raise ConnectionError("cache down")


def test_a_broken_cache_never_breaks_a_call(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url, cache=BrokenCache()) as client:
        assert client.ask(QUESTION).answer == f"Answer to: {QUESTION}"
    assert len(server.requests) == 1
    assert "Cache read failed" in caplog.text
    assert "Cache write failed" in caplog.text


class AsyncDictCache:
    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    async def get(self, key: str) -> bytes | None:
        return self.data.get(key)

    async def set(self, key: str, value: bytes) -> None:
        self.data[key] = value


def test_sync_client_rejects_an_async_cache() -> None:
    with pytest.raises(TypeError, match="AsyncClient"):
        Client(api_key=API_KEY, cache=AsyncDictCache())  # type: ignore[arg-type]


async def test_async_client_with_an_async_cache(server: ScriptedServer) -> None:
    cache = AsyncDictCache()
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        await client.ask(QUESTION)
        await client.ask(QUESTION)
    assert len(server.requests) == 1
    assert len(cache.data) == 1


@pytest.fixture
def redis_prefix() -> Iterator[tuple[Any, str]]:
    redis = pytest.importorskip("redis")
    conn = redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5)
    try:
        conn.ping()
    except redis.RedisError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    prefix = f"bondmcp-test-{secrets.token_hex(4)}:"
    yield conn, prefix
    for key in conn.scan_iter(f"{prefix}*"):
        conn.delete(key)
    conn.close()


def test_redis_cache_is_shared_between_clients(
    server: ScriptedServer, redis_prefix: tuple[Any, str]
) -> None:
    conn, prefix = redis_prefix
    cache = bondmcp.RedisCache(conn, ttl=30, prefix=prefix)
    with Client(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        client.ask(QUESTION)
    # Another client (another process, in real life) with its own Redis connection.
    import redis

    other_conn = redis.Redis(host="127.0.0.1", port=6379)
    other = bondmcp.RedisCache(other_conn, ttl=30, prefix=prefix)
    with Client(api_key=API_KEY, base_url=server.base_url, cache=other) as client:
        assert client.ask(QUESTION).answer == f"Answer to: {QUESTION}"
    other_conn.close()
    assert len(server.requests) == 1
    keys = [key.decode() for key in conn.scan_iter(f"{prefix}*")]
    assert len(keys) == 1
    assert "ibuprofen" not in keys[0]
    assert 0 < conn.ttl(keys[0]) <= 30


async def test_async_redis_cache(server: ScriptedServer, redis_prefix: tuple[Any, str]) -> None:
    import redis.asyncio

    _, prefix = redis_prefix
    conn = redis.asyncio.Redis(host="127.0.0.1", port=6379)
    cache = bondmcp.AsyncRedisCache(conn, ttl=30, prefix=prefix)
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url, cache=cache) as client:
        await client.ask(QUESTION)
        await client.ask(QUESTION)
    await conn.aclose()
    assert len(server.requests) == 1
