"""The round trip of docs/sync.md, through the real command line.

Every step calls the entry point ``survey_app.cli.main`` in this process (same parser, same handlers, same
exit codes and messages; a subprocess would only add ~1 CPU-s of start-up per step). One step runs as a
real ``python -m survey_app`` process: the wrong password, whose exit code and one-line message (no
traceback) are what a script sees."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from survey_app.cli import main
from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    def run(*args: str, sync_password: str, login_password: str = "hq123456") -> Ran:
        monkeypatch.setenv("SURVEY_APP_SYNC_PASSWORD", sync_password)
        monkeypatch.setenv("SURVEY_APP_PASSWORD", login_password)
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run


def _run_process(*args: str, sync_password: str, login_password: str = "hq123456") -> subprocess.CompletedProcess:
    env = dict(os.environ, SURVEY_APP_SYNC_PASSWORD=sync_password, SURVEY_APP_PASSWORD=login_password)
    return subprocess.run([sys.executable, "-m", "survey_app", *args], capture_output=True, text=True, env=env)


@pytest.mark.real_process_keys  # a real survey-app process opens the key files it writes
def test_demo_sync_then_export_import_receipt(tmp_path: Path, _run) -> None:
    folder = tmp_path / "demo"
    # 12 households: the round trip of one laptop's bundle does not depend on the size (40 cost ~1 CPU-s more)
    made = _run("demo-sync", "--dir", str(folder), "--households", "12", sync_password="")
    assert made.returncode == 0, made.stderr
    hq, d01, usb = folder / "hq.sqlite3", folder / "d01.sqlite3", folder / "usb"
    dev = dict(sync_password=DEVICE_KEY_PASSWORD)
    out = _run("--db", str(d01), "sync", "export", "--out-dir", str(usb), **dev)
    assert out.returncode == 0, out.stderr
    bundle = next(usb.glob("FR2023_D01_00001_*.sabundle"))
    imported = _run("--db", str(hq), "sync", "import", str(bundle), sync_password=HQ_KEY_PASSWORD)
    assert imported.returncode == 0, imported.stderr
    assert "设备 D01 第 1 号" in imported.stdout
    receipt = next(usb.glob("FR2023_D01_00001_*.sareceipt"))
    assert _run("--db", str(d01), "sync", "receipt", str(receipt), **dev).returncode == 0
    replay = _run("--db", str(hq), "sync", "import", str(bundle), sync_password=HQ_KEY_PASSWORD)
    assert "已导入过" in replay.stdout
    wrong = _run_process("--db", str(d01), "sync", "export", "--out-dir", str(usb), sync_password="not-the-password")
    assert wrong.returncode == 1 and "密码错误" in wrong.stderr and "Traceback" not in wrong.stderr
    bundle.write_bytes(bundle.read_bytes()[:-100])
    broken = _run("--db", str(hq), "sync", "import", str(bundle), sync_password=HQ_KEY_PASSWORD)
    assert broken.returncode == 1 and "错误" in broken.stderr


def test_enroll_and_assign_a_new_laptop_through_the_cli(tmp_path: Path, _run, shared_sync_demo) -> None:
    # the demo `demo-sync` makes (the test above runs that command), made once per run: a copy of it
    folder = tmp_path / "demo"
    shutil.copytree(shared_sync_demo(12).hq.parent, folder)
    hq, usb, laptop = folder / "hq.sqlite3", folder / "usb", tmp_path / "d03.sqlite3"
    hq_pw, dev_pw = dict(sync_password=HQ_KEY_PASSWORD), dict(sync_password=DEVICE_KEY_PASSWORD)
    req = _run("--db", str(laptop), "sync", "enroll-request", "--name", "三号笔记本", "--out", str(usb / "r3.json"),
               **dev_pw)
    assert req.returncode == 0, req.stderr
    acc = _run("--db", str(hq), "sync", "enroll-accept", str(usb / "r3.json"), "--out-dir", str(usb), **hq_pw)
    assert acc.returncode == 0 and "D03" in acc.stdout, acc.stderr
    imp = _run("--db", str(laptop), "sync", "enroll-import", str(usb / "FR2023_D03_enrollment.saenroll"), **dev_pw)
    assert imp.returncode == 0 and "D03" in imp.stdout, imp.stderr
    asg = _run("--db", str(hq), "sync", "assign", "--device", "D03", "--users", "worker", "--out-dir", str(usb),
               **hq_pw)
    assert asg.returncode == 0, asg.stderr
    got = _run("--db", str(laptop), "sync", "import", str(next(usb.glob("FR2023_D03_A00001_*.saassign"))), **dev_pw)
    assert got.returncode == 0 and "任务包新增" in got.stdout, got.stderr
    issues = _run("--db", str(hq), "sync", "issues", **hq_pw)
    assert issues.returncode == 0 and "共 0 项待处理" in issues.stdout
