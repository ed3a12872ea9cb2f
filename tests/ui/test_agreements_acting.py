"""协议 dialog acts on the agreement on screen, by id: a preview, a sign pad or a void dialog opened for
agreement A still acts on A when the list's selection moves to B behind it (issue 9 item 1)."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from test_agreements_lifecycle import _sign_on_pad
from test_pages_helpers import wait_idle

from survey_app.core.services import households
from survey_app.core.services.agreements import lifecycle
from survey_app.ui.agreements import printing
from survey_app.ui.agreements.agreement_dialog import AgreementDialog

pytestmark = pytest.mark.usefixtures("print_dpi_low")  # tests/ui/conftest.py


@pytest.fixture
def two_agreements(demo_db, worker_actor, reviewer, calculated) -> tuple[str, str, str]:
    """A household with an old, voided agreement B and a new draft A: (household, A, B) as hex ids."""
    old = lifecycle.prepare(demo_db, worker_actor, calculated)
    lifecycle.record_print(demo_db, worker_actor, old.id, 4)
    lifecycle.void(demo_db, reviewer, old.id, "面积有异议")
    new = lifecycle.prepare(demo_db, worker_actor, calculated)
    return calculated, new.id, old.id


def _dialog(qtbot, db, actor, runner, hid, tmp_path) -> AgreementDialog:
    setup = printing.PrintSetup()
    setup.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    setup.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    setup.ask = lambda parent, copies, title: 2  # the system print dialog, answered: 2 copies
    dialog = AgreementDialog(db, actor, runner, hid, setup=setup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _state(db, hid: str) -> dict[str, tuple[str, int]]:
    return {a.id: (a.status, a.print_count) for a in lifecycle.agreements_of(db, hid)}


def test_print_from_the_preview_prints_the_previewed_agreement(qtbot, demo_db, worker_actor, runner,
                                                               two_agreements, tmp_path) -> None:
    hid, a_id, b_id = two_agreements
    dialog = _dialog(qtbot, demo_db, worker_actor, runner, hid, tmp_path)
    dialog.table.selectRow(dialog.model.row_of(a_id))
    assert dialog.selected().id == a_id
    dialog.preview_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.page_count() > 0)
    preview = dialog.preview

    dialog.table.selectRow(dialog.model.row_of(b_id))  # the selection moves behind the preview
    assert dialog.selected().id == b_id
    preview.print_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: _state(demo_db, hid)[a_id] == ("printed", 2), timeout=5000)
    assert _state(demo_db, hid)[b_id] == ("void", 4)  # B untouched
    assert (tmp_path / "printed.pdf").is_file()
    assert "已打印" in dialog.banner.text()


def test_signing_signs_the_agreement_the_pad_was_opened_for(qtbot, demo_db, worker_actor, runner,
                                                            two_agreements, tmp_path) -> None:
    hid, a_id, b_id = two_agreements
    lifecycle.record_print(demo_db, worker_actor, a_id, 4)
    dialog = _dialog(qtbot, demo_db, worker_actor, runner, hid, tmp_path)
    dialog.table.selectRow(dialog.model.row_of(a_id))
    sign = dialog.open_sign_dialog()
    assert a_id in {a.id for a in dialog.model.items} and sign is not None
    for n in range(len(sign.signers)):
        _sign_on_pad(qtbot, sign.pad, dy=n * 10)
        sign.ok_button.click()

    dialog.table.selectRow(dialog.model.row_of(b_id))  # the selection moves behind the pad
    sign.finish_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: _state(demo_db, hid)[a_id][0] == "signed", timeout=5000)
    assert _state(demo_db, hid)[b_id][0] == "void"
    assert households.get_detail(demo_db, hid).status == "signed"


def test_voiding_voids_the_agreement_the_dialog_was_opened_for(qtbot, demo_db, worker_actor, reviewer, runner,
                                                               two_agreements, tmp_path) -> None:
    hid, a_id, b_id = two_agreements
    lifecycle.record_print(demo_db, worker_actor, a_id, 4)
    dialog = _dialog(qtbot, demo_db, reviewer, runner, hid, tmp_path)
    dialog.table.selectRow(dialog.model.row_of(a_id))
    void = dialog.open_void_dialog()
    void.reason.setPlainText("重新测量")

    dialog.table.selectRow(dialog.model.row_of(b_id))  # the selection moves behind the dialog
    void.ok.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: _state(demo_db, hid)[a_id][0] == "void", timeout=5000)
    reasons = {a.id: a.void_reason for a in lifecycle.agreements_of(demo_db, hid)}
    assert reasons == {a_id: "重新测量", b_id: "面积有异议"}
