"""One measured figure of a benchmark, with its budget and the same-run baseline it is judged against.

A figure alone says little on a shared 2-core machine whose speed varies by ±20 % from minute to minute;
the same figure beside a baseline measured *in the same run* (a bare window, raw SQLite, bare reportlab)
says how much our code costs over what the machine and the libraries allow. So every headline figure
carries, where one exists:

* ``budget`` — the DESIGN §8 budget in the figure's unit, and ``better`` ("lower" for times, "higher"
  for rates) saying which side of it is good;
* ``baseline`` / ``baseline_label`` — the same work done the plainest way, in the same unit, same run.

``ratio`` is value ÷ baseline: for times "× the baseline" (1.3 × = 30 % slower than the bare thing),
for rates printed as "% of the baseline" (38 % of raw executemany).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 else (f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}")


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    budget: float | None = None
    better: str = "lower"  # "lower" (times) or "higher" (rates): which way the budget and ratio point
    baseline: float | None = None
    baseline_label: str = ""

    def __post_init__(self) -> None:
        if self.better not in ("lower", "higher"):
            raise ValueError(f"better must be 'lower' or 'higher', not {self.better!r}")

    @property
    def ratio(self) -> float | None:
        """value ÷ baseline (None without a baseline)."""
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def within_budget(self) -> bool | None:
        if self.budget is None:
            return None
        return self.value <= self.budget if self.better == "lower" else self.value >= self.budget

    def line(self) -> str:
        text = f"{self.name}: {_num(self.value)} {self.unit}"
        notes = []
        if self.budget is not None:
            sign = "≤" if self.better == "lower" else "≥"
            verdict = "ok" if self.within_budget else "OVER BUDGET"
            notes.append(f"budget {sign} {_num(self.budget)} [{verdict}]")
        if self.baseline is not None:
            label = f" {self.baseline_label}" if self.baseline_label else ""
            notes.append(f"baseline{label} {_num(self.baseline)} {self.unit}")
            ratio = self.ratio
            if ratio is not None:
                notes.append(f"{ratio * 100:.0f} % of baseline" if self.better == "higher"
                             else f"{ratio:.2f} × baseline")
        return text + (f"  ({'; '.join(notes)})" if notes else "")

    def as_json(self) -> dict:
        return {"value": self.value, "unit": self.unit, "budget": self.budget, "better": self.better,
                "within_budget": self.within_budget, "baseline": self.baseline,
                "baseline_label": self.baseline_label or None, "ratio": self.ratio}


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)
