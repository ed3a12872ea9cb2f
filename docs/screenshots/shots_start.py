"""Screenshots of the start window and the 新建项目 form on a 1024×768 screen — run alone:

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python docs/screenshots/shots_start.py [--lang en]

Writes start_chooser.png (three choices and a list of known projects: an HQ project, a laptop whose
enrolment is pending, the demo), start_new_project.png (the form filled in, with the core's refusal of a
demo password shown) and start_join.png (the laptop wizard's first step), ``-en`` before the suffix
for English. Uses a temporary per-user data folder: the real one is never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="shots_start_")
    os.environ["SURVEY_APP_DATA"] = tmp

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from survey_app.core.services import project_registry
    from survey_app.core.services.projects import create_project
    from survey_app.ui import i18n
    from survey_app.ui.fonts import install_app_font
    from survey_app.ui.start.chooser import StartWindow
    from survey_app.ui.start.join_wizard import JoinWizard
    from survey_app.ui.start.new_project import NewProjectDialog

    app = QApplication(sys.argv[:1])
    install_app_font(app)
    i18n.install_translators(app, args.lang)
    suffix = "" if args.lang == "zh_CN" else "-en"

    def settle(ms: int = 200) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    made = create_project(Path(tmp) / "FR2024.sqlite3", name="芙蓉路片区棚户区改造项目", code="FR2024", city="长沙",
                          admin_password="Zhb-2024-secret")
    project_registry.remember(made.path, name=made.name, code=made.code, role="hq", opened=True)
    pending = Path(tmp) / "field-20240501-093000.sqlite3"
    pending.write_bytes(b"x")
    project_registry.remember(pending, name="待登记：调查组1号笔记本", role="field", pending=True)
    demo = Path(tmp) / "demo-project.sqlite3"
    demo.write_bytes(b"x")
    project_registry.remember(demo, name="演示项目", role="demo")

    out = args.out
    window = StartWindow()
    window.show()
    settle()
    window.grab().save(str(out / f"start_chooser{suffix}.png"))

    form = NewProjectDialog(window.runner, window)
    form.show()
    for edit, text in ((form.name, "天心区书院路棚改二期"), (form.code, "TX2024-02"), (form.city, "长沙"),
                       (form.decision_no, "天政征〔2024〕12号"), (form.valuation_date, "2024-03-15"),
                       (form.signing_start, "2024-04-01"), (form.signing_end, "2024-06-30"), (form.target, "60"),
                       (form.display_name, "王建国"), (form.password, "hq123456"), (form.password2, "hq123456")):
        edit.setText(text)
    for code, name in (("A1", "书院路一组"), ("A2", "书院路二组"), ("B1", "碧湘街地块")):
        form.sections.add(code, name)
    form.create()
    while not form.error.text():  # the core's refusal comes back from the worker
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    settle()
    form.grab().save(str(out / f"start_new_project{suffix}.png"))
    form.reject()

    wizard = JoinWizard(window.runner, window)
    wizard.show()
    wizard.device_name.setText("调查组2号笔记本")
    wizard.set_request_dir(Path("/media/U盘"))
    settle()
    wizard.grab().save(str(out / f"start_join{suffix}.png"))
    wizard.reject()
    window.reject()
    print("saved", *(out / f"start_{n}{suffix}.png" for n in ("chooser", "new_project", "join")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
