"""交房验收: a supervisor checks the house handed over after signing (issue 14 item 3).

``record_handover`` writes the handover (date, water/power/gas meter readings, keys, who checked it,
notes), its photos (attachments of kind ``handover`` with a category and ``record_id`` = the handover)
and moves the household 已签约 → 已交房, all in one unit of work (audited). A supervisor or an HQ
administrator may record it (Permission.REVIEW, the same as the workflow's 确认交房); a field worker may
not. It may be recorded on a laptop: handovers travel up (sync/rights.py). The 过渡期 starts on the
handover day unless HQ records another start (core/services/transition.py).
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from survey_app.core.domain import china_time, transitions
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.money import parse_decimal
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.transitions import Move
from survey_app.core.domain.written import Written, done
from survey_app.core.services.attachments import MAX_BYTES, store_bytes
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Attachment, Handover, Household
from survey_app.core.storage.uow import Actor

# Photo categories of a handover (stored codes; the UI labels them): meters 表计 · keys 钥匙 · house 房屋 · other 其他
PHOTO_CATEGORIES = {"meters": "表计读数", "keys": "钥匙", "house": "房屋现状", "other": "其他"}
MAX_KEYS = 99


@dataclass(frozen=True)
class HandoverInfo(Written):
    id: str
    household_code: str
    handed_on: dt.date
    water_reading: Decimal | None
    power_reading: Decimal | None
    gas_reading: Decimal | None
    keys_count: int
    checked_by: str
    notes: str
    photos: int


def reading(text: str | Decimal | None, label: str) -> Decimal | None:
    """A meter reading: empty → None; else a number ≥ 0 with at most two decimals (exact)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    value = text if isinstance(text, Decimal) else parse_decimal(text, label)
    if value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValidationError(f"{label}应为不小于零、最多两位小数的数：{text}", label)
    return value.quantize(Decimal("0.01"))


def _stage_photos(db: Database, photos: Sequence[tuple[Path, str]]) -> list[tuple[Path, str, str, int]]:
    staged = []
    for path, category in photos:
        path = Path(path)
        if category not in PHOTO_CATEGORIES:
            raise ValidationError(f"照片类别应为：{'、'.join(PHOTO_CATEGORIES.values())}")
        if not path.is_file():
            raise ValidationError(f"找不到文件：{path.name}")
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(f"文件过大（超过40 MB）：{path.name}")
        digest, size = store_bytes(db, path.read_bytes(), path.suffix or ".bin")
        staged.append((path, category, digest, size))
    return staged


def attach_files(session, household_id: uuid.UUID, record_id: uuid.UUID, kind: str,  # noqa: ANN001
                 staged: Sequence[tuple[Path, str, str, int]]) -> int:
    """Attachment rows for files already in the media store (inside the caller's unit of work)."""
    for path, category, digest, size in staged:
        session.add(Attachment(household_id=household_id, sha256=digest, kind=kind, record_id=record_id,
                               media_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream",
                               size_bytes=size, original_name=path.name, caption="", category=category))
    return len(staged)


def record_handover(db: Database, actor: Actor, household_id: str | uuid.UUID, handed_on: dt.date, *,
                    water: str | Decimal | None = None, power: str | Decimal | None = None,
                    gas: str | Decimal | None = None, keys: int = 0, notes: str = "",
                    photos: Sequence[tuple[Path, str]] = ()) -> HandoverInfo:
    """Record the 交房验收 of a signed household and mark it 已交房 (supervisor or HQ administrator).

    ``photos``: (file, category code) pairs; the files are stored first, the rows written in one unit of work.
    ``.changes`` is the commit's (the handover, its photos, the household)."""
    actor.require(Permission.REVIEW)
    if handed_on > china_time.today():
        raise ValidationError(f"交房日期 {handed_on.isoformat()} 晚于今天", "handed_on")
    if not isinstance(keys, int) or isinstance(keys, bool) or not 0 <= keys <= MAX_KEYS:
        raise ValidationError(f"钥匙数量应为 0 到 {MAX_KEYS} 之间的整数", "keys")
    values = (reading(water, "水表读数"), reading(power, "电表读数"), reading(gas, "燃气表读数"))
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    staged = _stage_photos(db, photos)
    with db.uow(actor) as uow:
        s = uow.session
        h = s.get(Household, hid)
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        handed_over = transitions.require(Move.HAND_OVER, h.status, h.household_code,
                                          "户 {code} 当前状态为“{status}”：只有已签约的住户才能交房验收")
        a = s.scalar(select(Agreement).where(Agreement.household_id == hid, Agreement.status == "signed",
                                             Agreement.deleted_at.is_(None)))
        if a is None:
            raise ValidationError(f"户 {h.household_code} 没有已签订的协议，不能交房验收")
        if a.signed_at is not None and handed_on < a.signed_at.astimezone(china_time.CHINA).date():
            raise ValidationError("交房日期早于协议签订日期", "handed_on")
        ho = Handover(household_id=hid, agreement_id=a.id, handed_on=handed_on, water_reading=values[0],
                      power_reading=values[1], gas_reading=values[2], keys_count=keys, checked_by=actor.username,
                      notes=notes.strip())
        s.add(ho)
        s.flush()
        n = attach_files(s, hid, ho.id, "handover", staged)
        h.status = handed_over
        info = HandoverInfo(ho.id.hex, h.household_code, handed_on, *values, keys, actor.username, ho.notes, n)
        return done(info, uow.commit())


def handover_of(db: Database, household_id: str | uuid.UUID) -> HandoverInfo | None:
    """The household's latest handover record (None when not handed over)."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        row = s.execute(select(Handover, Household.household_code).join(Household, Household.id == Handover.household_id)
                        .where(Handover.household_id == hid, Handover.deleted_at.is_(None))
                        .order_by(Handover.handed_on.desc(), Handover.created_at.desc()).limit(1)).first()
        if row is None:
            return None
        ho, code = row
        photos = s.scalar(select(func.count()).select_from(Attachment).where(
            Attachment.record_id == ho.id, Attachment.kind == "handover", Attachment.deleted_at.is_(None)))
        return HandoverInfo(ho.id.hex, code, ho.handed_on, ho.water_reading, ho.power_reading, ho.gas_reading,
                            ho.keys_count, ho.checked_by, ho.notes or "", int(photos or 0))
