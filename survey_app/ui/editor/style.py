"""The editor's style sheet: sections as white cards, red marks on fields with a problem, 34 px targets.

The sheet itself is in the theme (ui/kit/theme.py, built from its named colours); set on the dialog.
"""

from survey_app.ui.kit.theme import EDITOR as STYLE

__all__ = ["STYLE"]
