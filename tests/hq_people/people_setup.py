"""Constants the 人员与设备 tests share (a module of its own: ``conftest`` is not importable by name)."""

HQ_KEY_PASSWORD = "hq-key-pass-1"
LAPTOP_KEY_PASSWORD = "laptop-key-pass-1"
