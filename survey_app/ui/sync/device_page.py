"""同步 page on a field laptop: day-end export to the USB stick, then HQ's receipt and assignment files.

Top: what this laptop is (device code, HQ's fingerprint, the last bundle exported). Then the two
things a worker does, as numbered steps with one big button each — ① export today's bundle to the
stick, ② import what HQ sent back (receipts, assignment bundles) — and below them the results, one
coloured block per file, newest first, naming the file written or read and what to do next.
A laptop not yet enrolled shows the enrollment steps instead (enroll_panel.py).

Every file is read and written by the core (survey_app/core/sync) on the TaskRunner's worker:
export with a progress dialog and 取消 (a cancelled export leaves no file behind); before an
import each chosen file's clear header is shown for confirmation. Errors (a damaged or foreign
file, a wrong password) come back as the core's Chinese message in a red block; nothing is imported.
Threading: GUI thread only; the core calls run on the runner's worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.domain.written import applied_changes
from survey_app.core.services import Database
from survey_app.core.sync import assignments, bundle, export, identity, receipts
from survey_app.ui.sync.common import (
    ERROR,
    OK,
    STYLE,
    WARN,
    KeySession,
    ResultList,
    card,
    confirm_headers,
    error_text,
    fingerprint,
    kind_label,
    publish_changes,
)
from survey_app.ui.sync.drives import DriveRow
from survey_app.ui.sync.enroll_panel import EnrollPanel
from survey_app.ui.task_runner import TaskRunner


class DeviceSyncPage(QWidget):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviceSyncPage")
        self.setStyleSheet(STYLE)
        self.db, self.actor, self.runner = db, actor, runner
        self.results = ResultList(self, placeholder=self.tr("导出或导入的结果会显示在这里。"))
        self.keys = KeySession(db, self, lambda text: self.results.add(ERROR, text))

        title = QLabel(self.tr("同步（U 盘）"), self)
        title.setObjectName("syncTitle")
        self.status = QLabel(self)
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)

        self.export_button = QPushButton(self.tr("导出今日同步包…"), self)
        self.export_button.setObjectName("syncPrimary")  # the day-end action: stands out
        self.export_button.clicked.connect(self.choose_and_export)
        self.import_button = QPushButton(self.tr("导入回执 / 任务包…"), self)
        self.import_button.setObjectName("syncAction")
        self.import_button.clicked.connect(self.choose_and_import)
        steps = QWidget(self)
        row = QHBoxLayout(steps)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(card(steps, self.tr("① 收工：导出今日同步包"), self.tr(
            "插入 U 盘，点下面的按钮并选择 U 盘。包含指挥部尚未确认的全部修改和照片；"
            "文件完整写好后才出现在 U 盘上。"), self.export_button), 1)
        row.addWidget(card(steps, self.tr("② 导入指挥部发回的文件"), self.tr(
            "回执（.sareceipt）：指挥部已收到，下次不再重复导出。"
            "任务包（.saassign）：新分派的住户和补偿方案。可一次选多个文件。"), self.import_button), 1)
        self.enroll = EnrollPanel(db, runner, self.keys, self.results, self)
        self.enroll.enrolled.connect(self.refresh)
        self.actions = QStackedWidget(self)
        self.actions.addWidget(steps)
        self.actions.addWidget(self.enroll)
        # The sticks plugged in, one click each (Windows drive letters, Linux /media): core/platform.py.
        self.drives = DriveRow(self.tr("直接导出到 U 盘："), self)
        self.drives.chosen.connect(self.export_to)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(self.actions)
        layout.addWidget(self.drives)
        results_title = QLabel(self.tr("结果"), self)
        results_title.setObjectName("syncStep")
        layout.addWidget(results_title)
        layout.addWidget(self.results, 1)
        self.refresh()

    # --- state ------------------------------------------------------------------------------------------

    def enrolled(self) -> bool:
        return bool(self.db.setting(identity.HQ_KEYS))

    def refresh(self) -> None:
        """Re-read this laptop's sync state (local settings: cheap reads on the GUI thread)."""
        if not self.enrolled():
            self.status.setText(self.tr("本机尚未登记到指挥部，还不能导出同步包。请按下面两步登记（只需一次）。"))
            self.actions.setCurrentWidget(self.enroll)
            self.drives.hide()
            self.actions.setFixedHeight(self.enroll.sizeHint().height())
            self.enroll.refresh()
            return
        self.actions.setCurrentIndex(0)
        self.drives.show()
        self.actions.setFixedHeight(self.actions.widget(0).sizeHint().height())
        seq = int(self.db.setting(export.SEQ, "0") or 0)
        last = self.tr("已导出到第 {seq} 号同步包").format(seq=seq) if seq else self.tr("尚未导出过同步包")
        hq = own = ""
        try:
            hq = fingerprint(identity.hq_public(self.db).fingerprint)
            mine = identity.own_public(self.db)  # both read aloud when comparing with HQ
            own = fingerprint(mine.fingerprint) if mine else ""
        except SurveyAppError:
            pass
        self.status.setText(self.tr("本机设备代码 <b>{code}</b>（本机密钥指纹 {own}）  ·  指挥部密钥指纹 {hq}  ·  {last}")
                            .format(code=self.db.setting("device_code") or "?", own=own or "?", hq=hq or "?",
                                    last=last))

    # --- export -----------------------------------------------------------------------------------------

    def choose_and_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择 U 盘（同步包写到哪个文件夹）"),
                                                  self.drives.first())  # opens on the first stick found
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> int | None:
        """Export the day-end bundle into ``folder`` through the runner (progress dialog, 取消)."""
        pair = self.keys.ensure()
        if pair is None:
            return None
        db = self.db

        def job(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            # The core's labels name internal files; keep the dialog's own sentence instead.
            return export.export_bundle(db, pair, folder, progress=lambda d, t, _l: progress(d, t, ""),
                                        cancel=cancel)

        return self.runner.run(job, on_done=self._exported, on_error=self._export_failed,
                               label=self.tr("正在导出同步包到 {folder}…").format(folder=folder), cancellable=True)

    def _exported(self, result: export.ExportResult) -> None:
        self.refresh()
        self.results.add(OK, self.tr("已导出第 {seq} 号同步包").format(seq=result.seq), [
            self.tr("文件：{name}").format(name=result.path.name),
            self.tr("位置：{folder}").format(folder=result.path.parent),
            self.tr("{records} 条记录，{events} 个操作记录，{media} 张照片").format(
                records=result.records, events=result.events, media=result.media),
            self.tr("下一步：安全弹出 U 盘，交给指挥部。指挥部导入后会发回回执文件，到时在这里导入。")])

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, bundle.Cancelled):
            self.results.add(WARN, self.tr("导出已取消"), [self.tr("没有写出任何文件，数据没有变化。可以重新导出。")])
        else:
            self.results.add(ERROR, self.tr("导出失败：{error}").format(error=error_text(exc)),
                             [self.tr("没有写出同步包。请检查 U 盘是否插好、是否有足够空间，然后重试。")])

    # --- import receipts and assignments ----------------------------------------------------------------

    def choose_and_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择指挥部发回的回执或任务包"), self.drives.first(),
            self.tr("回执和任务包 (*.sareceipt *.saassign);;所有文件 (*)"))
        if paths and confirm_headers(self, [Path(p) for p in paths]):
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Import each file (a receipt or an assignment bundle) as its own job; one result block each."""
        pair = self.keys.ensure()
        if pair is None:
            return
        for path in paths:
            try:
                header = bundle.read_header(path)
            except SurveyAppError as exc:
                self._import_failed(path, exc)
                continue
            kind = header.get("kind")
            if kind == "receipt":
                fn, done = receipts.import_receipt, self._receipt_done
            elif kind == "assignment":
                fn, done = assignments.import_assignment, self._assignment_done
            else:
                self.results.add(ERROR, self.tr("{name} 未导入").format(name=path.name), [
                    self.tr("这是{kind}，不是回执或任务包。").format(kind=kind_label(str(kind)))])
                continue
            self.runner.run(lambda progress, cancel, fn=fn, p=path: fn(self.db, pair, p),
                            on_done=lambda r, p=path, d=done: d(p, r),
                            on_error=lambda e, p=path: self._import_failed(p, e),
                            label=self.tr("正在导入 {name}…").format(name=path.name), cancellable=False)

    def _receipt_done(self, path: Path, body: dict) -> None:
        lines = [self.tr("文件：{name}").format(name=path.name),
                 self.tr("指挥部已确认 {n} 条记录，下次导出不再包含它们。").format(n=len(body.get("acked", [])))]
        # Conflicts and gaps are HQ's to handle: for the worker the receipt worked (green), said plainly.
        if body.get("conflicts"):
            lines.append(self.tr("其中 {n} 条与指挥部的版本冲突，由指挥部核实处理。").format(n=body["conflicts"]))
        if body.get("missing_seqs"):
            lines.append(self.tr("指挥部缺少第 {seqs} 号同步包（其内容已包含在后来的包中）。").format(
                seqs="、".join(str(s) for s in body["missing_seqs"])))
        self.results.add(OK, self.tr("回执已导入：指挥部已收到第 {seq} 号同步包").format(
            seq=body.get("bundle_seq", "?")), lines)
        publish_changes(applied_changes(body.get("acked", [])))  # the records HQ acknowledged are marked sent

    def _assignment_done(self, path: Path, report: assignments.ApplyReport) -> None:
        lines = [self.tr("文件：{name}").format(name=path.name),
                 self.tr("新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条").format(
                     inserted=report.inserted, updated=report.updated, unchanged=report.unchanged)]
        if report.conflicts:
            lines.append(self.tr("{n} 条本机有尚未发送的修改，保留本机版本；下次导出后由指挥部核实。").format(
                n=report.conflicts))
        self.results.add(WARN if report.conflicts else OK, self.tr("任务包已导入"), lines)
        # a bulk write: what it applied changed; what it held (unsent local edits) now differs from HQ's
        publish_changes(applied_changes(report.applied + report.held))

    def _import_failed(self, path: Path, exc: BaseException) -> None:
        self.results.add(ERROR, self.tr("{name} 未导入：{error}").format(name=path.name, error=error_text(exc)),
                         [self.tr("没有导入任何数据。请向指挥部要一份新的文件。")])
