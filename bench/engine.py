"""Compensation engine throughput: household calculations (all options of one household) per second.

Households are generated deterministically (seeded) with varied areas, uses, legality, fixtures,
hardship flags and signing dates, and computed against the demo policy (city_shantytown_2023.toml).
Generation and policy loading are outside the timed loop: the figure is the engine alone.

Same-run baseline — the arithmetic floor: for the same households and as many options as the engine
returns for each, the plainest Decimal code that yields a money figure per option: every building
part's area × its appraised unit price, quantized to the fen, with a one-line formula string, summed.
It is not a competitor (it knows no policy: no legality rules, decoration, fixtures, hardship, awards,
flats or vouchers); the ratio says how much the policy's rules and the sheet's lines cost over the
bare multiplications any implementation must do. Engine and baseline passes alternate, and each is
the best of ``--repeat`` passes (load on a shared machine only ever slows a pass down).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench.figures import Figure

SMOKE = ["--households", "50", "--repeat", "1"]

ROOT = Path(__file__).resolve().parent.parent
DEMO_POLICY = ROOT / "resources" / "policies" / "city_shantytown_2023.toml"


def add_arguments(parser) -> None:
    """Options: how many households, and the policy file."""
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--policy", type=Path, default=DEMO_POLICY)
    parser.add_argument("--seed", type=int, default=20230601)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported (less noise)")


def _cents(rng: random.Random, low: int, high: int) -> str:
    # Areas as exact two-decimal strings, built from integers: no float anywhere near the engine.
    value = rng.randint(low * 100, high * 100)
    return f"{value // 100}.{value % 100:02d}"


def generate(count: int, seed: int) -> list[dict]:
    """``count`` varied household dicts in the docs/calc-input.md format."""
    rng = random.Random(seed)
    out = []
    fixtures = [("water_meter", "main"), ("water_meter", "sub"), ("electric_meter", "main"),
                ("air_conditioner", "split"), ("air_conditioner", "cabinet"), ("water_heater", "gas")]
    for n in range(count):
        parts = [{"area": _cents(rng, 20, 140), "use": "residential", "legality": "registered",
                  "structure": "brick_concrete", "decoration_grade": rng.choice(["simple", "medium", "fine", ""])}]
        if rng.random() < 0.2:
            parts.append({"area": _cents(rng, 10, 60), "use": "commercial", "legality": "registered",
                          "structure": "brick_concrete", "decoration_grade": "simple"})
        if rng.random() < 0.3:
            parts.append({"area": _cents(rng, 3, 30), "use": "residential",
                          "legality": rng.choice(["found_legal", "illegal", "temporary"]),
                          "structure": rng.choice(["brick_wood", "simple"]), "temporary_term_valid": rng.random() < 0.5})
        members = [{"relation": "户主", "name": f"住户{n}", "dibao": rng.random() < 0.05,
                    "disabled": rng.random() < 0.05, "serious_illness": rng.random() < 0.03}
                   for _ in range(rng.randint(1, 5))]
        out.append({
            "household_code": f"B-{n:06d}", "head_name": f"住户{n}", "members": members,
            "share": rng.choice(["1", "1", "1", "0.5"]), "building_parts": parts,
            "fixtures": [{"kind": k, "sub_kind": s, "count": str(rng.randint(1, 3))}
                         for k, s in rng.sample(fixtures, rng.randint(0, 4))],
            "extra_items": [{"code": "shed", "quantity": _cents(rng, 2, 20)}] if rng.random() < 0.2 else [],
            "business": {"uscc": "", "area": parts[1]["area"], "annual_profit": "60000"}
            if len(parts) > 1 and parts[1]["use"] == "commercial" else None,
            "appraisal": {"unit_price": {"residential": str(rng.randint(9000, 16000)),
                                         "commercial": str(rng.randint(15000, 25000))}},
            "signing_date": f"2023-0{rng.randint(6, 8)}-{rng.randint(1, 28):02d}",
            "flat_choices": [["A60"], ["C90"]] if rng.random() < 0.5 else [],
        })
    return out


def _bare(households: list, options: list[int]) -> int:
    """The arithmetic floor: per option, area × unit price per part, quantized, with a formula; summed."""
    from decimal import ROUND_HALF_UP, Decimal

    fen = Decimal("0.01")
    lines = 0
    for household, n_options in zip(households, options):
        prices = dict(household.unit_prices)
        for _ in range(n_options):
            total = Decimal(0)
            for part in household.building_parts:
                price = prices.get(part.use, Decimal(0))
                amount = (part.area * price).quantize(fen, ROUND_HALF_UP)
                _formula = f"{part.area} m² × {price} 元/m² = {amount}"
                total += amount
                lines += 1
    return lines


def run(args) -> list[Figure]:
    """Time compute_all over the generated households beside the bare Decimal floor (same households)."""
    from survey_app.core.compensation.engine import compute_all
    from survey_app.core.compensation.inputs import HouseholdInput
    from survey_app.core.compensation.policy import load_policy

    policy = load_policy(args.policy)
    households = [HouseholdInput.from_dict(d) for d in generate(args.households, args.seed)]
    per_household = [len(compute_all(policy, h)) for h in households]  # also warms the engine up
    options = sum(per_household)
    # Best of several passes, like timeit: other processes on a shared 2-core machine only ever slow a
    # pass down, so the fastest pass is the closest to the engine's own cost. Passes alternate with the
    # baseline's so that a slow minute hits both.
    # CPU time is kept beside wall time: on a loaded machine waiting for a core inflates the wall figure
    # but not the CPU one, which is what compares runs made under different loads.
    elapsed = bare_elapsed = cpu = bare_cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        start, cpu_start = time.perf_counter(), time.process_time()
        for household in households:
            compute_all(policy, household)
        elapsed = min(elapsed, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - cpu_start)
        start, cpu_start = time.perf_counter(), time.process_time()
        _bare(households, per_household)
        bare_elapsed = min(bare_elapsed, time.perf_counter() - start)
        bare_cpu = min(bare_cpu, time.process_time() - cpu_start)
    serialise_start = time.perf_counter()
    sample = households[:2000]
    for household in sample:
        for calc in compute_all(policy, household):
            calc.to_canonical_json()
    serialise_elapsed = time.perf_counter() - serialise_start
    rate, bare_rate = len(households) / elapsed, len(households) / bare_elapsed
    return [
        Figure("engine_calculations_per_s", rate, "households/s", budget=5_000, better="higher",
               baseline=bare_rate, baseline_label="bare Decimal area × price"),
        Figure("engine_calculations_per_cpu_s", len(households) / max(cpu, 1e-9), "households/CPU-s",
               better="higher", baseline=len(households) / max(bare_cpu, 1e-9),
               baseline_label="bare Decimal area × price, CPU"),
        Figure("engine_options_per_s", options / elapsed, "options/s", better="higher",
               baseline=options / bare_elapsed, baseline_label="bare Decimal area × price"),
        Figure("engine_with_canonical_json_per_s", len(sample) / serialise_elapsed, "households/s",
               budget=5_000, better="higher", baseline=rate, baseline_label="engine without JSON"),
        Figure("engine_households", len(households), "households"),
    ]
