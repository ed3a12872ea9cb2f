"""The monthly report (月报) HQ sends the city: per section, this month against last month, and to date.

For month M (China time; the month's first day 00:00 to the next month's):

* 户数 — live households now (roster changes during the month are not dated).
* 本月调查 / 上月调查 — households whose ``surveyed_at`` (latest survey save) falls in M / the month before.
* 本月签约 / 上月签约 — households with an agreement signed in that month and not voided before the
  month's end (an agreement voided later still counts for the month it stood in, so a report rerun later
  gives the same figures). 签约环比 = (本月 − 上月) ÷ 上月, empty when 上月 is 0.
* 累计签约 — agreements signed before M's end and not voided before it; 累计签约率 = 累计签约 ÷ 户数.
* 累计签约面积 — the building area (m²) of those households; amounts are the agreements' net (结算金额).
* 累计货币化安置率 — of 累计签约, those in cash or voucher mode (reports/figures.py CASH_LIKE_MODES).

The 合计 row sums the counts and amounts and recomputes the rates from the sums (never sums rates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import BigInteger, and_, case, func, or_, select, type_coerce

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.reports.figures import CASH_LIKE_MODES, percent, section_names
from survey_app.core.services.reports.xlsx_writer import AREA, INT, MONEY, PCT, Column, Sheet, write_workbook
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, BuildingPart, Household, Project

COLUMNS = (
    Column("片区", width=12), Column("户数", INT, 8), Column("本月调查", INT, 9), Column("上月调查", INT, 9),
    Column("本月签约", INT, 9), Column("上月签约", INT, 9), Column("签约环比", PCT, 9), Column("累计签约", INT, 9),
    Column("累计签约率", PCT, 10), Column("累计签约面积(m²)", AREA, 14), Column("本月签约金额(元)", MONEY, 16),
    Column("上月签约金额(元)", MONEY, 16), Column("累计签约金额(元)", MONEY, 17),
    Column("累计货币化安置率", PCT, 12),
)
_FIELDS = ("households", "surveyed", "surveyed_prev", "signed", "signed_prev", "cum", "cum_area", "net",
           "net_prev", "cum_net", "cum_cash")


@dataclass(frozen=True)
class SectionMonth:
    section: str
    label: str
    households: int
    surveyed: int
    surveyed_prev: int
    signed: int
    signed_prev: int
    cum: int
    cum_area: Decimal
    net: Decimal
    net_prev: Decimal
    cum_net: Decimal
    cum_cash: int

    def row(self) -> list:
        growth = None if not self.signed_prev else percent(self.signed - self.signed_prev, self.signed_prev)
        return [self.label, self.households, self.surveyed, self.surveyed_prev, self.signed, self.signed_prev,
                _fraction(growth), self.cum, _fraction(percent(self.cum, self.households)), self.cum_area, self.net,
                self.net_prev, self.cum_net, _fraction(percent(self.cum_cash, self.cum))]


def _fraction(pct: Decimal | None) -> Decimal | None:
    """A percent as the fraction Excel's 0.00% format shows (12.50 → 0.1250)."""
    return None if pct is None else pct / 100


def parse_month(text: str) -> dt.date:
    """'2026-10' → 2026-10-01; anything else is refused in Chinese."""
    try:
        year, month = (int(p) for p in text.strip().split("-"))
        return dt.date(year, month, 1)
    except (ValueError, TypeError):
        raise ValidationError(f"月份格式应为 YYYY-MM（如 2026-10）：{text}") from None


def _month_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=china_time.CHINA).astimezone(dt.UTC)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _prev_month(day: dt.date) -> dt.date:
    return dt.date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def month_by_section(db: Database, month: dt.date) -> list[SectionMonth]:
    """The report's figures per section (in section order), for ``month`` (its first day)."""
    prev, this, after = (_month_start(d) for d in (_prev_month(month), month, _next_month(month)))
    raw = lambda col: type_coerce(col, BigInteger)
    live = Household.deleted_at.is_(None)

    def stood(start: dt.datetime | None, end: dt.datetime):  # noqa: ANN202 - signed in [start, end), not voided by end
        cond = [Agreement.signed_at.is_not(None), Agreement.signed_at < end,
                or_(Agreement.voided_at.is_(None), Agreement.voided_at >= end)]
        return and_(*cond, *([Agreement.signed_at >= start] if start is not None else []))

    def n(cond):  # noqa: ANN001, ANN202
        return func.count(func.distinct(case((cond, Agreement.household_id))))

    def fen(cond, col):  # noqa: ANN001, ANN202
        return func.coalesce(func.sum(case((cond, raw(col)), else_=0)), 0)

    area = (select(BuildingPart.household_id.label("hid"), func.sum(raw(BuildingPart.area)).label("area"))
            .where(BuildingPart.deleted_at.is_(None)).group_by(BuildingPart.household_id).subquery())
    in_m, in_p, cum = stood(this, after), stood(prev, this), stood(None, after)
    cash = and_(cum, Agreement.mode.in_(CASH_LIKE_MODES))
    with db.read() as s:
        text = s.scalar(select(Project.sections).where(Project.deleted_at.is_(None)).limit(1))
        people = s.execute(select(Household.section, func.count(),
                                  func.coalesce(func.sum(case((and_(Household.surveyed_at >= this,
                                                                    Household.surveyed_at < after), 1), else_=0)), 0),
                                  func.coalesce(func.sum(case((and_(Household.surveyed_at >= prev,
                                                                    Household.surveyed_at < this), 1), else_=0)), 0))
                           .where(live).group_by(Household.section)).all()
        signed = s.execute(select(Household.section, n(in_m), n(in_p), n(cum), fen(cum, area.c.area),
                                  fen(in_m, Agreement.net), fen(in_p, Agreement.net), fen(cum, Agreement.net), n(cash))
                           .select_from(Agreement).join(Household, Household.id == Agreement.household_id)
                           .outerjoin(area, area.c.hid == Household.id)
                           .where(live, Agreement.deleted_at.is_(None), Agreement.status.in_(("signed", "void")))
                           .group_by(Household.section)).all()
    names = section_names(text or "[]")
    by: dict[str, list] = {}
    for sec, total, sv, sv_prev in people:
        by[sec or ""] = [int(total), int(sv), int(sv_prev), 0, 0, 0, 0, 0, 0, 0, 0]
    for sec, sm, sp, c, a, nm, npv, cn, cc in signed:
        row = by.setdefault(sec or "", [0] * 11)
        row[3:] = [int(sm), int(sp), int(c), int(a), int(nm), int(npv), int(cn), int(cc)]
    order = list(names) + sorted(k for k in by if k not in names)
    out = []
    for key in order:
        if key not in by:
            continue
        v = by[key]
        yuan = lambda x: Decimal(x).scaleb(-2)
        out.append(SectionMonth(key, names.get(key, key) or "（未分地块）", v[0], v[1], v[2], v[3], v[4], v[5],
                                yuan(v[6]), yuan(v[7]), yuan(v[8]), yuan(v[9]), v[10]))
    return out


def totals_of(rows: Sequence[SectionMonth]) -> SectionMonth:
    """The 合计 line: sums of the sections (rates are recomputed from these by ``row()``)."""
    def total(name: str) -> object:
        return sum((getattr(r, name) for r in rows), Decimal("0.00") if name in ("cum_area", "net", "net_prev", "cum_net")
                   else 0)
    return SectionMonth("", "合计", *(total(f) for f in _FIELDS))


def monthly_report_xlsx(db: Database, month: dt.date | str, path: str | Path) -> list[SectionMonth]:
    """Write the monthly report for ``month`` ('YYYY-MM' or its first day) to ``path`` (.xlsx, atomically).
    Returns the section rows written (the 合计 row is ``totals_of`` of them)."""
    if isinstance(month, str):
        month = parse_month(month)
    month = month.replace(day=1)
    rows = month_by_section(db, month)
    with db.read() as s:
        project = s.scalar(select(Project).where(Project.deleted_at.is_(None)).limit(1))
    name = project.name if project else ""
    target = project.cash_target_pct if project else None
    last_day = _next_month(month) - dt.timedelta(days=1)
    titles = [f"{name} 征收工作月报（{month.year}年{month.month}月，截至 {last_day.isoformat()}）",
              f"货币化安置目标：{f'{target}%' if target is not None else '未设定'}；"
              f"生成时间：{china_time.now().strftime('%Y-%m-%d %H:%M')}；金额为协议结算金额（元）"]
    sheet = Sheet("月报", COLUMNS, [r.row() for r in rows], totals=totals_of(rows).row(), titles=titles)
    notes = Sheet("说明", (Column("指标", width=18), Column("口径", width=100)),
                  [(c.header, _NOTES.get(c.header, "")) for c in COLUMNS[1:]], autofilter=False)
    write_workbook(Path(path), [sheet, notes])
    return rows


_NOTES = {
    "户数": "目前在册住户数（不含已删除）",
    "本月调查": "本月保存调查（以住户最后一次调查时间为准）的户数",
    "上月调查": "上月保存调查的户数",
    "本月签约": "本月签订且在月末前未作废的协议所属户数",
    "上月签约": "上月签订且在该月末前未作废的协议所属户数",
    "签约环比": "（本月签约 − 上月签约）÷ 上月签约；上月为 0 时空白",
    "累计签约": "截至本月末已签订且未作废的协议所属户数",
    "累计签约率": "累计签约 ÷ 户数",
    "累计签约面积(m²)": "累计签约户的建筑面积合计",
    "本月签约金额(元)": "本月签约协议的结算金额合计",
    "上月签约金额(元)": "上月签约协议的结算金额合计",
    "累计签约金额(元)": "累计签约协议的结算金额合计",
    "累计货币化安置率": "累计签约中选择货币补偿或房票安置的户数 ÷ 累计签约户数",
}
