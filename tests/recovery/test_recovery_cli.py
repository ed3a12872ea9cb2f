"""The command line twins, with no terminal: `project create` refuses to make a project without a recovery
password, and `users recover` resets a forgotten password with it. The first refusal runs as a real process
(``_cli``: exit code, one-line message, no traceback, as a script sees them; one per module, ~1.3 CPU-s each);
the other steps run the CLI's entry point in this process (``_run``: tests/conftest.py's ``cli``, same parser,
handlers, messages and exit codes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from recovery_helpers import ADMIN_PW, NEW_PW, RECOVERY_PW

from survey_app.core.security import vault


def _cli(tmp: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``survey-app *args`` with no terminal and only the SURVEY_APP_ variables given in ``env``."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("SURVEY_APP_")}
    base.update(SURVEY_APP_DATA=str(tmp / "data"), **env)
    result = subprocess.run([sys.executable, "-m", "survey_app", *args], capture_output=True, text=True,
                            env=base, cwd=tmp, stdin=subprocess.DEVNULL, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def _run(cli, tmp_path: Path):
    """``_cli`` in this process."""
    return lambda *args, **env: cli(*args, env={"SURVEY_APP_DATA": str(tmp_path / "data"), **env}, cwd=tmp_path)


def _create(run, db: Path, *extra: str, **env: str):
    return run("--db", str(db), "project", "create", "--name", "芙蓉路片区", "--code", "FR2024", "--city", "长沙",
               *extra, SURVEY_APP_PASSWORD=ADMIN_PW, **env)


def test_no_recovery_password_and_no_terminal_makes_no_project(tmp_path: Path, _run) -> None:
    db = tmp_path / "FR2024.sqlite3"
    made = _create(lambda *a, **e: _cli(tmp_path, *a, **e), db)  # a real process
    assert made.returncode == 1 and made.stderr.count("\n") == 1
    assert "恢复密码" in made.stderr and "SURVEY_APP_RECOVERY_PASSWORD" in made.stderr and "项目未创建" in made.stderr
    assert not db.exists() and not vault.vault_path(db).exists()
    same = _create(_run, db, SURVEY_APP_RECOVERY_PASSWORD=ADMIN_PW)
    assert same.returncode == 1 and "不能与管理员密码相同" in same.stderr and not db.exists()


def test_create_with_a_recovery_file_then_recover_the_forgotten_admin_password(
        tmp_path: Path, _run) -> None:
    db = tmp_path / "FR2024.sqlite3"
    secret = tmp_path / "recovery.txt"
    secret.write_text(RECOVERY_PW + "\n", encoding="utf-8")
    made = _create(_run, db, "--recovery-password-file", str(secret))
    assert made.returncode == 0, made.stderr
    assert "恢复密码已设置" in made.stdout and RECOVERY_PW not in made.stdout
    assert vault.Vault.load(vault.vault_path(db)).slots == ["device", "user:admin"]

    recover = lambda *a, **e: _run("--db", str(db), "users", "recover", *a, **e)
    bare = recover("admin", SURVEY_APP_PASSWORD=NEW_PW)
    assert bare.returncode == 1 and "SURVEY_APP_RECOVERY_PASSWORD" in bare.stderr and bare.stderr.count("\n") == 1
    wrong = recover("admin", SURVEY_APP_RECOVERY_PASSWORD="Not-the-seal-2024", SURVEY_APP_PASSWORD=NEW_PW)
    assert wrong.returncode == 1 and "密码错误（还可尝试4次）" in wrong.stderr
    demo = recover("admin", SURVEY_APP_RECOVERY_PASSWORD=RECOVERY_PW, SURVEY_APP_PASSWORD="hq123456")
    assert demo.returncode == 1 and "演示" in demo.stderr
    short = recover("admin", SURVEY_APP_RECOVERY_PASSWORD=RECOVERY_PW, SURVEY_APP_PASSWORD="short")
    assert short.returncode == 1 and "至少8位" in short.stderr
    nobody = recover("nobody", SURVEY_APP_RECOVERY_PASSWORD=RECOVERY_PW, SURVEY_APP_PASSWORD=NEW_PW)
    assert nobody.returncode == 1 and "没有可用的用户" in nobody.stderr

    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PW + "\n", encoding="utf-8")
    done = _run("--password-file", str(new_file), "--db", str(db), "users", "recover", "admin",
                SURVEY_APP_RECOVERY_PASSWORD=RECOVERY_PW)
    assert done.returncode == 0 and "已用恢复密码重设 admin 的密码" in done.stdout, done.stderr
    assert NEW_PW not in done.stdout + done.stderr and RECOVERY_PW not in done.stdout + done.stderr

    old = _run("--db", str(db), "project", "show", SURVEY_APP_PASSWORD=ADMIN_PW)
    assert old.returncode == 1 and "密码错误" in old.stderr
    shown = _run("--db", str(db), "project", "show", SURVEY_APP_PASSWORD=NEW_PW)
    assert shown.returncode == 0 and "芙蓉路片区" in shown.stdout, shown.stderr


def test_recover_on_the_demo_or_a_missing_file_is_one_line(tmp_path: Path, _run, _empty_template: Path) -> None:
    missing = _run("--db", str(tmp_path / "none.sqlite3"), "users", "recover", "admin")
    assert missing.returncode == 1 and "数据库文件不存在" in missing.stderr and missing.stderr.count("\n") == 1
    shutil.copyfile(_empty_template, tmp_path / "plain.sqlite3")  # a new plain database (tests/conftest.py)
    plain = _run("--db", str(tmp_path / "plain.sqlite3"), "users", "recover", "admin")
    assert plain.returncode == 1 and "没有密钥库" in plain.stderr
