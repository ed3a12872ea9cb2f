"""HQ re-derives a calculation from the survey it imported, not from the inputs the calculation carries.

A calculation stores a snapshot of its inputs; recomputing from that snapshot only proves the device did
its arithmetic. Whoever edits the snapshot (30 m² more on every part) and recomputes under the genuine
policy passes that check. So for every imported calculation that counts — ``current``, or the basis of an
agreement that is not void — HQ builds the engine's input from the household's survey records as HQ now
holds them (``storage.calc_inputs.household_input``, the same code the laptop used), for the signing
date the calculation was priced for, and compares field by field with the snapshot; then it recomputes
from the survey and compares line by line. The chosen mode (``mode``) is left out: it is a choice made
after calculating, and the engine takes the mode from the calculation.

A difference becomes a 测算不一致 issue (kind ``recheck``) whose two sides are HQ's re-derivation and the
device's calculation, field by field. Messages name fields and amounts, never a name or an ID number.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.compiled import compiled
from survey_app.core.compensation.engine import compute
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage.models import Household

IGNORED = frozenset({"mode"})
MAX_NAMED = 4  # fields named in the one-line message; the rest are in the side-by-side view


@dataclass
class Rederived:
    """What HQ found for one calculation; ``hq``/``device`` hold the differing values by field path."""

    problems: list[str] = field(default_factory=list)
    hq: dict[str, Any] = field(default_factory=dict)
    device: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts and lists as ``{"building_parts[0].area": "50.00", …}`` (leaves as they are)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key in sorted(value):
            out.update(flatten(value[key], f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list | tuple):
        out = {}
        for n, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{n}]"))
        if not value:
            out[prefix] = []
        return out
    return {prefix: value}


def _named(paths: list[str]) -> str:
    shown = "、".join(paths[:MAX_NAMED])
    return shown + (f" 等 {len(paths)} 处" if len(paths) > MAX_NAMED else "")


def rederive(conn: Connection, policy: Policy, household_id: str, inputs_json: str, result_json: str,
             calculation_id: str | None = None) -> Rederived:
    """Compare one stored calculation with HQ's re-derivation from the household's survey records.
    ``calculation_id``: the calculation's id, so that a 交房验收 recorded after it (under an agreement built on
    it) is not counted, as the device could not have counted it (``calc_inputs.handover_date``)."""
    from survey_app.core.storage.calc_inputs import engine_inputs, household_input

    found = Rederived()
    device_result = Result.from_json(result_json)
    try:
        snapshot = HouseholdInput.from_dict(engine_inputs(inputs_json))
    except ValidationError as e:
        found.problems.append(f"测算所存的输入无法读取：{e}")
        return found
    with Session(bind=conn) as session:
        h = session.get(Household, uuid.UUID(household_id))
        if h is None or h.deleted_at is not None:
            found.problems.append("指挥部没有该测算所属住户的调查记录")
            return found
        try:
            survey = household_input(session, h, signing_date=snapshot.signing_date,
                                     calculation_id=uuid.UUID(calculation_id) if calculation_id else None)
        except ValidationError as e:
            found.problems.append(f"指挥部收到的调查记录无法测算：{e}")
            return found
    ours = {k: v for k, v in flatten(survey.to_dict()).items() if k not in IGNORED}
    theirs = {k: v for k, v in flatten(snapshot.to_dict()).items() if k not in IGNORED}
    changed = sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))
    if changed:
        found.problems.append(f"测算所用的数据与指挥部收到的调查记录不一致（{_named(changed)}）")
        for k in changed:
            found.hq[k], found.device[k] = ours.get(k), theirs.get(k)
    _check_offered(policy, survey, device_result, found)
    try:
        again = compute(policy, survey, device_result.mode, device_result.flat_key or None)
    except ValidationError as e:
        found.problems.append(f"按调查记录无法重算：{e}")
        return found
    _compare_lines(again, device_result, found)
    return found


def _check_offered(policy: Policy, survey: HouseholdInput, device: Result, found: Rederived) -> None:
    """An exchange option must be one the survey offers: one of the household's 选房组合 (0015) or, when it
    records none, a flat type alone (engine.compute_all) — a snapshot and a survey that agree do not make
    an option priced for another flat (or floor) the household's."""
    if device.mode != "exchange" or not device.flat_key:
        return
    offered = survey.flat_choices or compiled(policy).every_flat
    if tuple(device.flat_key.split("+")) in offered:
        return
    found.hq["选房组合"] = "、".join("+".join(c) for c in offered)
    found.device["选房组合"] = device.flat_key
    found.problems.append(f"测算的安置房“{device.flat_key}”不在调查记录的选房组合中")


def _compare_lines(again: Result, device: Result, found: Rederived) -> None:
    mine = {f"{n}. {line.label}": line.amount for n, line in enumerate(again.lines, 1)}
    theirs = {f"{n}. {line.label}": line.amount for n, line in enumerate(device.lines, 1)}
    lines = [k for k in dict.fromkeys([*mine, *theirs]) if mine.get(k) != theirs.get(k)]
    for k in lines:
        found.hq[f"行 {k}"] = _yuan(mine.get(k))
        found.device[f"行 {k}"] = _yuan(theirs.get(k))
    if again.net != device.net:
        found.hq["净额"], found.device["净额"] = _yuan(again.net), _yuan(device.net)
        found.problems.append(f"按调查记录重算净额 {again.net:,.2f} 元，设备测算 {device.net:,.2f} 元")
    elif lines:
        found.problems.append(f"按调查记录重算的明细与设备测算不同（{_named(lines)}）")


def _yuan(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def message(found: Rederived) -> str:
    """One line for reports and logs: field paths and amounts, never a personal value."""
    return "测算不一致：" + "；".join(found.problems)
