"""Which tests pytest-xdist hands to one worker together (tests/conftest.py ``pytest_xdist_make_scheduler``).

- tests/pg: its fixtures start a PostgreSQL server once per test process, so a run starts one server, not one
  per worker.
- The modules whose rules read the app's source trees through tests/parsed_sources.py (parsed once per test
  process, ~1.6 CPU-s): on one worker the trees are parsed once a run, not once per worker.
  tests/test_scheduling.py checks that every module using parsed_sources is named here.
- A module with a module-scoped fixture (``scope="module"`` in its source): what the fixture makes once for
  the module (real app starts, rendered PDFs, a sync world) is made once a run, not once per worker that
  happens to get one of its tests.

Every other test is its own unit, balanced by load as ``-n`` does.
"""

from __future__ import annotations

import functools
from pathlib import Path

SOURCE_RULE_MODULES = ("tests/core/test_layering.py", "tests/test_core_layers.py", "tests/storage/test_write_path.py",
                       "tests/core/test_transitions_and_vocabulary.py", "tests/ui/test_translation.py")

ROOT = Path(__file__).resolve().parent.parent  # pytest's rootdir: node ids are relative to it


@functools.cache
def has_module_fixture(module: str) -> bool:
    """Whether the test module ``module`` (a node id's file part) defines a module-scoped fixture."""
    try:
        return 'scope="module"' in (ROOT / module).read_text(encoding="utf-8")
    except OSError:
        return False


def scheduling_unit(nodeid: str) -> str:
    """The unit a test is handed to a worker in."""
    if nodeid.startswith("tests/pg/"):
        return "tests/pg"
    module = nodeid.split("::")[0]
    if module in SOURCE_RULE_MODULES:
        return "source rules"
    if has_module_fixture(module):
        return module
    return nodeid
