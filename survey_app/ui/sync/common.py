"""Pieces both sync pages share: the key session, the result list, header summaries, the refresh.

The sync key password is asked once per login session (QInputDialog, echo off) and the unlocked
KeyPair is kept on the page's ``KeySession`` only: never written anywhere, never logged (KeyPair's
repr shows just the fingerprint). Unlocking (scrypt, ~0.1 s) runs on the GUI thread right after the
dialog closes: it reads one local setting, and doing it before any job is queued means a batch of
imports asks once and a wrong password stops the batch before it starts.
Results are shown in ``ResultList`` — one coloured block per file, large type, the file name in
bold — because a field worker at day end must see at a glance whether it worked and what to do next.
Threading: GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from survey_app.core.domain.errors import SurveyAppError
from survey_app.core.services import Database
from survey_app.core.sync import bundle, identity, keys
from survey_app.ui import formatting
from survey_app.ui.changes import ChangeHub
from survey_app.ui.kit import theme

OK, WARN, ERROR = "ok", "warning", "error"

# The shared look of both sync pages (object names set by the pages).
STYLE = theme.SYNC  # the sheet lives in the theme (ui/kit/theme.py)


CTX = "SyncCommon"
_HEADER = (QT_TRANSLATE_NOOP("SyncCommon", "{kind}，来自 {device}，第 {seq} 号"),
           QT_TRANSLATE_NOOP("SyncCommon", "项目 {project}"), QT_TRANSLATE_NOOP("SyncCommon", "{n} 条记录"),
           QT_TRANSLATE_NOOP("SyncCommon", "确认 {n} 条记录"), QT_TRANSLATE_NOOP("SyncCommon", "{n} 张照片"),
           QT_TRANSLATE_NOOP("SyncCommon", "，"))
KINDS = {"field": QT_TRANSLATE_NOOP("SyncCommon", "外业同步包"),
         "receipt": QT_TRANSLATE_NOOP("SyncCommon", "回执"),
         "assignment": QT_TRANSLATE_NOOP("SyncCommon", "任务包"),
         "enroll_request": QT_TRANSLATE_NOOP("SyncCommon", "设备登记申请"),
         "enroll_response": QT_TRANSLATE_NOOP("SyncCommon", "设备登记回复")}


def fingerprint(text: str) -> str:
    """``2b9b931db51b0728`` → ``2B9B 931D B51B 0728``: four groups, easy to read out over the phone."""
    text = text.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def kind_label(kind: str) -> str:
    return QCoreApplication.translate(CTX, KINDS[kind]) if kind in KINDS else (kind or "?")


def _t(text: str) -> str:  # only for strings marked with QT_TRANSLATE_NOOP below (lupdate sees those)
    return QCoreApplication.translate(CTX, text)


def header_summary(header: dict) -> str:
    """One line about a bundle's clear header: what it is, from whom, which number, when, how much."""
    when = ""
    try:
        when = formatting.datetime_local(dt.datetime.fromisoformat(str(header.get("created_at", ""))))
    except ValueError:
        pass
    counts = header.get("counts") or {}
    parts = [_t("{kind}，来自 {device}，第 {seq} 号").format(
        kind=kind_label(str(header.get("kind", ""))), device=header.get("device", "?"), seq=header.get("seq", "?"))]
    if header.get("project"):
        parts.append(_t("项目 {project}").format(project=header["project"]))
    if when:
        parts.append(when)
    if "records" in counts:
        parts.append(_t("{n} 条记录").format(n=formatting.count(int(counts["records"]))))
    if "acked" in counts:
        parts.append(_t("确认 {n} 条记录").format(n=formatting.count(int(counts["acked"]))))
    if counts.get("media"):
        parts.append(_t("{n} 张照片").format(n=formatting.count(int(counts["media"]))))
    return _t("，").join(parts)


def confirm_headers(parent: QWidget, paths: list[Path]) -> bool:
    """Show each chosen file's clear header (what, from whom, which number) before importing; True: go on."""
    lines = []
    for p in paths:
        try:
            lines.append(f"• {p.name}\n   {header_summary(bundle.read_header(p))}")
        except SurveyAppError as exc:
            lines.append(f"• {p.name}\n   ✘ {exc}")
    title = QCoreApplication.translate("SyncCommon", "导入以下文件？")
    box = QMessageBox(QMessageBox.Icon.Question, title, title,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText("\n".join(lines))
    # One header per line, not wrapped mid-sentence.
    box.setStyleSheet("QLabel#qt_msgbox_label { font-weight: bold; }"
                      " QLabel#qt_msgbox_informativelabel { min-width: 640px; }")
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("SyncCommon", "导入"))
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("SyncCommon", "取消"))
    return box.exec() == QMessageBox.StandardButton.Ok


def publish_changes(result: object) -> None:
    """Tell every view what a write changed: the ChangeSet the service returned, itself or as its result's
    ``.changes`` (core/domain/written.py). Nothing is published for a write that changed nothing."""
    ChangeHub.instance().publish(getattr(result, "changes", result))


def error_text(exc: BaseException) -> str:
    """The core's Chinese message as it is; anything unexpected gets a plain sentence, not a traceback."""
    if isinstance(exc, SurveyAppError):
        return str(exc)
    if isinstance(exc, OSError):
        text = QCoreApplication.translate("SyncCommon", "无法读写文件：{error}")
        return text.format(error=exc.strerror or exc)
    return QCoreApplication.translate("SyncCommon", "发生意外错误：{error}").format(error=type(exc).__name__)


class KeySession:
    """This machine's unlocked sync keys for the current session (memory only)."""

    def __init__(self, db: Database, parent: QWidget, show_error: Callable[[str], None]):
        self.db, self._parent, self._show_error = db, parent, show_error
        self.pair: keys.KeyPair | None = None

    def ask_password(self, prompt: str = "") -> str | None:
        """The key password typed by the user, or None if they cancelled. (Tests monkeypatch this.)"""
        title = QCoreApplication.translate("SyncCommon", "同步密钥密码")
        label = prompt or QCoreApplication.translate("SyncCommon", "请输入本机的同步密钥密码（本次登录只问一次）：")
        text, ok = QInputDialog.getText(self._parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def ensure(self) -> keys.KeyPair | None:
        """The unlocked pair, asking for the password if needed; None (and a red message) if not unlocked."""
        if self.pair is not None:
            return self.pair
        # A real project (key vault): the login already unlocked the device's identity, nothing to ask.
        password = self.ask_password() if identity.needs_password(self.db) else ""
        if password is None:
            return None
        try:
            self.pair = identity.unlock(self.db, password)
        except SurveyAppError as exc:
            self._show_error(str(exc))
            return None
        return self.pair


def card(parent: QWidget, title: str, hint: str, button: QPushButton) -> QFrame:
    """A numbered step: bold title, one or two lines of why/how, the big button."""
    frame = QFrame(parent)
    frame.setObjectName("syncCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(6)
    head = QLabel(title, frame)
    head.setObjectName("syncStep")
    text = QLabel(hint, frame)
    text.setObjectName("syncHint")
    text.setWordWrap(True)
    layout.addWidget(head)
    layout.addWidget(text)
    layout.addStretch(1)  # buttons line up at the bottom of side-by-side cards
    layout.addWidget(button)
    return frame


@dataclass
class Entry:
    kind: str
    title: str
    lines: list[str]


_COLOURS = theme.RESULT  # OK, WARN, ERROR → (background, text, edge, mark)


class ResultList(QTextBrowser):
    """What happened, one coloured block per file, newest first; ``entries`` keeps them for tests."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent)
        self.setObjectName("syncResults")
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries: list[Entry] = []
        self._placeholder = placeholder
        self._render()

    def clear_entries(self) -> None:
        self.entries = []
        self._render()

    def add(self, kind: str, title: str, lines: list[str] | None = None) -> None:
        self.entries.insert(0, Entry(kind, title, [x for x in (lines or []) if x]))
        self._render()

    def _render(self) -> None:
        if not self.entries:
            self.setHtml(f"<p style='color:#6b7885; font-size:11pt'>{html.escape(self._placeholder)}</p>")
            return
        blocks = []
        for e in self.entries:
            bg, fg, edge, mark = _COLOURS.get(e.kind, _COLOURS[OK])
            body = "".join(f"<div style='font-size:11pt; margin-top:3px'>{html.escape(x)}</div>" for x in e.lines)
            blocks.append(
                f"<table width='100%' cellspacing='0' cellpadding='10' style='margin-bottom:8px'>"
                f"<tr><td width='6' bgcolor='{edge}'></td><td bgcolor='{bg}' style='color:{fg}'>"
                f"<div style='font-size:14pt; font-weight:bold'>{mark} {html.escape(e.title)}</div>"
                f"{body}</td></tr></table>")
        self.setHtml("".join(blocks))
