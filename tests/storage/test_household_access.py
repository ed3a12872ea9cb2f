"""A field worker acts only on their own households (issue 10 item 1): assigned to them, or a 新增住户
they added. Calculating, choosing, preparing, printing, saving and signing for anyone else's household
is refused in Chinese; supervisors and HQ admins act on any household as their roles allow."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import PermissionDenied
from survey_app.core.domain.roles import Role
from survey_app.core.services import calculations, household_access, workflow
from survey_app.core.services import field_households as fh
from survey_app.core.services.agreements import lifecycle
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")  # the demo's households are his
OTHER = Actor(username="worker2", role=Role.FIELD_WORKER, device="T01")  # a colleague logged in at the same PC
REVIEWER = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")


@pytest.fixture
def surveyed(demo_db) -> Household:
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).first()
    assert h.assigned_to == WORKER.username
    workflow.approve(demo_db, REVIEWER, h.id)
    return h


def _refused(call, *args, **kwargs) -> str:
    with pytest.raises(PermissionDenied) as caught:
        call(*args, **kwargs)
    message = str(caught.value)
    assert "未分派给您" in message and "Traceback" not in message
    return message


def test_a_field_worker_cannot_calculate_or_choose_for_a_household_assigned_to_another(demo_db, surveyed) -> None:
    message = _refused(calculations.calculate, demo_db, OTHER, surveyed.id)
    assert surveyed.household_code in message and surveyed.head_name not in message
    _refused(calculations.calculate_many, demo_db, OTHER, [surveyed.id])
    assert calculations.options(demo_db, surveyed.id) == []  # nothing was stored
    calculations.calculate(demo_db, WORKER, surveyed.id)  # the assigned worker may
    _refused(calculations.choose_option, demo_db, OTHER, surveyed.id, "cash")
    calculations.choose_option(demo_db, WORKER, surveyed.id, "cash")


def test_a_field_worker_cannot_issue_print_save_or_sign_another_workers_agreement(demo_db, surveyed) -> None:
    calculations.calculate(demo_db, WORKER, surveyed.id)
    calculations.choose_option(demo_db, WORKER, surveyed.id, "cash")
    workflow.mark_calculated(demo_db, WORKER, surveyed.id)
    _refused(lifecycle.prepare, demo_db, OTHER, surveyed.id)
    info = lifecycle.prepare(demo_db, WORKER, surveyed.id)
    _refused(lifecycle.record_print, demo_db, OTHER, info.id, copies=1)
    _refused(lifecycle.record_save, demo_db, OTHER, info.id)
    assert lifecycle.agreements_of(demo_db, surveyed.id)[0].print_count == 0
    lifecycle.record_print(demo_db, WORKER, info.id, copies=1)
    _refused(lifecycle.sign, demo_db, OTHER, info.id)
    assert lifecycle.agreements_of(demo_db, surveyed.id)[0].status == "printed"
    assert lifecycle.sign(demo_db, WORKER, info.id).status == "signed"


def test_supervisors_and_hq_admins_act_on_any_household(demo_db, surveyed, admin) -> None:
    calculations.calculate(demo_db, REVIEWER, surveyed.id)
    calculations.choose_option(demo_db, admin, surveyed.id, "cash")
    workflow.mark_calculated(demo_db, admin, surveyed.id)
    info = lifecycle.prepare(demo_db, REVIEWER, surveyed.id)
    assert lifecycle.record_print(demo_db, admin, info.id, copies=1).status == "printed"


def test_a_new_household_is_its_finders_even_after_hq_assigns_it_to_someone_else(demo_db, admin) -> None:
    hid, _ = fh.add_field_household(demo_db, OTHER, fh.NewHousehold(head_name="王新民", address="巷 9 号"))
    with demo_db.read() as s:
        h = s.get(Household, uuid.UUID(hid))
        assert household_access.may_act(s, OTHER, h) and not household_access.may_act(s, WORKER, h)
    with demo_db.uow(admin) as uow:
        uow.session.get(Household, uuid.UUID(hid)).assigned_to = WORKER.username
        uow.commit()
    third = Actor(username="worker3", role=Role.FIELD_WORKER, device="T01")
    with demo_db.read() as s:
        h = s.get(Household, uuid.UUID(hid))
        assert household_access.may_act(s, OTHER, h)  # found it: still theirs
        assert household_access.may_act(s, WORKER, h)  # now assigned to him
        assert not household_access.may_act(s, third, h)
        assert household_access.may_act(s, REVIEWER, h) and household_access.may_act(s, admin, h)
    with demo_db.uow(admin) as uow:  # a register household is not "found" by whoever last touched it
        roster = uow.session.get(Household, uuid.UUID(hid))
        roster.origin = fh.CONFIRMED
        uow.commit()
    with demo_db.read() as s:
        assert not household_access.may_act(s, OTHER, s.get(Household, uuid.UUID(hid)))
