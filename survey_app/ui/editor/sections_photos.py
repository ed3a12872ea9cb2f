"""The photos block of the editor: the household's PhotoStrip as a section (not part of the form).

The strip saves by itself (attach, category, caption, delete), so load/store have nothing to do.
A reviewer's or HQ's read-only editor shows the same categories, captions, times and positions.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.services import Database
from survey_app.core.services.survey.checks import Problem
from survey_app.core.services.survey.form import SurveyForm
from survey_app.ui.editor.section import Section
from survey_app.ui.photos.strip import PhotoStrip
from survey_app.ui.task_runner import TaskRunner


class PhotosSection(Section):
    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str,
                 parent: QWidget | None = None):
        super().__init__(self.tr("照片（添加后立即保存）"), parent)
        self.strip = PhotoStrip(db, actor, runner, household_id, self)
        self.body().addWidget(self.strip)

    def load(self, form: SurveyForm) -> None:
        pass  # photos are not in the form: the strip lists them from the store

    def store(self, form: SurveyForm) -> list[Problem]:
        return []

    def focus_chain(self) -> list[QWidget]:
        return [self.strip.add_button, self.strip.list, self.strip.category, self.strip.caption,
                self.strip.delete_button]

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.strip.set_read_only(read_only)
