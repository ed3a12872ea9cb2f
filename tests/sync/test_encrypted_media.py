"""Photos of encrypted projects: sealed on the laptop, plaintext inside the (encrypted) bundle, sealed at HQ."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PIL import Image
from sqlalchemy import select
from sync_setup import World, build

from survey_app.core.files import is_sealed
from survey_app.core.services.attachments import attach_photos, list_photos, media_path, read_media
from survey_app.core.storage.cipher import encrypt_copy
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Household
from survey_app.core.sync.batch_import import import_field_bundles
from survey_app.core.sync.export import export_bundle

ID_NUMBER = "43010219800101123X"


def _encrypted(db: Database, folder: Path) -> Database:
    """The same project, converted to an encrypted file (its own random key) in ``folder``."""
    db.dispose()
    folder.mkdir(exist_ok=True)
    target = folder / db.path.name
    key = os.urandom(32)
    encrypt_copy(db.path, target, key)
    return Database(target, cipher_key=key)


def _photo(path: Path, color: str) -> Path:
    exif = Image.Exif()
    exif[270] = f"ID {ID_NUMBER}"
    Image.new("RGB", (40, 30), color).save(path, "JPEG", exif=exif)
    return path


def test_photos_travel_sealed_at_both_ends(tmp_path: Path) -> None:
    world: World = build(tmp_path / "world")
    d1 = world.devices[0]
    hq, d1.db = _encrypted(world.hq, tmp_path / "hq"), _encrypted(d1.db, tmp_path / "d1")
    world.hq = hq
    try:
        with d1.db.read() as s:
            hid = s.scalar(select(Household.id).where(Household.assigned_to == d1.actor.username)
                           .order_by(Household.id))
        bundles = []
        originals = {}
        for color in ("red", "blue"):  # two bundles: the second is prepared in the worker process
            src = _photo(tmp_path / f"{color}.jpg", color)
            (photo,) = attach_photos(d1.db, d1.actor, hid, [src])
            originals[photo.sha256] = src.read_bytes()
            assert is_sealed(photo.path.read_bytes())
            bundles.append(export_bundle(d1.db, d1.pair, world.usb).path)
        for b in bundles:  # the bundle carries the photo itself (it is encrypted as a whole)
            assert ID_NUMBER.encode() not in b.read_bytes()
        reports = import_field_bundles(hq, world.admin, world.hq_pair, bundles)
        assert all(not isinstance(r, Exception) for r in reports), reports
        assert {p.sha256 for p in list_photos(hq, hid)} == set(originals)
        for sha, data in originals.items():
            stored = media_path(hq, sha, ".jpg").read_bytes()
            assert is_sealed(stored) and ID_NUMBER.encode() not in stored
            assert read_media(hq, sha, ".jpg") == data and hashlib.sha256(data).hexdigest() == sha
    finally:
        for db in (hq, *(d.db for d in world.devices)):
            db.dispose()
