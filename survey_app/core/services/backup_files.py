"""A backup folder's layout, its manifest and the checks on it (services/backup.py writes and reads them).

A backup is one folder ``<project code>_<device>_<YYYYMMDD-HHMMSS>`` (China time) holding::

    project.sqlite3          the database (SQLite backup API; encrypted under the project's key if it was)
    project.sqlite3.vault    the key vault (real projects)
    media/ab/abcdef….jpg     the files the attachments name (sealed as they were in the project)
    manifest.json            format, project, device, time, schema, row counts, sha256 + size of every file

A folder, not an archive: a FAT32 USB stick takes no file over 4 GiB, and photos add up. ``check`` refuses a
folder whose files do not match the manifest (a changed, missing or added file) or whose manifest names a
path outside the folder. The manifest is not signed: it catches a damaged copy and careless edits; what
proves the data is the audit chain, which ``restore`` verifies (keyed by the vault in a real project).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from survey_app.core.domain.errors import ValidationError
from survey_app.core.platform import private_dir, private_file

FORMAT = "survey_app.backup"
VERSION = 1
MANIFEST = "manifest.json"
DB_FILE = "project.sqlite3"
VAULT_FILE = DB_FILE + ".vault"
MEDIA_DIR = "media"
STAMP = "%Y%m%d-%H%M%S"
NAME_RE = re.compile(r"^(?P<code>.+)_(?P<device>[^_]+)_(?P<stamp>\d{8}-\d{6})(?:-\d+)?$")
_MEDIA_RE = re.compile(r"^media/[0-9a-f]{2}/[0-9a-f]{64}(\.[A-Za-z0-9]{1,10})?$")
_CHUNK = 1 << 20
BROKEN = "备份已损坏或被改动"


class BackupCancelled(ValidationError):
    def __init__(self) -> None:
        super().__init__("已取消备份，未留下不完整的备份")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's manifest says (after ``check``: every file matched it)."""

    path: Path
    project: str
    project_name: str
    device: str
    created_at: dt.datetime  # China time
    encrypted: bool
    schema: str
    db_name: str  # the project file's name when it was backed up
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    size: int = 0
    missing_media: int = 0


def safe_part(text: str, fallback: str) -> str:
    """A piece of a folder name that every file system takes (Windows' reserved characters → _)."""
    cleaned = re.sub(r"[^\w\-]", "_", text or "", flags=re.UNICODE).strip("._")
    return cleaned[:40] or fallback


def folder_name(code: str, device: str, when: dt.datetime) -> str:
    return f"{safe_part(code, 'project')}_{safe_part(device, 'local').replace('_', '-')}_{when:{STAMP}}"


def stamp_of(name: str) -> str | None:
    m = NAME_RE.match(name)
    return m.group("stamp") if m else None


def copy_hashing(src: Path, dest: Path, *, link: bool = False) -> tuple[str, int]:
    """Copy (or hard-link, when ``link`` and the file system allows) ``src`` to ``dest``; (sha256, size)
    of what ``dest`` holds. A link shares the file: fine for media, which are never changed in place."""
    private_dir(dest.parent)
    if link:
        try:
            os.link(src, dest)
            return sha256_file(dest)
        except OSError:  # another volume, FAT32, no permission: a real copy
            pass
    h, size = hashlib.sha256(), 0
    with open(src, "rb") as inp, open(dest, "wb") as out:
        while block := inp.read(_CHUNK):
            h.update(block)
            out.write(block)
            size += len(block)
        out.flush()
        os.fsync(out.fileno())
    private_file(dest)
    return h.hexdigest(), size


def sha256_file(path: Path) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while block := f.read(_CHUNK):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def write_manifest(folder: Path, data: dict) -> None:
    path = folder / MANIFEST
    with open(path, "wb") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())
    private_file(path)


def _safe_relpath(rel: object) -> str:
    if not isinstance(rel, str) or not (rel in (DB_FILE, VAULT_FILE) or _MEDIA_RE.match(rel)):
        raise ValidationError(f"{BROKEN}：清单中有不允许的文件名")
    return rel


def read_manifest(folder: Path) -> dict:
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("所选位置不是本软件的备份（应是一个含 manifest.json 的备份文件夹）")
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError("所选文件夹不是本软件的备份（没有 manifest.json）") from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise ValidationError(f"{BROKEN}：清单文件无法读取") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
        raise ValidationError("所选文件夹不是本软件的备份（清单格式不对）")
    if data.get("version") != VERSION:
        raise ValidationError(f"备份的格式版本不支持（版本 {data.get('version')}），请升级软件")
    if DB_FILE not in data["files"]:
        raise ValidationError(f"{BROKEN}：清单中没有数据库文件")
    return data


def check(folder: Path, progress=None, cancel=None) -> BackupInfo:  # noqa: ANN001
    """Every file named by the manifest is there with its size and sha256, and no other file: else a
    Chinese ``ValidationError``. Returns what the manifest says."""
    folder = Path(folder)
    data = read_manifest(folder)
    files = data["files"]
    listed = {_safe_relpath(rel) for rel in files}
    present = {PurePosixPath(p.relative_to(folder).as_posix()).as_posix()
               for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    extra = present - listed
    if extra:
        raise ValidationError(f"{BROKEN}：有清单外的文件（{len(extra)} 个）")
    total_size = 0
    for i, rel in enumerate(sorted(listed)):
        if cancel is not None and cancel():
            raise BackupCancelled()
        if progress is not None:
            progress(i, len(listed), "校验备份")
        entry = files[rel]
        if rel not in present:
            raise ValidationError(f"{BROKEN}：缺少文件 {rel}")
        digest, size = sha256_file(folder / PurePosixPath(rel))
        if not isinstance(entry, dict) or entry.get("sha256") != digest or entry.get("size") != size:
            raise ValidationError(f"{BROKEN}：文件 {rel} 与清单不符")
        total_size += size
    return info_of(folder, data, total_size)


def info_of(folder: Path, data: dict, size: int = 0) -> BackupInfo:
    try:
        created = dt.datetime.fromisoformat(str(data.get("created_at")))
    except ValueError:
        raise ValidationError(f"{BROKEN}：清单中的时间无法识别") from None
    counts = data.get("counts") if isinstance(data.get("counts"), dict) else {}
    return BackupInfo(Path(folder), str(data.get("project", "")), str(data.get("project_name", "")),
                      str(data.get("device", "")), created, bool(data.get("encrypted")), str(data.get("schema", "")),
                      str(data.get("db_name", "")), {str(k): int(v) for k, v in counts.items()},
                      len(data["files"]), size, int(data.get("missing_media", 0)))


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
