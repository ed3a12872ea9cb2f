"""The real start-up path in a subprocess: first start creates the demo project, then the window paints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# main.py as `python main.py` runs it, with a first-start demo of 12 households instead of 500: the same
# path (progress dialog, demo on the worker, login, first paint; the list's first page holds all of them, as
# it would 60) at a fraction of the cost (the demo is generated in a real process: ~1 CPU-s less than 60
# households, ~7 less than 500).
FIRST_START_SMALLER = """
import runpy
from survey_app.core.services import startup
startup.DEMO_HOUSEHOLDS = 12
runpy.run_path("main.py", run_name="__main__")
"""


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_LOGIN="worker:worker123",
               SURVEY_APP_DATA=str(tmp_path / "data"))
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_first_start_creates_the_demo_and_paints_the_main_window(tmp_path: Path) -> None:
    db = tmp_path / "demo-project.sqlite3"
    result = _run(["-c", FIRST_START_SMALLER, "--db", str(db)], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines()[:3][-1].startswith("FIRST_PAINT ")  # after LOGIN_SHOWN, LOGIN_ACCEPT (the real dialog)
    # a second start finds the project and does not create it again
    again = _run(["-m", "survey_app", "--db", str(db), "gui", "--lang", "en"], tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "FIRST_PAINT " in again.stdout


def test_gui_subcommand_is_registered() -> None:
    from survey_app.cli import build_parser

    args = build_parser().parse_args(["--db", "x.sqlite3", "gui", "--lang", "en"])
    assert args.command == "gui" and args.lang == "en" and str(args.db) == "x.sqlite3"
