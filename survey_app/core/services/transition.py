"""The 过渡期 (transition) of a signed household: months, 过渡费 owed and paid, overdue exchange flats.

Read from the signed agreement's own calculation and the policy version it was computed with (never
today's policy): the transition lines (item kinds ``transition`` / ``transition_per_person``) give the fee
the agreement already pays and the months it covers (``document_terms``: months by mode and flat
delivery). From that:

* 过渡期开始 = the ``transitions`` row's start (HQ sets or corrects it), else the 交房验收 day;
* 已过渡月数 = months begun from the start to today, or to the day the exchange flat was delivered
  (a month begun counts as a month: the common 不足一个月按一个月计 rule);
* for 产权调换 (exchange) only, the transition lasts until the flat is delivered: months beyond those the
  agreement paid are owed at the agreement's own monthly rate — 协议过渡费 × 超出月数 ÷ 协议月数, to the
  fen (half up); paid as payments of kind ``transition`` (core/services/money.py). Cash and voucher
  households find their own home: the agreement's months are all there is;
* 安置房逾期交付 = exchange, flat not delivered, and the day past start + the agreement's months.

A calculation without a transition line owes nothing here (and says so). Writes are HQ's (the
``transitions`` table never comes up from a laptop).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.domain import china_time
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.services.agreements.terms import document_terms
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (
    Agreement,
    Calculation,
    Handover,
    Household,
    Payment,
    PolicyVersion,
    Transition,
)
from survey_app.core.storage.uow import Actor, ChangeSet

ZERO = Decimal("0.00")
TRANSITION_KINDS = ("transition", "transition_per_person")


@dataclass(frozen=True)
class TransitionStatus:
    household_code: str
    agreement_number: str
    mode: str
    start_on: dt.date | None  # None: no handover and no start recorded yet
    agreement_months: int  # months of transition the agreement pays
    agreement_fee: Decimal  # the transition fee in the agreement (its transition lines)
    months_elapsed: int
    months_owed: int  # months beyond the agreement's, exchange only
    owed: Decimal  # 过渡费 owed beyond the agreement, to the day asked
    paid: Decimal  # payments of kind transition
    flat_due_on: dt.date | None  # exchange: start + the agreement's months
    flat_delivered_on: dt.date | None
    overdue_delivery: bool

    @property
    def balance(self) -> Decimal:
        return self.owed - self.paid


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clipped to the month's last day (1-31 + 1 month = 2-28/29)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def months_begun(start: dt.date, end: dt.date) -> int:
    """Months begun from ``start`` to ``end`` (a part month counts as one; 0 when end ≤ start)."""
    if end <= start:
        return 0
    n = max((end.year - start.year) * 12 + end.month - start.month - 1, 0)
    while add_months(start, n) < end:
        n += 1
    return n


def agreement_transition(s: Session, a: Agreement) -> tuple[int, Decimal]:
    """(months, fee) of transition in the agreement, from its calculation's lines and policy version."""
    from survey_app.core.services.calculations import policy_from_text

    calc = s.get(Calculation, a.calculation_id)
    if calc is None:
        return 0, ZERO
    pv = s.get(PolicyVersion, calc.policy_version_id) if calc.policy_version_id else None
    policy = policy_from_text(pv.content, pv.content_hash) if pv else None
    if policy is None:
        return 0, ZERO
    result = Result.from_json(calc.result_json)
    codes = {item.code for item in policy.items if item.kind in TRANSITION_KINDS}
    fee = sum((ln.amount for ln in result.lines if ln.code in codes), ZERO)
    return document_terms(result, policy).transition_months, fee


def _signed(s: Session, hid: uuid.UUID) -> Agreement:
    a = s.scalar(select(Agreement).where(Agreement.household_id == hid, Agreement.status == "signed",
                                         Agreement.deleted_at.is_(None)).order_by(Agreement.signed_at.desc()))
    if a is None:
        raise ValidationError("该户没有已签订的协议，没有过渡期")
    return a


def _row(s: Session, hid: uuid.UUID) -> Transition | None:
    return s.scalar(select(Transition).where(Transition.household_id == hid, Transition.deleted_at.is_(None))
                    .order_by(Transition.created_at.desc()))


def _start(s: Session, hid: uuid.UUID, row: Transition | None) -> dt.date | None:
    if row is not None:
        return row.start_on
    return s.scalar(select(Handover.handed_on).where(Handover.household_id == hid, Handover.deleted_at.is_(None))
                    .order_by(Handover.handed_on.desc()))


def status_in(s: Session, h: Household, a: Agreement, day: dt.date) -> TransitionStatus:
    """The household's transition as of ``day`` (inside an open session)."""
    row = _row(s, h.id)
    start = _start(s, h.id, row)
    months, fee = agreement_transition(s, a)
    delivered = row.flat_delivered_on if row is not None else None
    exchange = a.mode == "exchange"
    elapsed = months_begun(start, min(day, delivered) if delivered else day) if start else 0
    extra = max(elapsed - months, 0) if exchange and months else 0
    owed = (fee * extra / months).quantize(Decimal("0.01"), ROUND_HALF_UP) if extra else ZERO
    paid = sum(s.scalars(select(Payment.amount).where(Payment.agreement_id == a.id, Payment.kind == "transition",
                                                      Payment.deleted_at.is_(None))).all(), ZERO)
    due = add_months(start, months) if exchange and start and months else None
    return TransitionStatus(h.household_code, a.number, a.mode, start, months, fee, elapsed, extra, owed, paid, due,
                            delivered, bool(due and delivered is None and day > due))


def owed_in(s: Session, h: Household, a: Agreement, day: dt.date) -> Decimal:
    """过渡费 owed beyond the agreement up to ``day`` (the limit of transition payments)."""
    return status_in(s, h, a, day).owed


def _household(s: Session, household_id: str | uuid.UUID) -> Household:
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    h = s.get(Household, hid)
    if h is None or h.deleted_at is not None:
        raise NotFound("该住户不存在或已删除")
    return h


def transition_status(db: Database, household_id: str | uuid.UUID, day: dt.date | None = None) -> TransitionStatus:
    """The household's 过渡期 as of ``day`` (default: today in China)."""
    with db.read() as s:
        h = _household(s, household_id)
        return status_in(s, h, _signed(s, h.id), day or china_time.today())


def set_transition(db: Database, actor: Actor, household_id: str | uuid.UUID, *, start_on: dt.date | None = None,
                   flat_delivered_on: dt.date | None = None, note: str = "") -> ChangeSet:
    """HQ records or corrects the 过渡期 start and the day the exchange flat was delivered."""
    from survey_app.core.services.money import require_finance

    require_finance(actor, "登记过渡期")
    today = china_time.today()
    for value, label in ((start_on, "过渡期开始日期"), (flat_delivered_on, "安置房交付日期")):
        if value is not None and value > today:
            raise ValidationError(f"{label} {value.isoformat()} 晚于今天")
    with db.uow(actor) as uow:
        s = uow.session
        h = _household(s, household_id)
        a = _signed(s, h.id)
        row = _row(s, h.id)
        if row is None:
            start = start_on or _start(s, h.id, None)
            if start is None:
                raise ValidationError("还没有交房验收记录：请填写过渡期开始日期")
            row = Transition(household_id=h.id, agreement_id=a.id, start_on=start, note="")
            s.add(row)
        elif start_on is not None:
            row.start_on = start_on
        if flat_delivered_on is not None:
            if a.mode != "exchange":
                raise ValidationError("只有产权调换的住户才有安置房交付日期")
            if flat_delivered_on < row.start_on:
                raise ValidationError("安置房交付日期早于过渡期开始日期")
            row.flat_delivered_on = flat_delivered_on
        if note.strip():
            row.note = note.strip()
        return uow.commit()


def overdue_deliveries(db: Database, day: dt.date | None = None) -> list[TransitionStatus]:
    """Exchange households whose flat is past due and not delivered, in 户号 order."""
    day = day or china_time.today()
    out = []
    with db.read() as s:
        rows = s.execute(select(Household, Agreement).join(Agreement, Agreement.household_id == Household.id)
                         .where(Household.deleted_at.is_(None), Agreement.status == "signed",
                                Agreement.deleted_at.is_(None), Agreement.mode == "exchange")
                         .order_by(Household.household_code)).all()
        for h, a in rows:
            st = status_in(s, h, a, day)
            if st.overdue_delivery:
                out.append(st)
    return out
