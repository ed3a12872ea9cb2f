"""Flat prices by floor (楼层差价): ``[modes.exchange]`` ``floor_step`` (从第二层起每层每平方米递加 N 元) and
``top_floor_discount`` (顶层递加后减 N 元). A flat type states its building's ``floors``; the household's choice
names the floor as ``A90@5`` (a listed flat states its own ``floor``). Price per m² on floor f of n:
base + (f − 1) × step, less the discount when f = n — for the area within the entitlement (base: the flat's
own price or the resettlement price) and for the area beyond it (base: the band's price). docs/policy.md.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from survey_app.core.compensation import formula as fx
from survey_app.core.domain.errors import ValidationError

if TYPE_CHECKING:
    from survey_app.core.compensation.items.base import Draft
    from survey_app.core.compensation.modes import ExchangeMode, FlatType

ZERO = Decimal(0)
ONE = Decimal(1)
FLOOR_MARK = "@"
_CENT = Decimal("0.01")


def _sq(value: Decimal) -> str:
    """An area worked out by multiplying (210.000 = 150.00 × 1.4) printed to 0.01 m² when that is exact."""
    return fx.sq(value.quantize(_CENT) if value == value.quantize(_CENT) else value)


def priced_by_floor(exchange: ExchangeMode) -> bool:
    """Whether the scheme prices flats by floor at all."""
    return bool(exchange.floor_step or exchange.top_floor_discount)


def with_floor(exchange: ExchangeMode, flat: FlatType, floor_text: str) -> FlatType:
    """The flat type ``flat`` on the floor a choice names (``A90@5`` → floor 5); a clear error otherwise."""
    where = f"flat_choices: “{flat.key}{FLOOR_MARK}{floor_text}”"
    if not priced_by_floor(exchange):
        raise ValidationError(f"{where}：本方案不按楼层定价，户型键后不能写“@楼层”", "flat_choices")
    if flat.of_type or flat.floors is None:
        raise ValidationError(f"{where}：房源“{flat.key}”已有自己的楼层，不能再选楼层", "flat_choices")
    if not floor_text.isdigit() or not 1 <= int(floor_text) <= flat.floors:
        raise ValidationError(f"{where}：楼层应为 1 到 {flat.floors} 之间的整数（{flat.label}所在楼共 {flat.floors} 层）",
                              "flat_choices")
    floor = int(floor_text)
    return replace(flat, key=f"{flat.key}{FLOOR_MARK}{floor}", floor=floor, label=f"{flat.label} {floor} 层")


def adjustment(exchange: ExchangeMode, flat: FlatType) -> tuple[Decimal, str]:
    """(price change per m² for the flat's floor, its formula text ``+ (5 − 1) × 20 − 40``); (0, "") on the
    first floor below the top, or when no floor is chosen."""
    floor = flat.floor
    if floor is None:
        return ZERO, ""
    top = flat.floors is not None and floor == flat.floors and exchange.top_floor_discount > 0
    value, text = ZERO, ""
    if floor > 1 and exchange.floor_step:
        value = (floor - 1) * exchange.floor_step
        text = f" + ({floor} − 1) × {fx.num(exchange.floor_step)}"
    if top:
        value -= exchange.top_floor_discount
        text += f" − {fx.num(exchange.top_floor_discount)}"
    return value, text


def _price(base: Decimal, adj: Decimal, adj_text: str) -> str:
    return fx.price(base) if not adj_text else f"({fx.num(base)}{adj_text}) 元/m²"


def drafts(exchange: ExchangeMode, flats: tuple[FlatType, ...], entitlement: Decimal) -> list[Draft]:
    """The flat price, one line per flat (and per band beyond the entitlement), each at its floor's price; the
    entitlement is taken up by the flats in the order chosen. A floor-priced type chosen without a floor is
    priced at the base (its line says so)."""
    out: list = []
    left, excess_start = entitlement, ZERO
    for flat in flats:
        if flat.total_price is not None:  # 整套总价 (no bands: refused on loading)
            out.append((f"安置房购房款（{flat.label}，整套总价）", f"−{fx.num(flat.total_price)} 元", -flat.total_price))
            continue
        adj, adj_text = adjustment(exchange, flat)
        note = "，楼层未定按底价" if flat.floor is None and flat.floors is not None else ""
        base = exchange.resettlement_price if flat.unit_price is None else flat.unit_price
        if exchange.excess_bands:
            room = max(left, ZERO)
            within = min(flat.area, room)
            area_text = f"min({fx.sq(flat.area)}, {_sq(room)}) m²"
            left -= within
        else:
            within, area_text = flat.area, fx.area(flat.area)
        out.append((f"安置房购房款（{flat.label}{note}，应安置面积内）",
                    "−" + fx.product(area_text, _price(base, adj, adj_text)), -(within * (base + adj))))
        rest, start = flat.area - within, ZERO
        for band in exchange.excess_bands:  # this flat's excess area continues where the previous flat's ended
            end = None if band.width is None else start + band.width
            lo = max(start, excess_start)
            hi = excess_start + rest if end is None else min(end, excess_start + rest)
            if hi > lo:
                where = f"{fx.num(start)} m² 以上部分" if end is None else f"{fx.num(start)}–{fx.num(end)} m²"
                out.append((f"安置房购房款（{flat.label}{note}，超出应安置面积 {where}）",
                            "−" + fx.product(f"{_sq(hi - lo)} m²", _price(band.unit_price, adj, adj_text)),
                            -((hi - lo) * (band.unit_price + adj))))
            if end is None:
                break
            start = end
        excess_start += rest
    return out
