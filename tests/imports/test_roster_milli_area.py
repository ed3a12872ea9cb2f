"""Areas to 0.001 m² in the roster import (issue 13 item 2, "areas to 3 decimals where the policy says so"): once
the published policy counts areas so (``[rounding] area_decimals = 3``) a roster's 58.325 m² is taken exactly —
``area_exact`` 58.325, ``area`` the half-up 58.33 that lists read — a fourth decimal is refused with its row, a
re-import updates both figures and undo puts both back. Before such a policy, three decimals stay refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from import_helpers import ROSTER_HEADERS, roster_rows, write_xlsx
from sqlalchemy import select

from survey_app.core.paths import resource_path
from survey_app.core.services import policies
from survey_app.core.services.imports import apply_roster, plan_roster, undo_batch
from survey_app.core.storage.calc_inputs import household_input
from survey_app.core.storage.models import BuildingPart, Household


def _publish_milli(db, admin) -> None:
    text = resource_path("policies", "city_shantytown_2023.toml").read_text(encoding="utf-8")
    text = text.replace("[rounding]\n", "[rounding]\narea_decimals = 3\n", 1)
    policies.publish_text(db, admin, text, "三位小数.toml", reason="面积按三位小数计")


def _part(db, code: str) -> tuple[Decimal, Decimal | None]:
    with db.read() as s:
        p = s.execute(select(BuildingPart.area, BuildingPart.area_exact).join(
            Household, Household.id == BuildingPart.household_id).where(
            Household.household_code == code, BuildingPart.deleted_at.is_(None))).one()
        return p.area, p.area_exact


def test_three_decimals_are_refused_under_a_policy_counting_hundredths(demo_db, tmp_path: Path) -> None:
    rows = roster_rows(1, section="Z1")
    rows[0][8] = "58.325"
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "名册.xlsx", ROSTER_HEADERS, rows))
    assert [(p.row, "超过2位小数" in p.message) for p in plan.problems] == [(4, True)]


def test_thousandths_are_stored_exactly_a_fourth_decimal_is_refused_with_its_row(demo_db, admin, tmp_path) -> None:
    _publish_milli(demo_db, admin)
    rows = roster_rows(4, section="Z1")
    rows[1][8] = "58.3251"  # row 5: a fourth decimal
    rows[2][8] = 47.0005    # row 6: a number cell with a fourth decimal
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "名册.xlsx", ROSTER_HEADERS, rows))
    assert [(p.row, p.column) for p in plan.problems] == [(5, "建筑面积（㎡）"), (6, "建筑面积（㎡）")]
    assert "“58.3251”超过3位小数" in plan.problems[0].message
    assert "47.0005" in plan.problems[1].message and "超过3位小数" in plan.problems[1].message

    rows[1][8] = "58.325"   # text cell
    rows[2][8] = 47.005     # number cell: half up to 47.01 for lists
    rows[3][8] = "56.30"    # two decimals: no exact figure needed
    first = apply_roster(demo_db, admin, plan_roster(demo_db, write_xlsx(tmp_path / "r2.xlsx", ROSTER_HEADERS, rows)))
    assert first.added == 4
    assert _part(demo_db, "Z1-0002") == (Decimal("58.33"), Decimal("58.325"))
    assert _part(demo_db, "Z1-0003") == (Decimal("47.01"), Decimal("47.005"))
    assert _part(demo_db, "Z1-0004") == (Decimal("56.30"), None)
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.household_code == "Z1-0002")).one()
        assert household_input(s, h).building_parts[0].area == Decimal("58.325")  # what the engine counts

    rows[1][8] = "58.324"   # re-import: both figures follow
    rows[3][8] = "56.301"
    second = apply_roster(demo_db, admin, plan_roster(demo_db, write_xlsx(tmp_path / "r3.xlsx", ROSTER_HEADERS, rows)))
    assert (second.updated, second.unchanged) == (2, 2)
    assert _part(demo_db, "Z1-0002") == (Decimal("58.32"), Decimal("58.324"))
    assert _part(demo_db, "Z1-0004") == (Decimal("56.30"), Decimal("56.301"))
    again = plan_roster(demo_db, write_xlsx(tmp_path / "r4.xlsx", ROSTER_HEADERS, rows))
    assert (again.updated, again.unchanged) == (0, 4)  # compared with the exact figure, not the hundredths
    undo_batch(demo_db, admin, second.batch_id)
    assert _part(demo_db, "Z1-0002") == (Decimal("58.33"), Decimal("58.325"))
    assert _part(demo_db, "Z1-0004") == (Decimal("56.30"), None)
