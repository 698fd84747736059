"""Real HTTP servers on loopback that script faults for the SDK tests.

``server`` is a threaded HTTP/1.1 server that answers like the bondmcp API by default and
plays queued replies (statuses, headers, delays) first; it records every request it received
with its arrival time. ``dropping_server`` is a raw socket server that cuts connections
mid-response. ``tls_server`` serves HTTPS with a certificate from a throwaway CA.
"""

from __future__ import annotations

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
