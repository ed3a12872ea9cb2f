"""The household's agreements as a small Qt model: number, status, mode, prints, net, note.

A household has a handful of agreements (one per issue; voided ones stay as history), so the
model simply holds the AgreementInfo list the service returns. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from survey_app.core.services.agreements.lifecycle import AgreementInfo
from survey_app.ui import formatting, labels

STATUS = {
    "draft": QT_TRANSLATE_NOOP("AgreementList", "草稿"),
    "printed": QT_TRANSLATE_NOOP("AgreementList", "已打印或保存，待签字"),
    "signed": QT_TRANSLATE_NOOP("AgreementList", "已签订"),
    "void": QT_TRANSLATE_NOOP("AgreementList", "已作废"),
}
_STATUS_COLOUR = {"draft": "#6b4e00", "printed": "#1f5f99", "signed": "#1d5a2a", "void": "#8a8f96"}
HEADERS = (QT_TRANSLATE_NOOP("AgreementList", "协议编号"), QT_TRANSLATE_NOOP("AgreementList", "状态"),
           QT_TRANSLATE_NOOP("AgreementList", "安置方式"), QT_TRANSLATE_NOOP("AgreementList", "打印/保存"),
           QT_TRANSLATE_NOOP("AgreementList", "结算金额"), QT_TRANSLATE_NOOP("AgreementList", "说明"))
COL_NUMBER, COL_STATUS, COL_MODE, COL_PRINTS, COL_NET, COL_NOTE = range(6)


def status_text(status: str) -> str:
    source = STATUS.get(status)
    return QCoreApplication.translate("AgreementList", source) if source else status


class AgreementListModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.items: list[AgreementInfo] = []

    def set_items(self, items: list[AgreementInfo]) -> None:
        self.beginResetModel()
        self.items = list(reversed(items))  # newest first: the one to act on is at the top
        self.endResetModel()

    def row_of(self, agreement_id: str) -> int:
        return next((i for i, a in enumerate(self.items) if a.id == agreement_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AgreementList", HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a, col = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(a, col)
        if role == Qt.ItemDataRole.ForegroundRole and (col == COL_STATUS or a.status == "void"):
            return QColor(_STATUS_COLOUR.get(a.status, "#000000"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(col == COL_STATUS and a.status != "void")
            font.setStrikeOut(a.status == "void" and col in (COL_NUMBER, COL_NET))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PRINTS, COL_NET):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NOTE:
            return self._text(a, col)
        return None

    def _text(self, a: AgreementInfo, col: int) -> str:
        if col == COL_NUMBER:
            return a.number
        if col == COL_STATUS:
            return status_text(a.status)
        if col == COL_MODE:
            return labels.mode(a.mode)
        if col == COL_PRINTS:
            text = QCoreApplication.translate("AgreementList", "打印 {n} 份").format(n=a.print_count)
            if a.saved_count:
                text += QCoreApplication.translate("AgreementList", "，另存 PDF {n} 次").format(n=a.saved_count)
            return text
        if col == COL_NET:
            return formatting.money(a.net)
        if a.status == "void":
            return QCoreApplication.translate("AgreementList", "作废原因：{reason}").format(reason=a.void_reason)
        if a.status == "draft":
            return QCoreApplication.translate("AgreementList", "请预览并打印")
        if a.status == "printed":
            return QCoreApplication.translate("AgreementList", "当场签字后确认签订")
        if a.status == "signed":
            return QCoreApplication.translate("AgreementList", "重印为副本")
        return ""
