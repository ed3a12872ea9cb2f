"""Package layering inside survey_app.core (issue 11 item 3): no two core packages import each other.

``package_edges()`` reads every source file of the core with ``ast`` (imports inside functions included:
a lazy import is still a dependency) and returns which core package imports which. Each test below names
one pair that must depend one way only. (tests/core/test_layering.py holds the Qt/sqlalchemy rules.)
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import parsed_sources

import survey_app

CORE = Path(survey_app.__file__).parent / "core"
PREFIX = "survey_app.core."


def _package_of(module: str) -> str | None:
    """``survey_app.core.storage.uow`` → ``storage``; a module directly in core (``core.files``) → its name."""
    if not module.startswith(PREFIX):
        return None
    return module[len(PREFIX):].split(".")[0]


def _imported_modules(path: Path) -> set[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved; ``from core import x`` → x)."""
    parts = list(path.relative_to(CORE.parent.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    names: set[str] = set()
    for node in parsed_sources.nodes(path):  # parsed once per test process (tests/parsed_sources.py)
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = parts[:len(parts) - node.level] if path.name != "__init__.py" else parts[:len(parts) + 1 - node.level]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)  # ``from survey_app.core import storage``
    return names


@lru_cache(maxsize=1)
def package_edges() -> dict[str, frozenset[str]]:
    """core package → the other core packages its modules import (module-level and lazy imports alike)."""
    edges: dict[str, set[str]] = {}
    for path in parsed_sources.python_files(CORE):
        rel = path.relative_to(CORE)
        if "migrations" in rel.parts or len(rel.parts) == 1:  # migrations; core's own top-level modules
            continue
        source = rel.parts[0]
        targets = {_package_of(m) for m in _imported_modules(path)}
        edges.setdefault(source, set()).update(t for t in targets if t and t != source and (CORE / t).is_dir())
    return {k: frozenset(v) for k, v in edges.items()}


def importers(a: str, b: str) -> list[str]:
    """Files of core package ``a`` that import core package ``b`` (for a readable failure)."""
    out = []
    for path in parsed_sources.python_files(CORE / a):
        if any(_package_of(m) == b for m in _imported_modules(path)):
            out.append(str(path.relative_to(CORE)))
    return sorted(out)


def assert_one_way(a: str, b: str) -> None:
    """At most one of ``a → b`` and ``b → a``."""
    edges = package_edges()
    both = b in edges.get(a, ()) and a in edges.get(b, ())
    assert not both, f"core.{a} ↔ core.{b}: {importers(a, b)} import {b}; {importers(b, a)} import {a}"


def test_the_edges_are_found() -> None:
    """The walk sees the real imports (a test that cannot fail is a defect)."""
    edges = package_edges()
    assert {"storage", "security", "services", "sync", "domain"} <= set(edges)
    assert "storage" in edges["security"]  # keys.py reads the devices table
    assert "sync" in edges["services"]  # the services orchestrate sync
    assert "domain" in edges["storage"]


def test_storage_and_security_depend_one_way() -> None:
    """The audit chain lives in storage; security builds on storage, never the reverse."""
    assert_one_way("storage", "security")
    assert "security" not in package_edges()["storage"]


def test_no_two_core_packages_import_each_other() -> None:
    """Layers, lowest first: domain < compensation < storage < security < sync < services (documents beside
    services): services ↔ sync, services ↔ storage and security ↔ sync were cycles once."""
    edges = package_edges()
    for a in sorted(edges):
        for b in sorted(edges[a]):
            assert_one_way(a, b)


def test_sync_and_storage_never_import_the_services() -> None:
    assert importers("sync", "services") == []
    assert importers("storage", "services") == []
    assert importers("security", "sync") == []
