"""The 台账 read a screenful at a time: what HQ's in-app preview (ui/hq/ledger_*.py) shows.

After Anki's browser table: ``ledger_keys`` returns only the households' list keys in 户号 order (a page
of them, or all), ``ledger_rows_for`` the 台账 rows of a block of keys (the ledger's own
query restricted to those households, so a row shows exactly what the exported file holds), and
``ledger_totals`` the 合计 of the filter, summed in SQL over the same query (exact: integer fen).
Export the same filter with ``ledger_xlsx(db, path, flt=…)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.services.reports.figures import section_names
from survey_app.core.services.reports.ledger import LedgerFilter, LedgerLabels, _statement, _yuan, statement_for_keys
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Project


@dataclass(frozen=True)
class LedgerRow:
    key: int  # the household's list key
    id: str  # the household's id (hex)
    cells: tuple  # the 台账's 18 columns, as ledger_rows yields them


@dataclass(frozen=True)
class LedgerTotals:
    households: int
    area: Decimal
    total: Decimal
    net: Decimal
    paid: Decimal


def project_section_names(db: Database) -> dict[str, str]:
    """The project's 片区 codes → names (as the 台账 and the monthly report name them)."""
    with db.read() as s:
        return section_names(s.scalar(select(Project.sections).where(Project.deleted_at.is_(None)).limit(1)) or "[]")


def ledger_keys(db: Database, flt: LedgerFilter | None = None, *, offset: int = 0,
                limit: int | None = None) -> list[int]:
    """List keys of the households the 台账 lists for ``flt``, in its order (户号): the household list's own
    key search (households.search_keys: the covering index; a page of ``limit`` from ``offset`` stops at its
    last key, all 100k keys cost ~40–90 ms)."""
    flt = flt or LedgerFilter()
    return households.search_keys(db, HouseholdFilter(status=flt.status, section=flt.section), offset=offset,
                                  limit=limit)


def ledger_rows_for(db: Database, keys: Sequence[int], labels: LedgerLabels | None = None) -> dict[int, LedgerRow]:
    """The 台账 rows of these list keys (keys no longer there are absent). ``labels``: the names read once
    (``LedgerLabels(db)``; a model keeps one instead of reading them for every block)."""
    if not keys:
        return {}
    labels = labels or LedgerLabels(db)
    with db.engine.connect() as conn:
        return {int(r.list_key): LedgerRow(int(r.list_key), r.household_id.hex, labels.row(r))
                for r in conn.execute(statement_for_keys(db), {"keys": list(keys)})}


def ledger_totals(db: Database, flt: LedgerFilter | None = None) -> LedgerTotals:
    """The 合计 row of the 台账 for ``flt``: households, area, 补偿总额, 结算金额, 已付金额 (as the file sums them)."""
    rows = _statement(flt).order_by(None).subquery()
    stmt = select(func.count(), func.sum(rows.c.area), func.sum(rows.c.total), func.sum(rows.c.net),
                  func.sum(rows.c.paid))
    with db.engine.connect() as conn:
        n, area, total, net, paid = conn.execute(stmt).one()
    zero = Decimal("0.00")
    return LedgerTotals(int(n or 0), _yuan(area) or zero, _yuan(total) or zero, _yuan(net) or zero, _yuan(paid) or zero)
