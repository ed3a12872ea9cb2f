"""Photos are evidence: deleted only after a question (a tombstone, audited), labelled with a category
and caption that the reviewer sees too, capture time on the project's clock (Asia/Shanghai) whatever
this machine's zone, GPS shown. All through the real strip and viewer."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select

from survey_app.core.storage.models import Attachment, AuditEvent
from survey_app.ui.photos.strip import PhotoStrip
from survey_app.ui.photos.viewer import PhotoViewer
from tests.ui.test_editor_helpers import household_with_status


def _jpeg(path: Path, color: str, when: str | None = None, gps: bool = False) -> Path:
    exif = Image.Exif()
    if when:
        exif[306] = when  # DateTime, as a camera writes it (local time, no zone)
    if gps:
        exif[0x8825] = {1: "N", 2: (28.0, 11.0, 42.0), 3: "E", 4: (112.0, 58.0, 30.0)}
    Image.new("RGB", (320, 240), color).save(path, "JPEG", exif=exif)
    return path


@pytest.fixture
def strip(qtbot, demo_db, worker_actor, runner, tmp_path):
    hh = household_with_status(demo_db, "pending")
    widget = PhotoStrip(demo_db, worker_actor, runner, hh.id)
    qtbot.addWidget(widget)
    widget.reload()
    files = [_jpeg(tmp_path / "IMG_0001.jpg", "red", "2023:07:02 09:30:00", gps=True),
             _jpeg(tmp_path / "IMG_0002.jpg", "green")]
    with qtbot.waitSignal(widget.attached, timeout=10_000):
        widget.attach_files(files)
    yield widget
    widget.shutdown()


def _confirm_box(qtbot, strip) -> QMessageBox:
    qtbot.waitUntil(lambda: strip.findChild(QMessageBox, "confirmDeletePhoto") is not None
                    and strip.findChild(QMessageBox, "confirmDeletePhoto").isVisible(), timeout=5_000)
    return strip.findChild(QMessageBox, "confirmDeletePhoto")


def _button(box: QMessageBox, text: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if b.text() == text)


def test_delete_asks_first_and_leaves_an_audited_tombstone(qtbot, strip, demo_db) -> None:
    strip.list.setCurrentRow(1)
    gone = strip.current_photo()
    assert strip.delete_button.isEnabled()

    qtbot.mouseClick(strip.delete_button, Qt.MouseButton.LeftButton)
    box = _confirm_box(qtbot, strip)
    assert box.defaultButton().text() == "取消"  # Enter does not delete evidence
    qtbot.mouseClick(_button(box, "取消"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.findChild(QMessageBox, "confirmDeletePhoto") is None, timeout=5_000)
    assert strip.list.count() == 2

    qtbot.mouseClick(strip.delete_button, Qt.MouseButton.LeftButton)
    box = _confirm_box(qtbot, strip)
    with qtbot.waitSignal(strip.saved, timeout=10_000):
        qtbot.mouseClick(_button(box, "删除"), Qt.MouseButton.LeftButton)
    assert strip.list.count() == 1
    assert [p.original_name for p in strip.photos] == ["IMG_0001.jpg"]
    assert "已删除" in strip.status.text()
    with demo_db.read() as s:
        row = s.get(Attachment, uuid.UUID(gone.id))
        assert row.deleted_at is not None  # a tombstone, not a hard delete
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == gone.id)
                            .order_by(AuditEvent.seq)).all()
    assert actions == ["insert", "delete"]


def test_delete_key_on_the_list_asks_too(qtbot, strip) -> None:
    strip.list.setCurrentRow(0)
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    box = _confirm_box(qtbot, strip)
    qtbot.mouseClick(_button(box, "取消"), Qt.MouseButton.LeftButton)
    assert strip.list.count() == 2


def test_category_and_caption_are_saved_and_shown_to_the_reviewer(qtbot, strip, demo_db, runner) -> None:
    strip.list.setCurrentRow(0)
    assert strip.category.currentText() == "未分类"
    strip.category.setFocus()
    with qtbot.waitSignal(strip.saved, timeout=10_000):
        qtbot.keyClick(strip.category, Qt.Key.Key_Down)  # 未分类 → 外观
    assert strip.photos[0].category == "exterior"
    strip.caption.setFocus()
    strip.caption.insert("东立面")  # what an input method types (QTest cannot type CJK)
    with qtbot.waitSignal(strip.saved, timeout=10_000):
        qtbot.keyClick(strip.caption, Qt.Key.Key_Return)
    assert strip.list.item(0).text().startswith("外观 · 东立面")
    assert strip.list.item(1).text().startswith("未分类 · IMG_0002.jpg")

    # the reviewer (read-only editor) sees the same labels, and can change nothing
    from survey_app.core.services import devices, users
    reviewer = users.login(demo_db, "reviewer", "review123", device=devices.local_device_code(demo_db))
    seen = PhotoStrip(demo_db, reviewer, runner, strip.household_id)
    qtbot.addWidget(seen)
    seen.set_read_only(True)
    seen.reload()
    assert seen.list.item(0).text().startswith("外观 · 东立面")
    assert seen.category.currentText() == "外观" and seen.caption.text() == "东立面"
    assert not seen.category.isEnabled() and not seen.caption.isEnabled() and seen.delete_button.isHidden()
    seen.open_viewer(0)
    viewer = seen.findChild(PhotoViewer)
    qtbot.waitUntil(lambda: viewer.isVisible(), timeout=5_000)
    assert "外观 · 东立面" in viewer.info.text()
    viewer.close()
    seen.shutdown()


@pytest.fixture
def new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")  # a laptop set to another zone (or HQ abroad)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_capture_time_and_gps_on_the_projects_clock(qtbot, new_york, strip) -> None:
    import datetime as dt

    taken = strip.photos[0].captured_at
    assert taken.astimezone().strftime("%d %H:%M") == "01 21:30"  # what this machine's clock would say
    item = strip.list.item(0)
    assert item.text() == "未分类 · IMG_0001.jpg\n2023年7月2日 09:30"  # 09:30 in Changsha, as the camera said
    assert "北纬28.19500° 东经112.97500°" in item.toolTip()
    assert "拍摄时间不详" in strip.list.item(1).text()

    strip.open_viewer(0)
    viewer = strip.findChild(PhotoViewer)
    qtbot.waitUntil(lambda: viewer.isVisible(), timeout=5_000)
    assert "拍摄时间：2023年7月2日 09:30（北京时间）" in viewer.info.text()
    assert "位置：北纬28.19500° 东经112.97500°" in viewer.info.text()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert "拍摄时间不详" in viewer.info.text() and "无位置信息" in viewer.info.text()
    viewer.close()
    assert taken == dt.datetime(2023, 7, 2, 1, 30, tzinfo=dt.UTC)  # stored in UTC
