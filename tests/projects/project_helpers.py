"""Constants shared by the project set-up tests (imported by name: conftest modules are not importable)."""

ADMIN_PASSWORD = "Zhb-2024-secret"
RECOVERY_PASSWORD = "Seal-envelope-2024"  # the new-project form's / `project create`'s recovery password
KEY_PASSWORD = None  # a real project's sync keys are unlocked by the login: no key password
