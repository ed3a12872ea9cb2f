"""Screenshots for docs/hq-setup.md: the start of a real project, step by step, on the real windows — run alone:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_hq_setup.py [--out DIR]

Walks the round trip of tests/roundtrip (its helpers type and click on the real widgets): HQ creates the
project, publishes the demo's policy, imports a roster and appraisals (a bad file first), creates a worker
and a supervisor; a laptop asks to join, HQ enrols it, assigns section A1 and writes the assignment bundle;
the laptop joins, the worker surveys, the supervisor reviews, the worker calculates and signs, exports the
day-end bundle; HQ imports it. Saves hq_setup_NN_*.png (main windows at 1366×738, what is left of the
screen under a taskbar; dialogs at their own size). Uses a temporary per-user data folder and a fixed
project day (2023-07-01, inside the demo policy's signing period): the real folder is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "roundtrip"))


class Bot:
    """The few pytest-qt ``qtbot`` calls the round-trip helpers use, outside pytest."""

    def __init__(self) -> None:
        self.kept: list = []

    def addWidget(self, widget) -> None:
        self.kept.append(widget)

    def mouseClick(self, widget, button, pos=None) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, pos if pos is not None else QPoint())

    def keyClicks(self, widget, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(widget, text)

    def keyClick(self, widget, key) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key)

    def waitUntil(self, condition, timeout: int = 5000) -> None:
        from PySide6.QtCore import QDeadlineTimer
        from PySide6.QtTest import QTest

        deadline = QDeadlineTimer(timeout)
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError("waited too long")
            QTest.qWait(10)

    def waitExposed(self, widget, timeout: int = 5000) -> None:
        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(widget, timeout)


class Patch:
    """``monkeypatch.setattr`` for the file dialogs the helpers answer (a script has no user to ask)."""

    def setattr(self, target, name: str, value) -> None:
        setattr(target, name, value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="shots_hq_setup_"))
    os.environ["SURVEY_APP_DATA"] = str(tmp / "data")
    (tmp / "data").mkdir()

    from PySide6.QtWidgets import QApplication

    from survey_app.core.domain import china_time
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.task_runner import TaskRunner

    china_time.today = lambda: dt.date(2023, 7, 1)  # the demo policy's signing period (as the tests do)
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    i18n.install_translators(app, "zh_CN")
    runner = TaskRunner()
    saved = run(app, runner, Bot(), Patch(), tmp, args.out)
    runner.shutdown()
    print("saved", *saved, sep="\n  ")
    return 0


def run(app, runner, bot, patch, tmp: Path, out: Path) -> list[Path]:
    """The whole story, grabbing as it goes; returns the PNGs written."""
    import roundtrip_field as field
    import roundtrip_hq as hq_steps
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QPushButton
    from roundtrip_files import write_appraisals, write_roster
    from roundtrip_gui import WAIT, answer_box, click, log_in, open_window, type_text, when_shown

    from survey_app.ui.pages import navigation as nav
    from survey_app.ui.start.chooser import StartWindow
    from survey_app.ui.start.join_wizard import JoinWizard
    from survey_app.ui.start.new_project import NewProjectDialog
    from survey_app.ui.sync.common import KeySession

    KeySession.ask_password = lambda self, prompt="": hq_steps.ADMIN_PW  # HQ's sync keys, if a prompt comes
    usb, office = tmp / "U盘", tmp / "指挥部文件"
    usb.mkdir()
    office.mkdir()
    saved: list[Path] = []

    def shot(widget, name: str, ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        path = out / f"hq_setup_{len(saved) + 1:02d}_{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    def button(widget, text: str) -> QPushButton:
        return next(b for b in widget.findChildren(QPushButton) if b.text() == text)

    # HQ ① the first start: 新建项目（指挥部）
    start = StartWindow()
    start.show()
    shot(start, "start")

    def fill(form: NewProjectDialog) -> None:
        for edit, text in ((form.name, "芙蓉路片区棚户区改造项目"), (form.code, "FR2024"), (form.city, "长沙"),
                           (form.decision_no, "芙政征〔2023〕3号"), (form.valuation_date, "2023-05-20"),
                           (form.signing_start, "2023-06-01"), (form.signing_end, "2023-08-31"),
                           (form.target, "60"), (form.display_name, "王主任")):
            type_text(bot, edit, text)
        for code, name in (("A1", "古稻田一组"), ("A2", "古稻田二组")):
            type_text(bot, form.sections.code, code)
            type_text(bot, form.sections.name, name)
            click(bot, form.sections.add_button)
        type_text(bot, form.password, hq_steps.ADMIN_PW)
        type_text(bot, form.password2, hq_steps.ADMIN_PW)
        type_text(bot, form.recovery, hq_steps.RECOVERY_PW)
        type_text(bot, form.recovery2, hq_steps.RECOVERY_PW)
        shot(form, "new_project")
        click(bot, form.create_button)

    when_shown(NewProjectDialog, fill)
    click(bot, start.new_button)
    hq_path = start.chosen

    # HQ ② log in; the 项目 page: project, policy, roster, appraisals, people
    hq_db, admin = log_in(bot, runner, hq_path, "admin", hq_steps.ADMIN_PW)
    hq = open_window(bot, app, hq_db, admin, runner)
    click(bot, hq.rail.buttons[nav.PROJECT])
    page = hq.page(nav.PROJECT)
    hq_steps.tab(page, bot, "hqProjectTab")
    shot(hq, "project_info")
    policy = hq_steps.tab(page, bot, "hqPolicyTab")
    patch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(hq_steps.POLICY), ""))
    click(bot, policy.load_button)
    bot.waitUntil(lambda: policy.loaded is not None, timeout=WAIT)
    shot(hq, "policy_loaded")
    click(bot, policy.publish_button)
    bot.waitUntil(lambda: policy.dialog is not None and policy.dialog.isVisible())
    type_text(bot, policy.dialog.reason, "首次发布：依据芙政征〔2023〕3号")
    shot(policy.dialog, "policy_publish")
    click(bot, policy.dialog.ok_button)
    bot.waitUntil(lambda: policy.versions.count() == 1, timeout=WAIT)

    imports = hq_steps.tab(page, bot, "hqImportsTab")
    for kind, write, name, label in (("roster", write_roster, "importRoster", "roster"),
                                     ("appraisal", write_appraisals, "importAppraisal", "appraisal")):
        path = write(office / ("入户名册.xlsx" if kind == "roster" else "评估结果.xlsx"), bad=True)
        patch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        for bad in (True, False):
            if not bad:
                write(path, bad=False)
            click(bot, imports.findChild(QPushButton, name))
            bot.waitUntil(lambda: imports.dialog is not None and imports.dialog.isVisible(), timeout=WAIT)
            dialog = imports.dialog
            dialog.resize(1180, 640)
            if bad or kind == "roster":
                shot(dialog, f"{label}_{'problems' if bad else 'checked'}")
            click(bot, button(dialog, "取消") if bad else dialog.import_button)
            bot.waitUntil(lambda: imports.dialog is None, timeout=WAIT)
    shot(hq, "imports_done")

    people = hq_steps.tab(page, bot, "hqPeopleTab")
    users = people.users
    click(bot, users.new_button)
    dialog = users.dialog
    for field_name, text in (("username", "zhang"), ("displayName", "张伟"), ("phone", "13973100001"),
                             ("password", "Zhang-pass-2023"), ("password2", "Zhang-pass-2023")):
        type_text(bot, dialog.findChild(QLineEdit, field_name), text)
    shot(dialog, "new_user")
    click(bot, dialog.ok_button)
    bot.waitUntil(lambda: "已新建用户 zhang" in [e.title for e in people.results.entries], timeout=WAIT)
    hq_steps.new_user(bot, people, "li", "李娜", "复核员", "Li-pass-2023x")
    shot(hq, "users")

    # Laptop ① 加入项目: the request to the stick
    start = StartWindow()
    start.show()

    def request(wizard: JoinWizard) -> None:
        type_text(bot, wizard.device_name, "调查组1号笔记本")
        type_text(bot, wizard.device_password, field.DEVICE_PW)
        type_text(bot, wizard.device_password2, field.DEVICE_PW)
        wizard.set_request_dir(usb)
        click(bot, wizard.request_button)
        bot.waitUntil(lambda: wizard.path is not None or wizard.error.text() != "", timeout=WAIT)
        shot(wizard, "join_request")
        click(bot, wizard.close_button)

    when_shown(JoinWizard, request)
    click(bot, start.join_button)
    start.reject()
    (request_file,) = usb.glob("enroll-request-*.json")

    # HQ ③ enrol the laptop, set its workers, assign, write the assignment bundle
    people.tabs.setCurrentWidget(people.laptops)
    patch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(request_file), ""))

    def confirm(box: QMessageBox) -> None:
        shot(box, "enrol_fingerprint")
        box.button(QMessageBox.StandardButton.Yes).click()

    when_shown(QMessageBox, confirm)
    click(bot, people.laptops.accept_button)
    bot.waitUntil(lambda: people.laptops.model.rowCount() == 1, timeout=WAIT)
    code = people.laptops.model.index(0, 0).data()
    (reply,) = usb.glob(f"*_{code}_enrollment.saenroll")
    bundles = hq_steps.assign_and_export(bot, patch, people, code, ["li", "zhang"], "zhang", usb)
    people.tabs.setCurrentWidget(people.assign)
    shot(hq, "assigned")
    people.tabs.setCurrentWidget(people.laptops)
    shot(hq, "bundle_written")

    # Laptop ② reply and bundle in; the worker logs in and surveys
    start = StartWindow()
    start.show()
    start.list.setCurrentRow(next(i for i in range(start.list.count()) if "登记未完成" in start.list.item(i).text()))

    def finish(wizard: JoinWizard) -> None:
        wizard.set_response(reply)
        wizard.set_assignments(bundles)
        type_text(bot, wizard.finish_password, field.DEVICE_PW)
        click(bot, wizard.finish_button)
        bot.waitUntil(lambda: wizard.ready is not None or wizard.error.text() != "", timeout=WAIT)
        shot(wizard, "join_finished")
        click(bot, wizard.open_button)

    when_shown(JoinWizard, finish)
    click(bot, start.open_button)
    laptop = start.chosen

    def on_laptop(user: str, password: str, new_password: str):
        db, actor = log_in(bot, runner, laptop, user, password, device_password=field.DEVICE_PW,
                           new_password=new_password)
        return db, open_window(bot, app, db, actor, runner)

    db, window = on_laptop("zhang", "Zhang-pass-2023", "Zhang-new-2023")
    shot(window, "laptop_households")
    real_answer = field.answer_box

    def grab_then_answer(text: str, seen=None) -> None:
        window.editor.resize(1366, 738)
        shot(window.editor, "editor")
        real_answer(text, seen)

    field.answer_box = grab_then_answer
    field.survey(bot, window, "A1-0001")
    field.answer_box = real_answer
    window.close()
    db.dispose()
    db, window = on_laptop("li", "Li-pass-2023x", "Li-new-2023x")
    click(bot, window.rail.buttons[nav.REVIEW])
    review = window.page(nav.REVIEW)
    bot.waitUntil(lambda: review.model.rowCount() == 1, timeout=WAIT)
    review.select_row(0)
    bot.waitUntil(lambda: review.detail.detail is not None, timeout=WAIT)
    type_text(bot, review.comment, "已核对产权证与现场面积")
    shot(window, "review")
    click(bot, review.approve_button)
    bot.waitUntil(lambda: "已通过复核" in review.banner.text(), timeout=WAIT)
    window.close()
    db.dispose()
    db, window = on_laptop("zhang", "Zhang-new-2023", "")
    real_sign, signed = field.sign_on, []

    def sign_then_grab(pad, dy: int = 0) -> None:
        real_sign(pad, dy)
        signed.append(dy)
        if len(signed) == 2:
            shot(pad.window(), "sign")

    field.sign_on = sign_then_grab
    field.calculate_and_sign(bot, patch, window, "A1-0001", tmp / "协议.pdf")
    field.sign_on = real_sign
    shot(window, "signed")
    field.export_day_end(bot, patch, window, usb)
    shot(window, "day_end")
    window.close()
    db.dispose()

    # HQ ④ the day's bundle in; 待处理事项
    click(bot, hq.rail.buttons[nav.SYNC])
    sync = hq.page(nav.SYNC)
    patch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in usb.glob("*.sabundle")], ""))
    answer_box("导入")
    click(bot, sync.import_button)
    bot.waitUntil(lambda: bool(sync.results.entries) and not runner.busy, timeout=WAIT)
    shot(hq, "hq_import")
    sync.tabs.setCurrentWidget(sync.issues)
    shot(hq, "hq_issues")
    hq.close()
    hq_db.dispose()
    return saved

if __name__ == "__main__":
    raise SystemExit(main())
