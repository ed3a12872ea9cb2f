"""Screenshots of the 同步 pages — run alone (it builds its own sync demo world in a temp folder):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/shots_sync.py \
        [--lang en] [--out docs/screenshots]

``grab(out_dir, lang)`` saves sync-device.png (laptop D01 at day end: a bundle exported to the
"stick", HQ's receipt imported), sync-hq.png (HQ after importing it, with a conflict and the receipt
path), sync-hq-issues.png (the conflict side by side), sync-hq-devices.png (an assignment
written) and sync-enroll.png (a new laptop's enrollment
steps), with ``-en`` before the suffix when ``lang == "en"``. Needs a QApplication (``main`` makes one
with the app font and translators). Windows are the real MainWindow at 1366×738.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))


def grab(out_dir: Path, lang: str) -> list[Path]:
    from PySide6.QtCore import Qt
    from shots_pages import _save, _settle, _wait, _window

    from survey_app.core.services import households, users
    from survey_app.core.services.demo.sync_demo import DEVICE_KEY_PASSWORD, HQ_KEY_PASSWORD, create_sync_demo
    from survey_app.core.services.households import HouseholdFilter
    from survey_app.core.services.startup import open_database
    from survey_app.core.services.survey.store import load_form, save_form
    from survey_app.core.sync import identity
    from survey_app.ui.pages import navigation as nav
    from survey_app.ui.task_runner import TaskRunner

    suffix = "" if lang == "zh_CN" else "-en"
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    runner = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp:
        demo = create_sync_demo(Path(tmp) / "demo", households=60)
        stick = Path(tmp) / "U盘"
        stick.mkdir()
        hq, d01 = open_database(demo.hq), open_database(demo.devices["D01"])
        worker = users.login(d01, "worker", "worker123", device="D01")
        admin = users.login(hq, "hq", "hq123456", device="HQ")
        keys = households.search_keys(d01, HouseholdFilter(status="surveyed", assigned_to="worker"))
        for n, key in enumerate(keys[:3]):  # a day's work, one edit HQ also made (a conflict)
            form = load_form(d01, households.get_detail(d01, key).id)
            form.notes = ["户主要求先看安置房", "已约好周六签约", "补拍了附属物照片"][n]
            save_form(d01, worker, form)
        hq_form = load_form(hq, households.get_detail(d01, keys[1]).id)
        hq_form.notes = "等待评估报告后再约签约"
        save_form(hq, admin, hq_form)

        def idle() -> None:
            _wait(lambda: not runner.busy)
            _settle(200)

        # Laptop: export, HQ imports it, the receipt comes back.
        window = _window(d01, worker, runner, lang)
        window.show_page(nav.SYNC)
        device = window.page(nav.SYNC)
        device.keys.pair = identity.unlock(d01, DEVICE_KEY_PASSWORD)
        device.export_to(stick)
        idle()
        hq_window = _window(hq, admin, runner, lang)
        hq_window.show_page(nav.SYNC)
        hq_page = hq_window.page(nav.SYNC)
        hq_page.keys.pair = identity.unlock(hq, HQ_KEY_PASSWORD)
        hq_page.import_files(sorted(stick.glob("*.sabundle")))
        idle()
        saved.append(_save(hq_window, out_dir / f"sync-hq{suffix}.png"))
        hq_page.tabs.setCurrentWidget(hq_page.issues)
        _settle(200)
        saved.append(_save(hq_window, out_dir / f"sync-hq-issues{suffix}.png"))
        hq_page.tabs.setCurrentWidget(hq_page.devices)
        hq_page.devices.device.setText("D02")
        hq_page.devices.users.item(hq_page.devices.users.count() - 1).setCheckState(Qt.CheckState.Checked)
        hq_page.devices.assign(stick)
        idle()
        saved.append(_save(hq_window, out_dir / f"sync-hq-devices{suffix}.png"))
        hq_window.close()
        device.import_files(sorted(stick.glob("*.sareceipt")))
        idle()
        saved.append(_save(window, out_dir / f"sync-device{suffix}.png"))
        window.close()

        # A laptop not yet enrolled: the two enrollment steps.
        fresh = open_database(Path(tmp) / "fresh.sqlite3")
        from survey_app.core.services.demo import create_demo

        create_demo(fresh, households=10, seed=2)
        new_worker = users.login(fresh, "worker", "worker123", device=fresh.setting("device_code"))
        window = _window(fresh, new_worker, runner, lang)
        window.show_page(nav.SYNC)
        window.page(nav.SYNC).enroll.name.setText("调查组3号笔记本" if lang == "zh_CN" else "Survey team laptop 3")
        _settle(200)
        saved.append(_save(window, out_dir / f"sync-enroll{suffix}.png"))
        window.close()
        runner.shutdown()
        for db in (hq, d01, fresh):
            db.dispose()
    return saved


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font

    app = QApplication(sys.argv[:1])
    install_app_font(app)
    i18n.install_translators(app, args.lang)
    grab(args.out, args.lang)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
