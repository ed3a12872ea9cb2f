"""Household (户), its members (家庭成员) and ownership/tenure (产权)."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.storage.models.base import Base, Synced, code, name, share, text
from survey_app.core.storage.types import ScaledDecimal


class Household(Synced, Base):
    """One household to be surveyed and compensated.

    ``head_name``/``head_id_number``/``phone`` repeat the head member's fields so the list
    can be searched and shown without a join; services keep them in step. ``search_key`` is
    the lower-cased text the search box matches (code, name, pinyin, initials, ID, phone,
    address), maintained by the unit of work.
    """

    __tablename__ = "households"
    __table_args__ = (
        UniqueConstraint("project_id", "household_code"),
        # The list's covering index: search, status/section filter and the default order by code are
        # answered from this index alone (a scan of ~13 MB for 100k households instead of the table).
        Index("ix_households_list", "household_code", "status", "section", "deleted_at", "search_key"),
        # HQ's dashboard (core/services/reports): progress per section and worker, and the daily trend,
        # grouped from these indexes alone (604 → 35 ms for the grouping at 100k households, 0009).
        Index("ix_households_progress", "deleted_at", "section", "assigned_to", "status"),
        Index("ix_households_surveyed_at", "surveyed_at"),
    )

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id"), index=True)
    household_code: Mapped[code]  # 户号
    status: Mapped[str] = mapped_column(String(16), default=HouseholdStatus.PENDING.value)
    head_name: Mapped[name]
    head_id_number: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[name]
    section: Mapped[str] = mapped_column(String(64), default="")  # 地块/组
    name_pinyin: Mapped[str] = mapped_column(String(255), default="")
    name_initials: Mapped[str] = mapped_column(String(32), default="")
    search_key: Mapped[str] = mapped_column(String(512), default="")
    assigned_to: Mapped[str] = mapped_column(String(64), default="")  # user name of the field worker
    willingness: Mapped[str] = mapped_column(String(16), default="")  # agree | undecided | refuse
    preferred_mode: Mapped[str] = mapped_column(String(16), default="")
    chosen_mode: Mapped[str] = mapped_column(String(16), default="")
    chosen_option: Mapped[str] = mapped_column(String(64), default="")
    delivery: Mapped[str] = mapped_column(String(8), default="")  # exchange flat wanted: ready | future
    surveyed_at: Mapped[dt.datetime | None]
    surveyed_by: Mapped[str] = mapped_column(String(64), default="")
    review_comment: Mapped[text]
    notes: Mapped[text]
    # roster (HQ's register) | field (新增住户: found door to door, for HQ to confirm) | confirmed (HQ did)
    origin: Mapped[str] = mapped_column(String(16), default="roster", server_default="roster")
    import_batch: Mapped[str] = mapped_column(String(36), default="")  # roster import batch that wrote it (0008)
    # 被征收人类型 (0012): individual | enterprise | public_body | collective | public_tenant — a policy item's
    # ``when.owner_type`` (compensation/inputs.OWNER_TYPES)
    owner_type: Mapped[str] = mapped_column(String(16), default="individual", server_default="individual")
    # 选房组合 (0015): JSON list of the combinations of flats the household wants, each a list of flat keys —
    # a flat type "A60", a listed flat, a type on a floor "H90@5" (compensation HouseholdInput.flat_choices)
    flat_choices: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")


class Member(Synced, Base):
    __tablename__ = "members"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    name: Mapped[name]
    relation: Mapped[str] = mapped_column(String(16), default="other")
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    sex: Mapped[str] = mapped_column(String(2), default="")
    birth_date: Mapped[dt.date | None]
    phone: Mapped[str] = mapped_column(String(20), default="")
    is_dibao: Mapped[bool] = mapped_column(default=False)  # 低保
    is_disabled: Mapped[bool] = mapped_column(default=False)  # 残疾
    is_serious_illness: Mapped[bool] = mapped_column(default=False)  # 大病
    hukou_here: Mapped[bool] = mapped_column(default=True)  # 户籍在此


class Tenure(Synced, Base):
    """Ownership of the house: who holds which certificate and what share."""

    __tablename__ = "tenures"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    owner_name: Mapped[name]
    owner_id_number: Mapped[str] = mapped_column(String(18), default="")
    certificate_type: Mapped[str] = mapped_column(String(32), default="")  # 不动产权证书/房屋所有权证/集体土地使用证
    certificate_no: Mapped[str] = mapped_column(String(64), default="")
    land_certificate_no: Mapped[str] = mapped_column(String(64), default="")
    share: Mapped[share]
    land_area: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2))  # homestead land, m²
    tenure_kind: Mapped[str] = mapped_column(String(16), default="private")  # private | public_rental | collective
