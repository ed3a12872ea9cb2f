"""Roster import (issue 12 item 4): real .xlsx and .csv files, every problem listed before anything is
written, re-import without duplicates, undo while untouched."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from import_helpers import ROSTER_HEADERS, bad_check_digit, roster_rows, write_xlsx
from sqlalchemy import func, select

from survey_app.core.domain.errors import PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services.imports import apply_roster, list_batches, plan_roster, undo_batch
from survey_app.core.storage.models import AuditEvent, BuildingPart, Household, Member, Project, Tenure
from survey_app.core.storage.uow import Actor


def _count(db, *where) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Household).where(Household.deleted_at.is_(None), *where))


def test_every_problem_is_listed_with_its_row_and_nothing_is_written(demo_db, admin, tmp_path: Path) -> None:
    rows = roster_rows(6, section="Z1")
    rows[1][3] = bad_check_digit(rows[1][3])  # row 5 (title, date line and header above)
    rows[2][2] = ""  # row 6: no head name
    rows[3][8] = "约50"  # row 7
    rows[4][8] = "50平"  # row 8
    rows.append(list(rows[0]))  # row 10 repeats row 4
    path = write_xlsx(tmp_path / "名册.xlsx", ROSTER_HEADERS, rows)
    before, events = _count(demo_db), _events(demo_db)
    plan = plan_roster(demo_db, path)
    assert plan.table.header_row == 3
    found = [(p.row, p.message) for p in plan.problems]
    assert [r for r, _ in found] == [5, 6, 7, 8, 10, 10]
    assert "校验位" in found[0][1] and "户主姓名不能为空" in found[1][1]
    assert "估计值" in found[2][1] and "单位" in found[3][1]
    assert "与第4行重复" in found[4][1] and "与第4行重复" in found[5][1]
    with pytest.raises(ValidationError, match="6个问题"):
        apply_roster(demo_db, admin, plan)
    assert (_count(demo_db), _events(demo_db)) == (before, events)


def _events(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def test_unknown_section_is_refused_when_the_project_lists_its_sections(demo_db, admin, tmp_path: Path) -> None:
    with demo_db.uow(admin) as uow:
        uow.session.scalars(select(Project)).one().sections = json.dumps(
            [{"code": "Z1", "name": "一组"}, {"code": "Z2", "name": "二组"}], ensure_ascii=False)
        uow.commit()
    rows = roster_rows(3, section="Z1")
    rows[1][6] = "二组"  # by name: stored as its code
    rows[2][6] = "Z9"
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS, rows))
    assert [(p.row, "不在本项目的片区列表" in p.message) for p in plan.problems] == [(6, True)]
    rows.pop()
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "r2.xlsx", ROSTER_HEADERS, rows))
    apply_roster(demo_db, admin, plan)
    with demo_db.read() as s:
        assert s.scalar(select(Household.section).where(Household.household_code == "Z1-0002")) == "Z2"


def test_import_reimport_update_and_undo(demo_db, admin, tmp_path: Path) -> None:
    before = _count(demo_db)
    path = write_xlsx(tmp_path / "名册.xlsx", ROSTER_HEADERS, roster_rows(30, section="Z1"), text_columns=(3, 4))
    first = apply_roster(demo_db, admin, plan_roster(demo_db, path))
    assert (first.added, first.updated) == (30, 0)
    assert _count(demo_db) == before + 30
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.household_code == "Z1-0007")).one()
        assert h.import_batch == first.batch_id and h.status == "pending" and h.search_key
        head = s.scalars(select(Member).where(Member.household_id == h.id)).one()
        assert head.relation == "head" and head.id_number == h.head_id_number and head.sex in ("男", "女")
        part = s.scalars(select(BuildingPart).where(BuildingPart.household_id == h.id)).one()
        assert part.area == Decimal("56.30") and part.use == "residential"
        assert s.scalars(select(Tenure).where(Tenure.household_id == h.id)).one().certificate_no.endswith("0000007号")
    again = apply_roster(demo_db, admin, plan_roster(demo_db, path))  # the same file again: no duplicates
    assert (again.added, again.updated, again.unchanged) == (0, 0, 30)
    rows = roster_rows(31, section="Z1")
    rows[4][4] = "13912345678"  # a new phone for Z1-0005, matched by its ID number with no 户号 given
    rows[4][1] = ""
    rows[9][8] = "60.5"
    third = apply_roster(demo_db, admin, plan_roster(demo_db, write_xlsx(tmp_path / "r3.xlsx", ROSTER_HEADERS, rows)))
    assert (third.added, third.updated, third.unchanged) == (1, 2, 28)
    assert _count(demo_db) == before + 31
    with demo_db.read() as s:
        assert s.scalar(select(Household.phone).where(Household.household_code == "Z1-0005")) == "13912345678"
    with pytest.raises(ValidationError, match="Z1-0005.*住户"):  # the first batch's households changed since
        undo_batch(demo_db, admin, first.batch_id)
    assert "删除新增住户1户" in undo_batch(demo_db, admin, third.batch_id)
    assert _count(demo_db) == before + 30
    with demo_db.read() as s:
        assert s.scalar(select(Household.phone).where(Household.household_code == "Z1-0005")) == "13800000005"
        part = s.scalars(select(BuildingPart).join(Household, Household.id == BuildingPart.household_id)
                         .where(Household.household_code == "Z1-0010")).one()
        assert part.area == Decimal("56.30")
    with pytest.raises(ValidationError, match="已经撤销"):
        undo_batch(demo_db, admin, third.batch_id)
    assert "删除新增住户0户" in undo_batch(demo_db, admin, again.batch_id)
    # batch 1's households were changed (by batch 3 and its undo) after it: undo stays refused, conservatively
    with pytest.raises(ValidationError, match="不能撤销"):
        undo_batch(demo_db, admin, first.batch_id)
    assert [b.undone_at is not None for b in list_batches(demo_db)] == [True, True, False]


def test_undo_then_import_again_reuses_the_numbers(demo_db, admin, tmp_path: Path) -> None:
    before = _count(demo_db)
    path = write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS, roster_rows(12, section="Z1"))
    first = apply_roster(demo_db, admin, plan_roster(demo_db, path))
    assert "删除新增住户12户" in undo_batch(demo_db, admin, first.batch_id[-8:])
    assert _count(demo_db) == before
    assert apply_roster(demo_db, admin, plan_roster(demo_db, path)).added == 12
    assert _count(demo_db) == before + 12


def test_undo_is_refused_once_a_household_is_surveyed(demo_db, admin, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS, roster_rows(3, section="Z1"))
    result = apply_roster(demo_db, admin, plan_roster(demo_db, path))
    with demo_db.uow(admin) as uow:
        h = uow.session.scalars(select(Household).where(Household.household_code == "Z1-0002")).one()
        uow.session.add(Member(household_id=h.id, name="新成员", relation="child"))
        uow.commit()
    with pytest.raises(ValidationError, match="不能撤销：住户 Z1-0002.*家庭成员"):
        undo_batch(demo_db, admin, result.batch_id)
    assert _count(demo_db, Household.household_code.like("Z1-%")) == 3


def test_a_field_worker_may_not_import(demo_db, tmp_path: Path) -> None:
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS, roster_rows(2)))
    with pytest.raises(PermissionDenied):
        apply_roster(demo_db, Actor("worker", Role.FIELD_WORKER, "D01"), plan)


def test_gbk_csv_without_codes_and_remembered_mapping(demo_db, admin, tmp_path: Path) -> None:
    from import_helpers import resident_id

    lines = ["户主,证件号码,手机,住址,区块,登记面积", f"李四,{resident_id(501)},13800000501,古稻田路1号,Z3,45",
             f"王五,{resident_id(502)},,古稻田路2号,Z3,38.25"]
    path = tmp_path / "名册.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    plan = plan_roster(demo_db, path)
    assert plan.table.source == "CSV（GBK/GB18030 编码）" and plan.ok, plan.problems
    assert apply_roster(demo_db, admin, plan).added == 2
    with demo_db.read() as s:
        assert set(s.scalars(select(Household.household_code).where(Household.section == "Z3"))) == {"Z3-0001", "Z3-0002"}
    # a header the names don't cover, mapped once by hand, is remembered for the project
    other = tmp_path / "u.csv"
    other.write_text("\ufeff户主,居民身份证,房号\n赵六," + resident_id(503) + ",Z3-0100\n", encoding="utf-8")
    assert "household_code" not in plan_roster(demo_db, other).mapping
    plan = plan_roster(demo_db, other, {"id_number": "居民身份证", "household_code": "房号"})
    assert plan.table.source == "CSV（UTF-8（带BOM） 编码）" and plan.ok
    apply_roster(demo_db, admin, plan)
    assert plan_roster(demo_db, other).mapped_headers["household_code"] == "房号"


def test_excel_numbers_are_read_exactly_or_refused(demo_db, tmp_path: Path) -> None:
    rows = roster_rows(4, section="Z1")
    rows[0][8] = 50.5  # a number cell: exact
    rows[1][8] = 50.49999999  # shows as 50.50 with two places: refused, not rounded
    rows[2][3] = 430102195001010011  # an ID typed as a number: its last digits are gone
    rows[3][8] = 0.1 + 0.2 + 40  # 40.300000000000004 in binary: Excel's 15 digits give 40.3
    path = write_xlsx(tmp_path / "n.xlsx", ROSTER_HEADERS, rows)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["I5"].number_format = "0.00"
    wb.save(path)
    plan = plan_roster(demo_db, path)
    assert [(p.row, p.column) for p in plan.problems] == [(5, "建筑面积（㎡）"), (6, "公民身份号码")]
    assert "50.49999999" in plan.problems[0].message and "50.50" in plan.problems[0].message
    assert "文本" in plan.problems[1].message
    assert [r.area for r in plan.rows if r.row in (4, 7)] == [Decimal("50.50"), Decimal("40.30")]
