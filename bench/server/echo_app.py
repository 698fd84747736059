"""The baseline for the server benchmark: a FastAPI JSON echo, served like ``bondmcp serve``.

``POST /v1/echo`` validates a JSON body shaped like an ask request and returns it; ``GET
/health`` answers for the readiness wait. It runs under ``uvicorn.run`` with the options
``bondmcp serve`` passes (application factory, worker count, default event loop, the HTTP
protocol of ``bondmcp.server.protocol``, one accept at a time with several workers, no
server header, no access log), so the only difference left is the work done per request.

Run:  .venv/bin/python bench/server/echo_app.py --port 8100 [--workers 2]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from fastapi import FastAPI
from pydantic import BaseModel


class EchoBody(BaseModel):
    query: str
    locale: str | None = None


def create_app() -> FastAPI:
    app = FastAPI(title="echo", docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/v1/echo")
    async def echo(body: EchoBody) -> EchoBody:
        return body

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "healthy"}

    return app


def main() -> None:
    import uvicorn

    from bondmcp.server.protocol import CoalescingHttpToolsProtocol

    parser = argparse.ArgumentParser(description="FastAPI JSON echo, served like bondmcp serve.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.workers > 1:  # as bondmcp serve does: the workers share new connections
        os.environ.setdefault("UV_TCP_SINGLE_ACCEPT", "1")
    uvicorn.run(
        "echo_app:create_app",
        factory=True,
        http=CoalescingHttpToolsProtocol,
        app_dir=str(Path(__file__).resolve().parent),
        host=args.host,
        port=args.port,
        workers=args.workers,
        server_header=False,
        access_log=False,
        log_level="info",
        timeout_graceful_shutdown=30,
    )


if __name__ == "__main__":
    main()
