"""SIGTERM on a real `bondmcp serve` while requests are in flight: what Kubernetes and
`docker stop` do on every rollout. In-flight requests must finish with 200, the process
must exit within the graceful timeout, and nothing may connect afterwards."""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bondmcp.types import MAX_BATCH_SIZE
from tests.conftest import ServerProcess, start_server
from tests.deploy.facts import graceful_timeout

IN_FLIGHT = 12
#: Distinct, answerable questions; with Cache-Control: no-cache each one is computed.
QUESTIONS = [
    f"What are the symptoms and treatments of {topic}? (question {i})"
    for i, topic in enumerate(
        ["type 2 diabetes", "high blood pressure", "asthma", "migraine", "shingles"]
        * (MAX_BATCH_SIZE // 5 + 1)
    )
][:MAX_BATCH_SIZE]


@dataclass
class Outcome:
    status: int | None = None
    results: int = 0
    connection: str | None = None
    error: str | None = None
    finished_at: float = 0.0


def wait_for_workers(server: ServerProcess, workers: int, timeout: float = 90) -> None:
    """Until every worker process has finished start-up (each logs it once)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.log().count("Application startup complete") >= workers:
            return
        time.sleep(0.2)
    raise AssertionError(f"{workers} workers did not start:\n{server.log()}")


def answered_so_far(client: httpx.Client) -> float:
    text = client.get("/metrics").text
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith('bondmcp_cache_requests_total{result="bypass"}')
    )


def refused(base_url: str) -> bool:
    try:
        httpx.get(f"{base_url}/health", timeout=2)
    except httpx.ConnectError:
        return True
    except httpx.TransportError:
        return False  # accepted, then dropped: still listening
    return False


@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_finishes_in_flight_requests_then_exits(tmp_path: Path, workers: int) -> None:
    server = start_server(tmp_path / "data", serve_args=("--workers", str(workers)))
    try:
        wait_for_workers(server, workers)
        # Connections opened (and accepted) before the requests, so that each request
        # is in the server's hands, not in the listen backlog, when SIGTERM arrives.
        clients = [server.client() for _ in range(IN_FLIGHT)]
        for client in clients:
            assert client.get("/health").status_code == 200
        outcomes = [Outcome() for _ in clients]

        def send(client: httpx.Client, outcome: Outcome) -> None:
            try:
                response = client.post(
                    "/v1/ask/batch",
                    json={"queries": QUESTIONS},
                    headers={"Cache-Control": "no-cache"},
                )
                outcome.status = response.status_code
                outcome.connection = response.headers.get("connection")
                outcome.results = sum(1 for r in response.json()["results"] if "answer" in r)
            except Exception as exc:
                outcome.error = repr(exc)
            outcome.finished_at = time.monotonic()

        threads = [
            threading.Thread(target=send, args=(c, o), daemon=True)
            for c, o in zip(clients, outcomes, strict=True)
        ]
        with server.client() as probe:
            before = answered_so_far(probe)
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + 30
            while answered_so_far(probe) == before and time.monotonic() < deadline:
                time.sleep(0.02)
        assert not any(o.finished_at for o in outcomes), "requests finished before SIGTERM"
        time.sleep(0.1)

        sent_at = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        if workers == 1:
            # One process: it stops listening at once, while the requests still run.
            deadline = time.monotonic() + 10
            while not refused(server.base_url) and time.monotonic() < deadline:
                time.sleep(0.02)
            assert refused(server.base_url), "still accepting connections after SIGTERM"
            assert any(t.is_alive() for t in threads), "nothing was in flight to drain"
        for thread in threads:
            thread.join(timeout=graceful_timeout() + 30)
        exit_code = server.process.wait(timeout=graceful_timeout() + 30)
        exited_after = time.monotonic() - sent_at

        assert [o.error for o in outcomes] == [None] * IN_FLIGHT
        assert [o.status for o in outcomes] == [200] * IN_FLIGHT
        assert [o.results for o in outcomes] == [len(QUESTIONS)] * IN_FLIGHT
        assert all(o.finished_at > sent_at for o in outcomes)
        # uvicorn marks responses to requests it drained during shutdown.
        assert any(o.connection == "close" for o in outcomes)
        assert exited_after < graceful_timeout()
        assert refused(server.base_url)
        log = server.log()
        # Each worker ran the application's shutdown (which closes the database and Redis
        # pools) and none had to cancel a request at the graceful timeout.
        assert log.count("Application shutdown complete") >= workers
        assert "timeout graceful shutdown exceeded" not in log
        assert '"level": "error"' not in log
        if workers == 1 and exit_code == -signal.SIGTERM:
            pytest.xfail(
                "a single-process `bondmcp serve` re-raises SIGTERM after its clean shutdown "
                "(uvicorn's behaviour), so it exits 143 instead of 0"
            )
        assert exit_code == 0
    finally:
        server.stop()
