"""Constants shared by the project set-up tests (imported by name: conftest modules are not importable)."""

ADMIN_PASSWORD = "Zhb-2024-secret"
KEY_PASSWORD = ADMIN_PASSWORD  # create_project seals HQ's sync keys under the admin password by default
