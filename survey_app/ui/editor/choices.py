"""Choices the editor offers that ``survey_app.ui.labels`` does not cover, and helpers to fill combos.

Codes are stored; the Chinese text is the translation source (context ``EditorChoices``), looked up at
display time like labels.py does. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from survey_app.ui import labels

CTX = "EditorChoices"

DELIVERY = {
    "ready": QT_TRANSLATE_NOOP("EditorChoices", "现房安置"),
    "future": QT_TRANSLATE_NOOP("EditorChoices", "期房安置"),
}

# Certificate types a worker meets at the door; the combo stays editable for anything else.
CERTIFICATE_TYPES = (
    QT_TRANSLATE_NOOP("EditorChoices", "不动产权证书"),
    QT_TRANSLATE_NOOP("EditorChoices", "房屋所有权证"),
    QT_TRANSLATE_NOOP("EditorChoices", "集体土地使用证"),
    QT_TRANSLATE_NOOP("EditorChoices", "宅基地批准书"),
    QT_TRANSLATE_NOOP("EditorChoices", "租赁合同"),
)

UNSET = QT_TRANSLATE_NOOP("EditorChoices", "（未填）")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def delivery(code: str | None) -> str:
    source = DELIVERY.get(code or "")
    return tr(source) if source else (code or "")


def pairs(codes: Iterable[str], label: Callable[[str], str]) -> list[tuple[str, str]]:
    return [(code, label(code)) for code in codes]


def fill_combo(combo: QComboBox, options: list[tuple[str, str]], *, allow_empty: bool = False) -> None:
    """Items are (code, label); the code is the item's data. ``allow_empty`` adds （未填） as code ""."""
    combo.clear()
    if allow_empty:
        combo.addItem(tr(UNSET), "")
    for code, text in options:
        combo.addItem(text, code)


def set_combo_code(combo: QComboBox, code: str | None, label: Callable[[str], str] | None = None) -> None:
    """Select ``code``; a stored code the menu does not offer (an older policy) is added, never lost."""
    code = code or ""
    index = combo.findData(code)
    if index < 0:
        if not code and combo.isEditable():
            combo.setCurrentIndex(-1)
            combo.setEditText("")
            return
        combo.addItem(label(code) if label else code, code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    if combo.isEditable():
        combo.lineEdit().setCursorPosition(0)  # a long text shows its start, not its end


def combo_code(combo: QComboBox) -> str:
    """The selected code; for an editable combo, the typed text when it matches no item."""
    if combo.isEditable():
        text = combo.currentText().strip()
        index = combo.findText(text)
        return str(combo.itemData(index) or text) if index >= 0 else text
    data = combo.currentData()
    return "" if data is None else str(data)


def relations() -> list[tuple[str, str]]:
    return pairs(labels.RELATION, labels.relation)


def uses() -> list[tuple[str, str]]:
    return pairs(labels.USE, labels.use)


def legalities() -> list[tuple[str, str]]:
    return pairs(labels.LEGALITY, labels.legality)


def willingness() -> list[tuple[str, str]]:
    return pairs(labels.WILLINGNESS, labels.willingness)


def modes() -> list[tuple[str, str]]:
    return pairs(labels.MODE, labels.mode)


def owner_types() -> list[tuple[str, str]]:
    return pairs(labels.OWNER_TYPE, labels.owner_type)


def deliveries() -> list[tuple[str, str]]:
    return pairs(DELIVERY, delivery)


def certificate_types() -> list[tuple[str, str]]:
    return [(t, tr(t)) for t in CERTIFICATE_TYPES]  # the Chinese text is stored, whatever the UI language
