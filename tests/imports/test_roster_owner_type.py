"""被征收人类型 in the roster: a district's column of 个人/企业/机关事业单位/集体/公房承租人 becomes the household's
owner type (what a policy item's ``when.owner_type`` reads), a re-import updates it, undo restores it, and a value
nobody can read is refused with its row, not guessed."""

from __future__ import annotations

from pathlib import Path

from import_helpers import ROSTER_HEADERS, roster_rows, write_xlsx
from sqlalchemy import select

from survey_app.core.services.imports import apply_roster, plan_roster, undo_batch
from survey_app.core.storage.models import Household

HEADERS = [*ROSTER_HEADERS, "被征收人类型"]


def _owner(db, code: str) -> str:
    with db.read() as s:
        return s.scalar(select(Household.owner_type).where(Household.household_code == code))


def test_owner_type_imported_updated_and_undone(demo_db, admin, tmp_path: Path) -> None:
    rows = [[*r, kind] for r, kind in zip(roster_rows(3, section="Z1"), ["个人", "企业", ""], strict=True)]
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "名册.xlsx", HEADERS, rows, text_columns=(3, 4)))
    assert "owner_type" in plan.mapped_headers and plan.ok
    first = apply_roster(demo_db, admin, plan)
    assert [_owner(demo_db, f"Z1-{n:04d}") for n in (1, 2, 3)] == ["individual", "enterprise", "individual"]
    rows[1][-1] = "机关事业单位"
    rows[0][-1] = ""  # an empty cell says nothing: Z1-0001 keeps 个人
    second = apply_roster(demo_db, admin, plan_roster(demo_db, write_xlsx(tmp_path / "r2.xlsx", HEADERS, rows)))
    assert (second.updated, second.unchanged) == (1, 2)
    assert _owner(demo_db, "Z1-0002") == "public_body"
    undo_batch(demo_db, admin, second.batch_id)
    assert _owner(demo_db, "Z1-0002") == "enterprise"
    assert first.added == 3


def test_an_unknown_owner_type_is_refused_with_its_row(demo_db, tmp_path: Path) -> None:
    rows = [[*r, kind] for r, kind in zip(roster_rows(2, section="Z1"), ["个体户", "集体"], strict=True)]
    plan = plan_roster(demo_db, write_xlsx(tmp_path / "名册.xlsx", HEADERS, rows))
    assert not plan.ok
    assert [(p.row, "个体户" in p.message and "公房承租人" in p.message) for p in plan.problems] == [(4, True)]
