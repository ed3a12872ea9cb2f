"""选房组合 (issue 13; households.flat_choices, 0015): a household's wanted flats — two flats, a type on a floor —
are saved with the survey, priced as its exchange options, refused in the engine's Chinese when the policy cannot
price them, and signed: the agreement lists each flat with its label, floor and area."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.paths import resource_path
from survey_app.core.services import calculations, policies, workflow
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.survey import readiness
from survey_app.core.services.survey.form import PartForm
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Calculation, Household
from survey_app.core.storage.uow import Actor
from tests.core.documents.pdf_probe import pdf_text, squash

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
REVIEWER = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")


def floor_policy_text() -> str:
    """The demo scheme with 楼层差价: +20 元/m² a floor from the 2nd, −40 on the top; D45 and A60 in 6-floor
    buildings, B75 and C90 in 18-floor ones."""
    text = resource_path("policies", "city_shantytown_2023.toml").read_text(encoding="utf-8")
    text = text.replace("max_flats = 2\n", 'max_flats = 2\nfloor_step = "20"\ntop_floor_discount = "40"\n', 1)
    for area, floors in (("45.20", 6), ("60.12", 6), ("75.36", 18), ("89.87", 18)):
        text = text.replace(f'area = "{area}"\n', f'area = "{area}"\nfloors = {floors}\n', 1)
    return text


@pytest.fixture
def floors(demo_db, admin):
    policies.publish_text(demo_db, admin, floor_policy_text(), "楼层差价.toml", reason="安置房按楼层定价")
    return demo_db


def _household(db) -> Household:
    """A surveyed household whose appraisal prices residential use."""
    with db.read() as s:
        for h in s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)):
            if any(a.use == "residential" and a.unit_price for a in load_form(db, h.id).appraisals):
                return h
    raise AssertionError("no surveyed household with a residential appraisal in the demo")


def _survey(db, h: Household, choices: list[list[str]]) -> None:
    """One registered residential part of 80.00 m² (应安置面积 80.00 m²: ratio 1) and the flats wanted."""
    form = load_form(db, h.id)
    form.parts = [PartForm(label="主房", area=Decimal("80.00"), use="residential", structure="brick_concrete",
                           legality="registered")]
    form.flat_choices = choices
    save_form(db, WORKER, form)


def test_the_choices_are_saved_in_one_form_and_read_back(floors) -> None:
    h = _household(floors)
    _survey(floors, h, [["A60@3", " D45@1 "], ["B75"]])
    with floors.read() as s:
        stored = s.get(Household, h.id)
        assert stored.flat_choices == '[["A60@3","D45@1"],["B75"]]'
        rev = stored.rev
    form = load_form(floors, h.id)
    assert form.flat_choices == [["A60@3", "D45@1"], ["B75"]]
    assert save_form(floors, WORKER, form) is not None
    with floors.read() as s:
        assert s.get(Household, h.id).rev == rev  # the same choices again: nothing written


def test_each_choice_is_an_option_two_flats_and_a_floor_priced(floors) -> None:
    h = _household(floors)
    _survey(floors, h, [["A60@3", "D45@1"], ["B75"]])
    options = calculations.calculate(floors, WORKER, h.id)
    assert [o.option_key for o in options] == ["cash", "exchange:A60@3+D45@1", "exchange:B75", "voucher"]
    two = options[1].result
    # 应安置面积 80.00 m², taken by the flats in the order chosen:
    #   A60 on floor 3 of 6: 60.12 m² × (6,500 + (3 − 1) × 20) = 60.12 × 6,540   = 393,184.80 → 393,185
    #   D45 on floor 1:      min(45.20, 80 − 60.12 = 19.88) × 6,500             = 129,220
    #   beyond the entitlement 45.20 − 19.88 = 25.32 m²: 10 m² × 8,500          =  85,000
    #                                                      15.32 m² × 12,000    = 183,840
    #   flat price (each line to the yuan, half up: [rounding] line_places = 0)  = 791,245, paid by the household
    assert two.flat_total == Decimal("-791245")
    assert [ln.amount for ln in two.lines if ln.section == "flat"] == [
        Decimal("-393185"), Decimal("-129220"), Decimal("-85000"), Decimal("-183840")]
    assert two.entitlement == Decimal("80.00")
    assert two.flat_label == "A户型60㎡ 3 层+D户型45㎡（现房） 1 层"
    # B75 alone, floor not chosen (priced at the base, its line says so): 75.36 m² × 6,500 = 489,840.00
    assert options[2].result.flat_total == Decimal("-489840")
    with floors.read() as s:
        inputs = s.scalars(select(Calculation.inputs_json).where(Calculation.household_id == h.id)).first()
    assert '"flat_choices":[["A60@3","D45@1"],["B75"]]' in inputs


def test_a_choice_the_policy_cannot_price_is_said_in_the_engines_words(floors) -> None:
    h = _household(floors)
    _survey(floors, h, [["A60@9"], ["B75", "C90", "D45"], ["B75"], ["B75"], ["Z99"]])
    problems = readiness.missing(load_form(floors, h.id), readiness.current(floors))
    said = {p.path: p.message for p in problems if p.path.startswith("flat_choices")}
    assert said == {
        "flat_choices[0]": "选房组合1：“A60@9”：楼层应为 1 到 6 之间的整数（A户型60㎡所在楼共 6 层）",
        "flat_choices[1]": "选房组合2：最多可选 2 套安置房，选了 3 套",
        "flat_choices[3]": "选房组合4与组合3相同，请删除其一",
        "flat_choices[4]": "选房组合5：方案中没有户型“Z99”，可选: D45、A60、B75、C90",
    }
    with pytest.raises(readiness.SurveyIncomplete) as refused:
        calculations.calculate(floors, WORKER, h.id)
    assert "选房组合1：“A60@9”：楼层应为 1 到 6 之间的整数" in str(refused.value)


def test_changing_the_choices_makes_the_calculation_stale(floors) -> None:
    h = _household(floors)
    _survey(floors, h, [["B75"]])
    calculations.calculate(floors, WORKER, h.id)
    form = load_form(floors, h.id)
    form.flat_choices = [["B75"], ["A60@2"]]
    save_form(floors, WORKER, form)
    assert {o.status for o in calculations.options(floors, h.id)} == {"stale"}


def test_the_agreement_lists_each_flat_with_its_floor_and_area(floors, tmp_path) -> None:
    from survey_app.core.services.agreements.documents import render_agreement_pdf

    h = _household(floors)
    _survey(floors, h, [["A60@3", "D45@1"]])
    workflow.approve(floors, REVIEWER, h.id)
    calculations.calculate(floors, WORKER, h.id)
    calculations.choose_option(floors, WORKER, h.id, "exchange:A60@3+D45@1")
    workflow.mark_calculated(floors, WORKER, h.id)
    info = lifecycle.prepare(floors, WORKER, h.id)
    out = tmp_path / "agreement.pdf"
    render_agreement_pdf(floors, info.id, out)
    text = squash(pdf_text(out))
    assert "A户型60㎡3层" in text and "建筑面积60.12" in text
    assert "D户型45㎡（现房）1层" in text and "建筑面积45.20" in text
    assert "791,245" in text
    # Article 25's flat terms: both flats, their area together (60.12 + 45.20 = 105.32 m²), priced by floor
    assert "安置房屋A户型60㎡3层、D户型45㎡（现房）1层，建筑面积共105.32m²" in text
    assert "单价按安置房所在楼层调整" in text


def test_an_extra_bought_with_the_flat_is_no_flat_of_the_agreement(floors, admin, tmp_path) -> None:
    """A 地下室 bought with the flat (``A60@3+B1``): the flats' area in Article 25 is the flat's alone, the basement
    is stated beside it with its own area and price, and the flat price covers both."""
    from survey_app.core.services.agreements.documents import render_agreement_pdf

    text = floor_policy_text().replace("[modes.voucher]\n", '[[modes.exchange.extras]]\nkey = "B1"\nlabel = "地下室"\n'
                                       'area = "20"\nunit_price = "200"\n\n[modes.voucher]\n', 1)
    policies.publish_text(floors, admin, text, "地下室.toml", reason="可另购地下室")
    h = _household(floors)
    _survey(floors, h, [["A60@3", "B1"]])
    workflow.approve(floors, REVIEWER, h.id)
    options = calculations.calculate(floors, WORKER, h.id)
    # A60 on floor 3: 60.12 m² × 6,540 = 393,184.80 → 393,185; the basement 20 m² × 200 = 4,000; together 397,185
    assert next(o for o in options if o.option_key == "exchange:A60@3+B1").result.flat_total == Decimal("-397185")
    calculations.choose_option(floors, WORKER, h.id, "exchange:A60@3+B1")
    workflow.mark_calculated(floors, WORKER, h.id)
    out = tmp_path / "agreement.pdf"
    render_agreement_pdf(floors, lifecycle.prepare(floors, WORKER, h.id).id, out)
    said = squash(pdf_text(out))
    assert "安置房屋A户型60㎡3层，建筑面积共60.12m²" in said
    assert "另购地下室（B1），建筑面积20.00m²，价款人民币4,000.00元，不计入应安置面积" in said
    assert "安置房购房款人民币397,185.00元" in said
