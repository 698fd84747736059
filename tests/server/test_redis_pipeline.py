"""Redis from the event loop: one pipeline per loop turn, and the shared moving window."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
import redis
from redis.exceptions import ResponseError

from bondmcp.server.autopipeline import AutoPipeline, LuaScript
from bondmcp.server.dependencies import DependencyHealth
from bondmcp.server.ratelimit import RateLimiter


@pytest.fixture
def namespace(redis_url: str) -> Iterator[str]:
    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{name}:*"):
        client.delete(key)
    client.close()


def _connections_named(redis_url: str, name: str) -> int:
    client = redis.Redis.from_url(redis_url)
    try:
        return sum(1 for c in client.client_list() if c.get("name") == name)
    finally:
        client.close()


def test_commands_of_one_loop_turn_share_one_connection(redis_url: str, namespace: str) -> None:
    name = f"pipeline-{uuid.uuid4().hex[:8]}"
    pipeline = AutoPipeline(redis_url, client_name=name)

    async def run() -> tuple[list[object], int]:
        counter = f"{namespace}:counter"
        replies = await asyncio.gather(*(pipeline.execute("INCR", counter) for _ in range(200)))
        connections = _connections_named(redis_url, name)
        await pipeline.aclose()
        return list(replies), connections

    replies, connections = asyncio.run(run())
    assert sorted(replies) == list(range(1, 201))  # every caller got its own reply
    assert connections == 1  # 200 commands, one pipeline on one connection


def test_a_failing_command_fails_only_its_caller(redis_url: str, namespace: str) -> None:
    pipeline = AutoPipeline(redis_url)

    async def run() -> list[object]:
        await pipeline.execute("SET", f"{namespace}:text", "not a number")
        replies = await asyncio.gather(
            pipeline.execute("INCR", f"{namespace}:text"),
            pipeline.execute("INCR", f"{namespace}:number"),
            return_exceptions=True,
        )
        await pipeline.aclose()
        return list(replies)

    failed, counted = asyncio.run(run())
    assert isinstance(failed, ResponseError)
    assert counted == 1


def test_a_connection_closed_by_the_server_is_replaced(redis_url: str, namespace: str) -> None:
    """Redis closing the pooled connection (a restart, a timeout, CLIENT KILL) costs the
    next batch a second try on a new connection, not an error; replies stay in order."""
    name = f"pipeline-{uuid.uuid4().hex[:8]}"
    pipeline = AutoPipeline(redis_url, client_name=name)
    admin = redis.Redis.from_url(redis_url)

    async def run() -> tuple[list[object], list[object]]:
        counter = f"{namespace}:counter"
        first = await asyncio.gather(*(pipeline.execute("INCR", counter) for _ in range(5)))
        ours = [c["id"] for c in admin.client_list() if c.get("name") == name]
        assert len(ours) == 1
        admin.client_kill_filter(_id=ours[0])
        assert _connections_named(redis_url, name) == 0
        again = await asyncio.gather(
            pipeline.execute("INCR", counter), pipeline.execute("GET", counter)
        )
        await pipeline.aclose()
        return list(first), list(again)

    try:
        first, again = asyncio.run(run())
    finally:
        admin.close()
    assert sorted(first) == [1, 2, 3, 4, 5]
    assert again == [6, b"6"]


def test_scripts_are_loaded_again_after_a_script_flush(redis_url: str, namespace: str) -> None:
    script = LuaScript(f"return redis.call('INCRBY', KEYS[1], ARGV[1]) -- {uuid.uuid4()}")
    pipeline = AutoPipeline(redis_url)

    async def run() -> list[object]:
        first = await pipeline.run_script(script, [f"{namespace}:n"], [2])
        redis.Redis.from_url(redis_url).script_flush()  # as a restarted server would be
        rest = await asyncio.gather(
            *(pipeline.run_script(script, [f"{namespace}:n"], [3]) for _ in range(3))
        )
        await pipeline.aclose()
        return [first, *rest]

    assert sorted(asyncio.run(run())) == [2, 5, 8, 11]  # type: ignore[type-var]


def test_an_unreachable_redis_fails_every_caller() -> None:
    pipeline = AutoPipeline("redis://127.0.0.1:1/0", socket_timeout=0.2)

    async def run() -> list[object]:
        return list(
            await asyncio.gather(
                *(pipeline.execute("GET", "x") for _ in range(5)), return_exceptions=True
            )
        )

    replies = asyncio.run(run())
    assert all(isinstance(reply, redis.ConnectionError) for reply in replies), replies


def test_a_new_event_loop_gets_a_new_client(redis_url: str, namespace: str) -> None:
    pipeline = AutoPipeline(redis_url)
    for expected in (1, 2):  # each asyncio.run is a new loop, as in consecutive tests
        assert asyncio.run(pipeline.execute("INCR", f"{namespace}:loops")) == expected


def _limiter(redis_url: str, namespace: str) -> RateLimiter:
    health = DependencyHealth("redis", configured=True)
    return RateLimiter(
        redis.Redis.from_url(redis_url),
        AutoPipeline(redis_url),
        namespace=namespace,
        health=health,
    )


def test_concurrent_hits_from_two_processes_pass_exactly_the_limit(
    redis_url: str, namespace: str
) -> None:
    """Two limiters (as in two server processes), 60 hits at once on a 25/minute key: 25
    pass, 35 are refused, and the remaining counts the passed hits saw are 24 down to 0."""
    first, second = _limiter(redis_url, namespace), _limiter(redis_url, namespace)

    async def run() -> list[tuple[bool, int, int]]:
        results = await asyncio.gather(
            *((first if i % 2 else second).hit_async("key_a", "25/minute") for i in range(60))
        )
        return [(r.allowed, r.remaining, r.reset_after) for r in results]

    results = asyncio.run(run())
    passed = [r for r in results if r[0]]
    assert len(passed) == 25
    assert sorted(r[1] for r in passed) == list(range(25))
    assert all(r[1] == 0 for r in results if not r[0])
    assert all(0 < r[2] <= 60 for r in results)


def test_threads_and_the_loop_charge_one_window(redis_url: str, namespace: str) -> None:
    limiter = _limiter(redis_url, namespace)
    blocking = [limiter.hit("key_b", "3/hour") for _ in range(2)]
    from_loop = asyncio.run(limiter.hit_async("key_b", "3/hour"))
    refused = limiter.hit("key_b", "3/hour")
    assert [r.remaining for r in blocking] == [2, 1]
    assert from_loop.allowed and from_loop.remaining == 0
    assert not refused.allowed and 3500 < refused.reset_after <= 3600
    other_key = limiter.hit("key_c", "3/hour")
    assert other_key.allowed and other_key.remaining == 2


def test_a_window_expires_on_redis_time(redis_url: str, namespace: str) -> None:
    limiter = _limiter(redis_url, namespace)
    assert [limiter.hit("key_d", "2/second").allowed for _ in range(3)] == [True, True, False]
    import time

    time.sleep(1.05)
    assert limiter.hit("key_d", "2/second").allowed
