"""信访/纠纷: grievances and disputes per household, their follow-ups, due dates and attachments (issue 14 item 4).

* Any worker records a grievance and follows it up (a field worker only for the households assigned to
  them, household_access.py); only an HQ administrator closes one (办结, with the outcome). Every step
  is a row written through the unit of work, so the audit chain holds who did what and when.
* Status: 待处理 (open) → 跟进中 (following, after the first follow-up) → 已办结 (closed). A closed
  grievance takes no more follow-ups. Rows from before migration 0010 may say ``resolved``: closed.
* 逾期 = not closed and its due date (办理期限) before today.
* Attachments (scans of a petition letter, a reply) are attachments of kind ``grievance`` whose
  ``record_id`` is the grievance.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.written import Written, done
from survey_app.core.services.handover import attach_files
from survey_app.core.services.household_access import may_act
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Attachment, Grievance, GrievanceFollowUp, Household
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor, ChangeSet

KINDS = {"petition": "信访", "dispute": "纠纷", "complaint": "投诉"}
STATUSES = {"open": "待处理", "following": "跟进中", "closed": "已办结"}
UNRESOLVED = ("open", "following")
CLOSED = ("closed", "resolved")
SUMMARY_MAX = 128


@dataclass(frozen=True)
class FollowUpInfo:
    followed_on: dt.date
    note: str
    author: str


@dataclass(frozen=True)
class GrievanceInfo(Written):
    id: str
    household_id: str
    household_code: str
    kind: str
    summary: str
    detail: str
    raised_on: dt.date
    status: str  # open | following | closed
    due_on: dt.date | None
    resolution: str
    closed_by: str
    follow_ups: tuple[FollowUpInfo, ...] = ()
    attachments: int = 0

    def overdue(self, today: dt.date) -> bool:
        return self.status != "closed" and self.due_on is not None and self.due_on < today

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _hid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _household(s: Session, actor: Actor, household_id: str | uuid.UUID) -> Household:
    h = s.get(Household, _hid(household_id))
    if h is None or h.deleted_at is not None:
        raise NotFound("该住户不存在或已删除")
    if not may_act(s, actor, h):
        raise PermissionDenied(f"户 {h.household_code} 未分派给您：调查员只能为分派给自己的住户登记和跟进信访纠纷")
    return h


def _grievance(s: Session, actor: Actor, grievance_id: str | uuid.UUID) -> tuple[Grievance, Household]:
    g = s.get(Grievance, _hid(grievance_id))
    if g is None or g.deleted_at is not None:
        raise NotFound("该信访纠纷记录不存在或已删除")
    return g, _household(s, actor, g.household_id)


def _status(g: Grievance) -> str:
    return "closed" if g.status in CLOSED else g.status


def add_grievance(db: Database, actor: Actor, household_id: str | uuid.UUID, kind: str, summary: str, *,
                  detail: str = "", due_on: dt.date | None = None, raised_on: dt.date | None = None,
                  files: Sequence[Path] = ()) -> GrievanceInfo:
    """Record a grievance about a household (any worker; a field worker for their own households).
    ``.changes`` is the commit's."""
    actor.require(Permission.VIEW_HOUSEHOLDS)
    if kind not in KINDS:
        raise ValidationError(f"类别应为：{'、'.join(KINDS.values())}", "kind")
    summary = summary.strip()
    if not summary:
        raise ValidationError("请填写事由（简要说明）", "summary")
    if len(summary) > SUMMARY_MAX:
        raise ValidationError(f"事由最多 {SUMMARY_MAX} 个字，详情请写在说明里", "summary")
    today = china_time.today()
    raised_on = raised_on or today
    if raised_on > today:
        raise ValidationError("登记日期晚于今天", "raised_on")
    if due_on is not None and due_on < raised_on:
        raise ValidationError("办理期限早于登记日期", "due_on")
    staged = _stage(db, files)
    with db.uow(actor) as uow:
        s = uow.session
        h = _household(s, actor, household_id)
        raised = dt.datetime.combine(raised_on, dt.time(12), tzinfo=china_time.CHINA).astimezone(dt.UTC)
        g = Grievance(household_id=h.id, kind=kind, summary=summary, detail=detail.strip(), raised_at=raised,
                      status="open", resolution="", due_on=due_on, closed_by="")
        s.add(g)
        s.flush()
        attach_files(s, h.id, g.id, "grievance", staged)
        gid = g.id
        changes = uow.commit()
    return done(get_grievance(db, gid), changes)


def _stage(db: Database, files: Sequence[Path]) -> list:
    from survey_app.core.services.attachments import MAX_BYTES, store_bytes

    staged = []
    for path in files:
        path = Path(path)
        if not path.is_file():
            raise ValidationError(f"找不到文件：{path.name}")
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(f"文件过大（超过40 MB）：{path.name}")
        digest, size = store_bytes(db, path.read_bytes(), path.suffix or ".bin")
        staged.append((path, "", digest, size))
    return staged


def follow_up(db: Database, actor: Actor, grievance_id: str | uuid.UUID, note: str, *,
              on: dt.date | None = None, files: Sequence[Path] = ()) -> GrievanceInfo:
    """Add a follow-up (what was done or said, on which day); an open grievance becomes 跟进中.
    ``.changes`` is the commit's."""
    actor.require(Permission.VIEW_HOUSEHOLDS)
    note = note.strip()
    if not note:
        raise ValidationError("请填写跟进情况", "note")
    on = on or china_time.today()
    if on > china_time.today():
        raise ValidationError("跟进日期晚于今天", "on")
    staged = _stage(db, files)
    with db.uow(actor) as uow:
        s = uow.session
        g, h = _grievance(s, actor, grievance_id)
        if _status(g) == "closed":
            raise ValidationError("该信访纠纷已办结，不能再跟进")
        s.add(GrievanceFollowUp(grievance_id=g.id, household_id=h.id, followed_on=on, note=note,
                                author=actor.username))
        if g.status == "open":
            g.status = "following"
        attach_files(s, h.id, g.id, "grievance", staged)
        changes = uow.commit()
    return done(get_grievance(db, grievance_id), changes)


def close_grievance(db: Database, actor: Actor, grievance_id: str | uuid.UUID, resolution: str) -> ChangeSet:
    """办结 (HQ administrators only), with the outcome in words."""
    if Role(actor.role) is not Role.HQ_ADMIN:
        raise PermissionDenied(f"{Role(actor.role).label}无权办结信访纠纷：只有指挥部管理员可以办结")
    if not resolution.strip():
        raise ValidationError("办结须填写处理结果", "resolution")
    with db.uow(actor) as uow:
        g, _h = _grievance(uow.session, actor, grievance_id)
        if _status(g) == "closed":
            raise ValidationError("该信访纠纷已经办结")
        g.status, g.resolution, g.resolved_at, g.closed_by = "closed", resolution.strip(), utcnow(), actor.username
        return uow.commit()


def _info(s: Session, g: Grievance, code: str, with_follow_ups: bool = True) -> GrievanceInfo:
    follow = ()
    if with_follow_ups:
        follow = tuple(FollowUpInfo(f.followed_on, f.note, f.author) for f in s.scalars(
            select(GrievanceFollowUp).where(GrievanceFollowUp.grievance_id == g.id, GrievanceFollowUp.deleted_at.is_(None))
            .order_by(GrievanceFollowUp.followed_on, GrievanceFollowUp.created_at)))
    n = s.scalar(select(func.count()).select_from(Attachment).where(
        Attachment.record_id == g.id, Attachment.kind == "grievance", Attachment.deleted_at.is_(None)))
    raised = g.raised_at.astimezone(china_time.CHINA).date()
    return GrievanceInfo(g.id.hex, g.household_id.hex, code, g.kind, g.summary, g.detail or "", raised, _status(g),
                         g.due_on, g.resolution or "", g.closed_by or "", follow, int(n or 0))


def get_grievance(db: Database, grievance_id: str | uuid.UUID) -> GrievanceInfo:
    with db.read() as s:
        g = s.get(Grievance, _hid(grievance_id))
        if g is None or g.deleted_at is not None:
            raise NotFound("该信访纠纷记录不存在或已删除")
        return _info(s, g, s.get(Household, g.household_id).household_code)


def list_grievances(db: Database, *, household_id: str | uuid.UUID | None = None, status: str | None = None,
                    overdue_on: dt.date | None = None, limit: int = 500) -> list[GrievanceInfo]:
    """Grievances of live households, newest first. ``status``: open | following | closed | "unresolved";
    ``overdue_on``: only those past their due date on that day and not closed."""
    stmt = (select(Grievance, Household.household_code).join(Household, Household.id == Grievance.household_id)
            .where(Grievance.deleted_at.is_(None), Household.deleted_at.is_(None)))
    if household_id is not None:
        stmt = stmt.where(Grievance.household_id == _hid(household_id))
    if status == "unresolved":
        stmt = stmt.where(Grievance.status.in_(UNRESOLVED))
    elif status == "closed":
        stmt = stmt.where(Grievance.status.in_(CLOSED))
    elif status is not None:
        if status not in STATUSES:
            raise ValidationError(f"状态应为：{'、'.join(STATUSES.values())}")
        stmt = stmt.where(Grievance.status == status)
    if overdue_on is not None:
        stmt = stmt.where(Grievance.status.in_(UNRESOLVED), Grievance.due_on < overdue_on)
    stmt = stmt.order_by(Grievance.raised_at.desc(), Household.household_code).limit(limit)
    with db.read() as s:
        return [_info(s, g, code, with_follow_ups=False) for g, code in s.execute(stmt).all()]
