"""What an agreement says about 协议生效 and the rewards settled after it (compensation/effect.py, items/deferred.py).

* the policy states an effectiveness rule (``[project] effective_when``): the agreement is 附生效条件 and says on
  what condition it takes effect (wording after 浙江: 在签约期限内达到规定签约比例的，补偿协议生效；未达到的，不生效);
* an item paid only once the agreements take effect (``when = { agreement_effective = true }``) that this household
  was paid: its amount is stated as conditional — every sentence true for the household;
* a reward whose amount is not known at signing (签约率奖, 早搬迁奖): its schedule with the household's own figures,
  kept out of the agreement's amount and paid separately.

Read from the stored calculation (its inputs snapshot and lines) under the policy version it used. Pure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.compiled import compiled
from survey_app.core.compensation.effect import is_conditional
from survey_app.core.compensation.items.base import Ctx
from survey_app.core.compensation.items.deferred import EarlyMovingReward, SigningRateReward
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.money import format_yuan

ZERO = Decimal("0.00")
_LATER = "不计入本协议补偿金额，另行支付。"


def _yuan(amount: Decimal) -> str:
    return f"人民币{format_yuan(abs(amount))}元"


def _date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}%"


def effect_terms(policy: Policy | None, result: Result) -> tuple[str, ...]:
    """The sentences, in the policy's item order after the effectiveness rule ('' parts left out)."""
    if policy is None:
        return ()
    out = []
    rule = policy.project.effective_when
    if rule is not None:
        out.append(f"本协议为附生效条件的补偿协议：在签约期限内（{_date(rule.by)}（含）之前）本项目签约比例达到"
                   f"{_pct(rule.rate)}的，本协议生效；未达到的，本协议不生效。")
    codes = {ln.code for ln in result.lines}
    for item in policy.items:
        if item.code not in codes:
            continue
        if is_conditional(item):
            amount = sum((ln.amount for ln in result.lines if ln.code == item.code), ZERO)
            if amount > 0:
                out.append(f"{item.label}{_yuan(amount)}以本协议生效为前提。")
        if isinstance(item, SigningRateReward):
            out.append(_rate_terms(item))
        elif isinstance(item, EarlyMovingReward):
            out.append(_moving_terms(item, policy, result))
    return tuple(out)


def _rate_terms(item: SigningRateReward) -> str:
    text = f"{item.label}：签约期限内本项目签约率达到{_pct(item.from_pct)}的，奖励{_yuan(item.amount)}"
    if item.step_pct is not None:
        text += f"；在{_pct(item.from_pct)}基础上签约率每增加{_pct(item.step_pct)}，增加{_yuan(item.step_amount)}"
    return text + f"。该奖励按签约期限届满时的签约率确定，{_LATER}"


def _moving_terms(item: EarlyMovingReward, policy: Policy, result: Result) -> str:
    plan = compiled(policy)
    household = plan.counted_areas(result.inputs)
    ctx = Ctx(household, result.mode, result.delivery, None, "", policy.project.valuation_date, {})
    area = item.area(ctx)
    steps = []
    for first, last, tier in item.windows():
        amount = policy.rounding.apply(item.tier_amount(tier, area))
        lead = (f"自本协议生效次日起第{first}日至第{last}日内搬离被征收房屋并办理完毕交房手续的，奖励" if first == 1
                else f"第{first}日至第{last}日内的，奖励")
        steps.append(f"{lead}{_yuan(amount)}")
    return f"{item.label}：" + "；".join(steps) + f"；此后搬离的不予奖励。该奖励按实际交房日期确定，{_LATER}"
