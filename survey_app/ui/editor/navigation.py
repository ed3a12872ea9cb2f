"""Moving around the editor: Tab order, Enter as next field, shortcuts, section jumps, rows here.

A mixin of HouseholdEditorDialog (kept apart so each file stays readable); it uses the dialog's
``sections``, ``scroll``, ``nav``, ``status_label`` and action methods. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from survey_app.ui.editor.section import Section
from survey_app.ui.editor.table_section import TableSection


class EditorNavigation:
    """Keyboard flow (full keyboard use is a requirement: field workers type fast on cheap laptops)."""

    sections: list[Section]

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Alt+N"):
            QShortcut(QKeySequence(keys), self, self.add_row_here)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, self.remove_row_here)  # text fields keep their Delete
        for i in range(min(9, len(self.sections))):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.jump_to_section(i, focus=True))

    def _retab(self) -> None:
        chain = [w for s in self.sections for w in s.focus_chain() if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [self.save_button, self.close_button, self.submit_button, self.discard_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    # --- navigation, rows ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.click()
            else:
                self.focusNextChild()  # Enter walks the form like Tab (what data-entry clerks expect)
            return
        super().keyPressEvent(event)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            if new is not None and self.scroll.widget().isAncestorOf(new):
                self.scroll.ensureWidgetVisible(new, 40, 60)
        except RuntimeError:  # this dialog is being destroyed
            pass

    def _section_of(self, widget: QWidget | None) -> Section | None:
        return next((s for s in self.sections if widget is not None and s.isAncestorOf(widget)), None)

    def add_row_here(self) -> None:
        section = self._section_of(self.focusWidget())
        if isinstance(section, TableSection):
            section.add_row()
        else:
            self.status_label.setText(QCoreApplication.translate(
                "HouseholdEditorDialog", "先把光标放到要添加行的表格（成员、产权、建筑部分、经营、评估）中。"))

    def remove_row_here(self) -> None:
        focus = self.focusWidget()
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
        self.scroll.ensureWidgetVisible(section, 0, 0)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(widget, 40, 80)

    def jump_to_section(self, index: int, *, focus: bool = False) -> None:
        section = self.sections[index]
        self.scroll.verticalScrollBar().setValue(section.y() - 4)
        self.nav.blockSignals(True)  # the last sections cannot scroll to the top: still show the one asked for
        self.nav.setCurrentRow(index)
        self.nav.blockSignals(False)
        if focus:
            first = next((w for w in section.focus_chain() if w.isEnabled() and w.isVisible()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _nav_clicked(self, row: int) -> None:
        if row >= 0 and not self.nav.signalsBlocked():
            self.jump_to_section(row)

    def _scrolled(self, value: int) -> None:
        current = max((i for i, s in enumerate(self.sections) if s.y() <= value + 40), default=0)
        if self.scroll.verticalScrollBar().maximum() and value >= self.scroll.verticalScrollBar().maximum():
            current = max(current, self.nav.currentRow())
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(current)
        self.nav.blockSignals(False)
