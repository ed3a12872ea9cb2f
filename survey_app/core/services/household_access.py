"""Whose household is it: a field worker acts only on their own (DESIGN §7, issue 10 item 1).

Roles say *what* a user may do (domain/roles.py); this says *on which households*. A field worker may
calculate, choose an option and issue, print, save or sign agreements only for the households assigned
to them, or for a 新增住户 (origin "field", not yet confirmed by HQ) they added themselves — so a
field-worker login at HQ, or a colleague at the same laptop, cannot act for someone else's households.
Supervisors and HQ admins act on any household, as far as their role's permissions go.

"Added by them" is read from the audit chain: the first insert event of the household row (made by the
unit of work on the laptop, or by the sync import at HQ, which names the record's author).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.domain.errors import PermissionDenied
from survey_app.core.domain.roles import Role
from survey_app.core.storage.models import AuditEvent, Household
from survey_app.core.storage.uow import Actor

FIELD_ORIGIN = "field"
_INSERTS = ("insert", "sync_insert")


def added_by(session: Session, household: Household) -> str:
    """User name of whoever first stored the household row ("" when the chain does not say)."""
    return session.scalar(select(AuditEvent.user).where(
        AuditEvent.entity_id == household.id.hex, AuditEvent.entity == "households",
        AuditEvent.action.in_(_INSERTS)).order_by(AuditEvent.seq).limit(1)) or ""


def may_act(session: Session, actor: Actor, household: Household) -> bool:
    """Whether ``actor`` may work on ``household`` (role permissions are checked separately)."""
    if Role(actor.role) is not Role.FIELD_WORKER:
        return True
    if household.assigned_to == actor.username:
        return True
    return household.origin == FIELD_ORIGIN and added_by(session, household) == actor.username


def require_own(session: Session, actor: Actor, household: Household) -> None:
    """Raise PermissionDenied (in Chinese, naming only the 户号) unless ``actor`` may act on ``household``."""
    if not may_act(session, actor, household):
        raise PermissionDenied(f"户 {household.household_code} 未分派给您：调查员只能为分派给自己的住户"
                               "（或自己新增的住户）测算、选择方案和出具、打印、签订协议")
