"""Streamable HTTP at ``/mcp``, behind the REST API's key auth and rate limits.

Every request to ``/mcp`` goes through the same :func:`bondmcp.server.deps.authenticated_key` as
``/v1``: a missing or bad key is a 401 in the REST error envelope, and each request counts
against the key's rate limit, with a 429 and ``Retry-After`` past it. Keys need the ``ask``
scope, as for ``/v1/ask``. Only then does the SDK's session manager see the request.

The manager runs stateless with JSON responses: each POST is answered on its own, so any worker
process of any machine can serve any request, as with REST. None of the tools needs a stream
or a call back to the client, so GET (a stream) and DELETE (end a session) are answered 405.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi.security import HTTPBearer
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from mcp.server.transport_security import TransportSecuritySettings
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from bondmcp.mcp.server import BondMcpServer, build_server
from bondmcp.server.deps import authenticated_key, get_services
from bondmcp.server.errors import APIError, error_response
from bondmcp.server.services import Services

MCP_PATH = "/mcp"
REQUIRED_SCOPE = "ask"


class McpEndpoint:
    """The ASGI app behind ``/mcp``: authenticate, count, then hand over to the MCP SDK.

    Mount it with :attr:`route` (an exact route, so ``POST /mcp`` is served where MCP clients
    send it, with no redirect to ``/mcp/``) and run :meth:`running` in the app's lifespan.
    """

    def __init__(self) -> None:
        self._services: Services | None = None
        self.server: BondMcpServer = build_server(self._current_services)
        # Host and Origin checks guard unauthenticated local servers against DNS rebinding;
        # every request here needs an API key, and the API may sit behind any host name.
        self.server.streamable_http_app(
            stateless_http=True,
            json_response=True,
            transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
        )
        self._transport = StreamableHTTPASGIApp(self.server.session_manager)
        self._bearer = HTTPBearer(auto_error=False)
        self.route = Route(MCP_PATH, endpoint=self, include_in_schema=False)

    def _current_services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the MCP endpoint is not running")
        return self._services

    @asynccontextmanager
    async def running(self, services: Services) -> AsyncIterator[None]:
        """Serve with ``services`` until the block exits; call once, in the app lifespan."""
        self._services = services
        try:
            async with self.server.session_manager.run():
                yield
        finally:
            self._services = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # FastAPI's routes put themselves here; request logs and metrics label requests by it.
        scope["route"] = self.route
        request = Request(scope, receive)
        if request.method != "POST":
            # Stateless: no stream for a GET to open (it would hang) and no session to DELETE.
            response = error_response(
                request,
                405,
                "method_not_allowed",
                "Send MCP messages with POST; this endpoint keeps no sessions or streams.",
                headers={"Allow": "POST"},
            )
            await response(scope, receive, send)
            return
        try:
            services = await get_services(request)
            credentials = await self._bearer(request)
            key = await authenticated_key(request, services, credentials)
            if REQUIRED_SCOPE not in key.scopes:
                raise APIError(
                    403, "insufficient_scope", f"This API key lacks the '{REQUIRED_SCOPE}' scope."
                )
        except APIError as exc:
            response = error_response(
                request,
                exc.status_code,
                exc.code,
                exc.message,
                param=exc.param,
                headers=exc.headers,
            )
            await response(scope, receive, send)
            return

        limit_headers: dict[str, str] = getattr(request.state, "response_headers", {})

        async def send_with_limit_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in limit_headers.items():
                    headers[name] = value
            await send(message)

        await self._transport(scope, receive, send_with_limit_headers)
