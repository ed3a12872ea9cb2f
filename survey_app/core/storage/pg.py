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
  too (a boolean's stored form is 0/1, which PostgreSQL refuses as a typed smallint). Rows by the
  thousand (the HQ import) are read with one ``id = ANY(…)`` (``rows_by_id``) and overwritten with
  ``COPY`` into a scratch table and one ``UPDATE … FROM`` (``update_rows``), never a statement a row.
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
            text = bytes(data)  # the server writes a uuid as 8-4-4-4-12 lowercase hex digits
            if len(text) == 36:
                return text.replace(b"-", b"").decode("ascii")
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
    # A cursor of its own: this one carries the untyped int dumper (pure Python, ~2.5 µs an int), which COPY's
    # typeless text has no use for; a fresh cursor dumps ints in C, as the raw COPY baseline does.
    with cursor.connection.cursor() as cur, cur.copy(f"COPY {m.group(1)} ({m.group(2)}) FROM STDIN") as copy:
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


def rows_by_id(conn: Connection, table_name: str, columns: list[str], ids: list[str]) -> list[tuple]:
    """Rows (stored form) whose id is one of ``ids``: one statement, the ids as one array parameter.

    ``id IN (?, ?, …)`` would send a new statement text for every chunk, which psycopg parses anew each time
    (~9 ms for 500 placeholders); ``= ANY(?)`` is one short statement whatever the count. The array goes as
    one text literal (each id quoted) that the server reads as the column's array type: psycopg's list
    dumper costs ~5 µs an element in Python, 40k ids 0.2 s against 0.03 s. Names quoted by the caller; the
    table's key column is ``id``."""
    return conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table_name} WHERE id = ANY(?)",
                                (array_literal(ids),)).fetchall()


def array_literal(values: list[Any]) -> str:
    """A PostgreSQL array literal of ``values`` as text, each element double-quoted (``"`` and backslash
    escaped), so no value can end its element early."""
    texts = list(map(str, values))
    plain = "".join(texts)
    if '"' in plain or "\\" in plain:
        texts = [t.replace("\\", "\\\\").replace('"', '\\"') for t in texts]
    return '{"' + '","'.join(texts) + '"}' if texts else "{}"


def update_rows(conn: Connection, table_name: str, columns: list[str], rows: list[tuple], *, key: str) -> None:
    """Overwrite rows by ``key`` (one of ``columns``) with ``rows`` (stored form, in ``columns`` order, keys
    unique) in the caller's transaction: COPY into a scratch table, then one ``UPDATE … FROM``.

    psycopg's executemany sends one UPDATE per row; this is four statements whatever the count (the raw
    COPY baseline of ``bench hq_import_pg`` replaces the roster's households the same way)."""
    stage = '"sync_stage_rows"'
    col_list = ", ".join(columns)
    conn.exec_driver_sql(f"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {col_list} FROM {table_name} "
                         "WITH NO DATA")
    copy_rows(conn, stage, columns, rows)
    sets = ", ".join(f"{c} = s.{c}" for c in columns if c != key)
    conn.exec_driver_sql(f"UPDATE {table_name} AS t SET {sets} FROM {stage} AS s WHERE t.{key} = s.{key}")
    conn.exec_driver_sql(f"DROP TABLE {stage}")


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
