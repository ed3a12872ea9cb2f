"""English for the start window, the new-project form, the laptop join wizard (survey_app/ui/start), HQ's
项目信息 tab (ui/hq/project_tab.py) and the 项目 menu. Merged by fill_en.py: ``EN = {context: {source: english}}``."""

_DATES = {
    "{label}不是有效日期，请写成 2024-05-01": "{label} is not a valid date: write it as 2024-05-01",
    "签约期开始日期": "Signing period start", "签约期结束日期": "Signing period end", "评估时点": "Valuation date",
    "签约期": "Signing period", "至": "to", "货币化安置目标（%）": "Cash resettlement target (%)",
    "征收决定文号": "Expropriation decision no.", "片区 / 地块": "Sections / plots",
}

EN: dict[str, dict[str, str]] = {
    "MainWindow": {"项目(&P)": "&Project", "切换项目(&S)…": "&Switch project…",
                   "关闭本项目，选择、新建或加入其他项目": "Close this project; open, create or join another one"},
    "StartWindow": {
        "{name}  [{role}]\n{code}  ·  {state}  ·  {file}": "{name}  [{role}]\n{code}  ·  {state}  ·  {file}",
        "上次打开 {when}": "last opened {when}", "从列表移除": "Remove from list",
        "从本机的项目列表中移除“{name}”？\n数据库文件不会被删除：{path}":
            "Remove “{name}” from this machine's list of projects?\nThe database file is not deleted: {path}",
        "加入项目（调查员笔记本）": "Join a project (field laptop)",
        "填写项目信息，设置第一位指挥部管理员；本机成为指挥部":
            "Enter the project's details and its first HQ administrator; this machine becomes HQ",
        "征收补偿入户调查 — 选择项目": "Expropriation survey — choose a project", "打开": "Open",
        "打开演示项目": "Open the demo project", "打开项目": "Open project",
        "找不到数据库文件：{path}\n可能已被移动或删除。": "Database file not found: {path}\nIt may have been moved or deleted.",
        "指挥部": "HQ", "文件不存在": "file missing", "新建项目（指挥部）": "New project (HQ)", "未打开过": "never opened",
        "本机的项目": "Projects on this machine", "本机还没有项目。": "No projects on this machine yet.",
        "每个项目是一个数据库文件。指挥部新建项目；调查员笔记本登记后加入项目；演示项目仅供试用，数据为随机生成。":
            "Each project is one database file. HQ creates a project; a field laptop joins one after enrolling; "
            "the demo project is for trying the app out (its data is random).",
        "演示": "demo", "演示项目": "Demo project",
        "生成登记申请交给指挥部，再导入登记回复和任务包":
            "Write an enrolment request for HQ, then import HQ's reply and assignment bundle",
        "登记未完成：点“打开”继续": "enrolment not finished: click “Open” to continue",
        "约500户随机生成的演示数据，可随意试用": "About 500 random households to try things on",
        "调查员笔记本": "field laptop", "选择要打开的项目": "Choose the project to open",
        "切换项目": "Switch project", "还有任务在运行，请等它完成后再切换项目。":
            "A task is still running: wait for it to finish before switching projects.",
    },
    "NewProjectDialog": {
        **_DATES,
        "两次输入的密码不一致": "The two passwords differ", "保存位置": "Saved as",
        "再次输入密码 *": "Password again *", "创建项目": "Create project", "创建项目失败：{error}": "Creating the project failed: {error}",
        "取消": "Cancel", "可不填": "optional", "城市 *": "City *", "如 60，可暂不填": "e.g. 60, optional for now",
        "如 芙政征〔2024〕3号": "e.g. 芙政征〔2024〕3号", "如 芙蓉路片区棚户区改造项目": "e.g. Furong Road shantytown renewal",
        "如 长沙市": "e.g. Changsha", "密码 *": "Password *", "新建项目（指挥部）": "New project (HQ)",
        "显示姓名": "Display name", "更改文件夹…": "Change folder…", "正在创建项目…": "Creating the project…",
        "项目数据库将加密保存：此密码用于登录并解开项目和指挥部同步密钥，请牢记。不能使用演示项目的密码。":
            "The project database is stored encrypted: this password logs in and unlocks the project and HQ's "
            "sync keys. Keep it safe. Demo passwords are refused.",
        "恢复密码 *": "Recovery password *", "再次输入恢复密码 *": "Recovery password again *",
        "至少 8 位，不同于管理员密码": "at least 8 characters, not the administrator's password",
        "交项目负责人另行保管（例如密封在信封里）；管理员忘记密码时，用它重设":
            "Give it to the project lead to keep separately (e.g. sealed in an envelope); if the administrator "
            "forgets their password, it resets it",
        "请设置恢复密码：管理员忘记密码时，只有用它才能重设":
            "Set a recovery password: it is the only way to reset a forgotten administrator password",
        "两次输入的恢复密码不一致": "The two recovery passwords differ",
        "第一位指挥部管理员": "First HQ administrator", "管理员用户名 *": "Administrator user name *",
        "至少 8 位": "at least 8 characters", "英文字母和数字，如 FR2024": "Latin letters and digits, e.g. FR2024",
        "项目信息": "Project", "项目名称 *": "Project name *", "项目数据库保存到哪个文件夹": "Folder for the project database",
        "项目编号 *": "Project code *",
    },
    "JoinWizard": {
        "<b>登记申请已写出：</b>{file}<br>本机密钥指纹：<b>{fp}</b><br>下一步：把此文件交给指挥部，"
        "并把这串指纹读给指挥部核对。拿到登记回复和任务包后，在开始窗口的项目列表中打开本项目继续。":
            "<b>Enrolment request written:</b> {file}<br>This laptop's key fingerprint: <b>{fp}</b><br>Next: take "
            "the file to HQ and read them this fingerprint. With HQ's reply and assignment bundle, open this project "
            "from the start window's list to continue.",
        "U 盘文件夹 *": "USB folder *", "① 生成登记申请": "① Write the enrolment request",
        "② 导入登记回复和任务包": "② Import HQ's reply and assignment bundle",
        "两次输入的密码不一致": "The two passwords differ", "任务包": "Assignment bundle",
        "任务包 (*.saassign);;所有文件 (*)": "Assignment bundles (*.saassign);;All files (*)",
        "关闭（稍后继续）": "Close (continue later)", "再次输入密码 *": "Password again *",
        "加入项目（调查员笔记本）": "Join a project (field laptop)",
        "可不填：指挥部登记时分配正式代码": "optional: HQ assigns the real code when it enrols the laptop",
        "如 调查组1号笔记本": "e.g. Team 1 laptop", "导入并完成登记": "Import and finish enrolment",
        "尚未选择": "not chosen", "已拿到指挥部的回复：继续 ②": "I have HQ's reply: continue with ②",
        "待登记：{name}": "Enrolling: {name}", "打开项目": "Open project",
        "指挥部密钥指纹：<b>{fp}</b>（请与指挥部当面或电话核对；不一致时不要使用，并告知指挥部）":
            "HQ key fingerprint: <b>{fp}</b> (compare it with HQ in person or by phone; if it differs, do not use "
            "it and tell HQ)",
        "指挥部登记本机后会给你登记回复文件（.saenroll）和任务包（.saassign）。导入后本机就有了项目、补偿方案、指挥部为你建的账号和分派的住户。":
            "Once HQ has enrolled this laptop it gives you a reply file (.saenroll) and an assignment bundle "
            "(.saassign). After importing them the laptop has the project, its policy, the accounts HQ made for "
            "you and the households assigned.",
        "操作失败：{error}": "Failed: {error}",
        "本机将新建一个空的、加密的项目数据库（不含演示数据）。设备密码解开它和本机的同步密钥，调查员第一次在本机登录时也要输入一次；请牢记：忘记后只能重新登记。登记申请写到 U 盘，交给指挥部。":
            "This laptop gets a new, empty, encrypted project database (no demo data). The device password unlocks "
            "it and this laptop's sync keys, and each surveyor types it once at their first login here: keep it "
            "safe, a forgotten one means enrolling again. The request is written to the USB stick for HQ.",
        "本机设备代码：<b>{code}</b>；项目：{project}": "This laptop's device code: <b>{code}</b>; project: {project}",
        "本机还没有可登录的账号：请导入指挥部为本机写出的任务包。":
            "No account can log in on this laptop yet: import the assignment bundle HQ wrote for it.",
        "正在导入登记回复和任务包…": "Importing HQ's reply and assignment bundle…",
        "正在生成密钥和登记申请…": "Making the keys and the enrolment request…",
        "生成登记申请": "Write enrolment request", "生成登记申请时设置的设备密码": "the device password set in step ①",
        "登记回复 (*.saenroll);;所有文件 (*)": "Enrolment replies (*.saenroll);;All files (*)",
        "登记回复 *": "HQ's reply *",
        "登记完成：本机有 {n} 个账号可以登录。点“打开项目”登录。":
            "Enrolled: {n} account(s) can log in on this laptop. Click “Open project” to log in.",
        "登记申请写到哪个文件夹（U 盘）": "Folder (USB stick) for the enrolment request", "至少 8 位": "at least 8 characters",
        "设备代码": "Device code", "设备名称 *": "Device name *", "设备密码 *": "Device password *",
        "请先完成第 ① 步": "Do step ① first", "请先选择 U 盘文件夹": "Choose the USB folder first",
        "请选择指挥部的登记回复文件": "Choose HQ's enrolment reply file", "选择 U 盘文件夹…": "Choose USB folder…",
        "选择任务包": "Choose assignment bundles", "选择任务包…": "Choose assignment bundles…",
        "选择指挥部的登记回复文件": "Choose HQ's enrolment reply file", "选择登记回复…": "Choose reply…",
    },
    "DateEdit": {"如 2024-05-01，可暂不填": "e.g. 2024-05-01, optional for now"},
    "SectionsEditor": {"删除所选": "Remove selected", "名称": "Name", "名称，如 古稻田一组": "name, e.g. Gudaotian group 1",
                       "添加": "Add", "编号": "Code", "编号，如 A1": "code, e.g. A1"},
    "ProjectTab": {
        **_DATES,
        "保存修改": "Save changes", "保存失败：{error}": "Saving failed: {error}", "修改原因": "Reason for the change",
        "城市": "City", "如 60，可不填": "e.g. 60, optional",
        "尚无协议签订：可以直接修改（每次修改都记入审计）。":
            "No agreement issued yet: change freely (every change is audited).",
        "已保存。": "Saved.",
        "已有协议签订：修改项目信息须填写原因，原因与修改一并记入审计。":
            "Agreements have been issued: a change needs a reason, audited with the change.",
        "已有协议签订：请写明修改原因（记入审计）": "Agreements issued: give the reason for the change (audited)",
        "指挥部密钥指纹": "HQ key fingerprint", "数据库中还没有项目。": "The database holds no project yet.",
        "数据库": "Database",
        "正在保存项目信息…": "Saving the project…", "项目名称": "Project name", "项目编号": "Project code",
        "（本机没有指挥部密钥）": "(this machine holds no HQ keys)",
    },
    "EffectBox": {
        "协议生效": "Agreements in effect", "协议已生效，生效日期": "The agreements took effect on",
        "期限届满，签约比例未达到，协议未生效": "Deadline passed below the signing rate: the agreements did not take effect",
        "如 2023-08-20": "e.g. 2023-08-20", "重新登记须写明原因（记入审计）": "Recording again needs a reason (audited)",
        "登记": "Record", "原因": "Reason",
        "现行补偿方案没有协议生效条件：协议签订即生效。":
            "The current policy sets no condition: agreements take effect when signed.",
        "现行补偿方案：{by}（含）前本项目签约比例达到 {rate}% 的，协议生效。":
            "Current policy: the agreements take effect when the project's signing rate reaches {rate}% by {by} (inclusive).",
        "尚未登记协议生效情况。": "Not recorded yet.",
        "请填写协议生效日期，如 2023-08-20": "Enter the date the agreements took effect, e.g. 2023-08-20",
        "正在登记协议生效…": "Recording…", "已登记。台账中列出生效后结算的奖励。":
            "Recorded. The ledger lists the rewards settled once the agreements took effect.",
    },
}
