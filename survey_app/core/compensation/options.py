"""Options side by side: every mode (and exchange flat choice) for one household, as one table the field
worker can explain at the kitchen table. The table is plain data; the CLI renders it as text, the UI as
a grid."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from survey_app.core.compensation.calculation import Calculation
from survey_app.core.compensation.engine import compute_all
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy
from survey_app.core.domain.money import format_yuan
from survey_app.core.domain.vocabulary import MODE_ORDER

ABSENT = "—"
T = TypeVar("T")


@dataclass(frozen=True)
class OptionsTable:
    """``headers`` name the options; each row is (label, one cell per option)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


def in_order(options: Iterable[T], result: Callable[[T], Calculation] = lambda o: o) -> list[T]:
    """The one order every list of a household's options uses (the CLI's table, the compensation page, the
    测算单): by mode in the vocabulary's order (cash, exchange, voucher), and within a mode as given — the
    engine's order of the exchange flat choices, which stored options keep (their ids are made in that
    order). ``result`` reads an item's Calculation (e.g. ``lambda o: o.result`` for stored options)."""
    rank = {mode: n for n, mode in enumerate(MODE_ORDER)}
    return sorted(options, key=lambda o: rank.get(result(o).mode, len(rank)))


def compute_options(policy: Policy, household: HouseholdInput) -> tuple[Calculation, ...]:
    """All options the policy allows for the household (see engine.compute_all), in ``in_order``'s order."""
    return tuple(in_order(compute_all(policy, household)))


def option_title(calc: Calculation) -> str:
    """``货币补偿`` / ``产权调换 A户型…`` — a column heading."""
    return f"{calc.mode_label} {calc.flat_label}" if calc.flat_label else calc.mode_label


def side_by_side(calcs: tuple[Calculation, ...] | list[Calculation]) -> OptionsTable:
    """One row per distinct line label (in first-seen order) plus total, flat price, net and voucher rows."""
    order: list[str] = []
    sums: list[dict[str, Decimal]] = []
    for calc in calcs:
        per: dict[str, Decimal] = {}
        for line in calc.lines:
            if line.label not in per and line.label not in order:
                order.append(line.label)
            per[line.label] = per.get(line.label, Decimal(0)) + line.amount
        sums.append(per)
    rows = [(label, tuple(format_yuan(s[label]) if label in s else ABSENT for s in sums)) for label in order]
    rows.append(("补偿合计", tuple(format_yuan(c.total) for c in calcs)))
    if any(c.flat_key for c in calcs):
        rows.append(("安置房购房款", tuple(format_yuan(c.flat_total) if c.flat_key else ABSENT for c in calcs)))
        rows.append(("应安置面积 m²", tuple(str(c.entitlement) if c.entitlement is not None else ABSENT for c in calcs)))
    if any(c.voucher for c in calcs):
        rows.append(("房票面额", tuple(format_yuan(c.voucher.face_amount) if c.voucher else ABSENT for c in calcs)))
        rows.append(("现金支付部分", tuple(format_yuan(c.voucher.cash_amount) if c.voucher else ABSENT for c in calcs)))
    rows.append(("结算", tuple(c.net_label for c in calcs)))
    rows.append(("净额", tuple(format_yuan(abs(c.net)) for c in calcs)))
    return OptionsTable(tuple(option_title(c) for c in calcs), tuple(rows))


def display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def render_text(table: OptionsTable) -> str:
    """The table as aligned monospace text (labels left, amounts right)."""
    label_width = max([display_width("项目")] + [display_width(label) for label, _ in table.rows])
    widths = [max([display_width(h)] + [display_width(cells[i]) for _, cells in table.rows])
              for i, h in enumerate(table.headers)]
    lines = ["  ".join([_pad("项目", label_width, False)] + [_pad(h, w, True) for h, w in zip(table.headers, widths)])]
    lines.append("-" * display_width(lines[0]))
    for label, cells in table.rows:
        lines.append("  ".join([_pad(label, label_width, False)] + [_pad(c, w, True) for c, w in zip(cells, widths)]))
    return "\n".join(lines)
