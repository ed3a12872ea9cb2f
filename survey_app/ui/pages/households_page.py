"""住户 page: filter bar, the household list (left, ~60%) and the selected household (right) with its actions.

The list and the detail panel are the first window's (household_model/table/detail); this page adds
the 地块 / 只看我的 filters, the action bar under the detail (编辑, 测算, and the workflow step the
role may take now) and refreshes itself from the ChangeHub: after any change the list re-runs its
query and keeps the selected household (by key), the counts are re-read and the detail reloads.
Buttons are shown only when the role may act, but the services decide (their refusal is shown);
a disabled button says why in its tooltip. Every action acts on the household whose details are on
screen (``detail.shown_id``), never on a row index; Enter and double-click first bring the pane to the
row pointed at. 新增住户 (field_household_dialog.py) adds a house found door to door; an HQ admin
confirms it with 确认新增. 提交调查 asks before submitting.
The first window's page is built with ``db=None`` and the first screen's light read (ui/app.py); the
main window calls ``attach(db)`` once the ORM is there, before any user action is handled.
Threading: GUI thread only; writes go through the TaskRunner (pages/common.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Permission
from survey_app.ui import labels
from survey_app.ui.changes import ChangeHub
from survey_app.ui.household_detail import HouseholdDetailView
from survey_app.ui.household_filter_bar import HouseholdFilterBar
from survey_app.ui.household_model import FIELD, HouseholdModel
from survey_app.ui.household_table import HouseholdTable
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, can, confirm, enable, run_write
from survey_app.ui.task_runner import TaskRunner

if TYPE_CHECKING:  # the services import SQLAlchemy: not before the first window has painted
    from survey_app.core.services import Database
    from survey_app.core.services.first_screen import FirstScreen
    from survey_app.core.services.households import HouseholdDetail

COUNT_DELAY_MS = 300  # the total of a long result is counted this long after the last search


class HouseholdsPage(QWidget):
    """Emits ``edit_requested(hex id)`` and ``compensation_requested(hex id)``; ``count_changed(n)``."""

    edit_requested = Signal(str)
    compensation_requested = Signal(str)
    count_changed = Signal(int)

    def __init__(self, db: Database | None, actor: Actor, runner: TaskRunner, parent: QWidget | None = None, *,
                 first_screen: FirstScreen | None = None):
        super().__init__(parent)
        self.setObjectName("householdsPage")
        self.db, self.actor, self.runner = db, actor, runner
        self.model = HouseholdModel(db, self, username=actor.username, first_screen=first_screen)
        self.filter_bar = HouseholdFilterBar(self)
        self.table = HouseholdTable(self.model, self)
        self.detail = HouseholdDetailView(db, self)
        self.detail.username = actor.username
        self.banner = MessageBanner(self)

        self.edit_button = self._button(self.tr("编辑(&E)"), "editButton", self._edit)
        self.edit_button.setToolTip(self.tr("打开调查表（也可双击列表中的一行或按回车）"))
        self.calc_button = self._button(self.tr("测算(&C)"), "calculateButton", self._compensation)
        self.calc_button.setToolTip(self.tr("各安置方案的补偿并排比较"))
        self.agreement_button = self._button(self.tr("协议(&A)"), "agreementButton", self._agreements)
        self.agreement_button.setToolTip(self.tr("出具、打印、签订协议，查看协议记录"))
        self.submit_button = self._button(self.tr("提交调查"), "submitButton", self._submit)
        self.submit_button.setToolTip(self.tr("调查完成，提交复核（待调查 → 已调查）"))
        self.handover_button = self._button(self.tr("交房验收…"), "handOverButton", self._hand_over)
        self.handover_button.setToolTip(self.tr("登记交房验收：表计读数、钥匙、照片（已签约 → 已交房）"))
        self.payment_button = self._button(self.tr("付款登记…"), "paymentButton", self._payments)
        self.payment_button.setToolTip(self.tr("登记补偿款、过渡费的支付，查看已付金额"))
        self.grievance_button = self._button(self.tr("信访/纠纷…"), "grievanceButton", self._grievances)
        self.grievance_button.setToolTip(self.tr("该户的信访、纠纷：登记、跟进、办结"))
        self.confirm_origin_button = self._button(self.tr("确认新增"), "confirmOriginButton", self._confirm_origin)
        self.new_button = self._button(self.tr("新增住户(&N)"), "newHouseholdButton", self._new_household)
        self.new_button.setToolTip(self.tr("登记名册上没有、在现场发现的住户（待指挥部确认）"))
        self.new_button.setVisible(can(actor, Permission.EDIT_SURVEY))
        self.new_button.setMinimumHeight(32)
        actions = QHBoxLayout()
        actions.setContentsMargins(10, 6, 10, 8)
        actions.setSpacing(8)
        for b in (self.edit_button, self.calc_button, self.agreement_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.grievance_button, self.payment_button, self.submit_button, self.handover_button,
                  self.confirm_origin_button):
            actions.addWidget(b)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.filter_bar.text_changed.connect(self.model.set_text)
        self.filter_bar.status_changed.connect(self.model.set_status)
        self.filter_bar.section_changed.connect(
            lambda s: self.model.set_filter(replace(self.model.current_filter, section=s or None)))
        self.filter_bar.mine_toggled.connect(
            lambda on: self.model.set_filter(replace(self.model.current_filter,
                                                     assigned_to=self.actor.username if on else None)))
        self.filter_bar.leave_down.connect(self.focus_list)
        self.table.current_key_changed.connect(self.detail.show_key)
        self.table.current_key_changed.connect(lambda _k: self.banner.hide())
        # Double-click and Enter open the editor. Not ``activated``: some styles activate on a single
        # click (the editor would pop up on every selection) and Qt emits it on double-click only
        # for others, so the two gestures are caught explicitly.
        self.table.doubleClicked.connect(lambda _index: self._edit_pointed())
        self.table.installEventFilter(self)
        self.detail.loaded.connect(self._update_actions)
        self.detail.photos_requested.connect(self._show_photos)
        # The total beside the list: known at once for a short result; otherwise counted once typing
        # pauses (a count reads every match: not worth doing on each keystroke).
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(lambda: self.count_changed.emit(self.model.total()))
        self.model.modelReset.connect(self._on_reset)
        ChangeHub.instance().changed.connect(self._on_changed)
        self._update_actions(None)

    def _on_reset(self) -> None:
        if self.model.total_known():
            self._count_timer.stop()
            self.count_changed.emit(self.model.total())
        else:
            self._count_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()):
            self._edit_pointed()
            return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(TOUCH_HEIGHT)
        button.setMinimumWidth(88)
        button.clicked.connect(slot)
        return button

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Back from the editor (or another window): a draft may have been saved or discarded there, which
        # publishes no change; the list re-reads its marks here instead of on every search keystroke.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.model.refresh_marks()
            self.detail.forget()

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # once: 60/40 of the real width, known only when shown
            self._sized = True
            width = max(self.splitter.width(), 600)
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

    # --- data -------------------------------------------------------------------------------------------

    def attach(self, db: Database) -> None:
        """The database, once the first window has painted from the first screen's read (see the docstring)."""
        self.db = db
        self.model.attach(db)
        self.detail.attach(db)

    def refresh(self) -> None:
        """Re-read counts, sections and the list (keeps the selected household when still listed)."""
        self.refresh_counts()
        self.refresh_list()

    def refresh_counts(self) -> None:
        """The 状态 combo's counts and the 地块 choices. The counts read every household: on a big project
        the main window asks for them only after its first paint (DESIGN §8)."""
        from survey_app.core.services import households

        self.filter_bar.set_counts(households.status_counts(self.db))
        self.filter_bar.set_sections(households.sections(self.db))

    def refresh_list(self, *, count: bool = True) -> None:
        """Re-run the list's query (one page of keys; rows fetched as painted). ``count=False``: the total of
        a long list is not counted on the search timer; the caller asks with ``count_total()`` (the main
        window, after its first paint: the count reads every match)."""
        self.model.refresh()
        if not count:
            self._count_timer.stop()
        if self.model.total_known():  # a long list's loaded rows are not its total: never shown as one
            self.count_changed.emit(self.model.total())

    def count_total(self) -> None:
        """Count the list's total now and show it."""
        self._count_timer.stop()
        self.count_changed.emit(self.model.total())

    def _on_changed(self, _changes: object) -> None:
        # Any commit may touch what the list shows (status, names, areas): re-run the one query.
        self.refresh()
        self.detail.reload()

    def current_detail(self) -> HouseholdDetail | None:
        return self.detail.detail

    def current_id(self) -> str | None:
        """Hex id of the household whose details are on screen: what every action acts on."""
        return self.detail.shown_id

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.select_row(0)

    def show_status(self, status: str | None, mine: bool) -> None:
        """Filter the list to one status (and the user's own households) — the home page's tiles."""
        self.filter_bar.search.clear()
        self.filter_bar.flush()
        self.filter_bar.mine.setChecked(mine)
        self.filter_bar.set_status(status)

    def show_filter(self, flt) -> None:  # noqa: ANN001 - a HouseholdFilter (HQ's dashboard click-through)
        """Show the households behind a dashboard figure: its status, section and worker."""
        self.filter_bar.search.clear()
        self.filter_bar.flush()
        self.filter_bar.mine.setChecked(False)
        self.filter_bar.set_status(flt.status)
        index = self.filter_bar.section.findData(flt.section) if flt.section else 0
        self.filter_bar.section.setCurrentIndex(max(index, 0))
        self.model.set_filter(replace(self.model.current_filter, status=flt.status, section=flt.section or None,
                                      assigned_to=flt.assigned_to or None))

    # --- actions ----------------------------------------------------------------------------------------

    def _update_actions(self, detail: HouseholdDetail | None) -> None:
        status = detail.status if detail is not None else ""
        none = self.tr("请先在左侧列表中选择一户") if detail is None else ""
        self.edit_button.setVisible(can(self.actor, Permission.EDIT_SURVEY))
        enable(self.edit_button, self.tr("打开调查表（也可双击列表中的一行或按回车）"), none)
        self.calc_button.setVisible(can(self.actor, Permission.CALCULATE))
        enable(self.calc_button, self.tr("各安置方案的补偿并排比较"), none)
        self.agreement_button.setVisible(can(self.actor, Permission.PRINT_AGREEMENT))
        enable(self.agreement_button, self.tr("出具、打印、签订协议，查看协议记录"),
               none or ("" if status in ("calculated", "signed", "handed_over")
                        else self.tr("测算确认后（已测算）才能出具协议；当前为“{status}”").format(
                            status=labels.status(status))))
        self.submit_button.setVisible(detail is not None and status == "pending"
                                      and can(self.actor, Permission.EDIT_SURVEY))
        self.handover_button.setVisible(detail is not None and status == "signed" and can(self.actor, Permission.REVIEW))
        self.payment_button.setVisible(detail is not None and status in ("signed", "handed_over")
                                       and self.actor.role.value == "hq_admin")
        self.grievance_button.setVisible(detail is not None)
        standing = self.detail.standing if detail is not None else None
        self.confirm_origin_button.setVisible(standing is not None and standing.origin == FIELD
                                              and self.actor.role.value == "hq_admin")
        self.confirm_origin_button.setToolTip(self.tr("核实后确认：该户属于本项目（现场新增 → 已确认）"))

    def _edit_pointed(self) -> None:
        # Enter / double-click point at a row: show that row's household first, then open it.
        self.detail.flush()
        self._edit()

    def _edit(self) -> None:
        hid = self.current_id()
        if hid is not None and can(self.actor, Permission.EDIT_SURVEY):
            self.edit_requested.emit(hid)

    def _compensation(self) -> None:
        hid = self.current_id()
        if hid is not None:
            self.compensation_requested.emit(hid)

    def _agreements(self) -> None:
        hid = self.current_id()
        if hid is not None:
            from survey_app.ui.agreements.agreement_dialog import open_agreements  # first use only

            self.agreement_dialog = open_agreements(self, self.db, self.actor, self.runner, hid)

    def _submit(self) -> None:
        shown = self.detail.detail
        if shown is None:
            return
        hid, code = shown.id, shown.household_code
        if not confirm(self, self.tr("提交调查"), self.tr(
                "将 {code} {name} 的调查提交复核？\n提交后调查表不能再修改，除非复核员退回。").format(
                code=code, name=shown.head_name), self.tr("提交复核")):
            return
        # Imported on first use: workflow pulls in the compensation engine (~3 % of a start, DESIGN §8).
        from survey_app.core.services import workflow

        run_write(self.runner, lambda: workflow.submit_survey(self.db, self.actor, hid),
                  label=self.tr("正在提交…"), banner=self.banner,
                  on_done=lambda _c: self.banner.show_message(self.tr("{code} 已提交复核").format(code=code), "info"))

    def _hand_over(self) -> None:
        from survey_app.ui.money.handover_dialog import HandoverDialog  # first use only

        if self._open_money(HandoverDialog) is not None:
            self.money_dialog.recorded.connect(lambda: self.banner.show_message(self.tr("已确认交房"), "info"))

    def _payments(self) -> None:
        from survey_app.ui.money.payment_dialog import PaymentDialog  # first use only

        self._open_money(PaymentDialog)

    def _grievances(self) -> None:
        from survey_app.ui.money.grievance_dialog import GrievanceDialog  # first use only

        self._open_money(GrievanceDialog)

    def _open_money(self, dialog_class):  # noqa: ANN001, ANN202
        """Open one of the money/handover/grievance dialogs over the shown household (ui/money/)."""
        d = self.detail.detail
        if d is None:
            return None
        self.money_dialog = dialog_class(self.db, self.actor, self.runner, d.id, f"{d.household_code} {d.head_name}", self)
        self.money_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.money_dialog.open()
        return self.money_dialog

    def _confirm_origin(self) -> None:
        hid = self.current_id()
        if hid is not None:
            from survey_app.core.services import field_households

            run_write(self.runner, lambda: field_households.confirm(self.db, self.actor, hid),
                      label=self.tr("正在保存…"), banner=self.banner,
                      on_done=lambda _c: self.banner.show_message(self.tr("已确认该新增住户"), "info"))

    def _new_household(self) -> None:
        from survey_app.ui.pages.field_household_dialog import FieldHouseholdDialog  # first use only

        dialog = FieldHouseholdDialog(self.db, self.actor, self.runner, self)
        dialog.created.connect(self._created)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.field_dialog = dialog
        dialog.open()

    def _created(self, hid: str) -> None:
        code = self.show_household(hid)
        self.banner.show_message(self.tr("已新增住户 {code}，请打开编辑录入调查").format(code=code), "info")

    def show_household(self, household_id: str) -> str:
        """List just this household (searched by its code, other filters cleared); the list's reset
        selects its one row and the pane shows it. Returns the code."""
        from survey_app.core.services import households

        code = households.get_detail(self.db, household_id).household_code
        self.filter_bar.mine.setChecked(False)
        self.filter_bar.set_status(None)
        self.filter_bar.section.setCurrentIndex(0)
        self.filter_bar.search.setText(code)
        self.filter_bar.flush()
        return code

    def _show_photos(self, household_id: str) -> None:
        """The shown household's photos, read-only (category, caption, time, position): evidence to check."""
        from survey_app.ui.photos.dialog import open_photos  # first use only

        d = self.detail.detail
        title = f"{d.household_code} {d.head_name}" if d is not None else ""
        self.photo_dialog = open_photos(self, self.db, self.actor, self.runner, household_id, title)
