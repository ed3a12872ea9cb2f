"""The household workflow: 待调查 → 已调查 → 已复核 → 已测算 → 已签约 → 已交房, under role rules.

Every move is a service call checked here (not only by hiding buttons), against the one transition
table (core/domain/transitions.py), and audited as the status change it is. A supervisor can return a surveyed household with a comment the worker
sees; the household goes back to 待调查 with the comment kept until it is submitted again.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from survey_app.core.domain import transitions
from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.transitions import Move
from survey_app.core.services.calculations import current_policy
from survey_app.core.services.survey import readiness, store
from survey_app.core.services.survey.checks import check
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Calculation, Household
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor, ChangeSet, UnitOfWork


def _household(uow: UnitOfWork, household_id: str | uuid.UUID) -> Household:
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    h = uow.session.get(Household, hid)
    if h is None or h.deleted_at is not None:
        raise NotFound("该住户不存在或已删除")
    return h


def _move(h: Household, move: Move) -> str:
    """The status after ``move``, refused as the one transition table says (core/domain/transitions.py)."""
    return transitions.require(move, h.status, h.household_code)


def submit_survey(db: Database, actor: Actor, household_id: str | uuid.UUID) -> ChangeSet:
    """The worker marks the survey complete: 待调查 → 已调查.

    Refused (SurveyIncomplete, every problem listed in Chinese) while the form has problems or lacks
    anything the current policy's calculation needs: a survey called complete always calculates."""
    actor.require(Permission.EDIT_SURVEY)
    with db.uow(actor) as uow:
        h = _household(uow, household_id)
        surveyed = _move(h, Move.SUBMIT)
        form = store.form_of(uow.session, h)
        _pv, policy = current_policy(uow.session, h.project_id)
        problems = check(form) + readiness.missing(form, policy)
        if problems:
            raise readiness.SurveyIncomplete(problems, f"户 {h.household_code} 的调查尚未完成，不能提交，还需：")
        h.status = surveyed
        h.surveyed_at, h.surveyed_by = utcnow(), actor.username
        return uow.commit()


def approve(db: Database, actor: Actor, household_id: str | uuid.UUID, comment: str = "") -> ChangeSet:
    """A supervisor approves the survey: 已调查 → 已复核."""
    actor.require(Permission.REVIEW)
    with db.uow(actor) as uow:
        h = _household(uow, household_id)
        reviewed = _move(h, Move.APPROVE)
        if h.surveyed_by == actor.username and actor.role.value != "hq_admin":
            raise PermissionDenied("不能复核自己调查的住户")
        h.status = reviewed
        h.review_comment = comment.strip()
        return uow.commit()


def return_for_rework(db: Database, actor: Actor, household_id: str | uuid.UUID, comment: str) -> ChangeSet:
    """A supervisor sends the survey back with a comment: 已调查/已复核 → 待调查."""
    actor.require(Permission.REVIEW)
    if not comment.strip():
        raise ValidationError("退回时须填写退回意见，告诉调查员要改什么")
    with db.uow(actor) as uow:
        h = _household(uow, household_id)
        h.status = _move(h, Move.RETURN)
        h.review_comment = comment.strip()
        return uow.commit()


def mark_calculated(db: Database, actor: Actor, household_id: str | uuid.UUID) -> ChangeSet:
    """After review and a current calculation: 已复核 → 已测算."""
    actor.require(Permission.CALCULATE)
    with db.uow(actor) as uow:
        h = _household(uow, household_id)
        calculated = _move(h, Move.CALCULATE)
        current = uow.session.scalars(select(Calculation.id).where(
            Calculation.household_id == h.id, Calculation.status == "current")).first()
        if current is None:
            raise ValidationError("该户还没有有效的测算结果（或测算已过期），请先测算")
        h.status = calculated
        return uow.commit()


def hand_over(db: Database, actor: Actor, household_id: str | uuid.UUID) -> ChangeSet:
    """The house is handed over after signing: 已签约 → 已交房 (supervisor or HQ)."""
    actor.require(Permission.REVIEW)
    with db.uow(actor) as uow:
        h = _household(uow, household_id)
        h.status = _move(h, Move.HAND_OVER)
        return uow.commit()
