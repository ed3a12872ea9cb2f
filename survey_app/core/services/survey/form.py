"""The survey form: plain data the editor fills, JSON-able for drafts.

Rows carry their record id (hex) when they already exist; ``id=None`` is a new row. A row
left out of the form on save is tombstoned. Decimals are kept as text in JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar


def _to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _Row:
    DECIMALS: ClassVar[tuple[str, ...]] = ()
    DATES: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _to_json(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # noqa: ANN206
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kw = {k: v for k, v in data.items() if k in names}
        for k in cls.DECIMALS:
            if kw.get(k) not in (None, ""):
                kw[k] = Decimal(str(kw[k]))
            elif k in kw:
                kw[k] = None
        for k in cls.DATES:
            if kw.get(k):
                kw[k] = dt.date.fromisoformat(kw[k])
            elif k in kw:
                kw[k] = None
        return cls(**kw)


@dataclass
class MemberForm(_Row):
    name: str = ""
    relation: str = "other"
    id_number: str = ""
    phone: str = ""
    is_dibao: bool = False
    is_disabled: bool = False
    is_serious_illness: bool = False
    hukou_here: bool = True
    id: str | None = None


@dataclass
class TenureForm(_Row):
    DECIMALS: ClassVar = ("share", "land_area")
    owner_name: str = ""
    owner_id_number: str = ""
    certificate_type: str = ""
    certificate_no: str = ""
    land_certificate_no: str = ""
    share: Decimal | None = Decimal("1")
    land_area: Decimal | None = None
    id: str | None = None


@dataclass
class PartForm(_Row):
    DECIMALS: ClassVar = ("area",)
    DATES: ClassVar = ("temporary_term_end",)
    label: str = ""
    area: Decimal | None = None
    use: str = "residential"
    actual_use: str = ""
    structure: str = ""
    floors: int | None = 1
    built_year: int | None = None
    legality: str = ""  # not chosen yet: 已登记 pays the most, so it is never a default
    temporary_term_end: dt.date | None = None
    decoration_grade: str = ""
    category: str = ""  # free category the policy names (地段, 成套房, 1990年前建 …)
    id: str | None = None


@dataclass
class FixtureForm(_Row):
    DECIMALS: ClassVar = ("value",)
    kind: str = ""
    sub_kind: str = ""
    count: int | None = 1
    value: Decimal | None = None
    id: str | None = None


@dataclass
class ItemForm(_Row):
    DECIMALS: ClassVar = ("quantity",)
    code: str = ""
    quantity: Decimal | None = None
    note: str = ""
    id: str | None = None


@dataclass
class BusinessForm(_Row):
    DECIMALS: ClassVar = ("area", "annual_profit")
    DATES: ClassVar = ("operating_since",)
    name: str = ""
    uscc: str = ""
    licence_no: str = ""
    area: Decimal | None = None
    annual_profit: Decimal | None = None
    operating_since: dt.date | None = None
    id: str | None = None


@dataclass
class AppraisalForm(_Row):
    """One row of the appraisal report as HQ imported it (the part, its structure, newness and decoration
    as the appraiser describes them, and the values). Field devices show it; only HQ changes it."""

    DECIMALS: ClassVar = ("unit_price", "decoration_value", "fixtures_value", "decoration_unit_price")
    DATES: ClassVar = ("appraised_on",)
    report_no: str = ""
    appraiser: str = ""
    use: str = "residential"
    unit_price: Decimal | None = None
    appraised_on: dt.date | None = None
    part_label: str = ""
    structure: str = ""
    newness: str = ""
    decoration_grade: str = ""
    decoration_value: Decimal | None = None
    fixtures_value: Decimal | None = None
    decoration_unit_price: Decimal | None = None  # 装修单价 元/m² (0014); shown, never edited in the form
    id: str | None = None


LISTS: dict[str, type[_Row]] = {
    "members": MemberForm, "tenures": TenureForm, "parts": PartForm, "fixtures": FixtureForm,
    "items": ItemForm, "businesses": BusinessForm, "appraisals": AppraisalForm,
}


@dataclass
class SurveyForm:
    """Everything the household editor edits. ``rev`` is the household's rev when loaded."""

    id: str
    rev: int
    household_code: str = ""
    address: str = ""
    section: str = ""
    phone: str = ""
    willingness: str = ""
    preferred_mode: str = ""
    delivery: str = ""
    notes: str = ""
    owner_type: str = "individual"  # 被征收人类型 (compensation/inputs.OWNER_TYPES)
    # 选房组合: the flat combinations the household wants, each a list of flat keys ("A60", "H90@5"; 0015)
    flat_choices: list[list[str]] = field(default_factory=list)
    members: list[MemberForm] = field(default_factory=list)
    tenures: list[TenureForm] = field(default_factory=list)
    parts: list[PartForm] = field(default_factory=list)
    fixtures: list[FixtureForm] = field(default_factory=list)
    items: list[ItemForm] = field(default_factory=list)
    businesses: list[BusinessForm] = field(default_factory=list)
    appraisals: list[AppraisalForm] = field(default_factory=list)

    @property
    def head(self) -> MemberForm | None:
        return next((m for m in self.members if m.relation == "head"), None)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = [r.to_dict() for r in v] if f.name in LISTS else v
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SurveyForm:
        kw = {k: v for k, v in data.items() if k in {f.name for f in dataclasses.fields(cls)}}
        for name, row_type in LISTS.items():
            kw[name] = [row_type.from_dict(r) for r in data.get(name, [])]
        return cls(**kw)

    @classmethod
    def from_json(cls, text: str) -> SurveyForm:
        return cls.from_dict(json.loads(text))
