"""核验协议 dialog (from 文件 → 核验协议…) and the 协议 entry points on the 住户 and 测算 pages."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from test_pages_helpers import first_with, wait_idle, window_for

from survey_app.core.services import calculations, devices, users, workflow
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.agreements.documents import render_agreement_pdf
from survey_app.ui.agreements.agreement_dialog import AgreementDialog
from survey_app.ui.agreements.verify_dialog import VerifyDialog
from survey_app.ui.pages import navigation as nav


def _calculated(db, worker) -> tuple[int, str]:
    reviewer = users.login(db, "reviewer", "review123", device=devices.local_device_code(db))
    key, d = first_with(db, "surveyed", appraised=True)
    workflow.approve(db, reviewer, d.id)
    calculations.calculate(db, worker, d.id)
    calculations.choose_option(db, worker, d.id, "cash")
    workflow.mark_calculated(db, worker, d.id)
    return key, d.id


def test_verify_a_rendered_pdf_then_tampered_text(qtbot, demo_db, worker_actor, runner,
                                                  tmp_path) -> None:
    _key, hid = _calculated(demo_db, worker_actor)
    info = lifecycle.prepare(demo_db, worker_actor, hid)
    pdf = tmp_path / "agreement.pdf"
    render_agreement_pdf(demo_db, info.id, pdf)

    window = window_for(qtbot, demo_db, worker_actor, runner)
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.objectName() == "verifyAgreementAction")
    action.trigger()
    dialog = window.verify_dialog
    assert isinstance(dialog, VerifyDialog) and dialog.isVisible()

    dialog.open_file(pdf)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.verdict is not None)
    assert dialog.verdict.ok and dialog.verdict.record == "matches"
    assert "有效" in dialog.big.text()
    assert "与记录一致" in dialog.fields["record"].text()
    assert dialog.fields["number"].text() == info.number
    assert dialog.fields["mode"].text() == "货币补偿"
    assert dialog.fields["device"].text() == worker_actor.device
    assert dialog.fields["net"].text().startswith("¥")

    # the same payload with one amount digit changed: the signature no longer holds
    parts = info.qr_payload.split("|")
    parts[4] = str(int(parts[4]) + 100)
    dialog.verdict = None
    dialog.text.setText("|".join(parts))
    dialog.check_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.verdict is not None)
    assert not dialog.verdict.valid and "无效" in dialog.big.text()

    # a file with no QR in it: shown as 无效 with the reason, not an exception
    png = tmp_path / "blank.png"
    dialog.grab().save(str(png))
    dialog.verdict = None
    dialog.open_file(png)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.verdict is not None)
    assert "无效" in dialog.big.text() and "二维码" in dialog.message.text()


def test_voided_agreement_is_called_out(qtbot, demo_db, worker_actor, runner) -> None:
    _key, hid = _calculated(demo_db, worker_actor)
    info = lifecycle.prepare(demo_db, worker_actor, hid)
    reviewer = users.login(demo_db, "reviewer", "review123", device=devices.local_device_code(demo_db))
    lifecycle.void(demo_db, reviewer, info.id, "重新测量")
    dialog = VerifyDialog(demo_db, runner)
    qtbot.addWidget(dialog)
    dialog.text.setText(info.qr_payload)
    dialog.check_text()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.verdict is not None)
    assert dialog.verdict.record == "void" and "已作废" in dialog.big.text()


def test_agreement_buttons_on_the_pages(qtbot, demo_db, worker_actor, runner) -> None:
    key, hid = _calculated(demo_db, worker_actor)
    window = window_for(qtbot, demo_db, worker_actor, runner)
    page = window.households_page
    pending_key, _ = first_with(demo_db, "pending")
    window.table.select_row(window.model.row_of(pending_key))
    qtbot.waitUntil(lambda: window.detail.key == pending_key and window.detail.detail is not None)
    assert page.agreement_button.isVisible() and not page.agreement_button.isEnabled()

    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None)
    assert page.agreement_button.isEnabled()
    page.agreement_button.click()
    dialog = page.agreement_dialog
    assert isinstance(dialog, AgreementDialog) and dialog.isVisible() and dialog.household_id == hid
    dialog.close()

    page.calc_button.click()
    comp = window.page(nav.COMPENSATION)
    assert comp.agreement_button.isVisible() and comp.agreement_button.isEnabled()
    comp.agreement_button.click()
    assert comp.agreement_dialog.household_id == hid and comp.agreement_dialog.isVisible()
    comp.agreement_dialog.close()
    QApplication.processEvents()
