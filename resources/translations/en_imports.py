"""English for HQ's 名册与评估 tab (survey_app/ui/hq/imports_tab.py), its mapping dialog and the appraisal
columns of the household detail. Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "ImportsTab": {
        "导入名册…": "Import roster…", "导入评估结果…": "Import appraisals…", "撤销本批": "Undo batch",
        "空白模板…": "Blank template…",
        "写出空白的入户名册或评估结果 Excel 模板，交区里或评估机构填写":
            "Write a blank roster or appraisal Excel template for the district or the appraiser to fill in",
        "入户名册模板…": "Roster template…", "评估结果模板…": "Appraisal template…",
        "入户名册模板.xlsx": "roster template.xlsx", "评估结果模板.xlsx": "appraisal template.xlsx",
        "保存空白模板": "Save blank template", "Excel 文件 (*.xlsx)": "Excel files (*.xlsx)",
        "空白模板": "Blank template", "已保存空白模板：%1": "Blank template saved: %1",
        "名册（.xlsx 或 .csv）按身份证号/户号对应住户，再次导入只更新、不重复；"
        "评估结果按户号或身份证号和部位对应。导入后还没有人改动过的批次可以撤销。":
            "A roster (.xlsx or .csv) is matched to households by ID number or household code: importing it again "
            "updates, never doubles. Appraisals are matched by code or ID number and building part. A batch "
            "nobody has changed since can be undone.",
        "时间": "Time", "类型": "Kind", "文件": "File", "新增": "Added", "更新": "Updated", "导入人": "By",
        "状态": "Status", "已撤销": "Undone", "入户名册": "Roster", "评估结果": "Appraisals",
        "选择入户名册": "Choose the roster", "选择评估结果": "Choose the appraisal results",
        "表格文件 (*.xlsx *.csv)": "Spreadsheets (*.xlsx *.csv)", "正在检查文件…": "Checking the file…",
        "……另有{n}条提示": "…and {n} more notes", "请先在列表中选择一个批次。": "Select a batch in the list first.",
        "撤销这一批导入？新增的住户或评估结果将被删除，更新过的恢复原值。":
            "Undo this import? Households or appraisals it added are deleted; what it updated gets its old values back.",
        "正在撤销…": "Undoing…", "操作失败，请重试或联系技术支持。": "The operation failed: try again or call support.",
    },
    "MappingDialog": {
        "导入名册": "Import roster", "导入评估结果": "Import appraisals", "重新检查": "Check again", "导入": "Import",
        "取消": "Cancel", "文件：{name}（{source}，第{row}行为标题行）": "File: {name} ({source}, header in row {row})",
        "（不导入）": "(not imported)", "行": "Row",
        "发现 {n} 个问题，整个文件不能导入。请在 Excel 中改正后重新打开：":
            "{n} problem(s) found: the file cannot be imported. Correct them in Excel and open it again:",
        "检查通过：{summary}": "Checked: {summary}", "提示（不影响导入）：": "Notes (the import goes ahead):",
        "对应关系已改动，请点“重新检查”。": "The column mapping changed: click “Check again”.",
        "正在检查文件…": "Checking the file…", "正在导入…": "Importing…",
        "操作失败，请重试或联系技术支持。": "The operation failed: try again or call support.",
    },
    "HouseholdDetailHtml": {
        "部位": "Part", "成新": "Condition", "装修": "Decoration", "附属物评估值": "Fixtures value",
        "以上为评估机构出具的评估结果（由指挥部导入），调查中不能修改。":
            "These are the appraiser's results (imported at HQ); they cannot be changed during the survey.",
    },
}
