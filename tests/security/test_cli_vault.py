"""The command line on a real project: SURVEY_APP_PASSWORD unlocks the user's slot, the device password
the rest; a forced password change is refused everything but `users passwd`."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_setup import ADMIN, ADMIN_PW, DEVICE_PW

from survey_app.cli import main


def _run(capsys, monkeypatch, project: Path, *argv: str, **env: str):
    for name in ("SURVEY_APP_PASSWORD", "SURVEY_APP_SYNC_PASSWORD", "SURVEY_APP_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin", None)  # no terminal: a missing password is a message, not a prompt
    code = main(["--db", str(project), *argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def test_cli_logins_on_a_real_project(capsys, monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    run = lambda *a, **e: _run(capsys, monkeypatch, project, *a, **e)
    code, out, _ = run("users", "add", "wu", "--login", ADMIN,
                       SURVEY_APP_PASSWORD=ADMIN_PW, SURVEY_APP_NEW_PASSWORD="Wu-first-2024")
    assert code == 0 and "已新增用户 wu" in out

    code, _, err = run("users", "add", "qi", "--login", ADMIN, SURVEY_APP_PASSWORD="wrong-password",
                       SURVEY_APP_NEW_PASSWORD="Qi-first-2024")
    assert code == 1 and "密码错误（还可尝试4次）" in err

    code, _, err = run("users", "add", "qi", "--login", ADMIN, SURVEY_APP_PASSWORD=ADMIN_PW,
                       SURVEY_APP_NEW_PASSWORD="hq123456")
    assert code == 1 and "不能使用演示账号的密码" in err

    code, _, err = run("users", "unlock", ADMIN, "--login", "wu", SURVEY_APP_PASSWORD="Wu-first-2024")
    assert code == 1 and "必须先修改密码" in err and "users passwd wu --login wu" in err

    code, out, _ = run("users", "passwd", "wu", "--login", "wu", SURVEY_APP_PASSWORD="Wu-first-2024",
                       SURVEY_APP_NEW_PASSWORD="Wu-own-2024!")
    assert code == 0 and "已修改 wu 的密码" in out
    code, _, err = run("users", "unlock", ADMIN, "--login", "wu", SURVEY_APP_PASSWORD="Wu-own-2024!")
    assert code == 1 and "无权执行此操作" in err  # logged in now; a field worker may not manage users

    code, out, _ = run("users", "list", SURVEY_APP_SYNC_PASSWORD=DEVICE_PW)  # no --login: the device slot
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [ADMIN, "wu"]
    code, _, err = run("users", "list", SURVEY_APP_SYNC_PASSWORD="wrong-device-pw")
    assert code == 1 and "密码错误（还可尝试4次）" in err
    code, _, err = run("users", "list")
    assert code == 1 and "SURVEY_APP_SYNC_PASSWORD" in err


def test_cli_on_the_demo_is_unchanged(capsys, monkeypatch: pytest.MonkeyPatch, demo_db) -> None:
    code, out, _ = _run(capsys, monkeypatch, demo_db.path, "users", "list")
    assert code == 0 and "worker" in out
