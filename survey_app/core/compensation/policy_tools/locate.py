"""Calculation errors that name the policy file, the item and the household, for the policy tools.

The engine itself refuses a household an item cannot price as ``file: items[N]（code）: message``
(engine._item_lines). The tools (check, cases, preview) say more: which household and which item by its
label — ``items[N]（code）: 无法为户 H-1 计算房屋价值：message``. An error without any item (an unknown
mode or flat) is raised with the file name only. Pure; safe from any thread."""

from __future__ import annotations

import re

from survey_app.core.compensation.calculation import Calculation
from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError

_ITEM = re.compile(r"^items\[(\d+)\]（[^）]*）: (.*)$", re.S)


def compute_located(policy: Policy, household: HouseholdInput, mode: str | None = None,
                    flat: str | tuple[str, ...] | None = None) -> Calculation:
    """:func:`engine.compute`, but a failure is a PolicyError naming ``file: items[N]（code）``."""
    try:
        return compute(policy, household, mode, flat)
    except ValidationError as exc:
        raise located(policy, household, exc) from None


def compute_all_located(policy: Policy, household: HouseholdInput) -> tuple[Calculation, ...]:
    """:func:`engine.compute_all` with located errors."""
    try:
        return compute_all(policy, household)
    except ValidationError as exc:
        raise located(policy, household, exc) from None


def located(policy: Policy, household: HouseholdInput, exc: ValidationError) -> PolicyError:
    """The engine's error ``exc`` worded for a policy author: the item's label and the household."""
    problems = exc.problems if isinstance(exc, PolicyError) else [str(exc)]
    out = []
    for text in problems:
        found = _ITEM.match(text)
        if found is None:
            out.append(text)
            continue
        index = int(found.group(1))
        item = policy.items[index]
        out.append(f"items[{index}]（{item.code}）: 无法为户 {household.household_code} 计算{item.label}：{found.group(2)}")
    return PolicyError(policy.source, out)
