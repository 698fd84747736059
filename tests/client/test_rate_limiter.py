"""Client-side pacing, checked on the server's clock: arrivals never exceed the quota."""

from __future__ import annotations

import asyncio
import time

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, error_payload


def max_in_window(times: list[float], window: float) -> int:
    """The most arrivals seen within any span shorter than ``window`` seconds."""
    times = sorted(times)
    best = 0
    start = 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_sync_calls_are_paced_to_the_quota(server: ScriptedServer) -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=10)
    with Client(api_key=API_KEY, base_url=server.base_url, rate_limiter=limiter) as client:
        started = time.monotonic()
        for i in range(25):
            client.ask(f"q{i}")
        elapsed = time.monotonic() - started
    arrivals = [seen.at for seen in server.requests]
    assert len(arrivals) == 25
    # 25 requests at 10/s: batches at t=0, 1 and 2 s.
    assert elapsed >= 1.9
    # A small tolerance for scheduling jitter between the client's clock and the server's.
    assert max_in_window(arrivals, 0.8) <= 10


async def test_async_tasks_share_the_quota_without_blocking_the_loop(
    server: ScriptedServer,
) -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=10)
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    async with AsyncClient(
        api_key=API_KEY, base_url=server.base_url, rate_limiter=limiter
    ) as client:
        tick_task = asyncio.create_task(ticker())
        started = time.monotonic()
        results = await asyncio.gather(*(client.ask(f"q{i}") for i in range(25)))
        elapsed = time.monotonic() - started
        stop.set()
        await tick_task
    assert [r.answer for r in results] == [f"Answer to: q{i}" for i in range(25)]
    arrivals = [seen.at for seen in server.requests]
    assert elapsed >= 1.9
    assert max_in_window(arrivals, 0.8) <= 10
    # The loop kept running while requests waited for their slot.
    assert ticks >= 50


def test_without_a_limiter_nothing_is_paced(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        started = time.monotonic()
        for i in range(25):
            client.ask(f"q{i}")
    assert time.monotonic() - started < 1.0


def test_per_minute_window_books_slots_a_minute_apart() -> None:
    limiter = bondmcp.RateLimiter(requests_per_minute=3)
    waits = [limiter.reserve() for _ in range(4)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert 59.0 <= waits[3] <= 60.0


def test_both_windows_apply_together() -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=2, requests_per_minute=3)
    waits = [limiter.reserve() for _ in range(4)]
    assert waits[0] == waits[1] == 0.0
    assert 0.9 <= waits[2] <= 1.0  # the per-second window
    assert 59.0 <= waits[3] <= 60.0  # the per-minute window


def test_fractional_rate() -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=0.5)
    assert limiter.reserve() == 0.0
    assert 1.9 <= limiter.reserve() <= 2.0


@pytest.mark.parametrize("kwargs", [{}, {"requests_per_second": 0}, {"requests_per_minute": -1}])
def test_invalid_limits_are_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        bondmcp.RateLimiter(**kwargs)


def test_adapts_to_an_exhausted_server_quota(server: ScriptedServer) -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=100)
    server.push(
        Reply(
            headers={
                "X-RateLimit-Limit": "60",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": "1",
            }
        )
    )
    with Client(api_key=API_KEY, base_url=server.base_url, rate_limiter=limiter) as client:
        client.ask("first")
        client.ask("second")
    first, second = (seen.at for seen in server.requests)
    assert second - first >= 0.9  # held until the server's window reset


def test_remaining_quota_does_not_slow_anything(server: ScriptedServer) -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=100)
    server.push(
        Reply(headers={"X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "30"}),
    )
    with Client(api_key=API_KEY, base_url=server.base_url, rate_limiter=limiter) as client:
        started = time.monotonic()
        client.ask("first")
        client.ask("second")
    assert time.monotonic() - started < 0.5


async def test_a_429_pauses_every_task_sharing_the_limiter(server: ScriptedServer) -> None:
    limiter = bondmcp.RateLimiter(requests_per_second=100)
    server.push(
        Reply(
            status=429,
            json=error_payload("rate_limited", "quota spent"),
            headers={"Retry-After": "1"},
        )
    )
    async with AsyncClient(
        api_key=API_KEY, base_url=server.base_url, rate_limiter=limiter, max_retries=0
    ) as client:
        with pytest.raises(bondmcp.RateLimitError):
            await client.ask("spent")
        await asyncio.gather(client.ask("a"), client.ask("b"))
    first = server.requests[0].at
    assert all(seen.at - first >= 0.9 for seen in server.requests[1:])
