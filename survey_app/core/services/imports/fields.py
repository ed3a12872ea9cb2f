"""Which column is which: the fields of a roster (入户名册) and of an appraisal result sheet (评估结果), the
Chinese header names districts and appraisers commonly use for them, and explicit mappings.

A header is compared after NFKC (full-width brackets become ASCII), without spaces, ``*``/``※`` marks and a
bracketed unit ("建筑面积（㎡）" → "建筑面积"). A mapping says ``field = "header as in the file"``; it comes from a
TOML file, the mapping dialog, or what was used last time in this project (a local setting, per kind).
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from survey_app.core.domain.errors import ValidationError


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False


ROSTER_FIELDS: tuple[Field, ...] = (
    Field("household_code", "户号", ("户号", "户编号", "住户编号", "编号", "房屋编号")),
    Field("head_name", "户主姓名", ("户主姓名", "户主", "姓名", "被征收人", "被征收人姓名", "权利人", "产权人"),
          required=True),
    Field("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码", "证件号码", "户主身份证号",
                                 "身份证")),
    Field("phone", "联系电话", ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码")),
    Field("address", "房屋坐落", ("房屋坐落", "坐落", "地址", "房屋地址", "住址", "房屋坐落地址")),
    Field("section", "片区/地块", ("片区", "地块", "区块", "地块编号", "片区/地块", "组别", "所属地块", "所属片区")),
    Field("certificate_no", "产权证号", ("产权证号", "房产证号", "不动产权证号", "产权证书号", "权证号",
                                     "房屋所有权证号", "不动产权证书号")),
    Field("area", "建筑面积", ("建筑面积", "登记面积", "证载面积", "面积", "证载建筑面积")),
    Field("use", "用途", ("用途", "房屋用途", "规划用途", "证载用途")),
    Field("owner_type", "被征收人类型", ("被征收人类型", "权利人类型", "产权人类型", "所有权人类型", "被征收人性质",
                                      "户别")),
    Field("notes", "备注", ("备注", "说明")),
)

APPRAISAL_FIELDS: tuple[Field, ...] = (
    Field("household_code", "户号", ("户号", "户编号", "住户编号", "编号")),
    Field("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码", "证件号码", "被征收人身份证号")),
    Field("part_label", "部位", ("部位", "建筑部分", "房屋部位", "幢号/部位", "房屋名称", "建筑物名称")),
    Field("part_no", "部位序号", ("部位序号", "建筑部分序号", "部位编号")),
    Field("use", "用途", ("用途", "房屋用途", "评估用途")),
    Field("unit_price", "评估单价", ("评估单价", "单价", "房屋评估单价", "评估单价元/㎡", "市场评估单价"),
          required=True),
    Field("structure", "结构", ("结构", "建筑结构", "房屋结构")),
    Field("newness", "成新", ("成新", "成新率", "成新度")),
    Field("decoration_grade", "装修等级", ("装修等级", "装修档次", "装修情况")),
    Field("decoration_value", "装修金额", ("装修金额", "装修评估值", "装修补偿", "装修价值", "装饰装修评估值")),
    Field("decoration_unit_price", "装修单价", ("装修单价", "装修评估单价", "装饰装修单价", "装修单价元/㎡",
                                           "装修单价元/m2")),
    Field("fixtures_value", "附属物评估值", ("附属物评估值", "附属物金额", "附属物", "附属物价值",
                                        "附属设施评估值")),
    Field("report_no", "报告编号", ("报告编号", "评估报告编号", "报告号", "评估报告号")),
    Field("appraiser", "评估机构", ("评估机构", "评估公司", "评估单位")),
    Field("appraised_on", "评估时点", ("评估时点", "评估日期", "价值时点", "估价时点")),
)

FIELDS = {"roster": ROSTER_FIELDS, "appraisal": APPRAISAL_FIELDS}
MAPPING_SETTING = "imports.mapping."  # + kind + "." + project code: JSON {field: header}

_UNIT = re.compile(r"\([^)]*\)$")


def normalize_header(header: object) -> str:
    s = unicodedata.normalize("NFKC", "" if header is None else str(header))
    s = re.sub(r"[\s*※:：]", "", s)
    return _UNIT.sub("", s) or s


def _by_name(fields: tuple[Field, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in fields:
        for name in (f.label, *f.synonyms):
            out.setdefault(normalize_header(name), f.key)
    return out


def auto_mapping(headers: list[str], kind: str) -> dict[str, int]:
    """field key → column index for every header recognised by name (the first column wins)."""
    names = _by_name(FIELDS[kind])
    out: dict[str, int] = {}
    for i, h in enumerate(headers):
        key = names.get(normalize_header(h))
        if key and key not in out:
            out[key] = i
    return out


def recognised(headers: list[str], kind: str) -> int:
    return len(auto_mapping(headers, kind))


def field_keys(kind: str) -> dict[str, Field]:
    return {f.key: f for f in FIELDS[kind]}


def resolve(headers: list[str], kind: str, explicit: dict[str, str] | None = None,
            remembered: dict[str, str] | None = None) -> tuple[dict[str, int], list[str]]:
    """The mapping to use (field → column index) and problems with the explicit part.

    Recognised headers first, then what this project used last time (when those headers are in the file),
    then the explicit mapping, which wins and must name headers that exist. A field mapped to "" is left out."""
    mapping = auto_mapping(headers, kind)
    index = {normalize_header(h): i for i, h in reversed(list(enumerate(headers)))}
    fields = field_keys(kind)
    for key, header in (remembered or {}).items():
        if key in fields and header and normalize_header(header) in index:
            mapping[key] = index[normalize_header(header)]
    problems = []
    for key, header in (explicit or {}).items():
        if key not in fields:
            problems.append(f"对应关系中的字段“{key}”不认识（可用：{'、'.join(fields)}）")
        elif not header:
            mapping.pop(key, None)
        elif normalize_header(header) in index:
            mapping[key] = index[normalize_header(header)]
        else:
            problems.append(f"对应关系把“{fields[key].label}”对应到列“{header}”，但文件中没有这一列")
    return mapping, problems


def mapping_headers(mapping: dict[str, int], headers: list[str]) -> dict[str, str]:
    """The mapping in the form a person (and the remembered setting) uses: field → header text."""
    return {k: headers[i] for k, i in mapping.items() if 0 <= i < len(headers)}


def load_mapping_file(path: Path, kind: str) -> dict[str, str]:
    """A TOML mapping: ``"户主姓名" = "户主"`` or ``head_name = "户主"`` at the top, or under [columns] or [kind]."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise ValidationError(f"无法读取对应关系文件：{e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ValidationError(f"对应关系文件格式错误：{e}") from None
    table = data.get(kind) or data.get("columns") or data
    if not isinstance(table, dict):
        raise ValidationError("对应关系文件应为“字段 = \"列标题\"”的形式")
    labels = {f.label: f.key for f in FIELDS[kind]}
    out: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            continue
        if not isinstance(value, str):
            raise ValidationError(f"对应关系文件中“{key}”的值应为列标题文字")
        out[labels.get(key, key)] = value
    return out


def setting_key(kind: str, project_code: str) -> str:
    return f"{MAPPING_SETTING}{kind}.{project_code}"


def remembered_mapping(db, kind: str, project_code: str) -> dict[str, str]:  # noqa: ANN001
    try:
        value = json.loads(db.setting(setting_key(kind, project_code), "{}"))
    except ValueError:
        return {}
    return {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}


def remember_mapping(db, kind: str, project_code: str, mapping: dict[str, str]) -> None:  # noqa: ANN001
    db.set_setting(setting_key(kind, project_code), json.dumps(mapping, ensure_ascii=False, sort_keys=True))
