"""HQ's 总览 shows the project's signing rate against the current policy's 协议生效条件 (``[project] effective_when``,
issue 13 Z1): core figures and the real page (pytest-qt, offscreen). The signed project has 18 of its 60 households
signed or handed over: 18 ÷ 60 = 30.00%, below 80% and above 5%; its signing period ended 2023-08-31."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from survey_app.core.compensation.effect import Effectiveness
from survey_app.core.domain.roles import Role
from survey_app.core.services import policies
from survey_app.core.services.reports import dashboard
from survey_app.core.storage.uow import Actor

HQ = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")  # as tests/reports/conftest.py signs with

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "resources", "policies", "city_shantytown_2023.toml")


def _publish_with_rule(db, rate: str = "80%") -> None:
    with open(DEMO, encoding="utf-8") as f:
        text = f.read()
    anchor = "signing_end = 2023-08-31\n"
    assert text.count(anchor) == 1
    text = text.replace(anchor, anchor + f'effective_when = {{ signing_rate_pct = "{rate}" }}\n', 1)
    policies.publish_text(db, HQ, text, "city.toml", reason="写明协议生效条件")


def test_without_a_rule_there_is_nothing_to_compare(signed_db) -> None:
    assert dashboard(signed_db, today=dt.date(2023, 7, 1)).effective_when is None


def test_the_current_policys_rule_comes_with_the_figures(signed_db) -> None:
    _publish_with_rule(signed_db)
    d = dashboard(signed_db, today=dt.date(2023, 7, 1))
    assert d.effective_when == Effectiveness(Decimal("80"), dt.date(2023, 8, 31))
    assert d.signed_pct == Decimal("30.00")
    assert '"effective_when": {\n  "rate": "80",\n  "by": "2023-08-31"\n }' in d.as_json()
    _publish_with_rule(signed_db, "5%")  # a newer version: its rule, not the cached one of the older
    assert dashboard(signed_db, today=dt.date(2023, 7, 1)).effective_when.rate == Decimal("5")


@pytest.fixture
def page(qtbot, signed_db):
    from survey_app.core.services import devices, users
    from survey_app.ui.hq.dashboard_page import build
    from survey_app.ui.task_runner import TaskRunner

    _publish_with_rule(signed_db)
    runner = TaskRunner()
    actor = users.login(signed_db, "hq", "hq123456", device=devices.local_device_code(signed_db))
    widget = build(signed_db, actor, runner)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.dash is not None and not widget._loading, timeout=20_000)
    yield widget
    runner.shutdown()


def test_the_signed_tile_states_the_rule_and_flags_it_once_the_period_is_over(qtbot, page, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    from survey_app.core.domain import china_time

    tile = page.tiles["signed"]
    assert tile.text().splitlines()[1] == "已签约（30.00%）；协议生效需 80%（2023年8月31日前）"
    assert tile.property("alert") is False and tile.property("good") is False  # 2023-07-01: still signing
    monkeypatch.setattr(china_time, "today", lambda: dt.date(2023, 9, 1))
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dash.today == dt.date(2023, 9, 1) and not page._loading, timeout=20_000)
    assert tile.property("alert") is True and tile.property("good") is False  # missed: 30% < 80% after 08-31
    _publish_with_rule(page.db, "5%")
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dash.effective_when.rate == 5 and not page._loading, timeout=20_000)
    assert tile.text().splitlines()[1] == "已签约（30.00%）；协议生效需 5%（2023年8月31日前）"
    assert tile.property("good") is True and tile.property("alert") is False  # 30% ≥ 5%


def test_the_command_line_dashboard_states_it(signed_db, monkeypatch, capsys) -> None:
    from survey_app.cli import main

    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    _publish_with_rule(signed_db)
    assert main(["--db", str(signed_db.path), "hq", "dashboard"]) == 0
    assert "协议生效条件：2023-08-31 前签约比例达到 80%（当前 30.00%，尚未达到）" in capsys.readouterr().out.splitlines()
