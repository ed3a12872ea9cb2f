"""Moving around the editor: Tab order, Enter as next field, shortcuts, section jumps, rows here.

``EditorNavigator`` is a part the dialog owns (not a mixin): it knows the sections and the
``EditorChrome`` (section list, scroll area, status line, buttons) and asks the dialog only for its
focus widget and the save action. Full keyboard use is a requirement: field workers type fast on
cheap laptops. Its strings stay in the HouseholdEditorDialog translation context.
Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from survey_app.ui.editor.editor_layout import EditorChrome
from survey_app.ui.editor.section import Section
from survey_app.ui.editor.table_section import TableSection


class EditorNavigator(QObject):
    def __init__(self, dialog: QWidget, sections: list[Section], chrome: EditorChrome, save: Callable[[], object]):
        super().__init__(dialog)
        self.dialog, self.sections, self.chrome = dialog, sections, chrome
        QShortcut(QKeySequence.StandardKey.Save, dialog, save)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Alt+N"):
            QShortcut(QKeySequence(keys), dialog, self.add_row_here)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), dialog, self.remove_row_here)  # text fields keep their Delete
        for i in range(min(9, len(sections))):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), dialog, lambda i=i: self.jump_to_section(i, focus=True))
        chrome.nav.currentRowChanged.connect(self._nav_clicked)
        chrome.problem_panel.jump.connect(self.jump_to)
        chrome.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)

    def retab(self) -> None:
        c = self.chrome
        chain = [w for s in self.sections for w in s.focus_chain() if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [c.save_button, c.close_button, c.submit_button, c.discard_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def key_press(self, event: QKeyEvent) -> bool:
        """Enter (without Ctrl/Alt) walks the form like Tab (what data-entry clerks expect); True if handled."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        focus = self.dialog.focusWidget()
        if isinstance(focus, QPushButton):
            focus.click()
        else:
            self.dialog.focusNextChild()
        return True

    def focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        scroll = self.chrome.scroll
        try:
            if new is not None and scroll.widget().isAncestorOf(new):
                scroll.ensureWidgetVisible(new, 40, 60)
        except RuntimeError:  # the dialog is being destroyed
            pass

    def _section_of(self, widget: QWidget | None) -> Section | None:
        return next((s for s in self.sections if widget is not None and s.isAncestorOf(widget)), None)

    def add_row_here(self) -> None:
        section = self._section_of(self.dialog.focusWidget())
        if isinstance(section, TableSection):
            section.add_row()
        else:
            self.chrome.status_label.setText(QCoreApplication.translate(
                "HouseholdEditorDialog", "先把光标放到要添加行的表格（成员、产权、建筑部分、经营、评估）中。"))

    def remove_row_here(self) -> None:
        focus = self.dialog.focusWidget()
        section = self._section_of(focus)
        if isinstance(section, TableSection):
            row = section.table.row_of(focus)
            if row is not None:
                section.table.remove_row(row)

    def jump_to(self, path: str) -> None:
        section = next((s for s in self.sections if s.owns(path)), None)
        if section is None:
            return
        widget = section.widget_for(path) or next(iter(section.focus_chain()), None)
        self.chrome.scroll.ensureWidgetVisible(section, 0, 0)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.chrome.scroll.ensureWidgetVisible(widget, 40, 80)

    def jump_to_section(self, index: int, *, focus: bool = False) -> None:
        section = self.sections[index]
        self.chrome.scroll.verticalScrollBar().setValue(section.y() - 4)
        self._mark(index)  # the last sections cannot scroll to the top: still show the one asked for
        if focus:
            first = next((w for w in section.focus_chain() if w.isEnabled() and w.isVisible()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _mark(self, row: int) -> None:
        nav = self.chrome.nav
        nav.blockSignals(True)
        nav.setCurrentRow(row)
        nav.blockSignals(False)

    def _nav_clicked(self, row: int) -> None:
        if row >= 0 and not self.chrome.nav.signalsBlocked():
            self.jump_to_section(row)

    def _scrolled(self, value: int) -> None:
        bar = self.chrome.scroll.verticalScrollBar()
        current = max((i for i, s in enumerate(self.sections) if s.y() <= value + 40), default=0)
        if bar.maximum() and value >= bar.maximum():
            current = max(current, self.chrome.nav.currentRow())
        self._mark(current)
