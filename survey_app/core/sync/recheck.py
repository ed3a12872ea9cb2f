"""One standard, re-checked: HQ recomputes every imported calculation from its inputs and policy
version, re-derives the ones that count from the household's imported survey records (rederive.py),
checks the policy version is one HQ published, and every agreement amount against its calculation.
Any difference is flagged for review with both sides (a ``recheck`` issue, 测算不一致); nothing is
changed automatically."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.engine import verify
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage.models import SyncIssue
from survey_app.core.storage.types import utcnow
from survey_app.core.sync.rederive import message, rederive


@dataclass(frozen=True)
class Difference:
    entity: str
    entity_id: str
    message: str
    hq: dict = field(default_factory=dict)  # HQ's side, by field (rederive.py)
    device: dict = field(default_factory=dict)  # the device's side


# Calculations re-derived from the survey: the live ones, and any an agreement that is not void rests on
# (a stale or superseded one is expected to differ from today's survey).
_COUNTS = ("c.status = 'current' OR EXISTS (SELECT 1 FROM agreements a WHERE a.calculation_id = c.id "
           "AND a.status != 'void' AND a.deleted_at IS NULL)")


def recheck(conn: Connection, calculation_ids: list[str], agreement_ids: list[str], *, device: str,
            bundle_seq: int) -> list[Difference]:
    """Recompute the given (just imported) calculations and agreements; store and return differences."""
    diffs: list[Difference] = []
    policies: dict[str, object] = {}
    for cid in calculation_ids:
        row = conn.exec_driver_sql(
            "SELECT c.result_json, c.net, p.content, p.content_hash, p.status, c.household_id, c.inputs_json, "
            f"({_COUNTS}) FROM calculations c "
            "LEFT JOIN policy_versions p ON p.id = c.policy_version_id WHERE c.id = ?", (cid,)).first()
        if row is None:
            continue
        result = Result.from_json(row[0])
        if row[2] is None:
            diffs.append(Difference("calculations", cid, f"指挥部没有该测算所用的补偿方案版本（{result.policy_hash[:12]}…）"))
            continue
        if row[4] not in ("published", "withdrawn"):
            diffs.append(Difference("calculations", cid, f"测算所用的补偿方案版本（{row[3][:12]}…）未经指挥部发布"))
            continue
        policy = policies.get(row[3])
        if policy is None:
            policy = policies[row[3]] = parse_policy(row[2], "补偿方案", expected_hash=row[3])
        try:
            same = verify(policy, result)
        except ValidationError as e:
            diffs.append(Difference("calculations", cid, f"无法按方案重算：{e}"))
            continue
        if not same:
            from survey_app.core.compensation.engine import recompute

            again = recompute(policy, result)
            diffs.append(Difference("calculations", cid,
                                    f"重算结果不一致：设备 {result.net:.2f} 元，指挥部重算 {again.net:.2f} 元"))
        elif row[1] != int(result.net * 100):
            diffs.append(Difference("calculations", cid, "测算记录的净额与其明细不一致"))
        elif row[7]:
            found = rederive(conn, policy, row[5] if isinstance(row[5], str) else row[5].hex, row[6], row[0],
                             cid if isinstance(cid, str) else cid.hex)
            if not found.ok:
                diffs.append(Difference("calculations", cid, message(found), found.hq, found.device))
    for aid in agreement_ids:
        row = conn.exec_driver_sql("SELECT a.net, a.total, c.net, c.total FROM agreements a "
                                   "JOIN calculations c ON c.id = a.calculation_id WHERE a.id = ?", (aid,)).first()
        if row is not None and (row[0], row[1]) != (row[2], row[3]):
            diffs.append(Difference("agreements", aid, f"协议金额与测算不一致：协议 {row[0] / 100:.2f} 元，"
                                                        f"测算 {row[2] / 100:.2f} 元"))
    if diffs:
        now = utcnow()
        conn.execute(SyncIssue.__table__.insert(), [
            dict(kind="recheck", entity=d.entity, entity_id=d.entity_id, device=device, bundle_seq=bundle_seq,
                 message=d.message, status="open", created_at=now,
                 local_json=json.dumps(d.hq, ensure_ascii=False) if d.hq else "",
                 incoming_json=json.dumps(d.device, ensure_ascii=False))
            for d in diffs])
    return diffs
