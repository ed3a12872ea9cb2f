"""``policy test``: golden cases — a scheme's worked examples pinned as household JSON + expected lines.

One case per ``*.json`` file in a folder (format in docs/policy.md, 「金例」):

    {"name": "…", "source": "方案第十二条示例", "household": { …docs/calc-input.md… },
     "mode": "cash", "flat": "A60",
     "expect": {"lines": [{"code": "house_value", "amount": "797234"}, …],
                "total": "804434", "flat_total": "0", "net": "804434", "upper": "人民币…"}}

Lines are compared per item code, in order (a code with two lines — two building parts — has two
amounts); ``label`` and ``formula`` are compared when given. Every expected field is optional, but a case must expect
something. Pure; reads only the case files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from survey_app.core.compensation.calculation import Calculation
from survey_app.core.compensation.fields import PolicyError, to_decimal
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import Policy
from survey_app.core.compensation.policy_tools.locate import compute_located
from survey_app.core.domain.money import format_yuan

_TOTALS = (("total", "补偿合计"), ("flat_total", "购房款合计"), ("net", "净额"))


@dataclass(frozen=True)
class CaseResult:
    """One case: ``mismatches`` empty means it passed; ``error`` is set when it could not run."""

    file: str
    name: str
    mismatches: tuple[str, ...] = ()
    error: str = ""
    calculation: Calculation | None = field(default=None, repr=False, compare=False)

    @property
    def passed(self) -> bool:
        return not self.mismatches and not self.error


@dataclass(frozen=True)
class CasesReport:
    """All cases of a folder, in file-name order."""

    folder: str
    results: tuple[CaseResult, ...]

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.passed for r in self.results)

    def text(self) -> str:
        """A report a scheme's author can read: each case 通过 or 不符 with every difference."""
        out = []
        for r in self.results:
            if r.passed:
                out.append(f"通过  {r.file}  {r.name}")
                continue
            out.append(f"不符  {r.file}  {r.name}")
            out += [f"      {line}" for line in ((r.error,) if r.error else r.mismatches)]
        failed = sum(not r.passed for r in self.results)
        if not self.results:
            out.append(f"{self.folder}: 没有找到金例文件（*.json）")
        else:
            out.append(f"共 {len(self.results)} 例：通过 {len(self.results) - failed} 例，不符 {failed} 例")
        return "\n".join(out)


def run_cases(policy: Policy, cases_dir: str | Path) -> CasesReport:
    """Run every ``*.json`` case in ``cases_dir`` under ``policy``."""
    folder = Path(cases_dir)
    if not folder.is_dir():
        raise PolicyError(str(folder), ["找不到金例文件夹"])
    return CasesReport(str(folder), tuple(run_case(policy, path) for path in sorted(folder.glob("*.json"))))


def run_case(policy: Policy, path: Path) -> CaseResult:
    """One case file (see the module docstring)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return CaseResult(path.name, "", error=f"无法读取金例文件（{exc}）")
    except json.JSONDecodeError as exc:
        return CaseResult(path.name, "", error=f"第 {exc.lineno} 行第 {exc.colno} 列: 不是有效的 JSON（{exc.msg}）")
    if not isinstance(data, dict):
        return CaseResult(path.name, "", error="金例应为一个 JSON 对象")
    name = str(data.get("name") or path.stem)
    expect = data.get("expect")
    if not isinstance(expect, dict) or not any(k in expect for k in ("lines", "total", "flat_total", "net", "upper")):
        return CaseResult(path.name, name, error="expect: 缺少预期结果（lines、total、net 等至少一项）")
    try:
        household = HouseholdInput.from_dict(data.get("household"), source=f"{path.name}: household")
        calc = compute_located(policy, household, data.get("mode") or None, data.get("flat") or None)
    except PolicyError as exc:
        return CaseResult(path.name, name, error=str(exc).replace("\n", "；"))
    return CaseResult(path.name, name, tuple(compare(calc, expect)), calculation=calc)


def compare(calc: Calculation, expect: dict[str, Any]) -> list[str]:
    """Every difference between a calculation and a case's ``expect``, in plain Chinese."""
    out = []
    if "lines" in expect:
        out += _compare_lines(calc, expect["lines"])
    for key, title in _TOTALS:
        if key in expect:
            want = to_decimal(expect[key])
            got = getattr(calc, key)
            if want is None:
                out.append(f"expect.{key}: “{expect[key]}”不是金额")
            elif want != got:
                out.append(f"{title}: 应为 {format_yuan(want)}，实际 {format_yuan(got)}（差 {format_yuan(got - want)}）")
    if "upper" in expect and expect["upper"] != calc.upper:
        out.append(f"大写: 应为 {expect['upper']}，实际 {calc.upper}")
    return out


def _compare_lines(calc: Calculation, expected: Any) -> list[str]:
    if not isinstance(expected, list):
        return ["expect.lines: 应为列表"]
    got: dict[str, list] = {}
    for line in calc.lines:
        got.setdefault(line.code, []).append(line)
    want: dict[str, list] = {}
    out = []
    for index, row in enumerate(expected):
        if not isinstance(row, dict) or "code" not in row or to_decimal(row.get("amount")) is None:
            out.append(f"expect.lines[{index}]: 应写 code 和 amount（如 {{\"code\": \"moving\", \"amount\": \"1200\"}}）")
            continue
        want.setdefault(str(row["code"]), []).append(row)
    for code in list(want) + [c for c in got if c not in want]:
        rows, lines = want.get(code, []), got.get(code, [])
        for n in range(max(len(rows), len(lines))):
            which = f"{code}" + (f" 第 {n + 1} 行" if max(len(rows), len(lines)) > 1 else "")
            if n >= len(lines):
                out.append(f"{which}: 缺少此行（应为 {format_yuan(Decimal(to_decimal(rows[n]['amount'])))}）")
            elif n >= len(rows):
                out.append(f"{which}: 多出此行 {lines[n].label}：{lines[n].formula}")
            else:
                out += _compare_line(which, rows[n], lines[n])
    return out


def _compare_line(which: str, row: dict, line) -> list[str]:  # noqa: ANN001
    out = []
    want = to_decimal(row["amount"])
    if want != line.amount:
        out.append(f"{which}: 应为 {format_yuan(want)}，实际 {format_yuan(line.amount)}"
                   f"（差 {format_yuan(line.amount - want)}；算式 {line.formula}）")
    if "label" in row and row["label"] != line.label:
        out.append(f"{which}: 名称应为“{row['label']}”，实际“{line.label}”")
    if "formula" in row and row["formula"] != line.formula:  # e.g. the condition a line states (以协议生效为前提)
        out.append(f"{which}: 算式应为“{row['formula']}”，实际“{line.formula}”")
    return out
