"""HQ's reports: the dashboard (总览), the Excel 台账 (one row per household) and the monthly report (月报).

    dashboard(db) -> Dashboard                      reports/figures.py (definitions of every figure)
    ledger_xlsx(db, path) -> LedgerSummary          reports/ledger.py
    monthly_report_xlsx(db, month, path) -> ...     reports/monthly.py
    Scope, count_households, households_in          reports/scope.py (the households behind a figure)

Read-only over the database; the Excel files are written atomically (temp file beside, then renamed).
Who may run them is the caller's check: ``require_hq(actor)``.
"""

from __future__ import annotations

from survey_app.core.domain.errors import PermissionDenied
from survey_app.core.domain.roles import Role
from survey_app.core.services.reports.figures import Dashboard, dashboard
from survey_app.core.services.reports.ledger import ledger_xlsx
from survey_app.core.services.reports.monthly import monthly_report_xlsx, parse_month
from survey_app.core.services.reports.scope import Scope, count_households, households_in
from survey_app.core.storage.uow import Actor


def require_hq(actor: Actor) -> None:
    """Reports are HQ's: refuse anyone but an HQ administrator."""
    if Role(actor.role) is not Role.HQ_ADMIN:
        raise PermissionDenied("只有指挥部管理员可以查看总览和导出台账、月报")


__all__ = ["Dashboard", "Scope", "count_households", "dashboard", "households_in", "ledger_xlsx",
           "monthly_report_xlsx", "parse_month", "require_hq"]
