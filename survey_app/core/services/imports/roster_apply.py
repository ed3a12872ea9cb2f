"""Roster import, step two: write a checked plan in one transaction, as one undoable import batch.

New households (with the head as first member, a tenure for the 产权证号 and one registered building part for
the 建筑面积) go through the bulk writer: rows in stored form by ``executemany``, each with its audit event in
the same chain (10k households ≈ 40k rows in a few seconds, where the ORM would take ~4× longer). Updates of
existing households go through the unit of work (audited field by field); what they replaced is kept in the
batch's summary so 撤销本批 can put it back. The match is done again inside the write transaction, so a
household added since the plan was shown cannot be doubled.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

from sqlalchemy import select

from survey_app.core.domain.ids import new_id
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.domain.validation import parse_resident_id
from survey_app.core.services.imports import fields as F
from survey_app.core.services.imports.common import Cancel, ImportResult, Plan, Progress, chunks, part_areas
from survey_app.core.services.imports.roster import RosterRow, load_existing, match_rows
from survey_app.core.storage.audit_writer import chain_head
from survey_app.core.storage.bulk import BulkWriter
from survey_app.core.storage.bulk import write as bulk_write
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import BuildingPart, Household, ImportBatch, Member, Tenure
from survey_app.core.storage.search_key import household_search_fields
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor

PART_LABEL = "证载房屋"  # the one building part a roster row describes: the registered area
_ORDER = [t.__table__ for t in (Household, Member, Tenure, BuildingPart)]


def apply_roster(db: Database, actor: Actor, plan: Plan, *, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> ImportResult:
    """Write ``plan`` (refused whole when it has any problem). Returns what was done and the batch id."""
    actor.require(Permission.IMPORT_ROSTER)
    if plan.kind != "roster":
        raise ValueError("not a roster plan")
    if not plan.ok:
        raise plan.refusal()
    batch_id = str(new_id())
    total = len(plan.rows)
    with db.uow(actor) as uow:
        session = uow.session
        conn = session.connection()  # BEGIN IMMEDIATE: from here no other writer can change what we match
        match_rows(plan, load_existing(db, plan.project_id))
        if not plan.ok:
            raise plan.refusal()
        summary: dict = {"added": [], "updated": {}, "extra_rows": []}
        updates = [r for r in plan.rows if r.target is not None and r.changes]
        writer = None
        for n, part in enumerate(chunks(updates), 1):
            writer = _update_chunk(session, actor, part, summary, writer, conn)
            if progress:
                progress(min(n * 500, len(updates)), total, "更新已有住户")
        session.flush()
        if writer is None:
            writer = BulkWriter(actor, chain_head(conn))
        new_rows = [r for r in plan.rows if r.target is None]
        for n, r in enumerate(new_rows, 1):
            summary["added"].append(_add_household(writer, plan, r, batch_id).hex)
            if n % 2000 == 0:
                bulk_write(conn, writer.take(_ORDER))
                if progress:
                    progress(len(updates) + n, total, "写入新住户")
                if cancel and cancel():
                    return _cancelled(plan)
        bulk_write(conn, writer.take(_ORDER))
        summary["written_until"] = utcnow().isoformat()
        summary["file_rows"] = total
        session.add(ImportBatch(id=batch_id, kind="roster", file_name=plan.table.file_name[:255],
                                file_sha256=plan.table.sha256, created_by=actor.username, rows_added=len(new_rows),
                                rows_updated=len(updates), summary=json.dumps(summary, ensure_ascii=False)))
        uow.record("import", "import_batches", batch_id, {"kind": "roster", "added": len(new_rows),
                                                            "updated": len(updates), "file_sha256": plan.table.sha256})
        uow.commit()
    F.remember_mapping(db, "roster", plan.project_code, plan.mapped_headers)
    if progress:
        progress(total, total, "导入完成")
    return ImportResult(batch_id, "roster", len(new_rows), len(updates), plan.unchanged, plan.skipped,
                        tuple(plan.notices))


def _cancelled(plan: Plan) -> ImportResult:
    # Leaving the unit of work without commit rolls everything back: nothing of the file is written.
    return ImportResult("", "roster", 0, 0, 0, len(plan.rows), ())


def _person(id_number: str) -> tuple[str, dt.date | None]:
    if not id_number:
        return "", None
    rid = parse_resident_id(id_number)
    return rid.sex, rid.birth_date


def _add_household(w: BulkWriter, plan: Plan, r: RosterRow, batch_id: str) -> uuid.UUID:
    hid = new_id()
    pinyin, initials, key = household_search_fields(r.household_code, r.head_name, r.id_number, r.phone, r.address)
    w.add(Household.__table__, dict(
        id=hid, project_id=plan.project_id, household_code=r.household_code, status=HouseholdStatus.PENDING.value,
        head_name=r.head_name, head_id_number=r.id_number, phone=r.phone, address=r.address, section=r.section,
        name_pinyin=pinyin, name_initials=initials, search_key=key, notes=r.notes, origin="roster",
        import_batch=batch_id, owner_type=r.owner_type or "individual"))
    sex, born = _person(r.id_number)
    w.add(Member.__table__, dict(id=new_id(), household_id=hid, sort_order=0, name=r.head_name, relation="head",
                                 id_number=r.id_number, sex=sex, birth_date=born, phone=r.phone))
    if r.certificate_no or r.area is not None:
        w.add(Tenure.__table__, _tenure(hid, r))
    if r.area is not None:
        w.add(BuildingPart.__table__, _part(hid, r.area, r.use))
    return hid


def _tenure(hid: uuid.UUID, r: RosterRow) -> dict:
    return dict(id=new_id(), household_id=hid, owner_name=r.head_name, owner_id_number=r.id_number,
                certificate_no=r.certificate_no, share=Decimal("1"))


def _part(hid: uuid.UUID, area: Decimal, use: str | None) -> dict:
    return dict(id=new_id(), household_id=hid, sort_order=0, label=PART_LABEL, **part_areas(area),
                use=use or "residential", legality="registered")


def _text(v: object) -> object:
    return str(v) if isinstance(v, Decimal) else v


def _iso(v: object) -> object:
    """A before-value as JSON keeps it (undo reads it back through ``restore_value``)."""
    return v.isoformat() if isinstance(v, dt.date) else _text(v)


def _update_chunk(session, actor: Actor, rows: list[RosterRow], summary: dict,  # noqa: ANN001
                  writer: BulkWriter | None, conn) -> BulkWriter | None:  # noqa: ANN001
    ids = [r.target for r in rows]
    households = {h.id: h for h in session.scalars(select(Household).where(Household.id.in_(ids)))}
    heads = {m.household_id: m for m in session.scalars(
        select(Member).where(Member.household_id.in_(ids), Member.relation == "head", Member.deleted_at.is_(None))
        .order_by(Member.sort_order.desc()))}
    parts = {p.household_id: p for p in session.scalars(
        select(BuildingPart).where(BuildingPart.household_id.in_(ids), BuildingPart.deleted_at.is_(None))
        .order_by(BuildingPart.sort_order.desc()))}
    tenures = {t.household_id: t for t in session.scalars(
        select(Tenure).where(Tenure.household_id.in_(ids), Tenure.deleted_at.is_(None))
        .order_by(Tenure.created_at.desc()))}
    for r in rows:
        h = households[r.target]
        c = r.changes or {}
        record: dict = {"household": {}}
        for key in ("head_name", "head_id_number", "phone", "address", "section", "owner_type"):
            if key in c:
                record["household"][key] = getattr(h, key)
                setattr(h, key, c[key])
        head = heads.get(h.id)
        member_changes = {"name": c.get("head_name"), "id_number": c.get("head_id_number"), "phone": c.get("phone")}
        member_changes = {k: v for k, v in member_changes.items() if v}
        if head is not None and member_changes:
            if "id_number" in member_changes:
                member_changes["sex"], member_changes["birth_date"] = _person(member_changes["id_number"])
            record["member"] = {"id": head.id.hex, "before": {k: _iso(getattr(head, k)) for k in member_changes}}
            for k, v in member_changes.items():
                setattr(head, k, v)
        part = parts.get(h.id)
        if "area" in c or "use" in c:
            if part is not None:
                new = {**(part_areas(c["area"]) if "area" in c else {}), **({"use": c["use"]} if "use" in c else {})}
                record["part"] = {"id": part.id.hex, "before": {k: _text(getattr(part, k)) for k in new}}
                for k, v in new.items():
                    setattr(part, k, v)
            elif "area" in c:
                writer = writer or BulkWriter(actor, chain_head(conn))
                row = _part(h.id, c["area"], c.get("use"))
                writer.add(BuildingPart.__table__, row)
                summary["extra_rows"].append(["building_parts", row["id"].hex])
        if "certificate_no" in c:
            tenure = tenures.get(h.id)
            if tenure is not None:
                record["tenure"] = {"id": tenure.id.hex, "before": {"certificate_no": tenure.certificate_no}}
                tenure.certificate_no = c["certificate_no"]
            else:
                writer = writer or BulkWriter(actor, chain_head(conn))
                row = _tenure(h.id, r)
                writer.add(Tenure.__table__, row)
                summary["extra_rows"].append(["tenures", row["id"].hex])
        summary["updated"][h.id.hex] = record
    return writer
