"""Everything under a folder whose names have Chinese characters and spaces, as on a Chinese Windows desktop
(``桌面\\征收 项目\\第 1 组``): a real project made and its roster imported from the command line, a backup to a
"stick" and its check, a sync bundle exported by a laptop and imported at HQ with its receipt, an agreement PDF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from survey_app.cli import main
from survey_app.core.domain.validation import resident_id_check_digit

ADMIN_PASSWORD = "征收-admin-2024"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "征收 项目" / "第 1 组"
    made.mkdir(parents=True)
    return made


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _resident_id(n: int) -> str:
    first17 = f"43010219600101{n:03d}"
    return first17 + resident_id_check_digit(first17)


def test_a_project_its_roster_and_its_backup(folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SURVEY_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("SURVEY_APP_RECOVERY_PASSWORD", "恢复-口令-2024")
    db = folder / "芙蓉路 片区.sqlite3"
    code, out, err = _run(capsys, "--db", str(db), "project", "create", "--name", "芙蓉路 片区", "--code", "FR-01",
                          "--city", "长沙", "--section", "A1=一组")
    assert code == 0, err
    assert db.is_file() and "已新建项目 FR-01" in out

    roster = folder / "名册 第1批.csv"  # saved by Excel on Windows: BOM and CRLF
    lines = ["户号,户主姓名,公民身份号码,联系电话,房屋坐落,地块,建筑面积（㎡）,用途"]
    lines += [f"A1-{i:04d},测试户主{i},{_resident_id(i)},138{i:08d},芙蓉区古稻田路 {i} 号,A1,56.30,住宅"
              for i in range(1, 4)]
    roster.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines + [""]).encode("utf-8"))
    code, out, err = _run(capsys, "--db", str(db), "roster", "import", str(roster))
    assert code == 0, out + err
    code, out, err = _run(capsys, "--db", str(db), "households", "list", "--json")
    assert code == 0, err
    assert [json.loads(line)["code"] for line in out.splitlines()] == ["A1-0001", "A1-0002", "A1-0003"]

    stick = folder / "备份 U盘"
    code, out, err = _run(capsys, "--db", str(db), "backup", "--out", str(stick))
    assert code == 0, err
    (made,) = stick.iterdir()
    assert f"已备份到：{made}" in out
    code, out, err = _run(capsys, "backup", "verify", str(made))
    assert code == 0 and "备份完好" in out, out + err


def test_sync_bundle_receipt_and_agreement_pdf(folder: Path, capsys, monkeypatch, shared_sync_demo) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import calculations, users, workflow
    from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD, SyncDemo
    from survey_app.core.services.startup import open_database
    from survey_app.core.storage.models import Household
    from survey_app.core.storage.uow import Actor
    from survey_app.core.sync import identity, receipts
    from survey_app.core.sync.export import export_bundle
    from survey_app.core.sync.importer import import_field_bundle

    # the sync demo (made once per run: ~3 CPU-s), copied under the Chinese folder, where every step runs
    demo = shared_sync_demo(12)
    shutil.copytree(demo.hq.parent, folder / "同步 演示")
    demo = SyncDemo(folder / "同步 演示" / demo.hq.name,
                    {code: folder / "同步 演示" / path.name for code, path in demo.devices.items()},
                    folder / "同步 演示" / demo.usb.name)
    usb = folder / "U 盘（E）"
    usb.mkdir()
    d01 = open_database(demo.devices["D01"])
    hq = open_database(demo.hq)
    try:
        d01_pair = identity.unlock(d01, DEVICE_KEY_PASSWORD)
        done = export_bundle(d01, d01_pair, usb)
        assert done.path.parent == usb and done.path.is_file()
        admin = users.login(hq, "hq", "hq123456", device="HQ")
        hq_pair = identity.unlock(hq, HQ_KEY_PASSWORD)
        report = import_field_bundle(hq, admin, hq_pair, done.path)
        assert report.device == "D01" and report.seq == 1 and not report.already_imported
        receipt = receipts.write_receipt(hq, hq_pair, report, usb)
        assert receipt.parent == usb and receipt.is_file()
        assert receipts.import_receipt(d01, d01_pair, receipt)["bundle_seq"] == 1

        worker = Actor(username="worker", role=Role.FIELD_WORKER, device="HQ")
        reviewer = Actor(username="hq", role=Role.HQ_ADMIN, device="HQ")
        with hq.read() as s:
            h = s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).first()
        workflow.approve(hq, reviewer, h.id)
        calculations.calculate(hq, worker, h.id)
        calculations.choose_option(hq, worker, h.id, "cash")
        workflow.mark_calculated(hq, worker, h.id)
        code_ = h.household_code
    finally:
        d01.dispose()
        hq.dispose()

    pdf = folder / "协议 第1份.pdf"
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    code, out, err = _run(capsys, "--db", str(demo.hq), "agreement", "render", "--household", code_, "--out", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in out
    assert not [p for p in folder.rglob("*.part")]  # every file written whole, under its final name
