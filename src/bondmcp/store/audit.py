"""The audit trail: an append-only log of security-relevant events, hash-chained.

Each record's hash is ``HMAC-SHA256(secret, prev_hash + canonical record)``, so editing,
deleting or reordering any record breaks every hash after it, and nobody without the
server secret can forge a consistent chain. Records hold ids, routes, statuses and
keyed hashes of de-identified queries: never query text or other PHI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii as _json_string
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import IntegrityError

from bondmcp.store.db import Database, insert_sqlite_rows, utcnow
from bondmcp.store.models import AuditRecord

GENESIS = "0" * 64
_MAX_RETRIES = 20
_LOCK_ID = 0x626D6370_61756469  # "bmcpaudi": the advisory lock that orders appenders


@dataclass(frozen=True, slots=True)
class AuditEvent:
    event: str
    key_id: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    ts: dt.datetime = field(default_factory=utcnow)


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    records: int
    first_broken: int | None = None
    reason: str | None = None


_COLUMNS = ("seq", "ts", "event", "key_id", "detail", "prev_hash", "hash")


def _copy(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Append rows with PostgreSQL's COPY: a busy server appends thousands of records a
    second, and a multi-row INSERT costs the recorder about 22 µs of CPU a row (most of it
    the driver re-parsing a statement with thousands of placeholders) against 3 µs for
    COPY. A clash on ``seq`` fails the COPY like an INSERT, as an ``IntegrityError``."""
    import psycopg

    raw = conn.connection.driver_connection
    try:
        with (
            raw.cursor() as cursor,  # type: ignore[union-attr]
            cursor.copy(f"COPY audit_log ({', '.join(_COLUMNS)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    except psycopg.IntegrityError as exc:
        raise IntegrityError("COPY audit_log", None, exc) from exc


# Made once: json.dumps with options builds a new encoder on every call, and the request
# recorder encodes a detail document per request.
_SORTED = json.JSONEncoder(separators=(",", ":"), sort_keys=True)


def _canonical(seq: int, ts: dt.datetime, event: str, key_id: str | None, detail: str) -> bytes:
    """What a record's hash covers: ``[seq, ts, event, key_id, detail]`` as compact ASCII
    JSON. Spelled out with the json module's own string escaping, which gives the same
    bytes as encoding the list for half the cost; the recorder hashes a record per
    request."""
    stamp = ts.astimezone(dt.UTC).isoformat(timespec="microseconds")
    key = "null" if key_id is None else _json_string(key_id)
    return f"[{seq:d},{_json_string(stamp)},{_json_string(event)},{key},{_json_string(detail)}]".encode()


class AuditLog:
    def __init__(self, db: Database, secret: bytes) -> None:
        self._db = db
        # Keyed once and copied per record. ``hmac.digest`` would key it again each time
        # and release the GIL around OpenSSL's call even for a few hundred bytes; the
        # recorder thread then waits for the event loop to hand the GIL back, once per
        # row, which cost more than the hashing itself.
        self._keyed = hmac.new(secret, digestmod=hashlib.sha256)

    def _hash(self, prev: str, payload: bytes) -> str:
        mac = self._keyed.copy()
        mac.update(prev.encode() + payload)
        return mac.hexdigest()

    def append(
        self,
        events: Sequence[AuditEvent],
        *,
        alongside: Callable[[Connection], object] | None = None,
    ) -> None:
        """Append events in order, in one transaction, after the current head.

        On PostgreSQL, writers in other processes take turns on an advisory lock. Anywhere,
        two writers that read the same head both claim the next ``seq``, the primary key:
        the loser's transaction fails as a whole and is retried on the new head.
        ``alongside`` writes what else belongs in the same transaction (the recorder's usage
        counts), and is run again with every retry.
        """
        if not events and alongside is None:
            return
        table = AuditRecord.__table__
        for _attempt in range(_MAX_RETRIES):
            try:
                # Core, not the ORM: the request recorder appends a record per request,
                # and the unit of work would cost more than the hashing.
                with self._db.writing(), self._db.engine.begin() as conn:
                    if alongside is not None:
                        alongside(conn)
                    if not events:
                        return
                    if conn.dialect.name == "postgresql":
                        # Appenders in other processes wait here rather than race for
                        # the next seq: retrying after a lost race can starve a writer.
                        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
                    head = conn.execute(
                        select(table.c.seq, table.c.hash).order_by(table.c.seq.desc()).limit(1)
                    ).first()
                    seq, prev = (head.seq, head.hash) if head is not None else (0, GENESIS)
                    rows: list[tuple[Any, ...]] = []  # in _COLUMNS order
                    for event in events:
                        seq += 1
                        detail = _SORTED.encode(event.detail)
                        ts = event.ts.astimezone(dt.UTC)
                        digest = self._hash(
                            prev, _canonical(seq, ts, event.event, event.key_id, detail)
                        )
                        rows.append((seq, ts, event.event, event.key_id, detail, prev, digest))
                        prev = digest
                    if conn.dialect.name == "postgresql":
                        _copy(conn, rows)
                    else:
                        insert_sqlite_rows(conn, table, _COLUMNS, rows)
                return
            except IntegrityError:
                continue
        raise RuntimeError("could not append to the audit log: too much contention")

    def records(self, since: dt.datetime | None = None) -> Iterator[AuditRecord]:
        with self._db.session() as session:
            query = select(AuditRecord).order_by(AuditRecord.seq)
            if since is not None:
                query = query.where(AuditRecord.ts >= since)
            yield from session.scalars(query.execution_options(yield_per=1000))

    def verify(self) -> VerifyResult:
        """Walk the whole chain; report the first record whose link or hash is wrong."""
        prev = GENESIS
        expected_seq = 1
        count = 0
        for record in self.records():
            count += 1
            if record.seq != expected_seq:
                return VerifyResult(
                    False, count, record.seq, f"expected record {expected_seq}, found {record.seq}"
                )
            if record.prev_hash != prev:
                return VerifyResult(
                    False, count, record.seq, "does not link to the previous record"
                )
            payload = _canonical(record.seq, record.ts, record.event, record.key_id, record.detail)
            if not hmac.compare_digest(self._hash(prev, payload), record.hash):
                return VerifyResult(False, count, record.seq, "content does not match its hash")
            prev = record.hash
            expected_seq += 1
        return VerifyResult(True, count)

    @staticmethod
    def as_dict(record: AuditRecord) -> dict[str, Any]:
        return {
            "seq": record.seq,
            "ts": record.ts.isoformat(),
            "event": record.event,
            "key_id": record.key_id,
            "detail": json.loads(record.detail),
            "prev_hash": record.prev_hash,
            "hash": record.hash,
        }
