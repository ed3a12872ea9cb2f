"""Every benchmark runs end to end at a tiny size, so none can rot unnoticed (no timing is checked).

Each one runs as ``python -m bench NAME <its SMOKE arguments> --json`` does — through ``bench.__main__.main``,
the same parser and ``run`` — with its cached databases in a temp folder; the JSON must hold finite figures,
and every benchmark must report at least one figure beside a same-run baseline. They run in this process
(saving a Python + Qt start-up and the production key-derivation cost per bench: ~1.5 CPU-s each), with the
environment restored after each and Qt's application the one pytest-qt made; ``--list`` and one benchmark
(``REAL_PROCESS``) run as real processes, as ``make bench`` starts them, so a bench that only works
in-process (an import that a fresh interpreter lacks) still fails here. The benchmarks that need a PostgreSQL
server (``PG_BENCHES``) run the same way in tests/pg/test_pg_benches.py, on the server tests/pg has started.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.__main__ import available  # noqa: E402


def test_list_names_every_benchmark_and_no_helper():
    out = subprocess.run([sys.executable, "-m", "bench", "--list"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert listed == available()
    assert not {"__main__", "figures", "common"} & set(listed)
    assert all(len(line.split(maxsplit=1)) == 2 for line in out.splitlines()), "every benchmark needs a docstring"


def test_unknown_benchmark_is_refused(capsys: pytest.CaptureFixture) -> None:
    from bench.__main__ import main

    assert main(["nope"]) == 2 and "nope" in capsys.readouterr().err


@pytest.fixture(scope="session")
def bench_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One cache of tiny demo databases for every bench of this run, shared by the xdist workers (their temp
    # folders share a parent; bench/common.py makes each database once, atomically, under a lock): not one
    # generation per bench or per worker.
    root = tmp_path_factory.getbasetemp()
    folder = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "bench_cache"
    folder.mkdir(exist_ok=True)
    return folder


REAL_PROCESS = "bundle_crypto"  # no Qt, no database: the cheapest bench to start as `make bench` does
# The benchmarks whose smoke run needs a PostgreSQL server: they run in tests/pg (test_pg_benches.py), on the server
# that tests/pg's one test process has started already (bench/_pg_server.py: SURVEY_APP_BENCH_PG_PORT), not
# here with a server of their own each (~1.7 CPU-s and seconds of initdb apiece).
PG_BENCHES = ("hq_dashboard", "hq_import_pg")


def test_every_benchmark_runs_here_or_on_the_test_server() -> None:
    assert set(PG_BENCHES) <= set(available()), "PG_BENCHES names a benchmark that does not exist"


def _check_figures(name: str, stdout: str) -> None:
    figures = json.loads(stdout.strip().splitlines()[-1])
    assert figures
    for fname, fig in figures.items():
        assert isinstance(fig["value"], (int, float)) and math.isfinite(fig["value"]), fname
        assert fig["unit"], fname
    assert any(f["baseline"] is not None and f["ratio"] is not None for f in figures.values()), \
        f"{name}: no figure beside a same-run baseline"


def test_a_benchmark_runs_as_a_process(tmp_path: Path, bench_cache: Path) -> None:
    module = importlib.import_module(f"bench.{REAL_PROCESS}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_DIR=str(bench_cache),
               TMPDIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "bench", REAL_PROCESS, *module.SMOKE, "--json"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    _check_figures(REAL_PROCESS, proc.stdout)


@pytest.fixture
def restored_environment() -> Iterator[None]:
    """Benchmarks set environment variables (QT_QPA_PLATFORM, SURVEY_APP_DATA…) as a process of their own may:
    put the environment back as it was before the next test."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_smoke(name: str, tmp_path: Path, bench_cache: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture) -> None:
    """``python -m bench NAME <SMOKE> --json`` in this process; its figures checked."""
    from bench.__main__ import main

    module = importlib.import_module(f"bench.{name}")
    assert isinstance(module.SMOKE, list), f"bench/{name}.py needs SMOKE: the arguments of a tiny run"
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("SURVEY_APP_BENCH_DIR", str(bench_cache))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main([name, *module.SMOKE, "--json"]) == 0
    _check_figures(name, capsys.readouterr().out)


@pytest.mark.parametrize("name", [n for n in available() if n not in PG_BENCHES])
def test_benchmark_runs_tiny(name: str, tmp_path: Path, bench_cache: Path, qapp, restored_environment,
                             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from survey_app.core.storage import pg_server

    def refused() -> None:
        raise AssertionError(f"{name} starts a PostgreSQL server: list it in PG_BENCHES (runs on tests/pg's)")

    monkeypatch.setattr(pg_server, "start_server", refused)
    run_smoke(name, tmp_path, bench_cache, monkeypatch, capsys)
