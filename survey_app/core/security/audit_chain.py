"""The audit hash chain: canonical row fingerprints, event hashes, and verification.

Every audited change becomes one ``audit_events`` row whose ``hash`` is
sha256(prev_hash + canonical JSON of the event), and whose ``row_hash`` is the sha256 of the
whole row as the change left it. ``verify`` walks the chain in ``seq`` order, then checks
that every audited row still matches the fingerprint of its last event, so an edit made with
the sqlite3 shell to an event *or* to a record is found and named.

Rows are fingerprinted in their stored form (survey_app/core/storage/rowcodec.py), so the app
(which sees Python objects before flush), bulk imports and ``verify`` (which reads raw rows
back) hash the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from survey_app.core.storage import rowcodec
from survey_app.core.storage.types import ScaledDecimal

GENESIS = "0" * 64
# Field values never written into the readable change log (the row hash still covers them).
REDACTED_FIELDS = frozenset({"password_hash"})
# sync_issues, imported_bundles and audit_checkpoints are audited (ledger events, survey_app/core/sync/ledger.py,
# which also says how the tables left out here are covered: remote events by device-signed checkpoints).
NOT_AUDITED_TABLES = frozenset({"audit_events", "local_settings", "drafts", "alembic_version", "sync_records",
                                "remote_audit_events"})


def readable_value(column: Any, value: Any) -> Any:
    """A value as the change log shows it: amounts as "58.32", ids as hex, times as ISO text."""
    if value is None:
        return None
    ctype = column.type
    if isinstance(ctype, ScaledDecimal):
        stored = ctype.process_bind_param_fast(value)
        return f"{Decimal(stored).scaleb(-ctype.scale):.{ctype.scale}f}"
    enc = rowcodec.encoder(column)
    return value if enc is None else enc(value)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def row_hash(stored: list) -> str:
    """Fingerprint of a row in stored form (column order)."""
    return hashlib.sha256(json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def event_hash(prev_hash: str, seq: int, at: str, user: str, device: str, action: str,
               entity: str, entity_id: str, changes: str, rhash: str) -> str:
    """Hash of one event: it covers the previous hash and every field, ``seq`` included (reordering shows)."""
    body = "\x1f".join((prev_hash, str(seq), at, user, device, action, entity, entity_id, changes, rhash))
    return hashlib.sha256(body.encode()).hexdigest()


def redact(changes: dict[str, Any]) -> dict[str, Any]:
    return {k: (["***", "***"] if k in REDACTED_FIELDS else v) for k, v in changes.items()}


@dataclass(frozen=True)
class Problem:
    """One finding of ``verify``: the first bad event (``seq``) or a row that no longer matches."""

    seq: int | None
    message: str


@dataclass
class VerifyReport:
    events: int = 0
    rows: int = 0
    problems: list[Problem] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(conn: Connection, tables: Iterable[Table], *, max_problems: int = 20,
           progress: Callable[[int, int, str], None] | None = None) -> VerifyReport:
    """Check the whole chain and every audited row. Read-only.

    Returns a report whose ``problems`` name the first broken event and any row changed
    behind the app's back (with the seq of the last event that recorded it legitimately).
    """
    from survey_app.core.storage.models import AuditEvent

    report = VerifyReport(problems=[])
    problems = report.problems
    ae = AuditEvent.__table__
    last_row_hash: dict[tuple[str, str], tuple[int, str]] = {}
    prev = GENESIS
    expected_seq = 1
    total = conn.execute(select(ae.c.seq).order_by(ae.c.seq.desc()).limit(1)).scalar() or 0
    result = conn.execute(select(ae).order_by(ae.c.seq)).yield_per(5000)
    for ev in result:
        report.events += 1
        if progress and report.events % 20000 == 0:
            progress(ev.seq, total, "审计链")
        if ev.seq != expected_seq:
            problems.append(Problem(ev.seq, f"审计事件 #{expected_seq} 至 #{ev.seq - 1} 缺失（被删除）"))
        expected_seq = ev.seq + 1
        at = rowcodec.encode_utc(ev.at)
        h = event_hash(prev, ev.seq, at, ev.user, ev.device, ev.action, ev.entity, ev.entity_id,
                       ev.changes, ev.row_hash)
        if ev.hash != h:
            problems.append(Problem(ev.seq, f"审计事件 #{ev.seq} 被改动（哈希不符）：{ev.action} {ev.entity} {ev.entity_id}"))
            if len(problems) >= max_problems:
                return report
        prev = ev.hash  # continue from the stored hash so one bad event is reported once
        if ev.entity and ev.entity_id and ev.row_hash:  # login and other non-row events carry no row hash
            last_row_hash[(ev.entity, ev.entity_id)] = (ev.seq, ev.row_hash)

    for table in tables:
        pk_index = [c.name for c in table.columns].index(list(table.primary_key.columns)[0].name)
        seen: set[str] = set()
        for stored in _stored_rows(conn, table):
            report.rows += 1
            rid = str(stored[pk_index])
            seen.add(rid)
            last = last_row_hash.get((table.name, rid))
            if last is None:
                problems.append(Problem(None, f"{table.name} 记录 {rid} 没有审计事件（在应用之外插入）"))
            elif last[1] != row_hash(stored):
                problems.append(Problem(last[0], f"{table.name} 记录 {rid} 在应用之外被修改（最后一次合法修改为审计事件 #{last[0]}）"))
            if len(problems) >= max_problems:
                return report
        for (entity, rid), (seq, rh) in last_row_hash.items():
            if entity == table.name and rid not in seen:
                problems.append(Problem(seq, f"{table.name} 记录 {rid} 在应用之外被删除（审计事件 #{seq}）"))
                if len(problems) >= max_problems:
                    return report
    return report


def _stored_rows(conn: Connection, table: Table) -> Iterable[list]:
    """Every row of ``table`` in stored form. On SQLite the raw rows *are* the stored form."""
    if conn.dialect.name == "sqlite":
        prep = conn.dialect.identifier_preparer
        cols = ", ".join(prep.format_column(c) for c in table.columns)
        cursor = conn.exec_driver_sql(f"SELECT {cols} FROM {prep.format_table(table)}")
        for raw in cursor:
            yield list(raw)
        return
    for row in conn.execute(select(table)).yield_per(5000):
        yield rowcodec.stored_row(table, row._mapping.__getitem__)
