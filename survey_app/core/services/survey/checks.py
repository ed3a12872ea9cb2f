"""Checking a survey form: every problem at once, each with the path of the field it concerns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.statuses import Legality, Relation, Use
from survey_app.core.domain.validation import parse_area, parse_resident_id, validate_mobile, validate_uscc
from survey_app.core.services.survey.form import SurveyForm


@dataclass(frozen=True)
class Problem:
    path: str  # e.g. "members[2].id_number"
    message: str


class FormInvalid(ValidationError):
    """The form has problems; ``problems`` lists them all (the message names the first)."""

    def __init__(self, problems: list[Problem]):
        more = f"（另有{len(problems) - 1}处问题）" if len(problems) > 1 else ""
        super().__init__(f"{problems[0].message}{more}", problems[0].path)
        self.problems = problems


def _area(value: Decimal | None, path: str, what: str, out: list[Problem], *, required: bool = True) -> None:
    if value is None:
        if required:
            out.append(Problem(path, f"{what}不能为空"))
        return
    try:
        parse_area(str(value))
    except ValidationError as e:
        out.append(Problem(path, f"{what}：{e}"))


def check(form: SurveyForm) -> list[Problem]:
    """All problems of the form (empty when it can be saved)."""
    out: list[Problem] = []
    if not form.household_code.strip():
        out.append(Problem("household_code", "户号不能为空"))
    if form.phone.strip():
        _phone(form.phone, "phone", out)
    heads = [i for i, m in enumerate(form.members) if m.relation == Relation.HEAD.value]
    if len(heads) != 1:
        out.append(Problem("members", "家庭成员中须有且只有一位户主" if heads else "请登记户主"))
    seen_ids = Counter(m.id_number.strip().upper() for m in form.members if m.id_number.strip())
    for i, m in enumerate(form.members):
        p = f"members[{i}]"
        if not m.name.strip():
            out.append(Problem(f"{p}.name", f"第{i + 1}位成员的姓名不能为空"))
        if m.relation not in {r.value for r in Relation}:
            out.append(Problem(f"{p}.relation", f"第{i + 1}位成员的关系无效"))
        if m.id_number.strip():
            try:
                parse_resident_id(m.id_number)
            except ValidationError as e:
                out.append(Problem(f"{p}.id_number", f"{m.name or f'第{i + 1}位成员'}：{e}"))
            if seen_ids[m.id_number.strip().upper()] > 1:
                out.append(Problem(f"{p}.id_number", f"{m.name}：身份证号码与其他成员重复"))
        if m.phone.strip():
            _phone(m.phone, f"{p}.phone", out)
    total_share = Decimal(0)
    for i, t in enumerate(form.tenures):
        p = f"tenures[{i}]"
        if t.share is None or not (Decimal(0) < t.share <= Decimal(1)):
            out.append(Problem(f"{p}.share", "产权份额须大于0且不超过100%"))
        else:
            total_share += t.share
        if t.owner_id_number.strip():
            try:
                parse_resident_id(t.owner_id_number)
            except ValidationError as e:
                out.append(Problem(f"{p}.owner_id_number", f"产权人{t.owner_name}：{e}"))
        _area(t.land_area, f"{p}.land_area", "宅基地面积", out, required=False)
    if total_share > 1:
        out.append(Problem("tenures", f"产权份额合计{total_share * 100:.2f}%，超过100%"))
    for i, part in enumerate(form.parts):
        p = f"parts[{i}]"
        _area(part.area, f"{p}.area", f"建筑部分“{part.label or i + 1}”的面积", out)
        if part.use not in {u.value for u in Use}:
            out.append(Problem(f"{p}.use", "用途无效"))
        if part.legality not in {x.value for x in Legality}:
            out.append(Problem(f"{p}.legality", "合法性认定无效"))
        if part.legality == Legality.TEMPORARY.value and part.temporary_term_end is None:
            out.append(Problem(f"{p}.temporary_term_end", "临时建筑须填写批准期限"))
        if part.floors < 1:
            out.append(Problem(f"{p}.floors", "层数至少为1"))
    for i, f in enumerate(form.fixtures):
        if not f.kind:
            out.append(Problem(f"fixtures[{i}].kind", "请选择附属物种类"))
        if f.count < 1:
            out.append(Problem(f"fixtures[{i}].count", "附属物数量至少为1"))
    for i, item in enumerate(form.items):
        if not item.code:
            out.append(Problem(f"items[{i}].code", "请选择地上物项目"))
        _area(item.quantity, f"items[{i}].quantity", "数量", out)
    for i, b in enumerate(form.businesses):
        p = f"businesses[{i}]"
        if b.uscc.strip():
            try:
                validate_uscc(b.uscc)
            except ValidationError as e:
                out.append(Problem(f"{p}.uscc", str(e)))
        _area(b.area, f"{p}.area", "经营面积", out)
        if b.annual_profit is not None and b.annual_profit < 0:
            out.append(Problem(f"{p}.annual_profit", "年利润不能为负数"))
    uses = Counter(a.use for a in form.appraisals)
    for i, a in enumerate(form.appraisals):
        p = f"appraisals[{i}]"
        if a.unit_price is None or a.unit_price <= 0:
            out.append(Problem(f"{p}.unit_price", "评估单价须大于0"))
        elif a.unit_price != a.unit_price.quantize(Decimal("0.01")):
            out.append(Problem(f"{p}.unit_price", "评估单价最多两位小数"))
        if uses[a.use] > 1:
            out.append(Problem(f"{p}.use", "同一用途只能有一个评估单价"))
    return out


def _phone(value: str, path: str, out: list[Problem]) -> None:
    try:
        validate_mobile(value)
    except ValidationError as e:
        out.append(Problem(path, str(e)))
