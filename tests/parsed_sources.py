"""The app's source files parsed once per test process, for the architecture rules that read code with ``ast``.

Each rule used to parse the files it scans itself: the layering rules, the write-path rule and the vocabulary
rule each parsed all of survey_app (or all of its UI) again, ~1.3 CPU-s a time. The files don't change during a
run, so the trees (and the list of their nodes, which every rule walks) are read once and shared. Callers only
read them."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import survey_app

PACKAGE = Path(survey_app.__file__).parent


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@functools.cache
def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of ``path``'s tree, in ``ast.walk`` order."""
    return tuple(ast.walk(_tree(path)))


@functools.cache
def python_files(folder: Path = PACKAGE) -> tuple[Path, ...]:
    """The .py files under ``folder``, sorted (the listing is cached too: rglob over the package costs ~30 ms)."""
    return tuple(sorted(folder.rglob("*.py")))


@functools.cache
def imports(path: Path) -> frozenset[str]:
    """The absolute module names ``path`` imports (``import x`` and ``from x import y``; relative imports not)."""
    names: set[str] = set()
    for node in nodes(path):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return frozenset(names)
