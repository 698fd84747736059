"""Idempotency records on a real database: replay, conflicts, and reusing an expired key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

from bondmcp.store.db import Database, utcnow
from bondmcp.store.idempotency import (
    RETENTION,
    IdempotencyConflict,
    IdempotencyStore,
    StoredResponse,
)
from bondmcp.store.keys import KeyStore
from bondmcp.store.models import IdempotencyRecord


@pytest.fixture
def store(tmp_path: Path) -> IdempotencyStore:
    db = Database(f"sqlite:///{tmp_path / 'idem.db'}")
    db.upgrade()
    return IdempotencyStore(db, b"s" * 32)


def _key(store: IdempotencyStore) -> str:
    record, _plaintext = KeyStore(store._db, b"s" * 32).create(
        name="test", environment="development"
    )
    return record.id


def test_replay_and_conflict(store: IdempotencyStore) -> None:
    key_id = _key(store)
    first = StoredResponse(200, b'{"a":1}', "application/json")
    assert store.save(key_id, "k-1", "hash-a", first) is first
    assert store.lookup(key_id, "k-1", "hash-a") == first
    # A concurrent twin that finished second gets the first one's response back.
    assert store.save(key_id, "k-1", "hash-a", StoredResponse(200, b"{}", "x")) == first
    with pytest.raises(IdempotencyConflict):
        store.lookup(key_id, "k-1", "hash-b")
    assert store.lookup(key_id, "k-2", "hash-a") is None


def test_reusing_an_expired_key_replaces_only_that_record(store: IdempotencyStore) -> None:
    key_id = _key(store)
    kept = StoredResponse(200, b'{"kept":true}', "application/json")
    store.save(key_id, "recent", "hash-r", kept)
    store.save(key_id, "old", "hash-o", StoredResponse(200, b'{"old":true}', "application/json"))
    with store._db.engine.begin() as conn:
        conn.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.idempotency_key == store.digest("old"))
            .values(created_at=utcnow() - RETENTION - dt.timedelta(minutes=1))
        )
    assert store.lookup(key_id, "old", "hash-o") is None  # expired
    new = StoredResponse(200, b'{"new":true}', "application/json")
    assert store.save(key_id, "old", "hash-n", new) is new
    assert store.lookup(key_id, "old", "hash-n") == new
    # Other keys' records are untouched.
    assert store.lookup(key_id, "recent", "hash-r") == kept
