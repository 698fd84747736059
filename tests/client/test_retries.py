"""The retry loop against real servers: what is retried, how long it waits, idempotency."""

from __future__ import annotations

import email.utils
import itertools
import time
from collections.abc import Callable

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from tests.client.sdk_servers import API_KEY, DroppingServer, Reply, ScriptedServer, error_payload

FAST = bondmcp.RetryPolicy(initial_delay=0.01, max_delay=0.02)


def fail(status: int, code: str = "unavailable", **headers: str) -> Reply:
    return Reply(status=status, json=error_payload(code, "try again"), headers=headers)


def client_for(server: ScriptedServer | DroppingServer, **kwargs: object) -> Client:
    kwargs.setdefault("retry_policy", FAST)
    return Client(api_key=API_KEY, base_url=server.base_url, **kwargs)  # type: ignore[arg-type]


def gaps(server: ScriptedServer) -> list[float]:
    times = [seen.at for seen in server.requests]
    return [b - a for a, b in itertools.pairwise(times)]


def test_503s_then_success_reuses_one_idempotency_key(server: ScriptedServer) -> None:
    server.push(fail(503), fail(503))
    with client_for(server) as client:
        response = client.ask("What is anaemia?")
        assert response.answer == "Answer to: What is anaemia?"
        assert response.request_id == "req_3"
        client.ask("Second question")
    keys = [seen.headers.get("idempotency-key") for seen in server.requests]
    assert len(keys) == 4
    assert keys[0] and keys[0] == keys[1] == keys[2]  # one key across the retries
    assert keys[3] and keys[3] != keys[0]  # a new call gets a new key
    assert all(seen.json == {"query": "What is anaemia?"} for seen in server.requests[:3])


def test_explicit_idempotency_key_is_sent_on_every_try(server: ScriptedServer) -> None:
    server.push(fail(500, "internal_error"))
    with client_for(server) as client:
        client.ask("q", idempotency_key="order-42")
    assert [seen.headers["idempotency-key"] for seen in server.requests] == ["order-42"] * 2


def test_get_requests_carry_no_idempotency_key(server: ScriptedServer) -> None:
    with client_for(server) as client:
        client.ping()
    assert "idempotency-key" not in server.requests[0].headers


def test_retries_are_bounded_by_max_retries(server: ScriptedServer) -> None:
    server.push(*[fail(503) for _ in range(10)])
    with client_for(server) as client, pytest.raises(bondmcp.InternalServerError) as info:
        client.ask("q")
    assert len(server.requests) == 3  # first try + 2 retries (the default)
    assert info.value.code == "unavailable"
    with client_for(server, max_retries=0) as client, pytest.raises(bondmcp.InternalServerError):
        client.ask("q")
    assert len(server.requests) == 4


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (408, "request_timeout"),
        (409, "idempotency_conflict"),
        (429, "rate_limited"),
        (500, "internal_error"),
        (502, "bad_gateway"),
        (503, "unavailable"),
        (504, "gateway_timeout"),
    ],
)
def test_retryable_statuses(server: ScriptedServer, status: int, code: str) -> None:
    server.push(fail(status, code))
    with client_for(server) as client:
        assert client.ask("q").answer == "Answer to: q"
    assert len(server.requests) == 2


def test_backoff_grows_exponentially(server: ScriptedServer) -> None:
    server.push(fail(503), fail(503), fail(503))
    policy = bondmcp.RetryPolicy(initial_delay=0.1, max_delay=10.0, jitter=0.0)
    with client_for(server, retry_policy=policy, max_retries=3) as client:
        client.ask("q")
    first, second, third = gaps(server)
    assert 0.09 <= first < 0.5
    assert 0.19 <= second < 0.7
    assert 0.39 <= third < 1.2


def test_backoff_is_capped(server: ScriptedServer) -> None:
    server.push(fail(503), fail(503), fail(503))
    policy = bondmcp.RetryPolicy(initial_delay=0.05, max_delay=0.06, jitter=0.0)
    with client_for(server, retry_policy=policy, max_retries=3) as client:
        client.ask("q")
    assert all(0.04 <= gap < 0.5 for gap in gaps(server))


def test_retry_after_seconds_is_honoured(server: ScriptedServer) -> None:
    server.push(fail(429, "rate_limited", **{"Retry-After": "1"}))
    with client_for(server) as client:
        client.ask("q")
    assert len(server.requests) == 2
    assert gaps(server)[0] >= 0.9  # not the 10 ms backoff


def test_retry_after_http_date_is_honoured(server: ScriptedServer) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    server.push(fail(503, "unavailable", **{"Retry-After": when}))
    with client_for(server) as client:
        client.ask("q")
    # An HTTP date has one-second resolution: the wait is between 1 and 2 s.
    assert 0.5 <= gaps(server)[0] <= 3.0


def test_retry_after_ms_wins_over_retry_after(server: ScriptedServer) -> None:
    # Retry-After alone (30 s) would exceed the cap and raise; retry-after-ms is preferred.
    server.push(fail(429, "rate_limited", **{"Retry-After": "30", "retry-after-ms": "300"}))
    with client_for(server) as client:
        client.ask("q")
    assert 0.25 <= gaps(server)[0] < 5.0


def test_retry_after_beyond_the_cap_raises_instead_of_sleeping(server: ScriptedServer) -> None:
    server.push(fail(429, "rate_limited", **{"Retry-After": "120"}))
    started = time.monotonic()
    with client_for(server) as client, pytest.raises(bondmcp.RateLimitError) as info:
        client.ask("q")
    assert time.monotonic() - started < 5
    assert len(server.requests) == 1
    assert info.value.retry_after == 120.0
    policy = bondmcp.RetryPolicy(initial_delay=0.01, max_retry_after=0.2)
    server.push(fail(503, "unavailable", **{"retry-after-ms": "500"}))
    with (
        client_for(server, retry_policy=policy) as client,
        pytest.raises(bondmcp.InternalServerError),
    ):
        client.ask("q")
    assert len(server.requests) == 2


def test_unreadable_retry_after_falls_back_to_backoff(server: ScriptedServer) -> None:
    server.push(fail(503, "unavailable", **{"Retry-After": "soon-ish"}))
    with client_for(server) as client:
        client.ask("q")
    assert gaps(server)[0] < 0.5


def test_timeouts_are_retried_then_raised(server: ScriptedServer) -> None:
    server.push(*[Reply(delay=1.0) for _ in range(3)])
    with client_for(server, timeout=0.2, max_retries=1) as client:
        started = time.monotonic()
        with pytest.raises(bondmcp.APITimeoutError) as info:
            client.ask("slow")
        elapsed = time.monotonic() - started
    assert isinstance(info.value, bondmcp.APIConnectionError)
    assert len(server.requests) == 2
    assert elapsed < 0.9  # two 0.2 s timeouts, not the server's 1 s


def test_a_slow_response_then_a_fast_one_succeeds(server: ScriptedServer) -> None:
    server.push(Reply(delay=1.0))
    with client_for(server, timeout=0.2) as client:
        assert client.ask("q").answer == "Answer to: q"
    assert len(server.requests) == 2


@pytest.mark.parametrize("mode", ["mid", "empty"])
def test_dropped_connections_are_retried(
    dropping_server: Callable[..., DroppingServer], mode: str
) -> None:
    srv = dropping_server(drops=2, mode=mode)
    with client_for(srv) as client:
        assert client.ask("Is it flu?").answer == "Answer to: Is it flu?"
    assert srv.connections == 3


def test_connections_that_always_drop_raise_a_connection_error(
    dropping_server: Callable[..., DroppingServer],
) -> None:
    srv = dropping_server(drops=100)
    with client_for(srv) as client, pytest.raises(bondmcp.APIConnectionError) as info:
        client.ask("q")
    assert not isinstance(info.value, bondmcp.APITimeoutError)
    assert srv.connections == 3


async def test_async_retries_share_the_loop_and_the_idempotency_key(
    server: ScriptedServer,
) -> None:
    server.push(fail(503), fail(429, "rate_limited", **{"retry-after-ms": "50"}))
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url, retry_policy=FAST) as client:
        response = await client.ask("async question")
    assert response.answer == "Answer to: async question"
    keys = {seen.headers["idempotency-key"] for seen in server.requests}
    assert len(server.requests) == 3 and len(keys) == 1
    assert gaps(server)[1] >= 0.04


async def test_async_timeout_and_drop(
    server: ScriptedServer, dropping_server: Callable[..., DroppingServer]
) -> None:
    server.push(*[Reply(delay=1.0) for _ in range(2)])
    async with AsyncClient(
        api_key=API_KEY, base_url=server.base_url, timeout=0.2, max_retries=1, retry_policy=FAST
    ) as client:
        with pytest.raises(bondmcp.APITimeoutError):
            await client.ask("q")
    assert len(server.requests) == 2
    srv = dropping_server(drops=1)
    async with AsyncClient(api_key=API_KEY, base_url=srv.base_url, retry_policy=FAST) as client:
        assert (await client.ask("q")).answer == "Answer to: q"
    assert srv.connections == 2


async def test_async_client_errors_are_not_retried(server: ScriptedServer) -> None:
    server.push(Reply(status=401, json=error_payload("invalid_api_key", "bad key")))
    async with AsyncClient(api_key=API_KEY, base_url=server.base_url, retry_policy=FAST) as client:
        with pytest.raises(bondmcp.AuthenticationError) as info:
            await client.ask("q")
    assert info.value.code == "invalid_api_key"
    assert len(server.requests) == 1
