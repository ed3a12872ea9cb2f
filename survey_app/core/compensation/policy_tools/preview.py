"""A preview of a policy on one household: every option side by side as plain text (HQ's 试算预览)."""

from __future__ import annotations

from survey_app.core.compensation.calculation import NET_LABELS, Calculation
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.policy_tools.locate import compute_all_located
from survey_app.core.domain.money import format_yuan


def preview_text(policy: Policy, household: HouseholdInput) -> str:
    """Every option the policy offers for ``household``, each line with its formula; raises PolicyError
    (naming the file and item) when the household cannot be priced."""
    return "\n\n".join(calculation_text(c) for c in compute_all_located(policy, household))


def calculation_text(calc: Calculation) -> str:
    """One option: heading, one line per item (label, formula), totals and the amount in words."""
    head = calc.mode_label + (f"（{calc.flat_label}）" if calc.flat_label else "")
    out = [f"【{head}】户号 {calc.household_code}"]
    out += [f"  {line.label}：{line.formula}" for line in calc.lines]
    out.append(f"  补偿合计 {format_yuan(calc.total)} 元")
    if calc.flat_total:
        out.append(f"  购房款合计 {format_yuan(calc.flat_total)} 元")
    out.append(f"  {NET_LABELS[calc.net_direction]} {format_yuan(abs(calc.net))} 元（{calc.upper}）")
    return "\n".join(out)
