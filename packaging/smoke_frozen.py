"""Smoke test of the frozen app (make dist), run under Xvfb: ``xvfb-run -a python packaging/smoke_frozen.py``.

From a folder with a Chinese name and a space, as a clerk's laptop would have it:
1. the frozen CLI creates the demo, renders an agreement PDF (font embedded) and exports a sync bundle
   (demo-sync: an HQ and a field laptop; the laptop's bundle is imported at HQ);
2. the frozen window starts on the demo, a person signs in (xdotool types into the real login dialog) and
   the main window is captured to docs/screenshots/frozen_main.png;
3. start-up to first paint (the app's bench hook) of the frozen app and of the source install, and sizes;
4. with --deb and as root: the .deb installs, its /usr/bin/survey-app works, and it removes cleanly.
Prints the figures; exits non-zero on the first failure. Needs xdotool and poppler-utils (make dist installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD  # noqa: E402

LOGIN = ("hq", "hq123456")
TIMEOUT = 180  # seconds for any one step on a loaded 2-core machine


def run(*args: object, env: dict[str, str], cwd: Path, expect: str = "") -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=TIMEOUT)
    if done.returncode != 0 or expect not in done.stdout:
        raise SystemExit(f"FAILED: {' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def cli_checks(app: Path, work: Path, env: dict[str, str]) -> None:
    db = work / "演示 项目.sqlite3"
    run(app, "--db", db, "demo", "--households", "200", "--seed", "7", "--quiet", env=env, cwd=work)
    with sqlite3.connect(db) as conn:
        code = conn.execute("SELECT household_code FROM households WHERE status = 'calculated' AND chosen_option"
                            " IS NOT NULL ORDER BY household_code").fetchone()[0]
    pdf = work / "协议 草稿.pdf"
    run(app, "--db", db, "agreement", "render", "--household", code, "--out", pdf, env=env, cwd=work)
    fonts = run("pdffonts", pdf, env=env, cwd=work)
    if "WenQuanYiMicroHei" not in fonts:
        raise SystemExit(f"FAILED: the agreement PDF lacks the embedded font:\n{fonts}")
    print(f"ok  agreement PDF for {code}: {pdf.stat().st_size} bytes, WenQuanYi Micro Hei embedded")
    folder = work / "同步 演示"
    run(app, "demo-sync", "--dir", folder, "--households", "40", env=env, cwd=work)
    usb = folder / "usb"
    dev = dict(env, SURVEY_APP_SYNC_PASSWORD=DEVICE_KEY_PASSWORD)
    run(app, "--db", folder / "d01.sqlite3", "sync", "export", "--out-dir", usb, env=dev, cwd=work)
    bundle = next(usb.glob("FR2023_D01_00001_*.sabundle"))
    hq = dict(env, SURVEY_APP_SYNC_PASSWORD=HQ_KEY_PASSWORD)
    run(app, "--db", folder / "hq.sqlite3", "sync", "import", bundle, env=hq, cwd=work, expect="设备 D01 第 1 号")
    print(f"ok  sync bundle exported and imported at HQ: {bundle.name} ({bundle.stat().st_size} bytes)")


def xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0:
        raise SystemExit(f"FAILED: xdotool {' '.join(args)}: {done.stderr}")
    return done.stdout.strip()


def grab(window: str, out: Path) -> None:
    """Capture the X display (Qt grabs the root window from this process) and crop it to ``window``,
    once two captures half a second apart are the same (the window has finished painting)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication

    geometry = dict(line.split("=") for line in xdotool("getwindowgeometry", "--shell", window).splitlines())
    box = QRect(int(geometry["X"]), int(geometry["Y"]), int(geometry["WIDTH"]), int(geometry["HEIGHT"]))
    app = QGuiApplication.instance() or QGuiApplication(["smoke", "-platform", "xcb"])
    previous = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        image = app.primaryScreen().grabWindow(0).toImage().copy(box)
        if previous is not None and image == previous and image.pixelColor(5, 5) != image.pixelColor(
                box.width() // 2, box.height() // 2):
            out.parent.mkdir(parents=True, exist_ok=True)
            image.save(str(out))
            return
        previous = image
        time.sleep(0.5)
    raise SystemExit("FAILED: the main window never settled")


def gui_check(app: Path, work: Path, env: dict[str, str], shot: Path) -> None:
    db = work / "演示 项目.sqlite3"
    proc = subprocess.Popen([str(app), "--db", str(db)], cwd=work, env=env)
    try:
        login = xdotool("search", "--sync", "--onlyvisible", "--name", "登录")
        xdotool("windowfocus", "--sync", login)
        xdotool("type", "--delay", "20", LOGIN[0])
        xdotool("key", "Tab")
        xdotool("type", "--delay", "20", LOGIN[1])
        xdotool("key", "Return")
        # "<project> — <name>（<role>） — 征收补偿入户调查"; the login dialog's title has no "）"
        main = xdotool("search", "--sync", "--onlyvisible", "--name", "） — 征收补偿入户调查").splitlines()[0]
        grab(main, shot)
        print(f"ok  frozen window: signed in as {LOGIN[0]}, main window captured to {shot.relative_to(REPO)}")
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def first_paint(cmd: list[str], db: Path, env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(seconds from process start to the FIRST_PAINT line, the app's own figure from its first line of Python)."""
    bench = dict(env, SURVEY_APP_BENCH_LOGIN=":".join(LOGIN))
    started = time.perf_counter()
    proc = subprocess.Popen([*cmd, "--db", str(db)], cwd=cwd, env=bench, stdout=subprocess.PIPE, text=True,
                            encoding="utf-8")
    try:
        for line in proc.stdout:
            if line.startswith("FIRST_PAINT"):
                return time.perf_counter() - started, float(line.split()[1])
        raise SystemExit(f"FAILED: {cmd} ended without painting its window")
    finally:
        proc.stdout.close()
        proc.wait(timeout=TIMEOUT)


def startup_figures(app: Path, work: Path, env: dict[str, str]) -> None:
    db = work / "演示 项目.sqlite3"
    source = [str(REPO / ".venv" / "bin" / "python"), str(REPO / "main.py")]
    for label, cmd in (("frozen", [str(app)]), ("source", source)):
        runs = [first_paint(cmd, db, env, work) for _ in range(4)]
        walls = [w for w, _ in runs]
        print(f"    start-up to first paint, {label}: first run {walls[0]:.2f} s, then median "
              f"{statistics.median(walls[1:]):.2f} s (the app's own figure {statistics.median(o for _, o in runs):.2f} s)")


def size_figures(app: Path) -> None:
    def size(path: Path) -> float:
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20

    site = REPO / ".venv" / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    print(f"    size: frozen folder {size(app.parent):.0f} MiB; source install: .venv site-packages "
          f"{size(site):.0f} MiB (with the test and build tools) + the app "
          f"{size(REPO / 'survey_app') + size(REPO / 'resources'):.0f} MiB, plus a Python 3.11")


def deb_check(deb: Path, work: Path, env: dict[str, str]) -> None:
    if os.geteuid() != 0:
        print(f"--  {deb.name}: not root, install/remove not tried")
        return
    run("dpkg", "-i", deb, env=env, cwd=work)
    try:
        out = run("/usr/bin/survey-app", "--db", work / "deb.sqlite3", "demo", "--households", "5", env=env, cwd=work)
        if "已生成 5 户" not in out:
            raise SystemExit(f"FAILED: the installed package's demo: {out}")
        if not Path("/usr/share/applications/survey-app.desktop").exists():
            raise SystemExit("FAILED: the .deb installed no desktop entry")
    finally:
        run("dpkg", "-r", "survey-app", env=env, cwd=work)
    if Path("/opt/survey-app").exists() or Path("/usr/bin/survey-app").exists():
        raise SystemExit("FAILED: dpkg -r left /opt/survey-app or /usr/bin/survey-app behind")
    print(f"ok  {deb.name}: installed, /usr/bin/survey-app made a demo, removed cleanly")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=REPO / "packaging" / "dist" / "survey-app" / "survey-app")
    parser.add_argument("--deb", type=Path, default=None)
    parser.add_argument("--shot", type=Path, default=REPO / "docs" / "screenshots" / "frozen_main.png")
    args = parser.parse_args()
    if "DISPLAY" not in os.environ or not shutil.which("xdotool"):
        raise SystemExit("run under xvfb-run with xdotool installed (make dist does both)")
    work = Path(tempfile.mkdtemp(prefix="survey smoke 冒烟 "))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "QT_QPA_PLATFORM")}
    env.update(SURVEY_APP_DATA=str(work / "data"), SURVEY_APP_PASSWORD=LOGIN[1], PYTHONIOENCODING="utf-8")
    try:
        cli_checks(args.app.resolve(), work, env)
        gui_check(args.app.resolve(), work, env, args.shot.resolve())
        startup_figures(args.app.resolve(), work, env)
        size_figures(args.app.resolve())
        if args.deb:
            deb_check(args.deb.resolve(), work, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("frozen app smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
