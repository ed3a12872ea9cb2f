"""测算 page: calculate, options side by side, choose one, stale → recalculate, refusals shown."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import select
from test_pages_helpers import first_with, wait_idle, window_for

from survey_app.core.domain.money import format_yuan
from survey_app.core.services import calculations, households
from survey_app.core.storage.models import BuildingPart
from survey_app.ui.pages import navigation as nav
from survey_app.ui.pages.compensation_model import (
    ROW_CHOOSE,
    ROW_LINE,
    ROW_NET,
    ROW_TOTAL,
    ROW_UPPER,
    CompensationModel,
    SubTextRole,
    merged_order,
)


def _open(qtbot, window, key):
    window.table.select_row(window.model.row_of(key))
    qtbot.waitUntil(lambda: window.detail.key == key and window.detail.detail is not None, timeout=5000)
    window.households_page.calc_button.click()
    page = window.page(nav.COMPENSATION)
    assert window.current_page() == nav.COMPENSATION
    return page


def test_calculate_then_choose_an_option(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "surveyed", appraised=True)
    page = _open(qtbot, window, key)
    assert page.household_id == detail.id
    assert page.empty.isVisible() and not page.table.isVisible()  # not calculated yet
    tester = QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)

    page.calc_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.model.columnCount() > 1, timeout=5000)
    stored = calculations.options(demo_db, detail.id)
    model = page.model
    assert model.columnCount() == 1 + len(stored) >= 3
    assert [model.option_at(c).option_key for c in range(1, model.columnCount())] == [o.option_key for o in stored]
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("货币补偿")
    assert not page.stale_banner.isVisible() and page.table.isVisible()

    # every option's lines, totals, net (with who pays) and amount in words are on screen
    for col, option in enumerate(stored, 1):
        r = option.result
        for line in r.lines:
            row = next(i for i in range(model.rowCount())
                       if model.row_kind(i) != ROW_CHOOSE and model.data(model.index(i, 0), Qt.ItemDataRole.ToolTipRole)
                       .startswith(line.label))
            assert model.data(model.index(row, col)).startswith(format_yuan(line.amount))
            assert model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole) == line.formula
        assert model.data(model.index(model.row_of(ROW_TOTAL), col)) == format_yuan(r.total)
        net = model.data(model.index(model.row_of(ROW_NET), col))
        assert net == format_yuan(abs(r.net)) + "\n" + ("应付被征收人" if r.net_direction == "pay" else "被征收人应缴")
        assert model.data(model.index(model.row_of(ROW_UPPER), col)) == r.upper

    # 明细: the formulas appear under the amounts (or once under the label when all options share it)
    house = model.row_of(ROW_LINE, stored[0].result.lines[0].label)
    assert model.data(model.index(house, 0), SubTextRole) is None
    page.formulas.setChecked(True)
    shared = model.data(model.index(house, 0), SubTextRole)
    assert shared == stored[0].result.lines[0].formula
    assert shared in model.data(model.index(house, 0))

    exchange = next(o.option_key for o in stored if o.option_key.startswith("exchange:"))
    page.choose_buttons[exchange].click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.model.chosen == exchange, timeout=5000)
    assert households.get_detail(demo_db, key).chosen_option == exchange
    assert page.choose_buttons[exchange].text() == "✓ 已选择" and not page.choose_buttons[exchange].isEnabled()
    assert page.choose_buttons["cash"].isEnabled()
    assert "已选" in page.subtitle.text()
    # the detail panel on the 住户 page follows through the ChangeHub
    assert "已选安置方案" in window.detail.toPlainText()
    del tester


def test_stale_calculation_is_flagged_and_recalculated(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "surveyed", appraised=True)
    calculations.calculate(demo_db, worker_actor, detail.id)
    with demo_db.uow(worker_actor) as uow:  # the survey changes after the calculation
        part = uow.session.scalars(select(BuildingPart).where(BuildingPart.household_id == uuid.UUID(detail.id),
                                                              BuildingPart.deleted_at.is_(None))).first()
        part.area += Decimal("2.00")
        uow.commit()
    page = _open(qtbot, window, key)
    assert page.model.stale
    assert page.stale_banner.isVisible()
    assert not any(b.isEnabled() for b in page.choose_buttons.values())  # a stale option cannot be chosen

    page.recalc_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: not page.model.stale, timeout=5000)
    assert not page.stale_banner.isVisible()
    assert all(o.status == "current" for o in calculations.options(demo_db, detail.id))
    assert all(b.isEnabled() for b in page.choose_buttons.values())


def test_household_without_appraisal_shows_the_services_message(qtbot, demo_db, worker_actor, runner) -> None:
    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, _detail = first_with(demo_db, "pending", appraised=False)
    page = _open(qtbot, window, key)
    page.calc_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert page.banner.kind == "error" and "评估" in page.banner.text()
    assert page.model.columnCount() == 0


def test_lines_are_aligned_across_options() -> None:
    a, b, c, d = ("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")
    # a line only one option has goes after the line it follows there (c after a), the rest keep their order
    assert merged_order([[a, b, d], [a, c, d], [a, b, d]]) == [a, c, b, d]
    assert merged_order([[a, d], [b, a]]) == [b, a, d]
    assert merged_order([]) == []


def test_empty_model_passes_the_model_tester(qapp) -> None:
    model = CompensationModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0 and model.columnCount() == 0
    model.set_options([])
    del tester


def test_repainting_the_options_does_not_drain_none(qtbot, demo_db, worker_actor, runner) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call made from Python;
    a Python paint path would abort the app after a minute of scrolling (see compensation_view.py)."""
    import sys

    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "surveyed", appraised=True)
    calculations.calculate(demo_db, worker_actor, detail.id)
    page = _open(qtbot, window, key)
    page.formulas.setChecked(True)
    grid = page.table
    grid.body.grab()
    before = sys.getrefcount(None)
    # A Python paint path drops several references per cell per repaint (hundreds per grab of this grid):
    # five repaints of each view show it as surely as thirty would, at a sixth of the painting.
    for _ in range(5):
        grid.body.grab()  # QWidget.grab returns a pixmap: not itself a void call
        grid.footer.grab()
    assert sys.getrefcount(None) >= before - 5


def test_print_sheet_previews_and_saves_every_option_in_chinese(qtbot, demo_db, worker_actor, runner,
                                                                tmp_path) -> None:
    import re
    import subprocess

    window = window_for(qtbot, demo_db, worker_actor, runner)
    key, detail = first_with(demo_db, "surveyed", appraised=True)
    page = _open(qtbot, window, key)
    assert not page.sheet_button.isEnabled()  # nothing calculated yet
    page.calc_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.model.columnCount() > 1, timeout=5000)
    assert page.sheet_button.isEnabled()

    page.sheet_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: page.sheet.preview is not None and page.sheet.preview.page_count() > 0, timeout=5000)
    assert page.sheet.preview.save_button.isVisible() and page.sheet.preview.print_button.isVisible()
    page.sheet.preview.reject()
    out = tmp_path / "sheet.pdf"
    page.sheet.save_pdf(out)
    wait_idle(qtbot, runner)
    qtbot.waitUntil(out.is_file, timeout=5000)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = re.sub(r"\s+", "", raw)
    stored = calculations.options(demo_db, detail.id)
    # The household, its owners and its house once; then each option on its own: fewer pages than options
    # for the six of a demo household (the sheet once printed all three tables per option: 12-16 pages).
    assert len(stored) >= 4
    assert text.count("补偿测算单") == 1 and text.count("房屋部位") == 1  # title and house table once
    assert text.count("公民身份号码") == 1 and text.count("权属证书") <= 1  # parties and certificates once
    pages = raw.count("\f")
    assert pages <= len(stored) + 1 and f"共{pages}页" in text
    headings = [f"方案{'一二三四五六七八九'[n]}：{o.result.mode_label}" for n, o in enumerate(stored)]
    starts = []
    for heading in headings:  # each option's own section, after the side-by-side table, in order
        starts.append(text.index(heading, starts[-1] + 1 if starts else text.index("各安置方案测算结果")))
    starts.append(text.index("说明", starts[-1]))
    for n, option in enumerate(stored):
        r = option.result
        section = text[starts[n]:starts[n + 1]]
        assert format_yuan(r.total) in section and r.upper in section  # its total and its amount in words (大写)
        assert all(format_yuan(abs(line.amount)) in section for line in r.lines)  # flat prices unsigned
    assert "cash" not in text and "exchange" not in text and "voucher" not in text  # never option codes
    assert "max(" not in text and "min(" not in text
    v = next(o.result.voucher for o in stored if o.result.mode == "voucher")
    assert f"其中计入房票（只能用于购房，不能兑换现金）人民币{format_yuan(v.face_amount)}元" in text
