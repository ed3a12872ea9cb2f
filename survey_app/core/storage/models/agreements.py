"""Agreements (协议) and housing vouchers (房票). A signed agreement is voided, never edited."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, money, name, text
from survey_app.core.storage.types import Fen, ScaledDecimal


class Agreement(Synced, Base):
    __tablename__ = "agreements"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    calculation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("calculations.id"))
    number: Mapped[str] = mapped_column(String(48), unique=True)  # project + device + sequence
    mode: Mapped[str] = mapped_column(String(16))
    template_version: Mapped[str] = mapped_column(String(32), default="")
    total: Mapped[money]
    net: Mapped[money]
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    qr_payload: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | printed | signed | void
    print_count: Mapped[int] = mapped_column(default=0)  # paper prints (copies)
    saved_count: Mapped[int] = mapped_column(default=0, server_default="0")  # 另存为 PDF
    printed_at: Mapped[dt.datetime | None]
    signed_at: Mapped[dt.datetime | None]
    voided_at: Mapped[dt.datetime | None]
    voided_by: Mapped[str] = mapped_column(String(64), default="")
    void_reason: Mapped[text]
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreements.id"))


class Voucher(Synced, Base):
    __tablename__ = "vouchers"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agreements.id"))
    number: Mapped[str] = mapped_column(String(48), unique=True)
    face_value: Mapped[money]
    bonus_pct: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal("0"))
    valid_until: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(16), default="issued")  # issued | used | expired | void
    holder_name: Mapped[name]
    issued_on: Mapped[dt.date | None]  # 出具日期 (0010)
    used_on: Mapped[dt.date | None]  # 使用日期 (0010)
    used_amount: Mapped[Decimal | None] = mapped_column(Fen())  # 使用金额 (0010)
