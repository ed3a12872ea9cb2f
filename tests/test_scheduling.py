"""The scheduling units of tests/scheduling.py name what they should: every test module that reads the app's source
trees through tests/parsed_sources.py is in the one unit that shares them (a module left out would parse them
again on the other worker), tests/pg is one unit, and any other test is its own."""

from __future__ import annotations

from pathlib import Path

from scheduling import SOURCE_RULE_MODULES, has_module_fixture, scheduling_unit

TESTS = Path(__file__).resolve().parent


def test_every_module_using_the_parsed_sources_is_in_the_source_rules_unit() -> None:
    users = sorted(f"tests/{p.relative_to(TESTS).as_posix()}" for p in TESTS.rglob("test_*.py")
                   if p.name != Path(__file__).name and "import parsed_sources" in p.read_text(encoding="utf-8"))
    assert users == sorted(SOURCE_RULE_MODULES)
    assert {scheduling_unit(f"{m}::test_x[a]") for m in users} == {"source rules"}


def test_postgresql_is_one_unit_and_other_tests_their_own() -> None:
    assert scheduling_unit("tests/pg/test_pg_gui.py::test_x") == "tests/pg"
    assert scheduling_unit("tests/ui/test_main_window.py::test_x") == "tests/ui/test_main_window.py::test_x"


def test_a_module_with_a_module_scoped_fixture_is_one_unit() -> None:
    module = "tests/ui/first_screen/test_start_order.py"  # its two real app starts, read by four tests
    assert has_module_fixture(module) and not has_module_fixture("tests/ui/test_main_window.py")
    assert {scheduling_unit(f"{module}::test_a"), scheduling_unit(f"{module}::test_b[x]")} == {module}
    assert not has_module_fixture("tests/no_such_module.py")
