"""The built wheel carries its resources: install it into a fresh venv and use it from another folder.

Builds the wheel with pip (an isolated build, as a user's ``pip wheel .`` would) from a copy of the
sources, so the checkout gets no build/ or egg-info of its own. The fresh venv has no pip and no copy of
the dependencies: a .pth line appends this venv's site-packages, where only the dependencies are used (.pth
files found there, such as the editable install's finder, are not run). Nothing of the source tree is on
its path, so the app can only find its fonts, policies, templates and translations inside the wheel.

Takes 30–60 s (the isolated build installs setuptools first), so it runs only with SURVEY_APP_PACKAGING_TESTS=1
(``make dist`` sets it) — ``make test`` stays fast.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "survey_app", "resources")
SHIPPED = ("survey_app/resources/fonts/wqy-microhei.ttc", "survey_app/resources/policies/city_shantytown_2023.toml",
           "survey_app/resources/templates/agreement_cash_v2.toml",
           "survey_app/resources/translations/survey_app_en.qm")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SURVEY_APP_PACKAGING_TESTS") != "1",
                       reason="builds a wheel (30–60 s): set SURVEY_APP_PACKAGING_TESTS=1 or run make dist"),
]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        item = REPO / name
        if item.is_dir():
            shutil.copytree(item, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, src / name)
    qm = src / "resources" / "translations" / "survey_app_en.qm"
    if not qm.exists():  # made by make install; compile it here so the test needs no make
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        _run(lrelease, "-silent", qm.with_suffix(".ts"), "-qm", qm, cwd=src)
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, src, cwd=src)
    (built,) = out.glob("survey_app-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv).stdout.strip()
    Path(site, "deps_from_dev_venv.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel, cwd=venv)
    return venv


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(SURVEY_APP_DATA=str(tmp / "data"), SURVEY_APP_PASSWORD="hq123456", PYTHONIOENCODING="utf-8")
    return env


def test_the_wheel_ships_the_resources_the_app_reads_and_not_the_translators_tables(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    assert "survey_app/resources/__init__.py" in names
    assert not [n for n in names if n.endswith((".ts", "fill_en.py")) or "/en_" in n]


def test_installed_wheel_makes_a_demo_and_renders_an_agreement_from_another_folder(
        fresh_venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "某个 文件夹"  # a Chinese name with a space, far from the checkout
    elsewhere.mkdir()
    bin_dir = fresh_venv / ("Scripts" if os.name == "nt" else "bin")
    exe = ".exe" if os.name == "nt" else ""
    python, app, env = bin_dir / f"python{exe}", bin_dir / f"survey-app{exe}", _env(tmp_path)

    where = _run(python, "-c", "import survey_app.core.paths as p, survey_app.ui.i18n as i;"
                 "print(p.__file__); print(p.resources_root()); print(i.qm_path('en').is_file())",
                 cwd=elsewhere, env=env).stdout.splitlines()
    assert Path(where[0]).is_relative_to(fresh_venv) and not Path(where[0]).is_relative_to(REPO)
    assert Path(where[1]).is_relative_to(fresh_venv) and where[2] == "True"

    db = elsewhere / "项目.sqlite3"
    _run(app, "--db", db, "demo", "--households", "20", "--seed", "7", "--quiet", cwd=elsewhere, env=env)
    with sqlite3.connect(db) as conn:
        code = conn.execute("SELECT household_code FROM households WHERE status = 'calculated' AND chosen_option"
                            " IS NOT NULL ORDER BY household_code").fetchone()[0]
    pdf = elsewhere / "协议.pdf"
    _run(app, "--db", db, "agreement", "render", "--household", code, "--out", pdf, cwd=elsewhere, env=env)
    data = pdf.read_bytes()  # the shipped font, embedded (a TrueType subset: /FontFile2), as pdffonts reports it
    assert data.startswith(b"%PDF") and b"WenQuanYiMicroHei" in data and b"/FontFile2" in data
