"""Names, passwords and the HQ steps shared by the vaulted-project tests (conftest modules are not importable)."""

from __future__ import annotations

from pathlib import Path

ADMIN_PASSWORD = "Zhb-2024-secret"
DEVICE_PASSWORD = "Laptop-pass-2024"
RECOVERY_PASSWORD = "Seal-envelope-2024"  # HQ's recovery password (the new-project form asks it)
WORKER, WORKER_PASSWORD = "zhang", "Zhang-first-2024"


def hq_answers(db, admin, request: Path, usb: Path) -> tuple[str, Path, Path]:
    """What HQ does with a laptop's request: make the worker, enrol the laptop (no key password: the
    login unlocked HQ's identity), write the reply and the worker's assignment. (code, reply, assignment)"""
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import users
    from survey_app.core.sync import enrollment, identity
    from survey_app.core.sync.assignments import write_assignment

    users.create_user(db, admin, WORKER, WORKER_PASSWORD, Role.FIELD_WORKER, "张工")
    pair = identity.unlock(db)
    code, reply = enrollment.accept_request(db, admin, pair, request, usb)
    return code, reply, write_assignment(db, admin, pair, code, [WORKER], usb)


def raw_bytes(folder: Path) -> bytes:
    """Every file of a folder, concatenated: what a thief with the disk (and no password) can read."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def in_modal(kind: type, drive) -> None:
    """Run ``drive(dialog)`` on the modal ``kind`` dialog once it is shown (inside its exec loop). If
    ``drive`` fails the dialog is closed, so the test fails instead of hanging."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, step)
            return
        try:
            drive(dialog)
        except BaseException:
            dialog.reject()
            raise
    QTimer.singleShot(0, step)


def type_text(qtbot, edit, text: str) -> None:
    """Click into ``edit`` and type: keys for ASCII; Chinese arrives as an input method commits it."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def click(qtbot, widget) -> None:
    from PySide6.QtCore import Qt

    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
