"""The choices the household editor offers, read from the project's current policy: fixture kinds,
extra items, structures and decoration grades the policy prices. One standard for all: the editor
offers exactly what the policy can pay for."""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.core.compensation.items.fixtures import Extras, Fixtures
from survey_app.core.compensation.items.property import Decoration
from survey_app.core.services.survey import readiness
from survey_app.core.storage.database import Database


@dataclass(frozen=True)
class MenuEntry:
    code: str  # fixture: "kind" or "kind/sub_kind"; extra item: its code
    label: str
    unit: str
    by_value: bool = False  # priced as appraised value × ratio: the editor asks for the value


@dataclass(frozen=True)
class PolicyMenus:
    fixtures: tuple[MenuEntry, ...]
    extras: tuple[MenuEntry, ...]
    structures: tuple[str, ...]
    decoration_grades: tuple[str, ...]
    policy_label: str
    part_categories: tuple[str, ...] = ()  # the categories the policy's ratio tables name (1990年前建, 临建批复 …)
    area_decimals: int = 2  # a building part's area is entered to 0.01 m², or 0.001 m² where the policy counts so


def policy_menus(db: Database) -> PolicyMenus:
    """Menus of the current published policy of the (single) project in this database (ValidationError when the
    project has none published)."""
    return menus_of(readiness.published(db))


def menus_of(current: readiness.Published | None) -> PolicyMenus:
    """The menus of a policy looked up with ``readiness.published`` (None, no project: empty menus)."""
    if current is None:
        return PolicyMenus((), (), (), (), "")
    policy = current.policy
    fixtures: list[MenuEntry] = []
    extras: list[MenuEntry] = []
    structures: list[str] = []
    grades: list[str] = []
    for item in policy.items:
        if isinstance(item, Fixtures):
            for (kind, sub), rate in item.rates.items():
                fixtures.append(MenuEntry(f"{kind}/{sub}" if sub else kind, rate.label, rate.unit,
                                          by_value=rate.unit_price is None))
        elif isinstance(item, Extras):
            extras.extend(MenuEntry(code, rate.label, rate.unit) for code, rate in item.menu.items())
        elif isinstance(item, Decoration) and item.by_grade:
            grades.extend(g for g in item.by_grade if g not in grades)
        price = getattr(item, "price", None)
        for code in getattr(price, "by_structure", None) or {}:
            if code not in structures:
                structures.append(code)
    categories: list[str] = []
    for item in policy.items:
        categories.extend(c for c in getattr(item, "by_category", None) or {} if c not in categories)
    return PolicyMenus(tuple(fixtures), tuple(extras), tuple(structures), tuple(grades), current.label, tuple(categories),
                       policy.rounding.area_decimals)
