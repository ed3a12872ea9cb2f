"""The values templates' ``{placeholders}`` take, formatted as Chinese documents write them.

Money goes through survey_app.core.domain.money so the PDF, the screen and the CLI agree to the fen;
dates are written 2023年6月12日; every value is XML-escaped because it lands in reportlab markup
(a name or address containing ``&`` or ``<`` must print as typed, not break the paragraph).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from xml.sax.saxutils import escape

from survey_app.core.documents import article25
from survey_app.core.documents.model import AgreementDoc
from survey_app.core.domain.china_time import CHINA
from survey_app.core.domain.money import format_area, format_number, format_yuan

DASH = "—"


def chinese_date(value: dt.date | dt.datetime | None) -> str:
    """``2023年6月12日``; an aware datetime is shown in China's date (the project's, whatever the laptop's
    zone); None → ``____年__月__日``."""
    if value is None:
        return "____年__月__日"
    if isinstance(value, dt.datetime):
        value = (value.astimezone(CHINA) if value.tzinfo else value).date()
    return f"{value.year}年{value.month}月{value.day}日"


def area_text(area: Decimal) -> str:
    """An area with two decimals and its unit: ``58.32 m²``."""
    return f"{format_area(area)} m²"


def share_text(share: Decimal) -> str:
    """A share stored as a fraction (0.5) written as a percentage (50%)."""
    pct = share * 100
    return f"{format_number(pct.quantize(Decimal('0.01')))}%"


def money_text(amount: Decimal) -> str:
    """Yuan as the tables print it: ``797,234.00`` (negative amounts keep their sign)."""
    return format_yuan(amount)


def placeholder_values(doc: AgreementDoc) -> dict[str, str]:
    """Every placeholder of templates.PLACEHOLDERS for ``doc``, escaped for reportlab markup."""
    copies = max(doc.copies, 2)
    values = {
        "project_name": doc.project_name,
        "decision_no": doc.decision_no,
        "authority": doc.authority,
        "implementer": doc.implementer,
        "valuation_date": chinese_date(doc.valuation_date),
        "household_code": doc.household_code,
        "address": doc.address,
        "number": doc.number,
        "owner_names": "、".join(p.name for p in doc.parties) or DASH,
        "mode_label": doc.mode_label,
        "option_label": doc.option_label or doc.mode_label,
        "total": money_text(doc.total),
        "flat_total": money_text(abs(doc.flat_total)),
        "net": money_text(abs(doc.net)),
        "net_label": doc.net_label,
        "net_upper": doc.upper,
        "payment_days": str(doc.payment_days),
        "moving_days": str(doc.moving_days),
        "transition_months": str(doc.terms.transition_months or doc.transition_months),
        "policy_version": doc.policy_version or DASH,
        "voucher_bonus_pct": format_number(doc.voucher_bonus_pct) if doc.voucher_bonus_pct is not None else DASH,
        "voucher_valid_until": chinese_date(doc.voucher_valid_until) if doc.voucher_valid_until else DASH,
        "copies": str(copies),
        # The household keeps one original; the department files the rest (archive, finance, registry).
        "copies_authority": str(copies - 1),
        "copies_party": "1",
        "printed_date": chinese_date(doc.printed_at) if doc.printed_at else DASH,
        **article25.values(doc),
    }
    return {key: escape(value) for key, value in values.items()}


def fill(text: str, values: dict[str, str]) -> str:
    """Substitute placeholders (checked at template load, so every name is present)."""
    return text.format_map(values) if "{" in text else text
