"""What the login dialog of a start imports: not SQLAlchemy, nor the ORM (the dialog paints before them). The
real start itself, accepted and refused, is read in test_start_order.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

IMPORTS = r"""
import sys
import survey_app.ui.app, survey_app.ui.app_first_window, survey_app.ui.login_dialog, survey_app.ui.first_attach
import survey_app.ui.project_login, survey_app.core.services.first_screen
print(sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy" or m.startswith("survey_app.core.storage.models")))
"""


def test_the_login_dialogs_modules_import_without_sqlalchemy() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", IMPORTS], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
