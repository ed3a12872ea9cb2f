"""Which tests pytest-xdist hands to one worker together (tests/conftest.py ``pytest_xdist_make_scheduler``).

- tests/pg: its fixtures start a PostgreSQL server once per test process, so a run starts one server, not one
  per worker.
- The modules whose rules read the app's source trees through tests/parsed_sources.py (parsed once per test
  process, ~1.6 CPU-s): on one worker the trees are parsed once a run, not once per worker.
  tests/test_scheduling.py checks that every module using parsed_sources is named here.

- tests/ui/first_screen/test_start_order.py: its two real starts (~2 CPU-s each) run once for the module and are
  read by several tests (module-scoped fixtures): on one worker they run once a run.

Every other test is its own unit, balanced by load as ``-n`` does.
"""

from __future__ import annotations

SOURCE_RULE_MODULES = ("tests/core/test_layering.py", "tests/test_core_layers.py", "tests/storage/test_write_path.py",
                       "tests/core/test_transitions_and_vocabulary.py", "tests/ui/test_translation.py")


# Modules whose module-scoped fixtures start real processes that several of their tests read.
SHARED_RUN_MODULES = ("tests/ui/first_screen/test_start_order.py",)


def scheduling_unit(nodeid: str) -> str:
    """The unit a test is handed to a worker in."""
    if nodeid.startswith("tests/pg/"):
        return "tests/pg"
    module = nodeid.split("::")[0]
    if module in SOURCE_RULE_MODULES:
        return "source rules"
    if module in SHARED_RUN_MODULES:
        return module
    return nodeid
