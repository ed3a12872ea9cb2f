"""信访/纠纷 of one household: the list (status, due date, overdue), the selected one's follow-ups, and the
acts — 登记 (anyone), 跟进 (anyone), 办结 (HQ administrators; the button shows only for them, the service
checks anyway). Threading: GUI thread; writes run on the TaskRunner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain import china_time
from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.core.services import grievances as gv
from survey_app.ui.money.common import date_edit, date_of, line
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, run_write
from survey_app.ui.task_runner import TaskRunner


class GrievanceDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str, title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner, self.household_id = db, actor, runner, household_id
        self.setObjectName("grievanceDialog")
        self.setWindowTitle(self.tr("信访/纠纷 — {household}").format(household=title))
        self.statuses = {"open": self.tr("待处理"), "following": self.tr("跟进中"), "closed": self.tr("已办结")}
        self.list = QListWidget(self)
        self.list.setObjectName("grievanceList")
        self.list.setMaximumHeight(130)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.details = QLabel(self)
        self.details.setObjectName("grievanceDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.follow_text = line(self, "grievanceFollowText", self.tr("跟进情况：做了什么、对方怎么说"), 1000)
        self.follow_button = self._button(self.tr("登记跟进"), "grievanceFollowButton", self.follow)
        self.resolution = line(self, "grievanceResolution", self.tr("处理结果"), 1000)
        self.close_button = self._button(self.tr("办结"), "grievanceCloseButton", self.close_selected)
        hq = actor.role.value == "hq_admin"
        self.resolution.setVisible(hq)
        self.close_button.setVisible(hq)
        acts = QHBoxLayout()
        for w in (self.follow_text, self.follow_button, self.resolution, self.close_button):
            acts.addWidget(w, 1 if w in (self.follow_text, self.resolution) else 0)
        self.kind = QComboBox(self)
        self.kind.setObjectName("grievanceKind")
        for code, text in (("petition", self.tr("信访")), ("dispute", self.tr("纠纷")), ("complaint", self.tr("投诉"))):
            self.kind.addItem(text, code)
        self.summary = line(self, "grievanceSummary", self.tr("事由（简要）"), 128)
        self.detail = line(self, "grievanceDetail", self.tr("详细说明"), 2000)
        self.has_due = QCheckBox(self.tr("办理期限"), self)
        self.has_due.setObjectName("grievanceHasDue")
        self.due = date_edit(self, "grievanceDue")
        self.due.setMaximumDate(self.due.maximumDate().addYears(5))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.add_button = self._button(self.tr("登记"), "grievanceAddButton", self.add)
        new = QGroupBox(self.tr("登记新的信访/纠纷"), self)
        form = QFormLayout(new)
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("事由 *"), self.summary)
        form.addRow(self.tr("说明"), self.detail)
        form.addRow(self.has_due, self.due)
        form.addRow("", self.add_button)
        self.banner = MessageBanner(self)
        close = self._button(self.tr("关闭"), "closeButton", self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.details)
        layout.addLayout(acts)
        layout.addWidget(new)
        layout.addWidget(self.banner)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(560)
        self.reload()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setMinimumHeight(TOUCH_HEIGHT)
        b.clicked.connect(slot)
        return b

    def reload(self, select: str | None = None) -> None:
        today = china_time.today()
        keep = select or (self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None)
        self.list.clear()
        for g in gv.list_grievances(self.db, household_id=self.household_id):
            late = self.tr("（逾期）") if g.overdue(today) else ""
            due = g.due_on.isoformat() if g.due_on else "—"
            item = QListWidgetItem(self.tr("{day}  {kind}  {status}{late}  期限 {due}  {summary}").format(
                day=g.raised_on.isoformat(), kind=self.kind.itemText(self.kind.findData(g.kind)) or g.kind,
                status=self.statuses.get(g.status, g.status), late=late, due=due, summary=g.summary))
            item.setData(Qt.ItemDataRole.UserRole, g.id)
            self.list.addItem(item)
            if g.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_selected(self) -> None:
        gid = self.selected_id()
        self.follow_button.setEnabled(gid is not None)
        self.close_button.setEnabled(gid is not None)
        if gid is None:
            self.details.setText(self.tr("该户没有信访/纠纷记录。"))
            return
        g = gv.get_grievance(self.db, gid)
        lines = [g.summary + (f"：{g.detail}" if g.detail else "")]
        lines += [f"{f.followed_on.isoformat()} {f.author}：{f.note}" for f in g.follow_ups]
        if g.status == "closed":
            lines.append(self.tr("办结：{text}").format(text=g.resolution))
        self.details.setText("\n".join(lines))
        self.follow_button.setEnabled(g.status != "closed")
        self.close_button.setEnabled(g.status != "closed")

    def _write(self, fn, done_text: str, clear) -> None:  # noqa: ANN001
        if self.runner.busy:
            return
        self.banner.hide()

        def done(result: object) -> None:
            clear()
            self.reload(getattr(result, "id", None))
            self.banner.show_message(done_text, "info")

        run_write(self.runner, fn, label=self.tr("正在保存…"), banner=self.banner, on_done=done)

    def add(self) -> None:
        kind, summary, detail = self.kind.currentData(), self.summary.text(), self.detail.text()
        due = date_of(self.due) if self.has_due.isChecked() else None
        self._write(lambda: gv.add_grievance(self.db, self.actor, self.household_id, kind, summary, detail=detail,
                                             due_on=due), self.tr("已登记"),
                    lambda: (self.summary.clear(), self.detail.clear()))

    def follow(self) -> None:
        gid, text = self.selected_id(), self.follow_text.text()
        if gid is not None:
            self._write(lambda: gv.follow_up(self.db, self.actor, gid, text), self.tr("已登记跟进"),
                        self.follow_text.clear)

    def close_selected(self) -> None:
        gid, text = self.selected_id(), self.resolution.text()
        if gid is not None:
            self._write(lambda: gv.close_grievance(self.db, self.actor, gid, text), self.tr("已办结"),
                        self.resolution.clear)

