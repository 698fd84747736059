"""Change counters: how a process knows that what it read from the database may be stale.

A counter's ``value()`` moves whenever the rows it watches may have changed, in any process;
a reader stamps what it caches with the value it saw before reading, and trusts the copy only
while the value is the same. ``None`` means the counter cannot tell right now: trust nothing.

- SQLite: ``PRAGMA data_version`` on a connection of our own that never writes moves on every
  commit to the file by any other connection. Read at most once a millisecond: the query
  itself is cheap, but the driver releases the GIL around it, and under load every request
  then waited for the GIL behind the other threads (about 6% of a cached answer's cost). A
  commit is seen within a millisecond.
- PostgreSQL: a thread LISTENs on the channel the ``api_keys`` trigger (migration 0004)
  NOTIFYs on commit, and counts notifications. A change reaches other processes as fast as
  the notification travels (milliseconds); while the listening connection is down, or the
  trigger is missing, the value is ``None``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from typing import Protocol

logger = logging.getLogger("bondmcp.store")

KEY_CHANNEL = "bondmcp_api_keys"
KEY_TRIGGER = "bondmcp_api_keys_changed"
_RECONNECT_SECONDS = 1.0
_SQLITE_RECHECK_SECONDS = 0.001
_MISSING_TRIGGER_RETRY_SECONDS = 30.0


class ChangeCounter(Protocol):
    def value(self) -> int | None: ...

    def close(self) -> None: ...


class SqliteChanges:
    """Commits to an SQLite file by any connection of any process."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None  # opened on first use: the file
        self._lock = threading.Lock()  # may not exist before the first migration
        self._value = 0
        self._read_at = -1.0

    def value(self) -> int | None:
        if time.monotonic() - self._read_at < _SQLITE_RECHECK_SECONDS:
            return self._value
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(
                    f"file:{self._path}?mode=rw", uri=True, check_same_thread=False, timeout=5
                )
            read_at = time.monotonic()  # before the read: a later commit shows next time
            self._value = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            self._read_at = read_at
            return self._value

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class PostgresNotifications:
    """NOTIFYs on a channel, counted by a listening thread with a connection of its own."""

    def __init__(self, conninfo: str, channel: str = KEY_CHANNEL, trigger: str = KEY_TRIGGER):
        self._conninfo = conninfo
        self._channel = channel
        self._trigger = trigger
        self._lock = threading.Lock()
        self._count = 0
        self._live = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def value(self) -> int | None:
        with self._lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(
                    target=self._run, name="bondmcp-key-listener", daemon=True
                )
                self._thread.start()
            return self._count if self._live else None

    def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5)

    def _set_live(self, live: bool) -> None:
        with self._lock:
            self._count += 1  # whatever was stamped before is from another era
            self._live = live

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            wait = _RECONNECT_SECONDS
            try:
                with psycopg.connect(
                    self._conninfo,
                    autocommit=True,
                    connect_timeout=5,
                    application_name="bondmcp-key-listener",
                ) as conn:
                    found = conn.execute(
                        "SELECT 1 FROM pg_trigger WHERE tgname = %s", (self._trigger,)
                    ).fetchone()
                    if found is None:
                        logger.warning(
                            "the database has no %s trigger (run 'bondmcp db upgrade'); "
                            "API keys are looked up on every request",
                            self._trigger,
                        )
                        wait = _MISSING_TRIGGER_RETRY_SECONDS
                    else:
                        conn.execute(f"LISTEN {self._channel}")
                        self._set_live(True)
                        while not self._stop.is_set():
                            for _ in conn.notifies(timeout=1.0):
                                with self._lock:
                                    self._count += 1
            except Exception as exc:
                logger.warning("key change listener disconnected: %s", type(exc).__name__)
            finally:
                self._set_live(False)
            self._stop.wait(wait)
