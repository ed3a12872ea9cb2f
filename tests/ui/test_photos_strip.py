"""Photos: several files attached at once, thumbnails decoded off the GUI thread, duplicates not added twice."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from survey_app.ui.photos.strip import PhotoStrip
from tests.ui.test_editor_helpers import household_with_status


def _jpeg(path: Path, color: str, when: str | None = None) -> Path:
    exif = Image.Exif()
    if when:
        exif[306] = when  # DateTime, as a camera writes it
    Image.new("RGB", (640, 480), color).save(path, "JPEG", exif=exif)
    return path


def test_attach_three_photos_then_a_duplicate(qtbot, demo_db, worker_actor, runner, tmp_path) -> None:
    hh = household_with_status(demo_db, "pending")
    strip = PhotoStrip(demo_db, worker_actor, runner, hh.id)
    qtbot.addWidget(strip)
    strip.reload()
    assert strip.list.count() == 0
    files = [_jpeg(tmp_path / "IMG_0001.jpg", "red", "2023:07:02 09:30:00"),
             _jpeg(tmp_path / "IMG_0002.jpg", "green"), _jpeg(tmp_path / "IMG_0003.jpg", "blue")]

    with qtbot.waitSignal(strip.attached, timeout=10_000) as added:
        strip.attach_files(files)
    assert [p.original_name for p in added.args[0]] == ["IMG_0001.jpg", "IMG_0002.jpg", "IMG_0003.jpg"]
    qtbot.waitUntil(lambda: strip.loaded_count == 3, timeout=10_000)
    assert strip.list.count() == 3
    for i in range(3):
        icon = strip.list.item(i).icon()
        size = icon.availableSizes()[0]
        assert size.width() == 160 and size.height() == 120  # the 640×480 photo, scaled to the thumbnail box
    # capture time from EXIF (09:30 China time), shown on the project's clock (see test_photos_evidence.py)
    assert "2023年7月2日 09:30" in strip.list.item(0).text()

    copy = tmp_path / "copy-of-1.jpg"
    copy.write_bytes(files[0].read_bytes())
    with qtbot.waitSignal(strip.attached, timeout=10_000) as again:
        strip.attach_files([copy])
    assert again.args[0] == []
    assert strip.list.count() == 3
    assert "未重复添加" in strip.status.text()
    strip.shutdown()
