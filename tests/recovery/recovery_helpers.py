"""Names and passwords shared by the recovery tests (conftest modules are not importable)."""

from __future__ import annotations

from pathlib import Path

ADMIN, ADMIN_PW = "admin", "Zhb-2024-secret"
RECOVERY_PW = "Seal-envelope-2024"
WORKER, WORKER_PW = "zhang", "Zhang-first-2024"
NEW_PW = "Brand-new-2024!"


def slot(path: Path, name: str) -> dict | None:
    """The stored form of one key slot of the project's vault (to compare before and after)."""
    from survey_app.core.security import vault

    return vault.Vault.load(vault.vault_path(path)).slot_snapshot(name)


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
