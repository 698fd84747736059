"""The write-behind recorder loses nothing to a database outage: what a flush could not
write is written by the next one, once, in order."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import event

from bondmcp.server.recorder import Recorder
from bondmcp.store.audit import AuditEvent, AuditLog
from bondmcp.store.db import Database
from bondmcp.store.usage import UsageStore

SECRET = b"r" * 32


class Link:
    """A TCP forwarder on loopback between the store and PostgreSQL, which the test can
    cut (every open connection dropped, new ones refused) and restore: a network outage
    without touching the database server the other tests share."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = True
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                if not self.up:
                    client.close()
                    continue
                server = socket.create_connection(self.target)
                self._open += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        with self._lock:
            self.up = False
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()

    def restore(self) -> None:
        with self._lock:
            self.up = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


@pytest.fixture
def linked(postgres_url: str) -> Iterator[tuple[Database, Link]]:
    link = Link(("127.0.0.1", 5432))
    db = Database(postgres_url.replace("127.0.0.1:5432", f"127.0.0.1:{link.port}"))
    db.upgrade()
    try:
        yield db, link
    finally:
        db.dispose()
        link.close()


def serve(recorder: Recorder, first: int, count: int, errors: int = 0) -> None:
    """Record ``count`` requests numbered from ``first``, the last ``errors`` of them failed."""
    for n in range(first, first + count):
        failed = n >= first + count - errors
        detail = {"route": "/v1/ask", "status": 500 if failed else 200, "n": n}
        recorder.request_served("key_1", AuditEvent("request.served", "key_1", detail), failed)


def written(db: Database) -> tuple[list[int], tuple[int, int]]:
    """The request numbers in the audit log, in order, and key_1's (requests, errors)."""
    audit = AuditLog(db, SECRET)
    assert audit.verify().ok
    numbers = [json.loads(record.detail)["n"] for record in audit.records()]
    days = UsageStore(db).days("key_1")
    return numbers, (sum(d.requests for d in days), sum(d.errors for d in days))


def test_an_outage_loses_no_record_and_the_next_flush_writes_them(
    linked: tuple[Database, Link],
) -> None:
    db, link = linked
    recorder = Recorder(AuditLog(db, SECRET), UsageStore(db))
    serve(recorder, 0, 4, errors=1)
    recorder.flush()

    link.cut()
    serve(recorder, 4, 3, errors=1)
    with pytest.raises(Exception):
        recorder.flush()
    link.restore()
    serve(recorder, 7, 2)
    recorder.flush()

    assert written(db) == (list(range(9)), (9, 2))


def test_a_flush_cut_midway_is_written_once(linked: tuple[Database, Link]) -> None:
    """Usage counts and audit records are one transaction: a flush that fails after
    adding the counts neither keeps them nor adds them twice when it is written again."""
    db, link = linked
    recorder = Recorder(AuditLog(db, SECRET), UsageStore(db))
    serve(recorder, 0, 2)
    recorder.flush()

    def cut_at_audit_head(*args: Any) -> None:
        if "FROM audit_log" in str(args[2]):
            link.cut()

    serve(recorder, 2, 3, errors=2)
    event.listen(db.engine, "before_cursor_execute", cut_at_audit_head)
    try:
        with pytest.raises(Exception):
            recorder.flush()
    finally:
        event.remove(db.engine, "before_cursor_execute", cut_at_audit_head)
    link.restore()
    recorder.flush()

    assert written(db) == ([0, 1, 2, 3, 4], (5, 2))


def dropped_total() -> float:
    return REGISTRY.get_sample_value("bondmcp_audit_events_dropped_total") or 0.0


def test_a_long_outage_drops_the_oldest_events_and_counts_them(
    linked: tuple[Database, Link],
) -> None:
    db, link = linked
    recorder = Recorder(AuditLog(db, SECRET), UsageStore(db), max_queued_events=5)
    dropped = dropped_total()
    link.cut()
    serve(recorder, 0, 8)
    with pytest.raises(Exception):
        recorder.flush()
    assert dropped_total() == dropped + 3
    link.restore()
    recorder.flush()

    # The usage counts are small and all kept; of the records, the newest five.
    assert written(db) == ([3, 4, 5, 6, 7], (8, 0))
