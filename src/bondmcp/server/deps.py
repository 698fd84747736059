"""Dependencies: who is calling (API key auth) and whether they are within their limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bondmcp.server.errors import APIError
from bondmcp.server.services import Services
from bondmcp.store import ApiKeyRecord, AuthFailure

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer bmcp_...`")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}
_FAILURE_MESSAGES = {
    AuthFailure.INVALID: "The API key is not valid.",
    AuthFailure.EXPIRED: "The API key has expired; use its replacement or create a new key.",
    AuthFailure.WRONG_ENVIRONMENT: "The API key belongs to another environment than this server.",
}


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def authenticated_key(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> ApiKeyRecord:
    """The calling key, checked against the store and charged against its rate limit."""
    if credentials is None:
        if request.headers.get("authorization"):
            raise APIError(
                401, "invalid_api_key", "Use 'Authorization: Bearer <key>'.", headers=_CHALLENGE
            )
        raise APIError(
            401,
            "missing_api_key",
            "No API key: send 'Authorization: Bearer <key>'.",
            headers=_CHALLENGE,
        )
    environment = services.settings.environment
    outcome = services.keys.cached(credentials.credentials, environment)
    if outcome is None:
        outcome = await run_in_threadpool(
            services.keys.authenticate, credentials.credentials, environment
        )
    if isinstance(outcome, AuthFailure):
        raise APIError(401, outcome.value, _FAILURE_MESSAGES[outcome], headers=_CHALLENGE)
    request.state.key_id = outcome.id

    spec = outcome.rate_limit or services.settings.rate_limit_default
    if services.redis is None:
        limit = services.limiter.hit(outcome.id, spec)
    else:  # a Redis round trip must not block the event loop
        limit = await run_in_threadpool(services.limiter.hit, outcome.id, spec)
    headers = limit.headers()
    if outcome.age_days() >= services.settings.key_max_age_days:
        # Tell operators, on every response, that this key is due for rotation.
        headers["X-BondMCP-Key-Rotation-Due"] = f"key is {outcome.age_days()} days old; rotate it"
    request.state.response_headers = headers
    if not limit.allowed:
        retry_after = str(max(1, limit.reset_after))
        raise APIError(
            429,
            "rate_limited",
            f"Rate limit of {limit.limit} requests exceeded; retry after {retry_after} seconds.",
            headers={**headers, "Retry-After": retry_after},
        )
    return outcome


def require_scope(scope: str):  # type: ignore[no-untyped-def]
    async def check(key: Annotated[ApiKeyRecord, Depends(authenticated_key)]) -> ApiKeyRecord:
        if scope not in key.scopes:
            raise APIError(403, "insufficient_scope", f"This API key lacks the '{scope}' scope.")
        return key

    return check


AskKey = Annotated[ApiKeyRecord, Depends(require_scope("ask"))]
AdminKey = Annotated[ApiKeyRecord, Depends(require_scope("admin"))]
AnyKey = Annotated[ApiKeyRecord, Depends(authenticated_key)]
