"""HQ accepts from a field device only what it may author (issue 10 §1, §5; DESIGN §6).

Every hostile bundle here is built with the project's own signing code and the device's real key:
a valid signature, content the device has no right to write. Each is refused whole, with a Chinese
message naming the record, and HQ is left exactly as it was.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_setup import Device, World, audit_count, build

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Household, User
from survey_app.core.sync import bundle
from survey_app.core.sync.export import export_bundle, project_code
from survey_app.core.sync.identity import hq_public
from survey_app.core.sync.importer import import_field_bundle
from survey_app.core.sync.records import BY_NAME, Record, write_lines


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    return build(tmp_path_factory.mktemp("rights"))


def _row(db, table: str, where: str, params: tuple) -> dict:
    names = [c.name for c in BY_NAME[table].columns]
    with db.engine.connect() as conn:
        raw = conn.exec_driver_sql(f"SELECT {', '.join(names)} FROM {table} WHERE {where}", params).first()
    return dict(zip(names, raw))


def _send(world: World, dev: Device, records: list[Record], seq: int = 900) -> Path:
    header = {"kind": "field", "project": project_code(dev.db), "device": dev.code, "seq": seq, "prev_seq": seq - 1,
              "counts": {"records": len(records)}}
    path = world.usb / f"crafted-{dev.code}-{seq}.sabundle"
    bundle.write_bundle(path, header, [("records.jsonl", write_lines(records)), ("events.jsonl", b"")],
                        recipient=hq_public(dev.db), sender=dev.pair)
    return path


def _refused(world: World, path: Path, *words: str) -> None:
    before = audit_count(world.hq)
    with pytest.raises(ValidationError) as e:
        import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    message = str(e.value)
    assert "无权写入" in message and all(w in message for w in words), message
    assert audit_count(world.hq) == before


def _bumped(row: dict, device: str, **changes) -> Record:
    new = {**row, **changes, "rev": row["rev"] + 1, "origin_device": device}
    return Record(_table_of(row), row["id"], new["rev"], row["rev"], new)


def _table_of(row: dict) -> str:
    return row.pop("__table__")


def test_a_device_cannot_create_an_hq_administrator(world: World) -> None:
    d1 = world.devices[0]
    admin = _row(world.hq, "users", "username = ?", ("hq",))
    forged = {**admin, "id": uuid.uuid4().hex, "username": "mallory", "rev": 1, "origin_device": d1.code}
    _refused(world, _send(world, d1, [Record("users", forged["id"], 1, 0, forged)]), "用户账号", "指挥部")
    with world.hq.read() as s:
        assert s.scalar(select(User).where(User.username == "mallory")) is None


@pytest.mark.parametrize("table", ["devices", "policy_versions", "projects"])
def test_a_device_cannot_write_what_only_hq_sends(world: World, table: str) -> None:
    d1 = world.devices[0]
    row = {**_row(world.hq, table, "1 = 1", ()), "__table__": table}
    _refused(world, _send(world, d1, [_bumped(row, d1.code, notes="x") if "notes" in row else
                                     _bumped(row, d1.code)]), "指挥部")


def test_a_device_cannot_touch_households_of_another_worker(world: World) -> None:
    d1 = world.devices[0]  # worker; the C sections are worker2's
    row = {**_row(world.hq, "households", "assigned_to = ?", ("worker2",)), "__table__": "households"}
    _refused(world, _send(world, d1, [_bumped(row, d1.code, notes="改了别人的户")]), "未分派")


def test_a_device_cannot_reassign_or_recode_its_own_household(world: World) -> None:
    d1 = world.devices[0]
    row = {**_row(world.hq, "households", "assigned_to = ?", ("worker",)), "__table__": "households"}
    _refused(world, _send(world, d1, [_bumped(row, d1.code, assigned_to="worker2")]), "assigned_to")
    row = {**_row(world.hq, "households", "assigned_to = ?", ("worker",)), "__table__": "households"}
    _refused(world, _send(world, d1, [_bumped(row, d1.code, household_code="Z9-9999")]), "household_code")


def test_a_device_cannot_write_in_another_devices_name(world: World) -> None:
    d1 = world.devices[0]
    row = {**_row(world.hq, "households", "assigned_to = ?", ("worker",)), "__table__": "households"}
    record = _bumped(row, d1.code, notes="冒名")
    record.row["origin_device"] = "D99"
    _refused(world, _send(world, d1, [record]), "来源设备")


def test_a_household_found_in_the_field_is_accepted_from_its_device(tmp_path: Path) -> None:
    world = build(tmp_path)
    d1 = world.devices[0]
    row = _row(world.hq, "households", "assigned_to = ?", ("worker",))
    new_id = uuid.uuid4().hex
    found = {**row, "id": new_id, "household_code": "X1-0001", "origin": "field", "rev": 1,
             "origin_device": d1.code, "notes": "新增住户"}
    report = import_field_bundle(world.hq, world.admin, world.hq_pair,
                                 _send(world, d1, [Record("households", new_id, 1, 0, found)], seq=1))
    assert report.inserted == 1
    claimed = {**row, "id": uuid.uuid4().hex, "household_code": "X1-0002", "origin": "roster", "rev": 1,
               "origin_device": d1.code}
    _refused(world, _send(world, d1, [Record("households", claimed["id"], 1, 0, claimed)], seq=2), "新增")


def test_two_day_end_bundles_without_a_receipt_are_not_conflicts(tmp_path: Path) -> None:
    world = build(tmp_path)
    d1 = world.devices[0]
    with d1.db.read() as s:
        ids = list(s.scalars(select(Household.id).where(Household.assigned_to == "worker",
                                                   Household.status.in_(("pending", "surveyed"))).order_by(Household.id)
                             .limit(6)))
    for n, hid in enumerate(ids):  # day one: six households edited
        form = load_form(d1.db, hid)
        form.notes = f"第一天 {n}"
        save_form(d1.db, d1.actor, form)
    day1 = export_bundle(d1.db, d1.pair, world.usb).path
    for n, hid in enumerate(ids):  # day two, no receipt between: the same six edited again
        form = load_form(d1.db, hid)
        form.notes = f"第二天 {n}"
        save_form(d1.db, d1.actor, form)
    day2 = export_bundle(d1.db, d1.pair, world.usb).path
    first = import_field_bundle(world.hq, world.admin, world.hq_pair, day1)
    second = import_field_bundle(world.hq, world.admin, world.hq_pair, day2)
    assert first.conflicts == 0 and second.conflicts == 0
    with world.hq.read() as s:
        assert [s.get(Household, h).notes for h in ids] == [f"第二天 {n}" for n in range(6)]
    again = import_field_bundle(world.hq, world.admin, world.hq_pair, day1)  # re-imported late: a replay
    assert again.already_imported and again.conflicts == 0


def test_export_never_reuses_a_sequence_number_after_a_crash(tmp_path: Path, monkeypatch) -> None:
    # The process dies right after the bundle got its final name: the number must already be spent.
    from survey_app.core.sync import export as export_module

    world = build(tmp_path)
    d1 = world.devices[0]
    real_write = export_module.bundle.write_bundle
    written = []

    def write_then_die(path, *args, **kwargs):
        written.append(real_write(path, *args, **kwargs))
        raise SystemExit("killed")  # stands for kill -9 between the rename and the settings write
    monkeypatch.setattr(export_module.bundle, "write_bundle", write_then_die)
    with pytest.raises(SystemExit):
        export_bundle(d1.db, d1.pair, world.usb)
    monkeypatch.setattr(export_module.bundle, "write_bundle", real_write)
    first_seq = written[0].header["seq"]
    assert export_bundle(d1.db, d1.pair, world.usb).seq != first_seq


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    from survey_app.core.sync.bundle import BundleError, read_header

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "pipe.sabundle"
    os.mkfifo(fifo)
    with pytest.raises(BundleError, match="不是普通文件"):
        read_header(fifo)  # before the fix this blocked forever waiting for a writer
