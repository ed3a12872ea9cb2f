"""English for the main window's pages (home, households, compensation, review) and what they changed
in the first window's files. Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "MainWindow": {
        "首页": "Home", "住户": "Households", "测算": "Compare", "复核": "Review",
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
