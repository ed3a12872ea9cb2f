"""Fill survey_app_en.ts with the English texts below (run after pyside6-lupdate; marks them finished).

    .venv/bin/pyside6-lupdate $(find survey_app/ui -name '*.py') survey_app/core/domain/vocabulary.py \
        -ts resources/translations/survey_app_en.ts \
        -source-language zh_CN -target-language en -no-obsolete
    .venv/bin/python resources/translations/fill_en.py

Keeping the English here, keyed by (context, Chinese source), means a re-run of lupdate never loses
a translation; a source without an entry is reported and left unfinished.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("survey_app_en.ts")

COMMON = {
    "户主": "Head", "身份证号": "ID number", "电话": "Phone", "地址": "Address", "地块": "Section",
    "调查员": "Surveyor", "状态": "Status", "退出": "Quit", "语言": "Language", "关于": "About",
}

EN: dict[str, dict[str, str]] = {
    "App": {
        "无法打开数据库": "Cannot open the database",
        "无法打开数据库：{path}\n{error}": "Cannot open the database: {path}\n{error}",
        "错误": "Error",
        "首次启动：正在创建演示项目…": "First start: creating the demo project…",
        "创建演示项目失败：{error}": "Creating the demo project failed: {error}",
        "正在打开项目数据库。新版本第一次打开时要升级数据库，数据多时需要几分钟，请勿关闭程序…":
            "Opening the project database. The first start of a new version upgrades it, which can take a few "
            "minutes for a large project; do not close the program…",
    },
    "Formats": {"{y}年{m}月{d}日": "{d} {mon} {y}"},
    "HouseholdDetailHtml": {
        "第{rev}版\u3000{when}\u3000{who}": "revision {rev}, {when}, {who}",
        "签约意愿": "Willing to sign", "意向安置方式": "Preferred mode", "备注": "Notes",
        "最后修改": "Last change", "户主与住户": "Head of household", "低保": "Minimum allowance",
        "残疾": "Disabled", "大病": "Serious illness", "户籍不在本址": "Hukou elsewhere", "姓名": "Name",
        "关系": "Relation", "性别": "Sex", "出生日期": "Born", "情况": "Notes",
        "家庭成员（{n}人）": "Family members ({n})", "权利人": "Owner", "证书类型": "Certificate",
        "证书编号": "Certificate no.", "份额": "Share", "土地面积 m²": "Land m²", "产权": "Ownership",
        "建筑部分": "Building parts", "部位": "Part", "面积 m²": "Area m²", "用途": "Use", "结构": "Structure",
        "层数": "Floors", "建成年份": "Built", "合法性": "Legal status", "合计": "Total", "{n}处": "{n}",
        "附属物": "Fixtures", "数量": "Quantity", "其他调查项目": "Other items", "名称": "Name",
        "统一社会信用代码": "USCC", "年利润": "Annual profit", "经营": "Business", "报告编号": "Report no.",
        "评估机构": "Appraiser", "评估单价 元/m²": "Unit price yuan/m²", "评估日期": "Appraised on",
        "评估": "Appraisal", "调查员": "Surveyor", "无": "None",
    },
    "HouseholdDetailView": {
        "在左侧列表中选择一户，这里显示其详细情况": "Select a household in the list to see its details here",
    },
    "HouseholdFilterBar": {
        "搜索 户号 / 姓名 / 拼音 / 身份证号 / 电话 / 地址": "Search code / name / pinyin / ID number / phone / address",
        "全部 ({n})": "All ({n})", "{label} ({n})": "{label} ({n})",
    },
    "HouseholdModel": {
        "户号": "Code", "人口": "Persons", "建筑面积 m²": "Floor area m²",
        "此列不能排序": "This column cannot be sorted",
    },
    "Labels": {
        "待调查": "Pending", "已调查": "Surveyed", "已复核": "Reviewed", "已测算": "Calculated", "已签约": "Signed",
        "已交房": "Handed over", "户主": "Head", "配偶": "Spouse", "子女": "Child", "父母": "Parent",
        "孙子女": "Grandchild", "兄弟姐妹": "Sibling", "儿媳/女婿": "Child-in-law", "其他": "Other",
        "住宅": "Residential", "商业": "Commercial", "办公": "Office", "工业": "Industrial",
        "已登记": "Registered", "未登记认定合法": "Unregistered, found legal", "违法建筑": "Illegal",
        "临时建筑": "Temporary", "调查员": "Field worker", "复核员": "Supervisor", "指挥部管理员": "HQ admin",
        "同意": "Agrees", "未决定": "Undecided", "不同意": "Refuses", "货币补偿": "Cash",
        "产权调换": "Property exchange", "房票安置": "Housing voucher", "水表": "Water meter",
        "电表": "Electricity meter", "空调": "Air conditioner", "热水器": "Water heater",
        "管道燃气": "Piped gas", "有线电视": "Cable TV", "固定电话": "Landline", "主表": "main", "分表": "sub",
        "挂机": "split", "柜机": "cabinet", "电": "electric", "燃气": "gas", "太阳能": "solar",
        "简易棚": "Simple shed", "阁楼": "Loft", "灶台": "Stove", "水井": "Well", "围墙": "Fence wall",
        "钢混": "Reinforced concrete", "砖混": "Brick-concrete", "砖木": "Brick-wood", "简易": "Simple",
        "男": "M", "女": "F", "简易装修": "Simple decoration", "中档装修": "Medium decoration", "精装修": "Fine decoration",
    },
    "LoginDialog": {
        "登录 — 征收补偿入户调查": "Log in — Household Survey",
        "征收补偿入户调查": "Household Survey",
        "用户名(&U)": "&User name", "密码(&P)": "&Password",
        "演示账号：worker / worker123（调查员）\nreviewer / review123（复核员）\u3000hq / hq123456（指挥部管理员）":
            "Demo accounts: worker / worker123 (field worker)\n"
            "reviewer / review123 (supervisor), hq / hq123456 (HQ admin)",
        "登录": "Log in", "请输入用户名": "Please enter a user name", "正在登录…": "Logging in…",
    },
    "MainWindow": {
        "{name}（{role}）": "{name} ({role})", "征收补偿入户调查": "Household Survey",
        "当前用户：{name}（{role}）": "User: {name} ({role})", "共 {n} 户": "{n} households",
        "文件(&F)": "&File", "退出(&X)": "E&xit", "视图(&V)": "&View", "搜索(&S)": "&Search",
        "语言(&L)": "&Language", "帮助(&H)": "&Help", "关于(&A)": "&About",
        "界面语言将在下次启动时切换。": "The interface language will change at the next start.",
        "<b>征收补偿入户调查</b> {version}<br>离线入户调查、补偿测算与协议工作站。<br>数据库：{path}":
            "<b>Household Survey</b> {version}<br>Offline survey, compensation and agreement workstation."
            "<br>Database: {path}",
        "还有任务在运行，确定要取消并退出吗？": "A task is still running. Cancel it and quit?",
    },
    "TaskRunner": {"正在处理…": "Working…", "取消": "Cancel", "请稍候": "Please wait", "正在取消…": "Cancelling…"},
}


def _merge_area_files() -> None:
    """Add the English of sibling ``en_<area>.py`` files (each defines ``EN`` by context), so
    pages written in parallel keep their translations in their own files."""
    import importlib.util

    for path in sorted(TS.parent.glob("en_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        for ctx, texts in module.EN.items():
            EN.setdefault(ctx, {}).update(texts)


def main() -> int:
    _merge_area_files()
    tree = ET.parse(TS)
    missing = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            text = EN.get(name, {}).get(source) or COMMON.get(source)
            tr = msg.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):  # source gone from the code: leave it to lupdate
                continue
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            tr.text = text
            tr.attrib.pop("type", None)  # finished
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    for m in missing:
        print("untranslated:", m, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
