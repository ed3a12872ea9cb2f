"""The result of a calculation (测算): itemised lines, totals, net, amount in words, policy hash and
the input snapshot. Plain frozen dataclasses; ``to_canonical_json`` gives byte-identical output for the
same inputs and policy, which is how HQ re-verifies an imported calculation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from survey_app.core.compensation.inputs import HouseholdInput

ENGINE_VERSION = "1"
SECTION_ITEM = "item"   # compensation, rewards, subsidies (and cap adjustments)
SECTION_FLAT = "flat"   # resettlement flat price, negative: set against the compensation
NET_PAY = "pay"         # 应付: paid to the household
NET_RECEIVE = "receive"  # 应收: owed by the household
NET_LABELS = {NET_PAY: "应付被征收人", NET_RECEIVE: "被征收人应缴"}
_CENT = Decimal("0.01")


def _money(value: Decimal) -> str:
    # Amounts always travel as fixed two-decimal strings ("797234.00"): exact and stable.
    return str(value.quantize(_CENT))


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the sheet: ``formula`` is written out with its numbers and ends in ``= amount``."""

    code: str
    label: str
    formula: str
    amount: Decimal
    section: str = SECTION_ITEM
    kind: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (amount as a two-decimal string)."""
        return {"code": self.code, "label": self.label, "formula": self.formula, "amount": _money(self.amount),
                "section": self.section, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Line":
        """Inverse of :meth:`to_dict`."""
        return cls(data["code"], data["label"], data["formula"], Decimal(data["amount"]),
                   data.get("section", SECTION_ITEM), data.get("kind", ""))


@dataclass(frozen=True)
class VoucherSummary:
    """房票: face value of the voucher, the part paid in cash (excluded items), bonus and validity."""

    face_amount: Decimal
    cash_amount: Decimal
    bonus_pct: Decimal
    valid_months: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"face_amount": _money(self.face_amount), "cash_amount": _money(self.cash_amount),
                "bonus_pct": str(self.bonus_pct), "valid_months": self.valid_months}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "VoucherSummary":
        """Inverse of :meth:`to_dict`."""
        return cls(Decimal(data["face_amount"]), Decimal(data["cash_amount"]), Decimal(data["bonus_pct"]),
                   int(data["valid_months"]))


@dataclass(frozen=True, slots=True)
class Calculation:
    """One option computed for one household under one policy version.

    ``total`` is the sum of the item lines (compensation), ``flat_total`` the (negative) sum of the flat
    price lines, ``net = total + flat_total``; ``net_direction`` says who pays and ``upper`` is |net| in
    words. ``entitlement`` is the exchange entitlement area (应安置面积) when mode is exchange.
    """

    policy_hash: str
    policy_version: str
    project_name: str
    household_code: str
    mode: str
    mode_label: str
    flat_key: str
    flat_label: str
    delivery: str
    lines: tuple[Line, ...]
    total: Decimal
    flat_total: Decimal
    net: Decimal
    net_direction: str
    upper: str
    rounding: str
    entitlement: Decimal | None
    voucher: VoucherSummary | None
    inputs: HouseholdInput
    engine_version: str = ENGINE_VERSION

    @property
    def option_key(self) -> str:
        """``cash``, ``voucher`` or ``exchange:A90`` — names the option among its siblings."""
        return f"{self.mode}:{self.flat_key}" if self.flat_key else self.mode

    @property
    def net_label(self) -> str:
        """应付被征收人 / 被征收人应缴."""
        return NET_LABELS[self.net_direction]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; amounts are two-decimal strings, the inputs snapshot is included."""
        return {
            "engine_version": self.engine_version,
            "policy_hash": self.policy_hash,
            "policy_version": self.policy_version,
            "project_name": self.project_name,
            "household_code": self.household_code,
            "mode": self.mode,
            "mode_label": self.mode_label,
            "flat_key": self.flat_key,
            "flat_label": self.flat_label,
            "delivery": self.delivery,
            "lines": [line.to_dict() for line in self.lines],
            "total": _money(self.total),
            "flat_total": _money(self.flat_total),
            "net": _money(self.net),
            "net_direction": self.net_direction,
            "upper": self.upper,
            "rounding": self.rounding,
            "entitlement": None if self.entitlement is None else str(self.entitlement),
            "voucher": None if self.voucher is None else self.voucher.to_dict(),
            "inputs": self.inputs.to_dict(),
        }

    def to_canonical_json(self) -> str:
        """Sorted-key compact JSON (UTF-8 text, non-ASCII kept): identical for identical calculations."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Calculation":
        """Rebuild a Calculation saved with :meth:`to_dict` (e.g. from storage)."""
        return cls(
            policy_hash=data["policy_hash"], policy_version=data.get("policy_version", ""),
            project_name=data.get("project_name", ""), household_code=data["household_code"],
            mode=data["mode"], mode_label=data["mode_label"], flat_key=data.get("flat_key", ""),
            flat_label=data.get("flat_label", ""), delivery=data.get("delivery", ""),
            lines=tuple(Line.from_dict(line) for line in data["lines"]),
            total=Decimal(data["total"]), flat_total=Decimal(data["flat_total"]), net=Decimal(data["net"]),
            net_direction=data["net_direction"], upper=data["upper"], rounding=data.get("rounding", ""),
            entitlement=None if data.get("entitlement") is None else Decimal(data["entitlement"]),
            voucher=None if data.get("voucher") is None else VoucherSummary.from_dict(data["voucher"]),
            inputs=HouseholdInput.from_dict(data["inputs"]),
            engine_version=data.get("engine_version", ENGINE_VERSION))

    @classmethod
    def from_json(cls, text: str) -> "Calculation":
        """Rebuild from :meth:`to_canonical_json` output."""
        return cls.from_dict(json.loads(text))
