"""A scheme that reckons the entitlement or an award on the homestead area needs 宅基地面积 before a survey is
complete (issue 13: the village scheme, resources/policies/village_homestead_lygzb.toml). Without it the engine
refuses the entitlement, and an ``area_award`` on the land area would silently pay nothing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from survey_app.core.compensation.policy import load_policy
from survey_app.core.services.survey import readiness
from survey_app.core.services.survey.form import PartForm, SurveyForm, TenureForm

POLICIES = Path(__file__).resolve().parents[2] / "resources" / "policies"


def _form(land_area: Decimal | None) -> SurveyForm:
    return SurveyForm(id="h1", rev=1, parts=[PartForm(label="正房", area=Decimal("120.00"), use="residential",
                                      legality="registered")],
                      tenures=[TenureForm(owner_name="户主", share=Decimal("1"), land_area=land_area)])


def _land_problems(form: SurveyForm, policy) -> list:
    return [p for p in readiness.missing(form, policy) if p.code == "need.land_area"]


def test_the_village_scheme_requires_the_homestead_area_and_says_so_in_chinese() -> None:
    policy = load_policy(POLICIES / "village_homestead_lygzb.toml")
    assert readiness.requirements(policy).land_area
    [problem] = _land_problems(_form(None), policy)
    assert problem.path == "tenures" and problem.missing
    assert problem.message == "请在产权一栏填写宅基地面积（现行方案按宅基地面积计算安置或奖励）"
    assert _land_problems(_form(Decimal("210.00")), policy) == []


def test_an_award_on_the_land_area_alone_requires_it_too() -> None:
    village = load_policy(POLICIES / "village_homestead_lygzb.toml")
    exchange = replace(village.exchange, entitlement_basis="legal_area")
    policy = replace(village, modes={**village.modes, "exchange": exchange})
    assert any(getattr(i, "basis", "") == "land_area" for i in policy.items)  # 宅基地大于 200 m² 部分另补
    assert len(_land_problems(_form(None), policy)) == 1


def test_schemes_that_never_look_at_the_homestead_do_not_ask_for_it() -> None:
    for name in ("fuzhou_old_district_2016.toml", "jinan_old_town_2016.toml", "city_shantytown_2023.toml"):
        policy = load_policy(POLICIES / name)
        assert not readiness.requirements(policy).land_area, name
        assert _land_problems(_form(None), policy) == [], name


def test_the_ledger_names_a_flat_chosen_on_a_floor_by_its_label(demo_db, admin) -> None:
    """台账's 选定方案 shows "H90户型 5 层", never the key "H90@5" (the policy's flat label on that floor)."""
    from survey_app.core.services import policies
    from survey_app.core.services.reports.ledger import _option_names

    policies.publish_file(demo_db, admin, POLICIES / "village_homestead_lygzb.toml", reason="村方案")
    exchange = load_policy(POLICIES / "village_homestead_lygzb.toml").exchange
    flat = exchange.flats[0]
    name = _option_names(demo_db, {"cash": "货币补偿"})
    assert name(f"exchange:{flat.key}@5") == f"{flat.label} 5 层"
    assert name(f"exchange:{flat.key}@5+{flat.key}") == f"{flat.label} 5 层、{flat.label}"
    assert name(f"exchange:{flat.key}@999") == f"{flat.key}@999"  # a floor the policy does not offer: the key
    assert name("cash") == "货币补偿"


def test_changing_the_owner_type_makes_the_calculation_stale(demo_db, admin) -> None:
    """被征收人类型 feeds the engine (an item's ``when.owner_type``; the input's ``owner_type``), so a calculation
    made before it changed is stale, as after any other input change (else HQ's re-derivation flags it later)."""
    from sqlalchemy import select

    from survey_app.core.domain.errors import ValidationError
    from survey_app.core.services import calculations
    from survey_app.core.services.survey.store import load_form, save_form
    from survey_app.core.storage.models import Household

    with demo_db.read() as s:
        codes = list(s.scalars(select(Household.id).where(Household.status == "surveyed").order_by(Household.id)))
    for hid in codes:
        try:
            calculations.calculate(demo_db, admin, hid)
            break
        except ValidationError:  # a demo household the checks call incomplete: try the next
            continue
    else:
        raise AssertionError("no demo household calculates")
    assert {o.status for o in calculations.options(demo_db, hid)} == {"current"}
    form = load_form(demo_db, hid)
    form.owner_type = "enterprise"
    save_form(demo_db, admin, form)
    assert {o.status for o in calculations.options(demo_db, hid)} == {"stale"}
