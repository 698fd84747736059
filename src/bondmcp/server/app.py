"""The application factory: routers, auth, errors and middleware wired to one Services."""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.datastructures import State
from starlette.types import ASGIApp, Receive, Scope, Send

from bondmcp._version import __version__
from bondmcp.engine.engine import HealthEngine
from bondmcp.server import metrics
from bondmcp.server.errors import install_error_handlers
from bondmcp.server.middleware import RequestContextMiddleware
from bondmcp.server.routers import admin, answers, jobs, privacy, search, system, usage
from bondmcp.server.services import Services
from bondmcp.settings import Settings, load_settings

DESCRIPTION = """\
Grounded, cited answers to consumer health questions, with emergency triage, scope
detection and a calibrated confidence. Authenticate with `Authorization: Bearer <key>`.
Every error has the shape `{"error": {"type", "code", "message", "request_id"}}`.
"""

logger = logging.getLogger("bondmcp.server")


def warm_up(engine: HealthEngine) -> None:
    """Warm the engine up a passage at a time, giving the event loop the GIL in between,
    so requests arriving during start-up are not held up behind it.

    Then freeze the heap: the index, the knowledge base and the warmed caches live as long
    as the process, yet each full garbage collection would walk them all again (over 100
    ms with the built-in knowledge base), stalling every request in flight. Frozen objects
    are left out of collections; what requests allocate is collected as before."""
    for _ in engine.warm_up():
        time.sleep(0)
    gc.freeze()


class Application:
    """What ``bondmcp serve`` runs: the FastAPI application with the request-context
    middleware (and CORS, when configured) in front of it rather than in its middleware
    stack.

    The middleware hands the everyday ``POST /v1/ask`` to ``AskFastPath``; in front, that
    request also skips the framework's own layers (its telemetry check, error and
    body-limit middleware), about 5% of a cached answer's CPU. Every other request goes
    on through the whole framework, and lifespan events go straight to it.
    """

    def __init__(self, fastapi: FastAPI, front: ASGIApp) -> None:
        self.fastapi = fastapi
        self.front = front

    @property
    def state(self) -> State:
        return self.fastapi.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope["app"] = self.fastapi
            await self.front(scope, receive, send)
        else:
            await self.fastapi(scope, receive, send)


def create_app(settings: Settings | None = None, services: Services | None = None) -> Application:
    from bondmcp.mcp.http import McpEndpoint  # here, as bondmcp.mcp imports from bondmcp.server

    settings = settings or (services.settings if services else load_settings())
    mcp = McpEndpoint()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "services", None) is None:
            app.state.services = Services.build(settings)
        app.state.services.recorder.start()
        if settings.environment == "production" and settings.metrics_token is None:
            logger.warning(
                "GET /metrics answers anyone who can reach the server: set "
                "BONDMCP_METRICS_TOKEN, or keep /metrics off the public proxy"
            )
        threading.Thread(
            target=warm_up, args=(app.state.services.engine,), name="bondmcp-warm-up", daemon=True
        ).start()
        if app.state.services.jobs is not None:
            app.state.services.jobs.start()  # the embedded executor, or enqueue-only
        try:
            async with mcp.running(app.state.services):
                yield
        finally:
            if app.state.services.jobs is not None:
                app.state.services.jobs.stop()
            if app.state.services.redis_pipeline is not None:
                await app.state.services.redis_pipeline.aclose()
            app.state.services.close()
            metrics.mark_process_dead(os.getpid())

    app = FastAPIOffline(
        title="bondmcp",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        static_url="/docs-assets",
        redoc_url=None,
    )
    app.state.services = services
    install_error_handlers(app)
    app.include_router(system.router)
    app.include_router(answers.router)
    app.include_router(search.router)
    app.router.routes.append(mcp.route)  # exactly /mcp: MCP clients POST where they are told
    app.include_router(usage.router)
    app.include_router(privacy.router)
    app.include_router(jobs.router)
    app.include_router(admin.router)
    front: ASGIApp = RequestContextMiddleware(
        app,
        max_body_bytes=settings.max_body_bytes,
        shortcuts=[answers.AskFastPath()],
    )
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        front = CORSMiddleware(
            front,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "Idempotency-Key",
                "X-Request-ID",
                "Cache-Control",
                "Mcp-Protocol-Version",
                "Mcp-Session-Id",
            ],
            expose_headers=[
                "X-Request-ID",
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset",
                "Retry-After",
            ],
        )
    return Application(app, front)
