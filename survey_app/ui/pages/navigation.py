"""The navigation rail on the left of the main window: one big, finger-sized button per page.

A rail rather than tabs: it costs ~90 px of width (the list and the compensation table need
the width far more than the height on a 1366×768 screen) and its buttons stay put whatever page
is shown. Ctrl+1…Ctrl+4 switch pages from the keyboard. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QFrame, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from survey_app.ui.kit import theme

HOME, HOUSEHOLDS, COMPENSATION, REVIEW = "home", "households", "compensation", "review"
SYNC = "sync"  # 同步 (USB-stick sync): survey_app/ui/sync
PROJECT = "project"  # 项目 (HQ set-up: project, policy, roster/appraisals, people and laptops): survey_app/ui/hq

_STYLE = theme.NAV_RAIL  # the sheet lives in the theme (ui/kit/theme.py)


class NavigationRail(QFrame):
    """Emits ``page_requested(name)`` when the user picks a page; ``set_current(name)`` marks one."""

    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigationRail")
        self.setStyleSheet(_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 8, 0, 8)
        self._layout.setSpacing(2)
        self._layout.addStretch(1)

    def add_page(self, name: str, text: str, tooltip: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"nav_{name}")
        button.setText(text)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users have Ctrl+1…4; focus stays in the page
        button.setMinimumHeight(56)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        number = len(self.buttons) + 1
        shortcut = QKeySequence(f"Ctrl+{number}")
        # A window-wide action, not the button's own shortcut: it answers whatever has the focus and
        # switches at once (a button shortcut plays an animated click first).
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, n=name: self.page_requested.emit(n))
        self.addAction(action)
        tip = tooltip or text
        button.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.clicked.connect(lambda _checked=False, n=name: self.page_requested.emit(n))
        self._group.addButton(button)
        self._layout.insertWidget(self._layout.count() - 1, button)
        self.buttons[name] = button
        width = max(b.fontMetrics().horizontalAdvance(b.text()) for b in self.buttons.values())
        self.setFixedWidth(max(84, width + 36))
        return button

    def set_current(self, name: str) -> None:
        button = self.buttons.get(name)
        if button is not None:
            button.setChecked(True)

    def set_enabled(self, name: str, enabled: bool) -> None:
        if name in self.buttons:
            self.buttons[name].setEnabled(enabled)
