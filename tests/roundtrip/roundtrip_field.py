"""The round trip's laptop steps: the join wizard (both sittings), the survey in the editor, the review,
the 测算 page, the agreement dialog and the day-end bundle, each on the real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton
from roundtrip_files import resident_id
from roundtrip_gui import WAIT, answer_box, choose, click, sign_on, type_text, when_shown

DEVICE_PW = "laptop-pass-7"


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def request_enrolment(qtbot, monkeypatch, usb: Path) -> tuple[Path, str]:
    """加入项目 ①: a new, empty field database and the request on the stick; returns (request, fingerprint)."""
    from survey_app.ui.start.chooser import StartWindow
    from survey_app.ui.start.join_wizard import JoinWizard

    start = StartWindow()
    qtbot.addWidget(start)
    start.show()
    seen: dict = {}

    def step_one(wizard: JoinWizard) -> None:
        type_text(qtbot, wizard.device_name, "调查组1号笔记本")
        type_text(qtbot, wizard.device_password, DEVICE_PW)
        type_text(qtbot, wizard.device_password2, DEVICE_PW)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
        click(qtbot, _button(wizard, "选择 U 盘文件夹…"))
        click(qtbot, wizard.request_button)
        qtbot.waitUntil(lambda: wizard.path is not None or wizard.error.text() != "", timeout=WAIT)
        assert wizard.error.text() == "", wizard.error.text()
        seen["text"] = wizard.request_result.text()
        click(qtbot, wizard.close_button)  # 关闭（稍后继续）: the stick goes to HQ

    when_shown(JoinWizard, step_one)
    click(qtbot, start.join_button)
    assert start.chosen is None and start.list.count() == 2  # HQ's project and the pending laptop
    start.reject()
    (request,) = usb.glob("enroll-request-*.json")
    return request, seen["text"]


def finish_join(qtbot, monkeypatch, reply: Path, bundles: list[Path]) -> tuple[Path, str]:
    """加入项目 ②, from the start window's list: reply and assignment in; returns (database, result text)."""
    from survey_app.ui.start.chooser import StartWindow
    from survey_app.ui.start.join_wizard import JoinWizard

    start = StartWindow()
    qtbot.addWidget(start)
    start.show()
    pending = next(i for i in range(start.list.count()) if "登记未完成" in start.list.item(i).text())
    start.list.setCurrentRow(pending)
    seen: dict = {}

    def step_two(wizard: JoinWizard) -> None:
        assert wizard.pages.currentIndex() == 1
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(reply), ""))
        click(qtbot, _button(wizard, "选择登记回复…"))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(b) for b in bundles], ""))
        click(qtbot, _button(wizard, "选择任务包…"))
        type_text(qtbot, wizard.finish_password, DEVICE_PW)
        click(qtbot, wizard.finish_button)
        qtbot.waitUntil(lambda: wizard.ready is not None or wizard.error.text() != "", timeout=WAIT)
        assert wizard.error.text() == "", wizard.error.text()
        seen["text"] = wizard.finish_result.text()
        click(qtbot, wizard.open_button)

    when_shown(JoinWizard, step_two)
    click(qtbot, start.open_button)
    assert start.chosen is not None
    return start.chosen, seen["text"]


def select_household(qtbot, window, code: str) -> None:
    """Type the 户号 in the search box and select the one row found."""
    window.filter_bar.search.clear()
    type_text(qtbot, window.filter_bar.search, code)
    window.filter_bar.flush()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    window.table.select_row(0)
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.household_code == code,
                    timeout=WAIT)


def survey(qtbot, window, code: str) -> None:
    """The worker opens the household in the editor, types what the visit found, saves and submits."""
    from survey_app.ui.editor.sections_people import WillingnessSection

    select_household(qtbot, window, code)
    click(qtbot, window.households_page.edit_button)
    qtbot.waitUntil(lambda: getattr(window, "editor", None) is not None and window.editor.isVisible())
    editor = window.editor
    qtbot.waitExposed(editor)
    assert editor.appraisals.table.rows  # the appraiser's values came with the assignment (read-only here)
    members = editor.members.table
    click(qtbot, members.add_button)
    row = members.rows[-1]
    type_text(qtbot, row.widgets["name"], "刘晓梅")
    choose(qtbot, row.widgets["relation"], "配偶")
    type_text(qtbot, row.widgets["id_number"], resident_id(8))
    assert row.message.text() == "" and row.widgets["sex"].text() != ""
    part = editor.parts.table.rows[0]
    choose(qtbot, part.widgets["structure"], "砖混")
    choose(qtbot, part.widgets["decoration_grade"], "中档装修")
    wishes = next(s for s in editor.sections if isinstance(s, WillingnessSection))
    choose(qtbot, wishes.fields["willingness"], "同意")
    type_text(qtbot, wishes.fields["notes"], "户主在家，房屋与产权证一致，愿选货币补偿。")
    assert editor.validate() == []
    answer_box("是")  # 提交调查: "确定提交吗？"
    click(qtbot, editor.submit_button)  # saves first (unsaved changes), then asks, then submits
    qtbot.waitUntil(lambda: editor.detail.status == "surveyed", timeout=WAIT)
    click(qtbot, editor.close_button)
    qtbot.waitUntil(lambda: not editor.isVisible())


def review(qtbot, window, code: str) -> None:
    """The supervisor passes the survey on the 复核 page."""
    from survey_app.ui.pages import navigation as nav

    click(qtbot, window.rail.buttons[nav.REVIEW])
    page = window.page(nav.REVIEW)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.household_code == code,
                    timeout=WAIT)
    type_text(qtbot, page.comment, "已核对产权证与现场面积")
    click(qtbot, page.approve_button)
    qtbot.waitUntil(lambda: "已通过复核" in page.banner.text(), timeout=WAIT)


def calculate_and_sign(qtbot, monkeypatch, window, code: str, pdf: Path) -> str:
    """测算, 选择此方案 (货币补偿), 确认测算结果, 协议…: 出具, 另存为 PDF, 签字 → 已签约. Returns the number."""
    from survey_app.ui.pages import navigation as nav

    select_household(qtbot, window, code)
    click(qtbot, window.households_page.calc_button)
    page = window.page(nav.COMPENSATION)
    assert window.current_page() == nav.COMPENSATION
    click(qtbot, page.calc_button)
    qtbot.waitUntil(lambda: page.model.columnCount() > 1 and "cash" in page.choose_buttons, timeout=WAIT)
    click(qtbot, page.choose_buttons["cash"])
    qtbot.waitUntil(lambda: page.model.chosen == "cash", timeout=WAIT)
    qtbot.waitUntil(page.mark_button.isVisible, timeout=WAIT)
    click(qtbot, page.mark_button)
    qtbot.waitUntil(lambda: page.agreement_button.isVisible() and page.agreement_button.isEnabled(), timeout=WAIT)
    click(qtbot, page.agreement_button)
    dialog = page.agreement_dialog
    qtbot.waitExposed(dialog)
    click(qtbot, dialog.issue_button)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.save_button.isEnabled(), timeout=WAIT)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.selected().saved_count == 1 and dialog.sign_button.isEnabled(), timeout=WAIT)
    click(qtbot, dialog.sign_button)
    pad = dialog.sign_dialog
    qtbot.waitExposed(pad)
    for n in range(len(pad.signers)):  # 被征收人, 调查员
        sign_on(pad.pad, dy=n * 10)
        click(qtbot, pad.ok_button)
    click(qtbot, pad.finish_button)
    qtbot.waitUntil(lambda: dialog.selected().status == "signed", timeout=WAIT)
    number = dialog.selected().number
    click(qtbot, _button(dialog, "关闭"))
    return number


def export_day_end(qtbot, monkeypatch, window, usb: Path) -> Path:
    """同步 → 导出今日同步包… to the stick; returns the bundle."""
    from survey_app.ui.pages import navigation as nav
    from survey_app.ui.sync.common import OK

    click(qtbot, window.rail.buttons[nav.SYNC])
    page = window.page(nav.SYNC)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    click(qtbot, page.export_button)
    qtbot.waitUntil(lambda: bool(page.results.entries), timeout=WAIT)
    assert page.results.entries[0].kind == OK, page.results.entries[0]
    (bundle,) = usb.glob("*.sabundle")
    return bundle
