"""Attachments: photos, signatures, scans. The file lives in the data folder under its sha256."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, name
from survey_app.core.storage.types import ScaledDecimal


class Attachment(Synced, Base):
    __tablename__ = "attachments"

    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("households.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="photo")  # photo | signature | scan | document
    media_type: Mapped[str] = mapped_column(String(64), default="")
    size_bytes: Mapped[int] = mapped_column(default=0)
    original_name: Mapped[name]
    captured_at: Mapped[dt.datetime | None]
    gps_lat: Mapped[Decimal | None] = mapped_column(ScaledDecimal(7))
    gps_lon: Mapped[Decimal | None] = mapped_column(ScaledDecimal(7))
    caption: Mapped[name]
    # 外观 exterior | 室内 interior | 证件 papers | 临建批复 temporary permit | 其他 other ("" = not chosen)
    category: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # The record a handover or grievance attachment belongs to (handovers.id, grievances.id; 0010). No
    # foreign key: SQLite can't add one without copying the table.
    record_id: Mapped[uuid.UUID | None]
