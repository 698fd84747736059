"""SIGTERM on a real `bondmcp serve` while requests are in flight: what Kubernetes and
`docker stop` do on every rollout. In-flight requests must finish with 200, their audit
records must be written, the process must exit within the graceful timeout, and nothing
may connect afterwards."""

from __future__ import annotations

import http.client
import json
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from bondmcp.types import MAX_BATCH_SIZE
from tests.conftest import ServerProcess, run_cli, start_server
from tests.deploy.facts import graceful_timeout

#: Batches in flight per worker process: enough work to outlast the SIGTERM hand-over
#: (about a second of answering at 0.4 ms a question, several under load).
IN_FLIGHT_PER_WORKER = 24
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
    sent: threading.Event = field(default_factory=threading.Event)
    status: int | None = None
    results: int = 0
    connection: str | None = None
    error: str | None = None
    finished_at: float = 0.0


def open_connection(server: ServerProcess) -> http.client.HTTPConnection:
    """A keep-alive connection the server has accepted (it answered once on it)."""
    url = urlsplit(server.base_url)
    conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=120)
    conn.request("GET", "/health")
    response = conn.getresponse()
    response.read()
    assert response.status == 200
    return conn


def post_batch(server: ServerProcess, conn: http.client.HTTPConnection, outcome: Outcome) -> None:
    body = json.dumps({"queries": QUESTIONS})
    headers = {
        "Authorization": f"Bearer {server.api_key}",
        "Content-Type": "application/json",
        "Cache-Control": "no-cache",
    }
    try:
        conn.request("POST", "/v1/ask/batch", body=body, headers=headers)
        outcome.sent.set()  # the whole request is on the wire
        response = conn.getresponse()
        data = json.loads(response.read())
        outcome.status = response.status
        outcome.connection = response.getheader("connection")
        outcome.results = sum(1 for r in data["results"] if "answer" in r)
    except Exception as exc:
        outcome.error = repr(exc)
        outcome.sent.set()
    finally:
        outcome.finished_at = time.monotonic()
        conn.close()


def wait_for_workers(server: ServerProcess, workers: int, timeout: float = 90) -> None:
    """Until every worker process has finished start-up (each logs it once)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.log().count("Application startup complete") >= workers:
            return
        time.sleep(0.2)
    raise AssertionError(f"{workers} workers did not start:\n{server.log()}")


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
        # Connections opened (and accepted) first, and SIGTERM only once every request is
        # on the wire: each is then in the server's hands, not in the listen backlog.
        in_flight = IN_FLIGHT_PER_WORKER * workers
        connections = [open_connection(server) for _ in range(in_flight)]
        outcomes = [Outcome() for _ in connections]
        threads = [
            threading.Thread(target=post_batch, args=(server, c, o), daemon=True)
            for c, o in zip(connections, outcomes, strict=True)
        ]
        for thread in threads:
            thread.start()
        for outcome in outcomes:
            assert outcome.sent.wait(timeout=30)
        time.sleep(0.2)
        assert not any(o.error for o in outcomes), [o.error for o in outcomes]

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

        assert [o.error for o in outcomes] == [None] * in_flight
        assert [o.status for o in outcomes] == [200] * in_flight
        assert [o.results for o in outcomes] == [len(QUESTIONS)] * in_flight
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
        # The audit trail, written in batches in the background, lost none of them.
        records = json.loads(run_cli("audit", "export", "--json", env=server.env).stdout)
        drained = [
            r
            for r in records
            if r["event"] == "request.served" and r["detail"].get("route") == "/v1/ask/batch"
        ]
        assert len(drained) == in_flight
        # A single process re-raises SIGTERM once it has shut down cleanly, so a supervisor
        # sees "terminated by SIGTERM" (uvicorn's convention); a parent of workers exits 0.
        assert exit_code == (-signal.SIGTERM if workers == 1 else 0)
    finally:
        server.stop()
