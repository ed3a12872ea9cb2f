"""交房验收: the house handed over after signing — date, meter readings, keys, who checked it.

Recorded by a supervisor (in the field or at HQ); the photos are attachments of kind ``handover``
whose ``record_id`` is the handover's id. A handover record moves the household 已签约 → 已交房.
"""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, text
from survey_app.core.storage.types import ScaledDecimal


class Handover(Synced, Base):
    __tablename__ = "handovers"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreements.id"))
    handed_on: Mapped[dt.date]
    water_reading: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))  # 水表读数 (m³)
    power_reading: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))  # 电表读数 (kWh)
    gas_reading: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))  # 燃气表读数 (m³)
    keys_count: Mapped[int] = mapped_column(default=0)
    checked_by: Mapped[str] = mapped_column(String(64), default="")  # the user who checked the house
    notes: Mapped[text]
