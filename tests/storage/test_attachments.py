"""Photos: content-addressed copies, EXIF time and GPS, one record per distinct photo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Role
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
def household(demo_db) -> Household:  # noqa: ANN001
    with demo_db.read() as s:
        return s.scalars(select(Household).order_by(Household.id)).first()


def test_photos_are_stored_by_content_with_exif(demo_db, household, tmp_path) -> None:  # noqa: ANN001
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
    assert first.captured_at == dt.datetime(2023, 7, 2, 1, 30, tzinfo=dt.timezone.utc)  # 09:30 China time
    assert attached[1].captured_at is None
    assert [p.id for p in list_photos(demo_db, household.id)] == [p.id for p in attached]
    with demo_db.read() as s:
        from survey_app.core.storage.models import Attachment
        row = s.scalars(select(Attachment).where(Attachment.sha256 == first.sha256)).one()
        assert row.gps_lat == Decimal("28.1950000") and row.gps_lon == Decimal("112.9750000")


def test_missing_file_and_cancel(demo_db, household, tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="找不到文件"):
        attach_photos(demo_db, WORKER, household.id, [tmp_path / "nope.jpg"])
    photo = _photo(tmp_path / "x.jpg", "green")
    assert attach_photos(demo_db, WORKER, household.id, [photo], cancel=lambda: True) == []
    assert list_photos(demo_db, household.id) == []
