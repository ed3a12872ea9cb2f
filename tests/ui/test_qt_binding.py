"""The Qt binding must not leak or drop references on hot paths (PySide6 6.12.0 + Python 3.11 dropped a
reference to None on every void call and aborted the app after ~40k calls)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50  # a handful of unrelated references may come and go
