"""English for the login of a real project (key vault) and the forced password change. Merged by
fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "LoginDialog": {
        "设备密码(&D)": "&Device password",
        "本机还没有该用户的密钥：请同时输入设备密码（只需这一次）":
            "This user has no key on this computer yet: also enter the device password (needed only once)",
        "必须先修改密码才能使用本软件": "You must change your password before using the app",
        "忘记密码…": "Forgot password…", "用项目的恢复密码设一个新密码": "Set a new password with the project's recovery password",
        "无法打开数据库：{error}": "Cannot open the database: {error}",
    },
    "RecoveryDialog": {
        "忘记密码": "Forgot password",
        "用项目的恢复密码（建项目时设置，由项目负责人另行保管）为账号设一个新密码。新密码至少8位，不能用演示密码，设好后直接用它登录。":
            "Set a new password for an account with the project's recovery password (set when the project was "
            "created, kept separately by the project lead). At least 8 characters, not a demo password; you are "
            "then logged in with it.",
        "用户名(&U)": "&User name", "恢复密码(&R)": "&Recovery password", "新密码(&N)": "&New password",
        "再输一次(&A)": "&Again", "重设密码": "Reset password", "取消": "Cancel", "请输入用户名": "Enter the user name",
        "请输入恢复密码": "Enter the recovery password", "两次输入的新密码不一致": "The two new passwords do not match",
        "正在重设密码…": "Resetting the password…",
    },
    "PasswordChangeDialog": {
        "修改密码": "Change password",
        "首次登录或密码被重置后，须先设置自己的新密码（至少8位，不能用演示密码）。":
            "After the first login or a password reset, set your own new password first "
            "(at least 8 characters, not a demo password).",
        "新密码(&N)": "&New password", "再输一次(&A)": "&Again",
        "确定": "OK", "取消": "Cancel",
        "两次输入的密码不一致": "The two passwords do not match",
        "正在保存新密码…": "Saving the new password…",
    },
}
