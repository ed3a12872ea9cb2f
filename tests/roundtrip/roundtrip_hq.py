"""The round trip's HQ steps, each on the real widgets of the 项目 page (survey_app/ui/hq) and the start window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QListWidget, QPushButton, QTabWidget, QWidget
from roundtrip_files import write_appraisals, write_roster
from roundtrip_gui import WAIT, answer_box, choose, click, select_row, tick, type_text, when_shown

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "resources" / "policies" / "city_shantytown_2023.toml"  # the demo's policy
ADMIN_PW = "Zhb-2024-secret"
RECOVERY_PW = "Seal-envelope-2024"  # the form's required recovery password


def create_project(qtbot) -> Path:
    """新建项目（指挥部） from an empty start window; returns the new database's path."""
    from survey_app.ui.start.chooser import StartWindow
    from survey_app.ui.start.new_project import NewProjectDialog

    start = StartWindow()
    qtbot.addWidget(start)
    start.show()
    assert start.list.count() == 0  # nothing on this machine yet

    def fill(form: NewProjectDialog) -> None:
        for edit, text in ((form.name, "芙蓉路片区棚户区改造项目"), (form.code, "fr2024"), (form.city, "长沙"),
                           (form.decision_no, "芙政征〔2023〕3号"), (form.valuation_date, "2023-05-20"),
                           (form.signing_start, "2023-06-01"), (form.signing_end, "2023-08-31"),
                           (form.target, "60"), (form.display_name, "王主任")):
            type_text(qtbot, edit, text)
        for code, name in (("A1", "古稻田一组"), ("A2", "古稻田二组")):
            type_text(qtbot, form.sections.code, code)
            type_text(qtbot, form.sections.name, name)
            click(qtbot, form.sections.add_button)
        type_text(qtbot, form.password, ADMIN_PW)
        type_text(qtbot, form.password2, ADMIN_PW)
        type_text(qtbot, form.recovery, RECOVERY_PW)
        type_text(qtbot, form.recovery2, RECOVERY_PW)
        click(qtbot, form.create_button)

    when_shown(NewProjectDialog, fill)
    click(qtbot, start.new_button)  # returns when the form has made the project and closed
    assert start.chosen is not None and start.chosen.name == "FR2024.sqlite3", start.chosen
    return start.chosen


def tab(page: QTabWidget, qtbot, name: str) -> QWidget:
    """Click the tab whose page is called ``name``; returns that page."""
    for i in range(page.count()):
        if page.widget(i).objectName() == name:
            qtbot.mouseClick(page.tabBar(), Qt.MouseButton.LeftButton, pos=page.tabBar().tabRect(i).center())
            assert page.currentIndex() == i
            return page.widget(i)
    raise AssertionError(f"no tab {name}")


def publish_policy(qtbot, monkeypatch, project_page) -> str:
    policy = tab(project_page, qtbot, "hqPolicyTab")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(POLICY), ""))
    click(qtbot, policy.load_button)
    qtbot.waitUntil(lambda: policy.loaded is not None, timeout=WAIT)
    assert policy.loaded.report.ok and [policy.problems.item(i).text() for i in range(policy.problems.count())] == [
        "没有发现问题。"]
    assert "检查通过" in policy.file_label.text()
    click(qtbot, policy.publish_button)
    qtbot.waitUntil(lambda: policy.dialog is not None and policy.dialog.isVisible())
    type_text(qtbot, policy.dialog.reason, "首次发布：依据芙政征〔2023〕3号")
    click(qtbot, policy.dialog.ok_button)
    qtbot.waitUntil(lambda: "已发布" in policy.status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: policy.versions.count() == 1, timeout=WAIT)
    return policy.loaded.report.policy.hash


def _open_import(qtbot, monkeypatch, imports_tab, button: str, path: Path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    click(qtbot, imports_tab.findChild(QPushButton, button))
    qtbot.waitUntil(lambda: imports_tab.dialog is not None and imports_tab.dialog.isVisible(), timeout=WAIT)
    return imports_tab.dialog


def import_file(qtbot, monkeypatch, project_page, kind: str, folder: Path) -> tuple[str, str]:
    """Open the bad file (every problem listed, 导入 disabled, cancel), fix it in 'Excel', open it again and
    import it. Returns (the report of the bad file, the tab's status line after the import)."""
    imports_tab = tab(project_page, qtbot, "hqImportsTab")
    write, button = (write_roster, "importRoster") if kind == "roster" else (write_appraisals, "importAppraisal")
    path = write(folder / ("入户名册.xlsx" if kind == "roster" else "评估结果.xlsx"), bad=True)
    dialog = _open_import(qtbot, monkeypatch, imports_tab, button, path)
    bad_report = dialog.report.toPlainText()
    assert not dialog.import_button.isEnabled()
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
    click(qtbot, cancel)
    qtbot.waitUntil(lambda: imports_tab.dialog is None)

    write(path, bad=False)  # the clerk corrects the rows the report named and saves the file
    dialog = _open_import(qtbot, monkeypatch, imports_tab, button, path)
    assert dialog.import_button.isEnabled(), dialog.report.toPlainText()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: imports_tab.dialog is None, timeout=WAIT)
    return bad_report, imports_tab.status.text()


def new_user(qtbot, people, username: str, name: str, role: str, password: str) -> None:
    panel = people.users
    people.tabs.setCurrentWidget(panel)
    click(qtbot, panel.new_button)
    dialog = panel.dialog
    type_text(qtbot, dialog.findChild(QLineEdit, "username"), username)
    type_text(qtbot, dialog.findChild(QLineEdit, "displayName"), name)
    choose(qtbot, dialog.findChild(QComboBox, "role"), role)
    for field in ("password", "password2"):
        type_text(qtbot, dialog.findChild(QLineEdit, field), password)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: f"已新建用户 {username}" in [e.title for e in people.results.entries], timeout=WAIT)


def enrol_laptop(qtbot, monkeypatch, people, request: Path) -> tuple[str, str]:
    """接受登记申请… with the fingerprint shown for comparison; returns (device code, the question's text)."""
    laptops = people.laptops
    people.tabs.setCurrentWidget(laptops)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(request), ""))
    asked: list[str] = []
    answer_box("是", asked)
    click(qtbot, laptops.accept_button)
    qtbot.waitUntil(lambda: laptops.model.rowCount() == 1, timeout=WAIT)
    return laptops.model.index(0, 0).data(), asked[0]


def assign_and_export(qtbot, monkeypatch, people, code: str, workers: list[str], worker: str,
                      usb: Path) -> list[Path]:
    """指定调查员… on the laptop, 分派 section A1 to ``worker``, 导出任务包… to the stick."""
    laptops, assign = people.laptops, people.assign
    select_row(qtbot, laptops.table, code)
    click(qtbot, laptops.workers_button)
    listing = laptops.dialog.findChild(QListWidget, "deviceWorkerList")
    for name in workers:
        tick(qtbot, listing, name)
    click(qtbot, laptops.dialog.ok_button)
    qtbot.waitUntil(lambda: laptops.model.index(0, 3).data() == "、".join(sorted(workers))
                    or all(w in (laptops.model.index(0, 3).data() or "") for w in workers), timeout=WAIT)

    people.tabs.setCurrentWidget(assign)
    assign.refresh()
    tick(qtbot, assign.sections, "A1")
    choose(qtbot, assign.to, worker)
    click(qtbot, assign.preview_button)
    qtbot.waitUntil(assign.assign_button.isEnabled, timeout=WAIT)
    click(qtbot, assign.assign_button)
    qtbot.waitUntil(lambda: any(e.title.startswith("已分派") for e in people.results.entries), timeout=WAIT)

    people.tabs.setCurrentWidget(laptops)
    select_row(qtbot, laptops.table, code)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    click(qtbot, laptops.export_button)
    qtbot.waitUntil(lambda: "已写出 1 个任务包" in [e.title for e in people.results.entries], timeout=WAIT)
    return sorted(usb.glob(f"*_{code}_*.saassign"))
