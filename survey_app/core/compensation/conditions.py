"""Conditions on an item: ``when = { … }`` — one small declarative vocabulary, no expressions.

Every key narrows who is paid; keys combine with AND, list values with OR. Three sorts:

* option keys (``mode``, ``delivery``) are decided when the policy is compiled: an item whose option
  condition fails is not part of that option at all;
* household keys (``owner_type``, ``has_business``, ``hukou_here``, ``signed_from``/``signed_until``,
  ``handed_over_by``, ``area_min``/``area_max``/``area_under``/``area_over``, ``house_type``/``not_house_type``)
  are checked once per household;
* part keys (``use``, ``legality``, ``part_category``, ``part_area_min``/``part_area_max``) choose which
  building parts the item counts; a household with no such part gets nothing from the item.

Area bounds follow the legal reading of Chinese amounts (民法典第一千二百五十九条): 以上/以下 include the
number (``area_min`` ≥, ``area_max`` ≤), 不足/超过 do not (``area_under`` <, ``area_over`` >). The
household's area is the total of the parts the item counts (its ``uses``, ``legality`` and part keys).
``handed_over_by``: the household's 交房验收 date on or before the date; before the hand-over the item is priced
as if it will be met and its line says so (“以 2016-05-15 前腾空交房为条件”, as signing tiers do: items/tiers.py).
``flat_site`` (安置小区): paid only to a property-exchange option whose chosen flats are **all** at one of these
sites (the flat types' ``site``); cash, voucher and options with a flat elsewhere get nothing (flat_sites.py).
``agreement_effective = true`` (以协议生效为前提) decides nothing: the item is priced and its line states the project's
协议生效条件 (effect.py).
``house_type`` / ``not_house_type``: the household's house type is the set of categories of the building parts
the item counts by its ``uses`` and ``legality`` (not narrowed by the part keys); the household has a part of one
of these categories / has none. Unlike ``part_category`` they choose households, not parts: an area-priced item
still counts all its parts. “自建住宅 8,000 元、住宅套房 4,000 元” for a household that has both → the 套房 item
writes ``not_house_type = ["自建住宅"]`` so it is paid once, at the higher amount.
Documented, each with a Chinese example, in docs/policy.md. Immutable after loading.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import DELIVERY, LEGALITY, MODES, OWNER_TYPES, USES, BuildingPart

if TYPE_CHECKING:
    from collections.abc import Callable

    from survey_app.core.compensation.inputs import HouseholdInput
    from survey_app.core.compensation.items.base import Ctx, Draft, ItemKind

KEYS = ("owner_type", "mode", "delivery", "use", "legality", "part_category", "area_min", "area_max",
        "area_under", "area_over", "part_area_min", "part_area_max", "has_business", "hukou_here",
        "signed_from", "signed_until", "handed_over_by", "agreement_effective", "house_type", "not_house_type",
        "flat_site")


class Conditions:
    """A parsed ``when`` table. ``holds`` (household keys) and ``accepts`` (part keys) are what the engine
    asks; ``allows_option`` is asked once per mode and delivery when the policy is compiled."""

    __slots__ = ("owner_types", "modes", "deliveries", "uses", "legality", "categories", "area_min",
                 "area_max", "area_under", "area_over", "part_min", "part_max", "has_business", "hukou_here",
                 "signed_from", "signed_until", "handed_over_by", "agreement_effective", "filters_parts",
                 "checks_household", "house_types", "not_house_types", "flat_sites")

    def __init__(self, t: Table, policy_modes: tuple[str, ...]):
        t.owner = "支付条件（when）"
        self.owner_types = t.text_list("owner_type", choices=OWNER_TYPES)
        self.modes = t.text_list("mode", choices=[m for m in MODES if m in policy_modes])
        self.deliveries = t.text_list("delivery", choices=DELIVERY)
        self.uses = t.text_list("use", choices=USES)
        self.legality = t.text_list("legality", choices=LEGALITY)
        self.categories = t.text_list("part_category")
        self.area_min = t.decimal("area_min", required=False)
        self.area_max = t.decimal("area_max", required=False)
        self.area_under = t.decimal("area_under", required=False)
        self.area_over = t.decimal("area_over", required=False)
        self.part_min = t.decimal("part_area_min", required=False)
        self.part_max = t.decimal("part_area_max", required=False)
        self.has_business = _flag(t, "has_business")
        self.hukou_here = _flag(t, "hukou_here")
        self.signed_from = t.date("signed_from", required=False)
        self.signed_until = t.date("signed_until", required=False)
        self.handed_over_by = t.date("handed_over_by", required=False)
        self.house_types = frozenset(t.text_list("house_type"))
        self.not_house_types = frozenset(t.text_list("not_house_type"))
        self.flat_sites = frozenset(t.text_list("flat_site"))  # 安置小区 of the chosen flats (flat_sites.py)
        both = self.house_types & self.not_house_types
        if both:
            t.fail("not_house_type", f"类别“{'、'.join(sorted(both))}”同时写在 house_type 和 not_house_type 中，"
                                     "这个条件没有户能满足")
        # 以协议生效为前提: never decides a household (the laptop cannot know), only says so (effect.py)
        self.agreement_effective = _flag(t, "agreement_effective") or False
        if t.data.get("agreement_effective") is False:
            t.fail("agreement_effective", "只能写 true（以协议生效为前提）；不以协议生效为前提的项目不写此键")
        if self.signed_from and self.signed_until and self.signed_until < self.signed_from:
            t.fail("signed_until", "签约日期范围的结束早于开始")
        low = max((x for x in (self.area_min, self.area_over) if x is not None), default=None)
        high = min((x for x in (self.area_max, self.area_under) if x is not None), default=None)
        if low is not None and high is not None and high < low:
            t.fail("area_max", f"面积范围为空：下限 {low} 大于上限 {high}")
        self.filters_parts = bool(self.uses or self.legality or self.categories or self.part_min is not None
                                  or self.part_max is not None)
        self.checks_household = self.filters_parts or any(x is not None for x in (
            self.area_min, self.area_max, self.area_under, self.area_over, self.has_business, self.hukou_here,
            self.signed_from, self.signed_until, self.handed_over_by)) or bool(self.owner_types) \
            or bool(self.house_types or self.not_house_types) or bool(self.flat_sites)
        t.finish()

    def allows_option(self, mode: str, delivery: str) -> bool:
        """Whether the option (mode, 现房/期房) meets the option keys."""
        if self.modes and mode not in self.modes:
            return False
        if self.flat_sites and mode != "exchange":  # only a flat chosen at the site earns it
            return False
        return not self.deliveries or delivery in self.deliveries

    def accepts(self, part: BuildingPart) -> bool:
        """Whether the part keys let the item count this building part."""
        if self.uses and part.use not in self.uses:
            return False
        if self.legality and part.legality not in self.legality:
            return False
        if self.categories and part.category not in self.categories:
            return False
        if self.part_min is not None and part.area < self.part_min:
            return False
        return self.part_max is None or part.area <= self.part_max

    def holds(self, ctx: Ctx, item: ItemKind) -> bool:
        """Whether the household keys hold for the household in ``ctx`` (as counted by ``item``)."""
        household = ctx.household
        if self.owner_types and household.owner_type not in self.owner_types:
            return False
        if self.flat_sites and (not ctx.flats or any(f.site not in self.flat_sites for f in ctx.flats)):
            return False
        if self.has_business is not None and (household.business is not None) != self.has_business:
            return False
        if self.hukou_here is not None and any(m.hukou_here for m in household.members) != self.hukou_here:
            return False
        if self.signed_from is not None or self.signed_until is not None:
            signed = household.signing_date
            if signed is None or not _within(signed, self.signed_from, self.signed_until):
                return False
        if self.handed_over_by is not None and household.handover_date is not None \
                and household.handover_date > self.handed_over_by:
            return False
        if self.filters_parts and not any(self.accepts(p) for p in household.building_parts):
            return False
        if (self.house_types or self.not_house_types) and not self._house_type_holds(household, item):
            return False
        if any(x is not None for x in (self.area_min, self.area_max, self.area_under, self.area_over)):
            area = item.area(ctx)
            if self.area_min is not None and area < self.area_min:
                return False
            if self.area_max is not None and area > self.area_max:
                return False
            if self.area_under is not None and area >= self.area_under:
                return False
            if self.area_over is not None and area <= self.area_over:
                return False
        return True


    def _house_type_holds(self, household: HouseholdInput, item: ItemKind) -> bool:
        """``house_type`` / ``not_house_type`` against the categories of the parts the item counts."""
        kinds = {p.category for p in household.building_parts if p.use in item.uses and p.legality in item.legality}
        if self.house_types and not kinds & self.house_types:
            return False
        return not kinds & self.not_house_types

    def noted(self, drafts: list[Draft], household: HouseholdInput) -> list[Draft]:
        """The drafts of a household not yet handed over, each saying the hand-over deadline it is priced on."""
        if self.handed_over_by is None or household.handover_date is not None:
            return drafts
        note = f"（以 {self.handed_over_by.isoformat()} 前腾空交房为条件）"
        return [(label, _with_note(lhs, note), raw) for label, lhs, raw in drafts]


def _with_note(lhs: str | Callable[[], str], note: str) -> str | Callable[[], str]:
    return lhs + note if isinstance(lhs, str) else lambda: lhs() + note


def _flag(t: Table, name: str) -> bool | None:
    """true / false when written, None when not."""
    if not t.has(name):
        return None
    return t.boolean(name)


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def read_conditions(t: Table, policy_modes: tuple[str, ...]) -> Conditions | None:
    """The item's ``when`` table, or None when it has none."""
    table = t.table("when", required=False)
    if table is None:
        return None
    if t.data.get("when") == {}:
        t.fail("when", "when 是空表：没有条件就不要写 when")
    return Conditions(table, policy_modes)

