"""Appraisal import (评估结果): the appraiser's sheet, one row per household and building part.

Each row is matched to a household by 户号 or 身份证号 (both given must name the same one) and to one of its
building parts by 部位 (the part's label) or 部位序号 (1 = the first part in the editor's order); no part is
created. A row whose part is not found is still written (part_label kept, part_id empty) and listed; a row
whose household is not found is not written and listed. Bad values (an inexact 评估单价, a date that is
none) refuse the whole file, as for the roster. A re-import updates the appraisal of the same household,
part (or part label) and use instead of adding a second one.

Appraisals are HQ's: a field device may not author them (core/sync/rights.py refuses them in a bundle).
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain.ids import new_id
from survey_app.core.domain.roles import Permission
from survey_app.core.services.imports import cells as C
from survey_app.core.services.imports import fields as F
from survey_app.core.services.imports.common import (
    Cancel,
    ImportResult,
    Plan,
    Problem,
    Progress,
    cell,
    chunks,
    column_name,
    current_project,
    missing_required,
    use_code,
)
from survey_app.core.services.imports.decoration import decoration_disagreement
from survey_app.core.services.imports.reading import read_table
from survey_app.core.storage.audit_writer import chain_head
from survey_app.core.storage.bulk import BulkWriter
from survey_app.core.storage.bulk import write as bulk_write
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Appraisal, BuildingPart, Household, ImportBatch
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor

VALUE_FIELDS = ("report_no", "appraiser", "use", "unit_price", "decoration_value", "appraised_on", "part_id",
                "part_label", "structure", "newness", "decoration_grade", "fixtures_value", "decoration_unit_price")


@dataclass
class AppraisalRow:
    row: int
    household_code: str
    id_number: str
    part_label: str
    part_no: int | None
    values: dict = field(default_factory=dict)
    household: uuid.UUID | None = None
    target: uuid.UUID | None = None  # the existing appraisal it updates


def plan_appraisals(db: Database, path: Path, mapping: dict[str, str] | None = None, *,
                    header_row: int | None = None, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> Plan:
    """Everything an appraisal import would do; every problem; what does not match. Writes nothing."""
    project_id, project_code, _sections = current_project(db)
    table = read_table(Path(path), "appraisal", header_row=header_row)
    resolved, mapping_problems = F.resolve(table.headers, "appraisal", mapping,
                                           F.remembered_mapping(db, "appraisal", project_code))
    plan = Plan("appraisal", Path(path), table, resolved, project_id, project_code)
    plan.problems += [Problem(0, "", m) for m in mapping_problems]
    missing_required(plan, "appraisal")
    if "household_code" not in resolved and "id_number" not in resolved:
        plan.problems.append(Problem(0, "", "找不到“户号”或“身份证号”列：评估结果要按其中一项对应到住户"))
    if plan.problems:
        return plan
    for row_no, cells in table.rows:
        plan.rows.append(_parse_row(plan, row_no, cells))
        if cancel and cancel():
            plan.problems.append(Problem(0, "", "已取消"))
            return plan
    match_appraisals(db, plan)
    plan.problems.sort(key=lambda p: p.row)
    plan.notices.sort(key=lambda p: p.row)
    if progress:
        progress(len(table.rows), len(table.rows), "检查评估结果")
    return plan


def _parse_row(plan: Plan, row_no: int, cells: list) -> AppraisalRow:
    def read(key: str, fn, **kw: object):  # noqa: ANN001, ANN202
        try:
            return fn(cell(plan, cells, key), **kw)
        except C.CellError as e:
            plan.problems.append(Problem(row_no, column_name(plan, key), str(e)))
            return None

    part_no = read("part_no", C.decimal, places=0, what="部位序号")
    r = AppraisalRow(row_no, read("household_code", C.code, what="户号") or "", read("id_number", C.id_number) or "",
                     read("part_label", C.limited, what="部位", limit=128) or "",
                     int(part_no) if part_no is not None else None)
    v = r.values
    v["unit_price"] = read("unit_price", C.decimal, places=2, what="评估单价", positive=True)
    v["use"] = read("use", use_code)
    v["structure"] = read("structure", C.limited, what="结构", limit=24) or ""
    v["newness"] = read("newness", C.percent_text, what="成新") or ""
    v["decoration_grade"] = read("decoration_grade", C.limited, what="装修等级", limit=16) or ""
    v["decoration_value"] = read("decoration_value", C.decimal, places=2, what="装修金额")
    v["decoration_unit_price"] = read("decoration_unit_price", C.decimal, places=2, what="装修单价")
    v["fixtures_value"] = read("fixtures_value", C.decimal, places=2, what="附属物评估值")
    v["report_no"] = read("report_no", C.code, what="报告编号", limit=64) or ""
    v["appraiser"] = read("appraiser", C.limited, what="评估机构", limit=128) or ""
    v["appraised_on"] = read("appraised_on", C.date, what="评估时点")
    if v["unit_price"] is None and C.is_empty(cell(plan, cells, "unit_price")):
        plan.problems.append(Problem(row_no, column_name(plan, "unit_price"), "评估单价不能为空"))
    if not r.household_code and not r.id_number and not any(p.row == row_no for p in plan.problems):
        plan.problems.append(Problem(row_no, "", "户号和身份证号都是空的：无法对应到住户"))
    return r


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s or "").replace(" ", "")


def match_appraisals(db: Database, plan: Plan) -> None:
    """Find each row's household, part and existing appraisal; duplicates in the file are problems."""
    with db.read() as s:
        hh = s.execute(select(Household.id, Household.household_code, Household.head_id_number)
                       .where(Household.project_id == plan.project_id, Household.deleted_at.is_(None))).all()
        parts: dict[uuid.UUID, list] = {}
        for p in s.execute(select(BuildingPart.household_id, BuildingPart.id, BuildingPart.label, BuildingPart.use,
                                  BuildingPart.area, BuildingPart.area_exact)
                           .where(BuildingPart.deleted_at.is_(None))
                           .order_by(BuildingPart.household_id, BuildingPart.sort_order, BuildingPart.created_at)):
            parts.setdefault(p.household_id, []).append(p)
        existing: dict[tuple, uuid.UUID] = {}
        for a in s.execute(select(Appraisal.id, Appraisal.household_id, Appraisal.part_id, Appraisal.part_label,
                                  Appraisal.use).where(Appraisal.deleted_at.is_(None))):
            existing[(a.household_id, a.part_id.hex if a.part_id else "#" + _norm(a.part_label), a.use)] = a.id
    by_code = {h.household_code: h.id for h in hh}
    by_id = {h.head_id_number: h.id for h in hh if h.head_id_number}
    code_of = {h.id: h.household_code for h in hh}
    plan.added = plan.updated = plan.unchanged = plan.skipped = 0
    plan.notices.clear()
    seen: dict[tuple, int] = {}
    for r in plan.rows:
        a = by_code.get(r.household_code) if r.household_code else None
        b = by_id.get(r.id_number) if r.id_number else None
        if a and b and a != b:
            plan.problems.append(Problem(r.row, column_name(plan, "id_number"),
                                         f"户号“{r.household_code}”与身份证号指向不同的住户（身份证号属于 {code_of[b]}）"))
            continue
        r.household = a or b
        if r.household is None:
            plan.skipped += 1
            what = f"户号“{r.household_code}”" if r.household_code else "身份证号"
            plan.notices.append(Problem(r.row, "", f"找不到{what}对应的住户，本行未导入"))
            continue
        part = _find_part(parts.get(r.household, []), r)
        if part is None and (r.part_label or r.part_no):
            plan.notices.append(Problem(r.row, "", f"住户 {code_of[r.household]} 没有部位“{r.part_label or r.part_no}”，"
                                                   "评估结果已导入但未关联到建筑部分"))
        v = r.values
        disagreement = decoration_disagreement(v, part)
        if disagreement:
            plan.problems.append(Problem(r.row, column_name(plan, "decoration_unit_price"), disagreement))
            continue
        v["part_id"] = part.id if part is not None else None
        v["part_label"] = r.part_label or (part.label if part is not None else "")
        v["use"] = v["use"] or (part.use if part is not None else "residential")
        key = (r.household, v["part_id"].hex if v["part_id"] else "#" + _norm(v["part_label"]), v["use"])
        if key in seen:
            plan.problems.append(Problem(r.row, "", f"与第{seen[key]}行是同一住户、同一部位和用途的评估结果"))
            continue
        seen[key] = r.row
        r.target = existing.get(key)
        if r.target is None:
            plan.added += 1
        else:
            plan.updated += 1


def _find_part(parts: list, r: AppraisalRow):  # noqa: ANN202
    if r.part_label:
        for p in parts:
            if _norm(p.label) == _norm(r.part_label):
                return p
    if r.part_no and 1 <= r.part_no <= len(parts):
        return parts[r.part_no - 1]
    return None


def apply_appraisals(db: Database, actor: Actor, plan: Plan, *, progress: Progress | None = None,
                     cancel: Cancel | None = None) -> ImportResult:
    """Write a checked appraisal plan as one undoable batch (refused whole when it has a problem)."""
    actor.require(Permission.IMPORT_ROSTER)
    if plan.kind != "appraisal":
        raise ValueError("not an appraisal plan")
    if not plan.ok:
        raise plan.refusal()
    batch_id = str(new_id())
    with db.uow(actor) as uow:
        s = uow.session
        conn = s.connection()
        match_appraisals(db, plan)
        if not plan.ok:
            raise plan.refusal()
        rows = [r for r in plan.rows if r.household is not None]
        summary: dict = {"added": [], "updated": {}, "households": sorted({r.household.hex for r in rows})}
        updates = [r for r in rows if r.target is not None]
        unchanged = 0
        for part in chunks(updates):
            found = {a.id: a for a in s.scalars(select(Appraisal).where(Appraisal.id.in_([r.target for r in part])))}
            for r in part:
                a = found[r.target]
                before = {k: getattr(a, k) for k in VALUE_FIELDS if getattr(a, k) != r.values[k]}
                if not before:
                    unchanged += 1
                    continue
                summary["updated"][a.id.hex] = {k: _json(v) for k, v in before.items()}
                for k in before:
                    setattr(a, k, r.values[k])
                a.import_batch = batch_id
        s.flush()
        w = BulkWriter(actor, chain_head(conn))
        for r in rows:
            if r.target is None:
                aid = new_id()
                w.add(Appraisal.__table__, dict(id=aid, household_id=r.household, notes="", import_batch=batch_id,
                                                **r.values))
                summary["added"].append(aid.hex)
        bulk_write(conn, w.take([Appraisal.__table__]))
        if cancel and cancel():
            return ImportResult("", "appraisal", 0, 0, 0, len(plan.rows))
        summary["written_until"] = utcnow().isoformat()
        added, changed = len(summary["added"]), len(summary["updated"])
        s.add(ImportBatch(id=batch_id, kind="appraisal", file_name=plan.table.file_name[:255],
                          file_sha256=plan.table.sha256, created_by=actor.username, rows_added=added,
                          rows_updated=changed, summary=json.dumps(summary, ensure_ascii=False)))
        uow.record("import", "import_batches", batch_id, {"kind": "appraisal", "added": added, "updated": changed,
                                                            "file_sha256": plan.table.sha256})
        uow.commit()
    F.remember_mapping(db, "appraisal", plan.project_code, plan.mapped_headers)
    if progress:
        progress(len(plan.rows), len(plan.rows), "导入完成")
    return ImportResult(batch_id, "appraisal", added, changed, unchanged, plan.skipped, tuple(plan.notices))


def _json(v: object) -> object:
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, Decimal):
        return str(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v
