"""English for backups and restore: 文件 → 备份到… / 从备份恢复… (survey_app/ui/backup_dialog.py) and the daily
backup's status line. Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "MainWindow": {
        "备份到…（U 盘）(&B)": "&Back up to… (USB stick)",
        "把本项目（数据库、密钥库、照片）备份到一个文件夹，如 U 盘":
            "Back this project (database, key vault, photos) up into a folder, e.g. on a USB stick",
        "从备份恢复(&R)…": "&Restore from a backup…",
    },
    "BackupController": {
        "今日自动备份已完成": "Today's automatic backup is done",
        "今日自动备份未完成：{error}": "Today's automatic backup did not finish: {error}",
        "备份与恢复": "Backup and restore",
        "选择备份位置（如 U 盘）": "Choose where to back up (e.g. a USB stick)",
        "备份完成": "Backup finished",
        "已备份到：{path}\n共 {files} 个文件，已逐个校验。":
            "Backed up to: {path}\n{files} files, each one checked.",
        "正在备份项目…": "Backing up the project…",
        "选择要恢复的备份文件夹": "Choose the backup folder to restore",
        "正在校验备份…": "Checking the backup…",
        "正在恢复…": "Restoring…",
        "恢复完成": "Restore finished",
        "已恢复到：{path}\n完整性检查和审计链校验均已通过。\n现在切换到恢复的项目吗？":
            "Restored to: {path}\nThe integrity check and the audit chain both passed.\n"
            "Switch to the restored project now?",
    },
    "RestoreDialog": {
        "从备份恢复": "Restore from a backup",
        "项目": "Project", "备份时间": "Backed up at", "设备": "Device", "文件": "Files",
        "{n} 个，已逐个校验": "{n}, each one checked",
        "更改…": "Change…", "恢复为新文件": "Restore as new file",
        "用户名": "User name", "密码": "Password",
        "加密项目：恢复后要用其中一位用户的密码打开检查。用户名留空则输入恢复密码。":
            "Encrypted project: the restored copy is opened with one of its users' passwords to check it. "
            "Leave the user name empty to use the recovery password.",
        "恢复": "Restore",
        "恢复为哪个新项目文件": "Restore as which new project file",
        "项目数据库 (*.sqlite3);;所有文件 (*)": "Project databases (*.sqlite3);;All files (*)",
        "请填写恢复后的项目文件名": "Enter the file name for the restored project",
        "请输入密码": "Enter the password",
    },
}
