"""协议生效: HQ's record that the project's agreements took effect on a date, or did not by the deadline (issue 13).

A policy may say its agreements take effect only when the project's signing rate reaches a share within the
signing period (``[project] effective_when``); the rewards settled after it (签约率奖, 早搬迁奖,
compensation/items/deferred.py) need the date and the rate. HQ records both here: ``outcome`` ``effective``
(with ``effective_on``) or ``failed``; the rate as whole households — ``signed_households`` of
``total_households`` signed by ``rate_as_of`` — so the percent is exact (services/agreements/effect_record.py).

HQ's alone, like payments: it never goes down to a laptop (a laptop's calculations and agreements never depend
on it: those rewards are 0 at signing and conditional amounts are stated as conditional) and never comes up
(sync/rights.py refuses any table a field device does not author). One live row per project; a correction
changes it (audited, with its reason as its own audit event).
"""

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, text


class ProjectEffect(Synced, Base):
    __tablename__ = "project_effects"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(16))  # effective | failed
    effective_on: Mapped[dt.date | None]  # 协议生效日 (effective); None when failed
    deadline: Mapped[dt.date | None]  # the policy's 生效期限 at recording (effective_when.by), if any
    rate_as_of: Mapped[dt.date]  # the rate counts agreements signed on or before this day
    signed_households: Mapped[int] = mapped_column(default=0)
    total_households: Mapped[int] = mapped_column(default=0)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[text]
