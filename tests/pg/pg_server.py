"""The test harness's PostgreSQL server: the code lives in survey_app/core/storage/pg_server.py, shared with
the benchmarks (``python -m bench hq_import_pg``); this name is kept for the tests that import it."""

from survey_app.core.storage.pg_server import CLUSTER_OWNERS, SUPERUSER, Server, find_bindir, start_server  # noqa: F401
