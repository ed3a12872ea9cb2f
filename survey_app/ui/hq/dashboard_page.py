"""HQ's 总览 (first tab of the 项目 page): figure tiles, progress per section and worker, money committed,
the daily trend, and the Excel exports (issue 14 items 1, 2).

Every number is clickable: a click lists the households behind it below the figures (count and the first
户号) and emits ``householdsRequested(HouseholdFilter)`` — the nearest filter of the 住户 page, which the
main window wires to that page — and ``scopeRequested(Scope)``, the exact set (reports/scope.py). The
figures are computed by ``reports.dashboard`` on the TaskRunner's worker and re-read when data change
while the page is visible (ChangeHub), or when it is next shown.
Threading: GUI thread; the dashboard read and the exports run on the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Role
from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.services import Database, reports
from survey_app.core.services.reports.figures import Count, Dashboard
from survey_app.core.services.reports.scope import Scope, count_households, households_in
from survey_app.ui import formatting, labels
from survey_app.ui.changes import ChangeHub
from survey_app.ui.hq.dashboard_chart import TrendChart
from survey_app.ui.hq.dashboard_export import Exporter
from survey_app.ui.hq.dashboard_models import MoneyModel, ProgressModel
from survey_app.ui.kit import theme
from survey_app.ui.kit.table import DataTable
from survey_app.ui.sync.common import error_text
from survey_app.ui.task_runner import TaskRunner

_STYLE = theme.DASHBOARD  # the sheet lives in the theme (ui/kit/theme.py)
TREND_DAYS = (30, 90, 180)


class DashboardPage(QWidget):
    householdsRequested = Signal(object)  # HouseholdFilter: the nearest 住户 page filter
    scopeRequested = Signal(object)  # Scope: exactly the households behind the clicked figure

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hqDashboardTab")
        self.setStyleSheet(_STYLE)
        self.db, self.actor, self.runner = db, actor, runner
        self.dash: Dashboard | None = None
        self._loading = False
        self._dirty = True
        self.title = QLabel(self.tr("总览"), self)
        self.title.setObjectName("dashTitle")
        self.updated = QLabel(self)
        self.days = QComboBox(self)
        self.days.setObjectName("dashDays")
        for n in TREND_DAYS:
            self.days.addItem(self.tr("近 {n} 天").format(n=n), n)
        self.days.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setObjectName("dashRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.exporter = Exporter(db, runner, self)
        self.exporter.finished.connect(self._show_message)
        ledger = QPushButton(self.tr("导出台账…"), self)
        ledger.setObjectName("exportLedger")
        ledger.clicked.connect(lambda: self.exporter.export_ledger())
        report = QPushButton(self.tr("导出月报…"), self)
        report.setObjectName("exportReport")
        report.clicked.connect(lambda: self.exporter.export_report())
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.updated, 1)
        for w in (self.days, self.refresh_button, ledger, report):
            top.addWidget(w)

        self.tiles: dict[str, QPushButton] = {}
        tiles = QGridLayout()
        tiles.setSpacing(6)
        for i, key in enumerate(("households", "signed", "cash_rate", "money", "grievances", "overdue")):
            b = self._button(f"tile_{key}", tile=True)
            tiles.addWidget(b, 0, i)
            self.tiles[key] = b
        self.status_buttons: dict[str, QPushButton] = {}
        statuses = QHBoxLayout()
        statuses.setSpacing(4)
        for st in HouseholdStatus:
            b = self._button(f"status_{st.value}", tile=False)
            statuses.addWidget(b)
            self.status_buttons[st.value] = b

        self.sections = ProgressModel(self.tr("片区"), self)
        self.workers = ProgressModel(self.tr("调查员"), self)
        self.modes = MoneyModel(False, self)
        self.items = MoneyModel(True, self)
        self.tables = QTabWidget(self)
        self.tables.setObjectName("dashTables")
        self.views: dict[str, QTableView] = {}
        for key, model, title in (("sections", self.sections, self.tr("按片区")),
                                  ("workers", self.workers, self.tr("按调查员")),
                                  ("modes", self.modes, self.tr("金额·按安置方式")),
                                  ("items", self.items, self.tr("金额·按补偿项目"))):
            # a figure is a cell: one cell selected, the one clicked
            view = DataTable(self.tables, name=f"dashTable_{key}", model=model, select="items", alternate=False,
                             row_height=0, stretch=0)
            view.clicked.connect(lambda index, m=model: self._table_clicked(m, index))
            self.views[key] = view
            self.tables.addTab(view, title)
        self.chart = TrendChart(self)
        self.chart.dayClicked.connect(self._day_clicked)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tables)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setMinimumHeight(200)
        split.setSizes([600, 400])
        self.detail = QLabel(self.tr("单击任一数字，这里列出对应的住户。"), self)
        self.detail.setObjectName("dashDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(8, 8, 8, 8)
        inner.addLayout(top)
        inner.addLayout(tiles)
        inner.addLayout(statuses)
        inner.addWidget(split, 1)
        inner.addWidget(self.detail)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ChangeHub.instance().changed.connect(self._changed)

    def _button(self, name: str, *, tile: bool) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.setProperty("tile", tile)
        b.setProperty("status", not tile)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        b.setEnabled(False)
        b.clicked.connect(lambda: self._tile_clicked(name))
        return b

    # --- loading -----------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _changed(self, changes: object) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or touches("households", "agreements", "calculations", "grievances", "projects"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Re-read every figure (on the worker); the page keeps showing the last figures meanwhile."""
        if self._loading:
            self._dirty = True
            return
        self._loading, self._dirty = True, False
        days = int(self.days.currentData() or TREND_DAYS[0])
        self.refresh_button.setEnabled(False)
        self.runner.run(lambda progress, cancel: reports.dashboard(self.db, days=days), on_done=self._loaded,
                        on_error=self._failed, show_progress=False)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.detail.setText(self.tr("总览未能读取：{error}").format(error=error_text(exc)))

    def _loaded(self, dash: Dashboard) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.dash = dash
        self.updated.setText(self.tr("{project}　截至 {day}").format(project=dash.project_name,
                                                                      day=formatting.date(dash.today)))
        self._fill_tiles(dash)
        self.sections.set_rows(list(dash.by_section))
        self.workers.set_rows(list(dash.by_worker))
        self.modes.set_rows(list(dash.money_by_mode))
        self.items.set_rows(list(dash.money_by_item))
        for view in self.views.values():
            for column in range(1, view.model().columnCount()):
                view.resizeColumnToContents(column)
        self.chart.set_points(dash.trend)
        if self._dirty:
            self.refresh()

    def _fill_tiles(self, d: Dashboard) -> None:
        rate = d.cash_rate
        pct = lambda v: "—" if v is None else f"{v}%"
        texts = {
            "households": (formatting.count(d.households.value), self.tr("住户总数")),
            "signed": (formatting.count(d.signed.value), self.tr("已签约（{pct}）").format(pct=pct(d.signed_pct))),
            "cash_rate": (pct(rate.pct), self.tr("货币化安置率（目标 {target}）").format(target=pct(rate.target_pct))),
            "money": (formatting.money(d.money_total), self.tr("已签协议结算金额")),
            "grievances": (formatting.count(d.open_grievances.value), self.tr("未结信访")),
            "overdue": (formatting.count(d.overdue.value), self.tr("逾期未签（签约期 {end} 截止）").format(
                end=formatting.date(d.signing_end) if d.signing_end else self.tr("未设定"))),
        }
        rule = d.effective_when  # 协议生效条件: the signed share against the policy's signing rate
        if rule is not None:
            number, caption = texts["signed"]
            texts["signed"] = (number, caption + self.tr("；协议生效需 {rate}（{by}前）").format(
                rate=f"{rule.rate.normalize():f}%", by=formatting.date(rule.by)))
        for key, (number, caption) in texts.items():
            self.tiles[key].setText(f"{number}\n{caption}")
            self.tiles[key].setEnabled(self._tile_scope(key) is not None)
        meets = rate.meets_target
        self._flag(self.tiles["cash_rate"], good=meets is True, alert=meets is False)
        self._flag(self.tiles["overdue"], good=False, alert=d.overdue.value > 0)
        reached = rule is not None and d.signed_pct is not None and d.signed_pct >= rule.rate
        self._flag(self.tiles["signed"], good=reached, alert=rule is not None and not reached and d.today > rule.by)
        self._flag(self.tiles["grievances"], good=False, alert=d.open_grievances.value > 0)
        for c in d.by_status:
            b = self.status_buttons.get(c.key)
            if b is not None:
                b.setText(f"{labels.status(c.key)}  {formatting.count(c.value)}")
                b.setEnabled(True)

    @staticmethod
    def _flag(button: QPushButton, *, good: bool, alert: bool) -> None:
        button.setProperty("good", good)
        button.setProperty("alert", alert)
        button.style().unpolish(button)
        button.style().polish(button)

    # --- click-through -------------------------------------------------------------------------------------
    def _tile_scope(self, name: str) -> tuple[str, Scope] | None:
        d = self.dash
        if d is None:
            return None
        if name.startswith("status_"):
            code = name.removeprefix("status_")
            found = next((c for c in d.by_status if c.key == code), None)
            return (labels.status(code), found.scope) if found and found.scope else None
        key = name.removeprefix("tile_")
        figures: dict[str, tuple[str, Count]] = {
            "households": (self.tr("全部住户"), d.households), "signed": (self.tr("已签约"), d.signed),
            "cash_rate": (self.tr("货币补偿与房票签约"), d.cash_rate.cash_like),
            "money": (self.tr("已签协议"), d.cash_rate.signed),
            "grievances": (self.tr("有未结信访"), d.open_grievances), "overdue": (self.tr("逾期未签"), d.overdue)}
        title, count = figures[key]
        return (title, count.scope) if count.scope is not None else None

    def _tile_clicked(self, name: str) -> None:
        found = self._tile_scope(name)
        if found is not None:
            self.show_households(*found)

    def _table_clicked(self, model: ProgressModel | MoneyModel, index) -> None:  # noqa: ANN001
        scope = model.scope_at(index)
        if scope is not None:
            row = model.data(model.index(index.row(), 0))
            head = model.headerData(index.column(), Qt.Orientation.Horizontal)
            self.show_households(f"{row} · {head}", scope)

    def _day_clicked(self, kind: str, day) -> None:  # noqa: ANN001
        scope = Scope(signed_on=day) if kind == "signed" else Scope(surveyed_on=day)
        what = self.tr("{day} 签约") if kind == "signed" else self.tr("{day} 调查")
        self.show_households(what.format(day=formatting.date(day)), scope)

    def show_households(self, title: str, scope: Scope, shown: int = 12) -> None:
        """List the households behind a figure below the figures and tell the main window (signals)."""
        try:
            total = count_households(self.db, scope)
            first = households_in(self.db, scope, limit=shown)
        except Exception as exc:
            self.detail.setText(error_text(exc))
            return
        codes = "、".join(h.household_code for h in first) + ("…" if total > len(first) else "")
        self.detail.setText(self.tr("{title}：共 {n} 户{sep}{codes}").format(
            title=title, n=formatting.count(total), sep="：" if codes else "", codes=codes))
        self.scopeRequested.emit(scope)
        self.householdsRequested.emit(scope.household_filter())

    def _show_message(self, text: str) -> None:
        self.detail.setText(text)


class _Refused(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(self.tr("只有指挥部管理员可以查看总览和导出台账、月报。"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


def build(db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    """The 总览 tab of the HQ 项目 page (a refusal for anyone but an HQ administrator)."""
    if Role(actor.role) is not Role.HQ_ADMIN:
        return _Refused(parent)
    return DashboardPage(db, actor, runner, parent)
