"""Database connection and schema migrations.

SQLite in the data directory is the embedded default and migrates itself on first use;
PostgreSQL is selected by ``BONDMCP_DATABASE_URL`` and migrated with ``bondmcp db upgrade``.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, cast

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, FromClause, Table, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bondmcp.store.changes import ChangeCounter, PostgresNotifications, SqliteChanges

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> dt.datetime:
    """Timestamps are stored as UTC-aware values everywhere."""
    return dt.datetime.now(dt.UTC)


def normalise_url(url: str) -> str:
    """Pick the drivers we ship: psycopg 3 for PostgreSQL, the stdlib module for SQLite."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


#: SQLite builds before 3.32 allow 999 variables in a statement.
_SQLITE_MAX_VARIABLES = 999


def insert_sqlite_rows(
    conn: Connection,
    table: FromClause,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    on_conflict: str = "",
    on_conflict_params: Sequence[Any] = (),
) -> None:
    """Insert rows (values in ``columns`` order) on SQLite with multi-row INSERTs sent
    through the driver, ``on_conflict`` appended to each.

    The per-request writers (the audit log, remembered idempotent answers) write a batch
    every twentieth of a second: SQLAlchemy's insertmanyvalues did the same with a few µs
    of parameter processing a row, held under the GIL the event loop waits for. Here only
    the columns whose type converts its values (timestamps, binary) go through SQLAlchemy's
    own conversion. One statement per chunk, not one per row: the driver releases the GIL
    around each statement, and on a busy server every re-acquisition waits out the switch
    interval."""
    dialect = conn.dialect
    converters = [
        (i, convert)
        for i, name in enumerate(columns)
        if (convert := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    per_statement = (_SQLITE_MAX_VARIABLES - len(on_conflict_params)) // len(columns)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        params: list[Any] = []
        for row in chunk:
            values = list(row)
            for i, convert in converters:
                values[i] = convert(values[i])
            params += values
        sql = _sqlite_insert(cast(Table, table).name, tuple(columns), len(chunk), on_conflict)
        conn.exec_driver_sql(sql, (*params, *on_conflict_params))


@functools.cache
def _sqlite_insert(table: str, columns: tuple[str, ...], rows: int, on_conflict: str) -> str:
    values = ", ".join(["(" + ", ".join("?" * len(columns)) + ")"] * rows)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} {on_conflict}"  # noqa: S608 - names from the schema, placeholders


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers run while a writer commits; busy_timeout lets several server
    # processes share one file without "database is locked" errors under load.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 20) -> None:
        self.url = normalise_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        kwargs: dict[str, Any] = {"pool_pre_ping": not self.is_sqlite}
        if self.is_sqlite:
            path = self.url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 10}
        else:
            kwargs.update(
                pool_size=pool_size, max_overflow=max_overflow, connect_args={"connect_timeout": 5}
            )
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._head: str | None = None
        self._counters: list[ChangeCounter] = []
        # SQLite takes one writer at a time, and a writer that finds the file locked sleeps
        # in its busy handler (1, 2, 5, 10... ms): this process's writers queue here instead.
        self._write_lock: threading.Lock | None = threading.Lock() if self.is_sqlite else None

    def sqlite_file(self) -> str | None:
        """The path of the SQLite file, or None for PostgreSQL or an in-memory database:
        the file another connection of ours can open too."""
        if not self.is_sqlite:
            return None
        path = self.url.removeprefix("sqlite:///")
        if not path or path == ":memory:" or path.startswith("file:"):
            return None
        return path

    def key_changes(self) -> ChangeCounter | None:
        """A counter that moves whenever API keys may have changed, in any process (see
        ``store.changes``), or None when this database offers none (an in-memory SQLite).
        It lives until the database is disposed."""
        counter: ChangeCounter
        if self.is_sqlite:
            path = self.sqlite_file()
            if path is None:
                return None
            counter = SqliteChanges(path)
        else:
            counter = PostgresNotifications(
                self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            )
        self._counters.append(counter)
        return counter

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold around a write transaction: on SQLite, one writer of this process at a time
        (other processes still meet the busy timeout); on PostgreSQL, nothing."""
        if self._write_lock is None:
            yield
            return
        with self._write_lock:
            yield

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def alembic_config(self) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        config.attributes["engine"] = self.engine
        return config

    def upgrade(self, revision: str = "head") -> None:
        """Apply migrations up to ``revision`` (idempotent)."""
        command.upgrade(self.alembic_config(), revision)

    def head_revision(self) -> str:
        """The newest migration shipped with this version."""
        if self._head is None:
            from alembic.script import ScriptDirectory

            head = ScriptDirectory.from_config(self.alembic_config()).get_current_head()
            assert head is not None
            self._head = head
        return self._head

    def is_known_revision(self, revision: str) -> bool:
        """Whether this version ships the migration (an unknown one is newer than us)."""
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(self.alembic_config())
        return any(rev.revision == revision for rev in script.walk_revisions())

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            except Exception:
                return None
            return str(row[0]) if row else None

    def ping(self) -> str | None:
        """The schema revision; raises unless the database answers and holds our schema.

        SQLite is checked on a fresh connection: a pooled one keeps working on a file that
        has since been deleted or replaced, which is exactly the failure to detect.
        """
        query = "SELECT version_num FROM alembic_version"
        if self.is_sqlite:
            path = self.url.removeprefix("sqlite:///")
            with closing(sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)) as conn:
                row = conn.execute(query).fetchone()
        else:
            with self.engine.connect() as conn:
                row = conn.execute(text(query)).first()
        return str(row[0]) if row else None

    def dispose(self) -> None:
        for counter in self._counters:
            counter.close()
        self._counters.clear()
        self.engine.dispose()
