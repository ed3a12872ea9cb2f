"""A small streaming .xlsx writer for big tables (the 台账): typed columns, frozen header, autofilter, totals.

Why not openpyxl's write-only mode: measured on the 2-core machine, it costs ~0.5–0.8 ms per 14-column row
(et_xmlfile serialises cell by cell; lxml barely helps), i.e. a minute or more for 100,000 households.
This writer formats each row as one string (~20 µs) and streams it into the zip, so a 100k-row ledger is
written in seconds. openpyxl still reads these files back (the tests do) and writes the small reports.

The package is the minimal SpreadsheetML Excel, WPS and LibreOffice open: content types, workbook with
its relationships and defined names (_FilterDatabase for the autofilter, Print_Titles so every printed
page repeats the header), one styles part and one worksheet part per sheet. Text is written as inline
strings, XML-escaped, with characters XML 1.0 forbids removed.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from survey_app.core.files import atomic_writer

# Cell styles (index into cellXfs below).
TEXT, HEADER, MONEY, AREA, DATE, INT, PCT = 0, 1, 2, 3, 4, 5, 6
_TOTAL = 7  # + kind: the same styles in bold on the totals row
MONEY_FORMAT, AREA_FORMAT, DATE_FORMAT, PCT_FORMAT = "#,##0.00", "0.00", "yyyy-mm-dd", "0.00%"

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = dt.date(1899, 12, 30)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Column:
    header: str
    kind: int = TEXT  # TEXT, MONEY, AREA, DATE, INT or PCT
    width: float = 12.0


@dataclass
class Sheet:
    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    # written after the rows, bold, outside the autofilter; a callable is called once the rows are written
    totals: Sequence[object] | Callable[[], Sequence[object]] | None = None
    titles: Sequence[str] = ()  # lines above the header (bold, first column)
    autofilter: bool = True
    written: int = 0  # data rows written (set by write_workbook)

    @property
    def header_rows(self) -> int:
        """The header's row number: rows up to it are frozen and repeated on printed pages."""
        return len(self.titles) + 1


def col_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _text(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f'<is><t{space}>{escape(value)}</t></is>'


def _cell(ref: str, value: object, kind: int, style: int) -> str:
    if value is None or value == "":
        return ""
    if kind == DATE and isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return f'<c r="{ref}" s="{style}"><v>{(day - _EPOCH).days}</v></c>'
    if isinstance(value, bool):
        value = "是" if value else "否"
    if isinstance(value, (int, Decimal, float)) and kind != TEXT:
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr" s="{style}">{_text(str(value))}</c>'


def _row(number: int, values: Sequence[object], letters: Sequence[str], kinds: Sequence[int], total: bool) -> str:
    cells = "".join(_cell(f"{letters[i]}{number}", v, kinds[i], kinds[i] + _TOTAL if total else kinds[i])
                    for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def _sheet_xml(out, sheet: Sheet) -> None:  # noqa: ANN001 - a binary stream
    letters = [col_letter(i) for i in range(len(sheet.columns))]
    kinds = [c.kind for c in sheet.columns]
    last = letters[-1]
    top = sheet.header_rows + 1
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{c.width}" customWidth="1"/>'
                   for i, c in enumerate(sheet.columns))
    out.write((f'{_HEAD}<worksheet {_NS} {_NS_R}><sheetViews><sheetView workbookViewId="0">'
               f'<pane ySplit="{sheet.header_rows}" topLeftCell="A{top}" activePane="bottomLeft" state="frozen"/>'
               f'<selection pane="bottomLeft" activeCell="A{top}" sqref="A{top}"/></sheetView></sheetViews>'
               f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>').encode())
    for n, title in enumerate(sheet.titles, 1):
        out.write(f'<row r="{n}">{_cell(f"A{n}", title, TEXT, TEXT + _TOTAL)}</row>'.encode())
    header = "".join(_cell(f"{letters[i]}{sheet.header_rows}", c.header, TEXT, HEADER)
                     for i, c in enumerate(sheet.columns))
    out.write(f'<row r="{sheet.header_rows}">{header}</row>'.encode())
    number = sheet.header_rows
    chunk: list[str] = []
    for values in sheet.rows:
        number += 1
        chunk.append(_row(number, values, letters, kinds, False))
        if len(chunk) >= 2000:
            out.write("".join(chunk).encode())
            chunk.clear()
    out.write("".join(chunk).encode())
    sheet.written = number - sheet.header_rows
    totals = sheet.totals() if callable(sheet.totals) else sheet.totals
    if totals is not None:
        out.write(_row(number + 1, totals, letters, kinds, True).encode())
    autofilter = f'<autoFilter ref="A{sheet.header_rows}:{last}{max(number, sheet.header_rows + 1)}"/>'
    out.write(f'</sheetData>{autofilter if sheet.autofilter else ""}'
              f'<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
              f'<pageSetup orientation="landscape" paperSize="9"/></worksheet>'.encode())


def _styles() -> str:
    fmt = {TEXT: 0, HEADER: 0, MONEY: 4, AREA: 2, DATE: 164, INT: 1, PCT: 10}  # 4 "#,##0.00", 2 "0.00", 10 "0.00%"
    xfs = []
    for bold in (False, True):
        for kind in (TEXT, HEADER, MONEY, AREA, DATE, INT, PCT):
            font, fill = (1, 2) if bold or kind == HEADER else (0, 0)
            align = '<alignment horizontal="center" vertical="center" wrapText="1"/>' if kind == HEADER else ""
            xfs.append(f'<xf numFmtId="{fmt[kind]}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0" '
                       f'applyNumberFormat="1" applyFont="1" applyFill="1"'
                       + (f' applyAlignment="1">{align}</xf>' if align else "/>"))
    font = '<sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/>'
    return (f'{_HEAD}<styleSheet {_NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
            f'</numFmts><fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
            '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/>'
            '</patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
            '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` as one .xlsx at ``path``, atomically (a half-written file never has the name)."""
    with atomic_writer(Path(path)) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        names = []
        for n, sheet in enumerate(sheets, 1):
            with z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as out:
                _sheet_xml(out, sheet)
            last = col_letter(len(sheet.columns) - 1)
            quoted = "'" + sheet.name.replace("'", "''") + "'"
            h = sheet.header_rows
            defined = [f'<definedName name="_xlnm.Print_Titles" localSheetId="{n - 1}">{escape(quoted)}!${h}:${h}'
                       '</definedName>']
            if sheet.autofilter:
                defined.insert(0, f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n - 1}" hidden="1">'
                                  f'{escape(quoted)}!$A${h}:${last}${h + max(sheet.written, 1)}</definedName>')
            names.append((sheet.name, defined))
        sheets_xml = "".join(f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
                             for i, (name, _) in enumerate(names, 1))
        defined_xml = "".join(d for _, ds in names for d in ds)
        z.writestr("xl/workbook.xml", f'{_HEAD}<workbook {_NS} {_NS_R}><bookViews><workbookView/></bookViews>'
                                      f'<sheets>{sheets_xml}</sheets><definedNames>{defined_xml}</definedNames></workbook>')
        rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
        rels += (f'<Relationship Id="rId{len(names) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
                 '2006/relationships/styles" Target="styles.xml"/>')
        z.writestr("xl/_rels/workbook.xml.rels", f'{_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/'
                                                 f'package/2006/relationships">{rels}</Relationships>')
        z.writestr("xl/styles.xml", _styles())
        z.writestr("_rels/.rels", f'{_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                  'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                                  'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                                  '</Relationships>')
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                            for i in range(1, len(names) + 1))
        z.writestr("[Content_Types].xml", f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/'
                   f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>')
