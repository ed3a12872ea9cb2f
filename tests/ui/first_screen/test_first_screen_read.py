"""The first screen's light read (services/first_screen.py, stdlib sqlite3) equals what the services show.

The first window is painted from it before the ORM is imported; these tests prove its rows, marks and
login answer are the real list model's and ``users.login``'s, and that it declines what it cannot serve.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from survey_app.core.services import first_screen as fs
from survey_app.core.storage import first_screen as storage_fs
from survey_app.ui.household_model import FIRST_PAGE, HouseholdModel


def _light(path: Path) -> fs.FirstScreen:
    """A FirstScreen on a database the test also holds open (open_first_screen declines that: ``-open``)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    return fs.FirstScreen(conn, path)


def _texts(model: HouseholdModel) -> list[tuple[str, ...]]:
    return [tuple(model.display(r, c) for c in range(model.columnCount())) for r in range(model.rowCount())]


def _tips(model: HouseholdModel) -> list[object]:
    from survey_app.ui.household_model import COL_STATUS

    return [model.data(model.index(r, COL_STATUS), 3) for r in range(model.rowCount())]  # ToolTipRole


@pytest.fixture
def marked(demo_db, calculated):
    """The demo with every mark the list shows: a draft, a field-found household, an open 测算不一致."""
    with demo_db.engine.begin() as conn:
        first, second = conn.execute(text("SELECT id FROM households ORDER BY household_code LIMIT 2")).scalars()
        conn.execute(text("INSERT INTO drafts (household_id, username, saved_at, base_rev, content) "
                          "VALUES (:h, 'worker', '2026-01-01 00:00:00', 1, '{}')"), {"h": first})
        conn.execute(text("UPDATE households SET origin = 'field' WHERE id = :h"), {"h": second})
        calc = conn.execute(text("SELECT id FROM calculations WHERE household_id = :h"), {"h": calculated}).scalar()
        conn.execute(text(
            "INSERT INTO sync_issues (kind, entity, entity_id, device, bundle_seq, base_rev, local_rev, incoming_rev,"
            " local_json, incoming_json, message, status, created_at, decided_by)"
            " VALUES ('recheck', 'calculations', :c, 'D09', 1, 0, 0, 0, '{}', '{}', '', 'open',"
            " '2026-01-01 00:00:00', '')"), {"c": calc})
    return demo_db, {first, calculated}, second


def test_the_first_screens_rows_and_marks_are_the_real_models(qapp, marked) -> None:
    db, expected_marked, field_found = marked
    real = HouseholdModel(db, username="worker")
    real.refresh()
    screen = _light(db.path)
    light = HouseholdModel(None, username="worker", first_screen=screen)
    light.refresh()
    assert light.rowCount() == real.rowCount() == 60  # the whole small demo in the first page
    assert [light.key_at(r) for r in range(60)] == [real.key_at(r) for r in range(60)]
    assert _texts(light) == _texts(real)
    assert _tips(light) == _tips(real)
    shown = {r.id: r for r in screen.fetch_rows([real.key_at(r) for r in range(60)]).values()}
    assert expected_marked <= set(screen.draft_ids("worker")) | screen.disputed_ids()
    assert shown[field_found].origin == "field"
    assert "草稿" in _texts(light)[0][2] and "新增" in _texts(light)[1][2]  # the marks did reach the texts
    screen.close()


def test_the_first_page_is_the_services_first_page(demo_db) -> None:
    from survey_app.core.services import households

    screen = _light(demo_db.path)
    assert screen.first_keys(FIRST_PAGE + 1) == households.search_keys(demo_db, households.HouseholdFilter(),
                                                                       limit=FIRST_PAGE + 1)
    assert screen.first_keys(5) == households.search_keys(demo_db, households.HouseholdFilter(), limit=5)
    real = households.fetch_rows(demo_db, screen.first_keys(40))
    light = screen.fetch_rows(screen.first_keys(40))
    fields = [f for f in fs.FirstRow.__dataclass_fields__]
    assert {k: [getattr(r, f) for f in fields] for k, r in light.items()} == \
        {k: [getattr(r, f) for f in fields] for k, r in real.items()}
    screen.close()


def test_sign_in_agrees_with_the_login_service(demo_db) -> None:
    from survey_app.core.services import devices, users

    screen = _light(demo_db.path)
    actor = fs.sign_in(screen, "worker", "worker123")
    assert actor == users.login(demo_db, "worker", "worker123", device=devices.local_device_code(demo_db))
    assert fs.sign_in(screen, "worker", "wrong-password") is None
    assert fs.sign_in(screen, "nobody", "worker123") is None
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE users SET locked_until = '2099-01-01 00:00:00' WHERE username = 'worker'"))
        conn.execute(text("UPDATE users SET must_change_password = 1 WHERE username = 'reviewer'"))
    assert fs.sign_in(screen, "worker", "worker123") is None  # locked: users.login says so and records it
    assert fs.sign_in(screen, "reviewer", "review123") is None  # must change it: the dialog's path
    screen.close()


def test_what_the_first_screen_names_equals_the_services() -> None:
    from survey_app.core.services import field_households
    from survey_app.core.storage import device_code, migrations
    from survey_app.ui import household_model

    assert storage_fs.HEAD == migrations.HEAD
    assert storage_fs.DEVICE_SETTING == device_code.SETTING
    assert household_model.FIELD == field_households.FIELD


def test_open_first_screen_declines_what_it_cannot_serve(demo_db, tmp_path: Path) -> None:
    assert fs.open_first_screen(demo_db.path) is None  # open elsewhere (or left unclean): its -open marker
    assert fs.open_first_screen("postgresql+psycopg://u@h/db") is None
    assert fs.open_first_screen(tmp_path / "missing.sqlite3") is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert fs.open_first_screen(tmp_path / "empty.sqlite3") is None
    (tmp_path / "noise.sqlite3").write_bytes(b"\x8f" * 4096)  # an encrypted (SQLCipher) file
    assert fs.open_first_screen(tmp_path / "noise.sqlite3") is None
    path = demo_db.path
    demo_db.dispose()
    screen = fs.open_first_screen(path)
    assert screen is not None and screen.project_name()
    screen.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0012_policy_fields'")
    assert fs.open_first_screen(path) is None  # the real open migrates it first
    from survey_app.core.services import Database

    empty = Database(tmp_path / "new.sqlite3")  # migrated, no project yet: the first-start demo's path
    empty.dispose()
    assert fs.open_first_screen(tmp_path / "new.sqlite3") is None


def test_the_first_screen_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    import subprocess

    code = ("import sys\nfrom survey_app.core.services import first_screen\n"
            "from survey_app.ui import main_window, app_first_window\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
