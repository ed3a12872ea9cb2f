"""Screenshot of the household editor (called by make_screenshots.py): ``grab(db, actor, runner, out_dir, lang)``.

Opens the editor on a surveyed demo household at the size it gets on a 1366×768 screen, types a
wrong check digit into a member's ID number (to show the inline message and the problems list),
and saves ``editor.png`` (``editor-en.png`` when lang is "en"). Nothing is saved to the database:
autosave is switched off and the dialog is dropped without saving. Needs a QApplication with the
app font and translators installed (make_screenshots.py does that).
"""

from __future__ import annotations

from pathlib import Path


def grab(db, actor, runner, out_dir: Path, lang: str) -> Path:
    from PySide6.QtCore import QEventLoop, QTimer

    from survey_app.core.domain.validation import resident_id_check_digit
    from survey_app.core.services import households
    from survey_app.ui.editor.household_editor import HouseholdEditorDialog

    def settle(ms: int = 200) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    keys = households.search_keys(db, households.HouseholdFilter(status="surveyed"))
    rows = households.fetch_rows(db, keys[:20])
    # a household with at least two members, so the wrong number sits in a second row under the head
    hid = next((rows[k].id for k in keys[:20] if rows[k].member_count >= 2), rows[keys[0]].id)
    dialog = HouseholdEditorDialog(db, actor, runner, hid)
    dialog.autosave.enabled = False  # a screenshot must not leave a draft behind
    dialog._pending_draft = None
    dialog.show()
    settle()
    table = dialog.members.table
    row = table.rows[1] if len(table.rows) > 1 else table.add_row()
    edit = row.widgets["id_number"]
    number = edit.text()[:17] or "43010219850612351"
    right = resident_id_check_digit(number)
    edit.setFocus()
    edit.setText(number + ("1" if right != "1" else "2"))
    edit.setProperty("touched", True)
    dialog.validate()
    settle(300)
    out = Path(out_dir) / ("editor.png" if lang == "zh_CN" else f"editor-{lang}.png")
    dialog.grab().save(str(out))
    dialog.photos.strip.shutdown()
    dialog.hide()
    dialog.deleteLater()
    return out


if __name__ == "__main__":  # xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_editor.py DB [en]
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from PySide6.QtWidgets import QApplication

    from survey_app.core.services import devices, startup, users
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.task_runner import TaskRunner

    app = QApplication(sys.argv[:1])
    install_app_font(app)
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    i18n.install_translators(app, language)
    database = startup.open_database(Path(sys.argv[1]))
    task_runner = TaskRunner()
    worker = users.login(database, "worker", "worker123", device=devices.local_device_code(database))
    print("saved", grab(database, worker, task_runner, Path(__file__).parent, language))
    task_runner.shutdown()
