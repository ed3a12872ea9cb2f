"""The start window: three big choices and the projects this machine knows (see __init__.py).

新建项目（指挥部） opens the project form (new_project.py); 加入项目（调查员笔记本） the enrolment wizard
(join_wizard.py); 打开演示项目 the demo database in the per-user data folder (made on its first start, as
before). A known project opens on a double click or 打开; a laptop whose enrolment is not finished
reopens its wizard at the second step; 从列表移除 forgets an entry (the file itself is never deleted).
``chosen`` is the database to open when the window closes (None: nothing chosen).
Threading: GUI thread only; the dialogs run their core work on this window's TaskRunner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.services import project_registry
from survey_app.core.services.project_registry import KnownProject
from survey_app.ui.kit import theme
from survey_app.ui.task_runner import TaskRunner

STYLE = theme.START  # the sheet lives in the theme (ui/kit/theme.py)


class StartWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startWindow")
        self.setWindowTitle(self.tr("征收补偿入户调查 — 选择项目"))
        self.setStyleSheet(STYLE)
        self.chosen: Path | None = None
        self.runner = TaskRunner(self)
        self.finished.connect(lambda _r: self.runner.shutdown())

        title = QLabel(self.tr("选择要打开的项目"), self)
        title.setObjectName("startTitle")
        hint = QLabel(self.tr("每个项目是一个数据库文件。指挥部新建项目；调查员笔记本登记后加入项目；"
                              "演示项目仅供试用，数据为随机生成。"), self)
        hint.setObjectName("startHint")
        hint.setWordWrap(True)
        self.new_button = self._choice("startNew", self.tr("新建项目（指挥部）"),
                                       self.tr("填写项目信息，设置第一位指挥部管理员；本机成为指挥部"))
        self.join_button = self._choice("startJoin", self.tr("加入项目（调查员笔记本）"),
                                        self.tr("生成登记申请交给指挥部，再导入登记回复和任务包"))
        self.demo_button = self._choice("startDemo", self.tr("打开演示项目"),
                                        self.tr("约500户随机生成的演示数据，可随意试用"))
        self.new_button.clicked.connect(self.new_project)
        self.join_button.clicked.connect(lambda: self.join_project(None))
        self.demo_button.clicked.connect(self.open_demo)

        self.list = QListWidget(self)
        self.list.setObjectName("startProjects")
        self.list.setSpacing(3)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setObjectName("startOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.forget_button = QPushButton(self.tr("从列表移除"), self)
        self.forget_button.setObjectName("startForget")
        self.forget_button.clicked.connect(self.forget_selected)
        self.empty_label = QLabel(self.tr("本机还没有项目。"), self)
        self.empty_label.setObjectName("startHint")

        choices = QVBoxLayout()
        choices.setSpacing(10)
        for button in (self.new_button, self.join_button, self.demo_button):
            choices.addWidget(button)
        choices.addStretch(1)
        known = QVBoxLayout()
        known_title = QLabel(self.tr("本机的项目"), self)
        theme.set_role(known_title, "strong")
        known.addWidget(known_title)
        known.addWidget(self.list, 1)
        known.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.forget_button)
        buttons.addWidget(self.open_button)
        known.addLayout(buttons)
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(choices, 1)
        body.addLayout(known, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        self.resize(860, 480)
        self.refresh()

    def _choice(self, name: str, text: str, detail: str) -> QPushButton:
        button = QPushButton(text + "\n" + detail, self)
        button.setObjectName("startChoice")
        button.setProperty("choice", name)
        button.setMinimumHeight(72)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    # --- the list ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.list.clear()
        roles = {"hq": self.tr("指挥部"), "field": self.tr("调查员笔记本"), "demo": self.tr("演示")}
        for entry in project_registry.load():
            name = entry.name or entry.path.stem
            if entry.pending:
                state = self.tr("登记未完成：点“打开”继续")
            elif not entry.exists:
                state = self.tr("文件不存在")
            else:
                state = self.tr("上次打开 {when}").format(when=entry.last_opened[:10]) if entry.last_opened \
                    else self.tr("未打开过")
            text = self.tr("{name}  [{role}]\n{code}  ·  {state}  ·  {file}").format(
                name=name, role=roles.get(entry.role, entry.role), code=entry.code or "—", state=state,
                file=entry.path.name)
            item = QListWidgetItem(text, self.list)
            item.setToolTip(str(entry.path))
            item.setData(Qt.ItemDataRole.UserRole, entry)
        self.empty_label.setVisible(self.list.count() == 0)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _current(self) -> KnownProject | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        entry = self._current()
        self.open_button.setEnabled(entry is not None and (entry.openable or entry.pending and entry.exists))
        self.forget_button.setEnabled(entry is not None)

    # --- the choices ------------------------------------------------------------------------------------

    def _open(self, path: Path) -> None:
        self.chosen = Path(path)
        self.accept()

    def new_project(self) -> None:
        from survey_app.ui.start.new_project import NewProjectDialog

        dialog = NewProjectDialog(self.runner, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            made = dialog.created
            project_registry.remember(made.path, name=made.name, code=made.code, role="hq", opened=True)
            self._open(made.path)

    def join_project(self, entry: KnownProject | None) -> None:
        from survey_app.ui.start.join_wizard import JoinWizard

        wizard = JoinWizard(self.runner, self, pending=entry.path if entry else None)
        wizard.exec()
        if wizard.ready is not None:
            self._open(wizard.ready)
        else:
            self.refresh()

    def open_demo(self) -> None:
        from survey_app.core.paths import default_db_path

        path = default_db_path()
        project_registry.remember(path, name=self.tr("演示项目"), role="demo", opened=True)
        self._open(path)

    def open_selected(self) -> None:
        entry = self._current()
        if entry is None:
            return
        if not entry.exists and not entry.openable:
            QMessageBox.warning(self, self.tr("打开项目"), self.tr("找不到数据库文件：{path}\n可能已被移动或删除。").format(
                path=entry.path))
            return
        if entry.pending:
            self.join_project(entry)
            return
        project_registry.touch(entry.path)
        self._open(entry.path)

    def forget_selected(self) -> None:
        entry = self._current()
        if entry is None:
            return
        answer = QMessageBox.question(self, self.tr("从列表移除"), self.tr(
            "从本机的项目列表中移除“{name}”？\n数据库文件不会被删除：{path}").format(
                name=entry.name or entry.path.stem, path=entry.path))
        if answer == QMessageBox.StandardButton.Yes:
            project_registry.forget(entry.path)
            self.refresh()
