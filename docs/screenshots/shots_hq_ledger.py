"""Grab HQ's 台账 tab (the ledger preview inside the app) to PNG at 1366×768 and 1024×768 (DESIGN §9).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_hq_ledger.py [--out DIR]

The project is that of shots_hq_money.py (the tests' signed demo, a 房票 household, two instalments paid
on A2-0004; project day 2023-07-01). Writes hq_ledger_preview.png (1366×768, scrolled to the signed rows),
hq_ledger_preview-1024.png (1024×768, scrolled right to the money columns: 户号 and 户主 stay) beside this file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="shots_hq_ledger_"))
    os.environ["SURVEY_APP_DATA"] = str(tmp / "data")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from shots_hq_money import DAY, _project

    from survey_app.core.domain import china_time
    from survey_app.core.services import devices, users
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.kit import theme
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.pages import navigation as nav
    from survey_app.ui.task_runner import TaskRunner

    china_time.today = lambda: DAY
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    theme.apply(app)
    i18n.install_translators(app, "zh_CN")
    db = _project(tmp / "hq.sqlite3")
    runner = TaskRunner()

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(condition, ms: int = 30_000) -> None:
        for _ in range(ms // 50):
            if condition():
                return
            settle(50)
        raise TimeoutError("the window did not get there")

    actor = users.login(db, "hq", "hq123456", device=devices.local_device_code(db))
    window = MainWindow(db, actor, runner=runner)
    window.resize(1366, 768)
    window.show()
    window.rail.buttons[nav.PROJECT].click()
    tabs = window.pages[nav.PROJECT]
    ledger = tabs.findChild(type(tabs.widget(1)), "hqLedgerTab")
    tabs.setCurrentWidget(ledger)
    wait(ledger.totals_ready)
    first_signed = next(r for r in range(ledger.model.rowCount())
                        if ledger.model.data(ledger.model.index(r, 13)) == "已签订")
    ledger.table.selectRow(first_signed)
    ledger.table.scrollTo(ledger.model.index(max(first_signed - 3, 0), 0))
    settle()
    saved = [args.out / "hq_ledger_preview.png", args.out / "hq_ledger_preview-1024.png"]
    window.grab().save(str(saved[0]))
    window.resize(1024, 768)
    settle()
    ledger.table.horizontalScrollBar().setValue(ledger.table.horizontalScrollBar().maximum())
    settle()
    window.grab().save(str(saved[1]))
    window.close()
    runner.shutdown()
    db.dispose()
    print("saved", *saved, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
