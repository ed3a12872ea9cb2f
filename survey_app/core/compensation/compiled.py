"""A policy compiled for the engine: what every calculation under one policy version would otherwise look
up or work out again — the rounding quantizer, the texts each option repeats, the resolved flat choices,
and for each mode (and delivery) the items it pays with their cache keys, in segments (a household's
options compute each segment once and share it; see engine.compute_all).

Compiled once per Policy object (a version; ``dataclasses.replace`` makes a new object and so a new
compilation) and kept on it. Two threads compiling at once both build the same thing: a benign race.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, localcontext
from typing import NamedTuple

from survey_app.core.compensation import flat_extras
from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.items.base import ZERO, ItemKind, part_filter
from survey_app.core.compensation.modes import ExchangeMode, FlatType
from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.rounding import METHODS
from survey_app.core.domain.errors import ValidationError

_CENT = Decimal("0.01")


class Entry(NamedTuple):
    """One item an option pays. ``key`` names the item's lines in the household's cache: its index when
    no mode changes them, else one object per (index, what of the mode changes them) — cash and voucher,
    both paying the moving fee once, share one line. ``tracked`` is the item's code when a cap or a
    voucher exclusion of the option needs its subtotal, else ""."""

    key: object
    index: int
    item: ItemKind
    tracked: str


class Segment(NamedTuple):
    """Consecutive entries of an option that no flat changes, taken as one block of lines per household:
    ``key`` (one object per distinct run of entries, hashed by identity) names the block in the household's
    cache, so that options sharing them — every exchange flat choice of one delivery — take the block with
    one look-up. A flat-sensitive item is a segment of its own (``flat_entry``; ``entries`` empty), whose
    lines are cached per flat area."""

    key: object
    entries: tuple[Entry, ...]
    flat_entry: Entry | None


class Key:
    """A cache key object (hashed by identity, cheaply); ``what`` only for reading it in a debugger."""

    __slots__ = ("what",)

    def __init__(self, what: object):
        self.what = what

    def __repr__(self) -> str:
        return f"Key{self.what!r}"


class CompiledPolicy:
    """See the module docstring. Get one with :func:`compiled`."""

    __slots__ = ("policy", "quant", "method", "places", "flat_quant", "flat_method", "flat_places", "area_quant",
                 "area_method", "area_decimals", "describe", "labels", "mode_names", "exchange", "voucher",
                 "valuation_date", "every_flat", "entitlement_filter", "_choices", "_keys", "_layouts", "_caps",
                 "head", "voucher_factor", "entitlement_key")

    def __init__(self, policy: Policy):
        self.policy = policy
        rounding = policy.rounding
        self.quant = Decimal(1).scaleb(-rounding.places)
        self.method = METHODS[rounding.method]
        self.places = rounding.places
        self.flat_places, flat_method = rounding.flat_rule
        self.flat_quant = Decimal(1).scaleb(-self.flat_places)
        self.flat_method = METHODS[flat_method]
        self.area_decimals = rounding.area_decimals
        self.area_quant = Decimal(1).scaleb(-rounding.area_decimals)
        self.area_method = METHODS[rounding.area_method]
        self.describe = rounding.describe()
        self.labels = {mode: policy.mode_label(mode) for mode in policy.mode_names}
        self.mode_names = policy.mode_names
        self.exchange = policy.exchange
        self.voucher = policy.voucher
        self.valuation_date = policy.project.valuation_date
        # The exchange choices of a household that names none: each listed flat type on its own.
        self.every_flat = () if self.exchange is None else tuple((f.key,) for f in self.exchange.flats)
        self.entitlement_filter = None if self.exchange is None else part_filter(
            self.exchange.entitlement_uses, self.exchange.entitlement_legality)
        self._caps = {mode: tuple(cap for cap in policy.caps if mode in cap.modes) for mode in policy.mode_names}
        # What every Calculation under this version carries first: hash, version and project name.
        self.head = (policy.hash, policy.version, policy.project.name)
        # The voucher bonus as a factor (8 → 0.08, exact), and the key of a household's entitlement area
        # in the engine's per-household cache (the same for all its exchange options).
        with localcontext(fx.CONTEXT):
            self.voucher_factor = None if self.voucher is None else fx.percent_factor(self.voucher.bonus_pct)
        self.entitlement_key = Key("entitlement")
        self._layouts: dict[tuple[str, str], tuple[Segment, ...]] = {}
        self._keys: dict[object, Key] = {}
        self._choices: dict[tuple[tuple[str, ...], str], tuple] = {}

    def choice(self, keys: tuple[str, ...], household_delivery: str) -> tuple:
        """(flats, delivery, flat area, flat label, whether any flat has its own price, the choice's flat key
        ``A60+C45``, the extras it buys besides the flats ``B1``: flat_extras.py) of an exchange choice; raises on an
        unknown flat."""
        found = self._choices.get((keys, household_delivery))
        if found is None:
            exchange = self.policy.exchange
            assert exchange is not None
            flat_keys, extras = flat_extras.split_choice(exchange.extras, keys)
            flats = resolve_flats(exchange, flat_keys)
            found = (flats, delivery_of(household_delivery, flats), sum((f.area for f in flats), ZERO),
                     "+".join([f.label for f in flats] + [e.label for e in extras]), any(f.own_price for f in flats),
                     "+".join(keys), extras)
            if len(self._choices) < 1_000:  # choices are few; a flood of odd combinations is not kept
                self._choices[(keys, household_delivery)] = found
        return found

    def counted_areas(self, household: HouseholdInput) -> HouseholdInput:
        """The household with its parts' areas to the policy's decimals (``area_decimals``): a part surveyed
        to 0.001 m² under a two-decimal policy rounded by ``area_method``; under a three-decimal policy every
        area carried with three (so the formula prints them so). The household itself when nothing changes."""
        quant, parts = self.area_quant, household.building_parts
        # ``same_quantum`` (same exponent) first: as_tuple() builds a tuple of digits, ten times the cost.
        if self.area_decimals == 2:
            if all(p.area.same_quantum(_CENT) or p.area.as_tuple().exponent >= -2 for p in parts):
                return household
        elif all(p.area.same_quantum(quant) for p in parts):
            return household
        method = self.area_method
        return replace(household, building_parts=tuple(
            replace(p, area=p.area.quantize(quant, rounding=method)) for p in parts))

    def caps(self, mode: str) -> tuple:
        """The caps that limit an option in ``mode``."""
        return self._caps.get(mode, ())

    def layout(self, mode: str, delivery: str) -> tuple[Segment, ...]:
        """The items an option in ``mode`` with ``delivery`` pays, in payment order, as segments."""
        found = self._layouts.get((mode, delivery))
        if found is None:
            found = self._layouts[(mode, delivery)] = self._build_layout(mode, delivery)
        return found

    def _key(self, what: object) -> Key:
        return self._keys.setdefault(what, Key(what))

    def _build_layout(self, mode: str, delivery: str) -> tuple[Segment, ...]:
        policy = self.policy
        tracked = {code for cap in policy.caps if mode in cap.modes for code in cap.items}
        if mode == "voucher" and policy.voucher is not None:
            tracked.update(policy.voucher.excluded_items)
        segments: list[Segment] = []
        run: list[Entry] = []

        def close_run() -> None:
            if run:
                segments.append(Segment(self._key(tuple((e.key, e.tracked) for e in run)), tuple(run), None))
                run.clear()

        for index, item in enumerate(policy.items):
            if not item.applies(mode, delivery):
                continue
            sensitive = item.mode_sensitive or item.flat_sensitive
            key = self._key((index, item.mode_key(mode, delivery))) if sensitive else index
            entry = Entry(key, index, item, item.code if item.code in tracked else "")
            if item.flat_sensitive:
                close_run()
                segments.append(Segment(key, (), entry))
            else:
                run.append(entry)
        close_run()
        return tuple(segments)


def compiled(policy: Policy) -> CompiledPolicy:
    """The policy's compilation, made on first use."""
    found = policy.__dict__.get("_engine_compiled")
    if found is None:
        found = policy.__dict__["_engine_compiled"] = CompiledPolicy(policy)
    return found


def resolve_flats(exchange: ExchangeMode, keys: tuple[str, ...]) -> tuple[FlatType, ...]:
    """The flat types of a choice, checked against the policy's list and its maximum count."""
    if len(keys) > exchange.max_flats:
        raise ValidationError(f"flat_choices: 最多可选 {exchange.max_flats} 套安置房，选了 {len(keys)} 套", "flat_choices")
    flats = []
    for key in keys:
        found = exchange.flat(key)
        if found is None:
            raise ValidationError(f"flat_choices: 方案中没有户型“{key}”，可选: {'、'.join(f.key for f in exchange.flats)}",
                                  "flat_choices")
        flats.append(found)
    return tuple(flats)


def delivery_of(household_delivery: str, flats: tuple[FlatType, ...]) -> str:
    """现房/期房 of an exchange option: what the policy states for the chosen flats wins (so options for a
    ready and a future flat differ side by side); the household's ``delivery`` fills in when the policy
    is silent; default future (the longer transition, the safer estimate)."""
    if flats and all(f.delivery for f in flats):
        return "ready" if all(f.delivery == "ready" for f in flats) else "future"
    return household_delivery or "future"
