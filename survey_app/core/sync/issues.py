"""Deciding what sync could not: conflicts (two versions from the same base) and recheck differences.

Taking the incoming version writes it as a new revision through the unit of work (audited,
and it travels back to the field in the next assignment); keeping ours just closes the issue.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Base, PolicyVersion, SyncIssue
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import POLICY_SEALED, Actor
from survey_app.core.sync.records import BY_NAME
from survey_app.core.sync.rights import FIELD_TABLES, HQ_FIELDS, TABLE_LABELS

HQ_SOURCE = "HQ"  # the device name a laptop records HQ's assignment records under (assignments.apply_from_hq)

# Stamps the unit of work sets itself; the other stored values are taken over from the incoming row.
STAMPS = frozenset({"id", "rev", "created_at", "updated_at", "updated_by", "origin_device"})


@dataclass(frozen=True)
class Issue:
    id: int
    kind: str
    entity: str
    entity_id: str
    device: str
    message: str
    status: str
    local: dict
    incoming: dict


def list_issues(db: Database, *, status: str = "open") -> list[Issue]:
    with db.read() as s:
        rows = s.scalars(select(SyncIssue).where(SyncIssue.status == status).order_by(SyncIssue.id)).all()
        return [Issue(i.id, i.kind, i.entity, i.entity_id, i.device, i.message, i.status,
                      json.loads(i.local_json or "{}"), json.loads(i.incoming_json or "{}")) for i in rows]


def disputed_households(db: Database) -> set[str]:
    """Hex ids of the households with an open 测算不一致 (a recheck issue on one of their calculations or
    agreements): every HQ list marks them, and an agreement built on such a calculation is in question."""
    from survey_app.core.storage.models import Agreement, Calculation

    with db.read() as s:
        found = s.execute(select(SyncIssue.entity, SyncIssue.entity_id).where(
            SyncIssue.kind == "recheck", SyncIssue.status == "open")).all()
        if not found:
            return set()
        out: set[str] = set()
        for model, entity in ((Calculation, "calculations"), (Agreement, "agreements")):
            ids = [uuid.UUID(i) for e, i in found if e == entity]
            for chunk in range(0, len(ids), 500):
                out.update(h.hex for h in s.scalars(select(model.household_id).where(
                    model.id.in_(ids[chunk:chunk + 500]))))
        return out


def _model(table: str):  # noqa: ANN202
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise ValidationError(f"未知的数据表 {table}")


def _check_may_take(issue: SyncIssue, obj: object, incoming: dict) -> None:
    """Refuse taking a version nobody may write this way: a field device's version of what only HQ
    writes (users, devices, projects, policies — from before sync/rights.py, or forged), and any change
    of a published policy version (also refused by the unit of work and, below it, by SQLite)."""
    if issue.device != HQ_SOURCE and issue.entity not in FIELD_TABLES:
        label = TABLE_LABELS.get(issue.entity, issue.entity)
        raise ValidationError(f"{label}只能由指挥部下发，不能采用设备 {issue.device} 的版本；请选择保留本机版本")
    if isinstance(obj, PolicyVersion) and obj.status in POLICY_SEALED and (
            (incoming.get("content"), incoming.get("content_hash")) != (obj.content, obj.content_hash)
            or incoming.get("status") not in POLICY_SEALED):
        raise ValidationError("已发布的补偿方案版本不能修改，不能采用对方版本；请选择保留本机版本")


def resolve(db: Database, actor: Actor, issue_id: int, *, take_incoming: bool) -> None:
    """Close an open issue, keeping our version or taking the incoming one (conflicts only)."""
    actor.require(Permission.IMPORT_BUNDLES)
    with db.uow(actor) as uow:
        s = uow.session
        issue = s.get(SyncIssue, issue_id)
        if issue is None:
            raise NotFound("没有该待处理事项")
        if issue.status != "open":
            raise ValidationError("该事项已经处理过")
        if take_incoming:
            if issue.kind != "conflict":
                raise ValidationError("重算差异不能“采用对方版本”，请核实后在测算中处理")
            model, table = _model(issue.entity), BY_NAME[issue.entity]
            obj = s.get(model, uuid.UUID(issue.entity_id))
            incoming = json.loads(issue.incoming_json)
            _check_may_take(issue, obj, incoming)
            for column in table.columns:
                if column.name in STAMPS or column.name not in incoming:
                    continue
                if issue.device != HQ_SOURCE and issue.entity == "households" and column.name in HQ_FIELDS:
                    continue  # 户号, 地块, assignment, origin stay HQ's (sync/rights.py)
                # stored form → Python value, through the column type's own result processing
                proc = column.type._cached_result_processor(db.engine.dialect, None)
                value = incoming[column.name] if proc is None or incoming[column.name] is None \
                    else proc(incoming[column.name])
                if getattr(obj, column.key) != value:
                    setattr(obj, column.key, value)
        issue.status = "took_incoming" if take_incoming else "kept_local"
        issue.decided_by, issue.decided_at = actor.username, utcnow()
        uow.commit()
