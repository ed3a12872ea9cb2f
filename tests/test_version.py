"""Issue 15 item 6: the version is written in one place and shown in 关于, every bundle and every PDF."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from survey_app import __version__
from survey_app.core.sync import bundle, keys

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_is_written_in_one_place() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "survey_app.__version__"}
    literal = re.compile(r"""['"]\d+\.\d+\.\d+['"]""")
    elsewhere = [p for p in (ROOT / "survey_app").rglob("*.py")
                 if p.name != "__init__.py" and "migrations" not in p.parts
                 and any("version" in line.lower() and literal.search(line)
                         for line in p.read_text(encoding="utf-8").splitlines())]
    assert elsewhere == []
    assert f"## {__version__}" in (ROOT / "docs" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_bundle_says_which_build_wrote_it(tmp_path: Path) -> None:
    sender, recipient = keys.generate(), keys.generate()
    path = tmp_path / "b.sabundle"
    bundle.write_bundle(path, {"kind": "field", "project": "P1", "device": "D01", "seq": 1, "prev_seq": 0},
                        [("records.jsonl", b"")], recipient=recipient.public(), sender=sender)
    assert bundle.read_header(path)["app_version"] == __version__


def test_every_pdf_says_which_build_wrote_it(tmp_path: Path) -> None:
    import pypdfium2
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph

    from survey_app.core.documents import page
    from survey_app.core.documents.styles import styles

    out = tmp_path / "p.pdf"
    with out.open("wb") as f:  # the one document template every agreement, sheet and notice is laid out by
        page.build_document(f, [Paragraph("测试", styles().body)], page.PageMarks("项目", "编号", "", ""), A4, "标题")
    pdf = pypdfium2.PdfDocument(str(out))
    assert pdf.get_metadata_dict()["Creator"] == f"survey_app {__version__}"
    pdf.close()
