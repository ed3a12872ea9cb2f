"""HQ's 台账 tab: the ledger inside the app — the rows and columns of the exported .xlsx, filtered by 片区 and
状态, 户号 and 户主 frozen at the left, the 合计 of the filter under the table; 导出 Excel… writes exactly
what is filtered (reports.ledger_xlsx with the same filter). A double-click on a row emits
``householdRequested(id)``: the main window shows that household on the 住户 page.

The rows are read lazily (ledger_model.py), so 100,000 households open as fast as their keys; the 合计 and
the export run on the TaskRunner. Data changes (ChangeHub) re-read the list when the tab is next seen.
Threading: GUI thread; the sums and the file on the TaskRunner's worker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from survey_app.core.domain import china_time
from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Role
from survey_app.core.domain.statuses import HouseholdStatus
from survey_app.core.services import Database, households, reports
from survey_app.core.services.reports import ledger, ledger_view
from survey_app.core.services.reports.ledger import LedgerFilter, LedgerSummary
from survey_app.core.services.reports.ledger_view import ledger_totals
from survey_app.core.services.reports.xlsx_writer import DATE
from survey_app.ui import formatting, labels
from survey_app.ui.changes import ChangeHub
from survey_app.ui.hq.ledger_model import LedgerModel, TotalsModel
from survey_app.ui.hq.ledger_table import FrozenTable
from survey_app.ui.sync.common import error_text
from survey_app.ui.task_runner import TaskRunner

FROZEN = 2  # 户号, 户主


class LedgerPage(QWidget):
    householdRequested = Signal(str)  # hex id of the household double-clicked

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hqLedgerTab")
        self.db, self.actor, self.runner = db, actor, runner
        self._dirty = True
        self._totals_job = 0  # the newest 合计 asked for (an older answer is dropped)
        self.folder = Path.home()
        title = QLabel(self.tr("台账"), self)
        title.setObjectName("ledgerTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        self.section = QComboBox(self)
        self.section.setObjectName("ledgerSection")
        self.status = QComboBox(self)
        self.status.setObjectName("ledgerStatus")
        self.status.addItem(self.tr("全部状态"), None)
        for st in HouseholdStatus:
            self.status.addItem(labels.status(st.value), st.value)
        self.count = QLabel(self)
        self.count.setObjectName("ledgerCount")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setObjectName("ledgerRefresh")
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("ledgerExport")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("片区"), self))
        top.addWidget(self.section)
        top.addWidget(QLabel(self.tr("状态"), self))
        top.addWidget(self.status)
        top.addWidget(self.count, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.model = LedgerModel(db, self)
        self.table = FrozenTable(self, name="ledgerTable", model=self.model, frozen=FROZEN)
        self.table.setToolTip(self.tr("双击一行打开该户"))
        self.totals = TotalsModel(self)
        self.footer = FrozenTable(self, name="ledgerTotals", model=self.totals, frozen=FROZEN, select="none",
                                  alternate=False)
        self.footer.set_header_visible(False)
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setFixedHeight(self.footer.verticalHeader().defaultSectionSize() + 2 * self.footer.frameWidth())
        self._size_columns()
        self.message = QLabel(self)
        self.message.setObjectName("ledgerMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        under = QHBoxLayout()  # the 合计 line, as wide as the table's cells (its scroll bar's width left free)
        under.setContentsMargins(0, 0, 0, 0)
        under.setSpacing(0)
        under.addWidget(self.footer, 1)
        self._pad = QWidget(self)
        self._pad.setFixedWidth(0)
        under.addWidget(self._pad)
        layout.addLayout(under)
        layout.addWidget(self.message)

        self._fill_sections()
        self.section.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export())
        self.table.doubleClicked.connect(self._open)
        self.table.horizontalHeader().sectionResized.connect(lambda c, _o, n: self.footer.setColumnWidth(c, n))
        self.table.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        self.table.horizontalScrollBar().rangeChanged.connect(lambda _a, _b: self._line_up())
        self.table.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._line_up())
        ChangeHub.instance().changed.connect(self._changed)

    # --- layout ------------------------------------------------------------------------------------------
    def _size_columns(self) -> None:
        """Widths from the file's (in characters; a CJK glyph counts two), at least the header's."""
        metrics = self.table.fontMetrics()
        char = metrics.averageCharWidth()
        for col, column in enumerate(ledger.COLUMNS):
            header = self.model.headerData(col, Qt.Orientation.Horizontal)
            width = max(int(column.width * char * 0.95) + 12, metrics.horizontalAdvance(header) + 20)
            if column.kind == DATE:  # the longest date the column can show
                width = max(width, metrics.horizontalAdvance(formatting.date(dt.date(2026, 12, 30))) + 16)
            self.table.setColumnWidth(col, width)
            self.footer.setColumnWidth(col, width)

    def _line_up(self) -> None:
        bar = self.table.verticalScrollBar()
        needed = bar.maximum() > bar.minimum()  # (the bar may not be shown yet when its range grows)
        self._pad.setFixedWidth(0 if not needed else bar.width() if bar.isVisible() else bar.sizeHint().width())
        self.footer.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().resizeEvent(event)
        self._line_up()

    # --- filter and data ---------------------------------------------------------------------------------
    def _fill_sections(self) -> None:
        chosen = self.section.currentData()
        names = ledger_view.project_section_names(self.db)
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("全部片区"), None)
        for code in households.sections(self.db):
            name = names.get(code, code)
            self.section.addItem(code if name == code else f"{name}（{code}）", code)
        found = self.section.findData(chosen)
        self.section.setCurrentIndex(max(found, 0))
        self.section.blockSignals(False)

    def current_filter(self) -> LedgerFilter:
        return LedgerFilter(section=self.section.currentData(), status=self.status.currentData())

    def apply_filter(self) -> None:
        """Show the rows of the chosen 片区 and 状态 (keys now, rows as painted, 合计 on the worker)."""
        try:
            self.model.set_filter(self.current_filter())
        except Exception as exc:
            self.message.setText(self.tr("台账未能读取：{error}").format(error=error_text(exc)))
            return
        self._dirty = False
        self._show_count(self.model.rowCount() if self.model.complete else None)
        self._sum()

    def _show_count(self, n: int | None) -> None:
        """共 n 户: known at once when the first page holds them all, else when the 合计 is summed."""
        self.count.setText("" if n is None else self.tr("共 {n} 户").format(n=formatting.count(n)))

    def refresh(self) -> None:
        self._fill_sections()
        self.apply_filter()

    def _sum(self) -> None:
        self.totals.set_totals(None)
        self._totals_job += 1
        job, flt = self._totals_job, self.model.filter

        def done(totals) -> None:  # noqa: ANN001
            if job == self._totals_job:
                self.totals.set_totals(totals)
                self._show_count(totals.households)

        self.runner.run(lambda progress, cancel: ledger_totals(self.db, flt), on_done=done,
                        on_error=self._failed, show_progress=False)

    def totals_ready(self) -> bool:
        return self.totals.totals is not None

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _changed(self, changes: object) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None or touches("households", "agreements", "calculations", "payments", "handovers",
                                      "projects", "building_parts", "project_effects"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _open(self, index) -> None:  # noqa: ANN001
        hid = self.model.household_id(index.row()) if index.isValid() else None
        if hid is not None:
            self.householdRequested.emit(hid)

    # --- export ------------------------------------------------------------------------------------------
    def export(self, path: Path | None = None) -> None:
        """Write exactly the filtered rows (and their 合计) to an .xlsx (asks where unless ``path``)."""
        if path is None:
            name = self.tr("台账-{day}.xlsx").format(day=china_time.today().isoformat())
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出台账"), str(self.folder / name),
                                                    self.tr("Excel 文件 (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.folder = path.parent
        flt = self.model.filter

        def done(summary: LedgerSummary) -> None:
            self.message.setText(self.tr("已导出台账：{n} 户，结算金额合计 {net} → {path}").format(
                n=formatting.count(summary.households), net=formatting.money(summary.net), path=str(summary.path)))

        self.runner.run(lambda progress, cancel: reports.ledger_xlsx(self.db, path, progress=progress, cancel=cancel,
                                                                     flt=flt),
                        on_done=done, on_error=self._failed, label=self.tr("正在导出台账…"))

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("未能完成：{error}").format(error=error_text(exc)))


class _Refused(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(self.tr("只有指挥部管理员可以查看台账。"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


def build(db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    """The 台账 tab of the HQ 项目 page (a refusal for anyone but an HQ administrator)."""
    if Role(actor.role) is not Role.HQ_ADMIN:
        return _Refused(parent)
    return LedgerPage(db, actor, runner, parent)
