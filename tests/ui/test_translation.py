from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from survey_app.core.paths import REPO_ROOT
from survey_app.ui import formatting, labels

TS = REPO_ROOT / "resources" / "translations" / "survey_app_en.ts"  # the source, not shipped


def test_every_english_translation_is_finished() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
    assert len(list(root.iter("message"))) > 100


@pytest.fixture
def english(qapp, tmp_path: Path):
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    qm = tmp_path / "survey_app_en.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_english_translation_loads(english) -> None:
    import datetime as dt

    assert labels.status("pending") == "Pending"
    assert labels.role("hq_admin") == "HQ admin"
    assert QCoreApplication.translate("HouseholdModel", "户号") == "Code"
    assert formatting.date(dt.date(2023, 6, 12)) == "12 Jun 2023"


def test_chinese_is_the_source_language(qapp) -> None:
    import datetime as dt

    assert labels.status("handed_over") == "已交房"
    assert labels.fixture("air_conditioner", "split") == "空调 挂机"
    assert formatting.date(dt.date(2023, 6, 12)) == "2023年6月12日"
    assert formatting.share(__import__("decimal").Decimal("0.5000")) == "50%"


def test_no_translated_string_hides_inside_an_f_string() -> None:
    # lupdate does not look inside f-string expressions: a tr("…") there never reaches the .ts file and
    # stays Chinese in the English UI (the detail pane's 还缺/新增住户/照片 lines did).
    import ast

    import parsed_sources  # the trees every architecture rule shares, parsed once per test process

    root = parsed_sources.PACKAGE / "ui"
    hidden = []
    for path in parsed_sources.python_files(root):
        for node in parsed_sources.nodes(path):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and isinstance(inner.func, (ast.Attribute, ast.Name))
                            and getattr(inner.func, "attr", getattr(inner.func, "id", "")) in {"tr", "translate"}):
                        hidden.append(f"{path.relative_to(root)}:{inner.lineno}")
    assert hidden == []


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_the_committed_translation_source_is_up_to_date(tmp_path: Path) -> None:
    """Every string the UI marks for translation is in survey_app_en.ts (else the English UI shows Chinese):
    lupdate over the same files as `make translations`, into a copy, finds nothing new."""
    import re

    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    rule = makefile.split("\ntranslations:", 1)[1].split("\n\n", 1)[0]
    assert "find survey_app/ui -name '*.py'" in rule
    extra = [REPO_ROOT / p for p in re.findall(r"\s(survey_app/core/\S+\.py)", rule)]
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    copy = tmp_path / "check.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (REPO_ROOT / "survey_app" / "ui").rglob("*.py")) + [str(p) for p in extra]
    subprocess.run([lupdate, "-silent", *sources, "-ts", str(copy), "-source-language", "zh_CN",
                    "-target-language", "en", "-no-obsolete"], check=True)
    missing = sorted(_messages(copy) - _messages(TS))
    assert missing == [], f"界面文字不在翻译文件中，请运行 make translations：{missing[:10]}"
