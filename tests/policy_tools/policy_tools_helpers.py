"""Constants for the policy tools tests (a uniquely named module, not conftest, so that ``import``
cannot pick up another folder's conftest)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "resources" / "policies"
CITY = POLICIES / "city_shantytown_2023.toml"
VILLAGE = POLICIES / "urban_village_homestead_2022.toml"
CASES = Path(__file__).with_name("cases") / "city_shantytown_2023"

BROKEN = """format = 1
version = "坏版本"
[rounding]
line_places = 5
[modes.cash]
[[items]]
code = "hv"
kind = "house_value"
label = "房屋价值"
ratio = "0.5"
[[items]]
code = "reward"
kind = "cash_subsidy"
label = "货币奖励"
pct = "0.1"
[[items]]
code = "move"
kind = "moving"
label = "搬迁费"
amount = "1000"
times = { cash = "1.5" }
"""
