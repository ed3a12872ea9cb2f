"""Saving the household editor's form: validation in Chinese, field-level audit, conflicts, drafts."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import PermissionDenied
from survey_app.core.domain.roles import Role
from survey_app.core.services.audit import verify_database
from survey_app.core.services.survey.checks import FormInvalid
from survey_app.core.services.survey.drafts import discard_draft, load_draft, save_draft
from survey_app.core.services.survey.form import MemberForm, PartForm, SurveyForm
from survey_app.core.services.survey.store import ConflictError, load_form, save_form
from survey_app.core.storage.models import AuditEvent, Household, Member
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")


@pytest.fixture
def household(demo_db) -> Household:
    with demo_db.read() as s:
        return s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).first()


def test_round_trip_without_changes_writes_nothing(demo_db, household) -> None:
    form = load_form(demo_db, household.id)
    assert form.head is not None and form.head.name == household.head_name
    changes = save_form(demo_db, WORKER, form)
    assert not changes and changes.audit_events == 0


def test_adding_a_member_derives_birth_date_and_sex_and_audits(demo_db, household) -> None:
    form = load_form(demo_db, household.id)
    form.members.append(MemberForm(name="王小明", relation="child", id_number="11010519491231002x"))
    save_form(demo_db, WORKER, form)
    with demo_db.read() as s:
        m = s.scalars(select(Member).where(Member.name == "王小明")).one()
        assert (m.id_number, m.sex, m.birth_date) == ("11010519491231002X", "女", dt.date(1949, 12, 31))
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == m.id.hex)).one()
        assert json.loads(ev.changes)["name"] == [None, "王小明"]
        assert s.get(Household, household.id).rev == household.rev + 1
    assert verify_database(demo_db).ok


def test_every_problem_is_named_in_chinese(demo_db, household) -> None:
    form = load_form(demo_db, household.id)
    form.members.append(MemberForm(name="李四", relation="child", id_number="110105194912310021"))
    form.parts.append(PartForm(label="后院", area=Decimal("12.3456"), legality="temporary"))  # 0.001 m² at most
    form.phone = "12345"
    with pytest.raises(FormInvalid) as e:
        save_form(demo_db, WORKER, form)
    paths = {p.path: p.message for p in e.value.problems}
    assert "校验位错误" in paths[f"members[{len(form.members) - 1}].id_number"]
    assert "3位小数" in paths[f"parts[{len(form.parts) - 1}].area"]
    assert "批准期限" in paths[f"parts[{len(form.parts) - 1}].temporary_term_end"]
    assert "11位" in paths["phone"]
    assert "另有" in str(e.value)


def test_removing_a_row_tombstones_it(demo_db, household) -> None:
    form = load_form(demo_db, household.id)
    removed = form.members.pop()
    save_form(demo_db, WORKER, form)
    with demo_db.read() as s:
        assert s.get(Member, uuid.UUID(removed.id)).deleted_at is not None


def test_a_stale_form_is_refused_not_merged(demo_db, household) -> None:
    mine, theirs = load_form(demo_db, household.id), load_form(demo_db, household.id)
    theirs.notes = "别人先保存"
    save_form(demo_db, WORKER, theirs)
    mine.notes = "我后保存"
    with pytest.raises(ConflictError, match="请重新打开"):
        save_form(demo_db, WORKER, mine)


def test_signed_households_are_frozen(demo_db) -> None:
    with demo_db.read() as s:
        signed = s.scalars(select(Household).where(Household.status == "signed")).first()
    form = load_form(demo_db, signed.id)
    form.notes = "x"
    with pytest.raises(PermissionDenied, match="冻结"):
        save_form(demo_db, WORKER, form)


def test_drafts_survive_and_round_trip(demo_db, household) -> None:
    form = load_form(demo_db, household.id)
    form.notes = "还没保存的字"
    form.parts[0].area = Decimal("99.99")
    save_draft(demo_db, "worker", form)
    save_draft(demo_db, "worker", form)  # replacing is fine
    draft = load_draft(demo_db, "worker", household.id.hex)
    assert draft.form == form and draft.base_rev == household.rev
    assert load_draft(demo_db, "reviewer", household.id.hex) is None
    discard_draft(demo_db, "worker", household.id.hex)
    assert load_draft(demo_db, "worker", household.id.hex) is None
    assert SurveyForm.from_json(form.to_json()) == form
