"""How the round trip works the real windows: typing, clicking, answering modal dialogs, logging in.

QTest types ASCII only: Chinese arrives as an input method commits it (a QInputMethodEvent), which is
what a Pinyin IME sends. Modal dialogs that block in ``exec()`` are driven from a timer once they show;
if driving fails the dialog is rejected so the test fails instead of hanging.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QMessageBox, QWidget

WAIT = 30_000  # ms: a job on the shared, busy test machine


def type_text(qtbot, edit: QWidget, text: str) -> None:
    """Click into ``edit`` and type ``text``: keys for ASCII, an input-method commit for Chinese."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def click(qtbot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName() or button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def when_shown(kind: type, drive: Callable[[QWidget], None], *, tries: int = 3000) -> None:
    """Run ``drive(dialog)`` on the first visible ``kind`` window once it is shown (scheduled before the click
    that opens it, which may block in ``exec()``). On failure the dialog is rejected, the error re-raised."""
    def step(left: int) -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            if left > 0:
                QTimer.singleShot(10, lambda: step(left - 1))
            return
        dialog = found[0]
        try:
            drive(dialog)
        except BaseException:
            if isinstance(dialog, QDialog):
                dialog.reject()
            raise
    QTimer.singleShot(0, lambda: step(tries))


def answer_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` on the next message box (confirmations block in their own event loop)."""
    def drive(box: QMessageBox) -> None:
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        button = next((b for b in box.buttons() if b.text().replace("&", "") == button_text), None)
        if button is None and button_text == "是":  # Qt's own Yes: "&Yes" unless Qt's catalogue is installed
            button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None, f"no {button_text!r} in {[b.text() for b in box.buttons()]}"
        button.click()
    when_shown(QMessageBox, drive)


def select_row(qtbot, table, column0: str) -> None:
    """Click the row of ``table`` whose first cell reads ``column0``."""
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == column0)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selectionModel().selectedRows()[0].row() == row


def tick(qtbot, listing: QListWidget, startswith: str) -> None:
    """Check the item of ``listing`` starting with ``startswith`` (Space on the current item)."""
    item = next(listing.item(i) for i in range(listing.count()) if listing.item(i).text().startswith(startswith))
    listing.setFocus()
    listing.setCurrentItem(item)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def choose(qtbot, combo, text: str) -> None:
    """Pick ``text`` in ``combo`` with the arrow keys, as a clerk does."""
    target = combo.findText(text)
    assert target >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def sign_on(pad, dy: int = 0) -> None:
    """A zig-zag drawn with real mouse events on the signature pad."""
    start = QPoint(60, 80 + dy)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 25):
        QTest.mouseMove(pad, QPoint(60 + i * 14, 80 + dy + (30 if i % 2 else -10)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 90 + dy))


def log_in(qtbot, runner, path: Path, username: str, password: str, *, device_password: str = "",
           new_password: str = ""):
    """The login the app shows for ``path`` (ui/app.py: a vaulted project is opened by the login itself):
    types the name and password, the device password when the dialog asks for it (a user with no key slot
    on this machine yet), and a new password when the user must change theirs. Returns (db, actor)."""
    from survey_app.core.services import project_files
    from survey_app.core.services.startup import open_database
    from survey_app.ui.login_dialog import LoginDialog

    if project_files.is_real_project(path):
        dialog = LoginDialog(None, runner, project_name=path.stem, db_path=path)
    else:
        dialog = LoginDialog(open_database(path), runner, project_name=path.stem)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.username, username)
    type_text(qtbot, dialog.password, password)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.actor is not None or dialog.error_label.isVisible()
                    or (dialog.change_dialog is not None and dialog.change_dialog.isVisible()), timeout=WAIT)
    if dialog.actor is None and dialog.device_password.isVisible():
        assert device_password, dialog.error_label.text()
        if dialog.password.text() != password:  # kept after the request for the device password
            dialog.password.clear()
            type_text(qtbot, dialog.password, password)
        type_text(qtbot, dialog.device_password, device_password)
        dialog.error_label.hide()
        click(qtbot, dialog.login_button)
        qtbot.waitUntil(lambda: dialog.actor is not None or dialog.error_label.isVisible()
                        or (dialog.change_dialog is not None and dialog.change_dialog.isVisible()), timeout=WAIT)
    if dialog.actor is None and dialog.change_dialog is not None and dialog.change_dialog.isVisible():
        assert new_password, "the login asks for a new password"
        change = dialog.change_dialog
        type_text(qtbot, change.new_password, new_password)
        type_text(qtbot, change.confirm, new_password)
        click(qtbot, change.ok_button)
        qtbot.waitUntil(lambda: dialog.actor is not None or change.error_label.text() != "", timeout=WAIT)
    assert dialog.actor is not None, dialog.error_label.text()
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog.db, dialog.actor


def open_window(qtbot, app, db, actor, runner):
    """The main window as the app opens it after the login (ui/app.py Session)."""
    from survey_app.ui.app import Session, _project_name

    session = Session(app, db, runner, project=_project_name(db))
    window = session.open_window(actor)
    qtbot.addWidget(window)
    window.resize(1366, 738)
    qtbot.waitExposed(window)
    return window
