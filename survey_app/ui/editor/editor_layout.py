"""The editor's layout: title and banner on top, section list and problems on the left, the sections in
one scroll area, status line and buttons at the bottom. Sized for 1366×768 (the window with its frame
fits the 1366×728 a taskbar leaves). A mixin of HouseholdEditorDialog; its strings are filed under
that class's translation context. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QVBoxLayout, QWidget

from survey_app.ui.editor.problems import ProblemPanel
from survey_app.ui.editor.section import Section


class EditorLayout:
    sections: list[Section]

    # --- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        screen = (self.parentWidget().screen() if self.parentWidget() else QGuiApplication.primaryScreen())
        area = screen.availableGeometry()
        # 1366×768 with a taskbar leaves ~1366×728 for the window and its frame.
        self.resize(min(1350, area.width() - 16), min(690, area.height() - 38))
        self.setMinimumSize(900, 520)
        self.title = QLabel(self)
        self.title.setObjectName("editorTitle")
        self.rev_label = QLabel(self)
        self.rev_label.setObjectName("muted")
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.nav = QListWidget(self)
        self.nav.setObjectName("sectionNav")
        self.nav.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        for i, s in enumerate(self.sections):
            self.nav.addItem(f"{i + 1 if i < 9 else ' '}  {s.title}")
            self.nav.item(i).setToolTip(f"{s.title}　Ctrl+{i + 1}" if i < 9 else s.title)
        self.nav.setFixedWidth(196)
        self.nav.setFixedHeight(self.nav.sizeHintForRow(0) * len(self.sections) + 6)
        self.nav.currentRowChanged.connect(self._nav_clicked)
        self.problem_panel = ProblemPanel(self)
        self.problem_panel.setFixedWidth(196)
        self.problem_panel.jump.connect(self.jump_to)
        left = QVBoxLayout()
        left.addWidget(self.nav)
        left.addWidget(self.problem_panel, 1)

        page = QWidget()
        page.setObjectName("sectionsPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 0, 8, 8)
        column.setSpacing(10)
        for s in self.sections:
            column.addWidget(s)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(page)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("muted")
        self.status_label.setWordWrap(True)
        self.submit_button = self._button(
            QCoreApplication.translate("HouseholdEditorDialog", "提交调查"), self.submit,
            QCoreApplication.translate("HouseholdEditorDialog", "调查完成：保存并把该户从“待调查”改为“已调查”，等待复核"))
        self.discard_button = self._button(
            QCoreApplication.translate("HouseholdEditorDialog", "放弃修改"), self.discard_changes,
            QCoreApplication.translate("HouseholdEditorDialog", "放弃未保存的修改，回到上次保存的内容"))
        self.close_button = self._button(QCoreApplication.translate("HouseholdEditorDialog", "关闭"), self.reject,
                                         QCoreApplication.translate("HouseholdEditorDialog", "关闭（Esc）"))
        self.save_button = self._button(QCoreApplication.translate("HouseholdEditorDialog", "保存"), lambda: self.save(),
                                        QCoreApplication.translate("HouseholdEditorDialog", "保存（Ctrl+S）"))
        self.save_button.setObjectName("primary")

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.rev_label)
        middle = QHBoxLayout()
        middle.addLayout(left)
        middle.addWidget(self.scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.submit_button)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)

    def _button(self, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter moves between fields; it must never save or close by surprise
        button.setMinimumSize(104, 40)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button
