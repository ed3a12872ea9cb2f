"""协议生效 on HQ's 项目信息 tab: what the current policy requires, what HQ has recorded, and recording it (issue 13).

An HQ administrator records that the agreements took effect on a date, or that they did not by the deadline
(services/agreements/effect_record.py checks the signing rate and refuses otherwise, in Chinese); recording
again needs a reason. The 台账 then shows the rewards settled after it (services/agreements/effect_settle.py).
Threading: GUI thread; reading and recording run on the TaskRunner's worker.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.core.services.agreements.effect_record import EffectRecord, effect_overview, record_effect
from survey_app.ui.start.fields import BadDate, DateEdit
from survey_app.ui.task_runner import TaskRunner


class EffectBox(QGroupBox):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(self.tr("协议生效"), parent)
        self.setObjectName("effectBox")
        self.db, self.actor, self.runner = db, actor, runner
        self.record: EffectRecord | None = None
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("effectRule")
        self.rule_label.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("effectState")
        self.state.setWordWrap(True)
        self.took_effect = QRadioButton(self.tr("协议已生效，生效日期"), self)
        self.took_effect.setObjectName("effectTookEffect")
        self.took_effect.setChecked(True)
        self.did_not = QRadioButton(self.tr("期限届满，签约比例未达到，协议未生效"), self)
        self.did_not.setObjectName("effectFailed")
        group = QButtonGroup(self)
        group.addButton(self.took_effect)
        group.addButton(self.did_not)
        self.date = DateEdit(self)
        self.date.setObjectName("effectDate")
        self.date.setPlaceholderText(self.tr("如 2023-08-20"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("effectReason")
        self.reason.setPlaceholderText(self.tr("重新登记须写明原因（记入审计）"))
        self.message = QLabel(self)
        self.message.setObjectName("effectMessage")
        self.message.setWordWrap(True)
        self.record_button = QPushButton(self.tr("登记"), self)
        self.record_button.setObjectName("effectRecord")
        self.record_button.clicked.connect(self.save)
        grid = QGridLayout(self)
        grid.addWidget(self.rule_label, 0, 0, 1, 3)
        grid.addWidget(self.state, 1, 0, 1, 3)
        grid.addWidget(self.took_effect, 2, 0)
        grid.addWidget(self.date, 2, 1)
        grid.addWidget(self.did_not, 3, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("原因"), self), 4, 0)
        grid.addWidget(self.reason, 4, 1)
        grid.addWidget(self.record_button, 4, 2)
        grid.addWidget(self.message, 5, 0, 1, 3)
        self.load()

    def load(self) -> None:
        db = self.db
        self.runner.run(lambda progress, cancel: effect_overview(db), on_done=self._show, on_error=self._failed,
                        show_progress=False)

    def _show(self, found: tuple) -> None:
        record, rule = found
        self.record = record
        if rule is None:
            self.rule_label.setText(self.tr("现行补偿方案没有协议生效条件：协议签订即生效。"))
        else:
            self.rule_label.setText(self.tr("现行补偿方案：{by}（含）前本项目签约比例达到 {rate}% 的，协议生效。").format(
                by=rule.by.isoformat(), rate=f"{rule.rate.normalize():f}"))
        self.state.setText(record.words() if record is not None else self.tr("尚未登记协议生效情况。"))
        self.reason.setEnabled(record is not None)
        if record is not None and record.effective_on is not None:
            self.date.set_date(record.effective_on)

    def save(self) -> int | None:
        failed = self.did_not.isChecked()
        day = None
        if not failed:
            try:
                day = self.date.date()
            except BadDate:
                day = None
            if day is None:
                self.message.setText(self.tr("请填写协议生效日期，如 2023-08-20"))
                self.date.setFocus()
                return None
        db, actor, reason = self.db, self.actor, self.reason.text()
        self.record_button.setEnabled(False)
        return self.runner.run(
            lambda progress, cancel: record_effect(db, actor, effective_on=day, failed=failed, reason=reason),
            on_done=self._recorded, on_error=self._failed, label=self.tr("正在登记协议生效…"), cancellable=False)

    def _recorded(self, record: EffectRecord) -> None:
        from survey_app.ui.sync.common import publish_changes

        self.record_button.setEnabled(True)
        self.reason.clear()
        self.message.setText(self.tr("已登记。台账中列出生效后结算的奖励。"))
        self.load()
        publish_changes(record)

    def _failed(self, exc: BaseException) -> None:
        from survey_app.ui.sync.common import error_text

        self.record_button.setEnabled(True)
        self.message.setText(error_text(exc))
