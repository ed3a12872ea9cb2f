"""Publishing policy versions at HQ (征收补偿方案发布) and what follows from a new version.

A version is published from a file's text with a reason: it must check clean (every problem listed
at once), the content hash is locked (a published version is never edited: the unit of work and the
0007 triggers refuse it), and the publishing is an audit event carrying the reason and both hashes.
Households whose latest calculation was made under another version are *listed* for recalculation —
nothing is recalculated or changed behind anyone's back. Published versions travel to laptops in the
next assignment bundle (core/sync/assignments.py sends every published version).
Threading: each function opens its own session; call from a worker thread in the GUI.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy, parse_policy
from survey_app.core.compensation.policy_tools.check import CheckReport, check_text
from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.domain.written import Written, done
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import AuditEvent, Calculation, Household, PolicyVersion, Project
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor

PUBLISH_ACTION = "publish_policy"  # audit event action (≤ 16 characters)


@dataclass(frozen=True)
class VersionInfo:
    """One stored policy version, newest first in :func:`list_versions`."""

    id: uuid.UUID
    label: str
    content_hash: str
    status: str
    published_at: dt.datetime | None
    published_by: str
    reason: str
    current: bool  # the version new calculations use


@dataclass(frozen=True)
class PublishResult(Written):
    id: uuid.UUID
    label: str
    content_hash: str
    previous_hash: str  # '' for the first version
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class OutdatedHousehold:
    """A household whose latest calculation used a version other than the current one."""

    household_id: uuid.UUID
    household_code: str
    section: str
    status: str
    policy_label: str  # the version it was calculated under ('' if that version is not stored here)
    policy_hash: str
    computed_at: dt.datetime


def current_version(db: Database) -> tuple[PolicyVersion, Policy] | None:
    """The newest published version and its loaded policy, or None before the first publishing."""
    with db.read() as s:
        pv = s.scalars(select(PolicyVersion).where(
            PolicyVersion.status == "published", PolicyVersion.deleted_at.is_(None))
            .order_by(PolicyVersion.published_at.desc()).limit(1)).first()
    if pv is None:
        return None
    return pv, parse_policy(pv.content, pv.label or "已发布方案", expected_hash=pv.content_hash)


def check_for_publishing(text: str, source: str) -> CheckReport:
    """``policy check`` of the text to publish (every problem, with the trial calculation)."""
    return check_text(text, source)


def publish_text(db: Database, actor: Actor, text: str, source: str, reason: str = "") -> PublishResult:
    """Publish policy ``text`` (named ``source`` in messages) as the project's current version.

    HQ administrators only, on an HQ installation (or one not enrolled to any HQ). Refused with every
    problem listed when the file does not check clean; refused when the same content is already stored.
    A reason is required for every version after the first. ``.changes``: the commit's ChangeSet.
    """
    _require_hq(db, actor)
    report = check_text(text, source)
    if not report.ok:
        raise PolicyError(source, [f"{p.path}: {p.message}" if p.path else p.message for p in report.errors])
    policy = report.policy
    assert policy is not None
    previous = current_version(db)
    reason = (reason or "").strip()
    if previous is not None and not reason:
        raise ValidationError("发布新版本须写明发布原因（如“依据××号文调整临时安置费标准”）", "reason")
    with db.uow(actor) as uow:
        s = uow.session
        project = s.scalars(select(Project).where(Project.deleted_at.is_(None)).limit(1)).first()
        if project is None:
            raise ValidationError("数据库中还没有项目，请先新建项目再发布补偿方案")
        same = s.scalars(select(PolicyVersion).where(PolicyVersion.content_hash == policy.hash)).first()
        if same is not None:
            raise ValidationError(f"此方案内容已作为“{same.label}”保存过（哈希 {policy.hash[:12]}…），无需重复发布")
        pv = PolicyVersion(project_id=project.id, label=policy.version or source, content_hash=policy.hash,
                           content=text, status="published", published_at=utcnow(), published_by=actor.username)
        s.add(pv)
        s.flush()
        uow.record(PUBLISH_ACTION, "policy_versions", pv.id.hex, {
            "reason": reason or "首次发布", "hash": policy.hash, "label": pv.label, "source": source,
            "previous_hash": previous[0].content_hash if previous else ""})
        changes = uow.commit()
        new_id = pv.id
    return done(PublishResult(new_id, policy.version or source, policy.hash,
                              previous[0].content_hash if previous else "",
                              tuple(w.as_text() for w in report.warnings)), changes)


def publish_file(db: Database, actor: Actor, path: str | Path, reason: str = "") -> PublishResult:
    """:func:`publish_text` of a UTF-8 policy file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyError(path.name, ["找不到方案文件"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(path.name, [f"无法读取方案文件（{exc}）"]) from None
    return publish_text(db, actor, text, path.name, reason)


def list_versions(db: Database) -> list[VersionInfo]:
    """Every stored version, newest first, with the reason it was published (from the audit trail)."""
    with db.read() as s:
        rows = list(s.scalars(select(PolicyVersion).where(PolicyVersion.deleted_at.is_(None))
                              .order_by(PolicyVersion.published_at.desc())))
        events = s.scalars(select(AuditEvent).where(
            AuditEvent.action == PUBLISH_ACTION, AuditEvent.entity == "policy_versions"))
        reasons = {}
        for e in events:
            try:
                reasons[e.entity_id] = json.loads(e.changes).get("reason", "")
            except (ValueError, AttributeError):
                continue
    current = next((r.id for r in rows if r.status == "published"), None)
    return [VersionInfo(r.id, r.label, r.content_hash, r.status, r.published_at, r.published_by,
                        reasons.get(r.id.hex, ""), r.id == current) for r in rows]


def outdated_households(db: Database) -> list[OutdatedHousehold]:
    """Households whose latest calculation was made under a version other than the current one, by
    household code. Listed for recalculation only: nothing here changes a calculation."""
    found = current_version(db)
    if found is None:
        return []
    current_hash = found[0].content_hash
    live = (Calculation.deleted_at.is_(None), Calculation.status != "superseded")
    latest = (select(Calculation.household_id, func.max(Calculation.computed_at).label("at"))
              .where(*live).group_by(Calculation.household_id).subquery())
    stmt = (select(Household.id, Household.household_code, Household.section, Household.status,
                   Calculation.policy_hash, Calculation.computed_at, PolicyVersion.label)
            .join(latest, (latest.c.household_id == Calculation.household_id) & (latest.c.at == Calculation.computed_at))
            .join(Household, Household.id == Calculation.household_id)
            .outerjoin(PolicyVersion, PolicyVersion.content_hash == Calculation.policy_hash)
            .where(*live, Household.deleted_at.is_(None), Calculation.policy_hash != current_hash)
            .order_by(Household.household_code))
    out, seen = [], set()
    with db.read() as s:
        for hid, code, section, status, phash, computed, label in s.execute(stmt):
            if hid in seen:
                continue  # a household has one calculation per option: list it once
            seen.add(hid)
            out.append(OutdatedHousehold(hid, code, section or "", status, label or "", phash, computed))
    return out


def project_household_input(db: Database, household_code: str) -> HouseholdInput:
    """A stored household as the engine reads it (for the policy preview); NotFound if no such 户号."""
    from survey_app.core.services.calculations import household_input

    with db.read() as s:
        h = s.scalars(select(Household).where(Household.household_code == household_code.strip(),
                                              Household.deleted_at.is_(None))).first()
        if h is None:
            raise NotFound(f"没有户号为“{household_code.strip()}”的住户")
        return household_input(s, h)


def _require_hq(db: Database, actor: Actor) -> None:
    from survey_app.core.sync import identity

    actor.require(Permission.PUBLISH_POLICY)
    if actor.role != Role.HQ_ADMIN:
        raise PermissionDenied("只有指挥部管理员可以发布补偿方案")
    if db.setting(identity.ROLE) == "field":
        raise PermissionDenied("本机是调查员笔记本：补偿方案只能在指挥部发布，随任务包下发到笔记本")


__all__ = ["VersionInfo", "PublishResult", "OutdatedHousehold", "current_version", "check_for_publishing",
           "publish_text", "publish_file", "list_versions", "outdated_households", "project_household_input",
           "PUBLISH_ACTION"]
