"""Audit events and local (never synced) settings.

Audit events form a hash chain: each event's ``hash`` covers its content and the previous
event's hash (not stored again: it is the ``hash`` of event ``seq - 1``), and ``row_hash`` fingerprints the whole row as the change left it, so an edit
made behind the app's back (to an event or to a row) is found by ``audit verify``.
"""

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base


class AuditEvent(Base):
    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime]
    user: Mapped[str] = mapped_column(String(64), default="")
    device: Mapped[str] = mapped_column(String(32), default="")
    action: Mapped[str] = mapped_column(String(16))  # insert | update | delete | login | …
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="", index=True)  # a record's history
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [before, after]}
    row_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))
    # HMAC-SHA256 of ``hash`` under this installation's audit key (sealed in the key vault); '' when the
    # database has no vault (the demo). Writing the file is not enough to recompute it (0008).
    mac: Mapped[str] = mapped_column(String(64), default="")


class LocalSetting(Base):
    """Key/value settings of this installation (this device's id, UI language …). Not synced, not audited."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Draft(Base):
    """An unsaved edit, autosaved while a worker types (never lose a keystroke). Local to this
    machine: not synced, not audited; deleted when the edit is saved or discarded."""

    __tablename__ = "drafts"

    household_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    saved_at: Mapped[dt.datetime]
    base_rev: Mapped[int] = mapped_column(default=0)  # the household's rev the edit started from
    content: Mapped[str] = mapped_column(Text)  # the form as JSON
