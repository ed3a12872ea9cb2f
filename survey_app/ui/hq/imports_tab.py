"""名册与评估 at HQ: 导入名册…, 导入评估结果…, and the list of import batches with 撤销本批.

Opening a file checks it on the TaskRunner and shows the mapping dialog (mapping_dialog.py) with the
preview and every problem; nothing is written until 导入 there. Threading: GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import imports
from survey_app.ui import formatting
from survey_app.ui.hq.mapping_dialog import MappingDialog
from survey_app.ui.kit.table import DataTable


def build(db, actor, runner, parent: QWidget | None = None) -> QWidget:  # noqa: ANN001
    return ImportsTab(db, actor, runner, parent)


class ImportsTab(QWidget):
    def __init__(self, db, actor, runner, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.db, self.actor, self.runner = db, actor, runner
        self.dialog: MappingDialog | None = None
        roster = QPushButton(self.tr("导入名册…"), self)
        roster.setObjectName("importRoster")
        roster.clicked.connect(lambda: self.choose_file("roster"))
        appraisal = QPushButton(self.tr("导入评估结果…"), self)
        appraisal.setObjectName("importAppraisal")
        appraisal.clicked.connect(lambda: self.choose_file("appraisal"))
        template = QPushButton(self.tr("空白模板…"), self)
        template.setObjectName("importTemplate")
        template.setToolTip(self.tr("写出空白的入户名册或评估结果 Excel 模板，交区里或评估机构填写"))
        menu = QMenu(template)
        menu.addAction(self.tr("入户名册模板…"), lambda: self.choose_template("roster"))
        menu.addAction(self.tr("评估结果模板…"), lambda: self.choose_template("appraisal"))
        template.setMenu(menu)
        self.undo_button = QPushButton(self.tr("撤销本批"), self)
        self.undo_button.setObjectName("importUndo")
        self.undo_button.clicked.connect(self.undo_selected)
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.table = DataTable(self, name="importBatches", model=self.model, alternate=False, row_height=0)
        top = QHBoxLayout()
        for b in (roster, appraisal, template):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.undo_button)
        hint = QLabel(self.tr("名册（.xlsx 或 .csv）按身份证号/户号对应住户，再次导入只更新、不重复；"
                              "评估结果按户号或身份证号和部位对应。导入后还没有人改动过的批次可以撤销。"), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("文件"), self.tr("新增"),
                                              self.tr("更新"), self.tr("导入人"), self.tr("状态")])
        for b in imports.list_batches(self.db):
            state = self.tr("已撤销") if b.undone_at else ""
            kind = self.tr("入户名册") if b.kind == "roster" else self.tr("评估结果")
            items = [QStandardItem(formatting.datetime_china(b.created_at)), QStandardItem(kind),
                     QStandardItem(b.file_name), QStandardItem(str(b.rows_added)), QStandardItem(str(b.rows_updated)),
                     QStandardItem(b.created_by), QStandardItem(state)]
            items[0].setData(b.id)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()

    def choose_file(self, kind: str) -> None:
        title = self.tr("选择入户名册") if kind == "roster" else self.tr("选择评估结果")
        path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("表格文件 (*.xlsx *.csv)"))
        if path:
            self.open_file(kind, Path(path))

    def choose_template(self, kind: str) -> None:
        name = self.tr("入户名册模板.xlsx") if kind == "roster" else self.tr("评估结果模板.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存空白模板"), name, self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.save_template(kind, Path(path))

    def save_template(self, kind: str, path: Path) -> None:
        from survey_app.core.services.imports.templates import write_template

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_template(kind, path)
        except SurveyAppError as e:
            QMessageBox.warning(self, self.tr("空白模板"), str(e))
            return
        self.status.setText(self.tr("已保存空白模板：%1").replace("%1", path.name))

    def open_file(self, kind: str, path: Path) -> None:
        """Check ``path`` on the runner, then show the mapping dialog (non-blocking, window-modal)."""
        plan_fn = imports.plan_roster if kind == "roster" else imports.plan_appraisals
        db = self.db
        self.status.setText(self.tr("正在检查文件…"))
        self.runner.run(lambda progress, cancel: plan_fn(db, path, progress=progress, cancel=cancel),
                        on_done=self._show_dialog, on_error=self._failed, label=self.tr("正在检查文件…"))

    def _show_dialog(self, plan: imports.Plan) -> None:
        self.status.setText("")
        self.dialog = MappingDialog(self.db, self.actor, self.runner, plan, self)
        self.dialog.finished.connect(self._dialog_done)
        self.dialog.open()

    def _dialog_done(self, _code: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and dialog.result_ is not None:
            result = dialog.result_
            lines = [result.line()] + [str(n) for n in result.notices[:10]]
            if len(result.notices) > 10:
                lines.append(self.tr("……另有{n}条提示").format(n=len(result.notices) - 10))
            self.status.setText("\n".join(lines))
            self.refresh()
        if dialog is not None:
            dialog.deleteLater()

    def selected_batch(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row(), 0).data() if rows else None

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            self.status.setText(self.tr("请先在列表中选择一个批次。"))
            return
        answer = QMessageBox.question(self, self.tr("撤销本批"), self.tr(
            "撤销这一批导入？新增的住户或评估结果将被删除，更新过的恢复原值。"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.db, self.actor
        self.runner.run(lambda progress, cancel: imports.undo_batch(db, actor, batch),
                        on_done=self._undone, on_error=self._failed, label=self.tr("正在撤销…"))

    def _undone(self, line: str) -> None:
        self.status.setText(line)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc) if isinstance(exc, SurveyAppError)
                            else self.tr("操作失败，请重试或联系技术支持。"))
