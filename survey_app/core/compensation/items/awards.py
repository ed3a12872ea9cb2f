"""Item kinds paying a fixed rate on the legal area: ``area_award`` (合法面积 × 定额单价 — 搬迁奖励、安家补贴、
货币补偿另加奖励 and the like, issue 13 gap F8). docs/policy.md."""

from __future__ import annotations

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Table
from survey_app.core.compensation.items.base import Ctx, Draft, ItemKind


class AreaAward(ItemKind):
    """合法面积 × 单价: the area of the parts the item counts (its ``uses``, ``legality`` and ``when`` part keys)
    times ``per_m2``; one line per household, nothing when it has no such part."""

    kind = "area_award"
    title = "按面积奖励"
    default_uses = ("residential",)

    def parse(self, t: Table) -> None:
        self.per_m2 = t.decimal("per_m2")

    def drafts(self, ctx: Ctx) -> list[Draft]:
        if self.per_m2 is None or not self.parts(ctx):
            return []
        area = self.area(ctx)
        return [(self.label, lambda: fx.product(fx.area(area), fx.price(self.per_m2)), area * self.per_m2)]


KINDS = (AreaAward,)
