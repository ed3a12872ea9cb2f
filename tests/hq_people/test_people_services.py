"""Accounts and assignments at HQ (core/services/users.py admin part, core/services/assignment_admin.py)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import assignment_admin as aa
from survey_app.core.services import users
from survey_app.core.storage.models import AuditEvent, Household


def _assigned(db, section: str) -> dict[str, str]:
    with db.read() as s:
        return {h.household_code: h.assigned_to
                for h in s.scalars(select(Household).where(Household.section == section))}


def _signed_codes(db) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(Household.household_code).where(Household.status.in_(aa.SIGNED_STATUSES))))


def test_create_account_with_role_name_and_phone_audited(hq, hq_admin) -> None:
    info = users.create_account(hq, hq_admin, "wang", "wangpass1", "supervisor", "王五", "138-0000 0000")
    assert (info.role, info.phone) == (Role.SUPERVISOR, "138-0000 0000")
    listed = {a.username: a for a in users.list_accounts(hq)}["wang"]
    assert (listed.display_name, listed.active, listed.households) == ("王五", True, 0)
    with hq.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "users").order_by(AuditEvent.seq)).all()
    insert, phone = events[-2:]
    assert insert.action == "insert" and '"***"' in insert.changes and "13800000000" not in insert.changes
    assert phone.action == "update" and "138-0000 0000" in phone.changes
    assert all("wangpass1" not in e.changes for e in events)
    assert users.login(hq, "wang", "wangpass1", device="HQ").role is Role.SUPERVISOR


@pytest.mark.parametrize("args, message", [
    (("worker", "longenough1", "field_worker"), "已存在"),
    (("new one", "longenough1", "field_worker"), "不能含空格"),
    (("new", "short", "field_worker"), "密码至少"),
    (("new", "longenough1", "boss"), "角色只能是"),
    (("new", "longenough1", "field_worker", "", "call me"), "电话只能包含"),
])
def test_create_account_refusals(hq, hq_admin, args, message) -> None:
    with pytest.raises(ValidationError, match=message):
        users.create_account(hq, hq_admin, *args)
    assert {a.username for a in users.list_accounts(hq)} == {"hq", "reviewer", "worker"}


def test_only_an_hq_admin_manages_accounts(hq) -> None:
    worker = users.login(hq, "worker", "worker123", device="HQ")
    for call in (lambda: users.create_account(hq, worker, "x", "longenough1", "field_worker"),
                 lambda: users.set_active(hq, worker, "reviewer", False),
                 lambda: users.reset_password(hq, worker, "reviewer", "longenough1"),
                 lambda: users.change_role(hq, worker, "reviewer", "field_worker"),
                 lambda: aa.assign(hq, worker, "worker", sections=["A1"]),
                 lambda: aa.set_device_workers(hq, worker, "D01", ["worker"])):
        with pytest.raises(PermissionDenied):
            call()


def test_disable_refuses_login_reports_households_and_enable_restores(hq, hq_admin) -> None:
    left = users.set_active(hq, hq_admin, "worker", False).households
    assert left == 60  # the demo gives every household to worker
    with pytest.raises(AuthenticationError):
        users.login(hq, "worker", "worker123", device="HQ")
    users.set_active(hq, hq_admin, "worker", True)
    assert users.login(hq, "worker", "worker123", device="HQ").username == "worker"


def test_no_admin_disables_themselves_nor_the_last_admin(hq, hq_admin) -> None:
    with pytest.raises(ValidationError, match="自己"):
        users.set_active(hq, hq_admin, "hq", False)
    users.create_account(hq, hq_admin, "admin2", "admin2pass", Role.HQ_ADMIN)
    admin2 = users.login(hq, "admin2", "admin2pass", device="HQ")
    users.set_active(hq, hq_admin, "admin2", False)  # admin2's session is still open on some screen
    with pytest.raises(ValidationError, match="最后一个"):
        users.set_active(hq, admin2, "hq", False)
    with pytest.raises(ValidationError, match="最后一个"):
        users.change_role(hq, admin2, "hq", Role.SUPERVISOR)
    with pytest.raises(ValidationError, match="自己"):
        users.change_role(hq, hq_admin, "hq", Role.SUPERVISOR)


def test_reset_password_forces_a_change_and_lifts_a_lockout(hq, hq_admin) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            users.login(hq, "reviewer", "wrong", device="HQ")
    users.reset_password(hq, hq_admin, "reviewer", "fresh-pass-1")
    account = {a.username: a for a in users.list_accounts(hq)}["reviewer"]
    assert account.must_change_password and account.locked_until is None
    with pytest.raises(AuthenticationError):
        users.login(hq, "reviewer", "review123", device="HQ")
    assert users.login(hq, "reviewer", "fresh-pass-1", device="HQ").username == "reviewer"
    with pytest.raises(ValidationError, match="修改自己的密码"):
        users.reset_password(hq, hq_admin, "hq", "fresh-pass-1")
    with pytest.raises(ValidationError, match="没有用户"):
        users.reset_password(hq, hq_admin, "ghost", "fresh-pass-1")


def test_change_role_refuses_an_admin_with_households(hq, hq_admin) -> None:
    with pytest.raises(ValidationError, match="请先转派"):
        users.change_role(hq, hq_admin, "worker", Role.HQ_ADMIN)
    users.change_role(hq, hq_admin, "reviewer", Role.FIELD_WORKER)
    assert {a.username: a.role for a in users.list_accounts(hq)}["reviewer"] is Role.FIELD_WORKER


def test_accounts_are_refused_on_an_enrolled_laptop(hq, hq_admin, enrol) -> None:
    _code, laptop = enrol()
    with pytest.raises(ValidationError, match="调查笔记本"):
        users.create_account(laptop, hq_admin, "x", "longenough1", "field_worker")
    with pytest.raises(ValidationError, match="调查笔记本"):
        aa.assign(laptop, hq_admin, "worker", sections=["A1"])


def test_assign_a_section_moves_all_but_the_signed_households(hq, hq_admin) -> None:
    users.create_account(hq, hq_admin, "wang", "wangpass1", "field_worker")
    before = _assigned(hq, "B1")
    signed = _signed_codes(hq) & set(before)
    preview = aa.plan_assign(hq, "wang", sections=["B1"])
    assert _assigned(hq, "B1") == before  # a preview writes nothing
    plan = aa.assign(hq, hq_admin, "wang", sections=["B1"])
    assert (plan.move, plan.kept_signed) == (preview.move, preview.kept_signed)
    assert signed and set(plan.kept_signed) == signed
    after = _assigned(hq, "B1")
    assert {c for c, u in after.items() if u == "wang"} == set(before) - signed
    assert all(after[c] == "worker" for c in signed)
    assert plan.from_workers == {"worker": len(set(before) - signed)}
    with hq.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "assign")).one()
    assert json.loads(event.changes)["sections"] == ["B1"] and event.user == "hq"
    again = aa.assign(hq, hq_admin, "wang", sections=["B1"])
    assert again.count == 0 and len(again.already) == len(set(before) - signed)


def test_assign_by_codes_and_every_refusal_writes_nothing(hq, hq_admin) -> None:
    users.create_account(hq, hq_admin, "wang", "wangpass1", "field_worker")
    codes = sorted(c for c in _assigned(hq, "A1") if c not in _signed_codes(hq))[:2]
    plan = aa.assign(hq, hq_admin, "wang", codes=f"{codes[0]}，\n{codes[1]}")
    assert plan.move == codes
    snapshot = {s: _assigned(hq, s) for s in ("A1", "A2")}
    with pytest.raises(ValidationError, match="NOPE-1"):
        aa.assign(hq, hq_admin, "wang", codes=["A2-0001", "NOPE-1"])
    with pytest.raises(ValidationError, match="Z9"):
        aa.assign(hq, hq_admin, "wang", sections=["A2", "Z9"])
    with pytest.raises(ValidationError, match="指挥部管理员"):
        aa.assign(hq, hq_admin, "hq", sections=["A2"])
    with pytest.raises(ValidationError, match="没有用户"):
        aa.assign(hq, hq_admin, "ghost", sections=["A2"])
    users.set_active(hq, hq_admin, "wang", False)
    with pytest.raises(ValidationError, match="已停用"):
        aa.assign(hq, hq_admin, "wang", sections=["A2"])
    with pytest.raises(ValidationError, match="地块或填写户号"):
        aa.assign(hq, hq_admin, "worker")
    assert {s: _assigned(hq, s) for s in ("A1", "A2")} == snapshot


def test_reassign_keeps_signed_households_with_their_worker(hq, hq_admin) -> None:
    users.create_account(hq, hq_admin, "wang", "wangpass1", "field_worker")
    signed = _signed_codes(hq)
    plan = aa.reassign(hq, hq_admin, "worker", "wang")
    assert plan.count == 60 - len(signed) and set(plan.kept_signed) == signed
    remaining = {a.username: a.households for a in users.list_accounts(hq)}
    assert remaining["worker"] == len(signed) and remaining["wang"] == 60 - len(signed)
    with pytest.raises(ValidationError, match="同一人"):
        aa.reassign(hq, hq_admin, "wang", "wang")


def test_device_workers_are_replaced_audited_and_name_the_laptops(hq, hq_admin, enrol) -> None:
    code, _laptop = enrol()
    users.create_account(hq, hq_admin, "wang", "wangpass1", "field_worker")
    assert aa.set_device_workers(hq, hq_admin, code, ["worker", "wang"]) == ["wang", "worker"]
    assert aa.set_device_workers(hq, hq_admin, code, ["wang"]) == ["wang"]  # replaced, not added to
    assert [d.workers for d in aa.laptops(hq) if d.code == code] == [("wang",)]
    assert aa.devices_for(hq, ["wang"]) == [code] and aa.devices_for(hq, ["worker"]) == []
    plan = aa.assign(hq, hq_admin, "wang", sections=["C1"])
    assert plan.devices == [code]
    with hq.read() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "device_users")).all()
    with pytest.raises(ValidationError, match="没有调查笔记本"):
        aa.set_device_workers(hq, hq_admin, "D77", ["wang"])
    with pytest.raises(ValidationError, match="指挥部管理员"):
        aa.set_device_workers(hq, hq_admin, code, ["hq"])


def test_export_needs_workers_then_writes_one_bundle_per_laptop(hq, hq_admin, hq_pair, enrol,
                                                                tmp_path) -> None:
    first, _ = enrol("一号")
    second, _ = enrol("二号")
    out = tmp_path / "usb"
    out.mkdir()
    aa.set_device_workers(hq, hq_admin, first, ["worker"])
    with pytest.raises(ValidationError, match=f"{second} 还没有指定调查员"):
        aa.export_bundles(hq, hq_admin, hq_pair, [first, second], out)
    assert list(out.iterdir()) == []  # refused before anything was written
    aa.set_device_workers(hq, hq_admin, second, ["reviewer"])
    paths = aa.export_bundles(hq, hq_admin, hq_pair, [first, second], out)
    assert [p.name.split("_")[1] for p in paths] == [first, second] and all(p.exists() for p in paths)
