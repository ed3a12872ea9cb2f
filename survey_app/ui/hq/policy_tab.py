"""补偿方案 (HQ 项目 page): load a policy file, see every problem at once, read it in plain Chinese,
preview it on a household, compare it with the published version, publish it with a reason, and see
which households were calculated under an older version (issue 12 item 3, issue 13 item 5).

Everything is computed by the core (core/compensation/policy_tools, core/services/policies); this
page only shows it. Threading: GUI thread only; reading files, the database and publishing run on
the TaskRunner, results come back through its callbacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.compensation.policy_tools import (
    CheckReport,
    check,
    diff_text,
    explain_text,
    preview_text,
    sample_household,
)
from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import Database, policies
from survey_app.ui.changes import ChangeHub
from survey_app.ui.kit import theme
from survey_app.ui.task_runner import TaskRunner


@dataclass(frozen=True)
class _Loaded:
    """What loading a file found (computed on the worker)."""

    path: Path
    report: CheckReport
    explanation: str
    diff: str
    current_label: str
    same_as_current: bool


class PublishDialog(QDialog):
    """Asks for the reason and shows the content hash that will be locked. Opened with ``open()``."""

    def __init__(self, parent: QWidget, label: str, content_hash: str, reason_required: bool):
        super().__init__(parent)
        self.setObjectName("policyPublishDialog")
        self.setWindowTitle(self.tr("发布补偿方案"))
        self._required = reason_required
        info = QLabel(self.tr("将发布：{label}\n内容哈希（发布后锁定，不能再修改）：\n{hash}").format(
            label=label, hash=content_hash), self)
        info.setObjectName("publishHash")
        info.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("publishReason")
        self.reason.setPlaceholderText(self.tr("发布原因，如：依据××号文调整临时安置费标准") if reason_required
                                       else self.tr("发布原因（可不填，默认“首次发布”）"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("发布"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(QLabel(self.tr("发布原因"), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason.text().strip()) or not self._required)


class PolicyTab(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hqPolicyTab")
        self.db, self.actor, self.runner = db, actor, runner
        self.loaded: _Loaded | None = None
        self.dialog: PublishDialog | None = None

        self.load_button = QPushButton(self.tr("载入方案文件…"), self)
        self.load_button.setObjectName("policyLoad")
        self.load_button.clicked.connect(self._choose_file)
        self.publish_button = QPushButton(self.tr("发布…"), self)
        self.publish_button.setObjectName("policyPublish")
        self.publish_button.setEnabled(False)
        self.publish_button.clicked.connect(self._ask_publish)
        self.file_label = QLabel(self.tr("尚未载入方案文件。载入后先列出全部问题，再可试算、比较和发布。"), self)
        self.file_label.setObjectName("policyFile")
        self.file_label.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("policyStatus")
        self.status.setWordWrap(True)

        self.problems = QListWidget(self)
        self.problems.setObjectName("policyProblems")
        self.explanation = self._text_view("policyExplanation")
        self.diff = self._text_view("policyDiff")
        self.versions = QListWidget(self)
        self.versions.setObjectName("policyVersions")
        self.outdated = QListWidget(self)
        self.outdated.setObjectName("policyOutdated")

        self.views = QTabWidget(self)
        self.views.setObjectName("policyViews")
        self.views.addTab(self.problems, self.tr("问题"))
        self.views.addTab(self.explanation, self.tr("白话说明"))
        self.views.addTab(self._preview_page(), self.tr("试算预览"))
        self.views.addTab(self.diff, self.tr("与已发布版本比较"))
        self.views.addTab(self._versions_page(), self.tr("版本与重新测算"))

        top = QHBoxLayout()
        top.addWidget(self.load_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.views, 1)
        ChangeHub.instance().changed.connect(self._changed)
        self.refresh_versions()

    # -- building ---------------------------------------------------------------------------------
    def _text_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        return view

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.sample_radio = QRadioButton(self.tr("内置样例户"), page)
        self.sample_radio.setObjectName("previewSample")
        self.sample_radio.setChecked(True)
        self.household_radio = QRadioButton(self.tr("本项目住户，户号："), page)
        self.household_radio.setObjectName("previewHousehold")
        self.household_code = QLineEdit(page)
        self.household_code.setObjectName("previewCode")
        self.household_code.textEdited.connect(lambda _t: self.household_radio.setChecked(True))
        self.preview_button = QPushButton(self.tr("试算"), page)
        self.preview_button.setObjectName("previewRun")
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self._preview)
        self.preview = self._text_view("previewText")
        row = QHBoxLayout()
        for widget in (self.sample_radio, self.household_radio, self.household_code, self.preview_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        return page

    def _versions_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("已发布的版本（最新在前）"), page))
        layout.addWidget(self.versions, 1)
        self.outdated_label = QLabel(page)
        self.outdated_label.setWordWrap(True)
        layout.addWidget(self.outdated_label)
        layout.addWidget(self.outdated, 2)
        return page

    # -- loading ------------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择补偿方案文件"), "",
                                                    self.tr("补偿方案 (*.toml);;所有文件 (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Check ``path`` on the worker and show what was found."""
        db = self.db

        def job(progress=None, cancel=None) -> _Loaded:  # noqa: ANN001 - worker thread
            report = check(path)
            current = policies.current_version(db)
            explanation = diff = ""
            label, same = "", False
            if report.ok:
                explanation = explain_text(report.policy)
                if current is not None:
                    label, same = current[0].label, current[0].content_hash == report.policy.hash
                    diff = diff_text(current[1], report.policy)
            return _Loaded(path, report, explanation, diff, label, same)

        self.runner.run(job, on_done=self._show_loaded, on_error=self._show_error, label=self.tr("正在检查方案…"))

    def _show_loaded(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        report = loaded.report
        self.problems.clear()
        for problem in report.problems:
            item = QListWidgetItem(problem.as_text())
            item.setToolTip(problem.path)
            self.problems.addItem(item)
        if not report.problems:
            self.problems.addItem(self.tr("没有发现问题。"))
        self.explanation.setPlainText(loaded.explanation)
        if not report.ok:
            self.diff.setPlainText("")
        elif loaded.current_label:
            self.diff.setPlainText(self.tr("与已发布的“{label}”相比：").format(label=loaded.current_label)
                                   + "\n" + loaded.diff)
        else:
            self.diff.setPlainText(self.tr("本项目还没有已发布的版本：这将是第一个版本。"))
        if report.ok:
            self.file_label.setText(self.tr("{name}：检查通过，内容哈希 {hash}").format(
                name=loaded.path.name, hash=report.policy.hash))
            theme.set_role(self.file_label, "")
        else:
            self.file_label.setText(self.tr("{name}：发现 {n} 个问题，须改正后才能发布").format(
                name=loaded.path.name, n=len(report.errors)))
            theme.set_role(self.file_label, "danger")
        self.preview_button.setEnabled(report.ok)
        self.publish_button.setEnabled(report.ok and not loaded.same_as_current)
        self.status.setText(self.tr("此文件与当前已发布版本内容相同，无需发布。") if loaded.same_as_current else "")
        self.views.setCurrentIndex(0 if report.problems or not report.ok else 1)

    def _show_error(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, SurveyAppError) else self.tr("操作未能完成，请重试或联系技术支持。")
        self.status.setText(text)
        theme.set_role(self.status, "danger")

    # -- preview ------------------------------------------------------------------------------------
    def _preview(self) -> None:
        if self.loaded is None or self.loaded.report.policy is None:
            return
        policy, db = self.loaded.report.policy, self.db
        code = self.household_code.text().strip() if self.household_radio.isChecked() else ""
        if self.household_radio.isChecked() and not code:
            self.preview.setPlainText(self.tr("请输入户号，或选择内置样例户。"))
            return

        def job(progress=None, cancel=None) -> str:  # noqa: ANN001 - worker thread
            household = policies.project_household_input(db, code) if code else sample_household(policy)
            return preview_text(policy, household)

        self.runner.run(job, on_done=self.preview.setPlainText,
                        on_error=lambda exc: self.preview.setPlainText(
                            str(exc) if isinstance(exc, SurveyAppError) else self.tr("试算未能完成。")),
                        label=self.tr("正在试算…"))

    # -- publishing ---------------------------------------------------------------------------------
    def _ask_publish(self) -> None:
        if self.loaded is None or self.loaded.report.policy is None:
            return
        policy = self.loaded.report.policy
        self.dialog = PublishDialog(self, policy.version, policy.hash, reason_required=bool(self.loaded.current_label))
        self.dialog.accepted.connect(self._publish)
        self.dialog.open()

    def _publish(self) -> None:
        assert self.loaded is not None and self.dialog is not None
        text, name = self.loaded.report.text, self.loaded.path.name
        reason = self.dialog.reason.text().strip()
        db, actor = self.db, self.actor

        def job(progress=None, cancel=None):  # noqa: ANN001, ANN202 - worker thread
            return policies.publish_text(db, actor, text, name, reason)

        self.runner.run(job, on_done=self._published, on_error=self._show_error, label=self.tr("正在发布…"))

    def _published(self, result: policies.PublishResult) -> None:
        self.publish_button.setEnabled(False)
        theme.set_role(self.status, "")
        self.status.setText(self.tr("已发布“{label}”，内容哈希 {hash}。新版本将随下一次任务包下发到笔记本；"
                                    "按旧版本测算的住户列在“版本与重新测算”中，需重新测算（未自动改动）。").format(
            label=result.label, hash=result.content_hash))
        from survey_app.ui.sync.common import publish_changes

        publish_changes(result)  # this tab's versions list reloads through the change signal too
        self.views.setCurrentIndex(4)

    # -- versions and households to recalculate -----------------------------------------------------
    def refresh_versions(self) -> None:
        db = self.db

        def job(progress=None, cancel=None):  # noqa: ANN001, ANN202 - worker thread
            return policies.list_versions(db), policies.outdated_households(db)

        self.runner.run(job, on_done=self._show_versions, on_error=self._show_error, show_progress=False)

    def _show_versions(self, found: tuple) -> None:
        versions, outdated = found
        self.versions.clear()
        for v in versions:
            mark = self.tr("当前") if v.current else self.tr("旧版本")
            when = _china_day(v.published_at)
            reason = self.tr("　原因：{reason}").format(reason=v.reason) if v.reason else ""
            self.versions.addItem(f"[{mark}] {v.label}　{when}　{v.published_by}　{v.content_hash[:16]}…{reason}")
        if not versions:
            self.versions.addItem(self.tr("还没有发布过补偿方案。"))
        self.outdated.clear()
        for h in outdated:
            self.outdated.addItem(f"{h.household_code}　{h.section}　{h.policy_label or h.policy_hash[:12]}")
        self.outdated_label.setText(
            self.tr("按旧版本测算、需要重新测算的住户：{n} 户（不会自动重新测算，也不会改动已有测算）").format(n=len(outdated)))

    def _changed(self, changes: object) -> None:
        touches = getattr(changes, "touches", None)
        if touches is not None and touches("policy_versions", "calculations"):
            self.refresh_versions()


def _china_day(when) -> str:  # noqa: ANN001 - stored UTC → the day in China
    import datetime as dt

    from survey_app.core.domain.china_time import CHINA

    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(CHINA).strftime("%Y-%m-%d")


def build(db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    """The 补偿方案 tab of the HQ 项目 page."""
    return PolicyTab(db, actor, runner, parent)
