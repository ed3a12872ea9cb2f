"""Checking a survey form: every problem at once, each with the path of the field it concerns."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import Legality, Relation, Use
from survey_app.core.domain.validation import parse_area, parse_resident_id, validate_mobile, validate_uscc
from survey_app.core.services.survey.form import SurveyForm
from survey_app.core.services.survey.messages import Problem, problem

__all__ = ["FormInvalid", "Problem", "check"]


class FormInvalid(ValidationError):
    """The form has problems; ``problems`` lists them all (the message names the first)."""

    def __init__(self, problems: list[Problem]):
        more = f"（另有{len(problems) - 1}处问题）" if len(problems) > 1 else ""
        super().__init__(f"{problems[0].message}{more}", problems[0].path)
        self.problems = problems


def _area(value: Decimal | None, path: str, code: str, out: list[Problem], *, required: bool = True,
          places: int = 2, **params: object) -> None:
    """``code`` + ".empty"/".invalid" name the problem (e.g. ``part.area``)."""
    if value is None:
        if required:
            out.append(problem(path, f"{code}_empty", **params))
        return
    try:
        parse_area(str(value), places=places)
    except ValidationError as e:
        out.append(problem(path, f"{code}_invalid", error=str(e), **params))


def check(form: SurveyForm) -> list[Problem]:
    """All problems of the form (empty when it can be saved)."""
    out: list[Problem] = []
    if not form.household_code.strip():
        out.append(problem("household_code", "household_code.empty"))
    if form.phone.strip():
        _phone(form.phone, "phone", out)
    heads = [i for i, m in enumerate(form.members) if m.relation == Relation.HEAD.value]
    if len(heads) != 1:
        out.append(problem("members", "members.many_heads" if heads else "members.no_head"))
    seen_ids = Counter(m.id_number.strip().upper() for m in form.members if m.id_number.strip())
    for i, m in enumerate(form.members):
        p = f"members[{i}]"
        if not m.name.strip():
            out.append(problem(f"{p}.name", "member.name_empty", n=i + 1))
        if m.relation not in {r.value for r in Relation}:
            out.append(problem(f"{p}.relation", "member.relation_invalid", n=i + 1))
        if m.id_number.strip():
            try:
                parse_resident_id(m.id_number)
            except ValidationError as e:
                out.append(problem(f"{p}.id_number", "member.id_invalid", who=m.name or f"第{i + 1}位成员", error=str(e)))
            if seen_ids[m.id_number.strip().upper()] > 1:
                out.append(problem(f"{p}.id_number", "member.id_duplicate", who=m.name or f"第{i + 1}位成员"))
        if m.phone.strip():
            _phone(m.phone, f"{p}.phone", out)
    total_share = Decimal(0)
    for i, t in enumerate(form.tenures):
        p = f"tenures[{i}]"
        if t.share is None or not (Decimal(0) < t.share <= Decimal(1)):
            out.append(problem(f"{p}.share", "tenure.share_range"))
        else:
            total_share += t.share
        if t.owner_id_number.strip():
            try:
                parse_resident_id(t.owner_id_number)
            except ValidationError as e:
                out.append(problem(f"{p}.owner_id_number", "tenure.owner_id_invalid", name=t.owner_name, error=str(e)))
        _area(t.land_area, f"{p}.land_area", "tenure.land_area", out, required=False)
    if total_share > 1:
        out.append(problem("tenures", "tenures.share_total", total=f"{total_share * 100:.2f}"))
    for i, part in enumerate(form.parts):
        p = f"parts[{i}]"
        _area(part.area, f"{p}.area", "part.area", out, places=3, part=part.label or i + 1)  # to 0.001 m² at most
        if part.use not in {u.value for u in Use}:
            out.append(problem(f"{p}.use", "part.use_invalid"))
        if part.legality and part.legality not in {x.value for x in Legality}:  # "" = not chosen yet (readiness)
            out.append(problem(f"{p}.legality", "part.legality_invalid"))
        if part.legality == Legality.TEMPORARY.value and part.temporary_term_end is None:
            out.append(problem(f"{p}.temporary_term_end", "part.term_missing"))
        if part.floors is None or part.floors < 1:
            out.append(problem(f"{p}.floors", "part.floors"))
    for i, f in enumerate(form.fixtures):
        if not f.kind:
            out.append(problem(f"fixtures[{i}].kind", "fixture.kind_empty"))
        if f.count is None or f.count < 1:
            out.append(problem(f"fixtures[{i}].count", "fixture.count"))
    for i, item in enumerate(form.items):
        if not item.code:
            out.append(problem(f"items[{i}].code", "item.code_empty"))
        _area(item.quantity, f"items[{i}].quantity", "item.quantity", out)
    for i, b in enumerate(form.businesses):
        p = f"businesses[{i}]"
        if b.uscc.strip():
            try:
                validate_uscc(b.uscc)
            except ValidationError as e:
                out.append(problem(f"{p}.uscc", "business.uscc_invalid", error=str(e)))
        _area(b.area, f"{p}.area", "business.area", out)
        if b.annual_profit is not None and b.annual_profit < 0:
            out.append(problem(f"{p}.annual_profit", "business.profit_negative"))
    uses = Counter(a.use for a in form.appraisals)
    for i, a in enumerate(form.appraisals):
        p = f"appraisals[{i}]"
        if a.unit_price is None or a.unit_price <= 0:
            out.append(problem(f"{p}.unit_price", "appraisal.price_positive"))
        elif a.unit_price != a.unit_price.quantize(Decimal("0.01")):
            out.append(problem(f"{p}.unit_price", "appraisal.price_places"))
        if uses[a.use] > 1:
            out.append(problem(f"{p}.use", "appraisal.use_duplicate"))
    return out


def _phone(value: str, path: str, out: list[Problem]) -> None:
    try:
        validate_mobile(value)
    except ValidationError as e:
        out.append(problem(path, "phone.invalid", error=str(e)))
