from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from survey_app.core.services import households
from survey_app.core.services.households import HouseholdFilter
from survey_app.ui import household_model as hm
from survey_app.ui.household_model import HouseholdModel, KeyRole


def _tested(db, qtlog) -> HouseholdModel:
    model = HouseholdModel(db)
    model.refresh()
    model.tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    return model


def _no_tester_failures(qtlog) -> None:
    failures = [r.message for r in qtlog.records if "FAIL" in r.message or "modeltest" in (r.context.category or "")]
    assert failures == []


def test_model_lists_every_household_and_passes_the_model_tester(demo_db, qtlog) -> None:
    model = _tested(demo_db, qtlog)
    assert model.rowCount() == 60
    assert model.columnCount() == len(hm.COLUMNS)
    keys = households.search_keys(demo_db, HouseholdFilter())
    assert [model.data(model.index(r, 0), KeyRole) for r in range(3)] == keys[:3]
    first = households.fetch_rows(demo_db, keys[:1])[keys[0]]
    assert model.data(model.index(0, hm.COL_CODE)) == first.household_code
    assert model.data(model.index(0, hm.COL_STATUS)) in {"待调查", "已调查", "已复核", "已测算", "已签约", "已交房"}
    area = model.data(model.index(0, hm.COL_AREA))
    assert area.replace(",", "").replace(".", "").isdigit() and area[-3] == "."  # 2 decimals
    assert model.data(model.index(0, hm.COL_AREA), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(hm.COL_AREA, Qt.Orientation.Horizontal) == "建筑面积 m²"
    _no_tester_failures(qtlog)


def test_filter_changes_and_sorting(demo_db, qtlog) -> None:
    model = _tested(demo_db, qtlog)
    code = model.row_data(5).household_code
    model.set_text(code)
    assert model.rowCount() == 1 and model.row_data(0).household_code == code

    model.set_text("")
    counts = households.status_counts(demo_db)
    model.set_status("pending")
    assert model.rowCount() == counts["pending"] > 0
    assert {model.row_data(r).status for r in range(model.rowCount())} == {"pending"}
    model.set_status(None)
    assert model.rowCount() == 60

    model.sort(hm.COL_NAME, Qt.SortOrder.DescendingOrder)
    expected = households.search_keys(demo_db, HouseholdFilter(), sort="name", descending=True)
    assert [model.key_at(r) for r in range(60)] == expected
    assert model.sort_key == ("name", True)

    model.sort(hm.COL_PHONE, Qt.SortOrder.AscendingOrder)  # no SQL sort key: ignored
    assert model.sort_key == ("name", True)
    assert not model.sortable(hm.COL_PHONE) and model.sortable(hm.COL_STATUS)
    _no_tester_failures(qtlog)


def test_rows_are_fetched_lazily_in_bounded_blocks(demo_db, monkeypatch) -> None:
    monkeypatch.setattr(hm, "BLOCK", 10)
    monkeypatch.setattr(hm, "MAX_BLOCKS", 2)
    model = HouseholdModel(demo_db)
    model.refresh()
    calls: list[int] = []
    real = households.fetch_rows
    monkeypatch.setattr(households, "fetch_rows", lambda db, keys: calls.append(len(keys)) or real(db, keys))
    for row in (0, 1, 9, 10, 25, 59):
        assert model.row_data(row) is not None
    assert calls == [10, 10, 10, 10]  # one query per block, never per row
    assert len(model._rows._blocks) <= 2  # old blocks dropped


def test_keys_are_read_a_page_at_a_time_and_scrolling_reads_more(demo_db, qtlog, monkeypatch) -> None:
    # A keystroke reads only the first page of matches; the view's fetchMore reads the next, growing ones.
    monkeypatch.setattr(hm, "FIRST_PAGE", 7)
    monkeypatch.setattr(hm, "NEXT_PAGE", 10)
    model = HouseholdModel(demo_db)
    model.tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_filter(HouseholdFilter(status=None, text=""))  # same filter: nothing re-read
    model.set_text("a")
    everything = households.search_keys(demo_db, HouseholdFilter(text="a"))
    assert len(everything) > 20
    assert model.rowCount() == 7 and model.canFetchMore()
    assert not model.total_known()
    before = model.rowCount()
    model.fetchMore()
    assert model.rowCount() >= before + 10  # at least NEXT_PAGE more (the tester may fetch more itself)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.key_at(r) for r in range(model.rowCount())] == everything
    assert model.total() == len(everything)
    # Data changed underneath: as many rows as were loaded stay loaded (the selection deep down survives).
    model.refresh()
    assert model.rowCount() == len(everything)
    model.set_text("a1")  # a new search starts again from the first page
    assert model.rowCount() == min(7, len(households.search_keys(demo_db, HouseholdFilter(text="a1"))))
    _no_tester_failures(qtlog)


def test_rows_fetched_before_more_keys_arrived_are_fetched_again(demo_db, monkeypatch) -> None:
    monkeypatch.setattr(hm, "FIRST_PAGE", 5)
    model = HouseholdModel(demo_db)
    model.set_text("a")
    assert model.row_data(4) is not None  # block 0 fetched while only 5 keys were known
    model.fetchMore()
    assert model.row_data(6) is not None and model.row_data(6).key == model.key_at(6)
