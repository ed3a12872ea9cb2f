"""Fixtures (附属物) and other above-ground items (其他地上物): the policy's lists, a number per entry.

Not free text: the current policy's menu is laid out whole, and the worker fills a count (0 = none)
or a quantity. That is "one standard for all" at the door: every household is asked the same list.
Stored rows the policy no longer lists stay visible (marked) so nothing is dropped silently; two
stored rows of the same kind are shown as one (their counts added; the first keeps its id).
Problem paths index the rows ``store`` wrote (non-zero entries, in menu order).
Threading: GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from survey_app.core.services.policy_menus import MenuEntry, PolicyMenus
from survey_app.core.services.survey.checks import Problem
from survey_app.core.services.survey.form import FixtureForm, ItemForm, SurveyForm
from survey_app.ui import labels
from survey_app.ui.editor.cells import set_editable
from survey_app.ui.editor.inputs import TOUCH_HEIGHT, DecimalEdit, IntEdit
from survey_app.ui.editor.section import Section, split_path


@dataclass
class _Entry:
    code: str
    quantity: QWidget  # IntEdit (fixtures) or DecimalEdit (items)
    extra: QWidget | None  # fixtures priced by value: the appraised value; items: the note
    record_id: str | None = None


class _MenuSection(Section):
    """Shared layout and bookkeeping; subclasses say what a row of the form looks like."""

    list_name = ""
    groups = 1  # entries side by side

    def __init__(self, title: str, hint: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.roots = (self.list_name,)
        note = QLabel(hint, self)
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.body().addWidget(note)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.body().addLayout(self.grid)
        self.entries: dict[str, _Entry] = {}
        self._order: list[str] = []  # codes of the rows the last store() wrote
        self._loading = False

    def _place(self, caption: str, unit: str, quantity: QWidget, extra: QWidget | None) -> None:
        n = len(self.entries)
        row, col = divmod(n, self.groups)
        base = col * 5
        label = QLabel(caption, self)
        label.setBuddy(quantity)
        label.setWordWrap(True)
        quantity.setMinimumHeight(TOUCH_HEIGHT)
        self.grid.addWidget(label, row, base)
        self.grid.addWidget(quantity, row, base + 1)
        self.grid.addWidget(QLabel(unit, self), row, base + 2)
        if extra is not None:
            extra.setMinimumHeight(TOUCH_HEIGHT)
            self.grid.addWidget(extra, row, base + 3)
        if col + 1 < self.groups:
            self.grid.setColumnMinimumWidth(base + 4, 32)
        self.grid.setColumnStretch(base + 4, 1)  # spare width between and after the groups, not inside

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._changed)
            widget.editingFinished.connect(lambda: (widget.setProperty("touched", True), self.touched.emit(widget)))

    def widget_for(self, path: str) -> QWidget | None:
        root, index, key = split_path(path)
        if root != self.list_name or index is None or not 0 <= index < len(self._order):
            return None
        entry = self.entries[self._order[index]]
        return entry.extra if key in ("value", "note") and entry.extra is not None else entry.quantity

    def focus_chain(self) -> list[QWidget]:
        return [w for e in self.entries.values() for w in (e.quantity, e.extra) if w is not None]

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in self.focus_chain():
            set_editable(w, not read_only)


class FixturesSection(_MenuSection):
    list_name = "fixtures"
    groups = 2

    def __init__(self, menus: PolicyMenus, parent: QWidget | None = None):
        hint = self.tr("按补偿方案（{policy}）的附属物清单逐项填写数量，没有的保持0。").format(
            policy=menus.policy_label or self.tr("现行方案"))
        super().__init__(self.tr("附属物"), hint, parent)
        for entry in menus.fixtures:
            self._add(entry.code, entry.label, entry.unit, entry.by_value)

    def _add(self, code: str, caption: str, unit: str, by_value: bool) -> _Entry:
        spin = IntEdit(self, minimum=0, maximum=999, empty=0)  # text: "-3" is refused, never made 3
        spin.setPlaceholderText("0")
        spin.setFixedWidth(84)
        spin.setObjectName(f"fixture.{code}")
        value = None
        if by_value:
            value = DecimalEdit(self, placeholder=self.tr("评估值 元"))
            value.setFixedWidth(112)
            value.setObjectName(f"fixtureValue.{code}")
        self._place(caption, unit, spin, value)
        entry = self.entries[code] = _Entry(code, spin, value)
        self._watch(spin)
        if value is not None:
            self._watch(value)
        return entry

    def load(self, form: SurveyForm) -> None:
        self._loading = True
        try:
            for e in self.entries.values():
                e.quantity.set_value(0)
                e.record_id = None
                if e.extra is not None:
                    e.extra.set_value(None)
            for f in form.fixtures:
                code = f"{f.kind}/{f.sub_kind}" if f.sub_kind else f.kind
                e = self.entries.get(code)
                if e is None:  # priced by an older policy: keep it visible
                    caption = labels.fixture(f.kind, f.sub_kind) + self.tr("（现行方案无此项）")
                    e = self._add(code, caption, "", f.value is not None)
                e.quantity.set_value(e.quantity.value() + (f.count or 0))
                e.record_id = e.record_id or f.id
                if e.extra is not None and f.value is not None:
                    e.extra.set_value(f.value)
        finally:
            self._loading = False

    def store(self, form: SurveyForm) -> list[Problem]:
        rows, problems, self._order = [], [], []
        for code, e in self.entries.items():
            count, error = e.quantity.parsed()
            if error:  # said at the field; the row is kept (count None) so the save is refused, not 0
                problems.append(Problem(f"fixtures[{len(rows)}].count", error))
            elif not count:
                continue  # 0 (or empty) means none
            kind, _, sub = code.partition("/")
            value = None
            if e.extra is not None:
                value, error = e.extra.parsed()
                if error:
                    problems.append(Problem(f"fixtures[{len(rows)}].value", error))
            self._order.append(code)
            rows.append(FixtureForm(kind=kind, sub_kind=sub, count=count, value=value, id=e.record_id))
        form.fixtures = rows
        return problems


class ItemsSection(_MenuSection):
    list_name = "items"

    def __init__(self, menus: PolicyMenus, parent: QWidget | None = None):
        hint = self.tr("方案列明的其他地上物：填写数量或面积，没有的留空。")
        super().__init__(self.tr("其他地上物"), hint, parent)
        for entry in menus.extras:
            self._add(entry)

    def _add(self, entry: MenuEntry) -> _Entry:
        quantity = DecimalEdit(self)
        quantity.setFixedWidth(100)
        quantity.setObjectName(f"item.{entry.code}")
        note = QLineEdit(self)
        note.setPlaceholderText(self.tr("说明（位置、材质等）"))
        note.setObjectName(f"itemNote.{entry.code}")
        note.setMaxLength(200)
        self._place(entry.label, entry.unit, quantity, note)
        self.grid.setColumnStretch(3, 1)
        self.grid.setColumnStretch(4, 0)
        e = self.entries[entry.code] = _Entry(entry.code, quantity, note)
        self._watch(quantity)
        self._watch(note)
        return e

    def load(self, form: SurveyForm) -> None:
        self._loading = True
        try:
            for e in self.entries.values():
                e.quantity.set_value(None)
                e.extra.setText("")
                e.record_id = None
            totals: dict[str, Decimal] = {}
            for item in form.items:
                e = self.entries.get(item.code)
                if e is None:
                    caption = labels.survey_item(item.code) + self.tr("（现行方案无此项）")
                    e = self._add(MenuEntry(item.code, caption, ""))
                if item.quantity is not None:
                    totals[item.code] = totals.get(item.code, Decimal(0)) + item.quantity
                e.record_id = e.record_id or item.id
                notes = [t for t in (e.extra.text(), item.note.strip()) if t]
                e.extra.setText("；".join(notes))
            for code, total in totals.items():
                self.entries[code].quantity.set_value(total)
        finally:
            self._loading = False

    def store(self, form: SurveyForm) -> list[Problem]:
        rows, problems, self._order = [], [], []
        for code, e in self.entries.items():
            quantity, error = e.quantity.parsed()
            note = e.extra.text().strip()
            if error:
                problems.append(Problem(f"items[{len(rows)}].quantity", error))
            elif quantity is None or quantity == 0:
                if not note:
                    continue
            self._order.append(code)
            rows.append(ItemForm(code=code, quantity=quantity, note=note, id=e.record_id))
        form.items = rows
        return problems
