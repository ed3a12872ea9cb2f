"""A consistent copy of a project's database file, and the copy an upgrade keeps (DESIGN §2 rule 7).

``copy_database`` uses SQLite's online backup API (``Connection.backup``) on a connection of its own: the
copy is one snapshot even while the app writes (WAL), and an encrypted file is copied page by page under the
same key, so the copy stays encrypted (SQLCipher refuses a backup between differently keyed files). The copy
is written to a temporary file beside its final name and renamed with ``os.replace``.

``migrate_with_backup`` is what ``Database._migrate`` runs when a file's schema is older than HEAD: copy it to
``<db>.pre-<revision>.bak`` (and the key vault to ``<db>.pre-<revision>.bak.vault``, so the copy opens like any
project), migrate, and when the migration fails put the copy's pages back into the file (through the backup
API again, so a stale -wal cannot undo it) and raise ``MigrationRolledBack``. The copy is kept after a
successful upgrade: it is the way back to the old version (open it with the old build, or restore it).

Part of storage (issue 11 item 3: storage never imports the services); the backups service uses it too.
Thread-safety: stateless.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from survey_app.core.paths import vault_file
from survey_app.core.platform import fsync_dir, private_file
from survey_app.core.storage import cipher, errors


class MigrationRolledBack(errors.StorageError):
    """An upgrade of the database failed; the file holds its old version again."""

    def __init__(self, old: str, new: str, kept: Path, detail: str = "") -> None:
        tail = f"（技术信息：{' '.join(detail.split())[:160]}）" if detail else ""
        super().__init__(f"数据库升级（版本 {old} → {new}）失败，已恢复为升级前的旧版本，数据未受影响；"
                         f"升级前的副本保存在 {kept.name}。请联系技术支持{tail}")


class PreMigrationCopyFailed(errors.StorageError):
    def __init__(self, detail: str = "") -> None:
        tail = f"（技术信息：{' '.join(detail.split())[:160]}）" if detail else ""
        super().__init__("升级数据库前无法先做备份（磁盘已满或文件夹只读？），为安全起见没有升级，"
                         f"数据未被改动。请腾出空间或把项目放到可写的位置后重试{tail}")


def connect(path: Path, key: bytes | None) -> Any:
    """A DB-API connection to ``path``: plain sqlite3, or sqlcipher3 keyed with ``key``."""
    if key is None:
        conn = sqlite3.connect(str(path), isolation_level=None)
    else:
        conn = cipher.dbapi().connect(str(path), isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(cipher.key_pragma(key))
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def copy_database(src: Path, dest: Path, key: bytes | None) -> None:
    """Write a consistent copy of the database ``src`` to ``dest`` (replaced atomically), encrypted under
    ``key`` when given (the source's own key). Driver errors come out as Chinese ``StorageError``s."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.part")
    try:
        with errors.mapped():
            source = connect(src, key)
            try:
                target = connect(tmp, key)
                try:
                    source.backup(target)  # one step: the whole file from one read snapshot
                finally:
                    target.close()
            finally:
                source.close()
        for extra in ("-wal", "-shm", "-journal"):  # a closed copy has none; never leave them behind
            tmp.with_name(tmp.name + extra).unlink(missing_ok=True)
        private_file(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException:
        for extra in ("", "-wal", "-shm", "-journal"):
            tmp.with_name(tmp.name + extra).unlink(missing_ok=True)
        raise


def put_back(copy: Path, live: Path, key: bytes | None) -> None:
    """Overwrite the database ``live`` with the pages of ``copy`` (backup API into ``live``: its -wal is
    handled by SQLite, unlike a file rename under it)."""
    with errors.mapped():
        source = connect(copy, key)
        try:
            target = connect(live, key)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()


def pre_migration_path(db_path: Path, revision: str) -> Path:
    return db_path.with_name(f"{db_path.name}.pre-{revision}.bak")


def migrate_with_backup(db: Any, current: str, upgrade: Any, head: str) -> Path:
    """Copy ``db`` (a Database on a file, at schema ``current``), run ``upgrade()``, roll back on failure.
    Returns the copy's path. The engine's connections are closed before the copy is put back."""
    path: Path = db.path
    key = db.cipher_key if db.encrypted else None
    bak = pre_migration_path(path, current)
    try:
        copy_database(path, bak, key)
        if vault_file(path).is_file():  # a real project: its key vault goes with it (security/vault.py)
            shutil.copyfile(vault_file(path), vault_file(bak))
            private_file(vault_file(bak))
    except errors.StorageError as exc:
        raise PreMigrationCopyFailed(str(exc)) from exc
    except OSError as exc:
        raise PreMigrationCopyFailed(exc.strerror or type(exc).__name__) from exc
    try:
        upgrade()
    except Exception as exc:
        db.engine.dispose()
        try:
            put_back(bak, path, key)
        except Exception as again:  # the copy is still there: say where
            raise errors.StorageError(
                f"数据库升级失败，自动恢复旧版本也未成功；升级前的副本完好，保存在 {bak.name}，"
                "请勿再打开本项目，联系技术支持用该副本恢复。") from again
        raise MigrationRolledBack(current, head, bak, type(exc).__name__) from exc
    return bak
