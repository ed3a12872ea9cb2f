"""Tables outside the audit chain, at a keyed HQ: open conflicts, imported bundles and the settings sync
trusts. Deleting one — even with its event and a re-hashed chain — is found by ``audit verify``."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from chain_helpers import KEY, rehash_chain
from sqlalchemy import select
from sync_setup import build

from survey_app.core.services.audit import adopt_audit_key, verify_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household
from survey_app.core.sync.assignments import write_assignment
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle


@pytest.fixture(scope="module")
def hq_file(tmp_path_factory) -> Path:
    """A keyed HQ (its vault made after the sync world existed) holding an open conflict."""
    tmp = tmp_path_factory.mktemp("outside")
    world = build(tmp, shared=True)
    world.hq.dispose()
    hq = Database(tmp / "hq.sqlite3", audit_key=KEY)
    assert adopt_audit_key(hq) > 100
    with hq.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == "worker").order_by(Household.id)).first()
    reports = []
    for dev, text in zip(world.devices, ("一号机", "二号机")):
        form = load_form(dev.db, hid)
        form.notes = text
        save_form(dev.db, dev.actor, form)
        reports.append(import_field_bundle(hq, world.admin, world.hq_pair, export_bundle(dev.db, dev.pair, world.usb).path))
    assert reports[1].conflicts == 1
    # an assignment rewrites a guarded setting (the users the device may write for) through core SQL
    write_assignment(hq, world.admin, world.hq_pair, world.devices[0].code, ["worker"], world.usb)
    report = verify_database(hq)
    assert report.ok and report.keyed, report.problems
    for db in (hq, *(d.db for d in world.devices)):
        db.dispose()
    return tmp / "hq.sqlite3"


def _delete_with_event(table: str, where: str) -> str:
    """Delete rows and their audit events (the rest of the chain is then re-hashed by the test)."""
    return (f"DELETE FROM audit_events WHERE entity = '{table}' AND entity_id IN "
            f"(SELECT CAST(id AS TEXT) FROM {table} WHERE {where}); DELETE FROM {table} WHERE {where}")


@pytest.mark.parametrize("sql, words", [
    (_delete_with_event("sync_issues", "status = 'open'"), "的密钥校验失败"),
    (_delete_with_event("imported_bundles", "device = 'D02'"), "的密钥校验失败"),
    ("DELETE FROM local_settings WHERE key = 'sync.device_users.D01'", "本机设置 sync.device_users.D01 在应用之外被删除"),
    ("UPDATE local_settings SET value = 'field' WHERE key = 'sync.role'", "本机设置 sync.role 在应用之外被修改"),
    ("INSERT INTO local_settings (key, value) VALUES ('sync.device_users.D77', '[\"worker\"]')",
     "本机设置 sync.device_users.D77 在应用之外被添加"),
    ("DELETE FROM local_settings WHERE key = 'audit.settings_mac'", "缺少密钥摘要"),
    ("UPDATE local_settings SET value = replace(value, '\"all\":\"', '\"all\":\"0') WHERE key = 'audit.settings_mac'",
     "密钥摘要被改动"),
    ("INSERT INTO local_settings (key, value) VALUES ('ui_language', 'en')", None),  # not guarded
])
def test_deleting_what_lies_outside_the_chain_is_found(hq_file: Path, tmp_path: Path, sql: str,
                                                       words: str | None) -> None:
    path = tmp_path / hq_file.name
    shutil.copyfile(hq_file, path)
    with sqlite3.connect(path) as conn:
        before = conn.total_changes
        conn.executescript(sql)
        assert conn.total_changes > before
    rehash_chain(path)
    db = Database(path, audit_key=KEY)
    try:
        messages = [p.message for p in verify_database(db).problems]
    finally:
        db.dispose()
    if words is None:
        assert messages == []
    else:
        assert any(words in m for m in messages), messages
