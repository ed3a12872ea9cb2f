"""The theme: named colours, the roles that give widgets their look, and the pages' style sheets.

Pages do not write colours. A widget gets a role (``set_role(label, "error")``) and every widget of
that role looks alike: error lines in one red, notes in one grey, the next step's button in one blue.
``set_role(button, "")`` takes the look away again. Each role is one rule here (``ROLE_RULES``), set on
the widgets that have it, not one application style sheet: that would send every widget of the app
through Qt's style-sheet style and double the cost of building a window (measured; see ``apply``).

Only colours, fonts, borders and padding: the platform style still draws the widgets themselves.
Scoped page sheets (the editor's cards) are built here too, from the same colours.

Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

# --- colours (one name per meaning) ----------------------------------------------------------------
ERROR = "#b3261e"  # what stops the user: wrong password, a field to correct
DANGER = "#8a1c12"  # an action that undoes work (退回修改), a refusal stated in a page
OK = "#2e7d32"  # done, accepted, the chosen option
OK_DARK = "#1d5a2a"  # a step already done (on a light background)
PRIMARY = "#1f5f99"  # the next step's button
PRIMARY_SYNC = "#1f6fb2"
HEADING = "#1f4e79"  # section and card titles
MUTED = "#5f6b76"  # subtitles, sources, secondary facts
HINT = "#555555"  # explanations under a form
FAINT = "#8a8f96"  # steps not reached yet, empty states
NOTE = "#8a5300"  # a warning written as text (keep the recovery key safe)
LINK = "#1a5fb4"
WARNING_BG, WARNING_BORDER = "#fff4cc", "#e8d27a"
PAGE_BG, CARD_BORDER = "#f3f5f8", "#d6dce4"
INVALID_BORDER, INVALID_BG = "#c62828", "#fff3f3"
VERDICT_OK, VERDICT_WARN = "#1d7a34", "#8a6100"  # 协议核验: valid / valid with a caveat (invalid: ERROR)
# A message's kind → (background, text, border): the banner above a page, the sync result blocks (edge).
BANNER = {"error": ("#fde8e6", DANGER, "#f2b8b0"), "warning": ("#fff4cc", "#6b4e00", "#e8d27a"),
          "info": ("#e6f2e8", OK_DARK, "#b5d8bc")}
RESULT = {"ok": ("#e6f2e8", OK_DARK, "#3c9a50", "✔"), "warning": ("#fff4cc", "#6b4e00", "#d9a400", "!"),
          "error": ("#fde8e6", DANGER, "#d0392b", "✘")}

# --- roles: one rule each, set on the widgets that have the role ---------------------------------
ROLE_RULES: dict[str, str] = {
    "error": f'QLabel[role="error"] {{ color: {ERROR}; }}',
    "danger": f'QLabel[role="danger"], QPushButton[role="danger"] {{ color: {DANGER}; }}',
    "muted": f'QLabel[role="muted"] {{ color: {MUTED}; }}',
    "hint": f'QLabel[role="hint"] {{ color: {HINT}; }}',
    "note": f'QLabel[role="note"] {{ color: {NOTE}; }}',
    "title": 'QLabel[role="title"] { font-size: 13pt; font-weight: bold; }',
    "count": 'QLabel[role="count"] { font-size: 12pt; font-weight: bold; }',
    "strong": 'QLabel[role="strong"] { font-weight: bold; }',
    "heading": 'QLabel[role="heading"] { font-weight: bold; font-size: 14px; margin-top: 4px; }',
    "bigTitle": 'QLabel[role="bigTitle"] { font-size: 16px; font-weight: bold; }',
    "prompt": 'QLabel[role="prompt"] { font-size: 14pt; font-weight: bold; }',
    "empty": f'QLabel[role="empty"] {{ color: {MUTED}; font-size: 12pt; }}',
    "primary": f'QPushButton[role="primary"] {{ background: {PRIMARY}; color: white; font-weight: bold; '
               'border-radius: 3px; padding: 0 14px; }',
    "confirm": f'QPushButton[role="confirm"] {{ background: {OK}; color: white; font-weight: bold; border-radius: 3px; }}',
    "finish": f'QPushButton[role="finish"]:enabled {{ background: {OK}; color: white; font-weight: bold; '
              'border-radius: 3px; padding: 0 14px; }',
    "link": f'QPushButton[role="link"] {{ color: {LINK}; text-decoration: underline; border: none; }}',
    "padded": 'QTableView[role="padded"]::item { padding: 0 10px; }',
    "touch": 'QListWidget[role="touch"]::item { min-height: 44px; }',
}
ROLES = (*ROLE_RULES, "")
# The message banner above a page: one sheet for all its kinds, the kind a dynamic property.
BANNER_STYLE = "".join(
    f'QWidget#messageBanner[kind="{kind}"] {{ background:{bg}; color:{fg}; border:1px solid {edge}; '
    f'border-radius:3px; }}\n' for kind, (bg, fg, edge) in BANNER.items()
) + "QWidget#messageBanner QLabel { background: transparent; border: none; }"
# Every role and the banner as one application style sheet, for ``apply`` (see the module docstring).
APP_STYLE = "\n".join(ROLE_RULES.values()) + "\n" + BANNER_STYLE


def apply(app: QApplication) -> None:
    """Install every role as an application style sheet (optional: ``set_role`` styles its widget itself).

    Not called at start-up: an application style sheet puts every widget of the app through Qt's
    style-sheet style, which doubled the CPU time to create and polish plain widgets here (600 labels,
    buttons, line edits and combos: 0.16 s → 0.31 s), against the start-up budget (DESIGN §8).
    """
    if app.property("surveyTheme") is not True:
        app.setStyleSheet((app.styleSheet() or "") + APP_STYLE)
        app.setProperty("surveyTheme", True)


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give ``widget`` the look of ``role`` ("" for none); returns the widget (for one-line builds)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    widget.setProperty("role", role)
    widget.setStyleSheet(ROLE_RULES.get(role, ""))  # restyles the widget at once
    return widget


def set_state(widget: QWidget, name: str, value: str, sheet: str) -> None:
    """Style ``widget`` by ``sheet``, whose rules select on the dynamic property ``name`` (``kind="error"``),
    and set that property to ``value``."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def role(widget: QWidget) -> str:
    """The role ``widget`` was given ("" for none)."""
    return widget.property("role") or ""


def steps_html(steps: list[str], current: int, *, last_done: bool = False) -> str:
    """A row of steps ① → ② → …: those before ``current`` ticked, ``current`` in bold blue, the rest grey."""
    parts = []
    for i, text in enumerate(steps):
        if i < current or (last_done and i == current):
            parts.append(f"<span style='color:{OK_DARK}'>✓ {text}</span>")
        elif i == current:
            parts.append(f"<span style='color:{PRIMARY}; font-weight:bold'>{text}</span>")
        else:
            parts.append(f"<span style='color:{FAINT}'>{text}</span>")
    return "<span style='font-size:11pt'>" + "　→　".join(parts) + "</span>"


# --- scoped sheets (set on one window; their object names mean something only there) --------------
STALE_BANNER = (f"#staleBanner {{ background: {WARNING_BG}; border: 1px solid {WARNING_BORDER}; border-radius: 3px; }}"
                " QLabel { color: #6b4e00; font-weight: bold; }")  # 测算已过期
EDITOR = f"""
QDialog#householdEditor {{ background: {PAGE_BG}; }}
QWidget#sectionsPage {{ background: {PAGE_BG}; }}
QFrame#editorSection {{ background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 6px; }}
QLabel#sectionTitle {{ font-size: 12pt; font-weight: bold; color: {HEADING}; padding-bottom: 2px; }}
QLabel#editorTitle {{ font-size: 13pt; font-weight: bold; }}
QLabel#columnHeader {{ color: #555; }}
QLabel#fieldLabel {{ color: #444; }}
QLabel#rowMessage {{ color: {ERROR}; }}
QLabel#muted {{ color: #6b6b6b; }}
QLabel#derived {{ color: #222; background: #f1f3f6; border: 1px solid #e0e4ea; border-radius: 3px; padding: 0 4px; }}
QLabel#headSummary {{ font-weight: bold; }}
QLabel#banner {{ background: #fff4d6; border: 1px solid #e2bf63; border-radius: 4px; padding: 6px 10px; }}
QLabel#problemTitle {{ font-weight: bold; color: {OK}; }}
QLabel#problemTitle[bad="true"] {{ color: {ERROR}; }}
QListWidget#problemList {{ color: {ERROR}; }}
QListWidget#problemList::item {{ padding: 4px 2px; }}
QListWidget#sectionNav {{ font-size: 10.5pt; }}
QListWidget#sectionNav::item {{ min-height: 36px; padding-left: 8px; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 2px solid {INVALID_BORDER}; background: {INVALID_BG}; }}
QCheckBox::indicator {{ width: 22px; height: 22px; }}
QPushButton {{ min-height: 34px; padding: 0 12px; }}
QPushButton#primary {{ font-weight: bold; }}
"""

# sync pages (and HQ's 人员与设备 tab): titles, steps, cards, the big action buttons
SYNC = """
QLabel#syncTitle { font-size: 15pt; font-weight: bold; color: #1f4e79; }
QLabel#syncStep { font-size: 12pt; font-weight: bold; color: #1f4e79; }
QLabel#syncHint { color: #3c4a57; font-size: 10.5pt; }
QLabel#syncStatus { font-size: 11pt; }
QFrame#syncCard { background: #f6f8fa; border: 1px solid #d5dde5; border-radius: 4px; }
QPushButton#syncAction { font-size: 12pt; font-weight: bold; padding: 8px 18px; min-height: 44px; }
QPushButton#syncPrimary { font-size: 13pt; font-weight: bold; padding: 8px 18px; min-height: 44px; color: white;
    background: #1f6fb2; border: 1px solid #175a91; border-radius: 4px; }
QPushButton#syncPrimary:hover { background: #2a7fc6; }
QPushButton#syncPrimary:pressed { background: #175a91; }
QPushButton#syncPrimary:disabled { background: #9db7cf; }
"""

# HQ 总览: figure tiles, the detail line
DASHBOARD = """
#hqDashboardTab QPushButton[tile="true"] { background: #f3f7fb; border: 1px solid #cfdbe7; border-radius: 6px;
    padding: 6px; font-size: 10pt; color: #3c4a57; min-height: 64px; }
#hqDashboardTab QPushButton[tile="true"]:hover { background: #e4eef8; }
#hqDashboardTab QPushButton[alert="true"] { background: #fdecea; border-color: #e6a6a0; }
#hqDashboardTab QPushButton[good="true"] { background: #e8f5e9; border-color: #a5d6a7; }
#hqDashboardTab QPushButton[status="true"] { padding: 4px 6px; font-size: 9pt; }
#hqDashboardTab QLabel#dashTitle { font-size: 14pt; font-weight: bold; }
#hqDashboardTab QLabel#dashDetail { background: #fafafa; border: 1px solid #e0e0e0; padding: 4px; }
"""

# 首页: day tiles, status tiles
HOME = """
#homePage QFrame#dayTile { background: #f3f7fb; border: 1px solid #cfdbe7; border-radius: 6px; }
#homePage QLabel#tileNumber { font-size: 26pt; font-weight: bold; color: #1f4e79; }
#homePage QLabel#tileCaption { font-size: 11pt; color: #3c4a57; }
#homePage QLabel#homeTitle { font-size: 16pt; font-weight: bold; }
#homePage QLabel#sectionTitle { font-size: 12pt; font-weight: bold; color: #1f4e79; }
#homePage QPushButton#statusTile { text-align: center; font-size: 11pt; padding: 8px; min-height: 56px; }
#homePage QPushButton#reviewTile { font-size: 11pt; padding: 8px; min-height: 48px; background: #fff4cc;
    border: 1px solid #e8d27a; border-radius: 4px; }
#homePage QProgressBar { min-height: 24px; font-size: 10pt; }
"""

# the navigation rail on the left of the main window
NAV_RAIL = """
#navigationRail { background: #25374a; }
#navigationRail QToolButton { color: #dfe7ef; background: transparent; border: none;
    border-left: 4px solid transparent; padding: 6px 4px; font-size: 11pt; }
#navigationRail QToolButton:hover { background: #31475e; }
#navigationRail QToolButton:checked { background: #3d5a78; color: white; border-left: 4px solid #f0b429;
    font-weight: bold; }
#navigationRail QToolButton:disabled { color: #7d8c9a; }
"""

# the start window (choose / create / join a project)
START = """
QPushButton#startChoice { text-align: left; padding: 14px 18px; font-size: 15px; border: 1px solid #b9c6d6;
    border-radius: 6px; background: #f7fafd; }
QPushButton#startChoice:hover { background: #e8f0fa; border-color: #3b6ea8; }
QLabel#startTitle { font-size: 20px; font-weight: bold; }
QLabel#startHint { color: #555; }
"""
