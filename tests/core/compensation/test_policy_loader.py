"""Loading policies: the samples load, the hash ignores formatting, and each kind of mistake is named."""

from __future__ import annotations

import pytest
from compensation_helpers import HEADER, MODES, POLICIES, make_policy

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import content_hash, load_policy, parse_policy

HV = '[[items]]\ncode = "hv"\nkind = "house_value"\nlabel = "房屋价值"\n'


@pytest.mark.parametrize("name", ["city_shantytown_2023.toml", "urban_village_homestead_2022.toml"])
def test_sample_policies_load(name):
    policy = load_policy(POLICIES / name)
    assert len(policy.hash) == 64 and int(policy.hash, 16) >= 0
    assert policy.project.decision_no and policy.project.valuation_date
    assert policy.items


def test_city_sample_offers_three_modes():
    assert load_policy(POLICIES / "city_shantytown_2023.toml").mode_names == ("cash", "exchange", "voucher")


def test_hash_ignores_whitespace_and_comments_but_not_content(tmp_path):
    text = (POLICIES / "city_shantytown_2023.toml").read_text(encoding="utf-8")
    reformatted = "# 新注释\n\n" + text.replace(" = ", "   =   ")
    assert parse_policy(reformatted).hash == parse_policy(text).hash
    changed = text.replace('resettlement_price = "6500"', 'resettlement_price = "6501"')
    assert parse_policy(changed).hash != parse_policy(text).hash


def test_hash_is_sha256_of_sorted_compact_json():
    import hashlib
    from decimal import Decimal
    data = {"b": Decimal("0.50"), "a": [1, "x"]}
    assert content_hash(data) == hashlib.sha256(b'{"a":[1,"x"],"b":"0.50"}').hexdigest()


def test_expected_hash_guards_a_published_version():
    text = HEADER.format(places=0) + MODES + HV
    good = parse_policy(text).hash
    assert parse_policy(text, expected_hash=good).hash == good
    with pytest.raises(PolicyError, match="与已发布版本不符"):
        parse_policy(text.replace('"测试项目"', '"别的项目"'), expected_hash=good)


def problems_of(items: str = HV, modes: str = MODES, extra: str = "") -> str:
    with pytest.raises(PolicyError) as info:
        make_policy(items, modes=modes, extra=extra)
    message = str(info.value)
    assert message.startswith("test.toml: "), message  # every problem names the file
    return message


def test_bad_number_names_key_path():
    items = HV * 3 + '[[items]]\ncode = "ur"\nkind = "unregistered"\nlabel = "x"\nratios = { illegal = "abc" }\n'
    message = problems_of(items.replace('code = "hv"', 'code = "hv1"', 1).replace('code = "hv"', 'code = "hv2"', 1))
    assert "items[3].ratios.illegal" in message


def test_ratio_out_of_range():
    items = '[[items]]\ncode = "uc"\nkind = "use_change"\nlabel = "x"\nratio = "1.5"\n'
    assert "items[0].ratio: 不能大于 1" in problems_of(items)


def test_missing_required_key():
    assert "items[0].min_area: 缺少此项" in problems_of('[[items]]\ncode = "t"\nkind = "min_area_topup"\nlabel = "x"\n')


def test_unknown_kind_lists_choices():
    assert "items[0].kind: “house”不是可选值" in problems_of('[[items]]\ncode = "t"\nkind = "house"\nlabel = "x"\n')


def test_misspelt_key_is_reported():
    assert "items[0].aply_share: 未知的键" in problems_of(HV + 'aply_share = false\n')


def test_duplicate_code():
    assert "items[1].code: 项目代码“hv”重复" in problems_of(HV + HV)


def test_mode_not_in_policy():
    items = HV.replace('label = "房屋价值"', 'label = "房屋价值"\nmodes = ["cash", "barter"]')
    assert "items[0].modes[1]: “barter”不是可选值" in problems_of(items)


def test_float_like_text_and_wrong_types():
    items = '[[items]]\ncode = "fx"\nkind = "fixed"\nlabel = "x"\namount = true\n'
    assert "items[0].amount: 应为数字" in problems_of(items)


def test_exchange_without_flats():
    assert "modes.exchange.flats: 缺少此项" in problems_of(modes='[modes.exchange]\nresettlement_price = "1"\n')


def test_cap_and_voucher_must_name_existing_items():
    caps = '[[caps]]\ncode = "c"\nlabel = "封顶"\nitems = ["nope"]\nmaximum = "1"\n'
    assert "caps[0].items[0]: 没有代码为“nope”的补偿项目" in problems_of(extra=caps)
    modes = '[modes.voucher]\nbonus_pct = "5"\nexcluded_items = ["moving"]\n'
    assert "modes.voucher.excluded_items[0]" in problems_of(modes=modes)


def test_several_problems_reported_at_once():
    items = '[[items]]\ncode = "a"\nkind = "fixed"\nlabel = "x"\n[[items]]\ncode = "b"\nkind = "nope"\nlabel = "y"\n'
    message = problems_of(items)
    assert "items[0].amount" in message and "items[1].kind" in message


def test_toml_syntax_error_and_missing_file(tmp_path):
    with pytest.raises(PolicyError, match="TOML 格式错误"):
        parse_policy("format = = 1", source="bad.toml")
    with pytest.raises(PolicyError, match="missing.toml: 找不到方案文件"):
        load_policy(tmp_path / "missing.toml")


def test_tier_order_and_band_shape():
    tiers = ('[[items]]\ncode = "s"\nkind = "signing_reward"\nlabel = "x"\n'
             'tiers = [{ until = 2023-08-01, amount = "1" }, { until = 2023-07-01, amount = "2" }]\n')
    assert "items[0].tiers: 奖励档次须按截止日期" in problems_of(tiers)
    bands = MODES.replace('width = "10"\nunit_price = "8000"', 'unit_price = "8000"')
    assert "modes.exchange.excess_bands[0].width" in problems_of(modes=bands)
