"""空白模板: the roster and appraisal templates HQ hands out, written from the CLI and from 名册与评估, read back
with openpyxl, filled in the way a clerk would and imported without any column mapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import resident_id
from openpyxl import load_workbook

from survey_app.core.services import imports
from survey_app.core.services.imports.templates import write_template


def _fill(path: Path, rows: list[dict[str, str]]) -> None:
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    headers = [c.value.lstrip("＊") for c in ws[1]]
    for r, row in enumerate(rows, start=2):
        for label, value in row.items():
            ws.cell(row=r, column=headers.index(label) + 1, value=value)
    wb.save(path)


def test_cli_writes_both_templates_with_every_field_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    from survey_app.cli import main

    out = tmp_path / "名册模板.xlsx"
    assert main(["roster", "template", "--out", str(out)]) == 0
    ws = load_workbook(out).worksheets[0]
    assert [c.value for c in ws[1]] == [("＊" if f.required else "") + f.label for f in imports.FIELDS["roster"]]
    assert ws.freeze_panes == "A2"
    id_col = [f.key for f in imports.FIELDS["roster"]].index("id_number") + 1
    assert ws.cell(row=2, column=id_col).number_format == "@"  # ID numbers stay text: leading zeros, final X
    notes = load_workbook(out)["填写说明"]
    assert notes.cell(row=2, column=1).value == imports.FIELDS["roster"][0].label
    before = out.read_bytes()
    assert main(["roster", "template", "--out", str(out)]) == 1
    assert "已存在" in capsys.readouterr().err and out.read_bytes() == before
    assert main(["appraisal", "template", "--out", str(tmp_path / "评估.xlsx")]) == 0
    heads = [c.value for c in load_workbook(tmp_path / "评估.xlsx").worksheets[0][1]]
    assert "＊评估单价" in heads


def test_a_filled_in_template_imports_without_a_mapping(demo_db, tmp_path: Path) -> None:
    path = write_template("roster", tmp_path / "名册.xlsx")
    _fill(path, [{"户号": "Z9-0001", "户主姓名": "测试户", "身份证号": resident_id(7), "片区/地块": "A1",
                  "建筑面积": "61.25", "用途": "住宅", "房屋坐落": "古稻田路 1 号"}])
    plan = imports.plan_roster(demo_db, path)
    assert {"household_code", "head_name", "id_number", "section", "area", "use"} <= set(plan.mapped_headers)
    assert plan.ok, plan.problems
    assert plan.summary_line().startswith("共1行")


def test_only_xlsx(tmp_path: Path) -> None:
    from survey_app.core.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="xlsx"):
        write_template("roster", tmp_path / "名册.csv")
    assert not (tmp_path / "名册.csv").exists()


def test_imports_tab_saves_a_template(qtbot, demo_db, admin, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    from survey_app.ui.hq.imports_tab import ImportsTab
    from survey_app.ui.task_runner import TaskRunner

    runner = TaskRunner()
    tab = ImportsTab(demo_db, admin, runner)
    qtbot.addWidget(tab)
    button = tab.findChild(QPushButton, "importTemplate")
    assert [a.text() for a in button.menu().actions()] == ["入户名册模板…", "评估结果模板…"]
    try:
        tab.save_template("appraisal", tmp_path / "评估模板")  # the save dialog's name without a suffix
        assert (tmp_path / "评估模板.xlsx").is_file()
        assert "评估模板.xlsx" in tab.status.text()
    finally:
        runner.shutdown()
