"""协议生效 recorded by HQ: the date the project's agreements took effect, or that they did not (issue 13).

A policy may make its agreements take effect only when the project's signing rate reaches a share by a deadline
(``[project] effective_when``, compensation/effect.py). HQ records the outcome here, as an HQ administrator
(``MANAGE_PROJECT``), audited by the unit of work:

* ``effective`` on a date: the rate counted up to that date must meet the current policy's rule (when it states
  one) — an agreement cannot take effect before its threshold was reached; the date is not in the future;
* ``failed``: only once the rule's deadline has passed and only when the rate by the deadline is below it.

The rate is kept as whole households — households with a signed agreement signed (China date) on or before
``rate_as_of`` of all live households — so its percent is exact. ``rate_as_of`` is the deadline once it has
passed, else the day of recording: the 签约率奖 is paid on the rate at the end of the signing period
(“按签约期限届满时的签约率”), so a record made before the deadline may be recorded again after it. Recording
again changes the one record; a reason is then required and audited as its own event (as project changes are).
The rewards it settles: services/agreements/effect_settle.py. HQ's alone (storage/models/effects.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.written import Written, done
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Household, Project, ProjectEffect
from survey_app.core.storage.uow import Actor

EFFECTIVE, FAILED = "effective", "failed"
REASON_EVENT = "project_effect_reason"
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class EffectRecord(Written):
    """HQ's record. ``rate_pct`` is exact (signed × 100 ÷ total); ``rate_text`` shows it to two places, cut
    down, never up (89.996% is not shown as 90.00%)."""

    outcome: str  # effective | failed
    effective_on: dt.date | None
    deadline: dt.date | None
    rate_as_of: dt.date
    signed_households: int
    total_households: int
    recorded_by: str
    note: str

    @property
    def effective(self) -> bool:
        return self.outcome == EFFECTIVE

    @property
    def rate_pct(self) -> Decimal:
        if self.total_households <= 0:
            return Decimal(0)
        return Decimal(self.signed_households) * _HUNDRED / Decimal(self.total_households)

    @property
    def rate_text(self) -> str:
        return f"{self.rate_pct.quantize(Decimal('0.01'), ROUND_DOWN)}%"

    def words(self) -> str:
        """``协议已于 2023-08-20 生效（签约比例 85.00%：51 / 60 户，计至 2023-08-31）`` / ``协议未生效（…）``."""
        rate = (f"签约比例 {self.rate_text}：{self.signed_households} / {self.total_households} 户，"
                f"计至 {self.rate_as_of.isoformat()}")
        if self.effective:
            return f"协议已于 {self.effective_on.isoformat()} 生效（{rate}）"
        by = f"至 {self.deadline.isoformat()} " if self.deadline else ""
        return f"协议未生效：{by}签约比例未达到（{rate}）"


def _project(session: Session) -> Project:
    p = session.scalar(select(Project).where(Project.deleted_at.is_(None)).order_by(Project.created_at).limit(1))
    if p is None:
        raise ValidationError("数据库中还没有项目")
    return p


def _live(session: Session, project_id) -> ProjectEffect | None:  # noqa: ANN001
    return session.scalar(select(ProjectEffect).where(ProjectEffect.project_id == project_id,
                                                      ProjectEffect.deleted_at.is_(None))
                          .order_by(ProjectEffect.created_at.desc()).limit(1))


def _info(row: ProjectEffect) -> EffectRecord:
    return EffectRecord(row.outcome, row.effective_on, row.deadline, row.rate_as_of, row.signed_households,
                        row.total_households, row.recorded_by, row.note)


def effect_record(db: Database) -> EffectRecord | None:
    """The project's record; None while none is recorded."""
    with db.read() as s:
        p = s.scalar(select(Project.id).where(Project.deleted_at.is_(None)).order_by(Project.created_at).limit(1))
        row = _live(s, p) if p is not None else None
        return _info(row) if row is not None else None


def signing_count(session: Session, as_of: dt.date) -> tuple[int, int]:
    """(households with a signed agreement signed on or before ``as_of`` (China date), live households)."""
    live = Household.deleted_at.is_(None)
    total = int(session.scalar(select(func.count()).select_from(Household).where(live)) or 0)
    firsts = session.execute(select(Agreement.household_id, func.min(Agreement.signed_at))
                             .join(Household, Household.id == Agreement.household_id)
                             .where(live, Agreement.status == "signed", Agreement.deleted_at.is_(None),
                                    Agreement.signed_at.is_not(None))
                             .group_by(Agreement.household_id)).all()
    signed = sum(1 for _hid, at in firsts if _china_day(at) <= as_of)
    return signed, total


def _china_day(at: dt.datetime) -> dt.date:
    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone(china_time.CHINA).date()


def _pct(signed: int, total: int) -> str:
    if total <= 0:
        return "—"
    return f"{(Decimal(signed) * _HUNDRED / Decimal(total)).quantize(Decimal('0.01'), ROUND_DOWN)}%"


def record_effect(db: Database, actor: Actor, *, effective_on: dt.date | None = None, failed: bool = False,
                  note: str = "", reason: str = "", today: dt.date | None = None) -> EffectRecord:
    """Record that the agreements took effect on ``effective_on``, or (``failed``) that they did not by the
    deadline. Refusals are Chinese ValidationErrors naming the figures. Returns the record with its ChangeSet."""
    from survey_app.core.services.reports.effect_rule import effect_rule

    actor.require(Permission.MANAGE_PROJECT)
    if failed == (effective_on is not None):
        raise ValidationError("请写明协议生效日期，或登记协议未生效（二者选一）", "effective_on")
    today = today or china_time.today()
    note, reason = (note or "").strip(), (reason or "").strip()
    if len(note) > 500 or len(reason) > 500:
        raise ValidationError("说明和原因各最多500个字", "note" if len(note) > 500 else "reason")
    with db.uow(actor) as uow:
        s = uow.session
        project = _project(s)
        rule = effect_rule(s)
        deadline = rule.by if rule is not None else None
        as_of = min(today, deadline) if deadline is not None else today
        if failed:
            if rule is None:
                raise ValidationError("现行补偿方案没有协议生效条件（[project] effective_when），协议签订即生效，"
                                      "不能登记协议未生效", "failed")
            if today <= deadline:
                raise ValidationError(f"生效期限 {deadline.isoformat()} 尚未届满，不能登记协议未生效", "failed")
            signed, total = signing_count(s, deadline)
            if rule.reached(signed, total, deadline):
                raise ValidationError(f"至 {deadline.isoformat()} 签约比例 {_pct(signed, total)}（{signed} / {total} 户）"
                                      f"已达到 {rule.rate.normalize():f}%，不能登记协议未生效", "failed")
        else:
            if effective_on > today:
                raise ValidationError(f"协议生效日期 {effective_on.isoformat()} 晚于今天", "effective_on")
            if rule is not None:
                upto = min(effective_on, deadline)  # signings after the deadline never count
                at, total_at = signing_count(s, upto)
                if not rule.reached(at, total_at, upto):
                    raise ValidationError(
                        f"至 {upto.isoformat()} 签约比例 {_pct(at, total_at)}（{at} / {total_at} 户）"
                        f"未达到方案规定的 {rule.rate.normalize():f}%，不能登记协议于 {effective_on.isoformat()} 生效",
                        "effective_on")
            signed, total = signing_count(s, as_of)
        values = dict(outcome=FAILED if failed else EFFECTIVE, effective_on=None if failed else effective_on,
                      deadline=deadline, rate_as_of=as_of, signed_households=signed, total_households=total,
                      recorded_by=actor.username, note=note)
        row = _live(s, project.id)
        if row is not None:
            if not reason:
                raise ValidationError("协议生效情况已登记过，重新登记必须填写原因", "reason")
            for key, value in values.items():
                setattr(row, key, value)
            uow.record(REASON_EVENT, "project_effects", row.id.hex, {"reason": reason})
        else:
            row = ProjectEffect(project_id=project.id, **values)
            s.add(row)
        s.flush()
        info = _info(row)
        changes = uow.commit()
    return done(info, changes)


def effect_overview(db: Database) -> tuple[EffectRecord | None, object]:
    """(the record or None, the current policy's rule ``Effectiveness`` or None): what HQ's 项目信息 shows."""
    from survey_app.core.services.reports.effect_rule import effect_rule

    with db.read() as s:
        rule = effect_rule(s)
    return effect_record(db), rule
