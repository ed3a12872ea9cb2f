"""批量处理… : decide many open conflicts by one rule, after seeing how many and which.

The rule (survey_app/core/sync/issue_rules.py): keep HQ's version or take the device's, for the open
conflicts of one table, from one device (and one of its bundles), and/or only those whose two versions
differ in nothing but the ticked fields. Every change of the rule re-reads the preview (open conflicts
are a handful to a few hundred: one quick read); 处理 then decides exactly the conflicts shown — if
they changed meanwhile nothing is written and the dialog says so. Each decision is audited like a
single one. Threading: GUI thread; the decisions run on the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import Database
from survey_app.core.sync import issue_rules, issues
from survey_app.ui.pages.common import TOUCH_HEIGHT, MessageBanner, enable
from survey_app.ui.sync.common import error_text, publish_changes
from survey_app.ui.sync.issues_model import entity_label, field_label, record_label
from survey_app.ui.task_runner import TaskRunner


class IssueBulkDialog(QDialog):
    decided = Signal(int)  # how many conflicts were decided

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("issueBulkDialog")
        self.setWindowTitle(self.tr("批量处理冲突"))
        self.db, self.actor, self.runner = db, actor, runner
        self.shown: issue_rules.Preview | None = None
        self.open_conflicts = [i for i in issues.list_issues(db) if i.kind == "conflict"]

        self.keep_radio = QRadioButton(self.tr("保留指挥部的版本"), self)
        self.keep_radio.setObjectName("bulkKeep")
        self.take_radio = QRadioButton(self.tr("采用设备的版本"), self)
        self.take_radio.setObjectName("bulkTake")
        self.keep_radio.setChecked(True)
        group = QButtonGroup(self)
        for r in (self.keep_radio, self.take_radio):
            group.addButton(r)
            r.toggled.connect(self.update_preview)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_radio)
        actions.addWidget(self.take_radio)
        actions.addStretch(1)

        self.table_combo = QComboBox(self)
        self.table_combo.setObjectName("bulkTable")
        self.table_combo.addItem(self.tr("全部"), None)
        for entity in sorted({i.entity for i in self.open_conflicts}):
            self.table_combo.addItem(entity_label(entity), entity)
        self.device_combo = QComboBox(self)
        self.device_combo.setObjectName("bulkDevice")
        self.device_combo.addItem(self.tr("全部"), None)
        for device in sorted({i.device for i in self.open_conflicts}):
            self.device_combo.addItem(device, device)
        self.bundle_combo = QComboBox(self)
        self.bundle_combo.setObjectName("bulkBundle")
        for combo in (self.table_combo, self.device_combo, self.bundle_combo):
            combo.setMinimumHeight(TOUCH_HEIGHT)
        self.table_combo.currentIndexChanged.connect(self.update_preview)
        self.device_combo.currentIndexChanged.connect(self._fill_bundles)
        self.bundle_combo.currentIndexChanged.connect(self.update_preview)

        self.only_fields = QCheckBox(self.tr("只处理两边仅在下列字段上不同的冲突"), self)
        self.only_fields.setObjectName("bulkOnlyFields")
        self.only_fields.toggled.connect(self.update_preview)
        fields_box = QGroupBox(self)
        grid = QGridLayout(fields_box)
        self.field_boxes: dict[str, QCheckBox] = {}
        names = sorted({n for i in self.open_conflicts for n in issues.differing(i.local, i.incoming)},
                       key=lambda n: (field_label(n) == n, field_label(n)))
        for n, name in enumerate(names):
            box = QCheckBox(field_label(name), fields_box)
            box.setObjectName(f"bulkField_{name}")
            box.setToolTip(name)
            box.toggled.connect(self.update_preview)
            grid.addWidget(box, n // 3, n % 3)
            self.field_boxes[name] = box
        fields_box.setEnabled(False)  # the field list counts only with its 只处理… box ticked
        self.only_fields.toggled.connect(fields_box.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("处理方式"), actions)
        form.addRow(self.tr("数据表"), self.table_combo)
        form.addRow(self.tr("设备"), self.device_combo)
        form.addRow(self.tr("同步包"), self.bundle_combo)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("bulkCount")
        self.count_label.setWordWrap(True)
        self.matched_list = QListWidget(self)
        self.matched_list.setObjectName("bulkMatched")
        self.banner = MessageBanner(self)
        self.apply_button = QPushButton(self.tr("处理"), self)
        self.apply_button.setObjectName("bulkApply")
        self.cancel_button = QPushButton(self.tr("取消"), self)
        for b in (self.apply_button, self.cancel_button):
            b.setMinimumHeight(TOUCH_HEIGHT)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.only_fields)
        layout.addWidget(fields_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.matched_list, 1)
        layout.addLayout(buttons)
        self.resize(640, 560)
        self._fill_bundles()

    def _fill_bundles(self, *_args: object) -> None:
        device = self.device_combo.currentData()
        self.bundle_combo.blockSignals(True)
        self.bundle_combo.clear()
        self.bundle_combo.addItem(self.tr("全部"), None)
        for seq in sorted({i.bundle_seq for i in self.open_conflicts if device and i.device == device}):
            self.bundle_combo.addItem(self.tr("第 {n} 号").format(n=seq), seq)
        self.bundle_combo.blockSignals(False)
        enable(self.bundle_combo, self.tr("只处理该设备这一号同步包中的冲突"),
               "" if device else self.tr("先选定设备，才能按同步包处理"))
        self.update_preview()

    def rule(self) -> issue_rules.Rule:
        fields = frozenset(n for n, b in self.field_boxes.items() if b.isChecked()) if self.only_fields.isChecked() \
            else None
        return issue_rules.Rule("take" if self.take_radio.isChecked() else "keep", self.table_combo.currentData(),
                                fields, self.device_combo.currentData(), self.bundle_combo.currentData())

    def update_preview(self, *_args: object) -> None:
        self.matched_list.clear()
        self.shown = None
        try:
            self.shown = issue_rules.preview(self.db, self.rule())
        except SurveyAppError as exc:  # e.g. a field HQ decides ticked for 采用设备的版本
            self.count_label.setText(error_text(exc))
            enable(self.apply_button, "", error_text(exc))
            return
        n, refused = len(self.shown.matched), len(self.shown.refused)
        text = self.tr("将处理 {n} 项冲突").format(n=n)
        if refused:
            text += self.tr("；另有 {m} 项不能采用设备的版本，保持待处理").format(m=refused)
        self.count_label.setText(text)
        for i in self.shown.matched:
            self.matched_list.addItem(self.tr("{record}（设备 {device}，第 {seq} 号同步包）").format(
                record=record_label(i), device=i.device, seq=i.bundle_seq))
        enable(self.apply_button, self.tr("按此规则处理以上冲突（每项都留有审计记录）"),
               "" if n else self.tr("没有符合此规则的冲突"))

    def apply(self) -> int | None:
        shown = self.shown
        if shown is None or not shown.matched:
            return None
        self.banner.hide()
        self.apply_button.setEnabled(False)

        def done(result: issue_rules.Preview) -> None:
            publish_changes(result)  # what the rule's commit changed
            self.decided.emit(len(result.matched))
            self.accept()

        def failed(exc: BaseException) -> None:
            self.banner.show_message(error_text(exc), "error")
            self.open_conflicts = [i for i in issues.list_issues(self.db) if i.kind == "conflict"]
            self.update_preview()

        return self.runner.run(
            lambda progress, cancel: issue_rules.apply_rule(self.db, self.actor, shown.rule, expect=shown.ids),
            on_done=done, on_error=failed, label=self.tr("正在保存…"), cancellable=False)
