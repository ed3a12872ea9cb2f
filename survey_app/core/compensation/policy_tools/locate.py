"""Calculation errors that name the policy file and the item, like load errors do.

The engine raises a ValidationError naming the household field (``appraisal.unit_price.office: …``);
the author of a policy also needs to know *which item* could not price the household. When a
calculation fails, each item is tried alone (a copy of the policy with that one item) to find the
first one that fails, and the error is raised again as ``file: items[N]（code）: message``.
Pure; safe from any thread.
"""

from __future__ import annotations

import dataclasses

from survey_app.core.compensation.calculation import Calculation
from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError


def compute_located(policy: Policy, household: HouseholdInput, mode: str | None = None,
                    flat: str | tuple[str, ...] | None = None) -> Calculation:
    """:func:`engine.compute`, but a failure is a PolicyError naming ``file: items[N]（code）``."""
    try:
        return compute(policy, household, mode, flat)
    except PolicyError:
        raise
    except ValidationError as exc:
        raise located(policy, household, exc, mode, flat) from None


def compute_all_located(policy: Policy, household: HouseholdInput) -> tuple[Calculation, ...]:
    """:func:`engine.compute_all` with located errors."""
    try:
        return compute_all(policy, household)
    except PolicyError:
        raise
    except ValidationError as exc:
        modes = [(m, None) for m in policy.mode_names if m != "exchange"]
        if policy.exchange is not None:
            modes += [("exchange", c) for c in (household.flat_choices or [(f.key,) for f in policy.exchange.flats])]
        for mode, flat in modes:
            try:
                compute(policy, household, mode, flat)
            except ValidationError:
                raise located(policy, household, exc, mode, flat) from None
        raise PolicyError(policy.source, [str(exc)]) from None


def located(policy: Policy, household: HouseholdInput, exc: ValidationError, mode: str | None,
            flat: str | tuple[str, ...] | None) -> PolicyError:
    """The error of ``exc`` with the policy file and the first item that fails alone."""
    try:  # an error without any item (unknown mode, flat) belongs to the request, not to an item
        compute(dataclasses.replace(policy, items=(), caps=()), household, mode, flat)
    except ValidationError as bare:
        return PolicyError(policy.source, [str(bare)])
    for index, item in enumerate(policy.items):
        alone = dataclasses.replace(policy, items=(item,), caps=())
        try:
            compute(alone, household, mode, flat)
        except ValidationError as item_exc:
            return PolicyError(policy.source, [f"items[{index}]（{item.code}）: 无法为户 {household.household_code} "
                                               f"计算{item.label}：{item_exc}"])
    return PolicyError(policy.source, [str(exc)])
