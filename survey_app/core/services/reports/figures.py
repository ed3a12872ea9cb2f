"""HQ's dashboard (总览): progress, the 货币化安置率, money committed, lagging areas and workers, disputes.

Every figure is an SQL aggregate (GROUP BY over households, agreements and calculation lines), never a
loop over households in Python: a refresh reads a few hundred grouped rows whatever the project's size
(``python -m bench hq_dashboard``: budget 300 ms at 100,000 households). Every figure carries the
``Scope`` of the households behind it (reports/scope.py) for the click-through.

Definitions (docs/hq.md says the same for HQ):

* 已签约 = households whose status is 已签约 or 已交房; the % is of all live households.
* 货币化安置率 = signed agreements in 货币补偿 (cash) or 房票安置 (voucher) mode ÷ signed agreements, as a
  percent (two places, half up). Draft, printed and void agreements do not count. A household has one
  signed agreement at a time (signing makes it 已签约; a new agreement needs the old one voided), so these
  are also household counts; two signed agreements of one household can only come from a sync conflict,
  which HQ resolves. This is the common reading of the national and provincial programmes (房票 counts as
  monetised resettlement); a project or policy that defines it otherwise needs its own rule here
  (``CASH_LIKE_MODES``). The target is the project's ``cash_target_pct``.
* 已承诺金额 (money committed) = the signed agreements' amounts: by mode from the agreements' total and
  net; by item from the lines of the calculations those agreements were printed from.
* Progress per section and per worker (the household's ``assigned_to``): households; 已调查 = status
  已调查 or further; 已测算 = 已测算 or further; 已签约 = 已签约 or 已交房.
* Daily trend, per China-time day: 调查 = households whose ``surveyed_at`` (the record's timestamp, the
  latest survey save) falls on the day; 签约 = agreements still signed today whose ``signed_at`` falls on
  the day (an agreement voided later drops out of its day). Not from audit events: HQ's audit chain
  holds its own events, the field's arrive as remote events, and the records carry the same times.
* 未结信访 = grievances not closed (待处理 or 跟进中; their households behind the click); 逾期信访 = those
  of them whose due date (办理期限) is before today.
* 已付补偿款 = the settlement payments (kind compensation, not cancelled) of the signed agreements, against
  已承诺金额 (their net); households paid = those with at least one such payment (core/services/money.py).
* 协议生效条件 = the current published policy's ``effective_when`` (signing rate by a date, reports/effect_rule.py),
  shown beside 已签约's percent; None when the policy states none.
* 逾期未签 = when the project's signing window has ended (signing_end before today), households not yet
  signed (待调查 to 已测算); 0 and not clickable while the window is open or has no end date.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import weakref
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from survey_app.core.domain import china_time
from survey_app.core.domain.statuses import HouseholdStatus, Mode
from survey_app.core.services.reports.dialect import as_date, china_day
from survey_app.core.services.reports.effect_rule import Effectiveness, effect_rule
from survey_app.core.services.reports.scope import (
    CALCULATED_STATUSES,
    OPEN_STATUSES,
    SIGNED_STATUSES,
    SURVEYED_STATUSES,
    UNRESOLVED_GRIEVANCES,
    Scope,
    day_bounds,
)
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, CalculationLine, Grievance, Household, Payment, Project, User

CASH_LIKE_MODES = (Mode.CASH.value, Mode.VOUCHER.value)  # 货币化安置: cash and housing vouchers
UNASSIGNED = "未分派"


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    value: int
    scope: Scope | None  # None: not clickable (the figure counts no households by definition)


@dataclass(frozen=True)
class ItemMoney:
    item_code: str
    label: str
    amount: Decimal  # yuan, exact
    households: int
    scope: Scope


@dataclass(frozen=True)
class ModeMoney:
    mode: str
    label: str
    households: int
    total: Decimal
    net: Decimal
    scope: Scope


@dataclass(frozen=True)
class Progress:
    key: str
    label: str
    households: int
    surveyed: int
    calculated: int
    signed: int
    scope: Scope

    def scope_of(self, stage: str) -> Scope:
        """The households behind one column: "households", "surveyed", "calculated" or "signed"."""
        statuses = {"surveyed": SURVEYED_STATUSES, "calculated": CALCULATED_STATUSES,
                    "signed": SIGNED_STATUSES}.get(stage, ())
        return self.scope.narrowed(statuses=statuses)


@dataclass(frozen=True)
class DayPoint:
    day: dt.date
    surveyed: int
    signed: int

    @property
    def surveyed_scope(self) -> Scope:
        return Scope(surveyed_on=self.day)

    @property
    def signed_scope(self) -> Scope:
        return Scope(signed_on=self.day)


@dataclass(frozen=True)
class CashRate:
    cash_like: Count  # households signed in cash or voucher mode
    signed: Count  # households with a signed agreement
    pct: Decimal | None  # None while nothing is signed
    target_pct: Decimal | None

    @property
    def meets_target(self) -> bool | None:
        if self.pct is None or self.target_pct is None:
            return None
        return self.pct >= self.target_pct


@dataclass(frozen=True)
class Dashboard:
    project_name: str
    today: dt.date
    households: Count
    by_status: tuple[Count, ...]
    signed: Count
    signed_pct: Decimal | None
    cash_rate: CashRate
    money_by_mode: tuple[ModeMoney, ...]
    money_by_item: tuple[ItemMoney, ...]
    by_section: tuple[Progress, ...]
    by_worker: tuple[Progress, ...]
    trend: tuple[DayPoint, ...]
    open_grievances: Count  # value: open grievances; scope: their households
    overdue: Count
    signing_end: dt.date | None
    money_total: Decimal = field(default=Decimal("0.00"))  # net of every signed agreement
    paid_total: Decimal = field(default=Decimal("0.00"))  # settlement paid on the signed agreements
    paid_households: Count | None = None  # households with a settlement payment (not clickable)
    overdue_grievances: Count | None = None  # not closed, past their due date
    effective_when: Effectiveness | None = None  # the policy's 协议生效条件: 已签约 % against its signing rate

    def as_json(self) -> str:
        """The figures as JSON (money as strings, exact; scopes left out)."""
        def clean(value: object) -> object:
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items() if k != "scope"}
            if isinstance(value, (list, tuple)):
                return [clean(v) for v in value]
            if isinstance(value, (Decimal, dt.date)):
                return str(value)
            return value
        return json.dumps(clean(asdict(self)), ensure_ascii=False, indent=1)


def percent(part: int, whole: int) -> Decimal | None:
    """part ÷ whole as a percent with two places (half up); None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _yuan(fen: object) -> Decimal:
    return Decimal(int(fen or 0)).scaleb(-2)


def _fen(column: object) -> object:
    return func.coalesce(func.sum(type_coerce(column, BigInteger)), 0)  # raw scaled ints, exact


def section_names(text: str) -> dict[str, str]:
    """The project's sections JSON ([{"code", "name"}]) as code → name."""
    try:
        items = json.loads(text or "[]")
        return {str(i.get("code", "")): str(i.get("name", "") or i.get("code", "")) for i in items
                if isinstance(i, dict)}
    except (ValueError, TypeError, AttributeError):
        return {}


def dashboard(db: Database, *, today: dt.date | None = None, days: int = 30) -> Dashboard:
    """Every figure of HQ's dashboard (definitions in the module docstring); the trend covers the ``days``
    days ending ``today`` (default: today in China). Read-only; a few grouped SQL reads."""
    today = today or china_time.today()
    live = Household.deleted_at.is_(None)
    first_day = today - dt.timedelta(days=days - 1)
    start, _ = day_bounds(first_day)
    _, end = day_bounds(today)
    with db.read() as s:
        project = s.scalar(select(Project).where(Project.deleted_at.is_(None)).order_by(Project.created_at).limit(1))
        # Households: one GROUP BY over status × section × worker, walked in the order of the index on
        # (deleted_at, section, assigned_to, status) (migration 0009): no sort, no table read.
        groups = s.execute(select(Household.section, Household.assigned_to, Household.status, func.count())
                           .where(live).group_by(Household.section, Household.assigned_to, Household.status)).all()
        # Deleted households are few: their ids once (a range of that index), then every other read leaves
        # them out by id instead of joining 100k households (a join made SQLite walk every household).
        deleted_ids = list(s.scalars(select(Household.id).where(_DELETED)))
        gone = _not_in(Agreement.household_id, deleted_ids)
        signed_now = and_(Agreement.status == "signed", Agreement.deleted_at.is_(None), *gone)
        # Surveyed per day: every household in the window (the surveyed_at index alone), minus the deleted
        # ones' (read by the deleted_at index); reading deleted_at for 15k households in the window cost more.
        surveyed_day = china_day(db, Household.surveyed_at)
        window = and_(Household.surveyed_at >= start, Household.surveyed_at < end)
        surveyed = s.execute(select(surveyed_day, func.count()).where(window).group_by(surveyed_day)).all()
        surveyed_gone = (s.execute(select(surveyed_day, func.count()).where(_DELETED, window)
                                   .group_by(surveyed_day)).all() if deleted_ids else [])
        # Signed agreements: one pass for money by mode, the signed-per-day trend and the fingerprint of the
        # signed set (count, revisions, latest change) that keeps the money-by-item sums (see _items).
        signed_day = case((and_(Agreement.signed_at >= start, Agreement.signed_at < end),
                           china_day(db, Agreement.signed_at)))
        signed = s.execute(select(Agreement.mode, signed_day, func.count(), _fen(Agreement.total), _fen(Agreement.net),
                                  func.coalesce(func.sum(Agreement.rev), 0), func.max(Agreement.updated_at))
                           .where(signed_now).group_by(Agreement.mode, signed_day)).all()
        grievances, late = s.execute(
            select(func.count(), func.coalesce(func.sum(case((Grievance.due_on < today, 1), else_=0)), 0))
            .where(Grievance.status.in_(UNRESOLVED_GRIEVANCES), Grievance.deleted_at.is_(None),
                   *_not_in(Grievance.household_id, deleted_ids))).one()
        paid_fen, paid_n = s.execute(select(_fen(Payment.amount), func.count(func.distinct(Payment.household_id)))
                                     .join(Agreement, Agreement.id == Payment.agreement_id)
                                     .where(signed_now, Payment.kind == "compensation",
                                            Payment.deleted_at.is_(None))).one()
        names = dict(s.execute(select(User.username, User.display_name)).all())
        items = _items(db, s, tuple(sorted(tuple(map(str, r)) for r in signed)), signed_now)
        rule = effect_rule(s)
    sections = section_names(project.sections) if project else {}
    status_counts = {st.value: 0 for st in HouseholdStatus}
    trend_s: dict[dt.date, int] = {}
    for _section, _worker, status, n in groups:
        status_counts[status] = status_counts.get(status, 0) + int(n)
    for day, n in surveyed:
        trend_s[as_date(day)] = int(n)
    for day, n in surveyed_gone:
        trend_s[as_date(day)] -= int(n)
    modes: dict[str, list[int]] = {}
    trend_g: dict[dt.date, int] = {}
    for mode, day, n, total_fen, net_fen, _rev, _changed in signed:
        m = modes.setdefault(mode, [0, 0, 0])
        m[0], m[1], m[2] = m[0] + int(n), m[1] + int(total_fen), m[2] + int(net_fen)
        if day is not None:
            trend_g[as_date(day)] = trend_g.get(as_date(day), 0) + int(n)
    total = sum(status_counts.values())
    signed_n = sum(status_counts.get(st, 0) for st in SIGNED_STATUSES)
    mode_rows = tuple(ModeMoney(m, _mode_label(m), n, _yuan(t), _yuan(net), Scope(agreement_modes=(m,)))
                      for m, (n, t, net) in sorted(modes.items(), key=lambda kv: _mode_order(kv[0])))
    cash_like_n = sum(r.households for r in mode_rows if r.mode in CASH_LIKE_MODES)
    signed_n_agreements = sum(r.households for r in mode_rows)
    signing_end = project.signing_end if project else None
    overdue = signing_end is not None and today > signing_end
    return Dashboard(
        project_name=project.name if project else "",
        today=today,
        households=Count("households", "住户", total, Scope()),
        by_status=tuple(Count(st, HouseholdStatus(st).label if st in HouseholdStatus._value2member_map_ else st,
                              n, Scope(statuses=(st,))) for st, n in status_counts.items()),
        signed=Count("signed", "已签约", signed_n, Scope(statuses=SIGNED_STATUSES)),
        signed_pct=percent(signed_n, total),
        cash_rate=CashRate(Count("cash_like", "货币补偿与房票", cash_like_n, Scope(agreement_modes=CASH_LIKE_MODES)),
                           Count("signed_agreements", "已签协议", signed_n_agreements, Scope(agreement_modes=("*",))),
                           percent(cash_like_n, signed_n_agreements),
                           project.cash_target_pct if project else None),
        money_by_mode=mode_rows,
        money_by_item=tuple(ItemMoney(code, item_label(label, code), _yuan(fen), int(n),
                                      Scope(agreement_modes=("*",), line_item=code))
                            for code, label, fen, n, _first in sorted(items, key=lambda r: (r[4], r[0]))),
        by_section=_progress(groups, 0, lambda k: sections.get(k, k) or "（未分地块）", "section"),
        by_worker=_progress(groups, 1, lambda k: _worker_label(k, names), "assigned_to"),
        trend=tuple(DayPoint(first_day + dt.timedelta(days=i), trend_s.get(first_day + dt.timedelta(days=i), 0),
                             trend_g.get(first_day + dt.timedelta(days=i), 0)) for i in range(days)),
        open_grievances=Count("open_grievances", "未结信访", int(grievances or 0), Scope(open_grievance=True)),
        overdue=Count("overdue", "逾期未签", sum(status_counts.get(st, 0) for st in OPEN_STATUSES) if overdue else 0,
                      Scope(statuses=OPEN_STATUSES) if overdue else None),
        signing_end=signing_end,
        money_total=sum((r.net for r in mode_rows), Decimal("0.00")),
        paid_total=_yuan(paid_fen),
        paid_households=Count("paid_households", "已付款户数", int(paid_n or 0), None),
        overdue_grievances=Count("overdue_grievances", "逾期信访", int(late or 0),
                                 Scope(overdue_grievance=today)),
        effective_when=rule,
    )


# "Deleted": deleted_at after 1970, not IS NOT NULL — SQLite (3.40) reads a range of the index on
# (deleted_at, …) for the first but scans the whole table for the second.
_DELETED = Household.deleted_at > dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MANY = 5_000  # more deleted households than this: left out by a subquery rather than a list of ids


def _not_in(column: Any, ids: list) -> tuple[ColumnElement[bool], ...]:
    """The conditions leaving out the deleted households' rows: none when nothing is deleted."""
    if not ids:
        return ()
    if len(ids) > _MANY:
        return (column.not_in(select(Household.id).where(_DELETED)),)
    return (column.not_in(ids),)


_ITEMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Database -> (fingerprint, item rows)
_ITEMS_LOCK = threading.Lock()


def _items(db: Database, s: Session, fingerprint: tuple, signed_now: ColumnElement[bool]) -> list:
    """Money by item: the lines of every signed agreement's calculation, summed per item code.

    The one costly figure (≈ 9 lines per signed agreement, read by index). Calculations and their lines
    are never edited, so the sums change only when the set of signed agreements does: they are kept per
    open database and reused while the signed agreements' count, money, revisions and latest change time
    (``fingerprint``, per mode, from the by-mode query) are the same. Any signing, voiding, import or
    deletion changes the fingerprint and the sums are read again. ``signed_now`` leaves deleted households
    out by id (no join with households: joined, SQLite walked 100k households first, 9.5 s against 3.3 s)."""
    with _ITEMS_LOCK:
        cached = _ITEMS.get(db)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    rows = s.execute(select(CalculationLine.item_code, func.min(CalculationLine.label), _fen(CalculationLine.amount),
                            func.count(func.distinct(Agreement.household_id)), func.min(CalculationLine.line_no))
                     .select_from(Agreement)
                     .join(CalculationLine, CalculationLine.calculation_id == Agreement.calculation_id)
                     .where(signed_now, CalculationLine.deleted_at.is_(None))
                     .group_by(CalculationLine.item_code)).all()
    rows = [tuple(r) for r in rows]
    with _ITEMS_LOCK:
        _ITEMS[db] = (fingerprint, rows)
    return rows


def item_label(label: str | None, code: str) -> str:
    """An item's name without the part a line was for: 被征收房屋价值补偿（主房） → 被征收房屋价值补偿."""
    text = (label or "").split("（", 1)[0].split("(", 1)[0].strip()
    return text or code


def _mode_label(mode: str) -> str:
    return Mode(mode).label if mode in Mode._value2member_map_ else mode


def _mode_order(mode: str) -> int:
    order = [m.value for m in Mode]
    return order.index(mode) if mode in order else len(order)


def _worker_label(username: str, names: dict[str, str]) -> str:
    if not username:
        return UNASSIGNED
    display = names.get(username, "")
    return f"{display}（{username}）" if display and display != username else username


def _progress(groups: list, index: int, label, field_name: str) -> tuple[Progress, ...]:  # noqa: ANN001
    """Per section (index 0) or per worker (index 1): households and stage counts, from the grouped rows."""
    acc: dict[str, list[int]] = {}
    for row in groups:
        key, status, n = row[index] or "", row[2], int(row[3])
        a = acc.setdefault(key, [0, 0, 0, 0])
        a[0] += n
        a[1] += n if status in SURVEYED_STATUSES else 0
        a[2] += n if status in CALCULATED_STATUSES else 0
        a[3] += n if status in SIGNED_STATUSES else 0
    return tuple(Progress(k, label(k), *v, Scope(**{field_name: k})) for k, v in sorted(acc.items()))
