"""Start-up: process start → first paint of the real main window's list at 10k/100k/300k households, cold and warm.

``python -m bench startup [--json] [--households 10000,100000,300000] [--runs 5] [--cold-runs 3]
[--warmups 1] [--db N=PATH ...]``

Each start is a fresh ``main.py --db <demo db> --lang zh_CN`` subprocess (offscreen platform, a 1366×768 screen)
logged in as worker/worker123 through the app's ``SURVEY_APP_BENCH_LOGIN`` hook (survey_app/ui/app.py):
once the household list's viewport has painted (its visible rows fetched in that paint) the app prints
``FIRST_PAINT <s since the top of main.py> <CPU s of the process>`` and quits. The headline figures are wall-clock, from
spawning the process to that line arriving here — what the user waits for after a double-click,
interpreter start included; ``*_inproc_ms`` count from main.py's first line.

A plain SQLite project's window is painted before the ORM is imported (ui/app_first_window.py); the app
then imports it, opens the database, records the login and prints ``READY <s> <CPU s>`` — from then on
the user's first click or keystroke is answered (before it, input waits in the event queue).
``startup_<n>_ready_inproc_ms`` / ``_ready_cpu_ms`` are that line's figures (from main.py's first line;
CPU of the whole process): what the first click waits for at most. No figure when the start took
the ordinary path (no READY line: a vaulted project, a URL).

The hook goes through the real login dialog (ui/app.py ``bench_fill``): it is filled and 登录 pressed
once it has painted, when the app prints ``LOGIN_SHOWN``. Three login figures (in-process, from main.py's
first line): ``startup_<n>_login_shown_inproc_ms`` / ``_login_shown_cpu_ms`` — start → login dialog
painted, what the user waits before typing (beside the bare window); the headline FIRST_PAINT figures —
start → main window painted with zero typing time (worst case: the warm-up's imports not hidden; they
pause from 登录 to that paint, ui/first_attach.py — quiet, 10k: 1,625 ms = 4.9× bare, CPU 5.4× before
the pause; 561–577 ms = 1.9–2.4× bare, CPU 1.9–2.4× with it; READY unchanged, 1.65–1.71 s); and
``startup_<n>_typed_accept_to_paint_ms`` — 登录 pressed → main window painted, for a user who typed until
the warm-up had finished (``SURVEY_APP_BENCH_TYPED=1``: ``LOGIN_ACCEPT`` → ``FIRST_PAINT``, one such start
per run).

CPU: ``startup_<n>_warm_cpu_ms`` is the process's own CPU time (user + system, interpreter start
included) at first paint, beside the bare window's, and ``startup_<n>_cpu_ratio`` their quotient. On a
shared machine whose load average is far above its core count the wall figures measure the queue for
the CPU as much as the app (a start then waits seconds); the CPU figures hardly move with the load
and say what the start itself costs. The load average is printed with the figures (stderr).

Baseline, same run, interleaved start by start: a bare window measured the same way — QApplication +
QMainWindow holding a QTableView over a 30×8 QStandardItemModel, shown maximised on the 1366×768 screen
like the app's window, first paint of the table's viewport. ``startup_<n>_ratio`` is app ÷ bare window (budget 3×, DESIGN §8); the
other budget is 800 ms at 10k households.

The app's modules are precompiled first (``compileall``, as ``make install`` does), as in an installation.

* **warm** — median of ``--runs`` starts, after ``--warmups`` (1) discarded warm-up starts of each (caches).
* **cold** — median of ``--cold-runs`` starts, each the first start after the database file and its
  -wal/-shm were dropped from the OS page cache with ``posix_fadvise(POSIX_FADV_DONTNEED)``: the
  database is read from the disk (on this VM possibly from the hypervisor's cache) as after a reboot;
  Python, Qt and the app's code stay cached (they are shared with every other program and start).
  Where ``posix_fadvise`` is missing, cold is not measured (no figure). The bare window has no
  database, so its warm median is the cold figure's baseline too.

Databases: one per count, made once (300k take minutes) and shared with list_search (bench/common.py).
Each start's login adds one audit event to it: harmless. ``--db 100000=/path/file.sqlite3`` measures a
database already at hand instead (it must be at the schema's head and have the demo's worker/worker123
account); the household count is the label only, and only the databases given are measured unless
``--households`` names more.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import (
    count_label,
    demo_copy,
    evict_from_page_cache,
    parse_counts,
    qt_platform,
)
from bench.figures import Figure, median

REPO = Path(__file__).resolve().parent.parent
BUDGET_MS = 800.0
BUDGET_AT = 10_000
BUDGET_RATIO = 3.0
TIMEOUT_S = 120.0  # one start, spawn to exit

DEFAULT_COUNTS = parse_counts("10000,100000,300000")

# The smoke run (tests/bench): one start of each kind — warm, typed, bare — and no discarded warm-up pair. A cold
# start is the warm start's command after evict_from_page_cache (tested on its own in tests/bench): a fourth real
# start (~0.8 CPU-s) would check nothing more.
SMOKE = ["--households", "60", "--runs", "1", "--cold-runs", "0", "--warmups", "0"]

BARE_WINDOW = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
model = QStandardItemModel(30, 8)
for r in range(30):
    for c in range(8):
        model.setItem(r, c, QStandardItem(f"{r}-{c} 住户"))
w = QMainWindow()
table = QTableView(w)
table.setModel(model)
w.setCentralWidget(table)
w.resize(1280, 720)
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if obj is table.viewport() and ev.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False
def done():
    print(f"FIRST_PAINT {time.perf_counter() - t0:.4f} {time.process_time():.4f}", flush=True)
    app.quit()
watch = Watch()
table.viewport().installEventFilter(watch)
w.showMaximized()  # as the app's window on a 1366-px screen
app.exec()
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=parse_counts, default=None,
                        help="household counts, comma-separated (10000,100000,300000; none with --db)")
    parser.add_argument("--runs", type=int, default=5, help="warm starts of each, interleaved (median reported)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts of the app (median reported)")
    parser.add_argument("--warmups", type=int, default=1,
                        help="discarded warm-up starts of the app and of the bare window before the timed ones")
    parser.add_argument("--db", action="append", default=[], metavar="N=PATH", type=_given_database,
                        help="measure this database, labelled N households, instead of the cached demo one")


def _given_database(text: str) -> tuple[int, Path]:
    count, sep, path = text.partition("=")
    if not sep or not Path(path).is_file():
        raise argparse.ArgumentTypeError(f"需要 N=数据库文件，而不是 {text!r}")
    return parse_counts(count)[0], Path(path)


def _load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except (AttributeError, OSError):  # Windows: no load average
        return "load average: n/a"
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def _measure(cmd: list[str], env: dict[str, str], stamps: dict[str, tuple[float, float]] | None = None,
             ) -> tuple[float, float, float, float, float]:
    """(wall ms from spawn, in-process ms from the script's first line, CPU ms of the process) to first paint,
    then (in-process ms, CPU ms) to READY (NaN without that line)."""
    errors = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed after the process ends; not a pipe: a start that writes much to stderr must not block on it
    spawned = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)  # a start that never paints must not hang the bench
    watchdog.start()
    inproc = wall = None
    cpu = ready = ready_cpu = float("nan")
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            fields = line.split()
            if line.startswith("FIRST_PAINT "):
                wall = time.perf_counter() - spawned
                inproc = float(fields[1])
                cpu = float(fields[2]) if len(fields) > 2 else cpu
            elif line.startswith("READY ") and len(fields) > 2:
                ready, ready_cpu = float(fields[1]), float(fields[2])
            if stamps is not None and len(fields) > 2 and fields[0] in ("LOGIN_SHOWN", "LOGIN_ACCEPT"):
                stamps[fields[0]] = (float(fields[1]) * 1000, float(fields[2]) * 1000)
        proc.communicate()
    finally:
        watchdog.cancel()
    errors.seek(0)
    err = errors.read()
    errors.close()
    if inproc is None or wall is None:
        raise RuntimeError(f"no FIRST_PAINT from {' '.join(cmd)} (exit {proc.returncode}):\n{err[-2000:]}")
    return wall * 1000, inproc * 1000, cpu * 1000, ready * 1000, ready_cpu * 1000


def run(args: argparse.Namespace) -> list[Figure]:
    env = dict(os.environ, QT_QPA_PLATFORM=qt_platform(), SURVEY_APP_BENCH_LOGIN="worker:worker123")
    env.pop("SURVEY_APP_DATA", None)
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    # As installed (make install): the app's modules precompiled. Where PYTHONDONTWRITEBYTECODE is set and
    # the sources changed since, every start would otherwise compile them again (~0.15 CPU-s or more).
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", "survey_app", "main.py"], cwd=REPO,
                   stdout=subprocess.DEVNULL, check=False)
    figures: list[Figure] = []
    all_bare: list[float] = []
    given = dict(args.db)
    print(f"startup: {_load()} (before)", file=sys.stderr, flush=True)
    counts = args.households if args.households is not None else ([] if given else DEFAULT_COUNTS)
    for households in sorted({*counts, *given}):
        db, generated = (given[households], None) if households in given else demo_copy(households)
        app_cmd = [sys.executable, str(REPO / "main.py"), "--db", str(db), "--lang", "zh_CN"]
        for _ in range(args.warmups):  # warm-up: disk cache, .pyc files
            _measure(app_cmd, env), _measure(bare_cmd, env)
        cold: list[float] = []
        cold_inproc: list[float] = []
        for _ in range(args.cold_runs):
            if not evict_from_page_cache(db):
                print("startup: cold start not measured (no posix_fadvise here, or the database is open in this "
                      "process)", file=sys.stderr)
                break
            wall, inproc, *_ = _measure(app_cmd, env)
            cold.append(wall)
            cold_inproc.append(inproc)
        app_wall, app_in, app_cpu, bare_wall, bare_in, bare_cpu = [], [], [], [], [], []
        app_ready, app_ready_cpu = [], []
        shown, shown_cpu, typed = [], [], []
        typed_env = dict(env, SURVEY_APP_BENCH_TYPED="1")
        for _ in range(args.runs):  # interleaved so a busy moment hits both alike
            stamps: dict[str, tuple[float, float]] = {}
            a, ai, ac, ar, arc = _measure(app_cmd, env, stamps)
            b, bi, bc, *_ = _measure(bare_cmd, env)
            if "LOGIN_SHOWN" in stamps:
                shown.append(stamps["LOGIN_SHOWN"][0])
                shown_cpu.append(stamps["LOGIN_SHOWN"][1])
            stamps = {}
            _, t_in, *_ = _measure(app_cmd, typed_env, stamps)
            if "LOGIN_ACCEPT" in stamps:
                typed.append(t_in - stamps["LOGIN_ACCEPT"][0])
            if ar == ar:  # not NaN: the start printed READY
                app_ready.append(ar)
                app_ready_cpu.append(arc)
            app_wall.append(a)
            app_in.append(ai)
            app_cpu.append(ac)
            bare_wall.append(b)
            bare_in.append(bi)
            bare_cpu.append(bc)
        all_bare += bare_wall
        n = count_label(households)
        warm, bare = median(app_wall), median(bare_wall)
        budget = BUDGET_MS if households == BUDGET_AT else None
        figures += [
            Figure(f"startup_{n}_warm_ms", warm, "ms", budget=budget, baseline=bare,
                   baseline_label="bare QTableView window"),
            Figure(f"startup_{n}_ratio", warm / bare, "× bare window", budget=BUDGET_RATIO),
        ]
        if cold:
            figures.append(Figure(f"startup_{n}_cold_ms", median(cold), "ms", budget=budget, baseline=bare,
                                  baseline_label="bare QTableView window (warm)"))
        figures.append(Figure(f"startup_{n}_warm_inproc_ms", median(app_in), "ms", baseline=median(bare_in),
                              baseline_label="bare QTableView window"))
        if cold_inproc:
            figures.append(Figure(f"startup_{n}_cold_inproc_ms", median(cold_inproc), "ms"))
        cpu, bare_cpu_ms = median(app_cpu), median(bare_cpu)
        figures += [
            Figure(f"startup_{n}_warm_cpu_ms", cpu, "ms CPU", baseline=bare_cpu_ms,
                   baseline_label="bare QTableView window"),
            Figure(f"startup_{n}_cpu_ratio", cpu / bare_cpu_ms, "× bare window (CPU)", budget=BUDGET_RATIO),
        ]
        if shown:
            figures += [Figure(f"startup_{n}_login_shown_inproc_ms", median(shown), "ms (start → login dialog painted)",
                               baseline=median(bare_in), baseline_label="bare QTableView window"),
                        Figure(f"startup_{n}_login_shown_cpu_ms", median(shown_cpu), "ms CPU",
                               baseline=bare_cpu_ms, baseline_label="bare QTableView window")]
        if typed:
            figures.append(Figure(f"startup_{n}_typed_accept_to_paint_ms", median(typed),
                                  "ms (登录 → main window painted, warm-up done)"))
        if app_ready:
            figures += [Figure(f"startup_{n}_ready_inproc_ms", median(app_ready), "ms"),
                        Figure(f"startup_{n}_ready_cpu_ms", median(app_ready_cpu), "ms CPU")]
        if generated is not None:
            figures.append(Figure(f"demo_generation_{n}_s", generated, f"s for {households:,} households"))
    figures.append(Figure("startup_bare_window_ms", median(all_bare), "ms"))
    print(f"startup: {_load()} (after)", file=sys.stderr, flush=True)
    return figures
