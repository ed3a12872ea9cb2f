"""Drafts are written off the GUI thread (issue 11 item 2): an import holding the write lock never stops typing,
the newest draft wins, and a draft handed over before the editor closes is not lost."""

from __future__ import annotations

import threading

import pytest

from survey_app.core.services.survey import drafts
from survey_app.ui.editor import autosave
from tests.ui.test_editor_helpers import destroy, household_with_status, open_editor


class WriteLock:
    """Another thread holding the write lock, as an HQ import does for a whole bundle."""

    def __init__(self, db):
        self.db = db
        self._held, self._release = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        with self.db.begin_write() as conn:  # BEGIN IMMEDIATE: every other writer waits
            conn.exec_driver_sql("SELECT 1")
            self._held.set()
            self._release.wait()

    def __enter__(self) -> WriteLock:
        self._thread.start()
        assert self._held.wait(30)
        return self

    def release(self) -> None:
        self._release.set()
        self._thread.join()

    def __exit__(self, *exc: object) -> None:
        if not self._release.is_set():
            self.release()


@pytest.fixture
def draft_writes(monkeypatch):
    """(thread, address) of every draft write, recorded as it starts."""
    calls: list[tuple[threading.Thread, str]] = []
    real = drafts.save_draft

    def spy(db, username, form):
        calls.append((threading.current_thread(), form.address))
        return real(db, username, form)

    monkeypatch.setattr(drafts, "save_draft", spy)
    yield calls
    assert autosave.finish_drafts(30)  # nothing of this test still writing into the next one


def _draft_address(db, hid: str) -> str | None:
    draft = drafts.load_draft(db, "worker", hid)
    return None if draft is None else draft.form.address


def test_typing_goes_on_while_an_import_holds_the_write_lock(qtbot, demo_db, worker_actor, runner,
                                                             draft_writes) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    address = dialog.household.fields["address"]
    address.clear()
    with WriteLock(demo_db) as lock:
        qtbot.keyClicks(address, "Xinjian Rd 99")
        assert dialog.autosave.flush()  # what the timer's timeout runs: handed to the writer, no waiting
        qtbot.waitUntil(lambda: len(draft_writes) == 1)  # the writer is inside save_draft, waiting for the lock
        qtbot.keyClicks(address, ", room 3")  # the GUI thread still takes keystrokes
        assert address.text() == "Xinjian Rd 99, room 3"
        assert _draft_address(demo_db, hh.id) is None  # nothing could be written yet
        lock.release()
    qtbot.waitUntil(lambda: _draft_address(demo_db, hh.id) == "Xinjian Rd 99", timeout=30_000)
    assert draft_writes[0][0] is not threading.main_thread()
    with qtbot.waitSignal(dialog.autosave.written, timeout=30_000):
        assert dialog.autosave.flush()
    assert _draft_address(demo_db, hh.id) == "Xinjian Rd 99, room 3"
    destroy(dialog)


def test_the_newest_draft_wins(qtbot, demo_db, worker_actor, runner, draft_writes) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    address = dialog.household.fields["address"]
    address.clear()
    written: list[object] = []
    dialog.autosave.written.connect(written.append)
    with WriteLock(demo_db) as lock:
        qtbot.keyClicks(address, "A")
        assert dialog.autosave.flush()
        qtbot.waitUntil(lambda: len(draft_writes) == 1)  # "A" is being written (waiting for the lock)
        qtbot.keyClicks(address, "B")
        assert dialog.autosave.flush()  # "AB" waits behind it …
        qtbot.keyClicks(address, "C")
        assert dialog.autosave.flush()  # … and is replaced by "ABC" before it is taken
        lock.release()
    assert autosave.finish_drafts(30)
    assert [a for _, a in draft_writes] == ["A", "ABC"]  # never "AB", never "A" after "ABC"
    assert _draft_address(demo_db, hh.id) == "ABC"
    qtbot.waitUntil(lambda: len(written) == 1)  # said once, for the newest
    destroy(dialog)


def test_a_draft_handed_over_before_closing_is_kept_and_offered(qtbot, demo_db, worker_actor, runner,
                                                               draft_writes) -> None:
    hh = household_with_status(demo_db, "pending")
    dialog = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
    address = dialog.household.fields["address"]
    address.clear()
    with WriteLock(demo_db) as lock:
        qtbot.keyClicks(address, "Furong Rd 7")
        assert dialog.autosave.flush()
        destroy(dialog)  # gone before its draft could be written
        reopened = open_editor(qtbot, demo_db, worker_actor, runner, hh.id)
        qtbot.waitUntil(lambda: reopened.draft_prompt is not None and reopened.draft_prompt.isVisible())
        assert _draft_address(demo_db, hh.id) is None  # still waiting for the lock: offered from the writer
        lock.release()
    qtbot.waitUntil(lambda: _draft_address(demo_db, hh.id) == "Furong Rd 7", timeout=30_000)
    reopened.restore_button.click()
    qtbot.waitUntil(lambda: reopened.draft_prompt is None)
    assert reopened.household.fields["address"].text() == "Furong Rd 7"
    destroy(reopened)
