"""Reading a roster or appraisal file into rows of raw cells: .xlsx (openpyxl, read-only, cached formula
values) or .csv (UTF-8 with or without BOM, else GB18030, which covers GBK and GB2312 — detected and named).

The header row is found, not assumed: districts put a title ("XX片区入户调查名册") and a date line above
the table, so the first of the top rows that names at least two known fields is the header. Row numbers
are the spreadsheet's own (1-based, as Excel shows them), so a problem list points at the right line.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.imports import fields as fieldmod
from survey_app.core.services.imports.cells import Raw

HEADER_SEARCH_ROWS = 10
MAX_ROWS = 200_000


@dataclass
class Table:
    """One sheet: its header row (number and texts) and the data rows below it (row number, cells)."""

    file_name: str
    sha256: str
    source: str  # "Excel 工作表“名册”" / "CSV（GBK/GB18030 编码）"
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Raw]]] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_table(path: Path, kind: str, *, header_row: int | None = None) -> Table:
    """Read ``path`` (.xlsx/.xlsm or .csv). Raises ValidationError with a Chinese message for an unreadable file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(f"文件不存在：{path.name}")
    if suffix in (".xlsx", ".xlsm"):
        source, grid = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        source, grid = _read_csv(path)
    elif suffix == ".xls":
        raise ValidationError("不支持旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入")
    else:
        raise ValidationError(f"不支持的文件类型“{suffix or path.name}”：请使用 .xlsx 或 .csv")
    n = header_row or _find_header(grid, kind)
    if n < 1 or n > len(grid):
        raise ValidationError(f"文件中没有第{n}行，无法作为标题行")
    headers = ["" if r.value is None else str(r.value).strip() for r in grid[n - 1]]
    table = Table(path.name, file_sha256(path), source, n, headers)
    for i, cells in enumerate(grid[n:], start=n + 1):
        if any(c.value is not None and str(c.value).strip() for c in cells):
            cells = cells + [Raw(None)] * (len(headers) - len(cells))
            table.rows.append((i, cells))
    return table


def _find_header(grid: list[list[Raw]], kind: str) -> int:
    best, best_n = 1, 0
    for i, cells in enumerate(grid[:HEADER_SEARCH_ROWS], start=1):
        headers = ["" if c.value is None else str(c.value) for c in cells]
        n = fieldmod.recognised(headers, kind)
        if n >= 2:
            return i
        if n > best_n:
            best, best_n = i, n
    return best


def _read_xlsx(path: Path) -> tuple[str, list[list[Raw]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as e:
        raise ValidationError(f"无法读取 Excel 文件“{path.name}”：文件已损坏或不是 .xlsx（{type(e).__name__}）") from None
    except Exception as e:  # zipfile.BadZipFile and the like from a renamed or truncated file
        raise ValidationError(f"无法读取 Excel 文件“{path.name}”：文件已损坏或不是 .xlsx（{type(e).__name__}）") from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise ValidationError(f"Excel 文件“{path.name}”中没有工作表")
        grid = []
        for row in ws.iter_rows():
            grid.append([Raw(getattr(c, "value", None), getattr(c, "number_format", "") or "") for c in row])
            if len(grid) > MAX_ROWS:
                raise ValidationError(f"文件超过{MAX_ROWS:,}行，请分成几个文件导入")
        title = ws.title
    finally:
        wb.close()
    while grid and not any(c.value is not None for c in grid[-1]):
        grid.pop()
    return f"Excel 工作表“{title}”", grid


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding label): UTF-8 with BOM, UTF-8, else GB18030 (a superset of GBK); else refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8（带BOM）"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GBK/GB18030"
    except UnicodeDecodeError:
        raise ValidationError("无法识别 CSV 文件的编码：请以 UTF-8 或 GBK 保存") from None


def _read_csv(path: Path) -> tuple[str, list[list[Raw]]]:
    text, encoding = decode_csv(path.read_bytes())
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    grid = [[Raw(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    if len(grid) > MAX_ROWS:
        raise ValidationError(f"文件超过{MAX_ROWS:,}行，请分成几个文件导入")
    return f"CSV（{encoding} 编码）", grid
