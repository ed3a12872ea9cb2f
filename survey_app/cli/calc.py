"""`survey-app calc` (compute a household's compensation) and `survey-app upper` (amount in words).

Bad input raises ValidationError; the CLI framework prints ``错误: …`` and exits 1 (no traceback).
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

from survey_app.core.domain.vocabulary import MODE_ORDER

_CENT = Decimal("0.01")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``calc`` and ``upper`` subcommands."""
    calc = subparsers.add_parser(
        "calc", help="按征收补偿方案测算一户的补偿（各安置方式并列或指定方式）",
        description="按方案文件（TOML）测算一户（JSON，格式见 docs/calc-input.md）的补偿。")
    calc.add_argument("--policy", required=True, type=Path, help="方案文件 .toml")
    calc.add_argument("--household", required=True, type=Path, help="住户输入 .json")
    calc.add_argument("--mode", choices=MODE_ORDER, default=None,
                      help="只算一种安置方式（默认：方案允许的全部方式并列）")
    calc.add_argument("--flat", default=None, help="产权调换的户型键，多套用 + 连接，如 A60+D45")
    calc.add_argument("--json", action="store_true", help="输出 JSON（金额为字符串，如 \"797234.00\"）")
    calc.set_defaults(func=run_calc)

    upper = subparsers.add_parser("upper", help="金额大写（人民银行规范）",
                                  description="打印金额的中文大写，如 1409.50 → 人民币壹仟肆佰零玖元伍角")
    upper.add_argument("amount", help="金额（元），最多两位小数")
    upper.set_defaults(func=run_upper)


def run_upper(args: argparse.Namespace) -> int:
    """Print the amount in words."""
    from survey_app.core.domain.money import amount_in_words, parse_decimal

    print(amount_in_words(parse_decimal(args.amount)))
    return 0


def _read_household(path: Path):  # noqa: ANN202 - a HouseholdInput, imported lazily
    from survey_app.core.compensation.fields import PolicyError
    from survey_app.core.compensation.inputs import HouseholdInput

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyError(path.name, ["找不到住户输入文件"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(path.name, [f"无法读取住户输入文件（{exc}）"]) from None
    return HouseholdInput.from_json(text, source=path.name)


def _calc_json(calc) -> dict:  # noqa: ANN001 - a Calculation, imported lazily
    data = {
        "option": calc.option_key,
        "mode": calc.mode,
        "mode_label": calc.mode_label,
        "flat": calc.flat_key or None,
        "lines": [{"code": ln.code, "label": ln.label, "formula": ln.formula, "amount": str(ln.amount.quantize(_CENT)),
                   "section": ln.section} for ln in calc.lines],
        "total": str(calc.total.quantize(_CENT)),
        "flat_total": str(calc.flat_total.quantize(_CENT)),
        "net": str(calc.net.quantize(_CENT)),
        "net_direction": calc.net_direction,
        "upper": calc.upper,
        "policy_hash": calc.policy_hash,
    }
    if calc.voucher is not None:
        data["voucher"] = calc.voucher.to_dict()
    if calc.entitlement is not None:
        data["entitlement"] = str(calc.entitlement)
    return data


def _print_one(calc) -> None:  # noqa: ANN001 - a Calculation, imported lazily
    from survey_app.core.compensation.options import display_width
    from survey_app.core.domain.money import format_yuan

    title = f"{calc.project_name}  户号 {calc.household_code}  {calc.mode_label}"
    if calc.flat_label:
        title += f"（{calc.flat_label}）"
    print(title)
    label_width = max([display_width(ln.label) for ln in calc.lines] + [8])
    amount_width = max([len(format_yuan(ln.amount)) for ln in calc.lines] + [len(format_yuan(calc.total))])
    for ln in calc.lines:
        pad = " " * (label_width - display_width(ln.label))
        print(f"{ln.label}{pad}  {format_yuan(ln.amount):>{amount_width}}  {ln.formula}")
    print(f"补偿合计{' ' * (label_width - 8)}  {format_yuan(calc.total):>{amount_width}}")
    if calc.flat_key:
        print(f"应安置面积 {calc.entitlement} m²，安置房购房款 {format_yuan(calc.flat_total)}")
    if calc.voucher is not None:
        print(f"房票面额 {format_yuan(calc.voucher.face_amount)}，现金支付 {format_yuan(calc.voucher.cash_amount)}，"
              f"有效期 {calc.voucher.valid_months} 个月")
    print(f"{calc.net_label}: {format_yuan(abs(calc.net))}  {calc.upper}")
    print(f"方案版本 {calc.policy_hash[:16]}…  {calc.rounding}")


def run_calc(args: argparse.Namespace) -> int:
    """Compute and print one option (with --mode) or all options side by side."""
    from survey_app.core.compensation.engine import compute
    from survey_app.core.compensation.options import compute_options, render_text, side_by_side
    from survey_app.core.compensation.policy import load_policy
    from survey_app.core.domain.errors import ValidationError

    policy = load_policy(args.policy)
    household = _read_household(args.household)
    if args.flat and args.mode not in (None, "exchange"):
        raise ValidationError("--flat 只用于产权调换（--mode exchange）")
    if args.mode or args.flat:
        calcs = (compute(policy, household, args.mode or "exchange", args.flat),)
    else:
        calcs = compute_options(policy, household)  # the one order of options (compensation/options.py)
    if args.json:
        body = _calc_json(calcs[0]) if len(calcs) == 1 else {
            "policy_hash": policy.hash, "household_code": household.household_code,
            "options": [_calc_json(c) for c in calcs]}
        print(json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    if len(calcs) == 1:
        _print_one(calcs[0])
    else:
        print(f"{policy.project.name}  户号 {household.household_code}  {household.head_name}")
        print(render_text(side_by_side(calcs)))
        print(f"方案版本 {policy.hash[:16]}…  {policy.rounding.describe()}")
    return 0
