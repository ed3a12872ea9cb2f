"""Appraisal import (issue 12 item 5) and the rule that a field device never authors an appraisal."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from import_helpers import ROSTER_HEADERS, roster_rows, write_xlsx
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.imports import apply_appraisals, apply_roster, plan_appraisals, plan_roster, undo_batch
from survey_app.core.storage.models import Appraisal, BuildingPart, Household

HEADERS = ["户号", "被征收人身份证号", "部位", "用途", "评估单价（元/㎡）", "结构", "成新", "装修等级", "装修金额",
           "附属物评估值", "评估报告编号", "评估机构", "评估时点"]


def _roster(db, admin, tmp_path: Path) -> None:
    apply_roster(db, admin, plan_roster(db, write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS, roster_rows(4, section="Z1"))))


def _row(code: str, part: str = "证载房屋", price: object = "13670", **kw) -> list:
    import datetime as dt

    return [code, "", part, kw.get("use", "住宅"), price, "砖混", kw.get("newness", "八成新"), "中档", "32000.50",
            kw.get("fixtures", "4800"), f"湘恒评字(2023)第{code[-2:]}号", "湖南恒信评估", dt.datetime(2023, 5, 10)]


def test_appraisals_match_households_and_parts_and_undo(demo_db, admin, tmp_path: Path) -> None:
    _roster(demo_db, admin, tmp_path)
    rows = [_row("Z1-0001"), _row("Z1-0002", part="厢房"), _row("Z9-0001"), _row("Z1-0003", price=13800.25)]
    path = write_xlsx(tmp_path / "评估.xlsx", HEADERS, rows, title="评估结果汇总表")
    plan = plan_appraisals(demo_db, path)
    assert plan.ok, plan.problems
    assert (plan.added, plan.skipped) == (3, 1)
    notes = [(n.row, n.message) for n in plan.notices]
    assert notes[0][0] == 5 and "厢房" in notes[0][1] and notes[1][0] == 6 and "Z9-0001" in notes[1][1]
    result = apply_appraisals(demo_db, admin, plan)
    with demo_db.read() as s:
        a = s.scalars(select(Appraisal).join(Household, Household.id == Appraisal.household_id)
                      .where(Household.household_code == "Z1-0001")).one()
        part = s.scalars(select(BuildingPart).where(BuildingPart.household_id == a.household_id)).one()
        assert (a.part_id, a.unit_price, a.decoration_value, a.fixtures_value) == (
            part.id, Decimal("13670.00"), Decimal("32000.50"), Decimal("4800.00"))
        assert (a.structure, a.newness, a.appraiser, a.appraised_on.isoformat(), a.import_batch) == (
            "砖混", "八成新", "湖南恒信评估", "2023-05-10", result.batch_id)
        loose = s.scalars(select(Appraisal).where(Appraisal.part_label == "厢房")).one()
        assert loose.part_id is None
    # the same file again updates in place; a changed price is an update
    rows[0][4] = "13700"
    again = apply_appraisals(demo_db, admin, plan_appraisals(demo_db, write_xlsx(tmp_path / "e2.xlsx", HEADERS, rows)))
    assert (again.added, again.updated, again.unchanged) == (0, 1, 2)
    assert "恢复更新前的评估结果1条" in undo_batch(demo_db, admin, again.batch_id)
    with demo_db.read() as s:
        prices = sorted(s.scalars(select(Appraisal.unit_price).where(Appraisal.import_batch != "",
                                                                     Appraisal.deleted_at.is_(None))))
        assert prices == [Decimal("13670.00"), Decimal("13670.00"), Decimal("13800.25")]


def test_bad_appraisal_values_refuse_the_file(demo_db, admin, tmp_path: Path) -> None:
    _roster(demo_db, admin, tmp_path)
    rows = [_row("Z1-0001", price="约一万三"), _row("Z1-0002", price=""), _row("Z1-0003", fixtures="-5"),
            _row("Z1-0001", part="证载房屋")]
    plan = plan_appraisals(demo_db, write_xlsx(tmp_path / "bad.xlsx", HEADERS, rows))
    assert [p.row for p in plan.problems] == [4, 5, 6, 7]
    assert "估计值" in plan.problems[0].message and "不能为空" in plan.problems[1].message
    assert "负数" in plan.problems[2].message and "与第4行是同一住户" in plan.problems[3].message
    with pytest.raises(ValidationError):
        apply_appraisals(demo_db, admin, plan)


def test_hq_refuses_an_appraisal_from_a_field_device(demo_db) -> None:
    from survey_app.core.sync.records import BY_NAME, Record
    from survey_app.core.sync.rights import check_field_bundle, remember_device_users

    with demo_db.engine.begin() as conn:
        remember_device_users(conn, "D07", ["worker"])
    with demo_db.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == "worker")).first()
    names = [c.name for c in BY_NAME["appraisals"].columns]
    row = {n: None for n in names} | {"id": uuid.uuid4().hex, "household_id": hid.hex, "rev": 1,
                                      "origin_device": "D07", "unit_price": 1500000, "use": "residential"}
    with demo_db.engine.connect() as conn:
        with pytest.raises(ValidationError, match="评估结果.*只能由指挥部下发"):
            check_field_bundle(conn, "D07", [Record("appraisals", row["id"], 1, 0, row)])
        member = dict(row, household_id=hid.hex)  # the same household's member is still the device's to write
        check_field_bundle(conn, "D07", [Record("members", member["id"], 1, 0, member)])
