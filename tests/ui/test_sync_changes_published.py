"""Issue 11 item 1 on the 同步 pages: an import, a receipt and a decided conflict publish what was written
(the bulk import's applied rows, the resolution's commit), once — through the real pages."""

from __future__ import annotations

import uuid

import pytest
from test_pages_helpers import wait_idle

from survey_app.core.services import users
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.ui.changes import ChangeHub
from tests.ui import test_sync_pages as pages

_sync_demo, world = pages._sync_demo, pages.world  # the sync demo world those page tests use (fixtures)
_device_page, _edit_notes, _export, _hq_page = pages._device_page, pages._edit_notes, pages._export, pages._hq_page


@pytest.fixture
def published(qapp):
    seen: list = []
    ChangeHub.instance().changed.connect(seen.append)
    yield seen
    ChangeHub.instance().changed.disconnect(seen.append)


def test_an_import_and_its_receipt_publish_the_records_they_wrote(qtbot, world, runner, monkeypatch,
                                                                   published) -> None:
    hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    hid = uuid.UUID(_edit_notes(d01, device.actor, "收工前补记"))
    bundle = _export(qtbot, device, stick, runner)
    hq_page = _hq_page(qtbot, hq, runner, monkeypatch)
    published.clear()
    hq_page.import_files([bundle])
    wait_idle(qtbot, runner)
    assert len(published) == 1 and hid in published[0].updated["households"]

    (receipt,) = stick.glob("*.sareceipt")
    published.clear()
    device.import_files([receipt])
    wait_idle(qtbot, runner)
    assert len(published) == 1 and hid in published[0].updated["households"]


def test_taking_theirs_publishes_the_resolution_commit(qtbot, world, runner, monkeypatch, published) -> None:
    hq, d01, stick = world
    device = _device_page(qtbot, d01, runner)
    hid = _edit_notes(d01, device.actor, "设备上的记录")
    form = load_form(hq, hid)
    form.notes = "指挥部的记录"
    save_form(hq, users.login(hq, "hq", "hq123456", device="HQ"), form)
    bundle = _export(qtbot, device, stick, runner)
    page = _hq_page(qtbot, hq, runner, monkeypatch)
    page.import_files([bundle])
    wait_idle(qtbot, runner)
    assert len(published) == 1 and uuid.UUID(hid) in published[0].updated["households"]  # held: now disputed
    page.tabs.setCurrentWidget(page.issues)
    published.clear()
    page.issues.take_button.click()
    wait_idle(qtbot, runner)
    assert load_form(hq, hid).notes == "设备上的记录"
    assert len(published) == 1
    assert uuid.UUID(hid) in published[0].updated["households"] and "sync_issues" in published[0].entities
