"""Real roster and appraisal files for the import tests, written with openpyxl as a district would."""

from __future__ import annotations

from pathlib import Path

from survey_app.core.domain.validation import resident_id_check_digit


def resident_id(n: int, born: str | None = None) -> str:
    """A valid 18-digit ID (region 430102, a birth date and sequence that differ for every n < 365,000)."""
    import datetime as dt

    born = born or (dt.date(1950, 1, 1) + dt.timedelta(days=n // 1000)).strftime("%Y%m%d")
    first17 = f"430102{born}{n % 1000:03d}"
    return first17 + resident_id_check_digit(first17)


def bad_check_digit(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


ROSTER_HEADERS = ["序号", "户号", "户主姓名", "公民身份号码", "联系电话", "房屋坐落", "地块", "产权证号", "建筑面积（㎡）", "用途"]


def write_xlsx(path: Path, headers: list[str], rows: list[list], *, title: str | None = "古稻田片区入户调查名册",
               text_columns: tuple[int, ...] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "名册"
    if title:
        ws.append([title])
        ws.append(["制表日期：2023年6月1日"])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for col in text_columns:  # ID and phone columns kept as text, as a careful clerk does
        for cells in ws.iter_rows(min_row=1, min_col=col + 1, max_col=col + 1):
            for c in cells:
                c.number_format = "@"
    wb.save(path)
    return path


def roster_rows(count: int, *, section: str = "A1", start: int = 1) -> list[list]:
    out = []
    for i in range(start, start + count):
        out.append([i, f"{section}-{i:04d}", f"测试户主{i}", resident_id(i), f"138{i:08d}",
                    f"芙蓉区古稻田路{i}号", section, f"湘(2019)长沙市不动产权第{i:07d}号", "56.30", "住宅"])
    return out
