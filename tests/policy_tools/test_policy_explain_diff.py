"""policy explain (every item in plain Chinese) and policy diff (what changed, in plain Chinese)."""

from __future__ import annotations

from policy_tools_helpers import CITY, VILLAGE

from survey_app.core.compensation.policy import load_policy, parse_policy
from survey_app.core.compensation.policy_tools import diff, diff_text, explain, explain_text


def test_explain_says_every_item_of_both_samples_in_plain_chinese():
    for path in (CITY, VILLAGE):
        policy = load_policy(path)
        paragraphs = explain(policy)
        codes = [p.code for p in paragraphs if p.code]
        assert [i.code for i in policy.items] == codes[:len(policy.items)]  # every item, in payment order
        for p in paragraphs:
            assert p.text and "另有规定" not in p.text, p  # every key of the samples is said in words


def test_explain_reads_like_the_scheme():
    text = explain_text(load_policy(CITY))
    assert "临时安置费：每月按 面积 × 15 元/m²，每户每月不少于 1,200 元；发放月数：货币补偿 6 个月" in text
    assert "产权调换（期房） 2 次" in text
    assert "2023-07-15 前签约按 面积 × 600 元/m²" in text
    assert "超出应安置面积的部分：前 10 m² 按 8,500 元/m²，其余按 12,000 元/m²" in text
    assert "搬迁费、临时安置费 不计入房票" in text
    assert "按期签约奖励、货币补偿奖励、提前搬家奖励合计最多 200,000 元" in text
    village = explain_text(load_policy(VILLAGE))
    assert "宅基地面积（最多计 167 m²） × 区位价 2,000 元/m²" in village
    assert "每月按 户口在本地的家庭成员人数 × 600 元/人" in village


def test_explain_lists_a_key_it_has_no_words_for():
    policy = parse_policy('format = 1\nversion = "v"\n[modes.cash]\n[[items]]\ncode = "f"\nkind = "fixed"\n'
                          'label = "补助"\namount = "100"\nnote = "依据第十条"\n')
    [item] = [p for p in explain(policy) if p.code == "f"]
    assert item.as_text() == "补助：每户 100 元。（备注：依据第十条）"


def test_diff_names_changed_rates_added_items_and_nothing_else(city_v2):
    old, new = load_policy(CITY), load_policy(city_v2)
    changes = diff(old, new)
    texts = [c.as_text() for c in changes]
    assert texts == [
        "～ 版本名称：2023-06 第1版 → 2023-09 第2版",
        "～ 临时安置费（transition）：每平方米每月金额：15 → 18",
        "＋ 水电迁移补助（utilities）：每户 3,000 元。",
    ]
    back = [c.as_text() for c in diff(new, old)]
    assert "－ 水电迁移补助（utilities）：删除此项目" in back


def test_diff_of_tiers_flats_and_bands(tmp_path):
    text = CITY.read_text(encoding="utf-8")
    changed = (text.replace('{ until = 2023-07-15, per_m2 = "600" }', '{ until = 2023-07-15, per_m2 = "650" }')
               .replace('key = "C90"', 'key = "C95"').replace('width = "10"', 'width = "15"')
               .replace('amounts = { dibao = "10000", serious_illness = "10000" }', 'amounts = { dibao = "12000" }'))
    lines = diff_text(parse_policy(text), parse_policy(changed)).splitlines()
    assert "～ 按期签约奖励（signing_reward）：签约奖励档次「2023-07-15」 每平方米金额：600 → 650" in lines
    assert "～ 产权调换：超面积分档价「第 1 档」 档宽：10 → 15" in lines
    assert any(line.startswith("～ 产权调换：安置房户型「C90」：删除") for line in lines)
    assert any(line.startswith("～ 产权调换：安置房户型「C95」：新增") for line in lines)
    assert "～ 困难家庭补助（hardship_household）：各类金额 低保：10,000 → 12,000" in lines
    assert "～ 困难家庭补助（hardship_household）：各类金额 大病：删除（原为 10,000）" in lines


def test_diff_of_same_rules_written_differently():
    text = CITY.read_text(encoding="utf-8")
    same_numbers = text.replace('rate_per_m2_month = "15"', 'rate_per_m2_month = 15.00')
    assert diff_text(parse_policy(text), parse_policy(same_numbers)) == "两个版本的补偿规则相同（仅格式或顺序不同）"
    assert diff_text(parse_policy(text), parse_policy("# 注释\n" + text)) == "两个版本的内容相同"
