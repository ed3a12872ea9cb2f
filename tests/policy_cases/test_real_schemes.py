"""Real published schemes written as sample policies: each loads, passes `policy check` without errors,
and reproduces its golden cases (households computed by hand from the published text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_app.core.compensation.policy import load_policy
from survey_app.core.compensation.policy_tools import check, run_cases

HERE = Path(__file__).resolve().parent
POLICIES = HERE.parents[1] / "resources" / "policies"
# scheme file stem → number of golden cases in tests/policy_cases/<stem>/
SCHEMES = {"fuzhou_old_district_2016": 6, "jinan_old_town_2016": 8, "zhoushan_urban_village_2023": 6,
           "zuomama_state_land": 4, "village_homestead_lygzb": 7}


def test_every_case_folder_has_its_scheme_and_is_listed():
    folders = {p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    assert folders == set(SCHEMES)
    for stem in SCHEMES:
        assert (POLICIES / f"{stem}.toml").is_file()


@pytest.mark.parametrize("stem", sorted(SCHEMES))
def test_scheme_loads_and_cites_its_source(stem):
    path = POLICIES / f"{stem}.toml"
    policy = load_policy(path)
    assert policy.hash and len(policy.hash) == 64
    report = check(path)  # loads, then a trial run of every mode on the built-in sample households
    assert report.ok and not report.errors, report.summary()
    # only the document-only project fields may be missing; no item fails on the sample households
    assert all(w.path.startswith("project.") for w in report.warnings), [w.path for w in report.warnings]
    text = path.read_text(encoding="utf-8")
    assert "来源" in text and "http" in text.split("\n\n")[0]  # the header comment names the page


@pytest.mark.parametrize("stem", sorted(SCHEMES))
def test_scheme_reproduces_its_hand_computed_cases(stem):
    report = run_cases(load_policy(POLICIES / f"{stem}.toml"), HERE / stem)
    assert len(report.results) == SCHEMES[stem]
    assert report.passed, report.text()
    assert report.text().endswith(f"共 {SCHEMES[stem]} 例：通过 {SCHEMES[stem]} 例，不符 0 例")


def test_a_wrong_expectation_in_a_real_case_is_reported(tmp_path):
    case = (HERE / "zhoushan_urban_village_2023" / "03_week2_first_day.json").read_text(encoding="utf-8")
    (tmp_path / "x.json").write_text(case.replace('"4000.00"', '"6000.00"'), encoding="utf-8")
    report = run_cases(load_policy(POLICIES / "zhoushan_urban_village_2023.toml"), tmp_path)
    assert not report.passed
    assert any(m.startswith("early_signing_reward: 应为 6,000.00，实际 4,000.00") for m in report.results[0].mismatches)
