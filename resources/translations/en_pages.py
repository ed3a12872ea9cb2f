"""English for the main window's pages (home, households, compensation, review) and what they changed
in the first window's files. Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "MainWindow": {
        "首页": "Home", "住户": "Households", "测算": "Compare", "复核": "Review", "项目": "Project",
        "指挥部：项目信息、补偿方案、名册与评估、人员与设备": "HQ: project, policy, roster and appraisals, people and laptops",
        "我的今天：今日工作与负责区域进度": "My day: today's work and progress in my area",
        "住户列表、查找与详情": "Household list, search and details",
        "所选住户的各安置方案并排比较": "The selected household's options side by side",
        "待复核的住户：通过或退回": "Households waiting for review: approve or return",
    },
    "MessageBanner": {"关闭": "Close"},
    "HouseholdFilterBar": {
        "搜索 户号 / 姓名 / 拼音 / 身份证号 / 电话 / 地址 / 协议号":
            "Search code / name / pinyin / ID number / phone / address / agreement no.",
        "地块": "Section", "全部": "All", "只看我的": "Mine only",
        "只列出分配给我的住户": "List only the households assigned to me",
    },
    "HouseholdDetailHtml": {
        "测算不一致：指挥部按调查记录重算的结果与设备的测算不同，待核实（见“同步 → 待处理事项”）；据此签的协议暂不可作为付款依据":
            "Calculation disputed: HQ's recomputation from the survey differs from the device's; to be checked "
            "(see Sync → Open items). An agreement signed on it is not a basis for payment yet",
        "复核退回，请按意见修改后重新提交：": "Returned by the supervisor — correct it and submit again:",
        "复核意见：{comment}": "Review note: {comment}",
        "调查人": "Surveyed by", "已选安置方案": "Chosen option",
    },
    "HouseholdsPage": {
        "编辑(&E)": "&Edit", "测算(&C)": "&Compare",
        "打开调查表（也可双击列表中的一行或按回车）": "Open the survey form (or double-click a row, or press Enter)",
        "各安置方案的补偿并排比较": "Compensation of every option side by side",
        "提交调查": "Submit survey", "调查完成，提交复核（待调查 → 已调查）":
            "The survey is complete: submit it for review (Pending → Surveyed)",
        "确认交房": "Confirm handover", "已签约的住户已交房（已签约 → 已交房）":
            "The signed household has handed the house over (Signed → Handed over)",
        "正在提交…": "Submitting…", "正在保存…": "Saving…", "已提交复核": "Submitted for review",
        "已确认交房": "Handover confirmed",
    },
    "HomePage": {
        "今日工作": "Today", "今日完成调查": "Surveyed today", "今日测算": "Calculated today",
        "今日签约": "Signed today", "{name}，您好": "Hello, {name}", "{date}（{role}）": "{date} ({role})",
        "我负责的住户": "My households", "全项目进度": "Whole project",
        "已完成调查 {pct}%": "{pct}% surveyed",
        "共 {total} 户，已完成调查 {done} 户，待调查 {left} 户":
            "{total} households: {done} surveyed, {left} still to survey",
        "在住户列表中查看“{status}”的住户": "Show the “{status}” households in the list",
        "待复核 {n} 户 — 去复核": "{n} waiting for review — review now",
    },
    "CompensationModel": {
        "项目（金额：元）": "Item (amounts in yuan)", "选择方案": "Choose", "补偿合计": "Compensation total",
        "安置房款合计": "Flat price total", "结算净额": "Net", "大写": "In words",
        "应安置面积": "Entitled area", "房票面额": "Voucher value",
        "应付被征收人": "Paid to the household", "被征收人应缴": "Owed by the household",
        "另付现金 {cash} 元；奖励 {pct}%；有效期 {months} 个月":
            "Plus {cash} yuan in cash; bonus {pct}%; valid {months} months",
    },
    "CompensationPage": {
        "← 住户列表": "← Households", "{code}\u3000{name}\u3000补偿测算": "{code}\u3000{name}\u3000compensation",
        "显示计算公式": "Show formulas",
        "在每个金额下显示计算过程；不勾选时，把鼠标停在金额上可看公式":
            "Show the calculation under every amount; otherwise hover over an amount to see it",
        "测算": "Calculate", "重新测算": "Recalculate", "确认测算结果": "Confirm calculation",
        "复核后的测算确认无误（已复核 → 已测算）": "The reviewed calculation is correct (Reviewed → Calculated)",
        "调查数据已修改，测算已过期，请重新测算": "The survey has changed since: this calculation is out of date, recalculate it",
        "请先在住户列表中选择一户": "Select a household in the list first",
        "补偿方案 {version}": "policy {version}", "已选：{option}": "chosen: {option}",
        "该户还没有测算。点击右上角“测算”，按现行补偿方案计算各安置方式。":
            "Not calculated yet. Press “Calculate” (top right) to compute every option under the current policy.",
        "✓ 已选择": "✓ Chosen", "选择此方案": "Choose this",
        "测算已过期，请重新测算后再选择": "Out of date: recalculate before choosing",
        "正在测算…": "Calculating…", "正在保存…": "Saving…", "已确认测算结果": "Calculation confirmed",
    },
    "ReviewQueueModel": {
        "户号": "Code", "户主": "Head", "地块": "Section", "地址": "Address", "面积 m²": "Area m²",
        "提交时间": "Submitted",
    },
    "ReviewPage": {
        "全部": "All", "地块": "Section", "待复核 {n} 户": "{n} waiting for review",
        "复核意见（退回时必填，调查员会看到）": "Review note (required to return; the field worker sees it)",
        "通过复核": "Approve", "退回修改": "Return for rework",
        "退回时须填写退回意见，告诉调查员要改什么": "Write what the field worker must correct before returning it",
        "正在保存…": "Saving…", "{code} 已通过复核": "{code} approved",
        "{code} 已退回调查员修改": "{code} returned to the field worker",
    },
}

# Issue 9 (the way is visible, acting on what is shown, 新增住户, help): added per context, so the
# edits of others to the dict above never collide with these.
_ISSUE9: dict[str, dict[str, str]] = {
    "FieldHouseholdDialog": {
        "新增住户": "New household",
        "登记名册上没有、在现场发现的住户。新增后状态为“待调查”，由您调查；列表中标记为“新增”，待指挥部确认。":
            "Register a household found in the field that is not on the roster. It starts as 'Pending', "
            "surveyed by you, and is marked 'New' in the list until HQ confirms it.",
        "街道、门牌号、楼栋、单元、室": "Street, number, building, unit, flat",
        "如：名册外的后院加建户，邻居指认": "e.g. backyard extension, shown by neighbours",
        "户主姓名 *": "Head's name *", "地址 *": "Address *", "地块": "Section", "电话": "Phone",
        "备注": "Notes", "新增": "Add", "正在保存…": "Saving…",
    },
    "HelpDialog": {
        "使用帮助 — 一户的一天": "Help — a household's day",
        "一户的一天": "A household's day",
        "每一户都走同一条路：调查 → 复核 → 测算 → 协议 → 签约 → 交房。":
            "Every household goes the same way: survey → review → calculation → agreement → signing → handover.",
        "出发前：领取任务": "Before you go: load your assignment",
        "早上用 U 盘导入指挥部下发的任务包（左侧“同步”）。首页列出“接下来要走访的住户”：被退回的住户排在最前面。":
            "In the morning, import HQ's assignment bundle from the USB stick ('Sync' on the left). The home page "
            "lists the 'next households to visit': returned ones come first.",
        "1. 调查（调查员）": "1. Survey (field worker)",
        "在“住户”页找到这一户（可输入户号、姓名、拼音或电话），双击或按回车打开调查表，逐项录入家庭成员、产权、建筑部分、"
        "附属物、经营和评估单价，并拍照。录入中途离开也不会丢失：系统自动保存草稿，列表中标有“草稿”。"
        "名册上没有的住户，用“新增住户”登记，待指挥部确认。":
            "Find the household on the 'Households' page (type its code, name, pinyin or phone), double-click it "
            "or press Enter to open the survey form, and enter the members, ownership, building parts, fixtures, "
            "business and appraisal prices; take the photos. Nothing is lost if you leave half-way: a draft is "
            "saved automatically and marked 'Draft' in the list. A house not on the roster is added with "
            "'New household', for HQ to confirm.",
        "2. 提交复核（调查员）": "2. Submit for review (field worker)",
        "右侧详情的“办理进度”会列出还缺什么。补齐后点“提交调查”，确认后交给复核员。灰色的按钮把鼠标停在上面，会说明为什么现在不能用。":
            "'Progress' in the details on the right lists what is still missing. Once complete, click 'Submit "
            "survey” and confirm; it goes to the supervisor. Hover over a greyed-out button to see why it "
            "cannot be used yet.",
        "3. 复核（复核员）": "3. Review (supervisor)",
        "在“复核”页逐户核对：右侧显示的就是要决定的那一户。核对无误点“通过复核”；有问题填写意见后点“退回修改”，"
        "调查员会在详情顶部看到红色的退回意见。":
            "Check each household on the 'Review' page: the one shown on the right is the one you decide on. "
            "If it is right, click 'Approve'; if not, write a note and click 'Return': the field worker sees "
            "it in red at the top of the details.",
        "4. 测算（调查员）": "4. Calculation (field worker)",
        "复核通过后在“测算”页计算各安置方案（货币补偿、产权调换、房票），并排给住户讲解，可打印测算单给住户留存。住户选定方案后确认测算。":
            "After review, calculate every option on the 'Compare' page (cash, property exchange, voucher), "
            "explain them side by side and print the calculation sheet for the family to keep. Once the family "
            "has chosen, confirm the calculation.",
        "5. 协议与签约（调查员）": "5. Agreement and signing (field worker)",
        "点“协议”出具协议，打印或另存为 PDF，住户核对后签字，登记签约。调查表在测算后又有改动时，须重新测算才能打印或签约。":
            "Click 'Agreement' to issue it, print it or save it as PDF; the family checks and signs, then record "
            "the signing. If the survey changed after the calculation, calculate again before printing or signing.",
        "6. 交房（复核员或指挥部）": "6. Handover (supervisor or HQ)",
        "住户交房后，在“住户”页点“确认交房”。这一户就办结了。":
            "When the family has handed the house over, click 'Confirm handover' on the 'Households' page. "
            "The household is done.",
        "收工：同步": "End of day: sync",
        "晚上在“同步”页把当天的工作导出到 U 盘，交回指挥部；下次导入指挥部的回执。":
            "In the evening, export the day's work to the USB stick on the 'Sync' page and hand it to HQ; "
            "import HQ's receipt next time.",
        "小技巧": "Tips",
        "Ctrl+1…5 切换页面，Ctrl+F 搜索，Esc 清除搜索，F1 打开本帮助。换人使用时，用“文件 → 注销 / 切换用户”，不必退出程序。":
            "Ctrl+1…5 switch pages, Ctrl+F searches, Esc clears the search, F1 opens this help. When someone "
            "else takes over, use 'File → Log out / switch user'; no need to quit.",
    },
    "HomePage": {
        "未完成的草稿": "Unfinished drafts", "接下来要走访": "Next to visit",
        "（{when} 自动保存）": "(autosaved {when})", "（被退回）": "(returned)",
        "在住户页打开这一户": "Open this household on the Households page",
        "没有未保存的草稿": "No unsaved drafts", "没有待调查的住户": "No households left to survey",
        "没有分配给您的住户": "No households assigned to you",
    },
    "HouseholdDetailHtml": {
        "下一步：{what}（{who}）": "Next: {what} ({who})", "办理进度": "Progress", "还缺：": "Still missing:",
        "新增住户（现场发现，待指挥部确认）": "New household (found in the field, awaiting HQ confirmation)",
        "新增住户（指挥部已确认）": "New household (confirmed by HQ)",
        "有未保存的草稿：打开编辑可继续": "Unsaved draft: open the editor to continue",
        "照片：无": "Photos: none", "查看照片": "View photos", "照片 {n} 张：": "{n} photos: ",
    },
    "PhotoDialog": {"照片 — {title}": "Photos — {title}"},
    "HouseholdModel": {
        "测算不一致": "calculation disputed",
        "测算不一致：指挥部按调查记录重算的结果与设备的测算不同，待核实":
            "Calculation disputed: HQ's recomputation from the survey differs from the device's; to be checked",
        "草稿": "Draft", "有未保存的草稿：打开编辑可继续": "Unsaved draft: open the editor to continue",
        "新增住户：名册外现场发现，待指挥部确认": "New household: found in the field, not on the roster; awaiting HQ",
    },
    "HouseholdsPage": {
        "确认新增": "Confirm new", "新增住户(&N)": "&New household",
        "登记名册上没有、在现场发现的住户（待指挥部确认）": "Register a household found in the field (for HQ to confirm)",
        "请先在左侧列表中选择一户": "Select a household in the list first",
        "测算确认后（已测算）才能出具协议；当前为“{status}”":
            "An agreement can be issued once the calculation is confirmed (Calculated); now '{status}'",
        "核实后确认：该户属于本项目（现场新增 → 已确认）": "Confirm after checking: it belongs to the project (new → confirmed)",
        "将 {code} {name} 的调查提交复核？\n提交后调查表不能再修改，除非复核员退回。":
            "Submit the survey of {code} {name} for review?\nIt cannot be changed afterwards unless the supervisor "
            "returns it.",
        "提交复核": "Submit for review", "{code} 已提交复核": "{code} submitted for review",
        "已确认该新增住户": "New household confirmed",
        "已新增住户 {code}，请打开编辑录入调查": "Household {code} added: open it to enter the survey",
    },
    "IssuesPanel": {
        "没有选中的待处理事项": "No open issue selected", "已核实此事项，关闭它": "Checked: close this issue",
        "只有冲突才有对方版本可采用；此事项核实后标记即可":
            "Only a conflict has another version to take; mark this one as checked",
    },
    "Labels": {
        "个人": "Individual", "企业": "Enterprise", "机关事业单位": "Public body", "集体": "Collective",
        "公房承租人": "Public-housing tenant",
        "调查": "Survey", "复核": "Review", "测算": "Calculation", "协议": "Agreement", "签约": "Signing",
        "交房": "Handover", "完成调查并提交复核": "complete the survey and submit it for review",
        "按复核意见修改后重新提交": "correct it as the supervisor noted and submit again",
        "复核调查：通过或退回": "review the survey: approve or return", "补偿测算": "calculate compensation",
        "与住户商定安置方案，确认测算": "agree an option with the family and confirm the calculation",
        "出具并打印协议": "issue and print the agreement", "住户签字，登记签约": "family signs; record the signing",
        "确认交房": "confirm the handover", "已全部办结": "All done", "新增": "New", "新增已确认": "New, confirmed",
    },
    "MainWindow": {
        "注销 / 切换用户(&L)…": "&Log out / switch user…",
        "回到登录窗口，换一位用户登录（不退出程序）": "Back to the login window for another user (without quitting)",
        "使用帮助(&H)": "&Help", "注销": "Log out",
        "还有任务在运行，请等它完成后再注销。": "A task is still running: wait for it to finish before logging out.",
    },
    "ReviewPage": {
        "队列中没有待复核的住户": "No households are waiting for review",
        "请先在左侧选择一户": "Select a household on the left first",
        "正在读取所选住户…": "Loading the selected household…",
        "该户已不在待复核状态": "This household is no longer waiting for review",
        "调查核对无误：已调查 → 已复核": "The survey is correct: Surveyed → Reviewed",
        "退回调查员修改（须填写退回意见）：已调查 → 待调查":
            "Return to the field worker with a note (required): Surveyed → Pending",
    },
}
for _context, _texts in _ISSUE9.items():
    EN.setdefault(_context, {}).update(_texts)
