"""同步 pages: a laptop exports to a "stick", HQ imports it and writes a receipt, the laptop takes the receipt;
a damaged file is refused in red and imports nothing; a conflict is decided on the HQ page.

The world is the sync demo (HQ + enrolled D01, 30 households). The key password prompt is bypassed
either by handing the page an unlocked pair or by monkeypatching ``KeySession.ask_password``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pages_helpers import wait_idle, window_for

from survey_app.core.domain.roles import Role
from survey_app.core.services import households, users
from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD
from survey_app.core.services.households import HouseholdFilter
from survey_app.core.services.startup import open_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import identity, issues
from survey_app.core.sync.bundle import read_header
from survey_app.ui.pages import navigation as nav
from survey_app.ui.sync.common import ERROR, OK, WARN, header_summary
from survey_app.ui.sync.device_page import DeviceSyncPage
from survey_app.ui.sync.hq_page import HqSyncPage


@pytest.fixture(scope="session")
def _sync_demo(shared_sync_demo):
    """The sync demo, made once per run (tests/conftest.py: shared_sync_demo)."""
    return shared_sync_demo(30)


@pytest.fixture
def world(_sync_demo, tmp_path):
    import shutil

    shutil.copytree(_sync_demo.hq.parent, tmp_path / "demo")
    hq = open_database(tmp_path / "demo" / _sync_demo.hq.relative_to(_sync_demo.hq.parent))
    d01 = open_database(tmp_path / "demo" / _sync_demo.devices["D01"].relative_to(_sync_demo.hq.parent))
    stick = tmp_path / "stick"
    stick.mkdir()
    yield hq, d01, stick
    hq.dispose()
    d01.dispose()


def _device_page(qtbot, d01, runner) -> DeviceSyncPage:
    page = DeviceSyncPage(d01, users.login(d01, "worker", "worker123", device="D01"), runner)
    qtbot.addWidget(page)
    page.show()
    page.keys.pair = identity.unlock(d01, DEVICE_KEY_PASSWORD)  # the password dialog, answered
    return page


def _hq_page(qtbot, hq, runner, monkeypatch, password: str = HQ_KEY_PASSWORD) -> HqSyncPage:
    page = HqSyncPage(hq, users.login(hq, "hq", "hq123456", device="HQ"), runner)
    qtbot.addWidget(page)
    page.show()
    monkeypatch.setattr(page.keys, "ask_password", lambda prompt="": password)
    return page


def _edit_notes(db, actor, text: str) -> str:
    key = households.search_keys(db, HouseholdFilter(status="surveyed", assigned_to="worker"))[0]
    hid = households.get_detail(db, key).id
    form = load_form(db, hid)
    form.notes = text
    save_form(db, actor, form)
    return hid


def _export(qtbot, page: DeviceSyncPage, stick: Path, runner) -> Path:
    page.export_to(stick)
    wait_idle(qtbot, runner)
    assert page.results.entries[0].kind == OK, page.results.entries[0]
    (bundle,) = [p for p in stick.glob("*.sabundle") if p.name in "".join(page.results.entries[0].lines)]
    return bundle


def test_export_import_receipt_round_trip(qtbot, world, runner, monkeypatch) -> None:
    hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    assert "D01" in device.status.text() and "尚未导出" in device.status.text()
    _edit_notes(d01, device.actor, "收工前补记：户主下周回村")

    bundle = _export(qtbot, device, stick, runner)
    assert bundle.name.startswith("FR2023_D01_00001_") and bundle.suffix == ".sabundle"
    assert "第 1 号" in device.results.entries[0].title and "第 1 号" in device.status.text()
    assert not list(stick.glob("*.tmp*"))  # written atomically: nothing half-written left next to it

    hq_page = _hq_page(qtbot, hq, runner, monkeypatch)
    assert "外业同步包，来自 D01，第 1 号" in header_summary(read_header(bundle))
    hq_page.import_files([bundle])
    wait_idle(qtbot, runner)
    entry = hq_page.results.entries[0]
    assert entry.kind == OK and entry.title == "D01 第 1 号同步包已导入", entry
    text = "\n".join(entry.lines)
    assert "冲突 0 条" in text and "更新 1 条" in text
    (receipt,) = stick.glob("*.sareceipt")  # next to the bundle, its path shown
    assert str(receipt) in text
    assert hq_page.keys.pair is not None  # asked once, kept for the session

    device.import_files([receipt])
    wait_idle(qtbot, runner)
    assert device.results.entries[0].kind == OK and "回执已导入" in device.results.entries[0].title
    device.export_to(stick)  # HQ acknowledged everything: the next bundle carries no records
    wait_idle(qtbot, runner)
    assert "第 2 号" in device.results.entries[0].title
    assert "0 条记录" in "".join(device.results.entries[0].lines)


def test_a_damaged_file_is_refused_in_red_and_imports_nothing(qtbot, world, runner, monkeypatch) -> None:
    hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    _edit_notes(d01, device.actor, "改动")
    good = _export(qtbot, device, stick, runner)
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = stick / "damaged.sabundle"
    bad.write_bytes(bytes(data))
    junk = stick / "junk.sareceipt"
    junk.write_bytes(b"not a bundle at all")

    hq_page = _hq_page(qtbot, hq, runner, monkeypatch)
    hq_page.import_files([bad])
    wait_idle(qtbot, runner)
    entry = hq_page.results.entries[0]
    assert entry.kind == ERROR and "damaged.sabundle 未导入" in entry.title
    assert "损坏" in entry.title or "签名无效" in entry.title
    assert "Traceback" not in entry.title and "没有导入任何数据" in "".join(entry.lines)
    assert [p.name for p in stick.glob("*.sareceipt")] == [junk.name]  # no receipt for a refused bundle

    hq_page.import_files([good])  # nothing of the damaged copy went in: the good one is new, not a replay
    wait_idle(qtbot, runner)
    assert hq_page.results.entries[0].title == "D01 第 1 号同步包已导入"

    device.import_files([junk])  # not a bundle: refused before any key is used
    wait_idle(qtbot, runner)
    assert device.results.entries[0].kind == ERROR and "不是同步包文件" in device.results.entries[0].title


def test_a_wrong_password_is_said_plainly(qtbot, world, runner, monkeypatch) -> None:
    hq, _d01, stick = world
    page = _hq_page(qtbot, hq, runner, monkeypatch, password="not-the-password")
    page.import_files([stick / "whatever.sabundle"])
    assert not runner.busy and page.keys.pair is None
    assert page.results.entries[0].kind == ERROR and "密码错误" in page.results.entries[0].title


def test_a_conflict_is_listed_and_taking_theirs_resolves_it(qtbot, world, runner, monkeypatch) -> None:
    hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    hid = _edit_notes(d01, device.actor, "设备上的记录：已约好周六签约")
    admin = users.login(hq, "hq", "hq123456", device="HQ")
    form = load_form(hq, hid)  # meanwhile HQ changed the same household from the same version
    form.notes = "指挥部的记录：等待评估报告"
    save_form(hq, admin, form)
    bundle = _export(qtbot, device, stick, runner)

    page = _hq_page(qtbot, hq, runner, monkeypatch)
    assert page.tabs.tabText(1) == "待处理事项"
    page.import_files([bundle])
    wait_idle(qtbot, runner)
    assert page.results.entries[0].kind == WARN and "冲突 1 条" in "".join(page.results.entries[0].lines)
    assert page.tabs.tabText(1) == "待处理事项（1）"
    panel = page.issues
    page.tabs.setCurrentWidget(panel)
    assert panel.model.rowCount() == 1 and panel.current().kind == "conflict"
    diff = panel.diff_model
    rows = {diff.item(r, 0).text(): (diff.item(r, 1).text(), diff.item(r, 2).text()) for r in range(diff.rowCount())}
    assert rows["备注"] == ("指挥部的记录：等待评估报告", "设备上的记录：已约好周六签约")
    assert "updated_at" not in rows and "rev" not in rows  # only what differs and matters
    assert panel.take_button.isEnabled()

    panel.take_button.click()
    wait_idle(qtbot, runner)
    assert load_form(hq, hid).notes == "设备上的记录：已约好周六签约"
    assert issues.list_issues(hq) == [] and panel.model.rowCount() == 0
    assert "已采用对方版本" in panel.banner.text() and page.tabs.tabText(1) == "待处理事项"


def test_the_rail_shows_the_sync_page_for_a_worker(qtbot, world, runner) -> None:
    _hq, d01, _stick = world
    window = window_for(qtbot, d01, users.login(d01, "worker", "worker123", device="D01"), runner)
    assert nav.SYNC in window.rail.buttons
    window.show_page(nav.SYNC)
    assert isinstance(window.page(nav.SYNC), DeviceSyncPage) and window.current_page() == nav.SYNC


def test_a_cancelled_export_leaves_no_file(qtbot, world, runner) -> None:
    import threading

    _hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    gate = threading.Event()
    runner.run(lambda progress, cancel: gate.wait(5), show_progress=False)  # holds the one worker thread
    job = device.export_to(stick)
    runner.cancel(job)  # what the progress dialog's 取消 does
    gate.set()
    wait_idle(qtbot, runner)
    assert device.results.entries[0].kind == WARN and device.results.entries[0].title == "导出已取消"
    assert list(stick.iterdir()) == [] and "尚未导出" in device.status.text()


def test_a_new_laptop_enrolls_through_both_pages(qtbot, world, runner, monkeypatch, tmp_path) -> None:
    hq, _d01, stick = world
    fresh = open_database(tmp_path / "d03.sqlite3")
    try:
        newcomer = Actor(username="worker", role=Role.FIELD_WORKER, device=fresh.setting("device_code"))
        device = DeviceSyncPage(fresh, newcomer, runner)  # a new laptop: no accounts until it is enrolled
        qtbot.addWidget(device)
        device.show()
        assert device.actions.currentWidget() is device.enroll and "尚未登记" in device.status.text()
        panel = device.enroll
        panel.name.setText("调查组3号笔记本")
        panel.password.setText("field-three-2023")
        panel.password2.setText("field-three-202")
        panel.write_request(stick)  # the two passwords differ: said in red, nothing written
        assert device.results.entries[0].kind == ERROR and not list(stick.glob("enroll-request-*"))
        panel.password2.setText("field-three-2023")
        panel.write_request(stick)
        wait_idle(qtbot, runner)
        (request,) = stick.glob("enroll-request-*.json")
        assert device.results.entries[0].kind == OK and device.keys.pair is not None

        hq_page = _hq_page(qtbot, hq, runner, monkeypatch)
        hq_page.devices.accept(request)
        wait_idle(qtbot, runner)
        assert hq_page.devices.results.entries[0].title == "已登记设备 D03"
        (reply,) = stick.glob("*_D03_enrollment.saenroll")
        assert str(reply) in "".join(hq_page.devices.results.entries[0].lines)

        monkeypatch.setattr(device.keys, "ask_password", lambda prompt="": "field-three-2023")
        panel.import_response(reply)
        wait_idle(qtbot, runner)
        entry = device.results.entries[0]
        assert entry.kind == OK and entry.title == "登记完成：本机设备代码 D03"
        hq_fp = identity.unlock(hq, HQ_KEY_PASSWORD).fingerprint.upper()
        assert " ".join(hq_fp[i:i + 4] for i in range(0, 16, 4)) in "".join(entry.lines)
        assert device.actions.currentIndex() == 0 and "D03" in device.status.text()  # export is offered now
    finally:
        fresh.dispose()


def test_several_bundles_import_in_one_job_with_each_result_shown(qtbot, world, runner, monkeypatch) -> None:
    hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    _edit_notes(d01, device.actor, "一")
    good = _export(qtbot, device, stick, runner)
    bad = stick / "damaged.sabundle"
    bad.write_bytes(good.read_bytes()[:-200])
    hq_page = _hq_page(qtbot, hq, runner, monkeypatch)
    hq_page.import_files([bad, good])  # the batch path: the next bundle prepared in a worker process
    wait_idle(qtbot, runner)
    titles = [e.title for e in hq_page.results.entries]
    assert any("damaged.sabundle 未导入" in t for t in titles)
    assert "D01 第 1 号同步包已导入" in titles
    assert len(list(stick.glob("*.sareceipt"))) == 1
