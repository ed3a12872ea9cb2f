"""One change signal for the whole UI (DESIGN.md §2 rule 2, after Anki's OpChanges).

Whatever commits a unit of work publishes the returned ChangeSet here; every view that shows
data listens to ``changed`` and refreshes what the ChangeSet touches, instead of being poked
by the code that made the change. GUI thread only: publish from a TaskRunner ``on_done``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    changed = Signal(object)  # a survey_app.core.domain.actor.ChangeSet

    _instance: ChangeHub | None = None

    @classmethod
    def instance(cls) -> ChangeHub:
        if cls._instance is None:
            cls._instance = ChangeHub()
        return cls._instance

    def publish(self, changes: object) -> None:
        if changes:
            self.changed.emit(changes)
