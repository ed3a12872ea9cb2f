"""Fixtures shared by every tier: a real SQLite file per test (after Vorta's tests/unit/conftest.py).

Speed without testing less: databases that many tests start from (an empty migrated one, the small demo)
are made once per run — by whichever test process needs one first, under a file lock, shared by the
pytest-xdist workers (``shared_template``; so are the sync demo, ``shared_sync_demo``, and the real encrypted
projects of the project, vault and recovery tests, ``shared_project_files``) — and copied per test; key derivation
runs cheap: 2^10 for what a test writes for itself (this process's readers accept it), 2^14 for shared files and
for tests marked ``real_process_keys`` (a real process's floor; tests/key_costs.py), the production costs for
tests marked ``real_kdf_cost``; the CLI runs in this process (``cli``) except in the few
tests that need a real process; tests/pg runs on one worker (one PostgreSQL server per run)."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import assert_pycs
import pytest
from key_costs import cheap_kdf as _cheap_kdf
from key_costs import shared_key_cost
from scheduling import scheduling_unit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Where PYTHONDONTWRITEBYTECODE is set (as on the project's build machine), pytest would rewrite the asserts of
# every test module anew in every test process and keep nothing: ~12 of the ~20 CPU-s a process spends
# collecting, twice under `-n 2`. The tests keep their rewritten modules (and Python its .pyc) in __pycache__.
sys.dont_write_bytecode = False


RAM_DISK = Path("/dev/shm")  # Linux's tmpfs; elsewhere (Windows, macOS) the run keeps the system's temp folder
RAM_DISK_NEEDED = 4 * 2**30  # a whole run writes ~2 GB of databases, bundles and PDFs; the last run is kept


def _on_ram_disk() -> bool:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").split("\n")
        return (any(line.split()[1:3] == [str(RAM_DISK), "tmpfs"] for line in mounts if line.strip())
                and shutil.disk_usage(RAM_DISK).free >= RAM_DISK_NEEDED)
    except (OSError, IndexError):
        return False


def pytest_configure(config: pytest.Config) -> None:
    """The run's temp files (pytest's tmp_path, and every temp folder the app makes, through TMPDIR) go to a RAM
    disk when the machine has one with room to spare: still real files, in a real file system, but without the
    disk's fsync on every SQLite commit (``synchronous=FULL``) and unlink on every cleanup — ~12 % of the suite's
    wall time on this machine's disk (215 → 190 s, measured side by side). The xdist workers inherit TMPDIR.
    ``SURVEY_APP_TEST_TMP=disk``, a ``--basetemp`` or a TMPDIR of one's own keeps the run where it was.

    A warning from SQLAlchemy (SAWarning) fails the test. The filter is added here, in the processes that run
    tests, not in pyproject.toml: naming the category imports SQLAlchemy (~0.2 s), which the xdist controller
    would otherwise do before it starts its workers."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", None):  # not xdist's controller
        config.addinivalue_line("filterwarnings", "error::sqlalchemy.exc.SAWarning")
    try:
        assert_pycs.write_share(config)  # a fresh checkout: the workers share the asserts' rewriting
    except (AttributeError, ImportError, TypeError, KeyError):  # pytest's internals moved: each rewrites all
        pass
    if (os.environ.get("SURVEY_APP_TEST_TMP") == "disk" or config.option.basetemp or "TMPDIR" in os.environ
            or os.environ.get("PYTEST_XDIST_WORKER") or not _on_ram_disk()):
        return
    import getpass
    import tempfile

    folder = RAM_DISK / f"survey_app-tests-{getpass.getuser()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = str(folder)


def pytest_collection_finish(session: pytest.Session) -> None:
    """The modules, fixtures and test items a process collected live until it ends: move them out of the cyclic
    garbage collector's sight (``gc.freeze``) and let it run less often. Each UI test spent ~12 % of its CPU
    re-scanning them (measured on tests/ui: 1.9 of 15.8 CPU-s; 0.5 after). Collection itself still runs, so a
    test that needs a cycle collected (``gc.collect()``) gets it."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """pytest's unraisable-exception check collects garbage twice after the last test, each a full pass over the
    million-odd objects the tests left (~0.9 CPU-s a pass per worker). One pass here, while its hook still
    records what a finaliser raises, then the survivors frozen: pytest's own passes then look only at what is
    made after this one, and report what this one found."""
    import gc

    gc.collect()
    gc.freeze()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Load balancing as ``-n`` does, except for two units that each run whole on one worker: tests/pg (whose
    fixtures start a PostgreSQL server, once per test process), so a run starts one server, not one per worker;
    and the rules that read the app's source trees (tests/scheduling.py), so the trees are parsed once.
    (xdist's own ``xdist_group`` marks can't do it under pytest 9: the group suffix it writes to a node id is
    ignored.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class OnePostgresWorker(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scheduling_unit(nodeid)

    return OnePostgresWorker(config, log)


def _templates_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder: the workers' temp folders are its children
    folder = root / "templates"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session", autouse=True)
def _templates_for_helpers(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Helper modules that build shared files themselves (tests/sync/sync_setup.py) find the folder here."""
    os.environ["SURVEY_TEST_TEMPLATES"] = str(_templates_folder(tmp_path_factory))


def shared_template(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The file (or folder) ``name`` made by ``make(path)`` once per test run and shared by every test process.

    Under pytest-xdist the workers' temp folders share a parent: the first worker to need the file makes it
    there while holding a lock file (the others wait on the lock, then find it made); ``make`` writes to a
    temporary name, renamed when complete, so no one ever copies half a template. Tests copy it, never open
    it for writing."""
    from survey_app.core.platform import file_lock

    folder = _templates_folder(tmp_path_factory)
    path = folder / name
    with file_lock(folder / f"{name}.lock", timeout=900):
        if not path.exists():
            partial = folder / f"{name}.partial"
            for stale in folder.glob(f"{name}.partial*"):  # a killed worker's leftovers (we hold the lock)
                if stale.is_dir():
                    shutil.rmtree(stale)
                else:
                    stale.unlink()
            with shared_key_cost():  # a real process may open it (``SHARED_KEY_N``)
                make(partial)
            os.replace(partial, path)
    return path


@pytest.fixture(scope="session")
def shared_templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Callable[[Path], None]], Path]:
    """``shared_templates(name, make)``: ``shared_template`` for the conftest modules of the sub-folders."""
    return lambda name, make: shared_template(tmp_path_factory, name, make)


@pytest.fixture(scope="session")
def shared_sync_demo(tmp_path_factory: pytest.TempPathFactory):
    """``shared_sync_demo(households)``: the sync demo (``create_sync_demo``: an HQ and two enrolled laptops, D01 and
    D02) made once per run for each size and shared by every module and test process, as the templates are
    (each module made its own, once per process: three sealed keys and the demo, ~2–4 CPU-s a time). Made on
    the project day and at the tests' key-derivation costs, with its own data folder. Tests copy the folder
    (``demo.hq.parent``), never write into it."""
    from survey_app.core.domain import china_time
    from survey_app.core.services.demo.sync_demo import SyncDemo, create_sync_demo

    def get(households: int) -> SyncDemo:
        def make(path: Path) -> None:
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(china_time, "today", lambda: TEST_DAY)
                mp.setenv("SURVEY_APP_DATA", str(tmp_path_factory.mktemp("sync_demo_data")))
                _cheap_kdf(mp)
                made = create_sync_demo(path, households=households)
            assert made.devices == {"D01": path / "d01.sqlite3", "D02": path / "d02.sqlite3"}, made.devices

        folder = shared_template(tmp_path_factory, f"sync_demo_{households}", make)
        return SyncDemo(folder / "hq.sqlite3", {"D01": folder / "d01.sqlite3", "D02": folder / "d02.sqlite3"},
                        folder / "usb")

    return get


@dataclass
class CliResult:
    """What a script sees of one ``survey-app`` run."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """``cli(*args, env={...}, cwd=None)``: ``survey-app *args`` run by its entry point ``survey_app.cli.main``
    in this process, as a script with no terminal would (stdin at end of file, stdout and stderr captured,
    ``SURVEY_APP_*`` variables only as ``env`` gives them; None unsets one). Same parser, handlers, messages
    and exit codes as a real process, without ~1 CPU-s of start-up and the production key-derivation cost;
    an exception the CLI does not turn into a message propagates (a real process would print a traceback),
    so it fails the test. Keep one real-process run per module for what only a process shows."""
    from survey_app.cli import main

    def run(*args: object, env: dict[str, str | None] | None = None, cwd: Path | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with pytest.MonkeyPatch.context() as mp:
            for key in [k for k in os.environ if k.startswith("SURVEY_APP_")]:
                mp.delenv(key)
            for key, value in (env or {}).items():
                if value is None:
                    mp.delenv(key, raising=False)
                else:
                    mp.setenv(key, value)
            if cwd is not None:
                mp.chdir(cwd)
            mp.setattr(sys, "stdin", io.StringIO(""))
            mp.setattr(sys, "stdout", out)
            mp.setattr(sys, "stderr", err)
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


# The demo policy is a 2023 scheme: calculations and signings in tests happen on a fixed day inside its
# first signing-reward tier, so no test depends on the real date.
TEST_DAY = dt.date(2023, 7, 1)


@pytest.fixture(autouse=True)
def _modal_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """A modal dialog nobody closes fails its test after a minute, with what it said (tests/modal_guard.py)."""
    if "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from modal_guard import LIMIT_S, ModalGuard

    guard = ModalGuard()
    yield
    closed = guard.stop()
    guard.deleteLater()
    if closed:
        pytest.fail(f"a modal dialog stayed open {LIMIT_S:.0f} s and was closed: " + "; ".join(closed))


@pytest.fixture(autouse=True)
def _project_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from survey_app.core.domain import china_time

    monkeypatch.setattr(china_time, "today", lambda: TEST_DAY)


@pytest.fixture(scope="session")
def shared_project_files(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Callable[[Path], None]], Path]:
    """``shared_project_files(name, make)``: the folder ``make(folder)`` fills (a real project: its encrypted
    database and key vault), made once per run as a test would make it — on the project day, at the tests'
    key-derivation costs, with its own data folder — and shared by the test processes like the templates.
    An encrypted project can't start from the migrated template (its key is its own): making one costs
    ~0.5 CPU-s of migrations, keys and vault. Tests copy the folder's files, never open them in place."""

    def get(name: str, make: Callable[[Path], None]) -> Path:
        from survey_app.core.domain import china_time

        def build(folder: Path) -> None:
            folder.mkdir()
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(china_time, "today", lambda: TEST_DAY)
                mp.setenv("SURVEY_APP_DATA", str(tmp_path_factory.mktemp("project_data")))
                _cheap_kdf(mp)
                make(folder)

        return shared_template(tmp_path_factory, name, build)

    return get


@pytest.fixture(autouse=True)
def _test_kdf_cost(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if request.node.get_closest_marker("real_kdf_cost") is not None:
        yield
        return
    _cheap_kdf(monkeypatch)
    if request.node.get_closest_marker("real_process_keys") is None:
        yield
        return
    with shared_key_cost():  # the files it writes go to a real process
        yield


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the real per-user data folder from a test.
    monkeypatch.setenv("SURVEY_APP_DATA", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.sqlite3"


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database at the head revision, migrated once per run (~0.2 CPU-s each time saved)."""
    from survey_app.core.storage.database import Database

    return shared_template(tmp_path_factory, "empty.sqlite3", lambda path: Database(path).dispose())


@pytest.fixture
def db(_empty_template: Path, db_path: Path):
    """A new, empty database (a copy of ``_empty_template``: the same file a first open migrates to)."""
    import shutil

    from survey_app.core.storage.database import Database

    shutil.copyfile(_empty_template, db_path)
    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo project, made once per run (migrations + generation cost ~1 s)."""
    from survey_app.core.domain import china_time
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database

    def make(path: Path) -> None:
        database = Database(path)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(china_time, "today", lambda: TEST_DAY)
            _cheap_kdf(mp)
            create_demo(database, households=60, seed=3)
        database.dispose()  # checkpoints the WAL into the file: one self-contained file to copy

    return shared_template(tmp_path_factory, "demo.sqlite3", make)


@pytest.fixture
def demo_db(_demo_template: Path, db_path: Path):
    """A database holding a small demo project (60 households, seed 3): a fresh copy of the template."""
    import shutil

    from survey_app.core.storage.database import Database

    shutil.copyfile(_demo_template, db_path)
    database = Database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def admin():
    from survey_app.core.domain.roles import Role
    from survey_app.core.storage.uow import Actor

    return Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
