"""Audit services: verify the chain over the whole database; read a record's history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, select

from survey_app.core.storage import audit_chain
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import AuditEvent, Base


def audited_tables() -> list:
    return [t for t in Base.metadata.sorted_tables if t.name not in audit_chain.NOT_AUDITED_TABLES]


def verify_database(db: Database, progress: Callable[[int, int, str], None] | None = None
                    ) -> audit_chain.VerifyReport:
    """Check the file (``PRAGMA integrity_check``), then walk the chain and check every audited row
    against its last event, then the signed audit checkpoints (read-only; sync/checkpoint_checks.py).
    A damaged file is reported as such; its chain is not walked."""
    if progress:
        progress(0, 1, "数据库完整性检查")
    damage = db.integrity_problems(full=True, limit=5)
    if damage:
        return audit_chain.VerifyReport(problems=[audit_chain.Problem(
            None, f"数据库文件已损坏（SQLite 完整性检查未通过：{' '.join(damage[0].split())[:200]}），"
                  "审计链未校验；请从备份恢复或联系技术支持")])
    from survey_app.core.sync.checkpoint_checks import check_database

    key = db.audit_key
    with db.engine.connect() as conn:
        report = audit_chain.verify(conn, audited_tables(), progress=progress, audit_key=key)
        if key:  # the settings sync trusts, pinned by their keyed digest
            report.problems.extend(audit_chain.settings_problems(conn, key))
        elif is_keyed(db, conn):
            report.notes.append(audit_chain.NEEDS_LOGIN)
        # what only the key holders could sign (device and HQ checkpoints) is checked here
        report.problems.extend(check_database(db, conn))
    return report


def is_keyed(db: Database, conn: Any = None) -> bool:
    """Whether this database's chain is keyed (a key vault beside it, or events carrying MACs)."""
    from survey_app.core.security import vault

    if db.path is not None and vault.exists(db.path):
        return True
    ae = AuditEvent.__table__
    stmt = select(ae.c.seq).where(ae.c.mac != "").limit(1)
    if conn is not None:
        return conn.execute(stmt).first() is not None
    with db.engine.connect() as c:
        return c.execute(stmt).first() is not None


def adopt_audit_key(db: Database) -> int:
    """Key an existing chain (when the vault is made for a database that has history): check the sha256
    chain first, then give every event without a MAC its MAC and pin the guarded settings. Returns how
    many events were keyed. Refuses (ValidationError) a chain that does not verify: keying a rewritten
    history would bless it."""
    from survey_app.core.domain.errors import ValidationError

    key = db.audit_key
    if not key:
        raise ValidationError("没有审计密钥（需登录后进行）")
    with db.engine.connect() as conn:
        report = audit_chain.verify(conn, audited_tables())
    if not report.ok:
        raise ValidationError("审计链校验未通过，不能为其加密钥保护：" + report.problems[0].message)
    ae = AuditEvent.__table__
    with db.begin_write() as conn:
        rows = conn.execute(select(ae.c.seq, ae.c.hash).where(ae.c.mac == "")).all()
        if rows:
            conn.execute(ae.update().where(ae.c.seq == bindparam("s")).values(mac=bindparam("m")),
                         [{"s": seq, "m": audit_chain.event_mac(key, h)} for seq, h in rows])
        audit_chain.seal_settings(conn, key)
    return len(rows)


def verify_against(db: Database, data: bytes) -> tuple[int, audit_chain.VerifyReport]:
    """HQ: ``verify_database``, then this database's chain against the HQ checkpoints a laptop holds
    (``data``: the list a laptop wrote with ``export_checkpoints``). Returns (checkpoints of ours, report)."""
    from survey_app.core.sync.checkpoint_checks import check_against

    report = verify_database(db)
    ours, problems = check_against(db, data)
    report.problems.extend(problems)
    return ours, report


def export_checkpoints(db: Database) -> bytes:
    """A laptop: the HQ checkpoints it holds (from receipts and assignment bundles), for HQ's check."""
    from survey_app.core.sync.checkpoint_checks import export_held

    return export_held(db)


def recent_events(db: Database, *, entity_id: str | None = None, limit: int = 20) -> list[AuditEvent]:
    """The newest events (optionally of one record), oldest first."""
    stmt = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    if entity_id:
        stmt = stmt.where(AuditEvent.entity_id == entity_id.replace("-", "").lower())
    with db.read() as s:
        events = list(s.scalars(stmt))
        s.expunge_all()
    return events[::-1]
