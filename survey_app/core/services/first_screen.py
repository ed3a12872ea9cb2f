"""The first window's services, without SQLAlchemy: the read (storage/first_screen.py) and the login's check.

The UI paints its first window from these (ui/app.py), then imports the ORM and signs the user in
through ``users.login`` — the audited login, with its lockout counters — once that window has painted.
``sign_in`` answers only what it can answer alone: a live, active, unlocked user whose password is right
and who need not change it. Anything else (a wrong password, a lock, a forced change) returns None and
the caller takes the ordinary path, where ``users.login`` records the attempt and says why.

The password is checked here with the same scrypt as ``users.login`` (~50 ms): the real cost of a login
belongs before the first paint.
"""

from __future__ import annotations

from survey_app.core.domain.actor import Actor
from survey_app.core.domain.roles import Role
from survey_app.core.security.passwords import verify_password
from survey_app.core.storage.first_screen import (
    DEVICE_SETTING,
    FirstRow,
    FirstScreen,
    LoginUser,
    open_first_screen,
    reopen_first_screen,
)

__all__ = ["FirstRow", "FirstScreen", "LoginUser", "open_first_screen", "reopen_first_screen", "sign_in"]


def sign_in(screen: FirstScreen, username: str, password: str) -> Actor | None:
    """The Actor to work as when this user may start at once, else None (see the module docstring)."""
    user = screen.login_user((username or "").strip())
    if user is None or not user.active or user.locked or user.must_change_password:
        return None
    try:
        role = Role(user.role)
    except ValueError:
        return None
    if not verify_password(password or "", user.password_hash):
        return None
    return Actor(username=user.username, role=role, device=screen.setting(DEVICE_SETTING),
                 display_name=user.display_name)
