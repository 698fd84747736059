"""Real HTTP servers on loopback that script faults for the SDK tests.

``server`` is a threaded HTTP/1.1 server that answers like the bondmcp API by default and
plays queued replies (statuses, headers, delays) first; it records every request it received
with its arrival time, and its ``jobs`` plays the batch-jobs contract of ``/v1/jobs``.
``dropping_server`` is a raw socket server that cuts connections mid-response.
``tls_server`` serves HTTPS with a certificate from a throwaway CA.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from pydantic import ValidationError

from bondmcp.types import MAX_JOB_PAGE, JobCreated, JobCreateRequest, JobStatus

API_KEY = "bmcp_test_" + secrets.token_hex(16)


@dataclass
class Reply:
    status: int = 200
    json: Any = None  # None: the default answer for the path
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def ask_payload(query: str, request_id: str | None = None) -> dict[str, Any]:
    """An AskResponse-shaped answer that echoes the query, so order can be checked."""
    return {
        "id": "ans_" + secrets.token_hex(4),
        "answer": f"Answer to: {query}",
        "confidence": 0.82,
        "processing_time": 0.004,
        "citations": [
            {
                "source_id": "diabetes-001",
                "title": "Diabetes",
                "url": "https://example.org/diabetes",
                "publisher": "Example Health",
            }
        ],
        "triage": "routine",
        "in_scope": True,
        "disclaimer": "This is general information, not medical advice.",
        "cached": False,
        "kb_version": "2026.11.1",
        "evidence": [],
        "request_id": request_id,
    }


def error_payload(
    code: str, message: str, type_: str = "api_error", rid: str = ""
) -> dict[str, Any]:
    return {"error": {"type": type_, "code": code, "message": message, "request_id": rid or None}}


class ScriptedServer:
    """An HTTP server on 127.0.0.1 that speaks the bondmcp contract and scripts faults."""

    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Seen] = []
        self.handler: Callable[[Seen], Reply] | None = None
        self._lock = threading.Lock()
        self._counter = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0
        self.batch_item_errors: set[str] = set()  # queries answered with an item error
        self.jobs = JobsBackend()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                outer._handle(self)

            do_POST = do_GET
            do_PUT = do_GET
            do_DELETE = do_GET

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False
            request_queue_size = 128  # the default backlog of 5 drops bursts of connects

            def get_request(self) -> tuple[socket.socket, Any]:
                with outer._lock:
                    outer.connections += 1
                return super().get_request()

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients that time out leave broken pipes behind; expected here

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.scheme = "http"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def push(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def _default(self, seen: Seen) -> Reply:
        rid = f"req_{self._counter}"
        if seen.path == "/v1/ask":
            return Reply(json=ask_payload(seen.json["query"]))
        if seen.path == "/v1/ask/batch":
            results = []
            for query in seen.json["queries"]:
                if query in self.batch_item_errors:
                    results.append(error_payload("invalid_request", f"cannot answer {query}"))
                else:
                    results.append(ask_payload(query))
            return Reply(json={"results": results})
        if seen.path == "/v1/search":
            limit = seen.json.get("limit", 5)
            return Reply(
                json={
                    "results": [
                        {
                            "source_id": f"src-{i}",
                            "title": f"Passage {i}",
                            "url": f"https://example.org/{i}",
                            "score": 1.0 / (i + 1),
                            "text": f"text about {seen.json['query']}",
                        }
                        for i in range(limit)
                    ]
                }
            )
        if seen.path == "/v1/ping":
            return Reply(
                json={"status": "ok", "version": "0.1.0", "environment": "test", "key_id": "k1"}
            )
        if seen.path.startswith("/v1/jobs"):
            return self.jobs.handle(seen)
        if seen.path == "/health":
            return Reply(json={"status": "healthy", "version": "0.1.0"})
        if seen.path == "/ready":
            return Reply(json={"status": "ready", "dependencies": {"db": {"status": "up"}}})
        return Reply(status=404, json=error_payload("not_found", "No such route", rid=rid))

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        seen = Seen(
            method=h.command,
            path=h.path,
            headers={k.lower(): v for k, v in h.headers.items()},
            body=body,
            at=time.monotonic(),
        )
        with self._lock:
            self._counter += 1
            self.requests.append(seen)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            reply = self.replies.popleft() if self.replies else None
        try:
            if reply is None:
                reply = self.handler(seen) if self.handler else self._default(seen)
            if reply.delay:
                time.sleep(reply.delay)
            if reply.raw is not None:
                payload = reply.raw
            elif reply.json is None:
                payload = json.dumps(self._default(seen).json).encode()
            else:
                payload = json.dumps(reply.json).encode()
            h.send_response(reply.status)
            headers = {
                "Content-Type": "application/json",
                "X-Request-ID": f"req_{self._counter}",
                **reply.headers,
            }
            for name, value in headers.items():
                h.send_header(name, value)
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)
        finally:
            with self._lock:
                self.in_flight -= 1


@dataclass
class FakeJob:
    id: str
    request: JobCreateRequest
    created_at: str
    status: str = "queued"
    polls: int = 0
    started_at: str | None = None
    finished_at: str | None = None
    results: list[dict[str, Any]] = field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class JobsBackend:
    """The ``/v1/jobs`` contract, scripted.

    ``POST`` validates the body with the wire type, answers 202 and keeps one job per
    ``Idempotency-Key`` (a repeated key gets the same job back). Each ``GET`` is one poll: a job
    is running from the first poll and completed at poll ``polls_to_finish`` (``None``: never).
    A completed job pages its results with an opaque ``next_cursor``. ``DELETE`` cancels a
    job that has not finished, and answers 409 ``job_finished`` for one that has.
    ``lose_create_responses`` makes that many submissions answer 503 after the job was
    created, as when a response is lost on the way back.
    """

    def __init__(self) -> None:
        self.jobs: dict[str, FakeJob] = {}
        self.by_idempotency_key: dict[str, str] = {}
        self.polls_to_finish: int | None = 2
        self.failing_queries: set[str] = set()
        self.lose_create_responses = 0
        self._lock = threading.Lock()

    def handle(self, seen: Seen) -> Reply:
        url = urlsplit(seen.path)
        parts = url.path.split("/")  # "", "v1", "jobs", [id]
        with self._lock:
            if len(parts) == 3 and seen.method == "POST":
                return self._create(seen)
            if len(parts) == 4 and parts[3]:
                job = self.jobs.get(unquote(parts[3]))
                if job is None:
                    return self._error(404, "job_not_found", "No such job for this API key.")
                if seen.method == "GET":
                    return self._status(job, parse_qs(url.query))
                if seen.method == "DELETE":
                    return self._cancel(job)
        return self._error(404, "not_found", "No such route")

    @staticmethod
    def _error(status: int, code: str, message: str, param: str | None = None) -> Reply:
        body = error_payload(code, message, "invalid_request_error")
        body["error"]["param"] = param
        return Reply(status=status, json=body)

    def _create(self, seen: Seen) -> Reply:
        try:
            request = JobCreateRequest.model_validate_json(seen.body)
        except ValidationError as exc:
            return self._error(422, "invalid_request", str(exc))
        key = seen.headers.get("idempotency-key")
        job_id = self.by_idempotency_key.get(key) if key else None
        if job_id is None:
            job_id = "job_" + secrets.token_hex(6)
            self.jobs[job_id] = FakeJob(job_id, request, _now())
            if key:
                self.by_idempotency_key[key] = job_id
            if self.lose_create_responses > 0:
                self.lose_create_responses -= 1
                return self._error(503, "unavailable", "The response was lost.")
        job = self.jobs[job_id]
        created = JobCreated.model_validate({"id": job.id, "status": job.status})
        return Reply(status=202, json=created.model_dump())

    def _advance(self, job: FakeJob) -> None:
        if job.status in ("completed", "failed", "cancelled"):
            return
        job.polls += 1
        if job.started_at is None:
            job.status, job.started_at = "running", _now()
        if self.polls_to_finish is not None and job.polls >= self.polls_to_finish:
            job.status, job.finished_at = "completed", _now()
            for query in job.request.queries:
                if query in self.failing_queries:
                    job.results.append(error_payload("invalid_request", f"cannot answer {query}"))
                else:
                    job.results.append(ask_payload(query))

    def _status(self, job: FakeJob, query: dict[str, list[str]]) -> Reply:
        limit = int(query.get("limit", [str(MAX_JOB_PAGE)])[0])
        if not 1 <= limit <= MAX_JOB_PAGE:
            return self._error(422, "invalid_request", "limit out of range", "limit")
        offset = 0
        if "cursor" in query:
            try:
                offset = int(
                    base64.urlsafe_b64decode(query["cursor"][0]).decode().removeprefix("o:")
                )
            except ValueError:
                return self._error(400, "invalid_cursor", "The cursor is not valid.", "cursor")
        self._advance(job)
        return Reply(json=self._present(job, offset, limit))

    def _cancel(self, job: FakeJob) -> Reply:
        if job.status in ("completed", "failed", "cancelled"):
            return self._error(409, "job_finished", f"The job has already ended ({job.status}).")
        job.status, job.finished_at = "cancelled", _now()
        return Reply(json=self._present(job, 0, MAX_JOB_PAGE))

    def _present(self, job: FakeJob, offset: int, limit: int) -> dict[str, Any]:
        done = job.status == "completed"
        total = len(job.request.queries)
        page = job.results[offset : offset + limit] if done else None
        following = offset + limit
        status = JobStatus.model_validate(
            {
                "id": job.id,
                "status": job.status,
                "total": total,
                "completed": total if done else total // 2 if job.status == "running" else 0,
                "failed": sum("error" in item for item in job.results),
                "created_at": job.created_at,
                "started_at": job.started_at,
                "finished_at": job.finished_at,
                "metadata": job.request.metadata,
                "webhook_url": job.request.webhook_url,
                "results": page,
                "next_cursor": (
                    base64.urlsafe_b64encode(f"o:{following}".encode()).decode()
                    if done and following < total
                    else None
                ),
            }
        )
        return status.model_dump(mode="json")


@dataclass
class TLSSetup:
    server: ScriptedServer
    ca_path: str


class DroppingServer:
    """A raw socket server: the first ``drops`` connections die mid-response.

    ``mode`` "mid" sends the status line and part of the body, then closes; "empty" closes
    without a byte. Later connections get a complete answer.
    """

    def __init__(self, drops: int, mode: str = "mid") -> None:
        self.drops = drops
        self.mode = mode
        self.connections = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            threading.Thread(target=self._one, args=(conn, self.connections), daemon=True).start()

    def _one(self, conn: socket.socket, number: int) -> None:
        with conn:
            conn.settimeout(2.0)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, rest = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                while len(rest) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    rest += chunk
                if number <= self.drops:
                    if self.mode == "mid":
                        conn.sendall(
                            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            b'Content-Length: 4096\r\n\r\n{"id": "ans_partial", "answ'
                        )
                    conn.shutdown(socket.SHUT_RDWR)
                    return
                query = json.loads(rest)["query"] if rest else ""
                payload = json.dumps(ask_payload(query)).encode()
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(payload)}\r\nConnection: close\r\n".encode()
                    + b"X-Request-ID: req_raw\r\n\r\n"
                    + payload
                )
            except OSError:
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()
