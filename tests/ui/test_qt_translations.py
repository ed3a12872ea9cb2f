"""Qt's own dialogs follow the chosen language: qtbase_zh_CN is loaded for Chinese (确定/取消, file dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from survey_app.ui import i18n


@pytest.fixture
def installed(qapp):
    def install(lang: str) -> None:
        i18n.install_translators(qapp, lang)

    yield install
    for translator in qapp.findChildren(QTranslator):  # what install_translators parented to the app
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


def _cancel_text(parent=None) -> str:
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel, parent)
    texts = {box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Ok,
                                                             QMessageBox.StandardButton.Cancel)}
    box.deleteLater()
    return " ".join(sorted(texts))


def test_qt_buttons_and_file_dialog_are_chinese_in_chinese(qtbot, installed) -> None:
    assert "Cancel" in _cancel_text()  # Qt's own English before the catalogue
    installed("zh_CN")
    assert _cancel_text() == "取消 确定"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"关闭", "保存"}
    dialog = QFileDialog(None, "选择文件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own widgets, as on Linux laptops
    qtbot.addWidget(dialog)
    labels = {b.text().replace("&", "") for b in dialog.findChildren(QDialogButtonBox)[0].buttons()}
    assert "取消" in labels


def test_english_keeps_qts_own_english(qtbot, installed) -> None:
    installed("en")
    assert "Cancel" in _cancel_text()
