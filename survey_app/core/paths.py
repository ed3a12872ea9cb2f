"""Where things live on disk. ``SURVEY_APP_DATA`` overrides the per-user data folder (tests, portable installs).

Shipped resources (fonts, policies, templates, translations) are the package ``survey_app.resources``: the
repository keeps them in resources/ at its top, and pyproject.toml maps that folder into the package when a wheel
is built (the PyInstaller spec does the same). Every lookup goes through :func:`resource_path`, which asks
``importlib.resources`` and, in a source checkout (``python main.py``, editable installs), where
``survey_app/resources`` holds only the package marker, uses resources/ directly.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
REPO_ROOT = PACKAGE_ROOT.parent
RESOURCE_PACKAGE = "survey_app.resources"
DEMO_DB_NAME = "demo-project.sqlite3"

_extracted = contextlib.ExitStack()  # files as_file() had to copy out (a zipped install) live until exit
atexit.register(_extracted.close)


@functools.cache
def resources_root() -> Traversable:
    """The shipped resources: the installed package's data, else the checkout's resources/ folder."""
    packaged = files(RESOURCE_PACKAGE)
    if packaged.joinpath("fonts").is_dir():
        return packaged
    return REPO_ROOT / "resources"


@functools.cache
def resource_path(*parts: str) -> Path:
    """A shipped resource as a real file or folder, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``.

    Qt, reportlab and the template loader want file names, so the resource is a path on disk for the
    life of the process (``importlib.resources.as_file``; no copy for a normal install or frozen app).
    """
    return _extracted.enter_context(as_file(resources_root().joinpath(*parts)))


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
    return resource_path("fonts", "wqy-microhei.ttc")


VAULT_SUFFIX = ".vault"


def vault_file(db_path: str | Path) -> Path:
    """The key vault beside a project's database file (``<db>.vault``; core/security/vault.py reads and writes
    it, and storage copies it with the database before an upgrade)."""
    path = Path(db_path)
    return path.with_name(path.name + VAULT_SUFFIX)
