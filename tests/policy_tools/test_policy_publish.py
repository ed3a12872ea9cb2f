"""Publishing at HQ: HQ admins only, with a reason, hash locked, audited; households calculated under
an older version are listed (never changed); published versions travel in the assignment bundle."""

from __future__ import annotations

import json

import pytest
from policy_tools_helpers import BROKEN, CITY

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.domain.errors import IntegrityError, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import policies
from survey_app.core.storage.uow import Actor


def _calculations(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT id, rev, policy_hash, status, total FROM calculations ORDER BY id").all()


def test_publish_a_new_version_with_a_reason(demo_db, admin, city_v2):
    first = policies.current_version(demo_db)[0]
    before = _calculations(demo_db)
    assert policies.outdated_households(demo_db) == []
    result = policies.publish_file(demo_db, admin, city_v2, "依据补充通知调整临时安置费")
    assert result.label == "2023-09 第2版" and result.previous_hash == first.content_hash
    pv, policy = policies.current_version(demo_db)
    assert pv.id == result.id and pv.content_hash == policy.hash == result.content_hash
    assert pv.content == city_v2.read_text(encoding="utf-8") and pv.published_by == "hq"
    versions = policies.list_versions(demo_db)
    assert [(v.label, v.current) for v in versions] == [("2023-09 第2版", True), ("2023-06 第1版", False)]
    assert versions[0].reason == "依据补充通知调整临时安置费"
    # every household calculated under 第1版 is listed, none recalculated or changed
    outdated = policies.outdated_households(demo_db)
    assert outdated and {h.policy_label for h in outdated} == {"2023-06 第1版"}
    assert len({h.household_code for h in outdated}) == len(outdated)
    assert _calculations(demo_db) == before


def test_publishing_is_audited_with_reason_and_hashes(demo_db, admin, city_v2):
    from survey_app.core.services.audit import recent_events

    result = policies.publish_file(demo_db, admin, city_v2, "调整标准")
    events = [e for e in recent_events(demo_db, entity_id=result.id.hex) if e.action == policies.PUBLISH_ACTION]
    [event] = events
    details = json.loads(event.changes)
    assert details["reason"] == "调整标准" and details["hash"] == result.content_hash
    assert details["previous_hash"] == result.previous_hash and event.user == "hq"


def test_published_content_is_locked(demo_db, admin, city_v2):
    from survey_app.core.storage.models import PolicyVersion

    result = policies.publish_file(demo_db, admin, city_v2, "调整标准")
    with pytest.raises(IntegrityError, match="已发布的补偿方案版本不能修改"), demo_db.uow(admin) as uow:
        uow.session.get(PolicyVersion, result.id).content += "\n# 改动"
        uow.commit()


def test_refusals(demo_db, admin, city_v2, tmp_path):
    with pytest.raises(ValidationError, match="须写明发布原因"):
        policies.publish_file(demo_db, admin, city_v2)
    with pytest.raises(ValidationError, match="已作为“2023-06 第1版”保存过"):
        policies.publish_file(demo_db, admin, CITY, "再发一次")
    bad = tmp_path / "bad.toml"
    bad.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        policies.publish_file(demo_db, admin, bad, "试试")
    assert "bad.toml: rounding.line_places" in str(info.value) and "items[0].ratio" in str(info.value)
    supervisor = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")
    with pytest.raises(PermissionDenied):
        policies.publish_file(demo_db, supervisor, city_v2, "越权")
    assert len(policies.list_versions(demo_db)) == 1


def test_a_field_laptop_cannot_publish(demo_db, admin, city_v2):
    from survey_app.core.sync import identity

    demo_db.set_setting(identity.ROLE, "field")
    with pytest.raises(PermissionDenied, match="只能在指挥部发布"):
        policies.publish_file(demo_db, admin, city_v2, "调整标准")


def test_the_first_version_of_a_new_project_needs_no_reason(db, admin):
    from survey_app.core.storage.models import Project

    with pytest.raises(ValidationError, match="还没有项目"):
        policies.publish_file(db, admin, CITY)
    with db.uow(admin) as uow:
        uow.session.add(Project(code="P1", name="新项目", area_name="", decision_no="", authority="",
                                implementer="", notes=""))
        uow.commit()
    result = policies.publish_file(db, admin, CITY)
    assert result.previous_hash == "" and policies.list_versions(db)[0].reason == "首次发布"


def test_published_versions_travel_in_the_next_assignment_bundle(demo_db, admin, city_v2):
    from survey_app.core.sync.assignments import roster_records

    result = policies.publish_file(demo_db, admin, city_v2, "调整标准")
    sent = {r.row["content_hash"]: r.row for r in roster_records(demo_db, ["worker"]) if r.table == "policy_versions"}
    assert set(sent) == {v.content_hash for v in policies.list_versions(demo_db)}
    assert sent[result.content_hash]["content"] == city_v2.read_text(encoding="utf-8")


def test_preview_input_of_a_project_household(demo_db):
    from survey_app.core.compensation.policy_tools import preview_text
    from survey_app.core.domain.errors import NotFound

    pv, policy = policies.current_version(demo_db)
    with demo_db.engine.connect() as conn:
        code = conn.exec_driver_sql("SELECT min(h.household_code) FROM households h JOIN appraisals a "
                                    "ON a.household_id = h.id").scalar()
        unappraised = conn.exec_driver_sql("SELECT min(household_code) FROM households WHERE id NOT IN "
                                           "(SELECT household_id FROM appraisals)").scalar()
    household = policies.project_household_input(demo_db, code)
    assert household.household_code == code
    assert f"户号 {code}" in preview_text(policy, household)
    with pytest.raises(PolicyError) as info:  # names the version and the item that cannot price it
        preview_text(policy, policies.project_household_input(demo_db, unappraised))
    assert str(info.value).startswith(f"2023-06 第1版: items[0]（house_value）: 无法为户 {unappraised} 计算")
    with pytest.raises(NotFound):
        policies.project_household_input(demo_db, "没有这户")
