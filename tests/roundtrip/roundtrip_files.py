"""The district's roster and the appraiser's results for the round trip, written with openpyxl the way
they arrive: a title row, a date row, Chinese headers, ID numbers as text — first with a few bad rows."""

from __future__ import annotations

from pathlib import Path

from survey_app.core.domain.validation import resident_id_check_digit

ROSTER_HEADERS = ["序号", "户号", "户主姓名", "公民身份号码", "联系电话", "房屋坐落", "地块", "产权证号",
                  "建筑面积（㎡）", "用途"]
APPRAISAL_HEADERS = ["户号", "部位", "评估单价（元/㎡）", "结构", "成新", "装修等级", "装修金额", "附属物评估值",
                     "评估报告编号", "评估机构"]
HOUSEHOLDS = 4  # A1-0001 … A1-0004; the first is surveyed and signed on the laptop


def resident_id(n: int) -> str:
    first17 = f"43010219{60 + n:02d}0{n % 9 + 1}1{n:01d}{n:03d}"[:17]
    return first17 + resident_id_check_digit(first17)


def _wrong_check_digit(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


def roster_rows(*, bad: bool) -> list[list]:
    names = ["刘建华", "陈秀英", "周国强", "吴桂兰"]
    rows = [[n, f"A1-{n:04d}", names[n - 1], resident_id(n), f"1397310{n:04d}", f"芙蓉区古稻田路{n}号",
             "A1", f"湘(2019)长沙市不动产权第{n:07d}号", "56.30" if n % 2 else "78.45", "住宅"]
            for n in range(1, HOUSEHOLDS + 1)]
    if bad:  # what a tired clerk hands over
        rows[1][3] = _wrong_check_digit(rows[1][3])  # row 5: a wrong check digit
        rows[2][2] = ""  # row 6: no name
        rows[3][6] = "Z9"  # row 7: a section the project does not have
    return rows


def appraisal_rows(*, bad: bool) -> list[list]:
    rows = [[f"A1-{n:04d}", "证载房屋", "13670", "砖混", "八成新", "中档", "9600", "4800", f"湘华评字〔2024〕第{n:03d}号",
             "湖南华信房地产评估有限公司"] for n in range(1, HOUSEHOLDS + 1)]
    if bad:
        rows[1][2] = "约13000"  # row 3: not an exact number
        rows[2][0] = "A1-0099"  # row 4: no such household
    return rows


def write_xlsx(path: Path, headers: list[str], rows: list[list], *, title: str = "") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    if title:
        ws.append([title])
        ws.append(["制表日期：2024年3月1日"])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for col in ("D", "E"):  # ID and phone as text, as a careful clerk keeps them
        for cell in ws[col]:
            cell.number_format = "@"
    wb.save(path)
    return path


def write_roster(path: Path, *, bad: bool) -> Path:
    return write_xlsx(path, ROSTER_HEADERS, roster_rows(bad=bad), title="芙蓉路片区入户调查名册")


def write_appraisals(path: Path, *, bad: bool) -> Path:
    return write_xlsx(path, APPRAISAL_HEADERS, appraisal_rows(bad=bad))
