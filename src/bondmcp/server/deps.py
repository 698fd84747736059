"""Dependencies: who is calling (API key auth) and whether they are within their limit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bondmcp.server.errors import APIError
from bondmcp.server.ratelimit import RateLimitResult
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


_lookups: dict[tuple[int, str], asyncio.Future[ApiKeyRecord | AuthFailure]] = {}


async def _authenticate(services: Services, credentials: str) -> ApiKeyRecord | AuthFailure:
    """The key's record from the key store's cache or, failing that, the database.

    Requests that miss the cache together (a write to the database retires every cached
    key at once) share one database lookup instead of each queueing a thread for it."""
    environment = services.settings.environment
    outcome = services.keys.cached(credentials, environment)
    if outcome is not None:
        return outcome
    token = (id(services.keys), credentials)
    lookup = _lookups.get(token)
    if lookup is None:
        lookup = asyncio.ensure_future(
            run_in_threadpool(services.keys.authenticate, credentials, environment)
        )
        _lookups[token] = lookup
        lookup.add_done_callback(lambda _: _lookups.pop(token, None))
    return await asyncio.shield(lookup)


async def admit(
    services: Services,
    state: dict[str, Any],
    authorization: str | None,
    scope: str | None = None,
    *,
    alongside: Callable[[], object] | None = None,
) -> ApiKeyRecord:
    """The key presented in an Authorization header, checked against the store, charged
    against its rate limit and, when ``scope`` is given, checked for that scope. Raises
    ``APIError`` (401, 429, 403) otherwise.

    The request's ``state`` gets the key id once the key is known and the rate-limit
    headers once it is charged, so a refused request is still counted against its key
    and its response still carries the headers. ``alongside`` runs once the key is known,
    just before the charge: Redis commands it starts share the charge's pipeline."""
    key = known_key(state, await _authenticate(services, bearer_credentials(authorization)))
    if alongside is not None:
        alongside()
    limit = await services.limiter.hit_async(key.id, rate_limit_of(services, key))
    return within_limits(services, state, key, limit, scope)


def admit_blocking(
    services: Services, state: dict[str, Any], authorization: str | None, scope: str | None = None
) -> ApiKeyRecord:
    """``admit`` for code that already runs in a worker thread, where database and Redis
    calls may block: one thread hand-off for the whole request instead of one per call."""
    credentials = bearer_credentials(authorization)
    environment = services.settings.environment
    outcome = services.keys.cached(credentials, environment)
    if outcome is None:
        outcome = services.keys.authenticate(credentials, environment)
    key = known_key(state, outcome)
    limit = services.limiter.hit(key.id, rate_limit_of(services, key))
    return within_limits(services, state, key, limit, scope)


def bearer_credentials(authorization: str | None) -> str:
    """The key in an ``Authorization: Bearer <key>`` header; 401 for anything else."""
    kind, _, credentials = (authorization or "").partition(" ")
    credentials = credentials.strip()
    if kind.lower() == "bearer" and credentials:
        return credentials
    if authorization:
        raise APIError(
            401, "invalid_api_key", "Use 'Authorization: Bearer <key>'.", headers=_CHALLENGE
        )
    raise APIError(
        401,
        "missing_api_key",
        "No API key: send 'Authorization: Bearer <key>'.",
        headers=_CHALLENGE,
    )


def known_key(state: dict[str, Any], outcome: ApiKeyRecord | AuthFailure) -> ApiKeyRecord:
    """The key a lookup found (its id now labels the request), or a 401."""
    if isinstance(outcome, AuthFailure):
        raise APIError(401, outcome.value, _FAILURE_MESSAGES[outcome], headers=_CHALLENGE)
    state["key_id"] = outcome.id
    return outcome


def rate_limit_of(services: Services, key: ApiKeyRecord) -> str:
    return key.rate_limit or services.settings.rate_limit_default


def within_limits(
    services: Services,
    state: dict[str, Any],
    key: ApiKeyRecord,
    limit: RateLimitResult,
    scope: str | None,
) -> ApiKeyRecord:
    """The key, once charged: a 429 over its limit, a 403 without ``scope``. The limit's
    headers go on the response either way."""
    headers = limit.headers()
    if key.age_days() >= services.settings.key_max_age_days:
        # Tell operators, on every response, that this key is due for rotation.
        headers["X-BondMCP-Key-Rotation-Due"] = f"key is {key.age_days()} days old; rotate it"
    state["response_headers"] = headers
    if not limit.allowed:
        retry_after = str(max(1, limit.reset_after))
        raise APIError(
            429,
            "rate_limited",
            f"Rate limit of {limit.limit} requests exceeded; retry after {retry_after} seconds.",
            headers={**headers, "Retry-After": retry_after},
        )
    if scope is not None and scope not in key.scopes:
        raise APIError(403, "insufficient_scope", f"This API key lacks the '{scope}' scope.")
    return key


async def authenticated_key(
    request: Request,
    services: ServicesDep,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> ApiKeyRecord:
    """The calling key (``_bearer`` only documents the scheme; ``admit`` reads the header)."""
    return await _admit_request(request, services, None)


async def _admit_request(request: Request, services: Services, scope: str | None) -> ApiKeyRecord:
    return await admit(
        services, request.scope["state"], request.headers.get("authorization"), scope
    )


def require_scope(scope: str):  # type: ignore[no-untyped-def]
    async def check(
        request: Request,
        services: ServicesDep,
        _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ApiKeyRecord:
        return await _admit_request(request, services, scope)

    return check


AskKey = Annotated[ApiKeyRecord, Depends(require_scope("ask"))]
AdminKey = Annotated[ApiKeyRecord, Depends(require_scope("admin"))]
AnyKey = Annotated[ApiKeyRecord, Depends(authenticated_key)]
