"""HQ import under faults: a kill -9 mid-decryption leaves no plaintext in the temp folder; a damaged HQ
database takes no import; a photo whose bytes don't match its name leaves nothing in the media store."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tests" / "sync"))  # the sync world shared with tests/sync

from sync_setup import HQ_PASSWORD, World, build  # noqa: E402

from survey_app.core.domain.errors import ValidationError  # noqa: E402
from survey_app.core.services.attachments import attach_photos, media_root  # noqa: E402
from survey_app.core.services.survey.store import load_form, save_form  # noqa: E402
from survey_app.core.storage.database import Database  # noqa: E402
from survey_app.core.storage.errors import CorruptDatabase  # noqa: E402
from survey_app.core.storage.models import Household, ImportedBundle  # noqa: E402
from survey_app.core.sync import bundle, importer  # noqa: E402
from survey_app.core.sync.export import export_bundle  # noqa: E402
from survey_app.core.sync.importer import import_field_bundle  # noqa: E402

# Imports a bundle like HQ does, but stops once every chunk is decrypted (before the end mark is
# confirmed), says so on stdout and waits to be killed: a deterministic "kill -9 while decrypting".
CHILD = r"""
import sys
from pathlib import Path
from survey_app.core.services import users
from survey_app.core.services.startup import open_database
from survey_app.core.sync import bundle, identity
from survey_app.core.sync.importer import import_field_bundle

real = bundle.decrypt_chunks
def paused(*args, **kwargs):
    yield from real(*args, **kwargs)
    print("DECRYPTED", flush=True)
    sys.stdin.readline()
bundle.decrypt_chunks = paused

hq_path, password, bundle_path = sys.argv[1:4]
hq = open_database(hq_path)
pair = identity.unlock(hq, password)
admin = users.login(hq, "hq", "hq123456", device="HQ")
import_field_bundle(hq, admin, pair, Path(bundle_path))
print("IMPORTED", flush=True)
"""


@pytest.fixture
def world(tmp_path: Path) -> World:
    return build(tmp_path)


def _day_bundle(world: World, tmp_path: Path, photo_bytes: bytes = b"") -> tuple[Path, Household]:
    """D01 edits one of its households (and attaches a photo); its day-end bundle."""
    dev = world.devices[0]
    with dev.db.read() as s:
        h = s.scalars(select(Household).where(Household.assigned_to == dev.actor.username)
                      .order_by(Household.id)).first()
    form = load_form(dev.db, h.id)
    form.notes = "户主同意入户调查"
    save_form(dev.db, dev.actor, form)
    if photo_bytes:
        photo = tmp_path / "门头.jpg"
        photo.write_bytes(photo_bytes)
        attach_photos(dev.db, dev.actor, h.id, [photo])
    return export_bundle(dev.db, dev.pair, world.usb).path, h


def _files_holding(folder: Path, needles: list[bytes]) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_killed_import_leaves_no_plaintext_in_the_temp_folder(world: World, tmp_path: Path) -> None:
    photo = os.urandom(3 << 20)
    path, h = _day_bundle(world, tmp_path, photo)
    needles = [h.head_name.encode(), h.head_id_number.encode(), photo[1 << 20:(1 << 20) + 64]]
    with bundle.open_bundle(path, recipient=world.hq_pair, sender_key=lambda code: world.devices[0].pair
                            .signing.public_key(), in_memory=True) as opened:  # the bundle does hold them
        plain = b"".join(data for _, data in opened.entries())
        assert needles[0] in plain and needles[1] in plain and needles[2] in plain
    temp = tmp_path / "systemp"
    temp.mkdir()
    env = dict(os.environ, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(world.hq.path), HQ_PASSWORD, str(path)],
                             cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        line = child.stdout.readline()  # blocks until the child has decrypted everything (or died)
        assert line.strip() == b"DECRYPTED", child.stderr.read().decode(errors="replace")[-2000:]
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.communicate()
    assert _files_holding(temp, needles) == []
    assert _files_holding(world.usb, needles[:2]) == []
    # Nothing lost at HQ: the next import of the same bundle goes through.
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert report.records > 0 and not report.already_imported
    assert _files_holding(media_root(world.hq), needles[2:])  # the photo is in HQ's media store


def _damage_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 2) // 4096 * 4096
    data[middle:middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def test_hq_refuses_to_import_into_a_damaged_database(world: World, tmp_path: Path) -> None:
    path, _ = _day_bundle(world, tmp_path)
    hq_path = world.hq.path
    world.hq.dispose()  # closed cleanly: opening does not check, the import must
    _damage_middle(hq_path)
    hq = Database(hq_path)
    try:
        with pytest.raises(CorruptDatabase, match="数据库文件已损坏"):
            import_field_bundle(hq, world.admin, world.hq_pair, path)
    finally:
        hq.dispose()


def test_a_photo_not_matching_its_name_leaves_nothing_in_the_store(world: World, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    photo = os.urandom(200_000)
    path, _ = _day_bundle(world, tmp_path, photo)
    sha = hashlib.sha256(photo).hexdigest()

    class Flipping(importer._MediaWriter):  # a sender whose photo bytes changed after they were hashed
        def write(self, data) -> None:
            super().write(bytes(b ^ 1 for b in bytes(data)))

    monkeypatch.setattr(importer, "_MediaWriter", Flipping)
    with pytest.raises(ValidationError, match="内容与其哈希不符"):
        import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    assert list(media_root(world.hq).rglob(f"*{sha}*")) == []  # neither the photo nor a partial file
    with world.hq.read() as s:
        assert s.scalar(select(func.count()).select_from(ImportedBundle)) == 0
