"""A stolen laptop: with every file of the project folder but no password, no name or ID number can be read.

The encrypted project is the demo converted with ``encrypt_copy`` under a random key; a plain copy of the
same demo, treated the same way, is the contrast that shows the grep finds what is there.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, text

from survey_app.core.domain.roles import Role
from survey_app.core.files import is_sealed, read_private, write_private
from survey_app.core.services.agreements.notice import render_notice_pdf
from survey_app.core.services.attachments import attach_photos, list_photos, media_root, read_media
from survey_app.core.storage import errors
from survey_app.core.storage.cipher import encrypt_copy
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor

NAME = "欧阳翠花"
ID_NUMBER = "11010519491231002X"
WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
HQ = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")


def _needles() -> dict[str, bytes]:
    return {"name UTF-8": NAME.encode("utf-8"), "name GBK": NAME.encode("gbk"),
            "name UTF-16": NAME.encode("utf-16-le"), "ID number": ID_NUMBER.encode("ascii")}


def _found(folder: Path) -> dict[str, list[str]]:
    """Every needle found in any byte of any file under ``folder``: {needle: [file names]}."""
    hits: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for label, needle in _needles().items():
            if needle in data:
                hits.setdefault(label, []).append(path.name)
    return hits


def _photo(path: Path) -> Path:
    exif = Image.Exif()
    exif[270] = f"ID {ID_NUMBER}"  # ImageDescription: the photo itself carries the ID number
    Image.new("RGB", (64, 48), "olive").save(path, "JPEG", exif=exif)
    return path


def _project_with_secrets(folder: Path, template: Path, key: bytes | None, tmp_path: Path) -> Database:
    """A project in ``folder`` (encrypted when ``key``) with a named household, a photo and a left PDF;
    one WAL checkpoint, then more writes left in the -wal file. Returned open (the -wal is live)."""
    folder.mkdir()
    path = folder / "project.sqlite3"
    if key is None:
        shutil.copyfile(template, path)
    else:
        encrypt_copy(template, path, key)
    db = Database(path, cipher_key=key)
    with db.read() as s:
        household = s.scalars(select(Household).order_by(Household.id)).first()
    with db.uow(HQ) as uow:
        h = uow.session.get(Household, household.id)
        h.head_name, h.head_id_number = NAME, ID_NUMBER
        uow.commit()
    attach_photos(db, WORKER, household.id, [_photo(tmp_path / f"door-{folder.name}.jpg")])
    pdf = io.BytesIO()
    assert render_notice_pdf(db, household.section, pdf) > 0
    write_private(folder / "公示清单.pdf", pdf.getvalue(), db.file_key)  # a PDF left in the project folder
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.uow(HQ) as uow:  # after the checkpoint: these pages live in the -wal file only
        uow.session.get(Household, household.id).address = f"{NAME}家 {ID_NUMBER}"
        uow.commit()
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    return db


def test_a_stolen_encrypted_project_gives_away_no_name_or_id_number(_demo_template: Path, tmp_path: Path) -> None:
    key = os.urandom(32)
    db = _project_with_secrets(tmp_path / "encrypted", _demo_template, key, tmp_path)
    plain = _project_with_secrets(tmp_path / "plain", _demo_template, None, tmp_path)
    try:
        assert _found(tmp_path / "encrypted") == {}
        plain_hits = _found(tmp_path / "plain")  # the contrast: the same grep finds them in a plain project
        assert {"name UTF-8", "ID number"} <= plain_hits.keys()
        assert "project.sqlite3-wal" in plain_hits["ID number"]
        assert any(n.endswith(".jpg") for n in plain_hits["ID number"])  # the photo's own EXIF

        # the owner still reads everything: search, photo, PDF
        with db.read() as s:
            assert s.scalar(select(Household.head_name).where(Household.head_id_number == ID_NUMBER)) == NAME
        photo = list_photos(db, s.scalar(select(Household.id).where(Household.head_name == NAME)))[0]
        stored = photo.path.read_bytes()
        assert is_sealed(stored) and ID_NUMBER.encode() in read_media(db, photo.sha256, ".jpg")
        assert read_private(tmp_path / "encrypted" / "公示清单.pdf", db.file_key).startswith(b"%PDF")
    finally:
        db.dispose()
        plain.dispose()
    # what the thief gets: the file without the key
    with pytest.raises(errors.DatabaseEncrypted, match="此项目数据库已加密，需要登录后打开"):
        Database(tmp_path / "encrypted" / "project.sqlite3")
    with pytest.raises(errors.WrongKey, match="密钥不对"):
        Database(tmp_path / "encrypted" / "project.sqlite3", cipher_key=os.urandom(32))
    with pytest.raises(errors.SealedFileNeedsKey):
        read_private(photo.path)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_project_folder_and_files_are_owner_only(_demo_template: Path, tmp_path: Path) -> None:
    db = _project_with_secrets(tmp_path / "encrypted", _demo_template, os.urandom(32), tmp_path)
    try:
        root = media_root(db)
        for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
            assert folder.stat().st_mode & 0o777 == 0o700, folder
        files = [p for p in (tmp_path / "encrypted").rglob("*") if p.is_file()]
        assert {"project.sqlite3", "project.sqlite3-wal", "project.sqlite3-shm"} <= {p.name for p in files}
        for path in files:
            assert path.stat().st_mode & 0o077 == 0, path
    finally:
        db.dispose()


def test_the_cli_says_the_project_is_encrypted_without_a_traceback(_demo_template: Path, tmp_path: Path, cli) -> None:
    path = tmp_path / "project.sqlite3"
    encrypt_copy(_demo_template, path, os.urandom(32))
    # the entry point in this process: an exception it let through would fail here as a traceback would show
    # (a real `audit verify` process: tests/storage/test_audit_verify.py)
    result = cli("--db", path, "audit", "verify", env={"SURVEY_APP_DATA": os.environ["SURVEY_APP_DATA"]})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "此项目数据库已加密，需要登录后打开" in result.stderr, result.stderr


def test_an_encrypted_copy_keeps_search_and_schema(_demo_template: Path, tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "project.sqlite3"
    encrypt_copy(_demo_template, path, key)
    plain, enc = Database(_demo_template, migrate=False), Database(path, cipher_key=key)
    try:
        from survey_app.core.storage import search_sql

        with plain.engine.connect() as a, enc.engine.connect() as b:
            schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            assert a.execute(text(schema)).all() == b.execute(text(schema)).all()
            assert search_sql.check(b)
        word = "a1-"  # a household-code fragment: ≥ 3 characters goes through the FTS5 trigram index
        assert search_sql._fts_hits(enc, word) == search_sql._fts_hits(plain, word) != []
        assert enc.integrity_problems() == []
    finally:
        plain.dispose()
        enc.dispose()
