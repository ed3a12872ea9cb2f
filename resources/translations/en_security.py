"""English for the login of a real project (key vault) and the forced password change. Merged by
fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "LoginDialog": {
        "设备密码(&D)": "&Device password",
        "本机还没有该用户的密钥：请同时输入设备密码（只需这一次）":
            "This user has no key on this computer yet: also enter the device password (needed only once)",
        "必须先修改密码才能使用本软件": "You must change your password before using the app",
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
