"""The 台账's payment and handover columns and the dashboard's paid / grievance figures, read back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from money_helpers import HQ, SIGN_DAY, SUPERVISOR, WORKER, agreement_of, set_today
from openpyxl import load_workbook

from survey_app.core.services import grievances as gv
from survey_app.core.services import money
from survey_app.core.services.handover import record_handover
from survey_app.core.services.reports import count_households, dashboard, ledger_xlsx


def test_ledger_shows_paid_last_payment_and_handover(signed_db, tmp_path: Path, monkeypatch) -> None:
    hid, number, net = agreement_of(signed_db, "A2-0004")
    _x, other, _n = agreement_of(signed_db, "B2-0003")
    later = SIGN_DAY + dt.timedelta(days=20)
    set_today(monkeypatch, later)
    money.record_payment(signed_db, HQ, number, "300000.00", SIGN_DAY, bank_ref="TX-1")
    money.record_payment(signed_db, HQ, number, "0.05", later, method="cash", receipt_no="R-9")
    cancelled = money.record_payment(signed_db, HQ, other, "7.00", later, bank_ref="TX-X")
    money.cancel_payment(signed_db, HQ, cancelled.id, "录错户")
    record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY + dt.timedelta(days=3))
    out = tmp_path / "台账.xlsx"
    ledger_xlsx(signed_db, out)
    ws = load_workbook(out)["台账"]
    header = [c.value for c in ws[1]]
    paid_col, last_col, handed_col = (header.index(h) for h in ("已付金额(元)", "末次付款日期", "交房日期"))
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=ws.max_row - 1)}
    row = rows["A2-0004"]
    assert Decimal(str(row[paid_col].value)).quantize(Decimal("0.01")) == Decimal("300000.05")
    assert row[paid_col].number_format == "#,##0.00" and row[last_col].number_format == "yyyy-mm-dd"
    assert row[last_col].value.date() == later and row[handed_col].value.date() == SIGN_DAY + dt.timedelta(days=3)
    assert rows["B2-0003"][paid_col].value is None and rows["B2-0003"][handed_col].value is None
    totals = ws[ws.max_row]
    assert Decimal(str(totals[paid_col].value)).quantize(Decimal("0.01")) == Decimal("300000.05")


def test_dashboard_paid_vs_committed_and_grievances(signed_db, monkeypatch) -> None:
    hid, number, net = agreement_of(signed_db, "A2-0004")
    other_hid, _o, _n = agreement_of(signed_db, "C1-0003")
    money.record_payment(signed_db, HQ, number, net, SIGN_DAY, bank_ref="TX-1")
    g1 = gv.add_grievance(signed_db, WORKER, hid, "dispute", "面积争议", due_on=SIGN_DAY + dt.timedelta(days=5))
    gv.follow_up(signed_db, WORKER, g1.id, "已上门解释")
    g2 = gv.add_grievance(signed_db, WORKER, other_hid, "complaint", "噪音")
    g3 = gv.add_grievance(signed_db, WORKER, other_hid, "petition", "补偿标准", due_on=SIGN_DAY)
    gv.close_grievance(signed_db, HQ, g3.id, "已答复")
    d = dashboard(signed_db, today=SIGN_DAY + dt.timedelta(days=10))
    assert d.paid_total == net and d.paid_households.value == 1
    assert d.money_total >= d.paid_total
    assert d.open_grievances.value == 2  # 待处理 and 跟进中 count, 已办结 does not
    assert count_households(signed_db, d.open_grievances.scope) == 2
    assert d.overdue_grievances.value == 1 and count_households(signed_db, d.overdue_grievances.scope) == 1
    assert dashboard(signed_db, today=SIGN_DAY).overdue_grievances.value == 0
    assert '"paid_total": "' + str(net) + '"' in d.as_json()
    assert g2.status == "open"
