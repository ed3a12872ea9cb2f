"""English for the money, handover and grievance dialogs (survey_app/ui/money/) and their buttons on the
住户 page. Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "HouseholdsPage": {
        "交房验收…": "Handover…", "登记交房验收：表计读数、钥匙、照片（已签约 → 已交房）":
            "Record the handover: meter readings, keys, photos (signed → handed over)",
        "付款登记…": "Payments…", "登记补偿款、过渡费的支付，查看已付金额":
            "Record payments of compensation and transition fee; see what was paid",
        "信访/纠纷…": "Grievances…", "该户的信访、纠纷：登记、跟进、办结":
            "This household's petitions and disputes: record, follow up, close",
        "已确认交房": "Handover recorded",
    },
    "PaymentDialog": {
        "付款登记 — {household}": "Payments — {household}",
        "补偿款": "Compensation", "过渡费": "Transition fee", "元，最多两位小数": "yuan, at most two decimals",
        "银行转账": "Bank transfer", "现金": "Cash", "支票": "Cheque",
        "银行转账流水号": "Bank transfer reference", "凭证号 / 收据号": "Voucher / receipt number",
        "类别": "Kind", "金额(元) *": "Amount (yuan) *", "付款日期": "Paid on", "付款方式": "Method",
        "转账流水号": "Transfer ref.", "凭证号": "Receipt no.", "备注": "Note",
        "登记付款": "Record payment", "关闭": "Close",
        "该户没有已签订的协议，不能登记付款。": "This household has no signed agreement: no payment can be recorded.",
        "协议 {number}：结算金额 {net} 元，已付补偿款 {paid} 元，未付 {left} 元；已付过渡费 {transition} 元":
            "Agreement {number}: settlement {net} yuan, compensation paid {paid} yuan, unpaid {left} yuan; "
            "transition fee paid {transition} yuan",
        "{day}  {kind}第{n}期  {amount} 元  {ref}": "{day}  {kind} instalment {n}  {amount} yuan  {ref}",
        "已登记第{n}期付款 {amount} 元": "Instalment {n} of {amount} yuan recorded",
        "正在保存…": "Saving…",
    },
    "HandoverDialog": {
        "交房验收 — {household}": "Handover — {household}",
        "核对房屋已腾空、表计读数和交回的钥匙；保存后该户状态为“已交房”。":
            "Check that the house is empty, the meter readings and the keys returned; once saved the household "
            "is “handed over”.",
        "m³": "m³", "kWh": "kWh", "如：屋内已清空，门窗完好": "e.g. house empty, doors and windows intact",
        "表计读数": "Meter readings", "钥匙": "Keys", "房屋现状": "State of the house", "其他": "Other",
        "添加照片…": "Add photos…", "未添加照片": "No photos added", "已添加 {n} 张照片": "{n} photo(s) added",
        "交房日期": "Handed over on", "水表读数": "Water meter", "电表读数": "Electricity meter",
        "燃气表读数": "Gas meter", "交回钥匙(把)": "Keys returned", "验收说明": "Notes", "照片": "Photos",
        "确认交房": "Confirm handover", "取消": "Cancel", "选择照片": "Choose photos",
        "图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)": "Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)",
        "正在保存…": "Saving…",
    },
    "GrievanceDialog": {
        "信访/纠纷 — {household}": "Grievances — {household}",
        "待处理": "Open", "跟进中": "Following up", "已办结": "Closed",
        "跟进情况：做了什么、对方怎么说": "Follow-up: what was done, what they said",
        "登记跟进": "Add follow-up", "处理结果": "Outcome", "办结": "Close",
        "信访": "Petition", "纠纷": "Dispute", "投诉": "Complaint",
        "事由（简要）": "Subject (short)", "详细说明": "Details", "办理期限": "Due by", "登记": "Record",
        "登记新的信访/纠纷": "Record a new grievance", "类别": "Kind", "事由 *": "Subject *", "说明": "Details",
        "关闭": "Close", "（逾期）": " (overdue)",
        "{day}  {kind}  {status}{late}  期限 {due}  {summary}": "{day}  {kind}  {status}{late}  due {due}  {summary}",
        "该户没有信访/纠纷记录。": "No grievances recorded for this household.",
        "办结：{text}": "Closed: {text}", "已登记": "Recorded", "已登记跟进": "Follow-up recorded",
        "正在保存…": "Saving…",
    },
    "VoucherPanel": {
        "房票": "Housing voucher", "房票编号（纸质房票上的编号）": "Voucher number (as printed on the voucher)",
        "出具房票": "Issue voucher", "元，不超过面额": "yuan, at most the face value", "登记使用": "Record use",
        "出具": "Issue", "使用": "Use", "（测算未给出）": "(not stated by the calculation)",
        "自出具日起 {n} 个月": " {n} months from issue", "不限期": "no expiry",
        "协议 {number} 为房票安置，尚未出具房票。面额 {face} 元，有效期{validity}。":
            "Agreement {number} is resettled by housing voucher; no voucher issued yet. Face value {face} yuan, "
            "valid for{validity}.",
        "未使用": "unused", "已使用": "used", "已过期": "expired",
        "房票 {number}（{status}）：面额 {face} 元，{issued} 出具，有效期至 {until}；已用 {used} 元，剩余 {left} 元":
            "Voucher {number} ({status}): face value {face} yuan, issued {issued}, valid until {until}; "
            "used {used} yuan, {left} yuan left",
        "（{day} 使用）": " (used {day})",
        "已出具房票 {number}，面额 {face} 元": "Voucher {number} issued, face value {face} yuan",
        "已登记房票 {number} 使用 {amount} 元": "Use of voucher {number} recorded: {amount} yuan",
        "正在保存…": "Saving…",
    },
}
