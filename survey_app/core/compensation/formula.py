"""Formula text: how numbers appear in a line's written-out formula (``58.32 m² × 13,670 元/m² × 1``).

Areas show two decimals, or three when the policy counts areas to 0.001 m² (``area_decimals = 3``: the
engine then hands every area over with three decimals, and its exponent says so); prices and ratios show only the digits they have, with thousands
separators; percentages as ``10%``. Formatting goes through Decimal's own ``format`` (exact, no float).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from survey_app.core.domain.money import format_area, format_number

TIMES = " × "
# The one decimal context of the engine's arithmetic and of its formula text (which may be written
# later, when first read): 34 significant digits, far more than any area × price × ratio product
# needs, so products are exact and only ÷ 12 style divisions are ever rounded (alike on every machine).
CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)
_HUNDRED = Decimal(100)

# Memo of formatted numbers. Equal Decimals format identically here (58.3 and 58.30 both give "58.30";
# 1 and 1.0 both "1"), so keying by value is safe. Policy constants repeat on every line and areas
# repeat across a household's options: formatting dominates the engine's time without this. A plain
# dict is fine across threads (get/set are atomic; a lost write only costs a re-format).
_AREA: dict[Decimal, str] = {}
_AREA3: dict[Decimal, str] = {}  # areas of a policy counting to 0.001 m² (58.320 and 58.32 print differently)
_NUM: dict[Decimal, str] = {}
_MEMO_LIMIT = 50_000


def _remember(memo: dict, key: Decimal, text: str) -> str:
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    memo[key] = text
    return text


def area(value: Decimal) -> str:
    """``58.32 m²``."""
    return f"{sq(value)} m²"


def sq(value: Decimal) -> str:
    """An area without its unit, two decimals: ``58.32`` (for ``(45 − 38.50) m²``); three (``58.320``) for
    an area given with three (a policy with ``area_decimals = 3``)."""
    if value.as_tuple().exponent == -3:
        text = _AREA3.get(value)
        return text if text is not None else _remember(_AREA3, value, f"{value:.3f}")
    text = _AREA.get(value)
    return text if text is not None else _remember(_AREA, value, format_area(value))


def num(value: Decimal) -> str:
    """A price, count or ratio: ``13,670``, ``0.5``, ``2``."""
    text = _NUM.get(value)
    return text if text is not None else _remember(_NUM, value, format_number(value))


def price(value: Decimal, unit: str = "元/m²") -> str:
    """``13,670 元/m²``."""
    return f"{num(value)} {unit}"


def pct(value: Decimal) -> str:
    """A percentage given in percent units: ``Decimal(10)`` → ``10%``."""
    return f"{num(value)}%"


def amount(value: Decimal, places: int) -> str:
    """A rounded line amount as it ends the formula: ``797,234`` (places 0) or ``797,234.40``."""
    return format(value, f",.{places}f")


def signed_amount(value: Decimal, places: int) -> str:
    """A line amount as it ends the formula, negative with the minus sign the sheets use: ``−240,000``."""
    return "−" + format(-value, f",.{places}f") if value < 0 else format(value, f",.{places}f")


def product(*terms: str) -> str:
    """Terms joined with ``×``."""
    return TIMES.join(terms)


def percent_factor(value: Decimal) -> Decimal:
    """10 (percent) → 0.1 exactly."""
    return value / _HUNDRED
