"""A built-in sample household for previews and ``policy check``'s trial calculation.

Made to suit the policy at hand — a structure, decoration grade, fixture and menu entry the policy
actually prices — so that a failure of the trial says something about the policy, not about the sample.
No real person: the names are placeholders and there are no ID numbers.
"""

from __future__ import annotations

from typing import Any

from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy

SAMPLE_CODE = "样例户"


def sample_dict(policy: Policy) -> dict[str, Any]:
    """The sample household as calc-input JSON data (docs/calc-input.md)."""
    items = [i for i in policy.data.get("items") or [] if isinstance(i, dict)]
    structure = _first_key(items, "unit_price_by_structure") or "brick_concrete"
    grade = _first_key(items, "per_m2_by_grade") or ""
    data: dict[str, Any] = {
        "household_code": SAMPLE_CODE, "head_name": "（样例）",
        "members": [{"relation": "户主", "hukou_here": True}, {"relation": "配偶", "hukou_here": True, "dibao": True},
                    {"relation": "子女", "hukou_here": True}],
        "share": "1",
        "building_parts": [
            {"label": "住宅", "area": "58.32", "use": "residential", "legality": "registered",
             "structure": structure, "decoration_grade": grade},
            {"label": "门面", "area": "20.00", "use": "commercial", "legality": "registered",
             "structure": structure, "decoration_grade": grade},
            {"label": "加建", "area": "12.50", "use": "residential", "legality": "found_legal",
             "structure": structure},
        ],
        "fixtures": [], "extra_items": [],
        "business": {"area": "20.00", "annual_profit": "96000"},
        "appraisal": {"unit_price": {"residential": "13670", "commercial": "21000", "office": "15000",
                                     "industrial": "6000", "other": "5000"}},
    }
    if any(item.get("price") == "part_appraisal" for item in items):
        # a report that appraises each part: its price for the part's use and a decoration amount
        prices = data["appraisal"]["unit_price"]
        for part in data["building_parts"]:
            part.update(unit_price=prices[part["use"]], decoration_value="20000.00")
    if any(item.get("price") == "part_appraisal_unit" for item in items):
        for part in data["building_parts"]:  # the report's decoration unit price for each part (装修单价)
            part["decoration_unit_price"] = "350.00"
    for item in items:
        if item.get("kind") == "fixtures" and item.get("rates") and not data["fixtures"]:
            rate = item["rates"][0]
            if isinstance(rate, dict):
                fixture = {"kind": rate.get("kind", ""), "sub_kind": rate.get("sub_kind", ""), "count": "2"}
                if rate.get("unit_price") is None:
                    fixture.update(count="1", value="3000")
                data["fixtures"].append(fixture)
        if item.get("kind") == "extras" and item.get("menu") and not data["extra_items"]:
            entry = item["menu"][0]
            if isinstance(entry, dict):
                data["extra_items"].append({"code": entry.get("code", ""), "quantity": "1"})
        if item.get("kind") in ("land_location", "courtyard_reward") or item.get("basis") == "land_area":
            data["land_area"], data["courtyards"] = "150.00", 1
    exchange = (policy.data.get("modes") or {}).get("exchange")
    if isinstance(exchange, dict) and exchange.get("entitlement_basis") == "land_area":  # 安置指标按宅基地面积
        data["land_area"], data["courtyards"] = "150.00", 1
    return data


def sample_household(policy: Policy) -> HouseholdInput:
    """The sample household, read through the same validation as any household file."""
    return HouseholdInput.from_dict(sample_dict(policy), source="样例户")


def _first_key(items: list[dict], key: str) -> str:
    for item in items:
        table = item.get(key)
        if isinstance(table, dict) and table:
            return str(next(iter(table)))
    return ""
