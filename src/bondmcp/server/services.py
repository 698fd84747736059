"""The long-lived objects a server process shares between requests."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bondmcp.engine.engine import HealthEngine
from bondmcp.server.autopipeline import AutoPipeline
from bondmcp.server.cache import DeidentifyMemo, ResponseCache
from bondmcp.server.dependencies import DependencyHealth
from bondmcp.server.ratelimit import RateLimiter
from bondmcp.server.recorder import Recorder
from bondmcp.server.turnbatch import TurnBatch
from bondmcp.settings import Settings
from bondmcp.store import Database, KeyStore
from bondmcp.store.audit import AuditLog
from bondmcp.store.corpora import load_all
from bondmcp.store.idempotency import IdempotencyConflict, IdempotencyStore, StoredResponse
from bondmcp.store.retention import purge_expired
from bondmcp.store.secret import load_or_create_secret
from bondmcp.store.usage import UsageStore

if TYPE_CHECKING:
    from bondmcp.server.jobs import JobService


@dataclass
class Services:
    settings: Settings
    db: Database
    keys: KeyStore
    idempotency: IdempotencyStore
    engine: HealthEngine
    limiter: RateLimiter
    cache: ResponseCache
    redis: Any | None
    redis_pipeline: AutoPipeline | None
    redis_health: DependencyHealth
    audit: AuditLog
    usage: UsageStore
    recorder: Recorder
    deidentify: DeidentifyMemo
    secret: bytes
    jobs: JobService | None = None
    #: Idempotency lookups from the event loop, one query per loop turn (server/turnbatch.py).
    idempotency_lookups: TurnBatch[
        tuple[str, str, str], StoredResponse | IdempotencyConflict | None
    ] = field(init=False)

    def __post_init__(self) -> None:
        self.idempotency_lookups = TurnBatch(self.idempotency.lookup_many)

    @classmethod
    def build(cls, settings: Settings, engine: HealthEngine | None = None) -> Services:
        secret_value = settings.secret_key.get_secret_value() if settings.secret_key else None
        secret = load_or_create_secret(settings.data_dir, secret_value)
        db = open_database(settings)
        redis_health = DependencyHealth("redis", configured=bool(settings.redis_url))
        redis_client = pipeline = None
        if settings.redis_url:
            import redis

            name = f"bondmcp-{os.getpid()}"  # what CLIENT LIST shows
            redis_client = redis.Redis.from_url(
                settings.redis_url,
                socket_timeout=0.5,
                socket_connect_timeout=0.5,
                client_name=name,
            )
            pipeline = AutoPipeline(settings.redis_url, socket_timeout=0.5, client_name=name)
        audit = AuditLog(db, secret)
        usage = UsageStore(db)
        idempotency = IdempotencyStore(db, secret)
        services = cls(
            settings=settings,
            db=db,
            keys=KeyStore(
                db,
                secret,
                audit,
                cache_seconds=settings.key_cache_seconds,
                listen=settings.key_listener,
            ),
            idempotency=idempotency,
            engine=engine or build_engine(settings),
            limiter=RateLimiter(
                redis_client,
                pipeline,
                namespace=settings.redis_namespace,
                health=redis_health,
            ),
            cache=ResponseCache(
                secret,
                ttl=settings.cache_ttl_seconds,
                redis_client=redis_client,
                pipeline=pipeline,
                redis_health=redis_health,
                namespace=settings.redis_namespace,
                max_entries=settings.cache_max_entries,
                max_bytes=settings.cache_max_bytes,
            ),
            redis=redis_client,
            redis_pipeline=pipeline,
            redis_health=redis_health,
            audit=audit,
            usage=usage,
            recorder=Recorder(
                audit,
                usage,
                retention=lambda: purge_expired(
                    db, secret, dt.timedelta(days=settings.retention_days)
                ),
                idempotency=idempotency,
            ),
            deidentify=DeidentifyMemo(secret),
            secret=secret,
        )
        from bondmcp.server.jobs import JobService  # imports the answer path, which imports us

        services.jobs = JobService(services)
        return services

    def close(self) -> None:
        self.recorder.close()
        self.idempotency.close()
        self.db.dispose()
        if self.redis is not None:
            self.redis.close()


def build_engine(settings: Settings) -> HealthEngine:
    """The engine over the built-in knowledge base plus every imported corpus."""
    engine = HealthEngine.builtin(extra=load_all(settings.data_dir), default_locale=settings.locale)
    release_free_memory()
    return engine


def release_free_memory() -> None:
    """Hand the heap pages freed while indexing back to the system (glibc only)."""
    import contextlib
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def open_database(settings: Settings) -> Database:
    """Open the configured database; the embedded SQLite file migrates itself."""
    db = Database(
        settings.resolved_database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
    )
    if db.is_sqlite:
        db.upgrade()
    return db
