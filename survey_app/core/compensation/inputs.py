"""What the engine needs to know about one household (HouseholdInput), read from JSON-like dicts.

Field names follow the storage model (DESIGN §3). Decimals travel as strings in JSON. Values are
normalised on reading (quantities and money to two decimals, a building part's area to two or, when
surveyed to 0.001 m², three) so that the same household always
yields the same snapshot and therefore the same bytes in a Calculation. Documented in docs/calc-input.md.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from survey_app.core.compensation.fields import Problems, Table
from survey_app.core.domain import vocabulary

# Codes and Chinese labels: the one vocabulary (core/domain/vocabulary.py).
USES = vocabulary.USE
LEGALITY = vocabulary.LEGALITY
MODES = vocabulary.MODE
DELIVERY = vocabulary.DELIVERY
# 被征收人类型: who owns the house (an item's ``when.owner_type`` may limit it to some of them).
OWNER_TYPES = vocabulary.OWNER_TYPE
HARDSHIP_FLAGS = ("dibao", "disabled", "serious_illness")
_CENT = Decimal("0.01")
_MILLI = Decimal("0.001")


@dataclass(frozen=True)
class Member:
    """家庭成员. ``flags`` holds further hardship categories a policy may name (e.g. ``tekun`` 特困)."""

    relation: str
    name: str
    id_number: str = ""
    dibao: bool = False
    disabled: bool = False
    serious_illness: bool = False
    hukou_here: bool = True
    flags: tuple[str, ...] = ()

    def has(self, category: str) -> bool:
        """Whether this member falls in hardship ``category`` (a built-in flag or one in ``flags``)."""
        if category in HARDSHIP_FLAGS:
            return bool(getattr(self, category))
        return category in self.flags


@dataclass(frozen=True)
class BuildingPart:
    """建筑部分. ``actual_use`` is set when the part is used otherwise than registered (住改商)."""

    area: Decimal
    use: str
    legality: str = "registered"
    structure: str = ""
    decoration_grade: str = ""
    temporary_term_valid: bool | dt.date | None = None
    actual_use: str = ""
    label: str = ""
    # A free category the policy may name (地段, 成套房 …) and the appraisal report's own unit price for this
    # part (元/m², used by items with ``price = "part_appraisal"``). Both optional: older inputs lack them.
    category: str = ""
    unit_price: Decimal | None = None
    # The appraisal report's decoration amount for this part (装修评估值, 元; items ``decoration`` with
    # ``price = "part_appraisal"``). Optional: older inputs lack it.
    decoration_value: Decimal | None = None
    # The report's decoration unit price for this part (装修单价, 元/m²; ``price = "part_appraisal_unit"``).
    decoration_unit_price: Decimal | None = None


@dataclass(frozen=True)
class Fixture:
    """附属物: ``count`` of ``kind``/``sub_kind``; ``value`` is an appraised value for ratio-priced kinds."""

    kind: str
    count: Decimal = Decimal(1)
    sub_kind: str = ""
    value: Decimal | None = None


@dataclass(frozen=True)
class ExtraItem:
    """A surveyor-entered item from the policy's menu (e.g. simple shed 12.5 m²)."""

    code: str
    quantity: Decimal


@dataclass(frozen=True)
class Business:
    """停产停业: licence (统一社会信用代码), business area (m²) and annual profit."""

    uscc: str = ""
    area: Decimal | None = None
    annual_profit: Decimal | None = None


@dataclass(frozen=True)
class HouseholdInput:
    """Everything about one household that the compensation rules may look at."""

    household_code: str
    head_name: str = ""
    members: tuple[Member, ...] = ()
    share: Decimal = Decimal(1)
    building_parts: tuple[BuildingPart, ...] = ()
    fixtures: tuple[Fixture, ...] = ()
    extra_items: tuple[ExtraItem, ...] = ()
    business: Business | None = None
    unit_prices: tuple[tuple[str, Decimal], ...] = ()
    appraisal_report_no: str = ""
    land_area: Decimal | None = None
    courtyards: int = 0
    signing_date: dt.date | None = None
    delivery: str = ""
    mode: str = ""
    flat_choices: tuple[tuple[str, ...], ...] = ()
    owner_type: str = "individual"
    # 交房验收: the day the house was handed over (vacated and checked), when a handover record exists. A
    # signing reward with ``date_basis = "handover"``/``"later_of"`` is tiered by it (items/rewards.py).
    handover_date: dt.date | None = None

    def unit_price(self, use: str) -> Decimal | None:
        """Appraised unit price (元/m²) for ``use``, or None when the appraisal has none."""
        for key, price in self.unit_prices:
            if key == use:
                return price
        return None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (Decimals and dates as strings); ``from_dict`` reads it back equal.

        Keys added later (owner type, a part's category and unit price, the handover date) are written only when set, so an
        input without them keeps the bytes it always had (saved calculations compare byte for byte)."""
        data = {
            "household_code": self.household_code,
            "head_name": self.head_name,
            "members": [
                {"relation": m.relation, "name": m.name, "id_number": m.id_number, "dibao": m.dibao,
                 "disabled": m.disabled, "serious_illness": m.serious_illness, "hukou_here": m.hukou_here,
                 "flags": list(m.flags)}
                for m in self.members],
            "share": str(self.share),
            "building_parts": [
                _part_dict(p) for p in self.building_parts],
            "fixtures": [{"kind": f.kind, "sub_kind": f.sub_kind, "count": str(f.count),
                          "value": None if f.value is None else str(f.value)} for f in self.fixtures],
            "extra_items": [{"code": e.code, "quantity": str(e.quantity)} for e in self.extra_items],
            "business": None if self.business is None else {
                "uscc": self.business.uscc,
                "area": None if self.business.area is None else str(self.business.area),
                "annual_profit": None if self.business.annual_profit is None else str(self.business.annual_profit)},
            "appraisal": {"unit_price": {k: str(v) for k, v in self.unit_prices},
                          "report_no": self.appraisal_report_no},
            "land_area": None if self.land_area is None else str(self.land_area),
            "courtyards": self.courtyards,
            "signing_date": None if self.signing_date is None else self.signing_date.isoformat(),
            "delivery": self.delivery or None,
            "mode": self.mode or None,
            "flat_choices": [list(choice) for choice in self.flat_choices],
        }
        if self.owner_type != "individual":
            data["owner_type"] = self.owner_type
        if self.handover_date is not None:
            data["handover_date"] = self.handover_date.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Any, source: str = "") -> HouseholdInput:
        """Read and validate a household dict; raises PolicyError naming each bad key."""
        problems = Problems(source)
        household = _read_household(Table(data, "", problems))
        problems.raise_if_any()
        assert household is not None
        return household

    @classmethod
    def from_json(cls, text: str, source: str = "") -> HouseholdInput:
        """Read a household from JSON text (see docs/calc-input.md)."""
        problems = Problems(source)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.add(f"第 {exc.lineno} 行第 {exc.colno} 列", f"不是有效的 JSON（{exc.msg}）")
            problems.raise_if_any()
        return cls.from_dict(data, source)


def _part_dict(p: BuildingPart) -> dict[str, Any]:
    out = {"area": str(p.area), "use": p.use, "legality": p.legality, "structure": p.structure,
           "decoration_grade": p.decoration_grade, "actual_use": p.actual_use, "label": p.label,
           "temporary_term_valid": (p.temporary_term_valid.isoformat()
                                    if isinstance(p.temporary_term_valid, dt.date) else p.temporary_term_valid)}
    if p.category:
        out["category"] = p.category
    if p.unit_price is not None:
        out["unit_price"] = str(p.unit_price)
    if p.decoration_value is not None:
        out["decoration_value"] = str(p.decoration_value)
    if p.decoration_unit_price is not None:
        out["decoration_unit_price"] = str(p.decoration_unit_price)
    return out


def _fixed2(table: Table, name: str, required: bool, what: str) -> Decimal | None:
    """A non-negative number with at most two decimals, normalised to exactly two."""
    value = table.decimal(name, required=required)
    if value is None:
        return None
    if value != value.quantize(_CENT):
        table.fail(name, f"{what}最多两位小数，实际是 {value}")
        return None
    return value.quantize(_CENT)


def _part_area(table: Table) -> Decimal | None:
    """A building part's area: up to three decimals (surveyed to 0.001 m²), normalised to exactly two when
    the third is zero (so an area stored as 58.320 gives the bytes 58.32 always gave), else three."""
    value = table.decimal("area", required=True)
    if value is None:
        return None
    if value == value.quantize(_CENT):
        return value.quantize(_CENT)
    if value != value.quantize(_MILLI):
        table.fail("area", f"面积最多三位小数，实际是 {value}")
        return None
    return value.quantize(_MILLI)


def _count(table: Table) -> Decimal:
    """A fixture count: missing means one; 0 means none (never ``or 1``: Decimal 0 is falsy)."""
    count = _fixed2(table, "count", False, "数量")
    return Decimal("1.00") if count is None else count


def _opt_fixed2(table: Table, name: str, what: str) -> Decimal | None:
    """Like :func:`_fixed2` but missing and null both mean None."""
    if table.data.get(name) is None:
        table.has(name)
        return None
    return _fixed2(table, name, False, what)


def _read_household(t: Table) -> HouseholdInput | None:
    code = t.text("household_code") or ""
    head = _opt_text(t, "head_name")
    members = []
    for m in t.tables("members"):
        flags = m.text_list("flags")
        members.append(Member(
            relation=_opt_text(m, "relation"), name=_opt_text(m, "name"), id_number=_opt_text(m, "id_number"),
            dibao=m.boolean("dibao"), disabled=m.boolean("disabled"),
            serious_illness=m.boolean("serious_illness"),
            hukou_here=m.boolean("hukou_here", default=True), flags=flags))
        m.finish()
    share = t.decimal("share", required=False, default=Decimal(1), maximum=Decimal(1))
    if share is not None and share <= 0:
        t.fail("share", "产权份额应大于 0 且不超过 1")
    parts = []
    for index, p in enumerate(t.tables("building_parts")):
        area = _part_area(p)
        use = p.choice("use", USES)
        if p.data.get("legality") == "":
            # "" is the editor's "not chosen yet": guessing 已登记 would pay the most, so refuse instead.
            p.fail("legality", f"建筑部分“{p.data.get('label') or index + 1}”尚未选择合法性认定")
            p.has("legality")
            legality = None
        else:
            legality = p.choice("legality", LEGALITY, required=False, default="registered")
        term: bool | dt.date | None = None
        if p.has("temporary_term_valid") and p.data["temporary_term_valid"] is not None:
            raw = p.data["temporary_term_valid"]
            term = raw if isinstance(raw, bool) else p.date("temporary_term_valid")
        actual = p.data.get("actual_use")
        actual_use = p.choice("actual_use", USES, required=False, default="") if actual else ""
        p.has("actual_use")
        parts.append(BuildingPart(
            area=area or Decimal("0.00"), use=use or "other", legality=legality or "registered",
            structure=_opt_text(p, "structure"), decoration_grade=_opt_text(p, "decoration_grade"),
            temporary_term_valid=term, actual_use=actual_use or "", label=_opt_text(p, "label"),
            category=_opt_text(p, "category"), unit_price=_opt_fixed2(p, "unit_price", "评估单价"),
            decoration_value=_opt_fixed2(p, "decoration_value", "装修评估值"),
            decoration_unit_price=_opt_fixed2(p, "decoration_unit_price", "装修评估单价")))
        p.finish()
    fixtures = []
    for f in t.tables("fixtures"):
        fixtures.append(Fixture(kind=f.text("kind") or "", sub_kind=_opt_text(f, "sub_kind"),
                                count=_count(f),
                                value=_opt_fixed2(f, "value", "评估值")))
        f.finish()
    extras = []
    for e in t.tables("extra_items"):
        extras.append(ExtraItem(code=e.text("code") or "", quantity=_fixed2(e, "quantity", True, "数量") or Decimal(0)))
        e.finish()
    business = None
    if t.has("business") and t.data["business"] is not None:
        b = t.table("business")
        assert b is not None
        business = Business(uscc=_opt_text(b, "uscc"),
                            area=_opt_fixed2(b, "area", "经营面积"),
                            annual_profit=_opt_fixed2(b, "annual_profit", "年利润"))
        b.finish()
    prices: list[tuple[str, Decimal]] = []
    report_no = ""
    appraisal = t.table("appraisal", required=False)
    if appraisal is not None:
        unit = appraisal.table("unit_price", required=False)
        if unit is not None:
            for use in sorted(unit.data):
                if use not in USES:
                    unit.fail(use, f"不是可选的用途，应为: {'、'.join(USES)}")
                    unit.has(use)
                    continue
                price = _fixed2(unit, use, True, "评估单价")
                if price is not None:
                    prices.append((use, price))
        report_no = _opt_text(appraisal, "report_no")
        appraisal.finish()
    land_area = _opt_fixed2(t, "land_area", "宅基地面积")
    courtyards = t.integer("courtyards", required=False, default=None)
    if courtyards is None:
        courtyards = 1 if land_area else 0
    signing = t.date("signing_date", required=False) if t.data.get("signing_date") is not None else None
    t.has("signing_date")
    delivery = t.choice("delivery", DELIVERY, required=False, default="") if t.data.get("delivery") else ""
    t.has("delivery")
    mode = t.choice("mode", MODES, required=False, default="") if t.data.get("mode") else ""
    t.has("mode")
    owner_type = t.choice("owner_type", OWNER_TYPES, required=False, default="individual") \
        if t.data.get("owner_type") is not None else "individual"
    t.has("owner_type")
    handover = t.date("handover_date", required=False) if t.data.get("handover_date") is not None else None
    t.has("handover_date")
    choices: list[tuple[str, ...]] = []
    raw_choices = t.data.get("flat_choices") or []
    t.has("flat_choices")
    if not isinstance(raw_choices, list):
        t.fail("flat_choices", "应为列表，每项是一个户型键或户型键列表")
        raw_choices = []
    for index, choice in enumerate(raw_choices):
        keys = [choice] if isinstance(choice, str) else choice
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
            t.problems.add(f"flat_choices[{index}]", "应为户型键（如 \"A60\"）或户型键列表（如 [\"A60\", \"C45\"]）")
            continue
        choices.append(tuple(keys))
    t.finish()
    return HouseholdInput(
        household_code=code, head_name=head, members=tuple(members), share=share or Decimal(1),
        building_parts=tuple(parts), fixtures=tuple(fixtures), extra_items=tuple(extras), business=business,
        unit_prices=tuple(prices), appraisal_report_no=report_no, land_area=land_area, courtyards=courtyards,
        signing_date=signing, delivery=delivery or "", mode=mode or "", flat_choices=tuple(choices),
        owner_type=owner_type or "individual", handover_date=handover)


def _opt_text(t: Table, name: str) -> str:
    """Optional free text: missing, null and "" all mean empty."""
    if t.data.get(name) in (None, ""):
        t.has(name)
        return ""
    return t.text(name, required=False, default="") or ""
