"""Money and moving out after signing (issue 14 item 3): payments (补偿款支付, 过渡费) and the 过渡期.

Payments are HQ's alone (finance records them); they never come up from a laptop (sync/rights.py).
A payment belongs to one signed agreement; ``kind`` says what it pays: the agreement's settlement
(``compensation``) or transition fee owed beyond the months the agreement already paid (``transition``).
Amounts are exact Decimal yuan stored as integer fen. A payment entered by mistake is tombstoned (audited),
never edited.
"""

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, money, text


class Payment(Synced, Base):
    __tablename__ = "payments"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreements.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="compensation")  # compensation | transition
    instalment: Mapped[int] = mapped_column(default=1)  # 第几期, per agreement and kind
    amount: Mapped[money]
    paid_on: Mapped[dt.date]
    method: Mapped[str] = mapped_column(String(16), default="bank")  # bank | cash | cheque
    receipt_no: Mapped[str] = mapped_column(String(64), default="")  # 凭证号 / 收据号
    bank_ref: Mapped[str] = mapped_column(String(64), default="")  # 银行转账流水号
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[text]


class Transition(Synced, Base):
    """The 过渡期 of a signed household: from ``start_on`` (normally the handover day) until the exchange
    flat is delivered (``flat_delivered_on``). Months and money are computed from the agreement's
    calculation (core/services/transition.py), never stored here."""

    __tablename__ = "transitions"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreements.id"))
    start_on: Mapped[dt.date]
    flat_delivered_on: Mapped[dt.date | None]
    note: Mapped[text]
