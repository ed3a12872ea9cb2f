"""What a start does before the login dialog paints, and what it overlaps after 登录 (issue 11 item 5).

Two real starts in subprocesses (main.py's path, the bench hook typing into the real dialog and pressing 登录
once it has painted), one accepted and one refused, each run once for this module and read by several tests
(tests/scheduling.py keeps the module on one worker). Accepted: the dialog shows, the warm-up thread starts only
once the dialog has painted, the main window's modules are imported while the password is checked (before the
login's answer arrives), the window paints from the light read before its database is attached, the warm-up is
paused from 登录 until that paint (with no import step run meanwhile), the garbage collector main.py pauses is
resumed once the window has painted, and the login is recorded. Refused: users.login's
answer, the attempt recorded, the warm-up's database closed. Then the Warmup's own contract (started once;
``result()`` runs one never started), PySide's import check (ui/feature_check.py) giving PySide's own answers,
and ui/start_gc.py leaving a host's collector as it was.
"""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from survey_app.ui import feature_check
from survey_app.ui.first_attach import Warmup

REPO = Path(__file__).resolve().parents[3]

# main.py's start with probes: the dialog's first paint, the warm-up's start, whether the main window's module
# was imported when the login's answer reached the dialog, whether the window had its database at its first
# paint, and whether PySide's check is the fast one.
PROBE = r"""
import atexit, gc, sys, time
from survey_app.ui import start_gc
start_gc.pause()  # as main.py
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from survey_app.ui import app, first_attach, login_dialog

def say(what):
    print(what, flush=True)

atexit.register(lambda: say(f"GC_AT_EXIT {gc.isenabled()}"))

class Paints(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj.objectName() == "loginDialog":
            say(f"DIALOG_PAINT {gc.isenabled()}")
            QApplication.instance().removeEventFilter(self)
        return False

paints = Paints()
from survey_app.ui import fonts
install = fonts.install_app_font
def install_and_watch(qapp, *a, **k):
    qapp.installEventFilter(paints)
    feature = sys.modules["PySide6.support.feature"]
    say(f"FAST_CHECK {getattr(feature._mod_uses_pyside, 'fast_check', False)}")
    return install(qapp, *a, **k)
fonts.install_app_font = install_and_watch

start = first_attach.Warmup.start
made = []
def start_and_say(self):
    if not self.started():
        say("WARMUP_START")
        made.append(self)
    start(self)
first_attach.Warmup.start = start_and_say
first_attach.PAUSE_LIMIT = 600.0  # the pause must end at the first paint, not by itself

success = login_dialog.LoginDialog._on_success
def success_and_say(self, result):
    say(f"WINDOW_IMPORTED_AT_ANSWER {'survey_app.ui.main_window' in sys.modules}")
    success(self, result)
login_dialog.LoginDialog._on_success = success_and_say

report = app.report_first_paint
def report_and_say(qapp, widget, started_at):
    from survey_app.ui.first_paint import after_first_paint
    say(f"DB_AT_PAINT {widget.window().db is not None}")
    after_first_paint(widget, lambda: say(f"PAINTED {time.perf_counter()}"))  # before the app's own
    report(qapp, widget, started_at)
app.report_first_paint = report_and_say

stamp = app._stamp
def stamp_and_say(what, started_at):
    stamp(what, started_at)
    if what in ("FIRST_PAINT", "READY"):
        say(f"GC_AT_{what} {gc.isenabled()}")
app._stamp = stamp_and_say

code = app.main(sys.argv[1:], started_at=time.perf_counter())
for w in made:
    say("PAUSES " + " ".join(f"{a} {b}" for a, b in w.pauses))
    say("STEPS " + " ".join(f"{at}" for at, _ in w.steps))
raise SystemExit(code)
"""


@dataclass(frozen=True)
class Run:
    result: subprocess.CompletedProcess
    db: Path

    @property
    def markers(self) -> list[str]:
        return [line.split()[0] for line in self.result.stdout.splitlines()]

    def worker(self) -> tuple[int, int]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute("SELECT last_login_at IS NOT NULL, failed_logins FROM users "
                                "WHERE username = 'worker'").fetchone()


def _start(template: Path, folder: Path, login: str) -> Run:
    db = folder / "project.sqlite3"
    shutil.copyfile(template, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE users SET last_login_at = NULL")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_LOGIN=login,
               SURVEY_APP_DATA=str(folder / "data"))
    result = subprocess.run([sys.executable, "-c", PROBE, "--db", str(db), "--lang", "zh_CN"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return Run(result, db)


@pytest.fixture(scope="module")
def accepted(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _start(_demo_template, tmp_path_factory.mktemp("accepted"), "worker:worker123")


@pytest.fixture(scope="module")
def refused(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _start(_demo_template, tmp_path_factory.mktemp("refused"), "worker:not-the-password")


def test_the_dialog_shows_then_the_window_paints_light_and_the_login_is_recorded(accepted: Run) -> None:
    order = [m for m in accepted.markers if m in ("LOGIN_SHOWN", "LOGIN_ACCEPT", "DB_AT_PAINT", "FIRST_PAINT", "READY")]
    assert order == ["LOGIN_SHOWN", "LOGIN_ACCEPT", "DB_AT_PAINT", "FIRST_PAINT", "READY"]
    assert "DB_AT_PAINT False" in accepted.result.stdout  # painted from the light read, attached after (READY)
    assert accepted.worker() == (1, 0)  # users.login ran (audited) after the paint
    assert not accepted.db.with_name("project.sqlite3-open").exists()  # closed cleanly


def test_the_warmup_starts_after_the_dialog_paints_and_the_window_imports_during_the_sign_in(accepted: Run) -> None:
    lines, out = accepted.markers, accepted.result.stdout
    assert "FAST_CHECK True" in out  # installed before the app imported anything of its own
    assert lines.index("DIALOG_PAINT") < lines.index("WARMUP_START") < lines.index("FIRST_PAINT")
    assert lines.count("WARMUP_START") == 1
    assert lines.index("LOGIN_ACCEPT") < lines.index("WINDOW_IMPORTED_AT_ANSWER") < lines.index("FIRST_PAINT")
    assert "WINDOW_IMPORTED_AT_ANSWER True" in out  # imported while the worker checked the password
    assert [m for m in lines if m.startswith("GC_AT_")][-2:] == ["GC_AT_READY", "GC_AT_EXIT"]  # attached after
    assert "DIALOG_PAINT False" in out and "GC_AT_READY True" in out  # paused for the start only


def test_the_warmup_is_paused_from_login_to_the_first_paint(accepted: Run) -> None:
    """The warm-up pauses at 登录 and is resumed once the window has painted (tests/ui/first_screen/
    test_warmup_yields.py has the pause's own contract, in this process)."""
    lines = {line.split()[0]: line.split()[1:] for line in accepted.result.stdout.splitlines()}
    assert "READY" in lines  # attached after the paint
    paused_at, resumed_at = map(float, lines["PAUSES"])  # one pause
    painted = float(lines["PAINTED"][0])
    steps = [float(at) for at in lines["STEPS"]]
    assert paused_at < painted < resumed_at  # paused through the list's first paint (this probe runs first)
    assert not [at for at in steps if paused_at < at < resumed_at]
    assert [at for at in steps if at > resumed_at]  # it had imports left: the pause held them back


def test_a_wrong_password_is_refused_by_the_audited_login_and_recorded(refused: Run) -> None:
    assert "FIRST_PAINT" not in refused.markers  # the hook quits the refused dialog
    assert "bench login refused: 用户名或密码错误（还可尝试4次）" in refused.result.stderr  # users.login's answer
    assert refused.worker()[1] == 1  # the attempt recorded by users.login


def test_a_refused_login_still_opens_and_closes_the_warmups_database(refused: Run) -> None:
    lines = refused.markers
    assert lines.index("DIALOG_PAINT") < lines.index("WARMUP_START")
    assert "GC_AT_EXIT True" in refused.result.stdout  # the run ended without a window: resumed all the same
    assert not refused.db.with_name("project.sqlite3-open").exists()  # the warm-up's database closed on quitting


def test_a_warmup_starts_once_and_result_runs_one_never_started(qapp) -> None:
    threads: list[str] = []
    w = Warmup(lambda: threads.append(threading.current_thread().name) or "opened")
    assert not w.started()
    assert w.result() == "opened"  # whoever waits for a warm-up not yet started runs it: never a silent None
    assert w.started() and w.done() and threads == ["warm-up"]
    w.start()  # a second start does nothing
    assert threads == ["warm-up"]


def test_a_run_that_ends_before_the_dialog_painted_opens_nothing(qapp) -> None:
    from survey_app.ui.app_first_window import _opened

    ran: list[bool] = []
    w = Warmup(lambda: ran.append(True))
    assert _opened(w) is None
    assert not w.started() and ran == []  # not started just to be closed


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PySide's own check on built-ins: module_repr()
def test_the_fast_check_gives_pysides_answer_for_every_module_loaded() -> None:
    # the ORM and the services, the main window: most of the modules a start loads
    import survey_app.core.services.startup
    import survey_app.ui.main_window  # noqa: F401

    original = getattr(sys.modules[feature_check.FEATURE_MODULE]._mod_uses_pyside, "original", None)
    original = original or sys.modules[feature_check.FEATURE_MODULE]._mod_uses_pyside
    modules = [m for name, m in sorted(sys.modules.items()) if name not in ("typing.io", "typing.re")]
    answers = {m.__name__: (feature_check.uses_pyside(m, original), original(m)) for m in modules
               if isinstance(m, types.ModuleType)}
    assert len(answers) > 300
    assert {name for name, (fast, slow) in answers.items() if fast != slow} == set()
    assert answers["survey_app.ui.main_window"] == (True, True) and answers["sqlalchemy.orm"] == (False, False)


def test_install_replaces_pysides_check_once_and_does_nothing_without_it(monkeypatch) -> None:
    feature = sys.modules[feature_check.FEATURE_MODULE]
    current = feature._mod_uses_pyside  # PySide's own, or ours if a start in this process installed it
    monkeypatch.setattr(feature, feature_check.CHECK, getattr(current, "original", current))  # restored after
    assert not getattr(feature._mod_uses_pyside, "fast_check", False)
    assert feature_check.install()
    installed = feature._mod_uses_pyside
    assert installed.fast_check and feature_check.install() and feature._mod_uses_pyside is installed
    monkeypatch.delitem(sys.modules, feature_check.FEATURE_MODULE)
    assert not feature_check.install()  # another PySide (or PyPy): left alone


def test_the_collector_is_resumed_only_if_the_start_paused_it() -> None:
    from survey_app.ui import start_gc

    assert gc.isenabled()
    try:
        start_gc.pause()
        assert not gc.isenabled() and start_gc.paused()
        start_gc.resume()
        assert gc.isenabled() and not start_gc.paused()
        gc.disable()  # a host that runs without it
        start_gc.pause()
        start_gc.resume()
        assert not gc.isenabled()  # left as the host had it
    finally:
        gc.enable()
