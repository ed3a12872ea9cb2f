"""Issue 13, F3 — a condition on the chosen resettlement site. 福州六一南路、朝阳路一带征收项目（报道 2016-08-01）:
“选择齐安新苑、金闽小区三期等异地安置的，按合法面积给予 892 元/平方米的异地安置奖励”. The page has no flat prices, so
the rule is written in a test policy (flat prices and areas here are test figures, not the scheme's). Paid only when
every chosen flat is at one of the sites; cash and other sites get nothing. Figures hand-computed in the comments."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from compensation_helpers import HEADER, household

from survey_app.core.compensation.engine import compute, compute_all
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.compensation.policy_tools.check import check_text
from survey_app.core.compensation.policy_tools.diff import diff_text
from survey_app.core.compensation.policy_tools.explain import explain_text
from survey_app.core.services.agreements.terms import document_terms

MODES = """
[modes.cash]
[modes.exchange]
resettlement_price = "5000"
[[modes.exchange.flats]]
key = "QA75"
label = "齐安新苑 75 m²"
area = "75.00"
site = "齐安新苑"
[[modes.exchange.flats]]
key = "JM90"
label = "金闽小区三期 90 m²"
area = "90.00"
site = "金闽小区三期"
[[modes.exchange.flats]]
key = "YZ75"
label = "原址 75 m²"
area = "75.00"
site = "原址安置小区"
"""

RELOCATION = """
[[items]]
code = "relocation"
kind = "area_award"
label = "异地安置奖励"
per_m2 = "892"
when = { flat_site = ["齐安新苑", "金闽小区三期"] }
"""


def fuzhou_f3(items: str = RELOCATION, modes: str = MODES):
    return parse_policy(HEADER.format(places=2) + modes + items, source="f3.toml")


def paid(calc) -> list[D]:
    return [ln.amount for ln in calc.lines if ln.code == "relocation"]


# 58.32 m² registered residential: 58.32 × 892 = 52,021.44
@pytest.mark.parametrize(("flat", "expected"), [
    ("QA75", [D("52021.44")]),        # 齐安新苑
    ("JM90", [D("52021.44")]),        # 金闽小区三期
    ("QA75+JM90", [D("52021.44")]),   # both flats elsewhere: paid once, on the legal area
    ("YZ75", []),                     # 原址: not 异地安置
    ("QA75+YZ75", []),                # one flat at home: not every chosen flat is elsewhere
])
def test_paid_only_when_every_chosen_flat_is_at_a_named_site(flat, expected):
    calc = compute(fuzhou_f3(), household(), "exchange", flat)
    assert paid(calc) == expected
    if expected:
        line = next(ln for ln in calc.lines if ln.code == "relocation")
        assert line.formula == "58.32 m² × 892 元/m² = 52,021.44"


def test_cash_gets_nothing():
    assert paid(compute(fuzhou_f3(), household(), "cash")) == []


def test_options_side_by_side_keep_the_sites_apart():
    # QA75 and YZ75 have the same area (75 m²): the engine's shared lines must not give one the other's reward
    h = household(flat_choices=[["YZ75"], ["QA75"], ["QA75", "JM90"], ["QA75", "YZ75"]])
    policy = fuzhou_f3()
    options = compute_all(policy, h)
    got = {c.flat_key: paid(c) for c in options if c.mode == "exchange"}
    assert got == {"YZ75": [], "QA75": [D("52021.44")], "QA75+JM90": [D("52021.44")], "QA75+YZ75": []}
    for calc in options:  # the shared path gives the plain path's lines
        again = compute(policy, h, calc.mode, calc.flat_key or None)
        assert again.to_canonical_json() == calc.to_canonical_json()


def test_the_agreement_names_the_site():
    policy = fuzhou_f3()
    calc = compute(policy, household(), "exchange", "QA75")
    assert document_terms(calc, policy).flat_location == "齐安新苑"


def test_check_names_every_site_mistake_at_once():
    items = RELOCATION.replace('"金闽小区三期"]', '"金闽小区3期"]') + """
[[items]]
code = "cash_site"
kind = "fixed"
label = "错写"
amount = "100"
modes = ["cash"]
when = { flat_site = ["齐安新苑"] }
"""
    report = check_text(HEADER.format(places=2) + MODES + items, "f3.toml", trial=False)
    texts = [p.as_text() for p in report.errors]
    assert ("f3.toml: items[0].when.flat_site: 项目“relocation”：安置房户型中没有安置小区 “金闽小区3期”；"
            "户型写明的安置小区：“齐安新苑”、“金闽小区三期”、“原址安置小区”") in texts
    assert any(t.startswith("f3.toml: items[1].when.flat_site: 项目“cash_site”以所选安置小区为条件，只能支付给产权调换的住户")
               for t in texts)
    no_exchange = "[modes.cash]\n" + RELOCATION
    with pytest.raises(PolicyError, match=r"items\[0\]\.when\.flat_site: .*方案没有产权调换"):
        parse_policy(HEADER.format(places=2) + no_exchange, "f3.toml")


def test_explain_and_diff_say_the_site_rule():
    text = explain_text(fuzhou_f3())
    assert "齐安新苑 75 m² 75 m²（安置小区 齐安新苑）" in text
    assert "（仅限：选择产权调换且所选安置房都在“齐安新苑”、“金闽小区三期”）" in text
    wider = fuzhou_f3(RELOCATION.replace('"金闽小区三期"]', '"金闽小区三期", "原址安置小区"]'))
    changes = diff_text(fuzhou_f3(), wider)
    assert "异地安置奖励（relocation）" in changes and "所选安置房的安置小区：增加 原址安置小区" in changes
    moved = fuzhou_f3(modes=MODES.replace('site = "原址安置小区"', 'site = "齐安新苑"'))
    assert "安置小区：原址安置小区 → 齐安新苑" in diff_text(fuzhou_f3(), moved)
