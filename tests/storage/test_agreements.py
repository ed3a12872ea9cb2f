"""Agreements: numbers never reused, signed QR payloads, the lifecycle, verification against records."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import subprocess

import pytest
from sqlalchemy import select

from survey_app.core.domain.errors import IntegrityError, PermissionDenied, ValidationError
from survey_app.core.domain.roles import Role
from survey_app.core.security.keys import project_public_keys
from survey_app.core.services import calculations, workflow
from survey_app.core.services.agreements import lifecycle
from survey_app.core.services.agreements.verify import check_record, verify_text
from survey_app.core.services.audit import verify_database
from survey_app.core.services.survey.store import load_form, save_form
from survey_app.core.storage.models import Agreement, Attachment, AuditEvent, Household
from survey_app.core.storage.uow import Actor

WORKER = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
REVIEWER = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")
SIGN_DAY = dt.date(2023, 7, 1)  # within the demo policy's first signing-reward tier, as calculated


def ink_png(points: tuple = ((30, 150), (200, 60), (380, 170), (560, 80))) -> bytes:
    """A signature-like stroke across a 600 × 240 transparent PNG (what the signature pad exports)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (600, 240), (255, 255, 255, 0))
    ImageDraw.Draw(img).line(points, fill=(16, 32, 74, 255), width=6)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


PNG = ink_png()


@pytest.fixture
def ready(demo_db) -> Household:
    """A household calculated, with cash chosen: ready for its agreement."""
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).first()
    workflow.approve(demo_db, REVIEWER, h.id)
    calculations.calculate(demo_db, WORKER, h.id)
    calculations.choose_option(demo_db, WORKER, h.id, "cash")
    workflow.mark_calculated(demo_db, WORKER, h.id)
    return h


def test_draft_number_and_signed_payload(demo_db, ready) -> None:
    info = lifecycle.prepare(demo_db, WORKER, ready.id)
    assert info.number == "FR2023-T01-000001" and info.status == "draft" and info.mode == "cash"
    assert lifecycle.prepare(demo_db, WORKER, ready.id).number == info.number  # same calculation, same draft
    verdict = verify_text(info.qr_payload, project_public_keys(demo_db))
    assert verdict.valid, verdict.message
    assert verdict.payload.household_code == ready.household_code
    assert check_record(demo_db, verdict).record == "matches"
    assert len(info.qr_payload) < 200


def test_lifecycle_print_sign_void_reissue(demo_db, ready) -> None:
    info = lifecycle.prepare(demo_db, WORKER, ready.id)
    with pytest.raises(ValidationError, match="先打印"):
        lifecycle.sign(demo_db, WORKER, info.id)
    lifecycle.record_print(demo_db, WORKER, info.id, copies=4)
    again = lifecycle.record_print(demo_db, WORKER, info.id, copies=1)
    assert again.status == "printed" and again.print_count == 5
    with demo_db.read() as s:
        prints = s.scalars(select(AuditEvent.changes).where(AuditEvent.action == "print")).all()
    assert [json.loads(c)["reprint"] for c in prints] == [False, True]

    signed = lifecycle.sign(demo_db, WORKER, info.id, [lifecycle.SignatureInput("被征收人", ready.head_name, PNG)],
                            on=SIGN_DAY)
    assert signed.status == "signed"
    with demo_db.read() as s:
        assert s.get(Household, ready.id).status == "signed"
        assert s.scalars(select(Attachment.kind).where(Attachment.household_id == ready.id)).all() == ["signature"]
    form = load_form(demo_db, ready.id)  # the survey is frozen
    form.notes = "x"
    with pytest.raises(PermissionDenied, match="冻结"):
        save_form(demo_db, WORKER, form)
    with demo_db.uow(WORKER) as uow:  # and the agreement can never be edited
        a = uow.session.scalar(select(Agreement))
        a.net = a.net + 1
        with pytest.raises(IntegrityError, match="不能修改"):
            uow.commit()

    with pytest.raises(PermissionDenied):
        lifecycle.void(demo_db, WORKER, info.id, "金额有误")
    with pytest.raises(ValidationError, match="原因"):
        lifecycle.void(demo_db, REVIEWER, info.id, " ")
    voided = lifecycle.void(demo_db, REVIEWER, info.id, "户主身份证号有误")
    assert voided.status == "void"
    with demo_db.read() as s:
        assert s.get(Household, ready.id).status == "calculated"
    reissued = lifecycle.prepare(demo_db, WORKER, ready.id)
    assert reissued.number == "FR2023-T01-000002"  # never reused, also after a void
    verdict = check_record(demo_db, verify_text(info.qr_payload, project_public_keys(demo_db)))
    assert verdict.record == "void" and "作废" in verdict.record_message
    assert verify_database(demo_db).ok


def test_forged_and_altered_payloads_are_refused(demo_db, ready) -> None:
    text = lifecycle.prepare(demo_db, WORKER, ready.id).qr_payload
    keys = project_public_keys(demo_db)
    parts = text.split("|")
    more_money = "|".join(parts[:4] + [str(int(parts[4]) + 100000)] + parts[5:])
    assert not verify_text(more_money, keys).valid
    other_device = "|".join(parts[:6] + ["X99"] + parts[7:])
    assert "不是本项目已登记的设备" in verify_text(other_device, keys).message
    assert not verify_text("hello", keys).valid
    assert not verify_text(text[:-3], keys).valid


def test_a_record_edited_behind_the_apps_back_is_called_out(demo_db, db_path, ready) -> None:
    info = lifecycle.prepare(demo_db, WORKER, ready.id)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE agreements SET net = net + 100000")
    verdict = check_record(demo_db, verify_text(info.qr_payload, project_public_keys(demo_db)))
    assert verdict.record == "tampered" and "金额不一致" in verdict.record_message


def _cli_here(capsys, *args: str) -> subprocess.CompletedProcess:
    """The same entry point in this process (a subprocess would add ~1 CPU-s of start-up and nothing else)."""
    from survey_app.cli import main

    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out.out, out.err)


def test_cli_render_then_verify_the_pdf(demo_db, db_path, ready, tmp_path, capsys, monkeypatch) -> None:
    pdf = tmp_path / "agreement.pdf"
    monkeypatch.setenv("SURVEY_APP_PASSWORD", "hq123456")
    done = _cli_here(capsys, "--db", str(db_path), "agreement", "render", "--household", ready.household_code,
                     "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    monkeypatch.delenv("SURVEY_APP_PASSWORD")
    ok = _cli_here(capsys, "--db", str(db_path), "verify", str(pdf), "--json")  # (a real `verify`: test_revocation)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    result = json.loads(ok.stdout)
    assert result["valid"] and result["record"] == "matches" and result["household"] == ready.household_code
    keys = tmp_path / "keys.txt"
    assert _cli_here(capsys, "--db", str(db_path), "agreement", "keys", "--out", str(keys)).returncode == 0
    with demo_db.read() as s:
        text = s.scalar(select(Agreement.qr_payload))
    forged = text.replace("|cash|", "|voucher|")
    bad = _cli_here(capsys, "verify", "--text", forged, "--keys", str(keys))
    assert bad.returncode == 1 and "签名无效" in bad.stderr


def test_a_signed_agreement_prints_its_signatures_and_a_reprint_says_copy(demo_db, ready, tmp_path) -> None:
    import subprocess as sp

    from survey_app.core.services.agreements.documents import render_agreement_pdf

    info = lifecycle.prepare(demo_db, WORKER, ready.id)
    lifecycle.record_print(demo_db, WORKER, info.id, copies=2)
    lifecycle.sign(demo_db, WORKER, info.id, [lifecycle.SignatureInput("被征收人", ready.head_name, PNG)],
                   on=SIGN_DAY)
    original, copy = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_agreement_pdf(demo_db, info.id, original)
    render_agreement_pdf(demo_db, info.id, copy, copy_label="副本")
    images = sp.run(["pdfimages", "-list", str(original)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) >= 3  # header lines + the signature image
    text = sp.run(["pdftotext", str(copy), "-"], capture_output=True, text=True).stdout
    assert "副本" in text and info.number in text


def test_the_policy_sets_the_copies_and_terms(demo_db, ready, tmp_path) -> None:
    import subprocess as sp

    from survey_app.core.services.agreements.documents import print_copies, render_agreement_pdf

    info = lifecycle.prepare(demo_db, WORKER, ready.id)
    assert print_copies(demo_db, info.id) == 4
    out = tmp_path / "a.pdf"
    render_agreement_pdf(demo_db, info.id, out)
    text = sp.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "一式四份" in text or "一式4份" in text
    assert "15" in text and "30" in text
