"""新增住户: a household found in the field is created pending, assigned, audited, marked; HQ confirms it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import field_households as fh
from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.storage.models import AuditEvent
from survey_app.core.storage.uow import Actor

WORKER = Actor("worker", Role.FIELD_WORKER, "D01")


def test_a_household_found_in_the_field_is_created_pending_assigned_and_marked(demo_db, admin) -> None:
    before = len(households.search_keys(demo_db, HouseholdFilter()))
    hid, changes = fh.add_field_household(demo_db, WORKER, fh.NewHousehold(
        head_name="  王新民 ", address="芙蓉区古稻田巷 9 号后院", section="B1", phone="13800001111"))
    assert changes.touches("households", "members")
    detail = households.get_detail(demo_db, hid)
    assert (detail.status, detail.assigned_to, detail.head_name, detail.section) == ("pending", "worker", "王新民", "B1")
    assert detail.household_code == "B1-XD01-001"
    assert [m["relation"] for m in detail.members] == ["head"]
    assert fh.origin_of(demo_db, hid) == fh.FIELD and fh.field_ids(demo_db) == {hid}
    assert len(households.search_keys(demo_db, HouseholdFilter())) == before + 1
    assert households.search_keys(demo_db, HouseholdFilter(text="王新民"))  # searchable like any other
    with demo_db.read() as s:
        assert s.scalars(select(AuditEvent.entity).where(AuditEvent.entity == "households",
                                                          AuditEvent.action == "insert")).first()
    second, _ = fh.add_field_household(demo_db, WORKER, fh.NewHousehold(head_name="李四", address="巷 10 号",
                                                                         section="B1"))
    assert households.get_detail(demo_db, second).household_code == "B1-XD01-002"

    with pytest.raises(PermissionDenied):
        fh.confirm(demo_db, WORKER, hid)
    fh.confirm(demo_db, admin, hid)
    assert fh.origin_of(demo_db, hid) == fh.CONFIRMED and fh.field_ids(demo_db) == {second}
    with pytest.raises(ValidationError):
        fh.confirm(demo_db, admin, hid)  # only once


def test_name_and_address_are_required_and_a_phone_must_be_valid(demo_db) -> None:
    with pytest.raises(ValidationError, match="户主姓名不能为空"):
        fh.add_field_household(demo_db, WORKER, fh.NewHousehold(head_name=" ", address="巷 1 号"))
    with pytest.raises(ValidationError, match="地址不能为空"):
        fh.add_field_household(demo_db, WORKER, fh.NewHousehold(head_name="王五", address=""))
    with pytest.raises(ValidationError):
        fh.add_field_household(demo_db, WORKER, fh.NewHousehold(head_name="王五", address="巷 1 号", phone="123"))
    assert fh.field_ids(demo_db) == set()
