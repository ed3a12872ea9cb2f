"""Two devices and HQ: export, import in one transaction, replay, conflicts, gaps, tampering, receipts."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_setup import Device, World, audit_count, build

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services import calculations
from survey_app.core.services.audit import verify_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Calculation, Household, SyncIssue
from survey_app.core.sync.assignments import import_assignment, write_assignment
from survey_app.core.sync.bundle import BundleError
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle
from survey_app.core.sync.receipts import import_receipt, write_receipt


@pytest.fixture
def world(tmp_path) -> World:
    return build(tmp_path)


def _surveyed(dev: Device) -> Household:
    with dev.db.read() as s:
        return s.scalars(select(Household).where(Household.status == "surveyed", Household.assigned_to ==
                                                 dev.actor.username).order_by(Household.id)).first()


def _edit_notes(dev: Device, h: Household, text: str) -> None:
    form = load_form(dev.db, h.id)
    form.notes = text
    save_form(dev.db, dev.actor, form)


def _import(world: World, path: Path):
    return import_field_bundle(world.hq, world.admin, world.hq_pair, path)


def test_two_devices_round_trip_with_receipts(world: World) -> None:
    d1, d2 = world.devices
    h1 = _surveyed(d1)
    calculations.calculate(d1.db, d1.actor, h1.id)
    h2 = _surveyed(d2)
    _edit_notes(d2, h2, "户主要求先看安置房")
    b1 = export_bundle(d1.db, d1.pair, world.usb)
    b2 = export_bundle(d2.db, d2.pair, world.usb)
    assert b1.path.name.startswith(f"FR2023_{d1.code}_00001_") and b1.path.suffix == ".sabundle"
    r1, r2 = _import(world, b1.path), _import(world, b2.path)
    assert r1.inserted > 6 and r1.conflicts == 0 and r1.recheck_differences == []
    assert r2.updated == 1 and r2.conflicts == 0
    with world.hq.read() as s:
        assert s.get(Household, h2.id).notes == "户主要求先看安置房"
        assert s.scalars(select(Calculation).where(Calculation.household_id == h1.id)).first() is not None
    for dev, report in ((d1, r1), (d2, r2)):
        import_receipt(dev.db, dev.pair, write_receipt(world.hq, world.hq_pair, report, world.usb))
        again = export_bundle(dev.db, dev.pair, world.usb)
        assert again.records == 0 and again.seq == 2  # HQ has everything: nothing is sent twice
    assert verify_database(world.hq).ok and verify_database(d1.db).ok


def test_importing_the_same_bundle_twice_changes_nothing(world: World) -> None:
    d1 = world.devices[0]
    _edit_notes(d1, _surveyed(d1), "第一次")
    path = export_bundle(d1.db, d1.pair, world.usb).path
    _import(world, path)
    before = audit_count(world.hq)
    assert _import(world, path).already_imported
    assert audit_count(world.hq) == before


def test_same_base_changed_on_two_devices_is_a_conflict(tmp_path) -> None:
    world = build(tmp_path, shared=True)  # both laptops hold worker's households
    d1, d2 = world.devices
    h = _surveyed(d1)
    _edit_notes(d1, h, "一号机的记录")
    _edit_notes(d2, h, "二号机的记录")
    first = _import(world, export_bundle(d1.db, d1.pair, world.usb).path)
    second = _import(world, export_bundle(d2.db, d2.pair, world.usb).path)
    assert first.conflicts == 0 and second.conflicts == 1
    with world.hq.read() as s:
        assert s.get(Household, h.id).notes == "一号机的记录"  # never silently overwritten
        issue = s.scalars(select(SyncIssue).where(SyncIssue.kind == "conflict")).one()
    assert issue.entity == "households" and issue.device == d2.code
    assert json.loads(issue.incoming_json)["notes"] == "二号机的记录"  # both versions kept


def test_a_missing_sequence_number_is_reported(world: World) -> None:
    d1 = world.devices[0]
    h = _surveyed(d1)
    _edit_notes(d1, h, "一")
    export_bundle(d1.db, d1.pair, world.usb)
    _edit_notes(d1, h, "二")
    second = export_bundle(d1.db, d1.pair, world.usb)
    report = _import(world, second.path)
    assert report.missing_seqs == [1] and report.conflicts == 0
    with world.hq.read() as s:
        assert s.get(Household, h.id).notes == "二"  # cumulative bundles: nothing lost


def test_a_damaged_bundle_imports_nothing(world: World) -> None:
    d1 = world.devices[0]
    _edit_notes(d1, _surveyed(d1), "改动")
    path = export_bundle(d1.db, d1.pair, world.usb).path
    data = bytearray(path.read_bytes())
    before = audit_count(world.hq)
    for position in (10, len(data) // 2, len(data) - 40):
        bad = world.usb / f"bad{position}.sabundle"
        mutated = bytearray(data)
        mutated[position] ^= 0x01
        bad.write_bytes(bytes(mutated))
        with pytest.raises(BundleError):
            _import(world, bad)
    short = world.usb / "short.sabundle"
    short.write_bytes(bytes(data[: len(data) // 3]))
    with pytest.raises(BundleError):
        _import(world, short)
    assert audit_count(world.hq) == before


def test_hq_rechecks_every_calculation(world: World) -> None:
    d1 = world.devices[0]
    h = _surveyed(d1)
    calculations.calculate(d1.db, d1.actor, h.id)
    with d1.db.begin_write() as conn:  # a calculation altered on the laptop behind the app's back
        row = conn.exec_driver_sql("SELECT id, result_json FROM calculations WHERE option_key = 'cash' "
                                   "AND household_id = ?", (h.id.hex,)).first()
        result = json.loads(row[1])
        result["lines"][0]["amount"] = str(Decimal(result["lines"][0]["amount"]) + 10000)
        result["net"] = str(Decimal(result["net"]) + 10000)
        conn.exec_driver_sql("UPDATE calculations SET result_json = ? WHERE id = ?", (json.dumps(result), row[0]))
    report = _import(world, export_bundle(d1.db, d1.pair, world.usb).path)
    assert any("重算结果不一致" in m for m in report.recheck_differences)
    with world.hq.read() as s:
        assert s.scalars(select(SyncIssue.kind)).all() == ["recheck"]


def test_a_device_refuses_an_assignment_not_from_its_hq(world: World, tmp_path) -> None:
    # another HQ, another key: the 20-household world is built on its own (a copy of it, not a third build)
    other = build(tmp_path / "other", households=20)
    d1 = world.devices[0]
    assert other.hq_pair.fingerprint != world.hq_pair.fingerprint
    forged = write_assignment(other.hq, other.admin, other.hq_pair, d1.code, ["worker"], world.usb)
    with pytest.raises(ValidationError):
        import_assignment(d1.db, d1.pair, forged)


def test_an_hq_admin_decides_a_conflict(tmp_path) -> None:
    from survey_app.core.services.audit import verify_database
    from survey_app.core.sync.issues import list_issues, resolve

    world = build(tmp_path, shared=True)
    d1, d2 = world.devices
    h = _surveyed(d1)
    _edit_notes(d1, h, "一号机")
    _edit_notes(d2, h, "二号机")
    _import(world, export_bundle(d1.db, d1.pair, world.usb).path)
    _import(world, export_bundle(d2.db, d2.pair, world.usb).path)
    (issue,) = list_issues(world.hq)
    assert issue.local["notes"] == "一号机" and issue.incoming["notes"] == "二号机"
    resolve(world.hq, world.admin, issue.id, take_incoming=True)
    with world.hq.read() as s:
        assert s.get(Household, h.id).notes == "二号机"
    assert list_issues(world.hq) == [] and verify_database(world.hq).ok
    with pytest.raises(ValidationError):
        resolve(world.hq, world.admin, issue.id, take_incoming=False)


def test_an_assignment_does_not_overwrite_what_the_laptop_has_not_sent_yet(world: World) -> None:
    """HQ's version of a household replaces the laptop's only where the laptop holds nothing unsent: an edit made
    in the field since the last bundle stays, and the difference is kept as a conflict, not lost."""
    d1 = world.devices[0]
    h = _surveyed(d1)
    _edit_notes(d1, h, "户主说东屋是后来加盖的")  # not exported yet
    with d1.db.read() as s:
        laptop_rev = s.get(Household, h.id).rev
    hq_rev = 0
    while hq_rev <= laptop_rev:  # HQ's version newer than the laptop's: only the unsent edit may stop it
        with world.hq.uow(world.admin) as uow:
            row = uow.session.get(Household, h.id)
            row.notes = f"指挥部：请核对东屋面积（第 {row.rev} 次）"
            uow.commit()
            hq_rev = row.rev
    report = import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code,
                                                                ["worker"], world.usb))
    assert report.conflicts == 1, report
    with d1.db.read() as s:
        assert s.get(Household, h.id).notes == "户主说东屋是后来加盖的"


def test_logging_in_on_a_laptop_is_not_an_unsent_change(world: World) -> None:
    from survey_app.core.services import users

    d1 = world.devices[0]
    users.login(d1.db, "worker", "worker123", device=d1.code)  # bumps the account row on the laptop
    users.set_password(world.hq, world.admin, "worker", "newpass123")  # HQ changes the password
    report = import_assignment(d1.db, d1.pair, write_assignment(world.hq, world.admin, world.hq_pair, d1.code,
                                                                ["worker"], world.usb))
    assert report.conflicts == 0
    assert users.login(d1.db, "worker", "newpass123", device=d1.code).username == "worker"
    assert export_bundle(d1.db, d1.pair, world.usb).records == 0  # accounts never travel up


@pytest.mark.parametrize("pipelined", [True, False], ids=["prepared in a worker process", "one by one"])
def test_many_bundles_import_in_order_and_a_bad_one_does_not_stop_the_rest(world: World, pipelined: bool,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The same three bundles, either way sync/batch_import.py may take them: bundle n+1 prepared in a spawned
    worker while bundle n is written (big batches), or each in turn in this thread (a day's small ones)."""
    from survey_app.core import platform
    from survey_app.core.sync import batch_import
    from survey_app.core.sync.batch_import import import_field_bundles

    started, real = [], platform.worker_pool
    monkeypatch.setattr(batch_import.platform, "worker_pool", lambda max_workers=1: started.append(1) or real(1))
    monkeypatch.setattr(batch_import, "POOL_MIN_BYTES", 0 if pipelined else 2**40)
    d1, d2 = world.devices
    _edit_notes(d1, _surveyed(d1), "甲")
    first = export_bundle(d1.db, d1.pair, world.usb).path
    _edit_notes(d2, _surveyed(d2), "乙")
    second = export_bundle(d2.db, d2.pair, world.usb).path
    broken = world.usb / "broken.sabundle"
    broken.write_bytes(first.read_bytes()[:-50])
    reports = import_field_bundles(world.hq, world.admin, world.hq_pair, [broken, first, second])
    assert started == ([1] if pipelined else [])
    assert isinstance(reports[0], BundleError)
    assert reports[1].updated == 1 and reports[2].updated == 1
    with world.hq.read() as s:
        notes = set(s.scalars(select(Household.notes)))
    assert {"甲", "乙"} <= notes


def test_a_bundle_that_arrives_after_a_later_one_is_taken_not_called_a_rewrite(world: World) -> None:
    """Bundle 2 repeats bundle 1 (no receipt in between) and reaches HQ first — two sticks, or Tuesday's stick
    before Monday's. Bundle 1 then holds nothing new: it is imported (HQ's list of bundles is whole), changes
    nothing, and is not refused as a device whose history was rewritten or rolled back."""
    d1 = world.devices[0]
    h = _surveyed(d1)
    _edit_notes(d1, h, "星期一")
    monday = export_bundle(d1.db, d1.pair, world.usb).path
    _edit_notes(d1, h, "星期二")
    tuesday = export_bundle(d1.db, d1.pair, world.usb).path
    assert _import(world, tuesday).missing_seqs == [1]
    events = audit_count(world.hq)
    late = _import(world, monday)
    assert not late.already_imported and late.conflicts == 0 and late.audit_warnings == []
    with world.hq.read() as s:
        assert s.get(Household, h.id).notes == "星期二"  # the older bundle does not undo the newer one
    assert verify_database(world.hq).ok
    assert _import(world, monday).already_imported  # and it is known from now on
    assert audit_count(world.hq) > events  # (its import is in HQ's own chain)


def test_a_new_bundle_whose_checkpoint_is_behind_what_hq_holds_is_still_refused(world: World) -> None:
    """A laptop put back to an older copy of itself sends its next bundle: the checkpoint it signs is behind
    the events HQ already holds from it. That stays a refusal — only a bundle older than one HQ has imported
    may be behind."""
    from survey_app.core.sync import bundle, checkpoints
    from survey_app.core.sync.export import project_code
    from survey_app.core.sync.identity import hq_public

    d1 = world.devices[0]
    h = _surveyed(d1)
    _edit_notes(d1, h, "第一次")
    first = _import(world, export_bundle(d1.db, d1.pair, world.usb).path)
    _edit_notes(d1, h, "第二次")
    _import(world, export_bundle(d1.db, d1.pair, world.usb).path)
    header = {"kind": "field", "project": project_code(d1.db), "device": d1.code, "seq": 3, "prev_seq": 2,
              "counts": {"records": 0}}
    path = world.usb / "rolled-back.sabundle"
    bundle.write_bundle(path, header, [("records.jsonl", b""), ("events.jsonl", b""),
                                       (checkpoints.ENTRY, checkpoints.dumps(first.checkpoint))],
                        recipient=hq_public(d1.db), sender=d1.pair)
    with pytest.raises(ValidationError, match="接不上"):
        _import(world, path)
