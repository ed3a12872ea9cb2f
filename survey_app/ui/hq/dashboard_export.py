"""导出台账… / 导出月报… of the HQ dashboard: ask where (and which month), write on the TaskRunner.

The file is written by the core (reports.ledger_xlsx / monthly_report_xlsx) atomically, so a cancelled
or failed export leaves no half file under the chosen name. ``finished(text)`` carries the one line the
page shows (done or why not). Tests pass ``path``/``month`` and skip the dialogs.
Threading: GUI thread; the writing runs on the TaskRunner's worker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from survey_app.core.domain import china_time
from survey_app.core.services import Database, reports
from survey_app.core.services.reports.ledger import LedgerSummary
from survey_app.ui import formatting
from survey_app.ui.sync.common import error_text
from survey_app.ui.task_runner import TaskRunner


def recent_months(today: dt.date, count: int = 24) -> list[dt.date]:
    """First days of this month and the ``count - 1`` before it, newest first."""
    out, day = [], today.replace(day=1)
    for _ in range(count):
        out.append(day)
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return out


class Exporter(QObject):
    finished = Signal(str)

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.db, self.runner, self.widget = db, runner, parent
        self.folder = Path.home()

    def _ask_path(self, title: str, name: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.widget, title, str(self.folder / name), self.tr("Excel 文件 (*.xlsx)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.folder = path.parent
        return path

    def export_ledger(self, path: Path | None = None) -> None:
        today = china_time.today()
        path = path or self._ask_path(self.tr("导出台账"), self.tr("台账-{day}.xlsx").format(day=today.isoformat()))
        if path is None:
            return

        def done(summary: LedgerSummary) -> None:
            self.finished.emit(self.tr("已导出台账：{n} 户，结算金额合计 {net} → {path}").format(
                n=formatting.count(summary.households), net=formatting.money(summary.net), path=str(summary.path)))

        self.runner.run(lambda progress, cancel: reports.ledger_xlsx(self.db, path, progress=progress, cancel=cancel),
                        on_done=done, on_error=self._failed, label=self.tr("正在导出台账…"))

    def export_report(self, month: dt.date | None = None, path: Path | None = None) -> None:
        if month is None:
            months = recent_months(china_time.today())
            names = [self.tr("{y}年{m}月").format(y=m.year, m=m.month) for m in months]
            chosen, ok = QInputDialog.getItem(self.widget, self.tr("导出月报"), self.tr("月份"), names, 1, False)
            if not ok:
                return
            month = months[names.index(chosen)]
        path = path or self._ask_path(self.tr("导出月报"), self.tr("月报-{y}-{m:02d}.xlsx").format(y=month.year,
                                                                                               m=month.month))
        if path is None:
            return

        def done(rows: list) -> None:
            self.finished.emit(self.tr("已导出 {y}年{m}月 月报（{n} 个片区）→ {path}").format(
                y=month.year, m=month.month, n=len(rows), path=str(path)))

        self.runner.run(lambda progress, cancel: reports.monthly_report_xlsx(self.db, month, path), on_done=done,
                        on_error=self._failed, label=self.tr("正在导出月报…"), cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        self.finished.emit(self.tr("未能导出：{error}").format(error=error_text(exc)))
