"""A real start in a subprocess: the login dialog is shown (the bench hook types into the real dialog and
presses 登录 once it has painted), the window paints from the light read, then the login is recorded."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

# main.py's start, with a probe saying whether the main window had its database at its first paint.
PROBE = r"""
import sys, time
from survey_app.ui import app
report = app.report_first_paint
def probe(qapp, widget, started_at):
    print("DB_AT_PAINT", widget.window().db is not None, flush=True)
    report(qapp, widget, started_at)
app.report_first_paint = probe
raise SystemExit(app.main(sys.argv[1:], started_at=time.perf_counter()))
"""

# Importing what the login dialog of a start needs must not import SQLAlchemy (nor the ORM).
IMPORTS = r"""
import sys
import survey_app.ui.app, survey_app.ui.app_first_window, survey_app.ui.login_dialog, survey_app.ui.first_attach
import survey_app.ui.project_login, survey_app.core.services.first_screen
print(sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy" or m.startswith("survey_app.core.storage.models")))
"""


def _start(db: Path, tmp_path: Path, login: str = "worker:worker123") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_LOGIN=login,
               SURVEY_APP_DATA=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-c", PROBE, "--db", str(db), "--lang", "zh_CN"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def _worker(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT last_login_at IS NOT NULL, failed_logins FROM users WHERE username = 'worker'"
                            ).fetchone()


def test_the_login_dialogs_modules_import_without_sqlalchemy() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", IMPORTS], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_the_dialog_shows_then_the_window_paints_light_and_the_login_is_recorded(_demo_template: Path,
                                                                                tmp_path: Path) -> None:
    db = tmp_path / "project.sqlite3"
    shutil.copyfile(_demo_template, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE users SET last_login_at = NULL")
    result = _start(db, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    order = [line.split()[0] for line in result.stdout.splitlines()]
    assert order == ["LOGIN_SHOWN", "LOGIN_ACCEPT", "DB_AT_PAINT", "FIRST_PAINT", "READY"]
    assert "DB_AT_PAINT False" in result.stdout  # painted from the light read, attached after (READY)
    assert _worker(db) == (1, 0)  # users.login ran (audited) after the paint
    assert not (tmp_path / "project.sqlite3-open").exists()  # closed cleanly


def test_a_wrong_password_is_refused_by_the_audited_login_and_recorded(_demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "project.sqlite3"
    shutil.copyfile(_demo_template, db)
    result = _start(db, tmp_path, "worker:not-the-password")
    assert result.returncode == 0, result.stderr[-2000:]  # the hook quits the refused dialog
    assert "FIRST_PAINT" not in result.stdout
    assert "bench login refused: 用户名或密码错误（还可尝试4次）" in result.stderr
    assert _worker(db)[1] == 1  # the attempt recorded by users.login
    assert not (tmp_path / "project.sqlite3-open").exists()  # the warm-up's database closed on quitting
