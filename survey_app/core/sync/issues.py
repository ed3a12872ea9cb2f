"""Deciding what sync could not: conflicts (two versions from the same base) and recheck differences.

Taking the incoming version writes it as a new revision through the unit of work (audited,
and it travels back to the field in the next assignment); keeping ours just closes the issue.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.written import WrittenList
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Base, PolicyVersion, SyncIssue
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import POLICY_SEALED, Actor, ChangeSet
from survey_app.core.sync.records import BY_NAME
from survey_app.core.sync.rights import FIELD_TABLES, HQ_FIELDS, TABLE_LABELS

HQ_SOURCE = "HQ"  # the device name a laptop records HQ's assignment records under (assignments.apply_from_hq)

# Stamps the unit of work sets itself; the other stored values are taken over from the incoming row.
STAMPS = frozenset({"id", "rev", "created_at", "updated_at", "updated_by", "origin_device"})
# Kept in step with the name by the unit of work: never a decision of their own.
DERIVED = frozenset({"name_pinyin", "name_initials", "search_key"})


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
    bundle_seq: int = 0


def list_issues(db: Database, *, status: str = "open") -> list[Issue]:
    with db.read() as s:
        rows = s.scalars(select(SyncIssue).where(SyncIssue.status == status).order_by(SyncIssue.id)).all()
        return [Issue(i.id, i.kind, i.entity, i.entity_id, i.device, i.message, i.status,
                      json.loads(i.local_json or "{}"), json.loads(i.incoming_json or "{}"), i.bundle_seq) for i in rows]


_OPEN_RECHECKS = select(SyncIssue.entity, SyncIssue.entity_id).where(  # built once: every HQ list asks
    SyncIssue.kind == "recheck", SyncIssue.status == "open")


def disputed_households(db: Database) -> set[str]:
    """Hex ids of the households with an open 测算不一致 (a recheck issue on one of their calculations or
    agreements): every HQ list marks them, and an agreement built on such a calculation is in question."""
    from survey_app.core.storage.models import Agreement, Calculation

    with db.read() as s:
        found = s.execute(_OPEN_RECHECKS).all()
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


def resolve(db: Database, actor: Actor, issue_id: int, *, take_incoming: bool) -> ChangeSet:
    """Close an open issue, keeping our version or taking the incoming one (conflicts only); returns what the
    commit changed."""
    actor.require(Permission.IMPORT_BUNDLES)
    with db.uow(actor) as uow:
        issue = open_issue(uow.session, issue_id)
        if take_incoming and issue.kind != "conflict":
            raise ValidationError("重算差异不能“采用对方版本”，请核实后在测算中处理")
        decide(uow, db, issue, ALL if take_incoming else frozenset())
        return uow.commit()


def resolve_fields(db: Database, actor: Actor, issue_id: int,
                   take: set[str] | frozenset[str]) -> WrittenList[str]:
    """Merge a conflict field by field: the incoming value for the fields in ``take``, HQ's current value
    for the rest, written as one new revision (audited; it goes down in the next assignment). A field HQ
    decides (a household's 户号, 地块, assignment, origin) is never taken from a device; neither is any
    field of what only HQ writes, nor a published policy. Returns the fields whose value changed, with the
    commit's ChangeSet on ``.changes``."""
    actor.require(Permission.IMPORT_BUNDLES)
    with db.uow(actor) as uow:
        issue = open_issue(uow.session, issue_id)
        if issue.kind != "conflict":
            raise ValidationError("只有冲突才能按字段合并；重算差异请核实后在测算中处理")
        taken = decide(uow, db, issue, frozenset(take))
        return WrittenList(taken, uow.commit())


ALL = None  # ``decide(take=ALL)``: every field of the incoming version (the old 采用对方)


def open_issue(s, issue_id: int) -> SyncIssue:  # noqa: ANN001 - a Session
    issue = s.get(SyncIssue, issue_id)
    if issue is None:
        raise NotFound("没有该待处理事项")
    if issue.status != "open":
        raise ValidationError("该事项已经处理过")
    return issue


def hq_only_fields(issue: SyncIssue | Issue) -> frozenset[str]:
    """Fields of this record a device's version may never set (sync/rights.py HQ_FIELDS)."""
    if issue.device != HQ_SOURCE and issue.entity == "households":
        return frozenset(HQ_FIELDS)
    return frozenset()


def differing(local: dict, incoming: dict) -> frozenset[str]:
    """Names of the fields two stored versions differ in, stamps and derived search keys left out."""
    return frozenset(k for k in set(local) | set(incoming)
                     if k not in STAMPS and k not in DERIVED and local.get(k) != incoming.get(k))


def decide(uow, db: Database, issue: SyncIssue, take: frozenset[str] | None, *,  # noqa: ANN001
           rule: str = "") -> list[str]:
    """Inside ``uow``: write the decision on one open issue and its audit event. ``take`` empty keeps
    ours; ALL takes the whole incoming version (HQ fields excepted); a set of names merges those."""
    s = uow.session
    taken: list[str] = []
    if take is None or take:
        model, table = _model(issue.entity), BY_NAME[issue.entity]
        obj = s.get(model, uuid.UUID(issue.entity_id))
        incoming = json.loads(issue.incoming_json)
        columns = {c.name: c for c in table.columns}
        if take is not None:
            unknown = sorted(n for n in take if n not in columns or n in STAMPS or n not in incoming)
            if unknown:
                raise ValidationError("无法采用这些字段：" + "、".join(unknown))
            refused = sorted(take & hq_only_fields(issue))
            if refused:
                raise ValidationError("户号、地块、调查员分派和来源由指挥部决定，不能采用设备的值（"
                                      + "、".join(refused) + "）")
        _check_may_take(issue, obj, incoming if take is None else {**_policy_row(obj), **{
            k: incoming[k] for k in take}})
        for column in table.columns:
            if column.name in STAMPS or column.name not in incoming:
                continue
            if take is not None and column.name not in take:
                continue
            if column.name in hq_only_fields(issue):
                continue  # 户号, 地块, assignment, origin stay HQ's (sync/rights.py)
            value = _python_value(column, incoming[column.name])
            if getattr(obj, column.key) != value:
                setattr(obj, column.key, value)
                taken.append(column.name)
    if take is None:
        issue.status = "took_incoming"
    elif take:
        issue.status = "merged"
    else:
        issue.status = "kept_local"
    issue.decided_by, issue.decided_at = uow.actor.username, utcnow()
    detail = {"decision": issue.status, "entity": issue.entity, "entity_id": issue.entity_id,
              "device": issue.device, "bundle_seq": issue.bundle_seq, "taken": taken}
    if rule:
        detail["rule"] = rule
    s.flush()  # the row's own update event first, then the decision naming it
    uow.record("sync_decide", "sync_issues", str(issue.id), detail)
    return taken


_STORED_FORM = sqlite_dialect()  # issue rows hold records in bundle form: what SQLite stores, whatever the server


def _python_value(column, stored: object) -> object:  # noqa: ANN001
    """Stored form (as in a bundle) → Python value, through the column type's own result processing
    for that form (so a date is a date on PostgreSQL too)."""
    proc = column.type._cached_result_processor(_STORED_FORM, None)
    return stored if proc is None or stored is None else proc(stored)


def _policy_row(obj: object) -> dict:
    """Our current policy row's sealed parts, for the policy check of a merge (other rows need none)."""
    if not isinstance(obj, PolicyVersion):
        return {}
    return {"content": obj.content, "content_hash": obj.content_hash, "status": obj.status}


@dataclass(frozen=True)
class FieldDiff:
    """One differing field of an issue, as Python values (Decimal, date, datetime…) for display."""

    name: str
    kind: str  # money | area | share | decimal | date | datetime | bool | int | id | text
    local: object
    incoming: object
    takeable: bool  # False: HQ decides it, or the record is HQ's alone


def _kind(name: str, column) -> str:  # noqa: ANN001
    from survey_app.core.storage.types import Fen, ScaledDecimal, UTCDateTime

    ctype = column.type
    if isinstance(ctype, Fen):
        return "money"
    if isinstance(ctype, ScaledDecimal):
        return "area" if name.endswith("area") else "share" if ctype.scale == 4 else "decimal"
    if isinstance(ctype, UTCDateTime):
        return "datetime"
    try:
        python = ctype.python_type.__name__
    except NotImplementedError:
        return "text"
    return {"date": "date", "bool": "bool", "int": "int", "UUID": "id"}.get(python, "text")


def field_diffs(issue: Issue) -> list[FieldDiff]:
    """The fields that differ between the two versions of an issue, stamps left out, values typed."""
    table = BY_NAME.get(issue.entity)
    columns = {c.name: c for c in table.columns} if table is not None else {}
    names = [k for k in issue.local if k in issue.incoming] + [k for k in issue.incoming if k not in issue.local]
    hq_only = hq_only_fields(issue)
    may_take = issue.kind == "conflict" and (issue.device == HQ_SOURCE or issue.entity in FIELD_TABLES)
    out = []
    for name in names:
        mine, theirs = issue.local.get(name), issue.incoming.get(name)
        if name in STAMPS or name in DERIVED or mine == theirs:
            continue
        column = columns.get(name)
        if column is None:
            out.append(FieldDiff(name, "text", mine, theirs, False))
            continue
        out.append(FieldDiff(name, _kind(name, column), _python_value(column, mine),
                             _python_value(column, theirs), may_take and name not in hq_only))
    return out
