"""The key store's cache: keys are trusted until the database says they may have changed.

On SQLite that is any commit to the file, seen through ``data_version``; on PostgreSQL a
NOTIFY from the api_keys trigger, counted by a listening thread. Revocation by another
process (another Database object here, the CLI against a live server below) must retire a
cached key, and when the listener cannot listen nothing may be trusted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from bondmcp.store import ApiKeyRecord, AuthFailure, Database, KeyStore
from tests.conftest import create_key, run_cli, start_server

SECRET = b"k" * 32


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def cached_after_lookup(store: KeyStore, key: str) -> bool:
    """Look the key up, then say whether the store now answers for it from its cache."""
    store.authenticate(key, "development")
    return isinstance(store.cached(key, "development"), ApiKeyRecord)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'keys.db'}")
    db.upgrade()
    yield db
    db.dispose()


@pytest.fixture
def postgres_db(postgres_url: str) -> Iterator[Database]:
    db = Database(postgres_url)
    db.upgrade()
    yield db
    db.dispose()


def test_sqlite_keys_are_cached_until_another_connection_writes(
    sqlite_db: Database, tmp_path: Path
) -> None:
    store = KeyStore(sqlite_db, SECRET)
    record, key = store.create(name="cached", environment="development")
    assert store.cached(key, "development") is None  # never looked up yet
    assert isinstance(store.authenticate(key, "development"), ApiKeyRecord)
    # authenticate() wrote last_used_at after stamping, so one more lookup settles it.
    assert isinstance(store.authenticate(key, "development"), ApiKeyRecord)
    cached = store.cached(key, "development")
    assert isinstance(cached, ApiKeyRecord) and cached.id == record.id

    other = Database(sqlite_db.url)  # another process, as far as SQLite can tell
    try:
        KeyStore(other, SECRET).revoke(record.id)
    finally:
        other.dispose()
    assert store.cached(key, "development") is None
    assert store.authenticate(key, "development") is AuthFailure.INVALID


def test_postgres_keys_are_cached_until_a_notification_arrives(postgres_db: Database) -> None:
    store = KeyStore(postgres_db, SECRET)
    record, key = store.create(name="cached", environment="development")

    assert wait_for(lambda: cached_after_lookup(store, key)), "the listener never went live"

    other = Database(postgres_db.url)
    try:
        KeyStore(other, SECRET).revoke(record.id)
    finally:
        other.dispose()
    assert wait_for(lambda: store.cached(key, "development") is None, timeout=2.0)
    assert store.authenticate(key, "development") is AuthFailure.INVALID


def test_postgres_last_use_does_not_retire_cached_keys(postgres_db: Database) -> None:
    store = KeyStore(postgres_db, SECRET)
    record, key = store.create(name="busy", environment="development")

    assert wait_for(lambda: cached_after_lookup(store, key))
    with postgres_db.engine.begin() as conn:  # what a request's last-use update writes
        conn.exec_driver_sql("UPDATE api_keys SET last_used_at = now() WHERE id = %s", (record.id,))
    time.sleep(0.3)  # a notification, had there been one, has arrived by now
    assert isinstance(store.cached(key, "development"), ApiKeyRecord)


def test_postgres_keys_are_not_trusted_while_the_listener_is_down(
    postgres_db: Database, postgres_url: str
) -> None:
    store = KeyStore(postgres_db, SECRET)
    _record, key = store.create(name="cached", environment="development")

    assert wait_for(lambda: cached_after_lookup(store, key))
    database = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect("postgresql://root@127.0.0.1:5432/test", autocommit=True) as admin:
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = 'bondmcp-key-listener' AND datname = %s",
            (database,),
        ).fetchall()
    assert killed, "no listener connection to terminate"
    # Whatever was cached before the disconnect is never trusted again...
    assert wait_for(lambda: store.cached(key, "development") is None, timeout=2.0)
    # ...and once the listener is back, keys are cached afresh.
    assert wait_for(lambda: cached_after_lookup(store, key), timeout=10.0)


def test_postgres_without_the_trigger_caches_nothing(postgres_db: Database) -> None:
    postgres_db.upgrade("0003")  # a schema from before the trigger
    with postgres_db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS bondmcp_api_keys_changed ON api_keys")
    store = KeyStore(postgres_db, SECRET)
    _record, key = store.create(name="uncached", environment="development")
    for _ in range(20):
        assert isinstance(store.authenticate(key, "development"), ApiKeyRecord)
        assert store.cached(key, "development") is None
        time.sleep(0.05)


def test_a_server_on_postgres_refuses_a_key_revoked_by_the_cli(
    tmp_path: Path, postgres_url: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    from tests.conftest import bondmcp_env

    run_cli("db", "upgrade", env=bondmcp_env(data, database_url=postgres_url))
    server = start_server(data, database_url=postgres_url)
    try:
        key = create_key(server.env)
        headers = {"Authorization": f"Bearer {key['key']}"}
        for _ in range(5):  # the key is now in the server's cache
            assert httpx.get(f"{server.base_url}/v1/ping", headers=headers).status_code == 200
        run_cli("keys", "revoke", str(key["id"]), env=server.env)
        assert wait_for(
            lambda: httpx.get(f"{server.base_url}/v1/ping", headers=headers).status_code == 401,
            timeout=2.0,
        )
    finally:
        server.stop()


def test_postgres_with_the_listener_off_caches_nothing(postgres_db: Database) -> None:
    # Behind a transaction-mode pooler LISTEN would miss changes: BONDMCP_KEY_LISTENER=false.
    store = KeyStore(postgres_db, SECRET, listen=False)
    _record, key = store.create(name="uncached", environment="development")
    for _ in range(20):
        assert isinstance(store.authenticate(key, "development"), ApiKeyRecord)
        assert store.cached(key, "development") is None
        time.sleep(0.05)
    assert not any(t.name == "bondmcp-key-listener" for t in threading.enumerate())
