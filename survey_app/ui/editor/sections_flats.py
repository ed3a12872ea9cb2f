"""选房意向: the flat combinations a household wants in property exchange (two flats, a type on a floor …),
entered from the current policy's flat types and listed flats, each checked by the engine as it is added.

Each combination becomes one exchange option when calculating (a household without any gets one option per
flat type). A combination the policy cannot price is not added: the engine's own Chinese reason is shown
under the picker; combinations stored under an older policy are kept, listed and flagged by the form's
problems (readiness.py) until removed. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from survey_app.core.compensation.policy import Policy
from survey_app.core.services.survey import flat_options
from survey_app.core.services.survey.checks import Problem
from survey_app.core.services.survey.form import SurveyForm
from survey_app.ui import formatting
from survey_app.ui.editor.inputs import TOUCH_HEIGHT, set_invalid
from survey_app.ui.editor.section import Section

MAX_SLOTS = 4  # rows of the picker at most, whatever a policy's max_flats says (the engine checks the count)


class FlatChoicesSection(Section):
    roots = ("flat_choices",)

    def __init__(self, policy: Policy | None, parent: QWidget | None = None):
        super().__init__(self.tr("选房意向（产权调换）"), parent)
        self.policy = policy
        self.offers = flat_options.offers(policy)
        self.choices: list[list[str]] = []
        hint = QLabel(self)
        hint.setWordWrap(True)
        hint.setObjectName("flatChoices.hint")
        if self.offers.max_flats:
            hint.setText(self.tr("每个组合是该户愿意接受的一种安置，最多{n}套；按楼层定价的户型请选楼层。测算时每个组合"
                                 "列一个产权调换方案；不登记组合则每种户型各列一个。").format(n=self.offers.max_flats))
        else:
            hint.setText(self.tr("现行方案不提供产权调换，不能登记选房组合。"))
        self.body().addWidget(hint)
        self.list = QListWidget(self)
        self.list.setObjectName("flatChoices.list")
        self.list.setFixedHeight(TOUCH_HEIGHT * 3)
        self.body().addWidget(self.list)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.flat_combos: list[QComboBox] = []
        self.floor_spins: list[QSpinBox] = []
        for n in range(min(self.offers.max_flats, MAX_SLOTS)):
            caption = QLabel(self.tr("第{n}套").format(n=n + 1), self)
            caption.setObjectName("fieldLabel")
            combo = QComboBox(self)
            combo.setObjectName(f"flatChoices.flat{n}")
            combo.setMinimumHeight(TOUCH_HEIGHT)
            combo.addItem(self.tr("（不选）"), "")
            for offer in self.offers.flats:
                combo.addItem(self.tr("{label}（{area} m²）").format(label=offer.label,
                                                                   area=formatting.area(offer.area)), offer.key)
            spin = QSpinBox(self)
            spin.setObjectName(f"flatChoices.floor{n}")
            spin.setMinimumHeight(TOUCH_HEIGHT)
            spin.setSpecialValueText(self.tr("楼层未定"))
            spin.setSuffix(self.tr(" 层"))
            spin.setEnabled(False)
            caption.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i, c=combo, s=spin: self._flat_picked(c, s))
            grid.addWidget(caption, n, 0)
            grid.addWidget(combo, n, 1)
            grid.addWidget(spin, n, 2)
            self.flat_combos.append(combo)
            self.floor_spins.append(spin)
        self.extra_combo: QComboBox | None = None
        if self.offers.extras and self.offers.max_flats:
            caption = QLabel(self.tr("另购"), self)
            caption.setObjectName("fieldLabel")
            self.extra_combo = QComboBox(self)
            self.extra_combo.setObjectName("flatChoices.extra")
            self.extra_combo.setMinimumHeight(TOUCH_HEIGHT)
            self.extra_combo.addItem(self.tr("（不另购）"), "")
            for offer in self.offers.extras:
                self.extra_combo.addItem(self.tr("{label}（{area} m²）").format(
                    label=offer.label, area=formatting.area(offer.area)), offer.key)
            row = len(self.flat_combos)
            grid.addWidget(caption, row, 0)
            grid.addWidget(self.extra_combo, row, 1)
        grid.setColumnStretch(1, 1)
        self.body().addLayout(grid)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("＋ 添加组合"), self)
        self.add_button.setObjectName("flatChoices.add")
        self.remove_button = QPushButton(self.tr("删除所选组合"), self)
        self.remove_button.setObjectName("flatChoices.remove")
        for b in (self.add_button, self.remove_button):
            b.setMinimumHeight(TOUCH_HEIGHT)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.body().addLayout(buttons)
        self.message = QLabel(self)
        self.message.setObjectName("rowMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.body().addWidget(self.message)
        self.add_button.clicked.connect(self.add_choice)
        self.remove_button.clicked.connect(self.remove_choice)
        self.add_button.setEnabled(bool(self.flat_combos))

    # --- the picker ---------------------------------------------------------------------------------------

    def _flat_picked(self, combo: QComboBox, spin: QSpinBox) -> None:
        offer = self.offers.find(str(combo.currentData() or ""))
        floors = offer.floors if offer is not None else None
        spin.setRange(0, floors or 0)
        spin.setValue(0)
        spin.setEnabled(bool(floors) and not self.read_only)
        spin.setToolTip(self.tr("共{n}层；按楼层定价").format(n=floors) if floors else "")

    def picked(self) -> list[str]:
        """The keys the picker holds now (``H90@5`` for a type on a floor), in the order of its rows."""
        keys = [flat_options.key_of(str(c.currentData() or ""), s.value() or None)
                for c, s in zip(self.flat_combos, self.floor_spins, strict=True) if c.currentData()]
        if self.extra_combo is not None and self.extra_combo.currentData():
            keys.append(str(self.extra_combo.currentData()))
        return keys

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def add_choice(self) -> None:
        """Add the picked combination when the engine can price it; else say why, in its words."""
        keys = self.picked()
        if not keys:
            self._say(self.tr("请先选择户型。"))
            return
        if keys in self.choices:
            self._say(self.tr("该组合已登记（组合{n}）。").format(n=self.choices.index(keys) + 1))
            return
        error = flat_options.verdict(self.policy, keys)
        if error:
            self._say(self.tr("不能添加：{error}").format(error=error))
            return
        self.choices.append(keys)
        self._say("")
        for combo in self.flat_combos:
            combo.setCurrentIndex(0)
        if self.extra_combo is not None:
            self.extra_combo.setCurrentIndex(0)
        self._refresh()
        self.list.setCurrentRow(len(self.choices) - 1)
        self.edited.emit()

    def remove_choice(self) -> None:
        row = self.list.currentRow()
        if self.read_only or not 0 <= row < len(self.choices):
            return
        del self.choices[row]
        self._refresh()
        self.edited.emit()

    def _refresh(self) -> None:
        self.list.clear()
        for n, keys in enumerate(self.choices, 1):
            item = QListWidgetItem(self.tr("组合{n}：{flats}").format(
                n=n, flats=flat_options.describe(self.policy, keys)))
            item.setToolTip("+".join(keys))
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self.choices) and not self.read_only)

    # --- the Section interface ----------------------------------------------------------------------------

    def load(self, form: SurveyForm) -> None:
        self.choices = [list(c) for c in form.flat_choices]
        self._say("")
        self._refresh()

    def store(self, form: SurveyForm) -> list[Problem]:
        form.flat_choices = [list(c) for c in self.choices]
        return []

    def widget_for(self, path: str) -> QWidget | None:
        return self.list if self.owns(path) else None

    def focus_chain(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for combo, spin in zip(self.flat_combos, self.floor_spins, strict=True):
            widgets += [combo, spin]
        if self.extra_combo is not None:
            widgets.append(self.extra_combo)
        return [*widgets, self.add_button, self.list, self.remove_button]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for combo, spin in zip(self.flat_combos, self.floor_spins, strict=True):
            offer = self.offers.find(str(combo.currentData() or ""))
            spin.setEnabled(not read_only and offer is not None and bool(offer.floors))
        self.add_button.setEnabled(not read_only and bool(self.flat_combos))
        self.list.setEnabled(True)  # the combinations stay readable
        self.remove_button.setEnabled(not read_only and bool(self.choices))

    def show_problems(self, problems: list[Problem]) -> None:
        """Every problem of a combination is written under the section title (the list has no row widgets)."""
        set_invalid(self.list, "\n".join(p.message for p in problems) or None)
        self.say("\n".join(dict.fromkeys(p.message for p in problems)))
