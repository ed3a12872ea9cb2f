"""Device revocation (issue 10 item 3): only HQ's admin revokes; HQ then refuses every bundle of the device;
``verify`` — at HQ and on a laptop that got the revocation in an assignment — calls invalid what the device
signed after it, and valid but flagged what it issued before."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from attack_helpers import hq_state
from sqlalchemy import select
from sync_setup import World, build

from survey_app.core.domain.errors import NotFound, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.services import devices
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.agreements import payload as qr
from survey_app.core.services.agreements.verify import verify_in
from survey_app.core.services.audit import verify_database
from survey_app.core.storage.models import AuditEvent, Device, Household
from survey_app.core.storage.uow import Actor
from survey_app.core.sync.assignments import import_assignment, write_assignment
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle
from survey_app.core.sync.signing_key import device_signing_key


@pytest.fixture
def world(tmp_path: Path) -> World:
    w = build(tmp_path / "world")
    yield w
    for db in (w.hq, *(d.db for d in w.devices)):
        db.dispose()


def _issue_agreement(world: World, n: int = 0) -> str:
    """Device ``n`` prints an agreement for one of its calculated households and sends it to HQ. Its QR text."""
    dev = world.devices[n]
    with dev.db.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == dev.actor.username,
                                                   Household.status == "calculated").order_by(Household.id)).first()
    info = lifecycle.prepare(dev.db, dev.actor, hid)
    lifecycle.record_print(dev.db, dev.actor, info.id, copies=1)
    import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(dev.db, dev.pair, world.usb).path)
    return info.qr_payload


def _forged_after(world: World, n: int = 0) -> str:
    """What a thief holding the revoked laptop's key signs: a payload no record backs."""
    dev = world.devices[n]
    return qr.sign(qr.Payload(f"FR2023-{dev.code}-000777", "A1-0001", "cash", 99_000_000,
                              qr.Payload.hash_prefix("ab" * 32), dev.code), device_signing_key(dev.db, dev.code)).text


def test_only_hqs_admin_revokes_at_hq(world: World) -> None:
    d1 = world.devices[0]
    with pytest.raises(PermissionDenied):
        devices.revoke(world.hq, Actor("worker", Role.FIELD_WORKER, "HQ"), d1.code, "丢失")
    with pytest.raises(PermissionDenied):  # an admin account at a laptop is not HQ
        devices.revoke(d1.db, Actor("hq", Role.HQ_ADMIN, d1.code), world.devices[1].code, "丢失")
    with pytest.raises(ValidationError, match="吊销原因"):
        devices.revoke(world.hq, world.admin, d1.code, "  ")
    with pytest.raises(ValidationError, match="指挥部自己"):
        devices.revoke(world.hq, world.admin, devices.local_device_code(world.hq), "测试")
    with pytest.raises(NotFound):
        devices.revoke(world.hq, world.admin, "D99", "丢失")
    assert not any(d.revoked for d in devices.list_devices(world.hq))


def test_a_revoked_device_is_audited_and_every_bundle_of_it_refused(world: World) -> None:
    d2 = world.devices[1]
    info = devices.revoke(world.hq, world.admin, d2.code.lower(), "笔记本丢失")
    assert info.revoked and info.revoked_reason == "笔记本丢失" and len(info.fingerprint) == 16
    with pytest.raises(ValidationError, match="已于"):
        devices.revoke(world.hq, world.admin, d2.code, "再次")
    with world.hq.read() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "devices", AuditEvent.action == "update")
                       .order_by(AuditEvent.seq.desc())).first()
        row = s.scalars(select(Device).where(Device.code == d2.code)).one()
    assert ev.user == "hq" and "revoked" in ev.changes and "笔记本丢失" in ev.changes
    assert verify_database(world.hq).ok
    before = hq_state(world.hq)
    path = export_bundle(d2.db, d2.pair, world.usb).path  # a genuine day-end bundle, validly signed
    with pytest.raises(ValidationError) as refused:
        import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert str(refused.value) == (f"设备 {d2.code} 已于 {devices.china_day(row.revoked_at)} 被指挥部吊销，"
                                  "不再接受它的同步包，未导入任何数据")
    assert hq_state(world.hq) == before
    d1 = world.devices[0]  # the other device goes on
    assert import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(d1.db, d1.pair, world.usb).path)


def test_verify_at_hq_and_on_a_laptop_after_revocation(world: World) -> None:
    d1, d2 = world.devices
    issued_before = _issue_agreement(world, 0)
    assert verify_in(world.hq, issued_before).ok and not verify_in(world.hq, issued_before).flag
    devices.revoke(world.hq, world.admin, d1.code, "笔记本被盗")
    day = devices.china_day(devices.revocations(world.hq)[d1.code])
    # the revocation reaches D02 with its next assignment
    import_assignment(d2.db, d2.pair, write_assignment(world.hq, world.admin, world.hq_pair, d2.code, ["worker2"],
                                                       world.usb))
    assert devices.revocations(d2.db) == devices.revocations(world.hq)
    before = verify_in(world.hq, issued_before)
    assert before.valid and before.ok and before.record == "matches"
    assert f"签发设备已于 {day} 吊销" in before.flag
    assert before.details["fingerprint"] == next(d.fingerprint for d in devices.list_devices(world.hq)
                                                 if d.code == d1.code)
    for db in (world.hq, d2.db):  # signed after: no record can back it
        after = verify_in(db, _forged_after(world, 0))
        assert not after.valid and not after.ok
        assert f"签发设备 {d1.code} 已于 {day} 吊销" in after.message
    # D02 holds no record of D01's agreement: it cannot place it before the revocation either
    assert not verify_in(d2.db, issued_before).valid


def test_a_record_printed_after_the_revocation_is_invalid(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _issue_agreement(world, 0)
    code = world.devices[0].code
    monkeypatch.setattr(devices, "utcnow", lambda: dt.datetime(2020, 1, 2, tzinfo=dt.UTC))
    devices.revoke(world.hq, world.admin, code, "补记：早已丢失")  # revoked as of a day before the print
    verdict = verify_in(world.hq, text)
    assert not verdict.valid and not verdict.ok
    assert verdict.message.startswith(f"签发设备 {code} 已于 2020-01-02 吊销：该协议签发于 ")
    assert verdict.message.endswith("在吊销之后，无效")


def test_cli_verify_says_revoked(world: World, cli) -> None:
    text = _issue_agreement(world, 0)
    devices.revoke(world.hq, world.admin, world.devices[0].code, "笔记本丢失")
    path = world.hq.path
    world.hq.dispose()

    flagged = subprocess.run([sys.executable, "-m", "survey_app", "--db", str(path), "verify", "--text", text],
                             capture_output=True, text=True)  # one real process: the warning sign on a real console
    assert flagged.returncode == 0, flagged.stderr
    assert "⚠ 签发设备已于" in flagged.stdout and "签发设备密钥指纹" in flagged.stdout
    forged = cli("--db", path, "verify", "--text", _forged_after(world, 0),  # the entry point in this process
                 env={"SURVEY_APP_DATA": os.environ["SURVEY_APP_DATA"]})
    assert forged.returncode == 1 and "吊销" in forged.stderr
