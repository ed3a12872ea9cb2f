"""What 《国有土地上房屋征收与补偿条例》第二十五条 requires every agreement to state, worded for one household.

补偿方式, 补偿金额和支付期限, 用于产权调换房屋的地点和面积, 搬迁费, 临时安置费或者周转用房, 停产停业损失,
搬迁期限, 过渡方式和过渡期限 — each sentence is built from this household's stored lines and the terms
read from its calculation (months, moving times, delivery, voucher parts), so it is true for them: no
transition-fee sentence without a transition-fee line, no second move for cash, no business loss
claimed for a household without a business. Templates place the sentences with ``{placeholders}``
(values here are plain text; placeholders.py escapes them) and the ``[[terms]]`` block prints them as a
table. Pure functions, no reportlab.
"""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.documents.model import AgreementDoc
from survey_app.core.domain.money import format_area, format_yuan
from survey_app.core.domain.vocabulary import DELIVERY, MODE

MOVING = frozenset({"moving"})
TRANSITION = frozenset({"transition", "transition_per_person"})
BUSINESS = frozenset({"business_loss"})
VOUCHER_BONUS = frozenset({"voucher_bonus"})
ZERO = Decimal("0.00")


def amount_of(doc: AgreementDoc, kinds: frozenset[str]) -> Decimal | None:
    """Sum of the item lines of ``kinds``; None when the calculation has no such line."""
    found = [ln.amount for ln in doc.lines if ln.kind in kinds and ln.section != "flat"]
    return sum(found, ZERO) if found else None


def _yuan(amount: Decimal) -> str:
    return f"人民币{format_yuan(abs(amount))}元"


def _date(value) -> str:  # noqa: ANN001 - a date
    return f"{value.year}年{value.month}月{value.day}日"


def payment_terms(doc: AgreementDoc) -> str:
    """补偿金额的支付期限 (and, for a voucher, the voucher's issue)."""
    days = doc.payment_days
    t = doc.terms
    if doc.template == "voucher" and t.voucher_face is not None:
        cash = t.voucher_cash or ZERO
        text = f"房票面额{_yuan(t.voucher_face)}，甲方在本协议生效且乙方搬迁交房后{days}日内向乙方出具记名房票"
        if cash > 0:
            return text + f"；现金部分{_yuan(cash)}，甲方在本协议生效之日起{days}日内支付至乙方指定的本人银行账户"
        return text + "；全部补偿计入房票，没有现金部分"
    if doc.template == "exchange":
        if doc.net > 0:
            return (f"补偿金额与安置房购房款相抵后，甲方应付乙方差价{_yuan(doc.net)}，"
                    f"在本协议生效之日起{days}日内支付至乙方指定的本人银行账户")
        if doc.net < 0:
            return f"补偿金额与安置房购房款相抵后，乙方应缴差价{_yuan(doc.net)}，在安置房交付前缴入甲方指定账户"
        return "补偿金额与安置房购房款相等，双方互不找补"
    return f"甲方在本协议生效之日起{days}日内，将补偿款{_yuan(doc.net)}一次性支付至乙方指定的本人银行账户"


def flat_terms(doc: AgreementDoc) -> str:
    """用于产权调换房屋的地点和面积 (exchange), or why there is none."""
    t = doc.terms
    if doc.template != "exchange":
        return f"不适用：乙方选择{doc.mode_label}，甲方不提供产权调换房屋"
    flats = [f for f in doc.flats if not f.extra]
    area = sum((f.area for f in flats), ZERO)
    names = "、".join(f.label for f in flats) or doc.option_label
    text = f"安置房屋{names}，建筑面积共{format_area(area)} m²"
    if t.delivery in DELIVERY:
        text += f"，交付方式：{DELIVERY[t.delivery]}"
    if t.entitlement is not None:
        text += f"；应安置面积{format_area(t.entitlement)} m²，应安置面积以内按安置房结算价计价"
        if t.excess_priced:
            text += "，超出部分按补偿方案规定的分档价格计价"
        if t.floor_priced:
            text += "，单价按安置房所在楼层调整（见购房款算式）"
    text += "".join(f"；另购{f.label}，建筑面积{format_area(f.area)} m²，价款{_yuan(f.amount)}，不计入应安置面积，"
                    "已列入安置房购房款" for f in doc.flats if f.extra)
    if t.flat_location:
        return text + f"；地点：{t.flat_location}"
    return text + "；具体楼栋、房号按补偿方案规定的选房办法确定"


def moving_terms(doc: AgreementDoc) -> str:
    amount = amount_of(doc, MOVING)
    if amount is None:
        return "按补偿方案，本户不计搬迁费"
    times = doc.terms.moving_times
    text = _yuan(amount)
    if times == 2 and doc.template == "exchange":
        text += "（按搬迁两次计：搬出被征收房屋、迁入安置房屋各一次）"
    elif times:
        text += f"（按搬迁{times}次计）"
    return text + "，已列入补偿金额"


def transition_terms(doc: AgreementDoc) -> str:
    """临时安置费或者周转用房: the months the calculation really used."""
    amount = amount_of(doc, TRANSITION)
    if amount is None:
        return "按补偿方案，本户不计临时安置费；甲方不提供周转用房"
    months = doc.terms.transition_months
    per = f"（按{months}个月计）" if months else ""
    actual = doc.terms.transition_actual
    if actual:  # paid for the months actually waited: the monthly amount, not in the total (transition_actual)
        fixed = f"临时安置费{_yuan(amount)}{per}，已列入补偿金额；" if amount else ""
        return fixed + "；".join(f"{label}每月{_yuan(monthly)}，{period}按实际过渡月数计付，不计入本协议补偿金额，另行支付"
                                 for label, monthly, period in actual) + "；乙方自行安排过渡住房，甲方不提供周转用房"
    return f"临时安置费{_yuan(amount)}{per}，已列入补偿金额；乙方自行安排过渡住房，甲方不提供周转用房"


def business_terms(doc: AgreementDoc) -> str:
    amount = amount_of(doc, BUSINESS)
    if amount is not None:
        return f"{_yuan(amount)}，已列入补偿金额"
    if doc.terms.has_business:
        return "乙方登记有经营，但按补偿方案本户不计停产停业损失补偿"
    return "乙方被征收房屋未用于生产经营，不涉及停产停业损失"


def moving_deadline(doc: AgreementDoc) -> str:
    return f"乙方在本协议签订之日起{doc.moving_days}日内搬迁完毕并交付房屋"


def transition_way(doc: AgreementDoc) -> str:
    """过渡方式和过渡期限."""
    months = doc.terms.transition_months
    if doc.template == "exchange":
        kind = DELIVERY.get(doc.terms.delivery, "")
        text = "乙方自行过渡"
        if doc.terms.transition_actual:  # 过渡期 as the scheme words it (按实际月数)
            text += f"，过渡期{doc.terms.transition_actual[0][2]}"
        elif months:
            text += f"，过渡期限{months}个月，自乙方搬迁交房之日起计算"
        return text + (f"；安置房屋为{kind}" if kind else "") + transition_overdue(doc)
    what = MODE["cash"] if doc.template == "cash" else MODE["voucher"]
    text = f"乙方选择{what}，自行安排住处，不设过渡期"
    if months and amount_of(doc, TRANSITION) is not None:
        text += f"；临时安置费按{months}个月一次性计付"
    return text


def transition_overdue(doc: AgreementDoc) -> str:
    """过渡期超期加倍 for the chosen flats' building: paid later if it happens, so stated, not in the amount."""
    return "".join(f"；安置房屋为{building}楼房，临时过渡期超过{months}个月的，从超出之月起临时安置费按"
                   f"{times.normalize():f}倍支付，超期部分届时另行支付，不在本协议补偿金额之内"
                   for building, months, times in doc.terms.transition_overdue)


def voucher_terms(doc: AgreementDoc) -> str:
    """房票: face value, what counts into it, the bonus and its real basis, the cash part, validity."""
    t = doc.terms
    if doc.template != "voucher" or t.voucher_face is None:
        return "—"
    parts = [f"房票面额{_yuan(t.voucher_face)}"]
    bonus = amount_of(doc, VOUCHER_BONUS)
    if bonus is not None and t.voucher_base is not None and doc.voucher_bonus_pct is not None:
        pct = f"{doc.voucher_bonus_pct.normalize():f}"
        parts.append(f"其中房票安置奖励{_yuan(bonus)}，按计入房票的补偿款{_yuan(t.voucher_base)}的{pct}%计算")
    cash = t.voucher_cash or ZERO
    if cash > 0:
        items = "、".join(t.voucher_cash_items) or "不计入房票的款项"
        parts.append(f"{items}不计入房票，以现金支付，共{_yuan(cash)}")
    if t.voucher_valid_months:
        parts.append(f"房票自出具之日起{t.voucher_valid_months}个月内有效")
    return "；".join(parts)


def signing_terms(doc: AgreementDoc) -> str:
    """The signing-reward tier the calculation assumed, and what happens if signing falls elsewhere."""
    t = doc.terms
    if t.signing_until is None:  # no tier, or the open last tier (signed any time after the one before)
        if t.signing_from is None:
            return ""
        when = f"{_date(t.signing_from)}之后"
    else:
        when = (f"{_date(t.signing_from)}之后、{_date(t.signing_until)}（含）之前" if t.signing_from
                else f"{_date(t.signing_until)}（含）之前")
    condition = f"，并以{_date(t.handover_by)}（含）之前腾空交房为条件" if t.handover_by else ""
    return f"按期签约奖励按{when}签约计算{condition}；实际签约日期不在此期间的，须重新测算后方可签约。"


def handover_conditions(doc: AgreementDoc) -> str:
    """Items the calculation counted on a hand-over by a date that has not happened yet: paid only if it does."""
    return "".join(f"{label}{_yuan(amount)}以{_date(by)}（含）之前腾空交房为条件，逾期交房的不予支付。"
                   for label, by, amount in doc.terms.handover_conditions)


def settlement(doc: AgreementDoc) -> str:
    """The bottom line as a family reads it: a voucher is not money in the bank."""
    t = doc.terms
    if doc.template == "voucher" and t.voucher_face is not None:
        cash = t.voucher_cash or ZERO
        return (f"补偿合计{_yuan(doc.total)}（大写：{doc.upper}），其中计入房票（只能用于购房，不能兑换现金）"
                f"{_yuan(t.voucher_face)}，现金支付{_yuan(cash)}")
    return f"{doc.net_label}{_yuan(doc.net)}（大写：{doc.upper}）"


def values(doc: AgreementDoc) -> dict[str, str]:
    """The Article 25 placeholders (plain text, not yet escaped)."""
    phones = [p.phone for p in doc.parties if p.phone]
    return {
        "phone": "、".join(dict.fromkeys(phones)) or "—",
        "payment_terms": payment_terms(doc),
        "flat_terms": flat_terms(doc),
        "moving_terms": moving_terms(doc),
        "transition_terms": transition_terms(doc),
        "business_terms": business_terms(doc),
        "moving_deadline": moving_deadline(doc),
        "transition_way": transition_way(doc),
        "voucher_terms": voucher_terms(doc),
        "signing_terms": "".join(filter(None, (signing_terms(doc), handover_conditions(doc), *doc.terms.effect_terms))),
        "settlement": settlement(doc),
        "validity": validity(doc),
    }


def validity(doc: AgreementDoc) -> str:
    """协议生效: at signing, or — when the policy makes the agreements 附生效条件 (the condition is stated with the
    signing terms) — formed at signing and in effect once the condition is met, never both."""
    if doc.terms.conditional_effect:
        return ("本协议自甲方盖章、乙方签字并按手印之日起成立，自本协议约定的生效条件成就之日起生效；"
                "生效条件未成就的，本协议不生效。")
    return "本协议自甲方盖章、乙方签字并按手印之日起生效。"


def rows(doc: AgreementDoc) -> list[tuple[str, str]]:
    """The ``[[terms]]`` table: one row per Article 25 element."""
    v = values(doc)
    amount = f"补偿合计{_yuan(doc.total)}"
    if doc.template == "exchange":
        amount += f"，安置房购房款{_yuan(doc.flat_total)}，{doc.net_label}{_yuan(doc.net)}"
    out = [
        ("补偿方式", doc.option_label or doc.mode_label),
        ("补偿金额", amount + f"（大写：{doc.upper}）"),
        ("支付期限", v["payment_terms"]),
        ("产权调换房屋", v["flat_terms"]),
        ("搬迁费", v["moving_terms"]),
        ("临时安置费或者周转用房", v["transition_terms"]),
        ("停产停业损失", v["business_terms"]),
        ("搬迁期限", v["moving_deadline"]),
        ("过渡方式和过渡期限", v["transition_way"]),
    ]
    if doc.template == "voucher":
        out.insert(3, ("房票", v["voucher_terms"]))
    return out
