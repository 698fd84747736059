"""Per-request plumbing as one pure ASGI middleware.

It runs outside routing and validation so that every response, even a 413 sent before
the body is read or a 500 from a bug, carries a request id, the security headers and the
error envelope, and is counted in the metrics and the request log.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import time
from collections.abc import Sequence
from typing import Any, Protocol

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bondmcp.server import metrics
from bondmcp.server.errors import PayloadTooLarge, error_body, internal_error_body
from bondmcp.store.audit import AuditEvent

logger = logging.getLogger("bondmcp.server")
access_logger = logging.getLogger("bondmcp.access")

_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_QUIET_ROUTES = ("/health", "/metrics")


def audit_request(
    scope: Scope, state: dict[str, Any], route: str, method: str, status: int
) -> None:
    """Queue a request-served audit event and count the request against its key."""
    app = scope.get("app")
    services = getattr(getattr(app, "state", None), "services", None)
    if services is None:
        return
    detail: dict[str, Any] = {"route": route, "method": method, "status": status}
    if "query_hash" in state:
        detail["query_hash"] = state["query_hash"]
    key_id = state.get("key_id")
    event = AuditEvent("request.served", key_id, detail)
    services.recorder.request_served(key_id, event, error=status >= 400)


# Request ids need to be unique, not secret: a random per-process prefix and a counter
# cost nothing per request, where a fresh uuid4 is a system call for random bytes.
_ID_PREFIX = os.urandom(6).hex()
_id_counter = itertools.count(1)


def new_request_id() -> str:
    return f"req_{_ID_PREFIX}{next(_id_counter):020x}"


class Shortcut(Protocol):
    """A handler for one hot endpoint that may skip the application's routing; it gets
    the application to hand any request it does not serve itself on to."""

    def handles(self, scope: Scope) -> bool: ...

    async def __call__(
        self, scope: Scope, receive: Receive, send: Send, headers: Headers, app: ASGIApp
    ) -> None: ...


_HSTS = "max-age=31536000; includeSubDomains"


def set_headers(message: Message, headers: Sequence[tuple[str, str]]) -> None:
    """Set headers on an ``http.response.start`` message, replacing any of the same name.

    What ``MutableHeaders`` does one header at a time, with one look at the response's
    own headers for all of them: most responses have none of ours, and this runs on every
    request.
    """
    raw = list(message.get("headers", ()))
    present = {name.lower() for name, _ in raw}
    for name, value in headers:
        key = name.lower().encode("latin-1")
        if key in present:
            raw = [(k, v) for k, v in raw if k.lower() != key]
        raw.append((key, value.encode("latin-1")))
        present.add(key)
    message["headers"] = raw


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        hsts: bool = False,
        shortcuts: Sequence[Shortcut] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.hsts = hsts
        self.shortcuts = tuple(shortcuts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        incoming = headers.get("x-request-id", "")
        request_id = incoming if _CLIENT_REQUEST_ID.match(incoming) else new_request_id()
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        state["started"] = time.perf_counter()
        is_v1 = scope["path"].startswith("/v1/") or scope["path"] == "/v1"
        response: dict[str, Any] = {"started": False, "status": 500, "complete": False}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.body":
                response["complete"] = not message.get("more_body", False)
            elif message["type"] == "http.response.start":
                response["started"] = True
                response["status"] = message["status"]
                ours = [("x-request-id", request_id), ("x-content-type-options", "nosniff")]
                if self.hsts or scope.get("scheme") == "https":
                    ours.append(("strict-transport-security", _HSTS))
                if is_v1:
                    ours.append(("cache-control", "no-store"))
                    ours.extend(state.get("response_headers", {}).items())
                set_headers(message, ours)
            await send(message)

        try:
            await self._handle(scope, receive, send_with_headers, headers, is_v1, response)
        finally:
            self._record(scope, state, response["status"])

    async def _handle(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        headers: Headers,
        is_v1: bool,
        response: dict[str, Any],
    ) -> None:
        state = scope["state"]
        if scope["method"] in ("POST", "PUT", "PATCH") and is_v1:
            content_type = headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type.startswith("multipart/"):
                await self._send_error(
                    scope, send, 415, "unsupported_media_type", "Send the request body as JSON."
                )
                return
            if not content_type.endswith("json"):
                # Every /v1 body is JSON: read it as such even when a client (curl -d, say)
                # labels it otherwise, so the caller gets a precise validation error.
                scope["headers"] = [(k, v) for k, v in scope["headers"] if k != b"content-type"] + [
                    (b"content-type", b"application/json")
                ]

        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await self._send_error(
                    scope, send, 400, "invalid_request", "Content-Length is not a number."
                )
                return
            if int(length) > self.max_body_bytes:
                message = f"The request body exceeds the limit of {self.max_body_bytes} bytes."
                await self._send_error(scope, send, 413, "payload_too_large", message)
                return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise PayloadTooLarge(self.max_body_bytes)
            return message

        try:
            for shortcut in self.shortcuts:
                if shortcut.handles(scope):
                    await shortcut(scope, limited_receive, send, headers, self.app)
                    break
            else:
                await self.app(scope, limited_receive, send)
        except Exception:
            logger.exception("unhandled error", extra={"request_id": state["request_id"]})
            if response["complete"]:
                return  # the framework's error handler has answered with the envelope
            if response["started"]:
                raise
            state["error_code"] = "internal_error"
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send(
                {"type": "http.response.body", "body": internal_error_body(state["request_id"])}
            )

    @staticmethod
    async def _send_error(scope: Scope, send: Send, status: int, code: str, message: str) -> None:
        state = scope["state"]
        state["error_code"] = code
        body = json.dumps(error_body(status, code, message, state["request_id"])).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _record(scope: Scope, state: dict[str, Any], status: int) -> None:
        """One metrics sample and one JSON log line per request, with no request content."""
        route = getattr(scope.get("route"), "path", None) or "unmatched"
        duration = time.perf_counter() - state["started"]
        method = scope["method"]
        metrics.request_served(route, method, status, duration)
        code = state.get("error_code")
        if status >= 400:
            metrics.ERRORS.labels(route, code or str(status)).inc()
        if scope["path"].startswith("/v1/"):
            audit_request(scope, state, route, method, status)
        if route in _QUIET_ROUTES and status < 400:
            return  # probes and scrapes would drown the request log
        fields: dict[str, Any] = {
            "request_id": state["request_id"],
            "key_id": state.get("key_id"),
            "method": method,
            "route": route,
            "status": status,
            "response_time": round(duration, 6),
        }
        if code:
            fields["error_code"] = code
        fields.update(state.get("log_fields", {}))
        if access_logger.isEnabledFor(logging.INFO):
            # handle() a record made here rather than info(), which would also walk the
            # stack to find its caller: the one line per request is on the hot path.
            access_logger.handle(
                access_logger.makeRecord(
                    access_logger.name, logging.INFO, __file__, 0, "request", (), None, extra=fields
                )
            )
