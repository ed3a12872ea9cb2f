"""An upgrade keeps the old version: a copy before migrating, put back when the migration fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from backup_helpers import ADMIN_PASSWORD

from survey_app.core.storage import cipher, errors, migrations
from survey_app.core.storage.backup_copy import MigrationRolledBack, pre_migration_path
from survey_app.core.storage.database import Database

OLD = "0008_project_setup"


def _downgrade(db: Database) -> Path:
    from alembic import command

    command.downgrade(migrations.alembic_config(db.engine), OLD)
    path = db.path
    db.dispose()
    return path


def _state(path: Path, key: bytes | None = None) -> tuple[str | None, int, int]:
    db = Database(path, migrate=False, cipher_key=key)
    try:
        with db.engine.connect() as conn:
            households = conn.exec_driver_sql("SELECT count(*) FROM households").scalar()
            events = conn.exec_driver_sql("SELECT count(*) FROM audit_events").scalar()
        return migrations.current_revision(db.engine), households, events
    finally:
        db.dispose()


def _failing_upgrade(engine) -> bool:
    """A migration that did damage before it failed: the data must come back."""
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_events")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'half-done'")
    raise RuntimeError("step 0009 failed")


def test_a_failed_upgrade_puts_the_old_version_back_and_says_so_in_chinese(demo_db: Database,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = _downgrade(demo_db)
    before = _state(path)
    assert before[0] == OLD and before[1] == 60 and before[2] > 0
    monkeypatch.setattr(migrations, "upgrade_to_head", _failing_upgrade)
    with pytest.raises(MigrationRolledBack) as caught:
        Database(path)
    message = str(caught.value)
    assert isinstance(caught.value, errors.StorageError) and re.search(r"[\u4e00-\u9fff]", message)
    assert "旧版本" in message and pre_migration_path(path, OLD).name in message and "Traceback" not in message
    assert _state(path) == before  # the file is its old self again
    assert _state(pre_migration_path(path, OLD)) == before
    monkeypatch.undo()
    db = Database(path)  # the next start (a fixed build) upgrades it
    try:
        assert migrations.current_revision(db.engine) == migrations.HEAD
    finally:
        db.dispose()


def test_a_successful_upgrade_keeps_the_copy_of_the_old_version(demo_db: Database) -> None:
    path = _downgrade(demo_db)
    before = _state(path)
    db = Database(path)
    try:
        assert migrations.current_revision(db.engine) == migrations.HEAD
    finally:
        db.dispose()
    assert _state(pre_migration_path(path, OLD)) == before  # the way back to the old build


def test_a_new_or_current_database_makes_no_copy(db_path: Path) -> None:
    Database(db_path).dispose()
    Database(db_path).dispose()
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_an_encrypted_project_is_copied_encrypted_with_its_vault(real_project: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.security import vault

    unlocked = vault.Vault.load(vault.vault_path(real_project)).unlock("user:admin", ADMIN_PASSWORD)
    key = unlocked.cipher_key
    path = _downgrade(Database(real_project, cipher_key=key, audit_key=unlocked.audit_key))
    before = _state(path, key)
    monkeypatch.setattr(migrations, "upgrade_to_head", _failing_upgrade)
    with pytest.raises(MigrationRolledBack):
        Database(path, cipher_key=key, audit_key=unlocked.audit_key)
    bak = pre_migration_path(path, OLD)
    assert cipher.file_kind(bak) == "encrypted" and vault.vault_path(bak).read_bytes() == \
        vault.vault_path(path).read_bytes()
    assert _state(path, key) == before == _state(bak, key)
