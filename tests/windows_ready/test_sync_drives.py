"""The laptop's 同步 page offers the USB sticks plugged in: one button per stick exports the day-end bundle straight
to it, 刷新 finds a stick plugged in later, and the file dialogs open on the first stick. The sticks are folders
with Chinese names and spaces handed out by a stand-in for ``core.platform.removable_drives``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from survey_app.core import platform
from survey_app.core.services import users
from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD
from survey_app.core.services.startup import open_database
from survey_app.core.sync import identity
from survey_app.ui.sync.common import OK
from survey_app.ui.sync.device_page import DeviceSyncPage


@pytest.fixture(scope="module")
def _sync_demo(shared_sync_demo):
    return shared_sync_demo(12)


@pytest.fixture
def laptop(_sync_demo, tmp_path):
    import shutil

    shutil.copytree(_sync_demo.hq.parent, tmp_path / "demo")
    db = open_database(tmp_path / "demo" / _sync_demo.devices["D01"].relative_to(_sync_demo.hq.parent))
    yield db
    db.dispose()


@pytest.fixture
def sticks(tmp_path, monkeypatch) -> list[platform.Drive]:
    plugged: list[platform.Drive] = []
    monkeypatch.setattr(platform, "removable_drives", lambda **_: list(plugged))
    return plugged


def _page(qtbot, db, runner) -> DeviceSyncPage:
    page = DeviceSyncPage(db, users.login(db, "worker", "worker123", device="D01"), runner)
    qtbot.addWidget(page)
    page.show()
    page.keys.pair = identity.unlock(db, DEVICE_KEY_PASSWORD)  # the password dialog, answered
    return page


def test_a_plugged_stick_gets_a_button_that_exports_to_it(qtbot, laptop, runner, sticks, tmp_path,
                                                           monkeypatch) -> None:
    page = _page(qtbot, laptop, runner)
    assert page.drives.isVisible() and page.drives.buttons == [] and page.drives.none.isVisible()

    stick = tmp_path / "征收 U盘" / "第 1 组"
    stick.mkdir(parents=True)
    sticks.append(platform.Drive(stick, "征收 U盘"))
    qtbot.mouseClick(page.drives.refresh_button, Qt.MouseButton.LeftButton)  # plugged in after the page opened
    (button,) = page.drives.buttons
    assert button.text() == "征收 U盘" and button.isVisible() and not page.drives.none.isVisible()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not runner.busy and bool(page.results.entries), timeout=60_000)
    entry = page.results.entries[0]
    assert entry.kind == OK and "第 1 号" in entry.title, entry
    (bundle,) = stick.glob("*.sabundle")
    assert bundle.name in "".join(entry.lines) and str(stick) in "".join(entry.lines)

    seen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda _p, _t, start="", *a, **k: seen.append(start) or "")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda _p, _t, start="", *a, **k: (seen.append(start), ([], ""))[1])
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert seen == [str(stick), str(stick)]  # both dialogs open on the stick


def test_the_drive_row_stays_hidden_until_the_laptop_is_enrolled(qtbot, laptop, runner, sticks, tmp_path) -> None:
    sticks.append(platform.Drive(tmp_path, "KINGSTON"))
    laptop.set_setting(identity.HQ_KEYS, "")  # as before enrolment: the page shows the enrolment steps
    page = _page(qtbot, laptop, runner)
    assert page.actions.currentWidget() is page.enroll and not page.drives.isVisible()
    assert page.drives.buttons[0].text() == "KINGSTON"  # listed all the same, for when it is shown
