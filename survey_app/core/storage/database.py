"""Opening a project database: engine, SQLite pragmas, migrations at start-up, sessions.

SQLite (the default, one file per project) runs in WAL mode with ``synchronous=FULL``
(laptops lose power mid-write), ``foreign_keys=ON`` and a busy timeout. Writes take the
write lock at BEGIN (``BEGIN IMMEDIATE``) so two writers never interleave in the audit chain.
PostgreSQL is used the same way through a ``postgresql+psycopg://`` URL.

Threading: a Database may be shared between threads; sessions and units of work may not.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from survey_app.core.storage import migrations
from survey_app.core.storage.models import LocalSetting
from survey_app.core.storage.uow import Actor, UnitOfWork, install_hooks


def make_url(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def _sqlite_pragmas(dbapi_conn: Any, record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own would be DEFERRED, lazily).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: random-UUID indexes thrash the 2 MiB default
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN " + conn.get_execution_options().get("sqlite_begin", "DEFERRED"))


class Database:
    """A project database. ``uow(actor)`` for writes, ``read()`` for queries."""

    def __init__(self, target: str | Path, *, migrate: bool = True, echo: bool = False):
        self.url = make_url(target)
        self.is_sqlite = self.url.startswith("sqlite")
        self.path = Path(self.url.removeprefix("sqlite:///")) if self.is_sqlite else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, echo=echo)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
            self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self._write_engine = self.engine
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        install_hooks(self._write_sessions)
        self._read_sessions = sessionmaker(self.engine)
        if migrate:
            migrations.upgrade_to_head(self.engine)

    def uow(self, actor: Actor) -> UnitOfWork:
        """A unit of work acting as ``actor``. ``with db.uow(a) as uow: …; uow.commit()``."""
        return UnitOfWork(self._write_sessions(), actor)

    def begin_write(self) -> Any:
        """A Connection in a write transaction (BEGIN IMMEDIATE on SQLite) for core bulk work; commits on
        a clean exit, rolls back on an exception. Audit events are the caller's job (see storage/bulk.py)."""
        return self._write_engine.begin()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session (never committed). Objects stay readable after the block
        (closing detaches them without expiring what was loaded)."""
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.close()

    def column(self, stmt: Any) -> list:
        """The first column of every row of a SELECT, straight from the DB-API cursor.

        For long lists of plain values (list keys): SQLAlchemy's result rows cost ~0.4 µs each,
        which is 40 ms for 100k keys, twice the query itself. Only for columns needing no
        result processing (integers, text).
        """
        compiled = stmt.compile(dialect=self.engine.dialect)
        params = compiled.params
        with self.engine.connect() as conn:
            if self.is_sqlite:
                args = tuple(params[k] for k in compiled.positiontup or ())
                cursor = conn.connection.driver_connection.execute(str(compiled), args)
                return [r[0] for r in cursor.fetchall()]
            return list(conn.execute(stmt).scalars())

    def setting(self, key: str, default: str = "") -> str:
        with self.read() as s:
            value = s.scalar(select(LocalSetting.value).where(LocalSetting.key == key))
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        """Local settings are this machine's own: not synced, not audited."""
        table = LocalSetting.__table__
        with self._write_engine.begin() as conn:
            conn.execute(delete(table).where(table.c.key == key))
            conn.execute(insert(table).values(key=key, value=value))

    def dispose(self) -> None:
        self.engine.dispose()
