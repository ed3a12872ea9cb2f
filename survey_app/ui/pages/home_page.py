"""首页 (my day): today's surveyed / calculated / signed counts and progress in the assigned area.

Three big numbers for today's work (China's working day, from ``progress.my_day``), a progress
bar over the households assigned to the user, and one tile per status that opens the 住户 page
filtered to it. A user without assigned households (HQ) sees the whole project instead. A
supervisor also gets a tile for the review queue. Below, two short lists a worker starts the day
with: 未完成的草稿 (edits autosaved but not saved) and 接下来要走访 (their pending households, returned
ones first); a click opens the household on the 住户 page. The figures are a few small SQL reads:
re-read when the page is shown and, while it is shown, on every ChangeHub signal. The content sits
in a scroll area so nothing is cut off on a 1024×768 screen.
Threading: GUI thread only (short reads).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Permission
from survey_app.core.services import Database, household_stage, households, progress
from survey_app.ui import formatting, labels
from survey_app.ui.changes import ChangeHub
from survey_app.ui.kit import theme
from survey_app.ui.pages.common import can

_STYLE = theme.HOME  # the sheet lives in the theme (ui/kit/theme.py)


class HomePage(QWidget):
    """Emits ``status_requested(status, mine)`` (a status tile) and ``review_requested()``."""

    status_requested = Signal(object, bool)
    review_requested = Signal()
    household_requested = Signal(str)  # hex id: a draft or a household to visit was clicked

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.setStyleSheet(_STYLE)
        self.db, self.actor = db, actor
        self.stats: progress.DayStats | None = None
        self._dirty = True

        self.title = QLabel(self)
        self.title.setObjectName("homeTitle")
        self.day_label = QLabel(self)
        today_title = QLabel(self.tr("今日工作"), self)
        today_title.setObjectName("sectionTitle")
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for key, caption in (("surveyed", self.tr("今日完成调查")), ("calculated", self.tr("今日测算")),
                             ("signed", self.tr("今日签约"))):
            tiles.addWidget(self._tile(key, caption))
        tiles.addStretch(1)

        self.area_title = QLabel(self)
        self.area_title.setObjectName("sectionTitle")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("areaProgress")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        self.bar.setMaximumWidth(760)
        self.area_text = QLabel(self)
        self.status_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, code in enumerate(labels.STATUS_CODES):
            button = QPushButton(self)
            button.setObjectName("statusTile")
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(112)
            button.clicked.connect(lambda _c=False, s=code: self.status_requested.emit(s, self._mine))
            self.status_buttons[code] = button
            grid.addWidget(button, 0, i)
        grid.setColumnStretch(len(labels.STATUS_CODES), 1)

        self.review_button = QPushButton(self)
        self.review_button.setObjectName("reviewTile")
        self.review_button.clicked.connect(self.review_requested)
        self.review_button.setVisible(can(actor, Permission.REVIEW))
        self.review_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.drafts = self._list("draftsList")
        self.visits = self._list("visitsList")
        self.drafts_title = QLabel(self.tr("未完成的草稿"), self)
        self.visits_title = QLabel(self.tr("接下来要走访"), self)
        lists = QGridLayout()
        lists.setHorizontalSpacing(16)
        for col, (title, widget) in enumerate(((self.visits_title, self.visits), (self.drafts_title, self.drafts))):
            title.setObjectName("sectionTitle")
            lists.addWidget(title, 0, col)
            lists.addWidget(widget, 1, col)

        content = QWidget(self)
        content.setObjectName("homeContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.day_label)
        layout.addSpacing(12)
        layout.addWidget(today_title)
        layout.addLayout(tiles)
        layout.addSpacing(18)
        layout.addWidget(self.area_title)
        layout.addWidget(self.bar)
        layout.addWidget(self.area_text)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(18)
        layout.addWidget(self.review_button)
        layout.addSpacing(12)
        layout.addLayout(lists)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("homeScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._mine = True
        ChangeHub.instance().changed.connect(self._on_changed)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setMinimumWidth(260)
        widget.setMaximumHeight(6 * (widget.fontMetrics().height() + 14) + 6)
        widget.setStyleSheet("QListWidget::item { padding: 6px 4px; }")  # finger-sized rows
        widget.itemActivated.connect(self._open_item)
        widget.itemClicked.connect(self._open_item)
        return widget

    def _open_item(self, item: QListWidgetItem) -> None:
        hid = item.data(Qt.ItemDataRole.UserRole)
        if hid:
            self.household_requested.emit(hid)

    def _fill(self, widget: QListWidget, rows: list, empty: str, *, drafts: bool) -> None:
        widget.clear()
        for r in rows:
            text = f"{r.household_code}　{r.head_name}　{r.address}"
            if drafts and r.when is not None:
                text += "　" + self.tr("（{when} 自动保存）").format(when=formatting.datetime_local(r.when))
            elif r.returned:
                text += "　" + self.tr("（被退回）")
            item = QListWidgetItem(text, widget)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(self.tr("在住户页打开这一户"))
        if not rows:
            item = QListWidgetItem(empty, widget)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _tile(self, key: str, caption: str) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("dayTile")
        frame.setMinimumSize(190, 104)
        number = QLabel("0", frame)
        number.setObjectName("tileNumber")
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(caption, frame)
        text.setObjectName("tileCaption")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QVBoxLayout(frame)
        box.setContentsMargins(16, 10, 16, 10)
        box.addWidget(number)
        box.addWidget(text)
        self.tiles[key] = number
        return frame

    # --- data -------------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _on_changed(self, _changes: object) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        stats = progress.my_day(self.db, self.actor.username)
        self.stats = stats
        who = self.actor.display_name or self.actor.username
        self.title.setText(self.tr("{name}，您好").format(name=who))
        self.day_label.setText(self.tr("{date}（{role}）").format(date=formatting.date(stats.day),
                                                                   role=labels.role(self.actor.role)))
        self.tiles["surveyed"].setText(formatting.count(stats.surveyed_today))
        self.tiles["calculated"].setText(formatting.count(stats.calculated_today))
        self.tiles["signed"].setText(formatting.count(stats.signed_today))

        # Nobody assigned to this user (HQ, a supervisor): show the whole project instead.
        self._mine = stats.assigned > 0
        by_status = stats.by_status if self._mine else households.status_counts(self.db)
        total = sum(by_status.values())
        done = total - by_status.get("pending", 0)
        share = done / total if total else 0.0
        self.area_title.setText(self.tr("我负责的住户") if self._mine else self.tr("全项目进度"))
        self.bar.setValue(round(share * 1000))
        self.bar.setFormat(self.tr("已完成调查 {pct}%").format(pct=f"{share * 100:.0f}"))
        self.area_text.setText(self.tr("共 {total} 户，已完成调查 {done} 户，待调查 {left} 户").format(
            total=formatting.count(total), done=formatting.count(done),
            left=formatting.count(by_status.get("pending", 0))))
        for code, button in self.status_buttons.items():
            button.setText(f"{labels.status(code)}\n{formatting.count(by_status.get(code, 0))}")
            button.setToolTip(self.tr("在住户列表中查看“{status}”的住户").format(status=labels.status(code)))
        self._fill(self.drafts, household_stage.drafts_of(self.db, self.actor.username),
                   self.tr("没有未保存的草稿"), drafts=True)
        self._fill(self.visits, household_stage.next_to_visit(self.db, self.actor.username),
                   self.tr("没有待调查的住户") if self._mine else self.tr("没有分配给您的住户"), drafts=False)
        if self.review_button.isVisibleTo(self) or can(self.actor, Permission.REVIEW):
            waiting = households.status_counts(self.db).get("surveyed", 0)
            self.review_button.setText(self.tr("待复核 {n} 户 — 去复核").format(n=formatting.count(waiting)))
