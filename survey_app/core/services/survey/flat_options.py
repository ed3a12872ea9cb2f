"""选房组合 in the survey: the flats a household may combine under the current policy, and the engine's own
(Chinese) verdict on each combination the worker enters — so a combination that cannot be priced is said at
the door, not when calculating. Storage of the combinations: core/storage/flat_choices.py (0015); pricing:
the compensation engine (modes.py, flat_floors.py, flat_extras.py). Pure: no database here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from survey_app.core.compensation.compiled import compiled
from survey_app.core.compensation.flat_floors import FLOOR_MARK, priced_by_floor
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.survey.form import SurveyForm
from survey_app.core.services.survey.messages import Problem, problem

_PREFIX = "flat_choices: "


@dataclass(frozen=True)
class FlatOffer:
    """One entry of the picker: a flat type, a listed flat (一房一价) or an extra unit (地下室 …).
    ``floors``: the floors a choice of it may name (楼层差价), None when no floor is chosen for it."""

    key: str
    label: str
    area: Decimal
    floors: int | None = None
    extra: bool = False


@dataclass(frozen=True)
class Offers:
    """What the current policy lets a household combine; ``max_flats`` 0 when it offers no exchange."""

    flats: tuple[FlatOffer, ...] = ()
    extras: tuple[FlatOffer, ...] = ()
    max_flats: int = 0

    def find(self, key: str) -> FlatOffer | None:
        return next((o for o in (*self.flats, *self.extras) if o.key == key), None)


def offers(policy: Policy | None) -> Offers:
    """The policy's flat types and listed flats (in its order), its extras and the most flats per household."""
    exchange = policy.exchange if policy is not None else None
    if exchange is None:
        return Offers()
    by_floor = priced_by_floor(exchange)
    flats = tuple(FlatOffer(f.key, f.label, f.area, f.floors if by_floor and not f.of_type else None)
                  for f in (*exchange.flats, *exchange.listed))
    extras = tuple(FlatOffer(e.key, e.label, e.area, None, True) for e in exchange.extras)
    return Offers(flats, extras, exchange.max_flats)


# calculations.option_key and households.chosen_option hold 64 characters (PostgreSQL enforces it: a longer key
# would fail the HQ import of the whole bundle), so a combination whose option key is longer is refused on entry.
OPTION_KEY_MAX = 64


def key_of(key: str, floor: int | None) -> str:
    """A choice's key for ``key`` on ``floor`` (``H90@5``); the key itself without a floor."""
    return f"{key}{FLOOR_MARK}{floor}" if floor else key


def verdict(policy: Policy | None, keys: list[str] | tuple[str, ...], delivery: str = "") -> str | None:
    """Why the engine cannot price this combination (its Chinese message), or None when it can."""
    if policy is None or policy.exchange is None:
        return "现行方案不提供产权调换"
    try:
        compiled(policy).choice(tuple(keys), delivery)
    except ValidationError as e:
        text = str(e)
        return text[len(_PREFIX):] if text.startswith(_PREFIX) else text
    length = len(f"exchange:{'+'.join(keys)}")
    if length > OPTION_KEY_MAX:
        return (f"这一组合的方案代码共 {length} 个字符，超过可保存的 {OPTION_KEY_MAX} 个：请少选一套，"
                "或请指挥部在方案中缩短房源编号")
    return None


def describe(policy: Policy | None, keys: list[str] | tuple[str, ...]) -> str:
    """``A户型60㎡ + C户型45㎡`` — each flat's label under the policy (a type on a floor: ``H90 户型 5 层``),
    the key itself where the policy does not know it."""
    exchange = policy.exchange if policy is not None else None
    out = []
    for key in keys:
        flat = extra = None
        if exchange is not None:
            extra = exchange.extra(key)
            try:
                flat = exchange.flat(key)
            except ValidationError:
                flat = None
        out.append(flat.label if flat else f"另购{extra.label}" if extra else key)
    return " + ".join(out)


def problems(form: SurveyForm, policy: Policy) -> list[Problem]:
    """The combinations the calculation could not price (``missing``: saved, but not calculated)."""
    out: list[Problem] = []
    if form.flat_choices and policy.exchange is None:
        return [problem("flat_choices", "bad.flat_choices_mode", missing=True)]
    seen: dict[tuple[str, ...], int] = {}
    for n, keys in enumerate(form.flat_choices, 1):
        error = verdict(policy, keys, form.delivery)
        if error:
            out.append(problem(f"flat_choices[{n - 1}]", "bad.flat_choice", missing=True, n=n, error=error))
        elif tuple(keys) in seen:
            out.append(problem(f"flat_choices[{n - 1}]", "bad.flat_choice_repeated", missing=True, n=n,
                               first=seen[tuple(keys)]))
        seen.setdefault(tuple(keys), n)
    return out
