"""Translations. Chinese is the source language (every tr() string is Chinese); English comes from
resources/translations/survey_app_en.qm, compiled from the .ts at install time (make install).
In Chinese, Qt's own dialogs and buttons (message boxes, file and print dialogs) are translated by
Qt's qtbase_zh_CN catalogue, so a Chinese user never meets "Cancel" or "Look in:".

Switching language takes a restart: windows are built once with the installed translator.
GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from survey_app.core.paths import resource_path

LANGUAGES = ("zh_CN", "en")
SETTING_KEY = "ui_language"
def qm_path(lang: str) -> Path:
    return resource_path("translations", f"survey_app_{lang}.qm")


def qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogues (qtbase_zh_CN.qm: 确定/取消, file and print dialogs) may be: Qt's
    configured folder, then the copy PySide6 ships (a packaged app may report a build-time path)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")]


def install_translators(app: QApplication, lang: str) -> bool:
    """Install the app's and Qt's own translators for ``lang``; True if the app's loaded (or not needed).

    Qt's own catalogue (qtbase_zh_CN) translates the standard buttons of message boxes and
    dialogs; it is optional. The translators are parented to ``app`` so they live as long as it.
    """
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
    if lang != "en":  # Qt's own texts are English already
        qt_tr = QTranslator(app)
        qt_tr.setObjectName("qtbaseTranslator")
        if any(qt_tr.load(f"qtbase_{lang}", folder) for folder in qt_translation_dirs()):
            app.installTranslator(qt_tr)
    if lang == "zh_CN":
        return True  # source strings are Chinese already
    ours = QTranslator(app)
    if not ours.load(str(qm_path(lang))):
        return False
    app.installTranslator(ours)
    return True
