"""协议生效条件 — the project-level rule under which signed agreements take effect, and the items paid only once
they do (docs/policy.md, 「协议生效条件」).

Old-town schemes sign *附生效条件的补偿协议*: the agreements take effect only if, within the signing period, the
project's signing rate reaches the scheme's threshold (浙江: 在征收补偿方案确定的签约期限内达到规定签约比例的，补偿协议
生效；未达到的，补偿协议不生效). The policy states the rule in ``[project]``::

    effective_when = { signing_rate_pct = "80%", by = 2023-05-05 }   # by: default [project] signing_end

and an item says it is paid only once the agreements take effect with ``when = { agreement_effective = true }``
(舟山: “以上奖励必须以房屋征收补偿协议生效为前提”). A field laptop never knows the project's signing rate, and an
agreement that does not take effect pays nothing at all, so the amount is computed as usual and its line states the
condition (“（以本项目签约比例达到 80%、协议生效为前提）”); the agreement states it too (services/agreements/
effect_terms.py). Nothing here changes an amount. Immutable after loading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.fields import Problems, Table, to_date

if TYPE_CHECKING:
    from survey_app.core.compensation.items.base import Ctx, Draft, ItemKind

KEY = "effective_when"
CONDITION = "agreement_effective"  # the ``when`` key (conditions.py)
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Effectiveness:
    """``[project] effective_when``: agreements take effect when the signing rate reaches ``rate`` (percent)
    by ``by`` (the signing period's last day, inclusive)."""

    rate: Decimal
    by: dt.date

    def words(self) -> str:
        """``本项目在 2023-05-05（含）前签约比例达到 80%`` — for lines and ``policy explain``."""
        return f"本项目在 {self.by.isoformat()}（含）前签约比例达到 {fx.pct(self.rate)}"

    def line_note(self) -> str:
        return f"（以{self.words()}、协议生效为前提）"

    def reached(self, signed: int, total: int, on: dt.date) -> bool:
        """Whether ``signed`` of ``total`` households signed by ``on`` meets the rule (HQ's view of a project:
        after ``by`` the rate no longer counts, whatever it is)."""
        if total <= 0 or on > self.by:
            return False
        return Decimal(signed) * _HUNDRED >= self.rate * total


PLAIN_NOTE = "（以协议生效为前提）"  # the item's condition when the policy does not state the rule


def read_effectiveness(project: Table) -> Effectiveness | None:
    """The ``effective_when`` inline table of ``[project]`` (``project`` is its Table), or None."""
    if not project.has(KEY):
        return None
    t = project.table(KEY)
    if t is None:
        return None
    t.owner = "协议生效条件（effective_when）"
    rate = t.decimal("signing_rate_pct", maximum=_HUNDRED)
    by = t.date("by", required=False) or to_date(project.data.get("signing_end"))
    if by is None and "by" not in t.data:
        t.fail("by", "协议生效条件须有签约期限：写 by = 日期，或写 [project] 的 signing_end")
    if rate is not None and rate <= 0:
        t.fail("signing_rate_pct", "签约比例应大于 0")
    t.finish()
    return Effectiveness(rate, by) if rate is not None and rate > 0 and by is not None else None


def bind_effect(items: list[ItemKind], rule: Effectiveness | None, problems: Problems) -> None:
    """Give every item written ``when = { agreement_effective = true }`` its line note; a policy with such items
    but no ``effective_when`` is told (a warning: the lines and the agreement then only say 以协议生效为前提)."""
    conditional = [(index, item) for index, item in enumerate(items) if is_conditional(item)]
    note = rule.line_note() if rule is not None else PLAIN_NOTE
    for _index, item in conditional:
        item.drafts = _Noted(item.drafts, note)  # type: ignore[method-assign]
    if conditional and rule is None:
        named = "、".join(f"items[{index}]（{item.code}）" for index, item in conditional)
        problems.warn(f"project.{KEY}", f"{named} 以协议生效为前提，但方案没有写协议生效条件（签约比例、期限）："
                                        "测算单和协议只写“以协议生效为前提”")


def is_conditional(item: Any) -> bool:
    """Whether the item is paid only once the agreements take effect."""
    when = getattr(item, "when", None)
    return when is not None and bool(getattr(when, CONDITION, False))


class _Noted:
    """The item's drafts, each line that pays something saying the condition (a 0 line has nothing to condition)."""

    __slots__ = ("drafts", "note")

    def __init__(self, drafts: Callable[[Ctx], list[Draft]], note: str):
        self.drafts = drafts
        self.note = note

    def __call__(self, ctx: Ctx) -> list[Draft]:
        note = self.note
        return [(label, _with_note(lhs, note) if raw else lhs, raw) for label, lhs, raw in self.drafts(ctx)]


def _with_note(lhs: str | Callable[[], str], note: str) -> str | Callable[[], str]:
    return lhs + note if isinstance(lhs, str) else lambda: lhs() + note
