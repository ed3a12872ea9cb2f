"""List keys with their rows fetched lazily in blocks — the engine of every big list model.

After Anki's browser table: a filter/sort returns only keys (SQL does the work); a model asks for
the rows the view paints, fetched ``block`` keys at a time, keeping at most ``max_blocks`` blocks
(least recently used dropped). 100k households cost ~1 MB of keys and a few hundred rows.
Threading: GUI thread only (reads go straight to SQLite; WAL readers never wait for a writer).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Row = TypeVar("Row")


class LazyRows(Generic[Row]):
    def __init__(self, fetch: Callable[[Sequence[int]], dict[int, Row]], *, block: int = 200,
                 max_blocks: int = 16):
        self._fetch = fetch
        self._block = block
        self._max_blocks = max_blocks
        self.keys: list[int] = []
        self._blocks: OrderedDict[int, dict[int, Row]] = OrderedDict()

    def reset(self, keys: list[int]) -> None:
        self.keys = keys
        self._blocks.clear()

    def extend(self, keys: list[int]) -> None:
        """Append the next page of keys. The last block may have been fetched short: it is fetched again."""
        self._blocks.pop(len(self.keys) // self._block, None)
        self.keys.extend(keys)

    def __len__(self) -> int:
        return len(self.keys)

    def key_at(self, row: int) -> int | None:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def row_of(self, key: int) -> int:
        """Row of a key, -1 if absent (O(n): for user actions, not painting)."""
        try:
            return self.keys.index(key)
        except ValueError:
            return -1

    def row_data(self, row: int) -> Row | None:
        """The row shown at ``row`` (fetching its block if needed); None if it vanished meanwhile."""
        key = self.key_at(row)
        if key is None:
            return None
        block_no = row // self._block
        block = self._blocks.get(block_no)
        if block is None:
            block = self._fetch(self.keys[block_no * self._block:(block_no + 1) * self._block])
            self._blocks[block_no] = block
            while len(self._blocks) > self._max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        return block.get(key)


class HouseholdKeysModel(QAbstractTableModel):
    """Base of the household table models: keys from SQL, rows through a LazyRows, fixed columns.

    Subclasses set ``self._rows`` and ``self._column_count`` and implement ``data``/``headerData``
    and how they refresh their keys. GUI thread only."""

    _rows: LazyRows
    _column_count: int

    def key_at(self, row: int) -> int | None:
        return self._rows.key_at(row)

    def row_of(self, key: int) -> int:
        """Row of a list key, -1 if it is not in the current result."""
        return self._rows.row_of(key)

    def row_data(self, row: int):  # noqa: ANN201 - the subclass's row type
        """The row shown at ``row`` (fetching its block if needed); None if it vanished."""
        return self._rows.row_data(row)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count
