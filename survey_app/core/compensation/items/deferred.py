"""Rewards whose amount is settled only after the agreements take effect (docs/policy.md, 「生效后结算的奖励」).

上海长桥新村片区（征求意见稿）: 签约率奖 — “签约期限内……签约率达到 90%，给予每证 15 万元奖励；在 90% 基础上每增加 1%，
每证增加奖励 1.5 万元” — and 早搬迁奖 — “自本地块旧改签约生效次日起，第 1 日至 15 日内搬离……按建筑面积 4000 元/平方米，
不足 16 万元/证的按 16 万元/证；第 16 日至 30 日 2000 元/平方米（8 万元）；第 31 日至 45 日 1000 元/平方米（4 万元）”.

At signing neither amount exists: the first depends on the project's final signing rate, the second on a date counted
from the day the agreements take effect, both unknown to the field laptop and to the household. A yuan figure in the
signed total would be a guess, so these items never add to it: their line is 0 and its formula states the schedule with
the household's own figures (“第 1–15 日内搬离交房 max(58.32 m² × 4,000 元/m², 160,000 元) = 233,280 元；……”), and the
agreement states the same schedule as a term, settled and paid separately (services/agreements/effect_terms.py).
``amount_at`` / ``settle`` give the amount once the rate / dates are known (HQ, tests). A household that signs after
the chosen mode's signing period gets no line (“签约期限内”). One 证 is one household here.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal
from typing import NamedTuple

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import MODES
from survey_app.core.compensation.items.base import ZERO, Ctx, Draft, ItemKind

_HUNDRED = Decimal(100)
SETTLED_LATER = "另行结算，不计入本次合计"


class _WithinPeriod(ItemKind):
    """Paid only to households signing within the chosen mode's signing period (bound when the policy loads)."""

    mode_sensitive = True  # the period may differ per mode

    def parse(self, t: Table) -> None:
        self.ends: dict[str, dt.date] = {}
        for key in ("minimum", "maximum"):
            if key in t.data:
                t.has(key)
                t.fail(key, f"项目“{t.data.get('code', '')}”的金额签约时不确定、另行结算，不能写最低额或最高额"
                            + ("（早搬迁奖每档的最低额写在该档的 minimum）" if self.kind == "early_moving_reward" else ""))
        self.parse_own(t)
        self.key = t.key("kind")

    def parse_own(self, t: Table) -> None:
        raise NotImplementedError

    def bind_periods(self, periods: dict[str, tuple[dt.date | None, dt.date | None]]) -> list[tuple[str, str]]:
        """Each mode's signing-period end (``Policy.signing_period``); a mode without one is a problem."""
        problems = []
        for mode in self.modes:
            end = periods.get(mode, (None, None))[1]
            if end is None:
                problems.append((self.key, f"项目“{self.code}”只给签约期限内签约的户：{MODES.get(mode, mode)}"
                                           f"没有签约期结束日期（[modes.{mode}] 或 [project] 的 signing_end）"))
            else:
                self.ends[mode] = end
        return problems

    def mode_key(self, mode: str, delivery: str) -> object:
        return self.ends.get(mode)

    def eligible(self, ctx: Ctx) -> bool:
        """Signed within the period, or not signed yet (a 测算 before signing: the schedule is stated)."""
        signed, end = ctx.household.signing_date, self.ends.get(ctx.mode)
        return self.has_use(ctx) and (signed is None or end is None or signed <= end)


class SigningRateReward(_WithinPeriod):
    """签约率奖: ``amount`` per household when the project's signing rate within the period reaches ``from_pct``,
    plus ``step_amount`` for every full ``step_pct`` above it."""

    kind = "signing_rate_reward"
    title = "签约率奖励"

    def parse_own(self, t: Table) -> None:
        self.from_pct = t.decimal("from_pct", maximum=_HUNDRED)
        self.amount = t.decimal("amount")
        self.step_pct = t.decimal("step_pct", required=False, maximum=_HUNDRED)
        self.step_amount = t.decimal("step_amount", required=False)
        if (self.step_pct is None) != (self.step_amount is None):
            t.fail("step_pct", "step_pct 和 step_amount 须同时写（“每增加 1%，增加 1.5 万元”）或都不写")
        if self.step_pct is not None and self.step_pct <= 0:
            t.fail("step_pct", "每档增加的签约率应大于 0")

    def schedule(self) -> str:
        """``签约期限内本项目签约率达到 90% 的 150,000 元/户，此后每增加 1% 增加 15,000 元/户``."""
        text = f"签约期限内本项目签约率达到 {fx.pct(self.from_pct)} 的 {fx.num(self.amount)} 元/户"
        if self.step_pct is not None:
            text += f"，此后每增加 {fx.pct(self.step_pct)} 增加 {fx.num(self.step_amount)} 元/户"
        return text

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if self.amount is None or self.from_pct is None or not self.eligible(ctx):
            return []
        return [(self.label, f"{self.schedule()}（按签约期限届满时的签约率{SETTLED_LATER}）", ZERO)]

    def amount_at(self, rate_pct: Decimal) -> Decimal:
        """The reward per household at a final signing rate (percent): whole steps only (“每增加 1%”; the part of
        a step not reached is not paid)."""
        if self.amount is None or self.from_pct is None or rate_pct < self.from_pct:
            return ZERO
        if self.step_pct is None or self.step_amount is None:
            return self.amount
        steps = ((rate_pct - self.from_pct) / self.step_pct).to_integral_value(ROUND_FLOOR)
        return self.amount + steps * self.step_amount


class MoveTier(NamedTuple):
    """Moved out and handed over by day ``days`` counted from the day after the agreements take effect."""

    days: int
    per_m2: Decimal | None
    amount: Decimal | None
    minimum: Decimal | None


class EarlyMovingReward(_WithinPeriod):
    """早搬迁奖 by the day of 交房 counted from the day after the agreements take effect (day 1): each tier pays
    ``per_m2`` × area (at least its ``minimum``) or a fixed ``amount``."""

    kind = "early_moving_reward"
    title = "早搬迁奖励"
    default_uses = ("residential",)

    def parse_own(self, t: Table) -> None:
        tiers = []
        rows = t.tables("tiers", required=True)
        for row in rows:
            tier = MoveTier(row.integer("days", minimum=1) or 0, row.decimal("per_m2", required=False),
                            row.decimal("amount", required=False), row.decimal("minimum", required=False))
            if (tier.per_m2 is None) == (tier.amount is None):
                row.fail("per_m2", "per_m2 和 amount 须写且只写一个")
            if tier.minimum is not None and tier.per_m2 is None:
                row.fail("minimum", "minimum 只用于按面积（per_m2）的档次")
            tiers.append(tier)
            row.finish()
        if not rows and "tiers" in t.data:
            t.fail("tiers", "至少需要一个档次")
        days = [tier.days for tier in tiers]
        if days != sorted(days) or len(set(days)) != len(days):
            t.fail("tiers", "档次须按天数（days）从少到多排列且不重复")
        self.tiers = tuple(tiers)

    def windows(self) -> list[tuple[int, int, MoveTier]]:
        """(first day, last day, tier) of each tier: 第 1–15 日, 第 16–30 日 …"""
        out, first = [], 1
        for tier in self.tiers:
            out.append((first, tier.days, tier))
            first = tier.days + 1
        return out

    def tier_amount(self, tier: MoveTier, area: Decimal) -> Decimal:
        if tier.amount is not None:
            return tier.amount
        value = area * tier.per_m2
        return value if tier.minimum is None else max(value, tier.minimum)

    def tier_text(self, tier: MoveTier, area: Decimal) -> str:
        if tier.amount is not None:
            return f"{fx.num(tier.amount)} 元/户"
        product = fx.product(fx.area(area), fx.price(tier.per_m2))
        if tier.minimum is None:
            return f"{product} = {fx.num(self.tier_amount(tier, area))} 元"
        return f"max({product}, {fx.num(tier.minimum)} 元) = {fx.num(self.tier_amount(tier, area))} 元"

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if not self.tiers or not self.eligible(ctx):
            return []
        area = self.area(ctx)

        def lhs() -> str:
            steps = "；".join(f"第 {first}–{last} 日内搬离交房 {self.tier_text(tier, area)}"
                             for first, last, tier in self.windows())
            return f"自协议生效次日起：{steps}（按实际交房日期{SETTLED_LATER}）"
        return [(self.label, lhs, ZERO)]

    def settle(self, effective: dt.date, handover: dt.date, area: Decimal) -> Decimal:
        """The reward once both dates are known: day 1 is the day after ``effective``; a hand-over on or before
        the effective date counts as day 1; after the last tier nothing."""
        day = max((handover - effective).days, 1)
        tier = next((t for t in self.tiers if day <= t.days), None)
        return ZERO if tier is None else self.tier_amount(tier, area)


KINDS = (SigningRateReward, EarlyMovingReward)
