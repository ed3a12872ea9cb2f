"""The search keystroke's short cuts (issue 9, item 13) show exactly what the long way showed.

Each short cut is checked through the real window: the list's cells painted from one model call per cell,
the draft/dispute marks read once rather than per keystroke (and again when data may have changed), a
keystroke that lists the very same households announces nothing, and a household shown a moment ago is
shown again without reading it — until a change is published.
"""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from test_pages_helpers import first_with, window_for

from survey_app.core.domain.errors import NotFound
from survey_app.core.services import household_stage, households
from survey_app.core.services.survey import drafts
from survey_app.core.services.survey.store import load_form
from survey_app.ui import household_model
from survey_app.ui.changes import ChangeHub
from survey_app.ui.household_model import COL_AREA, COL_CODE, COL_MEMBERS, COL_STATUS, HouseholdModel


def _search(window, qtbot, text: str) -> None:
    bar = window.households_page.filter_bar
    bar.search.clear()
    qtbot.keyClicks(bar.search, text)
    bar.flush()


def test_cells_are_painted_from_the_models_text_without_asking_each_role(qtbot, demo_db, worker_actor, runner,
                                                                         monkeypatch) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    table, model = window.table, window.model
    roles: list[int] = []
    real_data = HouseholdModel.data
    monkeypatch.setattr(HouseholdModel, "data", lambda self, index, role=Qt.ItemDataRole.DisplayRole:
                        roles.append(int(role)) or real_data(self, index, role))
    table.viewport().repaint()
    assert int(Qt.ItemDataRole.DisplayRole) not in roles  # the delegate asked display() instead
    delegate = table.itemDelegate()
    visible = table.rowAt(table.viewport().height() - 1)
    assert visible > 10
    for row in range(visible):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.text == real_data(model, index, Qt.ItemDataRole.DisplayRole)
            right = col in (COL_MEMBERS, COL_AREA)
            assert bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight) == right
            assert option.features & QStyleOptionViewItem.ViewItemFeature.HasDisplay
    assert model.display(10_000, COL_CODE) == "" and model.display(0, 99) == ""


def test_marks_are_read_once_per_change_not_per_keystroke(qtbot, demo_db, worker_actor, runner,
                                                          monkeypatch) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    model = window.model
    reads: list[str] = []
    real = household_stage.draft_ids
    monkeypatch.setattr(household_stage, "draft_ids", lambda db, user: reads.append(user) or real(db, user))
    key, detail = first_with(demo_db, "pending")
    _search(window, qtbot, detail.household_code[:2])
    _search(window, qtbot, detail.household_code)
    assert reads == []  # typing re-reads no marks
    assert model.rowCount() == 1 and "草稿" not in model.index(0, COL_STATUS).data()

    drafts.save_draft(demo_db, "worker", load_form(demo_db, detail.id))  # saving a draft publishes nothing
    model.refresh_marks()  # what the page does when its window is active again (back from the editor)
    assert reads == ["worker"]
    assert model.index(0, COL_STATUS).data() == "待调查 · 草稿"
    assert "草稿" in model.index(0, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)

    drafts.discard_draft(demo_db, "worker", detail.id)
    window.households_page.model.set_status("pending")  # another filter than the words: marks read again
    assert reads == ["worker", "worker"]
    row = model.row_of(key)
    assert row >= 0 and "草稿" not in model.index(row, COL_STATUS).data()


def test_a_keystroke_listing_the_same_households_announces_nothing(qtbot, demo_db, worker_actor,
                                                                   runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    page, model = window.households_page, window.model
    key, detail = first_with(demo_db, "surveyed")
    code = detail.household_code
    _search(window, qtbot, code[:-1])
    listed = list(model._rows.keys)
    assert key in listed
    window.table.select_row(model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.shown_id == detail.id, timeout=5000)
    # One more letter: a different result is announced as before (the list shrinks to this household)
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        qtbot.keyClicks(page.filter_bar.search, code[-1])
        page.filter_bar.flush()
    assert model._rows.keys == [key]
    # …and typing a space (same words) or the same code again lists the same one: no reset, nothing reread
    with qtbot.assertNotEmitted(model.modelReset, wait=50):
        page.filter_bar.search.setText(code + " ")
        page.filter_bar.flush()
        model.set_text(code.lower() + " ")
    assert model.rowCount() == 1 and model.index(0, COL_CODE).data() == code
    assert window.table.current_key() == key and window.detail.shown_id == detail.id
    # but data changing underneath always reads again
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.refresh()


def test_a_household_shown_a_moment_ago_is_shown_again_unread_until_a_change(qtbot, demo_db, worker_actor, runner,
                                                                             monkeypatch) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    detail_view, table, model = window.detail, window.table, window.model
    reads: list[object] = []
    real, selected = households.get_detail, household_stage.selected
    monkeypatch.setattr(household_stage, "selected",  # the services' function the detail panel calls
                        lambda db, key, username="": reads.append(key) or selected(db, key, username))
    first_key, second_key = model.key_at(0), model.key_at(1)
    first, second = real(demo_db, first_key), real(demo_db, second_key)
    for key, expected in ((second_key, second), (first_key, first), (second_key, second)):
        table.select_row(model.row_of(key))
        qtbot.waitUntil(lambda e=expected: detail_view.shown_id == e.id, timeout=5000)
        assert expected.household_code in detail_view.toPlainText()
    assert reads.count(second_key) == 1  # the second visit showed what was read the first time
    text = detail_view.toPlainText()
    assert second.head_name in text and "办理进度" in text

    ChangeHub.instance().publish(["something changed"])  # any change: everything is read again
    assert reads.count(second_key) == 2 and detail_view.shown_id == second.id
    table.select_row(model.row_of(first_key))
    qtbot.waitUntil(lambda: detail_view.shown_id == first.id, timeout=5000)
    assert reads.count(first_key) == 2

    detail_view.forget()  # the page's "back from elsewhere": read again too
    table.select_row(model.row_of(second_key))
    qtbot.waitUntil(lambda: detail_view.shown_id == second.id, timeout=5000)
    assert reads.count(second_key) == 3


def test_the_detail_read_is_the_same_by_key_hex_id_and_uuid(demo_db) -> None:
    _key, detail = first_with(demo_db, "calculated")
    assert households.get_detail(demo_db, detail.id) == detail
    assert households.get_detail(demo_db, uuid.UUID(detail.id)) == detail
    assert detail.members and detail.parts and detail.members[0]["name"]
    assert {"label", "area", "use", "structure", "floors", "built_year", "legality"} == set(detail.parts[0])
    with pytest.raises(NotFound):
        households.get_detail(demo_db, uuid.uuid4())
    with pytest.raises(NotFound):
        households.get_detail(demo_db, 10_000_000)


def test_rows_carry_their_origin(demo_db) -> None:
    keys = households.search_keys(demo_db, households.HouseholdFilter(), limit=5)
    rows = households.fetch_rows(demo_db, keys)
    assert set(rows) == set(keys) and all(r.origin == "roster" for r in rows.values())
    assert household_model.status_text("pending", False, rows[keys[0]].origin) == "待调查"


def test_a_page_of_a_common_word_takes_the_scan_and_finds_the_same(demo_db, monkeypatch) -> None:
    from survey_app.core.storage import search_sql

    def route(page: int | None) -> str:
        stmt = households.search_statement(demo_db, households.HouseholdFilter(text="长沙市"), page=page)
        return "fts" if "json_each" in str(stmt.compile(demo_db.engine)) else "like"

    everything = households.search_keys(demo_db, households.HouseholdFilter(text="长沙市"))
    assert len(everything) > 20 and route(None) == route(21) == "fts"  # 60 households: every word is rare
    assert search_sql._page_limit(100_000, 301) == 1001 and search_sql._page_limit(60, 301) == 256
    monkeypatch.setattr(search_sql, "_page_limit", lambda n, page: 3)  # as a common word at 100k
    assert route(21) == "like" and route(None) == "fts"  # the count (no page) keeps the FTS route
    for offset, limit in ((0, 20), (20, 20), (40, 30)):
        got = households.search_keys(demo_db, households.HouseholdFilter(text="长沙市"), offset=offset, limit=limit)
        assert got == everything[offset:offset + limit]
    assert households.count_matching(demo_db, households.HouseholdFilter(text="长沙市")) == len(everything)
