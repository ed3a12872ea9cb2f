"""Architecture rules of DESIGN.md §2 that code can check."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import parsed_sources

import survey_app

PACKAGE = Path(survey_app.__file__).parent


def _imports(path: Path) -> frozenset[str]:
    return parsed_sources.imports(path)  # parsed once per test process (tests/parsed_sources.py)


def test_importing_all_of_core_does_not_load_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages([str(PACKAGE / "core")], "survey_app.core.")
               if ".migrations." not in m.name + "."]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
            "print(len(sys.modules)); assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(modules) > 20  # the walk found the core, not an empty folder


def test_core_sources_never_import_qt() -> None:
    offenders = [str(p) for p in parsed_sources.python_files(PACKAGE / "core")
                 if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(p))]
    assert offenders == []


def test_ui_sources_never_import_sqlalchemy() -> None:
    ui_files = parsed_sources.python_files(PACKAGE / "ui")
    offenders = [str(p) for p in ui_files if any(n.split(".")[0] == "sqlalchemy" for n in _imports(p))]
    assert offenders == []


def test_no_python_file_is_past_the_size_rule() -> None:
    too_long = [f"{p} ({n} lines)" for p in PACKAGE.rglob("*.py")
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
                and "migrations" not in p.parts]
    assert too_long == []


def test_ui_imports_services_and_domain_never_storage() -> None:
    """Issue 11 item 1: the UI speaks the services' vocabulary (Database as an opaque handle, Actor and
    ChangeSet from core/domain), never the storage package."""
    offenders = [f"{p.relative_to(PACKAGE)}: {n}" for p in parsed_sources.python_files(PACKAGE / "ui")
                 for n in _imports(p) if n.startswith("survey_app.core.storage")]
    assert offenders == []


def _calls_changeset(path: Path) -> list[int]:
    return [node.lineno for node in parsed_sources.nodes(path) if isinstance(node, ast.Call)
            and ((isinstance(node.func, ast.Name) and node.func.id == "ChangeSet")
                 or (isinstance(node.func, ast.Attribute) and node.func.attr == "ChangeSet"))]


def test_ui_never_builds_a_changeset() -> None:
    """Issue 11 item 1: the UI publishes the ChangeSet a service's commit produced, never one of its own."""
    offenders = [f"{p.relative_to(PACKAGE)}:{line}" for p in parsed_sources.python_files(PACKAGE / "ui")
                 for line in _calls_changeset(p)]
    assert offenders == []
    assert _calls_changeset(PACKAGE / "core" / "storage" / "uow.py")  # the check sees a real construction
