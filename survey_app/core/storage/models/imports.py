"""Roster and appraisal imports at HQ (入户名册, 评估结果): one row per import, so an untouched batch can be
undone. HQ's own record (not synced); the households and appraisals it wrote name it in ``import_batch``."""

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.storage.models.base import Base
from survey_app.core.storage.types import utcnow


class ImportBatch(Base):
    __tablename__ = "import_batches"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # roster | appraisal
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    rows_added: Mapped[int] = mapped_column(default=0)
    rows_updated: Mapped[int] = mapped_column(default=0)
    summary: Mapped[str] = mapped_column(Text, default="{}")
    undone_at: Mapped[dt.datetime | None]
