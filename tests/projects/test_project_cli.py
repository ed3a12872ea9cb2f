"""`survey-app project create|show|list`: Chinese messages, non-zero exit on refusal, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from project_helpers import ADMIN_PASSWORD, RECOVERY_PASSWORD

from survey_app.cli import main


@pytest.fixture(autouse=True)
def _recovery_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVEY_APP_RECOVERY_PASSWORD", RECOVERY_PASSWORD)


def _run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_show_list(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", ADMIN_PASSWORD)
    db = tmp_path / "p.sqlite3"
    code, out, err = _run(capsys, "--db", str(db), "project", "create", "--name", "芙蓉路片区", "--code", "fr-01",
                          "--city", "长沙", "--decision-no", "芙政征〔2024〕3号", "--target", "60",
                          "--signing-start", "2024-05-01", "--signing-end", "2024-06-30",
                          "--section", "一组", "--section", "B2=二组")
    assert code == 0, err
    assert "已新建项目 FR-01" in out and "admin" in out and "指纹" in out
    code, out, _err = _run(capsys, "--db", str(db), "project", "show")
    assert code == 0
    assert "芙蓉路片区" in out and "60.00%" in out and "2024-05-01 至 2024-06-30" in out and "B2=二组" in out
    code, out, _err = _run(capsys, "project", "list")
    assert code == 0 and "FR-01" in out and "[指挥部]" in out and "共 1 个项目" in out
    # the admin's password opens the project (its vault), as other commands will
    from survey_app.core.security.vault import Vault, vault_path
    from survey_app.core.services.project_files import open_project_database
    from survey_app.core.services.projects import default_cli_user

    assert Vault.load(vault_path(db)).default_user == "admin"
    opened, actor = open_project_database(db, "admin", ADMIN_PASSWORD)
    try:
        assert default_cli_user(opened) == "admin" and actor.role.value == "hq_admin"
    finally:
        opened.dispose()


def test_password_file_and_default_folder(tmp_path: Path, capsys: pytest.CaptureFixture,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.paths import data_dir

    monkeypatch.delenv("SURVEY_APP_PASSWORD", raising=False)
    secret = tmp_path / "pw.txt"
    secret.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    code, out, err = _run(capsys, "--password-file", str(secret), "project", "create", "--name", "二期",
                          "--code", "P2", "--city", "株洲", "--admin", "chief")
    assert code == 0, err
    assert (data_dir() / "P2.sqlite3").is_file() and "chief" in out


@pytest.mark.parametrize(("extra", "env", "message"), [
    (["--code", "片区"], ADMIN_PASSWORD, "项目编号"),
    (["--code", "OK1", "--target", "120"], ADMIN_PASSWORD, "0到100"),
    (["--code", "OK1"], "hq123456", "演示"),
    (["--code", "OK1"], "short", "至少8位"),
    (["--code", "OK1"], None, "没有终端"),
    (["--code", "OK1", "--section", "A1=一组", "--section", "A1=二组"], ADMIN_PASSWORD, "重复"),
])
def test_refusals_are_one_chinese_line(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch, extra, env,
                                       message) -> None:
    if env is None:
        monkeypatch.delenv("SURVEY_APP_PASSWORD", raising=False)
        monkeypatch.setattr("sys.stdin", None)
    else:
        monkeypatch.setenv("SURVEY_APP_PASSWORD", env)
    db = tmp_path / "p.sqlite3"
    code, out, err = _run(capsys, "--db", str(db), "project", "create", "--name", "项目", "--city", "长沙", *extra)
    assert code == 1 and err.startswith("错误: ") and message in err and "Traceback" not in err
    assert err.count("\n") == 1 and not db.exists()


def test_existing_file_and_bad_date_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", ADMIN_PASSWORD)
    db = tmp_path / "p.sqlite3"
    db.write_bytes(b"keep")
    code, _out, err = _run(capsys, "--db", str(db), "project", "create", "--name", "项目", "--code", "X1",
                           "--city", "长沙")
    assert code == 1 and "已存在" in err and db.read_bytes() == b"keep"
    with pytest.raises(SystemExit) as exit_info:  # argparse: usage + a Chinese line, exit 2
        main(["--db", str(tmp_path / "q.sqlite3"), "project", "create", "--name", "项目", "--code", "X1",
              "--city", "长沙", "--signing-start", "2024/13/01"])
    assert exit_info.value.code == 2 and "日期格式应为" in capsys.readouterr().err


def test_show_on_a_database_without_a_project(tmp_path: Path, capsys: pytest.CaptureFixture,
                                              _empty_template: Path) -> None:
    shutil.copyfile(_empty_template, tmp_path / "empty.sqlite3")  # a new database (tests/conftest.py)
    code, _out, err = _run(capsys, "--db", str(tmp_path / "empty.sqlite3"), "project", "show")
    assert code == 1 and "还没有项目" in err
