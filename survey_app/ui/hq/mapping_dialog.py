"""列对应与检查: the file's columns, one combo per field, a preview of the first rows, and the validation
report (every problem, every notice) before 导入 is enabled.

Whole file or nothing (core/services/imports/common.py says why): 导入 stays disabled while any problem is
listed; the clerk fixes the Excel and opens it again. Changing a combo disables 导入 until 重新检查 has
checked the file with the new mapping. Threading: GUI thread; checking and importing run on the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import imports
from survey_app.ui.kit.table import DataTable

PREVIEW_ROWS = 20


class MappingDialog(QDialog):
    """Shows a Plan; ``result_`` holds the ImportResult after a successful 导入 (then the dialog accepts)."""

    def __init__(self, db, actor, runner, plan: imports.Plan, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("importMappingDialog")
        self.db, self.actor, self.runner, self.plan = db, actor, runner, plan
        self.result_ = None
        self.setWindowTitle(self.tr("导入名册") if plan.kind == "roster" else self.tr("导入评估结果"))
        self.resize(980, 640)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        for f in imports.FIELDS[plan.kind]:
            combo = QComboBox(form_box)
            combo.setObjectName(f"map_{f.key}")
            # the whole header, always (户主姓名, 公民身份号码…): a cut-off name cannot be checked
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f.key] = combo
            form.addRow(f.label + (" *" if f.required else ""), combo)
        # no row numbers: the 行 column numbers the rows as the sheet does
        self.model = QStandardItemModel(self)
        self.preview = DataTable(self, name="importPreview", model=self.model, select="items", alternate=False,
                                 row_height=0)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.recheck_button = QPushButton(self.tr("重新检查"), self)
        self.recheck_button.setObjectName("importRecheck")
        self.recheck_button.clicked.connect(self.recheck)
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setObjectName("importApply")
        self.import_button.clicked.connect(self.apply)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.preview)
        right.addWidget(self.report)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(form_box)
        body.addWidget(right)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 3)
        body.setChildrenCollapsible(False)
        self.form_box = form_box
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.recheck_button, self.import_button, cancel):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.show_plan(plan)

    # --- showing a plan ---------------------------------------------------------------------------------

    def show_plan(self, plan: imports.Plan) -> None:
        self.plan = plan
        t = plan.table
        self.source.setText(self.tr("文件：{name}（{source}，第{row}行为标题行）").format(
            name=t.file_name, source=t.source, row=t.header_row))
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（不导入）"), -1)
            for i, h in enumerate(t.headers):
                if h:
                    combo.addItem(h, i)
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping.get(key, -1))))
            combo.blockSignals(False)
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("行")] + t.headers)
        for n, cells in plan.preview(PREVIEW_ROWS):
            self.model.appendRow([QStandardItem(str(n))] + [QStandardItem(c) for c in cells])
        self.form_box.setMinimumWidth(self.form_box.sizeHint().width())  # the combos fit their headers
        self.report.setPlainText(self._report_text(plan))
        self.import_button.setEnabled(plan.ok and bool(plan.rows))

    def _report_text(self, plan: imports.Plan) -> str:
        lines = []
        if plan.problems:
            lines.append(self.tr("发现 {n} 个问题，整个文件不能导入。请在 Excel 中改正后重新打开：").format(
                n=len(plan.problems)))
            lines += [str(p) for p in plan.problems]
        else:
            lines.append(self.tr("检查通过：{summary}").format(summary=plan.summary_line()))
        if plan.notices:
            lines.append("")
            lines.append(self.tr("提示（不影响导入）："))
            lines += [str(p) for p in plan.notices]
        return "\n".join(lines)

    def _mapping_changed(self) -> None:
        self.import_button.setEnabled(False)
        self.report.setPlainText(self.tr("对应关系已改动，请点“重新检查”。"))

    def mapping(self) -> dict[str, str]:
        """field → header as chosen in the combos ('' for 不导入)."""
        out = {}
        for key, combo in self.combos.items():
            i = combo.currentData()
            out[key] = self.plan.table.headers[i] if isinstance(i, int) and i >= 0 else ""
        return out

    # --- work on the runner -------------------------------------------------------------------------------

    def recheck(self) -> None:
        plan_fn = imports.plan_roster if self.plan.kind == "roster" else imports.plan_appraisals
        path, mapping, header_row, db = self.plan.path, self.mapping(), self.plan.table.header_row, self.db
        self._busy(True)
        self.runner.run(lambda progress, cancel: plan_fn(db, path, mapping, header_row=header_row,
                                                         progress=progress, cancel=cancel),
                        on_done=self._checked, on_error=self._failed, label=self.tr("正在检查文件…"))

    def _checked(self, plan: imports.Plan) -> None:
        self._busy(False)
        self.show_plan(plan)

    def apply(self) -> None:
        if not self.plan.ok:
            return
        apply_fn = imports.apply_roster if self.plan.kind == "roster" else imports.apply_appraisals
        db, actor, plan = self.db, self.actor, self.plan
        self._busy(True)
        self.runner.run(lambda progress, cancel: apply_fn(db, actor, plan, progress=progress, cancel=cancel),
                        on_done=self._applied, on_error=self._failed, label=self.tr("正在导入…"))

    def _applied(self, result) -> None:  # noqa: ANN001
        self._busy(False)
        self.result_ = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        message = str(exc) if isinstance(exc, SurveyAppError) else self.tr("操作失败，请重试或联系技术支持。")
        self.report.setPlainText(message)
        self.import_button.setEnabled(False)

    def _busy(self, busy: bool) -> None:
        self.recheck_button.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
