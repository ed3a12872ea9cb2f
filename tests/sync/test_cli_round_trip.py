"""The round trip of docs/sync.md, through the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD


def _run(*args: str, sync_password: str, login_password: str = "hq123456") -> subprocess.CompletedProcess:
    env = dict(os.environ, SURVEY_APP_SYNC_PASSWORD=sync_password, SURVEY_APP_PASSWORD=login_password)
    return subprocess.run([sys.executable, "-m", "survey_app", *args], capture_output=True, text=True, env=env)


def test_demo_sync_then_export_import_receipt(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    made = _run("demo-sync", "--dir", str(folder), "--households", "40", sync_password="")
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
    wrong = _run("--db", str(d01), "sync", "export", "--out-dir", str(usb), sync_password="not-the-password")
    assert wrong.returncode == 1 and "密码错误" in wrong.stderr
    bundle.write_bytes(bundle.read_bytes()[:-100])
    broken = _run("--db", str(hq), "sync", "import", str(bundle), sync_password=HQ_KEY_PASSWORD)
    assert broken.returncode == 1 and "错误" in broken.stderr
