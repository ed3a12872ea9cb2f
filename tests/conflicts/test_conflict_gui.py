"""The 待处理事项 panel at HQ with real clicks: both versions in words, per-field 采用设备的值 boxes and
按所选字段合并, then 批量处理… with its preview count and 处理."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton
from sqlalchemy import select

from survey_app.core.storage.models import AuditEvent, Household
from survey_app.core.sync.issues import list_issues
from survey_app.ui.sync.issues_panel import IssuesPanel


def _wait(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def _click_box(qtbot, box: QCheckBox) -> None:
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    where = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box).center()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=where)


def _open(qtbot, panel: IssuesPanel, entity: str) -> dict[str, tuple[str, str]]:
    row = next(r for r in range(panel.model.rowCount()) if panel.model.issue_at(r).entity == entity)
    rect = panel.table.visualRect(panel.model.index(row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.shown.entity == entity
    diff = panel.diff_model
    return {diff.item(r, 0).text(): (diff.item(r, 1).text(), diff.item(r, 2).text()) for r in range(diff.rowCount())}


def _panel(qtbot, conflicts, runner) -> IssuesPanel:
    world = conflicts.world
    panel = IssuesPanel(world.hq, world.admin, runner)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    return panel


def test_both_versions_are_shown_in_words(qtbot, conflicts, runner) -> None:
    panel = _panel(qtbot, conflicts, runner)
    assert _open(qtbot, panel, "building_parts") == {"面积": ("80.00 m²", "85.50 m²"), "合法性": ("已登记", "违法建筑")}
    assert _open(qtbot, panel, "fixtures") == {"金额": ("¥1,200.00", "¥1,350.50")}
    rows = _open(qtbot, panel, "households")
    assert rows["签约意愿"] == ("未决定", "同意") and rows["电话"] == ("13900000001", "13900000002")
    assert panel.diff_model.horizontalHeaderItem(3).text() == "采用设备的值"
    assert all(box.isEnabled() for box in panel.take_boxes.values())


def test_merging_the_ticked_fields(qtbot, conflicts, runner) -> None:
    world = conflicts.world
    panel = _panel(qtbot, conflicts, runner)
    _open(qtbot, panel, "households")
    assert not panel.merge_button.isEnabled()
    _click_box(qtbot, panel.take_boxes["notes"])
    _click_box(qtbot, panel.take_boxes["willingness"])
    assert panel.take_boxes["notes"].isChecked() and panel.merge_button.isEnabled()
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, runner)
    with world.hq.read() as s:
        h = s.get(Household, conflicts.household_id)
        assert (h.notes, h.willingness, h.phone) == ("二号机的记录", "agree", "13900000001")
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(1)) == "sync_decide"
    assert "已合并" in panel.banner.text() and "备注" in panel.banner.text()
    assert panel.model.rowCount() == 2 and all(i.entity != "households" for i in list_issues(world.hq))


def test_bulk_dialog_previews_then_decides_that_many(qtbot, conflicts, runner) -> None:
    world = conflicts.world
    panel = _panel(qtbot, conflicts, runner)
    qtbot.mouseClick(panel.bulk_button, Qt.MouseButton.LeftButton)
    dialog = panel.bulk_dialog
    qtbot.waitExposed(dialog)
    assert dialog.count_label.text() == "将处理 3 项冲突" and dialog.matched_list.count() == 3
    qtbot.mouseClick(dialog.take_radio, Qt.MouseButton.LeftButton)
    _click_box(qtbot, dialog.only_fields)
    assert dialog.count_label.text() == "字段列表不能为空" and not dialog.apply_button.isEnabled()
    for name in ("area", "legality", "value"):
        _click_box(qtbot, dialog.field_boxes[name])
    assert dialog.count_label.text() == "将处理 2 项冲突" and dialog.matched_list.count() == 2
    dialog.device_combo.setFocus()
    qtbot.keyClick(dialog.device_combo, Qt.Key.Key_Down)  # the one device: D02
    assert dialog.device_combo.currentData() == world.devices[1].code and dialog.bundle_combo.isEnabled()
    assert dialog.count_label.text() == "将处理 2 项冲突"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, runner)
    assert not dialog.isVisible()
    assert [i.entity for i in list_issues(world.hq)] == ["households"] and panel.model.rowCount() == 1
    assert panel.banner.text() == "已按规则处理 2 项冲突"
    with world.hq.read() as s:
        decisions = s.scalars(select(AuditEvent.seq).where(AuditEvent.action == "sync_decide")).all()
    assert len(decisions) == 2
