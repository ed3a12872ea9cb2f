"""HQ 设备与任务包: the devices list shows each key fingerprint and state; 吊销 asks for a reason and a
confirmation, then the device is shown revoked (and HQ refuses its bundles: tests/security_chain)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_pages_helpers import answer_box, wait_idle

from survey_app.core.services import devices, users
from survey_app.core.services.startup import open_database
from survey_app.ui.sync.common import ERROR, OK, fingerprint
from survey_app.ui.sync.hq_devices import DevicesPanel


@pytest.fixture(scope="session")
def _sync_demo(shared_sync_demo):
    return shared_sync_demo(12)


@pytest.fixture
def hq(_sync_demo, tmp_path):
    import shutil

    shutil.copytree(_sync_demo.hq.parent, tmp_path / "demo")
    db = open_database(tmp_path / "demo" / _sync_demo.hq.relative_to(_sync_demo.hq.parent))
    yield db
    db.dispose()


def _panel(qtbot, hq, runner) -> DevicesPanel:
    from survey_app.ui.sync.hq_page import HqSyncPage

    page = HqSyncPage(hq, users.login(hq, "hq", "hq123456", device="HQ"), runner)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.devices)
    return page.devices


def _select(qtbot, panel: DevicesPanel, code: str) -> None:
    table = panel.list.table
    row = next(n for n in range(table.rowCount()) if table.item(n, 0).text() == code)
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_shows_fingerprints_and_revoke_asks_then_marks_the_device(qtbot, hq, runner) -> None:
    panel = _panel(qtbot, hq, runner)
    table = panel.list.table
    d01 = next(d for d in devices.list_devices(hq) if d.code == "D01")
    row = next(n for n in range(table.rowCount()) if table.item(n, 0).text() == "D01")
    assert table.item(row, 2).text() == fingerprint(d01.fingerprint) and len(table.item(row, 2).text()) == 19
    assert table.item(row, 3).text() == "正常"
    assert not panel.list.revoke_button.isEnabled()  # nothing selected yet
    _select(qtbot, panel, "D01")
    assert panel.list.revoke_button.isEnabled()

    qtbot.mouseClick(panel.list.revoke_button, Qt.MouseButton.LeftButton)  # no reason: said, nothing done
    assert panel.results.entries[0].kind == ERROR and "吊销原因" in panel.results.entries[0].title

    qtbot.keyClicks(panel.list.reason, "laptop lost")  # QTest types Latin-1 only
    seen: list[str] = []
    answer_box("No", seen)
    qtbot.mouseClick(panel.list.revoke_button, Qt.MouseButton.LeftButton)
    assert "D01" in seen[0] and fingerprint(d01.fingerprint) in seen[0] and "laptop lost" in seen[0]
    assert devices.revocations(hq) == {}

    answer_box("Yes")
    qtbot.mouseClick(panel.list.revoke_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert set(devices.revocations(hq)) == {"D01"}
    assert panel.results.entries[0].kind == OK and "D01" in panel.results.entries[0].title
    row = next(n for n in range(table.rowCount()) if table.item(n, 0).text() == "D01")
    assert table.item(row, 3).text().startswith("已吊销（")
    _select(qtbot, panel, "D01")
    assert not panel.list.revoke_button.isEnabled()  # revoked once, for good


def test_verify_names_the_signer_by_fingerprint_and_refuses_after_revocation(qtbot, hq, runner, _sync_demo,
                                                                             tmp_path) -> None:
    from survey_app.core.services.agreements import payload as qr
    from survey_app.core.sync.signing_key import device_signing_key
    from survey_app.ui.agreements.verify_dialog import VerifyDialog

    d01 = open_database(tmp_path / "demo" / _sync_demo.devices["D01"].relative_to(_sync_demo.hq.parent))
    try:
        text = qr.sign(qr.Payload("FR2023-D01-000901", "A1-0001", "cash", 100, qr.Payload.hash_prefix("cd" * 32),
                                  "D01"), device_signing_key(d01, "D01")).text
    finally:
        d01.dispose()
    fp = fingerprint(next(d.fingerprint for d in devices.list_devices(hq) if d.code == "D01"))
    dialog = VerifyDialog(hq, runner)
    qtbot.addWidget(dialog)
    dialog.show()

    def check() -> None:
        dialog.text.clear()
        qtbot.keyClicks(dialog.text, text)
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, runner)
    check()  # genuine signature, no record: amber, and the signer named with its fingerprint
    assert dialog.verdict.valid and dialog.fields["device"].text() == f"D01（密钥指纹 {fp}）"
    devices.revoke(hq, users.login(hq, "hq", "hq123456", device="HQ"), "D01", "笔记本丢失")
    check()
    assert not dialog.verdict.valid and dialog.big.text() == "✘ 无效"
    assert "D01 已于" in dialog.message.text() and "吊销" in dialog.message.text()
