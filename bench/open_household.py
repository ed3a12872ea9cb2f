"""Opening a household in the editor: Enter on a row of the real 住户 page → the editor painted, fields filled.

``python -m bench open_household [--json] [--households 100000] [--runs 15]``

The real main window (logged in as the field worker, 1366×768 offscreen screen, the app's font) lists
the cached demo database; a row is selected (and its detail loaded) untimed, then Enter is pressed on the
list with QTest. Timed: from that key press to the end of the editor dialog's first paint — the page
asks the main window to open the editor, the dialog is built and its fields filled from the database
(``store.load_form``, ``households.get_detail``, the policy menus, the draft check, the photo strip), it
is opened (window-modal) and painted. The editor is then closed (Esc's path, nothing changed) untimed.

* **first** — the first open in the process: the editor's modules are imported and its widgets
  created and styled for the first time (what the first household of the day costs);
* **warm** — median (and max) of ``--runs`` further opens of other households spread over the list.

Baseline, same run, interleaved open by open for the same household: plain ``sqlite3`` reads the
household's row and its rows in every table with a ``household_id`` column (members, tenures, building
parts, fixtures, items, businesses, appraisals, photos, agreements, drafts, …), and a bare QDialog
(same parent, same size) gets as many QLineEdits as the real editor has input fields for that household
(line edits, combo boxes, spin boxes, check boxes, text boxes), filled with those values, opened and
painted — measured the same way. Its first open is the bare dialog's first in the process. Budget
(DESIGN §8): 150 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

from bench.common import PaintCounter, RealWindow, count_label, demo_copy, settle, wait_until
from bench.figures import Figure, median

BUDGET_MS = 150.0

SMOKE = ["--households", "60", "--runs", "2"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000, help="households in the database (100000)")
    parser.add_argument("--runs", type=int, default=15, help="warm opens (median reported)")


def _child_tables(conn: sqlite3.Connection) -> list[str]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [t for t in tables if any(c[1] == "household_id" for c in conn.execute(f'PRAGMA table_info("{t}")'))]


def input_fields(dialog) -> int:
    """Input widgets of a dialog (line edits inside spin/combo boxes are part of those, not counted twice)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    count = 0
    for cls in (QLineEdit, QAbstractSpinBox, QComboBox, QCheckBox, QPlainTextEdit, QTextEdit):
        for w in dialog.findChildren(cls):
            if cls is QLineEdit and isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
                continue
            count += 1
    return count


def _wait_painted(dialog) -> None:
    """Run the event loop until ``dialog`` has had its first paint (the whole paint pass is then done)."""
    painted = PaintCounter(dialog)
    wait_until(lambda: painted.count > 0, timeout=30, what="the dialog's first paint")


def _bare_open(parent, conn: sqlite3.Connection, tables: list[str], household_id: str, fields: int,
               size) -> float:
    """The baseline: raw reads of the household's rows, a bare QDialog of ``fields`` filled QLineEdits."""
    from PySide6.QtWidgets import QDialog, QGridLayout, QLineEdit

    started = time.perf_counter()
    values: list[str] = []
    for row in conn.execute("SELECT * FROM households WHERE id = ?", (household_id,)):
        values += [str(v) for v in row]
    for t in tables:
        for row in conn.execute(f'SELECT * FROM "{t}" WHERE household_id = ?', (household_id,)):
            values += [str(v) for v in row]
    dialog = QDialog(parent)
    dialog.resize(size)
    grid = QGridLayout(dialog)
    for i in range(fields):
        edit = QLineEdit(dialog)
        edit.setText(values[i % len(values)])
        grid.addWidget(edit, i // 6, i % 6)
    dialog.open()
    _wait_painted(dialog)
    elapsed = (time.perf_counter() - started) * 1000
    dialog.reject()
    dialog.deleteLater()
    settle()
    return elapsed


def run(args: argparse.Namespace) -> list[Figure]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    path, generated = demo_copy(args.households)  # RealWindow logs in: a copy of its own
    real = RealWindow(path)
    window, page = real.window, real.page
    raw = sqlite3.connect(Path(path))
    raw.execute("PRAGMA cache_size=-65536")
    tables = _child_tables(raw)
    rows = page.model.rowCount()
    opens = min(args.runs + 1, rows)
    app_ms: list[float] = []
    bare_ms: list[float] = []
    fields: list[int] = []
    try:
        for i in range(opens):
            row = (i * rows) // opens
            page.table.select_row(row)
            key = page.model.key_at(row)
            wait_until(lambda k=key: page.detail.key == k and page.detail.detail is not None, what="the detail")
            household_id = page.current_id()
            page.table.setFocus(Qt.FocusReason.OtherFocusReason)
            settle()
            window.editor = None
            started = time.perf_counter()
            QTest.keyClick(page.table, Qt.Key.Key_Return)
            editor = window.editor
            if editor is None:
                raise RuntimeError("Enter on the list opened no editor")
            _wait_painted(editor)
            app_ms.append((time.perf_counter() - started) * 1000)
            if editor.household_id != household_id:
                raise RuntimeError(f"the editor opened {editor.household_id}, not {household_id}")
            fields.append(input_fields(editor))
            size = editor.size()
            editor.reject()
            settle()
            bare_ms.append(_bare_open(window, raw, tables, household_id, fields[-1], size))
    finally:
        raw.close()
        real.close()
    warm, warm_bare = app_ms[1:] or app_ms, bare_ms[1:] or bare_ms
    n = count_label(args.households)
    figures = [
        Figure("open_household_first_ms", app_ms[0], "ms", budget=BUDGET_MS, baseline=bare_ms[0],
               baseline_label="raw reads + bare QDialog (first)"),
        Figure("open_household_warm_ms", median(warm), "ms", budget=BUDGET_MS, baseline=median(warm_bare),
               baseline_label="raw reads + bare QDialog"),
        Figure("open_household_warm_max_ms", max(warm), "ms", budget=BUDGET_MS, baseline=max(warm_bare),
               baseline_label="raw reads + bare QDialog"),
        Figure("open_household_fields", median([float(f) for f in fields]), "input fields (median)"),
        Figure("open_household_opens", float(len(app_ms)), f"opens over {n} households"),
    ]
    if generated is not None:
        figures.append(Figure(f"demo_generation_{n}_s", generated, f"s for {args.households:,} households"))
    return figures
