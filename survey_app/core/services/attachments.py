"""Photos and other attachments, stored content-addressed: ``media/ab/abcdef….jpg`` by sha256.

The same photo attached twice is stored once. Capture time and GPS position come from the
photo's EXIF when present (Pillow reads EXIF; the UI makes thumbnails with Qt). Copying runs on
the TaskRunner's worker with progress and cancel; the records are written in one unit of work
after the files are safely on disk, so a cancelled import leaves no record without its file.

Photos are evidence: one is never removed, only tombstoned through the unit of work (the audit
chain records who deleted it and when; the file stays in the media store). Each photo has a
category, stored as a code (``PHOTO_CATEGORIES``; "" = not chosen yet), and a free caption.
Capture times are stored in UTC and shown in the project's time zone (``PROJECT_TZ``), never in
the time zone of the computer that happens to show them.

At rest: in an encrypted project (``db.file_key`` set) every stored file is sealed (AES-GCM, core/files.py)
and read back decrypted in memory (``read_media``; the photo viewer passes ``AttachedPhoto.key``); names stay
the plaintext's sha256. Media folders are 0700, files 0600 (core/platform.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.written import Written, WrittenList, done
from survey_app.core.files import copy_atomic, read_private, write_private
from survey_app.core.platform import private_dir
from survey_app.core.storage.database import Database
from survey_app.core.storage.media import media_file, media_path, media_root  # noqa: F401 (re-exported)
from survey_app.core.storage.models import Attachment, Household
from survey_app.core.storage.uow import Actor, ChangeSet, UnitOfWork

PHOTO_TYPES = {".jpg", ".jpeg", ".png", ".heic", ".webp", ".tif", ".tiff", ".bmp"}
MAX_BYTES = 40 * 1024 * 1024
# Stored codes of the photo categories, in the order the UI offers them:
# exterior 外观 · interior 室内 · papers 证件 · temp_permit 临建批复 · other 其他 ("" = not chosen).
# Codes, not Chinese words, so the English build and reports can label them their own way.
PHOTO_CATEGORIES = ("exterior", "interior", "papers", "temp_permit", "other")
CAPTION_MAX = 255  # the column's length (models.base.name)


# China's clock (a fixed UTC+8, exact for Asia/Shanghai and needing no zone database): core/domain/china_time.py
PROJECT_TZ = china_time.CHINA


def in_project_time(value: dt.datetime) -> dt.datetime:
    """A stored (UTC) timestamp as the project's wall-clock time; naive values are taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(PROJECT_TZ)


def read_media(db: Database, sha256: str, suffix: str) -> bytes:
    """A stored file's plaintext (decrypted in memory when sealed)."""
    return read_private(media_path(db, sha256, suffix), db.file_key)


def _store(db: Database, dest: Path, data: bytes | None = None, src: Path | None = None) -> None:
    """Put a file into the media store: owner-only folders, sealed when the project is encrypted."""
    private_dir(media_root(db))
    private_dir(dest.parent)
    if data is None and db.file_key is None:
        copy_atomic(src, dest)  # plain project: streamed, as before
        return
    write_private(dest, data if data is not None else src.read_bytes(), db.file_key)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class PhotoInfo:
    captured_at: dt.datetime | None
    lat: Decimal | None
    lon: Decimal | None


def read_exif(path: Path) -> PhotoInfo:
    """Capture time (as UTC, from a local-time EXIF stamp taken as China time) and GPS, when present."""
    try:
        from PIL import Image
        from PIL.ExifTags import IFD

        with Image.open(path) as img:
            exif = img.getexif()
            raw = exif.get_ifd(IFD.Exif).get(36867) or exif.get(306)  # DateTimeOriginal, else DateTime
            gps = exif.get_ifd(IFD.GPSInfo)
    except Exception:  # not an image Pillow knows, or broken EXIF: the photo is still attached
        return PhotoInfo(None, None, None)
    captured = None
    if isinstance(raw, str):
        try:
            local = dt.datetime.strptime(raw.strip(), "%Y:%m:%d %H:%M:%S")
            captured = local.replace(tzinfo=PROJECT_TZ).astimezone(dt.UTC)
        except ValueError:
            captured = None
    return PhotoInfo(captured, _gps(gps, 2, 1, "S"), _gps(gps, 4, 3, "W"))


def _gps(gps: dict, value_tag: int, ref_tag: int, negative: str) -> Decimal | None:
    try:
        d, m, s = (Decimal(str(float(x))) for x in gps[value_tag])  # EXIF rationals → exact decimals
    except (KeyError, TypeError, ValueError):
        return None
    deg = d + m / 60 + s / 3600
    if gps.get(ref_tag) == negative:
        deg = -deg
    return deg.quantize(Decimal("0.0000001"))


def store_bytes(db: Database, data: bytes, suffix: str) -> tuple[str, int]:
    """Put bytes (a signature image …) into the media store; returns (sha256, size)."""
    digest = hashlib.sha256(data).hexdigest()
    dest = media_path(db, digest, suffix)
    if not dest.exists():
        _store(db, dest, data)
    return digest, len(data)


@dataclass(frozen=True)
class AttachedPhoto(Written):
    id: str
    sha256: str
    path: Path
    original_name: str
    captured_at: dt.datetime | None
    gps_lat: Decimal | None = None
    gps_lon: Decimal | None = None
    category: str = ""  # a PHOTO_CATEGORIES code, "" = not chosen
    caption: str = ""
    key: bytes | None = field(default=None, repr=False)  # the file key to read ``path`` with (None: plain)


def attach_photos(db: Database, actor: Actor, household_id: str | uuid.UUID, files: Sequence[Path], *,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None, kind: str = "photo") -> WrittenList[AttachedPhoto]:
    """Copy files into the media store and attach them to a household (one unit of work at the end).
    Returns the photos added (not those already attached) with the commit's ChangeSet on ``.changes``."""
    actor.require(Permission.EDIT_SURVEY)
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    staged = []
    for n, src in enumerate(files, 1):
        if cancel and cancel():
            return WrittenList()
        src = Path(src)
        if not src.is_file():
            raise ValidationError(f"找不到文件：{src}")
        if src.stat().st_size > MAX_BYTES:
            raise ValidationError(f"文件过大（超过40 MB）：{src.name}")
        digest = sha256_of(src)
        dest = media_path(db, digest, src.suffix or ".bin")
        if not dest.exists():
            _store(db, dest, src=src)
        staged.append((src, digest, dest, read_exif(src) if kind == "photo" else PhotoInfo(None, None, None)))
        if progress:
            progress(n, len(files), "导入照片")
    out = []
    with db.uow(actor) as uow:
        h = uow.session.get(Household, hid)
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        already = set(uow.session.scalars(select(Attachment.sha256).where(
            Attachment.household_id == hid, Attachment.deleted_at.is_(None))))
        for src, digest, dest, info in staged:
            if digest in already:
                continue  # the same photo twice is one photo
            already.add(digest)
            a = Attachment(household_id=hid, sha256=digest, kind=kind,
                           media_type=mimetypes.guess_type(src.name)[0] or "application/octet-stream",
                           size_bytes=src.stat().st_size, original_name=src.name, captured_at=info.captured_at,
                           gps_lat=info.lat, gps_lon=info.lon, caption="")
            uow.session.add(a)
            uow.session.flush()
            out.append(AttachedPhoto(a.id.hex, digest, dest, src.name, info.captured_at, info.lat, info.lon,
                                     key=db.file_key))
        return WrittenList(out, uow.commit())


def _photo(a: Attachment, db: Database) -> AttachedPhoto:
    return AttachedPhoto(a.id.hex, a.sha256, media_path(db, a.sha256, Path(a.original_name).suffix or ".bin"),
                         a.original_name, a.captured_at, a.gps_lat, a.gps_lon, a.category or "", a.caption or "",
                         db.file_key)


def list_photos(db: Database, household_id: str | uuid.UUID) -> list[AttachedPhoto]:
    """The household's live photos (tombstoned ones left out), oldest attached first."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        rows = s.scalars(select(Attachment).where(Attachment.household_id == hid, Attachment.kind == "photo",
                                                  Attachment.deleted_at.is_(None)).order_by(Attachment.id)).all()
        return [_photo(a, db) for a in rows]


def photo_counts(db: Database, household_id: str | uuid.UUID) -> dict[str, int]:
    """Live photos per category code ("" = not chosen), for a detail pane: {"exterior": 2, "": 1}."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    stmt = (select(Attachment.category, func.count()).where(
        Attachment.household_id == hid, Attachment.kind == "photo", Attachment.deleted_at.is_(None))
        .group_by(Attachment.category))
    with db.read() as s:
        return {cat or "": int(n) for cat, n in s.execute(stmt)}


def _live_photo(uow: UnitOfWork, photo_id: str | uuid.UUID) -> Attachment:
    pid = photo_id if isinstance(photo_id, uuid.UUID) else uuid.UUID(str(photo_id))
    a = uow.session.get(Attachment, pid)
    if a is None or a.deleted_at is not None or a.kind != "photo":
        raise NotFound("该照片不存在或已删除")
    return a


def update_photo(db: Database, actor: Actor, photo_id: str | uuid.UUID, *, category: str | None = None,
                 caption: str | None = None) -> AttachedPhoto:
    """Set a photo's category (a PHOTO_CATEGORIES code or "") and/or caption; audited like every write.
    ``.changes`` is the commit's."""
    actor.require(Permission.EDIT_SURVEY)
    if category is not None and category not in ("", *PHOTO_CATEGORIES):
        raise ValidationError("照片分类无效")
    if caption is not None:
        caption = " ".join(caption.split())  # one line: newlines and tabs would break the strip's labels
        if len(caption) > CAPTION_MAX:
            raise ValidationError(f"照片说明过长（最多{CAPTION_MAX}个字）")
    with db.uow(actor) as uow:
        a = _live_photo(uow, photo_id)
        if category is not None:
            a.category = category
        if caption is not None:
            a.caption = caption
        uow.session.flush()
        photo = _photo(a, db)
        return done(photo, uow.commit())


def delete_photo(db: Database, actor: Actor, photo_id: str | uuid.UUID) -> ChangeSet:
    """Tombstone a photo (never a hard delete: it is evidence). The file stays in the media store."""
    actor.require(Permission.EDIT_SURVEY)
    with db.uow(actor) as uow:
        uow.tombstone(_live_photo(uow, photo_id))
        return uow.commit()
