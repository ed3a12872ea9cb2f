"""装修单价 (decoration unit price, 元/m²) in the appraisal import (issue 13 gap “装修的每平方米评估单价”): an optional
column, exact to the fen, kept per building part (appraisals.decoration_unit_price, migration 0014); a row giving
both 装修金额 and 装修单价 must agree (单价 × the part's area, half up to the cent). The value reaches the engine's
input, the editor shows it (read-only), a task bundle carries it to the laptop, and HQ's re-derivation of the
laptop's calculation agrees with it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from import_helpers import ROSTER_HEADERS, roster_rows, write_xlsx
from openpyxl import load_workbook
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services import imports
from survey_app.core.services.imports import apply_appraisals, apply_roster, plan_appraisals, plan_roster, undo_batch
from survey_app.core.services.imports.templates import write_template
from survey_app.core.storage.calc_inputs import household_input
from survey_app.core.storage.models import Appraisal, Household

HEADERS = ["户号", "部位序号", "用途", "评估单价", "装修金额", "装修单价（元/㎡）"]


def _roster(db, admin, tmp_path: Path) -> None:  # four households of one part each, 56.30 m²
    apply_roster(db, admin, plan_roster(db, write_xlsx(tmp_path / "r.xlsx", ROSTER_HEADERS, roster_rows(4, section="Z1"))))


def _stored(db, code: str) -> Appraisal:
    with db.read() as s:
        return s.scalars(select(Appraisal).join(Household, Household.id == Appraisal.household_id)
                         .where(Household.household_code == code, Appraisal.deleted_at.is_(None))).one()


def test_the_unit_price_is_read_kept_per_part_and_reaches_the_engine(demo_db, admin, tmp_path: Path) -> None:
    _roster(demo_db, admin, tmp_path)
    rows = [["Z1-0001", 1, "住宅", "13670", None, "305.50"],
            # 56.30 × 250.55 = 14,105.965 → half up 14,105.97: the two agree
            ["Z1-0002", 1, "住宅", "13670", "14105.97", "250.55"],
            ["Z1-0003", 1, "住宅", "13670", "20000", None]]  # amount only, as before
    plan = plan_appraisals(demo_db, write_xlsx(tmp_path / "评估.xlsx", HEADERS, rows))
    assert plan.ok, plan.problems
    assert plan.mapped_headers["decoration_unit_price"] == "装修单价（元/㎡）"
    result = apply_appraisals(demo_db, admin, plan)
    assert result.added == 3
    one, two, three = (_stored(demo_db, c) for c in ("Z1-0001", "Z1-0002", "Z1-0003"))
    assert (one.decoration_unit_price, one.decoration_value) == (Decimal("305.50"), None)
    assert (two.decoration_unit_price, two.decoration_value) == (Decimal("250.55"), Decimal("14105.97"))
    assert (three.decoration_unit_price, three.decoration_value) == (None, Decimal("20000.00"))
    with demo_db.read() as s:
        part = household_input(s, s.get(Household, one.household_id), dt.date(2023, 6, 1)).building_parts[0]
    assert (part.area, part.decoration_unit_price, part.decoration_value) == (Decimal("56.30"), Decimal("305.50"), None)
    # a changed unit price updates the row in place; undo puts the old one back
    rows[0][5] = "320"
    again = apply_appraisals(demo_db, admin, plan_appraisals(demo_db, write_xlsx(tmp_path / "e2.xlsx", HEADERS, rows)))
    assert (again.added, again.updated, again.unchanged) == (0, 1, 2)
    assert _stored(demo_db, "Z1-0001").decoration_unit_price == Decimal("320.00")
    undo_batch(demo_db, admin, again.batch_id)
    assert _stored(demo_db, "Z1-0001").decoration_unit_price == Decimal("305.50")


def test_an_inexact_or_disagreeing_unit_price_refuses_the_file_naming_the_row(demo_db, admin, tmp_path: Path) -> None:
    _roster(demo_db, admin, tmp_path)
    rows = [["Z1-0001", 1, "住宅", "13670", None, "305.505"],  # row 2: three decimals
            ["Z1-0002", 1, "住宅", "13670", "14105.96", "250.55"],  # row 3: 56.30 × 250.55 → 14,105.97, not .96
            ["Z1-0003", 1, "住宅", "13670", None, "约300"],  # row 4: not a number
            ["Z1-0004", 1, "住宅", "13670", "14105.97", "250.55"]]  # row 5: fine
    plan = plan_appraisals(demo_db, write_xlsx(tmp_path / "bad.xlsx", HEADERS, rows, title=None))
    assert [(p.row, p.column) for p in plan.problems] == [(2, "装修单价（元/㎡）"), (3, "装修单价（元/㎡）"),
                                                          (4, "装修单价（元/㎡）")]
    assert "超过2位小数" in plan.problems[0].message
    assert plan.problems[1].message == ("装修单价与装修金额不一致：250.55 元/m² × 56.30 m²（该部位面积）= 14,105.97 元，"
                                        "而装修金额是 14,105.96 元；请核对评估报告，只填其中一项也可以")
    with pytest.raises(ValidationError):
        apply_appraisals(demo_db, admin, plan)
    with demo_db.read() as s:
        assert s.scalar(select(Appraisal.id).where(Appraisal.decoration_unit_price.is_not(None))) is None


def test_the_blank_template_has_the_optional_column_and_imports_it(demo_db, admin, tmp_path: Path) -> None:
    path = write_template("appraisal", tmp_path / "评估.xlsx")
    wb = load_workbook(path)
    heads = [c.value for c in wb.worksheets[0][1]]
    assert "装修单价" in heads and "＊装修单价" not in heads  # optional
    notes = {r[0].value: (r[1].value, r[2].value) for r in wb["填写说明"].iter_rows(min_row=2, max_col=3)}
    required, hint = notes["装修单价"]
    assert required is None and "可不填" in hint
    _roster(demo_db, admin, tmp_path)
    ws = wb.worksheets[0]
    values = {"户号": "Z1-0001", "部位序号": "1", "评估单价": "13670", "装修单价": "288.8"}
    for label, value in values.items():
        ws.cell(row=2, column=[h.lstrip("＊") for h in heads].index(label) + 1, value=value)
    wb.save(path)
    plan = imports.plan_appraisals(demo_db, path)
    assert plan.ok, plan.problems
    apply_appraisals(demo_db, admin, plan)
    assert _stored(demo_db, "Z1-0001").decoration_unit_price == Decimal("288.80")
