"""Backups that restore: a copy of a project (database, key vault, photos) in one folder, checked by sha256.

* ``backup(db, target_dir)`` — 文件 → 备份到… and ``survey-app backup --out DIR``: the database through SQLite's
  online backup API (storage/backup_copy.py; an encrypted project stays encrypted under its own key), the
  vault, every file an attachment names (tombstoned ones too: photos are evidence), and a manifest with the
  sha256 of each (layout: services/backup_files.py). Written as ``.<name>.part`` and renamed when complete,
  so a folder with the final name is always whole.
* ``verify_backup(path)`` — the files against the manifest (``survey-app backup verify``).
* ``restore(...)`` — services/backup_restore.py: into a fresh location, checked (integrity, audit chain)
  before it counts as restored.
* ``daily(db)`` — on opening a project (ui/backup_dialog.py starts it on the TaskRunner): at most one backup
  per China day into ``<data folder>/backups/<project code>/``, keeping the newest ``DAILY_KEEP`` (a laptop
  left off for a month keeps its last 14 working days, not nothing). Photos in a daily backup are hard links
  to the project's media files where the file system allows (they are never changed in place), so 14 days
  do not cost 14 copies of every photo; a USB backup always copies.

The backup of a PostgreSQL (HQ server) database is the server's own job: refused here. Logs carry counts and
sizes only, never a name. Thread-safety: one call per Database at a time (the TaskRunner's single worker).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.paths import data_dir
from survey_app.core.platform import fsync_dir, private_dir
from survey_app.core.services import backup_files as bf
from survey_app.core.services.backup_files import BackupCancelled, BackupInfo
from survey_app.core.storage.backup_copy import connect, copy_database
from survey_app.core.storage.database import Database

__all__ = ["DAILY_KEEP", "BackupCancelled", "BackupInfo", "backup", "daily", "daily_folder", "prune",
           "restore", "verify_backup"]

log = logging.getLogger(__name__)
DAILY_KEEP = 14
COUNTED = ("households", "members", "appraisals", "attachments", "agreements", "payments", "users", "audit_events")

Progress = Callable[[int, int, str], None] | None
Cancel = Callable[[], bool] | None


def _identity(db: Database) -> tuple[str, str, str]:
    """(project code, project name, this device's code); "" for what the database does not have."""
    from survey_app.core.services.devices import local_device_code
    from survey_app.core.storage.models import Project

    with db.read() as s:
        row = s.execute(select(Project.code, Project.name).where(Project.deleted_at.is_(None))
                        .order_by(Project.created_at).limit(1)).first()
    code, name = (row[0] or "", row[1] or "") if row else ("", "")
    return code, name, local_device_code(db)


def _counts_and_media(conn) -> tuple[dict[str, int], list[tuple[str, str]]]:  # noqa: ANN001
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in COUNTED if t in tables}
    media: set[tuple[str, str]] = set()
    if "attachments" in tables:
        for sha, original in conn.execute("SELECT sha256, original_name FROM attachments"):
            if isinstance(sha, str) and len(sha) == 64:
                media.add((sha.lower(), (Path(original or "").suffix or ".bin").lower()))
    return counts, sorted(media)


def _schema(conn) -> str:  # noqa: ANN001
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception:
        return ""
    return row[0] if row else ""


def backup(db: Database, target_dir: str | Path, *, progress: Progress = None, cancel: Cancel = None,
           link_media: bool = False, now: dt.datetime | None = None, previous: Path | None = None) -> Path:
    """Back the project up into a new folder in ``target_dir`` (made if missing); returns the folder.
    ``link_media``: hard-link the media files where possible; a file that is the very same file (inode) in
    the backup ``previous`` keeps the sha256 recorded there instead of being read again.
    Raises ``ValidationError`` (no file database, target unusable), ``BackupCancelled``, ``StorageError``."""
    from survey_app.core.security import vault
    from survey_app.core.services.attachments import media_file, media_root

    if db.path is None:
        raise ValidationError("服务器数据库（PostgreSQL）请用数据库自带的备份工具备份")
    target_dir = Path(target_dir)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ValidationError(f"无法使用备份位置：{e.strerror or e}") from None
    code, project_name, device = _identity(db)
    when = (now or china_time.now()).astimezone(china_time.CHINA)
    name = bf.folder_name(code, device, when)
    final, n = target_dir / name, 1
    while final.exists():
        n += 1
        final = target_dir / f"{name}-{n}"
    tmp = target_dir / f".{final.name}.part"
    bf.remove_tree(tmp)
    key = db.cipher_key if db.encrypted else None
    try:
        private_dir(tmp)
        if progress:
            progress(0, 1, "复制数据库")
        copy_database(db.path, tmp / bf.DB_FILE, key)
        files: dict[str, dict] = {bf.DB_FILE: _entry(bf.sha256_file(tmp / bf.DB_FILE))}
        if vault.exists(db.path):
            files[bf.VAULT_FILE] = _entry(bf.copy_hashing(vault.vault_path(db.path), tmp / bf.VAULT_FILE))
        conn = connect(tmp / bf.DB_FILE, key)
        try:
            counts, media = _counts_and_media(conn)
            schema = _schema(conn)
        finally:
            conn.close()
        root, missing = media_root(db), 0
        known = _known_files(previous) if link_media and previous is not None else {}
        for i, (sha, suffix) in enumerate(media):
            if cancel is not None and cancel():
                raise BackupCancelled()
            if progress:
                progress(i, len(media), "复制照片和附件")
            src = media_file(root, sha, suffix)
            if not src.is_file():
                missing += 1
                continue
            rel = f"{bf.MEDIA_DIR}/{sha[:2]}/{sha}{suffix}"
            files[rel] = _entry(_reused(previous, rel, known.get(rel), src, tmp / rel)
                                or bf.copy_hashing(src, tmp / rel, link=link_media))
        bf.write_manifest(tmp, {
            "format": bf.FORMAT, "version": bf.VERSION, "project": code, "project_name": project_name,
            "device": device, "created_at": when.isoformat(timespec="seconds"), "encrypted": key is not None,
            "schema": schema, "db_name": db.path.name, "counts": counts, "missing_media": missing, "files": files})
        if cancel is not None and cancel():
            raise BackupCancelled()
        os.replace(tmp, final)
        fsync_dir(target_dir)
    except BaseException:
        bf.remove_tree(tmp)
        raise
    if progress:
        progress(1, 1, "备份完成")
    return final


def _entry(hashed: tuple[str, int]) -> dict:
    return {"sha256": hashed[0], "size": hashed[1]}


def _known_files(previous: Path) -> dict:
    try:
        return bf.read_manifest(previous)["files"]
    except ValidationError:
        return {}


def _reused(previous: Path | None, rel: str, entry: object, src: Path, dest: Path) -> tuple[str, int] | None:
    """Link ``dest`` to ``src`` and take the previous backup's sha256 when that backup holds the very same
    file (a hard link to ``src``: its bytes were hashed then); None to copy and hash as usual."""
    if previous is None or not isinstance(entry, dict):
        return None
    try:
        if not os.path.samefile(previous / rel, src) or src.stat().st_size != entry.get("size"):
            return None
        private_dir(dest.parent)
        os.link(src, dest)
    except OSError:
        return None
    return str(entry.get("sha256")), int(entry["size"])


def verify_backup(path: str | Path, *, progress: Progress = None, cancel: Cancel = None) -> BackupInfo:
    """Check every file of the backup at ``path`` against its manifest; its details, or a Chinese
    ``ValidationError`` naming what is wrong."""
    return bf.check(Path(path), progress, cancel)


def restore(backup_path: str | Path, target: str | Path, **kwargs) -> object:  # noqa: ANN003
    """See ``backup_restore.restore`` (imported lazily: the restore checks pull in the audit services)."""
    from survey_app.core.services.backup_restore import restore as _restore

    return _restore(backup_path, target, **kwargs)


def daily_folder(db: Database, root: Path | None = None) -> Path:
    code, _, _ = _identity(db)
    return (root or data_dir() / "backups") / bf.safe_part(code, "project")


def backups_in(folder: Path) -> list[Path]:
    """The finished backups in ``folder``, oldest first (by the time in their names)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_dir() and bf.stamp_of(p.name) and (p / bf.MANIFEST).is_file()]
    return sorted(found, key=lambda p: (bf.stamp_of(p.name), p.name))


def prune(folder: Path, keep: int = DAILY_KEEP) -> int:
    """Remove all but the newest ``keep`` backups in ``folder`` and any unfinished ``.part`` folder left by
    a crash; nothing else is touched. Returns how many backups went."""
    for stale in folder.glob(".*.part"):
        if stale.is_dir():
            bf.remove_tree(stale)
    old = backups_in(folder)[:-keep] if keep > 0 else backups_in(folder)
    for path in old:
        bf.remove_tree(path)
    return len(old)


def daily(db: Database, *, root: Path | None = None, keep: int = DAILY_KEEP, now: dt.datetime | None = None,
          progress: Progress = None, cancel: Cancel = None) -> Path | None:
    """Today's automatic backup unless one was made today (China day); then prune. The new folder, or None
    (already done today, or not a file database)."""
    if db.path is None:
        return None
    when = (now or china_time.now()).astimezone(china_time.CHINA)
    folder = daily_folder(db, root)
    today = f"{when:%Y%m%d}-"
    if any(bf.stamp_of(p.name).startswith(today) for p in backups_in(folder)):
        return None
    earlier = backups_in(folder)
    path = backup(db, folder, progress=progress, cancel=cancel, link_media=True, now=when,
                  previous=earlier[-1] if earlier else None)
    removed = prune(folder, keep)
    info = bf.info_of(path, bf.read_manifest(path))
    log.info("daily backup written: %d files, %d media missing, %d old backups pruned",
             info.files, info.missing_media, removed)
    return path
