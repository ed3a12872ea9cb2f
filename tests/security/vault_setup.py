"""Names and passwords of the test project made by the ``project`` fixture (conftest.py)."""

ADMIN, ADMIN_PW, DEVICE_PW = "chief", "Chief-pass-2024", "Device-pass-2024"
