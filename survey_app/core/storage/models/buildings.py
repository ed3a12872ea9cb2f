"""What is on the plot: building parts (建筑部分), fixtures (附属物), extra items, business, appraisal."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base, Synced, area, money, name, text
from survey_app.core.storage.types import ScaledDecimal


class BuildingPart(Synced, Base):
    __tablename__ = "building_parts"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    label: Mapped[name]  # 主房, 厢房, 一层门面 …
    area: Mapped[area]
    use: Mapped[str] = mapped_column(String(16), default="residential")
    actual_use: Mapped[str] = mapped_column(String(16), default="")  # 住改商: used as, when not as registered
    structure: Mapped[str] = mapped_column(String(24), default="")  # reinforced_concrete/brick_concrete/brick_wood/simple
    floors: Mapped[int] = mapped_column(default=1)
    built_year: Mapped[int | None]
    legality: Mapped[str] = mapped_column(String(16), default="registered")
    temporary_term_end: Mapped[dt.date | None]  # 临时建筑批准期限
    decoration_grade: Mapped[str] = mapped_column(String(16), default="")  # simple/medium/fine (policy codes)
    # A free category the policy's rules name (地段, 成套房, 1990年前建, 临建批复 …) (0012)
    category: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # The area to 0.001 m² when surveyed so (0012); None otherwise. ``area`` stays in hundredths (lists,
    # reports, older bundles); the engine reads this one when it is set.
    area_exact: Mapped[Decimal | None] = mapped_column(ScaledDecimal(3))


class Fixture(Synced, Base):
    """A counted fixture from the policy's list (水表, 空调, 热水器 …)."""

    __tablename__ = "fixtures"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    sub_kind: Mapped[str] = mapped_column(String(32), default="")
    count: Mapped[int] = mapped_column(default=1)
    value: Mapped[money] = mapped_column(nullable=True)  # appraised value, for items the policy pays × ratio
    note: Mapped[name]


class SurveyItem(Synced, Base):
    """A surveyor-entered extra item from the policy's menu (简易棚, 灶台, 阁楼 …): quantity × unit price."""

    __tablename__ = "survey_items"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    quantity: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    note: Mapped[name]


class Business(Synced, Base):
    """Business run in the house (停产停业损失)."""

    __tablename__ = "businesses"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    name: Mapped[name]
    uscc: Mapped[str] = mapped_column(String(18), default="")  # 统一社会信用代码
    licence_no: Mapped[str] = mapped_column(String(64), default="")
    area: Mapped[area]
    annual_profit: Mapped[money] = mapped_column(nullable=True)
    operating_since: Mapped[dt.date | None]


class Appraisal(Synced, Base):
    """The appraiser's unit price (评估单价) for one use of the house, or (``part_id`` set) for one
    building part as the appraisal report prices it. Written at HQ only (field devices may not)."""

    __tablename__ = "appraisals"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    report_no: Mapped[str] = mapped_column(String(64), default="")
    appraiser: Mapped[name]
    use: Mapped[str] = mapped_column(String(16), default="residential")
    unit_price: Mapped[money]  # 元/m²
    decoration_value: Mapped[money] = mapped_column(nullable=True)
    appraised_on: Mapped[dt.date | None]
    notes: Mapped[text]
    part_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # a building_parts.id (no FK, 0008)
    part_label: Mapped[name]  # the part as the report names it (主房, 厢房 …)
    structure: Mapped[str] = mapped_column(String(24), default="")  # 结构, as the report says
    newness: Mapped[str] = mapped_column(String(16), default="")  # 成新 (八成新 / 80%)
    decoration_grade: Mapped[str] = mapped_column(String(16), default="")  # 装修等级
    fixtures_value: Mapped[money] = mapped_column(nullable=True)  # 附属物评估值
    import_batch: Mapped[str] = mapped_column(String(36), default="")
    decoration_unit_price: Mapped[money] = mapped_column(nullable=True)  # 装修单价 元/m² (0014)
