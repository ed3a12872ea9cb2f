"""Which households a dashboard figure counts: the click-through behind every number.

A ``Scope`` is a small value (statuses, section, worker, "has a signed agreement of mode …", "signed on
day …", …) that becomes SQL conditions on ``households``. Every figure of the dashboard carries the Scope
it was counted with, and ``count_households(db, scope)`` counts the same households again: the tests
check each figure against it, so a click can never list other households than the figure counted.

``Scope.household_filter()`` is the nearest ``HouseholdFilter`` the 住户 page understands (status,
section, worker); ``Scope.exact`` says whether that filter lists exactly the figure's households (a
filter has one status and no agreement, grievance or day condition).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, select

from survey_app.core.domain import china_time
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, CalculationLine, Grievance, Household

SIGNED_STATUSES = ("signed", "handed_over")  # households whose agreement is signed (已签约, 已交房)
SURVEYED_STATUSES = ("surveyed", "reviewed", "calculated", "signed", "handed_over")  # 已调查 or further
CALCULATED_STATUSES = ("calculated", "signed", "handed_over")  # 已测算 or further
OPEN_STATUSES = ("pending", "surveyed", "reviewed", "calculated")  # not yet signed
UNRESOLVED_GRIEVANCES = ("open", "following")  # 待处理, 跟进中 (core/services/grievances.py)


@dataclass(frozen=True)
class Scope:
    """Conditions on live households; empty = every live household of the project."""

    statuses: tuple[str, ...] = ()  # household status is one of these
    section: str | None = None
    assigned_to: str | None = None
    agreement_modes: tuple[str, ...] = ()  # has a signed agreement of one of these modes ("*": any mode)
    line_item: str | None = None  # its signed agreement's calculation has a line of this item code
    surveyed_on: dt.date | None = None  # surveyed_at falls on this day (China time)
    signed_on: dt.date | None = None  # has an agreement signed on this day (China time), not voided
    open_grievance: bool = False  # has a grievance not yet closed (待处理 or 跟进中)
    overdue_grievance: dt.date | None = None  # has a grievance not closed whose due date is before this day

    @property
    def exact(self) -> bool:
        """True when ``household_filter()`` lists exactly these households on the 住户 page."""
        return (len(self.statuses) <= 1 and not self.agreement_modes and self.line_item is None
                and self.surveyed_on is None and self.signed_on is None and not self.open_grievance
                and self.overdue_grievance is None)

    def household_filter(self) -> HouseholdFilter:
        """The nearest filter of the 住户 page (status only when the scope names exactly one)."""
        return HouseholdFilter(status=self.statuses[0] if len(self.statuses) == 1 else None,
                               section=self.section, assigned_to=self.assigned_to)

    def narrowed(self, **changes: object) -> Scope:
        from dataclasses import replace

        return replace(self, **changes)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants a China-time day starts and ends (timestamps are stored in UTC)."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=china_time.CHINA)
    return start.astimezone(dt.UTC), (start + dt.timedelta(days=1)).astimezone(dt.UTC)


def signed_agreement(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """EXISTS a signed, live agreement of the household (correlated to ``households``)."""
    return exists(select(Agreement.id).where(Agreement.household_id == Household.id, Agreement.status == "signed",
                                            Agreement.deleted_at.is_(None), *conditions))


def where(scope: Scope) -> list[ColumnElement[bool]]:
    """SQL conditions on ``households`` for ``scope``."""
    out: list[ColumnElement[bool]] = [Household.deleted_at.is_(None)]
    if scope.statuses:
        out.append(Household.status.in_(scope.statuses))
    if scope.section is not None:
        out.append(Household.section == scope.section)
    if scope.assigned_to is not None:
        out.append(Household.assigned_to == scope.assigned_to)
    if scope.agreement_modes:
        modes = [] if "*" in scope.agreement_modes else [Agreement.mode.in_(scope.agreement_modes)]
        if scope.line_item is not None:
            modes.append(exists(select(CalculationLine.id).where(
                CalculationLine.calculation_id == Agreement.calculation_id,
                CalculationLine.item_code == scope.line_item, CalculationLine.deleted_at.is_(None))))
        out.append(signed_agreement(*modes))
    if scope.surveyed_on is not None:
        start, end = day_bounds(scope.surveyed_on)
        out += [Household.surveyed_at >= start, Household.surveyed_at < end]
    if scope.signed_on is not None:
        start, end = day_bounds(scope.signed_on)
        out.append(signed_agreement(Agreement.signed_at >= start, Agreement.signed_at < end))
    if scope.open_grievance:
        out.append(exists(select(Grievance.id).where(Grievance.household_id == Household.id,
                                                     Grievance.status.in_(UNRESOLVED_GRIEVANCES),
                                                     Grievance.deleted_at.is_(None))))
    if scope.overdue_grievance is not None:
        out.append(exists(select(Grievance.id).where(Grievance.household_id == Household.id,
                                                     Grievance.status.in_(UNRESOLVED_GRIEVANCES),
                                                     Grievance.due_on < scope.overdue_grievance,
                                                     Grievance.deleted_at.is_(None))))
    return out


def count_households(db: Database, scope: Scope) -> int:
    """How many live households ``scope`` holds (the count a click-through lists)."""
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Household).where(and_(*where(scope)))) or 0)


@dataclass(frozen=True)
class ScopedHousehold:
    id: str  # hex
    household_code: str


def households_in(db: Database, scope: Scope, limit: int | None = 200) -> list[ScopedHousehold]:
    """The households of ``scope`` in 户号 order (the first ``limit`` of them; None: all)."""
    stmt = (select(Household.id, Household.household_code).where(and_(*where(scope)))
            .order_by(Household.household_code))
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as s:
        return [ScopedHousehold(i.hex, code) for i, code in s.execute(stmt)]
