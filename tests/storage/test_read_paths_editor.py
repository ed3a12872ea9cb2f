"""Opening the household editor reads the household once and looks the current policy up once (issue 11 items
5/6): the form and the detail come from one read of each table, the menus and the readiness marks from one
look-up of the current policy version (its text parsed once per process). The fields show what the form holds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sqlalchemy import event, select

sys.path.insert(0, str(Path(__file__).parent))  # test_read_paths_old

import test_read_paths_old as old

from survey_app.core.domain.roles import Role
from survey_app.core.services.survey import readiness
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")


def test_an_editor_open_reads_each_table_and_the_policy_once(qtbot, demo_db) -> None:
    from survey_app.ui.editor.household_editor import HouseholdEditorDialog
    from survey_app.ui.task_runner import TaskRunner

    with demo_db.read() as s:
        hid = s.scalar(select(Household.id).where(Household.status == "pending", Household.assigned_to == "worker")
                       .order_by(Household.household_code).limit(1))
    readiness.published(demo_db)  # the policy's text parsed once for the process
    seen: list[frozenset[str]] = []
    event.listen(demo_db.engine, "before_cursor_execute", lambda *a: a[2].startswith("SELECT") and seen.append(
        frozenset(re.findall(r"\bFROM\s+(\w+)", a[2]))))
    runner = TaskRunner()
    dialog = HouseholdEditorDialog(demo_db, WORKER, runner, hid.hex)
    qtbot.addWidget(dialog)
    try:
        assert [t for t in seen if "policy_versions" in t] == [frozenset(["policy_versions", "projects"])]
        for table in ("members", "tenures", "building_parts", "fixtures", "survey_items", "businesses", "appraisals"):
            assert seen.count(frozenset([table])) == 1, (table, seen)
        assert dialog.collect()[0] == old.load_form(demo_db, hid)  # what the fields hold: the stored survey
        assert dialog.detail == old.get_detail(demo_db, hid)
        assert dialog.policy is old.current(demo_db)
    finally:
        dialog.photos.strip.shutdown()
        runner.shutdown()
