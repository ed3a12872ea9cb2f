"""The 同步 page (USB-stick sync): a field laptop's side (device_page.py) or HQ's (hq_page.py).

``build_page`` picks the side from this machine's sync role (a local setting): an HQ database
gets the HQ page, for roles allowed to import bundles; every other database gets the device page
(enrollment first, then day-end export and HQ's receipts and assignments). Built on first visit:
importing the sync core (cryptography) costs nothing at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Permission
from survey_app.core.services import Database
from survey_app.ui.task_runner import TaskRunner


def build_page(db: Database, actor: Actor, runner: TaskRunner, parent: QWidget | None = None) -> QWidget:
    from survey_app.core.sync import enrollment
    from survey_app.ui.pages.common import can

    if enrollment.is_hq(db):
        if not can(actor, Permission.IMPORT_BUNDLES):
            label = QLabel(QCoreApplication.translate(
                "SyncPage", "本机是指挥部。同步包的导入、设备登记和任务包由指挥部管理员操作。"), parent)
            label.setWordWrap(True)
            label.setMargin(24)
            return label
        from survey_app.ui.sync.hq_page import HqSyncPage

        return HqSyncPage(db, actor, runner, parent)
    from survey_app.ui.sync.device_page import DeviceSyncPage

    return DeviceSyncPage(db, actor, runner, parent)
