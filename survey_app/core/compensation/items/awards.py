"""Item kinds paying a fixed rate on an area: ``area_award`` (合法面积 × 定额单价 — 搬迁奖励、安家补贴、货币补偿另加
奖励 and the like, issue 13 gap F8; or the homestead area above a threshold, 宅基地大于 200 m² 的部分每平方米
增加补偿 1,050 元) and ``entitlement_cash`` (安置指标货币补偿: the entitlement settled in cash × (市场价 − 安置价)
× (1 + a bonus by the number of flats taken)). docs/policy.md."""

from __future__ import annotations

from decimal import Decimal

from survey_app.core.compensation import entitlement as ent
from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table, to_decimal
from survey_app.core.compensation.items.base import ZERO, Ctx, Draft, ItemKind

_HUNDRED = Decimal(100)


class AreaAward(ItemKind):
    """面积 × 单价: the area of the parts the item counts (its ``uses``, ``legality`` and ``when`` part keys) —
    or, with ``basis = "land_area"``, the homestead area — less ``above`` m² when given, times ``per_m2``; one
    line per household, nothing when it has no such area (or none above the threshold)."""

    kind = "area_award"
    title = "按面积奖励"
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.per_m2 = t.decimal("per_m2")
        self.basis = t.choice("basis", ent.BASES, required=False, default="legal_area")
        self.above = t.decimal("above", required=False)

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if self.per_m2 is None:
            return []
        if self.basis == "land_area":
            area = ctx.household.land_area
            if not area:
                return []
        else:
            if not self.parts(ctx):
                return []
            area = self.area(ctx)
        if self.above is None:
            return [(self.label, lambda: fx.product(fx.area(area), fx.price(self.per_m2)), area * self.per_m2)]
        if area <= self.above:
            return []
        return [(self.label, lambda: fx.product(f"({fx.sq(area)} − {fx.num(self.above)}) m²", fx.price(self.per_m2)),
                 (area - self.above) * self.per_m2)]


class EntitlementCash(ItemKind):
    """安置指标货币补偿: 货币安置指标 × (``market_price`` − ``resettlement_price``) × (1 + bonus), where 货币安置指标
    is the whole entitlement for 货币补偿 and what the chosen flats leave of it for 产权调换, and the bonus is
    ``bonus_pct_by_flats`` for the number of flats taken (``{ 0 = 20, 1 = 10 }``: 全部货币补偿 20%、只选一套
    10%; a count not listed: none)."""

    kind = "entitlement_cash"
    title = "安置指标货币补偿"
    flat_sensitive = True

    def parse(self, t: Table) -> None:
        self.market_price = t.decimal("market_price")
        self.resettlement_price = t.decimal("resettlement_price")
        if self.market_price is not None and self.resettlement_price is not None \
                and self.market_price <= self.resettlement_price:
            t.fail("market_price", f"项目“{t.data.get('code', '')}”的市场价应高于安置价（{self.market_price} ≤ "
                                   f"{self.resettlement_price}）")
        self.bonus: dict[int, Decimal] = {}
        raw = t.data.get("bonus_pct_by_flats")
        t.has("bonus_pct_by_flats")
        if raw is not None and not isinstance(raw, dict):
            t.fail("bonus_pct_by_flats", f"应为“套数 = 百分比”表，如 {{ 0 = 20, 1 = 10 }}，实际是 {raw!r}")
        for key, value in (raw or {}).items() if isinstance(raw, dict) else ():
            text = value.strip()[:-1] if isinstance(value, str) and value.strip().endswith("%") else value
            number = to_decimal(text)
            where = f"{t.key('bonus_pct_by_flats')}.{key}"
            if not str(key).isdigit():
                t.problems.add(where, "键应为所选安置房套数（0 表示全部货币补偿、1 表示选一套……）")
            elif number is None or not ZERO <= number <= _HUNDRED:
                t.problems.add(where, f"应为 0 到 100 之间的百分数，实际是 {value!r}")
            else:
                self.bonus[int(key)] = number
        self.exchange = None
        self._path = t.path  # items[N], for the problems bind_exchange finds

    def bind_exchange(self, exchange: object) -> list[tuple[str, str]]:
        """The entitlement comes from ``[modes.exchange]``; without it there is none to settle."""
        self.exchange = exchange
        if exchange is None:
            return [(f"{self._path}.kind", f"项目“{self.code}”按安置指标计算，但方案没有产权调换（[modes.exchange]），"
                                            "无从确定安置指标（应安置面积）")]
        return [(f"{self._path}.bonus_pct_by_flats.{n}", f"项目“{self.code}”：一户最多选 {exchange.max_flats} 套，"
                                                                f"没有选 {n} 套的情形") for n in self.bonus if n > exchange.max_flats]

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if self.exchange is None or self.market_price is None or self.resettlement_price is None:
            return []
        area, area_text = ent.cash_part(self.exchange, ctx)
        if area <= ZERO:
            return []
        pct = self.bonus.get(len(ctx.flats), ZERO)
        diff = self.market_price - self.resettlement_price

        def lhs() -> str:
            terms = [f"{area_text} m²", f"({fx.num(self.market_price)} − {fx.num(self.resettlement_price)}) 元/m²"]
            if pct:
                terms.append(f"(1 + {fx.pct(pct)})")
            return fx.product(*terms)
        return [(self.label, lhs, area * diff * (1 + fx.percent_factor(pct)))]


KINDS = (AreaAward, EntitlementCash)
