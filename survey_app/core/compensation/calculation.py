"""The result of a calculation (测算): itemised lines, totals, net, amount in words, policy hash and
the input snapshot. Immutable value records; ``to_canonical_json`` gives byte-identical output for the
same inputs and policy, which is how HQ re-verifies an imported calculation.
"""

from __future__ import annotations

import json
from decimal import Decimal, localcontext
from typing import Any

from survey_app.core.compensation import formula as fx
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.domain.money import amount_in_words

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


class _Record:
    """Value semantics for the engine's result records: equal, hashed and shown by their public fields.

    Plain slotted classes rather than frozen dataclasses: the engine makes ~16 lines and 5 calculations
    per household, and a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) was a
    fifth of its time. Treat instances as immutable: nothing assigns to them after construction except
    the one-time caching of text computed on first use (``Line.formula``, ``Calculation.upper``).
    """

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{self.__class__.__name__}({inner})"


class Line(_Record):
    """One line of the sheet: ``formula`` is written out with its numbers and ends in ``= amount``.

    The engine may give the formula as a recipe — ``(lhs, places)``, where ``lhs`` is the text left of
    ``=`` or a function returning it — so that options compared side by side (amounts only) never pay for
    formatting; the text is built the first time ``formula`` is read and is the same either way.
    """

    __slots__ = ("code", "label", "_formula", "amount", "section", "kind")
    _FIELDS = ("code", "label", "formula", "amount", "section", "kind")

    def __init__(self, code: str, label: str, formula: str | tuple[Any, int], amount: Decimal,
                 section: str = SECTION_ITEM, kind: str = ""):
        self.code = code
        self.label = label
        self._formula = formula
        self.amount = amount
        self.section = section
        self.kind = kind

    @property
    def formula(self) -> str:
        """``58.32 m² × 13,670 元/m² × 1 = 797,234``."""
        text = self._formula
        if text.__class__ is not str:
            lhs, places = text
            with localcontext(fx.CONTEXT):  # written as the engine would have, whatever the caller's context
                if lhs.__class__ is not str:
                    lhs = lhs()
                text = self._formula = f"{lhs} = {fx.signed_amount(self.amount, places)}"
        return text  # type: ignore[return-value]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (amount as a two-decimal string)."""
        return {"code": self.code, "label": self.label, "formula": self.formula, "amount": _money(self.amount),
                "section": self.section, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Line:
        """Inverse of :meth:`to_dict`."""
        return cls(data["code"], data["label"], data["formula"], Decimal(data["amount"]),
                   data.get("section", SECTION_ITEM), data.get("kind", ""))


class VoucherSummary(_Record):
    """房票: face value of the voucher, the part paid in cash (excluded items), bonus and validity."""

    __slots__ = ("face_amount", "cash_amount", "bonus_pct", "valid_months")
    _FIELDS = __slots__

    def __init__(self, face_amount: Decimal, cash_amount: Decimal, bonus_pct: Decimal, valid_months: int):
        self.face_amount = face_amount
        self.cash_amount = cash_amount
        self.bonus_pct = bonus_pct
        self.valid_months = valid_months

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"face_amount": _money(self.face_amount), "cash_amount": _money(self.cash_amount),
                "bonus_pct": str(self.bonus_pct), "valid_months": self.valid_months}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VoucherSummary:
        """Inverse of :meth:`to_dict`."""
        return cls(Decimal(data["face_amount"]), Decimal(data["cash_amount"]), Decimal(data["bonus_pct"]),
                   int(data["valid_months"]))


class Calculation(_Record):
    """One option computed for one household under one policy version.

    ``total`` is the sum of the item lines (compensation), ``flat_total`` the (negative) sum of the flat
    price lines, ``net = total + flat_total``; ``net_direction`` says who pays and ``upper`` is |net| in
    words (worked out when first read unless given). ``entitlement`` is the exchange entitlement area
    (应安置面积) when mode is exchange.
    """

    __slots__ = ("policy_hash", "policy_version", "project_name", "household_code", "mode", "mode_label",
                 "flat_key", "flat_label", "delivery", "lines", "total", "flat_total", "net", "net_direction",
                 "_upper", "rounding", "entitlement", "voucher", "inputs", "engine_version")
    _FIELDS = ("policy_hash", "policy_version", "project_name", "household_code", "mode", "mode_label",
               "flat_key", "flat_label", "delivery", "lines", "total", "flat_total", "net", "net_direction",
               "upper", "rounding", "entitlement", "voucher", "inputs", "engine_version")

    # Positional or by keyword (the engine passes them by position: 20 keywords cost twice the call).
    def __init__(self, policy_hash: str, policy_version: str, project_name: str, household_code: str,
                 mode: str, mode_label: str, flat_key: str, flat_label: str, delivery: str,
                 lines: tuple[Line, ...], total: Decimal, flat_total: Decimal, net: Decimal, net_direction: str,
                 upper: str | None, rounding: str, entitlement: Decimal | None, voucher: VoucherSummary | None,
                 inputs: HouseholdInput, engine_version: str = ENGINE_VERSION):
        self.policy_hash = policy_hash
        self.policy_version = policy_version
        self.project_name = project_name
        self.household_code = household_code
        self.mode = mode
        self.mode_label = mode_label
        self.flat_key = flat_key
        self.flat_label = flat_label
        self.delivery = delivery
        self.lines = lines
        self.total = total
        self.flat_total = flat_total
        self.net = net
        self.net_direction = net_direction
        self._upper = upper
        self.rounding = rounding
        self.entitlement = entitlement
        self.voucher = voucher
        self.inputs = inputs
        self.engine_version = engine_version

    @property
    def upper(self) -> str:
        """|net| in words (人民币…元整); the engine leaves it to be written when first read."""
        text = self._upper
        if text is None:
            text = self._upper = amount_in_words(abs(self.net))
        return text

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
    def from_dict(cls, data: dict[str, Any]) -> Calculation:
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
    def from_json(cls, text: str) -> Calculation:
        """Rebuild from :meth:`to_canonical_json` output."""
        return cls.from_dict(json.loads(text))
