"""The main window: a navigation rail on the left and one page at a time on the right.

Pages (survey_app/ui/pages): 首页 (my day), 住户 (household list + details, the start page), 测算 (the
selected household's options side by side) and 复核 (review queue; supervisor and HQ only).
Start-up budget (DESIGN §8: 0.8 s from process start over 10k households, nothing growing with their
number): only the start page is built before the first paint — one SQL search for a page of keys, rows
fetched for the visible lines only; on a project bigger than that page the status counts and the 地块
list (which read every household) come after the first paint (``after_first_paint``); the other pages
are built on their first visit.
First window of a start (ui/app.py): built with ``db=None``, the first screen's light read and an ``opener``;
its list is painted without the ORM, which is imported after that paint on a thread (first_attach.py); the
window and its page then ``attach`` the database, and the counts follow.
Menus: 文件 (核验协议…, 注销/切换用户, 退出), 视图 (搜索, 语言 — takes effect at the next start), 帮助 (使用帮助 F1,
关于). The window opens maximised on screens up to 1366 px wide (a field laptop: every pixel counts).
Keys: Ctrl+1…4 pages, Ctrl+F search, Esc clears the search, arrows move in the list, Enter or
double-click opens the household in the editor.
Threading: GUI thread only; long jobs and writes go through the TaskRunner handed in by app.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from survey_app import __version__
from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Permission
from survey_app.ui import i18n, labels
from survey_app.ui.first_attach import FirstAttach, Opener
from survey_app.ui.first_paint import after_first_paint, warm_imports
from survey_app.ui.pages import navigation as nav
from survey_app.ui.pages.common import can
from survey_app.ui.pages.households_page import HouseholdsPage
from survey_app.ui.task_runner import TaskRunner

if TYPE_CHECKING:  # the services import SQLAlchemy: not before the first window has painted
    from survey_app.core.services import Database
    from survey_app.core.services.first_screen import FirstScreen

APP_VERSION = __version__  # the one place: survey_app/__init__.py (pyproject reads it too)
MAXIMISE_UP_TO = 1366  # px of screen width: field laptops (1366×768, 1024×768) open maximised


WARM_MODULES = ("survey_app.core.services.survey.checks", "survey_app.core.services.survey.readiness",
                "survey_app.core.services.survey.store", "survey_app.core.sync.issues",
                "survey_app.ui.editor.household_editor")  # ~80 ms of imports off the first 编辑


class MainWindow(QMainWindow):
    logout_requested = Signal()  # 注销 / 切换用户: app.Session shows the login dialog again
    attached = Signal()  # a first window has its database (after its first paint)

    def __init__(self, db: Database | None, actor: Actor, *, project_name: str = "", language: str = "zh_CN",
                 runner: TaskRunner | None = None, start_page: str = nav.HOUSEHOLDS,
                 first_screen: FirstScreen | None = None, opener: Opener | None = None):
        """``db=None`` with ``first_screen`` and ``opener``: the first window of a start (module docstring)."""
        super().__init__()
        self.db, self.actor, self.language = db, actor, language
        self.runner = runner if runner is not None else TaskRunner()
        self.runner.set_parent_widget(self)
        self.setObjectName("mainWindow")
        who = actor.display_name or actor.username
        title = self.tr("{name}（{role}）").format(name=who, role=labels.role(actor.role))
        app_name = self.tr("征收补偿入户调查")
        self.setWindowTitle(" — ".join(x for x in (project_name, title, app_name) if x))
        self.resize(1280, 720)
        self.setMinimumSize(640, 480)  # never forces a width over a small screen

        self.rail = nav.NavigationRail(self)
        self.rail.add_page(nav.HOME, self.tr("首页"), self.tr("我的今天：今日工作与负责区域进度"))
        self.rail.add_page(nav.HOUSEHOLDS, self.tr("住户"), self.tr("住户列表、查找与详情"))
        self.rail.add_page(nav.COMPENSATION, self.tr("测算"), self.tr("所选住户的各安置方案并排比较"))
        if can(actor, Permission.REVIEW):
            self.rail.add_page(nav.REVIEW, self.tr("复核"), self.tr("待复核的住户：通过或退回"))
        self.rail.add_page(nav.SYNC, self.tr("同步"), self.tr("U 盘同步：导出、导入同步包与回执"))
        if can(actor, Permission.MANAGE_PROJECT):
            self.rail.add_page(nav.PROJECT, self.tr("项目"),
                               self.tr("指挥部：项目信息、补偿方案、名册与评估、人员与设备"))
        self.rail.page_requested.connect(self.show_page)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")
        self.pages: dict[str, QWidget] = {}

        # The 住户 page is always built: it owns the selection the 测算 page and the editor follow.
        self.households_page = HouseholdsPage(db, actor, self.runner, self, first_screen=first_screen)
        self.model = self.households_page.model
        self.filter_bar = self.households_page.filter_bar
        self.table = self.households_page.table
        self.detail = self.households_page.detail
        self._add_page(nav.HOUSEHOLDS, self.households_page)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("householdCount")
        self.statusBar().addWidget(self.count_label)
        user_label = QLabel(self.tr("当前用户：{name}（{role}）").format(name=who, role=labels.role(actor.role)), self)
        self.statusBar().addPermanentWidget(user_label)

        self._build_menus()
        self.households_page.count_changed.connect(self._update_count)
        self.households_page.edit_requested.connect(self.open_editor)
        self.households_page.compensation_requested.connect(self.show_compensation)
        self.detail.loaded.connect(lambda d: self.rail.set_enabled(nav.COMPENSATION, d is not None))
        self.rail.set_enabled(nav.COMPENSATION, False)
        big = self._start_list()
        if db is None and opener is not None:  # the first window: the ORM after the first paint, then the rest
            self.first_attach = FirstAttach(self, opener, lambda opened: self._attach_first(opened, big))
            self.model.need_db = self.first_attach.now  # input that needs the database before it is there
            after_first_paint(self.table.viewport(), self.first_attach.start)
        elif big:  # more than a page of households: what reads every one of them waits for the first paint
            after_first_paint(self.table.viewport(), self._count_after_first_paint)
        else:
            self.households_page.refresh_counts()
        if db is not None:
            after_first_paint(self.table.viewport(), lambda: warm_imports(WARM_MODULES))
        self.show_page(start_page)

    # --- pages ------------------------------------------------------------------------------------------

    def _add_page(self, name: str, page: QWidget) -> None:
        self.pages[name] = page
        self.stack.addWidget(page)

    def page(self, name: str) -> QWidget | None:
        """The page called ``name``, built now if this is its first use (None: not for this role)."""
        if name not in self.pages:
            built = self._build_page(name)
            if built is None:
                return None
            self._add_page(name, built)
        return self.pages[name]

    def _build_page(self, name: str) -> QWidget | None:
        # Imported here: a page's module (and what it imports) costs nothing until it is first shown.
        if name == nav.HOME:
            from survey_app.ui.pages.home_page import HomePage

            home = HomePage(self.db, self.actor, self)
            home.status_requested.connect(self._show_status)
            home.review_requested.connect(lambda: self.show_page(nav.REVIEW))
            home.household_requested.connect(self.show_household)
            return home
        if name == nav.COMPENSATION:
            from survey_app.ui.pages.compensation_page import CompensationPage

            comp = CompensationPage(self.db, self.actor, self.runner, self)
            comp.back_requested.connect(lambda: self.show_page(nav.HOUSEHOLDS))
            return comp
        if name == nav.REVIEW and can(self.actor, Permission.REVIEW):
            from survey_app.ui.pages.review_page import ReviewPage

            return ReviewPage(self.db, self.actor, self.runner, self)
        if name == nav.SYNC:
            from survey_app.ui.sync import build_page

            return build_page(self.db, self.actor, self.runner, self)
        if name == nav.PROJECT and can(self.actor, Permission.MANAGE_PROJECT):
            from survey_app.ui.hq import build_page as build_hq_page

            hq_page = build_hq_page(self.db, self.actor, self.runner, self)
            dashboard = hq_page.findChild(QWidget, "hqDashboardTab")
            if dashboard is not None and hasattr(dashboard, "householdsRequested"):
                dashboard.householdsRequested.connect(self._show_filter)
            ledger = hq_page.findChild(QWidget, "hqLedgerTab")
            if ledger is not None and hasattr(ledger, "householdRequested"):
                ledger.householdRequested.connect(self.show_household)
            return hq_page
        return None

    def show_page(self, name: str) -> None:
        if name == nav.COMPENSATION:
            self.show_compensation(self.households_page.current_id())
            return
        page = self.page(name)
        if page is None:
            return
        self._set_current(name, page)
        if name == nav.HOUSEHOLDS:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next((n for n, p in self.pages.items() if p is widget), "")

    def show_compensation(self, household_id: str | None) -> None:
        """The 测算 page for one household (the one selected on the 住户 page)."""
        page = self.page(nav.COMPENSATION)
        page.show_household(household_id)
        self._set_current(nav.COMPENSATION, page)

    def _set_current(self, name: str, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        self.rail.set_current(name)
        self.count_label.setVisible(name == nav.HOUSEHOLDS)  # "共 n 户" counts the list only

    def show_household(self, household_id: str) -> None:
        """The 住户 page showing just this household, selected with its details (home page lists)."""
        self.households_page.show_household(household_id)
        self.show_page(nav.HOUSEHOLDS)

    def _show_filter(self, flt) -> None:  # noqa: ANN001 - HouseholdFilter from HQ's dashboard
        self.households_page.show_filter(flt)
        self.show_page(nav.HOUSEHOLDS)

    def _show_status(self, status: str | None, mine: bool) -> None:
        self.households_page.show_status(status, mine)
        self.show_page(nav.HOUSEHOLDS)

    def open_editor(self, household_id: str) -> None:
        """Open the household in the editor dialog (its own module: imported on first use)."""
        from survey_app.ui.editor.household_editor import HouseholdEditorDialog

        dialog = HouseholdEditorDialog(self.db, self.actor, self.runner, household_id, parent=self)
        # The editor publishes each save's ChangeSet itself (once): nothing to forward here.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.editor = dialog
        dialog.open()

    # --- data -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read counts and the list (after data changed, e.g. an import finished)."""
        self.households_page.refresh()

    def _start_list(self) -> bool:
        """The list's first page; True when more households match than that page holds."""
        self.households_page.refresh_list(count=False)
        if self.model.canFetchMore(QModelIndex()):
            return True
        self.households_page.count_total()  # all of them are in the page: no count query
        return False

    def _attach_first(self, db: Database, big: bool) -> None:
        self.attach(db)
        if big:
            self._count_after_first_paint()
        else:
            self.households_page.refresh_counts()
        warm_imports(WARM_MODULES)

    def attach(self, db: Database) -> None:
        """The first window's database: its page switches to the services without a visible change."""
        self.db = db
        self.households_page.attach(db)
        self.attached.emit()

    def _count_after_first_paint(self) -> None:
        self.households_page.refresh_counts()
        self.households_page.count_total()

    def _update_count(self, n: int) -> None:
        self.count_label.setText(self.tr("共 {n} 户").format(n=f"{n:,}"))

    # --- menus ------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        verify_action = QAction(self.tr("核验协议(&V)…"), self)
        verify_action.setObjectName("verifyAgreementAction")
        verify_action.triggered.connect(self.open_verify)
        file_menu.addAction(verify_action)
        from survey_app.ui.backup_dialog import BackupController  # light: Qt widgets and nothing of the core

        self.backups = BackupController(self)
        backup_action = QAction(self.tr("备份到…（U 盘）(&B)"), self)
        backup_action.setObjectName("backupAction")
        backup_action.setToolTip(self.tr("把本项目（数据库、密钥库、照片）备份到一个文件夹，如 U 盘"))
        backup_action.triggered.connect(self.backups.backup_to_usb)
        file_menu.addAction(backup_action)
        restore_action = QAction(self.tr("从备份恢复(&R)…"), self)
        restore_action.setObjectName("restoreAction")
        restore_action.triggered.connect(self.backups.restore_from_backup)
        file_menu.addAction(restore_action)
        file_menu.addSeparator()
        logout_action = QAction(self.tr("注销 / 切换用户(&L)…"), self)
        logout_action.setObjectName("logoutAction")
        logout_action.setToolTip(self.tr("回到登录窗口，换一位用户登录（不退出程序）"))
        logout_action.triggered.connect(self.logout)
        file_menu.addAction(logout_action)
        self.logout_action = logout_action
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        from survey_app.ui.start import request_switch  # light: the start window is imported when used

        project_menu = bar.addMenu(self.tr("项目(&P)"))
        switch_action = QAction(self.tr("切换项目(&S)…"), self)
        switch_action.setObjectName("switchProjectAction")
        switch_action.setToolTip(self.tr("关闭本项目，选择、新建或加入其他项目"))
        switch_action.triggered.connect(lambda: request_switch(self))
        project_menu.addAction(switch_action)
        self.switch_project_action = switch_action

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        find_action = QAction(self.tr("搜索(&S)"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._find)
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
        help_action = QAction(self.tr("使用帮助(&H)"), self)
        help_action.setObjectName("helpAction")
        help_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        help_action.triggered.connect(self.open_help)
        help_menu.addAction(help_action)
        self.help_action = help_action
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def open_verify(self) -> None:
        """文件 → 核验协议…: check a printed agreement's QR (its own module: imported on first use)."""
        from survey_app.ui.agreements.verify_dialog import open_verify

        self.verify_dialog = open_verify(self, self.db, self.runner)

    def open_help(self) -> None:
        """帮助 → 使用帮助 (F1): a household's day, step by step (its own module: imported on first use)."""
        from survey_app.ui.help_page import HelpDialog

        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()

    def logout(self) -> None:
        """注销 / 切换用户. Refused while a job runs: its result belongs to this window and this user."""
        if self.runner.busy:
            QMessageBox.information(self, self.tr("注销"), self.tr("还有任务在运行，请等它完成后再注销。"))
            return
        self.logout_requested.emit()

    def show_for_screen(self) -> None:
        """Show maximised on a small screen (≤ 1366 px wide), else at the default size."""
        screen = self.screen()
        if screen is not None and screen.availableGeometry().width() <= MAXIMISE_UP_TO:
            self.showMaximized()
        else:
            self.show()

    def _find(self) -> None:
        self.show_page(nav.HOUSEHOLDS)
        self.filter_bar.focus_search()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.busy:
            answer = QMessageBox.question(self, self.tr("退出"), self.tr("还有任务在运行，确定要取消并退出吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.shutdown()
        super().closeEvent(event)
