"""A section that is one RowTable over one list of the form (tenures, parts, businesses, appraisals, members).

The table sits in its own sideways scroll area (``SideScroll``): a table wider than the editor (members,
parts at 1024×768) scrolls inside its section, and the sections — the household's 联系电话 among them — keep
the editor's width instead of taking the widest table's. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSizePolicy, QWidget

from survey_app.core.services.survey.checks import Problem
from survey_app.core.services.survey.form import SurveyForm
from survey_app.core.services.survey.readiness import Requirements
from survey_app.ui.editor.inputs import set_invalid
from survey_app.ui.editor.row_table import RowTable
from survey_app.ui.editor.section import Section, split_path

_REFIT = frozenset({QEvent.Type.LayoutRequest, QEvent.Type.Resize})  # the table's events that change its height


class SideScroll(QScrollArea):
    """Holds a RowTable: as tall as the table, as wide as the section; scrolls sideways when the table's
    columns are wider (never up and down: the editor's own scroll area does that). A field reached by Tab
    or a click is scrolled into sight."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setWidget(inner)
        inner.installEventFilter(self)
        self.horizontalScrollBar().rangeChanged.connect(lambda _a, _b: self.updateGeometry())
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _REFIT and watched is self.widget():
            self.updateGeometry()  # rows added or removed: as tall as the table again
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        wide = inner.minimumSizeHint().width() > self.viewport().width() or self.horizontalScrollBar().maximum() > 0
        bar = self.horizontalScrollBar().sizeHint().height() if wide else 0
        hint = inner.sizeHint()
        return QSize(hint.width(), hint.height() + bar)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            if new is not None and self.widget() is not None and self.widget().isAncestorOf(new):
                self.ensureWidgetVisible(new, 24, 0)
        except RuntimeError:  # the editor is being destroyed
            pass


class TableSection(Section):
    live_key = ""  # the column whose live message replaces the check's (members: id_number)
    required: frozenset[str] = frozenset()  # columns always required (marked *)
    required_by_policy: dict[str, str] = {}  # column → the readiness.Requirements flag that makes it required

    def __init__(self, title: str, table: RowTable, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.name = table.name
        self.roots = (table.name,)
        self.table = table
        self.side_scroll = SideScroll(table, self)
        self.side_scroll.setObjectName(f"{table.name}Scroll")
        self.body().addWidget(self.side_scroll)
        table.edited.connect(self.edited)
        table.structure_changed.connect(self.structure_changed)
        table.touched.connect(self.touched)

    def require(self, need: Requirements, *, hq: bool) -> None:
        self.table.set_required(set(self.required) | {c for c, flag in self.required_by_policy.items()
                                                      if getattr(need, flag)})

    def load(self, form: SurveyForm) -> None:
        self.table.set_records(list(getattr(form, self.name)))

    def store(self, form: SurveyForm) -> list[Problem]:
        records, problems = self.table.records()
        setattr(form, self.name, records)
        return problems

    def widget_for(self, path: str) -> QWidget | None:
        root, index, key = split_path(path)
        return self.table.widget_for(index, key) if root == self.name else None

    def focus_chain(self) -> list[QWidget]:
        return self.table.focus_chain()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.table.set_read_only(read_only)

    def show_problems(self, problems: list[Problem]) -> None:
        super().show_problems(problems)
        for row in self.table.rows:
            row.problems = []
        for p in problems:
            _root, index, key = split_path(p.path)
            if index is not None and 0 <= index < len(self.table.rows):
                self.table.rows[index].problems.append((key, p.message))
        for row in self.table.rows:
            row.refresh_message(self.live_key)
            if row.live_message:  # the live check (typed ID) stays painted even before the field is "touched"
                set_invalid(row.widgets[self.live_key], row.live_message)
                self._marked.append(row.widgets[self.live_key])

    def add_row(self) -> None:
        self.table.add_row(focus=True)
