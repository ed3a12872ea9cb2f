"""Where things live on disk. ``SURVEY_APP_DATA`` overrides the per-user data folder (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
REPO_ROOT = PACKAGE_ROOT.parent
RESOURCES = REPO_ROOT / "resources"
DEMO_DB_NAME = "demo-project.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/survey_app, %LOCALAPPDATA%\\survey_app)."""
    override = os.environ.get("SURVEY_APP_DATA")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("survey_app", appauthor=False))


def default_db_path() -> Path:
    """The demo project's database, used when no ``--db`` is given."""
    return data_dir() / DEMO_DB_NAME


def font_path() -> Path:
    return RESOURCES / "fonts" / "wqy-microhei.ttc"
