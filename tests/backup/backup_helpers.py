"""Names, passwords and helpers shared by the backup tests (conftest modules are not importable)."""

from __future__ import annotations

import io
from pathlib import Path

ADMIN_PASSWORD = "Zhb-2024-secret"
RECOVERY_PASSWORD = "Seal-envelope-2024"


def png_bytes(color: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(out, format="PNG")
    return out.getvalue()


def add_photo(db, tmp_path: Path, name: str, color: tuple[int, int, int]):
    """Attach a real PNG to the first household (as a field worker would); its AttachedPhoto."""
    from sqlalchemy import select

    from survey_app.core.domain.roles import Role
    from survey_app.core.services.attachments import attach_photos
    from survey_app.core.storage.models import Household
    from survey_app.core.storage.uow import Actor

    src = tmp_path / name
    src.write_bytes(png_bytes(color))
    with db.read() as s:
        hid = s.scalar(select(Household.id).order_by(Household.household_code).limit(1))
    worker = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
    (photo,) = attach_photos(db, worker, hid, [src])
    return photo
