"""A damaged, empty, full, locked, read-only or too new database: a Chinese message, nothing lost, no traceback.

Real faults, not mocks: damaged files are made by overwriting, cutting or replacing a real demo database;
a full disk is SQLite's own SQLITE_FULL at ``PRAGMA max_page_count``; a lock is a second sqlite3 connection
holding ``BEGIN EXCLUSIVE``. Tests run as root, and root ignores file modes (chmod 0444 would not stop a
write), so a read-only database is made with ``PRAGMA query_only`` (SQLite answers SQLITE_READONLY, as
for a read-only file or folder).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from survey_app.core.services import startup
from survey_app.core.services.audit import verify_database
from survey_app.core.storage import errors
from survey_app.core.storage.database import Database, session_marker
from survey_app.core.storage.models import Household


def _page_damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // 2) // page * page
    data[middle:middle + 4 * page] = random.Random(1).randbytes(4 * page)  # four pages of noise mid-file
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _random(path: Path) -> None:
    path.write_bytes(random.Random(2).randbytes(path.stat().st_size))


def _text(path: Path) -> None:
    path.write_text("户号,户主\n这不是数据库，是一个文本文件\n" * 50, encoding="utf-8")


DAMAGE = {"page": _page_damage, "truncated": _truncate, "random": _random, "text": _text}


@pytest.fixture
def damaged(_demo_template: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / "damaged.sqlite3"
    shutil.copyfile(_demo_template, path)
    DAMAGE[request.param](path)
    return path


def _in_process(cli, db_path: Path, *args: str):
    """The CLI in this process (tests/conftest.py ``cli``: same handlers, messages and exit codes; an exception
    it does not turn into a message fails the test, as a traceback would), in the test's own data folder."""
    return cli("--db", db_path, *args, env={"SURVEY_APP_DATA": os.environ["SURVEY_APP_DATA"]})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_chinese_line(result, words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "sqlite3" not in result.stderr, result.stderr
    assert words in result.stderr, result.stderr


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_a_damaged_file_is_refused_on_open_after_an_unclean_close(damaged: Path) -> None:
    session_marker(damaged).touch()  # what a crash or a kill -9 of the last session leaves
    with pytest.raises(errors.CorruptDatabase, match="数据库文件已损坏"):
        Database(damaged)
    assert session_marker(damaged).exists()  # still unsound: the next open checks again


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_audit_verify_finds_a_damaged_file(damaged: Path, cli) -> None:
    before = _digest(damaged)
    result = _in_process(cli, damaged, "audit", "verify")
    _one_chinese_line(result, "数据库文件已损坏")
    assert "审计链完整" not in result.stdout
    assert _digest(damaged) == before


def test_verify_runs_the_integrity_check_first(_demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    shutil.copyfile(_demo_template, path)
    _page_damage(path)  # a clean last close: opening does not pay for a check, verify does
    db = Database(path)
    try:
        report = verify_database(db)
    finally:
        db.dispose()
    assert not report.ok and "完整性检查" in report.problems[0].message


def test_the_open_marker_lives_while_the_database_is_open(demo_db: Database, db_path: Path) -> None:
    assert session_marker(db_path).exists()
    demo_db.dispose()
    assert not session_marker(db_path).exists()


def test_a_zero_length_file_is_never_made_an_empty_project(tmp_path: Path, cli) -> None:
    path = tmp_path / "project.sqlite3"
    path.touch()
    with pytest.raises(errors.EmptyDatabaseFile, match="0 字节"):
        startup.open_database(path)
    result = _in_process(cli, path, "audit", "verify")
    _one_chinese_line(result, "0 字节")
    assert path.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["project.sqlite3"]


def test_a_database_from_a_newer_version_is_refused_untouched(demo_db: Database, db_path: Path, cli) -> None:
    demo_db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(errors.DatabaseTooNew, match="更新版本"):
        Database(db_path)
    result = _in_process(cli, db_path, "audit", "verify")  # (a real `audit verify` process: test_audit_verify.py)
    _one_chinese_line(result, "更新版本")
    assert _digest(db_path) == before


def _households(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Household))


def _touch_every_household(db: Database, admin, text: str) -> None:
    with db.uow(admin) as uow:
        for h in uow.session.scalars(select(Household)):
            h.notes = text
        uow.commit()


def _on_connect(db: Database, sql: str) -> None:
    event.listen(db.engine, "connect", lambda conn, record: conn.execute(sql))
    db.engine.dispose()  # pooled connections are made again, with the pragma


def test_a_full_disk_rolls_back_and_says_so(demo_db: Database, admin) -> None:
    with demo_db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    _on_connect(demo_db, f"PRAGMA max_page_count={pages + 2}")  # SQLite's own SQLITE_FULL past this size
    with pytest.raises(errors.DiskFull, match="磁盘空间不足"):
        _touch_every_household(demo_db, admin, "很长的备注" * 2000)
    with pytest.raises(errors.DiskFull):
        demo_db.set_setting("big", "x" * 100_000)
    with demo_db.read() as s:
        assert not s.scalars(select(Household).where(Household.notes.like("很长的备注%"))).first()
    assert demo_db.setting("big") == ""
    assert verify_database(demo_db).ok


def test_a_locked_database_says_so_and_loses_nothing(demo_db: Database, db_path: Path, admin) -> None:
    demo_db.dispose()
    db = Database(db_path, busy_timeout_ms=50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another process mid-write, past our busy timeout
        with pytest.raises(errors.DatabaseBusy, match="占用"):
            _touch_every_household(db, admin, "锁住时的修改")
        holder.execute("ROLLBACK")
        _touch_every_household(db, admin, "锁放开后的修改")  # the same work goes through afterwards
        with db.read() as s:
            assert {h.notes for h in s.scalars(select(Household))} == {"锁放开后的修改"}
        assert verify_database(db).ok
    finally:
        holder.close()
        db.dispose()


def test_a_read_only_database_says_so(demo_db: Database, admin) -> None:
    count = _households(demo_db)
    _on_connect(demo_db, "PRAGMA query_only=ON")
    with pytest.raises(errors.ReadOnlyDatabase, match="只读"):
        _touch_every_household(demo_db, admin, "只读时的修改")
    with pytest.raises(errors.ReadOnlyDatabase):
        demo_db.set_setting("lang", "en")
    assert _households(demo_db) == count  # reading still works


def test_a_folder_named_as_the_project_says_so(tmp_path: Path) -> None:
    (tmp_path / "project.sqlite3").mkdir()
    with pytest.raises(errors.CannotOpenDatabase, match="无法打开数据库文件"):
        Database(tmp_path / "project.sqlite3")


def test_each_sqlite_code_has_its_message() -> None:
    def raw(code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError("driver text")
        exc.sqlite_errorcode = code
        return exc

    assert isinstance(errors.translate(raw(errors.SQLITE_BUSY)), errors.DatabaseBusy)
    assert isinstance(errors.translate(raw(errors.SQLITE_LOCKED)), errors.DatabaseBusy)
    assert isinstance(errors.translate(raw(errors.SQLITE_IOERR | (3 << 8))), errors.DiskIOError)  # IOERR_WRITE
    assert isinstance(errors.translate(raw(errors.SQLITE_NOTADB)), errors.CorruptDatabase)
    assert errors.translate(raw(errors.SQLITE_IOERR_NOMEM)) is None


def test_errors_the_user_cannot_act_on_are_left_alone() -> None:
    assert errors.translate(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    vtab = sqlite3.DatabaseError("fts5: corrupt")
    vtab.sqlite_errorcode = errors.SQLITE_CORRUPT_VTAB  # an FTS index out of step: rebuilt, not fatal
    assert errors.translate(vtab) is None


def test_the_cli_prints_a_storage_error_as_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture) -> None:
    from survey_app import cli
    from survey_app.cli import audit

    err = sqlite3.OperationalError("database or disk is full")  # raw, as from a DB-API cursor
    err.sqlite_errorcode = errors.SQLITE_FULL

    def verify(args):
        raise err

    monkeypatch.setattr(audit, "verify", verify)
    assert cli.main(["--db", str(tmp_path / "x.sqlite3"), "audit", "verify"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "磁盘空间不足" in lines[0]
