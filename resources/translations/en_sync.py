"""English for the 同步 (USB-stick sync) pages, survey_app/ui/sync, and their rail entry.
Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

_FILE = {"文件：{name}": "File: {name}", "位置：{folder}": "Folder: {folder}",
         "{name} 未导入：{error}": "{name} was not imported: {error}"}

EN: dict[str, dict[str, str]] = {
    "MainWindow": {
        "同步": "Sync",
        "U 盘同步：导出、导入同步包与回执": "USB-stick sync: export and import bundles and receipts",
    },
    "SyncPage": {
        "本机是指挥部。同步包的导入、设备登记和任务包由指挥部管理员操作。":
            "This computer is HQ. Importing bundles, enrolling devices and assignments are done by an HQ admin.",
    },
    "SyncCommon": {
        "{kind}，来自 {device}，第 {seq} 号": "{kind} from {device}, no. {seq}",
        "项目 {project}": "project {project}", "{n} 条记录": "{n} records", "确认 {n} 条记录": "{n} records confirmed",
        "{n} 张照片": "{n} photos", "，": ", ",
        "外业同步包": "field bundle", "回执": "receipt", "任务包": "assignment bundle",
        "设备登记申请": "enrollment request", "设备登记回复": "enrollment reply",
        "导入以下文件？": "Import these files?", "导入": "Import", "取消": "Cancel",
        "无法读写文件：{error}": "Cannot read or write the file: {error}",
        "发生意外错误：{error}": "Unexpected error: {error}",
        "同步密钥密码": "Sync key password",
        "请输入本机的同步密钥密码（本次登录只问一次）：":
            "Enter this computer's sync key password (asked once per login):",
    },
    "DeviceSyncPage": {
        **_FILE,
        "直接导出到 U 盘：": "Export straight to a USB stick:",
        "同步（U 盘）": "Sync (USB stick)", "导出今日同步包…": "Export today's bundle…",
        "导入回执 / 任务包…": "Import receipt / assignment…", "结果": "Results",
        "尚未导出过同步包": "no bundle exported yet",
        "选择 U 盘（同步包写到哪个文件夹）": "Choose the USB stick (folder for the bundle)",
        "选择指挥部发回的回执或任务包": "Choose the receipts or assignment bundles from HQ",
        "回执和任务包 (*.sareceipt *.saassign);;所有文件 (*)":
            "Receipts and assignments (*.sareceipt *.saassign);;All files (*)",
        "任务包已导入": "Assignment bundle imported",
        "导出或导入的结果会显示在这里。": "The results of exports and imports appear here.",
        "① 收工：导出今日同步包": "① Day end: export today's bundle",
        "插入 U 盘，点下面的按钮并选择 U 盘。包含指挥部尚未确认的全部修改和照片；文件完整写好后才出现在 U 盘上。":
            "Plug in the USB stick, press the button and choose the stick. The bundle holds every change and photo "
            "HQ has not confirmed; it appears on the stick only once completely written.",
        "② 导入指挥部发回的文件": "② Import the files HQ sent back",
        "回执（.sareceipt）：指挥部已收到，下次不再重复导出。任务包（.saassign）：新分派的住户和补偿方案。可一次选多个文件。":
            "Receipt (.sareceipt): HQ has it, the next export leaves it out. Assignment (.saassign): newly "
            "assigned households and compensation policies. Several files can be chosen at once.",
        "本机尚未登记到指挥部，还不能导出同步包。请按下面两步登记（只需一次）。":
            "This laptop is not enrolled with HQ yet and cannot export. Enroll it in the two steps below (once).",
        "下一步：安全弹出 U 盘，交给指挥部。指挥部导入后会发回回执文件，到时在这里导入。":
            "Next: eject the USB stick safely and hand it to HQ. HQ sends back a receipt file; import it here.",
        "导出已取消": "Export cancelled",
        "没有导入任何数据。请向指挥部要一份新的文件。": "Nothing was imported. Ask HQ for a new copy of the file.",
        "已导出到第 {seq} 号同步包": "bundles exported up to no. {seq}",
        "本机设备代码 <b>{code}</b>（本机密钥指纹 {own}）  ·  指挥部密钥指纹 {hq}  ·  {last}":
            "This laptop <b>{code}</b> (key fingerprint {own})  ·  HQ key fingerprint {hq}  ·  {last}",
        "已导出第 {seq} 号同步包": "Bundle no. {seq} exported",
        "没有写出任何文件，数据没有变化。可以重新导出。": "No file was written and nothing changed. You can export again.",
        "没有写出同步包。请检查 U 盘是否插好、是否有足够空间，然后重试。":
            "No bundle was written. Check that the USB stick is plugged in and has enough space, then try again.",
        "指挥部已确认 {n} 条记录，下次导出不再包含它们。": "HQ confirmed {n} records; the next export leaves them out.",
        "回执已导入：指挥部已收到第 {seq} 号同步包": "Receipt imported: HQ has bundle no. {seq}",
        "新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条":
            "{inserted} new, {updated} updated, {unchanged} unchanged",
        "正在导出同步包到 {folder}…": "Exporting the bundle to {folder}…",
        "{records} 条记录，{events} 个操作记录，{media} 张照片": "{records} records, {events} logged actions, {media} photos",
        "导出失败：{error}": "Export failed: {error}",
        "其中 {n} 条与指挥部的版本冲突，由指挥部核实处理。":
            "{n} of them conflict with HQ's version; HQ will check and decide.",
        "指挥部缺少第 {seqs} 号同步包（其内容已包含在后来的包中）。":
            "HQ is missing bundle no. {seqs} (its content came in a later bundle).",
        "{n} 条本机有尚未发送的修改，保留本机版本；下次导出后由指挥部核实。":
            "{n} records have unsent changes on this laptop and were kept; HQ checks them after the next export.",
        "正在导入 {name}…": "Importing {name}…", "{name} 未导入": "{name} was not imported",
        "这是{kind}，不是回执或任务包。": "This is a {kind}, not a receipt or an assignment bundle.",
    },
    "EnrollPanel": {
        **_FILE,
        "例如：调查组1号笔记本": "e.g. Survey team laptop 1", "生成登记申请…": "Write enrollment request…",
        "导入登记回复…": "Import enrollment reply…", "设备名称": "Device name", "同步密钥密码": "Sync key password",
        "再次输入密码": "Password again", "① 生成登记申请": "① Write the enrollment request",
        "给本机起个名字，设置同步密钥密码（至少 8 位，请牢记：忘记后只能重新登记），然后选择 U 盘。把写出的申请文件交给指挥部。":
            "Name this laptop and set a sync key password (at least 8 characters; remember it: a forgotten one "
            "means enrolling again), then choose the USB stick. Hand the request file to HQ.",
        "② 导入登记回复": "② Import the enrollment reply",
        "指挥部登记后会给你一个登记回复文件（.saenroll）。导入后请与指挥部核对屏幕上显示的指挥部密钥指纹。":
            "HQ gives you an enrollment reply file (.saenroll). After importing it, compare the HQ key "
            "fingerprint shown on screen with HQ.",
        "登记申请写到哪个文件夹（U 盘）": "Folder for the enrollment request (USB stick)",
        "登记申请已写出": "Enrollment request written",
        "选择指挥部的登记回复文件": "Choose HQ's enrollment reply",
        "登记回复 (*.saenroll);;所有文件 (*)": "Enrollment reply (*.saenroll);;All files (*)",
        "请输入生成登记申请时设置的同步密钥密码：": "Enter the sync key password set with the enrollment request:",
        "本机已有密钥：输入当时设置的密码": "Keys exist already: enter the password set then",
        "请填写设备名称": "Enter a device name", "两次输入的密码不一致": "The two passwords differ",
        "正在生成密钥和登记申请…": "Making the keys and the enrollment request…",
        "下一步：把此文件交给指挥部，指挥部会给你登记回复文件，然后点“导入登记回复”。":
            "Next: hand this file to HQ; HQ gives you an enrollment reply, then press “Import enrollment reply”.",
        "正在导入登记回复…": "Importing the enrollment reply…",
        "请与指挥部当面或电话核对这串指纹；不一致时不要使用本机同步，并告知指挥部。":
            "Compare this fingerprint with HQ in person or by phone; if it differs, do not sync and tell HQ.",
        "下一步：导入指挥部给的任务包，开始调查。": "Next: import the assignment bundle from HQ and start surveying.",
        "登记完成：本机设备代码 {code}": "Enrolled: this laptop is {code}",
        "本机密钥指纹：{fp}": "This laptop's key fingerprint: {fp}", "指挥部密钥指纹：{fp}": "HQ key fingerprint: {fp}",
    },
    "DeviceList": {
        "代码": "Code", "名称": "Name", "密钥指纹": "Key fingerprint", "状态": "State",
        "吊销原因（如：笔记本丢失）": "Reason for revoking (e.g. laptop lost)", "吊销…": "Revoke…",
        "本项目的设备": "Devices of this project",
        "核对指纹可确认是哪台设备。设备丢失或被盗时选中它并吊销：指挥部不再接受它的同步包，"
        "它在吊销之后签发的协议核验为无效（吊销随任务包传到各笔记本）。":
            "Compare fingerprints to tell which machine is which. If a device is lost or stolen, select it and "
            "revoke it: HQ accepts no more bundles from it, and agreements it signs after the revocation verify "
            "as invalid (the revocation reaches every laptop with its next assignment).",
        "已吊销（{day}）": "Revoked ({day})", "指挥部": "HQ", "正常": "Active", "未登记": "Not enrolled",
        "吊销原因：{reason}": "Reason: {reason}", "请先填写吊销原因": "Please enter the reason for revoking first",
        "吊销设备": "Revoke device",
        "吊销设备 {code}（{name}，密钥指纹 {fp}）？\n原因：{reason}\n\n吊销后指挥部不再接受它的同步包，"
        "它在吊销之后签发的协议核验为无效。此操作不能撤销。":
            "Revoke device {code} ({name}, key fingerprint {fp})?\nReason: {reason}\n\nHQ will accept no more "
            "bundles from it, and agreements it signs after this verify as invalid. This cannot be undone.",
        "设备 {code} 未吊销：{error}": "Device {code} not revoked: {error}", "正在吊销设备…": "Revoking the device…",
        "已吊销设备 {code}": "Device {code} revoked", "指挥部不再接受它的同步包。": "HQ accepts no more bundles from it.",
        "下一步：给其他笔记本下发任务包，让它们也知道此设备已吊销。":
            "Next: write assignment bundles for the other laptops so they learn of the revocation too.",
    },
    "DevicesPanel": {
        **_FILE,
        "留空则自动编号（D01、D02…）": "Leave empty to number automatically (D01, D02…)",
        "选择登记申请并登记…": "Choose a request and enroll…", "设备代码": "Device code", "设备登记": "Enroll a device",
        "选择调查笔记本写出的登记申请（.json），核对设备名称和指纹后登记。登记回复文件写在申请文件旁边，拷回该笔记本导入。":
            "Choose the enrollment request (.json) a laptop wrote, check its name and fingerprint, and enroll it. "
            "The reply file is written next to the request; take it back to that laptop.",
        "如 D01": "e.g. D01", "写出任务包…": "Write assignment bundle…", "调查员": "Surveyors",
        "下发任务包": "Assignment bundle",
        "任务包带去补偿方案、各设备公钥和所选调查员负责的住户（含指挥部已决定的冲突）。":
            "It carries the policies, the devices' public keys and the chosen surveyors' households "
            "(including conflicts HQ decided).",
        "选择设备登记申请": "Choose a device's enrollment request",
        "登记申请 (*.json);;所有文件 (*)": "Enrollment request (*.json);;All files (*)",
        "登记设备": "Enroll device",
        "任务包写到哪个文件夹（U 盘）": "Folder for the assignment bundle (USB stick)",
        "登记和任务包的结果会显示在这里。": "Enrollments and assignment bundles written appear here.",
        "正在登记设备…": "Enrolling the device…",
        "下一步：把登记回复文件拷回该笔记本导入，再为它下发任务包。":
            "Next: copy the reply file back to that laptop to import it, then write its assignment bundle.",
        "请填写设备代码": "Enter a device code", "正在写出任务包…": "Writing the assignment bundle…",
        "设备名称：{name}\n设备密钥指纹：{fp}\n\n请与调查笔记本上显示的指纹核对。登记此设备？":
            "Device name: {name}\nDevice key fingerprint: {fp}\n\nCompare it with the fingerprint shown on "
            "the laptop. Enroll this device?",
        "已登记设备 {code}": "Device {code} enrolled", "登记回复文件：{path}": "Enrollment reply file: {path}",
        "指挥部密钥指纹：{fp}（设备导入后会显示，请与调查员核对）":
            "HQ key fingerprint: {fp} (the laptop shows it after the import: compare it with the surveyor)",
        "{name} 不能登记：{error}": "{name} cannot be enrolled: {error}",
        "下一步：拷到 U 盘，在该笔记本的“同步”页点“导入回执 / 任务包”。":
            "Next: copy it to the USB stick; on that laptop's Sync page press “Import receipt / assignment”.",
        "{name} 未登记：{error}": "{name} was not enrolled: {error}",
        "已写出设备 {code} 的任务包": "Assignment bundle for {code} written",
        "任务包未写出：{error}": "The assignment bundle was not written: {error}",
        "调查员：{users}": "Surveyors: {users}",
        "（无，只更新方案和设备公钥）": "(none: policies and device keys only)",
    },
    "HqSyncPage": {
        "正在导入 {n} 个同步包…": "Importing {n} bundles…",
        **_FILE,
        "选择同步包并导入…": "Choose bundles and import…",
        "可一次选多个同步包（.sabundle）。每个包要么全部导入，要么什么都不导入；重复导入同一个包不会改变数据。":
            "Several bundles (.sabundle) can be chosen at once. Each is imported entirely or not at all; "
            "importing the same bundle again changes nothing.",
        "回执写在同步包旁边（U 盘上）": "Receipts next to the bundles (on the stick)", "回执写到：": "Receipts to:",
        "选择文件夹": "Choose a folder", "选择…": "Choose…", "导入同步包": "Import bundles",
        "设备与任务包": "Devices and assignments", "同步（指挥部）": "Sync (HQ)",
        "回执写到哪个文件夹": "Folder for the receipts", "选择设备的同步包": "Choose the devices' bundles",
        "同步包 (*.sabundle);;所有文件 (*)": "Bundles (*.sabundle);;All files (*)",
        "每个同步包的导入结果会显示在这里。": "The result of each bundle imported appears here.",
        "待处理事项": "To decide", "待处理事项（{n}）": "To decide ({n})",
        "没有改变任何数据。": "Nothing changed.",
        "{device} 第 {seq} 号同步包之前已导入过": "{device} bundle no. {seq} was imported before",
        "{device} 第 {seq} 号同步包已导入": "{device} bundle no. {seq} imported",
        "审计警告：{message}": "Audit warning: {message}",
        "新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条":
            "{inserted} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts",
        "{n} 条冲突已列入“待处理事项”，请逐条决定保留本地或采用对方。":
            "{n} conflicts were added to “To decide”: keep ours or take theirs, one by one.",
        "缺少该设备第 {seqs} 号同步包：其修改已包含在本包中，但请确认 U 盘是否遗失。":
            "Bundle no. {seqs} of this device is missing: its changes came in this one, but check whether a "
            "stick was lost.",
        "重算差异：{message}": "Recheck difference: {message}",
        "……共 {n} 处重算差异，见“待处理事项”。": "… {n} recheck differences in all, see “To decide”.",
        "回执：{path}（交回该设备导入）": "Receipt: {path} (take it back to the device)",
        "回执未写出：{error}。数据已导入；可重新导入此包以再次写出回执。":
            "The receipt was not written: {error}. The data is imported; import the bundle again to write it.",
        "正在导入 {name}…": "Importing {name}…",
        "没有导入任何数据。请让调查员重新导出同步包。": "Nothing was imported. Ask the surveyor to export again.",
    },
    "IssuesModel": {"类型": "Kind", "记录": "Record", "设备": "Device", "说明": "Message"},
    "SyncIssues": {
        "冲突": "Conflict", "重算差异": "Recheck difference", "审计警告": "Audit warning",
        "住户": "Household", "家庭成员": "Member", "权属": "Tenure", "建筑部分": "Building part", "附属物": "Fixture",
        "其他调查项目": "Other item", "经营": "Business", "评估": "Appraisal", "照片": "Photo", "测算": "Calculation",
        "协议": "Agreement", "房票": "Voucher", "诉求": "Grievance", "审计记录": "Audit log",
        "户号": "Code", "户主": "Head", "身份证号": "ID number", "电话": "Phone", "地址": "Address", "地块": "Section",
        "状态": "Status", "调查员": "Surveyor", "备注": "Notes", "名称": "Name", "面积": "Area",
        "签约意愿": "Willing to sign", "意向安置方式": "Preferred mode", "复核意见": "Review note",
        "删除时间": "Deleted at",
        "选定安置方式": "Chosen mode", "安置方式": "Mode", "交付方式": "Delivery", "用途": "Use",
        "选房组合": "Flat choices",
        "实际用途": "Actual use", "合法性": "Legality", "结构": "Structure", "层数": "Floors", "建成年份": "Built in",
        "部位": "Part", "装修档次": "Decoration", "临时建筑批准期限": "Temporary permit until",
        "与户主关系": "Relation to head", "性别": "Sex", "出生日期": "Born", "种类": "Kind", "规格": "Type",
        "数量": "Quantity", "金额": "Amount", "份额": "Share", "土地面积": "Land area", "年利润": "Annual profit",
        "合计": "Total", "净额": "Net", "面额": "Face value", "使用金额": "Amount used", "交房日期": "Handed over on",
        "来源": "Origin", "权利人": "Owner", "摘要": "Summary", "是": "Yes", "否": "No",
    },
    "IssuesPanel": {
        "只列出两边不同的字段。": "Only the fields that differ are listed.",
        "字段 / 明细": "Field / line", "指挥部按调查记录重算": "HQ, recomputed from the survey",
        "设备 {device} 的测算": "Device {device}'s calculation",
        "保留本地": "Keep ours", "保留指挥部现有的版本，关闭此事项": "Keep HQ's current version and close this item",
        "采用对方": "Take theirs",
        "用设备发来的版本替换指挥部的版本（留有审计记录）":
            "Replace HQ's version with the device's (recorded in the audit log)",
        "没有待处理事项": "Nothing to decide",
        "同步包中的冲突、重算差异和审计警告会列在这里。":
            "Conflicts, recheck differences and audit warnings from bundles are listed here.",
        "标记为已核实": "Mark as checked", "字段": "Field", "{kind}：{record}": "{kind}: {record}",
        "已采用对方版本：{record}": "Took the device's version: {record}",
        "正在保存…": "Saving…", "已保留本地版本：{record}": "Kept HQ's version: {record}",
        "已标记为已核实：{record}": "Marked as checked: {record}",
        "指挥部现有（第 {rev} 版，{who}）": "HQ now (revision {rev}, {who})",
        "设备 {device} 发来（第 {rev} 版，{who}）": "From {device} (revision {rev}, {who})",
        "采用设备的值": "Take the device's value", "按所选字段合并": "Merge ticked fields", "批量处理…": "Decide by rule…",
        "按规则一次处理多项冲突（先预览将处理哪些）": "Decide many conflicts by one rule (preview first)",
        "只有冲突才能按字段合并": "Only a conflict can be merged field by field",
        "采用设备的值：{field}": "Take the device's value: {field}",
        "合并时采用设备的值": "Take the device's value when merging",
        "此字段由指挥部决定，不能采用设备的值": "HQ decides this field; the device's value cannot be taken",
        "所勾选字段采用设备的值，其余保留指挥部的值（留有审计记录）":
            "Take the device's value for the ticked fields and keep HQ's for the rest (recorded in the audit log)",
        "请先勾选要采用设备的值的字段": "First tick the fields to take from the device",
        "已合并：{record}（采用设备的{fields}）": "Merged: {record} (took the device's {fields})",
        "已按规则处理 {n} 项冲突": "Decided {n} conflicts by rule",
    },
    "DriveRow": {
        "没有找到 U 盘：插入 U 盘后点“刷新”，或用上面的按钮选择文件夹。":
            "No USB stick found: plug one in and click Refresh, or choose a folder with the button above.",
        "刷新": "Refresh", "重新查找插入的 U 盘": "Look again for plugged-in USB sticks",
    },
    "IssueBulkDialog": {
        "批量处理冲突": "Decide conflicts by rule", "保留指挥部的版本": "Keep HQ's version",
        "采用设备的版本": "Take the device's version", "全部": "All",
        "只处理两边仅在下列字段上不同的冲突": "Only conflicts whose versions differ in nothing but these fields",
        "处理方式": "Decision", "数据表": "Table", "设备": "Device", "同步包": "Bundle", "处理": "Decide",
        "取消": "Cancel", "第 {n} 号": "No. {n}", "只处理该设备这一号同步包中的冲突": "Only the conflicts of this bundle",
        "先选定设备，才能按同步包处理": "Choose a device first to pick one of its bundles",
        "将处理 {n} 项冲突": "{n} conflicts will be decided",
        "；另有 {m} 项不能采用设备的版本，保持待处理": "; {m} more cannot take the device's version and stay open",
        "{record}（设备 {device}，第 {seq} 号同步包）": "{record} (device {device}, bundle no. {seq})",
        "按此规则处理以上冲突（每项都留有审计记录）": "Decide the conflicts above by this rule (each one audited)",
        "没有符合此规则的冲突": "No conflict matches this rule", "正在保存…": "Saving…",
    },
}
