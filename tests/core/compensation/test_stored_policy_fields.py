"""The new survey fields a scheme keys on (0012) are stored, read into the engine's input as HQ re-derives
it, and the audit chain still verifies."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from survey_app.core.services.audit import verify_database
from survey_app.core.storage.calc_inputs import household_input
from survey_app.core.storage.models import BuildingPart, Household


def test_owner_type_category_and_exact_area_reach_the_engine_input(demo_db, admin):
    with demo_db.uow(admin) as uow:
        part = uow.session.scalars(select(BuildingPart).where(BuildingPart.deleted_at.is_(None))).first()
        h = uow.session.get(Household, part.household_id)
        h.owner_type = "public_tenant"
        part.category = "1990年前建"
        part.area_exact = Decimal("58.325")
        hid, pid = h.id, part.id
        uow.commit()
    with demo_db.read() as s:
        h = s.get(Household, hid)
        data = household_input(s, h).to_dict()
        stored = s.get(BuildingPart, pid)
    assert data["owner_type"] == "public_tenant"
    mine = [p for p in data["building_parts"] if p.get("category") == "1990年前建"]
    assert len(mine) == 1 and mine[0]["area"] == "58.325"
    assert stored.area_exact == Decimal("58.325")
    assert verify_database(demo_db).ok

