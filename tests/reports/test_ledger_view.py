"""The 台账 read a block of households at a time (reports/ledger_view.py, the in-app preview's source) and
the filtered export: every row equals the file's, the 合计 equals the file's 合计 row, a filter exports
exactly its households. Plain SQL through ``q`` (both dialects: tests/pg runs these again)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from survey_app.core.services.reports import ledger_xlsx
from survey_app.core.services.reports.ledger import LedgerFilter, ledger_rows
from survey_app.core.services.reports.ledger_view import ledger_keys, ledger_rows_for, ledger_totals
from tests.reports.conftest import q


def num(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_rows_by_key_are_the_files_rows_in_its_order(signed_db) -> None:
    keys = ledger_keys(signed_db)
    assert len(keys) == 60
    whole = list(ledger_rows(signed_db))
    by_block: dict[int, object] = {}
    for start in range(0, len(keys), 7):  # blocks of any size, in any order
        by_block.update(ledger_rows_for(signed_db, keys[start:start + 7]))
    assert [by_block[k].cells for k in keys] == whole
    codes = dict(q(signed_db, "SELECT household_code, id FROM households"))
    assert all(codes[by_block[k].cells[0]] == by_block[k].id for k in keys)  # the id opens that household


def test_a_deleted_household_drops_out_of_keys_rows_and_totals(signed_db) -> None:
    keys = ledger_keys(signed_db)
    gone = ledger_rows_for(signed_db, keys[:1])[keys[0]]
    with signed_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE households SET deleted_at = updated_at WHERE household_code = ?",
                             (gone.cells[0],))
    assert ledger_rows_for(signed_db, keys[:3]).keys() == set(keys[1:3])
    assert keys[0] not in ledger_keys(signed_db) and ledger_totals(signed_db).households == 59


def test_totals_are_the_files_totals_row(signed_db, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    summary = ledger_xlsx(signed_db, out)
    totals = ledger_totals(signed_db)
    ws = load_workbook(out)["台账"]
    last = ws[ws.max_row]
    assert last[0].value == f"合计（{totals.households} 户）" and totals.households == summary.households == 60
    assert (num(last[6].value), num(last[10].value), num(last[11].value)) == (totals.area, totals.total, totals.net)
    assert totals.paid == Decimal("0.00") and last[15].value in (0, None)
    assert (totals.area, totals.total, totals.net) == (summary.area, summary.total, summary.net)


def test_a_filtered_export_holds_exactly_the_filtered_households(signed_db, tmp_path: Path) -> None:
    flt = LedgerFilter(section="B1", status="signed")
    expected = [code for (code,) in q(signed_db, "SELECT household_code FROM households WHERE section = 'B1' AND "
                                                 "status = 'signed' AND deleted_at IS NULL ORDER BY household_code")]
    assert expected  # the signed project has signed households in B1
    keys = ledger_keys(signed_db, flt)
    rows = ledger_rows_for(signed_db, keys)
    assert [rows[k].cells[0] for k in keys] == expected
    out = tmp_path / "B1.xlsx"
    summary = ledger_xlsx(signed_db, out, flt=flt)
    ws = load_workbook(out)["台账"]
    assert [r[0].value for r in ws.iter_rows(min_row=2, max_row=ws.max_row - 1)] == expected
    assert ws[ws.max_row][0].value == f"合计（{len(expected)} 户）" and summary.households == len(expected)
    totals = ledger_totals(signed_db, flt)
    assert totals.households == len(expected) and num(ws[ws.max_row][6].value) == totals.area
    area = q(signed_db, "SELECT sum(p.area) FROM building_parts p JOIN households h ON h.id = p.household_id "
                        "WHERE h.section = 'B1' AND h.status = 'signed' AND p.deleted_at IS NULL AND h.deleted_at IS NULL")
    assert totals.area == Decimal(int(area[0][0])).scaleb(-2)
