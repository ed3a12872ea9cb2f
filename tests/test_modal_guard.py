"""tests/modal_guard.py: a modal box nobody closes is closed, and what it said is kept for the failure."""

from __future__ import annotations

from modal_guard import ModalGuard
from PySide6.QtWidgets import QMessageBox


def test_a_modal_box_left_open_is_closed_and_named(qapp) -> None:
    guard = ModalGuard(limit_s=0.2, every_ms=20)
    try:
        QMessageBox.critical(None, "无法打开数据库", "数据库文件已损坏")  # returns once the guard has closed it
    finally:
        closed = guard.stop()
    assert closed == ["QMessageBox '无法打开数据库': '数据库文件已损坏'"]
