"""Audit services: verify the chain over the whole database; read a record's history."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from survey_app.core.security import audit_chain
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

    with db.engine.connect() as conn:
        report = audit_chain.verify(conn, audited_tables(), progress=progress)
        # the chain is plain sha256: what only the key holders could sign is checked here
        report.problems.extend(check_database(db, conn))
    return report


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
