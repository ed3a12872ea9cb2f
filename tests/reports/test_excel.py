"""The 台账 and the monthly report, read back with openpyxl: headers, every figure, formats, frozen
header, autofilter, totals — against plain SQL and hand-counted values of the signed fixture project."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.reports import ledger_xlsx, monthly_report_xlsx
from survey_app.core.storage.models import Household
from tests.reports.conftest import q

HEADERS = ["户号", "户主", "片区", "调查员", "状态", "调查日期", "建筑面积(m²)", "测算日期", "安置方式", "选定方案",
           "补偿总额(元)", "结算金额(元)", "协议编号", "协议状态", "签约日期", "已付金额(元)", "末次付款日期", "交房日期",
           "签约率奖(元)", "早搬迁奖(元)", "协议生效"]  # the last three stay empty until HQ records 协议生效


def num(value: object) -> Decimal:
    """A cell's number as the exact 2-place Decimal it was written from."""
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_ledger_one_row_per_household_with_formats_frozen_header_and_totals(signed_db, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    summary = ledger_xlsx(signed_db, out)
    ws = load_workbook(out)["台账"]
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:U61"
    assert ws.max_row == 62 and summary.households == 60  # header, 60 households, totals
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2, max_row=61)}
    areas = dict(q(signed_db, "SELECT h.household_code, sum(p.area) FROM households h JOIN building_parts p "
                              "ON p.household_id = h.id WHERE p.deleted_at IS NULL GROUP BY h.household_code"))
    heads = dict(q(signed_db, "SELECT household_code, head_name FROM households"))
    assert set(rows) == set(heads)
    for code, row in rows.items():
        assert row[1].value == heads[code]
        assert num(row[6].value) == Decimal(areas.get(code, 0)).scaleb(-2), code
        assert row[6].number_format == "0.00"
        assert row[3].value == "张志强（worker）"
    # Agreements, by hand: the voided one is replaced by its re-issue; the printed one shows, unsigned.
    expect = {"A2-0004": ("FR2023-T01-000001", "已签订", dt.date(2023, 7, 1), "货币补偿"),
              "A2-0009": ("FR2023-T01-000002", "已签订", dt.date(2023, 7, 1), "货币补偿"),
              "B1-0003": ("FR2023-T01-000006", "已签订", dt.date(2023, 6, 10), "货币补偿"),
              "B2-0003": ("FR2023-T01-000004", "已签订", dt.date(2023, 5, 20), "产权调换"),
              "B2-0008": ("FR2023-T01-000005", "已打印", None, "货币补偿")}
    for code, (number, status, day, mode) in expect.items():
        row = rows[code]
        assert (row[12].value, row[13].value, row[8].value) == (number, status, mode), code
        assert (row[14].value.date() if row[14].value else None) == day, code
        net, total = q(signed_db, "SELECT net, total FROM agreements WHERE number = ?", number)[0]
        assert (num(row[11].value), num(row[10].value)) == (Decimal(net).scaleb(-2), Decimal(total).scaleb(-2))
        assert row[10].number_format == row[11].number_format == "#,##0.00"
        assert row[7].number_format == "yyyy-mm-dd" and row[7].value is not None
    signed_rows = [r for r in rows.values() if r[13].value == "已签订"]
    assert len(signed_rows) == 4 and all(r[14].number_format == "yyyy-mm-dd" for r in signed_rows)
    # A calculated household without an agreement shows its chosen current calculation's net.
    code, option, net, result = q(signed_db, "SELECT h.household_code, h.chosen_option, c.net, c.result_json "
                                             "FROM households h JOIN "
                                     "calculations c ON c.household_id = h.id AND c.option_key = h.chosen_option "
                                     "AND c.status = 'current' WHERE h.status = 'calculated' AND NOT EXISTS "
                                     "(SELECT 1 FROM agreements a WHERE a.household_id = h.id) "
                                     "ORDER BY h.household_code LIMIT 1")[0]
    import json

    words = {"cash": "货币补偿", "voucher": "房票安置"}.get(option) or json.loads(result)["flat_label"]  # never a code
    assert (rows[code][9].value, num(rows[code][11].value), rows[code][12].value) == (words, Decimal(net).scaleb(-2),
                                                                                      None)
    totals = ws[62]
    assert totals[0].value == "合计（60 户）" and all(c.font.b for c in totals if c.value is not None)
    assert num(totals[6].value) == summary.area == Decimal(sum(areas.values())).scaleb(-2)
    assert num(totals[11].value) == summary.net == sum((num(r[11].value) for r in rows.values() if r[11].value),
                                                       Decimal("0.00"))
    assert num(totals[10].value) == summary.total
    assert ws.print_title_rows == "$1:$1"


def test_ledger_survives_names_xml_cannot_hold(signed_db, tmp_path: Path) -> None:
    with signed_db.begin_write() as conn:
        conn.execute(update(Household).where(Household.household_code == "A1-0001")
                     .values(head_name=" 李<&>\x01四 "))
    out = tmp_path / "l.xlsx"
    ledger_xlsx(signed_db, out)
    rows = {r[0]: r for r in load_workbook(out).active.iter_rows(min_row=2, values_only=True)}
    assert rows["A1-0001"][1] == " 李<&>四 "


def test_cancelled_ledger_leaves_no_file(signed_db, tmp_path: Path, monkeypatch) -> None:
    from survey_app.core.services.reports import ledger

    monkeypatch.setattr(ledger, "CANCEL_EVERY", 10)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ValidationError, match="取消"):
        ledger_xlsx(signed_db, folder / "l.xlsx", cancel=lambda: True)
    assert list(folder.iterdir()) == []  # neither the file nor its temporary


def _sheet(path: Path):
    wb = load_workbook(path)
    return wb, wb["月报"]


MONTH_HEADERS = ["片区", "户数", "本月调查", "上月调查", "本月签约", "上月签约", "签约环比", "累计签约", "累计签约率",
                 "累计签约面积(m²)", "本月签约金额(元)", "上月签约金额(元)", "累计签约金额(元)", "累计货币化安置率"]


def test_monthly_report_june_against_may(signed_db, tmp_path: Path) -> None:
    out = tmp_path / "月报.xlsx"
    monthly_report_xlsx(signed_db, "2023-06", out)
    wb, ws = _sheet(out)
    assert "2023年6月" in ws["A1"].value and "截至 2023-06-30" in ws["A1"].value
    assert "60.00%" in ws["A2"].value
    assert [c.value for c in ws[3]] == MONTH_HEADERS
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref.startswith("A3:N")
    sections = dict(q(signed_db, "SELECT section, count(*) FROM households GROUP BY section"))
    body = {r[0].value: r for r in ws.iter_rows(min_row=4, max_row=3 + len(sections))}
    assert set(body) == set(sections)
    assert {k: r[1].value for k, r in body.items()} == sections
    area = lambda code: Decimal(q(signed_db, "SELECT sum(p.area) FROM building_parts p JOIN households h ON "
                                             "h.id = p.household_id WHERE h.household_code = ?", code)[0][0]).scaleb(-2)
    net = lambda number: Decimal(q(signed_db, "SELECT net FROM agreements WHERE number = ?",
                                   number)[0][0]).scaleb(-2)
    # By hand: June — B1-0003 signed 06-10 (its first agreement, signed 06-05, was voided 06-08: not
    # counted); May — B2-0003 (exchange). A2's two signings are on 07-01 China time.
    b1, b2, a2 = body["B1"], body["B2"], body["A2"]
    assert [b1[i].value for i in (4, 5, 7)] == [1, 0, 1]
    assert b1[6].value is None  # no month-over-month change from 0
    assert num(b1[10].value) == net("FR2023-T01-000006") == num(b1[12].value) and num(b1[11].value) == 0
    assert num(b1[9].value) == area("B1-0003")
    assert b1[13].value == 1 and b1[13].number_format == "0.00%"  # cash
    assert [b2[i].value for i in (4, 5, 7)] == [0, 1, 1]
    assert num(b2[11].value) == net("FR2023-T01-000004") and b2[13].value == 0  # exchange: 0 %
    assert num(b2[6].value) == Decimal("-1.00")  # from 1 to 0: −100 %
    assert [a2[i].value for i in (4, 5, 7)] == [0, 0, 0] and a2[13].value is None
    assert b1[10].number_format == "#,##0.00" and b1[9].number_format == "0.00"
    assert b1[8].value == pytest.approx(1 / sections["B1"], abs=5e-5) and b1[8].number_format == "0.00%"
    total = ws[4 + len(sections)]
    assert total[0].value == "合计" and total[0].font.b
    assert [total[i].value for i in (1, 4, 5, 7)] == [60, 1, 1, 2]
    assert num(total[12].value) == net("FR2023-T01-000006") + net("FR2023-T01-000004")
    assert num(total[9].value) == area("B1-0003") + area("B2-0003")
    assert total[13].value == pytest.approx(0.5)  # one of the two signed is cash
    assert total[8].value == pytest.approx(2 / 60, abs=5e-5)
    surveyed = q(signed_db, "SELECT count(*) FROM households WHERE surveyed_at >= '2023-05-31 16:00' "
                            "AND surveyed_at < '2023-06-30 16:00'")[0][0]
    assert total[2].value == surveyed
    assert [c.value for c in wb["说明"][1]] == ["指标", "口径"]


def test_monthly_report_july_counts_the_china_day(signed_db, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    rows = monthly_report_xlsx(signed_db, dt.date(2023, 7, 15), out)
    a2 = next(r for r in rows if r.section == "A2")
    assert (a2.signed, a2.signed_prev, a2.cum, a2.cum_cash) == (2, 0, 2, 2)
    _wb, ws = _sheet(out)
    assert "2023年7月" in ws["A1"].value


@pytest.mark.parametrize("bad", ["2023-13", "2023/06", "june", ""])
def test_a_bad_month_is_refused_in_chinese(signed_db, tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValidationError, match="YYYY-MM"):
        monthly_report_xlsx(signed_db, bad, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
