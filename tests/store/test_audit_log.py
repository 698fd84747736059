"""The audit log on a real database: many records per statement, and the chain still verifies."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import event, insert, inspect
from sqlalchemy.exc import IntegrityError

from bondmcp.store.audit import AuditEvent, AuditLog
from bondmcp.store.db import Database
from bondmcp.store.models import AuditRecord


def _inserts(db: Database, run: Any) -> list[int]:
    """For every INSERT INTO audit_log handed to the driver, the rows its SQL text holds."""
    seen: list[int] = []

    def before(*args: Any) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_LOG"):
            values = statement.upper().split(" VALUES ", 1)[1]
            seen.append(values.count("(") - values.count("%("))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return seen


def _events(count: int) -> list[AuditEvent]:
    return [
        AuditEvent("request", "key_1", {"route": "/v1/ask", "status": 200, "n": n})
        for n in range(count)
    ]


def _check(db: Database) -> None:
    log = AuditLog(db, b"s" * 32)
    log.append(_events(3))
    statements = _inserts(db, lambda: log.append(_events(300)))
    # A busy server's recorder thread writes a batch every twentieth of a second. A statement
    # per row (executemany) would release and re-acquire the GIL 300 times, each time
    # waiting behind request handling, so rows must travel many to a statement, or on
    # PostgreSQL by COPY, which sends no INSERT at all.
    if db.is_sqlite:
        assert sum(statements) == 300, statements
        assert len(statements) <= 3, statements
    else:
        assert statements == [], statements
    result = log.verify()
    assert result.ok and result.records == 303, result
    assert [r.seq for r in log.records()][-1] == 303


def test_sqlite_appends_many_records_per_statement(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'audit.db'}")
    db.upgrade()
    try:
        _check(db)
    finally:
        db.dispose()


def test_postgres_appends_many_records_per_statement(postgres_url: str) -> None:
    db = Database(postgres_url)
    db.upgrade()
    try:
        _check(db)
    finally:
        db.dispose()


@pytest.mark.parametrize("count", [1, 2500])
def test_any_batch_size_keeps_the_chain(tmp_path: Path, count: int) -> None:
    db = Database(f"sqlite:///{tmp_path / 'audit.db'}")
    db.upgrade()
    try:
        log = AuditLog(db, b"s" * 32)
        log.append(_events(count))
        log.append(_events(1))
        assert log.verify().ok
        assert log.verify().records == count + 1
    finally:
        db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_each_hash_is_the_documented_hmac_of_the_record(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """HMAC-SHA256(secret, prev_hash + [seq, ts, event, key_id, detail] as compact JSON):
    recomputed here independently, for text that needs escaping, so a chain written by
    one version verifies under another."""
    url = (
        f"sqlite:///{tmp_path / 'audit.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    db = Database(url)
    db.upgrade()
    secret = b"k" * 32
    try:
        AuditLog(db, secret).append(
            [
                AuditEvent("key.created", None, {"name": 'quote " and \\ backslash'}),
                AuditEvent("request", "key_2", {"note": "caf\u00e9 \u2603 \n tab\t", "n": 1}),
            ]
        )
        prev = "0" * 64
        records = list(AuditLog(db, secret).records())
        assert [r.seq for r in records] == [1, 2]
        for record in records:
            stamp = record.ts.astimezone(dt.UTC).isoformat(timespec="microseconds")
            body = [record.seq, stamp, record.event, record.key_id, record.detail]
            payload = json.dumps(body, separators=(",", ":")).encode()
            expected = hmac.new(secret, prev.encode() + payload, hashlib.sha256).hexdigest()
            assert record.prev_hash == prev and record.hash == expected
            prev = record.hash
        assert json.loads(records[0].detail) == {"name": 'quote " and \\ backslash'}
    finally:
        db.dispose()


def _unique_columns(db: Database) -> list[list[str]]:
    inspector = inspect(db.engine)
    found = [c["column_names"] for c in inspector.get_unique_constraints("audit_log")]
    found += [i["column_names"] for i in inspector.get_indexes("audit_log") if i["unique"]]
    return found


def _migrate_across_0005(db: Database) -> None:
    db.upgrade("0004")
    log = AuditLog(db, b"s" * 32)
    log.append(_events(50))
    assert ["prev_hash"] in _unique_columns(db)
    db.upgrade()
    assert ["prev_hash"] not in _unique_columns(db)
    indexes = {i["name"] for i in inspect(db.engine).get_indexes("audit_log")}
    assert indexes >= {"ix_audit_log_ts", "ix_audit_log_event"}
    log.append(_events(5))
    assert log.verify().ok and log.verify().records == 55
    # The primary key still keeps two writers from appending after the same head.
    last = list(log.records())[-1]
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(
            insert(AuditRecord).values(
                seq=last.seq,
                ts=last.ts,
                event="forged",
                key_id=None,
                detail="{}",
                prev_hash=last.prev_hash,
                hash="0" * 64,
            )
        )
    assert log.verify().ok
    command.downgrade(db.alembic_config(), "0004")
    assert ["prev_hash"] in _unique_columns(db)
    assert log.verify().ok and log.verify().records == 55


def test_sqlite_migration_keeps_the_chain(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'audit.db'}")
    try:
        _migrate_across_0005(db)
    finally:
        db.dispose()


def test_postgres_migration_keeps_the_chain(postgres_url: str) -> None:
    db = Database(postgres_url)
    try:
        _migrate_across_0005(db)
    finally:
        db.dispose()


def test_postgres_writers_in_two_processes_keep_one_chain(postgres_url: str) -> None:
    """Two servers append to one log: the one that loses the race for the next ``seq``
    (a COPY that fails on the primary key) retries on the new head."""
    import threading

    first, second = Database(postgres_url), Database(postgres_url)
    first.upgrade()
    logs = [AuditLog(first, b"s" * 32), AuditLog(second, b"s" * 32)]
    errors: list[BaseException] = []

    def write(log: AuditLog) -> None:
        try:
            for _ in range(40):
                log.append(_events(25))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(log,)) for log in logs]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        result = logs[0].verify()
        assert result.ok and result.records == 2 * 40 * 25, result
    finally:
        first.dispose()
        second.dispose()
