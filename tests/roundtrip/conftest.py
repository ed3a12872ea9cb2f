"""Fixtures of the round trip: an empty per-user data folder, the app's TaskRunner (key stretching at the
tests' cost: tests/conftest.py)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest


@pytest.fixture
def data_folder(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """An empty per-user data folder: no demo, no known project (the start window lists nothing)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("SURVEY_APP_DATA", str(folder))
    return folder


@pytest.fixture
def runner(qapp):
    from survey_app.ui.task_runner import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()
