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
        "调查尚未完成：还有{n}项需要改正或补全，不能提交。":
            "The survey is not complete: {n} item(s) to correct or fill in; not submitted.",
        "调查尚未完成，不能提交。请先改正或补全以下各项：\n{lines}":
            "The survey is not complete and cannot be submitted. Correct or fill in first:\n{lines}",
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
        "“{text}”含逗号：小数请用小数点，如 12.5；不要用逗号分隔千位":
            "“{text}” has a comma: write decimals with a point, as in 12.5, and no thousands separators",
        "不能为负数（“{text}”）": "Cannot be negative (“{text}”)",
        "“{text}”不是数字，只能填写数字和小数点，如 12.5": "“{text}” is not a number: use digits and a point only, as in 12.5",
        "只能填写整数": "Whole numbers only",
        "最多保留{n}位小数（“{text}”）": "At most {n} decimal places (“{text}”)",
        "应在{low}到{high}之间": "Must be between {low} and {high}",
    },
    "ProblemPanel": {"待改正（{n}处）": "To correct ({n})", "未发现问题": "No problems found",
                     "提交前还需补全（{n}项）": "Still needed before submitting ({n})",
                     "未发现问题，可以提交": "No problems found; ready to submit"},
    "EditorMessages": {
        "户号不能为空": "Household no. is required",
        "请登记户主": "Register the head of household",
        "家庭成员中须有且只有一位户主": "Exactly one family member must be the head of household",
        "第{n}位成员的姓名不能为空": "Member {n}: name is required",
        "第{n}位成员的关系无效": "Member {n}: relation is not valid",
        "{who}：{error}": "{who}: {error}",
        "{who}：身份证号码与其他成员重复": "{who}: ID number is the same as another member's",
        "{error}": "{error}",
        "产权份额须大于0且不超过100%": "Ownership share must be above 0 and at most 100%",
        "产权人{name}：{error}": "Owner {name}: {error}",
        "宅基地面积：{error}": "Homestead area: {error}",
        "产权份额合计{total}%，超过100%": "Ownership shares add up to {total}%, over 100%",
        "建筑部分“{part}”的面积不能为空": "Building part “{part}”: area is required",
        "建筑部分“{part}”的面积：{error}": "Building part “{part}”, area: {error}",
        "用途无效": "Use is not valid",
        "合法性认定无效": "Legal status is not valid",
        "临时建筑须填写批准期限": "A temporary building needs its approved term",
        "层数至少为1": "At least 1 floor",
        "请选择附属物种类": "Choose the kind of fixture",
        "附属物数量至少为1": "Fixture count must be at least 1",
        "请选择地上物项目": "Choose the item",
        "数量不能为空": "Quantity is required",
        "数量：{error}": "Quantity: {error}",
        "经营面积不能为空": "Business area is required",
        "经营面积：{error}": "Business area: {error}",
        "年利润不能为负数": "Annual profit cannot be negative",
        "评估单价须大于0": "Appraised unit price must be above 0",
        "评估单价最多两位小数": "Appraised unit price: at most 2 decimal places",
        "同一用途只能有一个评估单价": "Only one appraised unit price per use",
        "请登记至少一个建筑部分": "Register at least one building part",
        "建筑部分“{part}”：请选择合法性认定": "Building part “{part}”: choose its legal status",
        "建筑部分“{part}”：请选择结构（现行方案按结构计价）":
            "Building part “{part}”: choose its structure (the current scheme prices by structure)",
        "建筑部分“{part}”：现行方案没有“{structure}”结构的单价，请改选":
            "Building part “{part}”: the current scheme has no price for structure “{structure}”; choose another",
        "建筑部分“{part}”：现行方案没有“{grade}”这一装修等级，请改选":
            "Building part “{part}”: the current scheme has no decoration grade “{grade}”; choose another",
        "缺少{use}用途的评估单价（待指挥部导入评估报告）":
            "No appraised unit price for {use} use yet (HQ imports the appraisal report)",
        "请登记产权及份额": "Register the ownership and its share",
        "请在产权一栏填写宅基地面积（现行方案按宅基地面积计算安置或奖励）":
            "Enter the homestead area under ownership (the current policy reckons resettlement or an award on it)",
        "{who}：享受困难补助，须填写身份证号码": "{who}: receives a hardship subsidy, so the ID number is required",
        "{who}：过渡费按人计发，须填写身份证号码":
            "{who}: the transition fee is paid per person, so the ID number is required",
        "附属物“{fixture}”按评估值计算，请填写评估值": "Fixture “{fixture}” is paid by appraised value: enter the value",
        "附属物“{fixture}”不在现行方案中，请改为0": "Fixture “{fixture}” is not in the current scheme: set it to 0",
        "地上物“{item}”不在现行方案中，请清空数量": "Item “{item}” is not in the current scheme: clear its quantity",
        "登记了经营“{name}”，但没有经营用途（商业/办公/工业）的建筑部分，停产停业损失无法计算":
            "Business “{name}” is registered but no building part has a business use (commercial/office/"
            "industrial), so its business loss cannot be calculated",
        "经营“{name}”：请填写年利润（现行方案按利润计算停产停业损失）":
            "Business “{name}”: enter the annual profit (the current scheme pays business loss from profit)",
        "只能登记一处经营（现有{n}处），请合并为一处": "Only one business can be registered ({n} now); merge them",
        "选房组合{n}：{error}": "Flat choice {n}: {error}",
        "选房组合{n}与组合{first}相同，请删除其一": "Flat choice {n} is the same as choice {first}; delete one of them",
        "现行方案不提供产权调换，请删除选房组合":
            "The current scheme offers no property exchange; delete the flat choices",
    },
    "RowTable": {
        "删除": "Delete",
        "删除这一行（焦点在行内时按 Delete）": "Delete this row (Delete key while in the row)",
        "暂无。点“添加”或按 Ctrl+Enter 添加一行。": "None yet. Click “Add” or press Ctrl+Enter to add a row.",
        "添加一行（Ctrl+Enter 或 Alt+N）": "Add a row (Ctrl+Enter or Alt+N)",
        "撤销删除": "Undo delete", "无": "None", "已删除一行。": "Row deleted.",
        "必填：现行补偿方案测算需要此项": "Required: the current scheme's calculation needs it",
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
        "被征收人类型": "Owner type",
        "被征收人是个人、企业、机关事业单位、集体还是公房承租人：方案的某些项目只对其中一些类型适用":
            "Whether the owner is an individual, an enterprise, a public body, a collective or a public-housing "
            "tenant: some items of a scheme apply to some of these only",
        "住户与户主": "Household and head", "户号": "Household no.", "户号 *": "Household no. *",
        "户号和地块以指挥部登记为准，只有指挥部管理员可以修改":
            "Household no. and section follow HQ's register; only an HQ admin can change them", "地块": "Section", "联系电话": "Phone",
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
    "FlatChoicesSection": {
        "选房意向（产权调换）": "Flats wanted (property exchange)",
        "每个组合是该户愿意接受的一种安置，最多{n}套；按楼层定价的户型请选楼层。测算时每个组合列一个产权调换方案；不登记组合则每种户型各列一个。":
            "Each combination is one settlement the household would accept, up to {n} flats; pick the floor where the "
            "type is priced by floor. The calculation lists one exchange option per combination; without any, one per "
            "flat type.",
        "现行方案不提供产权调换，不能登记选房组合。": "The current scheme offers no property exchange: no flat choices.",
        "第{n}套": "Flat {n}", "（不选）": "(none)", "{label}（{area} m²）": "{label} ({area} m²)",
        "楼层未定": "Floor open", " 层": " fl.", "另购": "Also buy", "（不另购）": "(none)",
        "＋ 添加组合": "+ Add combination", "删除所选组合": "Delete selected combination",
        "共{n}层；按楼层定价": "{n} floors; priced by floor",
        "请先选择户型。": "Pick a flat type first.",
        "该组合已登记（组合{n}）。": "This combination is already listed (combination {n}).",
        "不能添加：{error}": "Cannot add: {error}",
        "组合{n}：{flats}": "Combination {n}: {flats}",
    },
    "PhotosSection": {"照片（添加后立即保存）": "Photos (saved as soon as added)"},
    "TenuresSection": {
        "权利人": "Owner", "权利人身份证号": "Owner's ID number", "证书类型": "Certificate", "证书编号": "Certificate no.",
        "土地证号": "Land cert. no.", "份额 %": "Share %", "宅基地面积 m²": "Homestead m²", "＋ 添加产权": "+ Add owner",
        "产权": "Ownership",
    },
    "PartsSection": {
        "类别": "Category",
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
        "评估": "Appraisal", "部位": "Part", "结构": "Structure", "成新": "Newness", "装修等级": "Decoration",
        "装修金额 元": "Decoration yuan", "装修单价 元/m²": "Decoration yuan/m²", "附属物评估值 元": "Fixtures yuan",
        "评估结果由指挥部按评估报告导入，此处只能查看；如有出入，请报指挥部。":
            "HQ imports the appraisal from the appraisal report: shown here, not edited. Report any "
            "discrepancy to HQ.",
        "尚未导入评估结果（由指挥部导入）。": "No appraisal imported yet (HQ imports it).",
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
        "照片分类：外观、室内、证件、临建批复或其他": "Photo category: exterior, interior, papers, temporary permit or other",
        "照片说明，例如：东立面、厨房、房产证第1页": "Caption, e.g. east front, kitchen, title deed page 1",
        "删除照片…": "Delete photo…", "分类": "Category", "说明": "Caption",
        "拍摄时间：{when}（北京时间）": "Taken {when} (Beijing time)",
        "只读：不能修改照片": "Read-only: photos cannot be changed",
        "先在上面选中一张照片": "Select a photo above first",
        "删除选中的照片（会先确认；审计日志记下删除）":
            "Delete the selected photo (asks first; the audit log records the deletion)",
        "已保存照片信息。": "Photo details saved.", "删除照片": "Delete photo",
        "删除照片“{name}”吗？\n照片是调查证据：删除后不再显示，但审计日志会记下谁在何时删除。":
            "Delete the photo “{name}”?\nPhotos are survey evidence: it will no longer be shown, "
            "but the audit log records who deleted it and when.",
        "删除": "Delete", "取消": "Cancel", "已删除照片。": "Photo deleted.", "照片": "Photo",
        "未能保存：{error}": "Not saved: {error}",
    },
    "PhotoLabels": {
        "外观": "Exterior", "室内": "Interior", "证件": "Papers", "临建批复": "Temporary permit", "其他": "Other",
        "未分类": "Uncategorised", "拍摄时间不详": "Time taken unknown", "无位置信息": "No position",
        "北纬{deg}": "{deg} N", "南纬{deg}": "{deg} S", "东经{deg}": "{deg} E", "西经{deg}": "{deg} W",
    },
    "PhotoViewer": {
        "◀ 上一张": "◀ Previous", "下一张 ▶": "Next ▶", "关闭": "Close",
        "照片 — {name}": "Photo — {name}", "无法读取此图片": "Cannot read this image",
        "{title}\u3000（第{i}张，共{n}张）\n{name}\u3000拍摄时间：{when}（北京时间）\u3000位置：{gps}":
            "{title}   ({i} of {n})\n{name}   taken {when} (Beijing time)   position: {gps}",
    },
}

# Issue 9: 丢弃草稿 asks a second time.
EN.setdefault("HouseholdEditorDialog", {}).update({
    "丢弃草稿": "Discard draft", "确定丢弃这份草稿吗？丢弃后无法恢复。": "Discard this draft? It cannot be recovered.",
    "确定丢弃": "Discard", "恢复草稿": "Restore draft",
})
