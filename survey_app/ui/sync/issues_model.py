"""The open sync issues at HQ (conflicts, recheck differences, audit warnings) as a small table model.

A plain list model, not the lazy SQL kind of the household list: open issues are a handful to a
few hundred, read in one call (survey_app.core.sync.issues.list_issues) on ``refresh()``.
Also here: how a record and its fields are named to a person (``record_label``, ``differences``).
Threading: GUI thread only.
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
from PySide6.QtGui import QColor

from survey_app.core.services import Database
from survey_app.core.sync import issues
from survey_app.ui import formatting, labels

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
    "chosen_mode": QT_TRANSLATE_NOOP("SyncIssues", "选定安置方式"), "mode": QT_TRANSLATE_NOOP("SyncIssues", "安置方式"),
    "delivery": QT_TRANSLATE_NOOP("SyncIssues", "交付方式"), "use": QT_TRANSLATE_NOOP("SyncIssues", "用途"),
    "actual_use": QT_TRANSLATE_NOOP("SyncIssues", "实际用途"), "legality": QT_TRANSLATE_NOOP("SyncIssues", "合法性"),
    "structure": QT_TRANSLATE_NOOP("SyncIssues", "结构"), "floors": QT_TRANSLATE_NOOP("SyncIssues", "层数"),
    "built_year": QT_TRANSLATE_NOOP("SyncIssues", "建成年份"), "label": QT_TRANSLATE_NOOP("SyncIssues", "部位"),
    "decoration_grade": QT_TRANSLATE_NOOP("SyncIssues", "装修档次"),
    "temporary_term_end": QT_TRANSLATE_NOOP("SyncIssues", "临时建筑批准期限"),
    "relation": QT_TRANSLATE_NOOP("SyncIssues", "与户主关系"), "sex": QT_TRANSLATE_NOOP("SyncIssues", "性别"),
    "birth_date": QT_TRANSLATE_NOOP("SyncIssues", "出生日期"), "id_number": QT_TRANSLATE_NOOP("SyncIssues", "身份证号"),
    "kind": QT_TRANSLATE_NOOP("SyncIssues", "种类"), "sub_kind": QT_TRANSLATE_NOOP("SyncIssues", "规格"),
    "count": QT_TRANSLATE_NOOP("SyncIssues", "数量"), "quantity": QT_TRANSLATE_NOOP("SyncIssues", "数量"),
    "value": QT_TRANSLATE_NOOP("SyncIssues", "金额"), "share": QT_TRANSLATE_NOOP("SyncIssues", "份额"),
    "land_area": QT_TRANSLATE_NOOP("SyncIssues", "土地面积"), "annual_profit": QT_TRANSLATE_NOOP("SyncIssues", "年利润"),
    "total": QT_TRANSLATE_NOOP("SyncIssues", "合计"), "net": QT_TRANSLATE_NOOP("SyncIssues", "净额"),
    "face_value": QT_TRANSLATE_NOOP("SyncIssues", "面额"), "used_amount": QT_TRANSLATE_NOOP("SyncIssues", "使用金额"),
    "handed_on": QT_TRANSLATE_NOOP("SyncIssues", "交房日期"), "origin": QT_TRANSLATE_NOOP("SyncIssues", "来源"),
    "owner_name": QT_TRANSLATE_NOOP("SyncIssues", "权利人"), "summary": QT_TRANSLATE_NOOP("SyncIssues", "摘要"),
    "flat_choices": QT_TRANSLATE_NOOP("SyncIssues", "选房组合"),
}
YES, NO = QT_TRANSLATE_NOOP("SyncIssues", "是"), QT_TRANSLATE_NOOP("SyncIssues", "否")
# Stored codes shown in words (survey_app/ui/labels.py): by field name.
CODED = {"status": labels.status, "willingness": labels.willingness, "preferred_mode": labels.mode,
         "chosen_mode": labels.mode, "mode": labels.mode, "use": labels.use, "actual_use": labels.use,
         "legality": labels.legality, "structure": labels.structure, "decoration_grade": labels.decoration,
         "relation": labels.relation, "sex": labels.sex, "origin": labels.origin}
# Stamps (who/when/rev) are shown in the column headers; search keys follow the name: not decisions.
HIDDEN = issues.STAMPS | issues.DERIVED
_IDENTIFYING = ("household_code", "number", "name", "owner_name", "label", "username", "code")


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def kind_label(kind: str) -> str:
    return _t(KINDS[kind]) if kind in KINDS else kind


def entity_label(entity: str) -> str:
    return _t(ENTITIES[entity]) if entity in ENTITIES else entity


def field_label(name: str) -> str:
    return _t(FIELDS[name]) if name in FIELDS else name


def record_label(issue: issues.Issue) -> str:
    """``住户 FR-0012``: the table in words and the record's own code or name when it has one."""
    what = entity_label(issue.entity)
    row = issue.local or issue.incoming
    ident = next((str(row[k]) for k in _IDENTIFYING if row.get(k)), issue.entity_id[:8])
    return f"{what} {ident}".strip()


def differences(issue: issues.Issue) -> list[tuple[str, object, object]]:
    """(field, local value, incoming value) for the fields that differ, stamps left out."""
    names = [k for k in issue.local if k in issue.incoming] + [k for k in issue.incoming if k not in issue.local]
    return [(k, issue.local.get(k), issue.incoming.get(k)) for k in names
            if k not in HIDDEN and issue.local.get(k) != issue.incoming.get(k)]


def value_text(entity: str, diff: issues.FieldDiff, value: object) -> str:
    """One side of a differing field as a person reads it: codes in words, ¥ with two decimals,
    areas in m², dates as 2024年3月1日; "—" for nothing."""
    if value is None or value == "":
        return "—"
    name, kind = diff.name, diff.kind
    if kind == "money":
        return formatting.money(value)  # type: ignore[arg-type]
    if kind == "area":
        return f"{formatting.area(value)} m²"  # type: ignore[arg-type]
    if kind == "share":
        return formatting.share(value)  # type: ignore[arg-type]
    if kind == "date":
        return formatting.date(value)  # type: ignore[arg-type]
    if kind == "datetime":
        return formatting.datetime_china(value)  # type: ignore[arg-type]
    if kind == "bool":
        return _t(YES) if value else _t(NO)
    if entity == "households" and name == "status" or name in CODED and name != "status":
        return CODED[name](str(value)) or str(value)
    if entity == "fixtures" and name == "kind":
        return labels.fixture(str(value))
    if entity == "survey_items" and name == "code":
        return labels.survey_item(str(value))
    return str(value)


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

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: ANN201 - Qt API
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
