"""Start-up time: process start → first paint of the main window over 10,000 households (budget 800 ms).

``python -m bench startup [--json] [--households N] [--runs N]``

Each run is a fresh subprocess with ``QT_QPA_PLATFORM=offscreen``: main.py logged in as
worker/worker123 through the ``SURVEY_APP_BENCH_LOGIN`` hook, which prints ``FIRST_PAINT <s>``
(measured from the top of main.py) once the list has painted and quits. A bare PySide6 window
(QApplication + QWidget, first paint) is measured the same way in the same run, to compare against
the machine rather than against a number. Figures are medians; ``*_wall_ms`` add the interpreter's
own start (spawn → line received in this process). One warm-up run each is discarded (disk cache).

The database is created once (~5 s) and cached in the temp folder, keyed by household count and a
hash of the schema migrations and demo generator (so a changed schema gets a fresh database).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import Figure, median

REPO = Path(__file__).resolve().parent.parent
BUDGET_MS = 800.0

BARE_WINDOW = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.resize(1280, 720)
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if obj is w and ev.type() == QEvent.Type.Paint:
            w.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False
def done():
    print(f"FIRST_PAINT {time.perf_counter() - t0:.4f}", flush=True)
    app.quit()
watch = Watch()
w.installEventFilter(watch)
w.show()
app.exec()
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=10_000, help="households in the database (10000)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each (median reported)")


def bench_db(households: int) -> Path:
    """The cached demo database, created on first use. Each run's login adds one audit event: harmless."""
    folder = Path(tempfile.gettempdir()) / "survey_app_bench"
    folder.mkdir(parents=True, exist_ok=True)
    core = REPO / "survey_app" / "core"
    sources = sorted([*(core / "storage" / "migrations" / "versions").glob("*.py"),
                      *(core / "services" / "demo").glob("*.py")])
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:12]
    path = folder / f"startup-{households}-{digest}.sqlite3"
    if not path.exists():
        for stale in folder.glob(f"startup-{households}-*.sqlite3*"):  # an older schema's database: 75 MB each
            stale.unlink()
        from survey_app.core.services.demo import create_demo
        from survey_app.core.storage.database import Database

        tmp = path.with_suffix(".partial.sqlite3")
        for stale in folder.glob(tmp.name + "*"):
            stale.unlink()
        print(f"creating {households:,} demo households in {path} (once)…", file=sys.stderr)
        db = Database(tmp)
        create_demo(db, households=households, seed=1)
        db.dispose()  # checkpoints the WAL into the file before the rename
        tmp.rename(path)
    return path


def _measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(in-process seconds from the script's first line, wall seconds from spawn) to first paint."""
    spawned = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    inproc = wall = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("FIRST_PAINT "):
            wall = time.perf_counter() - spawned
            inproc = float(line.split()[1])
            break
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    if inproc is None or wall is None:
        raise RuntimeError(f"no FIRST_PAINT from {' '.join(cmd)} (exit {proc.returncode}):\n{err[-2000:]}")
    return inproc, wall


def run(args: argparse.Namespace) -> list[Figure]:
    db = bench_db(args.households)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SURVEY_APP_BENCH_LOGIN="worker:worker123")
    env.pop("SURVEY_APP_DATA", None)
    app_cmd = [sys.executable, str(REPO / "main.py"), "--db", str(db), "--lang", "zh_CN"]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    _measure(app_cmd, env), _measure(bare_cmd, env)  # warm-up: disk cache, .pyc files
    app_in, app_wall, bare_in, bare_wall = [], [], [], []
    for _ in range(args.runs):  # interleaved so a busy moment hits both alike
        a, aw = _measure(app_cmd, env)
        b, bw = _measure(bare_cmd, env)
        app_in.append(a * 1000)
        app_wall.append(aw * 1000)
        bare_in.append(b * 1000)
        bare_wall.append(bw * 1000)
    main_ms, bare_ms = median(app_in), median(bare_in)
    return [
        Figure("startup_main_window_ms", main_ms, "ms"),
        Figure("startup_bare_window_ms", bare_ms, "ms"),
        Figure("startup_ratio", main_ms / bare_ms, "x"),
        Figure("startup_main_window_wall_ms", median(app_wall), "ms"),
        Figure("startup_bare_window_wall_ms", median(bare_wall), "ms"),
        Figure("startup_budget_ms", BUDGET_MS, "ms"),
        Figure("startup_households", float(args.households), "households"),
    ]
