"""The one CJK font every document uses: WenQuanYi Micro Hei, embedded and subset by reportlab.

Parsing the 5 MB TTC costs ~60 ms, so it is registered once per process on first use and reused by
every later document (DESIGN §8: agreement PDF warm ≤ 60 ms). reportlab always embeds TrueType fonts as
subsets, so a PDF carries only the glyphs it prints and ``pdffonts`` reports "emb yes, sub yes".
Threading: registration is guarded by a lock; any thread may call :func:`font_name`.
"""

from __future__ import annotations

import threading

from survey_app.core.paths import font_path

FONT_NAME = "WQYMicroHei"

_lock = threading.Lock()
_registered = False


def font_name() -> str:
    """Register WenQuanYi Micro Hei with reportlab (first call only) and return its reportlab name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            # subfontIndex 0 is the proportional "Micro Hei"; index 1 is the monospaced variant.
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            # No bold face ships with the font: map bold/italic to the same face so <b> markup
            # never falls back to a non-CJK Helvetica. Visual bold is drawn by styles.BoldParagraph.
            pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME,
                                          italic=FONT_NAME, boldItalic=FONT_NAME)
            _registered = True
    return FONT_NAME
