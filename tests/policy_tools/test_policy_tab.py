"""The HQ 补偿方案 tab driven through its real widgets: load, problems, explanation, preview, diff, publish."""

from __future__ import annotations

from pathlib import Path

from policy_tools_helpers import CITY
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from survey_app.ui.hq import policy_tab


def _type(qtbot, edit, text: str) -> None:
    """Type into ``edit``: key clicks for ASCII; Chinese arrives as an input method commits it (QTest
    types ASCII only)."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _tab(qtbot, demo_db, admin, runner):
    tab = policy_tab.build(demo_db, admin, runner)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.versions.count() == 1)
    return tab


def _load(qtbot, monkeypatch, tab, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    tab.loaded = None
    qtbot.mouseClick(tab.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.loaded is not None and tab.loaded.path == path)


def test_a_broken_file_lists_every_problem_and_cannot_be_published(qtbot, monkeypatch, demo_db, admin, runner,
                                                                    broken):
    tab = _tab(qtbot, demo_db, admin, runner)
    _load(qtbot, monkeypatch, tab, broken)
    lines = [tab.problems.item(i).text() for i in range(tab.problems.count())]
    assert any(line.startswith("broken.toml: rounding.line_places:") for line in lines)
    assert any(line.startswith("broken.toml: items[0].ratio:") for line in lines)
    assert any(line.startswith("broken.toml: items[2].times.cash:") for line in lines)
    assert any("0.1 表示 0.1%" in line for line in lines)
    assert tab.views.currentWidget() is tab.problems
    assert not tab.publish_button.isEnabled() and not tab.preview_button.isEnabled()
    assert "发现 3 个问题" in tab.file_label.text()


def test_load_preview_diff_and_publish_a_new_version(qtbot, monkeypatch, demo_db, admin, runner, city_v2):
    tab = _tab(qtbot, demo_db, admin, runner)
    assert "[当前] 2023-06 第1版" in tab.versions.item(0).text()
    _load(qtbot, monkeypatch, tab, CITY)  # the published version itself: nothing to publish
    assert not tab.publish_button.isEnabled() and "内容相同" in tab.status.text()

    _load(qtbot, monkeypatch, tab, city_v2)
    assert tab.views.currentWidget() is tab.explanation
    assert "临时安置费：每月按 面积 × 18 元/m²" in tab.explanation.toPlainText()
    diff = tab.diff.toPlainText()
    assert "与已发布的“2023-06 第1版”相比" in diff and "每平方米每月金额：15 → 18" in diff
    assert "＋ 水电迁移补助（utilities）" in diff

    tab.views.setCurrentIndex(2)
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "户号 样例户" in tab.preview.toPlainText())
    assert "水电迁移补助：3,000 元/户 = 3,000" in tab.preview.toPlainText()
    with demo_db.engine.connect() as conn:
        code = conn.exec_driver_sql("SELECT min(h.household_code) FROM households h JOIN appraisals a "
                                    "ON a.household_id = h.id").scalar()
    _type(qtbot, tab.household_code, code)
    assert tab.household_radio.isChecked()
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f"户号 {code}" in tab.preview.toPlainText())

    qtbot.mouseClick(tab.publish_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert tab.loaded.report.policy.hash in dialog.findChild(type(tab.file_label), "publishHash").text()
    assert not dialog.ok_button.isEnabled()  # a second version needs a reason
    _type(qtbot, dialog.reason, "依据补充通知调整临时安置费")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已发布“2023-09 第2版”" in tab.status.text())
    qtbot.waitUntil(lambda: tab.versions.count() == 2 and "[当前] 2023-09 第2版" in tab.versions.item(0).text())
    assert "依据补充通知调整临时安置费" in tab.versions.item(0).text()
    assert tab.outdated.count() > 0 and "需要重新测算的住户" in tab.outdated_label.text()
    assert not tab.publish_button.isEnabled()


def test_cancelling_the_dialog_publishes_nothing(qtbot, monkeypatch, demo_db, admin, runner, city_v2):
    from survey_app.core.services import policies

    tab = _tab(qtbot, demo_db, admin, runner)
    _load(qtbot, monkeypatch, tab, city_v2)
    qtbot.mouseClick(tab.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.dialog.isVisible)
    _type(qtbot, tab.dialog.reason, "试试")
    tab.dialog.buttons.rejected.emit()
    assert not tab.dialog.isVisible()
    assert len(policies.list_versions(demo_db)) == 1 and tab.publish_button.isEnabled()


def test_a_user_without_the_right_sees_the_refusal(qtbot, monkeypatch, demo_db, runner, city_v2):
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    reviewer = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")
    tab = _tab(qtbot, demo_db, reviewer, runner)
    _load(qtbot, monkeypatch, tab, city_v2)
    qtbot.mouseClick(tab.publish_button, Qt.MouseButton.LeftButton)
    _type(qtbot, tab.dialog.reason, "越权")
    qtbot.mouseClick(tab.dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "无权" in tab.status.text())
