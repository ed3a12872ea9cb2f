"""What the home page shows: today's work of one field worker and progress in their area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from survey_app.core.domain import china_time
from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Calculation, Household

CHINA = china_time.CHINA  # the working day is China's, whatever the laptop's clock zone


@dataclass(frozen=True)
class DayStats:
    day: dt.date
    surveyed_today: int
    calculated_today: int
    signed_today: int
    assigned: int  # households assigned to the worker (all of the project for an empty name)
    by_status: dict[str, int]

    @property
    def done_share(self) -> float:
        """Share of assigned households past the survey (for a progress bar; not money)."""
        past = self.assigned - self.by_status.get(HouseholdStatus.PENDING.value, 0)
        return past / self.assigned if self.assigned else 0.0


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=CHINA)
    return start.astimezone(dt.UTC), (start + dt.timedelta(days=1)).astimezone(dt.UTC)


def my_day(db: Database, username: str, day: dt.date | None = None) -> DayStats:
    """Counts for the home page. ``day`` defaults to today in China time."""
    day = day or dt.datetime.now(CHINA).date()
    start, end = _day_bounds(day)
    live = Household.deleted_at.is_(None)
    mine = Household.assigned_to == username
    with db.read() as s:
        surveyed = s.scalar(select(func.count()).where(live, Household.surveyed_by == username,
                                                       Household.surveyed_at >= start, Household.surveyed_at < end))
        calculated = s.scalar(select(func.count(func.distinct(Calculation.household_id))).where(
            Calculation.computed_by == username, Calculation.computed_at >= start, Calculation.computed_at < end))
        signed = s.scalar(select(func.count()).where(
            Agreement.status == "signed", Agreement.updated_by == username,
            Agreement.signed_at >= start, Agreement.signed_at < end))
        rows = s.execute(select(Household.status, func.count()).where(live, mine).group_by(Household.status)).all()
    by_status = {st.value: 0 for st in HouseholdStatus} | {k: int(v) for k, v in rows}
    return DayStats(day, int(surveyed or 0), int(calculated or 0), int(signed or 0), sum(by_status.values()),
                    by_status)
