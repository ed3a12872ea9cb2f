"""Small editors shared by the project form (new_project.py) and HQ's 项目信息 tab (ui/hq/project_tab.py).

``DateEdit``: a date typed as 2024-05-01, 2024/5/1, 2024.5.1 or 2024年5月1日, or left empty (a QDateEdit
cannot be empty, and most of these dates are unknown when a project is made). ``SectionsEditor``: the
project's 片区/地块 as rows of code and name, with 添加/删除 (a handful of rows: a small table widget).
Threading: GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class BadDate(ValueError):
    pass


def parse_date(text: str) -> dt.date | None:
    """None for an empty text; raises BadDate for anything that is not a real date."""
    if not text.strip():
        return None
    m = _DATE.match(text)
    if not m:
        raise BadDate(text)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise BadDate(text) from None


class DateEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("如 2024-05-01，可暂不填"))
        self.setMaxLength(16)

    def date(self) -> dt.date | None:
        return parse_date(self.text())

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day.isoformat() if day else "")


class SectionsEditor(QWidget):
    """Rows of (编号, 名称); ``sections()`` gives ``[{"code", "name"}]`` for the core to check."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("sectionsTable")
        self.table.setHorizontalHeaderLabels([self.tr("编号"), self.tr("名称")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(96)
        self.code = QLineEdit(self)
        self.code.setObjectName("sectionCode")
        self.code.setPlaceholderText(self.tr("编号，如 A1"))
        self.code.setMaximumWidth(110)
        self.name = QLineEdit(self)
        self.name.setObjectName("sectionName")
        self.name.setPlaceholderText(self.tr("名称，如 古稻田一组"))
        self.name.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(self.tr("添加"), self)
        self.add_button.setObjectName("sectionAdd")
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.remove_button.setObjectName("sectionRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code)
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def add(self, code: str, name: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(code))
        self.table.setItem(r, 1, QTableWidgetItem(name))

    def add_typed(self) -> None:
        code, name = self.code.text().strip(), self.name.text().strip()
        if not code and not name:
            return
        self.add(code or name, name or code)
        self.code.clear()
        self.name.clear()
        self.code.setFocus()

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def set_sections(self, sections) -> None:  # noqa: ANN001 - Section objects
        self.table.setRowCount(0)
        self.code.clear()
        self.name.clear()
        for s in sections:
            self.add(s.code, s.name)

    def sections(self) -> list[dict[str, str]]:
        """The rows, plus a code/name still typed in the boxes (as if 添加 was pressed)."""
        out = []
        for r in range(self.table.rowCount()):
            code, name = (self.table.item(r, c).text() if self.table.item(r, c) else "" for c in (0, 1))
            out.append({"code": code.strip(), "name": name.strip()})
        if self.code.text().strip() or self.name.text().strip():
            code, name = self.code.text().strip(), self.name.text().strip()
            out.append({"code": code or name, "name": name or code})
        return out
