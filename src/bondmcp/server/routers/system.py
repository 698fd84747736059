"""Liveness, readiness and the authenticated ping the SDK uses."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Header
from starlette.responses import JSONResponse, Response

from bondmcp._version import __version__
from bondmcp.server import metrics
from bondmcp.server.deps import AnyKey, ServicesDep
from bondmcp.server.errors import APIError
from bondmcp.types import DependencyStatus, HealthResponse, PingResponse, ReadyResponse

router = APIRouter(tags=["system"])


@router.get("/health", response_model=HealthResponse, summary="Liveness")
async def health() -> HealthResponse:
    """The process is up. Needs no key and touches no dependency."""
    return HealthResponse(status="healthy", version=__version__)


@router.get(
    "/ready",
    response_model=ReadyResponse,
    summary="Readiness",
    responses={503: {"model": ReadyResponse, "description": "A dependency is down."}},
)
def ready(services: ServicesDep) -> JSONResponse:
    """200 when every dependency answers; 503 with each dependency's status otherwise."""
    deps: dict[str, DependencyStatus] = {}
    try:
        revision = services.db.ping()
        expected = services.db.head_revision()
        if revision == expected:
            deps["database"] = DependencyStatus(status="up")
        elif revision is not None and not services.db.is_known_revision(revision):
            # Migrated ahead of this version during a rolling upgrade: migrations are additive.
            deps["database"] = DependencyStatus(
                status="up", detail=f"schema at newer revision {revision}"
            )
        else:
            detail = f"schema at revision {revision}, this version needs {expected}: run `bondmcp db upgrade`"
            deps["database"] = DependencyStatus(status="down", detail=detail)
    except Exception as exc:
        deps["database"] = DependencyStatus(status="down", detail=type(exc).__name__)
    metrics.DEPENDENCY_UP.labels("database").set(1 if deps["database"].status == "up" else 0)
    if services.redis is not None:
        try:
            services.redis.ping()
            services.redis_health.succeeded()
            deps["redis"] = DependencyStatus(status="up")
        except Exception as exc:
            services.redis_health.failed(exc, "ready")
            # Still ready: limits and the cache fall back to this process.
            deps["redis"] = DependencyStatus(
                status="degraded", detail=f"{type(exc).__name__}; using in-process fallback"
            )
    deps["knowledge_base"] = DependencyStatus(
        status="up",
        detail=f"{len(services.engine.index)} passages, {services.engine.kb_version}",
    )
    ok = all(d.status != "down" for d in deps.values())
    body = ReadyResponse(status="ready" if ok else "not_ready", dependencies=deps)
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True), status_code=200 if ok else 503
    )


@router.get("/metrics", include_in_schema=False)
def prometheus_metrics(
    services: ServicesDep, authorization: str | None = Header(default=None)
) -> Response:
    """Prometheus exposition of every worker process's metrics; with
    ``BONDMCP_METRICS_TOKEN`` set, only for a scraper that sends it as a bearer token."""
    token = services.settings.metrics_token
    if token is not None:
        kind, _, sent = (authorization or "").partition(" ")
        expected = token.get_secret_value().encode()
        if kind.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), expected):
            raise APIError(
                401,
                "invalid_metrics_token",
                "GET /metrics needs Authorization: Bearer <BONDMCP_METRICS_TOKEN>.",
                headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
            )
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)


@router.get("/v1/ping", response_model=PingResponse, summary="Check connectivity and the key")
async def ping(key: AnyKey, services: ServicesDep) -> PingResponse:
    return PingResponse(
        status="ok", version=__version__, environment=services.settings.environment, key_id=key.id
    )
