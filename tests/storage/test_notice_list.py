"""The public notice list from the database: masked names, areas by legality, never an ID number."""

from __future__ import annotations

import re
import subprocess

from sqlalchemy import select

from survey_app.core.services.agreements.notice import mask_name, notice_list, render_notice_pdf
from survey_app.core.storage.models import Household


def test_mask_name() -> None:
    assert [mask_name(n) for n in ("张伟", "张小伟", "欧阳娜娜", "李")] == ["张*", "张*伟", "欧**娜", "李"]


def test_notice_list_of_a_section(demo_db, tmp_path) -> None:
    notice = notice_list(demo_db, "A1")
    with demo_db.read() as s:
        expected = s.scalars(select(Household).where(Household.section == "A1", Household.status != "pending")
                             .order_by(Household.household_code)).all()
    assert [r.household_code for r in notice.rows] == [h.household_code for h in expected]
    for row, h in zip(notice.rows, expected):
        assert row.masked_name == mask_name(h.head_name) and row.masked_name != h.head_name
    pdf = tmp_path / "notice.pdf"
    assert render_notice_pdf(demo_db, "A1", pdf) == len(expected)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert expected[0].household_code in text and mask_name(expected[0].head_name) in text
    assert not re.search(r"\d{17}[\dX]", text)  # no ID number, ever
