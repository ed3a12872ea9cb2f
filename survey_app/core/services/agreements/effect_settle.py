"""The rewards settled after the agreements take effect, per signed agreement: what HQ's 台账 shows (issue 13).

At signing a 签约率奖 (``signing_rate_reward``) or 早搬迁奖 (``early_moving_reward``) line is 0 and states its
schedule (compensation/items/deferred.py). Once HQ has recorded 协议生效 (effect_record.py) the amounts follow,
computed by the items themselves — never re-implemented here:

* 签约率奖 = ``amount_at(recorded rate)`` — the exact rate, signed ÷ total households;
* 早搬迁奖 = ``settle(effective date, 交房日期, area)`` — the area the item counts for the household, from the
  calculation's own inputs with the policy's area decimals (as the engine read them at signing); ``交房日期`` is
  the 台账's (the latest 交房验收). Not handed over yet: nothing settled, 待交房 while a tier is still open, 0
  once the last tier's day has passed.

Only the agreement the row shows, when it is signed, and only the items whose line its calculation has (a
household signing after the signing period has none). Recorded as not taking effect: no amount, the row says
协议未生效 — neither these rewards nor the conditional amounts of the agreement are due.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from survey_app.core.domain import china_time
from survey_app.core.services.agreements.effect_record import EffectRecord, effect_record
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Calculation, CalculationLine, PolicyVersion

DEFERRED_KINDS = ("signing_rate_reward", "early_moving_reward")
NOT_EFFECTIVE = "协议未生效"
EFFECTIVE = "已生效"
AWAITING = "已生效，早搬迁奖待交房"
CLOSED = "已生效，未在早搬迁奖期限内交房"


@dataclass(frozen=True)
class Due:
    """The 台账's three cells: 签约率奖(元), 早搬迁奖(元) (None: not due, or not this household's) and 协议生效."""

    rate_reward: Decimal | None = None
    early_reward: Decimal | None = None
    state: str = ""

    def cells(self) -> tuple:
        return self.rate_reward, self.early_reward, self.state


NOTHING = Due()


class Settlement:
    """Reads the record and the policies once; ``due`` per 台账 row (a calculation's lines read when asked)."""

    def __init__(self, db: Database, today: dt.date | None = None):
        self.db = db
        self.record: EffectRecord | None = effect_record(db)
        self.today = today or china_time.today()
        self._policies: dict[uuid.UUID, tuple] = {}  # policy version id → (policy, {code: deferred item})
        self._calcs: dict[uuid.UUID, tuple] = {}  # calculation id → (items, codes of its deferred lines, area)

    def due(self, calc_id: uuid.UUID | None, agreement_status: str | None, handed_on: dt.date | None) -> Due:
        record = self.record
        if record is None or calc_id is None or agreement_status != "signed":
            return NOTHING
        if not record.effective:
            return Due(state=NOT_EFFECTIVE)
        items, codes, area = self._calculation(calc_id)
        rate = early = None
        state = EFFECTIVE
        for code in codes:
            item = items[code]
            if item.kind == "signing_rate_reward":
                rate = item.amount_at(record.rate_pct)
            elif handed_on is not None:
                early = item.settle(record.effective_on, handed_on, area(item))
            elif item.tiers and (self.today - record.effective_on).days > item.tiers[-1].days:
                early, state = Decimal("0.00"), CLOSED
            else:
                state = AWAITING
        return Due(_money(rate), _money(early), state)

    def _calculation(self, calc_id: uuid.UUID) -> tuple:
        found = self._calcs.get(calc_id)
        if found is None:
            with self.db.read() as s:
                calc = s.get(Calculation, calc_id)
                policy, items = self._policy(s, calc.policy_version_id if calc is not None else None)
                codes = [] if not items else list(dict.fromkeys(s.scalars(
                    select(CalculationLine.item_code).where(CalculationLine.calculation_id == calc_id,
                                                            CalculationLine.item_code.in_(list(items)),
                                                            CalculationLine.deleted_at.is_(None))
                    .order_by(CalculationLine.line_no))))
                inputs, mode = (calc.inputs_json, calc.mode) if codes else ("", "")
            found = self._calcs[calc_id] = (items, codes, _area_of(policy, inputs, mode))
        return found

    def _policy(self, s, version_id: uuid.UUID | None) -> tuple:  # noqa: ANN001
        if version_id is None:
            return None, {}
        if version_id not in self._policies:
            from survey_app.core.services.calculations import policy_from_text

            v = s.get(PolicyVersion, version_id)
            policy = policy_from_text(v.content, v.content_hash) if v is not None else None
            items = {i.code: i for i in (policy.items if policy else ()) if i.kind in DEFERRED_KINDS}
            self._policies[version_id] = (policy, items)
        return self._policies[version_id]


def _area_of(policy, inputs_json: str, mode: str):  # noqa: ANN001, ANN202
    """item → the area the item counts for this household (the engine's own counting: the policy's area
    decimals, the item's uses and conditions), read when first asked."""
    cache: dict[str, Decimal] = {}

    def area(item) -> Decimal:  # noqa: ANN001
        if item.code not in cache:
            from survey_app.core.compensation.compiled import compiled
            from survey_app.core.compensation.inputs import HouseholdInput
            from survey_app.core.compensation.items.base import Ctx
            from survey_app.core.storage.calc_inputs import engine_inputs

            household = compiled(policy).counted_areas(HouseholdInput.from_dict(engine_inputs(inputs_json)))
            cache[item.code] = item.area(Ctx(household, mode, "", None, "", policy.project.valuation_date, {}))
        return cache[item.code]
    return area


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))

