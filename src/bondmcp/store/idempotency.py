"""Idempotency records: a retried request with the same ``Idempotency-Key`` gets the
stored response instead of running again.

Both the client's key and the request are stored only as HMACs under the server
secret, so the table holds no request text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from bondmcp.store.db import Database, utcnow
from bondmcp.store.models import IdempotencyRecord

#: How long a stored response can be replayed.
RETENTION = dt.timedelta(hours=24)


class IdempotencyConflict(Exception):
    """The key was used before with a different request."""


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status_code: int
    body: bytes
    content_type: str


class IdempotencyStore:
    def __init__(self, db: Database, secret: bytes) -> None:
        self._db = db
        self._secret = secret

    def digest(self, value: str | bytes) -> str:
        data = value.encode() if isinstance(value, str) else value
        return hmac.new(self._secret, data, hashlib.sha256).hexdigest()

    def lookup(self, key_id: str, idempotency_key: str, request_hash: str) -> StoredResponse | None:
        with self._db.session() as session:
            row = session.scalars(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.key_id == key_id,
                    IdempotencyRecord.idempotency_key == self.digest(idempotency_key),
                    IdempotencyRecord.created_at > utcnow() - RETENTION,
                )
            ).first()
            if row is None:
                return None
            if not hmac.compare_digest(row.request_hash, request_hash):
                raise IdempotencyConflict
            return StoredResponse(row.status_code, row.response_body, row.content_type)

    def save(
        self,
        key_id: str,
        idempotency_key: str,
        request_hash: str,
        response: StoredResponse,
    ) -> StoredResponse:
        """Store the response; if a concurrent request stored one first, return that one."""
        try:
            with self._db.session() as session:
                session.add(
                    IdempotencyRecord(
                        key_id=key_id,
                        idempotency_key=self.digest(idempotency_key),
                        request_hash=request_hash,
                        status_code=response.status_code,
                        response_body=response.body,
                        content_type=response.content_type,
                        created_at=utcnow(),
                    )
                )
        except IntegrityError:
            stored = self.lookup(key_id, idempotency_key, request_hash)
            if stored is not None:
                return stored
            # An expired record holds the slot: replace it.
            self.purge(before=utcnow())
            return self.save(key_id, idempotency_key, request_hash, response)
        return response

    def purge(self, before: dt.datetime | None = None) -> int:
        cutoff = before or utcnow() - RETENTION
        with self._db.session() as session:
            result = session.execute(
                delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff)
            )
            return int(getattr(result, "rowcount", 0) or 0)
