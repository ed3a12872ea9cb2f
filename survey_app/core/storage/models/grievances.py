"""Grievances and disputes (信访/纠纷) raised by or about a household."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, name, text


class Grievance(Synced, Base):
    __tablename__ = "grievances"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="dispute")  # petition | dispute | complaint
    summary: Mapped[name]
    detail: Mapped[text]
    raised_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    resolution: Mapped[text]
    resolved_at: Mapped[dt.datetime | None]
