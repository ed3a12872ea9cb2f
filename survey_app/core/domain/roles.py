"""Roles and what each may do. Services check these; the UI merely hides what is refused anyway."""

from __future__ import annotations

from enum import StrEnum

from survey_app.core.domain.errors import PermissionDenied


class Role(StrEnum):
    FIELD_WORKER = "field_worker"
    SUPERVISOR = "supervisor"
    HQ_ADMIN = "hq_admin"

    @property
    def label(self) -> str:
        return {"field_worker": "调查员", "supervisor": "复核员", "hq_admin": "指挥部管理员"}[self.value]


class Permission(StrEnum):
    VIEW_HOUSEHOLDS = "view_households"
    EDIT_SURVEY = "edit_survey"
    CALCULATE = "calculate"
    PRINT_AGREEMENT = "print_agreement"
    REVIEW = "review"
    VOID_AGREEMENT = "void_agreement"
    MANAGE_USERS = "manage_users"
    PUBLISH_POLICY = "publish_policy"
    IMPORT_BUNDLES = "import_bundles"
    CREATE_DEMO = "create_demo"
    MANAGE_PROJECT = "manage_project"
    IMPORT_ROSTER = "import_roster"
    ASSIGN_HOUSEHOLDS = "assign_households"

    @property
    def label(self) -> str:
        return _PERMISSION_LABELS[self]


_PERMISSION_LABELS = {
    Permission.VIEW_HOUSEHOLDS: "查看住户",
    Permission.EDIT_SURVEY: "录入/修改调查",
    Permission.CALCULATE: "补偿测算",
    Permission.PRINT_AGREEMENT: "打印协议",
    Permission.REVIEW: "复核",
    Permission.VOID_AGREEMENT: "作废协议",
    Permission.MANAGE_USERS: "管理用户",
    Permission.PUBLISH_POLICY: "发布补偿方案",
    Permission.IMPORT_BUNDLES: "导入同步包",
    Permission.CREATE_DEMO: "生成演示数据",
    Permission.MANAGE_PROJECT: "管理项目",
    Permission.IMPORT_ROSTER: "导入名册与评估结果",
    Permission.ASSIGN_HOUSEHOLDS: "分派住户",
}

_FIELD = {Permission.VIEW_HOUSEHOLDS, Permission.EDIT_SURVEY, Permission.CALCULATE, Permission.PRINT_AGREEMENT}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.FIELD_WORKER: frozenset(_FIELD),
    Role.SUPERVISOR: frozenset(_FIELD | {Permission.REVIEW, Permission.VOID_AGREEMENT}),
    Role.HQ_ADMIN: frozenset(Permission),
}


def require(role: Role | str, permission: Permission) -> None:
    """Raise PermissionDenied unless ``role`` may take ``permission``."""
    role = Role(role)
    if permission not in ROLE_PERMISSIONS[role]:
        raise PermissionDenied(f"{role.label}无权执行此操作：{permission.label}")
