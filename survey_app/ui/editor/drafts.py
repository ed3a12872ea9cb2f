"""Offering an autosaved draft back: 恢复 or 丢弃 (asked twice: a draft may hold an hour of typing).

``DraftOffer`` is a part the dialog owns. When the editor opens on a household this user has an
unsaved draft of, it asks (window-modal, non-blocking) whether to restore it, warning when someone
saved the household since the draft was started. Autosave stays off until the question is answered.
Its strings stay in the HouseholdEditorDialog translation context. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from survey_app.core.services.survey.drafts import SavedDraft
from survey_app.ui import formatting


class DraftOffer(QObject):
    """``restore(draft)`` loads a draft into the form; ``finished()`` runs once the question is settled;
    ``read_only()`` says whether autosave may resume."""

    def __init__(self, dialog: QWidget, keeper: QObject, pending: SavedDraft | None, *,
                 restore: Callable[[SavedDraft], None], finished: Callable[[], None], read_only: Callable[[], bool]):
        super().__init__(dialog)
        self.dialog, self.keeper, self.pending = dialog, keeper, pending
        self._restore, self._finished, self._read_only = restore, finished, read_only
        self.prompt: QMessageBox | None = None
        self.restore_button: QPushButton | None = None
        self.drop_button: QPushButton | None = None
        self.confirm_drop_button: QPushButton | None = None
        if pending is not None:
            keeper.enabled = False  # until the user has answered the question

    def ask(self, rev: int) -> None:
        draft = self.pending
        text = QCoreApplication.translate("HouseholdEditorDialog", "发现未保存的修改（保存于 {when}），是否恢复？").format(
            when=formatting.datetime_local(draft.saved_at))
        if draft.base_rev != rev:
            text += "\n\n" + QCoreApplication.translate(
                "HouseholdEditorDialog", "注意：草稿是在第{base}版上做的修改，该户现在已是第{rev}版（其间有人保存过）。"
                "恢复后保存时会提示冲突，由你决定是否覆盖。").format(base=draft.base_rev, rev=rev)
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("HouseholdEditorDialog", "恢复未保存的修改"), text,
                          parent=self.dialog)
        self.restore_button = box.addButton(QCoreApplication.translate("HouseholdEditorDialog", "恢复"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.drop_button = box.addButton(QCoreApplication.translate("HouseholdEditorDialog", "丢弃"),
                                         QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(self.restore_button)
        box.setEscapeButton(self.restore_button)  # not deciding keeps the keystrokes
        box.finished.connect(lambda _r: self.answered(box.clickedButton() is not self.drop_button))
        self.prompt = box
        box.open()

    def answered(self, restore: bool, confirmed: bool = False) -> None:
        if not restore and not confirmed:  # 丢弃 asks a second time
            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("HouseholdEditorDialog", "丢弃草稿"),
                              QCoreApplication.translate("HouseholdEditorDialog", "确定丢弃这份草稿吗？丢弃后无法恢复。"),
                              parent=self.dialog)
            self.confirm_drop_button = box.addButton(QCoreApplication.translate("HouseholdEditorDialog", "确定丢弃"),
                                                     QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(QCoreApplication.translate("HouseholdEditorDialog", "恢复草稿"),
                                 QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            box.finished.connect(lambda _r: self.answered(box.clickedButton() is not self.confirm_drop_button, True))
            self.prompt = box
            box.open()
            return
        draft, self.pending = self.pending, None
        self.keeper.enabled = not self._read_only()
        if draft is None:
            return
        if restore:
            self._restore(draft)
        else:
            self.keeper.discard()
        self.prompt = None
        self._finished()
