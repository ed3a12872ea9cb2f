"""Project (片区 / 征收项目) and its policy versions (征收补偿方案)."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, name, text
from survey_app.core.storage.types import ScaledDecimal


class Project(Synced, Base):
    __tablename__ = "projects"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[name]
    area_name: Mapped[name]  # 片区
    decision_no: Mapped[name]  # 征收决定文号
    decision_date: Mapped[dt.date | None]
    authority: Mapped[name]  # 房屋征收部门
    implementer: Mapped[name]  # 征收实施单位
    valuation_date: Mapped[dt.date | None]  # 评估时点
    signing_start: Mapped[dt.date | None]
    signing_end: Mapped[dt.date | None]
    notes: Mapped[text]
    city: Mapped[str] = mapped_column(String(64), default="")  # 城市 (0008)
    cash_target_pct: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))  # 货币化安置目标 %, e.g. 60.00
    sections: Mapped[str] = mapped_column(Text, default="[]")  # 片区/地块: JSON list of {"code", "name"}


class PolicyVersion(Synced, Base):
    """A version of the compensation policy. Immutable once published (the unit of work refuses edits)."""

    __tablename__ = "policy_versions"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id"), index=True)
    label: Mapped[name]
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[str] = mapped_column(Text)  # the policy file as published (TOML)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | published | withdrawn
    published_at: Mapped[dt.datetime | None]
    published_by: Mapped[str] = mapped_column(String(64), default="")
