"""The workflow moves under role rules, with the supervisor's return comment kept for the worker."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import calculations, workflow
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
REVIEWER = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")


def _first(db, status: str) -> Household:
    with db.read() as s:
        return s.scalars(select(Household).where(Household.status == status).order_by(Household.id)).first()


def _status(db, h: Household) -> str:
    with db.read() as s:
        return s.get(Household, h.id).status


def test_survey_review_calculate(demo_db) -> None:
    h = _first(demo_db, "surveyed")
    with pytest.raises(PermissionDenied):
        workflow.approve(demo_db, WORKER, h.id)
    workflow.return_for_rework(demo_db, REVIEWER, h.id, "缺少附属物照片")
    with demo_db.read() as s:
        back = s.get(Household, h.id)
        assert (back.status, back.review_comment) == ("pending", "缺少附属物照片")
    workflow.submit_survey(demo_db, WORKER, h.id)
    workflow.approve(demo_db, REVIEWER, h.id, "核对无误")
    assert _status(demo_db, h) == "reviewed"
    with pytest.raises(ValidationError, match="请先测算"):
        workflow.mark_calculated(demo_db, WORKER, h.id)
    calculations.calculate(demo_db, WORKER, h.id)
    workflow.mark_calculated(demo_db, WORKER, h.id)
    assert _status(demo_db, h) == "calculated"


def test_wrong_moves_are_refused_with_the_reason(demo_db) -> None:
    signed = _first(demo_db, "signed")
    with pytest.raises(ValidationError, match="当前状态为“已签约”"):
        workflow.submit_survey(demo_db, WORKER, signed.id)
    with pytest.raises(ValidationError, match="退回意见"):
        workflow.return_for_rework(demo_db, REVIEWER, _first(demo_db, "surveyed").id, "  ")
    workflow.hand_over(demo_db, REVIEWER, signed.id)
    assert _status(demo_db, signed) == "handed_over"


def test_a_worker_cannot_review_and_nobody_reviews_their_own_survey(demo_db) -> None:
    h = _first(demo_db, "surveyed")
    own = Actor(username=h.surveyed_by, role=Role.SUPERVISOR, device="T01")
    with pytest.raises(PermissionDenied, match="自己"):
        workflow.approve(demo_db, own, h.id)


# --- issue 9 items 3–4: complete means complete -------------------------------------------------------

import re  # noqa: E402

from survey_app.core.services.calculations import current_policy  # noqa: E402
from survey_app.core.services.survey import readiness, store  # noqa: E402
from survey_app.core.services.survey.checks import check  # noqa: E402
from survey_app.core.services.survey.form import PartForm  # noqa: E402

INTERNAL_KEY = re.compile(r"[a-z_]+\[\d+\]|\b[a-z_]+\.[a-z_]+\b|\b(?:appraisal|building_parts|unit_price)\b")


def _ready(db, h: Household) -> list:
    with db.read() as s:
        hh = s.get(Household, h.id)
        form = store.form_of(s, hh)
        _pv, policy = current_policy(s, hh.project_id)
        return check(form) + readiness.missing(form, policy)


def test_submit_refuses_an_incomplete_survey_listing_every_missing_item_in_chinese(demo_db) -> None:
    h = _first(demo_db, "pending")  # demo pending households have no appraisal yet
    form = store.load_form(demo_db, h.id)
    form.parts.append(PartForm(label="后院棚", area=__import__("decimal").Decimal("6.50"), use="residential"))
    assert form.parts[-1].legality == ""  # a new part has no legality until the worker picks one
    store.save_form(demo_db, WORKER, form)  # saving a half-done survey is fine …

    with pytest.raises(readiness.SurveyIncomplete) as refused:  # … submitting it is not
        workflow.submit_survey(demo_db, WORKER, h.id)
    text = str(refused.value)
    assert "缺少住宅用途的评估单价（待指挥部导入评估报告）" in text
    assert "建筑部分“后院棚”：请选择合法性认定" in text
    assert len(refused.value.problems) >= 2 and not INTERNAL_KEY.search(text)
    assert _status(demo_db, h) == "pending"


def test_calculation_refuses_an_incomplete_survey_in_chinese_naming_every_field(demo_db, admin) -> None:
    h = _first(demo_db, "pending")
    form = store.load_form(demo_db, h.id)
    form.parts.append(PartForm(label="搭建", area=__import__("decimal").Decimal("4.00"), use="residential"))
    store.save_form(demo_db, admin, form)
    with pytest.raises(ValidationError) as refused:
        calculations.calculate(demo_db, WORKER, h.id)
    text = str(refused.value)
    assert "评估单价" in text and "合法性认定" in text and not INTERNAL_KEY.search(text)


def test_every_demo_household_the_checks_call_complete_calculates(demo_db) -> None:
    with demo_db.read() as s:
        every = list(s.scalars(select(Household).order_by(Household.id)))
    complete = [h for h in every if not _ready(demo_db, h)]
    assert len(complete) >= 20
    for h in complete:
        assert calculations.calculate(demo_db, WORKER, h.id), h.household_code


def test_a_business_without_a_business_use_part_is_flagged(demo_db) -> None:
    from survey_app.core.services.survey.form import BusinessForm

    h = _first(demo_db, "surveyed")
    form = store.load_form(demo_db, h.id)
    form.parts = [p for p in form.parts if p.use == "residential"]
    form.businesses = [BusinessForm(name="张记小卖部", area=__import__("decimal").Decimal("12.00"))]
    store.save_form(demo_db, REVIEWER, form)
    problems = _ready(demo_db, h)
    assert any("经营“张记小卖部”" in p.message and "经营用途" in p.message for p in problems)


def test_household_code_and_section_are_changed_by_hq_only(demo_db, admin) -> None:
    h = _first(demo_db, "pending")
    form = store.load_form(demo_db, h.id)
    form.household_code = "X-9999"
    with pytest.raises(PermissionDenied, match="户号和地块只能由指挥部修改"):
        store.save_form(demo_db, WORKER, form)
    form.household_code, form.section = h.household_code, "别的地块"
    with pytest.raises(PermissionDenied):
        store.save_form(demo_db, WORKER, form)
    form.household_code = "X-9999"
    store.save_form(demo_db, admin, form)
    assert store.load_form(demo_db, h.id).household_code == "X-9999"
