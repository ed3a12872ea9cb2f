"""Property: a mutated bundle is refused with a clear message and HQ's database is unchanged —
never a crash, never a partial import (DESIGN.md §6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_setup import World, audit_count, build

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.sync.export import export_bundle
from survey_app.core.sync.importer import import_field_bundle


@pytest.fixture(scope="module")
def world_and_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[World, bytes]:
    world = build(tmp_path_factory.mktemp("fuzz"))  # the shared 30-household world: no template of its own
    dev = world.devices[0]
    from sqlalchemy import select

    from survey_app.core.storage.models import Household
    with dev.db.read() as s:
        h = s.scalars(select(Household).where(Household.assigned_to == "worker").order_by(Household.id)).first()
    form = load_form(dev.db, h.id)
    form.notes = "模糊测试"
    save_form(dev.db, dev.actor, form)
    return world, export_bundle(dev.db, dev.pair, world.usb).path.read_bytes()


mutations = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**9), st.integers(0, 255)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(mutations, min_size=1, max_size=3))
def test_mutated_bundles_change_nothing(world_and_bundle, tmp_path: Path, muts) -> None:
    world, original = world_and_bundle
    data = bytearray(original)
    for kind, position, value in muts:
        i = position % (len(data) + 1)
        if kind == "flip" and data:
            data[min(i, len(data) - 1)] ^= value
        elif kind == "cut":
            del data[i:]
        else:
            data.insert(i, value)
    if bytes(data) == original:
        return
    path = tmp_path / "mutated.sabundle"
    path.write_bytes(bytes(data))
    before = audit_count(world.hq)
    with pytest.raises(ValidationError):  # BundleError is one: a clear message, never another exception
        import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert audit_count(world.hq) == before
