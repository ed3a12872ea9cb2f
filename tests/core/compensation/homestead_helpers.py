"""Test helper: the shared engine tests' households made to fit a homestead scheme (应安置面积按宅基地面积).

A scheme that works out the entitlement from the homestead refuses a household without one, as it must; the
generated households mostly have none, so for such a scheme each gets a homestead (its building area, at least
30 m², varied) and, every third one, flat choices that name floors (``H90@5``) so both engine paths see them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy

_CENT = Decimal("0.01")


def fit_homestead(policy: Policy, households: list[HouseholdInput]) -> list[HouseholdInput]:
    """``households`` unchanged unless ``policy`` bases the entitlement on the homestead area (see above)."""
    exchange = policy.exchange
    if exchange is None or exchange.entitlement_basis != "land_area":
        return households
    flats = exchange.flats
    out = []
    for n, h in enumerate(households):
        land = h.land_area
        if land is None:
            land = max(sum((p.area for p in h.building_parts), Decimal(0)) * (1 + n % 3), Decimal(30)).quantize(_CENT)
        choices = h.flat_choices
        if any(exchange.flat(k.split("@")[0]) is None for c in choices for k in c) or (not choices and n % 3 == 0):
            top = flats[-1].floors or 1
            choices = ((f"{flats[0].key}@{1 + n % top}",), (f"{flats[0].key}@1", f"{flats[-1].key}@{top}"),
                       (flats[-1].key,))
        out.append(replace(h, land_area=land, flat_choices=choices))
    return out
