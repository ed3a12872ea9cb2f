"""The public notice list (公示): surveyed households of a section with masked names, areas by
legality and compensation totals. ID numbers are never part of it (not even in memory here)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from survey_app.core.documents.model import NoticeList, NoticeRow
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import HouseholdStatus, Legality, Mode
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import BuildingPart, Calculation, Household, Project

ZERO = Decimal("0.00")


def mask_name(name: str) -> str:
    """张伟 → 张*, 张小伟 → 张*伟, 欧阳娜娜 → 欧**娜 (first and last character kept)."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def notice_list(db: Database, section: str, *, published_on: dt.date | None = None) -> NoticeList:
    """Build the notice list of one section (地块)."""
    listed = [s.value for s in HouseholdStatus if s != HouseholdStatus.PENDING]
    with db.read() as s:
        project = s.scalars(select(Project).where(Project.deleted_at.is_(None)).limit(1)).first()
        if project is None:
            raise ValidationError("数据库中没有项目")
        households = s.execute(select(Household.id, Household.household_code, Household.head_name,
                                      Household.chosen_option).where(
            Household.deleted_at.is_(None), Household.section == section, Household.status.in_(listed))
            .order_by(Household.household_code)).all()
        if not households:
            raise ValidationError(f"地块 {section} 没有已调查的住户")
        ids = [h.id for h in households]
        areas: dict = {}
        for hid, legality, area in s.execute(select(BuildingPart.household_id, BuildingPart.legality,
                                                    BuildingPart.area).where(
                BuildingPart.household_id.in_(ids), BuildingPart.deleted_at.is_(None))):
            per = areas.setdefault(hid, {})
            per[legality] = per.get(legality, ZERO) + area
        calcs = {(hid, key): (mode, total) for hid, key, mode, total in s.execute(
            select(Calculation.household_id, Calculation.option_key, Calculation.mode, Calculation.total).where(
                Calculation.household_id.in_(ids), Calculation.status == "current"))}
    rows = []
    for hid, code, name, chosen in households:
        a = areas.get(hid, {})
        mode, total = calcs.get((hid, chosen), (None, None))
        rows.append(NoticeRow(code, mask_name(name), a.get(Legality.REGISTERED.value, ZERO),
                              a.get(Legality.FOUND_LEGAL.value, ZERO), a.get(Legality.ILLEGAL.value, ZERO),
                              a.get(Legality.TEMPORARY.value, ZERO), Mode(mode).label if mode else "",
                              total))
    return NoticeList(project.name, project.decision_no, section, published_on or dt.date.today(), tuple(rows),
                      contact=project.implementer)


def render_notice_pdf(db: Database, section: str, out: Path | BinaryIO) -> int:
    """Render the section's notice list; returns the number of households listed."""
    from survey_app.core.documents import render_notice_list

    notice = notice_list(db, section)
    render_notice_list(notice, out)
    return len(notice.rows)
