"""Opening a project database: engine, SQLite pragmas, migrations at start-up, sessions.

SQLite (the default, one file per project) runs in WAL mode with ``synchronous=FULL``
(laptops lose power mid-write), ``foreign_keys=ON`` and a busy timeout. Writes take the
write lock at BEGIN (``BEGIN IMMEDIATE``) so two writers never interleave in the audit chain.
PostgreSQL is used the same way through a ``postgresql+psycopg://`` URL.

Faults (storage/errors.py): driver errors for a full disk, a lock held past the busy timeout, a read-only
or damaged file come out as Chinese ``StorageError``s. Opening refuses a 0-byte file (never migrated into
an empty project) and a schema newer than this build knows. ``PRAGMA quick_check`` costs ~0.4 s at 10k
households and ~4 s at 100k (bench startup's databases, warm cache; the start-up budget is 0.8 s in all),
so opening runs it only when the previous session did not close cleanly: a marker file ``<db>-open`` lives
while a Database is open and is removed by ``dispose()`` or at a normal interpreter exit; a crash, kill or
power cut leaves it. With two processes on one file the marker is shared: the second to open pays for a
check it may not have needed, and a crash after the other closed cleanly goes unchecked (``audit verify``
and every HQ import still check). ``check_sound()`` runs the check on demand (once per Database).

Threading: a Database may be shared between threads; sessions and units of work may not.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from survey_app.core.paths import data_dir
from survey_app.core.platform import private_dir, private_file
from survey_app.core.storage import cipher, dialects, errors, live_files, migrations, pg
from survey_app.core.storage.models import LocalSetting
from survey_app.core.storage.uow import Actor, UnitOfWork, install_hooks


def make_url(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def session_marker(path: Path) -> Path:
    """The file that exists while a Database on ``path`` is open (see the module docstring)."""
    return path.with_name(path.name + "-open")


def _refuse_empty(path: Path) -> None:
    """A 0-byte file named as the project is a damaged copy, not a new project (unless its -wal holds it)."""
    try:
        empty = path.stat().st_size == 0
    except OSError:  # missing: a new database is made
        return
    wal = path.with_name(path.name + "-wal")
    if empty and not (wal.exists() and wal.stat().st_size > 0):
        raise errors.EmptyDatabaseFile()


def _refuse_wrong_kind(path: Path, keyed: bool) -> None:
    """No key for an encrypted file, or a key for a plain one: a Chinese message before any driver runs."""
    kind = cipher.file_kind(path)
    if kind == "encrypted" and not keyed:
        raise errors.DatabaseEncrypted()
    if kind == "plain" and keyed:
        raise errors.DatabaseNotEncrypted()


def _project_folder(folder: Path) -> None:
    """A folder the app makes (or its own data folder) is owner-only; a folder the user chose keeps its mode."""
    if not folder.exists() or folder == data_dir():
        private_dir(folder)


def _share_audit_key(db_ref: Any, dbapi_conn: Any, record: Any, proxy: Any) -> None:
    """Every checkout carries the Database's audit key in ``conn.info`` for the core writers."""
    db = db_ref()
    record.info["audit_key"] = db.audit_key if db is not None else None


def _keyed_connect(db_ref: Any, dialect: Any, record: Any, cargs: list, cparams: dict) -> Any:
    """SQLCipher's connect hook, reaching the key through the Database: the dialect it is attached to may
    outlive the Database in the shared statement cache (storage/dialects.py), the key must not."""
    db = db_ref()
    if db is None or db.cipher_key is None:
        raise errors.DatabaseEncrypted()
    return cipher.keyed_connect(db.cipher_key, dialect, record, cargs, cparams)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _sqlite_pragmas(busy_timeout_ms: int, dbapi_conn: Any, record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own would be DEFERRED, lazily).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: random-UUID indexes thrash the 2 MiB default
    cur.close()


_SETTING = select(LocalSetting.__table__.c.value).where(LocalSetting.__table__.c.key == bindparam("key"))


def _sqlite_begin(conn: Any) -> None:
    # Straight on the driver's connection: through exec_driver_sql each BEGIN cost a whole SQLAlchemy execution
    # (~60 µs of Python here) for every transaction; the busy, read-only and damaged-file errors are the same ones.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    with errors.mapped():
        conn.connection.dbapi_connection.execute(f"BEGIN {mode}")


class Database:
    """A project database. ``uow(actor)`` for writes, ``read()`` for queries."""

    def __init__(self, target: str | Path, *, migrate: bool = True, echo: bool = False,
                 busy_timeout_ms: int = 10_000, cipher_key: bytes | None = None,
                 audit_key: bytes | None = None, file_key: bytes | None = None):
        """Open ``target`` (a path or URL). Raises a ``StorageError`` for an empty, damaged, too new or
        unreadable database; ``busy_timeout_ms`` is how long a write waits for another writer's lock.
        ``cipher_key`` (32 bytes, from the key vault) opens or creates an encrypted (SQLCipher) file;
        ``audit_key`` (32 bytes, from the key vault) keys the audit chain's MACs. ``file_key`` (32 bytes) seals
        the project's photos and left-behind files (core/files.py); an encrypted database given none derives
        one from ``cipher_key`` (HKDF, its own label), a plain one keeps its files plain."""
        self.cipher_key = cipher_key
        self.audit_key = audit_key
        self.url = make_url(target)
        self.is_sqlite = self.url.startswith("sqlite")
        self.path = Path(self.url.removeprefix("sqlite:///")) if self.is_sqlite else None
        self.encrypted = self.is_sqlite and cipher_key is not None
        self.file_key = file_key if file_key is not None or not self.encrypted else cipher.derive_file_key(cipher_key)
        self._sound = False
        self._closed = None
        self._held: Any = None  # live_files' release, once the file is open
        if self.path is not None:
            _refuse_empty(self.path)
            _refuse_wrong_kind(self.path, self.encrypted)
            _project_folder(self.path.parent)
        if self.encrypted:
            cipher.key_pragma(cipher_key)  # a malformed key fails here, before any file is made
            self.engine: Engine = dialects.create(self.url, echo=echo, module=cipher.dbapi())
            event.listen(self.engine, "do_connect", partial(_keyed_connect, weakref.ref(self)))
        else:
            self.engine = dialects.create(self.url, echo=echo)
        errors.install(self.engine)
        event.listen(self.engine, "checkout", partial(_share_audit_key, weakref.ref(self)))  # audit_chain.key_of
        if self.is_sqlite:
            event.listen(self.engine, "connect", partial(_sqlite_pragmas, busy_timeout_ms))
            event.listen(self.engine, "begin", _sqlite_begin)
            self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        elif self.engine.dialect.name == "postgresql":
            self._write_engine = pg.install(self.engine)  # one writer at a time, like BEGIN IMMEDIATE
        else:
            self._write_engine = self.engine
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        install_hooks(self._write_sessions)
        self._read_sessions = sessionmaker(self.engine)
        try:
            if self.path is not None:
                self._open_session()
            if migrate:
                self._migrate()
        except BaseException:
            self.dispose()
            raise

    def _open_session(self) -> None:
        with self.engine.connect():  # creates a new file: owner-only from the start (-wal/-shm inherit it)
            private_file(self.path)
        # From now on this process never opens the file itself (to read its header): that would drop the
        # connections' locks (storage/live_files.py).
        self._held = weakref.finalize(self, live_files.hold(self.path, "encrypted" if self.encrypted else "plain"))
        marker = session_marker(self.path)
        if marker.exists():  # the last session ended in a crash, a kill or a power cut
            self.check_sound()
        try:
            marker.touch()
            private_file(marker)
        except OSError:  # a read-only folder: no marker, nothing else lost
            return
        self._closed = weakref.finalize(self, _unlink_quietly, marker)

    def _migrate(self) -> None:
        current = migrations.current_revision(self.engine)
        if current == migrations.HEAD:
            return
        if current is not None and current not in _known_revisions(self.engine):
            raise errors.DatabaseTooNew(current)
        if current is None and self.is_sqlite and self._made_at_head():
            return
        if current is None or self.path is None:  # a new file, or a server database: nothing to keep
            migrations.upgrade_to_head(self.engine)
            return
        # An older file: copied to <db>.pre-<revision>.bak first, put back if the upgrade fails (lazy import:
        # only an upgrade needs the copy helper).
        from survey_app.core.storage.backup_copy import migrate_with_backup

        migrate_with_backup(self, current, lambda: migrations.upgrade_to_head(self.engine), migrations.HEAD)

    def _made_at_head(self) -> bool:
        """An empty SQLite file made at HEAD in one step (migrations/head_schema.py); False when the stored
        schema is behind the migrations or the file is not empty."""
        from survey_app.core.storage.migrations import head_schema

        statements = head_schema.usable()
        if statements is None or not head_schema.is_empty(self.engine):
            return False
        head_schema.create(self._write_engine, statements)
        return True

    def integrity_problems(self, *, full: bool = True, limit: int = 20) -> list[str]:
        """SQLite's ``integrity_check`` (``quick_check`` when not ``full``) findings; [] when sound.
        Reads the whole file: seconds for a big project. Other databases check themselves: []."""
        if not self.is_sqlite:
            return []
        pragma = "integrity_check" if full else "quick_check"
        try:
            with self.engine.connect() as conn:
                rows = [str(r[0]) for r in conn.exec_driver_sql(f"PRAGMA {pragma}({int(limit)})")]
        except errors.CorruptDatabase as e:  # damaged so badly that the check itself stops
            return [e.detail or "database disk image is malformed"]
        return [] if rows == ["ok"] else rows

    def check_sound(self) -> None:
        """Raise ``CorruptDatabase`` unless ``PRAGMA quick_check`` passes (checked once per Database)."""
        if self._sound:
            return
        problems = self.integrity_problems(full=False, limit=1)
        if problems:
            raise errors.CorruptDatabase(problems[0])
        self._sound = True

    def uow(self, actor: Actor) -> UnitOfWork:
        """A unit of work acting as ``actor``. ``with db.uow(a) as uow: …; uow.commit()``."""
        return UnitOfWork(self._write_sessions(), actor, audit_key=self.audit_key)

    def begin_write(self) -> Any:
        """A Connection in a write transaction (BEGIN IMMEDIATE on SQLite) for core bulk work; commits on
        a clean exit, rolls back on an exception. Audit events are the caller's job, through the chain's one writer
        (storage/audit_writer.py; storage/bulk.py for rows with their events)."""
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
        result processing (integers, text). The statement runs through the engine (its compiled form
        cached: compiling it anew cost more than a page of the list); the rows come from the cursor.
        """
        with self.engine.connect() as conn:
            result = conn.execute(stmt)
            if self.is_sqlite:
                with errors.mapped():
                    return [r[0] for r in result.cursor.fetchall()]
            return list(result.scalars())

    def setting(self, key: str, default: str = "") -> str:
        """A local setting (``default`` when unset). A plain Core read: sync and the services ask for the device
        code often, and an ORM session costs twice the statement."""
        with self.engine.connect() as conn:
            value = conn.execute(_SETTING, {"key": key}).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        """Local settings are this machine's own: not synced, not in the chain. Those sync trusts are
        pinned by a keyed digest when the audit key is at hand (storage/audit_chain.py, guarded settings)."""
        from survey_app.core.storage import audit_chain

        table = LocalSetting.__table__
        with self._write_engine.begin() as conn:
            conn.execute(delete(table).where(table.c.key == key))
            conn.execute(insert(table).values(key=key, value=value))
            if self.audit_key and audit_chain.is_guarded(key):
                audit_chain.seal_settings(conn, self.audit_key)

    def dispose(self) -> None:
        """Close every connection; the session ended cleanly (the open marker goes)."""
        self.engine.dispose()
        if self._closed is not None:
            self._closed()
        if self._held is not None:
            self._held()


def _known_revisions(engine: Engine) -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(migrations.alembic_config(engine)).walk_revisions()}
