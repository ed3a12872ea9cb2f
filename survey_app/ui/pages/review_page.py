"""复核 page (supervisor / HQ): the queue of surveyed households, the selected one's details, approve or return.

Left, the queue (ReviewQueueModel, oldest first, optionally one 地块); right, the household as the
worker entered it (the same read-only detail panel as the 住户 page), a comment box and the two
decisions. 通过复核 moves it to 已复核 (the comment is kept as the review note); 退回修改 needs a
comment — the service refuses without one — and sends it back to 待调查, where the worker sees the
comment at the top of the household's details. After a decision the household leaves the queue
and the next one (same row) is selected, so a supervisor can work down the list.
A decision always acts on the household whose details are on screen (by its id, never by the row
index): the buttons are enabled only once the pane shows the selected household, still waiting.
The page is shown only to roles with the REVIEW permission; the service checks again.
Threading: GUI thread only; decisions go through the TaskRunner (pages/common.py).
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database, households, workflow
from survey_app.ui import formatting
from survey_app.ui.changes import ChangeHub
from survey_app.ui.household_detail import HouseholdDetailView
from survey_app.ui.kit import theme
from survey_app.ui.kit.list_detail import ListDetail, pane
from survey_app.ui.kit.table import DataTable
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, enable, run_write
from survey_app.ui.pages.review_model import (
    COL_ADDRESS,
    COL_AREA,
    COL_CODE,
    COL_NAME,
    COL_SECTION,
    COL_UPDATED,
    QUEUE_STATUS,
    ReviewQueueModel,
)
from survey_app.ui.task_runner import TaskRunner


class ReviewPage(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.db, self.actor, self.runner = db, actor, runner
        self.model = ReviewQueueModel(db, self)
        self._wanted: tuple[int | None, int] = (None, 0)  # (key, row) to select again after a reset

        self.count_label = theme.set_role(QLabel(self), "count")
        self.section = QComboBox(self)
        self.section.setObjectName("reviewSection")
        self.section.setMinimumHeight(32)
        self.section.currentIndexChanged.connect(lambda _i: self.model.set_section(self.section.currentData() or None))
        self.table = DataTable(self, name="reviewTable", model=self.model, stretch=COL_ADDRESS)
        self.table.size_columns({COL_CODE: 10, COL_NAME: 7, COL_SECTION: 5, COL_AREA: 9})
        self.table.size_column_for(COL_UPDATED, formatting.datetime_local(
            datetime.datetime(2026, 12, 28, 21, 5, tzinfo=datetime.UTC)))
        self.detail = HouseholdDetailView(db, self)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(self.tr("复核意见（退回时必填，调查员会看到）"))
        self.comment.setFixedHeight(4 * self.fontMetrics().height() + 16)
        self.approve_button = QPushButton(self.tr("通过复核"), self)
        self.approve_button.setObjectName("approveButton")
        self.return_button = QPushButton(self.tr("退回修改"), self)
        self.return_button.setObjectName("returnButton")
        theme.set_role(self.return_button, "danger")
        for b in (self.approve_button, self.return_button):
            b.setMinimumHeight(TOUCH_HEIGHT)
            b.setMinimumWidth(110)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_for_rework)
        self.banner = MessageBanner(self)

        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(QLabel(self.tr("地块"), self))
        bar.addWidget(self.section)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        self.splitter = ListDetail(pane(self, bar, (self.table, 1)),
                                   pane(self, (self.detail, 1), self.comment, buttons, spacing=6), self,
                                   stretch=(11, 9))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.splitter.follow(self.table)
        self.splitter.current_changed.connect(self._on_current)
        self.detail.loaded.connect(lambda _d: self._update_buttons())
        self.detail.photos_requested.connect(self._show_photos)
        ChangeHub.instance().changed.connect(self._on_changed)
        self._fill_sections()
        self.model.refresh()

    # --- data -------------------------------------------------------------------------------------------

    def _fill_sections(self) -> None:
        current = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(self.tr("全部"), "")  # "" not None: see household_filter_bar.py
        for name in households.sections(self.db):
            self.section.addItem(name, name)
        self.section.setCurrentIndex(max(self.section.findData(current) if current else 0, 0))
        self.section.blockSignals(False)

    def _on_changed(self, _changes: object) -> None:
        self.model.refresh()
        self.detail.reload()

    def current_key(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() else None

    def current_id(self) -> str | None:
        """Hex id of the selected row (the pane follows it; decisions use ``detail.shown_id``)."""
        index = self.table.currentIndex()
        row = self.model.row_data(index.row()) if index.isValid() else None
        return row.id if row is not None else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(QModelIndex())
            self.detail.show_key(None)
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def _remember(self) -> None:
        index = self.table.currentIndex()
        self._wanted = (self.current_key(), index.row() if index.isValid() else 0)

    def _restore(self) -> None:
        key, row = self._wanted
        found = self.model.row_of(key) if key is not None else -1
        # The decided household has left the queue: the one now on its row is the next to review.
        self.select_row(found if found >= 0 else min(row, self.model.rowCount() - 1))
        self.count_label.setText(self.tr("待复核 {n} 户").format(n=formatting.count(self.model.rowCount())))
        self._update_buttons()

    def _on_current(self, row: int) -> None:
        self.detail.show_key(self.model.key_at(row) if row >= 0 else None)
        self._update_buttons()

    def _why_not(self) -> str:
        """Why no decision can be taken now ("" when one can)."""
        shown = self.detail.detail
        if not self.table.currentIndex().isValid():
            return self.tr("队列中没有待复核的住户") if self.model.rowCount() == 0 else self.tr("请先在左侧选择一户")
        if shown is None or self.detail.key != self.current_key():
            return self.tr("正在读取所选住户…")
        if shown.status != QUEUE_STATUS:
            return self.tr("该户已不在待复核状态")
        return ""

    def _update_buttons(self) -> None:
        why = self._why_not()
        enable(self.approve_button, self.tr("调查核对无误：已调查 → 已复核"), why)
        enable(self.return_button, self.tr("退回调查员修改（须填写退回意见）：已调查 → 待调查"), why)

    # --- decisions --------------------------------------------------------------------------------------

    def approve(self) -> None:
        hid = self._decidable_id()
        if hid is None:
            return
        comment, code = self.comment.toPlainText(), self._code()
        self.banner.hide()
        run_write(self.runner, lambda: workflow.approve(self.db, self.actor, hid, comment),
                  label=self.tr("正在保存…"), banner=self.banner,
                  on_done=lambda _c: self._decided(self.tr("{code} 已通过复核").format(code=code)))

    def return_for_rework(self) -> None:
        hid = self._decidable_id()
        if hid is None:
            return
        comment, code = self.comment.toPlainText(), self._code()
        self.banner.hide()
        if not comment.strip():  # the service refuses too; say it before a round trip, next to the box
            self.banner.show_message(self.tr("退回时须填写退回意见，告诉调查员要改什么"), "error")
            self.comment.setFocus()
            return
        run_write(self.runner, lambda: workflow.return_for_rework(self.db, self.actor, hid, comment),
                  label=self.tr("正在保存…"), banner=self.banner,
                  on_done=lambda _c: self._decided(self.tr("{code} 已退回调查员修改").format(code=code)))

    def _decidable_id(self) -> str | None:
        # The household on screen, and only if it is the selected one and still waiting for review.
        return self.detail.shown_id if not self._why_not() else None

    def _code(self) -> str:
        return self.detail.detail.household_code if self.detail.detail is not None else ""

    def _decided(self, message: str) -> None:
        self.comment.clear()
        self.banner.show_message(message, "info")

    def _show_photos(self, household_id: str) -> None:
        """The shown household's photos, read-only (category, caption, time, position): evidence to check."""
        from survey_app.ui.photos.dialog import open_photos  # first use only

        d = self.detail.detail
        title = f"{d.household_code} {d.head_name}" if d is not None else ""
        self.photo_dialog = open_photos(self, self.db, self.actor, self.runner, household_id, title)
