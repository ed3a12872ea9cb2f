"""What a field device may write at HQ: a valid signature proves who sent a bundle, not that it may
write what is inside (DESIGN §6).

A field device authors survey records, calculations, agreements and attachments of the households
assigned to its users, and of the households it found in the field itself (新增住户, origin
"field"), and the 交房验收, grievances and grievance follow-ups of those households (a grievance never
closed: HQ closes it). Users, devices, projects, policy versions, appraisals, payments, the 过渡期 —
anything else — only ever flow down from HQ. Of a household row, the fields HQ decides (户号, 地块, project, assignment, origin)
stay as HQ has them. One record outside these rights refuses the whole bundle, naming the record.

Which users work on which device HQ learns when it writes the device's assignment bundle
(``remember_device_users``); a device HQ never assigned anything may write nothing but its own
新增住户.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.engine import Connection

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage import pg
from survey_app.core.storage.audit_chain import seal_settings
from survey_app.core.sync.records import Record

DEVICE_USERS = "sync.device_users."  # + device code: JSON list of the usernames assigned to it

# Household-scoped tables a field device may author (and the column naming the household). Not appraisals:
# the appraiser's values come in at HQ (core/services/imports) and only ever flow down (issue 12 item 5).
FIELD_TABLES = {
    "households": "id", "members": "household_id", "tenures": "household_id", "building_parts": "household_id",
    "fixtures": "household_id", "survey_items": "household_id", "businesses": "household_id",
    "attachments": "household_id", "calculations": "household_id",
    "calculation_lines": None, "agreements": "household_id", "vouchers": "household_id",
    # 交房验收 is recorded at the door by a supervisor; any worker records a grievance and its follow-ups.
    # Payments and the 过渡期 are HQ's (finance) and never come up; closing a grievance is HQ's too.
    "handovers": "household_id", "grievances": "household_id", "grievance_followups": "household_id",
}
FIELD_REFUSED_VALUES = {("grievances", "status"): ("closed", "resolved")}  # only HQ closes a grievance
# Fields of a household row that HQ decides; a device may not change them.
HQ_FIELDS = ("project_id", "household_code", "section", "assigned_to", "origin")

TABLE_LABELS = {
    "projects": "项目", "policy_versions": "补偿方案版本", "users": "用户账号", "devices": "设备",
    "households": "住户", "members": "家庭成员", "tenures": "产权", "building_parts": "建筑部分",
    "fixtures": "附属物", "survey_items": "其他调查项目", "businesses": "经营情况", "appraisals": "评估结果",
    "attachments": "附件", "calculations": "测算", "calculation_lines": "测算明细", "agreements": "协议",
    "vouchers": "房票", "grievances": "信访纠纷", "grievance_followups": "信访跟进", "handovers": "交房验收",
    "payments": "补偿款支付", "transitions": "过渡期", "project_effects": "协议生效",
}


def remember_device_users(conn: Connection, device: str, usernames: Iterable[str]) -> None:
    """HQ: the users whose households ``device`` was assigned (added to those it had)."""
    key = DEVICE_USERS + device
    have = set(device_users(conn, device))
    conn.exec_driver_sql("DELETE FROM local_settings WHERE key = ?", (key,))
    conn.exec_driver_sql("INSERT INTO local_settings (key, value) VALUES (?, ?)",
                         (key, json.dumps(sorted(have | set(usernames)), ensure_ascii=False)))
    seal_settings(conn)  # a guarded setting: its keyed digest follows (storage/audit_chain.py)


def device_users(conn: Connection, device: str) -> list[str]:
    value = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key = ?",
                                 (DEVICE_USERS + device,)).scalar()
    try:
        users = json.loads(value) if value else []
    except ValueError:
        return []
    return [u for u in users if isinstance(u, str)] if isinstance(users, list) else []


def _refuse(device: str, record: Record, why: str) -> ValidationError:
    label = TABLE_LABELS.get(record.table, record.table)
    return ValidationError(f"设备 {device} 的同步包含有它无权写入的记录（{label} {record.id[:12]}…）：{why}。"
                           "整个同步包未导入。")


def check_field_bundle(conn: Connection, device: str, records: list[Record]) -> None:
    """Raise ValidationError (naming the first record outside ``device``'s rights); write nothing.

    What HQ holds is read per bundle, not per record: the households concerned in one statement, the
    calculations of calculation lines sent without theirs in another."""
    users = set(device_users(conn, device))
    incoming_households = {r.id: r for r in records if r.table == "households"}
    owners = _owners(conn, records)
    hq_households = _hq_households(conn, {h for h in owners if isinstance(h, str)})
    for r, hid in zip(records, owners):
        if r.table not in FIELD_TABLES:
            raise _refuse(device, r, "此类记录只能由指挥部下发")
        if r.get("origin_device") != device:
            raise _refuse(device, r, "记录的来源设备不是发送它的设备")
        for (table, column), refused in FIELD_REFUSED_VALUES.items():
            if r.table == table and r.get(column) in refused:
                raise _refuse(device, r, "信访纠纷只能由指挥部办结")
        if hid is None:
            raise _refuse(device, r, "记录不属于任何住户")
        at_hq = hq_households.get(hid)
        if at_hq is not None:
            if at_hq["assigned_to"] not in users:
                raise _refuse(device, r, "该住户未分派给这台设备的调查员")
            if r.table == "households":
                changed = [f for f in HQ_FIELDS if r.get(f) != at_hq[f]]
                if changed:
                    raise _refuse(device, r, "改动了由指挥部决定的字段（" + "、".join(changed) + "）")
        else:
            household = incoming_households.get(hid)
            if household is None or household.get("origin") != "field" or household.get("origin_device") != device:
                raise _refuse(device, r, "指挥部没有该住户，且它不是这台设备新增的住户")


def _owners(conn: Connection, records: list[Record]) -> list[str | None]:
    """The household of each record (None: none, or a table a device never writes), in ``records`` order.
    A calculation line names its household through its calculation: in this bundle, or already at HQ."""
    calc_households = {r.id: r.get("household_id") for r in records if r.table == "calculations"}
    lines = [r.get("calculation_id") for r in records if r.table == "calculation_lines"]
    calc_households.update(_calculation_households(
        conn, {c for c in lines if isinstance(c, str)} - calc_households.keys()))
    out: list[str | None] = []
    for r in records:
        column = FIELD_TABLES.get(r.table, "")
        if column:
            value = r.get(column)
        elif column is None:  # calculation_lines
            calc_id = r.get("calculation_id")
            value = calc_households.get(calc_id) if isinstance(calc_id, str) else None
        else:
            value = None
        out.append(value if isinstance(value, str) else None)
    return out


def _by_id(conn: Connection, table: str, columns: tuple[str, ...], ids: set[str]) -> list[tuple]:
    """Rows of ``table`` (``columns``, the first being ``id``) whose id is in ``ids``."""
    if not ids:
        return []
    wanted = sorted(ids)
    if conn.dialect.name == "postgresql":  # one statement, the ids as one array (storage/pg.py)
        return pg.rows_by_id(conn, table, list(columns), wanted)
    rows: list[tuple] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows += conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table} WHERE id IN "
                                     f"({', '.join('?' * len(chunk))})", tuple(chunk)).fetchall()
    return rows


def _calculation_households(conn: Connection, ids: set[str]) -> dict[str, object]:
    return {row[0]: row[1] for row in _by_id(conn, "calculations", ("id", "household_id"), ids)}


def _hq_households(conn: Connection, ids: set[str]) -> dict[str, dict]:
    cols = ("id",) + HQ_FIELDS
    return {row[0]: dict(zip(cols, row)) for row in _by_id(conn, "households", cols, ids)}
