"""The appraisal report's decoration unit price (装修单价, appraisals.decoration_unit_price, migration 0014) travels
HQ → laptop in the task bundle like every appraisal column, and a calculation the laptop makes with it passes
HQ's re-derivation from the survey (the same value on both sides)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sync_setup import build

from survey_app.core.services import calculations
from survey_app.core.storage.models import Appraisal, BuildingPart, Calculation, Household
from survey_app.core.sync.assignments import import_assignment, write_assignment
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle


def test_the_unit_price_reaches_the_laptop_and_hq_rederives_the_same(tmp_path) -> None:
    world = build(tmp_path)
    d1 = world.devices[0]
    with world.hq.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed", Household.assigned_to == "worker")
                      .order_by(Household.id)).first()
        part = s.scalars(select(BuildingPart).where(BuildingPart.household_id == h.id,
                                                    BuildingPart.deleted_at.is_(None))
                         .order_by(BuildingPart.sort_order)).first()
    with world.hq.uow(world.admin) as uow:  # the report's row for the part's use now names the part and its 装修单价
        a = uow.session.scalars(select(Appraisal).where(Appraisal.household_id == h.id, Appraisal.use == part.use,
                                                        Appraisal.deleted_at.is_(None))).one()
        a.part_id, a.part_label, a.decoration_unit_price = part.id, part.label or "", Decimal("275.35")
        uow.commit()
    import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code, ["worker"],
                                                       world.usb))
    with d1.db.read() as s:
        assert s.scalar(select(Appraisal.decoration_unit_price).where(Appraisal.part_id == part.id)) \
            == Decimal("275.35")
    assert calculations.calculate(d1.db, d1.actor, h.id)
    with d1.db.read() as s:
        saved = s.scalars(select(Calculation.inputs_json).where(Calculation.household_id == h.id)).all()
    assert saved and all('"decoration_unit_price":"275.35"' in text.replace(" ", "") for text in saved)
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(d1.db, d1.pair, world.usb).path)
    assert report.recheck_differences == []
