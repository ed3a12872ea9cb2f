"""A combination whose option key (``exchange:`` + the flat keys joined by ``+``) would not fit the 64 characters
``calculations.option_key`` and ``households.chosen_option`` hold is refused where the worker enters it, in
Chinese: on PostgreSQL (HQ) a longer key would make the whole bundle's import fail; SQLite would keep it silently."""

from __future__ import annotations

from survey_app.core.compensation.policy import parse_policy
from survey_app.core.paths import resource_path
from survey_app.core.services.survey import flat_options

LONG = "古稻田安置小区三期十二号楼二单元"  # a listed-flat style key of 16 characters


def _policy(a60: str):
    text = resource_path("policies", "city_shantytown_2023.toml").read_text(encoding="utf-8")
    return parse_policy(text.replace('key = "A60"', f'key = "{a60}"', 1), "long.toml")


def test_a_combination_too_long_to_store_is_refused_in_chinese() -> None:
    policy = _policy("A60" + LONG * 3)  # 51 characters: "exchange:" + 51 + "+D45" = 64 characters, which fit
    fits = [f"A60{LONG * 3}", "D45"]
    assert len("exchange:" + "+".join(fits)) == 64
    assert flat_options.verdict(policy, fits) is None
    assert flat_options.verdict(policy, [f"A60{LONG * 3}", "B75"]) is None  # the same length: still fits
    policy = _policy("A60" + LONG * 3 + "X")
    refused = flat_options.verdict(policy, [f"A60{LONG * 3}X", "D45"])
    assert refused is not None and "65" in refused and "64" in refused and "A60" not in refused


def test_ordinary_combinations_are_not_affected() -> None:
    policy = _policy("A60")
    assert flat_options.verdict(policy, ["A60", "D45"]) is None


def test_the_limit_is_the_columns_length() -> None:
    from survey_app.core.storage.models import Calculation, Household

    assert Calculation.__table__.c.option_key.type.length == flat_options.OPTION_KEY_MAX
    assert Household.__table__.c.chosen_option.type.length == flat_options.OPTION_KEY_MAX
