"""create_project / update_project rules on real database files."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from project_helpers import ADMIN_PASSWORD
from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from survey_app.core.services import project_files, projects, users
from survey_app.core.services.project_rules import DEMO_PASSWORDS
from survey_app.core.storage.models import AuditEvent, Device, Project


def _create(path: Path, **over):
    args = dict(name="测试项目", code="T2024", city="长沙", admin_password=ADMIN_PASSWORD)
    args.update(over)
    return projects.create_project(path, **args)


def test_created_project_has_row_hq_device_keys_and_admin(hq_db, hq_admin) -> None:
    from survey_app.core.sync import identity
    from survey_app.core.sync.enrollment import is_hq

    info = projects.project_info(hq_db)
    assert (info.code, info.name, info.city, info.cash_target_pct) == ("FR2024", "芙蓉路片区棚户区改造", "长沙",
                                                                       Decimal("60.00"))
    assert [(s.code, s.name) for s in info.sections] == [("A1", "一组"), ("A2", "二组")]
    assert is_hq(hq_db) and hq_db.setting("device_code") == "HQ"
    pair = identity.unlock(hq_db)  # the vault-sealed identity, unlocked by the login
    assert hq_db.setting(identity.SEALED) == "" and not identity.needs_password(hq_db)
    assert pair.public().fingerprint == info.hq_fingerprint and len(info.hq_fingerprint) == 16
    with hq_db.read() as s:
        hq = s.scalar(select(Device).where(Device.code == "HQ"))
        assert hq.kind == "hq" and hq.sync_signing_key == pair.public().signing_b64
        row = s.scalar(select(Project))
        assert json.loads(row.sections) == [{"code": "A1", "name": "一组"}, {"code": "A2", "name": "二组"}]
    assert hq_admin.role.value == "hq_admin" and hq_admin.display_name == "王主任"
    assert projects.default_cli_user(hq_db) == "admin"
    assert hq_db.setting("ui_language") == ""  # nothing demo-ish was written


def test_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "x.sqlite3"
    target.write_bytes(b"precious")
    with pytest.raises(ValidationError, match="已存在"):
        _create(target)
    assert target.read_bytes() == b"precious"


@pytest.mark.parametrize(("over", "field", "message"), [
    (dict(code="芙蓉2024"), "code", "项目编号"), (dict(code="a"), "code", "项目编号"), (dict(code=""), "code", "请填写"),
    (dict(name=" "), "name", "项目名称"), (dict(city=""), "city", "城市"),
    (dict(signing_start=dt.date(2024, 5, 1), signing_end=dt.date(2024, 4, 1)), "signing_end", "早于"),
    (dict(valuation_date=dt.date(2024, 5, 2), signing_start=dt.date(2024, 5, 1)), "signing_start", "评估时点"),
    (dict(cash_target_pct="101"), "cash_target_pct", "0到100"), (dict(cash_target_pct="-1"), "cash_target_pct", "0到100"),
    (dict(cash_target_pct="60.125"), "cash_target_pct", "两位小数"), (dict(cash_target_pct="六十"), "cash_target_pct", "数字"),
    (dict(admin_password="short7!"), "admin_password", "至少8位"),
    (dict(admin_password="hq123456"), "admin_password", "演示"),
    (dict(admin_username="ad min"), "admin_username", "空格"),
    (dict(sections=["A1=一组", "A1=二组"]), "sections", "重复"),
])
def test_each_rule_refuses_with_a_chinese_message_and_makes_no_file(tmp_path: Path, over, field, message) -> None:
    target = tmp_path / "p.sqlite3"
    with pytest.raises(ValidationError, match=message) as info:
        _create(target, **over)
    assert info.value.field == field
    assert not target.exists()


def test_demo_passwords_list_covers_the_demo_users() -> None:
    from survey_app.core.services.demo import DEMO_USERS
    from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD, SECOND_WORKER

    assert {p for _u, p, _r, _d in DEMO_USERS} | {DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD, SECOND_WORKER[1]} \
        <= DEMO_PASSWORDS


def test_a_failure_after_the_file_was_made_removes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.sync import enrollment

    def broken(db, password=None):
        raise OSError("disk gone")

    monkeypatch.setattr(enrollment, "init_hq", broken)
    target = tmp_path / "p.sqlite3"
    with pytest.raises(OSError):
        _create(target)
    assert list(tmp_path.iterdir()) == []


def test_target_and_dates_are_stored_exactly(tmp_path: Path) -> None:
    made = _create(tmp_path / "p.sqlite3", cash_target_pct="55.5", valuation_date=dt.date(2024, 3, 1),
                   signing_start=dt.date(2024, 3, 1), signing_end=dt.date(2024, 6, 30))
    with pytest.raises(AuthenticationError):
        project_files.open_project_database(made.path, "admin", "wrong-password")
    db, _ = project_files.open_project_database(made.path, "admin", ADMIN_PASSWORD)
    try:
        info = projects.project_info(db)
        assert info.cash_target_pct == Decimal("55.50")
        assert (info.valuation_date, info.signing_start, info.signing_end) == (
            dt.date(2024, 3, 1), dt.date(2024, 3, 1), dt.date(2024, 6, 30))
        with pytest.raises(AuthenticationError):
            users.login(db, "admin", "wrong-password", device="HQ")
    finally:
        db.dispose()


def _events(db, action: str) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_update_is_free_before_the_first_agreement_and_audited_as_a_row_change(hq_db, hq_admin) -> None:
    info = projects.update_project(hq_db, hq_admin, name="芙蓉路片区（一期）", cash_target_pct="65",
                                   sections=[{"code": "A1", "name": "一组"}])
    assert (info.name, info.cash_target_pct, len(info.sections)) == ("芙蓉路片区（一期）", Decimal("65.00"), 1)
    with hq_db.read() as s:
        updates = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "update",
                                                          AuditEvent.entity == "projects")))
    assert len(updates) == 1 and "name" in updates[0].changes
    assert _events(hq_db, projects.REASON_EVENT) == []
    # nothing changed: nothing written
    before = len(updates)
    projects.update_project(hq_db, hq_admin, name="芙蓉路片区（一期）")
    with hq_db.read() as s:
        assert len(list(s.scalars(select(AuditEvent).where(AuditEvent.entity == "projects",
                                                           AuditEvent.action == "update")))) == before


def test_update_checks_dates_against_the_stored_ones(hq_db, hq_admin) -> None:
    projects.update_project(hq_db, hq_admin, signing_start=dt.date(2024, 5, 1))
    with pytest.raises(ValidationError, match="早于"):
        projects.update_project(hq_db, hq_admin, signing_end=dt.date(2024, 4, 30))
    with pytest.raises(ValidationError, match="编号"):
        projects.update_project(hq_db, hq_admin, code="OTHER")


def test_after_the_first_agreement_a_reason_is_required_and_recorded(hq_db, hq_admin, monkeypatch) -> None:
    monkeypatch.setattr(projects, "has_agreements", lambda db: True)
    with pytest.raises(ValidationError, match="原因") as info:
        projects.update_project(hq_db, hq_admin, city="株洲")
    assert info.value.field == "reason"
    assert projects.project_info(hq_db).city == "长沙"
    projects.update_project(hq_db, hq_admin, city="株洲", reason="区划调整，按市政府文件更正")
    events = _events(hq_db, projects.REASON_EVENT)
    assert len(events) == 1 and "区划调整" in events[0].changes and "city" in events[0].changes
    assert events[0].user == "admin"


def test_a_real_agreement_locks_the_project(demo_db, admin) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import calculations, workflow
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.storage.models import Agreement, Household
    from survey_app.core.storage.uow import Actor

    worker = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
    reviewer = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")
    with demo_db.read() as s:  # the small demo has signed households by status only: no agreement rows
        assert s.scalar(select(Agreement.id).limit(1)) is None
    assert not projects.has_agreements(demo_db)
    projects.update_project(demo_db, admin, city="长沙")
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).first()
    workflow.approve(demo_db, reviewer, h.id)
    calculations.calculate(demo_db, worker, h.id)
    calculations.choose_option(demo_db, worker, h.id, "cash")
    workflow.mark_calculated(demo_db, worker, h.id)
    lifecycle.prepare(demo_db, worker, h.id)
    assert projects.has_agreements(demo_db) and projects.project_info(demo_db).locked
    with pytest.raises(ValidationError, match="原因"):
        projects.update_project(demo_db, admin, city="株洲")


def test_only_an_hq_admin_may_update(hq_db, hq_admin) -> None:
    from survey_app.core.domain.roles import Role

    users.create_user(hq_db, hq_admin, "zhang", "worker-pass-1", Role.FIELD_WORKER)
    worker = users.login(hq_db, "zhang", "worker-pass-1", device="HQ")
    with pytest.raises(PermissionDenied):
        projects.update_project(hq_db, worker, name="x")
