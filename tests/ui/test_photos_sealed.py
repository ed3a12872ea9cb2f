"""Photos of an encrypted project: stored sealed, yet the strip's thumbnails and the viewer show them."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize

from survey_app.core.files import is_sealed
from survey_app.core.storage.cipher import encrypt_copy
from survey_app.core.storage.database import Database
from survey_app.ui.photos.strip import PhotoStrip
from survey_app.ui.photos.thumbnails import read_scaled
from survey_app.ui.photos.viewer import PhotoViewer
from tests.ui.test_editor_helpers import household_with_status


def test_sealed_photos_show_in_the_strip_and_viewer(qtbot, _demo_template, worker_actor, runner,
                                                    tmp_path: Path) -> None:
    path, key = tmp_path / "enc" / "project.sqlite3", os.urandom(32)
    encrypt_copy(_demo_template, path, key)
    db = Database(path, cipher_key=key)
    try:
        hh = household_with_status(db, "pending")
        strip = PhotoStrip(db, worker_actor, runner, hh.id)
        qtbot.addWidget(strip)
        strip.reload()
        photo = tmp_path / "IMG_0001.jpg"
        Image.new("RGB", (640, 480), "red").save(photo, "JPEG")
        with qtbot.waitSignal(strip.attached, timeout=10_000) as added:
            strip.attach_files([photo])
        (attached,) = added.args[0]
        assert is_sealed(attached.path.read_bytes())
        qtbot.waitUntil(lambda: strip.loaded_count == 1, timeout=10_000)
        size = strip.list.item(0).icon().availableSizes()[0]
        assert (size.width(), size.height()) == (160, 120)  # decoded from the sealed file, in memory

        viewer = PhotoViewer(strip.photos, 0, strip)
        qtbot.addWidget(viewer)
        assert not viewer._pixmap.isNull()
        assert read_scaled(attached.path, QSize(100, 100)).isNull()  # without the key: nothing to show
        strip.shutdown()
    finally:
        db.dispose()
