"""Issue 12 item 7: a real project from nothing, through the real windows, to HQ re-deriving every amount.

An empty per-user data folder. HQ: 新建项目 in the start window; log in; 项目 page: publish the demo's
policy, import a roster and an appraisal .xlsx (a few bad rows first: refused with every problem listed,
fixed, imported), create a worker and a supervisor. Laptop: 加入项目 ① writes the enrolment request to
the stick. HQ: accepts it in 人员与设备 → 笔记本, sets the laptop's workers, assigns section A1, exports the
assignment bundle. Laptop: 加入项目 ② imports reply and bundle; the worker logs in, surveys a household in
the editor and submits; the supervisor passes it on the 复核 page (a worker may not review their own); the
worker calculates, chooses 货币补偿, confirms, issues the agreement, saves its PDF, both sides sign on the
pad; 同步 → the day-end bundle. HQ imports it: no conflict, no 测算不一致, and every amount HQ holds and
recomputes from the survey equals the laptop's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from roundtrip_field import (
    DEVICE_PW,
    calculate_and_sign,
    export_day_end,
    finish_join,
    request_enrolment,
    review,
    survey,
)
from roundtrip_gui import WAIT, answer_box, click, log_in, open_window
from roundtrip_hq import (
    ADMIN_PW,
    assign_and_export,
    create_project,
    enrol_laptop,
    import_file,
    new_user,
    publish_policy,
    tab,
)

from survey_app.ui.sync.common import KeySession

HOUSEHOLD = "A1-0001"


def _amounts(db, code: str) -> dict:
    """Every stored amount of the household: each option's lines and totals, and the agreement's total."""
    from survey_app.core.services import calculations, households
    from survey_app.core.services.agreements import lifecycle

    hid = _household_id(db, code)
    out = {}
    for option in calculations.options(db, hid):
        r = option.result
        out[option.option_key] = ([(line.label, line.amount) for line in r.lines], r.total, r.net, option.status)
    out["agreements"] = [(a.number, a.mode, a.total, a.net, a.status) for a in lifecycle.agreements_of(db, hid)]
    out["status"] = households.get_detail(db, hid).status
    return out


def _household_id(db, code: str) -> str:
    from survey_app.core.services import households

    for key in households.search_keys(db, households.HouseholdFilter()):
        detail = households.get_detail(db, key)
        if detail.household_code == code:
            return detail.id
    raise AssertionError(code)


def _recomputed_at_hq(db, code: str) -> dict:
    """HQ's own calculation from the survey records it now holds (the code the laptop used), per option."""
    import uuid

    from sqlalchemy.orm import Session

    from survey_app.core.compensation.engine import compute
    from survey_app.core.compensation.inputs import HouseholdInput
    from survey_app.core.services import calculations
    from survey_app.core.services.calculations import engine_inputs, household_input
    from survey_app.core.services.survey import readiness
    from survey_app.core.storage.models import Calculation, Household

    policy = readiness.current(db)
    hid = _household_id(db, code)
    out = {}
    with db.engine.connect() as conn, Session(bind=conn) as s:
        h = s.get(Household, uuid.UUID(hid))
        for option in calculations.options(db, hid):
            stored = s.get(Calculation, uuid.UUID(option.id))
            signing = HouseholdInput.from_dict(engine_inputs(stored.inputs_json)).signing_date
            again = compute(policy, household_input(s, h, signing_date=signing), option.result.mode,
                            option.result.flat_key or None)
            out[option.option_key] = ([(line.label, line.amount) for line in again.lines], again.total, again.net)
    return out


def test_a_project_from_nothing_to_hq_rederiving_every_amount(qtbot, qapp, runner, data_folder: Path,
                                                              tmp_path: Path, monkeypatch) -> None:
    from survey_app.core.services import households, imports, project_registry
    from survey_app.core.services.projects import project_info
    from survey_app.core.sync import issues
    from survey_app.ui.pages import navigation as nav

    usb = tmp_path / "U盘"
    usb.mkdir()
    office = tmp_path / "指挥部文件"
    office.mkdir()
    monkeypatch.setattr(KeySession, "ask_password", lambda self, prompt="": ADMIN_PW)  # HQ's sync keys, if asked

    # --- HQ: a new project, its policy, roster, appraisals and people -----------------------------------------
    hq_path = create_project(qtbot)
    assert hq_path.parent == data_folder and project_registry.last_opened().code == "FR2024"
    hq_db, admin = log_in(qtbot, runner, hq_path, "admin", ADMIN_PW)
    hq = open_window(qtbot, qapp, hq_db, admin, runner)
    click(qtbot, hq.rail.buttons[nav.PROJECT])
    project_page = hq.page(nav.PROJECT)
    policy_hash = publish_policy(qtbot, monkeypatch, project_page)

    bad, done = import_file(qtbot, monkeypatch, project_page, "roster", office)
    assert "发现 3 个问题" in bad, bad
    for row, says in (("第5行", "校验位错误"), ("第6行", "户主姓名不能为空"), ("第7行", "Z9")):
        assert any(row in line and says in line for line in bad.splitlines()), (row, bad)
    assert "新增住户4条" in done, done
    bad, done = import_file(qtbot, monkeypatch, project_page, "appraisal", office)
    assert "发现 1 个问题" in bad and "第3行" in bad and "约13000" in bad, bad
    assert "找不到户号“A1-0099”" in bad, bad  # what did not match is said too
    assert "新增评估结果4条" in done, done
    assert [b.kind for b in imports.list_batches(hq_db)] == ["appraisal", "roster"]

    people = tab(project_page, qtbot, "hqPeopleTab")
    new_user(qtbot, people, "zhang", "张伟", "调查员", "Zhang-pass-2023")
    new_user(qtbot, people, "li", "李娜", "复核员", "Li-pass-2023x")

    # --- the laptop asks to join; HQ enrols it, assigns, writes the bundle -----------------------------------
    request, laptop_says = request_enrolment(qtbot, monkeypatch, usb)
    code, hq_asks = enrol_laptop(qtbot, monkeypatch, people, request)
    assert code == "D01"
    laptop_fp = laptop_says.split("本机密钥指纹：<b>")[1].split("</b>")[0]
    assert laptop_fp in hq_asks  # the same fingerprint on both screens, to be read out
    (reply,) = usb.glob(f"*_{code}_enrollment.saenroll")
    bundles = assign_and_export(qtbot, monkeypatch, people, code, ["li", "zhang"], "zhang", usb)
    assert len(bundles) == 1

    laptop_path, finished = finish_join(qtbot, monkeypatch, reply, bundles)
    assert laptop_path.parent == data_folder and "FR2024" in finished
    hq_fp = project_info(hq_db).hq_fingerprint
    assert " ".join(hq_fp.upper()[i:i + 4] for i in range(0, len(hq_fp), 4)) in finished

    # --- on the laptop: survey, review, calculate, sign, day-end bundle ---------------------------------------
    def on_laptop(user: str, password: str, new_password: str):
        db, actor = log_in(qtbot, runner, laptop_path, user, password, device_password=DEVICE_PW,
                           new_password=new_password)
        return db, open_window(qtbot, qapp, db, actor, runner)

    def close(db, window) -> None:
        window.close()
        db.dispose()

    field_db, window = on_laptop("zhang", "Zhang-pass-2023", "Zhang-new-2023")
    assert window.model.rowCount() == 4  # section A1, as assigned
    survey(qtbot, window, HOUSEHOLD)
    close(field_db, window)
    field_db, window = on_laptop("li", "Li-pass-2023x", "Li-new-2023x")
    review(qtbot, window, HOUSEHOLD)
    close(field_db, window)
    field_db, window = on_laptop("zhang", "Zhang-new-2023", "")
    number = calculate_and_sign(qtbot, monkeypatch, window, HOUSEHOLD, tmp_path / "协议.pdf")
    assert (tmp_path / "协议.pdf").stat().st_size > 10_000
    bundle = export_day_end(qtbot, monkeypatch, window, usb)
    on_laptop_amounts = _amounts(field_db, HOUSEHOLD)
    close(field_db, window)
    assert on_laptop_amounts["status"] == "signed" and on_laptop_amounts["agreements"][0][0] == number

    # --- HQ imports the day's bundle -------------------------------------------------------------------------
    click(qtbot, hq.rail.buttons[nav.SYNC])
    sync = hq.page(nav.SYNC)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bundle)], ""))
    answer_box("导入")
    click(qtbot, sync.import_button)
    qtbot.waitUntil(lambda: bool(sync.results.entries) and not runner.busy, timeout=WAIT)
    entry = sync.results.entries[0]
    text = "\n".join(entry.lines)
    assert entry.title == f"{code} 第 1 号同步包已导入", (entry.title, text)
    assert "冲突 0 条" in text and "不一致" not in text, text
    assert issues.list_issues(hq_db) == []  # no conflict, no 测算不一致, nothing waiting in 待处理事项

    at_hq = _amounts(hq_db, HOUSEHOLD)
    assert at_hq == on_laptop_amounts  # every line, total, net, the agreement: equal
    recomputed = _recomputed_at_hq(hq_db, HOUSEHOLD)
    assert recomputed == {k: v[:3] for k, v in at_hq.items() if k not in ("agreements", "status")}
    assert at_hq["agreements"][0][1:] == ("cash", at_hq["cash"][1], at_hq["cash"][2], "signed")
    assert households.get_detail(hq_db, _household_id(hq_db, HOUSEHOLD)).status == "signed"
    from survey_app.core.services import policies

    assert policies.current_version(hq_db)[0].content_hash == policy_hash
    hq.close()
    hq_db.dispose()
