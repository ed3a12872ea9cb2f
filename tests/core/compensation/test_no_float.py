"""`float` never touches money: no float( call in the engine or the money helpers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_no_float_calls():
    files = list((ROOT / "survey_app" / "core" / "compensation").rglob("*.py"))
    files.append(ROOT / "survey_app" / "core" / "domain" / "money.py")
    assert len(files) > 5
    offenders = [f"{path.name}:{n}" for path in files
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\bfloat\(", line)]
    assert offenders == []
