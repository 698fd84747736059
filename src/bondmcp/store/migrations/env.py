"""Alembic environment: runs migrations on the engine the application already built."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bondmcp.store.models import Base

config = context.config
target_metadata = Base.metadata

engine = config.attributes.get("engine") or create_engine(
    config.get_main_option("sqlalchemy.url") or ""
)
#: Any constant shared by every bondmcp version: the advisory lock migrations take.
MIGRATION_LOCK = 0x626F6E646D6370  # "bondmcp"

with engine.begin() as connection:
    if connection.dialect.name == "postgresql":
        # Several `bondmcp db upgrade` runs at once (a migrate job per replica, a retried
        # job) take turns: each waits here, then finds what the one before it applied.
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
