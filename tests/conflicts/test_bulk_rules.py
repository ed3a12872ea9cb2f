"""Deciding conflicts by rule (issue 14 item 5): the preview names exactly what applying decides, each
decision is audited like a single one, and the CLI ``sync issues resolve --rule``."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.audit import verify_database
from survey_app.core.storage.models import AuditEvent, BuildingPart, Fixture, Household, SyncIssue
from survey_app.core.sync.issue_rules import Rule, apply_rule, parse_rule, preview
from survey_app.core.sync.issues import list_issues


def _decisions(db) -> list[dict]:
    with db.read() as s:
        return [json.loads(c) for c in s.scalars(select(AuditEvent.changes).where(AuditEvent.action == "sync_decide"))]


def test_keep_everything_from_one_devices_bundle(conflicts) -> None:
    world = conflicts.world
    d2 = world.devices[1].code
    rule = parse_rule(f"action=keep;device={d2};bundle=1")
    shown = preview(world.hq, rule)
    assert len(shown.matched) == 3 and shown.refused == []
    assert preview(world.hq, parse_rule(f"action=keep;device={d2};bundle=2")).matched == []
    done = apply_rule(world.hq, world.admin, rule, expect=shown.ids)
    assert done.ids == shown.ids and list_issues(world.hq) == []
    decisions = _decisions(world.hq)
    assert len(decisions) == 3 and {d["decision"] for d in decisions} == {"kept_local"}
    assert all(d["rule"] == rule.describe() and d["taken"] == [] for d in decisions)
    with world.hq.read() as s:
        assert s.get(Household, conflicts.household_id).notes == "一号机的记录"
    assert verify_database(world.hq).ok


def test_take_the_device_where_only_named_fields_differ(conflicts) -> None:
    world = conflicts.world
    narrow = Rule("take", "building_parts", frozenset({"area"}))  # legality differs too: not matched
    assert preview(world.hq, narrow).matched == []
    rule = Rule("take", "building_parts", frozenset({"area", "legality", "notes"}))
    shown = preview(world.hq, rule)
    assert [i.entity for i in shown.matched] == ["building_parts"]
    done = apply_rule(world.hq, world.admin, rule, expect=shown.ids)
    assert len(done.matched) == len(shown.matched) == 1
    with world.hq.read() as s:
        part = s.get(BuildingPart, uuid.UUID(shown.matched[0].entity_id))
        assert (part.area, part.legality) == (Decimal("85.50"), "illegal")
        assert s.scalar(select(SyncIssue.status).where(SyncIssue.id == shown.ids[0])) == "merged"
    (decision,) = _decisions(world.hq)
    assert sorted(decision["taken"]) == ["area", "legality"]
    assert sorted(i.entity for i in list_issues(world.hq)) == ["fixtures", "households"]


def test_take_all_of_a_table(conflicts) -> None:
    world = conflicts.world
    rule = parse_rule("action=take;table=fixtures")
    shown = preview(world.hq, rule)
    done = apply_rule(world.hq, world.admin, rule, expect=shown.ids)
    assert len(done.matched) == len(shown.matched) == 1
    with world.hq.read() as s:
        assert s.get(Fixture, uuid.UUID(shown.matched[0].entity_id)).value == Decimal("1350.50")


def test_applying_after_the_conflicts_changed_writes_nothing(conflicts) -> None:
    from survey_app.core.sync.issues import resolve

    world = conflicts.world
    rule = parse_rule("action=keep")
    shown = preview(world.hq, rule)
    resolve(world.hq, world.admin, shown.ids[0], take_incoming=False)
    with pytest.raises(ValidationError):
        apply_rule(world.hq, world.admin, rule, expect=shown.ids)
    assert len(list_issues(world.hq)) == 2


@pytest.mark.parametrize("text", ["table=households", "action=maybe", "action=take;table=nowhere",
                                  "action=keep;bundle=1", "action=take;fields=section,notes", "action=keep;who=me",
                                  "action=keep;device=D02;bundle=x"])
def test_bad_rules_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_rule(text)


def test_cli_previews_then_applies(conflicts, monkeypatch, capsys) -> None:
    from survey_app.cli import main

    world = conflicts.world
    path = world.hq.path
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    rule = f"action=keep;device={world.devices[1].code};bundle=1"
    assert main(["--db", str(path), "sync", "issues", "resolve", "--rule", rule, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "将处理 3 项冲突（预览，未写入）" in out and len(list_issues(world.hq)) == 3
    assert main(["--db", str(path), "sync", "issues", "resolve", "--rule", rule]) == 0
    assert "已处理 3 项冲突" in capsys.readouterr().out and list_issues(world.hq) == []
    assert main(["--db", str(path), "sync", "issues"]) == 0
    assert "共 0 项待处理" in capsys.readouterr().out


def test_taking_by_rule_leaves_what_only_hq_writes_open(conflicts) -> None:
    from survey_app.core.storage.models import User
    from survey_app.core.storage.types import utcnow

    world = conflicts.world
    with world.hq.uow(world.admin) as uow:  # a device's version of an account (forged, or from before the rights)
        user = uow.session.scalars(select(User).where(User.username == "worker")).one()
        uow.session.add(SyncIssue(kind="conflict", entity="users", entity_id=user.id.hex,
                                  device=world.devices[1].code, bundle_seq=1, local_json='{"display_name": "甲"}',
                                  incoming_json='{"display_name": "乙"}', message="", status="open",
                                  created_at=utcnow()))
        uow.commit()
    rule = parse_rule("action=take")
    shown = preview(world.hq, rule)
    assert len(shown.matched) == 3 and [i.entity for i, _why in shown.refused] == ["users"]
    assert "只能由指挥部下发" in shown.refused[0][1]
    done = apply_rule(world.hq, world.admin, rule, expect=shown.ids)
    assert len(done.matched) == 3 and [i.entity for i in list_issues(world.hq)] == ["users"]
    assert len(_decisions(world.hq)) == 3 and verify_database(world.hq).ok
    keep = preview(world.hq, parse_rule("action=keep;table=users"))
    assert len(keep.matched) == 1 and keep.refused == []
