"""A device's audit events are hash-checked where the bundle is prepared (checkpoints.event_links, in the
worker process of a multi-bundle import); the importer must find exactly what checking every event
itself finds: a rewritten event, a gap, a bundle resending events HQ already holds."""

from __future__ import annotations

import pytest

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage import audit_chain
from survey_app.core.sync import checkpoints
from survey_app.core.sync.importer import _store_events

DEVICE = "D09"


def _chain(n: int) -> list[dict]:
    events, prev = [], audit_chain.GENESIS
    for seq in range(1, n + 1):
        e = {"seq": seq, "at": f"2026-12-0{1 + seq % 9} 08:00:00.000000", "user": "w1", "device": DEVICE,
             "action": "update", "entity": "households", "entity_id": f"{seq:032x}",
             "changes": audit_chain.dumps({"notes": [None, f"第{seq}次"]}), "row_hash": f"{seq:064x}"}
        e["hash"] = prev = audit_chain.event_hash(prev, e["seq"], e["at"], e["user"], e["device"], e["action"],
                                                  e["entity"], e["entity_id"], e["changes"], e["row_hash"])
        events.append(e)
    return events


def _store(db, events: list[dict], *, links: bool, checkpoint: dict | None = None, before: list[dict] = ()):
    """_store_events in a transaction rolled back afterwards (``before``: events HQ already holds)."""
    with db.engine.connect() as conn:
        tx = conn.begin()
        try:
            if before:
                _store_events(conn, DEVICE, list(before), None)
            return _store_events(conn, DEVICE, events, checkpoint, checkpoints.event_links(events) if links else None)
        finally:
            tx.rollback()


def test_links_mark_the_event_that_does_not_follow() -> None:
    events = _chain(5)
    assert checkpoints.event_links(events) == [False, True, True, True, True]
    events[2] = {**events[2], "changes": audit_chain.dumps({"notes": [None, "改过"]})}  # hash left as it was
    assert checkpoints.event_links(events) == [False, True, False, True, True]
    assert checkpoints.event_links([{**events[0]}, {"seq": 2}]) is None  # malformed: the importer checks itself


@pytest.mark.parametrize("tampered", [None, 0, 2, 4])
def test_the_importer_finds_the_same_with_links_as_without(db, tampered: int | None) -> None:
    events = _chain(5)
    if tampered is not None:
        events[tampered] = {**events[tampered], "user": "someone else"}
    warned = _store(db, events, links=False)
    assert _store(db, events, links=True) == warned
    assert bool(warned) == (tampered is not None)
    head = {"seq": 5, "hash": events[-1]["hash"]}  # signed checkpoint: any break refuses the bundle
    if tampered is None:
        assert _store(db, events, links=True, checkpoint=head) == []
    else:
        with pytest.raises(ValidationError, match="被改写"):
            _store(db, events, links=True, checkpoint=head)


def test_a_resent_slice_joins_the_chain_held(db) -> None:
    events = _chain(6)
    assert _store(db, events[1:], links=True, before=events[:3], checkpoint={"seq": 6, "hash": events[-1]["hash"]}) == []
    changed = events[1:4] + [{**events[4], "action": "delete"}] + events[5:]
    warned = _store(db, changed, links=False, before=events[:3])
    assert warned and _store(db, changed, links=True, before=events[:3]) == warned
