"""Fixtures for the tests that run against a real PostgreSQL server (marked ``postgres``).

One server per test process (pg_server.py: initdb + pg_ctl on loopback in a temp folder), stopped at the
end of the session. Migrations run once into a template database; every test gets its own database made
from it with ``CREATE DATABASE … TEMPLATE …`` (a copy made by the server, a fraction of a second), dropped
after the test. The demo template (60 households, seed 3, as tests/conftest.py's ``demo_db``) is made
once the same way.

The tests are skipped, with the reason, only when the server binaries or psycopg are not installed
(`make test` installs both: packaging/debian-packages.txt, the ``postgres`` extra).
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # pg_server, pg_world
sys.path.insert(0, str(Path(__file__).parent.parent / "sync"))  # sync_setup: the same world, HQ on PostgreSQL

import pg_server
import pg_world
from key_costs import cheap_kdf
from pg_world import TEST_DAY
from sync_setup import Device, World

MIGRATED = "survey_migrated"
DEMO = "survey_demo"
SIGNED = "survey_signed"
_SERVERS: list[pg_server.Server] = []  # this process's (for the timings in the summary)


def _ram_disk() -> Path | None:
    """/dev/shm when the run's temp files are there (tests/conftest.py ``pytest_configure``; not with
    ``SURVEY_APP_TEST_TMP=disk`` or a TMPDIR of one's own): every test copies a template database (CREATE
    DATABASE … STRATEGY FILE_COPY writes ~8 MB of catalog files and checkpoints twice), 90–250 ms each on the
    disk, ~30 ms there. The server's folder goes in /dev/shm itself: as root it runs as another account, which
    can't enter the run's own folder. None (the harness's own choice) otherwise."""
    import tempfile

    shm = Path("/dev/shm")
    if not Path(tempfile.gettempdir()).is_relative_to(shm):
        return None
    return shm if shutil.disk_usage(shm).free >= 1 << 30 else None


@pytest.fixture(scope="session")
def pg_server_running() -> Iterator[pg_server.Server]:
    """A PostgreSQL server of this test process's own (skips when none can be started here)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]'; `make test` installs it)")
    if pg_server.find_bindir() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: Debian package "
                    "'postgresql' (packaging/debian-packages.txt; `make test` installs it as root)")
    started = time.perf_counter()
    server = pg_server.start_server(_ram_disk())
    server.timings["server start"] = [time.perf_counter() - started]
    _SERVERS.append(server)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_migrated(pg_server_running: pg_server.Server) -> str:
    """The template database with every migration applied (its name)."""
    from survey_app.core.storage.database import Database

    pg_server_running.sql(f"CREATE DATABASE {MIGRATED}")
    started = time.perf_counter()
    Database(pg_server_running.url(MIGRATED)).dispose()  # no connection may stay open on a template
    pg_server_running.timings["migrate to head"] = [time.perf_counter() - started]
    return MIGRATED


@pytest.fixture(scope="session")
def pg_demo(pg_server_running: pg_server.Server, pg_migrated: str) -> str:
    """The template database holding the small demo project (60 households, seed 3)."""
    from survey_app.core.domain import china_time
    from survey_app.core.services.demo import create_demo
    from survey_app.core.storage.database import Database

    pg_server_running.sql(f"CREATE DATABASE {DEMO} TEMPLATE {pg_migrated}")
    db = Database(pg_server_running.url(DEMO))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(china_time, "today", lambda: TEST_DAY)  # as tests/conftest.py's demo template
        cheap_kdf(mp)  # (a session fixture is made before the autouse ones that make a test's key costs cheap)
        create_demo(db, households=60, seed=3)
    db.dispose()
    return DEMO


@pytest.fixture
def pg_url(pg_server_running: pg_server.Server, pg_migrated: str) -> Iterator[str]:
    """The URL of an empty, migrated database of this test's own."""
    url = pg_server_running.copy_database(pg_migrated)
    yield url
    pg_server_running.drop_database(url)


@pytest.fixture
def pg_db(pg_url: str):
    from survey_app.core.storage.database import Database

    db = Database(pg_url)
    yield db
    db.dispose()


@pytest.fixture
def pg_demo_url(pg_server_running: pg_server.Server, pg_demo: str) -> Iterator[str]:
    """The URL of a copy of the demo template, this test's own."""
    url = pg_server_running.copy_database(pg_demo)
    yield url
    pg_server_running.drop_database(url)


@pytest.fixture
def pg_demo_db(pg_demo_url: str):
    from survey_app.core.storage.database import Database

    db = Database(pg_demo_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def pg_signed(pg_server_running, pg_demo: str) -> str:
    """The template database holding tests/reports' signed project (tests/reports/conftest.py
    ``sign_fixture_project``, the same steps on the server), made once per test process: test_pg_reports and
    test_pg_money_ledger both copy it (test_pg_reports.py ``signed_db``)."""
    from survey_app.core.domain import china_time
    from survey_app.core.storage.database import Database
    from tests.reports.conftest import SIGN_DAY, sign_fixture_project

    pg_server_running.sql(f"DROP DATABASE IF EXISTS {SIGNED}", f"CREATE DATABASE {SIGNED} TEMPLATE {pg_demo}")
    db = Database(pg_server_running.url(SIGNED))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(china_time, "today", lambda: SIGN_DAY)
        cheap_kdf(mp)
        sign_fixture_project(db)
    db.dispose()  # no connection may stay open on a template
    return SIGNED


# The sync world with HQ on PostgreSQL (tests/sync/sync_setup.py's), for the import tests.
@pytest.fixture(scope="session")
def world_template(pg_server_running, pg_migrated: str, tmp_path_factory: pytest.TempPathFactory):
    """The world built once per test process (~3.5 CPU-s; test_pg_import and test_pg_import_round_trips share
    it): HQ in a template database, the laptops' files in a folder. Tests copy both (``world``)."""
    from survey_app.core.domain import china_time

    folder = tmp_path_factory.mktemp("pg_world")
    url = pg_server_running.copy_database(pg_migrated)
    with pytest.MonkeyPatch.context() as mp:  # what the function-scoped autouse fixtures do for a test
        mp.setattr(china_time, "today", lambda: TEST_DAY)
        mp.setenv("SURVEY_APP_DATA", str(folder / "data"))
        cheap_kdf(mp)  # its keys are read in this process only: sealed at the tests' 2^10, not production's 2^15
        template = pg_world.build(folder, url)
    pg_world.close(template)  # no connection may stay open on a template database
    yield folder, url, template
    pg_server_running.drop_database(url)


@pytest.fixture
def world(world_template, pg_server_running, tmp_path: Path):
    """A copy of the world: HQ from the template database, the laptops' files copied."""
    from survey_app.core.services.startup import open_database

    folder, url, template = world_template
    hq_url = pg_server_running.copy_database(url.rsplit("/", 1)[1])
    (tmp_path / "usb").mkdir()
    devices = []
    for n, d in enumerate(template.devices, 1):
        shutil.copyfile(folder / f"d{n}.sqlite3", tmp_path / f"d{n}.sqlite3")
        devices.append(Device(d.code, open_database(tmp_path / f"d{n}.sqlite3"), d.pair, d.actor))
    w = World(open_database(hq_url), template.hq_pair, template.admin, devices, tmp_path / "usb")
    yield w
    pg_world.close(w)
    pg_server_running.drop_database(hq_url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How long the server took to start and a test database to be made (this process's figures)."""
    for server in _SERVERS:
        parts = [f"{label} {min(v):.2f}–{max(v):.2f} s (×{len(v)})" if len(v) > 1 else f"{label} {v[0]:.2f} s"
                 for label, v in server.timings.items()]
        terminalreporter.write_line("PostgreSQL harness: " + "; ".join(parts))
