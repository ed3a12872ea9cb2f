"""The CLI twins: `roster import` (dry run, refusal with every problem row, import), `appraisal import`,
`roster undo`, `households list --json`, run through survey_app.cli.main as a script would."""

from __future__ import annotations

import json
from pathlib import Path

from import_helpers import ROSTER_HEADERS, bad_check_digit, roster_rows, write_xlsx

from survey_app.cli import main


def test_roster_cli_round_trip(demo_db, tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(demo_db.path)
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    rows = roster_rows(5, section="Z1")
    rows[2][3] = bad_check_digit(rows[2][3])
    bad = write_xlsx(tmp_path / "bad.xlsx", ROSTER_HEADERS, rows)
    assert main(["--db", db, "roster", "import", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "问题 第6行 公民身份号码：身份证号码校验位错误" in out and "整个文件未导入" in err
    assert rows[2][3] not in out + err  # no ID number in the messages
    good = write_xlsx(tmp_path / "good.xlsx", ROSTER_HEADERS, roster_rows(5, section="Z1"))
    assert main(["--db", db, "roster", "import", str(good), "--dry-run"]) == 0
    assert "新增住户5条" in capsys.readouterr().out
    assert main(["--db", db, "households", "list", "--section", "Z1", "--json"]) == 0
    assert capsys.readouterr().out == ""  # the dry run wrote nothing
    mapping = tmp_path / "m.toml"
    mapping.write_text('[roster]\n"户主姓名" = "户主姓名"\nphone = "联系电话"\n', encoding="utf-8")
    assert main(["--db", db, "roster", "import", str(good), "--mapping", str(mapping)]) == 0
    out = capsys.readouterr().out
    batch = out.split("批次编号：")[1].strip()
    assert main(["--db", db, "households", "list", "--section", "Z1", "--status", "待调查", "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [h["code"] for h in listed] == [f"Z1-{i:04d}" for i in range(1, 6)]
    assert listed[0] == {"code": "Z1-0001", "head_name": "测试户主1", "section": "Z1", "status": "pending",
                         "assigned_to": ""}
    appraisal = write_xlsx(tmp_path / "a.xlsx", ["户号", "评估单价", "报告编号"],
                           [["Z1-0001", "13670", "R-1"], ["Z1-0404", "9000", "R-2"]], title=None)
    assert main(["--db", db, "appraisal", "import", str(appraisal)]) == 0
    out = capsys.readouterr().out
    assert "提示 第3行：找不到户号“Z1-0404”对应的住户，本行未导入" in out and "新增评估结果1条" in out
    assert main(["--db", db, "roster", "batches"]) == 0
    assert batch in capsys.readouterr().out
    assert main(["--db", db, "roster", "undo", batch[-8:]]) == 1  # its households have appraisals since
    assert "不能撤销" in capsys.readouterr().err
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "worker123")
    assert main(["--db", db, "roster", "import", str(good), "--login", "worker"]) == 1
    assert "无权" in capsys.readouterr().err
