"""Helpers for compensation tests: tiny policies written inline, households as dicts.

A uniquely named module (not conftest) so that `import` cannot pick up another folder's conftest."""

from __future__ import annotations

from pathlib import Path

from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy

ROOT = Path(__file__).resolve().parents[3]
POLICIES = ROOT / "resources" / "policies"
EXAMPLES = ROOT / "docs" / "examples"

HEADER = """
format = 1
version = "t1"
[project]
name = "测试项目"
code = "T"
city = "测试市"
decision_no = "测征字〔2023〕1号"
valuation_date = 2023-05-20
signing_start = 2023-06-01
signing_end = 2023-08-31
[rounding]
line_places = {places}
"""

MODES = """
[modes.cash]
[modes.exchange]
resettlement_price = "6000"
entitlement_minimum = "45"
[[modes.exchange.excess_bands]]
width = "10"
unit_price = "8000"
[[modes.exchange.excess_bands]]
unit_price = "12000"
[[modes.exchange.flats]]
key = "A60"
label = "A60"
area = "60.00"
delivery = "future"
[[modes.exchange.flats]]
key = "R40"
label = "R40"
area = "40.00"
delivery = "ready"
[modes.voucher]
bonus_pct = "10"
excluded_items = []
valid_months = 24
"""


def make_policy(items: str, modes: str = MODES, places: int = 0, extra: str = ""):
    """A policy from inline TOML item tables (and optional modes/caps)."""
    return parse_policy(HEADER.format(places=places) + modes + items + extra, source="test.toml")


def household(**fields) -> HouseholdInput:
    """A household dict with sensible defaults, overridden by ``fields``."""
    data = {
        "household_code": "H-1",
        "head_name": "张三",
        "members": [{"relation": "户主", "name": "张三"}],
        "share": "1",
        "building_parts": [{"area": "58.32", "use": "residential", "legality": "registered"}],
        "appraisal": {"unit_price": {"residential": "13670", "commercial": "21000"}},
    }
    data.update(fields)
    return HouseholdInput.from_dict(data)


def appraise_first_part(db, actor, **appraisal):
    """Give the first demo household with a building part an appraisal row for that part (``appraisal``: the
    report's per-part fields, e.g. ``decoration_value``) and return (household, its survey input on 2023-06-01)."""
    import datetime as dt
    from decimal import Decimal

    from sqlalchemy import select

    from survey_app.core.storage.calc_inputs import household_input
    from survey_app.core.storage.models import Appraisal, BuildingPart, Household

    with db.read() as session:
        h = session.scalars(select(Household).join(BuildingPart, BuildingPart.household_id == Household.id)
                            .where(BuildingPart.deleted_at.is_(None)).order_by(Household.household_code)).first()
        part = session.scalars(select(BuildingPart).where(BuildingPart.household_id == h.id,
                                                          BuildingPart.deleted_at.is_(None))
                               .order_by(BuildingPart.sort_order)).first()
    with db.uow(actor) as uow:
        uow.session.add(Appraisal(household_id=h.id, use=part.use, unit_price=Decimal("8765.40"), part_id=part.id,
                                  part_label=part.label or "", **appraisal))
        uow.commit()
    with db.read() as session:
        return h, household_input(session, session.get(Household, h.id), dt.date(2023, 6, 1))
