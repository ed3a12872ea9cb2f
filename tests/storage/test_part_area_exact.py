"""Areas to 0.001 m² (issue 13 item 2): a building part surveyed to three decimals keeps them (``area_exact``),
its two-decimal ``area`` (what lists, reports and older bundles read) is the half-up rounding, the form shows
it as surveyed, the engine's input reads the exact figure, and the audit chain stays whole."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.validation import parse_area
from survey_app.core.services import audit, households, users
from survey_app.core.services.survey import store
from survey_app.core.storage.calc_inputs import household_input
from survey_app.core.storage.models import BuildingPart, Household


def _pending_with_part(db):
    for key in households.search_keys(db, households.HouseholdFilter(status="pending")):
        hid = households.fetch_rows(db, [key])[key].id
        if store.load_form(db, hid).parts:
            return hid
    raise AssertionError("no pending household with a building part in the demo")


def test_a_part_surveyed_to_a_thousandth_keeps_it(demo_db) -> None:
    worker = users.login(demo_db, "worker", "worker123", device="T01")
    hid = _pending_with_part(demo_db)
    form = store.load_form(demo_db, hid)
    form.parts[0].area = Decimal("58.325")
    store.save_form(demo_db, worker, form)
    with demo_db.read() as s:
        part = s.scalar(select(BuildingPart).where(BuildingPart.id == uuid.UUID(form.parts[0].id)))
        assert (part.area, part.area_exact) == (Decimal("58.33"), Decimal("58.325"))  # half up, and as surveyed
        h = s.get(Household, uuid.UUID(hid))
        assert household_input(s, h).building_parts[0].area == Decimal("58.325")
    again = store.load_form(demo_db, hid)
    assert again.parts[0].area == Decimal("58.325")
    again.parts[0].area = Decimal("58.32")  # back to hundredths: nothing finer is kept
    store.save_form(demo_db, worker, again)
    with demo_db.read() as s:
        assert s.scalar(select(BuildingPart.area_exact).where(BuildingPart.id == part.id)) is None
    assert audit.verify_database(demo_db).ok


def test_four_decimals_are_refused_and_other_areas_keep_two() -> None:
    assert parse_area("58.325", places=3) == Decimal("58.325")
    with pytest.raises(ValidationError, match="3位小数"):
        parse_area("58.3251", places=3)
    with pytest.raises(ValidationError, match="两位小数"):
        parse_area("58.325")
