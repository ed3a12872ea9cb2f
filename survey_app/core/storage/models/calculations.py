"""Calculations (测算) and their lines. Never edited: a new calculation supersedes the old one."""

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, money, name


class Calculation(Synced, Base):
    __tablename__ = "calculations"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    policy_version_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("policy_versions.id"))
    policy_hash: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16))
    option_key: Mapped[str] = mapped_column(String(64), default="")  # e.g. the exchange flat chosen
    inputs_json: Mapped[str] = mapped_column(Text)  # snapshot of the engine's inputs
    result_json: Mapped[str] = mapped_column(Text)  # canonical serialised result
    total: Mapped[money]
    net: Mapped[money]
    status: Mapped[str] = mapped_column(String(16), default="current")  # current | stale | superseded
    computed_at: Mapped[dt.datetime]
    computed_by: Mapped[str] = mapped_column(String(64), default="")
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("calculations.id"))


class CalculationLine(Synced, Base):
    __tablename__ = "calculation_lines"

    calculation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("calculations.id"), index=True)
    line_no: Mapped[int]
    item_code: Mapped[str] = mapped_column(String(64))
    label: Mapped[name]
    formula: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[money]
