"""This installation's device code as stored in its local settings, and the device status HQ sets when it
revokes one. Storage-level facts read by sync (stamping bundles, receipts, checkpoints) and by the services
(issue 11 item 3: sync never imports the services to learn them)."""

from __future__ import annotations

from survey_app.core.storage.database import Database

SETTING = "device_code"
REVOKED = "revoked"  # devices.status of a device HQ revoked


def local_device_code(db: Database) -> str:
    """The code of this device, or "" before the first start created it."""
    return db.setting(SETTING)
