"""The editor's style sheet: sections as white cards, red marks on fields with a problem, 34 px targets.

Only colours, borders and minimum sizes: the platform style draws the widgets themselves.
"""

STYLE = """
QDialog#householdEditor { background: #f3f5f8; }
QWidget#sectionsPage { background: #f3f5f8; }
QFrame#editorSection { background: #ffffff; border: 1px solid #d6dce4; border-radius: 6px; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; color: #1f4e79; padding-bottom: 2px; }
QLabel#editorTitle { font-size: 13pt; font-weight: bold; }
QLabel#columnHeader { color: #555; }
QLabel#fieldLabel { color: #444; }
QLabel#rowMessage { color: #b3261e; }
QLabel#muted { color: #6b6b6b; }
QLabel#derived { color: #222; background: #f1f3f6; border: 1px solid #e0e4ea; border-radius: 3px; padding: 0 4px; }
QLabel#headSummary { font-weight: bold; }
QLabel#banner { background: #fff4d6; border: 1px solid #e2bf63; border-radius: 4px; padding: 6px 10px; }
QLabel#problemTitle { font-weight: bold; color: #2e7d32; }
QLabel#problemTitle[bad="true"] { color: #b3261e; }
QListWidget#problemList { color: #b3261e; }
QListWidget#problemList::item { padding: 4px 2px; }
QListWidget#sectionNav { font-size: 10.5pt; }
QListWidget#sectionNav::item { min-height: 36px; padding-left: 8px; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 2px solid #c62828; background: #fff3f3; }
QCheckBox::indicator { width: 22px; height: 22px; }
QPushButton { min-height: 34px; padding: 0 12px; }
QPushButton#primary { font-weight: bold; }
"""
