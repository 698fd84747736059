"""``Idempotency-Key`` handling for POST endpoints: run once, replay on retry."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request
from pydantic import BaseModel
from starlette.responses import Response

from bondmcp.server.errors import APIError
from bondmcp.server.services import Services
from bondmcp.store import ApiKeyRecord
from bondmcp.store.idempotency import IdempotencyConflict, IdempotencyStore, StoredResponse

_MAX_KEY_LENGTH = 255
_JSON = "application/json"


def json_response(model: BaseModel, status_code: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status_code, media_type=_JSON)


def valid_idempotency_key(value: str) -> bool:
    return bool(value.strip()) and len(value) <= _MAX_KEY_LENGTH


def lookup_idempotent(
    store: IdempotencyStore, key_id: str, idempotency_key: str, request_hash: str
) -> StoredResponse | None:
    """The stored response for a repeated key; 409 when the key came with another request."""
    try:
        return store.lookup(key_id, idempotency_key, request_hash)
    except IdempotencyConflict:
        raise _conflict() from None


async def lookup_idempotent_async(
    services: Services, key_id: str, idempotency_key: str, request_hash: str
) -> StoredResponse | None:
    """``lookup_idempotent`` from the event loop: on SQLite a local read made in the loop;
    otherwise a query made in a worker thread with the lookups of the other requests of
    this loop turn."""
    if services.db.is_sqlite:
        return lookup_idempotent(services.idempotency, key_id, idempotency_key, request_hash)
    outcome = await services.idempotency_lookups((key_id, idempotency_key, request_hash))
    if isinstance(outcome, IdempotencyConflict):
        raise _conflict()
    return outcome


def _conflict() -> APIError:
    return APIError(
        409,
        "idempotency_conflict",
        "This Idempotency-Key was already used with a different request.",
        param="Idempotency-Key",
    )


def run_idempotent(
    request: Request,
    services: Services,
    key: ApiKeyRecord,
    payload: BaseModel,
    compute: Callable[[], BaseModel],
    *,
    status_code: int = 200,
    sealed: bool = False,
) -> Response:
    """Answer ``compute()``; with an Idempotency-Key, store it and replay it on retries.
    ``sealed`` for a response that holds a secret: stored encrypted, replayed briefly."""
    idempotency_key = request.headers.get("idempotency-key")
    if idempotency_key is None:
        return json_response(compute(), status_code)
    if not valid_idempotency_key(idempotency_key):
        raise APIError(
            400,
            "invalid_idempotency_key",
            f"Idempotency-Key must be 1 to {_MAX_KEY_LENGTH} characters.",
            param="Idempotency-Key",
        )
    store = services.idempotency
    request_hash = store.digest(f"{request.method} {request.url.path}\n{payload.model_dump_json()}")
    stored = lookup_idempotent(store, key.id, idempotency_key, request_hash)
    replayed = stored is not None
    if stored is None:
        body = compute().model_dump_json().encode()
        fresh = StoredResponse(status_code, body, _JSON)
        stored = store.save(key.id, idempotency_key, request_hash, fresh, sealed=sealed)
        replayed = stored is not fresh
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return Response(
        stored.body, status_code=stored.status_code, media_type=stored.content_type, headers=headers
    )
