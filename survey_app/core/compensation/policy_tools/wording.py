"""Plain-Chinese words for policy keys and values, shared by ``explain`` and ``diff``.

Both read the policy file as written (``Policy.data``), not the item objects, so a key added to the
format later is still shown (by its own name) rather than silently left out. Pure functions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from survey_app.core.compensation.fields import is_percent_key, to_decimal
from survey_app.core.compensation.inputs import DELIVERY, LEGALITY, MODES, USES
from survey_app.core.domain.money import format_number
from survey_app.core.domain.vocabulary import STRUCTURE

KEY_NAMES = {
    "label": "名称", "note": "备注", "modes": "适用安置方式", "uses": "适用用途", "legality": "计入的房屋",
    "unit_price": "单价", "unit_price_by_use": "按用途的单价", "unit_price_by_structure": "按结构的单价",
    "apply_share": "乘产权份额", "ratios": "比例", "ratio": "比例", "temporary_expired_ratio": "超期临时建筑比例",
    "per_m2_by_grade": "按装修等级的单价", "per_m2": "每平方米金额", "grade_labels": "装修等级名称",
    "rates": "附属物单价表", "menu": "菜单", "amount": "金额", "minimum": "最低额", "times": "搬迁次数",
    "rate_per_m2_month": "每平方米每月金额", "minimum_per_month": "每户每月最低额", "months": "月数",
    "rate_per_person_month": "每人每月金额", "persons": "计人方式", "basis": "计算基础", "pct": "百分比",
    "tiers": "签约奖励档次", "until": "截止日期", "within_days": "签约期开始之日起天数", "min_area": "最低面积", "bands": "面积档", "up_to": "面积上限",
    "progressive": "累进", "to_uses": "改变后的用途", "require_business": "须有经营", "amounts": "各类金额",
    "per": "发放方式", "labels": "类别名称", "max_area": "面积上限", "kind": "种类", "sub_kind": "子类",
    "unit": "单位", "code": "代码", "resettlement_price": "安置房结算价", "entitlement_ratio": "应安置面积系数",
    "entitlement_bonus_area": "应安置面积增加", "entitlement_minimum": "最低应安置面积",
    "entitlement_uses": "应安置面积计入的用途", "entitlement_legality": "应安置面积计入的房屋",
    "excess_bands": "超面积分档价", "width": "档宽", "flats": "安置房户型", "area": "面积", "delivery": "交付",
    "max_flats": "最多可选套数", "bonus_pct": "房票奖励", "excluded_items": "不计入房票的项目",
    "valid_months": "房票有效期（月）", "line_places": "金额保留位数", "method": "取整方式",
    "items": "项目", "maximum": "最高额", "name": "项目名称", "city": "城市", "decision_no": "征收决定文号",
    "valuation_date": "评估时点", "signing_start": "签约期开始", "signing_end": "签约期结束", "source": "依据",
    "copies": "协议份数", "payment_days": "付款期限（日）", "moving_days": "交房期限（日）", "version": "版本名称",
    "format": "格式版本", "key": "键", "total_price": "整套总价", "price": "价格来源",
    "entitlement_basis": "应安置面积的计算基础", "entitlement_maximum": "应安置面积上限",
    "entitlement_per_person": "人均最低应安置面积", "entitlement_persons": "人均计人方式", "floor_step": "每层递加单价",
    "top_floor_discount": "顶层减价", "floors": "楼层数", "floor": "楼层", "building": "楼型", "above": "起算面积",
    "market_price": "市场价", "bonus_pct_by_flats": "按所选套数的增加百分比", "minimum_area": "最低计费面积",
    "overdue_multiplier": "超期倍数", "overdue_after_months": "各楼型过渡期限（月）",
    "house_type": "须有的房屋类别", "not_house_type": "不得有的房屋类别",
    "effective_when": "协议生效条件", "signing_rate_pct": "签约比例", "by": "期限", "from_pct": "起奖签约率",
    "step_pct": "每档增加的签约率", "step_amount": "每档增加的金额", "days": "自协议生效次日起天数",
    "agreement_effective": "以协议生效为前提",
    "site": "安置小区", "flat_site": "所选安置房的安置小区", "extras": "可另购房源",
    "actual_months": "按实际月数的过渡期",
}
MODE_KEY_NAMES = {**MODES, **{f"{m}_{d}": f"{MODES[m]}（{DELIVERY[d]}）" for m in MODES for d in DELIVERY},
                  "default": "其他情况"}
GRADE_NAMES = {"simple": "简易装修", "medium": "中档装修", "fine": "精装修", "luxury": "豪华装修"}
HARDSHIP_NAMES = {"dibao": "低保", "disabled": "残疾", "serious_illness": "大病", "tekun": "特困",
                  "elderly_alone": "孤寡老人", "martyr_family": "烈属"}
# The vocabulary's structures, and two more codes policies may use in their wording.
STRUCTURE_NAMES = {**STRUCTURE, "steel_concrete": "钢混", "frame": "框架"}
_VALUE_NAMES = {**USES, **LEGALITY, **MODES, **DELIVERY, "hukou_here": "在册人口", "all": "全部家庭成员",
                "household": "每户", "person": "每人", "pct_of_value": "房屋价值的百分比", "profit": "年利润",
                "area_price": "面积 × 单价", "house_value": "房屋价值", "half_up": "四舍五入", "down": "舍去",
                "part_appraisal_unit": "面积 × 评估报告中各处的装修单价",
                "legal_area": "合法面积", "land_area": "宅基地面积", "entitlement": "应安置面积",
                "entitlement_cash": "货币安置指标", "entitlement_flats": "实物安置指标", "area": "面积", "multi_storey": "多层", "high_rise": "高层"}


def key_name(key: str) -> str:
    """``rate_per_m2_month`` → ``每平方米每月金额``; unknown keys keep their own name."""
    return KEY_NAMES.get(key, key)


def number(value: Any) -> str | None:
    """``13670`` → ``13,670``; None when ``value`` is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().endswith("%"):
        value = value.strip()[:-1]
    found = to_decimal(value)
    return None if found is None else format_number(found)


def money(value: Any, unit: str = "元") -> str:
    """``"1200"`` → ``1,200 元``."""
    return f"{number(value) or value} {unit}"


def percent(value: Any) -> str:
    """A value in percent units (``"10"`` or ``"10%"``) → ``10%``."""
    return f"{number(value) or value}%"


def value_text(value: Any, key: str = "") -> str:
    """Any value of a policy file in plain Chinese (numbers grouped, codes named, lists joined)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        if all(isinstance(v, dict) for v in value):
            return "；".join(value_text(v) for v in value) or "（空）"
        return "、".join(value_text(v) for v in value) or "（空）"
    if isinstance(value, dict):
        names = MODE_KEY_NAMES if key in ("months", "times") else {}
        return "，".join(f"{names.get(k) or _VALUE_NAMES.get(k) or GRADE_NAMES.get(k) or HARDSHIP_NAMES.get(k) or key_name(k)}"
                        f" {value_text(v, k)}" for k, v in value.items()) or "（空）"
    shown = number(value) if isinstance(value, (int, Decimal, str)) else None
    if shown is not None:
        return f"{shown}%" if is_percent_key(key) else shown
    if isinstance(value, str):
        return _VALUE_NAMES.get(value, value)
    return str(value)


def names(values: Any, table: dict[str, str]) -> str:
    """``["cash", "voucher"]`` → ``货币补偿、房票安置``."""
    if not isinstance(values, list):
        return value_text(values)
    return "、".join(table.get(v, str(v)) for v in values)


def per_mode(table: Any, unit: str) -> str:
    """``{ cash = 6, exchange_future = 36 }`` → ``货币补偿 6 月、产权调换（期房）36 月``."""
    if not isinstance(table, dict):
        return value_text(table)
    return "、".join(f"{MODE_KEY_NAMES.get(k, k)} {number(v) or v} {unit}" for k, v in table.items())
