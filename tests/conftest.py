"""Fixtures shared by every tier: a real SQLite file per test (after Vorta's tests/unit/conftest.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# The demo policy is a 2023 scheme: calculations and signings in tests happen on a fixed day inside its
# first signing-reward tier, so no test depends on the real date.
TEST_DAY = dt.date(2023, 7, 1)


@pytest.fixture(autouse=True)
def _project_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.domain import china_time

    monkeypatch.setattr(china_time, "today", lambda: TEST_DAY)


# Login hashes written by tests cost 2^10 instead of 2^14: ``verify_password`` reads the cost from each stored
# hash, so logging in checks exactly the same way, ~20× cheaper (hundreds of logins in the suite).
TEST_HASH_N = 2**10


def _cheap_kdf(mp: pytest.MonkeyPatch) -> None:
    """Test-only key-derivation costs. Vault slots and sealed key files: the lowest cost their readers accept
    (2^14, half the real one); login hashes: ``TEST_HASH_N``. Production never runs this (it is not in
    survey_app); a test about the real costs is marked ``real_kdf_cost``."""
    from survey_app.core.security import passwords, vault
    from survey_app.core.sync import keys

    assert passwords.hash_password.__kwdefaults__ == {"n": passwords.N}, "hash_password's cost parameter moved"
    mp.setattr(passwords.hash_password, "__kwdefaults__", {"n": TEST_HASH_N})
    mp.setattr(vault, "SCRYPT_N", 2**14)
    mp.setattr(keys, "SCRYPT_N", 2**14)


@pytest.fixture(autouse=True)
def _test_kdf_cost(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_kdf_cost") is None:
        _cheap_kdf(monkeypatch)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the real per-user data folder from a test.
    monkeypatch.setenv("SURVEY_APP_DATA", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.sqlite3"


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database at the head revision, migrated once per test process (~0.2 CPU-s each time saved)."""
    from survey_app.core.storage.database import Database

    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    Database(path).dispose()
    return path


@pytest.fixture
def db(_empty_template: Path, db_path: Path):  # noqa: ANN201
    """A new, empty database (a copy of ``_empty_template``: the same file a first open migrates to)."""
    import shutil

    from survey_app.core.storage.database import Database

    shutil.copyfile(_empty_template, db_path)
    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo project, made once per test process (migrations + generation cost ~1 s)."""
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database

    from survey_app.core.domain import china_time

    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    database = Database(path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(china_time, "today", lambda: TEST_DAY)
        _cheap_kdf(mp)
        create_demo(database, households=60, seed=3)
    database.dispose()  # checkpoints the WAL into the file: one self-contained file to copy
    return path


@pytest.fixture
def demo_db(_demo_template: Path, db_path: Path):  # noqa: ANN201
    """A database holding a small demo project (60 households, seed 3): a fresh copy of the template."""
    import shutil

    from survey_app.core.storage.database import Database

    shutil.copyfile(_demo_template, db_path)
    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def admin():  # noqa: ANN201
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    return Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
