"""Users of the app and the devices (laptops, HQ machines) that make records."""

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.core.domain.roles import Role
from survey_app.core.storage.models.base import Base, Synced, name, text


class User(Synced, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[name]
    role: Mapped[str] = mapped_column(String(16), default=Role.FIELD_WORKER.value)
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[dt.datetime | None]
    phone: Mapped[str] = mapped_column(String(20), default="")
    must_change_password: Mapped[bool] = mapped_column(default=False)  # first login of a real project, a reset (0008)


class Device(Synced, Base):
    __tablename__ = "devices"

    code: Mapped[str] = mapped_column(String(32), unique=True)  # short, printed in agreement numbers
    name: Mapped[name]
    kind: Mapped[str] = mapped_column(String(16), default="field")  # field | hq
    signing_public_key: Mapped[str] = mapped_column(Text, default="")  # Ed25519 for agreement QR codes
    encryption_public_key: Mapped[str] = mapped_column(Text, default="")  # X25519: bundles sent to it
    sync_signing_key: Mapped[str] = mapped_column(Text, default="")  # Ed25519 signing its sync bundles
    enrolled_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="active")
    revoked_at: Mapped[dt.datetime | None]  # HQ revoked it (lost, stolen, retired): import and verify refuse after (0008)
    revoked_reason: Mapped[text]
