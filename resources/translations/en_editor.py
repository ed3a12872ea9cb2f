"""English of the household editor and the photo strip/viewer (merged by fill_en.py), keyed by context
(the class passed to tr()) and the Chinese source text."""

EN: dict[str, dict[str, str]] = {
    "EditorChoices": {
        "现房安置": "Completed flat", "期房安置": "Flat under construction",
        "不动产权证书": "Real estate title certificate", "房屋所有权证": "House ownership certificate",
        "集体土地使用证": "Collective land use certificate", "宅基地批准书": "Homestead approval",
        "租赁合同": "Lease contract", "（未填）": "(not given)",
    },
    "HouseholdEditorDialog": {
        "提交调查": "Submit survey",
        "调查完成：保存并把该户从“待调查”改为“已调查”，等待复核":
            "Survey complete: save and move the household from “To survey” to “Surveyed”, ready for review",
        "放弃修改": "Discard changes",
        "放弃未保存的修改，回到上次保存的内容": "Discard unsaved changes and go back to what was last saved",
        "关闭": "Close", "关闭（Esc）": "Close (Esc)", "保存": "Save", "保存（Ctrl+S）": "Save (Ctrl+S)",
        "草稿已自动保存（{time}）": "Draft saved automatically ({time})",
        "草稿未能自动保存：{error}": "The draft could not be saved: {error}",
        "有{n}处需要改正，尚未保存。": "{n} problem(s) to correct; not saved.",
        "没有需要保存的修改。": "Nothing to save.",
        "正在保存…": "Saving…",
        "已保存（第{rev}版）。": "Saved (revision {rev}).",
        "保存冲突": "Save conflict",
        "{error}\n\n要用你现在的内容覆盖保存吗？（对方的修改将被替换；审计日志会记下这次修改）":
            "{error}\n\nSave your version over it? (The other changes are replaced; the audit log records this.)",
        "不能保存": "Cannot save",
        "提交后该户变为“已调查”，等待复核员复核。确定提交吗？":
            "After submitting, the household is “Surveyed” and waits for a supervisor's review. Submit?",
        "正在提交…": "Submitting…",
        "已提交，状态：{status}。": "Submitted; status: {status}.",
        "不能提交": "Cannot submit",
        "放弃所有未保存的修改，回到上次保存的内容吗？": "Discard all unsaved changes and go back to what was last saved?",
        "已放弃修改。": "Changes discarded.",
        "有未保存的修改。": "There are unsaved changes.",
        "保存并关闭": "Save and close", "放弃修改并关闭": "Discard and close", "继续编辑": "Keep editing",
        "发现未保存的修改（保存于 {when}），是否恢复？": "Unsaved changes were found (saved {when}). Restore them?",
        "注意：草稿是在第{base}版上做的修改，该户现在已是第{rev}版（其间有人保存过）。恢复后保存时会提示冲突，由你决定是否覆盖。":
            "Note: the draft was made on revision {base}; the household is now at revision {rev} (someone saved "
            "meanwhile). Saving a restored draft will report the conflict and let you decide whether to overwrite.",
        "恢复未保存的修改": "Restore unsaved changes",
        "恢复": "Restore", "丢弃": "Discard",
        "已恢复{when}的草稿，尚未保存。": "Restored the draft of {when}; not saved yet.",
        "该户已签约，调查数据已冻结，只能查看。如需更正，须先由复核员作废协议。":
            "This household has signed: the survey is frozen and can only be viewed. To correct it, a supervisor "
            "must first void the agreement.",
        "当前用户无权修改调查数据，只能查看。": "You may not change survey data; view only.",
        "第{rev}版\u3000最后修改：{when} {who}": "Revision {rev}, last changed {when} by {who}",
        "住户调查 — {code} {name}": "Household survey — {code} {name}",
        "先把光标放到要添加行的表格（成员、产权、建筑部分、经营、评估）中。":
            "Put the cursor in the table to add a row to (members, ownership, building parts, business, appraisal).",
    },
    "EditorInputs": {
        "“{text}”不是数字": "“{text}” is not a number",
        "最多保留{n}位小数": "At most {n} decimal places",
        "份额“{text}”不是数字": "Share “{text}” is not a number",
        "年-月-日": "yyyy-mm-dd",
        "日期“{text}”无效，请按“2023-04-10”填写": "Date “{text}” is not valid; write it as “2023-04-10”",
        "年份“{text}”不合理": "Year “{text}” is not plausible",
    },
    "ProblemPanel": {"待改正（{n}处）": "To correct ({n})", "未发现问题": "No problems found"},
    "RowTable": {
        "删除": "Delete",
        "删除这一行（焦点在行内时按 Delete）": "Delete this row (Delete key while in the row)",
        "暂无。点“添加”或按 Ctrl+Enter 添加一行。": "None yet. Click “Add” or press Ctrl+Enter to add a row.",
        "添加一行（Ctrl+Enter 或 Alt+N）": "Add a row (Ctrl+Enter or Alt+N)",
        "撤销删除": "Undo delete", "无": "None", "已删除一行。": "Row deleted.",
    },
    "FixturesSection": {
        "按补偿方案（{policy}）的附属物清单逐项填写数量，没有的保持0。":
            "Count each fixture on the policy's list ({policy}); leave 0 for none.",
        "现行方案": "current policy", "附属物": "Fixtures", "评估值 元": "Value, yuan",
        "（现行方案无此项）": " (not in the current policy)",
    },
    "ItemsSection": {
        "方案列明的其他地上物：填写数量或面积，没有的留空。":
            "Other structures the policy lists: enter the quantity or area; leave empty for none.",
        "其他地上物": "Other structures", "说明（位置、材质等）": "Note (where, material…)",
        "（现行方案无此项）": " (not in the current policy)",
    },
    "HouseholdSection": {
        "住户与户主": "Household and head", "户号": "Household no.", "地块": "Section", "联系电话": "Phone",
        "房屋地址": "Address", "户主": "Head",
        "（尚未登记：在“家庭成员”中把一位成员的关系设为“户主”）":
            "(none yet: set one member's relation to “Head” under Family members)",
    },
    "WillingnessSection": {
        "意愿与备注": "Willingness and notes", "签约意愿": "Willing to sign", "意向安置方式": "Preferred mode",
        "安置房交付": "Flat delivery",
        "现场情况、争议事项（如产权争议、面积异议、家庭内部分歧）等":
            "What was found on site; disputes (ownership, area, disagreement within the family)…",
        "备注与争议": "Notes, disputes",
    },
    "MembersTable": {
        "姓名": "Name", "关系": "Relation", "身份证号": "ID number", "性别": "Sex", "出生日期": "Born",
        "电话": "Phone", "低保": "Dibao", "残疾": "Disab.", "大病": "Illness", "户籍在此": "Hukou here",
        "＋ 添加成员": "+ Add member",
    },
    "MembersSection": {"家庭成员": "Family members"},
    "PhotosSection": {"照片（添加后立即保存）": "Photos (saved as soon as added)"},
    "TenuresSection": {
        "权利人": "Owner", "权利人身份证号": "Owner's ID number", "证书类型": "Certificate", "证书编号": "Certificate no.",
        "土地证号": "Land cert. no.", "份额 %": "Share %", "宅基地面积 m²": "Homestead m²", "＋ 添加产权": "+ Add owner",
        "产权": "Ownership",
    },
    "PartsSection": {
        "部位": "Part", "主房": "Main house", "面积 m²": "Area m²", "用途": "Use", "实际用途": "Actual use",
        "结构": "Structure", "层数": "Floors", "建成年份": "Built", "合法性认定": "Legality",
        "临建批准期限": "Temporary until", "装修": "Decoration", "＋ 添加建筑部分": "+ Add building part",
        "建筑部分": "Building parts",
    },
    "BusinessesSection": {
        "字号/名称": "Business name", "统一社会信用代码": "USCC", "营业执照号": "Licence no.", "经营面积 m²": "Area m²",
        "年利润 元": "Profit/yr, yuan", "开业日期": "Opened", "＋ 添加经营": "+ Add business",
        "经营（停产停业）": "Business (loss of business)",
    },
    "AppraisalsSection": {
        "评估报告编号": "Appraisal report no.", "评估机构": "Appraiser", "用途": "Use",
        "评估单价 元/m²": "Unit price yuan/m²", "估价时点": "Valuation date", "＋ 添加评估": "+ Add appraisal",
        "评估": "Appraisal",
    },
    "PhotoStrip": {
        "＋ 添加照片…": "+ Add photos…",
        "可一次选择多张（例如相机文件夹中的全部照片），也可把文件拖到这里":
            "Choose many at once (e.g. a whole camera folder), or drag files here",
        "拍摄时间不详": "Time taken unknown", "无法读取此图片": "Cannot read this image",
        "共{n}张照片。双击或按 Enter 查看大图。": "{n} photo(s). Double-click or press Enter to view.",
        "还没有照片。": "No photos yet.", "选择照片（可多选）": "Choose photos (several allowed)",
        "照片 ({patterns})": "Photos ({patterns})", "正在导入{n}张照片…": "Importing {n} photo(s)…",
        "已添加{n}张。": "{n} added.",
        "{n}张已在本户照片中（或已取消），未重复添加。": "{n} already among this household's photos (or cancelled); not added twice.",
        "添加照片": "Add photos", "照片未能添加：{error}": "The photos could not be added: {error}",
    },
    "PhotoViewer": {
        "◀ 上一张": "◀ Previous", "下一张 ▶": "Next ▶", "关闭": "Close", "不详": "unknown",
        "{name}\u3000拍摄时间：{when}\u3000（第{i}张，共{n}张）": "{name}   taken {when}   ({i} of {n})",
        "照片 — {name}": "Photo — {name}", "无法读取此图片": "Cannot read this image",
    },
}
