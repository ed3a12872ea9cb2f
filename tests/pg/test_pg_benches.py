"""The benchmarks that need a PostgreSQL server (tests/bench/test_benches.py ``PG_BENCHES``: hq_import_pg,
hq_dashboard --pg) run their tiny smoke run here, on the server tests/pg's one test process has started,
lent to them through ``SURVEY_APP_BENCH_PG_PORT`` (bench/_pg_server.py) instead of a server of their own
each. Same run and checks as tests/bench's ``test_benchmark_runs_tiny``; the bench leaves no database behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.test_benches import PG_BENCHES, bench_cache, restored_environment, run_smoke  # noqa: F401

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("name", PG_BENCHES)
def test_benchmark_runs_tiny_on_the_test_server(name: str, pg_server_running, tmp_path: Path,
                                                bench_cache: Path, qapp,  # noqa: F811 - the fixture imported above
                                                restored_environment, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                                                capsys: pytest.CaptureFixture) -> None:
    from bench._pg_server import BORROW, _Borrowed
    from survey_app.core.storage import pg_server

    def refused() -> None:
        raise AssertionError(f"{name} started a server of its own instead of the one it was lent")

    lent = _Borrowed(Path(), Path(), pg_server_running.port, None)
    before = lent.databases()
    monkeypatch.setenv(BORROW, str(pg_server_running.port))
    monkeypatch.setattr(pg_server, "start_server", refused)
    run_smoke(name, tmp_path, bench_cache, monkeypatch, capsys)
    assert lent.databases() == before  # its databases dropped, the server's others untouched
