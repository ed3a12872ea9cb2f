"""The list of known projects (projects.json in the per-user data folder)."""

from __future__ import annotations

import json
from pathlib import Path

from survey_app.core.paths import data_dir
from survey_app.core.services import project_registry as reg


def _db(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"x")
    return path


def test_missing_or_damaged_file_is_an_empty_list(tmp_path: Path) -> None:
    assert reg.load() == [] and reg.last_opened() is None
    reg.registry_file().parent.mkdir(parents=True, exist_ok=True)
    reg.registry_file().write_text("{not json", encoding="utf-8")
    assert reg.load() == []
    reg.remember(_db(tmp_path, "a.sqlite3"), name="甲", code="A1", role="hq")  # writing over it works
    assert [p.name for p in reg.load()] == ["甲"]


def test_remember_touch_forget_and_order(tmp_path: Path) -> None:
    a, b, c = (_db(tmp_path, n) for n in ("a.sqlite3", "b.sqlite3", "c.sqlite3"))
    reg.remember(a, name="甲项目", code="A", role="hq", opened=True)
    reg.remember(b, name="乙项目", code="B", role="field", opened=True)
    reg.remember(c, name="丙（待登记）", role="field", pending=True)
    assert [p.name for p in reg.load()] == ["乙项目", "甲项目", "丙（待登记）"]
    assert reg.last_opened().path == b.resolve()
    reg.touch(a)
    assert reg.last_opened().path == a.resolve()
    # updating keeps one entry per file (paths compared resolved) and keeps fields not given
    reg.remember(tmp_path / "." / "a.sqlite3", role="hq", opened=False)
    entries = reg.load()
    assert len(entries) == 3 and reg.find(a).name == "甲项目"
    assert reg.forget(a) and not reg.forget(a)
    assert [p.code for p in reg.load()] == ["B", ""]
    assert reg.registry_file() == data_dir() / "projects.json"
    saved = json.loads(reg.registry_file().read_text(encoding="utf-8"))
    assert saved["format"] == reg.FORMAT and {p["role"] for p in saved["projects"]} == {"field"}


def test_last_opened_skips_pending_and_missing_files(tmp_path: Path) -> None:
    gone = tmp_path / "gone.sqlite3"
    reg.remember(gone, name="已删除", opened=True)
    pending = _db(tmp_path, "new.sqlite3")
    reg.remember(pending, name="待登记", role="field", pending=True, opened=True)
    assert reg.last_opened() is None
    entry = reg.find(gone)
    assert not entry.exists and not entry.openable
    reg.remember(pending, role="field", pending=False)
    assert reg.last_opened().path == pending.resolve()


def test_written_atomically_leaves_no_temp_files(tmp_path: Path) -> None:
    reg.remember(_db(tmp_path, "a.sqlite3"), name="甲")
    # the list and its lock file (core/platform.file_lock: kept, never deleted); no temp file
    assert sorted(p.name for p in reg.registry_file().parent.iterdir()) == ["projects.json", "projects.json.lock"]
