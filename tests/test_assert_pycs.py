"""tests/assert_pycs.py: each pytest-xdist worker writes its share of the rewritten test modules, as pytest would."""

from __future__ import annotations

from pathlib import Path

import assert_pycs
import pytest
from _pytest.assertion import rewrite


def test_the_shares_cover_every_rewritten_module_once(pytestconfig: pytest.Config) -> None:
    paths = assert_pycs.rewritten_modules(pytestconfig)
    assert Path(__file__) in paths and Path(assert_pycs.__file__).with_name("conftest.py") in paths
    assert not [p for p in paths if p.name == "assert_pycs.py"]  # a helper: imported as Python imports it
    shares = [assert_pycs.share(paths, worker, 2) for worker in range(2)]
    assert sorted(shares[0] + shares[1]) == sorted(paths) and not set(shares[0]) & set(shares[1])


def test_a_worker_writes_its_share_as_pytests_own_rewriting_reads_it(
        pytestconfig: pytest.Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "tests"
    folder.mkdir()
    for name in ("test_one.py", "test_two.py", "conftest.py", "helper.py"):
        (folder / name).write_text(f"def test_{name[:-3]}():\n    value = 1\n    assert value == 2\n", encoding="utf-8")
    monkeypatch.setattr(assert_pycs, "TESTS", folder)
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "2")
    pycs = {p.name: rewrite.get_cache_dir(p) / (p.name[:-3] + rewrite.PYC_TAIL) for p in folder.iterdir()}

    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    assert assert_pycs.write_share(pytestconfig) == 1  # one of three, the others gw0's
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    assert assert_pycs.write_share(pytestconfig) == 2
    assert assert_pycs.write_share(pytestconfig) == 0  # made: nothing to do on the next run
    assert not pycs["helper.py"].exists()

    for name in ("test_one.py", "test_two.py", "conftest.py"):
        code = rewrite._read_pyc(folder / name, pycs[name])  # what pytest's import accepts
        assert code is not None, name
        namespace: dict = {}
        exec(code, namespace)
        with pytest.raises(AssertionError) as failed:
            namespace[f"test_{name[:-3]}"]()
        assert "assert 1 == 2" in str(failed.value)  # the rewritten assert explains itself

    (folder / "test_one.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    assert rewrite._read_pyc(folder / "test_one.py", pycs["test_one.py"]) is None  # changed source: not used


def test_outside_a_worker_nothing_is_written(pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert assert_pycs.write_share(pytestconfig) == 0
