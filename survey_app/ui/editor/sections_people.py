"""Sections about the people: the household and its head, the members, willingness and notes.

The head is not typed twice: it is the member whose relation is 户主, and the household block
shows who that is. A member's birth date and sex are read from the ID number as it is typed
(read-only cells); a wrong check digit is said at once, in the core's own words.
Threading: GUI thread only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.validation import parse_resident_id
from survey_app.core.services.survey.checks import Problem
from survey_app.core.services.survey.form import MemberForm, SurveyForm
from survey_app.ui import formatting, labels
from survey_app.ui.editor import choices
from survey_app.ui.editor.cells import Column
from survey_app.ui.editor.inputs import TOUCH_HEIGHT, set_invalid
from survey_app.ui.editor.row_table import Row, RowTable
from survey_app.ui.editor.section import Section, split_path
from survey_app.ui.editor.table_section import TableSection


class FieldsSection(Section):
    """A section of single fields laid out label/field in a grid; ``fields`` maps form keys to widgets."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        self.body().addLayout(self.grid)
        self.fields: dict[str, QWidget] = {}
        self._loading = False

    def add_field(self, key: str, label: str, widget: QWidget, row: int, col: int, span: int = 1) -> QWidget:
        caption = QLabel(label, self)
        caption.setObjectName("fieldLabel")
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(caption, row, col * 2)
        self.grid.addWidget(widget, row, col * 2 + 1, 1, span * 2 - 1)
        widget.setObjectName(f"field.{key}")
        if not isinstance(widget, QPlainTextEdit):
            widget.setMinimumHeight(TOUCH_HEIGHT)
        self.fields[key] = widget
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._changed)
            widget.editingFinished.connect(lambda: self._left(widget))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            widget.currentIndexChanged.connect(lambda *_: None if self._loading else self._left(widget))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._changed)
        return widget

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _left(self, widget: QWidget) -> None:
        widget.setProperty("touched", True)
        self.touched.emit(widget)

    def load(self, form: SurveyForm) -> None:
        self._loading = True
        try:
            for key, w in self.fields.items():
                value = getattr(form, key)
                if isinstance(w, QComboBox):
                    choices.set_combo_code(w, value)
                elif isinstance(w, QPlainTextEdit):
                    w.setPlainText(value or "")
                else:
                    w.setText(value or "")
                    w.setCursorPosition(0)
        finally:
            self._loading = False

    def store(self, form: SurveyForm) -> list[Problem]:
        for key, w in self.fields.items():
            if isinstance(w, QComboBox):
                value = choices.combo_code(w)
            elif isinstance(w, QPlainTextEdit):
                value = w.toPlainText()
            else:
                value = w.text()
            setattr(form, key, value)
        return []

    def widget_for(self, path: str) -> QWidget | None:
        root, index, _key = split_path(path)
        return self.fields.get(root) if index is None else None

    def focus_chain(self) -> list[QWidget]:
        return list(self.fields.values())

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in self.fields.values():
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(read_only)  # still selectable: the worker copies numbers from it
            else:
                w.setEnabled(not read_only)


class HouseholdSection(FieldsSection):
    roots = ("household_code", "address", "section", "phone", "owner_type")

    REGISTER = ("household_code", "section")  # from HQ's register: only HQ changes a filled-in one

    def __init__(self, parent: QWidget | None = None, *, register_locked: bool = True):
        super().__init__(self.tr("住户与户主"), parent)
        self.register_locked = register_locked
        self.add_field("household_code", self.tr("户号 *"), QLineEdit(self), 0, 0)
        self.add_field("section", self.tr("地块"), QLineEdit(self), 0, 1)
        phone = self.add_field("phone", self.tr("联系电话"), QLineEdit(self), 0, 2)
        phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.add_field("address", self.tr("房屋地址"), QLineEdit(self), 1, 0, span=2)
        owner = QComboBox(self)
        choices.fill_combo(owner, choices.owner_types())
        owner.setToolTip(self.tr("被征收人是个人、企业、机关事业单位、集体还是公房承租人：方案的某些项目只对其中一些类型适用"))
        self.add_field("owner_type", self.tr("被征收人类型"), owner, 1, 2)
        caption = QLabel(self.tr("户主"), self)
        caption.setObjectName("fieldLabel")
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.head_label = QLabel(self)
        self.head_label.setObjectName("headSummary")
        self.head_label.setWordWrap(True)
        self.head_label.setMinimumHeight(TOUCH_HEIGHT)
        self.head_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grid.addWidget(caption, 2, 0)
        self.grid.addWidget(self.head_label, 2, 1, 1, 5)
        for col in (1, 3, 5):
            self.grid.setColumnStretch(col, 1)

    def load(self, form: SurveyForm) -> None:
        super().load(form)
        self.set_read_only(self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for key in self.REGISTER:
            w = self.fields[key]
            locked = self.register_locked and bool(w.text().strip())
            w.setReadOnly(read_only or locked)
            w.setToolTip(self.tr("户号和地块以指挥部登记为准，只有指挥部管理员可以修改") if locked else "")

    def set_head(self, head: MemberForm | None) -> None:
        if head is None or not head.name.strip():
            self.head_label.setText(self.tr("（尚未登记：在“家庭成员”中把一位成员的关系设为“户主”）"))
        else:
            self.head_label.setText(f"{head.name.strip()}　{head.id_number.strip()}")


class WillingnessSection(FieldsSection):
    roots = ("willingness", "preferred_mode", "delivery", "notes")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("意愿与备注"), parent)
        for key, label, options, col in (("willingness", self.tr("签约意愿"), choices.willingness(), 0),
                                         ("preferred_mode", self.tr("意向安置方式"), choices.modes(), 1),
                                         ("delivery", self.tr("安置房交付"), choices.deliveries(), 2)):
            combo = QComboBox(self)
            choices.fill_combo(combo, options, allow_empty=True)
            self.add_field(key, label, combo, 0, col)
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)  # Tab leaves the box (full keyboard flow); Enter makes a new line
        notes.setPlaceholderText(self.tr("现场情况、争议事项（如产权争议、面积异议、家庭内部分歧）等"))
        notes.setFixedHeight(96)
        self.add_field("notes", self.tr("备注与争议"), notes, 1, 0, span=3)
        for col in (1, 3, 5):
            self.grid.setColumnStretch(col, 1)


class MembersTable(RowTable):
    """Members: sex and birth date follow the ID number as it is typed."""

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("name", self.tr("姓名"), width=0, max_length=40, extra={"min_width": 80}),
            Column("relation", self.tr("关系"), "combo", 100, options=choices.relations, label=labels.relation),
            Column("id_number", self.tr("身份证号"), width=190, max_length=22),
            Column("sex", self.tr("性别"), "label", 36),
            Column("birth", self.tr("出生日期"), "label", 112),
            Column("phone", self.tr("电话"), width=124, max_length=20),
            Column("is_dibao", self.tr("低保"), "check", 48),
            Column("is_disabled", self.tr("残疾"), "check", 48),
            Column("is_serious_illness", self.tr("大病"), "check", 48),
            Column("hukou_here", self.tr("户籍在此"), "check", 64),
        ]
        super().__init__("members", MemberForm, columns, self.tr("＋ 添加成员"), parent, new_record=self._new_member)
        self.touched.connect(self._left)

    def _new_member(self) -> MemberForm:
        has_head = any(r.widgets["relation"].currentData() == "head" for r in self.rows)
        return MemberForm(relation="other" if has_head else "head")

    def _left(self, widget: QWidget) -> None:
        row = self.row_of(widget)
        if row is not None and widget is row.widgets["id_number"]:
            self.fill_derived(row)

    def fill_derived(self, row: Row) -> None:
        edit = row.widgets["id_number"]
        text = re.sub(r"[\s-]", "", edit.text()).upper()
        sex, birth, message = "", "", ""
        if text:
            try:
                rid = parse_resident_id(text)
            except ValidationError as e:
                # While typing, a short number is not yet wrong: say so once it is complete or left.
                if len(text) >= 18 or edit.property("touched"):
                    message = str(e)
            else:
                sex, birth = labels.sex(rid.sex), formatting.date(rid.birth_date)
        row.widgets["sex"].setText(sex)
        row.widgets["birth"].setText(birth)
        row.live_message = message
        if not message:  # the check's old complaint about this number goes with it (re-checked shortly)
            row.problems = [(k, m) for k, m in row.problems if k != "id_number"]
        row.refresh_message("id_number")
        set_invalid(edit, message or None)


class MembersSection(TableSection):
    live_key = "id_number"
    required, required_by_policy = frozenset({"name", "relation"}), {"id_number": "member_ids"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("家庭成员"), MembersTable(), parent)

    def head(self) -> MemberForm | None:
        records, _ = self.table.records()
        return next((m for m in records if m.relation == "head"), None)
