"""分派住户 and 转派 at HQ.

分派: tick section(s) and/or paste 户号 (any separator), choose the worker, 预览 shows how many households
move (and how many stay because they are signed elsewhere), then 分派 writes exactly that choice. Changing
any input asks for a new preview. 转派: from one worker to another; signed households stay (see
core/services/assignment_admin.py for why), and the confirmation says to import the old worker's
latest bundle first. After either, 导出受影响的任务包… writes the bundles of the laptops concerned.
Threading: GUI thread only; previews and writes run on the TaskRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import Database
from survey_app.core.services import assignment_admin as admin
from survey_app.ui.sync.common import ERROR, OK, WARN, ResultList, error_text, publish_changes
from survey_app.ui.task_runner import TaskRunner


class AssignPanel(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, results: ResultList,
                 export: Callable[[list[str], Path], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("peopleAssign")
        self.db, self.actor, self.runner, self.results, self._export = db, actor, runner, results, export
        self.devices: list[str] = []  # laptops concerned by the last assignment

        self.sections = QListWidget(self)
        self.sections.setObjectName("assignSections")
        self.codes = QPlainTextEdit(self)
        self.codes.setObjectName("assignCodes")
        self.codes.setPlaceholderText(self.tr("粘贴户号，用逗号、空格或换行分隔"))
        self.codes.setMaximumHeight(4 * self.fontMetrics().height() + 12)
        self.to = QComboBox(self)
        self.to.setObjectName("assignTo")
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.preview_button.setObjectName("assignPreviewButton")
        self.assign_button = QPushButton(self.tr("分派"), self)
        self.assign_button.setObjectName("assignButton")
        self.preview = QLabel(self.tr("选择地块或填写户号，再选择调查员，然后点“预览”。"), self)
        self.preview.setObjectName("assignPreview")
        self.preview.setWordWrap(True)
        box = QGroupBox(self.tr("分派住户"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("地块"), self.sections)
        form.addRow(self.tr("或户号"), self.codes)
        form.addRow(self.tr("分派给"), self.to)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.assign_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.preview)

        self.from_worker = QComboBox(self)
        self.from_worker.setObjectName("reassignFrom")
        self.to_worker = QComboBox(self)
        self.to_worker.setObjectName("reassignTo")
        self.reassign_button = QPushButton(self.tr("转派…"), self)
        self.reassign_button.setObjectName("reassignButton")
        rbox = QGroupBox(self.tr("转派"), self)
        rform = QFormLayout(rbox)
        rform.addRow(self.tr("从"), self.from_worker)
        rform.addRow(self.tr("转给"), self.to_worker)
        hint = QLabel(self.tr("已签约的住户保留原调查员。转派前请先导入原调查员笔记本的最新同步包："
                              "转派后，那台笔记本再发来的这些住户的修改会被拒收。"), rbox)
        hint.setWordWrap(True)
        rform.addRow(hint)
        rform.addRow(self.reassign_button)

        self.export_button = QPushButton(self.tr("导出受影响的任务包…"), self)
        self.export_button.setObjectName("exportAffected")
        self.export_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        sides = QHBoxLayout()
        sides.addWidget(box, 3)
        sides.addWidget(rbox, 2)
        layout.addLayout(sides, 1)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.preview_button.clicked.connect(self.run_preview)
        self.assign_button.clicked.connect(self.run_assign)
        self.reassign_button.clicked.connect(self.ask_reassign)
        self.export_button.clicked.connect(self.choose_and_export)
        self.sections.itemChanged.connect(self._invalidate)
        self.codes.textChanged.connect(self._invalidate)
        self.to.currentIndexChanged.connect(self._invalidate)
        self._previewed: tuple | None = None
        self.refresh()

    # --- state -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        checked = set(self.checked_sections())
        self.sections.blockSignals(True)
        self.sections.clear()
        for section, n in admin.sections(self.db):
            item = QListWidgetItem(self.tr("{section}（{n} 户）").format(section=section or self.tr("未分地块"), n=n),
                                   self.sections)
            item.setData(Qt.ItemDataRole.UserRole, section)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if section in checked else Qt.CheckState.Unchecked)
        self.sections.blockSignals(False)
        workers = admin.assignable_workers(self.db)
        loads = self._loads()  # who has households first: the usual 转出 is someone with work
        everyone = sorted(set(workers) | set(loads), key=lambda name: (-loads.get(name, 0), name))
        for combo, names in ((self.to, workers), (self.to_worker, workers), (self.from_worker, everyone)):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            if current in names:
                combo.setCurrentText(current)
            combo.blockSignals(False)
        self._invalidate()

    def _loads(self) -> dict[str, int]:
        from survey_app.core.services.users import list_accounts

        return {a.username: a.households for a in list_accounts(self.db) if a.households}

    def checked_sections(self) -> list[str]:
        return [self.sections.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sections.count())
                if self.sections.item(i).checkState() == Qt.CheckState.Checked]

    def _choice(self) -> tuple:
        return self.to.currentText(), tuple(self.checked_sections()), self.codes.toPlainText()

    def _invalidate(self, *_args: object) -> None:
        self._previewed = None
        self.assign_button.setEnabled(False)

    def _describe(self, plan: admin.Plan) -> str:
        text = self.tr("将把 {n} 户分派给 {user}").format(n=plan.count, user=plan.to)
        if plan.already:
            text += self.tr("；{n} 户原已是其负责").format(n=len(plan.already))
        if plan.kept_signed:
            text += self.tr("；{n} 户已签约，保留原调查员").format(n=len(plan.kept_signed))
        for worker, n in sorted(plan.from_workers.items()):
            text += self.tr("；其中 {n} 户从 {user} 转出").format(n=n, user=worker)
        return text

    def _failed(self, exc: BaseException) -> None:
        self.results.add(ERROR, self.tr("未分派：{error}").format(error=error_text(exc)))

    # --- 分派 ---------------------------------------------------------------------------------------------

    def run_preview(self) -> int | None:
        to, sections, codes = choice = self._choice()
        if not to:
            self.results.add(ERROR, self.tr("请选择调查员"))
            return None
        db = self.db

        def shown(plan: admin.Plan) -> None:
            if self._choice() != choice:  # inputs changed while the preview ran
                return
            self.preview.setText(self._describe(plan))
            self._previewed = choice
            self.assign_button.setEnabled(plan.count > 0)

        return self.runner.run(lambda progress, cancel: admin.plan_assign(db, to, sections=sections, codes=codes),
                               on_done=shown, on_error=self._failed, label=self.tr("正在预览…"),
                               cancellable=False)

    def run_assign(self) -> int | None:
        if self._previewed is None or self._previewed != self._choice():
            return None
        to, sections, codes = self._previewed
        db, actor = self.db, self.actor
        self.assign_button.setEnabled(False)
        return self.runner.run(lambda progress, cancel: admin.assign(db, actor, to, sections=sections, codes=codes),
                               on_done=self._done, on_error=self._failed, label=self.tr("正在分派…"),
                               cancellable=False)

    # --- 转派 ---------------------------------------------------------------------------------------------

    def ask_reassign(self) -> int | None:
        source, target = self.from_worker.currentText(), self.to_worker.currentText()
        if not source or not target:
            self.results.add(ERROR, self.tr("请选择转出和转入的调查员"))
            return None
        try:
            plan = admin.plan_reassign(self.db, source, target)
        except SurveyAppError as exc:
            self._failed(exc)
            return None
        answer = QMessageBox.question(self, self.tr("转派"), self._describe(plan) + "\n\n" + self.tr(
            "请确认已导入 {user} 笔记本的最新同步包。转派？").format(user=source))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        db, actor = self.db, self.actor
        return self.runner.run(lambda progress, cancel: admin.reassign(db, actor, source, target),
                               on_done=self._done, on_error=self._failed, label=self.tr("正在转派…"),
                               cancellable=False)

    # --- after -------------------------------------------------------------------------------------------

    def _done(self, plan: admin.Plan) -> None:
        self.devices = list(plan.devices)
        lines = [self._describe(plan)]
        if plan.devices:
            lines.append(self.tr("需要更新任务包的笔记本：{codes}。点“导出受影响的任务包…”。").format(
                codes="、".join(plan.devices)))
        else:
            lines.append(self.tr("{user} 还没有指定笔记本：在“笔记本”中指定后再导出任务包。").format(user=plan.to))
        self.results.add(OK if plan.devices else WARN, self.tr("已分派 {n} 户给 {user}").format(
            n=plan.count, user=plan.to), lines)
        self.export_button.setEnabled(bool(self.devices))
        publish_changes(plan)
        self.refresh()

    def choose_and_export(self) -> None:
        if not self.devices:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("任务包写到哪个文件夹（U 盘）"))
        if folder:
            self._export(list(self.devices), Path(folder))
