"""``policy explain``: every item of a policy in plain Chinese, as a household would read it.

Reads the file as written (``Policy.data``). Each kind has a sentence; keys the sentence does not use
(a key added to the format later, a condition) are still listed after it, by name, so nothing a scheme
says is hidden from the reader. Pure; safe from any thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from survey_app.core.compensation.inputs import LEGALITY, MODES, USES
from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.policy_tools import dates_text
from survey_app.core.compensation.policy_tools import entitlement_text as et
from survey_app.core.compensation.policy_tools.conditions_text import conditions_text
from survey_app.core.compensation.policy_tools.dates_text import basis_words, periods_text, resolved, until_text
from survey_app.core.compensation.policy_tools.decoration_text import decoration_unit_text
from survey_app.core.compensation.policy_tools.effect_text import early_moving_text, effect_text, signing_rate_text
from survey_app.core.compensation.policy_tools.flats_text import entitlement_text, extras_text, floors_text
from survey_app.core.compensation.policy_tools.flats_text import flat_text as _flat
from survey_app.core.compensation.policy_tools.flats_text import listed_text as _listed
from survey_app.core.compensation.policy_tools.limits_text import limits_text
from survey_app.core.compensation.policy_tools.wording import (
    GRADE_NAMES,
    HARDSHIP_NAMES,
    MODE_KEY_NAMES,
    STRUCTURE_NAMES,
    key_name,
    money,
    names,
    number,
    per_mode,
    percent,
    value_text,
)
from survey_app.core.compensation.rounding import METHOD_LABELS, PLACES_LABELS

_COMMON = ("code", "kind", "label", "note")


@dataclass(frozen=True)
class Explained:
    """One paragraph: ``code`` ('' for the general sections), its heading and its text."""

    code: str
    heading: str
    text: str

    def as_text(self) -> str:
        return f"{self.heading}：{self.text}"


class _Seen(dict):
    """An item's table that remembers which keys a sentence used (the rest are listed after it)."""

    def __init__(self, data: dict):
        super().__init__(data)
        self.used: set[str] = set(_COMMON)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.used.add(key)
        return super().get(key, default)


def explain(policy: Policy) -> list[Explained]:
    """General rules (rounding, modes), then every item in payment order, then caps."""
    data = policy.data
    out = [Explained("", "取整", _rounding(data.get("rounding") or {}))]
    labels = {i.get("code"): i.get("label") or i.get("code") for i in data.get("items") or []}
    for mode, text in _modes(data.get("modes") or {}, labels):
        out.append(Explained("", MODES.get(mode, mode), text))
    if periods_text(policy):
        out.append(Explained("", "签约期", periods_text(policy)))
    if effect_text(policy):  # [project] effective_when: 附生效条件的补偿协议
        out.append(Explained("", "协议生效", effect_text(policy)))
    for raw, item in zip(data.get("items") or [], policy.items, strict=False):
        out.append(explain_item(resolved(raw, item)))
    for cap in data.get("caps") or []:
        items = {i.get("code"): i.get("label") for i in data.get("items") or []}
        listed = "、".join(items.get(c) or c for c in cap.get("items") or [])
        scope = f"（{names(cap['modes'], MODES)}）" if cap.get("modes") else ""
        out.append(Explained(cap.get("code", ""), cap.get("label", "封顶"),
                             f"{listed}合计最多 {money(cap.get('maximum'))}{scope}，超出部分以一行负数扣回。"))
    return out


def explain_text(policy: Policy) -> str:
    """The explanation as one text, one paragraph per line."""
    head = f"{policy.project.name or '（未写项目名称）'}　{policy.version}"
    return "\n".join([head] + [e.as_text() for e in explain(policy)])


def explain_item(raw: dict) -> Explained:
    """One ``[[items]]`` table in plain Chinese."""
    item = _Seen(raw)
    kind = raw.get("kind", "")
    label = raw.get("label") or kind
    sentence = _KINDS.get(kind, _generic)(item) + limits_text(item, kind)
    scope = _scope(item) + conditions_text(item.get("when"))
    rest = [f"{key_name(k)} {value_text(v, k)}" for k, v in raw.items() if k not in item.used]
    text = sentence + scope
    if rest:
        text += "另有规定：" + "；".join(rest) + "。"
    if raw.get("note"):
        text += f"（备注：{raw['note']}）"
    return Explained(raw.get("code", ""), label, text)


def _rounding(t: dict) -> str:
    places = t.get("line_places", 0)
    method = METHOD_LABELS.get(t.get("method", "half_up"), t.get("method"))
    text = f"每一项金额{method}到{_places(places)}，合计是各项之和。"
    if "flat_places" in t or "flat_method" in t:
        flat_method = METHOD_LABELS.get(t.get("flat_method", t.get("method", "half_up")), t.get("flat_method"))
        text += f"安置房购房款单独取整：{flat_method}到{_places(t.get('flat_places', places))}。"
    decimals = t.get("area_decimals", 2)
    if str(decimals) == "3" or "area_method" in t:
        area_method = METHOD_LABELS.get(t.get("area_method", "half_up"), t.get("area_method"))
        unit = "0.001" if str(decimals) == "3" else "0.01"
        text += f"面积按 {decimals} 位小数（{unit} 平方米）计算，测量得更细的先{area_method}到 {unit} 平方米。"
    return text


def _places(places: Any) -> str:
    return PLACES_LABELS.get(int(places) if str(places).isdigit() else 0, "元")


def _modes(modes: dict, labels: dict) -> list[tuple[str, str]]:
    out = []
    if "cash" in modes:
        out.append(("cash", "补偿款以现金支付。"))
    ex = modes.get("exchange")
    if isinstance(ex, dict):
        uses = names(ex.get("entitlement_uses", ["residential"]), USES)
        parts = [entitlement_text(ex, uses)]
        price = money(ex.get("resettlement_price"), "元/m²")
        bands = ex.get("excess_bands") or []
        if bands:
            parts.append(f"应安置面积以内的安置房按 {price} 购买")
            steps = []
            for index, band in enumerate(bands):
                if band.get("width") is None:
                    steps.append(f"其余按 {money(band.get('unit_price'), '元/m²')}")
                else:
                    first = "前" if index == 0 else "再"
                    steps.append(f"{first} {number(band['width'])} m² 按 {money(band.get('unit_price'), '元/m²')}")
            parts.append("超出应安置面积的部分：" + "，".join(steps))
        else:
            parts.append(f"安置房全部面积按 {price} 购买")
        flats = [_flat(f) for f in ex.get("flats") or []]
        parts.append("可选户型：" + "、".join(flats))
        if floors_text(ex):
            parts.append(floors_text(ex))
        listed = [_listed(f, one) for f in ex.get("flats") or [] for one in f.get("listed") or []]
        if listed:
            parts.append("逐套定价的安置房（一房一价，可按房号选择）：" + "、".join(listed))
        parts.extend(filter(None, [extras_text(ex)]))  # 可另购的地下室 …
        parts.append(f"一户最多选 {ex.get('max_flats', 2)} 套；补偿款减去购房款，多退少补")
        out.append(("exchange", "；".join(parts) + "。"))
    vo = modes.get("voucher")
    if isinstance(vo, dict):
        text = f"按补偿款另加 {percent(vo.get('bonus_pct', 0))} 房票奖励，以房票支付"
        if vo.get("excluded_items"):
            text += f"；{'、'.join(labels.get(c) or c for c in vo['excluded_items'])} 不计入房票，以现金支付"
        if vo.get("valid_months"):
            text += f"；房票有效期 {vo['valid_months']} 个月"
        out.append(("voucher", text + "。"))
    return out


def _lines(item: _Seen) -> str:
    """What ``lines`` says, for the kinds that price each building part."""
    if item.get("lines") == "per_household":
        return "各处房屋合并为一行（先相加、后取整）。"
    return "一处一行。"


def _scope(item: _Seen) -> str:
    out = []
    if "modes" in item:
        out.append(f"仅限选择{names(item.get('modes'), MODES)}的住户")
    if "uses" in item:
        out.append(f"只计{names(item.get('uses'), USES)}用途")
    if "legality" in item:
        out.append(f"计入{names(item.get('legality'), LEGALITY)}的房屋")
    return ("（" + "；".join(out) + "）") if out else ""


def _price(item: _Seen, what: str = "评估单价") -> str:
    if item.get("price") == "part_appraisal":
        return f"评估报告中该处房屋的{what}"
    if item.get("unit_price") is not None:
        return money(item["unit_price"], "元/m²")
    if item.get("unit_price_by_use"):
        return "按用途的单价（" + "、".join(f"{USES.get(k, k)} {money(v, '元/m²')}"
                                     for k, v in item["unit_price_by_use"].items()) + "）"
    if item.get("unit_price_by_structure"):
        return "按结构的单价（" + "、".join(f"{STRUCTURE_NAMES.get(k, k)} {money(v, '元/m²')}"
                                     for k, v in item["unit_price_by_structure"].items()) + "）"
    return f"评估报告中该用途的{what}"


def _share(item: _Seen, default: bool) -> str:
    return " × 您的产权份额" if item.get("apply_share", default) else ""


def _house_value(item: _Seen) -> str:
    return f"每一处房屋按 面积 × {_price(item)}{_share(item, True)} 计算，{_lines(item)}"


def _unregistered(item: _Seen) -> str:
    ratios = item.get("ratios") or {}
    by_category = item.get("ratios_by_category") or {}
    parts = [f"类别为“{k}”的房屋按 {number(v)}" for k, v in by_category.items()]
    if by_category and ratios:
        parts.append("其他房屋按合法性：")
    parts += [f"{LEGALITY.get(k, k)}按 {number(v)}" for k, v in ratios.items()]
    expired = item.get("temporary_expired_ratio")
    if "temporary" in ratios or by_category:
        parts.append(f"临时建筑超过批准期限的按 {number(expired) if expired is not None else 0}")
    return (f"未登记的房屋按 面积 × {_price(item)} × 比例{_share(item, False)} 计算：" + "，".join(parts)
            .replace("：，", "：") + f"（比例 0 即不补偿）；{_lines(item)}")


def _decoration(item: _Seen) -> str:
    whole = "各处房屋合并为一行（先相加、后取整）。" if item.get("lines") == "per_household" else ""
    if item.get("price") == "part_appraisal":
        return "装修按评估报告中每一处房屋的装修评估值补偿；评估报告对该处没有装修评估值的不补偿。" + whole
    if item.get("price") == "part_appraisal_unit":
        return decoration_unit_text(item) + whole
    if item.get("per_m2") is not None:
        return f"装修按 面积 × {money(item['per_m2'], '元/m²')} 补偿。" + whole
    labels = {**GRADE_NAMES, **(item.get("grade_labels") or {})}
    grades = "、".join(f"{labels.get(k, k)} {money(v, '元/m²')}" for k, v in (item.get("per_m2_by_grade") or {}).items())
    return f"装修按 面积 × 等级单价 补偿：{grades}；没有登记装修的不补偿。" + whole


def _fixtures(item: _Seen) -> str:
    rows = []
    for r in item.get("rates") or []:
        name = r.get("label") or r.get("kind")
        unit = r.get("unit", "个")
        rows.append(f"{name} {money(r['unit_price'], f'元/{unit}')}" if r.get("unit_price") is not None
                    else f"{name} 按评估值 × {number(r.get('ratio'))}")
    return "附属物按 数量 × 单价（或评估值 × 比例）补偿：" + "、".join(rows) + "。"


def _extras(item: _Seen) -> str:
    rows = [f"{r.get('label') or r.get('code')} {money(r.get('unit_price'), '元/' + r.get('unit', '个'))}"
            for r in item.get("menu") or []]
    return "其他地上物从以下清单中登记，按 数量 × 单价 补偿：" + "、".join(rows) + "。"


def _moving(item: _Seen) -> str:
    if item.get("amount") is not None:
        base = f"每次 {money(item['amount'])}"
    else:
        base = f"每次按 面积 × {money(item.get('per_m2'), '元/m²')}"
        if item.get("minimum"):
            base += f"，每次不少于 {money(item['minimum'])}"
    times = item.get("times")
    return base + ("；搬迁次数：" + per_mode(times, "次") if times else "；搬迁一次") + "。"


def _transition(item: _Seen) -> str:
    text = f"每月按 {et.transition_text(item)} × {money(item.get('rate_per_m2_month'), '元/m²')}"
    if item.get("minimum_per_month"):
        text += f"，每户每月不少于 {money(item['minimum_per_month'])}"
    return text + (et.actual_text(item) or f"；发放月数：{per_mode(item.get('months'), '个月')}。") + et.overdue_text(item)


def _transition_per_person(item: _Seen) -> str:
    who = "全部家庭成员" if item.get("persons") == "all" else "户口在本地的家庭成员"
    text = f"每月按 {who}人数 × {money(item.get('rate_per_person_month'), '元/人')}"
    if item.get("minimum_per_month"):
        text += f"，每户每月不少于 {money(item['minimum_per_month'])}"
    return text + f"；发放月数：{per_mode(item.get('months'), '个月')}。"


def _business_loss(item: _Seen) -> str:
    basis = item.get("basis")
    if basis == "pct_of_value":
        how = f"按经营用房价值（面积 × {_price(item)}{_share(item, True)}）的 {percent(item.get('pct'))}"
    elif basis == "per_m2":
        how = f"按 经营面积 × {money(item.get('per_m2'), '元/m²')}"
    else:
        how = f"按 年利润 ÷ 12 × {number(item.get('months'))} 个月"
    return f"有经营（营业执照）的住户，停产停业损失{how}计算。"


def _signing_reward(item: _Seen) -> str:
    tiers, before = [], None
    heading, act, note = basis_words(item)
    for t in item.get("tiers") or []:
        until = dates_text.before_text(t["until"]) if t.get("until") is not None else (
            f"{until_text(before)} 以后" if before is not None else "任何时候")
        before = t.get("until")
        if t.get("amount") is not None:
            pay = f"每户 {money(t['amount'])}"
        elif t.get("per_m2") is not None:
            pay = f"按 面积 × {money(t['per_m2'], '元/m²')}"
        else:
            pay = f"按房屋价值（面积 × {_price(item)}{_share(item, True)}）的 {percent(t.get('pct'))}"
        tiers.append(f"{until}{act}{pay}")
    after = f"；之后{act}没有此项奖励。" if before is not None else "。"  # an open last tier: no end
    return f"{heading}：" + "；".join(tiers) + after + note + _area_rule(item)


def _area_rule(item: _Seen, floor_key: str | None = "floor_area") -> str:
    """The floor area and eligibility ceiling of a reward priced per m²."""
    out = []
    if floor_key and item.get(floor_key) is not None:
        out.append(f"面积不足 {number(item[floor_key])} m² 的按 {number(item[floor_key])} m² 计")
    if item.get("max_area") is not None:
        out.append(f"面积超过 {number(item['max_area'])} m² 的没有此项")
    return ("按面积计时，" + "，".join(out) + "。") if out else ""


def _cash_subsidy(item: _Seen) -> str:
    if item.get("basis") == "house_value":
        return f"按房屋价值（面积 × {_price(item)}）的 {percent(item.get('pct'))} 计算。"
    area = "合法面积"
    if item.get("min_area"):
        area = f"合法面积（不足 {number(item['min_area'])} m² 的按 {number(item['min_area'])} m²）"
    return (f"按 {area} × {_price(item)} × {percent(item.get('pct'))}{_share(item, False)} 计算。"
            + _area_rule(item, None))  # its floor is min_area, said above


def _min_area_topup(item: _Seen) -> str:
    return (f"合法面积不足 {number(item.get('min_area'))} m² 的，差额部分按 {_price(item)}"
            f"{_share(item, False)} 补足。")


def _small_area_reward(item: _Seen) -> str:
    bands, lower = [], "0"
    for b in item.get("bands") or []:
        pay = money(b["per_m2"], "元/m²") if b.get("per_m2") is not None else f"每户 {money(b.get('amount'))}"
        where = f"{number(lower)}–{number(b['up_to'])} m²" if b.get("up_to") is not None else f"{number(lower)} m² 以上"
        bands.append(f"{where} {pay}")
        lower = b.get("up_to", lower)
    how = "按面积分段累进计算" if item.get("progressive") else "按合法面积所在的档次计算（该档单价乘全部面积）"
    return f"{how}：" + "；".join(bands) + "。" + _area_rule(item)


def _use_change(item: _Seen) -> str:
    need = "，须有营业执照等经营证明" if item.get("require_business", True) else ""
    return (f"住宅实际用作{names(item.get('to_uses', ['commercial']), USES)}的{need}，按 面积 × "
            f"（实际用途评估单价 − 登记用途评估单价）× {number(item.get('ratio'))} 补助。")


def _hardship(item: _Seen) -> str:
    labels = {**HARDSHIP_NAMES, **(item.get("labels") or {})}
    per = {"person": "每人", "household_once": "每户一次（兼有几种情况也只发一次，按其中最高的一项）"}.get(
        item.get("per"), "每户一次")
    rows = "、".join(f"{labels.get(k, k)} {money(v)}" for k, v in (item.get("amounts") or {}).items())
    return f"家庭成员中有以下困难情况的，{per}发放：{rows}。"


def _fixed(item: _Seen) -> str:
    return f"每户 {money(item.get('amount'))}。"


def _exchange_uncovered(item: _Seen) -> str:
    return (f"选择产权调换时，原合法面积超过所选安置房面积的部分，按 差额 × {_price(item)} × "
            f"{number(item.get('ratio', 1))} 补偿。")


def _land_location(item: _Seen) -> str:
    area = "宅基地面积"
    if item.get("max_area") is not None:
        area = f"宅基地面积（最多计 {number(item['max_area'])} m²）"
    ratio = f" × {number(item['ratio'])}" if item.get("ratio") not in (None, 1, "1") else ""
    return f"按 {area} × 区位价 {money(item.get('unit_price'), '元/m²')}{ratio} 补偿。"


def _courtyard_reward(item: _Seen) -> str:
    return f"每宗宅基地奖励 {money(item.get('amount'))}。"


def _generic(item: _Seen) -> str:
    return f"{key_name('kind')} {item.get('kind')}：按方案所列参数计算。"


_KINDS: dict[str, Callable[[_Seen], str]] = {
    "house_value": _house_value, "unregistered": _unregistered, "decoration": _decoration, "fixtures": _fixtures,
    "extras": _extras, "moving": _moving, "transition": _transition, "transition_per_person": _transition_per_person,
    "business_loss": _business_loss, "signing_reward": _signing_reward, "cash_subsidy": _cash_subsidy,
    "min_area_topup": _min_area_topup, "small_area_reward": _small_area_reward, "use_change": _use_change,
    "hardship": _hardship, "fixed": _fixed, "exchange_uncovered": _exchange_uncovered,
    "land_location": _land_location, "courtyard_reward": _courtyard_reward,
    "area_award": et.area_award_text, "entitlement_cash": et.entitlement_cash_text,
    "signing_rate_reward": signing_rate_text, "early_moving_reward": early_moving_text,
}

__all__ = ["Explained", "explain", "explain_item", "explain_text", "MODE_KEY_NAMES"]
