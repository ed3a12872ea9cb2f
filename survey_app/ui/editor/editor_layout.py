"""The editor's chrome: title and banner on top, section list and problems on the left, the sections in
one scroll area, status line and buttons at the bottom. Sized for 1366×768 (the window with its frame
fits the 1366×728 a taskbar leaves). ``EditorChrome`` lays these out on the dialog it is given and
holds them; the dialog composes it (no mixin) and hands it its actions. Its strings are filed under
the HouseholdEditorDialog translation context. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QVBoxLayout, QWidget

from survey_app.ui.editor.problems import ProblemPanel
from survey_app.ui.editor.section import Section

Action = Callable[[], object]


class EditorChrome:
    """Everything around the sections, laid out on ``dialog``; the buttons call ``submit``, ``discard``,
    ``close`` and ``save``."""

    def __init__(self, dialog: QDialog, sections: list[Section], *, submit: Action, discard: Action,
                 close: Action, save: Action):
        parent = dialog.parentWidget()
        area = (parent.screen() if parent else QGuiApplication.primaryScreen()).availableGeometry()
        # 1366×768 with a taskbar leaves ~1366×728 for the window and its frame.
        dialog.resize(min(1350, area.width() - 16), min(690, area.height() - 38))
        dialog.setMinimumSize(900, 520)
        self.title = QLabel(dialog)
        self.title.setObjectName("editorTitle")
        self.rev_label = QLabel(dialog)
        self.rev_label.setObjectName("muted")
        self.banner = QLabel(dialog)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.nav = QListWidget(dialog)
        self.nav.setObjectName("sectionNav")
        self.nav.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        for i, s in enumerate(sections):
            self.nav.addItem(f"{i + 1 if i < 9 else ' '}  {s.title}")
            self.nav.item(i).setToolTip(f"{s.title}　Ctrl+{i + 1}" if i < 9 else s.title)
        self.nav.setFixedWidth(196)
        self.nav.setFixedHeight(self.nav.sizeHintForRow(0) * len(sections) + 6)
        self.problem_panel = ProblemPanel(dialog)
        self.problem_panel.setFixedWidth(196)
        left = QVBoxLayout()
        left.addWidget(self.nav)
        left.addWidget(self.problem_panel, 1)

        page = QWidget()
        page.setObjectName("sectionsPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 0, 8, 8)
        column.setSpacing(10)
        for s in sections:
            column.addWidget(s)
        column.addStretch(1)
        self.scroll = QScrollArea(dialog)
        self.scroll.setWidget(page)
        self.scroll.setWidgetResizable(True)

        self.status_label = QLabel(dialog)
        self.status_label.setObjectName("muted")
        self.status_label.setWordWrap(True)
        self.submit_button = _button(
            dialog, QCoreApplication.translate("HouseholdEditorDialog", "提交调查"), submit,
            QCoreApplication.translate("HouseholdEditorDialog", "调查完成：保存并把该户从“待调查”改为“已调查”，等待复核"))
        self.discard_button = _button(
            dialog, QCoreApplication.translate("HouseholdEditorDialog", "放弃修改"), discard,
            QCoreApplication.translate("HouseholdEditorDialog", "放弃未保存的修改，回到上次保存的内容"))
        self.close_button = _button(dialog, QCoreApplication.translate("HouseholdEditorDialog", "关闭"), close,
                                    QCoreApplication.translate("HouseholdEditorDialog", "关闭（Esc）"))
        self.save_button = _button(dialog, QCoreApplication.translate("HouseholdEditorDialog", "保存"), save,
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
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)


def _button(parent: QWidget, text: str, slot: Action, tip: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAutoDefault(False)  # Enter moves between fields; it must never save or close by surprise
    button.setMinimumSize(104, 40)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button
