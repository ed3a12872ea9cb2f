"""测算 page: one household's compensation options side by side, the household's choice, recalculation.

Reached from the 住户 page (测算 button) or the rail; shows the household selected there. Reads
(``calculations.options``, ``households.get_detail``) are short and done on the GUI thread; a
calculation (~10 ms) and choosing an option are writes, so they go through the TaskRunner like any
write and publish on the ChangeHub. A household without an appraisal cannot be calculated: the
service's message is shown in the page's banner. A stale calculation (the survey changed since)
is shown greyed under a yellow banner with 重新测算, and cannot be chosen (the service refuses too).
Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import NotFound
from survey_app.core.domain.roles import Permission
from survey_app.core.services import Database, calculations, households, workflow
from survey_app.core.services.calculations import StoredOption
from survey_app.core.services.households import HouseholdDetail
from survey_app.ui import labels
from survey_app.ui.changes import ChangeHub
from survey_app.ui.kit import theme
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, can, run_write
from survey_app.ui.pages.compensation_model import CompensationModel
from survey_app.ui.pages.compensation_view import CompensationGrid
from survey_app.ui.task_runner import TaskRunner


class CompensationPage(QWidget):
    """``show_household(hex id)`` loads it. Emits ``back_requested`` (返回住户列表)."""

    back_requested = Signal()

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compensationPage")
        self.db, self.actor, self.runner = db, actor, runner
        self.household_id: str | None = None
        self.detail: HouseholdDetail | None = None
        self.model = CompensationModel(self)
        self.table = CompensationGrid(self.model, self)
        self.choose_buttons: dict[str, QPushButton] = {}

        self.back_button = QPushButton(self.tr("← 住户列表"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel(self)
        self.title.setObjectName("compensationTitle")
        theme.set_role(self.title, "title")
        self.subtitle = QLabel(self)
        theme.set_role(self.subtitle, "muted")
        self.formulas = QCheckBox(self.tr("显示计算公式"), self)
        self.formulas.setObjectName("formulaToggle")
        self.formulas.setToolTip(self.tr("在每个金额下显示计算过程；不勾选时，把鼠标停在金额上可看公式"))
        self.formulas.toggled.connect(self._set_detailed)
        self.calc_button = QPushButton(self.tr("测算"), self)
        self.calc_button.setObjectName("calculateButton")
        self.calc_button.clicked.connect(self.calculate)
        self.mark_button = QPushButton(self.tr("确认测算结果"), self)
        self.mark_button.setObjectName("markCalculatedButton")
        self.mark_button.setToolTip(self.tr("复核后的测算确认无误（已复核 → 已测算）"))
        self.mark_button.clicked.connect(self._mark_calculated)
        self.agreement_button = QPushButton(self.tr("协议…"), self)
        self.agreement_button.setObjectName("agreementButton")
        self.agreement_button.setToolTip(self.tr("按所选方案出具、打印、签订协议"))
        self.agreement_button.clicked.connect(self._agreements)
        self.sheet_button = QPushButton(self.tr("打印测算单…"), self)
        self.sheet_button.setObjectName("printSheetButton")
        self.sheet_button.clicked.connect(self.print_sheet)
        self.sheet = None  # SheetPrinter, made on first use (keeps printing imports out of start-up)
        for b in (self.back_button, self.calc_button, self.mark_button, self.agreement_button, self.sheet_button):
            b.setMinimumHeight(TOUCH_HEIGHT)

        self.stale_banner = QWidget(self)
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stale_banner.setStyleSheet(theme.STALE_BANNER)
        stale_text = QLabel(self.tr("调查数据已修改，测算已过期，请重新测算"), self.stale_banner)
        self.recalc_button = QPushButton(self.tr("重新测算"), self.stale_banner)
        self.recalc_button.setObjectName("recalculateButton")
        self.recalc_button.setMinimumHeight(34)
        self.recalc_button.clicked.connect(self.calculate)
        stale_layout = QHBoxLayout(self.stale_banner)
        stale_layout.setContentsMargins(12, 4, 6, 4)
        stale_layout.addWidget(stale_text, 1)
        stale_layout.addWidget(self.recalc_button)
        self.stale_banner.hide()
        self.banner = MessageBanner(self)
        self.empty = QLabel(self)
        self.empty.setObjectName("compensationEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        theme.set_role(self.empty, "empty")

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.back_button)
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        top.addWidget(self.formulas)
        top.addWidget(self.mark_button)
        top.addWidget(self.calc_button)
        top.addWidget(self.sheet_button)
        top.addWidget(self.agreement_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        ChangeHub.instance().changed.connect(self._on_changed)
        self._show_empty(self.tr("请先在住户列表中选择一户"))

    # --- loading ----------------------------------------------------------------------------------------

    def show_household(self, household_id: str | None) -> None:
        if household_id != self.household_id:
            self.banner.hide()
        self.household_id = household_id
        self.reload()

    def _on_changed(self, _changes: object) -> None:
        if self.household_id is not None:
            self.reload()

    def reload(self) -> None:
        hid = self.household_id
        if hid is None:
            self.detail = None
            self.title.setText("")
            self.subtitle.setText("")
            self._show_empty(self.tr("请先在住户列表中选择一户"))
            self._update_buttons()
            return
        try:
            self.detail = households.get_detail(self.db, hid)
        except NotFound as exc:
            self.detail = None
            self._show_empty(str(exc))
            self._update_buttons()
            return
        d = self.detail
        self.title.setText(self.tr("{code}　{name}　补偿测算").format(code=d.household_code, name=d.head_name))
        options = calculations.options(self.db, hid)
        with self.table.refit_deferred():  # refitted below, once the choose buttons are in
            self.model.set_options(options, d.chosen_option)
        version = options[0].result.policy_version if options else ""
        parts = [labels.status(d.status), d.address]
        if version:
            parts.append(self.tr("补偿方案 {version}").format(version=version))
        if d.chosen_option:
            parts.append(self.tr("已选：{option}").format(option=self._option_text(d.chosen_option, options)))
        self.subtitle.setText("　·　".join(p for p in parts if p))
        if options:
            self.empty.hide()
            self.table.show()
            self._make_choose_buttons()
            # Only now: the buttons sit in the choose row (a fit before them sizes that row for its text
            # only, so the footer clipped the buttons) and the grid, if it was hidden, is at its real size.
            self.table.refit()
        else:
            self._show_empty(self.tr("该户还没有测算。点击右上角“测算”，按现行补偿方案计算各安置方式。"))
        self.stale_banner.setVisible(bool(options) and self.model.stale)
        self._update_buttons()

    def _option_text(self, key: str, options: list[StoredOption]) -> str:
        for o in options:
            if o.option_key == key:
                return self.model.option_title(o).replace("\n", " ")
        return key

    def _show_empty(self, text: str) -> None:
        self.model.set_options([])
        self.choose_buttons.clear()
        self.table.hide()
        self.stale_banner.hide()
        self.empty.setText(text)
        self.empty.show()

    def _make_choose_buttons(self) -> None:
        # Index widgets die with every model reset; they are made again for the new options.
        self.choose_buttons.clear()
        may_choose = can(self.actor, Permission.CALCULATE)
        signed = self.detail is not None and self.detail.status in ("signed", "handed_over")
        for col in range(1, self.model.columnCount()):
            option = self.model.option_at(col)
            chosen = option.option_key == self.model.chosen
            button = QPushButton(self.tr("✓ 已选择") if chosen else self.tr("选择此方案"))
            button.setObjectName(f"choose_{option.option_key}")
            button.setMinimumHeight(36)
            button.setEnabled(may_choose and not chosen and option.status == "current" and not signed)
            if chosen:
                theme.set_role(button, "confirm")
            elif option.status != "current":
                button.setToolTip(self.tr("测算已过期，请重新测算后再选择"))
            button.clicked.connect(lambda _c=False, key=option.option_key: self.choose(key))
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(8, 5, 8, 5)
            box.addWidget(button)
            self.table.footer.setIndexWidget(self.model.index(self.model.rowCount() - 1, col), holder)
            self.choose_buttons[option.option_key] = button

    def _update_buttons(self) -> None:
        d = self.detail
        may_calc = can(self.actor, Permission.CALCULATE)
        has_options = self.model.columnCount() > 0
        self.calc_button.setVisible(may_calc)
        self.calc_button.setEnabled(d is not None and d.status not in ("signed", "handed_over"))
        self.calc_button.setText(self.tr("重新测算") if has_options else self.tr("测算"))
        self.mark_button.setVisible(may_calc and d is not None and d.status == "reviewed" and has_options
                                    and not self.model.stale)
        self.formulas.setEnabled(has_options)
        self.agreement_button.setVisible(can(self.actor, Permission.PRINT_AGREEMENT) and d is not None
                                         and d.status in ("calculated", "signed", "handed_over"))
        self.agreement_button.setEnabled(d is not None and bool(d.chosen_option))
        self.sheet_button.setEnabled(has_options and not self.model.stale)
        self.sheet_button.setToolTip(
            self.tr("打印给住户留存的补偿测算单（各方案明细与大写金额），也可另存为 PDF") if has_options
            and not self.model.stale else self.tr("测算已过期，请重新测算后再打印测算单") if has_options
            else self.tr("请先测算"))

    def _set_detailed(self, on: bool) -> None:
        self.model.set_detailed(on)
        self.table.refit()

    # --- writes -----------------------------------------------------------------------------------------

    def calculate(self) -> None:
        hid = self.household_id
        if hid is None:
            return
        self.banner.hide()
        run_write(self.runner, lambda: calculations.calculate(self.db, self.actor, hid),  # publishes .changes
                  label=self.tr("正在测算…"), banner=self.banner)

    def choose(self, option_key: str) -> None:
        hid = self.household_id
        if hid is None:
            return
        self.banner.hide()
        run_write(self.runner, lambda: calculations.choose_option(self.db, self.actor, hid, option_key),
                  label=self.tr("正在保存…"), banner=self.banner)

    def _agreements(self) -> None:
        if self.household_id is not None:
            from survey_app.ui.agreements.agreement_dialog import open_agreements  # first use only

            self.agreement_dialog = open_agreements(self, self.db, self.actor, self.runner, self.household_id)

    def print_sheet(self) -> None:
        """补偿测算单 for the family: every option, previewed, then printed or saved as PDF."""
        if self.household_id is None or self.detail is None:
            return
        if self.sheet is None:
            from survey_app.ui.agreements.sheet_print import SheetPrinter  # first use only

            self.sheet = SheetPrinter(self.db, self.runner, self.banner, self)
        self.sheet.show_preview(self.household_id, self.detail.household_code)

    def _mark_calculated(self) -> None:
        hid = self.household_id
        if hid is not None:
            run_write(self.runner, lambda: workflow.mark_calculated(self.db, self.actor, hid),
                      label=self.tr("正在保存…"), banner=self.banner,
                      on_done=lambda _c: self.banner.show_message(self.tr("已确认测算结果"), "info"))
