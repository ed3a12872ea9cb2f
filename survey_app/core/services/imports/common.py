"""What roster and appraisal imports share: the problem list, the plan shown before anything is written,
the project being imported into, and labels → codes for 用途.

Whole file or nothing: a plan with any problem is refused whole. The district clerk fixes the Excel and
imports it again, and because a re-import updates by 身份证号/户号, nothing is doubled; a half-imported file
would leave HQ unsure which rows are in, and one batch per file keeps 撤销本批 meaning "undo this file".
Notices (an appraisal row whose household is not in the roster, a surveyed household whose area is not
overwritten) do not block: they are listed with the result.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain import vocabulary
from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.imports.cells import CellError, Raw, text
from survey_app.core.services.imports.fields import field_keys
from survey_app.core.services.imports.reading import Table
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Project

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
MAX_LISTED = 20  # problems named in an exception message (the plan lists them all)

USE_LABELS = {
    "住宅": "residential", "居住": "residential", "住宅用房": "residential", "成套住宅": "residential",
    "商业": "commercial", "商铺": "commercial", "门面": "commercial", "商业用房": "commercial", "营业": "commercial",
    "经营": "commercial", "办公": "office", "工业": "industrial", "厂房": "industrial", "仓储": "industrial",
    "其他": "other", "其它": "other",
    "residential": "residential", "commercial": "commercial", "office": "office", "industrial": "industrial",
    "other": "other",
}


def use_code(raw: Raw) -> str | None:
    s = text(raw)
    if not s:
        return None
    code = USE_LABELS.get(s)
    if code is None:
        raise CellError(f"用途“{s}”不认识（可填：住宅、商业、办公、工业、其他）")
    return code


OWNER_TYPE_LABELS = {
    **{label: code for code, label in vocabulary.OWNER_TYPE.items()}, **{code: code for code in vocabulary.OWNER_TYPE},
    "自然人": "individual", "私人": "individual", "公司": "enterprise", "单位": "enterprise", "企业单位": "enterprise",
    "机关": "public_body", "事业单位": "public_body", "行政事业单位": "public_body", "村集体": "collective",
    "集体经济组织": "collective", "承租人": "public_tenant", "公房": "public_tenant",
}


def owner_type_code(raw: Raw) -> str | None:
    s = text(raw)
    if not s:
        return None
    code = OWNER_TYPE_LABELS.get(s)
    if code is None:
        raise CellError(f"被征收人类型“{s}”不认识（可填：{'、'.join(vocabulary.OWNER_TYPE.values())}）")
    return code


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, as a notice, worth knowing) about one row; row 0 is the file as a whole."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row else "文件"
        return f"{where} {self.column}：{self.message}" if self.column else f"{where}：{self.message}"


@dataclass
class Plan:
    """What an import would do, worked out before anything is written."""

    kind: str  # roster | appraisal
    path: Path
    table: Table
    mapping: dict[str, int]
    project_id: uuid.UUID
    project_code: str
    rows: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def mapped_headers(self) -> dict[str, str]:
        return {k: self.table.headers[i] for k, i in self.mapping.items() if i < len(self.table.headers)}

    def preview(self, limit: int = 20) -> list[tuple[int, list[str]]]:
        """The first rows as the file has them (row number, cell texts), for the mapping dialog."""
        return [(n, [text(c) for c in cells]) for n, cells in self.table.rows[:limit]]

    def summary_line(self) -> str:
        what = "住户" if self.kind == "roster" else "评估结果"
        line = f"共{len(self.table.rows)}行：新增{what}{self.added}条，更新{self.updated}条，无变化{self.unchanged}条"
        if self.skipped:
            line += f"，未导入{self.skipped}条"
        return line

    def refusal(self) -> ValidationError:
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        more = f"\n……另有{len(self.problems) - MAX_LISTED}个问题" if len(self.problems) > MAX_LISTED else ""
        return ValidationError(f"文件“{self.table.file_name}”有{len(self.problems)}个问题，整个文件未导入：\n"
                               + "\n".join(lines) + more)


@dataclass(frozen=True)
class ImportResult:
    batch_id: str
    kind: str
    added: int
    updated: int
    unchanged: int
    skipped: int
    notices: tuple[Problem, ...] = ()

    def line(self) -> str:
        what = "住户" if self.kind == "roster" else "评估结果"
        text_ = f"已导入（批次 {short_id(self.batch_id)}）：新增{what}{self.added}条，更新{self.updated}条，无变化{self.unchanged}条"
        return text_ + (f"，未导入{self.skipped}条" if self.skipped else "")


def short_id(batch_id: str) -> str:
    """The 8 characters a person types for a batch: the end of its id (ids begin with the time, so two
    batches of the same minute share their first characters)."""
    return batch_id[-8:]


def current_project(db: Database) -> tuple[uuid.UUID, str, list[dict]]:
    """(id, code, sections) of the project in this database; refused when there is none."""
    with db.read() as s:
        p = s.scalars(select(Project).where(Project.deleted_at.is_(None)).order_by(Project.created_at)).first()
        if p is None:
            raise ValidationError("数据库中还没有项目：请先新建项目，再导入名册或评估结果")
        try:
            sections = json.loads(p.sections or "[]")
        except ValueError:
            sections = []
        return p.id, p.code, [x for x in sections if isinstance(x, dict)] if isinstance(sections, list) else []


def area_places(db: Database, project_id: uuid.UUID) -> int:
    """Decimals a building part's area is entered to: 3 (0.001 m²) when the project's current published policy
    counts areas so (``[rounding] area_decimals = 3``), else 2 — also when no policy is published yet."""
    from survey_app.core.services.calculations import current_policy

    with db.read() as s:
        try:
            return current_policy(s, project_id)[1].rounding.area_decimals
        except ValidationError:
            return 2


def part_areas(area: Decimal) -> dict[str, Decimal | None]:
    """A building part's stored areas: ``area`` the half-up 0.01 m² figure lists, reports and older bundles read,
    ``area_exact`` the area surveyed to 0.001 m² (None when its third decimal is 0), as the survey form stores them."""
    hundredths = area.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return {"area": hundredths, "area_exact": None if area == hundredths else area.quantize(Decimal("0.001"))}


def missing_required(plan: Plan, kind: str) -> None:
    """A problem for every required field no column was mapped to (the file as a whole)."""
    for key, f in field_keys(kind).items():
        if f.required and key not in plan.mapping:
            plan.problems.append(Problem(0, "", f"找不到“{f.label}”列（请在对应关系中指定哪一列是{f.label}）"))


def cell(plan: Plan, cells: list, key: str) -> Raw:
    i = plan.mapping.get(key)
    return cells[i] if i is not None and i < len(cells) else Raw(None)


def column_name(plan: Plan, key: str) -> str:
    i = plan.mapping.get(key)
    return plan.table.headers[i] if i is not None and i < len(plan.table.headers) else field_keys(plan.kind)[key].label


def chunks(items: list, size: int = 500):  # noqa: ANN201 - an iterator of lists
    for start in range(0, len(items), size):
        yield items[start:start + size]
