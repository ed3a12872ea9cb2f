"""Grievances and disputes (信访/纠纷) raised by or about a household, and their follow-ups.

Status: open (待处理) → following (跟进中, after the first follow-up) → closed (已办结, HQ only). Rows
written before migration 0010 may say ``resolved``: read as closed. Attachments are attachments of kind
``grievance`` whose ``record_id`` is the grievance's id.
"""

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, name, text


class Grievance(Synced, Base):
    __tablename__ = "grievances"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="dispute")  # petition | dispute | complaint
    summary: Mapped[name]
    detail: Mapped[text]
    raised_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | following | closed (resolved: old rows)
    resolution: Mapped[text]
    resolved_at: Mapped[dt.datetime | None]
    due_on: Mapped[dt.date | None]  # 办理期限 (0010)
    closed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")  # (0010)


class GrievanceFollowUp(Synced, Base):
    """One step taken on a grievance: when, what was done or said, by whom (``updated_by`` of the insert)."""

    __tablename__ = "grievance_followups"

    grievance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("grievances.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    followed_on: Mapped[dt.date]
    note: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(64), default="")
