"""The calc / upper subcommands, driven through a parser holding only our register()."""

from __future__ import annotations

import argparse
import json

import pytest
from compensation_helpers import EXAMPLES, POLICIES

from survey_app.cli import calc as calc_cli
from survey_app.core.domain.errors import SurveyAppError

CITY = str(POLICIES / "city_shantytown_2023.toml")
VILLAGE = str(POLICIES / "urban_village_homestead_2022.toml")


def run(argv):
    parser = argparse.ArgumentParser(prog="survey-app")
    calc_cli.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def test_upper(capsys):
    assert run(["upper", "16409.02"]) == 0
    assert capsys.readouterr().out.strip() == "人民币壹万陆仟肆佰零玖元零贰分"


def test_upper_rejects_garbage():
    with pytest.raises(SurveyAppError, match="不是有效数字"):
        run(["upper", "十块"])


def test_calc_json_one_mode(capsys):
    assert run(["calc", "--policy", CITY, "--household", str(EXAMPLES / "shantytown_shop_household.json"),
                "--mode", "cash", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first = out["lines"][0]
    assert first == {"code": "house_value", "label": "被征收房屋价值补偿（二层住宅）",
                     "formula": "58.32 m² × 13,670 元/m² × 1 = 797,234", "amount": "797234.00", "section": "item"}
    assert out["total"] == out["net"]
    assert sum(int(line["amount"].split(".")[0]) for line in out["lines"]) == int(out["total"].split(".")[0])
    assert out["upper"].startswith("人民币") and len(out["policy_hash"]) == 64


@pytest.mark.parametrize("example,policy", [
    ("shantytown_shop_household.json", CITY),
    ("shantytown_unregistered_hardship.json", CITY),
    ("urban_village_homestead.json", VILLAGE),
])
def test_examples_run_side_by_side(capsys, example, policy):
    assert run(["calc", "--policy", policy, "--household", str(EXAMPLES / example)]) == 0
    text = capsys.readouterr().out
    assert "货币补偿" in text and "产权调换" in text and "净额" in text


def test_calc_exchange_flat(capsys):
    assert run(["calc", "--policy", CITY, "--household", str(EXAMPLES / "shantytown_shop_household.json"),
                "--mode", "exchange", "--flat", "C90"]) == 0
    assert "安置房购房款（超出应安置面积 10 m² 以上部分）" in capsys.readouterr().out


def test_bad_household_is_one_clear_error(tmp_path):
    bad = tmp_path / "h.json"
    bad.write_text('{"household_code": "X", "building_parts": [{"area": "-1", "use": "house"}]}', encoding="utf-8")
    with pytest.raises(SurveyAppError) as info:
        run(["calc", "--policy", CITY, "--household", str(bad)])
    message = str(info.value)
    assert "h.json: building_parts[0].area" in message and "building_parts[0].use" in message
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SurveyAppError, match="不是有效的 JSON"):
        run(["calc", "--policy", CITY, "--household", str(bad)])


def test_flat_without_exchange_is_refused():
    with pytest.raises(SurveyAppError, match="--flat"):
        run(["calc", "--policy", CITY, "--household", str(EXAMPLES / "urban_village_homestead.json"),
             "--mode", "cash", "--flat", "A60"])
