"""Item kinds priced from policy tables: fixtures (附属物: count × unit price, or appraised value × ratio)
and surveyor-entered extras chosen from a policy-listed menu (quantity × unit price)."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.inputs import Fixture
from survey_app.core.compensation.items.base import Ctx, Draft, ItemKind
from survey_app.core.domain.errors import ValidationError


class Rate(NamedTuple):
    """One row of a fixture table or extras menu."""

    label: str
    unit: str
    unit_price: Decimal | None
    ratio: Decimal | None


class Fixtures(ItemKind):
    """附属物补偿: one line per surveyed fixture, priced by (kind, sub_kind) from the policy's table.

    A row has either ``unit_price`` (count × price, e.g. 空调移机 2 台 × 300 元/台) or ``ratio``
    (the fixture's appraised ``value`` × ratio, e.g. 围墙评估值 × 0.8). A row without ``sub_kind`` matches
    every sub-kind of its kind not listed separately.
    """

    kind = "fixtures"
    title = "附属物补偿"

    def parse(self, t: Table) -> None:
        self.rates: dict[tuple[str, str], Rate] = {}
        rows = t.tables("rates", required=True)
        if not rows:
            t.fail("rates", "附属物表不能为空")
        for row in rows:
            key = (row.text("kind") or "", row.text("sub_kind", required=False, default="") or "")
            rate = _read_rate(row, allow_ratio=True)
            if key in self.rates:
                row.fail("kind", f"附属物“{key[0]}/{key[1] or '*'}”重复定义")
            self.rates[key] = rate
            row.finish()

    def drafts(self, ctx: Ctx) -> list[Draft]:
        # A fixture line depends only on the fixture itself, and the same few fixtures recur in every
        # household: remember each draft (bounded; dict get/set are atomic, a race only recomputes).
        # Keyed by the fields the draft reads, as a plain tuple: a frozen dataclass's hash and == run as
        # Python code, a tuple's in C (the fixture's look-up was a fifth of the item's time).
        memo = self.__dict__.setdefault("_memo", {})
        out = []
        for index, fixture in enumerate(ctx.household.fixtures):
            if not fixture.count:
                continue  # 0 means none: no line, not a line of 0 (nor of 1)
            key = (fixture.kind, fixture.sub_kind, fixture.count, fixture.value)
            draft = memo.get(key)
            if draft is None:
                draft = self._draft(index, fixture)
                if len(memo) > 10_000:
                    memo.clear()
                memo[key] = draft
            out.append(draft)
        return out

    def _draft(self, index: int, fixture: Fixture) -> Draft:
        rate = self.rates.get((fixture.kind, fixture.sub_kind)) or self.rates.get((fixture.kind, ""))
        if rate is None:
            raise ValidationError(
                f"fixtures[{index}].kind: 附属物“{fixture.kind}/{fixture.sub_kind or '-'}”不在方案附属物表中",
                f"fixtures[{index}].kind")
        if rate.unit_price is not None:
            lhs = fx.product(f"{fx.num(fixture.count)} {rate.unit}", fx.price(rate.unit_price, f"元/{rate.unit}"))
            return (f"{self.label}（{rate.label}）", lhs, fixture.count * rate.unit_price)
        else:
            if fixture.value is None:
                raise ValidationError(f"fixtures[{index}].value: 附属物“{rate.label}”按评估值计算，须填写评估值",
                                      f"fixtures[{index}].value")
            value = fixture.value * fixture.count
            terms = [f"评估值 {fx.num(fixture.value)} 元"]
            if fixture.count != 1:
                terms.append(f"{fx.num(fixture.count)} {rate.unit}")
            terms.append(fx.num(rate.ratio))
            return (f"{self.label}（{rate.label}）", fx.product(*terms), value * rate.ratio)


class Extras(ItemKind):
    """其他补偿 from a menu: the surveyor picks menu codes and quantities; quantity × unit price."""

    kind = "extras"
    title = "其他地上物补偿"

    def parse(self, t: Table) -> None:
        self.menu: dict[str, Rate] = {}
        rows = t.tables("menu", required=True)
        if not rows:
            t.fail("menu", "菜单不能为空")
        for row in rows:
            code = row.text("code") or ""
            if code in self.menu:
                row.fail("code", f"菜单代码“{code}”重复")
            self.menu[code] = _read_rate(row, allow_ratio=False)
            row.finish()

    def drafts(self, ctx: Ctx) -> list[Draft]:
        out = []
        for index, extra in enumerate(ctx.household.extra_items):
            rate = self.menu.get(extra.code)
            if rate is None:
                raise ValidationError(f"extra_items[{index}].code: “{extra.code}”不在方案的其他补偿菜单中，"
                                      f"可选: {'、'.join(self.menu)}", f"extra_items[{index}].code")
            lhs = fx.product(f"{fx.num(extra.quantity)} {rate.unit}", fx.price(rate.unit_price, f"元/{rate.unit}"))
            out.append((f"{self.label}（{rate.label}）", lhs, extra.quantity * rate.unit_price))
        return out


def _read_rate(row: Table, allow_ratio: bool) -> Rate:
    label = row.text("label") or ""
    unit = row.text("unit", required=False, default="个") or "个"
    price = row.decimal("unit_price", required=not allow_ratio)
    ratio = row.decimal("ratio", required=False, maximum=Decimal(1)) if allow_ratio else None
    if allow_ratio and (price is None) == (ratio is None):
        row.fail("unit_price", "unit_price（按数量）和 ratio（按评估值）须写且只写一个")
    return Rate(label, unit, price, ratio)


KINDS = (Fixtures, Extras)
