"""协议 dialog: issue → preview → print (to a PDF file) → sign on the pad → void (supervisor only) → reissue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from test_pages_helpers import wait_idle

from survey_app.core.domain.errors import PermissionDenied
from survey_app.core.services import households
from survey_app.core.services.agreements import lifecycle
from survey_app.ui.agreements import printing
from survey_app.ui.agreements.agreement_dialog import AgreementDialog

pytestmark = pytest.mark.usefixtures("print_dpi_low")  # tests/ui/conftest.py


def _dialog(qtbot, db, actor, runner, hid, tmp_path: Path) -> AgreementDialog:
    setup = printing.PrintSetup()  # own printer: never a real one, never the session's
    setup.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    setup.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog = AgreementDialog(db, actor, runner, hid, setup=setup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _sign_on_pad(qtbot, pad, dy: int = 0) -> None:
    """A zig-zag drawn with real mouse events (press, moves, release)."""
    start = QPoint(60, 80 + dy)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 25):
        QTest.mouseMove(pad, QPoint(60 + i * 14, 80 + dy + (30 if i % 2 else -10)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 90 + dy))


def test_issue_preview_print_sign(qtbot, demo_db, worker_actor, runner, calculated, tmp_path,
                                  monkeypatch) -> None:
    # Calculation and signing happen on tests/conftest.py's TEST_DAY, inside the demo policy's first tier.
    dialog = _dialog(qtbot, demo_db, worker_actor, runner, calculated, tmp_path)
    assert dialog.model.rowCount() == 0
    assert dialog.issue_button.isEnabled() and not dialog.print_button.isEnabled()
    assert dialog.copies.value() == 4
    assert not dialog.void_button.isEnabled()  # a field worker cannot void

    dialog.issue_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    a = dialog.selected()
    assert a.status == "draft" and a.number and a.print_count == 0
    assert dialog.print_button.isEnabled() and not dialog.sign_button.isEnabled()

    dialog.preview_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.page_count() > 0)
    n_pages = dialog.preview.page_count()
    assert n_pages == len(dialog.preview.images)
    dialog.preview.reject()

    dialog.copies.setValue(2)
    dialog.print_selected(ask=False)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.selected() is not None and dialog.selected().status == "printed")
    assert dialog.selected().print_count == 2
    printed = tmp_path / "printed.pdf"
    assert printed.is_file()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(printed))
    pages = len(pdf)
    pdf.close()
    assert pages in (n_pages, 2 * n_pages)  # 2 copies: by the driver, or the pages repeated
    assert dialog.sign_button.isEnabled() and dialog.wet_button.isEnabled()

    sign = dialog.open_sign_dialog()
    assert [s.role for s in sign.signers] == ["被征收人", "调查员"]
    assert not sign.finish_button.isEnabled() and not sign.ok_button.isEnabled()
    for n in range(len(sign.signers)):
        _sign_on_pad(qtbot, sign.pad, dy=n * 10)
        assert not sign.pad.is_empty()
        sign.ok_button.click()
    assert sign.all_signed() and sign.finish_button.isEnabled()
    png = QImage.fromData(sign.signers[0].png)
    assert (png.width(), png.height()) == (600, 240)
    assert png.pixelColor(0, 0).alpha() == 0  # transparent paper, ink only
    sign.finish_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.selected().status == "signed")
    assert households.get_detail(demo_db, calculated).status == "signed"
    assert not dialog.sign_button.isEnabled() and not dialog.issue_button.isEnabled()
    assert "已签订" in dialog.banner.text()


def test_supervisor_voids_and_reissues(qtbot, demo_db, worker_actor, reviewer, runner, calculated,
                                       tmp_path) -> None:
    info = lifecycle.prepare(demo_db, worker_actor, calculated)
    lifecycle.record_print(demo_db, worker_actor, info.id, 4)
    with pytest.raises(PermissionDenied):
        lifecycle.void(demo_db, worker_actor, info.id, "测试")

    dialog = _dialog(qtbot, demo_db, reviewer, runner, calculated, tmp_path)
    assert dialog.selected().status == "printed" and not dialog.issue_button.isEnabled()
    assert dialog.void_button.isEnabled()
    void = dialog.open_void_dialog()
    assert not void.ok.isEnabled()  # a reason is required
    void.reason.setPlainText("面积有异议，重新测量")
    void.ok.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.model.items[0].status == "void")
    assert "面积有异议" in dialog.model.data(dialog.model.index(0, 5))
    assert dialog.issue_button.isEnabled() and dialog.issue_button.text() == "重新出具"
    assert not dialog.void_button.isEnabled() and not dialog.print_button.isEnabled()

    dialog.issue_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    new, old = dialog.model.items
    assert new.status == "draft" and new.number != old.number and old.status == "void"
    assert dialog.selected().id == new.id


def test_a_dot_on_the_pad_is_not_a_signature(qtbot) -> None:
    from survey_app.ui.agreements.sign_dialog import SignDialog, signers_for

    sign = SignDialog(signers_for(["王俊龙"], "王俊龙", "worker"), "FR2023-T01-000001")
    qtbot.addWidget(sign)
    sign.show()
    qtbot.waitExposed(sign)
    QTest.mouseClick(sign.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 100))
    assert not sign.pad.is_empty() and not sign.pad.has_real_ink() and not sign.ok_button.isEnabled()
    sign.confirm_current()
    assert not sign.signers[0].png
    sign.pad.clear()
    QTest.mousePress(sign.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 100))
    QTest.mouseMove(sign.pad, QPoint(215, 104))
    QTest.mouseRelease(sign.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(220, 105))
    assert not sign.pad.has_real_ink() and not sign.ok_button.isEnabled()  # a short flick
    sign.pad.clear()
    _sign_on_pad(qtbot, sign.pad)
    assert sign.pad.has_real_ink() and sign.ok_button.isEnabled()


def test_saving_a_pdf_counts_as_saved_unlocks_signing_and_a_reprint_is_named_copy(
        qtbot, demo_db, worker_actor, runner, calculated, tmp_path) -> None:
    dialog = _dialog(qtbot, demo_db, worker_actor, runner, calculated, tmp_path)
    dialog.issue_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    a = dialog.selected()
    assert dialog.default_pdf_name(a) == f"{a.number}.pdf"
    dialog.save_pdf(tmp_path / "first.pdf")
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.selected().saved_count == 1)
    a = dialog.selected()
    assert (a.status, a.print_count) == ("printed", 0) and dialog.sign_button.isEnabled()
    assert "另存 PDF 1 次" in dialog.model.data(dialog.model.index(0, 3))
    assert dialog.default_pdf_name(a) != f"{a.number}.pdf" and "副本" in dialog.default_pdf_name(a)
    dialog.save_pdf(tmp_path / "second.pdf")  # acted on twice in a row: the same agreement, counted twice
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.selected().saved_count == 2)
    assert [x.saved_count for x in lifecycle.agreements_of(demo_db, calculated)] == [2]
