"""A titled block of the editor (one per part of the survey) and the interface every block implements.

The dialog treats sections alike: ``load(form)`` fills the widgets, ``store(form)`` writes them back
and returns the problems only the widgets know (text that is not a number or a date), ``validate``
paints the section's share of the form's problems, ``widget_for(path)`` finds the widget a core
``Problem`` path names (``members[2].id_number``), ``show_problems`` paints them. Paths index rows in the order ``store`` writes them. Threading: GUI thread only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from survey_app.core.services.survey.checks import Problem
from survey_app.core.services.survey.form import SurveyForm
from survey_app.core.services.survey.readiness import Requirements
from survey_app.ui.editor.inputs import set_invalid

PATH = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$")


def split_path(path: str) -> tuple[str, int | None, str]:
    """``members[2].id_number`` → ("members", 2, "id_number"); ``phone`` → ("phone", None, "")."""
    m = PATH.match(path)
    if not m:
        return path, None, ""
    return m.group(1), (int(m.group(2)) if m.group(2) is not None else None), m.group(3) or ""


class Section(QFrame):
    edited = Signal()  # the user changed something (not emitted while loading)
    structure_changed = Signal()  # rows added/removed: the dialog rebuilds the Tab order
    touched = Signal(QWidget)  # an editor the user left after editing: its problems may show from now on

    roots: tuple[str, ...] = ()  # the top-level path names this section owns

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("editorSection")
        self.title = title
        self._marked: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 14)
        self._layout.setSpacing(8)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        self._layout.addWidget(heading)
        self._under_title = 1  # layout items from the title down to where the message line goes
        self._section_message: QLabel | None = None
        self.read_only = False

    def body(self) -> QVBoxLayout:
        return self._layout

    def add_under_title(self, widget: QWidget) -> None:
        """Put ``widget`` right under the title (above the message line and the body)."""
        self._layout.insertWidget(self._under_title, widget)
        self._under_title += 1

    @property
    def section_message(self) -> QLabel:
        """Problems about the whole list ("请登记户主"), under the title; hidden while empty. Made when first
        needed: most sections never have one, and every widget costs the editor's opening time."""
        if self._section_message is None:
            self._section_message = QLabel(self)
            self._section_message.setObjectName("rowMessage")
            self._section_message.setWordWrap(True)
            self._section_message.hide()
            self._layout.insertWidget(self._under_title, self._section_message)
        return self._section_message

    def say(self, text: str) -> None:
        """Show ``text`` on the message line under the title (hide it when empty)."""
        if not text and self._section_message is None:
            return
        self.section_message.setText(text)
        self.section_message.setVisible(bool(text))

    def owns(self, path: str) -> bool:
        return split_path(path)[0] in self.roots

    # --- what each section implements ---------------------------------------------------------------

    def load(self, form: SurveyForm) -> None:
        raise NotImplementedError

    def store(self, form: SurveyForm) -> list[Problem]:
        raise NotImplementedError

    def widget_for(self, path: str) -> QWidget | None:
        return None

    def focus_chain(self) -> list[QWidget]:
        return []

    def require(self, need: Requirements, *, hq: bool) -> None:
        """Mark (*) what the current policy's calculation needs here (``need``); ``hq``: HQ's administrator."""

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in self.focus_chain():
            w.setEnabled(not read_only)

    # --- problems -------------------------------------------------------------------------------------

    def validate(self, found: list[Problem], *, attempted: bool, submit_attempted: bool) -> list[Problem]:
        """Paint this section's share of ``found`` (every problem of the form) and return it.

        A problem that stops a save shows once its field was left (``touched``) or after a save attempt;
        what only the calculation needs (``missing``) shows after 提交调查 was tried.
        """
        mine = [p for p in found if self.owns(p.path) and (
            submit_attempted if p.missing else attempted or self.left(p.path))]
        self.show_problems(mine)
        return mine

    def left(self, path: str) -> bool:
        """Whether the user has edited and left the widget of ``path``."""
        widget = self.widget_for(path)
        return widget is not None and bool(widget.property("touched"))

    def show_problems(self, problems: list[Problem]) -> None:
        """Paint the widgets ``problems`` name (this section's, already filtered for what to show).

        Problems of a single field or of the whole list are written under the section title;
        sections with rows override this to write row problems under their row.
        """
        for w in self._marked:
            set_invalid(w, None)
        self._marked = []
        for p in problems:
            widget = self.widget_for(p.path)
            if widget is not None:
                set_invalid(widget, p.message)
                self._marked.append(widget)
        whole = [p.message for p in problems if split_path(p.path)[1] is None]
        self.say("\n".join(dict.fromkeys(whole)))
