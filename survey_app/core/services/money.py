"""补偿款支付: HQ records what was paid on each signed agreement (issue 14 item 3).

* Only an HQ administrator records or cancels a payment (finance sits at HQ; a laptop never authors one,
  sync/rights.py). Every write goes through the unit of work, so each payment is an audit event.
* A payment belongs to a *signed* agreement and is either part of its settlement (``compensation``:
  the 结算金额, the agreement's ``net``) or transition fee owed beyond the months the agreement already
  paid (``transition``: core/services/transition.py computes what is owed).
* Money is exact: amounts are Decimal with at most two places (a third place is refused, never rounded);
  the settlement payments of an agreement never add up to more than its 结算金额, and transition
  payments never to more than the transition fee owed on the payment's day. Over-payment is refused
  naming the three figures.
* A bank transfer needs its 转账流水号; cash and cheque need a receipt/voucher number (凭证号).
* A payment entered by mistake is cancelled (tombstoned, with a reason in the audit chain), never edited;
  the next payment takes the next instalment number.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
from survey_app.core.domain.money import format_yuan, parse_decimal
from survey_app.core.domain.roles import Role
from survey_app.core.domain.written import Written, done
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Household, Payment
from survey_app.core.storage.uow import Actor, ChangeSet

ZERO = Decimal("0.00")
KINDS = {"compensation": "补偿款", "transition": "过渡费"}
METHODS = {"bank": "银行转账", "cash": "现金", "cheque": "支票"}


def require_finance(actor: Actor, what: str = "登记付款") -> None:
    """Payments are HQ's: refuse anyone but an HQ administrator (in Chinese)."""
    if Role(actor.role) is not Role.HQ_ADMIN:
        raise PermissionDenied(f"{Role(actor.role).label}无权{what}：补偿款支付只能由指挥部管理员登记")


@dataclass(frozen=True)
class PaymentInfo(Written):
    id: str
    agreement_number: str
    household_code: str
    kind: str
    instalment: int
    amount: Decimal
    paid_on: dt.date
    method: str
    receipt_no: str
    bank_ref: str
    recorded_by: str
    note: str = ""


@dataclass(frozen=True)
class PaidSummary:
    """What an agreement's household was paid: settlement against the 结算金额, and transition fee."""

    agreement_number: str
    net: Decimal  # 结算金额 of the agreement
    paid: Decimal  # settlement paid so far
    transition_paid: Decimal
    last_paid_on: dt.date | None
    instalments: int

    @property
    def outstanding(self) -> Decimal:
        return max(self.net - self.paid, ZERO)


def amount_of(value: Decimal | str) -> Decimal:
    """An amount in yuan, exact: positive, at most two decimal places (refused, never rounded)."""
    if isinstance(value, float):
        raise TypeError("金额不能是浮点数")
    amount = value if isinstance(value, Decimal) else parse_decimal(str(value), "金额")
    if amount <= 0:
        raise ValidationError(f"金额须大于零：{value}", "amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(f"金额最多两位小数（精确到分）：{value}", "amount")
    return amount.quantize(Decimal("0.01"))


def signed_agreement(s: Session, number: str) -> tuple[Agreement, Household]:
    """The signed, live agreement numbered ``number`` and its household (NotFound / ValidationError)."""
    a = s.scalar(select(Agreement).where(Agreement.number == number.strip(), Agreement.deleted_at.is_(None)))
    if a is None:
        raise NotFound(f"没有编号为 {number} 的协议")
    if a.status != "signed":
        raise ValidationError(f"协议 {a.number} 不是已签订状态，不能登记付款")
    h = s.get(Household, a.household_id)
    if h is None or h.deleted_at is not None:
        raise NotFound("该协议的住户不存在或已删除")
    return a, h


def _paid(s: Session, agreement_id: uuid.UUID, kind: str) -> tuple[Decimal, int]:
    rows = s.scalars(select(Payment.amount).where(Payment.agreement_id == agreement_id, Payment.kind == kind,
                                                  Payment.deleted_at.is_(None))).all()
    return sum(rows, ZERO), len(rows)


def _next_instalment(s: Session, agreement_id: uuid.UUID, kind: str) -> int:
    # Cancelled payments keep their number: a number on a printed receipt is never reused.
    last = s.scalar(select(func.max(Payment.instalment)).where(Payment.agreement_id == agreement_id,
                                                                Payment.kind == kind))
    return int(last or 0) + 1


def record_payment(db: Database, actor: Actor, agreement_number: str, amount: Decimal | str, paid_on: dt.date, *,
                   method: str = "bank", receipt_no: str = "", bank_ref: str = "", kind: str = "compensation",
                   note: str = "") -> PaymentInfo:
    """Record one payment on a signed agreement (HQ administrators only); ``.changes`` is the commit's. Refuses, in Chinese: a payment
    that would take the settlement payments past the 结算金额 (or transition payments past what is owed),
    a date in the future or before signing, a bank transfer without its reference."""
    require_finance(actor)
    amount = amount_of(amount)
    if kind not in KINDS:
        raise ValidationError(f"付款类别应为：{'、'.join(KINDS.values())}", "kind")
    if method not in METHODS:
        raise ValidationError(f"付款方式应为：{'、'.join(METHODS.values())}", "method")
    receipt_no, bank_ref = receipt_no.strip(), bank_ref.strip()
    if method == "bank" and not bank_ref:
        raise ValidationError("银行转账须填写转账流水号", "bank_ref")
    if method != "bank" and not receipt_no:
        raise ValidationError(f"{METHODS[method]}付款须填写凭证号（收据号）", "receipt_no")
    if paid_on > china_time.today():
        raise ValidationError(f"付款日期 {paid_on.isoformat()} 晚于今天", "paid_on")
    with db.uow(actor) as uow:
        s = uow.session
        a, h = signed_agreement(s, agreement_number)
        if a.signed_at is not None and paid_on < a.signed_at.astimezone(china_time.CHINA).date():
            raise ValidationError(f"付款日期 {paid_on.isoformat()} 早于协议签订日期", "paid_on")
        paid, _n = _paid(s, a.id, kind)
        if kind == "compensation":
            limit, what = a.net, "协议结算金额"
            if limit <= 0:
                raise ValidationError(f"协议 {a.number} 结算金额为 {format_yuan(limit)} 元，无需向被征收人支付补偿款")
        else:
            from survey_app.core.services.transition import owed_in

            limit, what = owed_in(s, h, a, paid_on), "应付过渡费"
        if paid + amount > limit:
            raise ValidationError(
                f"超额付款：协议 {a.number} 已付{KINDS[kind]} {format_yuan(paid)} 元，本次 {format_yuan(amount)} 元，"
                f"合计超过{what} {format_yuan(limit)} 元", "amount")
        p = Payment(household_id=h.id, agreement_id=a.id, kind=kind, instalment=_next_instalment(s, a.id, kind),
                    amount=amount, paid_on=paid_on, method=method, receipt_no=receipt_no, bank_ref=bank_ref,
                    recorded_by=actor.username, note=note.strip())
        s.add(p)
        s.flush()
        info = _info(p, a.number, h.household_code)
        return done(info, uow.commit())


def cancel_payment(db: Database, actor: Actor, payment_id: str | uuid.UUID, reason: str) -> ChangeSet:
    """Cancel a payment entered by mistake (HQ; a reason is required): tombstoned and audited, never edited."""
    require_finance(actor, "撤销付款")
    if not reason.strip():
        raise ValidationError("撤销付款须填写原因", "reason")
    pid = payment_id if isinstance(payment_id, uuid.UUID) else uuid.UUID(str(payment_id))
    with db.uow(actor) as uow:
        p = uow.session.get(Payment, pid)
        if p is None or p.deleted_at is not None:
            raise NotFound("该付款记录不存在或已撤销")
        uow.tombstone(p)
        uow.record("cancel_payment", "payments", pid.hex, {"reason": reason.strip()})
        return uow.commit()


def _info(p: Payment, number: str, code: str) -> PaymentInfo:
    return PaymentInfo(p.id.hex, number, code, p.kind, p.instalment, p.amount, p.paid_on, p.method, p.receipt_no,
                       p.bank_ref, p.recorded_by, p.note or "")


def payments_of(db: Database, household_id: str | uuid.UUID) -> list[PaymentInfo]:
    """The household's live payments, oldest first."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        rows = s.execute(select(Payment, Agreement.number, Household.household_code)
                         .join(Agreement, Agreement.id == Payment.agreement_id)
                         .join(Household, Household.id == Payment.household_id)
                         .where(Payment.household_id == hid, Payment.deleted_at.is_(None))
                         .order_by(Payment.paid_on, Payment.kind, Payment.instalment)).all()
        return [_info(p, number, code) for p, number, code in rows]


def paid_summary(db: Database, household_id: str | uuid.UUID) -> PaidSummary | None:
    """Paid against the household's signed agreement (None without one)."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        a = s.scalar(select(Agreement).where(Agreement.household_id == hid, Agreement.status == "signed",
                                             Agreement.deleted_at.is_(None)).order_by(Agreement.signed_at.desc()))
        if a is None:
            return None
        paid, n = _paid(s, a.id, "compensation")
        transition, m = _paid(s, a.id, "transition")
        last = s.scalar(select(func.max(Payment.paid_on)).where(Payment.agreement_id == a.id,
                                                                 Payment.deleted_at.is_(None)))
        return PaidSummary(a.number, a.net, paid, transition, last, n + m)
