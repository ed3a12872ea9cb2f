"""Deciding many sync conflicts at once, by rule (issue 14 item 5).

A rule picks open conflicts — of one table, from one device, from one bundle of that device, and/or
only those whose versions differ in nothing but some named fields — and decides them all the same
way: keep HQ's version, or take the device's. ``preview`` says how many and which before anything is
written; ``apply_rule`` decides exactly those (given the ids the preview showed, it refuses when the
open conflicts changed in between), all in one transaction, each decision written and audited just
as a single one is (survey_app/core/sync/issues.py ``decide``). Conflicts a device's version may not
be taken for (what only HQ writes; a published policy) are listed apart and left open.

Text form, for the CLI: ``action=take;table=households;fields=notes,phone;device=D02;bundle=3``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.written import Written, done
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import PolicyVersion, SyncIssue
from survey_app.core.storage.uow import POLICY_SEALED, Actor
from survey_app.core.sync.issues import ALL, HQ_SOURCE, Issue, decide, differing
from survey_app.core.sync.records import BY_NAME
from survey_app.core.sync.rights import FIELD_TABLES, HQ_FIELDS, TABLE_LABELS

ACTIONS = {"take": "采用设备的版本", "keep": "保留指挥部的版本"}


@dataclass(frozen=True)
class Rule:
    action: str  # take | keep
    table: str | None = None
    fields: frozenset[str] | None = None  # only conflicts whose versions differ in these fields alone
    device: str | None = None
    bundle_seq: int | None = None  # with ``device``: conflicts from that device's bundle number N

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValidationError("处理方式只能是 take（采用设备的版本）或 keep（保留指挥部的版本）")
        if self.table is not None and self.table not in BY_NAME:
            raise ValidationError(f"未知的数据表 {self.table}")
        if self.bundle_seq is not None and not self.device:
            raise ValidationError("按同步包编号处理时必须同时指定设备")
        if self.fields is not None and not self.fields:
            raise ValidationError("字段列表不能为空")
        if self.action == "take" and self.fields and self.table in (None, "households"):
            refused = sorted(self.fields & set(HQ_FIELDS))
            if refused:
                raise ValidationError("户号、地块、调查员分派和来源由指挥部决定，不能批量采用设备的值（"
                                      + "、".join(refused) + "）")

    def describe(self) -> str:
        """The rule in one Chinese sentence (also what each decision's audit event records)."""
        parts = []
        if self.device:
            parts.append(f"设备 {self.device}" + (f" 第 {self.bundle_seq} 号同步包" if self.bundle_seq else ""))
        if self.table:
            parts.append(TABLE_LABELS.get(self.table, self.table))
        if self.fields:
            parts.append("仅“" + "、".join(sorted(self.fields)) + "”不同")
        scope = "，".join(parts) if parts else "全部"
        return f"{scope}的冲突：{ACTIONS[self.action]}"


@dataclass
class Preview(Written):
    rule: Rule
    matched: list[Issue] = field(default_factory=list)  # what applying decides
    refused: list[tuple[Issue, str]] = field(default_factory=list)  # matched, but the device's version may not be taken

    @property
    def ids(self) -> list[int]:
        return [i.id for i in self.matched]


def parse_rule(text: str) -> Rule:
    """``action=take;table=households;fields=notes,phone;device=D02;bundle=3`` → Rule."""
    values: dict[str, str] = {}
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in ("action", "table", "fields", "device", "bundle"):
            raise ValidationError(f"无法理解规则中的“{part.strip()}”：可用 action、table、fields、device、bundle")
        values[key] = value.strip()
    if "action" not in values:
        raise ValidationError("规则必须写明 action=take 或 action=keep")
    bundle = values.get("bundle")
    if bundle is not None and not bundle.isdigit():
        raise ValidationError(f"同步包编号应为数字：{bundle}")
    names = values.get("fields")
    return Rule(values["action"], values.get("table") or None,
                frozenset(n.strip() for n in names.replace("，", ",").split(",") if n.strip()) if names else None,
                values.get("device") or None, int(bundle) if bundle else None)


def _matching(s, rule: Rule) -> list[SyncIssue]:  # noqa: ANN001 - a Session
    q = select(SyncIssue).where(SyncIssue.status == "open", SyncIssue.kind == "conflict")
    if rule.table:
        q = q.where(SyncIssue.entity == rule.table)
    if rule.device:
        q = q.where(SyncIssue.device == rule.device)
    if rule.bundle_seq is not None:
        q = q.where(SyncIssue.bundle_seq == rule.bundle_seq)
    out = []
    for issue in s.scalars(q.order_by(SyncIssue.id)):
        if rule.fields is not None:
            diff = differing(json.loads(issue.local_json or "{}"), json.loads(issue.incoming_json or "{}"))
            if not diff <= rule.fields:
                continue
        out.append(issue)
    return out


def _refusal(s, issue: SyncIssue) -> str:  # noqa: ANN001
    """Why the device's version of this conflict may not be taken ("" when it may)."""
    if issue.device != HQ_SOURCE and issue.entity not in FIELD_TABLES:
        return f"{TABLE_LABELS.get(issue.entity, issue.entity)}只能由指挥部下发"
    if issue.entity == "policy_versions":
        import uuid

        policy = s.get(PolicyVersion, uuid.UUID(issue.entity_id))
        if policy is not None and policy.status in POLICY_SEALED:
            return "已发布的补偿方案版本不能修改"
    return ""


def _as_issue(i: SyncIssue) -> Issue:
    return Issue(i.id, i.kind, i.entity, i.entity_id, i.device, i.message, i.status,
                 json.loads(i.local_json or "{}"), json.loads(i.incoming_json or "{}"), i.bundle_seq)


def _split(s, rule: Rule) -> tuple[list[SyncIssue], list[tuple[SyncIssue, str]]]:  # noqa: ANN001
    matched, refused = [], []
    for issue in _matching(s, rule):
        why = _refusal(s, issue) if rule.action == "take" else ""
        (refused.append((issue, why)) if why else matched.append(issue))
    return matched, refused


def preview(db: Database, rule: Rule) -> Preview:
    """Which open conflicts ``rule`` decides (nothing is written)."""
    with db.read() as s:
        matched, refused = _split(s, rule)
        return Preview(rule, [_as_issue(i) for i in matched], [(_as_issue(i), why) for i, why in refused])


def apply_rule(db: Database, actor: Actor, rule: Rule, *, expect: list[int] | None = None) -> Preview:
    """Decide every conflict ``rule`` matches, in one transaction. ``expect``: the ids a preview showed;
    when the open conflicts the rule matches are no longer exactly those, nothing is written. The Preview
    returned carries the commit's ChangeSet on ``.changes``."""
    actor.require(Permission.IMPORT_BUNDLES)
    with db.uow(actor) as uow:
        s = uow.session
        matched, refused = _split(s, rule)
        if expect is not None and sorted(expect) != [i.id for i in matched]:
            raise ValidationError("待处理的冲突在预览之后有了变化，未作任何处理；请重新预览")
        decided = Preview(rule, [_as_issue(i) for i in matched], [(_as_issue(i), why) for i, why in refused])
        for issue in matched:
            if rule.action == "keep":
                take: frozenset[str] | None = frozenset()
            elif rule.fields is None:
                take = ALL
            else:  # the fields (named by the rule) this conflict's versions differ in
                incoming = json.loads(issue.incoming_json or "{}")
                take = frozenset(f for f in differing(json.loads(issue.local_json or "{}"), incoming)
                                 if f in incoming)
            decide(uow, db, issue, take, rule=rule.describe())
        return done(decided, uow.commit())
