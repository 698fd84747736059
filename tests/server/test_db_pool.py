"""The PostgreSQL pool is sized by BONDMCP_DB_POOL_SIZE and BONDMCP_DB_MAX_OVERFLOW."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from bondmcp.server.services import open_database
from bondmcp.settings import load_settings
from tests.conftest import bondmcp_env, run_cli


def test_the_pool_keeps_and_adds_the_configured_connections(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in bondmcp_env(
        tmp_path, database_url=postgres_url, db_pool_size="3", db_max_overflow="1"
    ).items():
        monkeypatch.setenv(name, value)
    db = open_database(load_settings())
    try:
        pool = db.engine.pool
        with ExitStack() as held:
            conns = [held.enter_context(db.engine.connect()) for _ in range(4)]
            assert [c.execute(text("SELECT 1")).scalar() for c in conns] == [1] * 4
            assert pool.checkedout() == 4  # type: ignore[attr-defined]
            assert pool.overflow() == 1  # type: ignore[attr-defined]
        assert pool.size() == 3  # type: ignore[attr-defined]
        assert pool.checkedin() == 3  # type: ignore[attr-defined]  # the overflow one closed
    finally:
        db.dispose()


def test_a_pool_of_no_connections_is_refused(tmp_path: Path) -> None:
    result = run_cli("db", "current", env=bondmcp_env(tmp_path, db_pool_size="0"), check=False)
    assert result.returncode != 0
    assert "db_pool_size" in result.stderr.lower() or "DB_POOL_SIZE" in result.stderr
