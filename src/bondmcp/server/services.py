"""The long-lived objects a server process shares between requests."""

from __future__ import annotations

from dataclasses import dataclass

from bondmcp.engine.engine import HealthEngine
from bondmcp.server.ratelimit import RateLimiter
from bondmcp.settings import Settings
from bondmcp.store import Database, KeyStore
from bondmcp.store.idempotency import IdempotencyStore
from bondmcp.store.secret import load_or_create_secret


@dataclass
class Services:
    settings: Settings
    db: Database
    keys: KeyStore
    idempotency: IdempotencyStore
    engine: HealthEngine
    limiter: RateLimiter
    secret: bytes

    @classmethod
    def build(cls, settings: Settings, engine: HealthEngine | None = None) -> Services:
        secret_value = settings.secret_key.get_secret_value() if settings.secret_key else None
        secret = load_or_create_secret(settings.data_dir, secret_value)
        db = open_database(settings)
        return cls(
            settings=settings,
            db=db,
            keys=KeyStore(db, secret),
            idempotency=IdempotencyStore(db, secret),
            engine=engine or HealthEngine.builtin(default_locale=settings.locale),
            limiter=RateLimiter(),
            secret=secret,
        )

    def close(self) -> None:
        self.db.dispose()


def open_database(settings: Settings) -> Database:
    """Open the configured database; the embedded SQLite file migrates itself."""
    db = Database(settings.resolved_database_url)
    if db.is_sqlite:
        db.upgrade()
    return db
