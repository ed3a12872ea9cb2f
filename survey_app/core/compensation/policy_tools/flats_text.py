"""Resettlement flats in plain Chinese, for ``policy explain``: a flat type and a listed flat (一房一价)."""

from __future__ import annotations

from survey_app.core.compensation.fields import to_decimal
from survey_app.core.compensation.policy_tools.wording import money, number, value_text


def flat_text(f: dict) -> str:
    """A flat type: ``A 户型 89.63 m²（现房，应安置面积内按 3,123.45 元/m²）``."""
    text = f"{f.get('label') or f.get('key')} {number(f.get('area'))} m²"
    notes = [value_text(f["delivery"])] if f.get("delivery") else []
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
    return f"{label} {number(area)} m² {money(one.get('unit_price'), '元/m²')}"
