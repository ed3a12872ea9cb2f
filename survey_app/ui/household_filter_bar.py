"""The row above the household list: search box (search as you type), status filter with counts,
地块 (section) filter and the 只看我的 (assigned to me) toggle.

Typing restarts a short single-shot timer; the search runs when the user pauses (DEBOUNCE_MS), so
a fast typist costs one SQL query, not one per key. Enter searches at once and moves to the list;
Esc clears the box; Down moves to the list. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from survey_app.ui import formatting, labels

DEBOUNCE_MS = 180


class HouseholdFilterBar(QWidget):
    """Emits ``text_changed`` (debounced), ``status_changed`` / ``section_changed`` (value or None for
    全部) and ``mine_toggled(bool)``."""

    text_changed = Signal(str)
    status_changed = Signal(object)
    section_changed = Signal(object)
    mine_toggled = Signal(bool)
    leave_down = Signal()  # Down/Enter in the search box: the list should take the focus

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(self.tr("搜索 户号 / 姓名 / 拼音 / 身份证号 / 电话 / 地址 / 协议号"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.setMinimumHeight(32)  # finger-sized on a touch laptop
        self.search.installEventFilter(self)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        status_label = QLabel(self.tr("状态"), self)
        status_label.setBuddy(self.status)
        self.section = QComboBox(self)
        self.section.setObjectName("sectionFilter")
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        section_label = QLabel(self.tr("地块"), self)
        section_label.setBuddy(self.section)
        self.mine = QToolButton(self)
        self.mine.setObjectName("mineToggle")
        self.mine.setText(self.tr("只看我的"))
        self.mine.setToolTip(self.tr("只列出分配给我的住户"))
        self.mine.setCheckable(True)
        self.mine.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for combo in (self.status, self.section):
            combo.setMinimumHeight(32)
        self.mine.setMinimumHeight(32)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._emitted = ""
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.status_changed.emit(self.current_status()))
        self.section.currentIndexChanged.connect(lambda _i: self.section_changed.emit(self.current_section()))
        self.mine.toggled.connect(self.mine_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search, 1)
        layout.addWidget(status_label)
        layout.addWidget(self.status)
        layout.addSpacing(4)
        layout.addWidget(section_label)
        layout.addWidget(self.section)
        layout.addSpacing(4)
        layout.addWidget(self.mine)
        self.set_counts(None)  # not counted yet (a big project counts after the window's first paint)
        self.set_sections([])

    # The 全部 entries carry "" rather than None: with PySide6 6.12 on Python 3.11, currentData()
    # of an item whose data is None loses a reference to None on every call (the interpreter aborts
    # once it reaches zero); a string is safe.
    def current_status(self) -> str | None:
        return self.status.currentData() or None

    def set_counts(self, counts: dict[str, int] | None) -> None:
        """Refill the status combo as "待调查 (1,234)" (None: not counted yet, "待调查"), keeping the choice."""
        current = self.current_status()
        self.status.blockSignals(True)
        self.status.clear()
        if counts is None:
            self.status.addItem(self.tr("全部"), "")
            for code in labels.STATUS_CODES:
                self.status.addItem(labels.status(code), code)
        else:
            self.status.addItem(self.tr("全部 ({n})").format(n=formatting.count(sum(counts.values()))), "")
            for code in labels.STATUS_CODES:
                n = formatting.count(counts.get(code, 0))
                self.status.addItem(self.tr("{label} ({n})").format(label=labels.status(code), n=n), code)
        index = self.status.findData(current) if current else 0
        self.status.setCurrentIndex(max(index, 0))
        self.status.blockSignals(False)

    def current_section(self) -> str | None:
        return self.section.currentData() or None

    def set_sections(self, sections: list[str]) -> None:
        """Refill the 地块 combo (全部 first), keeping the current choice when it still exists."""
        current = self.current_section()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("全部"), "")
        for name in sections:
            self.section.addItem(name, name)
        index = self.section.findData(current) if current else 0
        self.section.setCurrentIndex(max(index, 0))
        self.section.blockSignals(False)
        if current and index < 0:  # the chosen section vanished: the list must stop filtering by it
            self.section_changed.emit(None)

    def set_status(self, status: str | None) -> None:
        """Choose a status programmatically (the home page's tiles); emits ``status_changed``."""
        self.status.setCurrentIndex(max(self.status.findData(status) if status else 0, 0))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Emit the search text now if it changed since the last emission (Enter, or the timer)."""
        self._timer.stop()
        text = self.search.text().strip()
        if text != self._emitted:
            self._emitted = text
            self.text_changed.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.flush()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self.flush()
                self.leave_down.emit()
                return True
        return super().eventFilter(watched, event)
