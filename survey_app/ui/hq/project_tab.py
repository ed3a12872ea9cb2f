"""HQ's 项目信息 tab: the project's details and sections, editable; HQ's key fingerprint.

Until the first agreement exists changes are saved as they are (the unit of work audits the row);
after it, a reason is required and recorded as its own audit event (core/services/projects.py
``update_project`` enforces both: the reason box here only says so in advance). The project code is
shown but fixed. The fingerprint is what laptops compare when they enrol.
Threading: GUI thread; reading and saving run on the TaskRunner's worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError, ValidationError
from survey_app.core.services import Database, project_registry
from survey_app.core.services.database_url import shown_url
from survey_app.core.services.projects import ProjectInfo, project_info, update_project
from survey_app.ui.hq.effect_box import EffectBox
from survey_app.ui.start.fields import BadDate, DateEdit, SectionsEditor
from survey_app.ui.task_runner import TaskRunner


def build(db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    return ProjectTab(db, actor, runner, parent)


def _groups(text: str) -> str:
    text = text.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


class ProjectTab(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner = db, actor, runner
        self.info: ProjectInfo | None = None
        self.code = QLabel(self)
        self.code.setObjectName("projectCodeLabel")
        self.name = QLineEdit(self)
        self.name.setObjectName("projectName")
        self.city = QLineEdit(self)
        self.city.setObjectName("projectCity")
        self.decision_no = QLineEdit(self)
        self.decision_no.setObjectName("projectDecisionNo")
        self.valuation_date = DateEdit(self)
        self.valuation_date.setObjectName("projectValuationDate")
        self.signing_start = DateEdit(self)
        self.signing_start.setObjectName("projectSigningStart")
        self.signing_end = DateEdit(self)
        self.signing_end.setObjectName("projectSigningEnd")
        self.target = QLineEdit(self)
        self.target.setObjectName("projectTarget")
        self.target.setPlaceholderText(self.tr("如 60，可不填"))
        self.sections = SectionsEditor(self)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("projectFingerprint")
        self.database = QLabel(shown_url(db), self)  # a server URL's password is never shown
        self.database.setObjectName("projectDatabase")
        self.database.setWordWrap(True)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lock_note = QLabel(self)
        self.lock_note.setObjectName("projectLockNote")
        self.lock_note.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("projectReason")
        self.reason.setPlaceholderText(self.tr("已有协议签订：请写明修改原因（记入审计）"))
        self.message = QLabel(self)
        self.message.setObjectName("projectMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存修改"), self)
        self.save_button.setObjectName("projectSave")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("项目编号"), self.code)
        form.addRow(self.tr("项目名称"), self.name)
        form.addRow(self.tr("城市"), self.city)
        form.addRow(self.tr("征收决定文号"), self.decision_no)
        form.addRow(self.tr("评估时点"), self.valuation_date)
        period = QHBoxLayout()
        period.addWidget(self.signing_start)
        period.addWidget(QLabel(self.tr("至"), self))
        period.addWidget(self.signing_end)
        form.addRow(self.tr("签约期"), period)
        form.addRow(self.tr("货币化安置目标（%）"), self.target)
        form.addRow(self.tr("片区 / 地块"), self.sections)
        form.addRow(self.tr("指挥部密钥指纹"), self.fingerprint)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow(self.lock_note)
        form.addRow(self.tr("修改原因"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.effect = EffectBox(db, actor, runner, self)  # 协议生效 (issue 13)
        layout.addWidget(self.effect)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        db = self.db
        self.runner.run(lambda progress, cancel: project_info(db), on_done=self._show, on_error=self._failed,
                        show_progress=False)

    def _show(self, info: ProjectInfo | None) -> None:
        self.info = info
        if info is None:
            self.message.setText(self.tr("数据库中还没有项目。"))
            self.save_button.setEnabled(False)
            return
        self.code.setText(info.code)
        self.name.setText(info.name)
        self.city.setText(info.city)
        self.decision_no.setText(info.decision_no)
        self.valuation_date.set_date(info.valuation_date)
        self.signing_start.set_date(info.signing_start)
        self.signing_end.set_date(info.signing_end)
        self.target.setText("" if info.cash_target_pct is None else f"{info.cash_target_pct.normalize():f}")
        self.sections.set_sections(info.sections)
        self.fingerprint.setText(_groups(info.hq_fingerprint) if info.hq_fingerprint
                                 else self.tr("（本机没有指挥部密钥）"))
        self.lock_note.setText(self.tr("已有协议签订：修改项目信息须填写原因，原因与修改一并记入审计。") if info.locked
                               else self.tr("尚无协议签订：可以直接修改（每次修改都记入审计）。"))
        self.reason.setEnabled(info.locked)

    def save(self) -> int | None:
        fields = {}
        for key, edit, label in (("valuation_date", self.valuation_date, self.tr("评估时点")),
                                 ("signing_start", self.signing_start, self.tr("签约期开始日期")),
                                 ("signing_end", self.signing_end, self.tr("签约期结束日期"))):
            try:
                fields[key] = edit.date()
            except BadDate:
                self.message.setText(self.tr("{label}不是有效日期，请写成 2024-05-01").format(label=label))
                edit.setFocus()
                return None
        fields.update(name=self.name.text(), city=self.city.text(), decision_no=self.decision_no.text(),
                      cash_target_pct=self.target.text().strip() or None, sections=self.sections.sections())
        db, actor, reason = self.db, self.actor, self.reason.text()
        self.save_button.setEnabled(False)
        return self.runner.run(lambda progress, cancel: update_project(db, actor, reason=reason, **fields),
                               on_done=self._saved, on_error=self._failed, label=self.tr("正在保存项目信息…"),
                               cancellable=False)

    def _saved(self, info: ProjectInfo) -> None:
        from survey_app.ui.sync.common import publish_changes

        self.save_button.setEnabled(True)
        self.reason.clear()
        self._show(info)
        self.message.setText(self.tr("已保存。"))
        if self.db.path is not None and project_registry.find(self.db.path) is not None:
            project_registry.remember(self.db.path, name=info.name, code=info.code,
                                      role=project_registry.find(self.db.path).role)
        publish_changes(info)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, SurveyAppError):
            self.message.setText(str(exc))
            if isinstance(exc, ValidationError) and exc.field == "reason":
                self.reason.setFocus()
        else:
            self.message.setText(self.tr("保存失败：{error}").format(error=exc))
