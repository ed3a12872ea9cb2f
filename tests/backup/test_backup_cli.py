"""`survey-app backup --out`, `backup verify`, `restore --to` on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from backup_helpers import ADMIN_PASSWORD

from survey_app.cli import main
from survey_app.core.services import backup
from survey_app.core.storage.database import Database


def test_backup_verify_restore_from_the_command_line(demo_db: Database, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    path = demo_db.path
    demo_db.dispose()
    assert main(["--db", str(path), "backup", "--out", str(tmp_path / "usb")]) == 0
    (made,) = (tmp_path / "usb").iterdir()
    assert f"已备份到：{made}" in capsys.readouterr().out
    assert main(["backup", "verify", str(made)]) == 0
    assert "备份完好：项目 FR2023" in capsys.readouterr().out
    target = tmp_path / "new" / "p.sqlite3"
    assert main(["restore", str(made), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "审计链校验通过" in out and "60 户" in out
    assert main(["restore", str(made), "--to", str(target)]) == 1  # refused: a project is there now
    assert "为免覆盖没有恢复" in capsys.readouterr().err
    (made / "project.sqlite3").write_bytes(b"broken")
    assert main(["backup", "verify", str(made)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误: 备份已损坏或被改动") and "Traceback" not in err


def test_a_real_project_backs_up_and_restores_with_its_password(real_project: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", str(real_project), "backup", "--out", str(tmp_path / "usb")]) == 0
    assert "数据库保持加密" in capsys.readouterr().out
    (made,) = (tmp_path / "usb").iterdir()
    assert backup.verify_backup(made).encrypted
    assert main(["restore", str(made), "--to", str(tmp_path / "new" / "p.sqlite3")]) == 0  # the default user
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "Not-the-password")
    assert main(["restore", str(made), "--to", str(tmp_path / "other" / "p.sqlite3")]) == 1
    assert "密码错误" in capsys.readouterr().err
