"""房票 use: HQ issues the housing voucher of a signed voucher agreement, records its use, lists those expiring.

* ``issue_voucher``: a signed agreement in 房票安置 mode gets one voucher; its face value is the one the
  agreement's calculation states (bonus included), valid for the months the policy gave it from the
  issue day (no expiry when the policy names none). The voucher number is HQ's (printed on the paper).
* ``use_voucher``: used on a day for an amount no larger than the face value (exact, to the fen).
* ``expiring``: issued, unused vouchers whose validity ends within ``days`` days (or has ended).
HQ administrators only; every write through the unit of work.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.domain import china_time
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.money import format_yuan
from survey_app.core.domain.written import Written, done
from survey_app.core.services.money import amount_of, require_finance, signed_agreement
from survey_app.core.services.transition import add_months
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Calculation, Household, Voucher
from survey_app.core.storage.uow import Actor


@dataclass(frozen=True)
class VoucherInfo(Written):
    number: str
    household_code: str
    face_value: Decimal
    issued_on: dt.date | None
    valid_until: dt.date | None
    status: str  # issued | used | expired | void
    used_on: dt.date | None
    used_amount: Decimal | None


@dataclass(frozen=True)
class VoucherState:
    """A household's 房票 as the money dialog shows it: its signed voucher agreement, the face value and
    validity its calculation gives, and the voucher issued on it (None before issuing)."""

    agreement_number: str
    face_value: Decimal | None  # the calculation's (bonus included); None when it states none
    valid_months: int | None
    voucher: VoucherInfo | None

    @property
    def left(self) -> Decimal | None:
        """What is left of the face value: all of it until used, face − used after; None before issuing."""
        v = self.voucher
        if v is None:
            return None
        return v.face_value - (v.used_amount or Decimal("0.00")) if v.status in ("issued", "used") else Decimal("0.00")


def voucher_state(db: Database, household_id: str | uuid.UUID) -> VoucherState | None:
    """The household's 房票 (None unless it has a signed agreement in 房票安置 mode). Read-only."""
    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        a = s.scalar(select(Agreement).where(Agreement.household_id == hid, Agreement.status == "signed",
                                             Agreement.deleted_at.is_(None)).order_by(Agreement.signed_at.desc()))
        if a is None or a.mode != "voucher":
            return None
        calc = s.get(Calculation, a.calculation_id)
        summary = Result.from_json(calc.result_json).voucher if calc is not None else None
        v = s.scalar(select(Voucher).where(Voucher.agreement_id == a.id, Voucher.deleted_at.is_(None),
                                           Voucher.status != "void"))
        code = s.get(Household, hid).household_code
        return VoucherState(a.number, summary.face_amount if summary else None,
                            summary.valid_months if summary else None, _info(v, code) if v is not None else None)


def _info(v: Voucher, code: str) -> VoucherInfo:
    return VoucherInfo(v.number, code, v.face_value, v.issued_on, v.valid_until, v.status, v.used_on, v.used_amount)


def issue_voucher(db: Database, actor: Actor, agreement_number: str, number: str, issued_on: dt.date) -> VoucherInfo:
    """Issue the 房票 of a signed voucher-mode agreement (HQ); ``.changes`` is the commit's."""
    require_finance(actor, "出具房票")
    number = number.strip()
    if not number:
        raise ValidationError("请填写房票编号", "number")
    if issued_on > china_time.today():
        raise ValidationError("出具日期晚于今天", "issued_on")
    with db.uow(actor) as uow:
        s = uow.session
        a, h = signed_agreement(s, agreement_number)
        if a.mode != "voucher":
            raise ValidationError(f"协议 {a.number} 不是房票安置，不能出具房票")
        if s.scalar(select(Voucher.id).where(Voucher.agreement_id == a.id, Voucher.deleted_at.is_(None),
                                             Voucher.status != "void")):
            raise ValidationError(f"协议 {a.number} 已出具房票")
        if s.scalar(select(Voucher.id).where(Voucher.number == number)):
            raise ValidationError(f"房票编号 {number} 已被使用")
        summary = Result.from_json(s.get(Calculation, a.calculation_id).result_json).voucher
        if summary is None:
            raise ValidationError(f"协议 {a.number} 的测算没有房票面额")
        until = add_months(issued_on, summary.valid_months) if summary.valid_months else None
        v = Voucher(household_id=h.id, agreement_id=a.id, number=number, face_value=summary.face_amount,
                    bonus_pct=summary.bonus_pct, valid_until=until, status="issued", holder_name=h.head_name,
                    issued_on=issued_on)
        s.add(v)
        s.flush()
        return done(_info(v, h.household_code), uow.commit())


def use_voucher(db: Database, actor: Actor, number: str, used_on: dt.date, amount: Decimal | str) -> VoucherInfo:
    """Record that a voucher was used (HQ): on a day within its validity, for at most its face value."""
    require_finance(actor, "登记房票使用")
    amount = amount_of(amount)
    with db.uow(actor) as uow:
        s = uow.session
        v = s.scalar(select(Voucher).where(Voucher.number == number.strip(), Voucher.deleted_at.is_(None)))
        if v is None:
            raise NotFound(f"没有编号为 {number} 的房票")
        if v.status != "issued":
            raise ValidationError(f"房票 {v.number} 当前不可使用（状态：{v.status}）")
        if used_on > china_time.today() or (v.issued_on and used_on < v.issued_on):
            raise ValidationError("使用日期应在出具日期与今天之间", "used_on")
        if v.valid_until is not None and used_on > v.valid_until:
            raise ValidationError(f"房票 {v.number} 已于 {v.valid_until.isoformat()} 过期")
        if amount > v.face_value:
            raise ValidationError(f"使用金额 {format_yuan(amount)} 元超过房票面额 {format_yuan(v.face_value)} 元")
        v.status, v.used_on, v.used_amount = "used", used_on, amount
        info = _info(v, s.get(Household, v.household_id).household_code)
        return done(info, uow.commit())


def expiring(db: Database, day: dt.date | None = None, days: int = 30) -> list[VoucherInfo]:
    """Issued, unused vouchers whose validity ends within ``days`` days of ``day`` (or already ended)."""
    day = day or china_time.today()
    with db.read() as s:
        rows = s.execute(select(Voucher, Household.household_code).join(Household, Household.id == Voucher.household_id)
                         .where(Voucher.status == "issued", Voucher.deleted_at.is_(None),
                                Voucher.valid_until.is_not(None),
                                Voucher.valid_until <= day + dt.timedelta(days=days))
                         .order_by(Voucher.valid_until, Voucher.number)).all()
        return [_info(v, code) for v, code in rows]
