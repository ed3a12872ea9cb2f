"""``policy explain`` sentences for the items priced on the entitlement or the homestead: ``area_award``
(合法面积 / 宅基地面积 超过 … 的部分 × 单价), ``entitlement_cash`` (安置指标货币补偿) and what ``transition``
adds (basis, minimum billing area, overdue multiplier). ``item`` is explain's table that records the keys
read (``.get``), so that keys not said here are still listed after the sentence."""

from __future__ import annotations

from typing import Any

from survey_app.core.compensation.policy_tools.flats_text import BUILDING_NAMES
from survey_app.core.compensation.policy_tools.wording import money, number, percent

_COUNTS = {0: "全部货币补偿（不选安置房）", 1: "只选一套安置房", 2: "选两套安置房"}


def area_award_text(item: Any) -> str:
    area = "宅基地面积" if item.get("basis") == "land_area" else "合法面积"
    above = item.get("above")
    if above is not None:
        return f"{area}超过 {number(above)} m² 的部分，按 超出面积 × 单价（{money(item.get('per_m2'), '元/m²')}）计算。"
    return f"按 {area} × 单价（{money(item.get('per_m2'), '元/m²')}）计算。"


def entitlement_cash_text(item: Any) -> str:
    diff = f"（市场价 {money(item.get('market_price'), '元/m²')} − 安置价 {money(item.get('resettlement_price'), '元/m²')}）"
    text = ("按 货币安置指标 × " + diff + " × （1 + 增加比例）计算。货币安置指标：全部货币补偿的为全部应安置面积；"
            "实物安置的为应安置面积减去所选安置房面积（不足 0 的为 0）。")
    bonus = item.get("bonus_pct_by_flats") or {}
    if isinstance(bonus, dict) and bonus:
        rows = [f"{_COUNTS.get(int(k), f'选 {k} 套安置房') if str(k).isdigit() else k}增加 {percent(v)}"
                for k, v in bonus.items()]
        text += "增加比例：" + "，".join(rows) + "；其他情形不增加。"
    return text


def transition_text(item: Any) -> str:
    """The area the monthly rate applies to, and the overdue rule, for ``transition``."""
    basis = item.get("basis", "area")
    if basis == "entitlement":
        area = "应安置面积（安置指标）"
    elif basis == "entitlement_cash":
        area = "货币安置指标（全部货币补偿的为全部应安置面积，实物安置的为未用于安置房的部分）"
    elif basis == "entitlement_flats":
        area = "实物安置指标（所选安置房面积，最多为应安置面积；只有实物安置的住户有）"
    else:
        area = "面积"
        if item.get("minimum_area") is not None:
            area += f"（不足 {number(item['minimum_area'])} m² 的按 {number(item['minimum_area'])} m² 计算）"
    return area


def actual_text(item: Any) -> str:
    """A transition fee for the actual months (``actual_months``, transition_actual.py); '' without it."""
    if not item.get("actual_months"):
        return ""
    return (f"；{item['actual_months']}，按实际过渡月数发放（签约时月数未知，不计入补偿合计，"
            "协议写明每月金额，另行结算）。")


def overdue_text(item: Any) -> str:
    """``产权调换安置在多层楼房过渡期超过 18 个月……从超出之月起按 2 倍发放`` ('' without the rule)."""
    limits = item.get("overdue_after_months")
    multiplier = item.get("overdue_multiplier")
    if not isinstance(limits, dict) or not limits or multiplier is None:
        return ""
    rows = "、".join(f"安置在{BUILDING_NAMES.get(k, k)}楼房超过 {number(v)} 个月" for k, v in limits.items())
    return (f"产权调换的临时过渡期{rows}的，从超出之月起按 {number(multiplier)} 倍发放"
            "（超期部分届时另行支付，测算只计上列月数；协议写明此条）。")
