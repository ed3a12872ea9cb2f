"""The 台账 preview's models: the ledger's rows fetched a block at a time, and its one-row 合计.

After Anki's browser table (ui/lazy_rows.py): a filter reads only the households' list keys in 户号 order
(reports.ledger_view.ledger_keys) — a first page of them, more as the user scrolls, as the 住户 list does; the
rows the view paints are read a block of keys at a time by the ledger's own query (ledger_rows_for), so each
cell shows exactly what the exported file holds.
Cells are written as Chinese documents write them: money ``1,234,567.89`` (the header says 元), areas
``58.32``, dates ``2023年7月1日``; numbers right-aligned.
Threading: GUI thread only (short reads; the 合计 is summed on the TaskRunner by the page).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from survey_app.core.domain.money import format_area, format_yuan
from survey_app.core.services import Database
from survey_app.core.services.reports import ledger
from survey_app.core.services.reports.ledger import LedgerFilter, LedgerLabels
from survey_app.core.services.reports.ledger_view import LedgerRow, LedgerTotals, ledger_keys, ledger_rows_for
from survey_app.core.services.reports.xlsx_writer import AREA, DATE, MONEY
from survey_app.ui import formatting
from survey_app.ui.lazy_rows import HouseholdKeysModel, LazyRows

BLOCK = 64  # rows read at a time (a 1366×768 window shows ~20)
MAX_BLOCKS = 50
FIRST_PAGE = 300  # keys read per filter; more through canFetchMore/fetchMore as the user scrolls
NEXT_PAGE = 2_000  # at least this many more per fetchMore (pages grow: the end of 100k is a few reads)
HEADERS = (  # the file's headers (reports/ledger.py COLUMNS), marked for translation
    QT_TRANSLATE_NOOP("LedgerModel", "户号"), QT_TRANSLATE_NOOP("LedgerModel", "户主"),
    QT_TRANSLATE_NOOP("LedgerModel", "片区"), QT_TRANSLATE_NOOP("LedgerModel", "调查员"),
    QT_TRANSLATE_NOOP("LedgerModel", "状态"), QT_TRANSLATE_NOOP("LedgerModel", "调查日期"),
    QT_TRANSLATE_NOOP("LedgerModel", "建筑面积(m²)"), QT_TRANSLATE_NOOP("LedgerModel", "测算日期"),
    QT_TRANSLATE_NOOP("LedgerModel", "安置方式"), QT_TRANSLATE_NOOP("LedgerModel", "选定方案"),
    QT_TRANSLATE_NOOP("LedgerModel", "补偿总额(元)"), QT_TRANSLATE_NOOP("LedgerModel", "结算金额(元)"),
    QT_TRANSLATE_NOOP("LedgerModel", "协议编号"), QT_TRANSLATE_NOOP("LedgerModel", "协议状态"),
    QT_TRANSLATE_NOOP("LedgerModel", "签约日期"), QT_TRANSLATE_NOOP("LedgerModel", "已付金额(元)"),
    QT_TRANSLATE_NOOP("LedgerModel", "末次付款日期"), QT_TRANSLATE_NOOP("LedgerModel", "交房日期"),
    QT_TRANSLATE_NOOP("LedgerModel", "签约率奖(元)"), QT_TRANSLATE_NOOP("LedgerModel", "早搬迁奖(元)"),
    QT_TRANSLATE_NOOP("LedgerModel", "协议生效"),
)
KINDS = tuple(c.kind for c in ledger.COLUMNS)
NUMERIC = frozenset(i for i, k in enumerate(KINDS) if k in (MONEY, AREA))
IdRole = Qt.ItemDataRole.UserRole + 1  # data(index, IdRole) -> the household's id (hex)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def cell_text(col: int, value: object) -> str:
    """One cell of the 台账 as the preview writes it."""
    if value is None or value == "":
        return ""
    kind = KINDS[col]
    if kind == MONEY and isinstance(value, Decimal):
        return format_yuan(value)
    if kind == AREA and isinstance(value, Decimal):
        return format_area(value)
    if kind == DATE and isinstance(value, dt.date):
        return formatting.date(value)
    return str(value)


def _headers() -> list[str]:
    return [QCoreApplication.translate("LedgerModel", h) for h in HEADERS]


class LedgerModel(HouseholdKeysModel):
    """The 台账 rows of the current filter, in 户号 order. ``set_filter`` / ``refresh`` re-read the keys."""

    def __init__(self, db: Database, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._db = db
        self._labels: LedgerLabels | None = None
        self.filter = LedgerFilter()
        self._column_count = len(HEADERS)
        self._rows: LazyRows[LedgerRow] = LazyRows(self._fetch, block=BLOCK, max_blocks=MAX_BLOCKS)
        self._more = False  # more keys match than are loaded
        self._headers = _headers()

    def _fetch(self, keys: list[int]) -> dict[int, LedgerRow]:
        if self._labels is None:
            self._labels = LedgerLabels(self._db)
        return ledger_rows_for(self._db, keys, self._labels)

    def set_filter(self, flt: LedgerFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Read the keys again (data changed or the filter did): as many as were loaded, at least a first page;
        rows are read again as they are painted."""
        want = max(FIRST_PAGE, len(self._rows))
        keys = ledger_keys(self._db, self.filter, limit=want + 1)
        self.beginResetModel()
        self._labels = None  # names of sections, workers and options may have changed too
        self._more = len(keys) > want
        self._rows.reset(keys[:want])
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """Every key of the filter is loaded (rowCount() is then the number of households)."""
        return not self._more

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        loaded = len(self._rows)
        want = max(NEXT_PAGE, loaded)
        keys = ledger_keys(self._db, self.filter, offset=loaded, limit=want + 1)
        self._more = len(keys) > want
        keys = keys[:want]
        if keys:
            self.beginInsertRows(QModelIndex(), loaded, loaded + len(keys) - 1)
            self._rows.extend(keys)
            self.endInsertRows()

    def household_id(self, row: int) -> str | None:
        found = self.row_data(row)
        return found.id if found is not None else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in NUMERIC else _LEFT
        if role not in (Qt.ItemDataRole.DisplayRole, IdRole):
            return None
        found = self.row_data(index.row())
        if found is None:
            return None
        if role == IdRole:
            return found.id
        return cell_text(col, found.cells[col])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in NUMERIC else _LEFT
        return None


class TotalsModel(QAbstractTableModel):
    """The 合计 line under the table: households, area, 补偿总额, 结算金额, 已付金额 of the filter (bold)."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.totals: LedgerTotals | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_totals(self, totals: LedgerTotals | None) -> None:
        self.totals = totals
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def text(self, col: int) -> str:
        t = self.totals
        if col == 0:
            if t is None:
                return QCoreApplication.translate("LedgerModel", "合计（计算中…）")
            return QCoreApplication.translate("LedgerModel", "合计（{n} 户）").format(n=formatting.count(t.households))
        if t is None:
            return ""
        values = {ledger.AREA_COL: t.area, ledger.TOTAL_COL: t.total, ledger.NET_COL: t.net, ledger.PAID_COL: t.paid}
        if col == ledger.AREA_COL:
            return format_yuan(t.area)  # a total reads better grouped: 1,258.32
        return cell_text(col, values[col]) if col in values else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.column())
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in NUMERIC else _LEFT
        return None
