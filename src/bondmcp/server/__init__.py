"""The HTTP API server: FastAPI routers per area, auth as a dependency, one error envelope."""

from bondmcp.server.app import create_app

__all__ = ["create_app"]
