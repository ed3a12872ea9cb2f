"""The household editor: every part of the survey in one scrolling page of sections, a section list on
the left (click to jump) above the list of problems still to fix, Save/Submit at the bottom.

* Saving goes through ``survey.store.save_form`` (unit of work + audit chain) on the TaskRunner's
  worker; the ChangeSet is published on the ChangeHub and emitted as ``saved``. A household someone
  else saved meanwhile is not overwritten without asking.
* Never lose a keystroke: drafts are autosaved (autosave.py); opening a household that has one asks
  whether to restore it.
* Problems come from ``survey.checks.check`` (the same rules the save applies) plus the fields' own
  parse errors; a field shows its problem once the user has left it, every problem shows after a
  save attempt, and the problems list on the left jumps to the field.
* Keys: Ctrl+S save; Esc close (asks when there are unsaved changes); Enter next field; Ctrl+Enter or
  Alt+N adds a row to the table the cursor is in; Delete (outside a text field) removes its row,
  with 撤销删除 under the table; Ctrl+1…Ctrl+9 jump to a section.

The dialog composes its parts (no mixins): the sections (section.py, sections_*.py: each loads,
stores and validates its share of the form), ``EditorChrome`` (editor_layout.py: title, section list,
problems, buttons), ``EditorNavigator`` (navigation.py: keys and jumps), ``DraftKeeper`` (autosave.py)
and ``DraftOffer`` (drafts.py: the restore question).

Threading: GUI thread only; save and submit run on the TaskRunner's worker and come back here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.errors import PermissionDenied, SurveyAppError
from survey_app.core.domain.roles import ROLE_PERMISSIONS, Permission, Role
from survey_app.core.services import Database, households, policy_menus, workflow
from survey_app.core.services.survey import readiness, store
from survey_app.core.services.survey.checks import FormInvalid, Problem, check
from survey_app.core.services.survey.form import MemberForm, SurveyForm
from survey_app.ui import formatting, labels
from survey_app.ui.changes import ChangeHub
from survey_app.ui.editor import messages
from survey_app.ui.editor.autosave import DraftKeeper
from survey_app.ui.editor.drafts import DraftOffer
from survey_app.ui.editor.editor_layout import EditorChrome
from survey_app.ui.editor.navigation import EditorNavigator
from survey_app.ui.editor.section import Section
from survey_app.ui.editor.sections_flats import FlatChoicesSection
from survey_app.ui.editor.sections_menu import FixturesSection, ItemsSection
from survey_app.ui.editor.sections_people import HouseholdSection, MembersSection, WillingnessSection
from survey_app.ui.editor.sections_photos import PhotosSection
from survey_app.ui.editor.sections_property import AppraisalsSection, BusinessesSection, PartsSection, TenuresSection
from survey_app.ui.editor.style import STYLE
from survey_app.ui.task_runner import TaskRunner

FROZEN = {"signed", "handed_over"}


def _head(form: SurveyForm) -> MemberForm | None:
    """The form's 户主 (what ``MembersSection.head()`` reads from the widgets)."""
    return next((m for m in form.members if m.relation == "head"), None)


def _offer(name: str) -> property:
    """The draft question's widgets, where tests and scripts have always found them."""
    return property(lambda self: getattr(self.drafts, name), lambda self, value: setattr(self.drafts, name, value))


class HouseholdEditorDialog(QDialog):
    saved = Signal(object)  # the ChangeSet of a successful save
    submitted = Signal(object)  # the ChangeSet of 提交调查
    save_refused = Signal(list)  # the problems that stopped a save (shown on the form too)
    draft_prompt, restore_button, drop_draft_button = _offer("prompt"), _offer("restore_button"), _offer("drop_button")
    confirm_drop_button, _pending_draft = _offer("confirm_drop_button"), _offer("pending")

    def __init__(self, db: Database, actor: Actor, runner: TaskRunner, household_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.runner = db, actor, runner
        self.setObjectName("householdEditor")
        self.setStyleSheet(STYLE)
        self.read_only = False
        self._attempted = False  # after a save attempt every problem shows, not only those of left fields
        self._saving = False
        self._shown = False
        # The form and the detail from one read of each table; the current policy looked up once.
        self.detail, form = households.detail_and_form(db, household_id)
        self.household_id = form.id
        self._rev = form.rev
        current = readiness.published(db)  # ValidationError when the project has none published
        menus = policy_menus.menus_of(current)

        # What the current policy's calculation needs: marked *, listed before submit (readiness.py).
        self.policy = current.policy if current is not None else None
        self.household = HouseholdSection(register_locked=actor.role != Role.HQ_ADMIN)
        self.members = MembersSection()
        self.photos = PhotosSection(db, actor, runner, self.household_id)
        self.tenures, self.parts, self.businesses, self.appraisals = (
            TenuresSection(), PartsSection(menus), BusinessesSection(), AppraisalsSection())
        self.flats = FlatChoicesSection(self.policy)  # 选房意向: the household's flat combinations (0015)
        self.sections: list[Section] = [
            self.household, self.members, self.tenures, self.parts, FixturesSection(menus),
            ItemsSection(menus), self.businesses, self.appraisals, WillingnessSection(), self.flats, self.photos]
        need = readiness.requirements(self.policy) if self.policy else readiness.Requirements()
        for s in self.sections:  # each section marks (*) what the current policy needs of it
            s.require(need, hq=actor.role == Role.HQ_ADMIN)
        self._submit_attempted = False  # after 提交调查 the missing items are painted at their fields too
        self.submit_refusal: QMessageBox | None = None
        self.chrome = c = EditorChrome(self, self.sections, submit=self.submit, discard=self.discard_changes,
                                       close=self.reject, save=lambda: self.save())
        self.title, self.rev_label, self.banner, self.nav, self.scroll = c.title, c.rev_label, c.banner, c.nav, c.scroll
        self.problem_panel, self.status_label = c.problem_panel, c.status_label
        self.save_button, self.submit_button, self.discard_button = c.save_button, c.submit_button, c.discard_button
        self.close_button = c.close_button
        self.navigator = EditorNavigator(self, self.sections, c, lambda: self.save())
        self.jump_to, self.jump_to_section = self.navigator.jump_to, self.navigator.jump_to_section
        self.add_row_here, self.remove_row_here = self.navigator.add_row_here, self.navigator.remove_row_here
        self.autosave = DraftKeeper(db, actor.username, self.household_id, self.collect_form, self)
        self.autosave.written.connect(lambda when: self.status_label.setText(
            self.tr("草稿已自动保存（{time}）").format(time=when.strftime("%H:%M:%S"))))
        self.autosave.failed.connect(lambda error: self.status_label.setText(
            self.tr("草稿未能自动保存：{error}").format(error=error)))
        self._validate_timer = QTimer(self, singleShot=True, interval=250, timeout=self.validate)
        self._retab_timer = QTimer(self, singleShot=True, interval=0, timeout=self.navigator.retab)
        for s in self.sections:
            s.edited.connect(self._edited)
            s.touched.connect(lambda _w: self._validate_timer.start())
            s.structure_changed.connect(self._retab_timer.start)

        self._load(form, baseline=True)
        self.photos.strip.reload()
        self._set_read_only(self._read_only_reason())
        self.drafts = DraftOffer(self, self.autosave, None if self.read_only else self.autosave.existing(),
                                 restore=self._restore_draft, finished=lambda: self.jump_to_section(0, focus=True),
                                 read_only=lambda: self.read_only)
        QApplication.instance().focusChanged.connect(self.navigator.focus_moved)

    # --- the form -----------------------------------------------------------------------------------

    def collect(self) -> tuple[SurveyForm, list[Problem]]:
        """The form as the widgets hold it, and the fields whose text could not be read."""
        form = SurveyForm(id=self.household_id, rev=self._rev)
        problems: list[Problem] = []
        for s in self.sections:
            problems += s.store(form)
        return form, problems

    def collect_form(self) -> SurveyForm:
        return self.collect()[0]

    def is_dirty(self) -> bool:
        return self.collect_form().to_json() != self.autosave.baseline

    def _load(self, form: SurveyForm, *, baseline: bool) -> None:
        self._rev = form.rev
        for s in self.sections:
            s.load(form)
        collected = self.collect()  # read from the widgets once: the baseline, the header and the check
        if baseline:
            self.autosave.baseline = collected[0].to_json()
        self._refresh_header(_head(collected[0]))
        self.navigator.retab()
        self._retab_timer.stop()  # the rows the load added are in that tab order already
        self.validate(collected)

    def problems(self, collected: tuple[SurveyForm, list[Problem]] | None = None) -> list[Problem]:
        """Every problem, in the UI language: what stops a save first, then what the calculation still needs.
        ``collected`` is ``collect()``'s answer when the caller has just read the widgets."""
        form, local = collected or self.collect()
        seen = {p.path for p in local}
        found = local + [p for p in check(form) if p.path not in seen]
        if self.policy is not None:
            seen = {p.path for p in found}
            found += [p for p in readiness.missing(form, self.policy) if p.path not in seen]
        found = [messages.translated(p) for p in found]
        order = {id(s): i for i, s in enumerate(self.sections)}
        return sorted(found, key=lambda p: next((order[id(s)] for s in self.sections if s.owns(p.path)), 99))

    def validate(self, collected: tuple[SurveyForm, list[Problem]] | None = None) -> list[Problem]:
        """Re-check the form; paint what may show; returns every problem."""
        self._validate_timer.stop()
        collected = collected or self.collect()
        found = self.problems(collected)
        self.problem_panel.set_problems(found)
        for s in self.sections:
            s.validate(found, attempted=self._attempted, submit_attempted=self._submit_attempted)
        self.household.set_head(_head(collected[0]))
        self._update_buttons()
        return found

    def _edited(self) -> None:
        self.autosave.schedule()
        self._validate_timer.start()

    # --- save, submit, discard, close ---------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Check and save (on the worker); ``then`` runs after a successful save. False if refused at once."""
        if self.read_only or self._saving:
            return False
        self._attempted = True
        found = [p for p in self.validate() if not p.missing]  # an incomplete survey may be saved
        if found:
            self.status_label.setText(self.tr("有{n}处需要改正，尚未保存。").format(n=len(found)))
            self.jump_to(found[0].path)
            self.save_refused.emit(found)
            return False
        if not self.is_dirty():
            self.status_label.setText(self.tr("没有需要保存的修改。"))
            if then:
                then()
            return True
        form, db, actor = self.collect_form(), self.db, self.actor
        self._saving = True
        self._update_buttons()
        self.runner.run(lambda progress, cancel: store.save_form(db, actor, form),
                        on_done=lambda changes: self._saved(changes, then),
                        on_error=lambda exc: self._save_failed(exc, then),
                        label=self.tr("正在保存…"), cancellable=False)
        return True

    def _saved(self, changes: object, then: Callable[[], None] | None) -> None:
        self._saving = False
        self.autosave.discard()
        ChangeHub.instance().publish(changes)
        self._attempted = False
        self._reload()
        self.banner.setVisible(bool(self.read_only))
        self.status_label.setText(self.tr("已保存（第{rev}版）。").format(rev=self._rev))
        self.saved.emit(changes)
        if then:
            then()

    def _save_failed(self, exc: BaseException, then: Callable[[], None] | None) -> None:
        self._saving = False
        self._update_buttons()
        if isinstance(exc, FormInvalid):
            self.validate()
            self.problem_panel.set_problems(exc.problems)
            self.jump_to(exc.problems[0].path)
        elif isinstance(exc, store.ConflictError):
            answer = QMessageBox.question(self, self.tr("保存冲突"), self.tr(
                "{error}\n\n要用你现在的内容覆盖保存吗？（对方的修改将被替换；审计日志会记下这次修改）").format(error=exc))
            if answer == QMessageBox.StandardButton.Yes:
                self._rev = store.load_form(self.db, self.household_id).rev
                self.save(then)
        elif isinstance(exc, PermissionDenied):
            self._set_read_only(str(exc))
            QMessageBox.warning(self, self.tr("不能保存"), str(exc))
        elif isinstance(exc, SurveyAppError):
            QMessageBox.warning(self, self.tr("不能保存"), str(exc))
        else:
            raise exc

    def submit(self) -> None:
        """提交调查: refused with every missing item while incomplete; else save, then 待调查 → 已调查."""
        if self.read_only or self._saving:
            return
        self._submit_attempted = self._attempted = True
        found = self.validate()
        if found:
            self.status_label.setText(self.tr("调查尚未完成：还有{n}项需要改正或补全，不能提交。").format(n=len(found)))
            self.jump_to(found[0].path)
            lines = "\n".join(f"{n}. {p.message}" for n, p in enumerate(found, 1))
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("不能提交"), self.tr(
                "调查尚未完成，不能提交。请先改正或补全以下各项：\n{lines}").format(lines=lines), parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.submit_refusal = box
            box.open()
            return
        if self.is_dirty():
            self.save(then=self._submit_now)
        else:
            self._submit_now()

    def _submit_now(self) -> None:
        answer = QMessageBox.question(self, self.tr("提交调查"), self.tr(
            "提交后该户变为“已调查”，等待复核员复核。确定提交吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, hid = self.db, self.actor, self.household_id
        self.runner.run(lambda progress, cancel: workflow.submit_survey(db, actor, hid),
                        on_done=self._submitted, on_error=self._submit_failed, label=self.tr("正在提交…"),
                        cancellable=False)

    def _submitted(self, changes: object) -> None:
        ChangeHub.instance().publish(changes)
        self._reload()
        self.status_label.setText(self.tr("已提交，状态：{status}。").format(status=labels.status(self.detail.status)))
        self.submitted.emit(changes)

    def _submit_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, SurveyAppError):
            raise exc
        text = str(exc)
        if isinstance(exc, readiness.SurveyIncomplete):  # the service's list, in the UI language
            lines = "\n".join(f"{n}. {messages.text(p)}" for n, p in enumerate(exc.problems, 1))
            text = self.tr("调查尚未完成，不能提交。请先改正或补全以下各项：\n{lines}").format(lines=lines)
        QMessageBox.warning(self, self.tr("不能提交"), text)

    def _reload(self) -> None:
        self.detail = households.get_detail(self.db, self.household_id)
        self._load(store.load_form(self.db, self.household_id), baseline=True)
        self._set_read_only(self._read_only_reason())

    def discard_changes(self) -> None:
        if not self.is_dirty():
            return
        answer = QMessageBox.question(self, self.tr("放弃修改"), self.tr("放弃所有未保存的修改，回到上次保存的内容吗？"))
        if answer == QMessageBox.StandardButton.Yes:
            self.autosave.discard()
            self._attempted = False
            self._reload()
            self.status_label.setText(self.tr("已放弃修改。"))

    def reject(self) -> None:
        """Esc, 关闭 and the window's ×: ask first when something is unsaved."""
        if self._saving:
            return
        if not self.read_only and self.is_dirty():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("关闭"), self.tr("有未保存的修改。"), parent=self)
            keep = box.addButton(self.tr("保存并关闭"), QMessageBox.ButtonRole.AcceptRole)
            drop = box.addButton(self.tr("放弃修改并关闭"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("继续编辑"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.exec()
            if box.clickedButton() is keep:
                self.save(then=self._close_now)
                return
            if box.clickedButton() is not drop:
                return
            self.autosave.discard()
        self._close_now()

    def _close_now(self) -> None:
        self.autosave.enabled = False
        self.photos.strip.shutdown()
        super().reject()

    # --- drafts -------------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt API
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if self.drafts.pending is not None:
                QTimer.singleShot(0, self, lambda: self.drafts.ask(self._rev))
            else:
                QTimer.singleShot(0, self, lambda: self.jump_to_section(0, focus=True))

    def _restore_draft(self, draft: object) -> None:
        self._load(draft.form, baseline=False)
        self.autosave.mark_written(self.collect_form().to_json())
        self.status_label.setText(self.tr("已恢复{when}的草稿，尚未保存。").format(
            when=formatting.datetime_local(draft.saved_at)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.navigator.key_press(event):
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow() and self._shown:
            self.autosave.flush()  # the worker switched away (or a question opened): keep what is typed

    # --- state --------------------------------------------------------------------------------------

    def _read_only_reason(self) -> str:
        if self.detail.status in FROZEN:
            return self.tr("该户已签约，调查数据已冻结，只能查看。如需更正，须先由复核员作废协议。")
        if Permission.EDIT_SURVEY not in ROLE_PERMISSIONS[Role(self.actor.role)]:
            return self.tr("当前用户无权修改调查数据，只能查看。")
        return ""

    def _set_read_only(self, reason: str) -> None:
        self.read_only = bool(reason)
        hq = self.actor.role == Role.HQ_ADMIN
        for s in self.sections:  # the appraiser's results come from HQ's import: shown, not edited, in the field
            s.set_read_only(self.read_only or (s is self.appraisals and not hq))
        self.banner.setText(reason)
        self.banner.setVisible(self.read_only)
        if self.read_only:
            self.autosave.enabled = False
        self._update_buttons()

    def _refresh_header(self, head: MemberForm | None) -> None:
        d = self.detail
        name = head.name if head else d.head_name
        self.title.setText(f"{d.household_code}　{name}　·　{labels.status(d.status)}")
        self.rev_label.setText(self.tr("第{rev}版　最后修改：{when} {who}").format(
            rev=d.rev, when=formatting.datetime_local(d.updated_at), who=d.updated_by))
        self.setWindowTitle(self.tr("住户调查 — {code} {name}").format(code=d.household_code, name=name))

    def _update_buttons(self) -> None:
        editable = not self.read_only and not self._saving
        self.save_button.setVisible(not self.read_only)
        self.discard_button.setVisible(not self.read_only)
        self.save_button.setEnabled(editable)
        self.discard_button.setEnabled(editable)
        self.submit_button.setVisible(editable and self.detail.status == "pending")
