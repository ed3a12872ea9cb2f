"""Benchmarks' helper (not a benchmark): the PostgreSQL server a benchmark runs on.

``python -m bench hq_import_pg`` and ``hq_dashboard --pg`` start a throw-away server of their own
(survey_app/core/storage/pg_server.py ``start_server``: initdb + pg_ctl in a temp folder) and stop it at the end.
When ``SURVEY_APP_BENCH_PG_PORT`` names the port of such a server already running on 127.0.0.1 (trust
authentication, superuser ``postgres``: the test run's own, as tests/pg starts it), the benchmark borrows it
instead: its databases are made there and dropped at the end (``stop``), the server keeps running. tests/pg runs
these benchmarks' smoke runs that way (tests/pg/test_pg_benches.py) rather than start a server per benchmark
(~1.7 CPU-s and seconds of initdb each). What a benchmark times is the same either way: no figure includes the
server's start, and a borrowed server has the same settings (it was started by ``start_server`` too).
"""

from __future__ import annotations

import os
from pathlib import Path

from survey_app.core.storage import pg_server

BORROW = "SURVEY_APP_BENCH_PG_PORT"


class _Borrowed(pg_server.Server):
    """A running server this benchmark did not start: ``stop`` drops the databases made since it was borrowed."""

    before: frozenset[str] = frozenset()

    def databases(self) -> frozenset[str]:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=pg_server.SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            return frozenset(r[0] for r in conn.execute("SELECT datname FROM pg_database"))

    def stop(self) -> None:
        for name in sorted(self.databases() - self.before):
            self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server() -> pg_server.Server:
    """A server to run on: the one ``SURVEY_APP_BENCH_PG_PORT`` names, else a new one. ``stop()`` it after."""
    port = os.environ.get(BORROW, "").strip()
    if not port:
        return pg_server.start_server()
    borrowed = _Borrowed(Path(), Path(), int(port), None)
    borrowed.before = borrowed.databases()
    return borrowed
