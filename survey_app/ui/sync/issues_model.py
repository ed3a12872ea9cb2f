"""The open sync issues at HQ (conflicts, recheck differences, audit warnings) as a small table model.

A plain list model, not the lazy SQL kind of the household list: open issues are a handful to a
few hundred, read in one call (survey_app.core.sync.issues.list_issues) on ``refresh()``.
Also here: how a record and its fields are named to a person (``record_label``, ``differences``).
Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QColor

from survey_app.core.storage.database import Database
from survey_app.core.sync import issues

COL_KIND, COL_RECORD, COL_DEVICE, COL_MESSAGE = range(4)
CTX = "SyncIssues"

KINDS = {"conflict": QT_TRANSLATE_NOOP("SyncIssues", "冲突"), "recheck": QT_TRANSLATE_NOOP("SyncIssues", "重算差异"),
         "audit": QT_TRANSLATE_NOOP("SyncIssues", "审计警告")}
ENTITIES = {
    "households": QT_TRANSLATE_NOOP("SyncIssues", "住户"), "members": QT_TRANSLATE_NOOP("SyncIssues", "家庭成员"),
    "tenures": QT_TRANSLATE_NOOP("SyncIssues", "权属"), "building_parts": QT_TRANSLATE_NOOP("SyncIssues", "建筑部分"),
    "fixtures": QT_TRANSLATE_NOOP("SyncIssues", "附属物"), "survey_items": QT_TRANSLATE_NOOP("SyncIssues", "其他调查项目"),
    "businesses": QT_TRANSLATE_NOOP("SyncIssues", "经营"), "appraisals": QT_TRANSLATE_NOOP("SyncIssues", "评估"),
    "attachments": QT_TRANSLATE_NOOP("SyncIssues", "照片"), "calculations": QT_TRANSLATE_NOOP("SyncIssues", "测算"),
    "agreements": QT_TRANSLATE_NOOP("SyncIssues", "协议"), "vouchers": QT_TRANSLATE_NOOP("SyncIssues", "房票"),
    "grievances": QT_TRANSLATE_NOOP("SyncIssues", "诉求"), "audit_events": QT_TRANSLATE_NOOP("SyncIssues", "审计记录"),
}
# Field names people read in the side-by-side view; other columns are shown by their stored name.
FIELDS = {
    "household_code": QT_TRANSLATE_NOOP("SyncIssues", "户号"), "head_name": QT_TRANSLATE_NOOP("SyncIssues", "户主"),
    "head_id_number": QT_TRANSLATE_NOOP("SyncIssues", "身份证号"), "phone": QT_TRANSLATE_NOOP("SyncIssues", "电话"),
    "address": QT_TRANSLATE_NOOP("SyncIssues", "地址"), "section": QT_TRANSLATE_NOOP("SyncIssues", "地块"),
    "status": QT_TRANSLATE_NOOP("SyncIssues", "状态"), "assigned_to": QT_TRANSLATE_NOOP("SyncIssues", "调查员"),
    "notes": QT_TRANSLATE_NOOP("SyncIssues", "备注"), "note": QT_TRANSLATE_NOOP("SyncIssues", "备注"),
    "name": QT_TRANSLATE_NOOP("SyncIssues", "名称"), "area": QT_TRANSLATE_NOOP("SyncIssues", "面积"),
    "willingness": QT_TRANSLATE_NOOP("SyncIssues", "签约意愿"),
    "preferred_mode": QT_TRANSLATE_NOOP("SyncIssues", "意向安置方式"),
    "review_comment": QT_TRANSLATE_NOOP("SyncIssues", "复核意见"), "deleted_at": QT_TRANSLATE_NOOP("SyncIssues", "删除时间"),
}
# Stamps (who/when/rev) are shown in the column headers; search keys follow the name: not decisions.
HIDDEN = issues.STAMPS | {"name_pinyin", "name_initials", "search_key"}
_IDENTIFYING = ("household_code", "number", "name", "owner_name", "label", "username", "code")


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def kind_label(kind: str) -> str:
    return _t(KINDS[kind]) if kind in KINDS else kind


def field_label(name: str) -> str:
    return _t(FIELDS[name]) if name in FIELDS else name


def record_label(issue: issues.Issue) -> str:
    """``住户 FR-0012``: the table in words and the record's own code or name when it has one."""
    what = _t(ENTITIES[issue.entity]) if issue.entity in ENTITIES else issue.entity
    row = issue.local or issue.incoming
    ident = next((str(row[k]) for k in _IDENTIFYING if row.get(k)), issue.entity_id[:8])
    return f"{what} {ident}".strip()


def differences(issue: issues.Issue) -> list[tuple[str, object, object]]:
    """(field, local value, incoming value) for the fields that differ, stamps left out."""
    names = [k for k in issue.local if k in issue.incoming] + [k for k in issue.incoming if k not in issue.local]
    return [(k, issue.local.get(k), issue.incoming.get(k)) for k in names
            if k not in HIDDEN and issue.local.get(k) != issue.incoming.get(k)]


class IssuesModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.db = db
        self.issues: list[issues.Issue] = []
        self._headers = [self.tr("类型"), self.tr("记录"), self.tr("设备"), self.tr("说明")]

    def refresh(self) -> None:
        self.beginResetModel()
        self.issues = issues.list_issues(self.db)
        self.endResetModel()

    def issue_at(self, row: int) -> issues.Issue | None:
        return self.issues[row] if 0 <= row < len(self.issues) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802, ANN201 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        issue = self.issue_at(index.row()) if index.isValid() else None
        if issue is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == COL_KIND:
                return kind_label(issue.kind)
            if col == COL_RECORD:
                return record_label(issue)
            if col == COL_DEVICE:
                return issue.device
            if col == COL_MESSAGE:
                return issue.message
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_MESSAGE:
            return issue.message
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_KIND and issue.kind == "conflict":
            return QColor("#8a1c12")
        return None
