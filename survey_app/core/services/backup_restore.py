"""Restoring a backup (services/backup.py) as a project file of its own, checked before it counts.

``restore(backup, target)`` copies the backup's files into a staging folder beside ``target`` (hashing each
against the manifest on the way: one read of the USB stick), opens the staged project — through its key vault
with a user's (or the recovery/device) password when it is a real project — and requires ``PRAGMA
integrity_check`` and the audit chain (services/audit.verify_database, keyed) to pass. Only then are the
database, the vault and the media folder renamed to ``target``, ``<target>.vault`` and ``<target stem>-media``;
on any failure the staging folder goes and nothing at ``target`` changed.

An existing project at ``target`` is never overwritten silently: it is refused (open, newer than the backup or
not) unless ``replace=True``, and even then its files are renamed aside (``….before-restore-<time>``), not
deleted. A staged project at an older schema is migrated when it is opened for the checks, as the app would.
Thread-safety: one restore at a time per target.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.platform import fsync_dir, private_dir, replace
from survey_app.core.services import backup_files as bf
from survey_app.core.services.backup_files import BackupCancelled, BackupInfo


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    info: BackupInfo
    counts: dict[str, int]
    events: int
    moved_aside: list[Path] = field(default_factory=list)


def _parts(target: Path) -> list[Path]:
    """Every file or folder that belongs to a project at ``target``."""
    from survey_app.core.security import vault
    from survey_app.core.storage.database import session_marker

    side = [target.with_name(target.name + s) for s in ("-wal", "-shm")]
    return [target, vault.vault_path(target), target.parent / f"{target.stem}-media", *side, session_marker(target)]


def _refuse_taken(target: Path, info: BackupInfo) -> None:
    from survey_app.core.storage.database import session_marker

    if target.is_dir():
        raise ValidationError("请给出恢复后的项目文件名（不是文件夹）")
    if not any(p.exists() for p in _parts(target)):
        return
    if session_marker(target).exists():
        why = "该项目可能正在使用中"
    elif target.exists() and dt.datetime.fromtimestamp(target.stat().st_mtime, china_time.CHINA) > info.created_at:
        why = "该项目比备份新"
    else:
        why = "该位置已有项目"
    raise ValidationError(f"{why}（{target.name}），为免覆盖没有恢复：请恢复到一个新文件名，或确认覆盖")


def _stage(folder: Path, data: dict, stage: Path, target: Path, progress, cancel) -> None:  # noqa: ANN001
    """Copy the backup into ``stage`` under the target's names, checking every file against the manifest."""
    files = data["files"]
    listed = {bf._safe_relpath(rel) for rel in files}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {bf.MANIFEST}
    if present - listed:
        raise ValidationError(f"{bf.BROKEN}：有清单外的文件（{len(present - listed)} 个）")
    media_dir = stage / f"{target.stem}-media"
    for i, rel in enumerate(sorted(listed)):
        if cancel is not None and cancel():
            raise BackupCancelled()
        if progress is not None:
            progress(i, len(listed), "恢复文件")
        if rel not in present:
            raise ValidationError(f"{bf.BROKEN}：缺少文件 {rel}")
        if rel == bf.DB_FILE:
            dest = stage / target.name
        elif rel == bf.VAULT_FILE:
            dest = stage / (target.name + ".vault")
        else:
            dest = media_dir.joinpath(*PurePosixPath(rel).parts[1:])
        digest, size = bf.copy_hashing(folder / PurePosixPath(rel), dest)
        entry = files[rel]
        if not isinstance(entry, dict) or entry.get("sha256") != digest or entry.get("size") != size:
            raise ValidationError(f"{bf.BROKEN}：文件 {rel} 与清单不符，未恢复")


def _open_staged(path: Path, username: str | None, password: str | None):  # noqa: ANN202
    from survey_app.core.security import vault
    from survey_app.core.storage.database import Database

    if not vault.exists(path):
        return Database(path)
    if not password:
        raise ValidationError("这是加密项目的备份：请输入该项目一位用户的用户名和密码（或恢复密码）")
    store = vault.Vault.load(vault.vault_path(path))
    unlocked = store.unlock(vault.user_slot(username) if username else vault.DEVICE_SLOT, password)
    from survey_app.core.storage import cipher

    keyed = cipher.file_kind(path) == "encrypted"
    db = Database(path, cipher_key=unlocked.cipher_key if keyed else None, audit_key=unlocked.audit_key)
    vault.attach(db, unlocked)
    return db


def _check(path: Path, username: str | None, password: str | None) -> tuple[dict[str, int], int]:
    """Open the staged project; (row counts, audit events) when it is sound, else a ValidationError."""
    from survey_app.core.services import audit
    from survey_app.core.services.backup import COUNTED

    db = _open_staged(path, username, password)
    try:
        damage = db.integrity_problems(full=True, limit=3)
        if damage:
            raise ValidationError(f"备份中的数据库未通过完整性检查（{' '.join(damage[0].split())[:120]}），未恢复")
        report = audit.verify_database(db)
        if not report.ok:
            raise ValidationError(f"备份中的数据库未通过审计链校验（{report.problems[0].message[:160]}），未恢复")
        with db.engine.connect() as conn:
            counts = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in COUNTED}
        return counts, report.events
    finally:
        db.dispose()


def _move_aside(target: Path) -> list[Path]:
    stamp = china_time.now().strftime(bf.STAMP)
    moved = []
    for part in _parts(target):
        if part.exists():
            aside = part.with_name(f"{part.name}.before-restore-{stamp}")
            try:
                replace(part, aside)  # retried briefly on Windows while a scanner holds the file
            except OSError:
                for done in reversed(moved):  # put back what was moved: the project stays whole
                    replace(done, done.with_name(done.name.rsplit(".before-restore-", 1)[0]))
                raise ValidationError(f"{part.name} 正在使用中（在本软件或其他程序中打开），未恢复；"
                                      "请先关闭该项目再恢复") from None
            moved.append(aside)
    return moved


def restore(backup_path: str | Path, target: str | Path, *, username: str | None = None,
            password: str | None = None, replace: bool = False, progress=None, cancel=None) -> RestoreResult:  # noqa: ANN001
    """Restore the backup folder ``backup_path`` as the project file ``target`` (see the module docstring).
    A real project's backup needs ``password`` of ``username``'s key slot (``username`` None: the recovery /
    device password). Raises a Chinese ``ValidationError``/``AuthenticationError``/``StorageError``."""
    folder, target = Path(backup_path), Path(target).expanduser().absolute()
    data = bf.read_manifest(folder)
    info = bf.info_of(folder, data)
    if not replace:
        _refuse_taken(target, info)
    elif target.is_dir():
        raise ValidationError("请给出恢复后的项目文件名（不是文件夹）")
    if not target.parent.exists():  # a folder the app makes is owner-only, as for a new project
        private_dir(target.parent)
    stage = target.parent / f".{target.name}.restoring"
    bf.remove_tree(stage)
    try:
        private_dir(stage)
        _stage(folder, data, stage, target, progress, cancel)
        if progress is not None:
            progress(0, 1, "检查数据库和审计链")
        counts, events = _check(stage / target.name, username, password)
        if cancel is not None and cancel():
            raise BackupCancelled()
        moved = _move_aside(target) if replace else []
        for name in (f"{target.stem}-media", target.name + ".vault", target.name):  # the database last
            if (stage / name).exists():
                os.replace(stage / name, target.parent / name)
        fsync_dir(target.parent)
    finally:
        bf.remove_tree(stage)
    if progress is not None:
        progress(1, 1, "恢复完成")
    return RestoreResult(target, bf.info_of(folder, data, sum(e.get("size", 0) for e in data["files"].values())),
                         counts, events, moved)
