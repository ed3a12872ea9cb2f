"""``policy explain`` words for 协议生效条件 (``[project] effective_when``, compensation/effect.py) and the rewards
settled after the agreements take effect (items/deferred.py). Pure."""

from __future__ import annotations

from typing import Any

from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.policy_tools.wording import money, number, percent

_LATER = "签约时金额未定，不计入测算合计，另行结算支付。"


def effect_text(policy: Policy) -> str:
    """The 协议生效 paragraph ('' when agreements take effect on signing)."""
    rule = policy.project.effective_when
    if rule is None:
        return ""
    return (f"补偿协议附生效条件：签约期限内（至 {rule.by.isoformat()}，含当日）本项目签约比例达到 "
            f"{number(rule.rate)}% 的，协议生效；未达到的，协议不生效。写明“以协议生效为前提”的项目，测算时照常计算，"
            "测算单和协议写明此条件。")


def signing_rate_text(item: Any) -> str:
    """签约率奖 as a household reads it."""
    text = f"签约期限内签约的住户：签约期限内本项目签约率达到 {percent(item.get('from_pct'))} 的，每户 {money(item.get('amount'))}"
    if item.get("step_pct") is not None:
        text += f"；在此基础上签约率每增加 {percent(item.get('step_pct'))}，每户增加 {money(item.get('step_amount'))}（不足 {percent(item.get('step_pct'))} 的部分不计）"
    return text + "。按签约期限届满时的签约率确定，" + _LATER


def early_moving_text(item: Any) -> str:
    """早搬迁奖 as a household reads it."""
    steps, first = [], 1
    for tier in item.get("tiers") or []:
        days = tier.get("days")
        if tier.get("per_m2") is not None:
            pay = f"按 面积 × {money(tier['per_m2'], '元/m²')}"
            if tier.get("minimum") is not None:
                pay += f"，不足 {money(tier['minimum'])} 的按 {money(tier['minimum'])}"
        else:
            pay = f"每户 {money(tier.get('amount'))}"
        steps.append(f"第 {first}–{days} 日内搬离并交房的{pay}")
        first = int(days) + 1 if str(days).isdigit() else first
    return ("签约期限内签约的住户，自协议生效次日起计日：" + "；".join(steps)
            + "；之后没有此项奖励。按实际交房日期确定，" + _LATER)
