"""Blank 入户名册 / 评估结果 workbooks a district clerk or an appraiser fills in: one column per field the import
reads (its Chinese header), required columns marked ＊, ID and phone columns formatted as text so Excel keeps
the leading zeros and the final X, and a 填写说明 sheet saying what each column takes.

The headers are the import's own field labels, so a filled-in template imports without a mapping.
"""

from __future__ import annotations

from pathlib import Path

from survey_app.core.domain.errors import ValidationError
from survey_app.core.services.imports.fields import FIELDS, Field

TITLES = {"roster": "入户调查名册", "appraisal": "房屋评估结果"}

_HINTS = {
    "household_code": "户号，如 A1-0001；评估结果按户号对应住户",
    "head_name": "户主（被征收人）姓名",
    "id_number": "18位公民身份号码，末位可为X；请保持文本格式",
    "phone": "手机或固定电话",
    "address": "房屋坐落",
    "section": "片区或地块，须为项目已设的片区",
    "certificate_no": "不动产权证号；无证房屋留空",
    "area": "建筑面积（平方米），最多两位小数（方案面积计至 0.001 m² 的项目为三位），不要写单位",
    "use": "住宅、商业（营业）、办公、工业、仓储或其他",
    "notes": "其他说明",
    "part_label": "建筑部分，如 证载房屋、未登记建筑、附属用房",
    "part_no": "同一户第几个建筑部分（1、2、…）；只有一个部分时可留空",
    "unit_price": "评估单价（元/平方米），写确切数字，不要写“约”",
    "structure": "钢混、砖混、砖木、简易等",
    "newness": "成新，如 八成新 或 80%",
    "decoration_grade": "装修等级，如 简易、中档、高档",
    "decoration_value": "装修评估金额（元）",
    "decoration_unit_price": "装修评估单价（元/平方米，可不填）；与装修金额都填时须等于 单价 × 该部位面积（四舍五入到分）",
    "fixtures_value": "附属物评估金额（元）",
    "report_no": "评估报告编号",
    "appraiser": "评估机构名称",
    "appraised_on": "评估时点（日期），如 2024-03-01",
    "owner_type": "个人、企业、机关事业单位或集体",
}
_TEXT_FIELDS = {"household_code", "id_number", "phone", "certificate_no", "report_no", "part_no"}


def header(field: Field) -> str:
    return f"＊{field.label}" if field.required else field.label


def write_template(kind: str, path: Path) -> Path:
    """Write the blank workbook for ``kind`` ("roster" or "appraisal") to ``path`` (.xlsx); returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if kind not in FIELDS:
        raise ValidationError(f"没有这种模板：{kind}（可用：roster 名册、appraisal 评估结果）")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("模板只能保存为 .xlsx 文件")
    fields = FIELDS[kind]
    wb = Workbook()
    ws = wb.active
    ws.title = TITLES[kind]
    ws.append([header(f) for f in fields])
    for i, f in enumerate(fields, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(12, 2 * len(f.label) + 4)
        ws.cell(row=1, column=i).font = Font(bold=True, color="C00000" if f.required else "000000")
        if f.key in _TEXT_FIELDS:
            for row in range(2, 1002):  # the rows a clerk fills keep ID numbers and codes as text
                ws.cell(row=row, column=i).number_format = "@"
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("填写说明")
    notes.append(["列标题", "必填", "填写说明"])
    for f in fields:
        notes.append([f.label, "是" if f.required else "", _HINTS.get(f.key, "")])
    notes.append([])
    notes.append(["第一行为列标题，请勿改动；从第二行起每行一条。标＊的列必须填写。"])
    notes.append(["也可以用本地区原有的表格：导入时按常见列名自动识别，识别不了的列可在导入时手动对应。"])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["C"].width = 60
    tmp = path.with_name(path.name + ".part")
    try:
        wb.save(tmp)
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"无法写入模板文件：{e.strerror or e}") from None
    return path
