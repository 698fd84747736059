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

from sqlalchemy import delete, insert, select
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

    # Core statements, not the ORM: every SDK call sends an Idempotency-Key, so these run
    # once or twice per request.

    def lookup(self, key_id: str, idempotency_key: str, request_hash: str) -> StoredResponse | None:
        table = IdempotencyRecord.__table__
        with self._db.engine.connect() as conn:
            row = conn.execute(
                select(
                    table.c.request_hash,
                    table.c.status_code,
                    table.c.response_body,
                    table.c.content_type,
                ).where(
                    table.c.key_id == key_id,
                    table.c.idempotency_key == self.digest(idempotency_key),
                    table.c.created_at > utcnow() - RETENTION,
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
        digest = self.digest(idempotency_key)
        try:
            with self._db.writing(), self._db.engine.begin() as conn:
                conn.execute(
                    insert(IdempotencyRecord).values(
                        key_id=key_id,
                        idempotency_key=digest,
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
            # An expired record of the same key holds the slot: replace that one record.
            with self._db.writing(), self._db.engine.begin() as conn:
                conn.execute(
                    delete(IdempotencyRecord).where(
                        IdempotencyRecord.key_id == key_id,
                        IdempotencyRecord.idempotency_key == digest,
                        IdempotencyRecord.created_at <= utcnow() - RETENTION,
                    )
                )
            return self.save(key_id, idempotency_key, request_hash, response)
        return response

    def purge(self, before: dt.datetime | None = None) -> int:
        cutoff = before or utcnow() - RETENTION
        with self._db.session() as session:
            result = session.execute(
                delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff)
            )
            return int(getattr(result, "rowcount", 0) or 0)
