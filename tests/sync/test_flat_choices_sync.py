"""选房组合 (households.flat_choices, 0015) travels laptop → HQ with the household, and HQ's re-derivation holds the
calculation to it: an honest option for a combination the household chose passes; an option priced for a flat
the household never chose is caught, even when the device's snapshot and amounts agree with themselves."""

from __future__ import annotations

from sqlalchemy import select
from sync_setup import build

from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.services import calculations
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Household, PolicyVersion
from survey_app.core.sync.assignments import _rows
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle
from survey_app.core.sync.rederive import message, rederive


def test_the_choices_reach_hq_and_an_option_outside_them_is_caught(tmp_path) -> None:
    world = build(tmp_path)
    d1 = world.devices[0]
    with d1.db.read() as s:
        hid = s.scalars(select(Household.id).where(Household.status == "surveyed", Household.assigned_to == "worker")
                        .order_by(Household.id)).first()
    form = load_form(d1.db, hid)
    form.flat_choices = [["A60", "D45"], ["B75"]]
    save_form(d1.db, d1.actor, form)
    options = calculations.calculate(d1.db, d1.actor, hid)
    assert [o.option_key for o in options] == ["cash", "exchange:A60+D45", "exchange:B75", "voucher"]
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(d1.db, d1.pair, world.usb).path)
    with world.hq.read() as s:
        assert s.get(Household, hid).flat_choices == '[["A60","D45"],["B75"]]'
    assert report.recheck_differences == []

    # The device prices C90 — a flat the household never chose — self-consistently (its snapshot is the survey's).
    with d1.db.engine.connect() as conn:
        b75 = _rows(conn, "calculations", "household_id = ? AND option_key = 'exchange:B75' AND status = 'current'",
                    (hid.hex,))[0]
    with world.hq.read() as s:
        pv = s.scalars(select(PolicyVersion).where(PolicyVersion.status == "published")).one()
        policy = parse_policy(pv.content, "方案", expected_hash=pv.content_hash)
    inputs = HouseholdInput.from_dict(calculations.engine_inputs(b75.row["inputs_json"]))
    assert inputs.flat_choices == (("A60", "D45"), ("B75",))
    forged = compute(policy, inputs, "exchange", "C90")
    with world.hq.engine.connect() as conn:  # what HQ's import runs on each calculation that counts
        honest = rederive(conn, policy, hid.hex, b75.row["inputs_json"], b75.row["result_json"], b75.id)
        found = rederive(conn, policy, hid.hex, b75.row["inputs_json"], forged.to_canonical_json(), b75.id)
    assert honest.ok, honest.problems
    assert found.problems == ["测算的安置房“C90”不在调查记录的选房组合中"]
    assert found.hq["选房组合"] == "A60+D45、B75" and found.device["选房组合"] == "C90"
    assert message(found) == "测算不一致：测算的安置房“C90”不在调查记录的选房组合中"
