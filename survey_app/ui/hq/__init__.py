"""HQ's 项目 page: setting a real project up and running it (issue 12).

总览 (dashboard_page) and 台账 (ledger_page) first, then one tab per part of the set-up; each tab in its own
module with ``build(db, actor, runner, parent) -> QWidget``: 项目信息 (project_tab), 补偿方案 (policy_tab),
名册与评估 (imports_tab), 人员与设备 (people_tab).
Threading: GUI thread only; long work goes through the TaskRunner.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

TABS = (  # module, title (marked for lupdate here, translated in build_page), object name
    ("dashboard_page", QT_TRANSLATE_NOOP("HqPage", "总览"), "hqDashboardTab"),
    ("ledger_page", QT_TRANSLATE_NOOP("HqPage", "台账"), "hqLedgerTab"),
    ("project_tab", QT_TRANSLATE_NOOP("HqPage", "项目信息"), "hqProjectTab"),
    ("policy_tab", QT_TRANSLATE_NOOP("HqPage", "补偿方案"), "hqPolicyTab"),
    ("imports_tab", QT_TRANSLATE_NOOP("HqPage", "名册与评估"), "hqImportsTab"),
    ("people_tab", QT_TRANSLATE_NOOP("HqPage", "人员与设备"), "hqPeopleTab"),
)


def build_page(db, actor, runner, parent: QWidget | None = None) -> QWidget:  # noqa: ANN001
    tabs = QTabWidget(parent)
    tabs.setObjectName("hqPage")
    for module_name, title, object_name in TABS:
        module = importlib.import_module(f"survey_app.ui.hq.{module_name}")
        tab = module.build(db, actor, runner, tabs)
        tab.setObjectName(object_name)
        tabs.addTab(tab, QCoreApplication.translate("HqPage", title))
    return tabs
