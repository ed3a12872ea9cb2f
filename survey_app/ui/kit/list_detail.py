"""One list+detail page pattern: a list on the left, the selected item on the right.

Pages like 复核 (the review queue and the household under review) and 待处理事项 (sync issues and the
conflict's two versions) were each a hand-built QSplitter with the same wiring. ``ListDetail`` is
that splitter: panes that never collapse, their share of the width, and one signal,
``current_changed(row)``, that fires when the followed view's current row changes (-1: none), which
the page answers by refreshing its detail. With ``empty_text`` the right side shows that text instead
of the detail while nothing is selected (``show_empty``).

``pane(...)`` builds a pane from widgets and layouts (no margins: the page's layout has them).
Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLayout, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from survey_app.ui.kit import theme


def pane(parent: QWidget, *parts: QWidget | QLayout | tuple[QWidget | QLayout, int], spacing: int = -1) -> QWidget:
    """A widget stacking ``parts`` top to bottom; a ``(part, stretch)`` pair gives that part the free height."""
    widget = QWidget(parent)
    column = QVBoxLayout(widget)
    column.setContentsMargins(0, 0, 0, 0)
    if spacing >= 0:
        column.setSpacing(spacing)
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            column.addLayout(item, stretch)
        else:
            column.addWidget(item, stretch)
    return widget


class ListDetail(QSplitter):
    """``list_side`` | ``detail_side``; ``stretch`` is their share of the width (e.g. (11, 9))."""

    current_changed = Signal(int)  # the followed view's current row, -1 when none

    def __init__(self, list_side: QWidget, detail_side: QWidget, parent: QWidget | None = None, *,
                 stretch: tuple[int, int] = (1, 1), empty_text: str | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("listDetail")
        self.list_side, self.detail_side = list_side, detail_side
        self.empty: QLabel | None = None
        right: QWidget = detail_side
        if empty_text is not None:
            self.empty = theme.set_role(QLabel(empty_text), "empty")
            self.empty.setObjectName("emptyState")
            self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.empty.setWordWrap(True)
            self._stack = QStackedWidget(self)
            self._stack.addWidget(detail_side)
            self._stack.addWidget(self.empty)
            right = self._stack
        self.addWidget(list_side)
        self.addWidget(right)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, stretch[0])
        self.setStretchFactor(1, stretch[1])
        self.view: QAbstractItemView | None = None

    def follow(self, view: QAbstractItemView) -> None:
        """Emit ``current_changed`` whenever ``view``'s current row changes (call after its model is set)."""
        self.view = view
        view.selectionModel().currentRowChanged.connect(self._current)

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        if self.empty is not None:
            self.show_empty(row < 0)
        self.current_changed.emit(row)

    def show_empty(self, empty: bool, text: str | None = None) -> None:
        """The empty-state text (``text`` replaces it) instead of the detail, or the detail again."""
        if self.empty is None:
            return
        if text is not None:
            self.empty.setText(text)
        self._stack.setCurrentIndex(1 if empty else 0)
