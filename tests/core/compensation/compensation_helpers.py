"""Helpers for compensation tests: tiny policies written inline, households as dicts.

A uniquely named module (not conftest) so that `import` cannot pick up another folder's conftest."""

from __future__ import annotations

from pathlib import Path

from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy

ROOT = Path(__file__).resolve().parents[3]
POLICIES = ROOT / "resources" / "policies"
EXAMPLES = ROOT / "docs" / "examples"

HEADER = """
format = 1
version = "t1"
[project]
name = "测试项目"
code = "T"
city = "测试市"
decision_no = "测征字〔2023〕1号"
valuation_date = 2023-05-20
signing_start = 2023-06-01
signing_end = 2023-08-31
[rounding]
line_places = {places}
"""

MODES = """
[modes.cash]
[modes.exchange]
resettlement_price = "6000"
entitlement_minimum = "45"
[[modes.exchange.excess_bands]]
width = "10"
unit_price = "8000"
[[modes.exchange.excess_bands]]
unit_price = "12000"
[[modes.exchange.flats]]
key = "A60"
label = "A60"
area = "60.00"
delivery = "future"
[[modes.exchange.flats]]
key = "R40"
label = "R40"
area = "40.00"
delivery = "ready"
[modes.voucher]
bonus_pct = "10"
excluded_items = []
valid_months = 24
"""


def make_policy(items: str, modes: str = MODES, places: int = 0, extra: str = ""):
    """A policy from inline TOML item tables (and optional modes/caps)."""
    return parse_policy(HEADER.format(places=places) + modes + items + extra, source="test.toml")


def household(**fields) -> HouseholdInput:
    """A household dict with sensible defaults, overridden by ``fields``."""
    data = {
        "household_code": "H-1",
        "head_name": "张三",
        "members": [{"relation": "户主", "name": "张三"}],
        "share": "1",
        "building_parts": [{"area": "58.32", "use": "residential", "legality": "registered"}],
        "appraisal": {"unit_price": {"residential": "13670", "commercial": "21000"}},
    }
    data.update(fields)
    return HouseholdInput.from_dict(data)
