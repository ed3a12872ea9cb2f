"""Small screens: every page fits 1024×768 (no forced minimum over the screen); small screens open maximised."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from test_pages_helpers import window_for

from survey_app.core.services import devices, users
from survey_app.ui import main_window as mw
from survey_app.ui.pages import navigation as nav

W, H = 1024, 768


def _too_big(root: QWidget) -> list[str]:
    """Visible widgets whose minimum size (set or from their layout) is wider or taller than the screen."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        hint = w.minimumSizeHint() if w.layout() is not None else w.minimumSize()
        mins = (max(w.minimumWidth(), hint.width() if w.minimumWidth() == 0 else 0),
                max(w.minimumHeight(), hint.height() if w.minimumHeight() == 0 else 0))
        if mins[0] > W or mins[1] > H:
            out.append(f"{type(w).__name__}#{w.objectName()} {mins}")
    return out


@pytest.mark.parametrize("role", ["worker", "hq"])
def test_every_page_fits_1024_by_768(qtbot, demo_db, runner, role) -> None:
    password = {"worker": "worker123", "hq": "hq123456"}[role]
    actor = users.login(demo_db, role, password, device=devices.local_device_code(demo_db))
    window = window_for(qtbot, demo_db, actor, runner)
    window.resize(W, H)
    names = list(window.rail.buttons)
    for name in names:
        window.show_page(name)
        qtbot.waitUntil(lambda n=name: window.current_page() == n or n == nav.COMPENSATION, timeout=5000)
        window.resize(W, H)
        assert window.width() <= W and window.height() <= H, (name, window.size())
        hint = window.minimumSizeHint()
        assert hint.width() <= W and hint.height() <= H, (name, hint)
        assert _too_big(window) == [], name
    window.help_action.trigger()
    assert _too_big(window.help_dialog) == [] and window.help_dialog.width() <= W


def test_small_screens_open_maximised(qtbot, demo_db, worker_actor, runner, monkeypatch) -> None:
    window = mw.MainWindow(demo_db, worker_actor, runner=runner)
    qtbot.addWidget(window)
    width = window.screen().availableGeometry().width()
    monkeypatch.setattr(mw, "MAXIMISE_UP_TO", width)  # this screen counts as small
    window.show_for_screen()
    qtbot.waitUntil(window.isVisible)
    assert window.isMaximized()
    other = mw.MainWindow(demo_db, worker_actor, runner=runner)
    qtbot.addWidget(other)
    monkeypatch.setattr(mw, "MAXIMISE_UP_TO", width - 1)  # a wider screen than the limit: normal size
    other.show_for_screen()
    qtbot.waitUntil(other.isVisible)
    assert not other.isMaximized()
