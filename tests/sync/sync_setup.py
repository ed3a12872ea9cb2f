"""A small sync world for tests: HQ with the demo project and two enrolled field devices."""

from __future__ import annotations

import atexit
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from key_costs import shared_key_cost, test_key_cost
from sqlalchemy import select

from survey_app.core.domain.roles import Role
from survey_app.core.services import users
from survey_app.core.services.demo import create_demo
from survey_app.core.services.startup import open_database
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household
from survey_app.core.storage.uow import Actor
from survey_app.core.sync import enrollment, identity, keys
from survey_app.core.sync.assignments import import_assignment, write_assignment

HQ_PASSWORD = "hq-secret-123"
DEVICE_PASSWORD = "dev-secret-123"


@dataclass
class Device:
    code: str
    db: Database
    pair: keys.KeyPair
    actor: Actor


@dataclass
class World:
    hq: Database
    hq_pair: keys.KeyPair
    admin: Actor
    devices: list[Device]
    usb: Path


_TEMPLATES: dict[tuple[int, bool], tuple[Path, World]] = {}
_SNAPSHOTS: dict[str, tuple[Path, bytes]] = {}
SNAPSHOT_VALUE = "snapshot.pickle"
T = TypeVar("T")
# tests/conftest.py names a folder shared by the run's test processes: a world is built once per run there
# (under a lock) and the other processes unlock its keys from copies. Without it: once per process.
SHARED_ENV = "SURVEY_TEST_TEMPLATES"
# The worlds whose files tests hand to a real survey-app process (tests/sync/test_checkpoints.py,
# tests/core/sync/test_import_faults.py, tests/security_chain/test_revocation.py: the default world and its
# snapshots), as (households, shared): their keys are sealed at that process's floor (``shared_key_cost``). The
# others stay in the test processes, at the tests' cost: ~45 ms less per key sealed or first opened, 16× less.
REAL_PROCESS_WORLDS = {(30, False)}


def _key_cost(households: int, shared: bool) -> AbstractContextManager:
    return shared_key_cost() if (households, shared) in REAL_PROCESS_WORLDS else test_key_cost()


def build(tmp: Path, households: int = 30, shared: bool = False, fresh: bool = False) -> World:
    """HQ + D01 (worker) + D02 (worker2, or worker too when ``shared``), assignments imported.

    Building one costs ~2 s (demo data, three scrypt-sealed key pairs, enrollment, assignments), so each
    test run builds each kind once and every test gets a copy of its three database files, with the
    same (already unlocked) keys. ``fresh``: a world of its own, with its own HQ and keys."""
    if fresh:
        return _build(tmp, households, shared)
    folder, template = _base(households, shared)
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "usb").mkdir()
    for name in FILES:
        shutil.copyfile(folder / name, tmp / name)
    return _opened(tmp, template)


def snapshot(tmp: Path, name: str, prepare: Callable[[World], T], households: int = 30,
             shared: bool = False) -> tuple[World, T]:
    """``build(tmp, households, shared)`` after ``prepare(world)`` (the scene many tests start from: edits made,
    bundles exported and imported), and what ``prepare`` returned (picklable). Made once per run like the
    worlds — the folder (databases, USB folder) saved with the value — and copied per test, with the world's
    keys: a copy is the scene ``prepare`` would set up again, without its cost. One ``name``, one ``prepare``."""
    if name not in _SNAPSHOTS:
        _SNAPSHOTS[name] = _snapshot_template(name, prepare, households, shared)
    folder, value = _SNAPSHOTS[name]
    shutil.copytree(folder, tmp, dirs_exist_ok=True, ignore=shutil.ignore_patterns(SNAPSHOT_VALUE))
    return _opened(tmp, _base(households, shared)[1]), pickle.loads(value)  # a value of its own per test


FILES = ("hq.sqlite3", "d1.sqlite3", "d2.sqlite3")


def _base(households: int, shared: bool) -> tuple[Path, World]:
    key = (households, shared)
    if key not in _TEMPLATES:
        _TEMPLATES[key] = _template(households, shared)
    return _TEMPLATES[key]


def _opened(tmp: Path, template: World) -> World:
    """The world whose files were copied into ``tmp``, opened, with the template's keys and actors."""
    devices = [Device(d.code, open_database(tmp / f"d{n}.sqlite3"), d.pair, d.actor)
               for n, d in enumerate(template.devices, 1)]
    return World(open_database(tmp / "hq.sqlite3"), template.hq_pair, template.admin, devices, tmp / "usb")


def _template(households: int, shared: bool) -> tuple[Path, World]:
    """(folder holding the three files, the world's keys and actors), built by this process or another's."""
    own = Path(tempfile.mkdtemp(prefix="sync_world_"))
    atexit.register(shutil.rmtree, own, True)
    if not os.environ.get(SHARED_ENV):
        return own, _closed(_build(own, households, shared))
    from survey_app.core.platform import file_lock

    folder = Path(os.environ[SHARED_ENV]) / f"sync-world-{households}-{'shared' if shared else 'two'}"
    with file_lock(folder.with_suffix(".lock"), timeout=900):
        if (folder / "world.pickle").exists():
            with _key_cost(households, shared):  # (a module's fixture runs before the tests' cheap costs)
                return folder, _unlocked(folder, own)
        with _key_cost(households, shared):  # a real process may open these files
            built = _closed(_build(own, households, shared))
        partial = folder.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)  # a killed process's leftovers (we hold the lock)
        partial.mkdir(parents=True)
        for name in FILES:
            shutil.copyfile(own / name, partial / name)
        (partial / "world.pickle").write_bytes(pickle.dumps(
            (built.admin, [(d.code, d.actor) for d in built.devices])))
        os.replace(partial, folder)
    return own, built


def _snapshot_template(name: str, prepare: Callable[[World], object], households: int,
                       shared: bool) -> tuple[Path, bytes]:
    """(folder holding the scene's files, its pickled value), made by this process or another's."""
    def make(folder: Path) -> None:
        world = build(folder, households, shared)
        value = prepare(world)
        _closed(world)
        (folder / SNAPSHOT_VALUE).write_bytes(pickle.dumps(value))

    if not os.environ.get(SHARED_ENV):
        folder = Path(tempfile.mkdtemp(prefix="sync_snapshot_"))
        atexit.register(shutil.rmtree, folder, True)
        make(folder / name)
        return folder / name, (folder / name / SNAPSHOT_VALUE).read_bytes()
    from survey_app.core.platform import file_lock

    folder = Path(os.environ[SHARED_ENV]) / f"sync-snapshot-{name}"
    with file_lock(folder.with_suffix(".lock"), timeout=900):
        if not (folder / SNAPSHOT_VALUE).exists():
            partial = folder.with_suffix(".partial")
            shutil.rmtree(partial, ignore_errors=True)  # a killed process's leftovers (we hold the lock)
            with _key_cost(households, shared):
                make(partial)
            os.replace(partial, folder)
    return folder, (folder / SNAPSHOT_VALUE).read_bytes()


def _closed(world: World) -> World:
    for db in (world.hq, *(d.db for d in world.devices)):
        db.dispose()  # checkpoints each WAL into its file: three self-contained files to copy
    return world


def _unlocked(folder: Path, own: Path) -> World:
    """Another process's world: its keys unlocked from copies of its files (the files are never opened)."""
    admin, devices = pickle.loads((folder / "world.pickle").read_bytes())
    for name in FILES:
        shutil.copyfile(folder / name, own / name)
    opened = [open_database(own / name) for name in FILES]
    try:
        pairs = [identity.unlock(opened[0], HQ_PASSWORD)] + [identity.unlock(db, DEVICE_PASSWORD) for db in opened[1:]]
    finally:
        for db in opened:
            db.dispose()
    return World(None, pairs[0], admin, [Device(code, None, pair, actor)  # type: ignore[arg-type]
                                         for (code, actor), pair in zip(devices, pairs[1:])], own / "usb")


def _build(tmp: Path, households: int, shared: bool) -> World:
    usb = tmp / "usb"
    usb.mkdir(parents=True)
    hq = _new_database(tmp / "hq.sqlite3")
    create_demo(hq, households=households, seed=5)
    enrollment.init_hq(hq, HQ_PASSWORD)
    hq_pair = identity.unlock(hq, HQ_PASSWORD)
    admin = users.login(hq, "hq", "hq123456", device="HQ")
    users.create_user(hq, admin, "worker2", "worker2pw", Role.FIELD_WORKER, "李敏")
    with hq.uow(admin) as uow:  # worker2 gets the C sections
        for h in uow.session.scalars(select(Household).where(Household.section.in_(("C1", "C2")))):
            h.assigned_to = "worker2"
        uow.commit()
    devices = []
    for n, user in enumerate(("worker", "worker" if shared else "worker2"), 1):
        db = _new_database(tmp / f"d{n}.sqlite3")
        enrollment.make_request(db, DEVICE_PASSWORD, f"笔记本{n}", usb / f"req{n}.json")
        code, response = enrollment.accept_request(hq, admin, hq_pair, usb / f"req{n}.json", usb)
        enrollment.import_response(db, DEVICE_PASSWORD, response)
        pair = identity.unlock(db, DEVICE_PASSWORD)
        import_assignment(db, pair, write_assignment(hq, admin, hq_pair, code, [user], usb))
        password = "worker123" if user == "worker" else "worker2pw"
        devices.append(Device(code, db, pair, users.login(db, user, password, device=code)))
    return World(hq, hq_pair, admin, devices, usb)


_EMPTY: list[Path] = []


def _new_database(path: Path) -> Database:
    """``open_database`` on a new file, which it would migrate (~0.4 CPU-s, a third of a world's build): a copy
    of a file migrated once per run instead — the same file (tests/conftest.py's ``db`` starts from it too,
    ``empty.sqlite3`` in the same shared folder, made the same way under the same lock)."""
    if not _EMPTY:
        _EMPTY.append(_empty_template())
    shutil.copyfile(_EMPTY[0], path)
    return open_database(path)


def _empty_template() -> Path:
    def make(path: Path) -> None:
        Database(path).dispose()

    if not os.environ.get(SHARED_ENV):
        folder = Path(tempfile.mkdtemp(prefix="sync_empty_"))
        atexit.register(shutil.rmtree, folder, True)
        make(folder / "empty.sqlite3")
        return folder / "empty.sqlite3"
    from survey_app.core.platform import file_lock

    folder = Path(os.environ[SHARED_ENV])
    path = folder / "empty.sqlite3"
    with file_lock(folder / "empty.sqlite3.lock", timeout=900):
        if not path.exists():
            partial = folder / "empty.sqlite3.partial"
            for stale in folder.glob("empty.sqlite3.partial*"):  # a killed process's leftovers (we hold the lock)
                stale.unlink()
            make(partial)
            os.replace(partial, path)
    return path


def audit_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM audit_events").scalar()
