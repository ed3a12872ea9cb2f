"""Field bundles into a PostgreSQL HQ: one import, and two importers at once over overlapping bundles."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_setup import Device, World

from survey_app.core.services.audit import verify_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import AuditEvent, Household, ImportedBundle, SyncIssue
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle

pytestmark = pytest.mark.postgres


def _mine(dev: Device, n: int) -> list[Household]:
    with dev.db.read() as s:
        return s.scalars(select(Household).where(Household.assigned_to == dev.actor.username,
                                                 Household.status.in_(("pending", "surveyed")))
                         .order_by(Household.household_code).limit(n)).all()


def _note(dev: Device, h: Household, text: str) -> None:
    form = load_form(dev.db, h.id)
    form.notes = text
    save_form(dev.db, dev.actor, form)


def _hq_notes(world: World, ids: list) -> dict:
    with world.hq.read() as s:
        return dict(s.execute(select(Household.id, Household.notes).where(Household.id.in_(ids))).all())


def test_a_field_bundle_goes_into_a_postgresql_hq(world: World) -> None:
    d1 = world.devices[0]
    hs = _mine(d1, 3)
    for n, h in enumerate(hs):
        _note(d1, h, f"第{n}户：户主要求先看安置房")
    path = export_bundle(d1.db, d1.pair, world.usb).path
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert report.updated == 3 and report.conflicts == 0 and report.recheck_differences == []
    assert _hq_notes(world, [h.id for h in hs]) == {h.id: f"第{n}户：户主要求先看安置房" for n, h in enumerate(hs)}
    with world.hq.read() as s:
        events = s.scalar(select(func.count()).select_from(AuditEvent))
    again = import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert again.already_imported
    with world.hq.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == events  # nothing written twice
    assert verify_database(world.hq).ok


def _import_all(url: str, world: World, paths: list[Path], start: threading.Barrier, out: list) -> None:
    db = Database(url)  # an importer of its own: its own engine and connections
    try:
        start.wait()
        for p in paths:
            out.append(import_field_bundle(db, world.admin, world.hq_pair, p))
    except BaseException as e:
        out.append(e)
        start.abort()  # the other importer must not wait at the barrier for one that failed before it (300 s)
    finally:
        db.dispose()


def test_two_importers_at_once_over_overlapping_bundles(world: World) -> None:
    d1, d2 = world.devices
    first, later = _mine(d1, 2), _mine(d1, 4)[2:]
    for h in first:
        _note(d1, h, "第一天")
    b1 = export_bundle(d1.db, d1.pair, world.usb).path
    for h in later:
        _note(d1, h, "第二天")
    b2 = export_bundle(d1.db, d1.pair, world.usb).path  # no receipt in between: repeats b1's records too
    others = _mine(d2, 3)
    for h in others:
        _note(d2, h, "另一台")
    b3 = export_bundle(d2.db, d2.pair, world.usb).path
    url = world.hq.url
    start = threading.Barrier(2)
    results: tuple[list, list] = ([], [])
    threads = [threading.Thread(target=_import_all, args=(url, world, paths, start, out))
               for paths, out in (([b1, b2, b3], results[0]), ([b3, b2, b1], results[1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), results
    reports = results[0] + results[1]
    assert not [r for r in reports if isinstance(r, BaseException)], reports
    assert len(reports) == 6
    taken = [r for r in reports if not r.already_imported]
    assert sorted((r.device, r.seq) for r in taken) == sorted({(r.device, r.seq) for r in reports})  # once each
    assert all(r.conflicts == 0 for r in reports)
    want = {h.id: "第一天" for h in first} | {h.id: "第二天" for h in later} | {h.id: "另一台" for h in others}
    assert _hq_notes(world, list(want)) == want  # nothing lost
    with world.hq.read() as s:
        assert s.scalar(select(func.count()).select_from(ImportedBundle)) == 3  # no bundle twice
        assert s.scalar(select(func.count()).select_from(SyncIssue)) == 0
        seqs = s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
        households = s.scalar(select(func.count()).select_from(Household))
    assert seqs == list(range(1, len(seqs) + 1))  # one chain, no fork, no gap
    assert households == 30  # no duplicates
    assert verify_database(world.hq).ok
