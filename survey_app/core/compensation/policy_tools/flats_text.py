"""Resettlement flats in plain Chinese, for ``policy explain``: a flat type and a listed flat (一房一价)."""

from __future__ import annotations

from survey_app.core.compensation.fields import to_decimal
from survey_app.core.compensation.modes import BUILDING_LABELS
from survey_app.core.compensation.policy_tools.wording import money, number, value_text


def flat_text(f: dict) -> str:
    """A flat type: ``A 户型 89.63 m²（现房，应安置面积内按 3,123.45 元/m²）``."""
    text = f"{f.get('label') or f.get('key')} {number(f.get('area'))} m²"
    notes = [value_text(f["delivery"])] if f.get("delivery") else []
    notes += flat_notes(f)
    if f.get("unit_price") is not None:
        notes.append(f"应安置面积内按 {money(f['unit_price'], '元/m²')}")
    return text + (f"（{'，'.join(notes)}）" if notes else "")


def listed_text(flat: dict, one: dict) -> str:
    """A listed flat (一房一价): its price per m² or its whole price (整套总价)."""
    label = one.get("label") or f"{flat.get('label') or flat.get('key')} {one.get('key')}"
    area = one.get("area", flat.get("area"))
    if one.get("total_price") is not None:
        total = to_decimal(one["total_price"])
        shown = money(total) if total is None or total == total.to_integral_value() else f"{total:,.2f} 元"
        return f"{label} {number(area)} m² 整套总价 {shown}"
    floor = f" 第 {number(one['floor'])} 层" if one.get("floor") is not None else ""
    return f"{label}{floor} {number(area)} m² {money(one.get('unit_price'), '元/m²')}"


BUILDING_NAMES = BUILDING_LABELS
_PERSONS = {"hukou_here": "户口在本地的家庭成员", "all": "全部家庭成员"}


def entitlement_text(ex: dict, uses: str) -> str:
    """How the entitlement (应安置面积) is worked out: ``应安置面积 = 宅基地面积 × 1.4，最多 280 m²，不少于 每人 35 m²``."""
    basis = "宅基地面积" if ex.get("entitlement_basis") == "land_area" else f"合法{uses}面积"
    text = f"应安置面积 = {basis} × {number(ex.get('entitlement_ratio', 1))}"
    if ex.get("entitlement_bonus_area"):
        text += f" + {number(ex['entitlement_bonus_area'])} m²"
    if ex.get("entitlement_maximum") is not None:
        text += f"，最多 {number(ex['entitlement_maximum'])} m²"
    if ex.get("entitlement_minimum"):
        text += f"，不少于 {number(ex['entitlement_minimum'])} m²"
    if ex.get("entitlement_per_person"):
        who = _PERSONS.get(ex.get("entitlement_persons", "hukou_here"), "户口在本地的家庭成员")
        text += f"，人均不足 {number(ex['entitlement_per_person'])} m² 的补足到 {who}人数 × {number(ex['entitlement_per_person'])} m²"
        if ex.get("entitlement_maximum") is not None:
            text += "（补足后可以超过上限）"
    return text


def floors_text(ex: dict) -> str:
    """楼层差价 in words; '' when the scheme has none."""
    step, top = ex.get("floor_step"), ex.get("top_floor_discount")
    if not step and not top:
        return ""
    parts = []
    if step:
        parts.append(f"从第二层起每层每平方米递加 {money(step)}")
    if top:
        parts.append(f"顶层递加后每平方米减 {money(top)}")
    return ("安置房单价（应安置面积内和超出部分）按楼层调整：" + "，".join(parts)
            + "；选房时写明楼层（如“H90@5”即 H90 户型第 5 层），未选楼层的按底价测算")


def extras_text(ex: dict) -> str:
    """可另购的附属房源 (``extras``) in words; '' when the scheme has none."""
    rows = ex.get("extras") or []
    if not rows:
        return ""
    said = "、".join(f"{r.get('label') or r.get('key')}（选房写“+{r.get('key')}”）{number(r.get('area'))} m²，"
                    f"按 {money(r.get('unit_price'), '元/m²')}，一户最多 {number(r.get('maximum', 1))} 个" for r in rows)
    return f"选择安置房的住户可另购：{said}；另购的不计入应安置面积，价款另列一行，与安置房购房款一并从补偿款中扣除"


def flat_notes(f: dict) -> list[str]:
    """A flat type's building: ``18 层高层``; its site: ``安置小区 齐安新苑``."""
    notes = [f"安置小区 {f['site']}"] if f.get("site") else []
    if f.get("floors") is not None or f.get("building"):
        notes.append(f"{number(f.get('floors')) + ' 层' if f.get('floors') is not None else ''}"
                     f"{BUILDING_NAMES.get(f.get('building', ''), '')}楼")
    return notes
