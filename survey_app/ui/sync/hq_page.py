"""同步 page at HQ: import the field laptops' bundles, decide what sync could not, enroll and assign.

Three tabs: 导入同步包 (this file), 待处理事项 (issues_panel.py; the tab shows how many are open) and
设备与任务包 (hq_devices.py). Import: choose one or many .sabundle files, see their headers, then each
is verified and applied in one transaction by the core on the TaskRunner (one job per file, in the
order chosen, so a device's bundles go in sequence), and a signed receipt is written next to the
bundle (the stick) or to a chosen folder. One result block per bundle: counts, missing sequence
numbers, recheck differences, audit warnings, and where the receipt is. A refused bundle shows the
core's Chinese reason in red and imports nothing.
The HQ key password is asked once per session (KeySession, memory only).
Threading: GUI thread only; the core calls run on the runner's worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.domain.written import applied_changes
from survey_app.core.services import Database
from survey_app.core.sync import batch_import, importer, receipts
from survey_app.ui.sync.common import (
    ERROR,
    OK,
    STYLE,
    WARN,
    KeySession,
    ResultList,
    confirm_headers,
    error_text,
    publish_changes,
)
from survey_app.ui.sync.hq_devices import DevicesPanel
from survey_app.ui.sync.issues_panel import IssuesPanel
from survey_app.ui.task_runner import TaskRunner

_SHOWN_DIFFERENCES = 5  # recheck lines per bundle in the result; the rest are in 待处理事项


class HqSyncPage(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hqSyncPage")
        self.setStyleSheet(STYLE)
        self.db, self.actor, self.runner = db, actor, runner
        self.results = ResultList(self, placeholder=self.tr("每个同步包的导入结果会显示在这里。"))
        self.keys = KeySession(db, self, lambda text: self._current_results().add(ERROR, text))

        self.import_button = QPushButton(self.tr("选择同步包并导入…"), self)
        self.import_button.setObjectName("syncAction")
        self.import_button.clicked.connect(self.choose_and_import)
        hint = QLabel(self.tr("可一次选多个同步包（.sabundle）。每个包要么全部导入，要么什么都不导入；"
                              "重复导入同一个包不会改变数据。"), self)
        hint.setObjectName("syncHint")
        hint.setWordWrap(True)
        self.next_to_bundle = QRadioButton(self.tr("回执写在同步包旁边（U 盘上）"), self)
        self.next_to_bundle.setChecked(True)
        self.to_folder = QRadioButton(self.tr("回执写到："), self)
        group = QButtonGroup(self)
        group.addButton(self.next_to_bundle)
        group.addButton(self.to_folder)
        self.receipt_dir = QLineEdit(self)
        self.receipt_dir.setObjectName("receiptDir")
        self.receipt_dir.setReadOnly(True)
        self.receipt_dir.setPlaceholderText(self.tr("选择文件夹"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._choose_receipt_dir)

        import_tab = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(hint, 1)
        where = QHBoxLayout()
        where.addWidget(self.next_to_bundle)
        where.addSpacing(16)
        where.addWidget(self.to_folder)
        where.addWidget(self.receipt_dir, 1)
        where.addWidget(browse)
        il = QVBoxLayout(import_tab)
        il.setContentsMargins(8, 8, 8, 8)
        il.addLayout(top)
        il.addLayout(where)
        il.addWidget(self.results, 1)

        self.issues = IssuesPanel(db, actor, runner, self)
        self.devices = DevicesPanel(db, actor, runner, self.keys, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("hqSyncTabs")
        self.tabs.addTab(import_tab, self.tr("导入同步包"))
        self.tabs.addTab(self.issues, "")
        self.tabs.addTab(self.devices, self.tr("设备与任务包"))
        self.issues.count_changed.connect(self._set_issue_count)
        self._set_issue_count(self.issues.model.rowCount())

        title = QLabel(self.tr("同步（指挥部）"), self)
        title.setObjectName("syncTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def _current_results(self) -> ResultList:
        return self.devices.results if self.tabs.currentWidget() is self.devices else self.results

    def _set_issue_count(self, n: int) -> None:
        self.tabs.setTabText(1, self.tr("待处理事项（{n}）").format(n=n) if n else self.tr("待处理事项"))

    def _choose_receipt_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("回执写到哪个文件夹"))
        if folder:
            self.receipt_dir.setText(folder)
            self.to_folder.setChecked(True)

    # --- import -----------------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        from survey_app.core.platform import removable_drives  # the dialog opens on the first stick found

        sticks = removable_drives()
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择设备的同步包"), str(sticks[0].path) if sticks else "",
                                                self.tr("同步包 (*.sabundle);;所有文件 (*)"))
        if paths and confirm_headers(self, [Path(p) for p in paths]):
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """One runner job per bundle, in order: verify + apply (one transaction), then write the receipt."""
        pair = self.keys.ensure()
        if pair is None:
            return
        chosen = Path(self.receipt_dir.text()) if self.to_folder.isChecked() and self.receipt_dir.text() else None
        db, actor = self.db, self.actor

        def job(path: Path, progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            report = importer.import_field_bundle(db, actor, pair, path, progress=lambda d, t, _l: progress(d, t, ""))
            # The import is committed: a receipt that cannot be written must not read as "not imported".
            try:
                return report, receipts.write_receipt(db, pair, report, chosen or path.parent), ""
            except (SurveyAppError, OSError) as exc:
                return report, None, error_text(exc)

        if len(paths) > 1:
            self._import_batch(paths, pair, chosen)
            return
        for path in paths:
            self.runner.run(lambda progress, cancel, p=path: job(p, progress, cancel),
                            on_done=lambda r, p=path: self._imported(p, *r),
                            on_error=lambda e, p=path: self.results.add(
                                ERROR, self.tr("{name} 未导入：{error}").format(name=p.name, error=error_text(e)),
                                [self.tr("没有导入任何数据。请让调查员重新导出同步包。")]),
                            label=self.tr("正在导入 {name}…").format(name=path.name), cancellable=False)

    def _import_batch(self, paths: list[Path], pair, chosen: Path | None) -> None:  # noqa: ANN001
        """Many bundles in one runner job (HQ imports dozens a day); for big ones the core prepares bundle n+1
        in another process while bundle n is written (sync/batch_import.py). Each bundle is still its own
        transaction."""
        db, actor = self.db, self.actor

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            results = batch_import.import_field_bundles(db, actor, pair, paths, progress=progress, cancel=cancel)
            out = []
            for path, result in zip(paths, results):
                if isinstance(result, Exception):
                    out.append((path, result, None, ""))
                    continue
                try:  # the import is committed: a receipt that cannot be written must not read as "not imported"
                    out.append((path, result, receipts.write_receipt(db, pair, result, chosen or path.parent), ""))
                except (SurveyAppError, OSError) as exc:
                    out.append((path, result, None, error_text(exc)))
            return out

        def done(items: list) -> None:
            for path, result, receipt, receipt_error in items:
                if isinstance(result, Exception):
                    self.results.add(ERROR, self.tr("{name} 未导入：{error}").format(name=path.name,
                                                                                    error=error_text(result)),
                                     [self.tr("没有导入任何数据。请让调查员重新导出同步包。")])
                else:
                    self._imported(path, result, receipt, receipt_error)

        self.runner.run(job, on_done=done,
                        on_error=lambda e: self.results.add(ERROR, error_text(e), []),
                        label=self.tr("正在导入 {n} 个同步包…").format(n=len(paths)), cancellable=True)

    def _imported(self, path: Path, report: importer.ImportReport, receipt: Path | None, receipt_error: str) -> None:
        lines = [self.tr("文件：{name}").format(name=path.name)]
        if report.already_imported:
            title = self.tr("{device} 第 {seq} 号同步包之前已导入过").format(device=report.device, seq=report.seq)
            lines.append(self.tr("没有改变任何数据。"))
        else:
            title = self.tr("{device} 第 {seq} 号同步包已导入").format(device=report.device, seq=report.seq)
            lines.append(self.tr("新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条").format(
                inserted=report.inserted, updated=report.updated, unchanged=report.unchanged,
                conflicts=report.conflicts))
        if report.conflicts:
            lines.append(self.tr("{n} 条冲突已列入“待处理事项”，请逐条决定保留本地或采用对方。").format(n=report.conflicts))
        if report.missing_seqs:
            lines.append(self.tr("缺少该设备第 {seqs} 号同步包：其修改已包含在本包中，但请确认 U 盘是否遗失。").format(
                seqs="、".join(str(s) for s in report.missing_seqs)))
        for message in report.recheck_differences[:_SHOWN_DIFFERENCES]:
            lines.append(self.tr("重算差异：{message}").format(message=message))
        if len(report.recheck_differences) > _SHOWN_DIFFERENCES:
            lines.append(self.tr("……共 {n} 处重算差异，见“待处理事项”。").format(n=len(report.recheck_differences)))
        lines += [self.tr("审计警告：{message}").format(message=m) for m in report.audit_warnings]
        if receipt is not None:
            lines.append(self.tr("回执：{path}（交回该设备导入）").format(path=receipt))
        else:
            lines.append(self.tr("回执未写出：{error}。数据已导入；可重新导入此包以再次写出回执。").format(
                error=receipt_error))
        warn = (report.conflicts or report.missing_seqs or report.recheck_differences or report.audit_warnings
                or receipt is None)
        self.results.add(WARN if warn else OK, title, lines)
        if not report.already_imported:  # a bulk write: what it applied changed; what it held is now disputed
            publish_changes(applied_changes(report.applied + report.held))
            self.issues.refresh()
