"""API keys: creation, lookup by keyed hash, rotation and revocation.

A key is shown once, at creation. We keep only ``HMAC-SHA256(server_secret, key)``, so a
copy of the database is useless for calling the API, and lookup is an index probe on the
digest rather than a string comparison that could leak timing.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import secrets
import string
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update

from bondmcp.store.audit import AuditEvent, AuditLog
from bondmcp.store.db import Database, utcnow
from bondmcp.store.models import ApiKey

#: The environment tag in a key makes a leaked key recognisable at a glance.
ENVIRONMENT_TAGS = {"development": "dev", "staging": "test", "production": "live"}
SCOPES = ("ask", "admin")
_ALPHABET = string.ascii_letters + string.digits
_SECRET_LENGTH = 40  # ~238 bits of entropy
_LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
_CACHE_MAX_ENTRIES = 10_000


class AuthFailure(enum.Enum):
    """Why a presented key was refused; each maps to a stable API error code."""

    INVALID = "invalid_api_key"
    EXPIRED = "api_key_expired"
    WRONG_ENVIRONMENT = "wrong_environment"


@dataclass(frozen=True, slots=True)
class ApiKeyRecord:
    id: str
    name: str
    environment: str
    prefix: str
    scopes: tuple[str, ...]
    rate_limit: str | None
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None
    rotated_from: str | None

    @classmethod
    def from_row(cls, row: Any) -> ApiKeyRecord:
        """From an ORM object or a Core row: both expose the columns as attributes."""
        return cls(
            id=row.id,
            name=row.name,
            environment=row.environment,
            prefix=row.prefix,
            scopes=tuple(s for s in row.scopes.split(",") if s),
            rate_limit=row.rate_limit,
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
            rotated_from=row.rotated_from,
        )

    def age_days(self, now: dt.datetime | None = None) -> int:
        return ((now or utcnow()) - self.created_at).days

    def status(self, now: dt.datetime | None = None) -> str:
        now = now or utcnow()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"


class KeyStore:
    """Keys and their lifecycle. Every change is written to the audit log, whoever makes it."""

    def __init__(
        self,
        db: Database,
        secret: bytes,
        audit: AuditLog | None = None,
        *,
        cache_seconds: float = 0.0,
        listen: bool = True,
    ) -> None:
        self._db = db
        self._cache_seconds = cache_seconds
        # An entry stands while the database's key change counter has not moved since it
        # was read (store.changes); when the counter cannot tell, for ``cache_seconds``.
        # ``listen=False`` turns PostgreSQL's listener off (behind a transaction-mode
        # connection pooler LISTEN would silently miss changes); SQLite needs none.
        self._changes = db.key_changes() if listen or db.is_sqlite else None
        self._cache: dict[str, tuple[bool, float, ApiKeyRecord]] = {}
        self._secret = secret
        self._audit = audit
        self._last_touched: dict[str, dt.datetime] = {}
        table = ApiKey.__table__
        self._lookup = select(table).where(table.c.key_hash == bindparam("digest"))

    def _record(self, event: str, record: ApiKeyRecord, actor: str, **detail: object) -> None:
        if self._audit is not None:
            self._audit.append([AuditEvent(event, record.id, {"actor": actor, **detail})])

    def hash_key(self, key: str) -> str:
        return hmac.new(self._secret, key.encode(), hashlib.sha256).hexdigest()

    def create(
        self,
        *,
        name: str,
        environment: str,
        scopes: tuple[str, ...] = ("ask",),
        rate_limit: str | None = None,
        expires_at: dt.datetime | None = None,
        rotated_from: str | None = None,
        actor: str = "cli",
    ) -> tuple[ApiKeyRecord, str]:
        """Create a key and return its record and the plaintext, which is never stored."""
        if environment not in ENVIRONMENT_TAGS:
            raise ValueError(f"environment must be one of {', '.join(ENVIRONMENT_TAGS)}")
        if unknown := set(scopes) - set(SCOPES):
            raise ValueError(f"unknown scopes {sorted(unknown)}; known: {', '.join(SCOPES)}")
        if not name.strip():
            raise ValueError("a key needs a name")
        body = "".join(secrets.choice(_ALPHABET) for _ in range(_SECRET_LENGTH))
        plaintext = f"bmcp_{ENVIRONMENT_TAGS[environment]}_{body}"
        row = ApiKey(
            id="key_" + secrets.token_hex(8),
            name=name.strip(),
            environment=environment,
            prefix=plaintext[:14],
            key_hash=self.hash_key(plaintext),
            scopes=",".join(scopes),
            rate_limit=rate_limit,
            created_at=utcnow(),
            expires_at=expires_at,
            rotated_from=rotated_from,
        )
        with self._db.session() as session:
            session.add(row)
        record = ApiKeyRecord.from_row(row)
        if rotated_from is None:
            self._record(
                "key.created",
                record,
                actor,
                environment=environment,
                scopes=list(scopes),
                prefix=record.prefix,
            )
        return record, plaintext

    def authenticate(self, key: str, environment: str) -> ApiKeyRecord | AuthFailure:
        """Return the key's record if it may be used in ``environment`` now."""
        digest = self.hash_key(key)
        # Stamped before the lookup, so a change landing in between retires the entry.
        stamp = self._stamp()
        # A Core query on the hot path: the ORM's unit of work costs several times the
        # lookup itself.
        with self._db.engine.connect() as conn:
            row = conn.execute(self._lookup, {"digest": digest}).first()
        record = ApiKeyRecord.from_row(row) if row is not None else None
        if record is None or record.revoked_at is not None:
            return AuthFailure.INVALID
        if stamp is not None:
            if len(self._cache) >= _CACHE_MAX_ENTRIES:
                self._cache.clear()
            self._cache[digest] = (*stamp, record)
        outcome = self._check(record, environment)
        if isinstance(outcome, ApiKeyRecord):
            self._touch(record.id, utcnow())
        return outcome

    def cached(self, key: str, environment: str) -> ApiKeyRecord | AuthFailure | None:
        """The outcome from the in-process cache, or None when the store must be asked.

        A key is trusted until the database's key change counter moves: on SQLite any
        commit to the file by any process, on PostgreSQL a notification from the api_keys
        trigger (milliseconds after the commit). So a revocation or rotation takes effect
        at once in the process that makes it and as good as at once in every other. When
        the counter cannot tell (PostgreSQL's listener is reconnecting), a key is trusted
        for ``cache_seconds`` (0 by default: every request asks the database). Expiry,
        including the end of a rotation's grace period, is checked on every use.
        """
        entry = self._cache.get(self.hash_key(key))
        if entry is None:
            return None
        versioned, stamp, record = entry
        if versioned:
            current = self._changes.value() if self._changes is not None else None
            if current is None or current != stamp:
                return None
        elif stamp < time.monotonic():
            return None
        return self._check(record, environment)

    def _stamp(self) -> tuple[bool, float] | None:
        """What a new cache entry is stamped with: (True, counter value) or (False,
        deadline); None when keys may not be cached."""
        if self._changes is not None:
            value = self._changes.value()
            if value is not None:
                return True, float(value)
        if self._cache_seconds > 0:
            return False, time.monotonic() + self._cache_seconds
        return None

    def _forget(self, key_id: str) -> None:
        for digest, (_, _, record) in list(self._cache.items()):
            if record.id == key_id:
                self._cache.pop(digest, None)

    @staticmethod
    def _check(record: ApiKeyRecord, environment: str) -> ApiKeyRecord | AuthFailure:
        if record.revoked_at is not None:
            return AuthFailure.INVALID
        if record.expires_at is not None and record.expires_at <= utcnow():
            return AuthFailure.EXPIRED
        if record.environment != environment:
            return AuthFailure.WRONG_ENVIRONMENT
        return record

    def _touch(self, key_id: str, now: dt.datetime) -> None:
        # Record last use at minute resolution: a write per request would serialise SQLite.
        last = self._last_touched.get(key_id)
        if last is not None and now - last < _LAST_USED_RESOLUTION:
            return
        self._last_touched[key_id] = now
        with self._db.session() as session:
            session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=now))

    def get(self, key_id: str) -> ApiKeyRecord | None:
        with self._db.session() as session:
            row = session.get(ApiKey, key_id)
            return ApiKeyRecord.from_row(row) if row is not None else None

    def list(self) -> list[ApiKeyRecord]:
        with self._db.session() as session:
            rows = session.scalars(select(ApiKey).order_by(ApiKey.created_at)).all()
            return [ApiKeyRecord.from_row(r) for r in rows]

    def revoke(self, key_id: str, actor: str = "cli") -> ApiKeyRecord:
        with self._db.session() as session:
            row = session.get(ApiKey, key_id)
            if row is None:
                raise KeyError(key_id)
            changed = row.revoked_at is None
            if changed:
                row.revoked_at = utcnow()
            record = ApiKeyRecord.from_row(row)
        self._forget(key_id)
        if changed:
            self._record("key.revoked", record, actor)
        return record

    def rotate(
        self, key_id: str, grace_period: dt.timedelta, actor: str = "cli"
    ) -> tuple[ApiKeyRecord, str]:
        """Issue a replacement key; the old one keeps working for ``grace_period``."""
        old = self.get(key_id)
        if old is None:
            raise KeyError(key_id)
        if old.status() != "active":
            raise ValueError(f"key {key_id} is {old.status()}; only an active key can be rotated")
        new_record, plaintext = self.create(
            name=old.name,
            environment=old.environment,
            scopes=old.scopes,
            rate_limit=old.rate_limit,
            expires_at=None,
            rotated_from=old.id,
            actor=actor,
        )
        ends = utcnow() + grace_period
        with self._db.session() as session:
            row = session.get(ApiKey, key_id)
            assert row is not None
            if row.expires_at is None or row.expires_at > ends:
                row.expires_at = ends
        self._forget(key_id)
        self._record(
            "key.rotated",
            old,
            actor,
            replaced_by=new_record.id,
            grace_seconds=int(grace_period.total_seconds()),
        )
        return new_record, plaintext
