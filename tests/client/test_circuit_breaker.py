"""The circuit breaker opens, fails fast without sending, half-opens and recovers."""

from __future__ import annotations

import asyncio
import time

import pytest

import bondmcp
from bondmcp import AsyncClient, Client
from tests.client.sdk_servers import API_KEY, Reply, ScriptedServer, error_payload

FAST = bondmcp.RetryPolicy(initial_delay=0.01, max_delay=0.02)


def down() -> Reply:
    return Reply(status=503, json=error_payload("unavailable", "down"))


def test_opens_after_threshold_and_fails_fast_without_sending(server: ScriptedServer) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=3, recovery_timeout=0.5)
    server.push(*[down() for _ in range(3)])
    with Client(
        api_key=API_KEY, base_url=server.base_url, max_retries=0, circuit_breaker=breaker
    ) as client:
        assert client.circuit_breaker is breaker
        for _ in range(3):
            assert breaker.state == "closed"
            with pytest.raises(bondmcp.InternalServerError):
                client.ask("q")
        assert breaker.state == "open"
        assert breaker.consecutive_failures == 3
        started = time.monotonic()
        with pytest.raises(bondmcp.CircuitOpenError) as info:
            client.ask("q")
        assert time.monotonic() - started < 0.2
        assert 0 < info.value.retry_after <= 0.5
        assert isinstance(info.value, bondmcp.APIError)
        assert len(server.requests) == 3  # the fourth call never reached the server

        time.sleep(0.55)
        assert breaker.state == "half_open"
        assert client.ask("q").answer == "Answer to: q"  # the trial succeeds
        assert breaker.state == "closed"
        assert breaker.consecutive_failures == 0
        assert len(server.requests) == 4


def test_a_failed_trial_reopens_the_circuit(server: ScriptedServer) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=2, recovery_timeout=0.2)
    server.push(*[down() for _ in range(3)])
    with Client(
        api_key=API_KEY, base_url=server.base_url, max_retries=0, circuit_breaker=breaker
    ) as client:
        for _ in range(2):
            with pytest.raises(bondmcp.InternalServerError):
                client.ask("q")
        time.sleep(0.25)
        assert breaker.state == "half_open"
        with pytest.raises(bondmcp.InternalServerError):
            client.ask("trial")
        assert breaker.state == "open"
        with pytest.raises(bondmcp.CircuitOpenError):
            client.ask("q")
        assert len(server.requests) == 3
        time.sleep(0.25)
        assert client.ask("q").answer == "Answer to: q"
        assert breaker.state == "closed"


def test_client_errors_do_not_trip_the_breaker(server: ScriptedServer) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=2, recovery_timeout=30)
    server.push(*[Reply(status=404, json=error_payload("not_found", "no")) for _ in range(4)])
    with Client(api_key=API_KEY, base_url=server.base_url, circuit_breaker=breaker) as client:
        for _ in range(4):
            with pytest.raises(bondmcp.NotFoundError):
                client.ask("q")
    assert breaker.state == "closed"
    assert len(server.requests) == 4


def test_connection_failures_trip_the_breaker() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Client(
        api_key=API_KEY,
        base_url=f"http://127.0.0.1:{port}",
        max_retries=0,
        circuit_breaker=bondmcp.CircuitBreaker(failure_threshold=2, recovery_timeout=30),
    ) as client:
        for _ in range(2):
            with pytest.raises(bondmcp.APIConnectionError) as info:
                client.ping()
            assert not isinstance(info.value, bondmcp.CircuitOpenError)
        with pytest.raises(bondmcp.CircuitOpenError):
            client.ping()


def test_opening_stops_the_retries_of_the_call_that_tripped_it(server: ScriptedServer) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=2, recovery_timeout=30)
    server.push(*[down() for _ in range(6)])
    with Client(
        api_key=API_KEY,
        base_url=server.base_url,
        max_retries=5,
        retry_policy=FAST,
        circuit_breaker=breaker,
    ) as client:
        with pytest.raises(bondmcp.InternalServerError):  # the real error, not CircuitOpen
            client.ask("q")
        assert len(server.requests) == 2
        with pytest.raises(bondmcp.CircuitOpenError):
            client.ask("q")
    assert len(server.requests) == 2


def test_default_breaker_and_shared_state_across_copies(server: ScriptedServer) -> None:
    with Client(api_key=API_KEY, base_url=server.base_url, circuit_breaker=True) as client:
        assert client.circuit_breaker is not None
        assert client.circuit_breaker.failure_threshold == 5
        assert client.circuit_breaker.recovery_timeout == 30.0
        copy = client.with_options(max_retries=0)
        assert copy.circuit_breaker is client.circuit_breaker
    with Client(api_key=API_KEY, base_url=server.base_url) as client:
        assert client.circuit_breaker is None  # opt-in


def test_health_probes_bypass_an_open_circuit(server: ScriptedServer) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=1, recovery_timeout=30)
    server.push(down())
    with Client(
        api_key=API_KEY, base_url=server.base_url, max_retries=0, circuit_breaker=breaker
    ) as client:
        with pytest.raises(bondmcp.InternalServerError):
            client.ask("q")
        assert breaker.state == "open"
        assert client.health().status == "healthy"  # still reaches the server
    assert server.paths() == ["/v1/ask", "/health"]


async def test_half_open_lets_exactly_one_concurrent_trial_through(
    server: ScriptedServer,
) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=1, recovery_timeout=0.2)
    server.push(down(), Reply(delay=0.3))
    async with AsyncClient(
        api_key=API_KEY, base_url=server.base_url, max_retries=0, circuit_breaker=breaker
    ) as client:
        with pytest.raises(bondmcp.InternalServerError):
            await client.ask("q")
        assert breaker.state == "open"
        await asyncio.sleep(0.25)
        assert breaker.state == "half_open"
        results = await asyncio.gather(*(client.ask("q") for _ in range(4)), return_exceptions=True)
    successes = [r for r in results if isinstance(r, bondmcp.AskResponse)]
    rejected = [r for r in results if isinstance(r, bondmcp.CircuitOpenError)]
    assert len(successes) == 1 and len(rejected) == 3
    assert len(server.requests) == 2
    assert breaker.state == "closed"


async def test_a_cancelled_trial_gives_its_permit_back(server: ScriptedServer) -> None:
    breaker = bondmcp.CircuitBreaker(failure_threshold=1, recovery_timeout=0.1)
    server.push(down(), Reply(delay=1.0))
    async with AsyncClient(
        api_key=API_KEY, base_url=server.base_url, max_retries=0, circuit_breaker=breaker
    ) as client:
        with pytest.raises(bondmcp.InternalServerError):
            await client.ask("q")
        await asyncio.sleep(0.15)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(client.ask("trial"), timeout=0.1)
        # Without release the circuit would stay stuck with a trial "in flight" forever.
        assert (await client.ask("next")).answer == "Answer to: next"
    assert breaker.state == "closed"
