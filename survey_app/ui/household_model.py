"""The household list as a Qt table model: list keys in memory, rows fetched lazily from SQL.

After Anki's browser table: filtering and sorting are done by ``households.search_keys`` in SQL;
the model keeps only int keys and fetches the rows the view actually paints, in blocks of BLOCK
keys, keeping at most MAX_BLOCKS blocks (least recently used dropped). Keys are read a page at a
time: FIRST_PAGE on each search, more through Qt's canFetchMore/fetchMore as the user scrolls
(pages grow, so scrolling to the end of 100k is a handful of queries). A search keystroke thus
never reads all the matches of a common word; the total shown beside the list is counted once,
when asked for (``total()``), not on every keystroke. Nor are the draft/dispute marks: they are read
when the data or a filter other than the words changes (``refresh``, ``refresh_marks``), and a keystroke
that lists the very same households announces nothing. The table paints a cell from ``display()``
(household_table.py's delegate), one call per cell instead of one per role.

The first window's list is read through the light first-screen path (household_source.py) until
``attach(db)`` switches the model to the services, keeping keys, rows on screen and selection.

Threading: GUI thread only. Both queries are short reads on SQLite in WAL mode (never blocked by
a writer on the TaskRunner's thread), and ``data()`` must answer synchronously anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from survey_app.ui import formatting, labels
from survey_app.ui.household_source import FirstScreenSource, ServiceSource
from survey_app.ui.lazy_rows import HouseholdKeysModel, LazyRows

if TYPE_CHECKING:
    from survey_app.core.services import Database
    from survey_app.core.services.first_screen import FirstScreen
    from survey_app.core.services.households import HouseholdFilter

FIELD = "field"  # = field_households.FIELD (that module imports SQLAlchemy: not before the first paint; a test checks)

BLOCK = 32  # a maximised 1366×768 list shows 30 rows: one block fills it (a row costs ~0.1 ms at 100k households)
MAX_BLOCKS = 100
FIRST_PAGE = 300  # keys read per search
NEXT_PAGE = 2_000  # at least this many more per fetchMore

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
_RIGHT_FLAG = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT_FLAG = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

KeyRole = Qt.ItemDataRole.UserRole + 1  # data(index, KeyRole) -> the household's list key (int)
_DISPLAY, _ALIGN, _TOOLTIP, _KEY = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole),
                                    int(Qt.ItemDataRole.ToolTipRole), int(KeyRole))
_ROLE_INTS = frozenset({_DISPLAY, _ALIGN, _TOOLTIP, _KEY})
_NCOLS = len(COLUMNS)
_NUMERIC = frozenset({COL_MEMBERS, COL_AREA})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class HouseholdModel(HouseholdKeysModel):
    """Households matching the current filter, in SQL order. ``refresh()`` re-runs the query."""

    def __init__(self, db: Database | None, parent=None, *, username: str = "",  # noqa: ANN001
                 first_screen: FirstScreen | None = None):
        """``db=None, first_screen=…``: the first window's model, read light until ``attach(db)``."""
        super().__init__(parent)
        self._db = db
        self._source = ServiceSource(db) if db is not None else FirstScreenSource(first_screen)
        self.need_db: Callable[[], None] | None = None  # a first window's: attach now (a query it can't serve)
        self._username = username  # whose unsaved drafts are marked 草稿
        self._drafts: set[str] = set()
        self._disputed: set[str] = set()
        self._marks_read = False
        self._filter: HouseholdFilter | None = None  # None: no filter (made when first asked for: ORM)
        self._sort = "code"
        self._descending = False
        self._column_count = len(COLUMNS)
        self._rows: LazyRows[Any] = LazyRows(self._fetch, block=BLOCK, max_blocks=MAX_BLOCKS)
        self._more = False  # more keys match than are loaded (fetchMore reads the next page)
        self._total: int | None = 0  # how many match; None until counted
        self._shown: dict[int, tuple[str, ...]] = {}  # list key -> the row's display strings, made once
        self._announcing = False
        self._headers = [QCoreApplication.translate("HouseholdModel", c[0]) for c in COLUMNS]

    def attach(self, db: Database) -> None:
        """Switch from the first screen's read to the services on ``db``. Nothing visible changes: the keys
        and marks are the same, the rows read light are dropped and read again as they are painted."""
        self._db = db
        self._source = ServiceSource(db)
        self._rows.reset(list(self._rows.keys))  # (rows of the services' type from now on)

    @property
    def attached(self) -> bool:
        return self._db is not None

    def _ensure_db(self) -> None:
        # Input that came before the first window's database (a search typed before its first paint) is
        # answered by the services: the window attaches now instead of after the paint.
        if self._db is None and self.need_db is not None:
            self.need_db()

    def _fetch(self, keys: list[int]) -> dict[int, Any]:
        # The origin (新增) rides along with each row: no query over the whole project for a mark.
        rows = self._source.fetch_rows(keys)
        for k in keys:
            self._shown.pop(k, None)
        return rows

    # --- query -----------------------------------------------------------------------------------------

    @property
    def current_filter(self) -> HouseholdFilter:
        if self._filter is None:
            from survey_app.core.services.households import HouseholdFilter  # the ORM: after the first paint

            self._filter = HouseholdFilter()
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: HouseholdFilter) -> None:
        self._ensure_db()
        current = self.current_filter
        if flt != current:
            typed = replace(flt, text=current.text) == current  # only the search words changed
            self._filter = flt
            if not typed:
                self._read_marks()
            self._requery(FIRST_PAGE, keep_same=typed)  # (marks read again: the rows' texts are made again)

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self.current_filter, text=text.strip()))

    def set_status(self, status: str | None) -> None:
        self.set_filter(replace(self.current_filter, status=status or None))

    def refresh(self) -> None:
        """Re-run the search after data changed underneath: as many rows as were loaded stay loaded, so a
        household the user scrolled down to is still found and stays selected."""
        self._read_marks()
        self._requery(max(FIRST_PAGE, len(self._rows)))

    def refresh_marks(self) -> None:
        """Re-read which households have drafts or disputes (saving a draft publishes no change) and
        repaint the status column when they changed; the keys and rows stay."""
        before = (self._drafts, self._disputed)
        self._read_marks()
        if (self._drafts, self._disputed) == before:
            return
        self._shown.clear()
        if self._rows.keys:
            self.dataChanged.emit(self.index(0, COL_STATUS), self.index(len(self._rows) - 1, COL_STATUS))

    def _read_marks(self) -> None:
        # A handful of rows in local tables, re-read when the data changed (refresh) or the filter did —
        # not on every search keystroke.
        self._drafts = self._source.draft_ids(self._username) if self._username else set()
        self._disputed = self._source.disputed_ids()  # HQ: open 测算不一致 (a few rows; none on a laptop)
        self._marks_read = True

    def _requery(self, want: int, *, keep_same: bool = False) -> None:
        keys = self._source.search_keys(self._filter, self._sort, self._descending, limit=want + 1)
        more = len(keys) > want
        del keys[want:]
        if keep_same and not more and not self._more and keys == self._rows.keys:
            # Another letter of a code or ID number that lists the very same households: nothing to
            # announce (the rows, the selection and the detail stay; the count is the same).
            return
        self._more = more
        self._total = None if self._more else len(keys)
        if not self._marks_read:
            self._read_marks()
        self._announcing = True  # views and testers may ask for more rows while a change is announced
        try:
            self.beginResetModel()
            self._rows.reset(keys)
            self._shown.clear()
            self.endResetModel()
        finally:
            self._announcing = False

    def total(self) -> int:
        """How many households match (one count query when the list is not fully loaded; then cached)."""
        if self._total is None:
            self._ensure_db()
            self._total = self._source.count_matching(self._filter)
        return self._total

    def total_known(self) -> bool:
        return self._total is not None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        """The view scrolled near the end of what is loaded: the next page (growing, so few round trips)."""
        if parent.isValid() or not self._more or self._announcing:
            return  # (not while a reset is being announced: rows inserted then would be lost on the way)
        self._ensure_db()
        have = len(self._rows)
        page = max(NEXT_PAGE, have)
        keys = self._source.search_keys(self._filter, self._sort, self._descending, offset=have, limit=page + 1)
        self._more = len(keys) > page
        del keys[page:]
        if keys:
            self._announcing = True  # no nested fetchMore from a handler of the insertion's signals
            try:
                self.beginInsertRows(QModelIndex(), have, have + len(keys) - 1)
                self._rows.extend(keys)
                self.endInsertRows()
            finally:
                self._announcing = False

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
        self._ensure_db()
        self._sort, self._descending = key, desc
        # A reset, not layoutChanged: mapping persistent indexes over 100k rows costs more than the
        # window restoring its one selected household by key afterwards.
        self._requery(FIRST_PAGE)

    # --- keys ------------------------------------------------------------------------------------------

    # --- Qt model -----------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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
        # Asked for every visible cell on every paint (~500 calls a keystroke): constants, no enum arithmetic.
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called for every role of every visible cell on each paint (~1,700 calls a keystroke): roles as
        # plain ints, the display strings of a row made once and kept until the rows are read again.
        role = int(role)
        if role not in _ROLE_INTS or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < _NCOLS):
            return None
        if role == _DISPLAY:
            texts = self._texts(row)
            return texts[col] if texts is not None else ""
        if role == _ALIGN:
            return _RIGHT if col in _NUMERIC else _LEFT
        if role == _KEY:
            return self._rows.keys[row]
        if role == _TOOLTIP and col == COL_STATUS:
            r = self.row_data(row)
            return marks_tooltip(r.id in self._drafts, r.origin,
                                 r.id in self._disputed) if r is not None else None
        return None

    def display(self, row: int, col: int) -> str:
        """The text of one cell, for the table's delegate (one call per painted cell instead of a data()
        call for each of the ~8 roles Qt's delegate asks about)."""
        texts = self._texts(row) if 0 <= row < len(self._rows) else None
        return texts[col] if texts is not None and 0 <= col < _NCOLS else ""

    @staticmethod
    def alignment(col: int) -> Qt.AlignmentFlag:
        return _RIGHT_FLAG if col in _NUMERIC else _LEFT_FLAG

    def _texts(self, row: int) -> tuple[str, ...] | None:
        r = self.row_data(row)
        if r is None:
            return None
        texts = self._shown.get(r.key)
        if texts is None:
            texts = tuple(
                status_text(r.status, r.id in self._drafts, r.origin,
                            r.id in self._disputed) if col == COL_STATUS
                else formatting.area_grouped(r.total_area) if col == COL_AREA
                else str(r.member_count) if col == COL_MEMBERS
                else getattr(r, attr)
                for col, (_h, attr, _s) in enumerate(COLUMNS))
            self._shown[r.key] = texts
        return texts


def status_text(status: str, draft: bool, origin: str, disputed: bool = False) -> str:
    """The status cell: "待调查 · 草稿 · 新增" — the marks a worker must not miss in the list."""
    parts = [labels.status(status)]
    if disputed:
        parts.append(QCoreApplication.translate("HouseholdModel", "测算不一致"))
    if draft:
        parts.append(QCoreApplication.translate("HouseholdModel", "草稿"))
    if origin == FIELD:
        parts.append(labels.origin(origin))
    return " · ".join(parts)


def marks_tooltip(draft: bool, origin: str, disputed: bool = False) -> str | None:
    tips = []
    if disputed:
        tips.append(QCoreApplication.translate("HouseholdModel", "测算不一致：指挥部按调查记录重算的结果与设备的测算不同，待核实"))
    if draft:
        tips.append(QCoreApplication.translate("HouseholdModel", "有未保存的草稿：打开编辑可继续"))
    if origin == FIELD:
        tips.append(QCoreApplication.translate("HouseholdModel", "新增住户：名册外现场发现，待指挥部确认"))
    return "\n".join(tips) or None
