"""The review queue as a Qt table model: households waiting for review (已调查), keys in memory, rows lazily.

Same scheme as the household list (household_model.py): ``households.search_keys`` returns the
list keys of the queue in SQL order — oldest change first, so the supervisor works down the
queue in the order surveys came in — and ``households.fetch_rows`` fetches the rows the view
paints, in blocks of BLOCK keys (at most MAX_BLOCKS kept). Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from survey_app.core.services import Database, households
from survey_app.core.services.households import HouseholdFilter, HouseholdRow
from survey_app.ui import formatting
from survey_app.ui.lazy_rows import HouseholdKeysModel, LazyRows

BLOCK = 100
MAX_BLOCKS = 8
QUEUE_STATUS = "surveyed"

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ReviewQueueModel", "户号"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "户主"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "地块"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "地址"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "面积 m²"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "提交时间"),
)
COL_CODE, COL_NAME, COL_SECTION, COL_ADDRESS, COL_AREA, COL_UPDATED = range(len(COLUMNS))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
KeyRole = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, KeyRole})


class ReviewQueueModel(HouseholdKeysModel):
    """Surveyed households, oldest change first; ``set_section`` narrows to one 地块."""

    def __init__(self, db: Database, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._db = db
        self._section: str | None = None
        self._column_count = len(COLUMNS)
        self._rows: LazyRows[HouseholdRow] = LazyRows(lambda keys: households.fetch_rows(self._db, keys),
                                                      block=BLOCK, max_blocks=MAX_BLOCKS)
        self._headers = [QCoreApplication.translate("ReviewQueueModel", c) for c in COLUMNS]

    def set_section(self, section: str | None) -> None:
        if section != self._section:
            self._section = section
            self.refresh()

    def refresh(self) -> None:
        flt = HouseholdFilter(status=QUEUE_STATUS, section=self._section)
        keys = households.search_keys(self._db, flt, sort="updated")
        self.beginResetModel()
        self._rows.reset(keys)
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section == COL_AREA else _LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        if role == KeyRole:
            return self._rows.keys[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == COL_AREA else _LEFT
        r = self.row_data(row)
        if r is None:
            return ""
        if col == COL_CODE:
            return r.household_code
        if col == COL_NAME:
            return r.head_name
        if col == COL_SECTION:
            return r.section
        if col == COL_ADDRESS:
            return r.address
        if col == COL_AREA:
            return formatting.area_grouped(r.total_area)
        return formatting.datetime_local(r.updated_at)
