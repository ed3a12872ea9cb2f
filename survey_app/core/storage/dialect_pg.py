"""psycopg's PostgreSQL dialect whose instances compare equal when they compile alike (storage/dialects.py).

Its own module so that a SQLite start never imports the PostgreSQL dialect."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

from survey_app.core.storage.dialects import CompilesAlike


class PGDialect(CompilesAlike, PGDialect_psycopg):
    supports_statement_cache = True

    def compiles_as(self) -> tuple:
        # set from the server at the first connection: quoting of literals, the length labels are cut to
        return (*super().compiles_as(), getattr(self, "_backslash_escapes", None), self.max_identifier_length)
