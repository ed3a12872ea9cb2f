"""The main window: household list (left, ~60%) and the selected household's details (right).

Built to be on screen fast (DESIGN §8: 0.8 s from process start over 10k households): one SQL
search and one status count before the first paint, rows fetched only for the visible lines.
Menus: 文件 (退出), 视图 → 语言 (takes effect at the next start), 帮助 (关于).
Keys: Ctrl+F search, Esc clears the search, arrows move in the list.
Threading: GUI thread only; long jobs go through the TaskRunner handed in by app.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from survey_app.core.services import households
from survey_app.core.storage.database import Database
from survey_app.core.storage.uow import Actor
from survey_app.ui import i18n, labels
from survey_app.ui.household_detail import HouseholdDetailView
from survey_app.ui.household_filter_bar import HouseholdFilterBar
from survey_app.ui.household_model import HouseholdModel
from survey_app.ui.household_table import HouseholdTable
from survey_app.ui.task_runner import TaskRunner

APP_VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(self, db: Database, actor: Actor, *, project_name: str = "", language: str = "zh_CN",
                 runner: TaskRunner | None = None):
        super().__init__()
        self.db, self.actor, self.runner, self.language = db, actor, runner, language
        self.setObjectName("mainWindow")
        who = actor.display_name or actor.username
        title = self.tr("{name}（{role}）").format(name=who, role=labels.role(actor.role))
        app_name = self.tr("征收补偿入户调查")
        self.setWindowTitle(" — ".join(x for x in (project_name, title, app_name) if x))
        self.resize(1280, 720)

        self.model = HouseholdModel(db, self)
        self.filter_bar = HouseholdFilterBar(self)
        self.table = HouseholdTable(self.model, self)
        self.detail = HouseholdDetailView(db, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("householdCount")
        self.statusBar().addWidget(self.count_label)
        user_label = QLabel(self.tr("当前用户：{name}（{role}）").format(name=who, role=labels.role(actor.role)), self)
        self.statusBar().addPermanentWidget(user_label)

        self._build_menus()
        self.filter_bar.text_changed.connect(self.model.set_text)
        self.filter_bar.status_changed.connect(self.model.set_status)
        self.filter_bar.leave_down.connect(self._focus_list)
        self.table.current_key_changed.connect(self.detail.show_key)
        self.model.modelReset.connect(self._update_count)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # once: 60/40 of the real width, known only when shown
            self._sized = True
            width = max(self.splitter.width(), 600)
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

    # --- data -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read counts and the list (after data changed, e.g. an import finished)."""
        self.filter_bar.set_counts(households.status_counts(self.db))
        self.model.refresh()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 {n} 户").format(n=f"{self.model.rowCount():,}"))

    def _focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.select_row(0)

    # --- menus ------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        find_action = QAction(self.tr("搜索(&S)"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.filter_bar.focus_search)
        view_menu.addAction(find_action)
        self.addAction(find_action)  # Ctrl+F works even with the menu bar hidden
        lang_menu = view_menu.addMenu(self.tr("语言(&L)"))
        group = QActionGroup(self)
        for code, text in (("zh_CN", "中文"), ("en", "English")):  # each in its own language, untranslated
            action = QAction(text, self, checkable=True)
            action.setChecked(code == self.language)
            action.setData(code)
            group.addAction(action)
            lang_menu.addAction(action)
        group.triggered.connect(self._choose_language)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _choose_language(self, action: QAction) -> None:
        code = action.data()
        if code == self.language:
            return
        self.db.set_setting(i18n.SETTING_KEY, code)
        # Both languages in the message: the user may not read the current one.
        QMessageBox.information(self, self.tr("语言"), self.tr("界面语言将在下次启动时切换。")
                                + "\n" + ("The interface language changes at the next start." if code == "en"
                                          else "界面语言将在下次启动时切换为中文。"))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr(
            "<b>征收补偿入户调查</b> {version}<br>离线入户调查、补偿测算与协议工作站。<br>"
            "数据库：{path}").format(version=APP_VERSION, path=self.db.path or self.db.url))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.runner is not None and self.runner.busy:
            answer = QMessageBox.question(self, self.tr("退出"), self.tr("还有任务在运行，确定要取消并退出吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.shutdown()
        super().closeEvent(event)
