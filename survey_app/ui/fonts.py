"""The shipped CJK font (WenQuanYi Micro Hei) as the application font.

Field laptops may run a Windows or Linux install without any Chinese font; registering the TTC
shipped in resources/fonts makes Chinese render the same everywhere. Registration reads a ~5 MB
file, so it is done once, before the first widget is created. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from survey_app.core.paths import font_path

PREFERRED_FAMILY = "WenQuanYi Micro Hei"


def install_app_font(app: QApplication, path: Path | None = None) -> str:
    """Register the shipped font and make it the app font; return its family ("" if it failed).

    The point size stays the platform's (9 pt on Windows) so the layout matches other apps;
    only the family changes.
    """
    font_id = QFontDatabase.addApplicationFont(str(path or font_path()))
    if font_id < 0:
        return ""
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return ""
    # The TTC holds a proportional and a monospaced face; the UI wants the proportional one.
    family = PREFERRED_FAMILY if PREFERRED_FAMILY in families else families[0]
    font = QFont(app.font())
    font.setFamilies([family])
    app.setFont(font)
    return family
