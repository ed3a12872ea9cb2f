"""The ordinary start opens (and upgrades) the database on the worker, behind a progress window, so an HQ project
that needs a minute to upgrade (300k households: ~65 s to 0016) does not freeze an empty screen (ui/app.py)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import startup
from survey_app.core.storage import migrations
from survey_app.ui.app import open_on_worker
from survey_app.ui.task_runner import TaskRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_an_older_database_is_upgraded_on_the_worker(qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "db_v0_10.sqlite3", path)
    threads: list[threading.Thread] = []
    real = startup.open_database

    def recorded(p):
        threads.append(threading.current_thread())
        return real(p)

    monkeypatch.setattr(startup, "open_database", recorded)
    runner = TaskRunner()
    try:
        db = open_on_worker(QApplication.instance(), runner, path)
        try:
            assert migrations.current_revision(db.engine) == migrations.HEAD
        finally:
            db.dispose()
    finally:
        runner.shutdown()
    assert threads and threads[0] is not threading.main_thread()


def test_a_database_that_cannot_be_opened_raises_its_chinese_error(qtbot, tmp_path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")  # a 0-byte file is refused, never made into an empty project
    runner = TaskRunner()
    try:
        with pytest.raises(SurveyAppError) as refused:
            open_on_worker(QApplication.instance(), runner, path)
    finally:
        runner.shutdown()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(refused.value))
