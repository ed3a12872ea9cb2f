"""用户 at HQ: the accounts table and 新建用户… / 停用·启用 / 重置密码… / 角色….

Every change goes to core/services/users.py on the TaskRunner (password hashing is slow on purpose),
which checks the role and writes the audit chain; the table reloads on the change signal. A refusal
shows the core's Chinese message in the result list. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Role
from survey_app.core.security.passwords import MIN_LENGTH
from survey_app.core.services import Database, users
from survey_app.ui import labels
from survey_app.ui.hq.people_common import FormDialog, RowsModel, RowsTable
from survey_app.ui.sync.common import ERROR, OK, WARN, ResultList, error_text, publish_changes
from survey_app.ui.task_runner import TaskRunner

CTX = "UsersPanel"
HEADERS = (QT_TRANSLATE_NOOP("UsersPanel", "用户名"), QT_TRANSLATE_NOOP("UsersPanel", "显示姓名"),
           QT_TRANSLATE_NOOP("UsersPanel", "角色"), QT_TRANSLATE_NOOP("UsersPanel", "电话"),
           QT_TRANSLATE_NOOP("UsersPanel", "状态"), QT_TRANSLATE_NOOP("UsersPanel", "负责住户"))
_STATES = (QT_TRANSLATE_NOOP("UsersPanel", "已停用"), QT_TRANSLATE_NOOP("UsersPanel", "已锁定"),
           QT_TRANSLATE_NOOP("UsersPanel", "须修改密码"), QT_TRANSLATE_NOOP("UsersPanel", "正常"))


def _state(a: users.AccountInfo) -> str:
    text = _STATES[0] if not a.active else _STATES[1] if a.locked_until else _STATES[2] if a.must_change_password \
        else _STATES[3]
    return QCoreApplication.translate(CTX, text)


def _cells(a: users.AccountInfo) -> list[str]:
    return [a.username, a.display_name, labels.role(a.role.value), a.phone, _state(a), str(a.households)]


class UsersPanel(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, results: ResultList,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("peopleUsers")
        self.db, self.actor, self.runner, self.results = db, actor, runner, results
        self.model = RowsModel(CTX, HEADERS, _cells, self)
        self.table = RowsTable(self.model, lambda a: a.username, self)
        self.table.setObjectName("usersTable")
        self.new_button = QPushButton(self.tr("新建用户…"), self)
        self.new_button.setObjectName("newUser")
        self.active_button = QPushButton(self.tr("停用"), self)
        self.active_button.setObjectName("toggleUser")
        self.reset_button = QPushButton(self.tr("重置密码…"), self)
        self.reset_button.setObjectName("resetPassword")
        self.role_button = QPushButton(self.tr("角色…"), self)
        self.role_button.setObjectName("changeRole")
        self.new_button.clicked.connect(self.open_new_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.open_reset)
        self.role_button.clicked.connect(self.open_role)
        self.dialog: FormDialog | None = None  # the open form (tests drive it)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.active_button, self.reset_button, self.role_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    # --- state -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.table.reload(users.list_accounts(self.db))
        self._selection_changed()

    def selected(self) -> users.AccountInfo | None:
        return self.table.selected()

    def _selection_changed(self, *_args: object) -> None:
        a = self.selected()
        for b in (self.active_button, self.reset_button, self.role_button):
            b.setEnabled(a is not None)
        self.active_button.setText(self.tr("启用") if a is not None and not a.active else self.tr("停用"))

    def _run(self, job: Callable[[], object], done: Callable[[object], None], label: str) -> int:
        def failed(exc: BaseException) -> None:
            self.results.add(ERROR, self.tr("未完成：{error}").format(error=error_text(exc)))

        def finished(result: object) -> None:
            done(result)
            publish_changes(result)  # the service's commit: a ChangeSet, or a value carrying it
            self.refresh()

        return self.runner.run(lambda progress, cancel: job(), on_done=finished, on_error=failed, label=label,
                               cancellable=False)

    def _password_fields(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(), QLineEdit()
        for edit, name in ((first, "password"), (second, "password2")):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return first, second

    def _password_problem(self, first: QLineEdit, second: QLineEdit) -> str:
        if len(first.text()) < MIN_LENGTH:
            return self.tr("密码至少 {n} 位").format(n=MIN_LENGTH)
        if first.text() != second.text():
            return self.tr("两次输入的密码不一致")
        return ""

    # --- actions -----------------------------------------------------------------------------------------

    def open_new_user(self) -> FormDialog:
        username, name, phone = QLineEdit(), QLineEdit(), QLineEdit()
        username.setObjectName("username")
        name.setObjectName("displayName")
        phone.setObjectName("phone")
        role = QComboBox()
        role.setObjectName("role")
        for r in (Role.FIELD_WORKER, Role.SUPERVISOR, Role.HQ_ADMIN):
            role.addItem(labels.role(r.value), r.value)
        first, second = self._password_fields()

        def check() -> str:
            if not username.text().strip():
                return self.tr("请填写用户名")
            return self._password_problem(first, second)

        dialog = FormDialog(self, self.tr("新建用户"), [
            (self.tr("用户名"), username), (self.tr("显示姓名"), name), (self.tr("电话"), phone),
            (self.tr("角色"), role), (self.tr("初始密码"), first), (self.tr("再次输入"), second)], check)
        db, actor = self.db, self.actor

        def accepted() -> None:
            values = (username.text().strip(), first.text(), role.currentData(), name.text().strip(),
                      phone.text().strip())
            self._run(lambda: users.create_account(db, actor, *values),
                      lambda info: self.results.add(OK, self.tr("已新建用户 {user}").format(user=info.username), [
                          self.tr("角色：{role}").format(role=labels.role(info.role.value)),
                          self.tr("首次登录时须修改密码。") if info.must_change_password else "",
                          self.tr("下一步：在“笔记本”中把该调查员指定到笔记本，再分派住户。")]),
                      self.tr("正在新建用户…"))

        dialog.accepted.connect(accepted)
        return self._open(dialog)

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        a = self.selected()
        if a is None:
            return
        db, actor, user, active = self.db, self.actor, a.username, not a.active

        def done(result: users.Activation) -> None:
            left = result.households
            if active:
                self.results.add(OK, self.tr("已启用 {user}").format(user=user))
            elif left:
                self.results.add(WARN, self.tr("已停用 {user}").format(user=user), [
                    self.tr("该用户还负责 {n} 户，请在“分派住户”中转派给其他调查员。").format(n=left)])
            else:
                self.results.add(OK, self.tr("已停用 {user}").format(user=user))

        self._run(lambda: users.set_active(db, actor, user, active), done, self.tr("正在保存…"))

    def open_reset(self) -> FormDialog | None:
        a = self.selected()
        if a is None:
            return None
        first, second = self._password_fields()
        dialog = FormDialog(self, self.tr("重置 {user} 的密码").format(user=a.username), [
            (self.tr("新密码"), first), (self.tr("再次输入"), second)], lambda: self._password_problem(first, second))
        db, actor, user = self.db, self.actor, a.username

        def accepted() -> None:
            password = first.text()
            self._run(lambda: users.reset_password(db, actor, user, password),
                      lambda _r: self.results.add(OK, self.tr("已重置 {user} 的密码").format(user=user), [
                          self.tr("该用户下次登录时须修改密码。笔记本上的密码随下一个任务包更新。")]),
                      self.tr("正在重置密码…"))

        dialog.accepted.connect(accepted)
        return self._open(dialog)

    def open_role(self) -> FormDialog | None:
        a = self.selected()
        if a is None:
            return None
        role = QComboBox()
        role.setObjectName("role")
        for r in Role:
            role.addItem(labels.role(r.value), r.value)
        role.setCurrentIndex(role.findData(a.role.value))
        dialog = FormDialog(self, self.tr("修改 {user} 的角色").format(user=a.username), [(self.tr("角色"), role)])
        db, actor, user = self.db, self.actor, a.username

        def accepted() -> None:
            value = role.currentData()
            self._run(lambda: users.change_role(db, actor, user, value),
                      lambda _r: self.results.add(OK, self.tr("{user} 的角色已改为{role}").format(
                          user=user, role=labels.role(value))), self.tr("正在保存…"))

        dialog.accepted.connect(accepted)
        return self._open(dialog)
