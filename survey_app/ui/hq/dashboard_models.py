"""Small table models of the HQ dashboard: progress per section / per worker, money by mode / by item.

A few dozen rows at most (sections, workers, modes, items), so the model holds them; every cell knows
the Scope of the households behind it (``scope_at``) for the click-through. Labels are translated here.
Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from survey_app.core.services.reports.figures import ItemMoney, ModeMoney, Progress, percent
from survey_app.core.services.reports.scope import Scope
from survey_app.ui import formatting, labels

_Index = QModelIndex | QPersistentModelIndex


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self.scope_at(index) is not None:
            return QCoreApplication.translate("HqDashboard", "单击查看这些住户")
        return None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def cell(self, row, column: int) -> str:  # noqa: ANN001
        raise NotImplementedError

    def scope_at(self, index: _Index) -> Scope | None:
        raise NotImplementedError


class ProgressModel(_Table):
    """户数 / 已调查 / 已测算 / 已签约 (with the signed share) per section or per worker."""

    STAGES = ("households", "surveyed", "calculated", "signed")

    def __init__(self, first: str, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.headers = (first, QCoreApplication.translate("HqDashboard", "户数"),
                        QCoreApplication.translate("HqDashboard", "已调查"),
                        QCoreApplication.translate("HqDashboard", "已测算"),
                        QCoreApplication.translate("HqDashboard", "已签约"),
                        QCoreApplication.translate("HqDashboard", "签约率"))

    def cell(self, row: Progress, column: int) -> str:
        if column == 0:
            return row.label
        if column == 5:
            pct = percent(row.signed, row.households)
            return "—" if pct is None else f"{pct}%"
        return formatting.count(getattr(row, self.STAGES[column - 1]))

    def scope_at(self, index: _Index) -> Scope | None:
        if not index.isValid():
            return None
        row: Progress = self.rows[index.row()]
        stage = self.STAGES[index.column() - 1] if 1 <= index.column() <= 4 else "households"
        return row.scope_of("signed" if index.column() == 5 else stage)


class MoneyModel(_Table):
    """Money committed (signed agreements): by mode (户数, 补偿总额, 结算金额) or by item (金额, 户数)."""

    def __init__(self, by_item: bool, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.by_item = by_item
        if by_item:
            self.headers = (QCoreApplication.translate("HqDashboard", "补偿项目"),
                            QCoreApplication.translate("HqDashboard", "金额（元）"),
                            QCoreApplication.translate("HqDashboard", "户数"))
        else:
            self.headers = (QCoreApplication.translate("HqDashboard", "安置方式"),
                            QCoreApplication.translate("HqDashboard", "户数"),
                            QCoreApplication.translate("HqDashboard", "补偿总额（元）"),
                            QCoreApplication.translate("HqDashboard", "结算金额（元）"))

    def cell(self, row: ItemMoney | ModeMoney, column: int) -> str:
        if self.by_item:
            return (row.label, formatting.money(row.amount), formatting.count(row.households))[column]
        return (labels.mode(row.mode) or row.label, formatting.count(row.households), formatting.money(row.total),
                formatting.money(row.net))[column]

    def scope_at(self, index: _Index) -> Scope | None:
        return self.rows[index.row()].scope if index.isValid() else None

