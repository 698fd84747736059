"""Idempotency records: a retried request with the same ``Idempotency-Key`` gets the
stored response instead of running again.

Both the client's key and the request are stored only as HMACs under the server
secret, so the table holds no request text.

Answers to ``POST /v1/ask`` are stored write-behind (``remember``, then ``flush`` from the
request recorder a twentieth of a second later): every SDK call sends a key, and a committed write
per question cost more than answering it. Until it is written, a response is replayed from
this process's memory. A retry that reaches another process within that twentieth of a second, or
follows a crash, is answered again: harmless for a question, which is why jobs and batches,
which create things, still store theirs before responding.

A response that holds a secret (a created or rotated API key) is stored sealed: encrypted
with AES-GCM under a key derived from the server secret, bound to its record, and replayed
for ten minutes only, long enough for any client's retries. The retention purge deletes it
after that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, Engine, and_, create_engine, delete, or_, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import ReturningInsert
from sqlalchemy.sql.elements import ColumnElement

from bondmcp.store.db import Database, insert_sqlite_rows, utcnow
from bondmcp.store.models import IdempotencyRecord

#: How long a stored response can be replayed.
RETENTION = dt.timedelta(hours=24)
#: How long a sealed response (one that holds a secret) can be replayed.
SEALED_RETENTION = dt.timedelta(minutes=10)
_SEALED = "sealed"  # the ``note`` of a sealed record
_SEAL_INFO = b"bondmcp idempotent responses v1"
#: Responses kept in memory while the database cannot take them (normally a twentieth
#: second's worth); past this the oldest lose their replay protection first.
MAX_PENDING = 20_000


class IdempotencyConflict(Exception):
    """The key was used before with a different request."""


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status_code: int
    body: bytes
    content_type: str


_TABLE = IdempotencyRecord.__table__
#: What a lookup reads of a record.
_REPLAY_COLUMNS = (
    _TABLE.c.request_hash,
    _TABLE.c.status_code,
    _TABLE.c.response_body,
    _TABLE.c.content_type,
    _TABLE.c.note,
    _TABLE.c.created_at,
)
_LOOKUP_MANY = select(_TABLE.c.key_id, _TABLE.c.idempotency_key, *_REPLAY_COLUMNS)
_TABLE_NAME = IdempotencyRecord.__tablename__
_REPLAY_NAMES = ", ".join(column.name for column in _REPLAY_COLUMNS)
_SQLITE_LOOKUP = (
    f"SELECT {_REPLAY_NAMES} FROM {_TABLE_NAME}"  # noqa: S608 - constant names, placeholders
    " WHERE key_id = ? AND idempotency_key = ? AND created_at > ?"
)
_POSTGRES_LOOKUP = (
    f"SELECT key_id, idempotency_key, {_REPLAY_NAMES} FROM {_TABLE_NAME}"  # noqa: S608
    " WHERE (key_id, idempotency_key) IN (SELECT * FROM unnest(%s::text[], %s::text[]))"
    " AND created_at > %s"
)
_WRITE_COLUMNS = (
    "key_id",
    "idempotency_key",
    "request_hash",
    "status_code",
    "response_body",
    "content_type",
    "created_at",
    "note",
)


class _Row(NamedTuple):
    """A record as a lookup reads it (``_REPLAY_COLUMNS``)."""

    request_hash: str
    status_code: int
    response_body: bytes
    content_type: str
    note: str | None
    created_at: dt.datetime


#: ``flush``'s upsert on SQLite: a slot's record is replaced only once expired (as
#: ``_write_statement``); its two parameters are the retention cutoffs.
_SQLITE_UPSERT = (
    "ON CONFLICT (key_id, idempotency_key) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _WRITE_COLUMNS[2:])
    + f" WHERE {_TABLE_NAME}.created_at <= ?"
    f" OR ({_TABLE_NAME}.note = '{_SEALED}' AND {_TABLE_NAME}.created_at <= ?)"
)


@dataclass(frozen=True, slots=True)
class _Pending:
    request_hash: str
    response: StoredResponse
    created_at: dt.datetime

    def row(self, key_id: str, digest: str, body: bytes | None = None) -> dict[str, object]:
        return {
            "key_id": key_id,
            "idempotency_key": digest,
            "request_hash": self.request_hash,
            "status_code": self.response.status_code,
            "response_body": self.response.body if body is None else body,
            "content_type": self.response.content_type,
            "created_at": self.created_at,
            "note": None if body is None else _SEALED,
        }


class IdempotencyStore:
    def __init__(self, db: Database, secret: bytes, *, max_pending: int = MAX_PENDING) -> None:
        self._db = db
        self._secret = secret
        self._max_pending = max_pending
        self._lock = threading.Lock()
        # (key id, key digest) -> a response not yet written; entries leave once committed.
        self._pending: dict[tuple[str, str], _Pending] = {}
        self._upsert = (
            postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
        )
        seal_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SEAL_INFO)
        self._aead = AESGCM(seal_key.derive(secret))
        # On an SQLite file, the per-request lookup goes straight to the driver on a
        # connection of the store's own: checking a connection out of the pool and
        # SQLAlchemy's statement machinery cost five times the query (46 -> 8 us a miss).
        self._reader: sqlite3.Connection | None = None
        self._reader_lock = threading.Lock()
        self._sqlite_path = db.sqlite_file()
        # On PostgreSQL the lookups of a loop turn go through a pool of the store's own, in
        # autocommit and without a ping at checkout: the shared pool cost a ping when a
        # connection was checked out, BEGIN before the query and ROLLBACK when it was
        # returned, four round trips where one will do. A connection found dead is dropped
        # and the lookup tried once more on a new one.
        self._postgres_reads: Engine | None = (
            create_engine(
                db.engine.url,
                isolation_level="AUTOCOMMIT",
                pool_pre_ping=False,
                pool_reset_on_return=None,
                connect_args={"connect_timeout": 5},
            )
            if db.engine.dialect.name == "postgresql"
            else None
        )
        created_at = _TABLE.c.created_at.type.dialect_impl(db.engine.dialect)
        self._stamp_to_db = created_at.bind_processor(db.engine.dialect)
        self._stamp_from_db = created_at.result_processor(db.engine.dialect, None)

    def digest(self, value: str | bytes) -> str:
        data = value.encode() if isinstance(value, str) else value
        return hmac.new(self._secret, data, hashlib.sha256).hexdigest()

    # Core statements, not the ORM: every SDK call sends an Idempotency-Key, so these run
    # once or twice per request.

    def lookup(self, key_id: str, idempotency_key: str, request_hash: str) -> StoredResponse | None:
        outcome = self.lookup_many([(key_id, idempotency_key, request_hash)])[0]
        if isinstance(outcome, IdempotencyConflict):
            raise outcome
        return outcome

    def lookup_many(
        self, requests: Sequence[tuple[str, str, str]]
    ) -> list[StoredResponse | IdempotencyConflict | None]:
        """``lookup`` for several (key id, Idempotency-Key, request hash) at once, in one
        query: a conflict is returned in its place, not raised. Concurrent requests of one
        server process look up together (``server/idempotency.py``), one database round
        trip and one thread hand-off for all of them."""
        digests = [self.digest(idempotency_key) for _, idempotency_key, _ in requests]
        outcomes: list[StoredResponse | IdempotencyConflict | None] = [None] * len(requests)
        wanted: dict[tuple[str, str], list[int]] = {}
        with self._lock:
            for index, ((key_id, _, request_hash), digest) in enumerate(
                zip(requests, digests, strict=True)
            ):
                pending = self._pending.get((key_id, digest))
                if pending is None:
                    wanted.setdefault((key_id, digest), []).append(index)
                elif hmac.compare_digest(pending.request_hash, request_hash):
                    outcomes[index] = pending.response
                else:
                    outcomes[index] = IdempotencyConflict()
        if not wanted:
            return outcomes
        since = utcnow() - RETENTION
        found: list[tuple[str, str, Any]]
        if len(wanted) == 1 and self._sqlite_path is not None:
            ((key_id, digest),) = wanted
            found = [(key_id, digest, row) for row in self._sqlite_lookup(key_id, digest, since)]
        elif self._postgres_reads is not None:
            found = self._postgres_lookup(list(wanted), since)
        else:
            with self._db.engine.connect() as conn:
                found = [
                    (row.key_id, row.idempotency_key, row)
                    for row in conn.execute(
                        _LOOKUP_MANY.where(
                            tuple_(_TABLE.c.key_id, _TABLE.c.idempotency_key).in_(list(wanted)),
                            _TABLE.c.created_at > since,
                        )
                    )
                ]
        for key_id, digest, row in found:
            for index in wanted.get((key_id, digest), ()):
                outcomes[index] = self._replayed(key_id, digest, row, requests[index][2])
        return outcomes

    def _sqlite_lookup(self, key_id: str, digest: str, since: dt.datetime) -> list[_Row]:
        stamp = self._stamp_to_db(since) if self._stamp_to_db is not None else since
        with self._reader_lock:
            if self._reader is None:
                self._reader = sqlite3.connect(
                    f"file:{self._sqlite_path}?mode=ro", uri=True, check_same_thread=False
                )
                self._reader.execute("PRAGMA busy_timeout=10000")
            rows = self._reader.execute(_SQLITE_LOOKUP, (key_id, digest, stamp)).fetchall()
        convert = self._stamp_from_db
        return [
            _Row(
                request_hash=row[0],
                status_code=row[1],
                response_body=row[2],
                content_type=row[3],
                note=row[4],
                created_at=cast(dt.datetime, convert(row[5]) if convert else row[5]),
            )
            for row in rows
        ]

    def _postgres_lookup(
        self, wanted: list[tuple[str, str]], since: dt.datetime
    ) -> list[tuple[str, str, _Row]]:
        """The records of several (key id, digest) slots in one query; tried once more on
        a new connection if the first one is found dead."""
        import psycopg

        params = ([key_id for key_id, _ in wanted], [digest for _, digest in wanted], since)
        try:
            rows = self._postgres_query(params)
        except psycopg.OperationalError:
            rows = self._postgres_query(params)
        return [(row[0], row[1], _Row(*row[2:])) for row in rows]

    def _postgres_query(self, params: tuple[Any, ...]) -> Sequence[Any]:
        assert self._postgres_reads is not None
        conn = self._postgres_reads.raw_connection()
        try:
            cursor = conn.cursor()
            cursor.execute(_POSTGRES_LOOKUP, params)
            rows = cursor.fetchall()
            cursor.close()
            return rows
        except Exception:
            conn.invalidate()  # not returned to the pool: the next checkout connects anew
            raise
        finally:
            conn.close()

    def close(self) -> None:
        """Close the store's own connections, if it opened any."""
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        if self._postgres_reads is not None:
            self._postgres_reads.dispose()

    def _replayed(
        self, key_id: str, digest: str, row: Any, request_hash: str
    ) -> StoredResponse | IdempotencyConflict | None:
        if not hmac.compare_digest(row.request_hash, request_hash):
            return IdempotencyConflict()
        body = row.response_body
        if row.note == _SEALED:
            if _aware(row.created_at) <= utcnow() - SEALED_RETENTION:
                return None
            try:
                body = self._open(key_id, digest, body)
            except InvalidTag:  # sealed under another server secret
                return None
        return StoredResponse(row.status_code, body, row.content_type)

    def _aad(self, key_id: str, digest: str) -> bytes:
        return f"{key_id}\0{digest}".encode()

    def _seal(self, key_id: str, digest: str, body: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, body, self._aad(key_id, digest))

    def _open(self, key_id: str, digest: str, sealed: bytes) -> bytes:
        return self._aead.decrypt(sealed[:12], sealed[12:], self._aad(key_id, digest))

    def save(
        self,
        key_id: str,
        idempotency_key: str,
        request_hash: str,
        response: StoredResponse,
        *,
        sealed: bool = False,
    ) -> StoredResponse:
        """Store the response now; if a concurrent request stored one first, return that
        one. An expired record of the same key is replaced. ``sealed`` for a response that
        holds a secret (see the module's docstring)."""
        digest = self.digest(idempotency_key)
        body = self._seal(key_id, digest, response.body) if sealed else None
        row = _Pending(request_hash, response, utcnow()).row(key_id, digest, body)
        with self._db.writing(), self._db.engine.begin() as conn:
            written = conn.execute(self._write_statement(), [row]).first()
        if written is not None:
            return response
        return self.lookup(key_id, idempotency_key, request_hash) or response

    def remember(
        self,
        key_id: str,
        idempotency_key: str,
        request_hash: str,
        response: StoredResponse,
    ) -> StoredResponse:
        """Keep the response for replay now and write it at the next ``flush``. If a twin
        request got there first in this process, return its response instead."""
        slot = (key_id, self.digest(idempotency_key))
        with self._lock:
            first = self._pending.setdefault(slot, _Pending(request_hash, response, utcnow()))
            while len(self._pending) > self._max_pending:
                del self._pending[next(iter(self._pending))]
        return first.response

    def flush(self) -> None:
        """Write the remembered responses. A slot taken meanwhile by another process keeps
        that process's response; an expired record in the slot is replaced."""
        with self._lock:
            batch = dict(self._pending)
        if not batch:
            return
        rows = [p.row(key_id, digest) for (key_id, digest), p in batch.items()]
        with self._db.writing(), self._db.engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                self._write_sqlite(conn, rows)
            else:
                conn.execute(self._write_statement(), rows).all()
        with self._lock:
            for slot, pending in batch.items():
                if self._pending.get(slot) is pending:
                    del self._pending[slot]

    def _write_sqlite(self, conn: Connection, rows: list[dict[str, object]]) -> None:
        """``flush`` on SQLite: multi-row upserts through the driver (``insert_sqlite_rows``),
        without RETURNING, which a flush does not read."""
        now = utcnow()
        cutoffs = [now - RETENTION, now - SEALED_RETENTION]
        if self._stamp_to_db is not None:
            cutoffs = [self._stamp_to_db(cutoff) for cutoff in cutoffs]
        insert_sqlite_rows(
            conn,
            _TABLE,
            _WRITE_COLUMNS,
            [tuple(row[column] for column in _WRITE_COLUMNS) for row in rows],
            on_conflict=_SQLITE_UPSERT,
            on_conflict_params=cutoffs,
        )

    def _write_statement(self) -> ReturningInsert[tuple[int]]:
        """Insert records, replacing only expired ones in their slots; RETURNING gives the
        rows written, and sends many rows in one statement ("insertmanyvalues": see
        ``AuditLog.append`` for why one statement per row would not keep up)."""
        statement = self._upsert(IdempotencyRecord)
        excluded = statement.excluded
        return statement.on_conflict_do_update(
            index_elements=["key_id", "idempotency_key"],
            set_={
                "request_hash": excluded.request_hash,
                "status_code": excluded.status_code,
                "response_body": excluded.response_body,
                "content_type": excluded.content_type,
                "created_at": excluded.created_at,
                "note": excluded.note,
            },
            where=_expired(utcnow() - RETENTION),
        ).returning(IdempotencyRecord.id)

    def purge(self, before: dt.datetime | None = None) -> int:
        """Delete records past their replay period (``before``: all older than that)."""
        with self._db.session() as session:
            result = session.execute(delete(IdempotencyRecord).where(_expired(before)))
            return int(getattr(result, "rowcount", 0) or 0)


def _expired(cutoff: dt.datetime | None) -> ColumnElement[bool]:
    """Records past their replay period: older than ``cutoff`` (default the retention),
    and sealed ones older than ``SEALED_RETENTION``."""
    now = utcnow()
    return or_(
        IdempotencyRecord.created_at <= (cutoff or now - RETENTION),
        and_(
            IdempotencyRecord.note == _SEALED,
            IdempotencyRecord.created_at <= now - SEALED_RETENTION,
        ),
    )


def _aware(value: dt.datetime) -> dt.datetime:
    """Core reads from SQLite hand back naive UTC datetimes."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
