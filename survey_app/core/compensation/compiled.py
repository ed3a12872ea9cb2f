"""A policy compiled for the engine: what every calculation under one policy version would otherwise look
up or work out again — the rounding quantizer, the texts each option repeats, the resolved flat choices,
and for each mode (and delivery) the items it pays, grouped into steps with their cache keys.

Compiled once per Policy object (a version; ``dataclasses.replace`` makes a new object and so a new
compilation) and kept on it. Two threads compiling at once both build the same thing: a benign race.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from survey_app.core.compensation.items.base import ZERO, ItemKind
from survey_app.core.compensation.modes import ExchangeMode, FlatType
from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.rounding import METHODS
from survey_app.core.domain.errors import ValidationError


class Step(NamedTuple):
    """Items whose lines an option takes together.

    ``items`` is a run of (index, item) that no mode or flat can change (their lines are computed once
    per household and shared by every option), or a single item that the mode or flat changes.
    ``key`` names the step's lines in the household's cache: a run's key object, or the item's index with
    what of the mode changes it (cash and voucher, both paying the moving fee once, share one line); a
    flat-sensitive key gets the option's flat area added. ``tracked`` is the item code whose subtotal a
    cap or a voucher exclusion needs, else "".
    """

    key: object
    items: tuple[tuple[int, ItemKind], ...]
    flat_sensitive: bool
    tracked: str


class RunKey:
    """Cache key of a run of items: one object per distinct run (hashed by identity, cheaply)."""

    __slots__ = ("indices",)

    def __init__(self, indices: tuple[int, ...]):
        self.indices = indices

    def __repr__(self) -> str:
        return f"RunKey{self.indices}"


class CompiledPolicy:
    """See the module docstring. Get one with :func:`compiled`."""

    __slots__ = ("policy", "quant", "method", "places", "describe", "labels", "_steps", "_choices", "_runs")

    def __init__(self, policy: Policy):
        self.policy = policy
        rounding = policy.rounding
        self.quant = Decimal(1).scaleb(-rounding.places)
        self.method = METHODS[rounding.method]
        self.places = rounding.places
        self.describe = rounding.describe()
        self.labels = {mode: policy.mode_label(mode) for mode in policy.mode_names}
        self._steps: dict[tuple[str, str], tuple[Step, ...]] = {}
        self._choices: dict[tuple[tuple[str, ...], str], tuple] = {}
        self._runs: dict[tuple[int, ...], RunKey] = {}

    def choice(self, keys: tuple[str, ...], household_delivery: str) -> tuple[tuple[FlatType, ...], str, Decimal, str]:
        """(flats, delivery, flat area, flat label) of an exchange choice; raises on an unknown flat."""
        found = self._choices.get((keys, household_delivery))
        if found is None:
            exchange = self.policy.exchange
            assert exchange is not None
            flats = resolve_flats(exchange, keys)
            found = (flats, delivery_of(household_delivery, flats), sum((f.area for f in flats), ZERO),
                     "+".join(f.label for f in flats))
            if len(self._choices) < 1_000:  # choices are few; a flood of odd combinations is not kept
                self._choices[(keys, household_delivery)] = found
        return found

    def steps(self, mode: str, delivery: str) -> tuple[Step, ...]:
        """The steps of an option in ``mode`` with ``delivery``, in payment order."""
        found = self._steps.get((mode, delivery))
        if found is None:
            found = self._steps[(mode, delivery)] = self._build_steps(mode, delivery)
        return found

    def _build_steps(self, mode: str, delivery: str) -> tuple[Step, ...]:
        policy = self.policy
        tracked = {code for cap in policy.caps if mode in cap.modes for code in cap.items}
        if mode == "voucher" and policy.voucher is not None:
            tracked.update(policy.voucher.excluded_items)
        steps: list[Step] = []
        run: list[tuple[int, ItemKind]] = []

        def close_run() -> None:
            if run:
                indices = tuple(index for index, _ in run)
                key = self._runs.setdefault(indices, RunKey(indices))
                steps.append(Step(key, tuple(run), False, ""))
                run.clear()

        for index, item in enumerate(policy.items):
            if not item.applies(mode, delivery):
                continue
            sensitive = item.mode_sensitive or item.flat_sensitive
            if not sensitive and item.code not in tracked:
                run.append((index, item))
                continue
            close_run()
            key = (index, item.mode_key(mode, delivery)) if sensitive else index
            steps.append(Step(key, ((index, item),), item.flat_sensitive, item.code if item.code in tracked else ""))
        close_run()
        return tuple(steps)


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
