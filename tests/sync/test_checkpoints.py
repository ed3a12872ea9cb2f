"""Signed audit checkpoints: a history rewritten with the chain recomputed still shows (issue 10 item 2).

Every attack here recomputes the plain sha256 chain, so ``audit_chain.verify`` alone passes (asserted):
only the checkpoints — signed by a key the file does not hold — find it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_setup import Device, World, audit_count, build, snapshot

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.audit import audited_tables, export_checkpoints, verify_against, verify_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage import audit_chain
from survey_app.core.storage.models import AuditCheckpoint, Household
from survey_app.core.sync import bundle, checkpoints, keys
from survey_app.core.sync.export import export_bundle, project_code
from survey_app.core.sync.identity import hq_public
from survey_app.core.sync.importer import ImportReport, import_field_bundle
from survey_app.core.sync.receipts import import_receipt, write_receipt


@pytest.fixture
def world(tmp_path: Path) -> World:
    return build(tmp_path)


@pytest.fixture
def after_round(tmp_path: Path) -> Callable[[str], tuple[World, ImportReport]]:
    """``after_round(text)``: the world (in ``tmp_path``) after ``_round(world, D01, text)`` and HQ's report of
    it — the scene most tests here start from, set up once per run for each text and copied (``snapshot``)."""
    return lambda text: snapshot(tmp_path, f"checkpoints-round-{text.encode().hex()}", partial(_first_round, text))


def _first_round(text: str, world: World) -> ImportReport:
    return _round(world, world.devices[0], text)


def _edit(dev: Device, text: str) -> None:
    with dev.db.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == dev.actor.username)
                        .order_by(Household.id)).first()
    form = load_form(dev.db, hid)
    form.notes = text
    save_form(dev.db, dev.actor, form)


def _round(world: World, dev: Device, text: str):
    """Edit, export, import at HQ, receipt back to the laptop. Returns HQ's import report."""
    _edit(dev, text)
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(dev.db, dev.pair, world.usb).path)
    import_receipt(dev.db, dev.pair, write_receipt(world.hq, world.hq_pair, report, world.usb))
    return report


def _rewrite(path: Path, seq: int) -> None:
    """What someone with the file and the sqlite3 shell does: change event ``seq``, recompute the chain after it."""
    with sqlite3.connect(path) as conn:
        prev = conn.execute("SELECT hash FROM audit_events WHERE seq = ?", (seq - 1,)).fetchone()
        prev = prev[0] if prev else audit_chain.GENESIS
        rows = conn.execute("SELECT seq, at, user, device, action, entity, entity_id, changes, row_hash "
                            "FROM audit_events WHERE seq >= ? ORDER BY seq", (seq,)).fetchall()
        for n, at, user, device, action, entity, entity_id, changes, row_hash in rows:
            if n == seq:
                user = "mallory"
                conn.execute("UPDATE audit_events SET user = ? WHERE seq = ?", (user, n))
            prev = audit_chain.event_hash(prev, n, at, user, device, action, entity, entity_id, changes, row_hash)
            conn.execute("UPDATE audit_events SET hash = ? WHERE seq = ?", (prev, n))


def _chain_alone_passes(db) -> bool:
    with db.engine.connect() as conn:
        return audit_chain.verify(conn, audited_tables()).ok


def test_checkpoints_travel_to_hq_and_back(world: World) -> None:
    d1 = world.devices[0]
    report = _round(world, d1, "第一天")
    # the head as exported; the receipt's two checkpoints then entered the laptop's chain (two ledger events)
    assert report.checkpoint["device"] == d1.code and report.checkpoint["seq"] == audit_count(d1.db) - 2
    with world.hq.read() as s:
        at_hq = s.scalars(select(AuditCheckpoint)).all()
    assert [(c.chain, c.source, c.source_seq) for c in at_hq] == [(d1.code, "bundle", 1)]
    with d1.db.read() as s:
        held = {(c.chain, c.source) for c in s.scalars(select(AuditCheckpoint))}
    assert held == {(d1.code, "receipt"), ("HQ", "receipt"), ("HQ", "assignment")}
    _round(world, d1, "第二天")  # the second bundle extends what HQ holds
    assert verify_database(world.hq).ok and verify_database(d1.db).ok


def test_a_receipt_imported_twice_keeps_one_checkpoint(world: World) -> None:
    d1 = world.devices[0]
    _edit(d1, "一")
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(d1.db, d1.pair, world.usb).path)
    receipt = write_receipt(world.hq, world.hq_pair, report, world.usb)
    import_receipt(d1.db, d1.pair, receipt)
    before = audit_count(d1.db)
    import_receipt(d1.db, d1.pair, receipt)
    assert audit_count(d1.db) == before and verify_database(d1.db).ok


def test_a_laptop_history_rewritten_before_its_last_receipt_is_found(after_round, tmp_path: Path) -> None:
    world, report = after_round("已确认")
    d1 = world.devices[0]
    acked = report.checkpoint["seq"]
    _edit(d1, "确认之后")
    _rewrite(tmp_path / "d1.sqlite3", 3)
    assert _chain_alone_passes(d1.db)  # the recomputed chain is self-consistent: the old check passed
    result = verify_database(d1.db)
    assert not result.ok
    assert f"检查点 #{acked}" in result.problems[0].message and "被改写" in result.problems[0].message


def test_hq_refuses_a_bundle_whose_history_was_rewritten(after_round, tmp_path: Path) -> None:
    world, _ = after_round("已确认")
    d1 = world.devices[0]
    _rewrite(tmp_path / "d1.sqlite3", 3)
    _edit(d1, "改写之后的新工作")
    path = export_bundle(d1.db, d1.pair, world.usb).path
    before = audit_count(world.hq)
    with pytest.raises(ValidationError) as e:
        import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert "审计" in str(e.value) and "拒收" in str(e.value) and "未导入任何数据" in str(e.value)
    assert audit_count(world.hq) == before  # nothing imported


def test_hq_refuses_rewritten_events_sent_again(after_round, tmp_path: Path) -> None:
    world, _ = after_round("已确认")
    d1 = world.devices[0]
    _rewrite(tmp_path / "d1.sqlite3", 3)
    d1.db.set_setting("sync.acked_event_seq", "0")  # send the whole (rewritten) chain again
    with pytest.raises(ValidationError, match="自第 3 号审计事件起被改写"):
        import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(d1.db, d1.pair, world.usb).path)


def _send(world: World, dev: Device, seq: int, checkpoint: dict | None) -> Path:
    header = {"kind": "field", "project": project_code(dev.db), "device": dev.code, "seq": seq, "prev_seq": seq - 1,
              "counts": {"records": 0}}
    entries = [("records.jsonl", b""), ("events.jsonl", b"")]
    if checkpoint is not None:
        entries.append((checkpoints.ENTRY, checkpoints.dumps(checkpoint)))
    path = world.usb / f"crafted-{dev.code}-{seq}.sabundle"
    bundle.write_bundle(path, header, entries, recipient=hq_public(dev.db), sender=dev.pair)
    return path


def test_a_bundle_from_before_checkpoints_still_imports_but_never_after_one(world: World) -> None:
    d1 = world.devices[0]
    assert import_field_bundle(world.hq, world.admin, world.hq_pair, _send(world, d1, 900, None)).checkpoint is None
    _round(world, d1, "带检查点")
    with pytest.raises(ValidationError, match="缺少审计检查点"):
        import_field_bundle(world.hq, world.admin, world.hq_pair, _send(world, d1, 901, None))


def test_a_checkpoint_not_signed_by_the_device_is_refused(world: World) -> None:
    d1 = world.devices[0]
    forged = checkpoints.sign(keys.generate(), d1.code, 0, audit_chain.GENESIS)
    with pytest.raises(ValidationError, match="审计检查点签名无效"):
        import_field_bundle(world.hq, world.admin, world.hq_pair, _send(world, d1, 1, forged))


@pytest.mark.parametrize("recompute", [False, True])
def test_hq_editing_a_device_event_is_found(after_round, tmp_path: Path, recompute: bool) -> None:
    world, _ = after_round("一")
    d1 = world.devices[0]
    assert verify_database(world.hq).ok
    with sqlite3.connect(tmp_path / "hq.sqlite3") as conn:
        conn.execute("UPDATE remote_audit_events SET user = 'mallory' WHERE device = ? AND seq = 4", (d1.code,))
        if recompute:  # an HQ insider recomputes the device's chain too
            rows = conn.execute("SELECT seq, at, user, event_device, action, entity, entity_id, changes, row_hash "
                                "FROM remote_audit_events WHERE device = ? ORDER BY seq", (d1.code,)).fetchall()
            prev = audit_chain.GENESIS
            for n, *fields in rows:
                prev = audit_chain.event_hash(prev, n, *fields)
                conn.execute("UPDATE remote_audit_events SET hash = ? WHERE device = ? AND seq = ?", (prev, d1.code, n))
    messages = [p.message for p in verify_database(world.hq).problems]
    expected = "检查点" if recompute else "审计事件 #4 被改动"
    assert any(d1.code in m and expected in m for m in messages), messages


def test_hq_history_rewritten_is_found_against_a_laptop_list(after_round, tmp_path: Path) -> None:
    world, _ = after_round("一")
    d1 = world.devices[0]
    listing = export_checkpoints(d1.db)
    docs = json.loads(listing)["checkpoints"]
    assert {d["device"] for d in docs} == {"HQ"} and len(docs) == 2  # the assignment's and the receipt's
    ours, report = verify_against(world.hq, listing)
    assert ours == 2 and report.ok
    _rewrite(tmp_path / "hq.sqlite3", 2)
    assert _chain_alone_passes(world.hq)
    ours, report = verify_against(world.hq, listing)
    assert not report.ok
    first = min(d["seq"] for d in docs)
    assert f"检查点 #{first}" in report.problems[0].message and "被改写" in report.problems[0].message


def test_the_hq_check_against_a_laptop_list_through_the_cli(after_round, tmp_path: Path, capsys) -> None:
    import subprocess

    from survey_app.cli import main

    def cli(db: str, *args: str) -> subprocess.CompletedProcess:  # the entry point, in this process
        capsys.readouterr()
        code = main(["--db", str(tmp_path / db), "audit", *args])
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    world, _ = after_round("一")
    listing = tmp_path / "usb" / "d1-checkpoints.json"
    assert cli("d1.sqlite3", "checkpoints", "--out", str(listing)).returncode == 0
    ok = cli("hq.sqlite3", "verify", "--against", str(listing))
    assert ok.returncode == 0 and "2 个指挥部检查点均与本机审计链一致" in ok.stdout, ok.stderr
    _rewrite(tmp_path / "hq.sqlite3", 2)
    bad = cli("hq.sqlite3", "verify", "--against", str(listing))  # (a real `audit verify` process: test_audit_verify)
    assert bad.returncode == 1 and "被改写" in bad.stderr and "Traceback" not in bad.stderr
    missing = cli("hq.sqlite3", "verify", "--against", str(tmp_path / "nothing.json"))
    assert missing.returncode == 1 and "无法读取检查点文件" in missing.stderr and "Traceback" not in missing.stderr
