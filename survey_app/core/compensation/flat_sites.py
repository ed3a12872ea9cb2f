"""Conditions on the chosen resettlement site (安置小区): 福州 “选择齐安新苑、金闽小区三期等异地安置的，按合法面积
给予 892 元/平方米的异地安置奖励”.

A flat type names its site (``[[modes.exchange.flats]] site = "齐安新苑"``; its listed flats share it). An item
with ``when = { flat_site = ["齐安新苑", "金闽小区三期"] }`` is paid only to a property-exchange option whose chosen
flats are **all** at those sites: the reward is for resettling elsewhere, and a household that takes one flat there
and one at home has not (a per-m² reward on its whole legal area would otherwise be paid for half of it). Cash,
voucher and options with any flat at another site get nothing. The engine keeps the item's lines apart per
choice of sites (engine.py); the conditions live in conditions.py. This module checks the sites a policy names
against its flat types when it loads. Pure; docs/policy.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from survey_app.core.compensation.fields import Problems
    from survey_app.core.compensation.items.base import ItemKind
    from survey_app.core.compensation.modes import ExchangeMode


def check_sites(items: list[ItemKind], exchange: ExchangeMode | None, problems: Problems) -> None:
    """Every ``flat_site`` an item names is a site of some flat type, and the item is paid in property exchange."""
    known = [] if exchange is None else list(dict.fromkeys(f.site for f in exchange.flats if f.site))
    for index, item in enumerate(items):
        sites = item.when.flat_sites if item.when is not None else frozenset()
        if not sites:
            continue
        where = f"items[{index}].when.flat_site"
        if exchange is None or "exchange" not in item.modes:
            problems.add(where, f"项目“{item.code}”以所选安置小区为条件，只能支付给产权调换的住户，"
                                "但" + ("方案没有产权调换（[modes.exchange]）" if exchange is None else "此项目不支付给产权调换"))
            continue
        unknown = sorted(s for s in sites if s not in known)
        if unknown:
            listed = "、".join(f"“{s}”" for s in known) if known else "（户型都没有写 site）"
            problems.add(where, f"项目“{item.code}”：安置房户型中没有安置小区 {'、'.join(f'“{s}”' for s in unknown)}；"
                                f"户型写明的安置小区：{listed}")
