"""The encrypted project file (storage/cipher.py) and sealed files (core/files.py): keys, faults, messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select, update

from survey_app.core.files import is_sealed, read_private, seal, unseal, write_private
from survey_app.core.storage import errors
from survey_app.core.storage.cipher import SQLITE_HEADER, dbapi, encrypt_copy, file_kind, key_pragma
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household, Project


def test_a_new_encrypted_project_has_no_sqlite_header(tmp_path: Path) -> None:
    path, key = tmp_path / "new.sqlite3", os.urandom(32)
    db = Database(path, cipher_key=key)
    try:
        with db.read() as s:
            assert s.scalars(select(Project)).all() == []
        assert db.encrypted and db.file_key is not None and db.file_key != key
    finally:
        db.dispose()
    assert path.read_bytes()[:16] != SQLITE_HEADER and file_kind(path) == "encrypted"
    reopened = Database(path, cipher_key=key)  # the same key opens it again; the file key is the same
    try:
        assert reopened.file_key == db.file_key
    finally:
        reopened.dispose()


def test_a_plain_project_opened_with_a_key_is_refused_untouched(demo_db: Database, db_path: Path) -> None:
    demo_db.dispose()
    before = db_path.read_bytes()
    with pytest.raises(errors.DatabaseNotEncrypted, match="尚未加密"):
        Database(db_path, cipher_key=os.urandom(32))
    assert db_path.read_bytes() == before


def test_a_plain_demo_keeps_working_without_a_key(demo_db: Database) -> None:
    assert not demo_db.encrypted and demo_db.file_key is None
    assert file_kind(demo_db.path) == "plain"
    assert demo_db.engine.dialect.loaded_dbapi.__name__.split(".")[0] == "sqlite3"


def test_a_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        key_pragma(b"short")
    with pytest.raises(ValueError):
        Database(tmp_path / "x.sqlite3", cipher_key=b"0" * 16)
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_locked_encrypted_database_says_so_and_loses_nothing(_demo_template: Path, tmp_path: Path,
                                                               admin) -> None:
    """The driver's errors map to the same Chinese messages through sqlcipher3 as through sqlite3."""
    path, key = tmp_path / "p.sqlite3", os.urandom(32)
    encrypt_copy(_demo_template, path, key)
    db = Database(path, cipher_key=key, busy_timeout_ms=50)
    holder = dbapi().connect(str(path), isolation_level=None)
    try:
        holder.execute(key_pragma(key))
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(errors.DatabaseBusy, match="占用"), db.uow(admin) as uow:
            uow.session.execute(update(Household).values(notes="锁住时"))
            uow.commit()
        holder.execute("ROLLBACK")
        with db.uow(admin) as uow:  # the same work goes through afterwards
            uow.session.execute(update(Household).values(notes="锁放开后"))
            uow.commit()
        with db.read() as s:
            assert set(s.scalars(select(Household.notes))) == {"锁放开后"}
        assert len(db.column(select(Household.household_code))) > 0  # the raw DB-API path on sqlcipher3
    finally:
        holder.close()
        db.dispose()


def test_each_sqlcipher_code_has_its_message() -> None:
    exc = dbapi().OperationalError("database or disk is full")
    exc.sqlite_errorcode = errors.SQLITE_FULL
    assert isinstance(errors.translate(exc), errors.DiskFull)


def test_converting_needs_a_plain_file(tmp_path: Path) -> None:
    enc = tmp_path / "e.sqlite3"
    Database(enc, cipher_key=os.urandom(32)).dispose()
    with pytest.raises(errors.DatabaseEncrypted):
        encrypt_copy(enc, tmp_path / "again.sqlite3", os.urandom(32))
    assert not (tmp_path / "again.sqlite3").exists()


def test_sealed_files_open_only_with_their_key(tmp_path: Path) -> None:
    key, data = os.urandom(32), "户主 欧阳翠花 11010519491231002X".encode()
    path = tmp_path / "f.pdf"
    write_private(path, data, key)
    raw = path.read_bytes()
    assert is_sealed(raw) and data not in raw and len(raw) == len(data) + 4 + 1 + 12 + 16
    assert read_private(path, key) == data
    assert seal(data, key) != seal(data, key)  # a fresh nonce each time
    with pytest.raises(errors.SealedFileNeedsKey, match="需要登录"):
        read_private(path)
    with pytest.raises(errors.SealedFileUnreadable, match="密钥不对"):
        read_private(path, os.urandom(32))
    tampered = bytearray(raw)
    tampered[-20] ^= 1
    with pytest.raises(errors.SealedFileUnreadable):
        unseal(bytes(tampered), key)
    assert unseal(b"%PDF-1.4 plain", key) == b"%PDF-1.4 plain"  # a plain file reads as it is


def test_a_keyless_open_of_an_encrypted_file_changes_nothing(tmp_path: Path) -> None:
    path, key = tmp_path / "p.sqlite3", os.urandom(32)
    Database(path, cipher_key=key).dispose()
    before = path.read_bytes()
    for attempt in (None, os.urandom(32)):
        with pytest.raises(errors.StorageError):
            Database(path, cipher_key=attempt)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*-open"))  # no session marker left behind by a refused open
