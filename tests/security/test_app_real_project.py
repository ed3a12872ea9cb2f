"""The real start-up path on a real project, in a subprocess: the login opens the vault, then the window paints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from vault_setup import ADMIN, ADMIN_PW

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_real_project_starts_through_its_vault(project: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_LOGIN=f"{ADMIN}:{ADMIN_PW}",
               SURVEY_APP_DATA=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "main.py", "--db", str(project), "--lang", "en"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["LOGIN_SHOWN", "LOGIN_ACCEPT", "FIRST_PAINT"]
    assert "ui_language=en" in (tmp_path / "config" / "survey_app" / "survey_app.conf").read_text()
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.sqlite3"))  # no demo made
