"""The catalogue of item kinds: policy ``kind = "…"`` names → implementing classes."""

from __future__ import annotations

from survey_app.core.compensation.items import awards, deferred, fees, fixtures, property, rewards
from survey_app.core.compensation.items.base import ItemKind

CATALOGUE: dict[str, type[ItemKind]] = {
    cls.kind: cls for module in (property, fixtures, fees, rewards, awards, deferred) for cls in module.KINDS}

__all__ = ["CATALOGUE", "ItemKind"]
