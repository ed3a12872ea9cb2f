"""Payments, the 过渡期 and 房票 use through the real services on a real SQLite file: exact money, over-payment
refused, roles enforced, every write audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from money_helpers import HQ, SIGN_DAY, SUPERVISOR, WORKER, agreement_of, set_today
from sqlalchemy import func, select

from survey_app.core.domain.errors import PermissionDenied, ValidationError
from survey_app.core.services import money, transition, vouchers
from survey_app.core.services.handover import record_handover
from survey_app.core.storage.models import AuditEvent


def test_instalments_add_up_exactly_and_over_payment_is_refused(signed_db) -> None:
    hid, number, net = agreement_of(signed_db, "A2-0004")
    first = Decimal("100000.01")
    p1 = money.record_payment(signed_db, HQ, number, "100,000.01", SIGN_DAY, bank_ref="TX-1")
    assert (p1.instalment, p1.amount, p1.kind) == (1, first, "compensation")
    rest = net - first
    with pytest.raises(ValidationError, match="超额付款") as refused:
        money.record_payment(signed_db, HQ, number, rest + Decimal("0.01"), SIGN_DAY, method="cash", receipt_no="R2")
    assert f"{net:,}" in str(refused.value)
    p2 = money.record_payment(signed_db, HQ, number, rest, SIGN_DAY, method="cash", receipt_no="R2")
    assert p2.instalment == 2
    summary = money.paid_summary(signed_db, hid)
    assert summary.paid == net and summary.outstanding == Decimal("0.00") and summary.last_paid_on == SIGN_DAY
    with pytest.raises(ValidationError, match="超额付款"):
        money.record_payment(signed_db, HQ, number, "0.01", SIGN_DAY, bank_ref="TX-3")
    with signed_db.read() as s:
        stored = s.connection().exec_driver_sql("SELECT sum(amount) FROM payments").scalar()
        events = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "payments"))
    assert stored == int(net * 100) and events == 2  # integer fen, one audit event per payment


@pytest.mark.parametrize("bad, why", [("0", "大于零"), ("-5", "大于零"), ("1.001", "两位小数"), ("abc", "不是有效数字")])
def test_amounts_are_exact_or_refused(signed_db, bad: str, why: str) -> None:
    _hid, number, _net = agreement_of(signed_db, "A2-0004")
    with pytest.raises(ValidationError, match=why):
        money.record_payment(signed_db, HQ, number, bad, SIGN_DAY, bank_ref="TX")


def test_only_hq_records_payments(signed_db) -> None:
    _hid, number, _net = agreement_of(signed_db, "A2-0004")
    for actor in (WORKER, SUPERVISOR):
        with pytest.raises(PermissionDenied, match="指挥部管理员"):
            money.record_payment(signed_db, actor, number, "1.00", SIGN_DAY, bank_ref="TX")


def test_payment_details_are_checked(signed_db) -> None:
    _hid, number, _net = agreement_of(signed_db, "A2-0004")
    with pytest.raises(ValidationError, match="流水号"):
        money.record_payment(signed_db, HQ, number, "1.00", SIGN_DAY)
    with pytest.raises(ValidationError, match="凭证号"):
        money.record_payment(signed_db, HQ, number, "1.00", SIGN_DAY, method="cash")
    with pytest.raises(ValidationError, match="晚于今天"):
        money.record_payment(signed_db, HQ, number, "1.00", SIGN_DAY + dt.timedelta(days=1), bank_ref="TX")
    with pytest.raises(ValidationError, match="早于协议签订"):
        money.record_payment(signed_db, HQ, number, "1.00", SIGN_DAY - dt.timedelta(days=1), bank_ref="TX")
    with pytest.raises(Exception, match="没有编号"):
        money.record_payment(signed_db, HQ, "NO-SUCH", "1.00", SIGN_DAY, bank_ref="TX")


def test_a_cancelled_payment_frees_its_amount_but_not_its_number(signed_db) -> None:
    hid, number, net = agreement_of(signed_db, "A2-0004")
    p = money.record_payment(signed_db, HQ, number, net, SIGN_DAY, bank_ref="TX-1")
    with pytest.raises(PermissionDenied):
        money.cancel_payment(signed_db, SUPERVISOR, p.id, "录错")
    money.cancel_payment(signed_db, HQ, p.id, "金额录错")
    assert money.paid_summary(signed_db, hid).paid == Decimal("0.00")
    again = money.record_payment(signed_db, HQ, number, net, SIGN_DAY, bank_ref="TX-2")
    assert again.instalment == 2 and [x.instalment for x in money.payments_of(signed_db, hid)] == [2]


def test_exchange_transition_owes_months_beyond_the_agreement(signed_db, monkeypatch) -> None:
    hid, number, _net = agreement_of(signed_db, "B2-0003")
    record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY)
    st = transition.transition_status(signed_db, hid, SIGN_DAY)
    assert st.start_on == SIGN_DAY and st.agreement_months > 0 and st.agreement_fee > 0
    due = transition.add_months(SIGN_DAY, st.agreement_months)
    assert st.flat_due_on == due and not st.overdue_delivery and st.owed == Decimal("0.00")
    later = transition.add_months(due, 2) + dt.timedelta(days=1)  # two months and a day past due: 3 months begun
    st = transition.transition_status(signed_db, hid, later)
    assert st.overdue_delivery and st.months_owed == 3
    expected = (st.agreement_fee * 3 / st.agreement_months).quantize(Decimal("0.01"))
    assert st.owed == expected
    set_today(monkeypatch, later)
    money.record_payment(signed_db, HQ, number, expected, later, kind="transition", bank_ref="GD-1")
    with pytest.raises(ValidationError, match="应付过渡费"):
        money.record_payment(signed_db, HQ, number, "0.01", later, kind="transition", bank_ref="GD-2")
    transition.set_transition(signed_db, HQ, hid, flat_delivered_on=later)
    st = transition.transition_status(signed_db, hid, later + dt.timedelta(days=90))
    assert st.months_owed == 3 and st.balance == Decimal("0.00") and not st.overdue_delivery
    assert transition.overdue_deliveries(signed_db, later) == []


def test_cash_households_owe_no_transition_beyond_the_agreement(signed_db) -> None:
    hid, number, _net = agreement_of(signed_db, "A2-0004")
    record_handover(signed_db, SUPERVISOR, hid, SIGN_DAY)
    st = transition.transition_status(signed_db, hid, SIGN_DAY + dt.timedelta(days=800))
    assert st.months_owed == 0 and st.owed == Decimal("0.00") and st.flat_due_on is None
    with pytest.raises(ValidationError, match="产权调换"):
        transition.set_transition(signed_db, HQ, hid, flat_delivered_on=SIGN_DAY)


def test_months_begun() -> None:
    d = dt.date(2023, 1, 31)
    assert [transition.months_begun(d, e) for e in (d, dt.date(2023, 2, 1), dt.date(2023, 2, 28),
                                                    dt.date(2023, 3, 1), dt.date(2023, 3, 31))] == [0, 1, 1, 2, 2]
    assert transition.add_months(d, 1) == dt.date(2023, 2, 28)


def test_voucher_issue_use_and_expiry(signed_db, monkeypatch) -> None:
    _hid, number, _net = agreement_of(signed_db, "C1-0003")
    _cash_hid, cash_number, _ = agreement_of(signed_db, "A2-0004")
    with pytest.raises(ValidationError, match="不是房票安置"):
        vouchers.issue_voucher(signed_db, HQ, cash_number, "FP-0", SIGN_DAY)
    with pytest.raises(PermissionDenied):
        vouchers.issue_voucher(signed_db, SUPERVISOR, number, "FP-1", SIGN_DAY)
    v = vouchers.issue_voucher(signed_db, HQ, number, "FP-1", SIGN_DAY)
    assert v.face_value > 0 and v.status == "issued"
    if v.valid_until is not None:
        assert [x.number for x in vouchers.expiring(signed_db, v.valid_until - dt.timedelta(days=10))] == ["FP-1"]
    assert vouchers.expiring(signed_db, SIGN_DAY, days=0) == [] or v.valid_until == SIGN_DAY
    with pytest.raises(ValidationError, match="超过房票面额"):
        vouchers.use_voucher(signed_db, HQ, "FP-1", SIGN_DAY, v.face_value + Decimal("0.01"))
    used = vouchers.use_voucher(signed_db, HQ, "FP-1", SIGN_DAY, v.face_value)
    assert used.status == "used" and used.used_amount == v.face_value
    assert vouchers.expiring(signed_db, SIGN_DAY, days=100000) == []
