"""Every benchmark runs end to end at a tiny size, so none can rot unnoticed (no timing is checked).

Each one runs as ``python -m bench NAME <its SMOKE arguments> --json`` in a subprocess, as ``make bench``
runs it, with its cached databases in a temp folder; the JSON must hold finite figures, and every
benchmark must report at least one figure beside a same-run baseline.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import subprocess
import sys
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


def test_unknown_benchmark_is_refused():
    proc = subprocess.run([sys.executable, "-m", "bench", "nope"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 2 and "nope" in proc.stderr


@pytest.fixture(scope="session")
def bench_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One cache of tiny demo databases for every bench of this run, shared by the xdist workers (their temp
    # folders share a parent; bench/common.py makes each database once, atomically, under a lock): not one
    # generation per bench or per worker.
    root = tmp_path_factory.getbasetemp()
    folder = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "bench_cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.parametrize("name", available())
def test_benchmark_runs_tiny(name: str, tmp_path: Path, bench_cache: Path) -> None:
    module = importlib.import_module(f"bench.{name}")
    assert isinstance(module.SMOKE, list), f"bench/{name}.py needs SMOKE: the arguments of a tiny run"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_DIR=str(bench_cache),
               TMPDIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "bench", name, *module.SMOKE, "--json"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures
    for fname, fig in figures.items():
        assert isinstance(fig["value"], (int, float)) and math.isfinite(fig["value"]), fname
        assert fig["unit"], fname
    assert any(f["baseline"] is not None and f["ratio"] is not None for f in figures.values()), \
        f"{name}: no figure beside a same-run baseline"
