"""Per-field merge of a conflict at HQ (issue 14 item 5): values, audit, revision, refusals, and the
merged revision going down to the laptop in its next assignment."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.audit import verify_database
from survey_app.core.storage.models import AuditEvent, BuildingPart, Household, SyncIssue
from survey_app.core.sync.issues import field_diffs, list_issues, resolve, resolve_fields


def _issue(world, entity: str):
    return next(i for i in list_issues(world.hq) if i.entity == entity)


def _events_after(db, seq: int) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)))


def _head(db) -> int:
    with db.read() as s:
        return s.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1)) or 0


def test_the_three_conflicts_come_from_d02s_first_bundle(conflicts) -> None:
    found = list_issues(conflicts.world.hq)
    assert sorted(i.entity for i in found) == ["building_parts", "fixtures", "households"]
    assert {(i.kind, i.device, i.bundle_seq) for i in found} == {("conflict", conflicts.world.devices[1].code, 1)}


def test_taking_chosen_fields_keeps_hqs_for_the_rest(conflicts) -> None:
    world = conflicts.world
    issue = _issue(world, "households")
    before, head = issue.local["rev"], _head(world.hq)
    taken = resolve_fields(world.hq, world.admin, issue.id, {"notes", "willingness"})
    assert sorted(taken) == ["notes", "willingness"]
    with world.hq.read() as s:
        h = s.get(Household, conflicts.household_id)
        assert (h.notes, h.willingness, h.phone) == ("二号机的记录", "agree", "13900000001")
        assert h.rev == before + 1 and h.updated_by == world.admin.username
        row = s.get(SyncIssue, issue.id)
        assert (row.status, row.decided_by) == ("merged", world.admin.username)
    events = _events_after(world.hq, head)
    update = next(e for e in events if e.entity == "households")
    assert set(json.loads(update.changes)) == {"notes", "willingness", "rev"}
    (decision,) = [e for e in events if e.action == "sync_decide"]
    detail = json.loads(decision.changes)
    assert sorted(detail["taken"]) == ["notes", "willingness"] and detail["decision"] == "merged"
    assert (decision.entity, decision.entity_id) == ("sync_issues", str(issue.id))
    assert list_issues(world.hq)[0].entity != "households" and verify_database(world.hq).ok


def test_a_merged_area_is_exact(conflicts) -> None:
    world = conflicts.world
    issue = _issue(world, "building_parts")
    resolve_fields(world.hq, world.admin, issue.id, {"area"})
    with world.hq.read() as s:
        part = s.get(BuildingPart, uuid.UUID(issue.entity_id))
        assert (part.area, part.legality) == (Decimal("85.50"), "registered")


def test_hq_fields_and_stamps_are_never_taken_and_nothing_is_written(conflicts) -> None:
    world = conflicts.world
    issue = _issue(world, "households")
    head = _head(world.hq)
    for take in ({"section"}, {"notes", "household_code"}, {"assigned_to"}, {"rev"}, {"no_such_field"}):
        with pytest.raises(ValidationError):
            resolve_fields(world.hq, world.admin, issue.id, take)
    assert _head(world.hq) == head
    assert _issue(world, "households").id == issue.id  # still open
    (households,) = [d for d in field_diffs(issue) if d.name == "notes"]
    assert households.takeable


def test_a_decided_issue_cannot_be_merged_again(conflicts) -> None:
    world = conflicts.world
    issue = _issue(world, "fixtures")
    resolve(world.hq, world.admin, issue.id, take_incoming=False)
    with pytest.raises(ValidationError):
        resolve_fields(world.hq, world.admin, issue.id, {"value"})


def test_field_diffs_are_typed_for_display(conflicts) -> None:
    world = conflicts.world
    part = {d.name: d for d in field_diffs(_issue(world, "building_parts"))}
    assert (part["area"].kind, part["area"].local, part["area"].incoming) == ("area", Decimal("80.00"), Decimal("85.50"))
    assert (part["legality"].local, part["legality"].incoming) == ("registered", "illegal")
    fixture = {d.name: d for d in field_diffs(_issue(world, "fixtures"))}
    assert (fixture["value"].kind, fixture["value"].incoming) == ("money", Decimal("1350.50"))
    household = {d.name for d in field_diffs(_issue(world, "households"))}
    assert household == {"notes", "phone", "willingness"}  # search keys and stamps are no decisions


def test_the_merged_revision_goes_down_in_the_next_assignment(conflicts) -> None:
    from survey_app.core.sync.assignments import import_assignment, write_assignment
    from survey_app.core.sync.receipts import import_receipt, write_receipt

    world = conflicts.world
    d2 = world.devices[1]
    # D02's receipt acknowledges the held conflicts; HQ's decision then comes down in the next assignment.
    import_receipt(d2.db, d2.pair, write_receipt(world.hq, world.hq_pair, conflicts.d2_report, world.usb))
    resolve_fields(world.hq, world.admin, _issue(world, "households").id, {"notes"})
    import_assignment(d2.db, d2.pair, write_assignment(world.hq, world.admin, world.hq_pair, d2.code, ["worker"],
                                                       world.usb))
    with d2.db.read() as s:
        h = s.get(Household, conflicts.household_id)
        assert (h.notes, h.phone, h.willingness) == ("二号机的记录", "13900000001", "undecided")


def test_hq_decided_household_fields_are_shown_but_not_takeable() -> None:
    from survey_app.core.sync.issues import Issue

    def issue(device: str) -> Issue:
        return Issue(1, "conflict", "households", "ab" * 16, device, "", "open",
                     {"section": "A1", "notes": "甲", "rev": 3, "search_key": "x"},
                     {"section": "B2", "notes": "乙", "rev": 4, "search_key": "y"})

    from_device = {d.name: d.takeable for d in field_diffs(issue("D02"))}
    assert from_device == {"section": False, "notes": True}
    assert {d.name: d.takeable for d in field_diffs(issue("HQ"))} == {"section": True, "notes": True}  # on a laptop
