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


def _first(db, status: str) -> Household:  # noqa: ANN001
    with db.read() as s:
        return s.scalars(select(Household).where(Household.status == status).order_by(Household.id)).first()


def _status(db, h: Household) -> str:  # noqa: ANN001
    with db.read() as s:
        return s.get(Household, h.id).status


def test_survey_review_calculate(demo_db) -> None:  # noqa: ANN001
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


def test_wrong_moves_are_refused_with_the_reason(demo_db) -> None:  # noqa: ANN001
    signed = _first(demo_db, "signed")
    with pytest.raises(ValidationError, match="当前状态为“已签约”"):
        workflow.submit_survey(demo_db, WORKER, signed.id)
    with pytest.raises(ValidationError, match="退回意见"):
        workflow.return_for_rework(demo_db, REVIEWER, _first(demo_db, "surveyed").id, "  ")
    workflow.hand_over(demo_db, REVIEWER, signed.id)
    assert _status(demo_db, signed) == "handed_over"


def test_a_worker_cannot_review_and_nobody_reviews_their_own_survey(demo_db) -> None:  # noqa: ANN001
    h = _first(demo_db, "surveyed")
    own = Actor(username=h.surveyed_by, role=Role.SUPERVISOR, device="T01")
    with pytest.raises(PermissionDenied, match="自己"):
        workflow.approve(demo_db, own, h.id)
