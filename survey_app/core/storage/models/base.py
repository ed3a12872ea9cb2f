"""Declarative base, annotated column types and the mixin every synced record carries.

Annotated types after Warehouse's ``utils/db/types.py``: a model says ``Mapped[money]``
and gets an integer-fen column exposing Decimal.
"""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from sqlalchemy import MetaData, String, Text, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from survey_app.core.domain.ids import new_id
from survey_app.core.storage.types import Fen, ScaledDecimal, UTCDateTime, utcnow

money = Annotated[Decimal, mapped_column(Fen())]
area = Annotated[Decimal, mapped_column(ScaledDecimal(2))]
share = Annotated[Decimal, mapped_column(ScaledDecimal(4))]  # ownership share as a fraction, 1 = 100 %
text = Annotated[str, mapped_column(Text, default="")]
code = Annotated[str, mapped_column(String(32))]
name = Annotated[str, mapped_column(String(128), default="")]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        uuid.UUID: Uuid(),
        dt.datetime: UTCDateTime(),
        str: String(255),
    }


class Synced:
    """Columns of every record that travels in sync bundles (DESIGN.md §3).

    ``rev`` starts at 1 and grows by one per committed change; the unit of work stamps
    ``rev``, ``updated_at``, ``updated_by`` and ``origin_device``. Deletion is a tombstone
    (``deleted_at`` set), never a DELETE, so a deletion can travel to HQ like any change.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    rev: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    origin_device: Mapped[str] = mapped_column(String(32), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
