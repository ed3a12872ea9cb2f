"""Mode settings: cash (货币补偿), property exchange (产权调换: flats, resettlement price, banded prices
for area beyond the entitlement) and housing voucher (房票: bonus %, excluded items, validity)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from survey_app.core.compensation import entitlement as ent
from survey_app.core.compensation import flat_extras, flat_floors
from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import DELIVERY, LEGALITY, MODES, USES, HouseholdInput
from survey_app.core.compensation.items.base import ZERO, Draft

_HUNDRED = Decimal(100)
BUILDINGS = ("multi_storey", "high_rise")  # 多层 / 高层 (transition overdue limits by building)
BUILDING_LABELS = {"multi_storey": "多层", "high_rise": "高层"}
# Labels of the excess-area bands by (start, width): equal Decimals print alike (formula.num), and a plain
# dict is safe across threads (a race only writes the same label twice).
_BAND_LABELS: dict[tuple, str] = {}


@dataclass(frozen=True)
class FlatType:
    """A resettlement flat type the household may choose (安置房户型)."""

    key: str
    label: str
    area: Decimal
    delivery: str = ""   # "ready" 现房 / "future" 期房 / "" not stated (the household's input decides)
    # This type's (or listed flat's) own price per m² within the entitlement; None: the resettlement price.
    unit_price: Decimal | None = None
    of_type: str = ""    # a listed flat (一房一价): the key of its flat type; "" for a type
    # A listed flat priced as a whole (整套总价, 元) instead of per m²; None: priced per m².
    total_price: Decimal | None = None
    floors: int | None = None  # floors of its building (楼层差价: a choice names the floor, ``A90@5``)
    floor: int | None = None  # the floor chosen (or a listed flat's own); None: not stated
    building: str = ""  # "multi_storey" 多层 / "high_rise" 高层 (过渡期超期加倍); "" not stated
    site: str = ""  # 安置小区 (``when = { flat_site }`` conditions on it; the agreement names it); "" not stated

    @property
    def location(self) -> str:
        """The flat's 安置地点 as the agreement states it (its ``site``)."""
        return self.site

    @property
    def own_price(self) -> bool:
        """Whether the flat has its own price (per m² or whole), not the resettlement price."""
        return self.unit_price is not None or self.total_price is not None or self.floor is not None


@dataclass(frozen=True)
class PriceBand:
    """Area beyond the entitlement: the next ``width`` m² (None = all the rest) at ``unit_price``."""

    width: Decimal | None
    unit_price: Decimal


@dataclass(frozen=True)
class ExchangeMode:
    """产权调换. Entitlement (应安置面积) = max(legal area × ratio + bonus area, minimum); flat area within
    it costs the resettlement price, area beyond it the banded prices in order."""

    label: str
    resettlement_price: Decimal
    entitlement_ratio: Decimal
    entitlement_bonus_area: Decimal
    entitlement_minimum: Decimal
    entitlement_uses: tuple[str, ...]
    entitlement_legality: tuple[str, ...]
    excess_bands: tuple[PriceBand, ...]
    flats: tuple[FlatType, ...]
    max_flats: int
    listed: tuple[FlatType, ...] = ()  # flats listed one by one under their type, each with its own price
    signing_start: dt.date | None = None  # this mode's own signing period (None: the [project] one)
    signing_end: dt.date | None = None
    # entitlement.py: basis (legal area / homestead area), cap, per-person minimum and whom it counts
    entitlement_basis: str = "legal_area"
    entitlement_maximum: Decimal | None = None
    entitlement_per_person: Decimal = ZERO
    entitlement_persons: str = "hukou_here"
    floor_step: Decimal = ZERO  # flat_floors.py: 每层每平方米递加
    top_floor_discount: Decimal = ZERO  # 顶层递加后减
    extras: tuple[flat_extras.ExtraUnit, ...] = ()  # flat_extras.py: 可另购的附属房源 (地下室), not in the entitlement

    def extra(self, key: str) -> flat_extras.ExtraUnit | None:
        """The purchasable extra (地下室 …) with ``key``, if the policy lists one."""
        return next((e for e in self.extras if e.key == key), None)

    def flat(self, key: str) -> FlatType | None:
        """The flat type, or listed flat, with ``key``, if the policy lists it; ``A90@5`` is type A90 on the
        5th floor (a ValidationError when that floor cannot be chosen)."""
        found = next((f for f in self.flats if f.key == key), None) or next(
            (f for f in self.listed if f.key == key), None)
        if found is None and flat_floors.FLOOR_MARK in key:
            base_key, _, floor = key.rpartition(flat_floors.FLOOR_MARK)
            base = self.flat(base_key)
            return None if base is None else flat_floors.with_floor(self, base, floor)
        return found

    def entitlement(self, legal_area: Decimal, household: HouseholdInput | None = None) -> Decimal:
        """应安置面积 for a household with ``legal_area`` m² of entitled use (entitlement.py)."""
        return ent.entitlement(self, legal_area, household)

    def price_drafts(self, flat_area: Decimal, entitlement: Decimal, label: str,
                     flats: tuple[FlatType, ...] = (), own_prices: bool | None = None) -> list[Draft]:
        """The flat price as negative drafts (the household pays them out of its compensation).
        ``own_prices``: whether any of ``flats`` has its own price (worked out when not given)."""
        if own_prices is None:
            own_prices = any(f.own_price for f in flats)
        if flats and flat_floors.priced_by_floor(self):
            return flat_floors.drafts(self, flats, entitlement)
        if own_prices:
            out, within = self._own_price_drafts(flats, entitlement)
        else:
            # Without bands every square metre costs the resettlement price.
            within = min(flat_area, entitlement) if self.excess_bands else flat_area
            # The flat itself is named in the option's heading; labels stay the same across choices so that
            # options line up row by row side by side.
            # The formula says the area it charges: min(flat, entitlement) only when bands price the rest.
            # Text written when first read (options side by side show amounts only).
            def lhs(banded: bool = bool(self.excess_bands), price: Decimal = self.resettlement_price) -> str:
                area_text = f"min({fx.sq(flat_area)}, {fx.sq(entitlement)}) m²" if banded else fx.area(flat_area)
                return "−" + fx.product(area_text, fx.price(price))
            out = [("安置房购房款（应安置面积内）", lhs, -(within * self.resettlement_price))]
        rest, start = flat_area - within, ZERO
        for band in self.excess_bands:
            if rest <= ZERO:
                break
            width = band.width
            part = rest if width is None or rest <= width else width  # min(rest, width)
            name = _BAND_LABELS.get((start, width))  # the few band labels recur in every exchange option
            if name is None:
                where = f"{fx.num(start)} m² 以上部分" if width is None else f"{fx.num(start)}–{fx.num(start + width)} m²"
                if len(_BAND_LABELS) > 1_000:
                    _BAND_LABELS.clear()
                name = _BAND_LABELS[(start, width)] = f"安置房购房款（超出应安置面积 {where}）"
            def band_lhs(part: Decimal = part, price: Decimal = band.unit_price) -> str:
                return "−" + fx.product(fx.area(part), fx.price(price))
            out.append((name, band_lhs, -(part * band.unit_price)))
            rest -= part
            start += part
        return out


    def _own_price_drafts(self, flats: tuple[FlatType, ...], entitlement: Decimal) -> tuple[list[Draft], Decimal]:
        """Flats with their own prices: one line per flat, each at its price (the resettlement price when it
        has none); with bands the entitlement is taken up by the flats in the order chosen."""
        out, within_total, left = [], ZERO, entitlement
        for flat in flats:
            if flat.total_price is not None:  # 整套总价: the flat costs its total (no bands: refused on loading)
                name = "安置房购房款（整套总价）" if len(flats) == 1 else f"安置房购房款（{flat.label}，整套总价）"
                total = flat.total_price  # written to the fen when it has fen (285,432.10 元, not 285,432.1)
                text = fx.num(total) if total == total.to_integral_value() else fx.amount(total, 2)
                out.append((name, f"−{text} 元（{flat.label} 整套总价）", -total))
                within_total += flat.area
                continue
            price = self.resettlement_price if flat.unit_price is None else flat.unit_price
            if self.excess_bands:
                within = min(flat.area, max(left, ZERO))
                area_text = f"min({fx.sq(flat.area)}, {fx.sq(max(left, ZERO))}) m²"
                left -= within
            else:
                within, area_text = flat.area, fx.area(flat.area)
            name = "安置房购房款（应安置面积内）" if len(flats) == 1 else f"安置房购房款（{flat.label}，应安置面积内）"
            out.append((name, "−" + fx.product(area_text, fx.price(price)), -(within * price)))
            within_total += within
        return out, within_total


@dataclass(frozen=True)
class VoucherMode:
    """房票: face value = non-excluded compensation × (1 + bonus %); excluded items are paid in cash."""

    label: str
    bonus_pct: Decimal
    excluded_items: tuple[str, ...]
    valid_months: int
    signing_start: dt.date | None = None  # this mode's own signing period (None: the [project] one)
    signing_end: dt.date | None = None


@dataclass(frozen=True)
class CashMode:
    """货币补偿: the compensation is paid in money."""

    label: str
    signing_start: dt.date | None = None  # this mode's own signing period (None: the [project] one)
    signing_end: dt.date | None = None


def _period(t: Table) -> dict[str, dt.date | None]:
    """``signing_start``/``signing_end`` of one mode (its own 签约期, e.g. 货币补偿 4-16—5-30, 产权调换 6-18—8-31)."""
    start, end = t.date("signing_start", required=False), t.date("signing_end", required=False)
    if start and end and end < start:
        t.fail("signing_end", "签约期结束日期早于开始日期")
    return {"signing_start": start, "signing_end": end}


def read_modes(t: Table) -> dict[str, object]:
    """Parse ``[modes.*]``; at least one mode is required."""
    modes: dict[str, object] = {}
    for name in t.data:
        if name not in MODES:
            t.fail(name, f"未知的安置方式，应为: {'、'.join(MODES)}")
            t.has(name)
    cash = t.table("cash", required=False)
    if cash is not None:
        modes["cash"] = CashMode(cash.text("label", required=False, default=MODES["cash"]) or MODES["cash"],
                                 **_period(cash))
        cash.finish()
    exchange = t.table("exchange", required=False)
    if exchange is not None:
        modes["exchange"] = _read_exchange(exchange)
        exchange.finish()
    voucher = t.table("voucher", required=False)
    if voucher is not None:
        modes["voucher"] = VoucherMode(
            label=voucher.text("label", required=False, default=MODES["voucher"]) or MODES["voucher"],
            bonus_pct=voucher.decimal("bonus_pct", maximum=_HUNDRED) or ZERO,
            excluded_items=voucher.text_list("excluded_items"),
            valid_months=voucher.integer("valid_months", required=False, default=0) or 0, **_period(voucher))
        voucher.finish()
    if not modes:
        t.fail("", "至少需要一种安置方式（[modes.cash]、[modes.exchange] 或 [modes.voucher]）")
    return modes


def _read_exchange(t: Table) -> ExchangeMode:
    bands = []
    band_rows = t.tables("excess_bands")
    for index, row in enumerate(band_rows):
        width = row.decimal("width", required=False)
        if width is not None and width <= 0:
            row.fail("width", "档宽应大于 0")
        if width is None and index != len(band_rows) - 1:
            row.fail("width", "只有最后一档可以不写 width（其余面积）")
        bands.append(PriceBand(width, row.decimal("unit_price") or ZERO))
        row.finish()
    if bands and bands[-1].width is not None:
        band_rows[-1].fail("width", "最后一档应不写 width，表示其余全部超出面积")
    flats: list[FlatType] = []
    listed: list[FlatType] = []
    for row in t.tables("flats", required=True):
        flat = FlatType(row.text("key") or "", row.text("label") or "", row.decimal("area") or ZERO,
                        row.choice("delivery", DELIVERY, required=False, default="") or "",
                        row.decimal("unit_price", required=False),
                        floors=row.integer("floors", required=False, minimum=1),
                        building=row.choice("building", BUILDINGS, required=False, default="") or "",
                        site=row.text("site", required=False, default="") or "")
        _check_key(row, flat.key, flats + listed)
        flats.append(flat)
        for one in row.tables("listed"):
            # 一房一价: a flat of this type listed by its number, with its own price and (if not the type's) area.
            listed_flat = FlatType(one.text("key") or "", one.text("label", required=False) or "",
                                   one.decimal("area", required=False) or flat.area, flat.delivery,
                                   one.decimal("unit_price", required=False), flat.key,
                                   one.decimal("total_price", required=False), flat.floors,
                                   one.integer("floor", required=False, minimum=1), flat.building, flat.site)
            if listed_flat.floor is not None and listed_flat.floors is not None and listed_flat.floor > listed_flat.floors:
                one.fail("floor", f"房源“{listed_flat.key}”在第 {listed_flat.floor} 层，但户型“{flat.key}”所在楼只有 {flat.floors} 层")
            _check_listed_price(one, listed_flat, bool(bands))
            if not listed_flat.label:
                listed_flat = replace(listed_flat, label=f"{flat.label} {listed_flat.key}")
            _check_key(one, listed_flat.key, flats + listed)
            listed.append(listed_flat)
            one.finish()
        row.finish()
    if not flats:
        t.fail("flats", "产权调换须至少列出一种安置房户型")
    extra = _read_entitlement_and_floors(t, flats)
    return ExchangeMode(
        label=t.text("label", required=False, default=MODES["exchange"]) or MODES["exchange"],
        resettlement_price=t.decimal("resettlement_price") or ZERO,
        entitlement_ratio=t.decimal("entitlement_ratio", required=False, default=Decimal(1)),
        entitlement_bonus_area=t.decimal("entitlement_bonus_area", required=False, default=ZERO),
        entitlement_minimum=t.decimal("entitlement_minimum", required=False, default=ZERO),
        entitlement_uses=t.text_list("entitlement_uses", choices=USES, default=("residential",)),
        entitlement_legality=t.text_list("entitlement_legality", choices=LEGALITY,
                                         default=("registered", "found_legal")),
        excess_bands=tuple(bands), flats=tuple(flats),
        max_flats=t.integer("max_flats", required=False, default=2, minimum=1) or 2, listed=tuple(listed),
        extras=flat_extras.read_extras(t, [f.key for f in flats + listed]), **_period(t), **extra)


def _read_entitlement_and_floors(t: Table, flats: list[FlatType]) -> dict[str, object]:
    """``entitlement_basis`` / ``entitlement_maximum`` / ``entitlement_per_person`` / ``entitlement_persons``
    (entitlement.py) and ``floor_step`` / ``top_floor_discount`` (flat_floors.py), checked together."""
    out: dict[str, object] = {
        "entitlement_basis": t.choice("entitlement_basis", ent.BASES, required=False, default="legal_area"),
        "entitlement_maximum": t.decimal("entitlement_maximum", required=False),
        "entitlement_per_person": t.decimal("entitlement_per_person", required=False, default=ZERO),
        "entitlement_persons": t.choice("entitlement_persons", ent.PERSONS, required=False, default="hukou_here"),
        "floor_step": t.decimal("floor_step", required=False, default=ZERO),
        "top_floor_discount": t.decimal("top_floor_discount", required=False, default=ZERO)}
    maximum, minimum = out["entitlement_maximum"], t.data.get("entitlement_minimum")
    if maximum is not None and maximum <= 0:
        t.fail("entitlement_maximum", "应安置面积上限应大于 0")
    elif maximum is not None and isinstance(minimum, (int, Decimal, str)) and (ent_min := _num(minimum)) is not None \
            and ent_min > maximum:
        t.fail("entitlement_maximum", f"应安置面积上限 {maximum} m² 小于最低应安置面积 {ent_min} m²")
    if "entitlement_persons" in t.data and not out["entitlement_per_person"]:
        t.fail("entitlement_persons", "写了计人方式，但没有写人均最低应安置面积 entitlement_per_person")
    if out["floor_step"] or out["top_floor_discount"]:
        for index, flat in enumerate(flats):
            if flat.floors is None:
                t.problems.add(f"{t.key('flats')}[{index}].floors",
                               f"方案按楼层定价（floor_step / top_floor_discount），户型“{flat.key}”须写所在楼的层数 floors")
    elif any(f.floors is not None for f in flats):
        t.problems.warn(t.key("floor_step"), "户型写了层数 floors，但方案没有楼层差价（floor_step / top_floor_discount），层数不起作用")
    return out


def _num(value: object) -> Decimal | None:
    from survey_app.core.compensation.fields import to_decimal

    return to_decimal(value)


def _check_listed_price(row: Table, flat: FlatType, banded: bool) -> None:
    """A listed flat has a price per m² (``unit_price``) or a whole price (``total_price``), one of them; a
    whole price cannot be split at the entitlement, so it is refused where excess bands price the area."""
    if (flat.unit_price is None) == (flat.total_price is None):
        row.fail("unit_price", f"房源“{flat.key}”须写且只写 unit_price（元/m²）或 total_price（整套总价，元）之一")
    elif flat.total_price is not None and flat.total_price <= 0:
        row.fail("total_price", f"房源“{flat.key}”的整套总价应大于 0")
    elif flat.total_price is not None and banded:
        row.fail("total_price", f"房源“{flat.key}”写了整套总价，但方案按超出应安置面积分档计价（excess_bands）："
                                "整套总价无法按应安置面积拆分，请改写每平方米单价 unit_price")


def _check_key(row: Table, key: str, known: list[FlatType]) -> None:
    if any(f.key == key for f in known):
        row.fail("key", f"户型键“{key}”重复")
    if "+" in key:
        row.fail("key", "户型键不能含“+”（多套组合用 + 连接）")
    if flat_floors.FLOOR_MARK in key:
        row.fail("key", "户型键不能含“@”（选房时“A90@5”表示 A90 户型第 5 层）")
