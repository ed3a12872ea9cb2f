"""Grab HQ's 总览 dashboard, the 台账 as exported, and the 付款登记 dialog (payments, 房票) to PNG (DESIGN §9).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_hq_money.py [--out DIR]

The project is the tests' signed demo (tests/reports/conftest.py: 60 households, seed 3, four agreements
signed, one voided and issued again, a 60 % target), plus the 房票安置 household C1-0003 signed, two
instalments paid on A2-0004 and a voucher issued and partly used — all through the real services, the
project day being 2023-07-01. Writes hq_money_01_dashboard.png … hq_money_04_voucher.png beside this file.

The 台账 grab is a preview of the exported .xlsx read back with openpyxl (the first rows and the 合计 row
with the file's number formats), drawn here because no spreadsheet program is installed on the build
machine; the app itself writes the file (总览 → 导出台账…).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
DAY = dt.date(2023, 7, 1)


def _project(path: Path):
    """The signed demo project, plus a 房票 household and payments (see the module docstring)."""
    from sqlalchemy import select

    from survey_app.core.services import money, vouchers
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database
    from survey_app.core.storage.models import Agreement, Household
    from tests.reports.conftest import HQ, WORKER, sign_fixture_project

    db = Database(path)
    create_demo(db, households=60, seed=3)
    sign_fixture_project(db)
    with db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.household_code == "C1-0003"))
    info = lifecycle.prepare(db, WORKER, hid)
    lifecycle.record_print(db, WORKER, info.id, 1)
    signed = lifecycle.sign(db, WORKER, info.id, on=DAY)
    v = vouchers.issue_voucher(db, HQ, signed.number, "FP-2023-0001", DAY)
    vouchers.use_voucher(db, HQ, v.number, DAY, (v.face_value - Decimal("12000.00")).quantize(Decimal("0.01")))
    with db.read() as s:
        numbers = dict(s.execute(select(Household.household_code, Agreement.number).join(
            Agreement, Agreement.household_id == Household.id).where(Agreement.status == "signed")).all())
    money.record_payment(db, HQ, numbers["A2-0004"], "300000.00", DAY, bank_ref="ICBC-20230701-0042")
    money.record_payment(db, HQ, numbers["A2-0004"], "150000.00", DAY, method="cheque", receipt_no="ZP-0007")
    return db


def _ledger_preview(path: Path, rows: int = 22):
    """A table of the exported 台账 read back with openpyxl: header, the first rows, the 合计 row."""
    from openpyxl import load_workbook
    from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

    ws = load_workbook(path)["台账"]
    values = list(ws.iter_rows(values_only=False))
    header, body, total = values[0], values[1:rows + 1], values[-1]
    model = QStandardItemModel(0, len(header))
    model.setHorizontalHeaderLabels([str(c.value) for c in header])

    def text(cell) -> str:
        v = cell.value
        if v is None:
            return ""
        if isinstance(v, dt.datetime):
            return v.date().isoformat()
        if isinstance(v, (int, float)) and cell.number_format in ("#,##0.00", "0.00"):
            d = Decimal(str(v)).quantize(Decimal("0.01"))
            return f"{d:,.2f}" if cell.number_format == "#,##0.00" else f"{d:.2f}"
        return str(v)

    bold = QFont()
    bold.setBold(True)
    for row in [*body, total]:
        items = [QStandardItem(text(c)) for c in row]
        if row is total:
            for it in items:
                it.setFont(bold)
        model.appendRow(items)
    page = QWidget()
    page.setWindowTitle("台账.xlsx")
    note = QLabel(f"台账.xlsx（{ws.max_row - 2} 户；前 {rows} 行与合计行，openpyxl 读回；表头冻结、自动筛选）", page)
    view = QTableView(page)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(24)
    view.resizeColumnsToContents()
    layout = QVBoxLayout(page)
    layout.addWidget(note)
    layout.addWidget(view)
    page._model = model  # keep it alive
    return page


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="shots_hq_money_"))
    os.environ["SURVEY_APP_DATA"] = str(tmp / "data")

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from survey_app.core.domain import china_time
    from survey_app.core.services import devices, reports, users
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.kit import theme
    from survey_app.ui.main_window import MainWindow
    from survey_app.ui.money.payment_dialog import PaymentDialog
    from survey_app.ui.pages import navigation as nav
    from survey_app.ui.task_runner import TaskRunner

    china_time.today = lambda: DAY  # the demo policy's signing period (as the tests do)
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    theme.apply(app)
    i18n.install_translators(app, "zh_CN")
    db = _project(tmp / "hq.sqlite3")
    runner = TaskRunner()
    saved: list[Path] = []

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

    def shot(widget, name: str) -> None:
        settle()
        path = args.out / f"hq_money_{len(saved) + 1:02d}_{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    actor = users.login(db, "hq", "hq123456", device=devices.local_device_code(db))
    window = MainWindow(db, actor, runner=runner)
    window.resize(1366, 768)
    window.show()
    window.rail.buttons[nav.PROJECT].click()
    dashboard = window.pages[nav.PROJECT].widget(0)
    wait(lambda: dashboard.dash is not None and not dashboard._loading)
    shot(window, "dashboard")

    ledger = tmp / "台账.xlsx"
    reports.ledger_xlsx(db, ledger)
    preview = _ledger_preview(ledger)
    preview.resize(1366, 720)
    preview.show()
    shot(preview, "ledger")
    preview.close()

    codes = {h.household_code: h.id for h in reports.households_in(db, reports.Scope(statuses=("signed",)))}
    for code, name in (("A2-0004", "payments"), ("C1-0003", "voucher")):
        dialog = PaymentDialog(db, actor, runner, str(codes[code]), code, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        shot(dialog, name)
        dialog.close()
    window.close()
    runner.shutdown()
    db.dispose()
    print("saved", *saved, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
