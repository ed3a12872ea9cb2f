"""Text files a person may have edited on Windows read the same as the originals: CRLF line ends, and the UTF-8
byte-order mark Notepad puts in front ("UTF-8 with BOM"). Policies, golden cases, agreement templates, a
household input for `calc`, and the public-key file `verify --keys` reads; what the app writes as text is LF."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

REPO = Path(__file__).resolve().parents[2]
POLICY = REPO / "resources" / "policies" / "zhoushan_urban_village_2023.toml"
CASES = REPO / "tests" / "policy_cases" / "zhoushan_urban_village_2023"
TEMPLATE = REPO / "resources" / "templates" / "agreement_cash_v2.toml"
BOM = b"\xef\xbb\xbf"


def windows_copy(src: Path, dest: Path, *, bom: bool = True) -> Path:
    """``src`` as Notepad on Windows saves it: CRLF line ends (and the BOM)."""
    data = src.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert b"\r\n" in data
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes((BOM if bom else b"") + data)
    return dest


@pytest.mark.parametrize("bom", [False, True], ids=["crlf", "crlf+bom"])
def test_a_policy_saved_on_windows_loads_with_the_same_hash(tmp_path: Path, bom: bool) -> None:
    from survey_app.core.compensation.policy import load_policy
    from survey_app.core.compensation.policy_tools import check

    copy = windows_copy(POLICY, tmp_path / "方案 副本.toml", bom=bom)
    assert load_policy(copy).hash == load_policy(POLICY).hash
    report = check(copy)
    assert report.ok and report.policy.hash == load_policy(POLICY).hash, report.summary()


def test_a_policy_saved_on_windows_publishes_the_same_version(demo_db, admin, tmp_path: Path) -> None:
    from survey_app.core.compensation.policy import load_policy
    from survey_app.core.services import policies

    done = policies.publish_file(demo_db, admin, windows_copy(POLICY, tmp_path / "方案.toml"), "初版")
    assert done.content_hash == load_policy(POLICY).hash


def test_golden_cases_saved_on_windows_still_pass(tmp_path: Path) -> None:
    from survey_app.core.compensation.policy import load_policy
    from survey_app.core.compensation.policy_tools import run_cases

    folder = tmp_path / "金例"
    for case in sorted(CASES.glob("*.json")):
        windows_copy(case, folder / case.name)
    report = run_cases(load_policy(windows_copy(POLICY, tmp_path / "p.toml")), folder)
    assert report.passed and len(report.results) == len(list(CASES.glob("*.json"))), report.text()


def test_an_agreement_template_saved_on_windows_reads_the_same(tmp_path: Path) -> None:
    import dataclasses

    from survey_app.core.documents.templates import load_template_file

    copy = load_template_file(windows_copy(TEMPLATE, tmp_path / TEMPLATE.name))
    assert dataclasses.replace(copy, path=TEMPLATE) == load_template_file(TEMPLATE)


def test_calc_takes_a_household_file_saved_on_windows(tmp_path: Path, capsys) -> None:
    from survey_app.cli import main

    example = REPO / "docs" / "examples" / "urban_village_homestead.json"
    policy = REPO / "resources" / "policies" / "urban_village_homestead_2022.toml"
    assert main(["calc", "--policy", str(policy), "--household", str(example), "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    code = main(["calc", "--policy", str(windows_copy(policy, tmp_path / "p.toml")), "--household",
                 str(windows_copy(example, tmp_path / "户.json")), "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert json.loads(out.out) == expected


def _cli_here(capsys, *args: str) -> subprocess.CompletedProcess:
    from survey_app.cli import main

    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out.out, out.err)


def test_verify_reads_a_key_file_saved_on_windows(demo_db, db_path, tmp_path, capsys, monkeypatch) -> None:
    from survey_app.core.domain.roles import Role
    from survey_app.core.services import calculations, workflow
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.storage.models import Household
    from survey_app.core.storage.uow import Actor

    worker = Actor(username="worker", role=Role.FIELD_WORKER, device="T01")
    reviewer = Actor(username="reviewer", role=Role.SUPERVISOR, device="T01")
    with demo_db.read() as s:
        h = s.scalars(select(Household).where(Household.status == "surveyed").order_by(Household.id)).first()
    workflow.approve(demo_db, reviewer, h.id)
    calculations.calculate(demo_db, worker, h.id)
    calculations.choose_option(demo_db, worker, h.id, "cash")
    workflow.mark_calculated(demo_db, worker, h.id)
    payload = lifecycle.prepare(demo_db, worker, h.id).qr_payload

    keys = tmp_path / "keys.txt"
    assert _cli_here(capsys, "--db", str(db_path), "agreement", "keys", "--out", str(keys)).returncode == 0
    assert b"\r" not in keys.read_bytes()  # written with LF, whatever the system
    copy = windows_copy(keys, tmp_path / "公钥 副本.txt")
    monkeypatch.setenv("SURVEY_APP_DATA", str(tmp_path / "no-default-project"))  # only the key file counts
    done = _cli_here(capsys, "verify", "--text", payload, "--keys", str(copy), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["valid"] is True


def test_a_roster_csv_with_crlf_reads_like_one_with_lf(tmp_path: Path) -> None:
    from survey_app.core.services.imports.reading import read_table

    lf = "户号,户主姓名,地块\nA1-0001,张三,A1\nA1-0002,\"李四\n（曾用名）\",A1\n"
    (tmp_path / "lf.csv").write_bytes(lf.encode("utf-8"))
    (tmp_path / "crlf.csv").write_bytes(BOM + lf.replace("\n", "\r\n").encode("utf-8"))
    crlf, plain = (read_table(tmp_path / name, "roster", header_row=1) for name in ("crlf.csv", "lf.csv"))
    assert crlf.headers == plain.headers == ["户号", "户主姓名", "地块"]
    assert _cells(crlf) == _cells(plain) and len(plain.rows) == 2


def _cells(table) -> list[list[str]]:
    return [[str(c.value).replace("\r\n", "\n") for c in cells] for _, cells in table.rows]
