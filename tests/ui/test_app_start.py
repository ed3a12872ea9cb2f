"""The real start-up path in a subprocess: first start creates the demo project, then the window paints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_LOGIN="worker:worker123",
               SURVEY_APP_DATA=str(tmp_path / "data"))
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_first_start_creates_the_demo_and_paints_the_main_window(tmp_path: Path) -> None:
    db = tmp_path / "demo-project.sqlite3"
    result = _run(["main.py", "--db", str(db)], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("FIRST_PAINT ")
    # a second start finds the project and does not create it again
    again = _run(["-m", "survey_app", "--db", str(db), "gui", "--lang", "en"], tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "FIRST_PAINT " in again.stdout


def test_gui_subcommand_is_registered() -> None:
    from survey_app.cli import build_parser

    args = build_parser().parse_args(["--db", "x.sqlite3", "gui", "--lang", "en"])
    assert args.command == "gui" and args.lang == "en" and str(args.db) == "x.sqlite3"
