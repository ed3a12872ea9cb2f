"""Roster import, step one: read the district's 入户名册 and check every row before anything is written.

``plan_roster`` reads the file, maps its columns, reads every cell exactly (cells.py), and matches each row to
an existing household by 身份证号, else 户号. Every problem of every row is listed (bad check digit, a
duplicate in the file, a 户号 and 身份证号 naming two different households, an empty 户主姓名, an inexact
area, an unknown 片区 when the project lists its sections). A row without 户号 gets the next free one of
its section ("A1-0007"), so the roster may come without codes; it must then carry the 身份证号 that a
re-import matches it by.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain import transitions
from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.services.imports import cells as C
from survey_app.core.services.imports import fields as F
from survey_app.core.services.imports.common import (
    Cancel,
    Plan,
    Problem,
    Progress,
    area_places,
    cell,
    column_name,
    current_project,
    missing_required,
    owner_type_code,
    use_code,
)
from survey_app.core.services.imports.reading import read_table
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import BuildingPart, Household, Tenure

LOCKED = tuple(sorted(s.value for s in transitions.FROZEN))  # signed or handed over (core/domain/transitions.py)


@dataclass
class RosterRow:
    row: int
    household_code: str
    head_name: str
    id_number: str
    phone: str
    address: str
    section: str
    certificate_no: str
    area: Decimal | None
    use: str | None
    notes: str
    owner_type: str | None = None  # 被征收人类型; None: the file says nothing (keep what is there)
    target: uuid.UUID | None = None  # the existing household it updates
    changes: dict | None = None  # field → new value, for an update


@dataclass
class Existing:
    """A household already in the project, as far as matching and updating need it."""

    id: uuid.UUID
    code: str
    id_number: str
    status: str
    deleted: bool
    fields: dict  # head_name, head_id_number, phone, address, section, owner_type
    area: Decimal | None  # its first building part's area (to 0.001 m² when surveyed so)
    use: str | None
    certificate_no: str | None  # its first tenure's


def plan_roster(db: Database, path: Path, mapping: dict[str, str] | None = None, *, header_row: int | None = None,
                progress: Progress | None = None, cancel: Cancel | None = None) -> Plan:
    """Everything a roster import would do, and every problem that stops it. Writes nothing."""
    project_id, project_code, sections = current_project(db)
    table = read_table(Path(path), "roster", header_row=header_row)
    remembered = F.remembered_mapping(db, "roster", project_code)
    resolved, mapping_problems = F.resolve(table.headers, "roster", mapping, remembered)
    plan = Plan("roster", Path(path), table, resolved, project_id, project_code)
    plan.problems += [Problem(0, "", m) for m in mapping_problems]
    missing_required(plan, "roster")
    if "household_code" not in resolved and "id_number" not in resolved:
        plan.problems.append(Problem(0, "", "找不到“户号”或“身份证号”列：至少要有一列，用来在再次导入时对应住户"))
    if plan.problems:
        return plan
    sec = _section_lookup(sections)
    places = area_places(db, project_id)  # 3 when the published policy counts areas to 0.001 m²
    total = len(table.rows)
    for n, (row_no, cells) in enumerate(table.rows, 1):
        plan.rows.append(_parse_row(plan, row_no, cells, sec, places))
        if progress and n % 2000 == 0:
            progress(n, total, "检查名册")
        if cancel and cancel():
            plan.problems.append(Problem(0, "", "已取消"))
            return plan
    match_rows(plan, load_existing(db, project_id))
    plan.problems.sort(key=lambda p: p.row)  # stable: a row's problems stay in column order
    if progress:
        progress(total, total, "检查名册")
    return plan


def _section_lookup(sections: list[dict]) -> dict[str, str] | None:
    if not sections:
        return None
    out: dict[str, str] = {}
    for s in sections:
        code = str(s.get("code") or "").strip()
        for name in (code, str(s.get("name") or "").strip()):
            if name:
                out.setdefault(unicodedata.normalize("NFKC", name), code or name)
    return out


def _parse_row(plan: Plan, row_no: int, cells: list, sections: dict[str, str] | None, places: int = 2) -> RosterRow:
    def read(key: str, fn, **kw: object):  # noqa: ANN001, ANN202 - one cell through its reader, a problem if refused
        try:
            return fn(cell(plan, cells, key), **kw)
        except C.CellError as e:
            plan.problems.append(Problem(row_no, column_name(plan, key), str(e)))
            return None

    r = RosterRow(
        row_no, read("household_code", C.code, what="户号") or "", read("head_name", C.limited, what="户主姓名", limit=128) or "",
        read("id_number", C.id_number) or "", read("phone", C.phone) or "",
        read("address", C.limited, what="房屋坐落", limit=128) or "",
        read("section", C.limited, what="片区/地块", limit=64) or "",
        read("certificate_no", C.code, what="产权证号", limit=64) or "",
        read("area", C.decimal, places=places, what="建筑面积"), read("use", use_code),
        read("notes", C.limited, what="备注", limit=2000) or "", read("owner_type", owner_type_code))
    if not r.head_name and "head_name" in plan.mapping:
        plan.problems.append(Problem(row_no, column_name(plan, "head_name"), "户主姓名不能为空"))
    if not r.household_code and not r.id_number and not _has_problem(plan, row_no):
        plan.problems.append(Problem(row_no, "", "户号和身份证号都是空的：至少填写一项"))
    if r.section and sections is not None:
        found = sections.get(r.section)
        if found is None:
            plan.problems.append(Problem(row_no, column_name(plan, "section"),
                                         f"片区/地块“{r.section}”不在本项目的片区列表中（可填：{'、'.join(sorted(set(sections.values())))}）"))
        else:
            r.section = found
    return r


def _has_problem(plan: Plan, row_no: int) -> bool:
    return any(p.row == row_no for p in plan.problems[-3:])


def load_existing(db: Database, project_id: uuid.UUID) -> list[Existing]:
    """Every household of the project (tombstones too: their 户号 stay taken) with its first part and tenure."""
    with db.read() as s:
        rows = s.execute(select(Household.id, Household.household_code, Household.head_id_number, Household.status,
                                Household.deleted_at, Household.head_name, Household.phone, Household.address,
                                Household.section, Household.owner_type).where(Household.project_id == project_id)).all()
        parts: dict = {}
        for hid, area, exact, use in s.execute(select(BuildingPart.household_id, BuildingPart.area,
                                                      BuildingPart.area_exact, BuildingPart.use)
                                               .where(BuildingPart.deleted_at.is_(None))
                                               .order_by(BuildingPart.household_id, BuildingPart.sort_order.desc())):
            parts[hid] = (area if exact is None else exact, use)  # the last written is the lowest sort order
        tenures: dict = {}
        for hid, cert in s.execute(select(Tenure.household_id, Tenure.certificate_no).where(Tenure.deleted_at.is_(None))
                                   .order_by(Tenure.household_id, Tenure.created_at.desc())):
            tenures[hid] = cert
    out = []
    for r in rows:
        area, use = parts.get(r.id, (None, None))
        out.append(Existing(r.id, r.household_code, r.head_id_number or "", r.status, r.deleted_at is not None,
                            dict(head_name=r.head_name, head_id_number=r.head_id_number, phone=r.phone,
                                 address=r.address, section=r.section, owner_type=r.owner_type), area, use, tenures.get(r.id)))
    return out


def match_rows(plan: Plan, existing: list[Existing]) -> None:
    """Match each row to a household (by 身份证号, else 户号), list conflicts and duplicates, give new rows a 户号."""
    by_code = {e.code: e for e in existing}
    by_id = {e.id_number: e for e in existing if e.id_number and not e.deleted}
    seen_code: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    plan.added = plan.updated = plan.unchanged = plan.skipped = 0
    plan.notices.clear()
    for r in plan.rows:
        r.target, r.changes = None, None
        if r.household_code:
            if r.household_code in seen_code:
                plan.problems.append(Problem(r.row, column_name(plan, "household_code"),
                                             f"户号“{r.household_code}”与第{seen_code[r.household_code]}行重复"))
            seen_code.setdefault(r.household_code, r.row)
        if r.id_number:
            if r.id_number in seen_id:
                plan.problems.append(Problem(r.row, column_name(plan, "id_number"),
                                             f"身份证号与第{seen_id[r.id_number]}行重复（同一人不能是两户的户主）"))
            seen_id.setdefault(r.id_number, r.row)
        by_person = by_id.get(r.id_number) if r.id_number else None
        by_number = by_code.get(r.household_code) if r.household_code else None
        if by_number is not None and by_number.deleted:
            plan.problems.append(Problem(r.row, column_name(plan, "household_code"),
                                         f"户号“{r.household_code}”属于一户已删除的住户，不能再用；请换一个户号"))
            continue
        if by_person is not None and by_number is not None and by_person.id != by_number.id:
            plan.problems.append(Problem(r.row, column_name(plan, "id_number"),
                                         f"身份证号属于已有住户 {by_person.code}，但户号“{r.household_code}”是另一户"))
            continue
        if by_person is not None and r.household_code and by_person.code != r.household_code:
            plan.problems.append(Problem(r.row, column_name(plan, "household_code"),
                                         f"身份证号属于已有住户 {by_person.code}，与本行户号“{r.household_code}”不符"))
            continue
        target = by_person or by_number
        if target is None:
            plan.added += 1
            continue
        r.target = target.id
        _changes(plan, r, target)
    _give_codes(plan, existing)


def _changes(plan: Plan, r: RosterRow, e: Existing) -> None:
    if e.status in LOCKED:
        plan.skipped += 1
        plan.notices.append(Problem(r.row, "", f"住户 {e.code} 已签约，名册中的改动未导入"))
        return
    new = dict(head_name=r.head_name, head_id_number=r.id_number, phone=r.phone, address=r.address, section=r.section,
               owner_type=r.owner_type)
    changes = {k: v for k, v in new.items() if v and v != e.fields[k]}
    property_changes = {}
    if r.area is not None and r.area != e.area:
        property_changes["area"] = r.area
    if r.use is not None and r.use != e.use and (r.area is not None or e.area is not None):
        property_changes["use"] = r.use
    if r.certificate_no and r.certificate_no != e.certificate_no:
        property_changes["certificate_no"] = r.certificate_no
    if property_changes and e.status != HouseholdStatus.PENDING.value:
        plan.notices.append(Problem(r.row, "", f"住户 {e.code} 已调查，面积、用途和产权证号以调查为准，未按名册更新"))
        property_changes = {}
    changes.update(property_changes)
    if changes:
        r.changes = changes
        plan.updated += 1
    else:
        plan.unchanged += 1


def _give_codes(plan: Plan, existing: list[Existing]) -> None:
    taken = {e.code for e in existing} | {r.household_code for r in plan.rows if r.household_code}
    next_no: dict[str, int] = {}
    for r in plan.rows:
        if r.household_code or r.target is not None:
            continue
        prefix = r.section or "H"
        n = next_no.get(prefix, 1)
        while f"{prefix}-{n:04d}" in taken:
            n += 1
        r.household_code = f"{prefix}-{n:04d}"
        taken.add(r.household_code)
        next_no[prefix] = n + 1
        if len(r.household_code) > 32:
            plan.problems.append(Problem(r.row, "", "片区/地块名称过长，无法生成户号：请在文件中填写户号"))
