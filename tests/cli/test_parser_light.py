"""Building the `survey-app` parser, and what `main()` imports before any handler, import no storage layer: `--help`, a mistyped command and every real CLI
process would otherwise pay SQLAlchemy's import (~1 CPU-s) before doing anything (cli/__init__.py's rule:
heavy imports belong inside the handlers), and `survey-app gui` would import it before its login dialog paints."""

from __future__ import annotations

import subprocess
import sys


def test_the_parser_is_built_without_importing_sqlalchemy() -> None:
    code = ("import sys; from survey_app.cli import build_parser, common; build_parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
