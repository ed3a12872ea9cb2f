"""The 台账: one row per household — survey, calculation, chosen option, agreement — as .xlsx.

Which calculation a row shows: the calculation of the household's agreement when it has one that is not
void (a signed one before a printed or draft one, then the newest); otherwise its current calculation of
the chosen option (测算 then 选定方案); otherwise none. 已付金额 and 末次付款日期: the settlement payments
(kind compensation, not cancelled) of the row's agreement (core/services/money.py); 交房日期: the latest
交房验收 of the household (core/services/handover.py); empty when there is none. 签约率奖, 早搬迁奖 and 协议生效:
once HQ has recorded 协议生效, the rewards settled after it for a signed agreement (services/agreements/
effect_settle.py, the engine's own ``amount_at`` / ``settle``), or 协议未生效; empty before.

One SQL read streams the rows (area, agreement and calculation joined in SQL); the rows go straight
into the file (reports/xlsx_writer.py): 100,000 households in seconds, memory flat. ``LedgerFilter`` (片区,
状态) narrows the file to what HQ's 台账 tab shows; the tab reads the same query a screenful of households at
a time (``statement_for_keys``, reports/ledger_view.py), so its cells are the file's.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import BigInteger, BindParameter, and_, bindparam, case, func, literal_column, select, type_coerce
from sqlalchemy.orm import aliased

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import HouseholdStatus, Mode
from survey_app.core.services.agreements.effect_settle import Settlement
from survey_app.core.services.households import ROWKEY
from survey_app.core.services.reports.figures import _worker_label, section_names
from survey_app.core.services.reports.xlsx_writer import AREA, DATE, MONEY, Column, Sheet, write_workbook
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (
    Agreement,
    BuildingPart,
    Calculation,
    Handover,
    Household,
    Payment,
    Project,
    User,
)

AGREEMENT_STATUS = {"draft": "草稿", "printed": "已打印", "signed": "已签订", "void": "已作废"}
COLUMNS = (
    Column("户号", width=12), Column("户主", width=10), Column("片区", width=10), Column("调查员", width=14),
    Column("状态", width=8), Column("调查日期", DATE, 11), Column("建筑面积(m²)", AREA, 12),
    Column("测算日期", DATE, 11), Column("安置方式", width=10), Column("选定方案", width=14),
    Column("补偿总额(元)", MONEY, 15), Column("结算金额(元)", MONEY, 15), Column("协议编号", width=20),
    Column("协议状态", width=8), Column("签约日期", DATE, 11),
    Column("已付金额(元)", MONEY, 15), Column("末次付款日期", DATE, 11), Column("交房日期", DATE, 11),
    # 协议生效后结算的奖励 (services/agreements/effect_settle.py): empty until HQ records 协议生效
    Column("签约率奖(元)", MONEY, 14), Column("早搬迁奖(元)", MONEY, 14), Column("协议生效", width=16),
)
AREA_COL, TOTAL_COL, NET_COL, PAID_COL = 6, 10, 11, 15
RATE_COL, EARLY_COL = 18, 19
CANCEL_EVERY = 5000  # rows between looks at the cancel flag (and progress reports)


@dataclass(frozen=True)
class LedgerSummary:
    path: Path
    households: int
    area: Decimal
    total: Decimal
    net: Decimal


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.astimezone(china_time.CHINA).date() if value is not None else None


def _date(value: object) -> dt.date | None:
    """A DATE read back from an aggregate (SQLite may hand it over as text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _yuan(raw: int | None) -> Decimal | None:
    return None if raw is None else Decimal(int(raw)).scaleb(-2)


@dataclass(frozen=True)
class LedgerFilter:
    """Which households the 台账 lists (the in-app preview's filter; empty: every live household)."""

    section: str | None = None
    status: str | None = None

    def where(self) -> list:
        out = [Household.deleted_at.is_(None)]
        if self.section is not None:
            out.append(Household.section == self.section)
        if self.status is not None:
            out.append(Household.status == self.status)
        return out


@functools.cache
def statement_for_keys(db: Database):  # noqa: ANN201
    """The 台账's query for the households whose list keys are bound as ``keys`` (a list): built once per
    dialect. In no order (the caller maps rows by key): ordered by 户号, SQLite would walk every household's
    index entry."""
    return _keyed_statement(db.engine.dialect.name)


@functools.cache
def _keyed_statement(dialect: str):  # noqa: ANN202
    # search_sql.live: on SQLite a ``deleted_at IS NULL`` it cannot answer from an index (else it walks every
    # live household's index entry instead of looking the rowids up).
    live = literal_column("+households.deleted_at") if dialect == "sqlite" else Household.deleted_at
    return _statement(keys=bindparam("keys", expanding=True), live=live.is_(None)).order_by(None)


def _statement(flt: LedgerFilter | None = None, keys: BindParameter | None = None, live=None):  # noqa: ANN001, ANN202
    """The 台账's query: every row's 18 columns, then the household's list key and id. ``keys`` (a bound list of
    list keys) restricts the households and every subquery to them (a screenful of the preview: no read of
    the whole project; the households found by rowid, their rows by the household_id indexes)."""
    raw = lambda col: type_coerce(col, BigInteger)
    picked = None if keys is None else select(Household.id).where(ROWKEY.in_(keys)).correlate(None)
    only = (lambda col: [col.in_(picked)]) if picked is not None else (lambda col: [])
    by_key = [] if keys is None else [ROWKEY.in_(keys), live]  # the households by rowid, still live
    area = (select(BuildingPart.household_id.label("hid"), func.sum(raw(BuildingPart.area)).label("area"))
            .where(BuildingPart.deleted_at.is_(None), *only(BuildingPart.household_id))
            .group_by(BuildingPart.household_id).subquery())
    rank = func.row_number().over(partition_by=Agreement.household_id,
                                  order_by=(case((Agreement.status == "signed", 0), else_=1), Agreement.created_at.desc(),
                                            Agreement.number.desc()))
    ranked = (select(Agreement.household_id.label("hid"), Agreement.id.label("aid"), Agreement.calculation_id.label("calc_id"),
                     Agreement.number, Agreement.status, Agreement.signed_at, Agreement.mode,
                     raw(Agreement.total).label("total"), raw(Agreement.net).label("net"), rank.label("rn"))
              .where(Agreement.status != "void", Agreement.deleted_at.is_(None), *only(Agreement.household_id))
              .subquery())
    agr = select(ranked).where(ranked.c.rn == 1).subquery()
    of_ids = [] if picked is None else [Payment.agreement_id.in_(select(Agreement.id).where(*only(Agreement.household_id)))]
    paid = (select(Payment.agreement_id.label("aid"), func.sum(raw(Payment.amount)).label("paid"),
                   func.max(Payment.paid_on).label("last"))
            .where(Payment.deleted_at.is_(None), Payment.kind == "compensation", *of_ids)
            .group_by(Payment.agreement_id).subquery())
    handed = (select(Handover.household_id.label("hid"), func.max(Handover.handed_on).label("day"))
              .where(Handover.deleted_at.is_(None), *only(Handover.household_id))
              .group_by(Handover.household_id).subquery())
    c_agr, c_chosen = aliased(Calculation), aliased(Calculation)
    chosen = and_(c_chosen.household_id == Household.id, c_chosen.option_key == Household.chosen_option,
                  Household.chosen_option != "", c_chosen.status == "current", c_chosen.deleted_at.is_(None))
    return (select(Household.household_code, Household.head_name, Household.section, Household.assigned_to,
                   Household.status, Household.surveyed_at, area.c.area.label("area"),
                   func.coalesce(c_agr.computed_at, c_chosen.computed_at),
                   func.coalesce(agr.c.mode, c_chosen.mode, Household.chosen_mode),
                   func.coalesce(c_agr.option_key, c_chosen.option_key, Household.chosen_option),
                   func.coalesce(agr.c.total, raw(c_chosen.total)).label("total"),
                   func.coalesce(agr.c.net, raw(c_chosen.net)).label("net"),
                   agr.c.number, agr.c.status, agr.c.signed_at, paid.c.paid.label("paid"), paid.c.last, handed.c.day,
                   ROWKEY.label("list_key"), Household.id.label("household_id"),
                   agr.c.calc_id.label("agreement_calc_id"))
            .select_from(Household)
            .outerjoin(area, area.c.hid == Household.id)
            .outerjoin(agr, agr.c.hid == Household.id)
            .outerjoin(c_agr, c_agr.id == agr.c.calc_id)
            .outerjoin(paid, paid.c.aid == agr.c.aid)
            .outerjoin(handed, handed.c.hid == Household.id)
            .outerjoin(c_chosen, and_(chosen, agr.c.hid.is_(None)))
            .where(*((flt or LedgerFilter()).where() if keys is None else by_key))
            .order_by(Household.household_code))


def _option_names(db: Database, modes: dict[str, str]) -> Callable[[str], str]:
    """选定方案 in words: 货币补偿, 房票安置, or the flats of a 产权调换 by the published policy's names
    ("exchange:A60" → "A户型60㎡"); a key the policy doesn't name shows as its flat key, never as a code."""
    from survey_app.core.services.policies import current_version

    current = current_version(db)
    exchange = current[1].exchange if current is not None else None

    def label(k: str) -> str:  # a type, a listed flat or a type on a floor ("H90@5": its label names the floor)
        try:
            flat = exchange.flat(k) if exchange is not None else None
        except ValidationError:  # a floor the policy no longer offers
            flat = None
        return flat.label if flat is not None else k

    def name(key: str) -> str:
        mode, _, flat = key.partition(":")
        if not flat:
            return modes.get(mode, mode)
        return "、".join(label(k) for k in flat.split("+"))
    return name


class LedgerLabels:
    """What turns a query row into the row the 台账 shows: names of sections, workers, statuses, modes, options."""

    def __init__(self, db: Database):
        with db.read() as s:
            project = s.scalar(select(Project.sections).where(Project.deleted_at.is_(None)).limit(1))
            self.names = dict(s.execute(select(User.username, User.display_name)).all())
        self.sections = section_names(project or "[]")
        self.workers: dict[str, str] = {}
        self.statuses = {st.value: st.label for st in HouseholdStatus}
        self.modes = {m.value: m.label for m in Mode}
        self.option_name = _option_names(db, self.modes)
        self.settlement = Settlement(db)  # 协议生效 and the rewards it settles

    def row(self, r) -> tuple:  # noqa: ANN001 - a result row of _statement()
        worker = r[3] or ""
        if worker not in self.workers:
            self.workers[worker] = _worker_label(worker, self.names) if worker else ""
        utc = dt.UTC
        when = [None if v is None else (v if v.tzinfo else v.replace(tzinfo=utc)) for v in (r[5], r[7], r[14])]
        return (r[0], r[1], self.sections.get(r[2], r[2]), self.workers[worker], self.statuses.get(r[4], r[4]),
                _day(when[0]), _yuan(r[6]) if r[6] is not None else Decimal("0.00"), _day(when[1]),
                self.modes.get(r[8] or "", r[8] or ""), self.option_name(r[9] or ""), _yuan(r[10]), _yuan(r[11]),
                r[12] or "", AGREEMENT_STATUS.get(r[13] or "", ""), _day(when[2]), _yuan(r[15]), _date(r[16]),
                _date(r[17]), *self.settlement.due(r.agreement_calc_id, r[13], _date(r[17])).cells())


def ledger_rows(db: Database, flt: LedgerFilter | None = None) -> Iterator[tuple]:
    """The 台账's rows, in 户号 order, as the file shows them (dates in China time, money exact)."""
    labels = LedgerLabels(db)
    with db.engine.connect() as conn:
        for r in conn.execution_options(stream_results=True, yield_per=2000).execute(_statement(flt)):
            yield labels.row(r)


def ledger_xlsx(db: Database, path: str | Path, *, progress: Callable[[int, int, str], None] | None = None,
                cancel: Callable[[], bool] | None = None, flt: LedgerFilter | None = None) -> LedgerSummary:
    """Write the 台账 of every live household to ``path`` (.xlsx, atomically): Chinese headers, money
    #,##0.00, areas 0.00, dates yyyy-mm-dd, header frozen, autofilter, a bold 合计 row (households,
    area, total, net and paid summed exactly). ``flt``: only those households (the preview's filter).
    A cancel stops before the file gets its name."""
    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services.agreements.effect_record import effect_record

    sums = [0, Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00")]
    recorded = effect_record(db) is not None
    with db.read() as s:
        expected = int(s.scalar(select(func.count()).select_from(Household).where(*(flt or LedgerFilter()).where())) or 0)

    def rows() -> Iterator[tuple]:
        for row in ledger_rows(db, flt):
            sums[0] += 1
            sums[1] += row[AREA_COL]
            sums[2] += row[TOTAL_COL] or 0
            sums[3] += row[NET_COL] or 0
            sums[4] += row[PAID_COL] or 0
            sums[5] += row[RATE_COL] or 0
            sums[6] += row[EARLY_COL] or 0
            if sums[0] % CANCEL_EVERY == 0:
                if cancel and cancel():
                    raise ValidationError("已取消导出台账，文件未写出")
                if progress:
                    progress(sums[0], expected, "导出台账")
            yield row

    sheet = Sheet("台账", COLUMNS, rows())

    def totals() -> list:
        out: list = [""] * len(COLUMNS)
        out[0] = f"合计（{sums[0]} 户）"
        out[AREA_COL], out[TOTAL_COL], out[NET_COL], out[PAID_COL] = sums[1], sums[2], sums[3], sums[4]
        if recorded:  # 协议生效 recorded: the rewards it settled, summed exactly
            out[RATE_COL], out[EARLY_COL] = sums[5], sums[6]
        return out

    sheet.totals = totals
    write_workbook(Path(path), [sheet])
    if progress:
        progress(expected, expected, "导出台账")
    return LedgerSummary(Path(path), sums[0], sums[1], sums[2], sums[3])

