"""One measured figure of a benchmark."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str

    def line(self) -> str:
        v = self.value
        text = f"{v:,.0f}" if abs(v) >= 1000 else (f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}")
        return f"{self.name}: {text} {self.unit}"


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)
