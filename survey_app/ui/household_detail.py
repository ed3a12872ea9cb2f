"""Read-only detail panel of the selected household (right side of the main window).

A QTextBrowser showing generated HTML (detail_html.py): one widget instead of dozens, renders in a
few ms, text can be selected and copied (ID numbers, phones). Loading one household is a short
read (``household_stage.selected``: the detail and where it stands, each table read once; budget
150 ms) done on the GUI thread; the selection is coalesced
by a zero-delay single-shot timer so holding an arrow key does not load every row it passes, and
the very first load waits for the panel's first paint so it never delays the window appearing.
The last households shown are kept (``RECENT``) until any change is published, or the page says
data may have changed unannounced (``forget``: back from the editor, where drafts are saved).
Built with ``db=None`` (the first window, painted before the ORM is imported: ui/app.py) it shows its
placeholder and keeps the selection pending until ``attach(db)``.
Threading: GUI thread only.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from survey_app.core.domain.errors import NotFound
from survey_app.ui.changes import ChangeHub
from survey_app.ui.detail_html import detail_html, placeholder_html

if TYPE_CHECKING:
    from survey_app.core.services import Database
    from survey_app.core.services.household_stage import Standing
    from survey_app.core.services.households import HouseholdDetail

RECENT = 32  # households kept as last shown (a few KB of HTML each)


class HouseholdDetailView(QTextBrowser):
    """Shows one household. ``show_key(key)`` loads it (coalesced); ``show_key(None)`` clears."""

    loaded = Signal(object)  # the HouseholdDetail shown, or None when cleared
    photos_requested = Signal(str)  # hex id: the user clicked 查看照片 (the page opens them read-only)

    def __init__(self, db: Database | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._key: int | None = None
        self._pending: int | None = None
        self._painted = False
        self.detail: HouseholdDetail | None = None
        self.standing: Standing | None = None  # where the shown household stands (stage, next step, missing)
        self.username = ""  # whose drafts count (set by the page)
        # The last households shown, as shown (Esc back to the whole list, a letter taken back): read
        # again only after a change. Any published change empties it, before the pages reload.
        self._recent: OrderedDict[int, tuple[HouseholdDetail, Standing, str]] = OrderedDict()
        ChangeHub.instance().changed.connect(self.forget)
        self.setObjectName("householdDetail")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Always there: most households are taller than the pane, and a scroll bar appearing after the
        # layout narrows the page and lays the whole document out a second time (each search keystroke
        # that changes the household); the text no longer jumps sideways between short and long ones.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document().setDocumentMargin(10)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._load_pending)
        self._show_placeholder(self.tr("在左侧列表中选择一户，这里显示其详细情况"))
        self.anchorClicked.connect(self._on_link)

    def _on_link(self, url) -> None:  # noqa: ANN001 - QUrl
        if url.scheme() == "photos" and self.detail is not None:
            self.photos_requested.emit(self.detail.id)  # the household on screen, whatever the link said

    @property
    def key(self) -> int | None:
        return self._key

    def show_key(self, key: int | None) -> None:
        self._pending = key
        if self._painted and self._db is not None:
            self._timer.start()

    def attach(self, db: Database) -> None:
        """The database, once the first window has painted without it: the pending selection loads."""
        self._db = db
        if self._painted:
            self._timer.start()

    def reload(self) -> None:
        """Read the household again (its data changed); keeps the scroll position when it is the same one.

        A selection that moved since the last load wins: reloading the old key here would leave the
        pane on a household the list no longer points at, and an action would then act on one the
        user never saw (a decided household leaves the review queue and the next one is selected).
        """
        if self._pending is None and self._key is None:
            return
        same = self._pending == self._key
        bar = self.verticalScrollBar()
        position = bar.value()
        self.detail = None  # forces _load_pending to read it again
        self._recent.clear()
        self._load_pending()
        if same:
            bar.setValue(position)

    def flush(self) -> None:
        """Load a pending selection now (before acting on the row the user just pointed at)."""
        if self._pending != self._key:
            self._timer.stop()
            self._load_pending()

    @property
    def shown_id(self) -> str | None:
        """Hex id of the household on screen, or None. Actions act on this, never on a row index."""
        return self.detail.id if self.detail is not None else None

    def paintEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._db is not None:
                self._timer.start()  # start-up: load the selected household right after the first paint

    def forget(self) -> None:
        """Drop the households read before (data may have changed where no change is published: drafts)."""
        self._recent.clear()

    def _load_pending(self) -> None:
        key = self._pending
        if self._db is None or (key == self._key and self.detail is not None):
            return  # (no database yet: attach() loads it)
        self._key = key
        if key is None:
            self.detail = None
            self._show_placeholder(self.tr("在左侧列表中选择一户，这里显示其详细情况"))
            self.loaded.emit(None)
            return
        shown = self._recent.get(key)
        if shown is None:
            from survey_app.core.services import attachments, household_stage

            try:  # the household and where it stands: each of its tables read once
                detail, standing = household_stage.selected(self._db, key, self.username)
            except NotFound as exc:
                self.detail = None
                self._show_placeholder(str(exc))
                self.loaded.emit(None)
                return
            shown = detail, standing, detail_html(detail, standing, attachments.photo_counts(self._db, detail.id))
            self._recent[key] = shown
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(key)
        self.detail, self.standing, html = shown
        self.setHtml(html)
        self.loaded.emit(self.detail)

    def _show_placeholder(self, text: str) -> None:
        self.setHtml(placeholder_html(text))
