"""HQ's 项目 page: setting a real project up and running it (issue 12).

One tab per part of the set-up, each in its own module with ``build(db, actor, runner, parent) ->
QWidget``: 项目信息 (project_tab), 补偿方案 (policy_tab), 名册与评估 (imports_tab), 人员与设备 (people_tab).
Threading: GUI thread only; long work goes through the TaskRunner.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

TABS = (  # module, title (translated in build_page), object name
    ("dashboard_page", "总览", "hqDashboardTab"),
    ("project_tab", "项目信息", "hqProjectTab"),
    ("policy_tab", "补偿方案", "hqPolicyTab"),
    ("imports_tab", "名册与评估", "hqImportsTab"),
    ("people_tab", "人员与设备", "hqPeopleTab"),
)


def _titles() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {"dashboard_page": tr("HqPage", "总览"), "project_tab": tr("HqPage", "项目信息"), "policy_tab": tr("HqPage", "补偿方案"),
            "imports_tab": tr("HqPage", "名册与评估"), "people_tab": tr("HqPage", "人员与设备")}


def build_page(db, actor, runner, parent: QWidget | None = None) -> QWidget:  # noqa: ANN001
    tabs = QTabWidget(parent)
    tabs.setObjectName("hqPage")
    titles = _titles()
    for module_name, _title, object_name in TABS:
        module = importlib.import_module(f"survey_app.ui.hq.{module_name}")
        tab = module.build(db, actor, runner, tabs)
        tab.setObjectName(object_name)
        tabs.addTab(tab, titles[module_name])
    return tabs
