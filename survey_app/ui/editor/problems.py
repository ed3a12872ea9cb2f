"""The list of what still stops the form from being saved; a click (or Enter) jumps to the field.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from survey_app.core.services.survey.checks import Problem


class ProblemPanel(QWidget):
    jump = Signal(str)  # the problem's path

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("problemTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, never scroll sideways
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not in the Tab flow of the form
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self._go)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # with the list hidden, the title stays at the top
        self.problems: list[Problem] = []
        self.set_problems([])

    def set_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.list.clear()
        for p in problems:
            item = QListWidgetItem(p.message)
            item.setData(Qt.ItemDataRole.UserRole, p.path)
            item.setToolTip(p.message)
            self.list.addItem(item)
        missing = sum(1 for p in problems if p.missing)
        parts = []
        if len(problems) - missing:
            parts.append(self.tr("待改正（{n}处）").format(n=len(problems) - missing))
        if missing:
            parts.append(self.tr("提交前还需补全（{n}项）").format(n=missing))
        self.title.setText("；".join(parts) if parts else self.tr("未发现问题，可以提交"))
        bad = bool(problems)
        if self.title.property("bad") != bad:
            self.title.setProperty("bad", bad)
            if self.title.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # else its first polish reads it
                self.title.style().unpolish(self.title)
                self.title.style().polish(self.title)
        self.list.setVisible(bad)

    def _go(self, item: QListWidgetItem) -> None:
        self.jump.emit(item.data(Qt.ItemDataRole.UserRole))
