"""Printed documents: agreements, calculation sheets and public notice lists as PDFs (reportlab).

The public API is re-exported lazily (PEP 562): importing ``survey_app.core.documents`` costs nothing,
and reportlab and qrcode load only when a document is first rendered (DESIGN §8: app start ≤ 0.8 s).

- ``render_agreement(doc, out)`` / ``render_calculation_sheet(doc, out)`` — agreement_pdf.py, sheet_pdf.py
- ``render_notice_list(notice, out)`` — notice_pdf.py
- ``qr_image(payload)`` — qr.py (a reportlab flowable; fixed version 10-M, mask 0)
- ``TEMPLATE_VERSIONS`` — templates.py (template name → newest version)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from survey_app.core.documents.agreement_pdf import render_agreement
    from survey_app.core.documents.notice_pdf import render_notice_list
    from survey_app.core.documents.qr import qr_image
    from survey_app.core.documents.sheet_pdf import render_calculation_sheet, render_calculation_sheets
    from survey_app.core.documents.templates import TEMPLATE_VERSIONS

_EXPORTS = {
    "render_agreement": "agreement_pdf",
    "render_calculation_sheet": "sheet_pdf",
    "render_calculation_sheets": "sheet_pdf",
    "render_notice_list": "notice_pdf",
    "qr_image": "qr",
    "TEMPLATE_VERSIONS": "templates",
}
__all__ = ["TEMPLATE_VERSIONS", "qr_image", "render_agreement", "render_calculation_sheet",
           "render_calculation_sheets", "render_notice_list"]
assert sorted(__all__) == sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
