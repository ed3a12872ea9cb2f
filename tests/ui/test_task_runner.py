from __future__ import annotations

import threading

import pytest


def test_job_runs_on_the_worker_and_reports_on_the_gui_thread(qtbot, runner) -> None:
    seen: dict[str, object] = {}

    def job(progress, cancel):
        seen["job_thread"] = threading.current_thread()
        progress(1, 2, "一半")
        progress(2, 2, "完成")
        return 42

    def done(result) -> None:
        seen["result"], seen["done_thread"] = result, threading.current_thread()

    runner.run(job, on_done=done, label="测试", show_progress=False)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["job_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()
    assert not runner.busy


def test_cancel_is_seen_by_the_job_and_errors_reach_on_error(qtbot, runner) -> None:
    started = threading.Event()
    outcome: dict[str, object] = {}

    def long_job(progress, cancel):
        started.set()
        while not cancel():
            started.wait(0.005)  # polling a flag, as core loops do between batches
        raise RuntimeError("取消了")

    job_id = runner.run(long_job, on_error=lambda exc: outcome.setdefault("error", exc), show_progress=False)
    qtbot.waitUntil(started.is_set, timeout=5000)
    runner.cancel(job_id)
    qtbot.waitUntil(lambda: "error" in outcome, timeout=5000)
    assert str(outcome["error"]) == "取消了"


def test_progress_dialog_cancel_button_cancels(qtbot, runner) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    started = threading.Event()
    outcome: dict[str, object] = {}

    def long_job(progress, cancel):
        started.set()
        done = 0
        while not cancel():
            done += 1
            progress(done % 100, 100, "处理中")
            started.wait(0.005)
        return "cancelled"

    runner.run(long_job, on_done=lambda r: outcome.setdefault("r", r), label="处理中", min_duration_ms=0)
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible() for w in qtbot_widgets()),
                    timeout=5000)
    dialog = next(w for w in qtbot_widgets() if isinstance(w, QProgressDialog) and w.isVisible())
    assert dialog.labelText() == "处理中"
    dialog.findChild(QPushButton).click()  # the user's 取消
    qtbot.waitUntil(lambda: "r" in outcome, timeout=5000)
    assert outcome["r"] == "cancelled"


def qtbot_widgets():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


@pytest.fixture(autouse=True)
def _no_leftover_jobs(runner):
    yield
    assert runner.shutdown(5000)
