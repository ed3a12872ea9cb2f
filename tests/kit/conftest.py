"""UI kit tests (pytest-qt, offscreen): the configured table, the list+detail pattern, the theme."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
