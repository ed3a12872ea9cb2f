"""HQ's list of the project's devices: code, name, key fingerprint, state — and 吊销 (revocation).

The fingerprint is the one the laptop showed at enrolment (four groups of four hex digits), so a voice on
the phone can confirm which machine is which. Revoking asks for a reason, then for confirmation; it runs
on the TaskRunner (services/devices.py ``revoke``: audited, sent to laptops in their next assignment).
Threading: GUI thread only; reading the list is one small query on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database, devices
from survey_app.ui.sync.common import ERROR, OK, ResultList, card, error_text, fingerprint, publish_changes
from survey_app.ui.task_runner import TaskRunner

_REVOKED_COLOUR = "#b3261e"


class DeviceList(QWidget):
    """The devices table and the revoke row under it, inside one card."""

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, results: ResultList,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.results = db, actor, runner, results
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("deviceTable")
        self.table.setHorizontalHeaderLabels([self.tr("代码"), self.tr("名称"), self.tr("密钥指纹"), self.tr("状态")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revokeReason")
        self.reason.setPlaceholderText(self.tr("吊销原因（如：笔记本丢失）"))
        self.revoke_button = QPushButton(self.tr("吊销…"), self)
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self.ask_revoke)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.reason, 1)
        line.addWidget(self.revoke_button)
        self.card = card(self, self.tr("本项目的设备"), self.tr(
            "核对指纹可确认是哪台设备。设备丢失或被盗时选中它并吊销：指挥部不再接受它的同步包，"
            "它在吊销之后签发的协议核验为无效（吊销随任务包传到各笔记本）。"), row)
        self.card.layout().insertWidget(2, self.table)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.card)
        self.rows: list[devices.DeviceInfo] = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = devices.list_devices(self.db)
        self.table.setRowCount(len(self.rows))
        for n, d in enumerate(self.rows):
            if d.revoked:
                state = self.tr("已吊销（{day}）").format(day=devices.china_day(d.revoked_at))
            elif d.kind == "hq":
                state = self.tr("指挥部")
            elif d.fingerprint:
                state = self.tr("正常")
            else:
                state = self.tr("未登记")
            values = (d.code, d.name, fingerprint(d.fingerprint) if d.fingerprint else "—", state)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if d.revoked:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self.tr("吊销原因：{reason}").format(reason=d.revoked_reason))
                self.table.setItem(n, col, item)
        self._selection_changed()

    def selected(self) -> devices.DeviceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        d = self.selected()
        self.revoke_button.setEnabled(d is not None and not d.revoked and d.kind != "hq")

    def ask_revoke(self) -> None:
        d = self.selected()
        if d is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.results.add(ERROR, self.tr("请先填写吊销原因"))
            self.reason.setFocus()
            return
        if confirm_revoke(self, d, reason):
            self.revoke(d.code, reason)

    def revoke(self, code: str, reason: str) -> int | None:
        db, actor = self.db, self.actor
        return self.runner.run(
            lambda progress, cancel: devices.revoke(db, actor, code, reason),
            on_done=self._revoked,
            on_error=lambda e: self.results.add(ERROR, self.tr("设备 {code} 未吊销：{error}").format(
                code=code, error=error_text(e))),
            label=self.tr("正在吊销设备…"), cancellable=False)

    def _revoked(self, d: devices.DeviceInfo) -> None:
        self.reason.clear()
        self.refresh()
        self.results.add(OK, self.tr("已吊销设备 {code}").format(code=d.code), [
            self.tr("指挥部不再接受它的同步包。"),
            self.tr("下一步：给其他笔记本下发任务包，让它们也知道此设备已吊销。")])
        publish_changes(d)


def confirm_revoke(parent: QWidget, d, reason: str) -> bool:  # noqa: ANN001 - a listed device
    """The one confirmation before revoking a device (the sync page's list and HQ's 人员与设备 tab)."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("DeviceList", "吊销设备"), QCoreApplication.translate("DeviceList",
        "吊销设备 {code}（{name}，密钥指纹 {fp}）？\n原因：{reason}\n\n吊销后指挥部不再接受它的同步包，"
        "它在吊销之后签发的协议核验为无效。此操作不能撤销。").format(
            code=d.code, name=d.name, fp=fingerprint(d.fingerprint) if d.fingerprint else "—", reason=reason),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
