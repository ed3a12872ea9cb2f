"""English for HQ's 人员与设备 tab (survey_app/ui/hq/people_*.py): users, laptops, assigning households.
Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

_SAVING = {"正在保存…": "Saving…", "状态": "Status", "已停用": "Disabled"}
_FOLDER = {"任务包写到哪个文件夹（U 盘）": "Folder for the assignment bundle (USB stick)"}

EN: dict[str, dict[str, str]] = {
    "PeopleTab": {
        "用户": "Users", "笔记本": "Laptops", "分派住户": "Assign households",
        "新建用户、登记笔记本、分派住户的结果会显示在这里。":
            "The results of creating users, enrolling laptops and assigning households appear here.",
    },
    "UsersPanel": {
        **_SAVING,
        "用户名": "User name", "显示姓名": "Display name", "角色": "Role", "电话": "Phone",
        "负责住户": "Households", "已锁定": "Locked", "须修改密码": "Must change password", "正常": "Active",
        "新建用户…": "New user…", "停用": "Disable", "启用": "Enable", "重置密码…": "Reset password…",
        "角色…": "Role…", "新建用户": "New user", "初始密码": "Initial password", "再次输入": "Repeat",
        "新密码": "New password", "请填写用户名": "Enter a user name",
        "密码至少 {n} 位": "The password needs at least {n} characters",
        "两次输入的密码不一致": "The two passwords differ",
        "未完成：{error}": "Not done: {error}",
        "正在新建用户…": "Creating the user…", "正在重置密码…": "Resetting the password…",
        "已新建用户 {user}": "User {user} created", "角色：{role}": "Role: {role}",
        "首次登录时须修改密码。": "The password must be changed at the first login.",
        "下一步：在“笔记本”中把该调查员指定到笔记本，再分派住户。":
            "Next: set this worker on a laptop under “Laptops”, then assign households.",
        "已停用 {user}": "{user} disabled", "已启用 {user}": "{user} enabled",
        "该用户还负责 {n} 户，请在“分派住户”中转派给其他调查员。":
            "This user still has {n} households: reassign them under “Assign households”.",
        "重置 {user} 的密码": "Reset the password of {user}",
        "已重置 {user} 的密码": "Password of {user} reset",
        "该用户下次登录时须修改密码。笔记本上的密码随下一个任务包更新。":
            "The user must change it at the next login. Laptops get it with their next assignment bundle.",
        "修改 {user} 的角色": "Change the role of {user}",
        "{user} 的角色已改为{role}": "{user} is now {role}",
    },
    "LaptopsPanel": {
        **_SAVING, **_FOLDER,
        "设备代码": "Device code", "名称": "Name", "调查员": "Workers", "已登记": "Enrolled",
        "未登记": "Not enrolled", "（未指定）": "(none set)", "（无）": "(none)",
        "接受登记申请…": "Accept an enrollment request…", "指定调查员…": "Set workers…",
        "导出任务包…": "Export assignment bundle…",
        "使用 {code} 的调查员": "Workers using {code}",
        "未保存：{error}": "Not saved: {error}",
        "设备 {code} 的调查员已保存": "Workers of device {code} saved",
        "下一步：导出该笔记本的任务包，拷到 U 盘交给调查员导入。":
            "Next: export this laptop's assignment bundle and give it to the worker on a USB stick.",
        "任务包未写出：{error}": "Assignment bundle not written: {error}",
        "正在写出任务包…": "Writing assignment bundles…",
        "文件：{name}": "File: {name}", "位置：{folder}": "Folder: {folder}",
        "下一步：拷到 U 盘，在该笔记本的“同步”页点“导入回执 / 任务包”。":
            "Next: copy it to a USB stick; on the laptop's Sync page click “Import receipt / assignment”.",
        "已写出 {n} 个任务包": "{n} assignment bundles written",
        "密钥指纹": "Key fingerprint", "已吊销（{day}）": "Revoked ({day})",
        "① 接受登记申请：选择调查笔记本写出的登记申请（.json），核对指纹后登记，登记回复写在申请"
        "文件旁边，拷回该笔记本导入。② 指定使用它的调查员。③ 分派住户后导出任务包。":
            "① Accept the enrollment request (.json) a laptop wrote, after comparing the fingerprint; the "
            "reply is written next to the request — take it back to that laptop. ② Set the workers who use "
            "it. ③ After assigning households, export its assignment bundle.",
        "吊销原因（如：笔记本丢失）": "Reason for revoking (e.g. laptop lost)", "吊销…": "Revoke…",
        "设备丢失或被盗时吊销：指挥部不再接受它的同步包，它在吊销之后签发的协议"
        "核验为无效（吊销随任务包传到各笔记本）。":
            "Revoke a lost or stolen device: HQ accepts no more bundles from it, and agreements it signs "
            "after the revocation verify as invalid (the revocation reaches every laptop with its next "
            "assignment).",
        "笔记本丢失或被盗：": "Laptop lost or stolen:",
        "选择设备登记申请": "Choose a device's enrollment request",
        "登记申请 (*.json);;所有文件 (*)": "Enrollment request (*.json);;All files (*)",
        "{name} 不能登记：{error}": "{name} cannot be enrolled: {error}", "登记设备": "Enroll device",
        "设备名称：{name}\n设备密钥指纹：{fp}\n\n请与调查笔记本上显示的指纹核对。登记此设备？":
            "Device name: {name}\nDevice key fingerprint: {fp}\n\nCompare it with the fingerprint shown on "
            "the laptop. Enroll this device?",
        "{name} 未登记：{error}": "{name} was not enrolled: {error}", "正在登记设备…": "Enrolling the device…",
        "已登记设备 {code}": "Device {code} enrolled", "登记回复文件：{path}": "Enrollment reply file: {path}",
        "指挥部密钥指纹：{fp}（设备导入后会显示，请与调查员核对）":
            "HQ key fingerprint: {fp} (the laptop shows it after the import: compare it with the worker)",
        "下一步：把登记回复文件拷回该笔记本导入；再点“指定调查员…”。":
            "Next: copy the reply file back to that laptop and import it; then click “Set workers…”.",
        "请先填写吊销原因": "Please enter the reason for revoking first", "吊销设备": "Revoke device",
        "吊销设备 {code}（{name}，密钥指纹 {fp}）？\n原因：{reason}\n\n吊销后指挥部不再接受它的同步包，"
        "它在吊销之后签发的协议核验为无效。此操作不能撤销。":
            "Revoke device {code} ({name}, key fingerprint {fp})?\nReason: {reason}\n\nHQ will accept no more "
            "bundles from it, and agreements it signs after this verify as invalid. This cannot be undone.",
        "设备 {code} 未吊销：{error}": "Device {code} not revoked: {error}", "正在吊销设备…": "Revoking the device…",
        "已吊销设备 {code}": "Device {code} revoked", "指挥部不再接受它的同步包。": "HQ accepts no more bundles from it.",
        "下一步：给其他笔记本导出任务包，让它们也知道此设备已吊销。":
            "Next: export assignment bundles for the other laptops so they learn of the revocation too.",
    },
    "AssignPanel": {
        **_FOLDER,
        "粘贴户号，用逗号、空格或换行分隔": "Paste household codes, separated by commas, spaces or new lines",
        "预览": "Preview", "分派": "Assign", "分派住户": "Assign households", "地块": "Sections",
        "或户号": "or codes", "分派给": "Assign to", "转派": "Reassign", "转派…": "Reassign…",
        "从": "From", "转给": "To",
        "选择地块或填写户号，再选择调查员，然后点“预览”。":
            "Choose sections or enter household codes, choose the worker, then click “Preview”.",
        "已签约的住户保留原调查员。转派前请先导入原调查员笔记本的最新同步包：转派后，那台笔记本再发来的这些住户的修改会被拒收。":
            "Signed households stay with their worker. Import the old worker's latest bundle first: after "
            "reassigning, changes to these households from that laptop are refused.",
        "导出受影响的任务包…": "Export the affected bundles…",
        "{section}（{n} 户）": "{section} ({n} households)", "未分地块": "No section",
        "将把 {n} 户分派给 {user}": "{n} households will go to {user}",
        "；{n} 户原已是其负责": "; {n} are theirs already",
        "；{n} 户已签约，保留原调查员": "; {n} are signed and stay with their worker",
        "；其中 {n} 户从 {user} 转出": "; {n} of them move from {user}",
        "未分派：{error}": "Not assigned: {error}", "请选择调查员": "Choose a worker",
        "正在预览…": "Previewing…", "正在分派…": "Assigning…", "正在转派…": "Reassigning…",
        "请选择转出和转入的调查员": "Choose both workers",
        "请确认已导入 {user} 笔记本的最新同步包。转派？":
            "Make sure the latest bundle from {user}'s laptop has been imported. Reassign?",
        "需要更新任务包的笔记本：{codes}。点“导出受影响的任务包…”。":
            "Laptops needing a new bundle: {codes}. Click “Export the affected bundles…”.",
        "{user} 还没有指定笔记本：在“笔记本”中指定后再导出任务包。":
            "{user} has no laptop yet: set one under “Laptops”, then export the bundle.",
        "已分派 {n} 户给 {user}": "{n} households assigned to {user}",
    },
}
