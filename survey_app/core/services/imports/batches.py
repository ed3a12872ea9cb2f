"""Import batches: the list HQ sees, and 撤销本批 (undo) while a batch is untouched.

A batch is untouched when no row of any household it wrote (the household itself, members, parts, tenure,
appraisals, calculations, agreements, photos …) has changed since the batch finished writing
(``summary.written_until``): no survey, no calculation, no agreement, no later import. Otherwise undo is
refused, naming the first household (by 户号, never by name) and what changed.

Undo tombstones what the batch added (deletions travel to laptops like any change) and puts back what it
replaced. A tombstoned household keeps its row, so its 户号 would stay taken: undo renames it
``<户号>~<batch>`` so the corrected roster can use the number again.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.services.imports.common import chunks, short_id
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Appraisal, Base, BuildingPart, Household, ImportBatch, Member, Tenure
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor
from survey_app.core.sync.rights import TABLE_LABELS

KIND_LABELS = {"roster": "入户名册", "appraisal": "评估结果"}


@dataclass(frozen=True)
class BatchInfo:
    id: str
    kind: str
    file_name: str
    created_at: dt.datetime
    created_by: str
    rows_added: int
    rows_updated: int
    undone_at: dt.datetime | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def list_batches(db: Database) -> list[BatchInfo]:
    """Every import batch, newest first."""
    with db.read() as s:
        return [BatchInfo(b.id, b.kind, b.file_name, b.created_at, b.created_by, b.rows_added, b.rows_updated,
                          b.undone_at)
                for b in s.scalars(select(ImportBatch).order_by(ImportBatch.created_at.desc()))]


def find_batch(db: Database, ref: str) -> str:
    """The id of the batch ``ref`` names: its id, or its first or last 6+ characters."""
    ref = (ref or "").strip().lower()
    if len(ref) < 6:
        raise ValidationError("请给出批次编号（至少前6位）")
    with db.read() as s:
        ids = list(s.scalars(select(ImportBatch.id).where(ImportBatch.id.like(ref + "%")
                                                           | ImportBatch.id.like("%" + ref))))
    if not ids:
        raise NotFound(f"没有编号为 {ref} 的导入批次")
    if len(ids) > 1:
        raise ValidationError(f"编号 {ref} 对应多个批次，请多给几位")
    return ids[0]


def _household_tables() -> list:
    return [t for t in Base.metadata.sorted_tables if "household_id" in t.c and "updated_at" in t.c]


def _changed_since(session, household_ids: list[uuid.UUID],  # noqa: ANN001
                   since: dt.datetime) -> tuple[uuid.UUID, str] | None:
    """The first (household, table) with a row changed after ``since`` (a calculation or agreement made
    since counts: those tables carry household_id too)."""
    hh = Household.__table__
    for part in chunks(household_ids):
        found = session.execute(select(hh.c.id).where(hh.c.id.in_(part), hh.c.updated_at > since).limit(1)).first()
        if found:
            return found[0], "households"
        for t in _household_tables():
            found = session.execute(select(t.c.household_id).where(t.c.household_id.in_(part),
                                                                   t.c.updated_at > since).limit(1)).first()
            if found:
                return found[0], t.name
    return None


def undo_batch(db: Database, actor: Actor, batch_ref: str) -> str:
    """Undo an untouched batch; returns a one-line Chinese report. Refused (ValidationError) when touched."""
    actor.require(Permission.IMPORT_ROSTER)
    batch_id = find_batch(db, batch_ref)
    with db.uow(actor) as uow:
        s = uow.session
        batch = s.get(ImportBatch, batch_id)
        if batch.undone_at is not None:
            raise ValidationError(f"批次 {short_id(batch_id)} 已经撤销过了")
        summary = json.loads(batch.summary or "{}")
        since = dt.datetime.fromisoformat(summary["written_until"])
        if batch.kind == "roster":
            line = _undo_roster(uow, batch, summary, since)
        else:
            line = _undo_appraisal(uow, batch, summary, since)
        batch.undone_at = utcnow()
        uow.record("undo_import", "import_batches", batch_id, {"kind": batch.kind})
        uow.commit()
    return line


def _refuse_touched(session, ids: list[uuid.UUID], since: dt.datetime) -> None:  # noqa: ANN001
    touched = _changed_since(session, ids, since)
    if touched:
        hid, table = touched
        code = session.scalar(select(Household.household_code).where(Household.id == hid)) or hid.hex[:8]
        raise ValidationError(f"不能撤销：住户 {code} 在导入后已有改动（{TABLE_LABELS.get(table, table)}）。"
                              "撤销只适用于导入后还没有人动过的批次；请改正文件后重新导入（会按身份证号/户号更新）。")


def _tombstone(session, model, ids: list[uuid.UUID], now: dt.datetime) -> int:  # noqa: ANN001
    n = 0
    for part in chunks(ids):
        for obj in session.scalars(select(model).where(model.id.in_(part), model.deleted_at.is_(None))):
            obj.deleted_at = now
            n += 1
    return n


def _undo_roster(uow, batch: ImportBatch, summary: dict, since: dt.datetime) -> str:  # noqa: ANN001
    s = uow.session
    added = [uuid.UUID(h) for h in summary.get("added", [])]
    updated = summary.get("updated", {})
    _refuse_touched(s, added + [uuid.UUID(h) for h in updated], since)
    now = utcnow()
    children = [Member, Tenure, BuildingPart]
    for model in children:
        for part in chunks(added):
            for obj in s.scalars(select(model).where(model.household_id.in_(part), model.deleted_at.is_(None))):
                obj.deleted_at = now
    for part in chunks(added):
        for h in s.scalars(select(Household).where(Household.id.in_(part))):
            h.deleted_at = now
            h.household_code = f"{h.household_code[:22]}~{short_id(batch.id)}"
    extra = summary.get("extra_rows", [])
    by_table = {"building_parts": BuildingPart, "tenures": Tenure}
    for table, rid in extra:
        _tombstone(s, by_table[table], [uuid.UUID(rid)], now)
    for hid, record in updated.items():
        h = s.get(Household, uuid.UUID(hid))
        for k, v in record.get("household", {}).items():
            setattr(h, k, v)
        for key, model in (("member", Member), ("part", BuildingPart), ("tenure", Tenure)):
            if key in record:
                obj = s.get(model, uuid.UUID(record[key]["id"]))
                for k, v in record[key]["before"].items():
                    setattr(obj, k, restore_value(model, k, v))
    return f"已撤销批次 {short_id(batch.id)}：删除新增住户{len(added)}户，恢复更新前的住户{len(updated)}户"


def restore_value(model, key: str, value: object) -> object:  # noqa: ANN001
    """A before-value from the batch summary (JSON) back in the column's Python type."""
    if value is None:
        return None
    python_type = model.__table__.c[key].type.python_type
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    if python_type is Decimal:
        return Decimal(value)
    return value


def _undo_appraisal(uow, batch: ImportBatch, summary: dict, since: dt.datetime) -> str:  # noqa: ANN001
    s = uow.session
    added = [uuid.UUID(a) for a in summary.get("added", [])]
    updated = summary.get("updated", {})
    households = [uuid.UUID(h) for h in summary.get("households", [])]
    _refuse_touched(s, households, since)
    now = utcnow()
    _tombstone(s, Appraisal, added, now)
    for aid, before in updated.items():
        obj = s.get(Appraisal, uuid.UUID(aid))
        for k, v in before.items():
            setattr(obj, k, uuid.UUID(v) if k == "part_id" and v else restore_value(Appraisal, k, v))
    return f"已撤销批次 {short_id(batch.id)}：删除新增评估结果{len(added)}条，恢复更新前的评估结果{len(updated)}条"

