"""Backups that restore: round trips on the demo and on a real (encrypted) project, tampering, daily pruning."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from backup_helpers import ADMIN_PASSWORD, RECOVERY_PASSWORD, add_photo

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import AuthenticationError, ValidationError
from survey_app.core.services import audit, backup
from survey_app.core.services import backup_files as bf
from survey_app.core.storage import cipher
from survey_app.core.storage.database import Database

WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=china_time.CHINA)


def _counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in backup.COUNTED}


def _add_user(db: Database, admin, name: str) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import users

    users.create_user(db, admin, name, "Field-pass-2024", Role.FIELD_WORKER, "李工")


def test_demo_round_trip_restores_what_was_backed_up(demo_db: Database, admin, tmp_path: Path) -> None:
    photo = add_photo(demo_db, tmp_path, "wall.png", (10, 120, 10))
    before = _counts(demo_db)
    path = backup.backup(demo_db, tmp_path / "usb", now=WHEN)
    assert path.parent == tmp_path / "usb" and bf.NAME_RE.match(path.name)
    assert path.name.startswith("FR2023_") and path.name.endswith("_20240506-070809")
    info = backup.verify_backup(path)
    assert (info.project, info.encrypted, info.counts, info.missing_media) == ("FR2023", False, before, 0)
    assert info.files == 2 and (path / "media" / photo.sha256[:2]).is_dir()
    assert not list((tmp_path / "usb").glob(".*"))  # no temporary folder left behind

    _add_user(demo_db, admin, "li")  # the project moves on after the backup
    assert _counts(demo_db)["users"] == before["users"] + 1

    target = tmp_path / "fresh" / "restored.sqlite3"
    result = backup.restore(path, target)
    assert result.path == target and result.counts == before and result.moved_aside == []
    restored = Database(target)
    try:
        assert _counts(restored) == before
        report = audit.verify_database(restored)
        assert report.ok and report.events == before["audit_events"] == result.events
        from survey_app.core.services.attachments import read_media

        assert read_media(restored, photo.sha256, ".png") == (tmp_path / "wall.png").read_bytes()
    finally:
        restored.dispose()
    assert sorted(p.name for p in target.parent.iterdir()) == ["restored-media", "restored.sqlite3"]


def test_encrypted_round_trip_stays_encrypted_and_opens_with_the_same_password(real_project: Path,
                                                                              tmp_path: Path) -> None:
    from survey_app.core.services.attachments import list_photos, read_media
    from survey_app.core.services.project_files import open_project_database

    db, admin = open_project_database(real_project, "admin", ADMIN_PASSWORD)
    try:
        before = _counts(db)
        path = backup.backup(db, tmp_path / "usb")
        _add_user(db, admin, "li")
    finally:
        db.dispose()
    assert cipher.file_kind(path / bf.DB_FILE) == "encrypted" and (path / bf.VAULT_FILE).is_file()
    raw = b"".join(p.read_bytes() for p in path.rglob("*") if p.is_file() and p.name != bf.MANIFEST)
    assert "芙蓉路".encode() not in raw and "张伟".encode() not in raw and b"IHDR" not in raw  # photo sealed too
    with pytest.raises(Exception):  # noqa: B017 - no key: whatever SQLCipher raises, nothing reads the copy
        Database(path / bf.DB_FILE, migrate=False)

    target = tmp_path / "fresh" / "fr2024.sqlite3"
    with pytest.raises(AuthenticationError):
        backup.restore(path, target, username="admin", password="Not-the-password")
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
    result = backup.restore(path, target, username="admin", password=ADMIN_PASSWORD)
    assert result.counts == before and result.info.encrypted

    restored, _ = open_project_database(target, "admin", ADMIN_PASSWORD)
    try:
        counts = _counts(restored)
        assert {k: v for k, v in counts.items() if k != "audit_events"} == \
            {k: v for k, v in before.items() if k != "audit_events"}
        assert counts["audit_events"] == before["audit_events"] + 1  # the login just now
        assert audit.verify_database(restored).ok
        from sqlalchemy import select

        from survey_app.core.storage.models import Household

        with restored.read() as s:
            hid = s.scalar(select(Household.id))
        (photo,) = list_photos(restored, hid)
        assert read_media(restored, photo.sha256, ".png") == (tmp_path / "front.png").read_bytes()
    finally:
        restored.dispose()


def test_a_real_project_backup_restores_with_the_recovery_password(real_project: Path, tmp_path: Path) -> None:
    from survey_app.core.services.project_files import open_project_database

    db, _ = open_project_database(real_project, "admin", ADMIN_PASSWORD)
    try:
        path = backup.backup(db, tmp_path / "usb")
    finally:
        db.dispose()
    with pytest.raises(ValidationError, match="密码"):
        backup.restore(path, tmp_path / "r" / "p.sqlite3")
    result = backup.restore(path, tmp_path / "r" / "p.sqlite3", password=RECOVERY_PASSWORD)
    assert result.counts["households"] == 1


@pytest.fixture
def demo_backup(demo_db: Database, tmp_path: Path) -> Path:
    add_photo(demo_db, tmp_path, "wall.png", (10, 120, 10))
    return backup.backup(demo_db, tmp_path / "usb")


@pytest.mark.parametrize("damage", ["flip_db", "flip_media", "drop_media", "extra_file", "escape_path"])
def test_a_tampered_backup_is_refused_and_nothing_is_restored(demo_backup: Path, tmp_path: Path, damage: str) -> None:
    media = next((demo_backup / "media").rglob("*.png"))
    if damage == "flip_db":
        data = bytearray((demo_backup / bf.DB_FILE).read_bytes())
        data[len(data) // 2] ^= 0x01
        (demo_backup / bf.DB_FILE).write_bytes(bytes(data))
    elif damage == "flip_media":
        media.write_bytes(media.read_bytes()[:-1] + b"\x00")
    elif damage == "drop_media":
        media.unlink()
    elif damage == "extra_file":
        (demo_backup / "media" / "evil.sqlite3").write_bytes(b"x")
    else:
        manifest = json.loads((demo_backup / bf.MANIFEST).read_text(encoding="utf-8"))
        manifest["files"]["../outside.txt"] = {"sha256": "0" * 64, "size": 1}
        (demo_backup / bf.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ValidationError, match="备份已损坏或被改动"):
        backup.verify_backup(demo_backup)
    target = tmp_path / "fresh" / "p.sqlite3"
    with pytest.raises(ValidationError, match="备份已损坏或被改动"):
        backup.restore(demo_backup, target)
    assert not target.exists() and [p.name for p in target.parent.iterdir()] == []
    assert not (tmp_path / "outside.txt").exists()


def test_a_folder_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="不是本软件的备份"):
        backup.verify_backup(tmp_path)


def test_restore_never_overwrites_a_project_without_being_told(demo_backup: Path, demo_db: Database,
                                                               admin, tmp_path: Path) -> None:
    live = demo_db.path
    _add_user(demo_db, admin, "li")  # the live project is newer than its backup, and open
    users_now = _counts(demo_db)["users"]
    with pytest.raises(ValidationError, match="正在使用中"):
        backup.restore(demo_backup, live)
    demo_db.dispose()
    with pytest.raises(ValidationError, match="比备份新"):
        backup.restore(demo_backup, live)
    result = backup.restore(demo_backup, live, replace=True)
    assert [p.name.split(".before-restore-")[0] for p in result.moved_aside] == ["project.sqlite3",
                                                                                 "project-media"]
    kept = Database(result.moved_aside[0])
    restored = Database(live)
    try:
        assert _counts(kept)["users"] == users_now == _counts(restored)["users"] + 1
    finally:
        kept.dispose()
        restored.dispose()


def test_daily_backup_once_a_china_day_keeps_the_newest_14(demo_db: Database, tmp_path: Path) -> None:
    from survey_app.core.paths import data_dir

    photo = add_photo(demo_db, tmp_path, "wall.png", (10, 120, 10))
    folder = data_dir() / "backups" / "FR2023"
    first = backup.daily(demo_db, now=WHEN)
    assert first is not None and first.parent == folder
    assert backup.daily(demo_db, now=WHEN + dt.timedelta(hours=15)) is None  # 22:08 the same China day
    second = backup.daily(demo_db, now=WHEN + dt.timedelta(hours=17))  # 00:08 the next day
    assert second is not None
    # the media file is shared with the project where the file system allows (it is never changed in place)
    rel = Path("media", photo.sha256[:2], f"{photo.sha256}.png")
    assert (first / rel).read_bytes() == (second / rel).read_bytes() == photo.path.read_bytes()
    assert os.path.samefile(first / rel, second / rel) and os.path.samefile(second / rel, photo.path)
    assert backup.verify_backup(second).files == 2
    folder.joinpath("notes").mkdir()  # not ours: never pruned
    (folder / ".FR2023_X_20240101-000000.part").mkdir()  # a crash's leftover: cleaned
    for day in range(2, 20):
        assert backup.daily(demo_db, now=WHEN + dt.timedelta(days=day)) is not None
    kept = backup.backups_in(folder)
    assert len(kept) == backup.DAILY_KEEP == 14
    assert [bf.stamp_of(p.name)[:8] for p in kept] == [f"{WHEN + dt.timedelta(days=d):%Y%m%d}" for d in range(6, 20)]
    assert sorted(p.name for p in folder.iterdir() if not bf.stamp_of(p.name)) == ["notes"]
    assert backup.verify_backup(kept[0]).counts["attachments"] >= 1


def test_a_server_database_is_not_backed_up_here(tmp_path: Path) -> None:
    class Server:
        path = None

    with pytest.raises(ValidationError, match="PostgreSQL"):
        backup.backup(Server(), tmp_path)  # type: ignore[arg-type]
    assert backup.daily(Server()) is None  # type: ignore[arg-type]


def test_replace_refused_whole_when_a_file_cannot_be_moved_aside(demo_backup: Path, demo_db: Database,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a project open elsewhere can't be renamed: the restore says so in Chinese and whatever was
    already moved aside goes back, so the project is never left half moved (simulated: the second rename fails)."""
    from survey_app.core.services import backup_restore

    live = demo_db.path
    demo_db.dispose()
    before = sorted(p.name for p in live.parent.iterdir())
    real, calls = backup_restore.replace, []

    def busy_second(src, dst):
        calls.append(Path(src).name)
        if len(calls) == 2:
            raise PermissionError(32, "The process cannot access the file because it is being used")
        return real(src, dst)

    monkeypatch.setattr(backup_restore, "replace", busy_second)
    with pytest.raises(ValidationError, match="正在使用中.*请先关闭"):
        backup.restore(demo_backup, live, replace=True)
    assert len(calls) == 3  # moved one, refused the next, put the first back
    assert sorted(p.name for p in live.parent.iterdir()) == before
