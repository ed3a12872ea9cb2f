"""PostgreSQL's side of the storage: what a ``postgresql+psycopg://`` Database needs beyond the shared models.

SQLite is the reference dialect; this module is its PostgreSQL twin for three things:

* **One writer at a time.** SQLite serialises writers with ``BEGIN IMMEDIATE``; the audit chain depends on
  it (a writer reads the chain head, then appends ``seq + 1``), and so does the HQ import (an overlapping
  bundle must see what the other importer just wrote). On PostgreSQL every write transaction of a Database
  (``uow``, ``begin_write``, ``set_setting``) first takes one transaction-scoped advisory lock, released at
  COMMIT or ROLLBACK. Taken as the first statement, READ COMMITTED then shows each later statement every
  write committed before the lock was granted. Readers never wait.
* **Driver-level SQL speaks SQLite's stored form** (storage/rowcodec.py: UUIDs as 32 hex digits,
  timestamps as "YYYY-MM-DD HH:MM:SS.ffffff", dates as ISO text, scaled integers). Core code that talks
  to the DB-API (sync apply and export, the ledger, the audit chain's settings seal) writes SQLite's ``?``
  placeholders and compares raw rows with stored forms. So for statements given to ``exec_driver_sql``
  (never for compiled SQLAlchemy statements, whose types do their own conversions):
  - ``?`` outside quotes becomes ``%s`` (and ``%`` becomes ``%%``), psycopg's placeholder;
  - the cursor reads uuid, timestamp and date columns back in stored form (per-cursor psycopg loaders).
  Going in, PostgreSQL takes stored forms as they are: psycopg sends text untyped and the server casts it
  to the column's type, through parameters and through ``COPY`` (bulk inserts) alike. Integers go untyped
  too (a boolean's stored form is 0/1, which PostgreSQL refuses as a typed smallint).
* **Files.** A server database has no folder of its own for photos and left-behind files:
  ``media_folder`` names one in this machine's data folder (services/attachments.py asks for it).

Threading: the hooks are stateless; a Database may be shared between threads as on SQLite.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# The advisory lock every write transaction takes (any constant; "SURVEYAP" in ASCII).
WRITE_LOCK = 0x5355525645594150 - (1 << 63)
WRITE_OPTION = "pg_write_lock"


def install(engine: Engine) -> Engine:
    """Attach the PostgreSQL hooks to ``engine``; returns the engine to use for writes."""
    event.listen(engine, "before_cursor_execute", _driver_sql, retval=True)
    event.listen(engine, "do_executemany", _insert_by_copy)
    event.listen(engine, "begin", _take_write_lock)
    return engine.execution_options(**{WRITE_OPTION: True})


def _take_write_lock(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def _driver_sql(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                executemany: bool) -> tuple[str, Any]:
    if context is None or context.compiled is not None:
        return statement, parameters
    adapters = getattr(cursor, "adapters", None)
    if adapters is not None:  # a psycopg cursor (this statement's own): stored forms come back
        for type_name, loader in _stored_form_loaders().items():
            adapters.register_loader(type_name, loader)
        adapters.register_dumper(int, _untyped_int_dumper())
    if parameters and "?" in statement:
        statement = qmark_to_format(statement)
    return statement, parameters


@lru_cache(maxsize=1)
def _stored_form_loaders() -> dict[str, type]:
    """psycopg text loaders giving rowcodec's stored forms (psycopg is imported only for a PostgreSQL URL)."""
    from psycopg.types.datetime import DateLoader, TimestampLoader
    from psycopg.types.uuid import UUIDLoader

    class StoredUuid(UUIDLoader):
        def load(self, data: Any) -> str:
            return super().load(data).hex

    class StoredTimestamp(TimestampLoader):
        def load(self, data: Any) -> str:
            return super().load(data).strftime("%Y-%m-%d %H:%M:%S.%f")

    class StoredDate(DateLoader):
        def load(self, data: Any) -> str:
            return super().load(data).isoformat()

    return {"uuid": StoredUuid, "timestamp": StoredTimestamp, "date": StoredDate}


# A driver-level multi-row INSERT of plain placeholders (after qmark_to_format): the sync apply's, the HQ
# import's audit events, bulk.py's. Nothing else (RETURNING, ON CONFLICT, expressions) matches.
_PLAIN_INSERT = re.compile(r"\s*INSERT\s+INTO\s+([\w\".]+)\s*\(([^()]*)\)\s*VALUES\s*\(\s*%s(?:\s*,\s*%s)*\s*\)\s*",
                           re.IGNORECASE)


def _insert_by_copy(cursor: Any, statement: str, parameters: Any, context: Any) -> bool | None:
    """``executemany`` of a plain driver-level INSERT goes in with ``COPY … FROM STDIN`` instead.

    psycopg's executemany sends one INSERT per row (pipelined); COPY streams the rows, several times faster
    (``python -m bench hq_import_pg``: the import measured against raw COPY). The rows are in stored form,
    which COPY's text input casts to each column's type like parameters (0/1 for booleans included).
    Returns True when done here (SQLAlchemy then skips its own executemany); None to let it run."""
    if context is None or context.compiled is not None:
        return None
    m = _PLAIN_INSERT.fullmatch(statement)
    if m is None or not hasattr(cursor, "copy"):
        return None
    with cursor.copy(f"COPY {m.group(1)} ({m.group(2)}) FROM STDIN") as copy:
        for row in parameters:
            copy.write_row(row)
    return True


@lru_cache(maxsize=1)
def _untyped_int_dumper() -> type:
    """A psycopg dumper sending Python ints untyped, as text: the server casts them to the column's type.

    psycopg types an int as int2/int4/int8 by its size, and PostgreSQL will not assign a smallint to a
    boolean column; the stored form of a boolean is 0/1 (rowcodec), so ``INSERT … VALUES (?)`` of an
    imported member's flags failed. Untyped, '0'/'1' are valid boolean input and any number is valid
    integer, bigint or numeric input."""
    from psycopg.adapt import Dumper

    class UntypedInt(Dumper):
        oid = 0  # unknown: the server infers the type from where the value goes

        def dump(self, obj: int) -> bytes:
            return str(int(obj)).encode()

    return UntypedInt


def qmark_to_format(sql: str) -> str:
    """``?`` placeholders outside quoted text and identifiers become ``%s``; every ``%`` becomes ``%%``."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append(ch)
    return "".join(out)


def copy_rows(conn: Connection, table_name: str, columns: list[str], rows: list[tuple]) -> None:
    """Insert rows in stored form with ``COPY … FROM STDIN`` (text format) in the caller's transaction.

    ``table_name`` and ``columns`` are quoted by the caller (the dialect's identifier preparer)."""
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table_name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def describe_url(url: str) -> str:
    """A database URL as shown to a user: the password replaced by ***; a SQLite file as its path."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ""
    return u.render_as_string(hide_password=True)


def media_folder(url: str) -> Path:
    """The folder of this machine holding a server database's photos and files (a file database keeps
    them beside itself): ``<data folder>/server-media/<host>-<port>-<database>``."""
    from sqlalchemy.engine import make_url

    from survey_app.core.paths import data_dir

    u = make_url(url)
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{u.host or 'local'}-{u.port or ''}-{u.database or ''}")
    return data_dir() / "server-media" / name
