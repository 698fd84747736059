"""The job tables across migrations, on SQLite and PostgreSQL: the models and the migrated
schema agree, and jobs that ended before announcements were recorded count as announced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from bondmcp.store.db import Database, utcnow
from bondmcp.store.jobs import JobStore
from bondmcp.store.models import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    sqlite = f"sqlite:///{tmp_path / 'jobs.db'}"
    database = Database(
        sqlite if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    )
    yield database
    database.dispose()


def test_the_models_match_the_migrated_schema(db: Database) -> None:
    db.upgrade()
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_jobs_that_ended_before_0006_count_as_announced(db: Database) -> None:
    db.upgrade("0005")
    ended = utcnow() - dt.timedelta(hours=1)
    insert = text(
        "INSERT INTO jobs (id, key_id, status, total, completed, failed, chunks_total,"
        " chunks_done, created_at, finished_at, latency_observed)"
        " VALUES (:id, 'key_a', :status, 1, 1, 0, 1, 1, :created, :finished, :observed)"
    )
    with db.engine.begin() as conn:
        conn.execute(
            insert,
            {
                "id": "job_old",
                "status": "completed",
                "created": ended,
                "finished": ended,
                "observed": True,
            },
        )
        conn.execute(
            insert,
            {
                "id": "job_live",
                "status": "running",
                "created": ended,
                "finished": None,
                "observed": False,
            },
        )
    db.upgrade()
    store = JobStore(db)
    old, live = store.get("job_old"), store.get("job_live")
    assert old is not None and old.announced_at == old.finished_at
    assert live is not None and live.announced_at is None
    assert store.unannounced(dt.timedelta(0)) == []
    assert not store.claim_announcement("job_old", dt.timedelta(0))
    command.downgrade(db.alembic_config(), "0005")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM jobs")).scalar() == 2
