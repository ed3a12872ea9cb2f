"""Fixtures for the policy tools tests: sample policy files, broken files written to disk, a TaskRunner."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from policy_tools_helpers import BROKEN, CITY


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def city_v2(tmp_path: Path) -> Path:
    """The demo policy's next version: transition fee 15 → 18 元/m²·月, a new fixed item, new name."""
    text = CITY.read_text(encoding="utf-8")
    text = (text.replace('version = "2023-06 第1版"', 'version = "2023-09 第2版"')
            .replace('rate_per_m2_month = "15"', 'rate_per_m2_month = "18"')
            + '\n[[items]]\ncode = "utilities"\nkind = "fixed"\nlabel = "水电迁移补助"\namount = "3000"\n')
    path = tmp_path / "city_v2.toml"
    path.write_text(text, encoding="utf-8")
    return path




@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    return path
