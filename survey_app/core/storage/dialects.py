"""Engines that share one compiled-statement cache across every database this process opens.

SQLAlchemy keeps each statement's compiled SQL in a cache per engine, keyed by the engine's dialect
*instance*: every Database opened anew — the start-up warm-up thread's own, the project an HQ clerk switches
to, each of the test suite's thousands — compiled every statement again (~0.3 ms for a Core select, ~1 ms
for an ORM one; 8 % of the test suite's CPU). The dialects here are SQLAlchemy's own pysqlite and psycopg
dialects whose instances are equal when they compile alike: same class, same driver module (sqlite3 and
sqlcipher3 never share), same server version and, for PostgreSQL, the server settings that change the SQL
(backslash escapes, identifier length). ``create()`` makes an engine with them and the shared cache.

A cached statement keeps the dialect it was compiled with alive (the cache's key holds it), with that
dialect's event listeners: none of them may hold a secret (Database's SQLCipher hook reaches the key through
a weak reference for that reason). Any other URL (another driver) gets a plain engine and its own cache.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, util
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import Engine, make_url

SQLITE_DRIVER = "sqlite+survey_app"
POSTGRESQL_DRIVER = "postgresql+survey_app_psycopg"
_OWN_DRIVERS = {"sqlite": SQLITE_DRIVER, "sqlite+pysqlite": SQLITE_DRIVER, "postgresql+psycopg": POSTGRESQL_DRIVER}
CACHE_SIZE = 3000  # statements (the app has ~600; SQLAlchemy's per-engine default is 500)
SHARED_CACHE: util.LRUCache = util.LRUCache(CACHE_SIZE)


class CompilesAlike:
    """Equality and hash by what decides the compiled SQL (mixed into a stock dialect)."""

    def compiles_as(self) -> tuple:
        return (type(self), id(self.dbapi), getattr(self, "server_version_info", None))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.compiles_as() == self.compiles_as()

    def __hash__(self) -> int:
        return hash(self.compiles_as())


class SQLiteDialect(CompilesAlike, SQLiteDialect_pysqlite):
    supports_statement_cache = True  # SQLAlchemy reads it from each subclass's own namespace


registry.register("sqlite.survey_app", __name__, "SQLiteDialect")
# psycopg's dialect is imported only for a PostgreSQL URL (start-up on SQLite never loads it)
registry.register("postgresql.survey_app_psycopg", "survey_app.core.storage.dialect_pg", "PGDialect")


def create(url: str, **kwargs: Any) -> Engine:
    """``create_engine(url, **kwargs)`` with this module's dialect and the shared cache where one applies."""
    parsed = make_url(url)
    own = _OWN_DRIVERS.get(parsed.drivername)
    if own is None:
        return create_engine(parsed, **kwargs)
    return create_engine(parsed.set(drivername=own), execution_options={"compiled_cache": SHARED_CACHE},
                         **kwargs)
