"""新建项目（指挥部）: the project form — every project field, the sections, the first HQ administrator
(name, password twice) and where the database file goes (the per-user data folder, or a folder the user
picks). The project is made encrypted, with its key vault beside it: the admin's password opens it, and the
required 恢复密码 (twice; kept sealed by the project lead) becomes the vault's recovery (``device``) slot, so
a forgotten password is reset with it (忘记密码 at the login) and no project is ever lost. 创建项目 checks in the core (core/services/projects.py: Chinese messages naming the field, shown
in red above the buttons with the field focused) and makes the file on the TaskRunner's worker.
``created`` holds the result once made (the dialog is then accepted).
Threading: GUI thread; create_project runs on the runner's worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.errors import SurveyAppError, ValidationError
from survey_app.core.paths import data_dir
from survey_app.core.services.projects import CreatedProject
from survey_app.ui.kit import theme
from survey_app.ui.start.fields import BadDate, DateEdit, SectionsEditor
from survey_app.ui.task_runner import TaskRunner


def free_path(folder: Path, code: str) -> Path:
    """``<code>.sqlite3`` in ``folder``, or ``<code>-2.sqlite3``… when taken (a new project never overwrites)."""
    stem = code.strip().upper() or "project"
    path, n = folder / f"{stem}.sqlite3", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}.sqlite3", n + 1
    return path


class NewProjectDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle(self.tr("新建项目（指挥部）"))
        self.runner = runner
        self.created: CreatedProject | None = None
        self.folder = data_dir()

        def line(name: str, placeholder: str = "", password: bool = False) -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            if password:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            return edit

        self.name = line("projectName", self.tr("如 芙蓉路片区棚户区改造项目"))
        self.code = line("projectCode", self.tr("英文字母和数字，如 FR2024"))
        self.code.textChanged.connect(self._update_path)
        self.city = line("projectCity", self.tr("如 长沙市"))
        self.decision_no = line("projectDecisionNo", self.tr("如 芙政征〔2024〕3号"))
        self.valuation_date = DateEdit(self)
        self.valuation_date.setObjectName("projectValuationDate")
        self.signing_start = DateEdit(self)
        self.signing_start.setObjectName("projectSigningStart")
        self.signing_end = DateEdit(self)
        self.signing_end.setObjectName("projectSigningEnd")
        self.target = line("projectTarget", self.tr("如 60，可暂不填"))
        self.sections = SectionsEditor(self)
        self.admin = line("adminUsername")
        self.admin.setText("admin")
        self.display_name = line("adminDisplayName", self.tr("可不填"))
        self.password = line("adminPassword", self.tr("至少 8 位"), password=True)
        self.password2 = line("adminPassword2", "", password=True)
        self.recovery = line("recoveryPassword", self.tr("至少 8 位，不同于管理员密码"), password=True)
        self.recovery2 = line("recoveryPassword2", "", password=True)
        self.path_label = QLabel(self)
        self.path_label.setObjectName("projectPath")
        self.path_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("更改文件夹…"), self)
        self.folder_button.setObjectName("projectFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        self.error = QLabel(self)
        self.error.setObjectName("projectError")
        theme.set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.create_button = QPushButton(self.tr("创建项目"), self)
        self.create_button.setObjectName("projectCreate")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("projectCancel")
        self.cancel_button.clicked.connect(self.reject)
        self._build_layout()
        self._update_path()
        self.resize(820, 640)

    def _build_layout(self) -> None:
        project = QFormLayout()
        project.addRow(self.tr("项目名称 *"), self.name)
        project.addRow(self.tr("项目编号 *"), self.code)
        project.addRow(self.tr("城市 *"), self.city)
        project.addRow(self.tr("征收决定文号"), self.decision_no)
        project.addRow(self.tr("评估时点"), self.valuation_date)
        period = QHBoxLayout()
        period.addWidget(self.signing_start)
        period.addWidget(QLabel(self.tr("至"), self))
        period.addWidget(self.signing_end)
        project.addRow(self.tr("签约期"), period)
        project.addRow(self.tr("货币化安置目标（%）"), self.target)
        admin = QFormLayout()
        admin.addRow(self.tr("管理员用户名 *"), self.admin)
        admin.addRow(self.tr("显示姓名"), self.display_name)
        admin.addRow(self.tr("密码 *"), self.password)
        admin.addRow(self.tr("再次输入密码 *"), self.password2)
        note = QLabel(self.tr("项目数据库将加密保存：此密码用于登录并解开项目和指挥部同步密钥，请牢记。"
                              "不能使用演示项目的密码。"), self)
        note.setWordWrap(True)
        theme.set_role(note, "hint")
        admin.addRow(note)
        admin.addRow(self.tr("恢复密码 *"), self.recovery)
        admin.addRow(self.tr("再次输入恢复密码 *"), self.recovery2)
        recovery_note = QLabel(self.tr("交项目负责人另行保管（例如密封在信封里）；管理员忘记密码时，用它重设"), self)
        recovery_note.setObjectName("recoveryNote")
        recovery_note.setWordWrap(True)
        theme.set_role(recovery_note, "note")
        admin.addRow(recovery_note)
        where = QHBoxLayout()
        where.addWidget(self.path_label, 1)
        where.addWidget(self.folder_button)
        admin.addRow(self.tr("保存位置"), where)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self._heading(self.tr("项目信息")), 0, 0)
        grid.addLayout(project, 1, 0)
        grid.addWidget(self._heading(self.tr("片区 / 地块")), 2, 0)
        grid.addWidget(self.sections, 3, 0)
        grid.addWidget(self._heading(self.tr("第一位指挥部管理员")), 0, 1)
        grid.addLayout(admin, 1, 1, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        body = QWidget(self)
        body.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        theme.set_role(label, "heading")
        return label

    def target_path(self) -> Path:
        return free_path(self.folder, self.code.text())

    def _update_path(self) -> None:
        self.path_label.setText(str(self.target_path()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("项目数据库保存到哪个文件夹"), str(self.folder))
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._update_path()

    # --- create -----------------------------------------------------------------------------------------

    def _show_error(self, message: str, widget: QWidget | None = None) -> None:
        self.error.setText(message)
        if widget is not None:
            widget.setFocus()

    def _values(self) -> dict | None:
        dates = {}
        for key, edit, label in (("valuation_date", self.valuation_date, self.tr("评估时点")),
                                 ("signing_start", self.signing_start, self.tr("签约期开始日期")),
                                 ("signing_end", self.signing_end, self.tr("签约期结束日期"))):
            try:
                dates[key] = edit.date()
            except BadDate:
                self._show_error(self.tr("{label}不是有效日期，请写成 2024-05-01").format(label=label), edit)
                return None
        if self.password.text() != self.password2.text():
            self.password2.clear()
            self._show_error(self.tr("两次输入的密码不一致"), self.password2)
            return None
        if not self.recovery.text():
            self._show_error(self.tr("请设置恢复密码：管理员忘记密码时，只有用它才能重设"), self.recovery)
            return None
        if self.recovery.text() != self.recovery2.text():
            self.recovery2.clear()
            self._show_error(self.tr("两次输入的恢复密码不一致"), self.recovery2)
            return None
        return dict(name=self.name.text(), code=self.code.text(), city=self.city.text(),
                    decision_no=self.decision_no.text(), cash_target_pct=self.target.text().strip() or None,
                    sections=self.sections.sections(), admin_username=self.admin.text(),
                    admin_password=self.password.text(), display_name=self.display_name.text(),
                    device_password=self.recovery.text(), **dates)

    def create(self) -> int | None:
        """Check the form and create the project on the worker; returns the job id (None: refused here)."""
        values = self._values()
        if values is None:
            return None
        path = self.target_path()
        self.error.clear()
        self.create_button.setEnabled(False)

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            from survey_app.core.services.projects import create_project

            return create_project(path, **values)

        return self.runner.run(job, on_done=self._created, on_error=self._failed,
                               label=self.tr("正在创建项目…"), cancellable=False)

    def _created(self, made: CreatedProject) -> None:
        self.created = made
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        fields = {"name": self.name, "code": self.code, "city": self.city, "decision_no": self.decision_no,
                  "valuation_date": self.valuation_date, "signing_start": self.signing_start,
                  "signing_end": self.signing_end, "cash_target_pct": self.target, "sections": self.sections.name,
                  "admin_username": self.admin, "display_name": self.display_name, "admin_password": self.password,
                  "password": self.password, "device_password": self.recovery}
        if isinstance(exc, ValidationError):
            self._show_error(str(exc), fields.get(exc.field or ""))
        elif isinstance(exc, SurveyAppError):
            self._show_error(str(exc))
        else:
            self._show_error(self.tr("创建项目失败：{error}").format(error=exc))
