"""Helpers for the batch job tests: a real webhook receiver, real worker processes and
polling until a job ends."""

from __future__ import annotations

import hashlib
import hmac
import http.server
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ServerProcess, free_port

WEBHOOK_SECRET = "whsec_test_0123456789abcdef"
QUESTIONS = [
    "What are the symptoms of type 2 diabetes?",
    "How is high blood pressure treated?",
    "What causes asthma attacks?",
    "How can I prevent the flu?",
    "What is gout?",
    "Who won the football match yesterday?",
    "What are the warning signs of a stroke?",
    "How much sleep do adults need?",
]


@dataclass
class Delivery:
    body: bytes
    signature: str | None
    status: int


@dataclass
class WebhookReceiver:
    """An HTTP server on loopback that records what it receives and answers from a script
    of status codes (the last one repeats)."""

    statuses: list[int] = field(default_factory=lambda: [200])
    deliveries: list[Delivery] = field(default_factory=list)
    url: str = ""

    def received(self, timeout: float = 30) -> list[Delivery]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(200 <= d.status < 300 for d in self.deliveries):
                return list(self.deliveries)
            time.sleep(0.05)
        raise AssertionError(f"no successful delivery: {self.deliveries}")


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                index = len(receiver.deliveries)
                status = receiver.statuses[min(index, len(receiver.statuses) - 1)]
                receiver.deliveries.append(
                    Delivery(body, self.headers.get("X-BondMCP-Signature"), status)
                )
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/bondmcp"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()


def verify_signature(body: bytes, header: str | None, secret: str = WEBHOOK_SECRET) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return header is not None and hmac.compare_digest(expected, header)


def wait_for(
    client: httpx.Client,
    job_id: str,
    until: Callable[[dict[str, Any]], bool] | None = None,
    timeout: float = 120,
) -> dict[str, Any]:
    """Poll the job until ``until`` holds (default: it ended)."""
    check = until or (lambda job: job["status"] in ("completed", "failed", "cancelled"))
    deadline = time.monotonic() + timeout
    job: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = client.get(f"/v1/jobs/{job_id}", params={"limit": 1})
        assert response.status_code == 200, response.text
        job = response.json()
        if check(job):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job did not get there in {timeout}s: {job}")


def all_results(client: httpx.Client, job_id: str, limit: int | None = None) -> list[Any]:
    """Every result, following next_cursor."""
    results: list[Any] = []
    params: dict[str, Any] = {} if limit is None else {"limit": limit}
    while True:
        page = client.get(f"/v1/jobs/{job_id}", params=params).json()
        assert page["status"] == "completed", page
        results.extend(page["results"])
        if page["next_cursor"] is None:
            return results
        params = {**params, "cursor": page["next_cursor"]}


def db_rows(data_dir: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(data_dir / "bondmcp.db", timeout=10)) as conn:
        return list(conn.execute(sql, args).fetchall())


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def start_worker(server: ServerProcess, name: str, threads: int = 1) -> WorkerProcess:
    log_path = server.data_dir / f"{name}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "bondmcp", "worker", "--threads", str(threads)],
        env=server.env,
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    return WorkerProcess(process, log_path)


def stop_worker(worker: WorkerProcess) -> None:
    if worker.process.poll() is None:
        worker.process.terminate()
        try:
            worker.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()


def restart_server(server: ServerProcess) -> ServerProcess:
    """Start `bondmcp serve` again on the same data directory (same key, same jobs)."""
    server.stop()
    port = free_port()
    log = server.log_path.open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "bondmcp", "serve", "--port", str(port)],
        env=server.env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    restarted = ServerProcess(
        f"http://127.0.0.1:{port}",
        server.api_key,
        server.key_id,
        server.data_dir,
        server.env,
        process,
        server.log_path,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited:\n{restarted.log()}")
        try:
            if httpx.get(f"{restarted.base_url}/health", timeout=1).status_code == 200:
                return restarted
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    restarted.stop()
    raise AssertionError(f"server did not come back:\n{restarted.log()}")


def cleanup_broker(url: str, queue: str, namespace: str) -> None:
    if url.startswith("amqp"):
        import pika

        connection = pika.BlockingConnection(pika.URLParameters(url))
        channel = connection.channel()
        for name in (queue, f"{queue}.webhooks"):
            for suffix in ("", ".DQ", ".XQ"):
                channel.queue_delete(name + suffix)
        connection.close()
    else:
        import redis

        client = redis.Redis.from_url(url)
        keys = list(client.scan_iter(f"{namespace}-jobs:*"))
        if keys:
            client.delete(*keys)
        client.close()
