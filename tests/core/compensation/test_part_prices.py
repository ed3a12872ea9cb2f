"""Per-part appraised prices: a building part may carry the appraisal report's own unit price, which an
item chooses with ``price = "part_appraisal"``; the survey database passes them through."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from compensation_helpers import household, make_policy
from sqlalchemy import select

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.services.calc_errors import in_chinese
from survey_app.core.services.calculations import household_input
from survey_app.core.storage.models import Appraisal, BuildingPart, Household

PER_PART = ('[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\nprice = "part_appraisal"\n'
            'legality = ["registered", "found_legal"]\n')
PARTS = [{"label": "主房", "area": "80.00", "use": "residential", "unit_price": "9800.50"},
         {"label": "厢房", "area": "20.00", "use": "residential", "unit_price": "6200"}]


def test_house_value_uses_each_parts_own_appraised_price():
    calc = compute(make_policy(PER_PART, places=2), household(building_parts=PARTS), "cash")
    assert [(ln.label, ln.amount) for ln in calc.lines] == [
        ("房屋价值（主房）", D("784040.00")),  # 80 × 9,800.50 (not the use price 13,670)
        ("房屋价值（厢房）", D("124000.00"))]  # 20 × 6,200
    assert calc.lines[0].formula == "80.00 m² × 9,800.5 元/m² × 1 = 784,040.00"


def test_a_part_without_its_price_is_named():
    parts = [PARTS[0], {"label": "厢房", "area": "20.00", "use": "residential"}]
    with pytest.raises(PolicyError) as caught:
        compute(make_policy(PER_PART), household(building_parts=parts), "cash")
    assert caught.value.problems == ["items[0]（hv）: building_parts.unit_price: 建筑部分“厢房”没有评估报告中的单价"
                                     "（本项目按各建筑部分的评估单价计算）"]
    assert "1. 建筑部分 · 评估单价：建筑部分“厢房”没有评估报告中的单价" in str(in_chinese(caught.value, "H-1"))


def test_part_appraisal_is_one_price_source_among_the_others():
    with pytest.raises(PolicyError, match="只能写一个"):
        make_policy(PER_PART + 'unit_price = "5000"\n')
    with pytest.raises(PolicyError, match="按结构或按建筑部分评估单价定价的项目只能逐个建筑部分计算"):
        compute(make_policy('[[items]]\ncode = "ts"\nkind = "min_area_topup"\nlabel = "补足"\nmin_area = "45"\n'
                            'price = "part_appraisal"\n'), household(building_parts=PARTS[1:]), "cash")


def test_part_price_round_trips_and_old_inputs_keep_their_bytes():
    hh = household(building_parts=PARTS)
    assert hh.to_dict()["building_parts"][0]["unit_price"] == "9800.50"
    assert HouseholdInput.from_dict(hh.to_dict()) == hh
    assert "unit_price" not in household().to_dict()["building_parts"][0]
    with pytest.raises(PolicyError, match="评估单价最多两位小数"):
        household(building_parts=[{"area": "1.00", "use": "residential", "unit_price": "1.005"}])


def test_household_input_passes_the_reports_part_prices(demo_db, admin):
    with demo_db.read() as session:
        h = session.scalars(select(Household).join(BuildingPart, BuildingPart.household_id == Household.id)
                            .where(BuildingPart.deleted_at.is_(None)).order_by(Household.household_code)).first()
        part = session.scalars(select(BuildingPart).where(BuildingPart.household_id == h.id,
                                                          BuildingPart.deleted_at.is_(None))
                               .order_by(BuildingPart.sort_order)).first()
        before = household_input(session, h, dt.date(2023, 6, 1))
    assert all(p.unit_price is None for p in before.building_parts)
    with demo_db.uow(admin) as uow:
        uow.session.add(Appraisal(household_id=h.id, use=part.use, unit_price=D("8765.40"), part_id=part.id,
                                  part_label=part.label or ""))
        uow.commit()
    with demo_db.read() as session:
        after = household_input(session, session.get(Household, h.id), dt.date(2023, 6, 1))
    assert after.building_parts[0].unit_price == D("8765.40")
    assert after.building_parts[0].area == before.building_parts[0].area
