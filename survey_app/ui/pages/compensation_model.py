"""The compensation options side by side as a small table model: one column per option, one row per line.

Columns: 0 is the row label (项目), then one per stored option in the engine's order (cash, each
exchange flat, voucher). Rows: the item lines aligned across options by (item code, label) — an
option without the line shows a blank — then the flat-price lines, the exchange entitlement area
and voucher face value when present; then the summary rows (FOOTER_ROWS): 补偿合计, 安置房款合计
(when any option has a flat), the net with its direction (应付被征收人 / 被征收人应缴), the amount
in words, and the choose row (the page puts a 选择此方案 button in each cell). A handful of rows and ≤ ~6 columns: a plain
QAbstractTableModel over a list, no lazy fetching needed.

Formula text: every cell carries its line's formula as its tooltip and, in 明细 mode, as a second
line of its text (``SubTextRole`` holds it alone, for tests and documents). When every option with
a line has the same formula (the house value is the same whichever option is chosen) it is shown
once under the row label instead of repeated in each column — that is what makes 6 options fit
1366 px. Cells are painted by Qt's C++ delegate (see compensation_view.py for why).

Line labels and formulas come from the policy (Chinese, data not UI text) and are shown as stored.
Threading: GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from survey_app.core.compensation.calculation import SECTION_FLAT, Calculation, Line
from survey_app.core.domain.money import format_yuan
from survey_app.core.services.calculations import StoredOption
from survey_app.ui import formatting, labels

SubTextRole = Qt.ItemDataRole.UserRole + 1  # the second line of the cell's text alone (formula, direction)
RowKindRole = Qt.ItemDataRole.UserRole + 3  # one of the ROW_* kinds below

ROW_CHOOSE, ROW_LINE, ROW_TOTAL, ROW_FLAT_LINE, ROW_FLAT_TOTAL, ROW_NET, ROW_UPPER, ROW_ENTITLEMENT, ROW_VOUCHER = (
    "choose", "line", "total", "flat_line", "flat_total", "net", "upper", "entitlement", "voucher")
FOOTER_ROWS = frozenset({ROW_TOTAL, ROW_FLAT_TOTAL, ROW_NET, ROW_UPPER, ROW_CHOOSE})
_BOLD_ROWS = frozenset({ROW_TOTAL, ROW_FLAT_TOTAL, ROW_NET})
_SUMMARY_ROWS = frozenset({ROW_TOTAL, ROW_FLAT_TOTAL, ROW_UPPER, ROW_ENTITLEMENT, ROW_VOUCHER})
_MAIN_ROLE = Qt.ItemDataRole.UserRole + 9  # internal: the first line alone
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)

PAY_COLOR = QColor("#1d6b2f")  # money to the household
RECEIVE_COLOR = QColor("#a33a12")  # the household pays
NEGATIVE_COLOR = QColor("#8a2b10")
STALE_COLOR = QColor("#8b949c")
CHOSEN_BACKGROUND = QColor("#e3f4e6")
SUMMARY_BACKGROUND = QColor("#f2f5f8")
NET_BACKGROUND = QColor("#e8f0f8")


_BOLD: list[QFont] = []


def _bold() -> QFont:
    """One bold font made once: ``data()`` runs on every paint, and QFont.setBold — a void call —
    drops a reference to None under PySide6 6.12 / Python 3.11 (see compensation_view.py)."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


@dataclass(frozen=True)
class _Row:
    kind: str
    key: tuple[str, str] = ("", "")  # (item code, label) of a line row
    label: str = ""


def merged_order(sequences: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """Union of the options' line keys keeping each option's order: a key one option lacks is
    inserted after the key that precedes it in the option that has it (so 货币补偿奖励 stays
    between the lines it sits between in the cash option)."""
    order: list[tuple[str, str]] = []
    for seq in sequences:
        previous = None
        for key in seq:
            if key not in order:
                order.insert(order.index(previous) + 1 if previous is not None else 0, key)
            previous = key
    return order


class CompensationModel(QAbstractTableModel):
    """Options of one household. ``set_options(options, chosen)``; ``set_detailed`` shows formulas."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._options: list[StoredOption] = []
        self._rows: list[_Row] = []
        self._lines: list[dict[tuple[str, str], Line]] = []  # per option: key → line
        self._common: dict[tuple[str, str], str] = {}  # key → the formula every option shares
        self._chosen = ""
        self._detailed = False
        # (row, column, role) → value: Qt's delegate asks ~10 roles per cell for every row-height
        # measurement and every repaint; the answers only change with the setters below.
        self._cache: dict[tuple[int, int, int], object] = {}

    # --- content -----------------------------------------------------------------------------------------

    def set_options(self, options: list[StoredOption], chosen: str = "") -> None:
        self.beginResetModel()
        self._cache.clear()
        self._options = list(options)
        self._chosen = chosen or ""
        self._lines = [{(ln.code, ln.label): ln for ln in o.result.lines} for o in self._options]
        items = merged_order([[(ln.code, ln.label) for ln in o.result.lines if ln.section != SECTION_FLAT]
                              for o in self._options])
        flats = merged_order([[(ln.code, ln.label) for ln in o.result.lines if ln.section == SECTION_FLAT]
                              for o in self._options])
        self._common = {}
        for key in items + flats:
            formulas = {lines[key].formula for lines in self._lines if key in lines}
            present = sum(1 for lines in self._lines if key in lines)
            if len(formulas) == 1 and present > 1:
                self._common[key] = formulas.pop()
        # Detail lines first, summary rows last: the page pins the summary rows (FOOTER_ROWS) under
        # the scrolling lines, so the totals, the net and the choose buttons are always on screen.
        rows = [_Row(ROW_LINE, k, k[1]) for k in items]
        rows += [_Row(ROW_FLAT_LINE, k, k[1]) for k in flats]
        if any(o.result.entitlement is not None for o in self._options):
            rows.append(_Row(ROW_ENTITLEMENT, label=self.tr("应安置面积")))
        if any(o.result.voucher is not None for o in self._options):
            rows.append(_Row(ROW_VOUCHER, label=self.tr("房票面额")))
        if self._options:
            rows.append(_Row(ROW_TOTAL, label=self.tr("补偿合计")))
        if flats:
            rows.append(_Row(ROW_FLAT_TOTAL, label=self.tr("安置房款合计")))
        if self._options:
            rows.append(_Row(ROW_NET, label=self.tr("结算净额")))
            rows.append(_Row(ROW_UPPER, label=self.tr("大写")))
            rows.append(_Row(ROW_CHOOSE, label=self.tr("选择方案")))
        self._rows = rows
        self.endResetModel()

    def set_chosen(self, option_key: str) -> None:
        self._chosen = option_key or ""
        self._cache.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, len(self._options)))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self._options))

    def set_detailed(self, on: bool) -> None:
        """明细 mode: formulas drawn under the amounts (rows grow); off, formulas only as tooltips."""
        if on != self._detailed:
            self._detailed = on
            self._cache.clear()
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._options)))

    @property
    def detailed(self) -> bool:
        return self._detailed

    @property
    def chosen(self) -> str:
        return self._chosen

    @property
    def options(self) -> list[StoredOption]:
        return list(self._options)

    def option_at(self, column: int) -> StoredOption | None:
        return self._options[column - 1] if 1 <= column <= len(self._options) else None

    def column_of(self, option_key: str) -> int:
        for i, o in enumerate(self._options, 1):
            if o.option_key == option_key:
                return i
        return -1

    def row_kind(self, row: int) -> str:
        return self._rows[row].kind if 0 <= row < len(self._rows) else ""

    def row_of(self, kind: str, label: str = "") -> int:
        for i, r in enumerate(self._rows):
            if r.kind == kind and (not label or r.label == label):
                return i
        return -1

    @property
    def stale(self) -> bool:
        return any(o.status != "current" for o in self._options)

    def option_title(self, option: StoredOption) -> str:
        r = option.result
        return labels.mode(r.mode) + ("\n" + r.flat_label if r.flat_label else "")

    # --- QAbstractTableModel -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (1 + len(self._options) if self._options else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("项目（金额：元）")
            option = self._options[section - 1]
            title = self.option_title(option)
            return title if "\n" in title else title + "\n "  # every header two lines: the columns line up
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == 0 else _CENTER
        if role == Qt.ItemDataRole.FontRole and section > 0:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self._options[section - 1].option_key
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        key = (index.row(), index.column(), int(role))
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = self._data(*key) if index.isValid() else None
        self._cache[key] = value
        return value

    def _data(self, row: int, col: int, role: int) -> object:
        if not (0 <= row < len(self._rows) and 0 <= col <= len(self._options)):
            return None
        spec = self._rows[row]
        if role == RowKindRole:
            return spec.kind
        if role == Qt.ItemDataRole.DisplayRole:
            # Amount (or label) and, below it, the formula / direction: one text for Qt's delegate.
            main, sub = self._data(row, col, _MAIN_ROLE), self._data(row, col, SubTextRole)
            return f"{main or ''}\n{sub}" if sub else main
        if role == _MAIN_ROLE:
            role = Qt.ItemDataRole.DisplayRole
        if col == 0:
            return self._label_data(spec, role)
        option = self._options[col - 1]
        if role == Qt.ItemDataRole.BackgroundRole:
            if option.option_key == self._chosen:
                return QBrush(CHOSEN_BACKGROUND)
            return self._row_background(spec)
        if role == Qt.ItemDataRole.FontRole and spec.kind in _BOLD_ROWS:
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if spec.kind == ROW_UPPER else _CENTER if spec.kind == ROW_CHOOSE else _RIGHT
        return self._cell_data(spec, option, col - 1, role)

    def _row_background(self, spec: _Row):  # noqa: ANN202
        if spec.kind == ROW_NET:
            return QBrush(NET_BACKGROUND)
        if spec.kind in _SUMMARY_ROWS:
            return QBrush(SUMMARY_BACKGROUND)
        return None

    def _label_data(self, spec: _Row, role: int):  # noqa: ANN202
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.label
        if role == SubTextRole:
            return self._common.get(spec.key) if self._detailed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            formula = self._common.get(spec.key)
            return f"{spec.label}\n{formula}" if formula else spec.label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == Qt.ItemDataRole.FontRole and spec.kind in _BOLD_ROWS:
            return _bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._row_background(spec)
        return None

    def _cell_data(self, spec: _Row, option: StoredOption, i: int, role: int):  # noqa: ANN202
        r: Calculation = option.result
        if spec.kind in (ROW_LINE, ROW_FLAT_LINE):
            line = self._lines[i].get(spec.key)
            if line is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return format_yuan(line.amount)
            if role == SubTextRole:
                return line.formula if self._detailed and spec.key not in self._common else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return line.formula
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._pen(option, line.amount)
            return None
        if spec.kind == ROW_NET:
            if role == Qt.ItemDataRole.DisplayRole:
                return format_yuan(abs(r.net))
            if role == SubTextRole:
                return self.tr("应付被征收人") if r.net_direction == "pay" else self.tr("被征收人应缴")
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._pen(option, Decimal(0)) or QBrush(PAY_COLOR if r.net_direction == "pay" else RECEIVE_COLOR)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            amount = {ROW_TOTAL: r.total, ROW_FLAT_TOTAL: r.flat_total}.get(spec.kind, Decimal(0))
            return self._pen(option, amount)
        if spec.kind == ROW_TOTAL:
            return format_yuan(r.total) if role == Qt.ItemDataRole.DisplayRole else None
        if spec.kind == ROW_FLAT_TOTAL:
            return format_yuan(r.flat_total) if role == Qt.ItemDataRole.DisplayRole and r.flat_total else None
        if spec.kind == ROW_UPPER:
            return r.upper if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None
        if spec.kind == ROW_ENTITLEMENT:
            if r.entitlement is None:
                return None
            return f"{formatting.area(r.entitlement)} m²" if role == Qt.ItemDataRole.DisplayRole else None
        if spec.kind == ROW_VOUCHER:
            v = r.voucher
            if v is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return format_yuan(v.face_amount)
            if role in (SubTextRole, Qt.ItemDataRole.ToolTipRole):
                text = self.tr("另付现金 {cash} 元；奖励 {pct}%；有效期 {months} 个月").format(
                    cash=format_yuan(v.cash_amount), pct=v.bonus_pct, months=v.valid_months)
                return text if role == Qt.ItemDataRole.ToolTipRole or self._detailed else None
            return None
        return None

    def _pen(self, option: StoredOption, amount: Decimal):  # noqa: ANN202
        if option.status != "current":
            return QBrush(STALE_COLOR)
        return QBrush(NEGATIVE_COLOR) if amount < 0 else None
