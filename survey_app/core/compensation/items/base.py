"""What every item kind shares: common keys (code, label, modes, uses, legality), price sources, and the
per-option context the kinds read the household from.

An item kind turns (policy parameters, household, mode, flats) into *drafts*: a label, the left-hand side
of the formula and the exact, unrounded amount. The engine rounds drafts into lines, so rounding lives in
one place. Kinds are immutable after loading and safe to share between threads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import ClassVar, NamedTuple

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.conditions import Conditions, read_conditions
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import HARDSHIP_FLAGS, LEGALITY, MODES, USES, BuildingPart, HouseholdInput
from survey_app.core.compensation.items.limits import Limits, read_limits
from survey_app.core.domain.errors import ValidationError

ZERO = Decimal(0)
ONE = Decimal(1)
LEGAL = ("registered", "found_legal")
_MEMBERS = object()  # a household's cache key of Ctx.members_in


class Draft(NamedTuple):
    """One line before rounding: ``lhs`` is the formula up to (not including) ``= amount``.

    ``lhs`` may be a function of no arguments returning that text: it is then written only when the
    line's formula is read (options compared side by side show amounts only). Such a function must
    capture values, not loop variables that change afterwards (bind them as default arguments).

    Kinds build drafts as plain ``(label, lhs, raw)`` tuples — this class names the fields; a NamedTuple's
    constructor costs several times a tuple's, and the engine makes ~20 drafts per household — and the
    engine reads them by position.
    """

    label: str
    lhs: str | Callable[[], str]
    raw: Decimal


class Ctx:
    """The household as seen by one option (mode + flats). Created by the engine per option."""

    __slots__ = ("household", "mode", "delivery", "flat_area", "flat_label", "flats", "own_prices", "valuation_date",
                 "_cache", "extras")

    def __init__(self, household: HouseholdInput, mode: str, delivery: str, flat_area: Decimal | None,
                 flat_label: str, valuation_date: dt.date | None, cache: dict):
        self.household = household
        self.mode = mode
        self.delivery = delivery
        self.flat_area = flat_area
        self.flat_label = flat_label
        self.flats: tuple = ()  # the chosen flat types (FlatType), set by the engine for an exchange option
        self.own_prices = False  # whether one of them has its own price (一房一价)
        self.extras: tuple = ()  # extras bought besides the flats (地下室; flat_extras.py), set by the engine
        self.valuation_date = valuation_date
        # Shared by all options of one household: part filtering is the same whatever the mode.
        self._cache = cache

    def price(self, use: str) -> Decimal:
        """Appraised unit price for ``use``; a clear error when the appraisal lacks it."""
        value = self.household.unit_price(use)
        if value is None:
            raise ValidationError(f"appraisal.unit_price.{use}: 缺少{USES.get(use, use)}用途的评估单价",
                                  f"appraisal.unit_price.{use}")
        return value

    def members_in(self) -> dict[str, int]:
        """How many members fall in each hardship category (as ``Member.has`` reads them), counted once per
        household for every hardship item."""
        found = self._cache.get(_MEMBERS)
        if found is None:
            found = {}
            for m in self.household.members:
                for flag in HARDSHIP_FLAGS:
                    if getattr(m, flag):
                        found[flag] = found.get(flag, 0) + 1
                for flag in set(m.flags):
                    if flag not in HARDSHIP_FLAGS:
                        found[flag] = found.get(flag, 0) + 1
            self._cache[_MEMBERS] = found
        return found

    def temporary_valid(self, part: BuildingPart) -> bool:
        """A temporary building counts as 'within its term' if flagged so or its term ends on/after valuation."""
        term = part.temporary_term_valid
        if isinstance(term, bool):
            return term
        if isinstance(term, dt.date):
            return self.valuation_date is None or term >= self.valuation_date
        return False

    def parts(self, uses: tuple[str, ...], legality: tuple[str, ...],
              where: Conditions | None = None) -> tuple[BuildingPart, ...]:
        """Building parts whose use and legality are among those given and that ``where`` (an item's part
        conditions) accepts (cached per household)."""
        return self.matching(part_filter(uses, legality, where))

    def area(self, uses: tuple[str, ...], legality: tuple[str, ...], where: Conditions | None = None) -> Decimal:
        """Total area of the matching parts."""
        return self.area_of(part_filter(uses, legality, where))

    def has_use(self, uses: tuple[str, ...], where: Conditions | None = None) -> bool:
        """Whether any building part has one of ``uses`` (and is accepted by ``where``)."""
        return self.has(part_filter(uses, (), where))

    def matching(self, f: PartFilter) -> tuple[BuildingPart, ...]:
        """The parts ``f`` accepts (cached per household)."""
        found = self._cache.get(f)
        if found is None:
            uses, legality, where = f.uses, f.legality, f.where
            found = self._cache[f] = tuple([p for p in self.household.building_parts if p.use in uses
                                            and p.legality in legality and (where is None or where.accepts(p))])
        return found

    def area_of(self, f: PartFilter) -> Decimal:
        """Total area of the parts ``f`` accepts (cached per household)."""
        found = self._cache.get(f.area_key)
        if found is None:
            found = ZERO
            for p in self.matching(f):
                found += p.area
            self._cache[f.area_key] = found
        return found

    def has(self, f: PartFilter) -> bool:
        """Whether any part has one of ``f``'s uses and is accepted by its part conditions (whatever the
        legality: ``f.has_key`` is shared by the filters that differ only in legality)."""
        found = self._cache.get(f.has_key)
        if found is None:
            uses, where = f.uses, f.where
            found = self._cache[f.has_key] = any(p.use in uses and (where is None or where.accepts(p))
                                                 for p in self.household.building_parts)
        return found


class PartFilter:
    """Which building parts an item counts: uses, legality and part conditions. One object per distinct
    filter (:func:`part_filter`), so that a household's cache finds them by an identity-hashed key rather
    than by hashing the tuples of uses and legality on every look-up."""

    __slots__ = ("uses", "legality", "where", "area_key", "has_key")

    def __init__(self, uses: tuple[str, ...], legality: tuple[str, ...], where: Conditions | None, has_key: object):
        self.uses = uses
        self.legality = legality
        self.where = where
        self.area_key = object()
        self.has_key = has_key


_FILTERS: dict[tuple, PartFilter] = {}
_HAS_KEYS: dict[tuple, object] = {}


def part_filter(uses: tuple[str, ...], legality: tuple[str, ...], where: Conditions | None = None) -> PartFilter:
    """The one PartFilter of (uses, legality, where). A dict of immutable objects: a race between threads
    only makes a second, equal filter, whose households' look-ups are then not shared — never wrong."""
    key = (uses, legality, where)
    found = _FILTERS.get(key)
    if found is None:
        if len(_FILTERS) > 10_000:  # many policies loaded in one process (tests): start again
            _FILTERS.clear()
            _HAS_KEYS.clear()
        has_key = _HAS_KEYS.setdefault((uses, where), object())
        found = _FILTERS[key] = PartFilter(uses, legality, where, has_key)
    return found


class PriceSource:
    """Where a unit price comes from: a fixed price, a price per use or per structure, or the appraisal.

    Policy keys (at most one): ``unit_price``, ``unit_price_by_use``, ``unit_price_by_structure``,
    ``price = "part_appraisal"`` (each part's own price in the appraisal report); none of them means the
    household's appraised price for the part's use.
    """

    __slots__ = ("fixed", "by_use", "by_structure", "per_part")

    def __init__(self, t: Table):
        self.fixed = t.decimal("unit_price", required=False)
        self.by_use = t.decimal_map("unit_price_by_use", required=False, keys=USES)
        self.by_structure = t.decimal_map("unit_price_by_structure", required=False)
        self.per_part = t.choice("price", ("part_appraisal", "use_appraisal"), required=False,
                                 default="use_appraisal") == "part_appraisal"
        if sum(bool(x) for x in (self.fixed is not None, self.by_use, self.by_structure, self.per_part)) > 1:
            t.fail("unit_price", "unit_price、unit_price_by_use、unit_price_by_structure、price = \"part_appraisal\" 只能写一个")

    def for_part(self, ctx: Ctx, part: BuildingPart) -> Decimal:
        """Unit price for one building part."""
        if self.fixed is not None:
            return self.fixed
        if self.per_part:
            if part.unit_price is None:
                name = part.label or USES.get(part.use, part.use)
                raise ValidationError(f"building_parts.unit_price: 建筑部分“{name}”没有评估报告中的单价"
                                      "（本项目按各建筑部分的评估单价计算）", "building_parts.unit_price")
            return part.unit_price
        if self.by_structure:
            price = self.by_structure.get(part.structure)
            if price is None:
                raise ValidationError(f"building_parts.structure: 方案没有结构“{part.structure or '（空）'}”的单价，"
                                      f"可选: {'、'.join(self.by_structure)}", "building_parts.structure")
            return price
        return self.for_use(ctx, part.use)

    def for_use(self, ctx: Ctx, use: str) -> Decimal:
        """Unit price for an area of ``use`` (no single part)."""
        if self.fixed is not None:
            return self.fixed
        if self.by_use:
            price = self.by_use.get(use)
            if price is None:
                raise ValidationError(f"方案没有{USES.get(use, use)}用途的单价", "use")
            return price
        if self.by_structure or self.per_part:
            raise ValidationError("按结构或按建筑部分评估单价定价的项目只能逐个建筑部分计算", "structure")
        return ctx.price(use)


def by_mode(table: dict, mode: str, delivery: str, default: object = None) -> object:
    """Look a per-mode value up: ``<mode>_<delivery>`` first (``exchange_future``), then ``<mode>``,
    then ``default`` — so HQ writes only the distinctions its scheme makes."""
    if delivery:
        value = table.get(f"{mode}_{delivery}")
        if value is not None:
            return value
    value = table.get(mode)
    if value is not None:
        return value
    return table.get("default", default)


MODE_KEYS = tuple(MODES) + tuple(f"{m}_{d}" for m in MODES for d in ("ready", "future")) + ("default",)


class ItemKind:
    """Base of all item kinds. Subclasses set ``kind``/``title`` and implement ``parse`` and ``drafts``."""

    kind: ClassVar[str] = ""
    title: ClassVar[str] = ""
    mode_sensitive: ClassVar[bool] = False   # result depends on the mode (e.g. moving fee paid twice)
    flat_sensitive: ClassVar[bool] = False   # result depends on the chosen flats
    default_uses: ClassVar[tuple[str, ...]] = tuple(USES)
    default_legality: ClassVar[tuple[str, ...]] = LEGAL
    own_minimum: ClassVar[bool] = False      # the kind reads ``minimum`` itself (moving: per move)
    by_site: ClassVar[bool] = False          # paid by the chosen flats' 安置小区 (``when = { flat_site }``)

    def __init__(self, t: Table, policy_modes: tuple[str, ...]):
        self.code: str = t.text("code") or ""
        self.label: str = t.text("label") or self.title
        self.note: str = t.text("note", required=False, default="") or ""
        self.modes: tuple[str, ...] = t.text_list("modes", choices=policy_modes, default=policy_modes)
        self.uses: tuple[str, ...] = t.text_list("uses", choices=USES, default=self.default_uses)
        self.legality: tuple[str, ...] = t.text_list("legality", choices=LEGALITY, default=self.default_legality)
        self.parse(t)
        # ``minimum`` / ``maximum`` of the item's amount for a household (最少不低于 … 最多不超过 …).
        self.limits: Limits | None = read_limits(t, self.code, own_minimum=self.own_minimum)
        if self.limits is not None:
            self.drafts = self._limited_drafts  # type: ignore[method-assign]  # only items that have limits pay
        # ``when = { … }`` conditions (conditions.py): None when the item has none, so they cost nothing.
        # Read after the kind's own keys, so that the list of an item's keys names those first.
        self.when: Conditions | None = read_conditions(t, policy_modes)
        self._where = self.when if self.when is not None and self.when.filters_parts else None
        # What the engine asks per household (None when the conditions are on the option only, or none).
        self.household_when = self.when if self.when is not None and self.when.checks_household else None
        if self.when is not None and self.when.flat_sites:  # its lines differ by the chosen flats' sites
            self.flat_sensitive = self.by_site = True  # type: ignore[misc]
        self._filter = part_filter(self.uses, self.legality, self._where)

    def parse(self, t: Table) -> None:
        """Read the kind's own keys from ``t`` (problems are recorded in ``t``)."""

    def mode_key(self, mode: str, delivery: str) -> object:
        """What of the mode changes this item's lines (for caching across a household's options).

        Mode-sensitive kinds return the resolved parameter (times, months) so that e.g. cash and voucher,
        both paying the moving fee once, share one computed line.
        """
        return (mode, delivery)

    def applies(self, mode: str, delivery: str = "") -> bool:
        """Whether this item is paid in ``mode`` (with ``delivery``, 现房/期房, for 产权调换)."""
        return mode in self.modes and (self.when is None or self.when.allows_option(mode, delivery))

    # These three look in the household's cache themselves first (a call less on the engine's hot path).
    def parts(self, ctx: Ctx) -> tuple[BuildingPart, ...]:
        """The household's building parts this item counts: its uses, legality and part conditions."""
        found = ctx._cache.get(self._filter)
        return found if found is not None else ctx.matching(self._filter)

    def area(self, ctx: Ctx) -> Decimal:
        """Total area of :meth:`parts`."""
        found = ctx._cache.get(self._filter.area_key)
        return found if found is not None else ctx.area_of(self._filter)

    def has_use(self, ctx: Ctx) -> bool:
        """Whether the household has a building part of this item's uses (that its part conditions accept)."""
        found = ctx._cache.get(self._filter.has_key)
        return found if found is not None else ctx.has(self._filter)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        """The unrounded lines this item yields for the option in ``ctx`` (empty when not applicable)."""
        raise NotImplementedError

    def _limited_drafts(self, ctx: Ctx) -> list[Draft]:
        """:meth:`drafts` held between the item's minimum and maximum (set as ``drafts`` on such items)."""
        return self.limits.apply(self.label, type(self).drafts(self, ctx))  # type: ignore[union-attr]


def share_terms(ctx: Ctx, apply_share: bool) -> tuple[Decimal, list[str]]:
    """The ownership share factor and its formula term (``× 1``) if the item applies the share."""
    if not apply_share:
        return ONE, []
    share = ctx.household.share
    return share, [fx.num(share)]


LINES = ("per_part", "per_household")


def read_lines(t: Table) -> bool:
    """``lines = "per_part"`` (default: one line per building part) or ``"per_household"`` (one line over all
    the parts, rounded once: how a scheme that values the house as a whole computes it). True for the latter."""
    return t.choice("lines", LINES, required=False, default="per_part") == "per_household"


def one_line(label: str, drafts: list[Draft]) -> list[Draft]:
    """Per-part drafts merged into the household's one line: the exact amounts summed (rounded once, by the
    engine), the formula the per-part formulas joined with ``+``."""
    if not drafts:
        return drafts
    terms = tuple(d[1] for d in drafts)

    def lhs() -> str:
        return " + ".join(t if t.__class__ is str else t() for t in terms)
    return [(label, lhs, sum((d[2] for d in drafts), ZERO))]


def part_label(label: str, part: BuildingPart) -> str:
    """``被征收房屋价值补偿（住宅）`` — names the part so two parts of one household can be told apart."""
    name = part.label or USES.get(part.use, part.use)
    return f"{label}（{name}）"
