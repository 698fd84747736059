"""Idempotency records on a real database: replay, conflicts, and reusing an expired key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from bondmcp.store.db import Database, utcnow
from bondmcp.store.idempotency import (
    RETENTION,
    SEALED_RETENTION,
    IdempotencyConflict,
    IdempotencyStore,
    StoredResponse,
)
from bondmcp.store.keys import KeyStore
from bondmcp.store.models import IdempotencyRecord


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IdempotencyStore]:
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'idem.db'}")
    else:
        db = Database(request.getfixturevalue("postgres_url"))
    db.upgrade()
    yield IdempotencyStore(db, b"s" * 32)
    db.dispose()


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


def test_sealed_responses_are_encrypted_replayed_briefly_then_purged(
    store: IdempotencyStore,
) -> None:
    key_id = _key(store)
    secret_body = b'{"key":"bmcp_dev_secret_value"}'
    created = StoredResponse(201, secret_body, "application/json")
    assert store.save(key_id, "create", "hash-c", created, sealed=True) is created
    plain = StoredResponse(200, b'{"plain":true}', "application/json")
    store.save(key_id, "plain", "hash-p", plain)
    with store._db.engine.connect() as conn:
        rows = conn.execute(select(IdempotencyRecord.note, IdempotencyRecord.response_body))
        bodies = {note: body for note, body in rows}
    assert b"secret_value" not in bytes(bodies["sealed"])
    assert store.lookup(key_id, "create", "hash-c") == created
    with pytest.raises(IdempotencyConflict):
        store.lookup(key_id, "create", "hash-other")
    # Under another server secret the record cannot be opened: it is not replayed.
    assert IdempotencyStore(store._db, b"t" * 32).lookup(key_id, "create", "hash-c") is None

    with store._db.engine.begin() as conn:
        conn.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.note == "sealed")
            .values(created_at=utcnow() - SEALED_RETENTION - dt.timedelta(seconds=5))
        )
    assert store.lookup(key_id, "create", "hash-c") is None
    assert store.purge() == 1  # the sealed record; the plain one is kept for its day
    assert store.lookup(key_id, "plain", "hash-p") == plain


def test_remembered_responses_replay_before_and_after_they_are_written(
    store: IdempotencyStore,
) -> None:
    key_id = _key(store)
    answer = StoredResponse(200, b'{"id":"ans_1"}', "application/json")
    assert store.remember(key_id, "ask-1", "hash-q", answer) is answer
    # A twin in this process gets the first response, before anything is written.
    twin = StoredResponse(200, b'{"id":"ans_2"}', "application/json")
    assert store.remember(key_id, "ask-1", "hash-q", twin) == answer
    assert store.lookup(key_id, "ask-1", "hash-q") == answer
    with pytest.raises(IdempotencyConflict):
        store.lookup(key_id, "ask-1", "hash-other")
    with store._db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(IdempotencyRecord)).scalar() == 0
    store.flush()
    assert not store._pending
    # Another process's store (no memory of it) replays it from the database.
    elsewhere = IdempotencyStore(store._db, b"s" * 32)
    assert elsewhere.lookup(key_id, "ask-1", "hash-q") == answer


def test_flush_keeps_another_process_s_record_and_replaces_an_expired_one(
    store: IdempotencyStore,
) -> None:
    key_id = _key(store)
    theirs = StoredResponse(200, b'{"id":"theirs"}', "application/json")
    IdempotencyStore(store._db, b"s" * 32).save(key_id, "shared", "hash-q", theirs)
    store.save(key_id, "stale", "hash-s", StoredResponse(200, b"{}", "application/json"))
    with store._db.engine.begin() as conn:
        conn.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.idempotency_key == store.digest("stale"))
            .values(created_at=utcnow() - RETENTION - dt.timedelta(minutes=1))
        )
    ours = StoredResponse(200, b'{"id":"ours"}', "application/json")
    store.remember(key_id, "shared", "hash-q", ours)
    fresh = StoredResponse(200, b'{"id":"fresh"}', "application/json")
    store.remember(key_id, "stale", "hash-f", fresh)
    store.flush()
    elsewhere = IdempotencyStore(store._db, b"s" * 32)
    assert elsewhere.lookup(key_id, "shared", "hash-q") == theirs  # the first writer wins
    assert elsewhere.lookup(key_id, "stale", "hash-f") == fresh  # the expired slot is reused


def test_memory_is_bounded_while_the_database_cannot_take_the_writes(
    store: IdempotencyStore,
) -> None:
    key_id = _key(store)
    store = IdempotencyStore(store._db, b"s" * 32, max_pending=3)
    responses = [StoredResponse(200, f'{{"n":{n}}}'.encode(), "application/json") for n in range(5)]
    for n, response in enumerate(responses):
        store.remember(key_id, f"k{n}", "h", response)
    assert len(store._pending) == 3
    assert store.lookup(key_id, "k0", "h") is None  # the oldest went first
    assert store.lookup(key_id, "k4", "h") == responses[4]


def test_lookup_many_answers_each_request_in_its_place(store: IdempotencyStore) -> None:
    key_id, other_key = _key(store), _key(store)
    saved = StoredResponse(200, b'{"saved":true}', "application/json")
    store.save(key_id, "saved", "hash-s", saved)
    store.save(other_key, "saved", "hash-o", StoredResponse(200, b'{"other":1}', "x"))
    sealed = StoredResponse(201, b'{"secret":"k"}', "application/json")
    store.save(key_id, "sealed", "hash-k", sealed, sealed=True)
    pending = StoredResponse(200, b'{"pending":true}', "application/json")
    store.remember(key_id, "pending", "hash-p", pending)

    outcomes = store.lookup_many(
        [
            (key_id, "saved", "hash-s"),
            (key_id, "never-seen", "hash-n"),
            (key_id, "saved", "hash-changed"),  # the same key with another request
            (other_key, "saved", "hash-o"),  # the same Idempotency-Key, another API key
            (key_id, "pending", "hash-p"),  # remembered, not yet written
            (key_id, "sealed", "hash-k"),
            (key_id, "saved", "hash-s"),  # asked twice in one batch
        ]
    )

    assert outcomes[0] == saved
    assert outcomes[1] is None
    assert isinstance(outcomes[2], IdempotencyConflict)
    assert outcomes[3] == StoredResponse(200, b'{"other":1}', "x")
    assert outcomes[4] == pending
    assert outcomes[5] == sealed
    assert outcomes[6] == saved
    # One at a time, the same answers.
    assert store.lookup(key_id, "saved", "hash-s") == saved
    assert store.lookup(key_id, "never-seen", "hash-n") is None


def test_a_flush_of_many_responses_writes_every_one(store: IdempotencyStore) -> None:
    key_id = _key(store)
    responses = {
        f"k{n}": StoredResponse(200, f'{{"n":{n}}}'.encode() * 50, "application/json")
        for n in range(250)  # more rows than one statement takes on SQLite
    }
    for idempotency_key, response in responses.items():
        store.remember(key_id, idempotency_key, "h", response)
    store.flush()
    assert not store._pending
    elsewhere = IdempotencyStore(store._db, b"s" * 32)
    for idempotency_key, response in responses.items():
        assert elsewhere.lookup(key_id, idempotency_key, "h") == response
    with store._db.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(IdempotencyRecord)) == 250


def test_a_lost_postgresql_lookup_connection_is_opened_again(postgres_url: str) -> None:
    db = Database(postgres_url)
    db.upgrade()
    store = IdempotencyStore(db, b"s" * 32)
    try:
        key_id = _key(store)
        saved = StoredResponse(200, b'{"saved":true}', "application/json")
        store.save(key_id, "k", "h", saved)
        assert store.lookup(key_id, "k", "h") == saved
        with db.engine.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar()
        assert killed and killed >= 1  # the lookup's own connection among them
        assert store.lookup(key_id, "k", "h") == saved
    finally:
        store.close()
        db.dispose()
