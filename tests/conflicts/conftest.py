"""A shared sync world with real conflicts at HQ: both laptops edited the same surveyed household
(its notes, phone, willingness; a building part's area and legality; a fixture's value) from the
same base, D01's bundle was imported first, then D02's — three conflicts from D02's bundle no. 1."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))  # sync_setup: the test sync world

from sync_setup import World, snapshot


@dataclass
class Conflicts:
    world: World
    household_id: object  # uuid.UUID of the household both laptops edited
    d2_report: object  # HQ's ImportReport of D02's bundle (its receipt acknowledges the held conflicts)


def _edit(dev, hid, *, notes: str, phone: str, willingness: str, area: str, legality: str, value: str) -> None:
    from survey_app.core.services.survey.store import load_form, save_form

    form = load_form(dev.db, hid)
    form.notes, form.phone, form.willingness = notes, phone, willingness
    form.parts[0].area, form.parts[0].legality = Decimal(area), legality
    form.fixtures[0].value = Decimal(value)
    save_form(dev.db, dev.actor, form)


def _set_conflicts_up(world: World) -> tuple[object, object]:
    from survey_app.core.services.survey.store import load_form
    from survey_app.core.storage.models import Household
    from survey_app.core.sync.export import export_bundle
    from survey_app.core.sync.importer import import_field_bundle

    d1, d2 = world.devices
    with d1.db.read() as s:
        candidates = s.scalars(select(Household.id).where(Household.status == "surveyed").order_by(Household.id)).all()
    hid = next(h for h in candidates if (f := load_form(d1.db, h)).parts and f.fixtures)
    _edit(d1, hid, notes="一号机的记录", phone="13900000001", willingness="undecided", area="80.00",
          legality="registered", value="1200.00")
    _edit(d2, hid, notes="二号机的记录", phone="13900000002", willingness="agree", area="85.50",
          legality="illegal", value="1350.50")
    reports = [import_field_bundle(world.hq, world.admin, world.hq_pair, export_bundle(dev.db, dev.pair, world.usb).path)
               for dev in (d1, d2)]
    return hid, reports[1]


@pytest.fixture
def conflicts(tmp_path) -> Conflicts:
    """The scene set up once per run (two edits, two exports, two imports: ~0.4 CPU-s) and copied per test."""
    world, (hid, d2_report) = snapshot(tmp_path, "conflicts", _set_conflicts_up, shared=True)
    return Conflicts(world, hid, d2_report)


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
