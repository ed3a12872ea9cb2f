"""Issue 11 item 1: what the UI publishes on the ChangeHub is the ChangeSet the service's commit produced
(ids included), once per write — through the real windows, buttons and dialogs."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from test_pages_helpers import first_with, wait_idle, window_for

from survey_app.core.services import calculations, households
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.attachments import list_photos
from survey_app.ui.changes import ChangeHub
from survey_app.ui.pages import navigation as nav
from survey_app.ui.photos.strip import PhotoStrip
from tests.ui.test_editor_helpers import destroy, household_with_status


@pytest.fixture
def published(qapp):
    """Every ChangeSet published on the ChangeHub while the test runs."""
    seen: list = []
    hub = ChangeHub.instance()
    hub.changed.connect(seen.append)
    yield seen
    hub.changed.disconnect(seen.append)


def _ids(values) -> set[uuid.UUID]:
    return {v if isinstance(v, uuid.UUID) else uuid.UUID(str(v)) for v in values}


def test_one_editor_save_from_the_main_window_is_published_once(qtbot, demo_db, worker_actor, runner,
                                                                published) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    hh = household_with_status(demo_db, "pending")
    window.open_editor(hh.id)
    dialog = window.editor
    qtbot.waitExposed(dialog)
    address = dialog.household.fields["address"]
    address.end(False)
    qtbot.keyClicks(address, "A")
    published.clear()
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert households.get_detail(demo_db, hh.id).address.endswith("A")
    assert published == [saved.args[0]]  # once, and exactly what save_form's commit returned
    assert uuid.UUID(hh.id) in published[0].updated["households"]
    destroy(dialog)


def test_calculate_and_choose_publish_their_commits(qtbot, demo_db, worker_actor, runner, published) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "surveyed", appraised=True)
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None, timeout=5000)
    qtbot.mouseClick(window.households_page.calc_button, Qt.MouseButton.LeftButton)
    page = window.page(nav.COMPENSATION)
    published.clear()
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    stored = calculations.options(demo_db, detail.id)
    assert len(published) == 1
    assert published[0].inserted["calculations"] == _ids(o.id for o in stored)
    qtbot.waitUntil(lambda: page.model.columnCount() == 1 + len(stored), timeout=5000)  # the page refreshed

    published.clear()
    page.choose(stored[0].option_key)
    wait_idle(qtbot, runner)
    assert [c.updated["households"] for c in published] == [{uuid.UUID(detail.id)}]
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.chosen_option == stored[0].option_key,
                    timeout=5000)


def test_the_agreement_dialog_publishes_each_lifecycle_commit(qtbot, demo_db, worker_actor, runner, calculated,
                                                              tmp_path, published, print_dpi_low) -> None:
    from survey_app.ui.agreements import printing
    from survey_app.ui.agreements.agreement_dialog import AgreementDialog

    setup = printing.PrintSetup()
    setup.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    setup.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog = AgreementDialog(demo_db, worker_actor, runner, calculated, setup=setup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    (a,) = lifecycle.agreements_of(demo_db, calculated)
    assert len(published) == 1 and published[0].inserted["agreements"] == {uuid.UUID(a.id)}
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)

    published.clear()
    dialog.print_selected(ask=False)
    wait_idle(qtbot, runner)
    assert len(published) == 1 and published[0].updated["agreements"] == {uuid.UUID(a.id)}
    assert published[0].audit_events >= 2  # the row's update and the print event
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.selected().status == "printed")

    published.clear()
    dialog.sign_with(None)  # 湿签
    wait_idle(qtbot, runner)
    assert len(published) == 1
    assert published[0].updated["agreements"] == {uuid.UUID(a.id)}
    assert published[0].updated["households"] == {uuid.UUID(calculated)}
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.selected().status == "signed")


def _jpeg(path: Path, color: str) -> Path:
    Image.new("RGB", (64, 48), color).save(path, "JPEG")
    return path


def test_the_photo_strip_publishes_what_attach_and_update_committed(qtbot, demo_db, worker_actor, runner,
                                                                    tmp_path, published) -> None:
    hh = household_with_status(demo_db, "pending")
    strip = PhotoStrip(demo_db, worker_actor, runner, hh.id)
    qtbot.addWidget(strip)
    strip.reload()
    with qtbot.waitSignal(strip.attached, timeout=10_000):
        strip.attach_files([_jpeg(tmp_path / "a.jpg", "red"), _jpeg(tmp_path / "b.jpg", "blue")])
    photos = list_photos(demo_db, hh.id)
    assert len(published) == 1 and published[0].inserted["attachments"] == _ids(p.id for p in photos)

    published.clear()
    with qtbot.waitSignal(strip.attached, timeout=10_000):  # the same photo again: nothing written
        strip.attach_files([tmp_path / "a.jpg"])
    assert published == []

    strip.list.setCurrentRow(0)
    qtbot.keyClicks(strip.caption, "north wall")
    with qtbot.waitSignal(strip.saved, timeout=10_000):
        strip.caption.editingFinished.emit()
    wait_idle(qtbot, runner)
    assert len(published) == 1 and published[0].updated["attachments"] == {uuid.UUID(strip.photos[0].id)}
    strip.shutdown()
