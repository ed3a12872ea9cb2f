"""Sync bookkeeping (DESIGN.md §6). Local tables: not synced themselves, not in the audit chain
(except that every record change they describe is audited where it is applied)."""

import datetime as dt

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base


class SyncRecord(Base):
    """On a device: the rev of each record that HQ is known to have (the base of the next change)."""

    __tablename__ = "sync_records"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    synced_rev: Mapped[int] = mapped_column(default=0)


class ImportedBundle(Base):
    """At HQ (and on a device, for receipts/assignments): every bundle applied, so a replay is a no-op."""

    __tablename__ = "imported_bundles"
    __table_args__ = (UniqueConstraint("device", "kind", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    device: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(24))
    seq: Mapped[int]
    body_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime]
    records: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[int] = mapped_column(default=0)
    summary: Mapped[str] = mapped_column(Text, default="{}")


class SyncIssue(Base):
    """Something a person must decide: a conflict (same base, two versions) or an HQ recheck difference."""

    __tablename__ = "sync_issues"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # conflict | recheck
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(32))
    device: Mapped[str] = mapped_column(String(32))
    bundle_seq: Mapped[int] = mapped_column(default=0)
    base_rev: Mapped[int] = mapped_column(default=0)
    local_rev: Mapped[int] = mapped_column(default=0)
    incoming_rev: Mapped[int] = mapped_column(default=0)
    local_json: Mapped[str] = mapped_column(Text, default="")
    incoming_json: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | kept_local | took_incoming
    created_at: Mapped[dt.datetime]
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime | None]


class RemoteAuditEvent(Base):
    """A device's own audit events, kept verbatim at HQ (their chain is checked on import)."""

    __tablename__ = "remote_audit_events"

    device: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime]
    user: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")
    row_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))
    # The event's own device field (its hash covers it; not always the sender: enrollment records come
    # from HQ). NULL for events stored before revision 0006, whose hash ``audit verify`` can't recompute.
    event_device: Mapped[str | None] = mapped_column(String(32), default=None)
