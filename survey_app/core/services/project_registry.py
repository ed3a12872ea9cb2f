"""The projects this machine knows: one database file each, listed in ``projects.json`` in the per-user
data folder (core/paths.py), for the start window's list and 项目 → 切换项目….

Each entry: the file's path, the project's name and code, this machine's role in it (``hq`` made the
project here, ``field`` a laptop that joined, ``demo`` the demo), when it was last opened, and
``pending`` for a laptop whose enrolment is not finished yet (it cannot be opened: no project, no users).
The file is rewritten whole, atomically (temp file, fsync, rename), under a lock (``projects.json.lock``,
core/platform.py) so the window and a command line changing the list at once never lose an entry. A missing or unreadable file is an
empty list: the list is a convenience, the databases are the truth. Nothing secret is kept here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from survey_app.core.files import atomic_write_bytes
from survey_app.core.paths import data_dir
from survey_app.core.platform import file_lock

FILE_NAME = "projects.json"
FORMAT = "survey_app.projects.v1"
ROLES = ("hq", "field", "demo")


@dataclass(frozen=True)
class KnownProject:
    path: Path
    name: str = ""
    code: str = ""
    role: str = "hq"
    last_opened: str = ""  # ISO 8601 UTC; "" = never opened
    pending: bool = False

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def openable(self) -> bool:
        """Can be opened now (the demo is made again on its first start when its file is gone)."""
        return (self.exists or self.role == "demo") and not self.pending


def registry_file() -> Path:
    return data_dir() / FILE_NAME


def _key(path: Path | str) -> str:
    return str(Path(path).expanduser().resolve())


def load(file: Path | None = None) -> list[KnownProject]:
    """Every known project, most recently opened first (never-opened ones last, by name)."""
    file = file or registry_file()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        items = data.get("projects", []) if isinstance(data, dict) else []
    except (OSError, ValueError):
        return []
    out: list[KnownProject] = []
    for item in items:
        if not isinstance(item, dict) or not item.get("path"):
            continue
        role = item.get("role") if item.get("role") in ROLES else "hq"
        out.append(KnownProject(Path(item["path"]), str(item.get("name", "")), str(item.get("code", "")), role,
                                str(item.get("last_opened", "")), bool(item.get("pending", False))))
    out.sort(key=lambda p: p.name)
    out.sort(key=lambda p: p.last_opened, reverse=True)  # stable: never-opened ("") last, by name
    return out


def _save(entries: list[KnownProject], file: Path | None = None) -> None:
    items = [{**asdict(p), "path": str(p.path)} for p in entries]
    atomic_write_bytes(file or registry_file(), json.dumps({"format": FORMAT, "projects": items},
                                                           ensure_ascii=False, indent=1).encode("utf-8"))


def find(path: Path | str, file: Path | None = None) -> KnownProject | None:
    key = _key(path)
    return next((p for p in load(file) if _key(p.path) == key), None)


def remember(path: Path | str, *, name: str = "", code: str = "", role: str = "hq", pending: bool = False,
             opened: bool = False, file: Path | None = None) -> KnownProject:
    """Add or update the entry for ``path`` (``opened``: stamp it as opened now)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    key = _key(path)
    with _locked(file):
        entries = load(file)
        old = next((p for p in entries if _key(p.path) == key), None)
        entry = replace(old, name=name or old.name, code=code or old.code, role=role, pending=pending) if old \
            else KnownProject(Path(key), name, code, role, "", pending)
        if opened:
            entry = replace(entry, last_opened=_now())
        _save([entry if _key(p.path) == key else p for p in entries] + ([] if old else [entry]), file)
    return entry


def touch(path: Path | str, file: Path | None = None) -> KnownProject | None:
    """Stamp a known project as opened now; None when it is not in the list."""
    old = find(path, file)
    if old is None:
        return None
    return remember(old.path, name=old.name, code=old.code, role=old.role, pending=old.pending, opened=True,
                    file=file)


def forget(path: Path | str, file: Path | None = None) -> bool:
    """Take ``path`` off the list (the database file itself is left alone). True if it was listed."""
    key = _key(path)
    with _locked(file):
        entries = load(file)
        kept = [p for p in entries if _key(p.path) != key]
        if len(kept) == len(entries):
            return False
        _save(kept, file)
    return True


def _locked(file: Path | None):  # noqa: ANN202 - a context manager
    """The list's lock: one read-modify-write at a time, across processes."""
    file = file or registry_file()
    return file_lock(file.with_name(file.name + ".lock"))


def last_opened(file: Path | None = None) -> KnownProject | None:
    """The project to open at start when none is named: the last one opened that can be opened."""
    return next((p for p in load(file) if p.last_opened and p.openable), None)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
