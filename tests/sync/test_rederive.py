"""Issue 13 item 7: HQ re-derives every calculation that counts from the survey records it imported.

Each dishonest calculation is built with the project's own engine and signed with the device's real key
(attack_helpers.send), so only the re-derivation can tell it from an honest one.
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from attack_helpers import row_of, send
from PySide6.QtCore import Qt
from sqlalchemy import select
from sync_setup import World, build

from survey_app.core.compensation.engine import compute_all
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.domain.money import to_fen
from survey_app.core.services import calculations
from survey_app.core.storage.models import Household, PolicyVersion, SyncIssue
from survey_app.core.sync.assignments import _rows
from survey_app.core.sync.importer import import_field_bundle
from survey_app.core.sync.records import Record


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    return build(tmp_path_factory.mktemp("rederive"), households=20)


def _calculated(world: World, nth: int) -> tuple[uuid.UUID, list[Record]]:
    """D01 honestly calculates its nth surveyed household: the calculation records as a bundle has them."""
    d1 = world.devices[0]
    with d1.db.read() as s:
        ids = s.scalars(select(Household.id).where(Household.assigned_to == d1.actor.username,
                                                   Household.status == "surveyed").order_by(Household.id)).all()
    hid = ids[nth % len(ids)]  # calculating again makes new calculation records
    calculations.calculate(d1.db, d1.actor, hid)
    with d1.db.engine.connect() as conn:
        return hid, _rows(conn, "calculations", "household_id = ? AND status = 'current'", (hid.hex,))


def _recomputed(calc: Record, inputs: dict, policy, **row) -> Record:
    """The calculation recomputed, self-consistently, from ``inputs`` under ``policy``."""
    household = HouseholdInput.from_dict(inputs)
    result = next(r for r in compute_all(policy, household) if r.option_key == calc.row["option_key"])
    document = json.loads(calc.row["inputs_json"]).get(calculations.DOCUMENT_KEY)
    inputs_json = json.dumps({**household.to_dict(), calculations.DOCUMENT_KEY: document}, ensure_ascii=False,
                             sort_keys=True, separators=(",", ":"))
    new = {**calc.row, "inputs_json": inputs_json, "result_json": result.to_canonical_json(),
           "total": to_fen(result.total), "net": to_fen(result.net), **row}
    return Record("calculations", calc.id, calc.rev, 0, new)


def _issues(world: World, calc_id: str) -> list[SyncIssue]:
    with world.hq.read() as s:
        return list(s.scalars(select(SyncIssue).where(SyncIssue.entity_id == calc_id, SyncIssue.kind == "recheck")))


def _genuine(world: World):
    row = row_of(world.hq, "policy_versions", "status = 'published'")
    return row, parse_policy(row.row["content"], "方案", expected_hash=row.row["content_hash"])


def test_honest_calculations_are_re_derived_without_a_difference(world: World) -> None:
    _hid, calcs = _calculated(world, 0)
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, send(world, world.devices[0], calcs))
    assert report.recheck_differences == []
    assert all(_issues(world, c.id) == [] for c in calcs)


def test_tampered_saved_inputs_are_caught_even_when_the_amounts_match_them(world: World) -> None:
    _hid, calcs = _calculated(world, 1)
    genuine, policy = _genuine(world)
    cash = next(c for c in calcs if c.row["option_key"] == "cash")
    inputs = calculations.engine_inputs(cash.row["inputs_json"])
    for part in inputs["building_parts"]:
        part["area"] = str(Decimal(part["area"]) + 30)  # 30 m² more on every part
    forged = _recomputed(cash, inputs, policy)
    assert forged.row["net"] - cash.row["net"] > 100_000  # more than ¥1,000: worth cheating for
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, send(world, world.devices[0], [forged]))
    assert len(report.recheck_differences) == 1, report.recheck_differences
    message = report.recheck_differences[0]
    assert "调查记录不一致" in message and "building_parts[0].area" in message and "净额" in message
    (issue,) = _issues(world, cash.id)
    hq_side, device_side = json.loads(issue.local_json), json.loads(issue.incoming_json)
    first = inputs["building_parts"][0]["area"]
    assert device_side["building_parts[0].area"] == first
    assert Decimal(hq_side["building_parts[0].area"]) == Decimal(first) - 30
    assert hq_side["净额"] == f"{Decimal(cash.row['net']) / 100:.2f}"


def test_tampered_amounts_are_caught(world: World) -> None:
    _hid, calcs = _calculated(world, 2)
    cash = next(c for c in calcs if c.row["option_key"] == "cash")
    result = json.loads(cash.row["result_json"])
    result["lines"][0]["amount"] = str(Decimal(result["lines"][0]["amount"]) + 5000)
    forged = Record("calculations", cash.id, cash.rev, 0, {**cash.row, "result_json": json.dumps(result)})
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, send(world, world.devices[0], [forged]))
    assert len(report.recheck_differences) == 1 and "重算" in report.recheck_differences[0]


def test_a_calculation_under_a_policy_hq_never_published_is_caught(world: World) -> None:
    _hid, calcs = _calculated(world, 3)
    genuine, _policy = _genuine(world)
    draft_text = genuine.row["content"].replace('per_m2 = "600"', 'per_m2 = "700"', 1)
    draft = parse_policy(draft_text, "方案")
    with world.hq.uow(world.admin) as uow:  # a draft HQ is still working on, never published
        pv = PolicyVersion(project_id=uuid.UUID(genuine.row["project_id"]), label="草稿", content=draft_text,
                           content_hash=draft.hash, status="draft")
        uow.session.add(pv)
        uow.commit()
    cash = next(c for c in calcs if c.row["option_key"] == "cash")
    forged = _recomputed(cash, calculations.engine_inputs(cash.row["inputs_json"]), draft,
                         policy_hash=draft.hash, policy_version_id=pv.id.hex)
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, send(world, world.devices[0], [forged]))
    assert report.recheck_differences == [f"测算所用的补偿方案版本（{draft.hash[:12]}…）未经指挥部发布"]


def test_a_survey_changed_after_the_calculation_is_caught(world: World) -> None:
    d1 = world.devices[0]
    hid, calcs = _calculated(world, 4)
    part = row_of(d1.db, "building_parts", "household_id = ? AND deleted_at IS NULL ORDER BY sort_order LIMIT 1",
                  (hid.hex,))
    # the survey record says one thing, the calculation (still marked current) was made on another
    changed = {**part.row, "area": part.row["area"] + 1200, "rev": part.rev + 1, "origin_device": d1.code}
    calcs = [c._replace(row={**c.row, "supersedes_id": None}) for c in calcs]  # earlier ones never sent here
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, send(world, d1, [
        Record("building_parts", part.id, part.rev + 1, part.rev, changed), *calcs]))
    assert report.recheck_differences, "a current calculation that no longer matches its survey passed"
    assert all("调查记录不一致" in m for m in report.recheck_differences)
    assert len(report.recheck_differences) == len(calcs)  # every option of the household


def test_hq_sees_both_sides_of_a_re_derivation_difference(world: World, qtbot) -> None:
    from survey_app.ui.sync.issues_panel import IssuesPanel
    from survey_app.ui.task_runner import TaskRunner

    _hid, calcs = _calculated(world, 5)
    _genuine_row, policy = _genuine(world)
    cash = next(c for c in calcs if c.row["option_key"] == "cash")
    inputs = calculations.engine_inputs(cash.row["inputs_json"])
    inputs["building_parts"][0]["area"] = str(Decimal(inputs["building_parts"][0]["area"]) + 30)
    import_field_bundle(world.hq, world.admin, world.hq_pair,
                        send(world, world.devices[0], [_recomputed(cash, inputs, policy)]))
    runner = TaskRunner()
    panel = IssuesPanel(world.hq, world.admin, runner)
    qtbot.addWidget(panel)
    panel.show()
    row = next(n for n, i in enumerate(panel.model.issues) if i.entity_id == cash.id)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(panel.model.index(row, 0)).center())
    assert panel.shown is not None and panel.shown.entity_id == cash.id
    assert panel.diff.isVisible() and not panel.take_button.isEnabled()
    header = [panel.diff_model.horizontalHeaderItem(c).text() for c in range(3)]
    assert header[1] == "指挥部按调查记录重算" and "D01" in header[2]
    cells = {panel.diff_model.item(r, 0).text(): (panel.diff_model.item(r, 1).text(), panel.diff_model.item(r, 2).text())
             for r in range(panel.diff_model.rowCount())}
    assert cells["building_parts[0].area"][1] == inputs["building_parts"][0]["area"]
    assert "净额" in cells
    runner.shutdown()


def test_a_household_with_a_disputed_calculation_is_marked_on_hqs_list_and_detail(world: World, qtbot) -> None:
    from survey_app.core.services import household_stage
    from survey_app.core.services.households import get_detail
    from survey_app.ui.detail_html import detail_html
    from survey_app.ui.household_model import HouseholdModel

    hid, calcs = _calculated(world, 6)
    _genuine_row, policy = _genuine(world)
    cash = next(c for c in calcs if c.row["option_key"] == "cash")
    inputs = calculations.engine_inputs(cash.row["inputs_json"])
    inputs["building_parts"][0]["area"] = str(Decimal(inputs["building_parts"][0]["area"]) + 30)
    import_field_bundle(world.hq, world.admin, world.hq_pair,
                        send(world, world.devices[0], [_recomputed(cash, inputs, policy)]))
    assert hid.hex in household_stage.disputed_ids(world.hq)
    model = HouseholdModel(world.hq, username=world.admin.username)
    model.refresh()
    with world.hq.read() as s:
        code = s.get(Household, hid).household_code
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == code)
    from survey_app.ui.household_model import COL_STATUS

    assert "测算不一致" in model.data(model.index(row, COL_STATUS))
    html = detail_html(get_detail(world.hq, hid.hex), household_stage.standing(world.hq, hid))
    assert "测算不一致" in html and "待核实" in html
