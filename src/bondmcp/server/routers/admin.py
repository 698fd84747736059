"""Administration for keys with the ``admin`` scope: API keys and the answer cache."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.responses import Response

from bondmcp.server.deps import AdminKey, ServicesDep
from bondmcp.server.errors import APIError
from bondmcp.server.idempotency import run_idempotent
from bondmcp.server.services import Services
from bondmcp.settings import parse_rate_limit
from bondmcp.store import ApiKeyRecord
from bondmcp.types import (
    ErrorEnvelope,
    KeyCreated,
    KeyCreateRequest,
    KeyInfo,
    KeyList,
    KeyRotateRequest,
)

router = APIRouter(prefix="/v1", tags=["admin"])
_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorEnvelope} for code in (400, 401, 403, 404, 409, 422, 429)
}


class CachePurgeResponse(BaseModel):
    purged: int


def key_info(record: ApiKeyRecord, services: Services) -> KeyInfo:
    def stamp(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    age = record.age_days()
    return KeyInfo(
        id=record.id,
        name=record.name,
        environment=record.environment,
        prefix=record.prefix,
        scopes=list(record.scopes),
        rate_limit=record.rate_limit,
        status=record.status(),
        created_at=record.created_at.isoformat(),
        expires_at=stamp(record.expires_at),
        revoked_at=stamp(record.revoked_at),
        last_used_at=stamp(record.last_used_at),
        rotated_from=record.rotated_from,
        age_days=age,
        rotation_due=record.status() == "active" and age >= services.settings.key_max_age_days,
    )


@router.post(
    "/keys",
    response_model=KeyCreated,
    status_code=201,
    responses=_ERRORS,
    summary="Create an API key",
)
def create_key(
    body: KeyCreateRequest, request: Request, admin: AdminKey, services: ServicesDep
) -> Response:
    """A key for this server's environment. The secret is in this response only, which a
    retry with the same Idempotency-Key gets again for ten minutes."""
    return run_idempotent(
        request,
        services,
        admin,
        body,
        lambda: _create_key(body, admin, services),
        status_code=201,
        sealed=True,
    )


def _create_key(body: KeyCreateRequest, admin: ApiKeyRecord, services: Services) -> KeyCreated:
    if body.rate_limit is not None:
        try:
            parse_rate_limit(body.rate_limit)
        except ValueError as exc:
            raise APIError(422, "invalid_request", str(exc), param="rate_limit") from None
    expires = (
        dt.datetime.now(dt.UTC) + dt.timedelta(days=body.expires_in_days)
        if body.expires_in_days
        else None
    )
    record, secret = services.keys.create(
        name=body.name,
        environment=services.settings.environment,
        scopes=tuple(dict.fromkeys(body.scopes)),
        rate_limit=body.rate_limit,
        expires_at=expires,
        actor=admin.id,
    )
    return KeyCreated(**key_info(record, services).model_dump(), key=secret)


@router.get("/keys", response_model=KeyList, responses=_ERRORS, summary="List API keys")
def list_keys(admin: AdminKey, services: ServicesDep) -> KeyList:
    """Every key of this server's environment, never their secrets."""
    environment = services.settings.environment
    return KeyList(
        keys=[key_info(r, services) for r in services.keys.list() if r.environment == environment]
    )


def _own_key(services: Services, key_id: str) -> ApiKeyRecord:
    record = services.keys.get(key_id)
    if record is None or record.environment != services.settings.environment:
        raise APIError(404, "not_found", f"No key {key_id} in this environment.")
    return record


@router.post(
    "/keys/{key_id}/rotate",
    response_model=KeyCreated,
    responses=_ERRORS,
    summary="Rotate an API key",
)
def rotate_key(
    key_id: str, body: KeyRotateRequest, request: Request, admin: AdminKey, services: ServicesDep
) -> Response:
    """Issue a replacement; the old key keeps working for the grace period, then 401. A
    retry with the same Idempotency-Key gets the same replacement for ten minutes."""
    return run_idempotent(
        request,
        services,
        admin,
        body,
        lambda: _rotate_key(key_id, body, admin, services),
        sealed=True,
    )


def _rotate_key(
    key_id: str, body: KeyRotateRequest, admin: ApiKeyRecord, services: Services
) -> KeyCreated:
    _own_key(services, key_id)
    try:
        record, secret = services.keys.rotate(
            key_id, dt.timedelta(seconds=body.grace_period_seconds), actor=admin.id
        )
    except ValueError as exc:
        raise APIError(409, "key_not_active", str(exc)) from None
    return KeyCreated(**key_info(record, services).model_dump(), key=secret)


@router.delete(
    "/keys/{key_id}", response_model=KeyInfo, responses=_ERRORS, summary="Revoke an API key"
)
def revoke_key(key_id: str, admin: AdminKey, services: ServicesDep) -> KeyInfo:
    """Revoked keys get 401 on their next request."""
    _own_key(services, key_id)
    return key_info(services.keys.revoke(key_id, actor=admin.id), services)


@router.delete(
    "/cache",
    response_model=CachePurgeResponse,
    responses={code: {"model": ErrorEnvelope} for code in (401, 403, 429)},
    summary="Purge the answer cache",
)
def purge_cache(admin: AdminKey, services: ServicesDep) -> CachePurgeResponse:
    """Drop every cached answer, in Redis and in this process."""
    purged = services.cache.purge()
    services.recorder.record_now([_event("cache.purged", admin.id, purged=purged)])
    return CachePurgeResponse(purged=purged)


def _event(name: str, key_id: str, **detail: object):  # type: ignore[no-untyped-def]
    from bondmcp.store.audit import AuditEvent

    return AuditEvent(name, key_id, dict(detail))
