"""人员与设备 (HQ 项目 page): users, laptops, and which worker surveys which households (issue 12 item 6).

Three inner tabs — 用户 (people_users), 笔记本 (people_laptops: enrol, set workers, export, revoke) and
分派住户 (people_assign) — over one result list, so whatever was done last is read in one place; the list
is always tall enough for a whole result (its title and three lines), at 1024×768 too. The panels reload
when the change signal names users, devices or households. Roles are enforced in the core; a user
without the rights sees the refusal, not a hidden page.
Threading: GUI thread only; writes run on the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.ui.changes import ChangeHub
from survey_app.ui.hq.people_assign import AssignPanel
from survey_app.ui.hq.people_laptops import LaptopsPanel
from survey_app.ui.hq.people_users import UsersPanel
from survey_app.ui.sync.common import ERROR, OK, STYLE, KeySession, ResultList
from survey_app.ui.task_runner import TaskRunner


def _result_height(results: ResultList) -> int:
    """The height a result with its title and three lines needs in ``results`` (its fonts, its style)."""
    probe = ResultList()
    probe.setFont(results.font())
    probe.add(OK, "已写出 1 个任务包", ["文件", "位置", "下一步"])
    document = probe.document()
    document.setTextWidth(600)
    height = int(document.size().height()) + 2 * results.frameWidth() + 4
    probe.deleteLater()
    return height


class PeopleTab(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hqPeopleTab")
        self.setStyleSheet(STYLE)
        self.results = ResultList(self, placeholder=self.tr("新建用户、登记笔记本、分派住户的结果会显示在这里。"))
        self.keys = KeySession(db, self, lambda text: self.results.add(ERROR, text))
        self.users = UsersPanel(db, actor, runner, self.results, self)
        self.laptops = LaptopsPanel(db, actor, runner, self.keys, self.results, self)
        self.assign = AssignPanel(db, actor, runner, self.results, self.laptops.export, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("peopleTabs")
        self.tabs.addTab(self.users, self.tr("用户"))
        self.tabs.addTab(self.laptops, self.tr("笔记本"))
        self.tabs.addTab(self.assign, self.tr("分派住户"))
        self.results.setMinimumHeight(_result_height(self.results))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tabs)
        split.addWidget(self.results)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split)
        ChangeHub.instance().changed.connect(self._changed)

    def _changed(self, changes: object) -> None:
        touches = getattr(changes, "touches", None)
        if touches is None:
            return
        if touches("users"):
            self.users.refresh()
        if touches("users", "devices"):
            self.laptops.refresh()
        if touches("users", "households"):
            self.assign.refresh()


def build(db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    """The 人员与设备 tab of the HQ 项目 page."""
    return PeopleTab(db, actor, runner, parent)
