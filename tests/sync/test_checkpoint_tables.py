"""The sync tables outside the records: a row deleted or changed with the sqlite3 shell is reported.

Open conflicts, imported bundles and checkpoints are in the audit chain (ledger events); a device's
events at HQ are covered by the checkpoints it signed; the laptop's sync marks in local settings are
checked against the receipts' checkpoints (survey_app/core/sync/ledger.py says which and why).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_setup import World, snapshot

from survey_app.core.services.audit import verify_database
from survey_app.core.services.startup import open_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Household
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle
from survey_app.core.sync.receipts import import_receipt, write_receipt


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """HQ holding an open conflict (both laptops changed one household) and D01 holding HQ's receipt: set up
    once per run (``snapshot``; a module fixture is made once per test process) and copied here."""
    tmp = tmp_path_factory.mktemp("tables")
    world, _ = snapshot(tmp, "checkpoint-tables", _conflict_and_receipt, shared=True)
    for db in (world.hq, *(d.db for d in world.devices)):
        db.dispose()  # the WAL goes into the file: one self-contained file to copy
    return {"hq": tmp / "hq.sqlite3", "d1": tmp / "d1.sqlite3"}


def _conflict_and_receipt(world: World) -> None:
    with world.hq.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == "worker").order_by(Household.id)).first()
    reports = []
    for dev, text in zip(world.devices, ("一号机", "二号机")):
        form = load_form(dev.db, hid)
        form.notes = text
        save_form(dev.db, dev.actor, form)
        reports.append(import_field_bundle(world.hq, world.admin, world.hq_pair,
                                           export_bundle(dev.db, dev.pair, world.usb).path))
    assert reports[1].conflicts == 1
    d1 = world.devices[0]
    import_receipt(d1.db, d1.pair, write_receipt(world.hq, world.hq_pair, reports[0], world.usb))
    assert verify_database(world.hq).ok and verify_database(d1.db).ok


@pytest.mark.parametrize("where, sql, words", [
    ("hq", "DELETE FROM sync_issues WHERE status = 'open'", ("sync_issues 记录", "被删除")),
    ("hq", "UPDATE sync_issues SET status = 'kept_local'", ("sync_issues 记录", "被修改")),
    ("hq", "DELETE FROM imported_bundles WHERE seq = 1 AND device = 'D01'", ("imported_bundles 记录", "被删除")),
    ("hq", "DELETE FROM remote_audit_events WHERE device = 'D02' AND seq = 7", ("D02 审计事件 #7 至 #7 缺失",)),
    ("hq", "DELETE FROM remote_audit_events WHERE device = 'D02' AND seq > 20", ("D02 审计事件 #21", "缺失")),
    ("hq", "DELETE FROM audit_checkpoints", ("audit_checkpoints 记录", "被删除")),
    ("d1", "DELETE FROM audit_checkpoints WHERE chain = 'D01'", ("audit_checkpoints 记录", "被删除")),
    ("d1", "DELETE FROM local_settings WHERE key = 'sync.export_seq'", ("sync.export_seq 缺失或被回退",)),
    ("d1", "UPDATE local_settings SET value = '0' WHERE key = 'sync.acked_event_seq'",
     ("sync.acked_event_seq 缺失或被回退",)),
])
def test_a_sync_row_changed_behind_the_app_is_reported(files, tmp_path: Path, where: str, sql: str,
                                                       words: tuple[str, ...]) -> None:
    path = tmp_path / files[where].name
    shutil.copyfile(files[where], path)
    with sqlite3.connect(path) as conn:
        assert conn.execute(sql).rowcount > 0
    db = open_database(path)
    try:
        messages = [p.message for p in verify_database(db).problems]
    finally:
        db.dispose()
    assert any(all(w in m for w in words) for m in messages), messages
