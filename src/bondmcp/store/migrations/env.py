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
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
