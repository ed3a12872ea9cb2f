"""待处理事项 at HQ: what sync could not decide alone, and the two versions of a conflict side by side.

Left, the open issues (kind, record, device, message). Right, the selected one: its message, and
for a conflict only the fields that differ — HQ's current value next to the device's — then
保留本地 (close the issue, keep HQ's version) or 采用对方 (write the device's version as a new
revision, audited; it goes back to the field in the next assignment). Recheck differences and
audit warnings have no "other version" to take: 采用对方 is disabled and 保留本地 reads 标记为已核实.
A conflict's values are shown in words (codes as labels, ¥, m², 2024年3月1日), each differing field with a
采用设备的值 box (greyed for what HQ decides); 按所选字段合并 takes the ticked fields and keeps HQ's for the
rest (core: issues.resolve_fields). 批量处理… decides many conflicts by one rule (issue_bulk_dialog.py).
Decisions go through the TaskRunner (survey_app.core.sync.issues.resolve) and then publish a
refresh, so the household list shows the value taken. A decision acts on the issue shown on the right
(kept by its id when shown), never on whatever row is current when the click lands.
Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.core.sync import issues
from survey_app.ui.kit.list_detail import ListDetail
from survey_app.ui.kit.table import DataTable
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, enable
from survey_app.ui.sync.common import error_text, publish_changes
from survey_app.ui.sync.issues_model import (
    COL_DEVICE,
    COL_KIND,
    COL_MESSAGE,
    COL_RECORD,
    IssuesModel,
    differences,
    field_label,
    kind_label,
    record_label,
    value_text,
)
from survey_app.ui.task_runner import TaskRunner


def _shown(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


class IssuesPanel(QWidget):
    count_changed = Signal(int)

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("issuesPanel")
        self.db, self.actor, self.runner = db, actor, runner
        self.model = IssuesModel(db, self)
        self.banner = MessageBanner(self)
        self.shown: issues.Issue | None = None  # the issue on the right: what the buttons act on

        self.table = DataTable(self, name="issuesTable", model=self.model, stretch=COL_MESSAGE)
        self.table.size_columns({COL_KIND: 9, COL_RECORD: 16, COL_DEVICE: 6})

        self.title = QLabel(self)
        self.title.setObjectName("syncStep")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff_model = QStandardItemModel(0, 4, self)
        self.take_boxes: dict[str, QCheckBox] = {}  # field name → its 采用设备的值 box (conflicts only)
        self.diff = DataTable(self, name="issueDiff", model=self.diff_model, select="items", alternate=False,
                              wrap=True, row_height=0)
        self.diff.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # copy several values
        self.diff.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.diff.horizontalHeader().setMinimumSectionSize(6 * self.fontMetrics().averageCharWidth() + 24)
        # Long values (notes) wrap: row heights follow the column widths, which settle only once shown.
        self.diff.horizontalHeader().sectionResized.connect(lambda *_a: self.diff.resizeRowsToContents())
        self.diff_hint = QLabel(self.tr("只列出两边不同的字段。"), self)
        self.diff_hint.setObjectName("syncHint")
        for col in (1, 2):
            self.diff.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.diff.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_button = QPushButton(self.tr("保留本地"), self)
        self.keep_button.setObjectName("keepLocalButton")
        self.keep_button.setToolTip(self.tr("保留指挥部现有的版本，关闭此事项"))
        self.take_button = QPushButton(self.tr("采用对方"), self)
        self.take_button.setObjectName("takeIncomingButton")
        self.take_button.setToolTip(self.tr("用设备发来的版本替换指挥部的版本（留有审计记录）"))
        for b in (self.keep_button, self.take_button):
            b.setMinimumHeight(TOUCH_HEIGHT)
            b.setMinimumWidth(120)
        self.merge_button = QPushButton(self.tr("按所选字段合并"), self)
        self.merge_button.setObjectName("mergeFieldsButton")
        self.merge_button.setMinimumHeight(TOUCH_HEIGHT)
        self.merge_button.clicked.connect(self.merge)
        self.bulk_button = QPushButton(self.tr("批量处理…"), self)
        self.bulk_button.setObjectName("bulkIssuesButton")
        self.bulk_button.setMinimumHeight(TOUCH_HEIGHT)
        self.bulk_button.setToolTip(self.tr("按规则一次处理多项冲突（先预览将处理哪些）"))
        self.bulk_button.clicked.connect(self.open_bulk)
        self.keep_button.clicked.connect(lambda: self.resolve(take_incoming=False))
        self.take_button.clicked.connect(lambda: self.resolve(take_incoming=True))

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addWidget(self.message)
        rl.addWidget(self.diff_hint)
        rl.addWidget(self.diff, 1)
        # With nothing to compare (no issue, or one without two sides) the free room goes below the text,
        # so the heading and its explanation stay together at the top.
        self.filler = QWidget(right)
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        rl.addWidget(self.filler, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bulk_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        rl.addLayout(buttons)
        self.splitter = ListDetail(self.table, right, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.splitter.follow(self.table)
        self.splitter.current_changed.connect(lambda row: self._show(self.model.index(row, 0) if row >= 0
                                                                     else QModelIndex()))
        self.refresh()

    def refresh(self, row: int = 0) -> None:
        self.model.refresh()
        self.count_changed.emit(self.model.rowCount())
        self.select_row(min(row, self.model.rowCount() - 1))

    def select_row(self, row: int) -> None:
        if row < 0:
            self._show(QModelIndex())
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self._show(self.model.index(row, 0))

    def current(self) -> issues.Issue | None:
        index = self.table.currentIndex()
        return self.model.issue_at(index.row()) if index.isValid() else None

    def _show(self, index: QModelIndex) -> None:
        issue = self.model.issue_at(index.row()) if index.isValid() else None
        self.shown = issue
        self.diff_model.removeRows(0, self.diff_model.rowCount())
        self.take_boxes = {}
        enable(self.merge_button, "", self.tr("只有冲突才能按字段合并"))
        if issue is None:
            self.title.setText(self.tr("没有待处理事项"))
            self.message.setText(self.tr("同步包中的冲突、重算差异和审计警告会列在这里。"))
            enable(self.keep_button, "", self.tr("没有选中的待处理事项"))
            enable(self.take_button, "", self.tr("没有选中的待处理事项"))
            self.diff.hide()
            self.diff_hint.hide()
            self.filler.show()
            return
        self.title.setText(self.tr("{kind}：{record}").format(kind=kind_label(issue.kind), record=record_label(issue)))
        self.message.setText(issue.message)
        conflict = issue.kind == "conflict"
        enable(self.keep_button, self.tr("保留指挥部现有的版本，关闭此事项") if conflict
               else self.tr("已核实此事项，关闭它"))
        enable(self.take_button, self.tr("用设备发来的版本替换指挥部的版本（留有审计记录）"),
               "" if conflict else self.tr("只有冲突才有对方版本可采用；此事项核实后标记即可"))
        self.keep_button.setText(self.tr("保留本地") if conflict else self.tr("标记为已核实"))
        # a 测算不一致 found by re-deriving from the survey has two sides too: HQ's and the device's
        sides = conflict or bool(issue.local)
        self.diff.setVisible(sides)
        self.diff.setColumnHidden(3, not conflict)  # 采用设备的值: only a conflict has a device value to take
        self.filler.setVisible(not sides)
        self.diff_hint.setVisible(conflict)
        if not sides:
            return
        local, incoming = issue.local, issue.incoming
        if conflict:
            self.diff_model.setHorizontalHeaderLabels([
                self.tr("字段"),
                self.tr("指挥部现有（第 {rev} 版，{who}）").format(rev=local.get("rev", "?"),
                                                         who=local.get("updated_by") or "?"),
                self.tr("设备 {device} 发来（第 {rev} 版，{who}）").format(
                    device=issue.device, rev=incoming.get("rev", "?"), who=incoming.get("updated_by") or "?"),
                self.tr("采用设备的值")])
            self._show_fields(issue)
            return
        else:
            self.diff_model.setHorizontalHeaderLabels([
                self.tr("字段 / 明细"), self.tr("指挥部按调查记录重算"),
                self.tr("设备 {device} 的测算").format(device=issue.device)])
        for name, mine, theirs in differences(issue):
            cells = [QStandardItem(field_label(name)), QStandardItem(_shown(mine)), QStandardItem(_shown(theirs))]
            cells[0].setToolTip(name)
            self.diff_model.appendRow(cells)
        self.diff.resizeRowsToContents()

    def _show_fields(self, issue: issues.Issue) -> None:
        """A conflict's differing fields in words, each with a 采用设备的值 box (greyed where HQ decides)."""
        for d in issues.field_diffs(issue):
            cells = [QStandardItem(field_label(d.name)), QStandardItem(value_text(issue.entity, d, d.local)),
                     QStandardItem(value_text(issue.entity, d, d.incoming)), QStandardItem("")]
            cells[0].setToolTip(d.name)
            self.diff_model.appendRow(cells)
            box = QCheckBox(self.diff)
            box.setObjectName(f"take_{d.name}")
            box.setAccessibleName(self.tr("采用设备的值：{field}").format(field=field_label(d.name)))
            enable(box, self.tr("合并时采用设备的值"), "" if d.takeable else self.tr("此字段由指挥部决定，不能采用设备的值"))
            box.toggled.connect(self._update_merge)
            self.diff.setIndexWidget(self.diff_model.index(self.diff_model.rowCount() - 1, 3), box)
            self.take_boxes[d.name] = box
        self.diff.resizeRowsToContents()
        self._update_merge()

    def chosen_fields(self) -> set[str]:
        return {name for name, box in self.take_boxes.items() if box.isChecked()}

    def _update_merge(self, *_args: object) -> None:
        conflict = self.shown is not None and self.shown.kind == "conflict"
        enable(self.merge_button, self.tr("所勾选字段采用设备的值，其余保留指挥部的值（留有审计记录）"),
               "" if conflict and self.chosen_fields() else self.tr("请先勾选要采用设备的值的字段"))

    def merge(self) -> int | None:
        """按所选字段合并: the checked fields from the device, the rest HQ's, as one new revision."""
        issue, take = self.shown, self.chosen_fields()
        if issue is None or not take:
            return None
        row = self.table.currentIndex().row()
        label = record_label(issue)
        self.banner.hide()

        def done(result: object) -> None:  # the fields taken, with the commit's ChangeSet
            self.refresh(row)
            publish_changes(result)
            names = "、".join(field_label(n) for n in sorted(take))
            self.banner.show_message(self.tr("已合并：{record}（采用设备的{fields}）").format(
                record=label, fields=names), "info")

        return self.runner.run(
            lambda progress, cancel: issues.resolve_fields(self.db, self.actor, issue.id, take),
            on_done=done, on_error=lambda e: self.banner.show_message(error_text(e), "error"),
            label=self.tr("正在保存…"), cancellable=False)

    def open_bulk(self) -> None:
        from survey_app.ui.sync.issue_bulk_dialog import IssueBulkDialog

        dialog = IssueBulkDialog(self.db, self.actor, self.runner, self)
        dialog.decided.connect(self._bulk_done)
        dialog.open()
        self.bulk_dialog = dialog  # kept for tests and so it is not collected while open

    def _bulk_done(self, count: int) -> None:  # the dialog has published what the rule's commit changed
        self.refresh()
        self.banner.show_message(self.tr("已按规则处理 {n} 项冲突").format(n=count), "info")

    def resolve(self, *, take_incoming: bool) -> int | None:
        issue = self.shown
        if issue is None:
            return None
        row = self.table.currentIndex().row()
        label = record_label(issue)
        self.banner.hide()

        def done(changes: object) -> None:
            self.refresh(row)  # the next issue moves up to the same row
            publish_changes(changes)
            if take_incoming:
                text = self.tr("已采用对方版本：{record}")
            elif issue.kind == "conflict":
                text = self.tr("已保留本地版本：{record}")
            else:
                text = self.tr("已标记为已核实：{record}")
            self.banner.show_message(text.format(record=label), "info")

        return self.runner.run(
            lambda progress, cancel: issues.resolve(self.db, self.actor, issue.id, take_incoming=take_incoming),
            on_done=done, on_error=lambda e: self.banner.show_message(error_text(e), "error"),
            label=self.tr("正在保存…"), cancellable=False)
