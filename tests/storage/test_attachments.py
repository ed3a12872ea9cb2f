"""Photos: content-addressed copies, EXIF time and GPS, one record per distinct photo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import attachments
from survey_app.core.services.attachments import attach_photos, list_photos, sha256_of
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")


def _photo(path: Path, color: str, when: str | None = None, gps: bool = False) -> Path:
    img = Image.new("RGB", (64, 48), color)
    exif = Image.Exif()
    if when:
        exif[306] = when  # DateTime
    if gps:
        exif[0x8825] = {1: "N", 2: (28.0, 11.0, 42.0), 3: "E", 4: (112.0, 58.0, 30.0)}
    img.save(path, "JPEG", exif=exif)
    return path


@pytest.fixture
def household(demo_db) -> Household:
    with demo_db.read() as s:
        return s.scalars(select(Household).order_by(Household.id)).first()


def test_photos_are_stored_by_content_with_exif(demo_db, household, tmp_path) -> None:
    a = _photo(tmp_path / "IMG_0001.jpg", "red", "2023:07:02 09:30:00", gps=True)
    b = _photo(tmp_path / "IMG_0002.jpg", "blue")
    same_as_a = tmp_path / "copy.jpg"
    same_as_a.write_bytes(a.read_bytes())
    seen = []
    attached = attach_photos(demo_db, WORKER, household.id, [a, b, same_as_a],
                             progress=lambda d, t, label: seen.append((d, t)))
    assert seen[-1] == (3, 3)
    assert [p.original_name for p in attached] == ["IMG_0001.jpg", "IMG_0002.jpg"]  # the copy is the same photo
    first = attached[0]
    assert first.sha256 == sha256_of(a) and first.path.read_bytes() == a.read_bytes()
    assert first.path.parent.name == first.sha256[:2]
    assert first.captured_at == dt.datetime(2023, 7, 2, 1, 30, tzinfo=dt.UTC)  # 09:30 China time
    assert attached[1].captured_at is None
    assert [p.id for p in list_photos(demo_db, household.id)] == [p.id for p in attached]
    with demo_db.read() as s:
        from survey_app.core.storage.models import Attachment
        row = s.scalars(select(Attachment).where(Attachment.sha256 == first.sha256)).one()
        assert row.gps_lat == Decimal("28.1950000") and row.gps_lon == Decimal("112.9750000")


def test_missing_file_and_cancel(demo_db, household, tmp_path) -> None:
    with pytest.raises(ValidationError, match="找不到文件"):
        attach_photos(demo_db, WORKER, household.id, [tmp_path / "nope.jpg"])
    photo = _photo(tmp_path / "x.jpg", "green")
    assert attach_photos(demo_db, WORKER, household.id, [photo], cancel=lambda: True) == []
    assert list_photos(demo_db, household.id) == []


def test_a_deleted_photo_is_a_tombstone_in_the_audit_chain(demo_db, household, tmp_path) -> None:
    import json
    import uuid

    from survey_app.core.services.audit import verify_database
    from survey_app.core.storage.models import Attachment, AuditEvent

    kept, gone = attach_photos(demo_db, WORKER, household.id, [_photo(tmp_path / "a.jpg", "red"),
                                                               _photo(tmp_path / "b.jpg", "blue")])
    changes = attachments.delete_photo(demo_db, WORKER, gone.id)
    assert changes.deleted["attachments"] == {uuid.UUID(gone.id)}
    assert [p.id for p in list_photos(demo_db, household.id)] == [kept.id]
    with demo_db.read() as s:
        row = s.get(Attachment, uuid.UUID(gone.id))
        assert row is not None and row.deleted_at is not None  # still there: evidence is never erased
        events = s.execute(select(AuditEvent.action, AuditEvent.user, AuditEvent.changes).where(
            AuditEvent.entity_id == gone.id).order_by(AuditEvent.seq)).all()
    assert [(a, u) for a, u, _ in events] == [("insert", "worker"), ("delete", "worker")]
    assert json.loads(events[-1][2])["deleted_at"][0] is None
    assert gone.path.exists()  # the file stays in the media store (another record may share it)
    with pytest.raises(NotFound):
        attachments.delete_photo(demo_db, WORKER, gone.id)  # twice: it is already gone
    assert verify_database(demo_db).ok


def test_category_and_caption_are_stored_as_codes(demo_db, household, tmp_path) -> None:
    a, b = attach_photos(demo_db, WORKER, household.id, [_photo(tmp_path / "a.jpg", "red"),
                                                         _photo(tmp_path / "b.jpg", "blue")])
    assert (a.category, a.caption) == ("", "")
    got = attachments.update_photo(demo_db, WORKER, a.id, category="temp_permit", caption="  临建\n批复 第3号 ")
    assert (got.category, got.caption) == ("temp_permit", "临建 批复 第3号")
    attachments.update_photo(demo_db, WORKER, b.id, category="exterior")
    attachments.update_photo(demo_db, WORKER, b.id, caption="东立面")  # the category stays
    assert [(p.category, p.caption) for p in list_photos(demo_db, household.id)] == [
        ("temp_permit", "临建 批复 第3号"), ("exterior", "东立面")]
    assert attachments.photo_counts(demo_db, household.id) == {"temp_permit": 1, "exterior": 1}
    with pytest.raises(ValidationError, match="分类"):
        attachments.update_photo(demo_db, WORKER, a.id, category="外观")  # codes only, never the label
    with pytest.raises(ValidationError, match="过长"):
        attachments.update_photo(demo_db, WORKER, a.id, caption="字" * 256)
    attachments.delete_photo(demo_db, WORKER, b.id)
    assert attachments.photo_counts(demo_db, household.id) == {"temp_permit": 1}


def test_capture_time_is_read_and_shown_as_china_time_on_any_machine(monkeypatch) -> None:
    import time

    stored = dt.datetime(2023, 7, 2, 1, 30, tzinfo=dt.UTC)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert stored.astimezone().hour != 9  # this machine's clock says otherwise …
        shown = attachments.in_project_time(stored)
        assert (shown.hour, shown.minute, shown.utcoffset()) == (9, 30, dt.timedelta(hours=8))
        assert attachments.in_project_time(stored.replace(tzinfo=None)).hour == 9  # naive = UTC
    finally:
        monkeypatch.undo()
        time.tzset()
