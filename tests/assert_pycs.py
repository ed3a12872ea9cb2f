"""On a fresh checkout, the pytest-xdist workers share the rewriting of the test modules' asserts.

Every worker collects every test module, and the first collection of a checkout rewrites each module's asserts
and compiles it (pytest keeps the result in ``__pycache__``, tests/conftest.py). Both workers used to do all of
it, the same files at the same moment: a cold collection took 9.5 s of CPU against 3.5 s warm, in each worker
(the first run of CI's fresh clone). Here each worker, before it collects, writes its share of the rewritten
modules with pytest's own rewriting; the other worker then finds them made. A module not yet written when a
worker gets to it is rewritten by that worker, as before; the written file is pytest's own checked-hash
``.pyc``, which its import verifies against the source, so a stale or half-written one is never used.

This uses pytest's assertion-rewriting internals (``_pytest.assertion.rewrite``); if they change shape, the
workers simply rewrite everything themselves again (tests/test_assert_pycs.py fails, to say so).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def rewritten_modules(config: pytest.Config) -> list[Path]:
    """The modules under tests/ whose asserts pytest rewrites: test files and conftest files, largest first."""
    patterns = config.getini("python_files")
    paths = [p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts
             and (p.name == "conftest.py" or any(p.match(pattern) for pattern in patterns))]
    return sorted(paths, key=lambda p: (-p.stat().st_size, str(p)))


def share(paths: list[Path], worker: int, workers: int) -> list[Path]:
    """This worker's share: every ``workers``-th module of the size-ordered list, so the shares weigh the same."""
    return paths[worker::workers]


def write_share(config: pytest.Config) -> int:
    """In a pytest-xdist worker, write this worker's share of rewritten modules that have no cached file yet.
    Returns how many it wrote (0 outside a worker, or when the cache is made)."""
    name, count = os.environ.get("PYTEST_XDIST_WORKER", ""), os.environ.get("PYTEST_XDIST_WORKER_COUNT", "")
    if not name.startswith("gw") or not count.isdigit() or int(count) < 2:
        return 0
    from _pytest.assertion import rewrite

    state = config.stash[rewrite.assertstate_key]
    written = 0
    for path in share(rewritten_modules(config), int(name[2:]), int(count)):
        pyc = rewrite.get_cache_dir(path) / (path.name[:-3] + rewrite.PYC_TAIL)
        if pyc.exists() or not rewrite.try_makedirs(pyc.parent):  # made (collection checks it), or read-only
            continue
        source_hash, code = rewrite._rewrite_test(path, config)
        written += rewrite._write_pyc(state, code, source_hash, pyc)
    return written
