"""English for HQ's 总览 tab (survey_app/ui/hq/dashboard_*.py): figures, tables, trend chart, exports; and its
台账 tab (survey_app/ui/hq/ledger_*.py).
Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "HqPage": {"总览": "Overview", "台账": "Ledger", "项目信息": "Project", "补偿方案": "Policy", "名册与评估": "Roster & appraisals",
               "人员与设备": "People & laptops"},
    "DashboardPage": {
        "总览": "Overview", "近 {n} 天": "Last {n} days", "刷新": "Refresh", "导出台账…": "Export ledger…",
        "导出月报…": "Export monthly report…", "片区": "Section", "调查员": "Surveyor", "按片区": "By section",
        "按调查员": "By surveyor", "金额·按安置方式": "Money by mode", "金额·按补偿项目": "Money by item",
        "单击任一数字，这里列出对应的住户。": "Click any figure to list its households here.",
        "总览未能读取：{error}": "The overview could not be read: {error}",
        "{project}　截至 {day}": "{project}, as of {day}",
        "住户总数": "Households", "已签约（{pct}）": "Signed ({pct})",
        "；协议生效需 {rate}（{by}前）": "; agreements take effect at {rate} (by {by})",
        "货币化安置率（目标 {target}）": "Cash resettlement rate (target {target})",
        "已签协议结算金额": "Signed agreements, net amount", "未结信访": "Open grievances",
        "逾期未签（签约期 {end} 截止）": "Overdue (signing period ended {end})", "未设定": "not set",
        "全部住户": "All households", "已签约": "Signed", "货币补偿与房票签约": "Signed in cash or voucher",
        "已签协议": "Signed agreements", "有未结信访": "With an open grievance", "逾期未签": "Overdue",
        "{day} 签约": "Signed on {day}", "{day} 调查": "Surveyed on {day}",
        "{title}：共 {n} 户{sep}{codes}": "{title}: {n} households{sep}{codes}",
    },
    "_Refused": {"只有指挥部管理员可以查看总览和导出台账、月报。":
                 "Only HQ administrators can see the overview and export the ledger and monthly report.",
                 "只有指挥部管理员可以查看台账。": "Only HQ administrators can see the ledger."},
    "LedgerPage": {
        "台账": "Ledger", "全部状态": "All statuses", "全部片区": "All sections", "片区": "Section", "状态": "Status",
        "刷新": "Refresh", "导出 Excel…": "Export to Excel…", "双击一行打开该户": "Double-click a row to open the household",
        "共 {n} 户": "{n} households", "台账未能读取：{error}": "The ledger could not be read: {error}",
        "台账-{day}.xlsx": "ledger-{day}.xlsx", "导出台账": "Export ledger", "Excel 文件 (*.xlsx)": "Excel files (*.xlsx)",
        "已导出台账：{n} 户，结算金额合计 {net} → {path}": "Ledger exported: {n} households, net total {net} → {path}",
        "正在导出台账…": "Exporting the ledger…", "未能完成：{error}": "Not done: {error}",
    },
    "LedgerModel": {
        "户号": "Household no.", "户主": "Head", "片区": "Section", "调查员": "Surveyor", "状态": "Status",
        "调查日期": "Surveyed", "建筑面积(m²)": "Floor area (m²)", "测算日期": "Calculated", "安置方式": "Mode",
        "选定方案": "Chosen option", "补偿总额(元)": "Total (yuan)", "结算金额(元)": "Net (yuan)",
        "协议编号": "Agreement no.", "协议状态": "Agreement status", "签约日期": "Signed",
        "已付金额(元)": "Paid (yuan)", "末次付款日期": "Last paid", "交房日期": "Handed over",
        "签约率奖(元)": "Signing-rate reward (yuan)", "早搬迁奖(元)": "Early-moving reward (yuan)",
        "协议生效": "Agreements in effect",
        "合计（计算中…）": "Total (adding up…)", "合计（{n} 户）": "Total ({n} households)",
    },
    "TrendChart": {"调查": "Surveyed", "签约": "Signed"},
    "Exporter": {
        "Excel 文件 (*.xlsx)": "Excel files (*.xlsx)", "导出台账": "Export ledger", "台账-{day}.xlsx": "ledger-{day}.xlsx",
        "已导出台账：{n} 户，结算金额合计 {net} → {path}": "Ledger exported: {n} households, net total {net} → {path}",
        "正在导出台账…": "Exporting the ledger…", "{y}年{m}月": "{y}-{m}", "导出月报": "Export monthly report",
        "月份": "Month", "月报-{y}-{m:02d}.xlsx": "monthly-{y}-{m:02d}.xlsx",
        "已导出 {y}年{m}月 月报（{n} 个片区）→ {path}": "Monthly report {y}-{m} exported ({n} sections) → {path}",
        "正在导出月报…": "Exporting the monthly report…", "未能导出：{error}": "Not exported: {error}",
    },
    "HqDashboard": {
        "单击查看这些住户": "Click to see these households", "户数": "Households", "已调查": "Surveyed",
        "已测算": "Calculated", "已签约": "Signed", "签约率": "Signed %", "补偿项目": "Item",
        "金额（元）": "Amount (yuan)", "安置方式": "Mode", "补偿总额（元）": "Total (yuan)",
        "结算金额（元）": "Net (yuan)",
    },
}
