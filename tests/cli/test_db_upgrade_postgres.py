"""`bondmcp db upgrade` on PostgreSQL when several run at once (a migrate job per replica,
a retried job): they take turns on an advisory lock, and every one succeeds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bondmcp.store import Database
from tests.conftest import bondmcp_env, run_cli


def test_concurrent_upgrades_take_turns_and_all_succeed(tmp_path: Path, postgres_url: str) -> None:
    env = bondmcp_env(tmp_path / "data", database_url=postgres_url)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "bondmcp", "db", "upgrade"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outcomes = [(run.wait(timeout=120), run.communicate()) for run in runs]
    assert [code for code, _ in outcomes] == [0] * 4, [err for _, (_, err) in outcomes]
    db = Database(postgres_url)
    try:
        head = db.head_revision()
    finally:
        db.dispose()
    assert run_cli("db", "current", env=env).stdout.strip() == head
