"""The canonical content of an agreement, whose sha256 the QR payload carries.

Everything that matters for money and identity: who, which house, which option, every line
amount, totals, the policy version and the template. A printed copy whose numbers were altered
no longer matches the hash; a record edited behind the app's back no longer matches either.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from survey_app.core.compensation.calculation import Calculation as Result


def canonical_content(*, number: str, project_code: str, household_code: str,
                      parties: list[tuple[str, str]], result: Result, template: str,
                      template_version: str) -> dict[str, Any]:
    return {
        "number": number,
        "project": project_code,
        "household": household_code,
        "parties": [[name, id_number] for name, id_number in parties],
        "mode": result.mode,
        "option": result.option_key,
        "lines": [[ln.code, ln.label, f"{ln.amount:.2f}"] for ln in result.lines],
        "total": f"{result.total:.2f}",
        "flat_total": f"{result.flat_total:.2f}",
        "net": f"{result.net:.2f}",
        "policy_hash": result.policy_hash,
        "template": template,
        "template_version": template_version,
    }


def content_hash(content: dict[str, Any]) -> str:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
