"""One compiled-statement cache for every database the process opens (storage/dialects.py)."""

from __future__ import annotations

import gc
import os
import shutil
import types
from pathlib import Path

from sqlalchemy import select

from survey_app.core.storage import dialects
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household

# a statement no other test runs, so the first execution in this process is a miss whatever ran before
_ODD = select(Household.id).where(Household.address == "shared-cache test").limit(7).offset(3)


def test_a_second_database_runs_the_statements_the_first_compiled(_demo_template: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    shutil.copyfile(_demo_template, first)
    shutil.copyfile(_demo_template, second)
    a, b = Database(first), Database(second)
    try:
        assert a.engine.dialect == b.engine.dialect and a.engine.dialect is not b.engine.dialect
        by_id = select(Household.id).order_by(Household.id)
        before = len(dialects.SHARED_CACHE)
        with a.read() as s, a.engine.connect() as conn:
            assert s.scalars(_ODD).all() == []
            assert s.scalars(by_id).all() == conn.execute(by_id).scalars().all()  # ORM and Core: two entries
        size = len(dialects.SHARED_CACHE)
        assert size > before  # _ODD at least was compiled into the shared cache
        with b.read() as s, b.engine.connect() as conn:
            assert s.scalars(_ODD).all() == []
            households = s.scalars(by_id).all()
            assert conn.execute(by_id).scalars().all() == households
        assert len(households) == 60
        assert len(dialects.SHARED_CACHE) == size, "the second database compiled its own copy"
    finally:
        a.dispose()
        b.dispose()


def test_plain_and_encrypted_files_compile_apart_and_the_cache_keeps_no_key(tmp_path: Path) -> None:
    key = os.urandom(32)
    before = set(dialects.SHARED_CACHE.keys())  # only what this test compiles can hold this test's dialect
    plain, encrypted = Database(tmp_path / "plain.sqlite3"), Database(tmp_path / "enc.sqlite3", cipher_key=key)
    try:
        assert plain.engine.dialect != encrypted.engine.dialect  # sqlite3 and sqlcipher3: two libraries
        with encrypted.read() as s:
            assert s.scalars(_ODD.limit(3)).all() == []
        dialect = id(encrypted.engine.dialect)
    finally:
        plain.dispose()
        encrypted.dispose()
    del encrypted  # the walk follows strong references only: whether the Database is collected yet doesn't matter
    seen: set[int] = set()
    todo = [value for k, value in dialects.SHARED_CACHE.items() if k not in before]
    while todo:  # everything the cache keeps alive, the dialects' event hooks included
        item = todo.pop()
        if id(item) in seen or isinstance(item, type | types.ModuleType):
            continue
        seen.add(id(item))
        assert not (isinstance(item, bytes) and item == key), \
            "a disposed project's database key is still reachable from the statement cache"
        if isinstance(item, types.FunctionType):  # what it holds itself, not its module's globals
            todo.extend(cell.cell_contents for cell in item.__closure__ or ())
            todo.extend(item.__defaults__ or ())
        else:
            todo.extend(gc.get_referents(item))
    assert dialect in seen and len(seen) > 1000  # the walk reached the encrypted file's dialect and its hooks
