"""应安置面积 (the resettlement entitlement, 安置指标) of a household under ``[modes.exchange]``.

entitlement = max(min(basis × ratio + bonus area, maximum), minimum, persons × per-person area), where the
basis is the legal area of the entitled uses (default) or the homestead area (``entitlement_basis =
"land_area"``: 安置指标为宅基地面积的 1.4 倍，最高 280 m²) and persons are the members counted by
``entitlement_persons`` (人均安置指标不足 35 m² 的补足). Also the part of it settled in cash (货币安置指标)
for an option, and the formula text of both. Pure functions; docs/policy.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.domain.errors import ValidationError

if TYPE_CHECKING:
    from survey_app.core.compensation.items.base import Ctx
    from survey_app.core.compensation.modes import ExchangeMode

ZERO = Decimal(0)
ONE = Decimal(1)
BASES = ("legal_area", "land_area")
PERSONS = ("hukou_here", "all")


def persons(exchange: ExchangeMode, household: HouseholdInput | None) -> int:
    """Members counted for the per-person minimum: those with hukou here (default) or all members."""
    if household is None:
        return 0
    if exchange.entitlement_persons == "all":
        return len(household.members)
    return sum(1 for m in household.members if m.hukou_here)


def _basis(exchange: ExchangeMode, legal_area: Decimal, household: HouseholdInput | None) -> Decimal:
    if exchange.entitlement_basis != "land_area":
        return legal_area
    land = household.land_area if household is not None else None
    if land is None:
        raise ValidationError("land_area: 方案的应安置面积按宅基地面积计算，须填写宅基地面积", "land_area")
    return land


def entitlement(exchange: ExchangeMode, legal_area: Decimal, household: HouseholdInput | None = None) -> Decimal:
    """应安置面积 for a household with ``legal_area`` m² of entitled use (see the module docstring)."""
    value = _basis(exchange, legal_area, household) * exchange.entitlement_ratio + exchange.entitlement_bonus_area
    if exchange.entitlement_maximum is not None and value > exchange.entitlement_maximum:
        value = exchange.entitlement_maximum
    if value < exchange.entitlement_minimum:
        value = exchange.entitlement_minimum
    if exchange.entitlement_per_person:
        value = max(value, persons(exchange, household) * exchange.entitlement_per_person)
    return value


def entitlement_text(exchange: ExchangeMode, legal_area: Decimal, household: HouseholdInput | None) -> str:
    """The entitlement as a formula term without its unit: ``min(210.00 × 1.4, 280)``,
    ``max(min(120.00 × 1.4, 280), 6 人 × 35)``."""
    text = fx.sq(_basis(exchange, legal_area, household))
    if exchange.entitlement_ratio != ONE:
        text += f" × {fx.num(exchange.entitlement_ratio)}"
    if exchange.entitlement_bonus_area:
        text += f" + {fx.num(exchange.entitlement_bonus_area)}"
    if exchange.entitlement_maximum is not None:
        text = f"min({text}, {fx.num(exchange.entitlement_maximum)})"
    floors = [fx.num(exchange.entitlement_minimum)] if exchange.entitlement_minimum else []
    if exchange.entitlement_per_person:
        floors.append(f"{persons(exchange, household)} 人 × {fx.num(exchange.entitlement_per_person)}")
    return f"max({text}, {', '.join(floors)})" if floors else text


def legal_area(exchange: ExchangeMode, ctx: Ctx) -> Decimal:
    """The household's area of the entitled uses and legality (the default basis)."""
    from survey_app.core.compensation.items.base import part_filter

    return ctx.area_of(part_filter(exchange.entitlement_uses, exchange.entitlement_legality))


def of_option(exchange: ExchangeMode, ctx: Ctx) -> tuple[Decimal, str]:
    """(entitlement, its formula term) of the option's household."""
    area = legal_area(exchange, ctx)
    return entitlement(exchange, area, ctx.household), entitlement_text(exchange, area, ctx.household)


def cash_part(exchange: ExchangeMode, ctx: Ctx) -> tuple[Decimal, str]:
    """货币安置指标 of the option: the whole entitlement when no flat is taken (货币补偿), else the part the
    chosen flats leave (entitlement − their area, not below 0); with its formula term."""
    whole, text = of_option(exchange, ctx)
    if ctx.flat_area is None:
        return whole, text
    left = whole - ctx.flat_area
    if left <= ZERO:
        return ZERO, ""
    inner = fx.sq(whole) if text == fx.sq(whole) else text
    return left, f"({inner} − {fx.sq(ctx.flat_area)})"
