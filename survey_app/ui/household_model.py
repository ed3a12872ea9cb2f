"""The household list as a Qt table model: list keys in memory, rows fetched lazily from SQL.

After Anki's browser table: filtering and sorting are done by ``households.search_keys`` in SQL
(one query per filter change, ~25 ms over 100k households); the model keeps only the int keys
and fetches the rows the view actually paints, in blocks of BLOCK keys, keeping at most
MAX_BLOCKS blocks (least recently used dropped). 100k households cost ~1 MB of keys here and no
per-row Python work beyond the rows on screen.

Threading: GUI thread only. Both queries are short reads on SQLite in WAL mode (never blocked by
a writer on the TaskRunner's thread), and ``data()`` must answer synchronously anyway.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)

from survey_app.core.services import field_households, household_stage, households
from survey_app.core.services.households import HouseholdFilter, HouseholdRow
from survey_app.core.storage.database import Database
from survey_app.ui import formatting, labels
from survey_app.ui.lazy_rows import HouseholdKeysModel, LazyRows

BLOCK = 200
MAX_BLOCKS = 16

# (header source text, HouseholdRow attribute, SQL sort key or None when the column can't be sorted)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("HouseholdModel", "户号"), "household_code", "code"),
    (QT_TRANSLATE_NOOP("HouseholdModel", "户主"), "head_name", "name"),
    (QT_TRANSLATE_NOOP("HouseholdModel", "状态"), "status", "status"),
    (QT_TRANSLATE_NOOP("HouseholdModel", "地块"), "section", "section"),
    (QT_TRANSLATE_NOOP("HouseholdModel", "地址"), "address", "address"),
    (QT_TRANSLATE_NOOP("HouseholdModel", "人口"), "member_count", None),
    (QT_TRANSLATE_NOOP("HouseholdModel", "建筑面积 m²"), "total_area", None),
    (QT_TRANSLATE_NOOP("HouseholdModel", "电话"), "phone", None),
)
COL_CODE, COL_NAME, COL_STATUS, COL_SECTION, COL_ADDRESS, COL_MEMBERS, COL_AREA, COL_PHONE = range(len(COLUMNS))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

KeyRole = Qt.ItemDataRole.UserRole + 1  # data(index, KeyRole) -> the household's list key (int)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, KeyRole,
                    Qt.ItemDataRole.ToolTipRole})


class HouseholdModel(HouseholdKeysModel):
    """Households matching the current filter, in SQL order. ``refresh()`` re-runs the query."""

    def __init__(self, db: Database, parent=None, *, username: str = ""):  # noqa: ANN001
        super().__init__(parent)
        self._db = db
        self._username = username  # whose unsaved drafts are marked 草稿
        self._drafts: set[str] = set()
        self._origins: dict[int, str] = {}  # list key -> "field" | "confirmed", filled block by block
        self._filter = HouseholdFilter()
        self._sort = "code"
        self._descending = False
        self._column_count = len(COLUMNS)
        self._rows: LazyRows[HouseholdRow] = LazyRows(self._fetch, block=BLOCK, max_blocks=MAX_BLOCKS)
        self._headers = [QCoreApplication.translate("HouseholdModel", c[0]) for c in COLUMNS]

    def _fetch(self, keys: list[int]) -> dict[int, HouseholdRow]:
        # The origin (新增) rides along with each block: no query over the whole project for a mark.
        rows = households.fetch_rows(self._db, keys)
        for k in keys:
            self._origins.pop(k, None)
        self._origins.update(field_households.origins_by_key(self._db, list(keys)))
        return rows

    # --- query -----------------------------------------------------------------------------------------

    @property
    def current_filter(self) -> HouseholdFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: HouseholdFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self._filter, text=text.strip()))

    def set_status(self, status: str | None) -> None:
        self.set_filter(replace(self._filter, status=status or None))

    def refresh(self) -> None:
        """Re-run the search (filter/sort changed, or data changed underneath)."""
        keys = households.search_keys(self._db, self._filter, sort=self._sort, descending=self._descending)
        # A handful of rows in a local table: cheap enough to re-read on every search.
        self._drafts = household_stage.draft_ids(self._db, self._username) if self._username else set()
        self.beginResetModel()
        self._rows.reset(keys)
        self.endResetModel()

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL. Columns without an SQL sort key are ignored (the view keeps the old order)."""
        if not self.sortable(column):
            return
        key, desc = COLUMNS[column][2], order == Qt.SortOrder.DescendingOrder
        if (key, desc) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, desc
        # A reset, not layoutChanged: mapping persistent indexes over 100k rows costs more than the
        # window restoring its one selected household by key afterwards.
        self.refresh()

    # --- keys ------------------------------------------------------------------------------------------

    # --- Qt model -----------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in (COL_MEMBERS, COL_AREA) else _LEFT
            if role == Qt.ItemDataRole.ToolTipRole and not self.sortable(section):
                return QCoreApplication.translate("HouseholdModel", "此列不能排序")
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Called for every role of every visible cell on each paint: leave early for roles not served.
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            r = self.row_data(row)
            if r is None:
                return ""
            if col == COL_STATUS:
                return status_text(r.status, r.id in self._drafts, self._origins.get(r.key, ""))
            if col == COL_AREA:
                return formatting.area_grouped(r.total_area)
            if col == COL_MEMBERS:
                return str(r.member_count)
            return getattr(r, COLUMNS[col][1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in (COL_MEMBERS, COL_AREA) else _LEFT
        if role == KeyRole:
            return self._rows.keys[row]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATUS:
            r = self.row_data(row)
            return marks_tooltip(r.id in self._drafts, self._origins.get(r.key, "")) if r is not None else None
        return None


def status_text(status: str, draft: bool, origin: str) -> str:
    """The status cell: "待调查 · 草稿 · 新增" — the marks a worker must not miss in the list."""
    parts = [labels.status(status)]
    if draft:
        parts.append(QCoreApplication.translate("HouseholdModel", "草稿"))
    if origin == field_households.FIELD:
        parts.append(labels.origin(origin))
    return " · ".join(parts)


def marks_tooltip(draft: bool, origin: str) -> str | None:
    tips = []
    if draft:
        tips.append(QCoreApplication.translate("HouseholdModel", "有未保存的草稿：打开编辑可继续"))
    if origin == field_households.FIELD:
        tips.append(QCoreApplication.translate("HouseholdModel", "新增住户：名册外现场发现，待指挥部确认"))
    return "\n".join(tips) or None
